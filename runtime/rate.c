/* Rating one period: the target in force, the rating by the scheme's method, the direction of travel,
 * and the counts the summary tables print.  docs/rating.md states every rule implemented here. */
#include "rate_parts.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void *zalloc(size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (!p)
        prt_out_of_memory();
    return p;
}

/* ---- small helpers ---- */

const char *prt_indicator_label(const prt_indicator *in)
{
    return in->ref ? in->ref : in->id ? in->id : in->name;
}

const char *prt_band_name(const prt_scheme *s, int band)
{
    return s && band >= 0 && band < s->nbands ? s->bands[band].label : "";
}

const char *prt_band_short(const prt_scheme *s, int band)
{
    if (!s || band < 0 || band >= s->nbands)
        return "";
    return s->bands[band].abbrev ? s->bands[band].abbrev : s->bands[band].id;
}

int prt_scheme_monitor_band(const prt_scheme *s)
{
    for (int i = 0; s && i < s->nbands; i++)
        if (s->bands[i].monitor)
            return i;
    return -1;
}

int prt_rating_shown_band(const prt_scheme *s, const prt_rating *r)
{
    return r->band >= 0 ? r->band : r->monitoring ? prt_scheme_monitor_band(s) : -1;
}

const char *prt_band_symbol(const prt_scheme *s, int band)
{
    return s && band >= 0 && band < s->nbands ? s->bands[band].symbol : NULL;
}

/* The last band that rates, skipping the monitor band (which is given, never reached). */
static int last_rating_band(const prt_scheme *s)
{
    int b = s->nbands - 1;
    while (b > 0 && s->bands[b].monitor)
        b--;
    return b;
}

/* On or above target: the scheme's target band or a band above it (issue 21). */
bool prt_band_on_target(const prt_scheme *s, int band)
{
    return s && band >= 0 && band <= s->target_band;
}

/* A band by its identifier or abbreviation as written; else, as published reports write it, by its
 * identifier, abbreviation or label in any case ("Green Amber", "green amber", "ga"). */
int prt_scheme_find_band(const prt_scheme *s, const char *name)
{
    for (int i = 0; s && i < s->nbands; i++)
        if (strcmp(s->bands[i].id, name) == 0 || (s->bands[i].abbrev && strcmp(s->bands[i].abbrev, name) == 0))
            return i;
    for (int i = 0; s && i < s->nbands; i++)
        if (prt_same_nocase(s->bands[i].id, name) || (s->bands[i].abbrev && prt_same_nocase(s->bands[i].abbrev, name)) ||
            (s->bands[i].label && prt_same_nocase(s->bands[i].label, name)))
            return i;
    return -1;
}

