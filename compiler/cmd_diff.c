/* planc diff OLD.plan NEW.plan: what changed between two versions of a plan, in committee terms —
 * indicators added, retired or renamed; targets, polarity, units, tolerance and rating schemes
 * changed; pillars, themes and outcomes added or removed; the header's version, direction of travel,
 * forecast, jump and stale changed; delivery schemes and activities (diff_delivery.c).  Indicators
 * are matched by their printed reference, else by their identifier. */
#include "diag.h"
#include "diff.h"
#include "plan_load.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *diff_esc(Out *o, const char *s)
{
    prt_buf b = {0};
    if (o->md)
        prt_esc_md(&b, s ? s : "");
    else
        prt_esc_terminal(&b, s ? s : "");
    const char *t = prt_pool_add(&o->text, prt_buf_str(&b), b.len);
    prt_buf_free(&b);
    return t;
}

void diff_line(Out *o, const char *fmt, ...)
{
    if (o->section) {
        fprintf(o->f, o->md ? "\n## %s\n\n" : "\n%s\n", o->section);
        o->section = NULL;
    }
    fputs(o->md ? "- " : "  ", o->f);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(o->f, fmt, ap);
    va_end(ap);
    fputc('\n', o->f);
    o->changes++;
}

static const char *key_of(const Indicator *in) { return in->ref ? in->ref : in->e.id.name; }

const char *diff_key_in(Plan *p, const char *name)
{
    return name ? arena_intern(&p->arena, name, strlen(name)) : NULL;
}

/* The indicator of plan p that `like` is: the same printed reference, or for one without a
 * reference, the same identifier and no reference either. */
static Indicator *find_indicator(Plan *p, const Indicator *like)
{
    if (like->ref)
        return plan_lookup_ref(p, diff_key_in(p, like->ref));
    Entity *e = plan_lookup(p, diff_key_in(p, like->e.id.name));
    return e && e->kind == ENT_INDICATOR && !((Indicator *)e)->ref ? (Indicator *)e : NULL;
}

static const char *polarity_name(prt_polarity p)
{
    return prt_polarity_diff_texts[p];
}

/* A target as the plan wrote it, for the report (escaped, in o's pool). */
static const char *target_text(Out *o, const LoadedPlan *lp, const Target *t)
{
    const SourceFile *sf = sources_get(&lp->sources, t->spec.value.loc.file);
    prt_buf b = {0};
    switch (t->spec.kind) {
    case PRT_TARGET_MONITOR:
    case PRT_TARGET_MAINTAIN: prt_buf_puts(&b, prt_target_kind_words[t->spec.kind]); break;
    case PRT_TARGET_BENCHMARK: prt_buf_printf(&b, "%s %s", prt_target_kind_words[t->spec.kind], t->spec.bench.name); break;
    default:
        if (t->spec.kind == PRT_TARGET_THRESHOLD)
            prt_buf_printf(&b, "%s ", prt_cmp_words[t->spec.op]);
        if (sf)
            prt_buf_add(&b, sf->text + t->spec.value.loc.begin, t->spec.value.loc.end - t->spec.value.loc.begin);
    }
    const char *text = diff_esc(o, prt_buf_str(&b));
    prt_buf_free(&b);
    return text;
}

static bool same_target(const Target *a, const Target *b)
{
    return a->spec.kind == b->spec.kind && a->spec.op == b->spec.op &&
           (a->spec.kind != PRT_TARGET_VALUE && a->spec.kind != PRT_TARGET_THRESHOLD ? true : a->spec.value.num == b->spec.value.num) &&
           (a->spec.kind != PRT_TARGET_BENCHMARK || a->spec.bench.name == b->spec.bench.name ||
            strcmp(a->spec.bench.name, b->spec.bench.name) == 0) &&
           (a->tolerance != NULL) == (b->tolerance != NULL) && (!a->tolerance || a->tolerance->num == b->tolerance->num);
}

/* A `jump N` or `stale N` as the diff shows it: the number, or what applies when it is not given. */
static const char *setting_text(char *buf, size_t size, bool given, double n, const char *unset)
{
    if (!given)
        return unset;
    snprintf(buf, size, "%g", n);
    return buf;
}

/* A change of the jump multiple (0: not given, so `unset` applies: the default, or the plan's). */
static void compare_jump(Out *o, const char *who, double x, double y, const char *unset)
{
    char t1[32], t2[32];
    if (x != y)
        diff_line(o, "%sjump: %s -> %s", who, setting_text(t1, sizeof t1, x > 0, x, unset),
             setting_text(t2, sizeof t2, y > 0, y, unset));
}

