/* The checked plan model as the runtime's tables (tables.h), shared by planc eval and the generated C. */
#include "tables.h"

#include <string.h>

typedef struct Builder {
    Plan *plan;
    Arena *a;
    Symtab index;               /* Entity * -> its index + 1 within its kind */
} Builder;

static void number(Builder *b, PtrVec *v)
{
    for (size_t i = 0; i < v->n; i++)
        symtab_set(&b->index, (const char *)v->items[i], (void *)(uintptr_t)(i + 1));
}

static int index_of(Builder *b, const void *entity)
{
    uintptr_t v = (uintptr_t)symtab_get(&b->index, (const char *)entity);
    return v ? (int)v - 1 : -1;
}

static int named_index(Builder *b, const char *name, EntityKind kind)
{
    Entity *e = plan_lookup(b->plan, name);
    return e && e->kind == kind ? index_of(b, e) : -1;
}

static prt_target target_of(Builder *b, const TargetSpec *spec, prt_period period)
{
    prt_target t;
    memset(&t, 0, sizeof t);
    t.period = period;
    t.benchmark = -1;
    t.kind = spec->kind;
    t.op = spec->op;
    if (spec->kind == PRT_TARGET_BENCHMARK)
        t.benchmark = named_index(b, spec->bench.name, ENT_BENCHMARK);
    t.value = spec->kind == PRT_TARGET_VALUE || spec->kind == PRT_TARGET_THRESHOLD ? spec->value.num : 0;
    return t;
}

/* Reverse Polish code for a formula: operands before their operator. */
static void emit_expr(Builder *b, const Expr *e, prt_op *ops, int *n)
{
    switch (e->kind) {
    case EXPR_NUM:
        ops[(*n)++] = (prt_op){PRT_OP_NUM, e->num, 0};
        return;
    case EXPR_NAME: {
        Entity *t = e->name.is_ref ? (Entity *)plan_lookup_ref(b->plan, e->name.name) : plan_lookup(b->plan, e->name.name);
        if (t && t->kind == ENT_INPUT)
            ops[(*n)++] = (prt_op){PRT_OP_INPUT, 0, index_of(b, t)};
        else
            ops[(*n)++] = (prt_op){PRT_OP_INDICATOR, 0, t ? index_of(b, t) : 0};
        return;
    }
    case EXPR_NEG:
        emit_expr(b, e->lhs, ops, n);
        ops[(*n)++] = (prt_op){PRT_OP_NEG, 0, 0};
        return;
    default:
        emit_expr(b, e->lhs, ops, n);
        emit_expr(b, e->rhs, ops, n);
        ops[(*n)++] = (prt_op){e->kind == EXPR_ADD ? PRT_OP_ADD : e->kind == EXPR_SUB ? PRT_OP_SUB
                                : e->kind == EXPR_MUL ? PRT_OP_MUL : PRT_OP_DIV, 0, 0};
        return;
    }
}

static int expr_size(const Expr *e)
{
    if (!e)
        return 0;
    return 1 + expr_size(e->lhs) + expr_size(e->rhs);
}

/* The values of `per indicator` bands: those whose band the checker found (band_index). */
static void threshold_tables(Arena *a, const Indicator *in, prt_indicator *out)
{
    prt_threshold *th = arena_alloc(a, in->thresholds.n * sizeof *th);
    int n = 0;
    for (size_t i = 0; i < in->thresholds.n; i++) {
        const Threshold *x = in->thresholds.items[i];
        if (x->band_index < 0)
            continue;
        th[n++] = (prt_threshold){x->band_index, x->period.loc.file != 0, x->period.p, x->value.num, x->note};
    }
    out->thresholds = th;
    out->nthresholds = n;
}

/* A rating band's edge in the runtime's terms. */
static prt_edge edge_of(BandThreshold how)
{
    switch (how) {
    case BAND_PER_INDICATOR: return PRT_EDGE_PER_INDICATOR;
    case BAND_WITHIN_TOLERANCE: return PRT_EDGE_WITHIN_TOLERANCE;
    case BAND_ABOVE_TOLERANCE: return PRT_EDGE_ABOVE_TOLERANCE;
    case BAND_ABOVE: return PRT_EDGE_ABOVE;
    default: return PRT_EDGE_METHOD;
    }
}

/* The first band that is not `above ...`: bands up to it are on target. */
static int target_band_of(const Rating *x)
{
    for (size_t k = 0; k < x->bands.n; k++) {
        const Band *bd = x->bands.items[k];
        if (bd->how != BAND_ABOVE && bd->how != BAND_ABOVE_TOLERANCE)
            return (int)k;
    }
    return 0;
}