bool prt_dot_parse(const char *s, prt_dot *out)
{
    static const struct {
        const char *word;
        prt_dot dot;
    } words[] = {
        {"improving", PRT_DOT_IMPROVING}, {"same", PRT_DOT_SAME}, {"worsening", PRT_DOT_WORSENING},
        {"new", PRT_DOT_NEW}, {"not comparable", PRT_DOT_NOT_COMPARABLE},
        /* as reports print them: no direction, or a method new this year (nothing to compare with) */
        {"n/a", PRT_DOT_NONE}, {"na", PRT_DOT_NONE}, {"not applicable", PRT_DOT_NONE}, {"none", PRT_DOT_NONE},
        {"new method", PRT_DOT_NOT_COMPARABLE},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (prt_same_nocase(s, words[i].word)) {
            *out = words[i].dot;
            return true;
        }
    return false;
}

const char *prt_dot_name(prt_dot d)
{
    switch (d) {
    case PRT_DOT_NONE: return "";
    case PRT_DOT_IMPROVING: return "Improving";
    case PRT_DOT_SAME: return "Same";
    case PRT_DOT_WORSENING: return "Worsening";
    case PRT_DOT_NEW: return "New";
    case PRT_DOT_NOT_COMPARABLE: return "Not comparable";
    }
    return "";
}

/* Percentages are compared after rounding to 9 decimals, so that 80% computed as 79.99999999997
 * falls in the band an officer working it out by hand would put it in. */
double prt_settle(double x) { return round(x * 1e9) / 1e9; }
#define settle prt_settle

/* Rounds to the indicator's printed decimals: the reports compare printed values. */
double prt_as_printed(const prt_indicator *in, double v)
{
    if (in->decimals < 0)
        return settle(v);
    double f = pow(10, in->decimals);
    return round(v * f) / f;
}

/* ---- formulas ---- */

bool prt_formula_eval(const prt_op *ops, int nops, const prt_values *v, double *out, const char **why)
{
    double stack[PRT_MAX_FORMULA_DEPTH];
    int sp = 0;
    for (int i = 0; i < nops; i++) {
        const prt_op *op = &ops[i];
        switch (op->op) {
        case PRT_OP_NUM:
        case PRT_OP_INDICATOR:
        case PRT_OP_INPUT:
            if (sp == PRT_MAX_FORMULA_DEPTH) {   /* not for tables planc made: E038 */
                *why = "the formula is too deep to evaluate";
                return false;
            }
            if (op->op == PRT_OP_NUM)
                stack[sp++] = op->num;
            else if (op->op == PRT_OP_INDICATOR) {
                if (!v->has_indicator[op->index]) {
                    *why = "an indicator the formula uses has no value for the period";
                    return false;
                }
                stack[sp++] = v->indicator[op->index];
            } else {
                if (!v->has_input[op->index]) {
                    *why = "an input the formula uses has no value for the period";
                    return false;
                }
                stack[sp++] = v->input[op->index];
            }
            break;
        case PRT_OP_NEG:
            if (sp < 1)
                goto malformed;
            stack[sp - 1] = -stack[sp - 1];
            break;
        default: {
            if (sp < 2)
                goto malformed;
            double b = stack[--sp], a = stack[sp - 1], r;
            if (op->op == PRT_OP_ADD)
                r = a + b;
            else if (op->op == PRT_OP_SUB)
                r = a - b;
            else if (op->op == PRT_OP_MUL)
                r = a * b;
            else {
                if (b == 0) {
                    *why = "the formula divides by zero";
                    return false;
                }
                r = a / b;
            }
            if (!isfinite(r)) {
                *why = "the formula's value is out of range";
                return false;
            }
            stack[sp - 1] = r;
            break;
        }
        }
    }
    if (sp != 1)
        goto malformed;
    *out = stack[0];
    return true;
malformed:
    *why = "the formula is malformed";
    return false;
}

/* ---- the period an indicator's result refers to ---- */

/* Reported N quarters in arrears: a quarter's report carries the quarter N before it; a year's
 * report carries the latest quarter that is available, (Q4 - N) of the year. */
prt_period prt_result_period(const prt_indicator *in, prt_period p)
{
    if (in->arrears <= 0)
        return p;
    if (p.kind == PRT_QUARTER)
        return prt_period_minus_quarters(p, in->arrears);
    if (p.kind == PRT_YEAR) {
        prt_period q4 = {p.year, PRT_QUARTER, 4};
        return prt_period_minus_quarters(q4, in->arrears);
    }
    return p;
}

typedef prt_found Found;

static Found find_exactly(const prt_indicator *in, int index, const prt_results *res, prt_period p)
{
    Found f = {PRT_RESULT_NONE, 0, NULL, NULL, false, p};
    const prt_result_row *row = prt_results_find(res, index, p);
    if (row) {
        f.status = row->status;
        f.value = row->value;
        f.row = row;
    }
    for (int i = 0; i < in->nresults; i++)
        if (prt_period_equal(in->results[i].period, p)) {
            f.rec = &in->results[i];
            if (!row) {
                f.status = in->results[i].status;
                f.value = in->results[i].value;
            }
        }
    return f;
}

/* A year with no figure of its own takes its last part's: a year-to-date figure at Q4 is the year's,
 * and so is a snapshot at the year end. */
prt_found prt_find_result(const prt_indicator *in, int index, const prt_results *res, prt_period p)
{
    Found f = find_exactly(in, index, res, p);
    if (f.status != PRT_RESULT_NONE || p.kind != PRT_YEAR)
        return f;
    static const prt_period_kind kinds[] = {PRT_QUARTER, PRT_MONTH, PRT_HALF};
    static const unsigned char last[] = {4, 12, 2};
    for (int k = 0; k < 3; k++) {
        prt_period part = {p.year, (unsigned char)kinds[k], last[k]};
        Found g = find_exactly(in, index, res, part);
        if (g.status != PRT_RESULT_NONE) {
            g.from_part = true;
            return g;
        }
    }
    return f;
}
#define find_result prt_find_result

/* ---- the target in force ---- */

static const prt_target *target_for(const prt_indicator *in, prt_period p)
{
    for (int i = 0; i < in->ntargets; i++)
        if (prt_period_equal(in->targets[i].period, p))
            return &in->targets[i];
    /* a level (snapshot or rolling figure) is held to the year's target in every part of the year;
     * a cumulative figure only to a target for the same stretch of the year, which at the year's last
     * part (Q4, H2, March) is the whole year */
    bool year_end = (p.kind == PRT_QUARTER && p.index == 4) || (p.kind == PRT_HALF && p.index == 2) ||
                    (p.kind == PRT_MONTH && p.index == 12);
    if (p.kind != PRT_YEAR && (in->accumulates != PRT_ACC_YEAR_TO_DATE || year_end))
        for (int i = 0; i < in->ntargets; i++)
            if (in->targets[i].period.kind == PRT_YEAR && in->targets[i].period.year == p.year)
                return &in->targets[i];
    return NULL;
}

/* The amendment in force: the latest one of that target whose start is not after the period's end. */
static const prt_amendment *amendment_for(const prt_indicator *in, const prt_target *t, prt_period p)
{
    const prt_amendment *best = NULL;
    int pf, pl;
    prt_period_months(p, &pf, &pl);
    long p_end = p.year * 12L + pl;
    for (int i = 0; i < in->namendments; i++) {
        const prt_amendment *a = &in->amendments[i];
        if (!prt_period_equal(a->period, t->period))
            continue;
        int af, al;
        prt_period_months(a->from, &af, &al);
        long a_start = a->from.year * 12L + af;
        if (a_start <= p_end && (!best || prt_period_compare(best->from, a->from) <= 0))
            best = a;
    }
    return best;
}

/* The benchmark's value for the indicator in period p, and when it was measured (*when). */
static bool benchmark_value(const prt_indicator *in, const Found *f, int bench, prt_period p,
                            double *out, prt_period *when)
{
    if (f->row)
        for (int i = 0; i < f->row->nbench; i++)
            if (f->row->bench_index[i] == bench) {
                *out = f->row->bench_value[i];
                *when = f->row->period;
                return true;
            }
    /* the plan's own value: for the period, else its year, else the latest before it */
    const prt_bench_value *best = NULL;
    for (int i = 0; i < in->nbench; i++) {
        const prt_bench_value *b = &in->bench[i];
        if (b->benchmark != bench || prt_period_compare(b->period, p) > 0)
            continue;
        if (!best || prt_period_compare(best->period, b->period) < 0)
            best = b;
    }
    if (!best)
        return false;
    *out = best->value;
    *when = best->period;
    return true;
}

/* Whether the indicator has a value statement for benchmark bench among its first n. */
static bool gives_benchmark(const prt_indicator *in, int n, int bench)
{
    for (int i = 0; i < n; i++)
        if (in->bench[i].benchmark == bench)
            return true;
    return false;
}

/* Whether the results row gives a value for benchmark bench. */
static bool row_gives_benchmark(const prt_result_row *row, int bench)
{
    for (int i = 0; row && i < row->nbench; i++)
        if (row->bench_index[i] == bench)
            return true;
    return false;
}

int prt_rating_benchmark_at(const prt_plan *plan, const prt_rating *r, int n)
{
    const prt_indicator *in = &plan->indicators[r->indicator];
    for (int i = 0; i < in->nbench; i++)
        if (!gives_benchmark(in, i, in->bench[i].benchmark) && n-- == 0)
            return in->bench[i].benchmark;
    for (int k = 0; k < plan->nbenchmarks; k++)
        if (!gives_benchmark(in, in->nbench, k) && row_gives_benchmark(r->row, k) && n-- == 0)
            return k;
    return -1;
}

bool prt_rating_benchmark(const prt_plan *plan, const prt_rating *r, int bench, double *out, prt_period *when)
{
    Found f = {PRT_RESULT_NONE, 0, r->row, NULL, false, r->period};
    return benchmark_value(&plan->indicators[r->indicator], &f, bench, r->period, out, when);
}

const prt_target *prt_target_amended(const prt_indicator *in, const prt_target *t, prt_period p)
{
    const prt_amendment *a = amendment_for(in, t, p);
    return a ? &a->to : t;
}

const prt_target *prt_target_in_force(const prt_indicator *in, prt_period p, bool *amended)
{
    const prt_target *t = target_for(in, p);
    const prt_amendment *a = t ? amendment_for(in, t, p) : NULL;
    if (amended)
        *amended = a != NULL;
    return a ? &a->to : t;
}

bool prt_indicator_due(const prt_indicator *in, prt_period p)
{
    switch (in->frequency) {
    case PRT_FREQ_NONE:
    case PRT_FREQ_MONTHLY: return true;
    case PRT_FREQ_QUARTERLY: return p.kind == PRT_YEAR || p.kind == PRT_QUARTER;
    case PRT_FREQ_BIANNUAL:
        return p.kind == PRT_YEAR || p.kind == PRT_HALF || (p.kind == PRT_QUARTER && p.index % 2 == 0);
    case PRT_FREQ_ANNUAL: return p.kind == PRT_YEAR;
    }
    return true;
}

/* ---- rating ---- */

/* The nearest band better than band whose edge bounds it: band - 1, unless that band has only a
 * condition (`band amber if improving`, no edge) or the same edge as band (`at 90% if improving`,
 * then `at 90%`): then the one before. */
static int edge_above(const prt_scheme *s, int band)
{
    const prt_band *b = &s->bands[band];
    int i = band - 1;
    while (i > 0 && (s->bands[i].otherwise || s->bands[i].monitor ||
                     (!b->otherwise && s->bands[i].threshold == b->threshold)))
        i--;
    return i < 0 ? 0 : i;
}

const char *prt_band_range(prt_pool *pool, bool points, bool above, bool below, double threshold, bool has_upper,
                           double upper)
{
    if (points)
        return below ? prt_pool_printf(pool, "more than %g pts", upper) : prt_pool_printf(pool, "within %g pts", threshold);
    if (above)
        return prt_pool_printf(pool, "more than %g%%", threshold);
    if (below)
        return prt_pool_printf(pool, "below %g%%", upper);
    if (has_upper)
        return prt_pool_printf(pool, "%g%% to %g%%", threshold, upper);
    return prt_pool_printf(pool, "%g%% or more", threshold);
}

static void explain_band(prt_pool *pool, prt_rating *r, const prt_scheme *s, int band, const char *what)
{
    const prt_band *b = &s->bands[band];
    const char *range;
    /* a band with no edge of its own, given although the figure reached a better band's edge whose
     * condition failed: the figure is not below that edge */
    bool any = b->otherwise && band > 0 && r->cond_failed >> edge_above(s, band) & 1u;
    if (s->method == PRT_METHOD_POINTS) {
        range = any ? "for any figure"
                    : prt_band_range(pool, true, false, b->otherwise, b->threshold, true,
                                     s->bands[edge_above(s, band)].threshold);
        r->explanation = prt_pool_printf(pool, "%s: %.1f pts below target (band: %s)", b->label,
                 r->percent, range);
        return;
    }
    if (band == 0)
        range = prt_band_range(pool, false, false, false, b->threshold, false, 0);
    else
        range = any ? "for any figure"
                    : prt_band_range(pool, false, false, b->otherwise, b->threshold, true,
                                     s->bands[edge_above(s, band)].threshold);
    /* whole percents, as the reports print them, unless rounding would carry the figure over a band
     * edge (99.5% of a missed target is not "100%") */
    double shown = floor(r->percent + 0.5);
    bool over = band > 0 && shown >= s->bands[edge_above(s, band)].threshold;
    bool under = !b->otherwise && shown < b->threshold;
    if (over || under)
        r->explanation = prt_pool_printf(pool, "%s: %.1f%% of %s achieved (band %s)", b->label,
                 floor(r->percent * 10) / 10, what, range);
    else
        r->explanation = prt_pool_printf(pool, "%s: %.0f%% of %s achieved (band %s)", b->label, shown, what,
                 range);
}

/* Whether band i, its edge reached, is r's: its condition holds.  The bands whose edge was reached
 * but whose condition failed are kept in r->cond_failed for the explanation. */
bool prt_band_condition_holds(const prt_scheme *s, int i, prt_rating *r)
{
    if (prt_condition_holds(&s->bands[i].cond, r))
        return true;
    if (i < PRT_MAX_BANDS)   /* always: the checker refuses larger schemes (E044) */
        r->cond_failed |= 1u << i;
    return false;
}

static int band_for_percent(const prt_scheme *s, double pct, int first, prt_rating *r)
{
    for (int i = first; i < s->nbands; i++)
        if (!s->bands[i].monitor && (s->bands[i].otherwise || settle(pct) >= s->bands[i].threshold) &&
            prt_band_condition_holds(s, i, r))
            return i;
    return last_rating_band(s);
}

static int band_for_shortfall(const prt_scheme *s, double shortfall, int first, prt_rating *r)
{
    for (int i = first; i < s->nbands; i++)
        if (!s->bands[i].monitor && (s->bands[i].otherwise || settle(shortfall) <= s->bands[i].threshold) &&
            prt_band_condition_holds(s, i, r))
            return i;
    return s->nbands - 1;
}

/* The band of a target met (or met within its tolerance or interval): the first band from `first`
 * (the scheme's target band: schemes with bands above target are rated in rate_edges.c) whose
 * condition holds, every edge being reached. */
int prt_band_when_met(const prt_scheme *s, int first, prt_rating *r)
{
    for (int i = first; i < s->nbands; i++)
        if (!s->bands[i].monitor && prt_band_condition_holds(s, i, r))
            return i;
    return last_rating_band(s);
}

bool prt_threshold_met(prt_cmp op, double result, double target)
{
    switch (op) {
    case PRT_CMP_GE: return settle(result) >= settle(target);
    case PRT_CMP_GT: return settle(result) > settle(target);
    case PRT_CMP_LE: return settle(result) <= settle(target);
    case PRT_CMP_LT: return settle(result) < settle(target);
    }
    return false;
}

/* Percentage of target achieved; false when a ratio means nothing (zero or negative values). */
bool prt_achievement(double sign, double result, double target, double *pct)
{
    if (sign > 0) {
        if (target <= 0)
            return false;
        *pct = result / target * 100;
    } else {
        if (result <= 0 || target < 0)
            return false;
        *pct = target / result * 100;
    }
    return true;
}
#define achievement prt_achievement

static void rate(prt_pool *pool, prt_rating *r, const prt_plan *plan, const prt_indicator *in, double base, bool has_base)
{
    const prt_scheme *s = &plan->schemes[in->scheme];
    if (prt_scheme_has_edges(s)) {   /* the edges councils write: rate_edges.c */
        prt_rate_edges(pool, r, s, in, base, has_base);
        return;
    }
    double sign = in->polarity == PRT_POL_SMALLER ? -1 : 1;
    double result = r->value, target = r->target_value;
    const prt_target *t = r->target;
    double tol = prt_tolerance_for(in, t, target);
    bool threshold = t->kind == PRT_TARGET_THRESHOLD;
    bool met = threshold ? prt_threshold_met(t->op, result, target) : settle(sign * (result - target)) >= 0;
    int first = 0;

    if (threshold && met) {
        r->band = prt_band_when_met(s, 0, r);
        r->percent = 100;
        r->explanation = prt_pool_printf(pool, "%s: the target is met", s->bands[r->band].label);
        return;
    }
    if (threshold)
        first = s->nbands > 1 ? 1 : 0;   /* a threshold missed is never on target */
    if (!met && tol > 0 && settle(sign * (target - result)) <= settle(tol)) {
        r->band = prt_band_when_met(s, 0, r);
        r->percent = 100;
        r->explanation = prt_pool_printf(pool, "%s: within the tolerance of %g of the target", s->bands[r->band].label,
                 tol);
        return;
    }
    switch (s->method) {
    case PRT_METHOD_POINTS:
        r->percent = sign * (target - result);
        if (r->percent < 0)
            r->percent = 0;
        r->band = band_for_shortfall(s, r->percent, first, r);
        explain_band(pool, r, s, r->band, "");
        return;
    case PRT_METHOD_IMPROVEMENT:
        if (has_base && settle(sign * (target - base)) > 0) {
            r->percent = (result - base) / (target - base) * 100;
            r->band = band_for_percent(s, r->percent, first, r);
            explain_band(pool, r, s, r->band, "targeted improvement");
            return;
        }
        /* no improvement was asked for, or there is nothing to measure it from: how much of the
         * target was achieved is the fair measure left */
        if (achievement(sign, result, target, &r->percent)) {
            r->band = band_for_percent(s, r->percent, first, r);
            explain_band(pool, r, s, r->band, "target");
            r->explanation = prt_pool_printf(pool, "%s; %s", r->explanation,
                     has_base ? "the target asks for no improvement on the baseline" : "no baseline to measure improvement from");
            return;
        }
        break;
    case PRT_METHOD_ACHIEVEMENT:
        if (achievement(sign, result, target, &r->percent)) {
            r->band = band_for_percent(s, r->percent, first, r);
            explain_band(pool, r, s, r->band, "target");
            return;
        }
        break;
    case PRT_METHOD_NONE:
        break;
    }
    /* no ratio can be formed (zero or negative values): met or not met decides */
    r->band = met ? prt_band_when_met(s, 0, r) : last_rating_band(s);
    r->percent = met ? 100 : 0;
    r->explanation = prt_pool_printf(pool, "%s: the target is %s (no percentage can be formed from %g and %g)",
             s->bands[r->band].label, met ? "met" : "not met", result, target);
}

/* ---- direction of travel ---- */

/* What a result is compared with: a result of the indicator, or the plan's baseline standing in for
 * the year before the plan (docs/rating.md). */
typedef struct Comparator {
    bool has;
    double value;
    prt_period period;
    bool baseline;
} Comparator;

/* The baseline stands in for a period with no result when it was measured in that period or, being a
 * year's figure, in that year: a baseline for 2022/23 is the year before a plan starting in 2023/24.
 * One measured earlier (2017/18 for a plan starting in 2019/20) is not last year's figure: seed 000
 * prints such an indicator's direction of travel as New. */
static bool baseline_stands_for(const prt_indicator *in, prt_period q)
{
    if (!in->has_baseline)
        return false;
    return prt_period_equal(in->baseline_period, q) ||
           (in->baseline_period.kind == PRT_YEAR && in->baseline_period.year == q.year);
}

static Comparator comparator(const prt_indicator *in, const Found *f, prt_period q)
{
    Comparator c = {false, 0, q, false};
    if (f->status == PRT_RESULT_VALUE) {
        c.has = true;
        c.value = f->value;
    } else if (f->status == PRT_RESULT_NONE && baseline_stands_for(in, q)) {
        c.has = true;
        c.value = in->baseline;
        c.baseline = true;
    }
    return c;
}

/* A figure in a direction's explanation: money as the reports print it ("£2,750,000", not
 * "2.75e+06"), other figures as %g writes them, without an exponent when they are large. */
static void explained_value(const prt_indicator *in, double v, char *buf, size_t size)
{
    double shown = prt_as_printed(in, v);
    if (in->unit == PRT_UNIT_CURRENCY)
        prt_format_value(in, v, buf, size);
    else
        snprintf(buf, size, fabs(shown) >= 1e6 ? "%.15g" : "%g", shown);
}

/* The direction of travel of r's value against c (what: "a year earlier", "the period before"). */
static prt_dot direction_against(prt_pool *pool, const prt_rating *r, const prt_indicator *in, const Comparator *c,
                                 const char *what, const char **explanation)
{
    /* a monitor-only indicator has a direction of travel only when the plan asks for one */
    prt_polarity pol = in->polarity == PRT_POL_MONITOR ? in->direction : in->polarity;
    if (pol != PRT_POL_BIGGER && pol != PRT_POL_SMALLER) {
        *explanation = "no direction of travel for a monitor-only indicator";
        return PRT_DOT_NONE;
    }
    /* a change of method comes before a missing figure: with or without last year's figure the
     * result cannot be compared with it, and seed 001 prints such an indicator (AC/S9, revised in
     * 2016/17, no 2015/16 figure) "New method", not "New" */
    for (int i = 0; i < in->nrevisions; i++) {
        const prt_revision *rv = &in->revisions[i];
        if (prt_period_compare(rv->period, c->period) > 0 && prt_period_compare(rv->period, r->period) <= 0) {
            *explanation = prt_pool_printf(pool, "not comparable: %s", rv->reason ? rv->reason : "the method changed");
            return PRT_DOT_NOT_COMPARABLE;
        }
    }
    if (!c->has) {
        *explanation = prt_pool_printf(pool, "no result for %s (%s)", what, prt_period_text(c->period).s);
        return PRT_DOT_NEW;
    }
    double sign = pol == PRT_POL_SMALLER ? -1 : 1;
    double d = sign * (prt_as_printed(in, r->value) - prt_as_printed(in, c->value));
    prt_dot dot = d > 0 ? PRT_DOT_IMPROVING : d < 0 ? PRT_DOT_WORSENING : PRT_DOT_SAME;
    char now[64], then[64];
    explained_value(in, r->value, now, sizeof now);
    explained_value(in, c->value, then, sizeof then);
    if (c->baseline)
        *explanation = prt_pool_printf(pool, "%s: %s against the baseline %s (%s is better)", prt_dot_name(dot),
                                       now, then, prt_polarity_words[sign > 0 ? PRT_POL_BIGGER : PRT_POL_SMALLER]);
    else
        *explanation = prt_pool_printf(pool, "%s: %s against %s %s (%s is better)", prt_dot_name(dot), now, then,
                                       what, prt_polarity_words[sign > 0 ? PRT_POL_BIGGER : PRT_POL_SMALLER]);
    return dot;
}

/* ---- the evaluation ---- */

typedef struct Ctx {
    const prt_plan *plan;
    const prt_results *res;
    prt_period period;
    Found *found;
    double *values;
    bool *has;
    double *inputs;
    bool *has_input;
    unsigned char *state;       /* formulas: 0 not yet, 1 under way, 2 done */
    const char **why;
} Ctx;

static void derive(Ctx *c, int i);

static void derive_deps(Ctx *c, const prt_indicator *in)
{
    for (int k = 0; k < in->nformula; k++)
        if (in->formula[k].op == PRT_OP_INDICATOR)
            derive(c, in->formula[k].index);
}

/* A derived indicator with no result of its own takes its formula's value. */
static void derive(Ctx *c, int i)
{
    const prt_indicator *in = &c->plan->indicators[i];
    if (c->state[i])
        return;
    c->state[i] = 1;
    if ((in->formula || in->formula_fn) && c->found[i].status == PRT_RESULT_NONE) {
        derive_deps(c, in);
        prt_values v = {c->values, c->has, c->inputs, c->has_input};
        double out;
        const char *why = NULL;
        bool ok = in->formula_fn ? in->formula_fn(&v, &out, &why) : prt_formula_eval(in->formula, in->nformula, &v, &out, &why);
        if (ok) {
            c->found[i].status = PRT_RESULT_VALUE;
            c->found[i].value = out;
            c->values[i] = out;
            c->has[i] = true;
        } else {
            c->found[i].status = PRT_RESULT_NOT_AVAILABLE;
            c->why[i] = why;
        }
    }
    c->state[i] = 2;
}

static void count(prt_counts *k, const prt_rating *r)
{
    if (r->status == PRT_RESULT_NONE)
        return;
    k->reported++;
    if (r->band >= 0) {
        k->rated++;
        if (r->band < PRT_MAX_BANDS)   /* always: the checker refuses larger schemes (E044) */
            k->band[r->band]++;
        if (r->below_target)
            k->below_target++;
        else
            k->on_target++;
    } else {
        k->monitor_nya++;
    }
    if (r->dot == PRT_DOT_IMPROVING || r->dot == PRT_DOT_SAME) {
        k->with_dot++;
        k->improved_same++;
    } else if (r->dot == PRT_DOT_WORSENING) {
        k->with_dot++;
        k->worsened++;
    }
}

/* Every indicator's own result for the period (arrears applied), the inputs' values, then what the
 * formulas derive from them: the values each rating starts from. */
static void gather_values(Ctx *c, prt_evaluation *ev)
{
    const prt_plan *plan = c->plan;
    for (int i = 0; i < plan->nindicators; i++) {
        const prt_indicator *in = &plan->indicators[i];
        prt_period p = prt_result_period(in, c->period);
        Found f = find_result(in, i, c->res, p);
        if (f.status == PRT_RESULT_NONE && in->arrears > 0) {
            p = c->period;     /* the file may carry it against the report's own period */
            f = find_result(in, i, c->res, p);
        }
        ev->ratings[i].period = p;
        c->found[i] = f;
        if (f.status == PRT_RESULT_VALUE) {
            c->values[i] = f.value;
            c->has[i] = true;
        }
    }
    for (int k = 0; k < plan->ninputs; k++)
        c->has_input[k] = prt_results_input(c->res, k, c->period, &c->inputs[k]);
    for (int i = 0; i < plan->nindicators; i++)
        derive(c, i);
}

/* The target in force for the rating's period, amendments applied, resolved to a number (maintain:
 * the baseline or last year's result; benchmark: its value).  False, with *unresolved saying why,
 * when there is a target but no number for it; false with no reason when there is no target. */
static bool resolve_target(prt_rating *r, const prt_indicator *in, const Found *f, const char **unresolved)
{
    const prt_target *t = target_for(in, r->period);
    *unresolved = NULL;
    if (!t)
        return false;
    const prt_amendment *a = amendment_for(in, t, r->period);
    r->target = t;
    if (a) {
        r->target = &a->to;
        r->amended = true;
        r->amend_reason = a->reason;
    }
    t = r->target;
    r->has_target = t->kind != PRT_TARGET_MONITOR;
    switch (t->kind) {
    case PRT_TARGET_VALUE:
    case PRT_TARGET_THRESHOLD:
        r->target_value = t->value;
        return true;
    case PRT_TARGET_MAINTAIN:
        if (in->has_baseline) {
            r->target_value = in->baseline;
            return true;
        }
        if (r->has_previous) {
            r->target_value = r->previous;
            return true;
        }
        *unresolved = "'maintain' needs a baseline or last year's result";
        return false;
    case PRT_TARGET_BENCHMARK:
        if (benchmark_value(in, f, t->benchmark, r->period, &r->target_value, &r->benchmark_period))
            return true;
        *unresolved = "the benchmark the target follows has no value for the period";
        return false;
    case PRT_TARGET_MONITOR:
        break;
    }
    return false;
}

/* Why the indicator is not rated, or NULL when it is to be rated. */
static const char *not_rated_because(prt_pool *pool, const prt_rating *r, const prt_indicator *in, const char *why,
                                     bool resolved, const char *unresolved)
{
    const prt_target *t = r->target;
    switch (r->status) {
    case PRT_RESULT_NONE: return "no result for the period";
    case PRT_RESULT_NOT_AVAILABLE: return prt_pool_printf(pool, "not available%s%s", why ? ": " : "", why ? why : "");
    case PRT_RESULT_NOT_YET_AVAILABLE: return "not yet available";
    case PRT_RESULT_VALUE: break;
    }
    if (in->polarity == PRT_POL_MONITOR)
        return "monitor only: not rated";
    if (!t)
        return "no target for the period: not rated";
    if (t->kind == PRT_TARGET_MONITOR)
        return "the target is 'monitor': not rated";
    if (in->scheme < 0)
        return "no rating scheme: not rated";
    if (!resolved)
        return prt_pool_printf(pool, "not rated: %s", unresolved);
    return NULL;
}

/* ---- a target met within a survey's confidence interval ---- */

const char *prt_interval_name(prt_interval_use u)
{
    switch (u) {
    case PRT_INTERVAL_CONTAINS: return "contains target";
    case PRT_INTERVAL_EXCLUDES: return "excludes target";
    case PRT_INTERVAL_NOT_GIVEN: return "not given";
    case PRT_INTERVAL_NONE: break;
    }
    return "";
}

/* The result's confidence interval: the results row's when the row is rated, else the plan's own
 * result's. */
static void find_interval(prt_rating *r, const Found *f)
{
    if (f->row ? f->row->has_interval : f->rec && f->rec->has_interval) {
        r->has_interval = true;
        r->lower = f->row ? f->row->lower : f->rec->lower;
        r->upper = f->row ? f->row->upper : f->rec->upper;
    }
}

/* A target "within confidence interval" is met (the first band) when the result's interval holds it,
 * bounds included, whichever way is better (docs/rating.md).  True when that decided the rating;
 * otherwise r->interval says why not, and the method rates the value. */
static bool interval_met(prt_pool *pool, prt_rating *r, const prt_plan *plan, const prt_indicator *in)
{
    if (!r->target->within_interval)
        return false;
    if (!r->has_interval) {
        r->interval = PRT_INTERVAL_NOT_GIVEN;
        return false;
    }
    double target = settle(r->target_value);
    if (target < settle(r->lower) || target > settle(r->upper)) {
        r->interval = PRT_INTERVAL_EXCLUDES;
        return false;
    }
    char v[64], lo[64], up[64], t[64];
    r->interval = PRT_INTERVAL_CONTAINS;
    r->band = prt_band_when_met(&plan->schemes[in->scheme], plan->schemes[in->scheme].target_band, r);
    r->percent = 100;
    r->explanation = prt_pool_printf(pool, "%s: %s (interval %s-%s) contains the target %s",
                                     plan->schemes[in->scheme].bands[r->band].label,
                                     prt_format_value(in, r->value, v, sizeof v),
                                     prt_format_value(in, r->lower, lo, sizeof lo),
                                     prt_format_value(in, r->upper, up, sizeof up),
                                     prt_format_value(in, r->target_value, t, sizeof t));
    return true;
}

/* What the method's explanation adds when the interval did not decide the rating. */
static void explain_interval(prt_pool *pool, prt_rating *r, const prt_indicator *in)
{
    char lo[64], up[64], t[64];
    if (r->interval == PRT_INTERVAL_NOT_GIVEN)
        r->explanation = prt_pool_printf(pool, "%s; interval not given: rated on the value alone", r->explanation);
    else if (r->interval == PRT_INTERVAL_EXCLUDES)
        r->explanation = prt_pool_printf(pool, "%s; the interval %s-%s does not contain the target %s", r->explanation,
                                         prt_format_value(in, r->lower, lo, sizeof lo),
                                         prt_format_value(in, r->upper, up, sizeof up),
                                         prt_format_value(in, r->target_value, t, sizeof t));
}

/* Rates the result against its target: improvement and achievement measure from the baseline (when
 * it is older than the period) or last year's result. */
static void rate_against_target(prt_evaluation *ev, prt_rating *r, const prt_indicator *in)
{
    double base = 0;
    bool has_base = false;
    if (in->has_baseline && prt_period_compare(in->baseline_period, r->period) < 0) {
        base = in->baseline;
        has_base = true;
    } else if (r->has_previous) {
        base = r->previous;
        has_base = true;
    }
    if (!interval_met(&ev->strings, r, ev->plan, in)) {
        rate(&ev->strings, r, ev->plan, in, base, has_base);
        explain_interval(&ev->strings, r, in);
    }
    r->explanation = prt_condition_explain(&ev->strings, r, &ev->plan->schemes[in->scheme], r->explanation);
    r->computed_band = r->band;
}

/* A manual rating in the results replaces the computed one; the explanation keeps both. */
static void apply_override(prt_evaluation *ev, prt_rating *r, const prt_indicator *in, const prt_result_row *row)
{
    const prt_scheme *s = &ev->plan->schemes[in->scheme];
    int b = prt_scheme_find_band(s, row->override);
    const char *was = r->band >= 0 ? r->explanation : "";
    r->band = b;
    r->overridden = true;
    r->explanation = prt_pool_printf(&ev->strings, "%s: overridden (%s)%s%s", s->bands[b].label,
                                     row->reason ? row->reason : "", was[0] ? "; computed " : "", was);
}

/* Under --ratings record, a rating of record that names a band of the indicator's scheme is its band:
 * the method's band stays in computed_band and its explanation beside it ("Green Amber (of record; the
 * method gives Red Amber: ...)").  It comes before an override, which is not applied: what the council
 * published already is its judgement.  False when there is no such rating (the method's band stands). */
static bool apply_record(prt_evaluation *ev, prt_rating *r, const prt_indicator *in, const prt_result_row *row)
{
    if (ev->basis != PRT_RATINGS_RECORD || !r->published_rating || in->scheme < 0)
        return false;
    const prt_scheme *s = &ev->plan->schemes[in->scheme];
    int b = prt_scheme_find_band(s, r->published_rating);
    if (b < 0)
        return false;
    int ob = row && row->override ? prt_scheme_find_band(s, row->override) : -1;
    r->band = b;
    r->of_record = true;
    r->explanation = prt_pool_printf(&ev->strings, "%s (of record; the method gives %s%s%s%s%s%s%s)", s->bands[b].label,
                                     r->computed_band >= 0 ? "" : "no rating: ", r->method_explanation,
                                     ob >= 0 ? "; the override " : "", ob >= 0 ? s->bands[ob].label : "",
                                     ob >= 0 ? " (" : "", ob >= 0 && row->reason ? row->reason : "",
                                     ob >= 0 ? ") gives way to it" : "");
    return true;
}

/* ---- issue 21: what an indicator that is not rated is shown against and in ---- */

/* The expected level for period p: the one for exactly p, else (for a part of a year) the year's. */
static const prt_expect *expect_for(const prt_indicator *in, prt_period p)
{
    const prt_expect *year = NULL;
    for (int k = 0; k < in->nexpects; k++) {
        const prt_expect *x = &in->expects[k];
        if (prt_period_equal(x->period, p))
            return x;
        if (p.kind != PRT_YEAR && x->period.kind == PRT_YEAR && x->period.year == p.year)
            year = x;
    }
    return year;
}

/* "contextual: 310 against an expected 300 (+3.3%)" */
static const char *explain_contextual(prt_pool *pool, const prt_rating *r, const prt_indicator *in)
{
    char v[64], e[64], change[32] = "";
    if (r->expected->value != 0)
        snprintf(change, sizeof change, " (%+.1f%%)", (r->value - r->expected->value) / fabs(r->expected->value) * 100);
    return prt_pool_printf(pool, "contextual: %s against an expected %s%s", prt_format_value(in, r->value, v, sizeof v),
                           prt_format_value(in, r->expected->value, e, sizeof e), change);
}

/* A contextual indicator (an `expect` and no target for the period) is shown against its expected
 * level and explained, not rated; it and a monitor-only indicator reported with a figure are shown in
 * their scheme's monitor band, when it has one. */
static void show_unrated(prt_pool *pool, prt_rating *r, const prt_plan *plan, const prt_indicator *in)
{
    if (r->band >= 0)
        return;
    r->expected = r->target ? NULL : expect_for(in, r->period);
    if (r->status != PRT_RESULT_VALUE)
        return;
    if (r->expected && in->polarity != PRT_POL_MONITOR)
        r->explanation = explain_contextual(pool, r, in);
    bool monitor_only = in->polarity == PRT_POL_MONITOR || (r->target && r->target->kind == PRT_TARGET_MONITOR);
    r->monitoring = (monitor_only || r->expected) && in->scheme >= 0 &&
                    prt_scheme_monitor_band(&plan->schemes[in->scheme]) >= 0;
}

/* The rating of indicator i: its result, last year's, the target, the band, the direction of travel. */
static void rate_indicator(prt_evaluation *ev, const Ctx *c, int i)
{
    const prt_plan *plan = ev->plan;
    const prt_indicator *in = &plan->indicators[i];
    prt_rating *r = &ev->ratings[i];
    const Found *f = &c->found[i];
    r->indicator = i;
    r->explanation = r->method_explanation = r->dot_explanation = r->dot_short_explanation = r->forecast_explanation = "";
    r->row = f->row;
    if (f->row) {
        r->provisional = f->row->provisional;
        r->restated = f->row->restated;
        r->original = f->row->original;
        r->restate_reason = f->row->restate_reason;
    }
    r->band = r->computed_band = -1;
    r->status = f->status;
    r->value = f->value;
    r->comment = f->row ? f->row->comment : NULL;
    r->published_rating = f->row && f->row->rating ? f->row->rating : f->rec ? f->rec->rated : NULL;
    r->published_dot = f->row ? f->row->dot : NULL;
    find_interval(r, f);

    r->previous_period = prt_period_last_year(r->period);
    Found prev = find_result(in, i, c->res, r->previous_period);
    Comparator last_year = comparator(in, &prev, r->previous_period);
    r->has_previous = last_year.has;
    r->previous = last_year.value;
    r->previous_is_baseline = last_year.baseline;
    r->prior_period = prt_period_back(r->period, 1);
    Found before = find_result(in, i, c->res, r->prior_period);
    Comparator prior = comparator(in, &before, r->prior_period);
    r->has_prior = prior.has;
    r->prior = prior.value;
    r->prior_is_baseline = prior.baseline;

    const char *unresolved;
    bool resolved = resolve_target(r, in, f, &unresolved);
    /* a benchmark to print beside the result: the first the indicator has */
    if (in->nbench > 0) {
        int b = in->bench[0].benchmark;
        prt_period when = {0, PRT_YEAR, 0};
        r->has_benchmark = benchmark_value(in, f, b, r->period, &r->benchmark_value, &when);
        if (!r->target || r->target->kind != PRT_TARGET_BENCHMARK)
            r->benchmark_period = when;   /* else it says when the target's benchmark was measured */
        r->benchmark_name = plan->benchmarks[b].name;
    }

    /* the directions and the forecast come before the band, which a band's condition may ask about
     * (`if improving or same`, `if forecast met`); neither depends on the band */
    if (f->status == PRT_RESULT_VALUE) {
        r->dot = direction_against(&ev->strings, r, in, &last_year, "a year earlier", &r->dot_explanation);
        if (in->accumulates == PRT_ACC_YEAR_TO_DATE && r->period.kind != PRT_YEAR)
            /* a year to date only grows from one part of the year to the next, and starts again in April */
            r->dot_short_explanation = "no short-term direction for a year-to-date figure (it grows through the year)";
        else
            r->dot_short = direction_against(&ev->strings, r, in, &prior, "the period before", &r->dot_short_explanation);
    }
    prt_forecast_rate(&ev->strings, r, plan, i, c->res);

    const char *not_rated = not_rated_because(&ev->strings, r, in, c->why[i], resolved, unresolved);
    if (not_rated)
        r->explanation = not_rated;
    else
        rate_against_target(ev, r, in);
    show_unrated(&ev->strings, r, plan, in);
    r->method_explanation = r->explanation;
    if (!apply_record(ev, r, in, f->row) && f->row && f->row->override && in->scheme >= 0)
        apply_override(ev, r, in, f->row);
    r->below_target = r->band >= 0 && in->scheme >= 0 && !prt_band_on_target(&plan->schemes[in->scheme], r->band);
    r->exception = r->below_target && (!r->comment || !r->comment[0]);
    if (f->from_part)
        r->explanation = prt_pool_printf(&ev->strings, "%s (the year's figure is the %s return)", r->explanation,
                                         prt_period_text(f->part_used).s);
    if (r->target && r->target->reason)   /* `target ... because "..."`: a lower target on purpose */
        r->explanation = prt_pool_printf(&ev->strings, "%s; the target's reason: %s", r->explanation, r->target->reason);
    prt_quality_check(&ev->strings, r, plan, i, c->res, ev->period);
}

/* The monitor band a rating is shown in (it is also in monitor_nya: reported, not rated), -1. */
static int monitoring_band(const prt_plan *plan, const prt_rating *r)
{
    const prt_indicator *in = &plan->indicators[r->indicator];
    return r->band < 0 && r->monitoring ? prt_scheme_monitor_band(&plan->schemes[in->scheme]) : -1;
}

/* Counted under the monitor band's label, not as a rating: percentages of bands stay over the rated. */
static void count_monitoring(prt_counts *k, int band)
{
    if (band >= 0 && band < PRT_MAX_BANDS)
        k->band[band]++;
}

/* Adds the rating to the plan's, its theme's and its pillar's counts. */
static void count_rating(prt_evaluation *ev, const prt_rating *r)
{
    const prt_plan *plan = ev->plan;
    int theme = plan->indicators[r->indicator].theme;
    int mb = monitoring_band(plan, r);
    count(&ev->total, r);
    count_monitoring(&ev->total, mb);
    if (theme >= 0 && theme < plan->nthemes) {
        count(&ev->theme_counts[theme], r);
        count_monitoring(&ev->theme_counts[theme], mb);
        int pillar = plan->themes[theme].pillar;
        if (pillar >= 0 && pillar < plan->npillars) {
            count(&ev->pillar_counts[pillar], r);
            count_monitoring(&ev->pillar_counts[pillar], mb);
        }
    }
}

prt_evaluation *prt_evaluate(const prt_plan *plan, const prt_results *res, prt_period period)
{
    return prt_evaluate_on(plan, res, period, PRT_RATINGS_COMPUTED);
}

prt_evaluation *prt_evaluate_on(const prt_plan *plan, const prt_results *res, prt_period period,
                                prt_ratings_basis basis)
{
    int n = plan->nindicators;
    prt_evaluation *ev = zalloc(sizeof *ev);
    ev->plan = plan;
    ev->period = period;
    ev->basis = basis;
    ev->nratings = (size_t)n;
    ev->ratings = prt_big_zalloc(ev->nratings * sizeof *ev->ratings);
    ev->pillar_counts = zalloc((size_t)plan->npillars * sizeof *ev->pillar_counts);
    ev->theme_counts = zalloc((size_t)plan->nthemes * sizeof *ev->theme_counts);
    ev->band_scheme = plan->default_scheme;

    Ctx c = {plan, res, period, NULL, NULL, NULL, NULL, NULL, NULL, NULL};
    c.found = zalloc((size_t)n * sizeof *c.found);
    c.values = zalloc((size_t)n * sizeof *c.values);
    c.has = zalloc((size_t)n * sizeof *c.has);
    c.inputs = zalloc((size_t)plan->ninputs * sizeof *c.inputs);
    c.has_input = zalloc((size_t)plan->ninputs * sizeof *c.has_input);
    c.state = zalloc((size_t)n);
    c.why = zalloc((size_t)n * sizeof *c.why);

    gather_values(&c, ev);
    for (int i = 0; i < n; i++) {
        rate_indicator(ev, &c, i);
        count_rating(ev, &ev->ratings[i]);
    }
    prt_delivery_evaluate(ev, res);
    free(c.found);
    free(c.values);
    free(c.has);
    free(c.inputs);
    free(c.has_input);
    free(c.state);
    free(c.why);
    return ev;
}

prt_history *prt_history_evaluate(const prt_plan *plan, const prt_results *res, prt_period p, int n)
{
    return prt_history_evaluate_on(plan, res, p, n, PRT_RATINGS_COMPUTED);
}

prt_history *prt_history_evaluate_on(const prt_plan *plan, const prt_results *res, prt_period p, int n,
                                     prt_ratings_basis basis)
{
    if (n < 1)
        n = 1;
    prt_history *h = zalloc(sizeof *h);
    h->plan = plan;
    h->n = n;
    h->basis = basis;
    h->ev = zalloc((size_t)n * sizeof *h->ev);
    for (int k = 0; k < n; k++) {
        h->ev[k] = prt_evaluate_on(plan, res, prt_period_back(p, n - 1 - k), basis);
        for (int i = 0; i < plan->nindicators; i++)
            h->provisional |= h->ev[k]->ratings[i].provisional;
        for (int i = 0; i < plan->nactivities; i++)
            h->provisional |= h->ev[k]->delivery[i].provisional;
    }
    return h;
}

const prt_evaluation *prt_history_last(const prt_history *h)
{
    return h->ev[h->n - 1];
}

void prt_history_free(prt_history *h)
{
    if (!h)
        return;
    for (int k = 0; k < h->n; k++)
        prt_evaluation_free(h->ev[k]);
    free(h->ev);
    free(h);
}

void prt_evaluation_free(prt_evaluation *ev)
{
    if (!ev)
        return;
    prt_big_zfree(ev->ratings, ev->nratings * sizeof *ev->ratings);
    prt_pool_free(&ev->strings);
    free(ev->pillar_counts);
    free(ev->theme_counts);
    prt_delivery_free(ev);
    free(ev);
}