const char *diff_quoted(Out *o, const char *s)
{
    if (!s)
        return "none";
    prt_buf b = {0};
    prt_buf_printf(&b, "\"%s\"", diff_esc(o, s));
    const char *t = prt_pool_add(&o->text, prt_buf_str(&b), b.len);
    prt_buf_free(&b);
    return t;
}

/* The header's settings for reports: version, direction of travel, forecast, jump and stale. */
static void compare_header(Out *o, const PlanHeader *x, const PlanHeader *y)
{
    if ((x->version == NULL) != (y->version == NULL) || (x->version && strcmp(x->version, y->version) != 0))
        diff_line(o, "version: %s -> %s", diff_quoted(o, x->version), diff_quoted(o, y->version));
    if (x->dot_basis != y->dot_basis)
        diff_line(o, "direction of travel: %s -> %s", prt_dot_basis_words[x->dot_basis], prt_dot_basis_words[y->dot_basis]);
    if (x->forecast != y->forecast)
        diff_line(o, "forecast: %s -> %s", prt_forecast_rule_words[x->forecast], prt_forecast_rule_words[y->forecast]);
    compare_jump(o, "", x->jump, y->jump, "default");
    if (x->stale_years != y->stale_years) {
        char t1[32], t2[32];
        diff_line(o, "stale: %s -> %s", setting_text(t1, sizeof t1, x->stale_years > 0, x->stale_years - 1, "default"),
             setting_text(t2, sizeof t2, y->stale_years > 0, y->stale_years - 1, "default"));
    }
}

static const char *scheme_of(const Indicator *in) { return in->scheme ? in->scheme->e.id.name : "none"; }

static void compare_indicator(Out *o, const LoadedPlan *a, const LoadedPlan *b, const Indicator *x, const Indicator *y)
{
    const char *k = diff_esc(o, key_of(y));
    if (strcmp(x->e.name, y->e.name) != 0)
        diff_line(o, "%s renamed: \"%s\" -> \"%s\"", k, diff_esc(o, x->e.name), diff_esc(o, y->e.name));
    if (x->polarity != y->polarity)
        diff_line(o, "%s polarity: %s -> %s", k, polarity_name(x->polarity), polarity_name(y->polarity));
    if (x->unit.kind != y->unit.kind || x->unit.per != y->unit.per ||
        (x->unit.custom && y->unit.custom && strcmp(x->unit.custom, y->unit.custom) != 0))
        diff_line(o, "%s unit changed", k);
    if ((x->tolerance != NULL) != (y->tolerance != NULL) || (x->tolerance && x->tolerance->num != y->tolerance->num)) {
        char t1[32] = "none", t2[32] = "none";
        if (x->tolerance)
            snprintf(t1, sizeof t1, "%g", x->tolerance->num);
        if (y->tolerance)
            snprintf(t2, sizeof t2, "%g", y->tolerance->num);
        diff_line(o, "%s tolerance: %s -> %s", k, t1, t2);
    }
    if (strcmp(scheme_of(x), scheme_of(y)) != 0)
        diff_line(o, "%s rating scheme: %s -> %s", k, diff_esc(o, scheme_of(x)), diff_esc(o, scheme_of(y)));
    if (x->frequency != y->frequency)
        diff_line(o, "%s frequency changed", k);
    prt_buf who = {0};
    prt_buf_printf(&who, "%s ", k);
    compare_jump(o, prt_buf_str(&who), x->jump, y->jump, "the plan's");
    prt_buf_free(&who);
    for (size_t i = 0; i < y->targets.n; i++) {
        const Target *ty = y->targets.items[i];
        if (!ty->period.valid)
            continue;
        const Target *tx = indicator_target(x, ty->period.p);
        const char *t2 = target_text(o, b, ty);
        const prt_period_str p = prt_period_text(ty->period.p);
        if (!tx)
            diff_line(o, "%s target for %s added: %s", k, p.s, t2);
        else if (!same_target(tx, ty))
            diff_line(o, "%s target for %s: %s -> %s", k, p.s, target_text(o, a, tx), t2);
    }
    for (size_t i = 0; i < x->targets.n; i++) {
        const Target *tx = x->targets.items[i];
        if (tx->period.valid && !indicator_target(y, tx->period.p)) {
            diff_line(o, "%s target for %s removed (was %s)", k, prt_period_text(tx->period.p).s,
                 target_text(o, a, tx));
        }
    }
    if (y->amendments.n > x->amendments.n)
        diff_line(o, "%s: %zu amendment(s) of targets added", k, (size_t)(y->amendments.n - x->amendments.n));
}

/* Whether plan p has an entity of e's kind named as e is. */
static bool has_named(Plan *p, const Entity *e)
{
    const Entity *x = plan_lookup(p, diff_key_in(p, e->id.name));
    return x && x->kind == e->kind;
}

