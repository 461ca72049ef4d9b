/* Data-quality flags: figures that are rated but look wrong, each with a code (Q001-Q005, the list in
 * planrt_names.h), reported as a warning by eval and as a flag in every report; docs/rating.md gives
 * the rules.  Never silent, never a change to the rating: the officer decides. */
#include "rate_parts.h"

#include <math.h>

static void flag(prt_rating *r, prt_quality_flag f, const char *explanation)
{
    r->quality |= 1u << f;
    r->quality_explanation[f] = explanation;
}

/* Q001: 0.88 entered for 88%.  A percentage at or below 1 is doubtful when what it is measured
 * against (the target, the baseline, last year's or last period's result) is 10% or more. */
static void fraction(prt_pool *pool, prt_rating *r, const prt_indicator *in)
{
    if (in->unit != PRT_UNIT_PERCENT || r->status != PRT_RESULT_VALUE || r->value <= 0 || r->value > 1)
        return;
    const char *what = NULL;
    double against = 0;
    if (r->has_target && r->target_value >= 10)
        what = "the target", against = r->target_value;
    else if (r->has_previous && r->previous >= 10)
        what = r->previous_is_baseline ? "the baseline" : "last year's result", against = r->previous;
    else if (r->has_prior && r->prior >= 10)
        what = r->prior_is_baseline ? "the baseline" : "the previous period's result", against = r->prior;
    else if (in->has_baseline && in->baseline >= 10)
        what = "the baseline", against = in->baseline;
    if (what)
        flag(r, PRT_QUALITY_FRACTION,
             prt_pool_printf(pool, "%g%% looks like a fraction: %s is %g%%; was %g%% meant?", prt_as_printed(in, r->value),
                             what, prt_as_printed(in, against), prt_as_printed(in, r->value * 100)));
}

/* How many of the periods before a change is judged against. */
enum { USUAL_CHANGES = 4 };

/* Q002: a change from the previous period far beyond the indicator's usual change: the mean size of
 * its last changes between consecutive periods (at least two of them), else, with less history,
 * beyond the same multiple of the previous value itself (fourfold for the default 3).  A value back in
 * line with the one before the previous period is the end of an outlier, not a jump.  A year-to-date
 * figure is left out: it falls back every April by design. */
static void jump(prt_pool *pool, prt_rating *r, const prt_plan *plan, int index, const prt_results *res)
{
    const prt_indicator *in = &plan->indicators[index];
    if (r->status != PRT_RESULT_VALUE || !r->has_prior || r->prior_is_baseline ||
        in->accumulates == PRT_ACC_YEAR_TO_DATE || (r->quality & (1u << PRT_QUALITY_FRACTION)))
        return;
    /* a percentage that looked like a fraction last period was flagged there (Q001): coming back to
     * scale is no jump */
    if (in->unit == PRT_UNIT_PERCENT && r->prior > 0 && r->prior <= 1 && r->value > 1)
        return;
    double multiple = in->jump > 0 ? in->jump : plan->jump > 0 ? plan->jump : 3;
    double change = fabs(r->value - r->prior);
    double values[USUAL_CHANGES + 1];
    int n = 0;
    values[n++] = r->prior;
    for (int k = 2; k <= USUAL_CHANGES + 1; k++) {
        prt_found f = prt_find_result(in, index, res, prt_period_back(r->period, k));
        if (f.status != PRT_RESULT_VALUE)
            break;
        values[n++] = f.value;
    }
    if (n >= 3) {
        double usual = 0;
        for (int k = 1; k < n; k++)
            usual += fabs(values[k - 1] - values[k]);
        usual /= n - 1;
        /* the value back in line with the period before last: the outlier was the previous one, and
         * was flagged there */
        bool back_in_line = prt_settle(fabs(r->value - values[1])) <= prt_settle(multiple * usual);
        if (usual > 0 && prt_settle(change) > prt_settle(multiple * usual) && !back_in_line)
            flag(r, PRT_QUALITY_JUMP,
                 prt_pool_printf(pool, "a change of %g from %g in %s is more than %g times the usual change (%g over the %d periods before)",
                                 prt_as_printed(in, change), prt_as_printed(in, r->prior), prt_period_text(r->prior_period).s,
                                 multiple, prt_as_printed(in, usual), n - 1));
        return;
    }
    double base = fabs(r->prior);
    if (base > 0 && prt_settle(change) >= prt_settle(multiple * base))
        flag(r, PRT_QUALITY_JUMP,
             prt_pool_printf(pool, "%g against %g in %s: a change of more than %g times the previous value", prt_as_printed(in, r->value),
                             prt_as_printed(in, r->prior), prt_period_text(r->prior_period).s, multiple));
}

/* Q003: no return at all for a period in which the indicator is due (within the plan's years, and not
 * derived: a formula's value is computed, not returned). */
static void missing(prt_pool *pool, prt_rating *r, const prt_plan *plan, const prt_indicator *in, prt_period report)
{
    if (r->status != PRT_RESULT_NONE || in->formula || in->formula_fn || !prt_indicator_due(in, report) ||
        (plan->first_year && (r->period.year < plan->first_year || r->period.year > plan->last_year)))
        return;
    flag(r, PRT_QUALITY_MISSING,
         prt_pool_printf(pool, "no return for %s, in which '%s' is due", prt_period_text(r->period).s, prt_indicator_label(in)));
}

/* Q004: the target is a benchmark whose value was measured more than the plan allows (`stale N`, 1
 * year when not given) before the period it rates.  A benchmark printed beside a result is context,
 * and comparators are routinely two years behind (seed 001); one that sets the target rates. */
static void stale_benchmark(prt_pool *pool, prt_rating *r, const prt_plan *plan)
{
    if (!r->target || r->target->kind != PRT_TARGET_BENCHMARK || r->status != PRT_RESULT_VALUE)
        return;
    int limit = plan->stale_years > 0 ? plan->stale_years - 1 : 1;
    int age = r->period.year - r->benchmark_period.year;
    if (age <= limit)
        return;
    flag(r, PRT_QUALITY_STALE_BENCHMARK,
         prt_pool_printf(pool, "the target follows the benchmark '%s', whose value is for %s, %d years before %s (the plan allows %d)",
                         plan->benchmarks[r->target->benchmark].name, prt_period_text(r->benchmark_period).s, age,
                         prt_period_text(r->period).s, limit));
}

/* Q005: the rating overridden this period and the one before: an override is for the exception. */
static void repeated_override(prt_pool *pool, prt_rating *r, const prt_indicator *in, int index, const prt_results *res)
{
    if (!r->overridden || !r->row)
        return;
    prt_found f = prt_find_result(in, index, res, r->prior_period);
    if (f.row && f.row->override)
        flag(r, PRT_QUALITY_REPEATED_OVERRIDE,
             prt_pool_printf(pool, "the rating is overridden in %s and was in %s too", prt_period_text(r->period).s,
                             prt_period_text(r->prior_period).s));
}

void prt_quality_check(prt_pool *pool, prt_rating *r, const prt_plan *plan, int index, const prt_results *res,
                      prt_period report_period)
{
    const prt_indicator *in = &plan->indicators[index];
    fraction(pool, r, in);      /* first: a fraction's jump is not flagged twice */
    jump(pool, r, plan, index, res);
    missing(pool, r, plan, in, report_period);
    stale_benchmark(pool, r, plan);
    repeated_override(pool, r, in, index, res);
}