static void indicator_table(Builder *b, const Indicator *in, prt_indicator *out)
{
    Arena *a = b->a;
    out->id = in->e.id.name;
    out->ref = in->ref;
    out->name = in->e.name;
    out->kind = indicator_kind_words[in->kind];
    out->theme = index_of(b, in->e.parent);
    out->polarity = in->polarity;
    out->direction = in->direction;
    out->unit = in->unit.kind;
    out->unit_per = in->unit.per;
    out->unit_custom = in->unit.custom;
    out->decimals = in->decimals;
    out->owner = in->owner;
    out->committee = in->committee;
    out->source = in->source;
    out->outcome = in->measured.n ? index_of(b, in->measured.items[0]) : -1;
    out->frequency = in->frequency;
    out->accumulates = in->accumulates;
    out->arrears = in->arrears;
    out->jump = in->jump;
    out->scheme = in->scheme ? index_of(b, in->scheme) : -1;
    out->has_tolerance = in->tolerance != NULL;
    out->tolerance = in->tolerance ? in->tolerance->num : 0;
    out->tolerance_of_target = in->tolerance_of_target;
    out->has_baseline = in->baseline.present && in->baseline_period.valid;
    out->baseline = in->baseline.num;
    out->baseline_period = in->baseline_period.p;

    prt_target *targets = arena_alloc(a, in->targets.n * sizeof *targets);
    for (size_t i = 0; i < in->targets.n; i++) {
        const Target *t = in->targets.items[i];
        targets[i] = target_of(b, &t->spec, t->period.p);
        targets[i].has_tolerance = t->tolerance != NULL;
        targets[i].tolerance = t->tolerance ? t->tolerance->num : 0;
        targets[i].note = t->note;
        targets[i].within_interval = t->within_interval;
        targets[i].reason = t->reason;
    }
    out->targets = targets;
    out->ntargets = (int)in->targets.n;

    prt_expect *expects = arena_alloc(a, in->expects.n * sizeof *expects);
    for (size_t i = 0; i < in->expects.n; i++) {
        const Expect *x = in->expects.items[i];
        expects[i] = (prt_expect){x->period.p, x->value.num, x->note};
    }
    out->expects = expects;
    out->nexpects = (int)in->expects.n;

    prt_amendment *am = arena_alloc(a, in->amendments.n * sizeof *am);
    for (size_t i = 0; i < in->amendments.n; i++) {
        const Amendment *x = in->amendments.items[i];
        am[i].period = x->period.p;
        am[i].to = target_of(b, &x->to, x->period.p);
        am[i].from = x->from.p;
        am[i].reason = x->reason;
        /* an amended target keeps the tolerance (and the confidence interval) of the target it replaces */
        for (int k = 0; k < out->ntargets; k++)
            if (prt_period_equal(targets[k].period, x->period.p)) {
                am[i].to.has_tolerance = targets[k].has_tolerance;
                am[i].to.tolerance = targets[k].tolerance;
                am[i].to.within_interval = targets[k].within_interval;
            }
    }
    out->amendments = am;
    out->namendments = (int)in->amendments.n;

    prt_revision *rv = arena_alloc(a, in->revisions.n * sizeof *rv);
    for (size_t i = 0; i < in->revisions.n; i++) {
        const Revision *x = in->revisions.items[i];
        rv[i].period = x->period.p;
        rv[i].reason = x->reason;
    }
    out->revisions = rv;
    out->nrevisions = (int)in->revisions.n;

    prt_bench_value *bv = arena_alloc(a, in->benchmarks.n * sizeof *bv);
    for (size_t i = 0; i < in->benchmarks.n; i++) {
        const BenchValue *x = in->benchmarks.items[i];
        bv[i].benchmark = named_index(b, x->bench.name, ENT_BENCHMARK);
        bv[i].period = x->period.p;
        bv[i].value = x->value.num;
        bv[i].note = x->note;
    }
    out->bench = bv;
    out->nbench = (int)in->benchmarks.n;

    prt_plan_result *rs = arena_alloc(a, in->results.n * sizeof *rs);
    for (size_t i = 0; i < in->results.n; i++) {
        const ResultRec *x = in->results.items[i];
        rs[i].period = x->period.p;
        rs[i].status = x->value.present ? PRT_RESULT_VALUE : x->status;
        rs[i].value = x->value.num;
        rs[i].restated = x->original.present;
        rs[i].original = x->original.num;
        rs[i].rated = x->rated.name;
        rs[i].note = x->note ? x->note : x->reason;
        rs[i].has_interval = x->lower.present && x->upper.present;
        rs[i].lower = x->lower.num;
        rs[i].upper = x->upper.num;
    }
    out->results = rs;
    out->nresults = (int)in->results.n;
    threshold_tables(a, in, out);

    if (in->formula) {
        prt_op *ops = arena_alloc(a, (size_t)expr_size(in->formula) * sizeof *ops);
        int n = 0;
        emit_expr(b, in->formula, ops, &n);
        out->formula = ops;
        out->nformula = n;
    }
}