/* Names of one kind (listed in `old` and `new_`) present in one plan and not the other. */
static void compare_names(Out *o, Plan *a, Plan *b, const PtrVec *old, const PtrVec *new_, const char *what)
{
    for (size_t i = 0; i < new_->n; i++) {
        const Entity *e = new_->items[i];
        if (!has_named(a, e))
            diff_line(o, "%s added: %s \"%s\"", what, diff_esc(o, e->id.name), diff_esc(o, e->name));
    }
    for (size_t j = 0; j < old->n; j++) {
        const Entity *e = old->items[j];
        if (!has_named(b, e))
            diff_line(o, "%s removed: %s \"%s\"", what, diff_esc(o, e->id.name), diff_esc(o, e->name));
    }
}

static int diff_with(const char *const paths[2], bool md, const IncludeDirs *dirs)
{
    LoadedPlan a, b;
    int sa = loaded_plan_open(&a, paths[0], dirs);
    int sb = loaded_plan_open(&b, paths[1], dirs);
    if (sa != EXIT_CLEAN || sb != EXIT_CLEAN) {
        loaded_plan_free(&a);
        loaded_plan_free(&b);
        return EXIT_USAGE;
    }
    Out o = {stdout, md, 0, NULL, {0}};
    fprintf(o.f, md ? "# Changes from %s to %s\n" : "Changes from %s to %s\n", diff_esc(&o, paths[0]), diff_esc(&o, paths[1]));
    o.section = "Plan header";
    compare_header(&o, &a.plan.header, &b.plan.header);
    o.section = "Structure";
    compare_names(&o, &a.plan, &b.plan, &a.plan.pillars, &b.plan.pillars, "pillar");
    compare_names(&o, &a.plan, &b.plan, &a.plan.themes, &b.plan.themes, "theme");
    compare_names(&o, &a.plan, &b.plan, &a.plan.outcomes, &b.plan.outcomes, "outcome");
    o.section = "Indicators added and retired";
    for (size_t i = 0; i < b.plan.indicators.n; i++) {
        const Indicator *y = b.plan.indicators.items[i];
        if (!find_indicator(&a.plan, y))
            diff_line(&o, "added: %s \"%s\"", diff_esc(&o, key_of(y)), diff_esc(&o, y->e.name));
    }
    for (size_t i = 0; i < a.plan.indicators.n; i++) {
        const Indicator *x = a.plan.indicators.items[i];
        if (!find_indicator(&b.plan, x))
            diff_line(&o, "retired: %s \"%s\"", diff_esc(&o, key_of(x)), diff_esc(&o, x->e.name));
    }
    o.section = "Indicators changed";
    for (size_t i = 0; i < b.plan.indicators.n; i++) {
        const Indicator *y = b.plan.indicators.items[i];
        const Indicator *x = find_indicator(&a.plan, y);
        if (x)
            compare_indicator(&o, &a, &b, x, y);
    }
    diff_delivery(&o, &a.plan, &b.plan);
    if (o.changes == 0)
        fputs(md ? "\nNo changes.\n" : "  no changes\n", o.f);
    prt_pool_free(&o.text);
    loaded_plan_free(&a);
    loaded_plan_free(&b);
    return o.changes ? EXIT_PLAN_ERRORS : EXIT_CLEAN;
}

int cmd_diff(int argc, char **argv)
{
    static const char *const formats[] = {"text", "md", NULL};
    const char *format = "text";
    prt_opt_list include = {0};
    const prt_option options[] = {
        {.name = "format", .kind = PRT_OPT_STRING, .metavar = "FORMAT", .choices = formats, .dest = &format,
         .help = "text (default) or md (Markdown)"},
        INCLUDE_DIR_OPTION(&include),
    };
    prt_command cmd = {
        .prog = "planc diff",
        .synopsis = "OLD.plan NEW.plan [OPTIONS]",
        .description = "What changed between two versions of a plan: indicators added, retired or renamed; targets,\n"
                       "polarity, units, tolerance and rating schemes changed; pillars, themes and outcomes added or\n"
                       "removed; delivery schemes and activities added, removed or changed (names, owners, schemes,\n"
                       "due dates, milestones, statuses and progress counts).\n",
        .exit_status = "0 no change, 1 changes, 2 usage or a plan with errors.",
        .options = options,
        .noptions = sizeof options / sizeof options[0],
        .args = "OLD NEW",
        .min_args = 2,
        .max_args = 2,
    };
    IncludeDirs dirs = {0};
    int status = prt_options_parse(&cmd, argc, argv, 1);
    if (status < 0)
        status = include_dirs_resolve(&dirs, "diff", &include);
    if (status < 0)
        status = diff_with(cmd.arg, strcmp(format, "md") == 0, &dirs);
    include_dirs_free(&dirs);
    prt_command_free(&cmd);
    return status;
}
