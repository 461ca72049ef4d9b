/* The SQL back end's tables of facts: what planc knows when it compiles, worked out with the
 * runtime's own functions (prt_target_in_force, prt_result_period, prt_indicator_due,
 * prt_tolerance_for, prt_format_value), so the views that rate with them cannot disagree with it. */
#include "emit_sql_parts.h"
#include "rate_parts.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- rows of values ---- */

enum { ROWS_PER_INSERT = 400 };

void sql_rows_start(SqlOut *o, const char *insert)
{
    o->insert = insert;
    o->rows = 0;
}

void sql_row_begin(SqlOut *o)
{
    if (o->rows == ROWS_PER_INSERT) {
        prt_buf_puts(o->b, ";\n");
        o->rows = 0;
    }
    prt_buf_puts(o->b, o->rows == 0 ? o->insert : ",");
    prt_buf_puts(o->b, o->rows == 0 ? "\n  (" : "\n  (");
    o->rows++;
}

void sql_rows_end(SqlOut *o)
{
    if (o->rows)
        prt_buf_puts(o->b, ";\n");
    o->rows = 0;
}

static void sep(SqlOut *o, bool first) { prt_buf_puts(o->b, first ? "" : ", "); }

void sql_val_text(SqlOut *o, const char *s, bool first)
{
    sep(o, first);
    sql_string(o->b, s);
}

void sql_val_num(SqlOut *o, double v, bool first)
{
    sep(o, first);
    sql_number(o->b, o->d, v);
}

void sql_val_int(SqlOut *o, long v, bool first)
{
    sep(o, first);
    prt_buf_printf(o->b, "%ld", v);
}

void sql_val_null(SqlOut *o, bool first)
{
    sep(o, first);
    prt_buf_puts(o->b, "NULL");
}

static void row_end(SqlOut *o) { prt_buf_putc(o->b, ')'); }

/* ---- the plan: indicators, names, bands ---- */

static const char *period_text(prt_period p, char *buf, size_t size) { return prt_period_format(p, buf, size); }

static void indicators(SqlOut *o)
{
    const prt_plan *plan = o->plan;
    sql_rows_start(o, "INSERT INTO plan_indicators (ix, ref, id, name, pillar, theme, theme_ix, pillar_ix, polarity, "
                      "unit, decimals, frequency, arrears, scheme, scheme_ix, method, sign, dot_sign, print_factor, baseline, "
                      "unit_prefix, unit_suffix, grouped, format_scale) VALUES");
    for (int i = 0; i < plan->nindicators; i++) {
        const prt_indicator *in = &plan->indicators[i];
        const prt_theme *th = &plan->themes[in->theme];
        prt_polarity dir = in->polarity == PRT_POL_MONITOR ? in->direction : in->polarity;
        sql_row_begin(o);
        sql_val_int(o, i, true);
        sql_val_text(o, in->ref, false);
        sql_val_text(o, in->id, false);
        sql_val_text(o, in->name, false);
        sql_val_text(o, plan->pillars[th->pillar].name, false);
        sql_val_text(o, th->name, false);
        sql_val_int(o, in->theme, false);
        sql_val_int(o, th->pillar, false);
        sql_val_text(o, prt_polarity_words[in->polarity], false);
        sql_val_text(o, prt_unit_words[in->unit], false);
        sql_val_int(o, in->decimals, false);
        sql_val_text(o, prt_frequency_words[in->frequency], false);
        sql_val_int(o, in->arrears, false);
        if (in->scheme >= 0) {
            sql_val_text(o, plan->schemes[in->scheme].id, false);
            sql_val_int(o, in->scheme, false);
            sql_val_text(o, prt_method_words[plan->schemes[in->scheme].method], false);
        } else {
            sql_val_null(o, false);
            sql_val_null(o, false);
            sql_val_null(o, false);
        }
        sql_val_int(o, in->polarity == PRT_POL_SMALLER ? -1 : 1, false);
        sql_val_int(o, dir == PRT_POL_BIGGER ? 1 : dir == PRT_POL_SMALLER ? -1 : 0, false);
        /* prt_as_printed: to the printed decimals, else prt_settle's nine */
        sql_val_num(o, in->decimals < 0 ? 1e9 : pow(10, in->decimals), false);
        if (in->has_baseline)
            sql_val_num(o, in->baseline, false);
        else
            sql_val_null(o, false);
        /* prt_format_value's parts, for a figure the SQL formats (emit_sql_format.c) */
        sql_val_text(o, prt_unit_forms[in->unit].prefix, false);
        sql_val_text(o, prt_unit_forms[in->unit].suffix, false);
        sql_val_int(o, in->unit == PRT_UNIT_CURRENCY, false);
        sql_val_int(o, in->decimals < 0 ? 100 : (long)pow(10, in->decimals), false);
        row_end(o);
    }
    sql_rows_end(o);
}

