/* The SQL back end's tables of delivery facts: the plan's activities, milestones, statuses and
 * delivery schemes, with the band every state and impact falls in worked out by the runtime's own
 * prt_delivery_band_for, so the views (emit_sql_delivery_views.c) only look bands up. */
#include "emit_sql_parts.h"

#include <stdlib.h>

const char *const sql_delivery_table_names[] = {"plan_delivery_periods", "plan_delivery_bands", "plan_delivery_band_names",
                                                "plan_delivery_state_bands", "plan_activities", "plan_activity_names",
                                                "plan_milestones", "plan_activity_statuses"};
const int sql_delivery_ntables = sizeof sql_delivery_table_names / sizeof sql_delivery_table_names[0];

static void create_tables(SqlOut *o)
{
    const char *t = sql_type_text(o->d), *n = sql_type_int(o->d), *r = sql_type_real(o->d);
    prt_buf_printf(o->b,
        "-- ---- delivery: activities, milestones and the schemes that rate them ----\n"
        "-- Every period a report can be for, with its first and last day (yyyymmdd).\n"
        "CREATE TABLE plan_delivery_periods (period %s PRIMARY KEY, first_day %s, last_day %s);\n\n"
        "-- The delivery schemes' bands, best first (band_ix 0 is on target); counted: the plan's default\n"
        "-- scheme, whose bands the summaries count.\n"
        "CREATE TABLE plan_delivery_bands (scheme_ix %s, band_ix %s, scheme %s, id %s, label %s, abbrev %s,\n"
        "  counted %s, PRIMARY KEY (scheme_ix, band_ix));\n\n"
        "-- The names a return may give a band by (id, abbreviation, label), in ASCII lower case.\n"
        "CREATE TABLE plan_delivery_band_names (scheme_ix %s, name %s, band_ix %s);\n\n"
        "-- The band each state and impact (impact '' for none) falls in, and the band after the scheme's\n"
        "-- overdue rule; band_ix NULL: the scheme rates no state.\n"
        "CREATE TABLE plan_delivery_state_bands (scheme_ix %s, state %s, impact %s, band_ix %s, overdue_band_ix %s);\n\n",
        t, n, n, n, n, t, t, t, t, n, n, t, n, n, t, t, n, n);
    prt_buf_printf(o->b,
        "-- The activities in plan order: where each sits, its scheme (NULL none), its due date's last day.\n"
        "CREATE TABLE plan_activities (ax %s PRIMARY KEY, id %s, name %s, pillar %s, pillar_ix %s, theme %s,\n"
        "  theme_ix %s, scheme_ix %s, counted %s, due %s, due_last %s, progress %s);\n\n"
        "-- The names a results row gives an activity (mx NULL) or a milestone ('activity.milestone') by.\n"
        "CREATE TABLE plan_activity_names (name %s PRIMARY KEY, ax %s, mx %s);\n\n"
        "-- The milestones: the last day they are due by, the first day the plan records them completed.\n"
        "CREATE TABLE plan_milestones (ax %s, mx %s, id %s, name %s, due_last %s, completed_first %s);\n\n"
        "-- The statuses written in the plan (period NULL: the undated one, standing for every period).\n"
        "CREATE TABLE plan_activity_statuses (ax %s, period %s, state %s, impact %s, band_ix %s, percent %s, note %s);\n\n",
        n, t, t, t, n, t, n, n, n, t, n, t, t, n, n, n, n, t, t, n, n, n, t, t, t, n, r, t);
}

static void row_end(SqlOut *o) { prt_buf_putc(o->b, ')'); }

static void val_opt_int(SqlOut *o, bool set, long v)
{
    if (set)
        sql_val_int(o, v, false);
    else
        sql_val_null(o, false);
}

static int when_last_day(prt_when w) { return !w.set ? 0 : w.date ? w.date : prt_period_last_day(w.period); }
static int when_first_day(prt_when w) { return !w.set ? 0 : w.date ? w.date : prt_period_first_day(w.period); }

