/* What rate.c shares with the rules that look across periods: the year-end forecast (forecast.c) and
 * the data-quality flags (quality.c).  Internal to the runtime. */
#ifndef PLANRT_RATE_PARTS_H
#define PLANRT_RATE_PARTS_H

#include "planrt.h"

/* An indicator's result for a period: the results row, else the plan's own `result`; for a year with
 * neither, the last part of the year that has one (Q4, March, H2), since a year-to-date or year-end
 * figure for the last part is the year's (part_used says which). */
typedef struct prt_found {
    prt_result_status status;
    double value;
    const prt_result_row *row;
    const prt_plan_result *rec;
    bool from_part;
    prt_period part_used;
} prt_found;

prt_found prt_find_result(const prt_indicator *in, int index, const prt_results *res, prt_period p);
/* The value as the reports print it (rounded to the indicator's decimals, else to 9 places). */
double prt_as_printed(const prt_indicator *in, double v);
/* Percentages and figures are compared after rounding to 9 decimals. */
double prt_settle(double x);
bool prt_threshold_met(prt_cmp op, double result, double target);
/* Benchmark bench's value beside rating r (the results row's column, else the plan's value for the
 * period or the latest before it), and when it was measured; false when it has none. */
bool prt_rating_benchmark(const prt_plan *plan, const prt_rating *r, int bench, double *out, prt_period *when);
/* The n-th benchmark reports print beside r (each that has a value): the indicator's own in the
 * order its statements name them, as the source document lists them, then those only the results
 * row gives, in the order the plan declares them; -1 after the last. */
int prt_rating_benchmark_at(const prt_plan *plan, const prt_rating *r, int n);
/* Target t as a report for period p sees it: the latest amendment in force by then, else t. */
const prt_target *prt_target_amended(const prt_indicator *in, const prt_target *t, prt_period p);
/* The year's target for p's year as in force at p (amendments applied), as a number; false when
 * there is none or it is not a number (monitor, maintain without a baseline, a benchmark).  The
 * year-end forecast's (forecast.c), and the SQL back end's. */
bool prt_annual_target(const prt_indicator *in, prt_period p, const prt_target **out, double *value);

/* Whether band i of s, its edge reached, is r's: its condition holds (else the band is noted in
 * r->cond_failed for the explanation). */
bool prt_band_condition_holds(const prt_scheme *s, int i, prt_rating *r);
/* The first band from `first` whose condition holds: the band of a target met. */
int prt_band_when_met(const prt_scheme *s, int first, prt_rating *r);
/* Explanation with what r's band conditions add: the found band's condition and why it holds, each
 * better band whose edge was reached but whose condition failed (r->cond_failed) and why: condition.c. */
const char *prt_condition_explain(prt_pool *pool, const prt_rating *r, const prt_scheme *s, const char *explanation);
/* Percentage of target achieved (target / result when smaller is better, sign -1); false when a
 * ratio means nothing (zero or negative values). */
bool prt_achievement(double sign, double result, double target, double *pct);
/* The tolerance of target t of in, as a number in the unit: t's own (`within`), else the indicator's,
 * which `tolerance N% of target` makes N% of the target's value; 0 when none. */
double prt_tolerance_for(const prt_indicator *in, const prt_target *t, double target);
/* Whether scheme s has a band with an edge of issue 21 (per indicator, by tolerance, above): such a
 * scheme is rated by prt_rate_edges (rate_edges.c), the others as before. */
bool prt_scheme_has_edges(const prt_scheme *s);
/* Rates r (a value against a number target, base the baseline or last year's figure when has_base) by
 * a scheme with such edges: the band and its explanation. */
void prt_rate_edges(prt_pool *pool, prt_rating *r, const prt_scheme *s, const prt_indicator *in, double base,
                    bool has_base);

/* The year-end forecast of r (its period a part of a year, with an annual target): forecast.c. */
void prt_forecast_rate(prt_pool *pool, prt_rating *r, const prt_plan *plan, int index, const prt_results *res);
/* The data-quality flags of r, rated in a report for report_period: quality.c. */
void prt_quality_check(prt_pool *pool, prt_rating *r, const prt_plan *plan, int index, const prt_results *res,
                      prt_period report_period);

/* The delivery ratings and counts of ev's period (delivery.c); prt_delivery_free releases them. */
void prt_delivery_evaluate(prt_evaluation *ev, const prt_results *res);
void prt_delivery_free(prt_evaluation *ev);

#endif