/* A results row names its indicator by reference or identifier. */
static void indicator_names(SqlOut *o)
{
    sql_rows_start(o, "INSERT INTO plan_indicator_names (name, ix) VALUES");
    for (int i = 0; i < o->plan->nindicators; i++) {
        const prt_indicator *in = &o->plan->indicators[i];
        const char *names[2] = {in->ref, in->id};
        for (int k = 0; k < 2; k++)
            if (names[k] && !(k == 1 && in->ref && strcmp(in->ref, in->id) == 0)) {
                sql_row_begin(o);
                sql_val_text(o, names[k], true);
                sql_val_int(o, i, false);
                row_end(o);
            }
    }
    sql_rows_end(o);
}

static void band_name(SqlOut *o, int s, int b, const char *name, int folded)
{
    prt_buf low = {0};
    for (const char *c = name; *c; c++)
        prt_buf_putc(&low, *c >= 'A' && *c <= 'Z' ? (char)(*c + 32) : *c);
    sql_row_begin(o);
    sql_val_int(o, s, true);
    sql_val_text(o, folded ? prt_buf_str(&low) : name, false);
    sql_val_int(o, folded, false);
    sql_val_int(o, b, false);
    row_end(o);
    prt_buf_free(&low);
}

static void bands(SqlOut *o)
{
    const prt_plan *plan = o->plan;
    sql_rows_start(o, "INSERT INTO plan_bands (scheme_ix, scheme, method, band_ix, id, label, abbrev, threshold, "
                      "otherwise, on_target, last_band) VALUES");
    for (int s = 0; s < plan->nschemes; s++) {
        const prt_scheme *sc = &plan->schemes[s];
        for (int b = 0; b < sc->nbands; b++) {
            const prt_band *band = &sc->bands[b];
            sql_row_begin(o);
            sql_val_int(o, s, true);
            sql_val_text(o, sc->id, false);
            sql_val_text(o, prt_method_words[sc->method], false);
            sql_val_int(o, b, false);
            sql_val_text(o, band->id, false);
            sql_val_text(o, band->label, false);
            sql_val_text(o, band->abbrev, false);
            sql_val_num(o, band->threshold, false);
            sql_val_int(o, band->otherwise, false);
            sql_val_int(o, prt_band_on_target(sc, b), false);
            sql_val_int(o, b == sc->nbands - 1, false);
            row_end(o);
        }
    }
    sql_rows_end(o);
    /* prt_scheme_find_band: an override names a band by identifier or abbreviation as written (0),
     * else by identifier, abbreviation or label in any case (1) */
    sql_rows_start(o, "INSERT INTO plan_band_names (scheme_ix, name, folded, band_ix) VALUES");
    for (int s = 0; s < plan->nschemes; s++)
        for (int b = 0; b < plan->schemes[s].nbands; b++) {
            const prt_band *band = &plan->schemes[s].bands[b];
            for (int folded = 0; folded < 2; folded++) {
                band_name(o, s, b, band->id, folded);
                if (band->abbrev)
                    band_name(o, s, b, band->abbrev, folded);
                if (folded && band->label)
                    band_name(o, s, b, band->label, folded);
            }
        }
    sql_rows_end(o);
}