static void periods(SqlOut *o)
{
    prt_period *rp;
    int nrp = sql_report_periods(o->plan, &rp);
    char text[32];
    sql_rows_start(o, "INSERT INTO plan_delivery_periods (period, first_day, last_day) VALUES");
    for (int k = 0; k < nrp; k++) {
        sql_row_begin(o);
        sql_val_text(o, prt_period_format(rp[k], text, sizeof text), true);
        sql_val_int(o, prt_period_first_day(rp[k]), false);
        sql_val_int(o, prt_period_last_day(rp[k]), false);
        row_end(o);
    }
    sql_rows_end(o);
    free(rp);
}

/* A band name as the views compare it: ASCII lower case (prt_same_nocase). */
static void band_name_row(SqlOut *o, int s, int b, const char *name)
{
    if (!name)
        return;
    prt_buf low = {0};
    for (const char *c = name; *c; c++)
        prt_buf_putc(&low, *c >= 'A' && *c <= 'Z' ? (char)(*c - 'A' + 'a') : *c);
    sql_row_begin(o);
    sql_val_int(o, s, true);
    sql_val_text(o, prt_buf_str(&low), false);
    sql_val_int(o, b, false);
    row_end(o);
    prt_buf_free(&low);
}

/* The band after the scheme's overdue rule (delivery.c's overdue_band). */
static int overdue_band(const prt_delivery_scheme *s, int band)
{
    if (s->overdue == PRT_OVERDUE_WORSENS)
        return band + s->overdue_n < s->nbands ? band + s->overdue_n : s->nbands - 1;
    if (s->overdue == PRT_OVERDUE_AT && band < s->overdue_n)
        return s->overdue_n;
    return band;
}

static void schemes(SqlOut *o)
{
    const prt_plan *plan = o->plan;
    sql_rows_start(o, "INSERT INTO plan_delivery_bands (scheme_ix, band_ix, scheme, id, label, abbrev, counted) VALUES");
    for (int s = 0; s < plan->ndelivery; s++)
        for (int b = 0; b < plan->delivery[s].nbands; b++) {
            const prt_delivery_band *band = &plan->delivery[s].bands[b];
            sql_row_begin(o);
            sql_val_int(o, s, true);
            sql_val_int(o, b, false);
            sql_val_text(o, plan->delivery[s].id, false);
            sql_val_text(o, band->id, false);
            sql_val_text(o, band->label, false);
            sql_val_text(o, band->abbrev, false);
            sql_val_int(o, s == plan->default_delivery, false);
            row_end(o);
        }
    sql_rows_end(o);
    sql_rows_start(o, "INSERT INTO plan_delivery_band_names (scheme_ix, name, band_ix) VALUES");
    for (int s = 0; s < plan->ndelivery; s++)
        for (int b = 0; b < plan->delivery[s].nbands; b++) {
            const prt_delivery_band *band = &plan->delivery[s].bands[b];
            band_name_row(o, s, b, band->id);
            band_name_row(o, s, b, band->abbrev);
            band_name_row(o, s, b, band->label);
        }
    sql_rows_end(o);
    sql_rows_start(o, "INSERT INTO plan_delivery_state_bands (scheme_ix, state, impact, band_ix, overdue_band_ix) VALUES");
    for (int s = 0; s < plan->ndelivery; s++)
        for (int st = 1; st < PRT_N_DELIVERY_STATES; st++)
            for (int im = 0; im < PRT_N_IMPACTS; im++) {
                int band = prt_delivery_band_for(&plan->delivery[s], (prt_delivery_state)st, (prt_impact)im);
                sql_row_begin(o);
                sql_val_int(o, s, true);
                sql_val_text(o, prt_delivery_state_words[st], false);
                sql_val_text(o, im ? prt_impact_words[im] : "", false);
                val_opt_int(o, band >= 0, band);
                val_opt_int(o, band >= 0, band >= 0 ? overdue_band(&plan->delivery[s], band) : 0);
                row_end(o);
            }
    sql_rows_end(o);
}