/* Whether each indicator's reference and identifier lead to it and to no other (prt_plan). */
/* ---- delivery ---- */

static prt_when when_of(const When *w)
{
    prt_when r;
    memset(&r, 0, sizeof r);
    if (!w->present || !w->valid)
        return r;
    r.set = true;
    if (w->is_date)
        r.date = w->date;
    else
        r.period = w->period.p;
    return r;
}

prt_delivery_band delivery_band_table(const DeliveryBand *x)
{
    return (prt_delivery_band){x->id.name, x->label, x->abbrev.name, x->how == BAND_WHEN ? x->states : 0,
                               x->how == BAND_WHEN ? x->impacts : 0, x->how == BAND_OTHERWISE, x->colour_choice,
                               x->look.glyph};
}

static const prt_delivery_scheme *delivery_tables(Builder *b)
{
    Plan *plan = b->plan;
    prt_delivery_scheme *out = arena_alloc(b->a, plan->deliveries.n * sizeof *out);
    for (size_t i = 0; i < plan->deliveries.n; i++) {
        const Delivery *d = plan->deliveries.items[i];
        prt_delivery_band *bands = arena_alloc(b->a, d->bands.n * sizeof *bands);
        for (size_t k = 0; k < d->bands.n; k++) {
            bands[k] = delivery_band_table(d->bands.items[k]);
        }
        out[i] = (prt_delivery_scheme){d->e.id.name, d->e.name, (int)d->bands.n, bands, d->overdue, d->overdue_index};
    }
    return out;
}

static void activity_table(Builder *b, const Activity *a, prt_activity *out)
{
    memset(out, 0, sizeof *out);
    out->id = a->e.id.name;
    out->name = a->e.name;
    out->theme = index_of(b, a->e.parent);
    out->outcome = a->delivered.n ? index_of(b, a->delivered.items[0]) : -1;
    out->scheme = a->scheme ? index_of(b, a->scheme) : -1;
    out->owner = a->owner;
    out->description = a->description;
    out->progress = a->progress;
    out->due = when_of(&a->due);
    prt_milestone *ms = arena_alloc(b->a, a->milestones.n * sizeof *ms);
    for (size_t i = 0; i < a->milestones.n; i++) {
        const Milestone *m = a->milestones.items[i];
        ms[i] = (prt_milestone){m->id.name, m->name, when_of(&m->start), when_of(&m->due), when_of(&m->completed)};
    }
    prt_activity_status *sts = arena_alloc(b->a, a->statuses.n * sizeof *sts);
    for (size_t i = 0; i < a->statuses.n; i++) {
        const StatusLine *st = a->statuses.items[i];
        prt_activity_status *o = &sts[i];
        memset(o, 0, sizeof *o);
        o->period = st->period.p;
        o->dated = st->dated;
        o->state = st->state;
        o->impact = st->impact;
        o->band = st->band;
        o->has_percent = st->percent.present;
        o->percent = st->percent.num;
        o->rated = st->rated.name;
        o->note = st->note;
    }
    prt_tally *ts = arena_alloc(b->a, a->tallies.n * sizeof *ts);
    for (size_t i = 0; i < a->tallies.n; i++) {
        const Tally *t = a->tallies.items[i];
        ts[i] = (prt_tally){t->period.p, (int)t->done.num, (int)t->total.num, t->what};
    }
    out->nmilestones = (int)a->milestones.n;
    out->milestones = ms;
    out->nstatuses = (int)a->statuses.n;
    out->statuses = sts;
    out->ntallies = (int)a->tallies.n;
    out->tallies = ts;
}

static bool names_distinct(const Plan *plan)
{
    for (size_t i = 0; i < plan->indicators.n; i++) {
        const Indicator *in = plan->indicators.items[i];
        const char *keys[2] = {in->ref, in->e.id.name};
        for (int k = 0; k < 2; k++) {
            if (!keys[k])
                continue;
            const Entity *by_name = plan_lookup(plan, keys[k]);
            const Indicator *by_ref = plan_lookup_ref(plan, keys[k]);
            if ((by_name && by_name->kind == ENT_INDICATOR && by_name != &in->e) || (by_ref && by_ref != in))
                return false;
        }
    }
    return true;
}