/* A result the plan itself records. */
static void plan_results(SqlOut *o)
{
    char per[32];
    sql_rows_start(o, "INSERT INTO plan_results (ix, period, status, value, lower, upper) VALUES");
    for (int i = 0; i < o->plan->nindicators; i++) {
        const prt_indicator *in = &o->plan->indicators[i];
        for (int k = 0; k < in->nresults; k++) {
            const prt_plan_result *pr = &in->results[k];
            sql_row_begin(o);
            sql_val_int(o, i, true);
            sql_val_text(o, period_text(pr->period, per, sizeof per), false);
            sql_val_text(o, pr->status == PRT_RESULT_VALUE ? "value" : prt_result_status_texts[pr->status], false);
            if (pr->status == PRT_RESULT_VALUE)
                sql_val_num(o, pr->value, false);
            else
                sql_val_null(o, false);
            if (pr->has_interval) {
                sql_val_num(o, pr->lower, false);
                sql_val_num(o, pr->upper, false);
            } else {
                sql_val_null(o, false);
                sql_val_null(o, false);
            }
            row_end(o);
        }
    }
    sql_rows_end(o);
}

/* ---- periods: what a report for each period rates, and the target in force then ---- */

/* Every period a report can be for, within the plan's years: the year, its halves, quarters, months. */
int sql_report_periods(const prt_plan *plan, prt_period **out)
{
    int years = plan->last_year - plan->first_year + 1, n = 0;
    prt_period *p = prt_xcalloc((size_t)(years > 0 ? years : 1) * 19, sizeof *p);
    for (int y = plan->first_year; y <= plan->last_year; y++) {
        static const struct {
            prt_period_kind kind;
            int parts;
        } kinds[] = {{PRT_YEAR, 0}, {PRT_HALF, 2}, {PRT_QUARTER, 4}, {PRT_MONTH, 12}};
        for (int k = 0; k < 4; k++)
            for (int i = kinds[k].parts ? 1 : 0; i <= kinds[k].parts; i++)
                p[n++] = (prt_period){(short)y, (unsigned char)kinds[k].kind, (unsigned char)i};
    }
    *out = p;
    return n;
}

/* The baseline stands in for last year's result in period q (rate.c's baseline_stands_for). */
static bool baseline_stands_for(const prt_indicator *in, prt_period q)
{
    return in->has_baseline && (prt_period_equal(in->baseline_period, q) ||
                                (in->baseline_period.kind == PRT_YEAR && in->baseline_period.year == q.year));
}

/* A revision between last year's period and this one: the two figures are not comparable. */
static bool revised_between(const prt_indicator *in, prt_period before, prt_period p)
{
    for (int i = 0; i < in->nrevisions; i++)
        if (prt_period_compare(in->revisions[i].period, before) > 0 && prt_period_compare(in->revisions[i].period, p) <= 0)
            return true;
    return false;
}

/* The report's target column (report_cells.c's rpt_target_text for the targets compiled): unrated,
 * and rated (a maintained target then shows its value). */
static void target_texts(const prt_plan *plan, const prt_indicator *in, const prt_target *t, double value,
                         bool amended, prt_buf *unrated, prt_buf *rated)
{
    char v[64];
    if (in->polarity == PRT_POL_MONITOR || (t && t->kind == PRT_TARGET_MONITOR)) {
        prt_buf_puts(unrated, "Monitor");
        prt_buf_puts(rated, "Monitor");
        return;
    }
    if (!t)
        return;
    if (t->kind == PRT_TARGET_BENCHMARK) {   /* rated: the views add its value (emit_sql_benchmarks.c) */
        prt_buf_puts(unrated, plan->benchmarks[t->benchmark].name);
    } else if (t->kind == PRT_TARGET_MAINTAIN) {
        prt_buf_puts(unrated, "Maintain");
        prt_buf_printf(rated, "Maintain (%s)", prt_format_value(in, value, v, sizeof v));
    } else {
        bool th = t->kind == PRT_TARGET_THRESHOLD;
        prt_buf_printf(unrated, "%s%s%s", th ? prt_cmp_words[t->op] : "", th ? " " : "", prt_format_value(in, value, v, sizeof v));
        prt_buf_puts(rated, prt_buf_str(unrated));
    }
    if (amended) {
        prt_buf_puts(unrated, " (amended)");
        prt_buf_puts(rated, " (amended)");
    }
}

