/* The year-end forecast: for an indicator with an annual target rated in a part of the year, where
 * the year's figure is heading, by the plan's declared rule (`forecast`, docs/rating.md). */
#include "rate_parts.h"

#include <math.h>

bool prt_annual_target(const prt_indicator *in, prt_period p, const prt_target **out, double *value)
{
    prt_period year = prt_period_year_of(p);
    const prt_target *t = NULL;
    for (int i = 0; i < in->ntargets && !t; i++)
        if (prt_period_equal(in->targets[i].period, year))
            t = &in->targets[i];
    if (!t)
        return false;
    t = prt_target_amended(in, t, p);   /* as in force when p is reported */
    switch (t->kind) {
    case PRT_TARGET_VALUE:
    case PRT_TARGET_THRESHOLD: *value = t->value; break;
    case PRT_TARGET_MAINTAIN:
        if (!in->has_baseline)
            return false;
        *value = in->baseline;
        break;
    case PRT_TARGET_MONITOR:
    case PRT_TARGET_BENCHMARK: return false;
    }
    *out = t;
    return true;
}

/* Whether p is the last part of its year (the figure then is the year's, nothing to forecast). */
static bool year_end(prt_period p)
{
    int first, last;
    prt_period_months(p, &first, &last);
    return last == 12;
}

/* Last year's figure for the same part of the year and for the whole year (a year row, else its last
 * part's): the profile a cumulative figure is scaled by. */
static bool last_year_profile(const prt_indicator *in, int index, const prt_results *res, prt_period p, double *part,
                              double *whole)
{
    prt_found f = prt_find_result(in, index, res, prt_period_last_year(p));
    prt_found y = prt_find_result(in, index, res, prt_period_year_of(prt_period_last_year(p)));
    if (f.status != PRT_RESULT_VALUE || y.status != PRT_RESULT_VALUE || f.value <= 0)
        return false;
    *part = f.value;
    *whole = y.value;
    return true;
}

void prt_forecast_rate(prt_pool *pool, prt_rating *r, const prt_plan *plan, int index, const prt_results *res)
{
    const prt_indicator *in = &plan->indicators[index];
    const prt_target *t = NULL;
    double target = 0;
    r->forecast_explanation = "";
    if (plan->forecast == PRT_FORECAST_NONE || r->status != PRT_RESULT_VALUE || r->period.kind == PRT_YEAR ||
        year_end(r->period) || in->polarity == PRT_POL_MONITOR || in->polarity == PRT_POL_NONE ||
        !prt_annual_target(in, r->period, &t, &target))
        return;
    char how[160];
    double v = r->value, part, whole;
    if (in->accumulates != PRT_ACC_YEAR_TO_DATE) {
        r->forecast = v;
        snprintf(how, sizeof how, "the latest value");
    } else if (plan->forecast == PRT_FORECAST_PROFILE && last_year_profile(in, index, res, r->period, &part, &whole)) {
        r->forecast = v * whole / part;
        snprintf(how, sizeof how, "the year to date and last year's profile: %g x %g / %g", prt_as_printed(in, v),
                 prt_as_printed(in, whole), prt_as_printed(in, part));
    } else {
        int first, last;
        prt_period_months(r->period, &first, &last);
        r->forecast = v * 12.0 / last;
        snprintf(how, sizeof how, "the run rate: %g over %d month%s, times 12", prt_as_printed(in, v), last,
                 last == 1 ? "" : "s");
    }
    r->has_forecast = true;
    r->annual_target = target;
    double sign = in->polarity == PRT_POL_SMALLER ? -1 : 1;
    bool met = t->kind == PRT_TARGET_THRESHOLD ? prt_threshold_met(t->op, r->forecast, target)
                                               : prt_settle(sign * (r->forecast - target)) >= 0;
    r->forecast_miss = !met;
    r->forecast_explanation = prt_pool_printf(pool, "%s: a year-end forecast of %g against the annual target %g (from %s)",
                                              met ? "forecast to meet the annual target" : "forecast to miss the annual target",
                                              prt_as_printed(in, r->forecast), prt_as_printed(in, target), how);
}
