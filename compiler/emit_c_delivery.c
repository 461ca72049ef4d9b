/* The C back end's delivery tables (emit_c_parts.h): delivery schemes with their bands, and activities
 * with their milestones, statuses and tallies, as static arrays the generated prt_plan points at. */
#include "emit_c_parts.h"

static const char *truth(bool b) { return b ? "true" : "false"; }

static void when(FILE *out, prt_when w)
{
    fprintf(out, "{%d, ", w.date);
    emit_period(out, w.period);
    fprintf(out, ", %s}", truth(w.set));
}

void emit_c_delivery_schemes(FILE *out, const prt_plan *plan)
{
    for (int s = 0; s < plan->ndelivery; s++) {
        const prt_delivery_scheme *d = &plan->delivery[s];
        fprintf(out, "static const prt_delivery_band delivery%d_bands[] = {\n", s);
        for (int b = 0; b < d->nbands; b++) {
            const prt_delivery_band *x = &d->bands[b];
            fputs("    {", out);
            emit_lit(out, x->id);
            fputs(", ", out);
            emit_lit(out, x->label);
            fputs(", ", out);
            emit_lit(out, x->abbrev);
            fprintf(out, ", %uu, %uu, %s, %s, ", x->states, x->impacts, truth(x->otherwise),
                    prt_colour_c_names[x->colour]);
            emit_lit(out, x->symbol);
            fputs("},\n", out);
        }
        if (!d->nbands)
            fputs("    {NULL, NULL, NULL, 0u, 0u, false, PRT_COLOUR_AUTO, NULL},\n", out);
        fputs("};\n\n", out);
    }
    fputs("static const prt_delivery_scheme delivery_schemes[] = {\n", out);
    for (int s = 0; s < plan->ndelivery; s++) {
        const prt_delivery_scheme *d = &plan->delivery[s];
        fputs("    {", out);
        emit_lit(out, d->id);
        fputs(", ", out);
        emit_lit(out, d->name);
        fprintf(out, ", %d, delivery%d_bands, %s, %d},\n", d->nbands, s, prt_overdue_rule_c_names[d->overdue],
                d->overdue_n);
    }
    if (!plan->ndelivery)
        fputs("    {NULL, NULL, 0, NULL, PRT_OVERDUE_NONE, 0},\n", out);
    fputs("};\n\n", out);
}

static void milestones(FILE *out, int i, const prt_activity *a)
{
    fprintf(out, "static const prt_milestone activity%d_milestones[] = {\n", i);
    for (int k = 0; k < a->nmilestones; k++) {
        const prt_milestone *m = &a->milestones[k];
        fputs("    {", out);
        emit_lit(out, m->id);
        fputs(", ", out);
        emit_lit(out, m->name);
        fputs(", ", out);
        when(out, m->start);
        fputs(", ", out);
        when(out, m->due);
        fputs(", ", out);
        when(out, m->completed);
        fputs("},\n", out);
    }
    if (!a->nmilestones)
        fputs("    {NULL, NULL, {0, {0, PRT_YEAR, 0}, false}, {0, {0, PRT_YEAR, 0}, false}, {0, {0, PRT_YEAR, 0}, false}},\n", out);
    fputs("};\n", out);
}

static void statuses(FILE *out, int i, const prt_activity *a)
{
    fprintf(out, "static const prt_activity_status activity%d_statuses[] = {\n", i);
    for (int k = 0; k < a->nstatuses; k++) {
        const prt_activity_status *s = &a->statuses[k];
        fputs("    {", out);
        emit_period(out, s->period);
        fprintf(out, ", %s, %s, %s, %d, %s, ", truth(s->dated), prt_delivery_state_c_names[s->state],
                prt_impact_c_names[s->impact], s->band, truth(s->has_percent));
        emit_num(out, s->percent);
        fputs(", ", out);
        emit_lit(out, s->rated);
        fputs(", ", out);
        emit_lit(out, s->note);
        fputs("},\n", out);
    }
    if (!a->nstatuses)
        fputs("    {{0, PRT_YEAR, 0}, false, PRT_STATE_NONE, PRT_IMPACT_NONE, -1, false, 0.0, NULL, NULL},\n", out);
    fputs("};\n", out);
}

static void tallies(FILE *out, int i, const prt_activity *a)
{
    fprintf(out, "static const prt_tally activity%d_tallies[] = {\n", i);
    for (int k = 0; k < a->ntallies; k++) {
        const prt_tally *t = &a->tallies[k];
        fputs("    {", out);
        emit_period(out, t->period);
        fprintf(out, ", %d, %d, ", t->done, t->total);
        emit_lit(out, t->what);
        fputs("},\n", out);
    }
    if (!a->ntallies)
        fputs("    {{0, PRT_YEAR, 0}, 0, 0, NULL},\n", out);
    fputs("};\n\n", out);
}

static void activity_entry(FILE *out, int i, const prt_activity *a)
{
    fputs("    {\n        .id = ", out);
    emit_lit(out, a->id);
    fputs(", .name = ", out);
    emit_lit(out, a->name);
    fprintf(out, ",\n        .theme = %d, .outcome = %d, .scheme = %d,\n        .owner = ", a->theme, a->outcome,
            a->scheme);
    emit_lit(out, a->owner);
    fputs(", .description = ", out);
    emit_lit(out, a->description);
    fputs(", .progress = ", out);
    emit_lit(out, a->progress);
    fputs(",\n        .due = ", out);
    when(out, a->due);
    fprintf(out, ",\n        .nmilestones = %d, .nstatuses = %d, .ntallies = %d,\n", a->nmilestones, a->nstatuses,
            a->ntallies);
    fprintf(out, "        .milestones = activity%d_milestones, .statuses = activity%d_statuses, .tallies = activity%d_tallies,\n    },\n",
            i, i, i);
}

void emit_c_activities(FILE *out, const prt_plan *plan)
{
    for (int i = 0; i < plan->nactivities; i++) {
        milestones(out, i, &plan->activities[i]);
        statuses(out, i, &plan->activities[i]);
        tallies(out, i, &plan->activities[i]);
    }
    fputs("static const prt_activity activities[] = {\n", out);
    for (int i = 0; i < plan->nactivities; i++)
        activity_entry(out, i, &plan->activities[i]);
    if (!plan->nactivities)
        fputs("    {.name = NULL},\n", out);
    fputs("};\n\n", out);
}