static void rating_period(SqlOut *o, int ix, prt_period q)
{
    const prt_indicator *in = &o->plan->indicators[ix];
    char per[32], prev[32];
    bool amended = false;
    const prt_target *t = prt_target_in_force(in, q, &amended);
    prt_period last = prt_period_last_year(q);
    bool has_target = t && t->kind != PRT_TARGET_MONITOR;
    /* maintain without a baseline: the target is last year's result, which the views take */
    bool from_last_year = t && t->kind == PRT_TARGET_MAINTAIN && !in->has_baseline;
    /* a benchmark's value may be the results row's: the views take it (emit_sql_benchmarks.c) */
    bool follows_benchmark = t && t->kind == PRT_TARGET_BENCHMARK;
    double value = t ? (t->kind == PRT_TARGET_MAINTAIN ? in->baseline : t->value) : 0;
    prt_buf unrated = {0}, rated = {0};
    target_texts(o->plan, in, t, value, amended, &unrated, &rated);
    sql_row_begin(o);
    sql_val_int(o, ix, true);
    sql_val_text(o, period_text(q, per, sizeof per), false);
    sql_val_text(o, period_text(last, prev, sizeof prev), false);
    sql_val_text(o, has_target ? (t->kind == PRT_TARGET_THRESHOLD ? "threshold" : t->kind == PRT_TARGET_MAINTAIN ? "maintain"
                                  : follows_benchmark ? "benchmark" : "value")
                               : NULL, false);
    sql_val_text(o, has_target && t->kind == PRT_TARGET_THRESHOLD ? prt_cmp_words[t->op] : NULL, false);
    if (follows_benchmark) {
        sql_val_null(o, false);
        sql_val_null(o, false);
    } else if (has_target) {
        if (from_last_year)   /* (a tolerance as a share of the target is refused: emit_sql_refuse.c) */
            sql_val_null(o, false);
        else
            sql_val_num(o, value, false);
        sql_val_num(o, prt_tolerance_for(in, t, value), false);
    } else {
        sql_val_null(o, false);
        sql_val_null(o, false);
    }
    sql_val_int(o, amended, false);
    sql_val_text(o, amended ? prt_target_in_force(in, q, NULL)->reason : NULL, false);
    sql_val_text(o, prt_buf_str(&unrated), false);
    sql_val_text(o, from_last_year || follows_benchmark ? NULL : prt_buf_str(&rated), false);
    const prt_scheme *s = in->scheme >= 0 ? &o->plan->schemes[in->scheme] : NULL;
    sql_val_int(o, has_target && t->kind == PRT_TARGET_THRESHOLD && s && s->nbands > 1 ? 1 : 0, false);
    sql_val_int(o, revised_between(in, last, q), false);
    if (baseline_stands_for(in, last))
        sql_val_num(o, in->baseline, false);
    else
        sql_val_null(o, false);
    if (in->has_baseline && prt_period_compare(in->baseline_period, q) < 0)
        sql_val_num(o, in->baseline, false);
    else
        sql_val_null(o, false);
    sql_val_int(o, t && t->within_interval, false);
    row_end(o);
    prt_buf_free(&unrated);
    prt_buf_free(&rated);
}

/* The periods whose results a lookup needs, each once: a flag per year, kind and index. */
typedef struct PeriodSet {
    int first_year, years;
    unsigned char *seen;
} PeriodSet;

static bool period_add(PeriodSet *ps, prt_period p)
{
    int y = p.year - ps->first_year;
    if (y < 0 || y >= ps->years)
        return true;   /* outside every year a report reaches: never seen, always written */
    unsigned char *flag = &ps->seen[(y * 4 + p.kind) * 13 + p.index];
    bool fresh = !*flag;
    *flag = 1;
    return fresh;
}

static void lookup_row(SqlOut *o, prt_period p, prt_period try, int rank)
{
    char a[32], b[32];
    sql_row_begin(o);
    sql_val_text(o, period_text(p, a, sizeof a), true);
    sql_val_text(o, period_text(try, b, sizeof b), false);
    sql_val_int(o, rank, false);
    row_end(o);
}

/* prt_find_result: a period's own row; a year with none takes its last quarter's, month's or half's. */
static void lookup_rows(SqlOut *o, PeriodSet *ps, prt_period p)
{
    if (!period_add(ps, p))
        return;
    lookup_row(o, p, p, 0);
    if (p.kind == PRT_YEAR) {
        lookup_row(o, p, (prt_period){p.year, PRT_QUARTER, 4}, 1);
        lookup_row(o, p, (prt_period){p.year, PRT_MONTH, 12}, 2);
        lookup_row(o, p, (prt_period){p.year, PRT_HALF, 2}, 3);
    }
}

