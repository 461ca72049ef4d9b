/* What the SQL back end does not compile yet (docs/warehouse.md): each use is an error at its place
 * in the plan (E090), so that no plan is ever rated wrongly by SQL that leaves part of it out. */
#include "emit_sql_parts.h"

/* Says that what (a construct, "a formula") at loc is not compiled to SQL yet. */
static void refuse(Diag *d, Loc loc, const char *what, unsigned *n)
{
    diag_error(d, loc, "E090", "the SQL back end does not compile %s yet; rate this plan with planc eval or the C back end",
               what);
    (*n)++;
}

static void refuse_band(Diag *d, const Band *b, unsigned *n)
{
    static const char *const edges[] = {
        [BAND_MONITOR] = "a monitor band",
        [BAND_PER_INDICATOR] = "a 'per indicator' band", [BAND_WITHIN_TOLERANCE] = "a 'within tolerance' band",
        [BAND_ABOVE_TOLERANCE] = "an 'above tolerance' band", [BAND_ABOVE] = "an 'above N%' band"};
    if (b->how < sizeof edges / sizeof edges[0] && edges[b->how])
        refuse(d, b->loc, edges[b->how], n);
    else if (b->cond.kind == PRT_COND_DIRECTION && b->cond.previous)   /* the views have no short-term direction */
        refuse(d, b->cond_loc, "a condition on the direction against the previous period ('if ... against previous')", n);
}

/* A target (or an amendment's new target) the views can rate: a number, a threshold, maintain (the
 * baseline, else last year's result), a benchmark, or monitor. */
static void refuse_target(Diag *d, const Indicator *in, const TargetSpec *t, Loc loc, unsigned *n)
{
    if (t->kind == PRT_TARGET_MAINTAIN && !in->baseline.present && in->tolerance && in->tolerance_of_target)
        refuse(d, t->loc.file ? t->loc : loc,
               "'maintain' without a baseline and a tolerance as a share of the target (the tolerance of last year's result)", n);
}

static void refuse_indicator(Diag *d, const Indicator *in, unsigned *n)
{
    for (uint32_t k = 0; k < in->targets.n; k++) {
        const Target *t = VEC_AT(in->targets, Target, k);
        refuse_target(d, in, &t->spec, t->loc, n);
    }
    for (uint32_t k = 0; k < in->amendments.n; k++) {
        const Amendment *a = VEC_AT(in->amendments, Amendment, k);
        refuse_target(d, in, &a->to, a->loc, n);
    }
    for (uint32_t k = 0; k < in->thresholds.n; k++)
        refuse(d, VEC_AT(in->thresholds, Threshold, k)->loc, "an indicator's own band threshold", n);
    for (uint32_t k = 0; k < in->expects.n; k++)
        refuse(d, VEC_AT(in->expects, Expect, k)->loc, "an expected level ('expect')", n);
}

unsigned sql_refuse_unsupported(const Plan *plan, Diag *diag)
{
    unsigned n = 0;
    if (!plan->header.first.loc.file)
        refuse(diag, plan->header.loc, "a plan without 'covers' (the SQL holds a row for every period of the plan's years)", &n);
    for (uint32_t i = 0; i < plan->ratings.n; i++) {
        const Rating *r = VEC_AT(plan->ratings, Rating, i);
        for (uint32_t k = 0; k < r->bands.n; k++)
            refuse_band(diag, VEC_AT(r->bands, Band, k), &n);
    }
    for (uint32_t i = 0; i < plan->indicators.n; i++)
        refuse_indicator(diag, VEC_AT(plan->indicators, Indicator, i), &n);
    n += sql_refuse_formula_chains(plan, diag);
    n += sql_refuse_formula_nesting(plan, diag);
    return n;
}