const prt_plan *plan_tables(Plan *plan)
{
    Builder b = {plan, &plan->arena, {0}};
    Arena *a = &plan->arena;
    number(&b, &plan->pillars);
    number(&b, &plan->themes);
    number(&b, &plan->indicators);
    number(&b, &plan->ratings);
    number(&b, &plan->benchmarks);
    number(&b, &plan->inputs);
    number(&b, &plan->outcomes);
    number(&b, &plan->deliveries);

    prt_plan *p = arena_alloc(a, sizeof *p);
    p->name = plan->header.name;
    p->organisation = plan->header.organisation;
    p->first_year = plan->header.first.valid ? plan->header.first.p.year : 0;
    p->last_year = plan->header.last.valid ? plan->header.last.p.year : p->first_year;
    p->default_scheme = named_index(&b, plan->header.rating.name, ENT_RATING);
    p->names_distinct = names_distinct(plan);
    p->version = plan->header.version;
    p->digest = plan->digest;
    p->dot_basis = plan->header.dot_basis;
    p->forecast = plan->header.forecast;
    p->jump = plan->header.jump;
    p->stale_years = plan->header.stale_years;
    p->default_delivery = named_index(&b, plan->header.delivery.name, ENT_DELIVERY);
    p->ndelivery = (int)plan->deliveries.n;
    p->delivery = delivery_tables(&b);
    prt_activity *acts = arena_alloc(a, plan->activities.n * sizeof *acts);
    for (size_t i = 0; i < plan->activities.n; i++)
        activity_table(&b, plan->activities.items[i], &acts[i]);
    p->nactivities = (int)plan->activities.n;
    p->activities = acts;

    prt_pillar *pillars = arena_alloc(a, plan->pillars.n * sizeof *pillars);
    for (size_t i = 0; i < plan->pillars.n; i++) {
        const Pillar *x = plan->pillars.items[i];
        pillars[i] = (prt_pillar){x->e.id.name, x->e.name};
    }
    prt_theme *themes = arena_alloc(a, plan->themes.n * sizeof *themes);
    for (size_t i = 0; i < plan->themes.n; i++) {
        const Theme *x = plan->themes.items[i];
        themes[i] = (prt_theme){x->e.id.name, x->e.name, index_of(&b, x->e.parent), x->transformation, x->owner};
    }
    prt_outcome *outcomes = arena_alloc(a, plan->outcomes.n * sizeof *outcomes);
    for (size_t i = 0; i < plan->outcomes.n; i++) {
        const Outcome *x = plan->outcomes.items[i];
        outcomes[i] = (prt_outcome){x->e.id.name, x->e.name, index_of(&b, x->e.parent)};
    }
    prt_scheme *schemes = arena_alloc(a, plan->ratings.n * sizeof *schemes);
    for (size_t i = 0; i < plan->ratings.n; i++) {
        const Rating *x = plan->ratings.items[i];
        prt_band *bands = arena_alloc(a, x->bands.n * sizeof *bands);
        for (size_t k = 0; k < x->bands.n; k++) {
            const Band *bd = x->bands.items[k];
            bands[k] = (prt_band){bd->id.name, bd->label, bd->abbrev.name, bd->threshold.num,
                                  bd->how == BAND_OTHERWISE || bd->how == BAND_IF, bd->cond, edge_of(bd->how),
                                  .colour = bd->look.colour_choice, .symbol = bd->look.glyph,
                                  .monitor = bd->how == BAND_MONITOR};
        }
        schemes[i] = (prt_scheme){x->e.id.name, x->e.name, x->method, (int)x->bands.n, bands, target_band_of(x)};
    }
    prt_named *benchmarks = arena_alloc(a, plan->benchmarks.n * sizeof *benchmarks);
    for (size_t i = 0; i < plan->benchmarks.n; i++) {
        const Benchmark *x = plan->benchmarks.items[i];
        benchmarks[i] = (prt_named){x->e.id.name, x->e.name};
    }
    prt_named *inputs = arena_alloc(a, plan->inputs.n * sizeof *inputs);
    for (size_t i = 0; i < plan->inputs.n; i++) {
        const Input *x = plan->inputs.items[i];
        inputs[i] = (prt_named){x->e.id.name, x->e.name};
    }
    prt_indicator *inds = arena_alloc(a, plan->indicators.n * sizeof *inds);
    for (size_t i = 0; i < plan->indicators.n; i++)
        indicator_table(&b, plan->indicators.items[i], &inds[i]);

    p->npillars = (int)plan->pillars.n;
    p->pillars = pillars;
    p->nthemes = (int)plan->themes.n;
    p->themes = themes;
    p->nschemes = (int)plan->ratings.n;
    p->schemes = schemes;
    p->nbenchmarks = (int)plan->benchmarks.n;
    p->benchmarks = benchmarks;
    p->ninputs = (int)plan->inputs.n;
    p->inputs = inputs;
    p->noutcomes = (int)plan->outcomes.n;
    p->outcomes = outcomes;
    p->nindicators = (int)plan->indicators.n;
    p->indicators = inds;
    symtab_free(&b.index);
    return p;
}