static void periods(SqlOut *o)
{
    const prt_plan *plan = o->plan;
    prt_period *rp;
    int nrp = sql_report_periods(plan, &rp);
    char a[32], b[32];
    sql_rows_start(o, "INSERT INTO plan_reports (ix, report_period, due, result_period, fallback_period) VALUES");
    for (int i = 0; i < plan->nindicators; i++)
        for (int k = 0; k < nrp; k++) {
            const prt_indicator *in = &plan->indicators[i];
            sql_row_begin(o);
            sql_val_int(o, i, true);
            sql_val_text(o, period_text(rp[k], a, sizeof a), false);
            sql_val_int(o, prt_indicator_due(in, rp[k]), false);
            sql_val_text(o, period_text(prt_result_period(in, rp[k]), b, sizeof b), false);
            sql_val_text(o, in->arrears > 0 ? a : NULL, false);
            row_end(o);
        }
    sql_rows_end(o);
    /* the periods a rating can be for: the result period, and the report's own under arrears */
    int max_arrears = 0;
    for (int i = 0; i < plan->nindicators; i++)
        if (plan->indicators[i].arrears > max_arrears)
            max_arrears = plan->indicators[i].arrears;
    int back = 2 + max_arrears / 4 + 1;   /* last year's period of a result period in arrears */
    PeriodSet ps = {plan->first_year - back, plan->last_year - plan->first_year + back + 2, NULL};
    ps.seen = prt_xcalloc((size_t)ps.years * 4 * 13, 1);
    sql_rows_start(o, "INSERT INTO plan_rating_periods (ix, period, last_year_period, target_kind, target_op, "
                      "target_value, tolerance, amended, amend_reason, target_text, target_text_rated, first_band, "
                      "not_comparable, last_year_baseline, improvement_base, within_interval) VALUES");
    prt_period *mine = prt_xcalloc((size_t)nrp * 2 + 1, sizeof *mine);
    for (int i = 0; i < plan->nindicators; i++) {
        const prt_indicator *in = &plan->indicators[i];
        int n = 0;
        for (int k = 0; k < nrp; k++) {
            prt_period cand[2] = {prt_result_period(in, rp[k]), rp[k]};
            for (int c = 0; c < (in->arrears > 0 ? 2 : 1); c++) {
                int j = 0;
                while (j < n && !prt_period_equal(mine[j], cand[c]))
                    j++;
                if (j == n) {
                    mine[n++] = cand[c];
                    rating_period(o, i, cand[c]);
                }
            }
        }
    }
    sql_rows_end(o);
    sql_rows_start(o, "INSERT INTO plan_lookup (period, try_period, lookup_rank) VALUES");
    for (int i = 0; i < plan->nindicators; i++) {
        const prt_indicator *in = &plan->indicators[i];
        for (int k = 0; k < nrp; k++) {
            prt_period q = prt_result_period(in, rp[k]);
            lookup_rows(o, &ps, q);
            lookup_rows(o, &ps, prt_period_last_year(q));
            lookup_rows(o, &ps, rp[k]);
            lookup_rows(o, &ps, prt_period_last_year(rp[k]));
        }
    }
    sql_rows_end(o);
    free(mine);
    free(ps.seen);
    free(rp);
}

/* ---- the tables ---- */