static void activity_row(SqlOut *o, int ax)
{
    const prt_plan *plan = o->plan;
    const prt_activity *a = &plan->activities[ax];
    const prt_theme *th = &plan->themes[a->theme];
    char due[64] = "";
    if (a->due.set && a->due.date)
        snprintf(due, sizeof due, "%04d-%02d-%02d", a->due.date / 10000, a->due.date / 100 % 100, a->due.date % 100);
    else if (a->due.set)
        prt_period_format(a->due.period, due, sizeof due);
    sql_row_begin(o);
    sql_val_int(o, ax, true);
    sql_val_text(o, a->id, false);
    sql_val_text(o, a->name, false);
    sql_val_text(o, plan->pillars[th->pillar].name, false);
    sql_val_int(o, th->pillar, false);
    sql_val_text(o, th->name, false);
    sql_val_int(o, a->theme, false);
    val_opt_int(o, a->scheme >= 0, a->scheme);
    sql_val_int(o, a->scheme == plan->default_delivery, false);
    sql_val_text(o, a->due.set ? due : NULL, false);
    val_opt_int(o, a->due.set, when_last_day(a->due));
    sql_val_text(o, a->progress, false);
    row_end(o);
}

static void activity_names(SqlOut *o)
{
    const prt_plan *plan = o->plan;
    sql_rows_start(o, "INSERT INTO plan_activity_names (name, ax, mx) VALUES");
    for (int ax = 0; ax < plan->nactivities; ax++) {
        const prt_activity *a = &plan->activities[ax];
        sql_row_begin(o);
        sql_val_text(o, a->id, true);
        sql_val_int(o, ax, false);
        sql_val_null(o, false);
        row_end(o);
        for (int m = 0; m < a->nmilestones; m++) {
            prt_buf path = {0};
            prt_buf_printf(&path, "%s.%s", a->id, a->milestones[m].id);
            sql_row_begin(o);
            sql_val_text(o, prt_buf_str(&path), true);
            sql_val_int(o, ax, false);
            sql_val_int(o, m, false);
            row_end(o);
            prt_buf_free(&path);
        }
    }
    sql_rows_end(o);
}

static void milestones(SqlOut *o)
{
    const prt_plan *plan = o->plan;
    sql_rows_start(o, "INSERT INTO plan_milestones (ax, mx, id, name, due_last, completed_first) VALUES");
    for (int ax = 0; ax < plan->nactivities; ax++)
        for (int m = 0; m < plan->activities[ax].nmilestones; m++) {
            const prt_milestone *ms = &plan->activities[ax].milestones[m];
            sql_row_begin(o);
            sql_val_int(o, ax, true);
            sql_val_int(o, m, false);
            sql_val_text(o, ms->id, false);
            sql_val_text(o, ms->name, false);
            val_opt_int(o, ms->due.set, when_last_day(ms->due));
            val_opt_int(o, ms->completed.set, when_first_day(ms->completed));
            row_end(o);
        }
    sql_rows_end(o);
}

static void statuses(SqlOut *o)
{
    const prt_plan *plan = o->plan;
    char text[32];
    sql_rows_start(o, "INSERT INTO plan_activity_statuses (ax, period, state, impact, band_ix, percent, note) VALUES");
    for (int ax = 0; ax < plan->nactivities; ax++)
        for (int k = 0; k < plan->activities[ax].nstatuses; k++) {
            const prt_activity_status *st = &plan->activities[ax].statuses[k];
            sql_row_begin(o);
            sql_val_int(o, ax, true);
            sql_val_text(o, st->dated ? prt_period_format(st->period, text, sizeof text) : NULL, false);
            sql_val_text(o, st->state ? prt_delivery_state_words[st->state] : NULL, false);
            sql_val_text(o, st->impact ? prt_impact_words[st->impact] : NULL, false);
            val_opt_int(o, st->band >= 0, st->band);
            if (st->has_percent)
                sql_val_num(o, st->percent, false);
            else
                sql_val_null(o, false);
            sql_val_text(o, st->note, false);
            row_end(o);
        }
    sql_rows_end(o);
}

void sql_emit_delivery_facts(SqlOut *o)
{
    create_tables(o);
    periods(o);
    schemes(o);
    sql_rows_start(o, "INSERT INTO plan_activities (ax, id, name, pillar, pillar_ix, theme, theme_ix, scheme_ix, counted, "
                      "due, due_last, progress) VALUES");
    for (int ax = 0; ax < o->plan->nactivities; ax++)
        activity_row(o, ax);
    sql_rows_end(o);
    activity_names(o);
    milestones(o);
    statuses(o);
    prt_buf_puts(o->b, "\n");
}