/* Each table with what it holds; the types are the dialect's. */
static void create_tables(SqlOut *o)
{
    const char *r = sql_type_real(o->d), *t = sql_type_text(o->d), *n = sql_type_int(o->d);
    prt_buf_printf(o->b,
        "-- The plan's indicators: where each sits, which way is better (sign: +1 bigger, -1 smaller;\n"
        "-- dot_sign: the same for the direction of travel, 0 none), how figures are printed\n"
        "-- (print_factor: 10^decimals, 1e9 when not given) and the baseline; how the SQL formats a figure\n"
        "-- (the unit's prefix and suffix, thousands commas when grouped, format_scale: 10^decimals, 100 when\n"
        "-- not given: two decimals at most, trailing zeros dropped).\n"
        "CREATE TABLE plan_indicators (ix %s PRIMARY KEY, ref %s, id %s, name %s, pillar %s, theme %s, theme_ix %s,\n"
        "  pillar_ix %s, polarity %s, unit %s, decimals %s, frequency %s, arrears %s, scheme %s, scheme_ix %s,\n"
        "  method %s, sign %s, dot_sign %s, print_factor %s, baseline %s, unit_prefix %s, unit_suffix %s,\n"
        "  grouped %s, format_scale %s);\n\n",
        n, t, t, t, t, t, n, n, t, t, n, t, n, t, n, t, n, n, r, r, t, t, n, n);
    prt_buf_printf(o->b,
        "-- The names a results row may give an indicator by: its reference and its identifier.\n"
        "CREATE TABLE plan_indicator_names (name %s, ix %s);\n\n", t, n);
    prt_buf_printf(o->b,
        "-- The rating schemes' bands, best first: the edge (threshold: at N%% or within N pts), whether it\n"
        "-- takes every figure left (otherwise), whether it is on target, whether it is the last.\n"
        "CREATE TABLE plan_bands (scheme_ix %s, scheme %s, method %s, band_ix %s, id %s, label %s, abbrev %s,\n"
        "  threshold %s, otherwise %s, on_target %s, last_band %s, PRIMARY KEY (scheme_ix, band_ix));\n\n",
        n, t, t, n, t, t, t, r, n, n, n);
    prt_buf_printf(o->b,
        "-- The names an override may give a band by: exactly (folded 0), or in any case (folded 1, lower case).\n"
        "CREATE TABLE plan_band_names (scheme_ix %s, name %s, folded %s, band_ix %s);\n\n", n, t, n, n);
    prt_buf_printf(o->b,
        "-- Results the plan itself records (status 'value', 'Not available' or 'Not yet available'), with\n"
        "-- their confidence interval when the plan gives one.\n"
        "CREATE TABLE plan_results (ix %s, period %s, status %s, value %s, lower %s, upper %s);\n\n", n, t, t, r, r, r);
    prt_buf_printf(o->b,
        "-- For each indicator and each period a report can be for: whether it is due then, the period\n"
        "-- its result refers to (arrears applied), and the report's own period to fall back on when the\n"
        "-- result is carried against it (arrears only).\n"
        "CREATE TABLE plan_reports (ix %s, report_period %s, due %s, result_period %s, fallback_period %s,\n"
        "  PRIMARY KEY (ix, report_period));\n\n", n, t, n, t, t);
    prt_buf_printf(o->b,
        "-- For each indicator and each period a rating can be for: last year's period, the target in force\n"
        "-- (amendments applied; kind NULL: no target to rate against), its tolerance resolved, the report's\n"
        "-- target column unrated and rated, the first band a missed threshold can reach, whether a revision\n"
        "-- makes last year's figure not comparable, the baseline standing in for last year's result, and\n"
        "-- the baseline the improvement method measures from (when it is older than the period), whether\n"
        "-- the target is met when the result's confidence interval holds it.  A maintained target with no\n"
        "-- baseline has no target_value and no target_text_rated: it is last year's result (rating_inputs).\n"
        "CREATE TABLE plan_rating_periods (ix %s, period %s, last_year_period %s, target_kind %s, target_op %s,\n"
        "  target_value %s, tolerance %s, amended %s, amend_reason %s, target_text %s, target_text_rated %s,\n"
        "  first_band %s, not_comparable %s, last_year_baseline %s, improvement_base %s, within_interval %s,\n"
        "  PRIMARY KEY (ix, period));\n\n",
        n, t, t, t, t, r, r, n, t, t, t, n, n, r, r, n);
    prt_buf_printf(o->b,
        "-- Where a period's result is looked for, in order (lookup_rank): its own row; for a year with none, its\n"
        "-- Q4's, then its last month's, then its H2's.\n"
        "CREATE TABLE plan_lookup (period %s, try_period %s, lookup_rank %s);\n\n", t, t, n);
}

void sql_emit_facts(SqlOut *o)
{
    create_tables(o);
    prt_buf_puts(o->b, "-- ---- what planc knows: the plan's facts ----\n");
    indicators(o);
    indicator_names(o);
    bands(o);
    plan_results(o);
    periods(o);
    prt_buf_puts(o->b, "\n");
}
