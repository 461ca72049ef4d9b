/* The SQL back end's facts about periods: for each indicator, which report periods it is due in and
 * which period each report rates (its timing), the target in force in each period it can be rated
 * for, and where a period's result is looked for.  Worked out with the runtime's own functions
 * (prt_indicator_due, prt_result_period, prt_target_in_force, prt_tolerance_for), and written so that
 * their size follows the plan, not indicators times periods: indicators with the same timing share
 * one (plan_timings), and a part of a year whose target row is the year's is not written
 * (plan_rating_targets; the view report_targets takes the year's).  A plan of 10^5 indicators over
 * twenty years would otherwise be 84 million rows. */
#include "emit_sql_parts.h"
#include "rate_parts.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *period_text(prt_period p, char *buf, size_t size) { return prt_period_format(p, buf, size); }

/* ---- sets of periods: a flag per year, kind and index ---- */

typedef struct PeriodSet {
    int first_year, years;
    unsigned char *seen;
} PeriodSet;

static int period_slot(const PeriodSet *ps, prt_period p)
{
    int y = p.year - ps->first_year;
    if (y < 0 || y >= ps->years || p.kind > 3 || p.index > 12)
        return -1;
    return (y * 4 + p.kind) * 13 + p.index;
}

/* Adds p; true when it was not there (a period outside the set's years is never there). */
static bool period_add(PeriodSet *ps, prt_period p)
{
    int s = period_slot(ps, p);
    if (s < 0)
        return true;
    bool fresh = !ps->seen[s];
    ps->seen[s] = 1;
    return fresh;
}

static prt_period period_at(const PeriodSet *ps, int slot)
{
    return (prt_period){(short)(ps->first_year + slot / 52), (unsigned char)(slot / 13 % 4), (unsigned char)(slot % 13)};
}

static size_t period_slots(const PeriodSet *ps) { return (size_t)ps->years * 52; }

/* The years a report can reach back to: before the plan's first year by last year's period of a
 * result period in arrears. */
static PeriodSet period_set(const prt_plan *plan)
{
    int max_arrears = 0;
    for (int i = 0; i < plan->nindicators; i++)
        if (plan->indicators[i].arrears > max_arrears)
            max_arrears = plan->indicators[i].arrears;
    int back = 2 + max_arrears / 4 + 1;
    PeriodSet ps = {plan->first_year - back, plan->last_year - plan->first_year + back + 2, NULL};
    ps.seen = prt_xcalloc(period_slots(&ps), 1);
    return ps;
}

/* ---- the periods an indicator can be rated for ---- */

RatedPeriods sql_rated_periods_new(const prt_plan *plan)
{
    RatedPeriods r = {0};
    r.nrp = sql_report_periods(plan, &r.report);
    r.periods = prt_xcalloc((size_t)r.nrp * 2 + 1, sizeof *r.periods);
    PeriodSet ps = period_set(plan);
    r.first_year = ps.first_year;
    r.years = ps.years;
    r.seen = ps.seen;
    return r;
}

/* A report's result period, and under arrears the report's own, each once, in the order met; linear
 * in the report periods (a flag per period). */
int sql_rated_periods(RatedPeriods *r, const prt_indicator *in)
{
    PeriodSet ps = {r->first_year, r->years, r->seen};
    int n = 0;
    memset(ps.seen, 0, period_slots(&ps));
    for (int k = 0; k < r->nrp; k++) {
        prt_period cand[2] = {prt_result_period(in, r->report[k]), r->report[k]};
        for (int c = 0; c < (in->arrears > 0 ? 2 : 1); c++)
            if (period_slot(&ps, cand[c]) >= 0 && period_add(&ps, cand[c]))
                r->periods[n++] = cand[c];
    }
    return n;
}

void sql_rated_periods_free(RatedPeriods *r)
{
    free(r->report);
    free(r->periods);
    free(r->seen);
}

/* ---- timings: due and rated periods, shared by the indicators that have the same ---- */

/* An indicator's timing as bytes: whether a report falls back on its own period (arrears), then for
 * every report period whether it is due and the period its result refers to. */
static void timing_key(const prt_indicator *in, const prt_period *rp, int nrp, prt_buf *key)
{
    prt_buf_clear(key);
    prt_buf_putc(key, in->arrears > 0 ? 'a' : '-');
    for (int k = 0; k < nrp; k++) {
        prt_period q = prt_result_period(in, rp[k]);
        char c[5] = {(char)(prt_indicator_due(in, rp[k]) ? 1 : 0), (char)(q.year & 0xff), (char)(q.year >> 8),
                     (char)q.kind, (char)q.index};
        prt_buf_add(key, c, sizeof c);
    }
}

static uint64_t fnv(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603u;
    for (size_t k = 0; k < n; k++)
        h = (h ^ (unsigned char)s[k]) * 1099511628211u;
    return h;
}

/* The distinct timings, in the order first met: their keys, and an open-addressing table of them. */
typedef struct Timings {
    char **keys;
    size_t *lens;
    int n, cap;
    int *slots;   /* timing + 1; 0 empty */
    size_t nslots;
} Timings;

static int timing_of(Timings *t, const prt_buf *key)
{
    const char *s = prt_buf_str(key);
    size_t len = key->len;
    if ((size_t)(t->n + 1) * 2 > t->nslots) {   /* grow, keeping the table at most half full */
        size_t ns = t->nslots ? t->nslots * 2 : 64;
        int *slots = prt_xcalloc(ns, sizeof *slots);
        for (int k = 0; k < t->n; k++) {
            size_t j = fnv(t->keys[k], t->lens[k]) & (ns - 1);
            while (slots[j])
                j = (j + 1) & (ns - 1);
            slots[j] = k + 1;
        }
        free(t->slots);
        t->slots = slots;
        t->nslots = ns;
    }
    size_t j = fnv(s, len) & (t->nslots - 1);
    for (; t->slots[j]; j = (j + 1) & (t->nslots - 1)) {
        int k = t->slots[j] - 1;
        if (t->lens[k] == len && memcmp(t->keys[k], s, len) == 0)
            return k;
    }
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 16;
        t->keys = prt_xrealloc(t->keys, (size_t)t->cap * sizeof *t->keys);
        t->lens = prt_xrealloc(t->lens, (size_t)t->cap * sizeof *t->lens);
    }
    t->keys[t->n] = prt_xmalloc(len ? len : 1);
    memcpy(t->keys[t->n], s, len);
    t->lens[t->n] = len;
    t->slots[j] = t->n + 1;
    return t->n++;
}

static void timings_free(Timings *t)
{
    for (int k = 0; k < t->n; k++)
        free(t->keys[k]);
    free(t->keys);
    free(t->lens);
    free(t->slots);
}

/* plan_indicator_timings, then plan_timings: each timing's rows, written from its first indicator. */
static void timings(SqlOut *o, const prt_period *rp, int nrp)
{
    const prt_plan *plan = o->plan;
    Timings t = {0};
    prt_buf key = {0};
    int *first = prt_xcalloc((size_t)plan->nindicators + 1, sizeof *first);
    sql_rows_start(o, "INSERT INTO plan_indicator_timings (ix, timing) VALUES");
    for (int i = 0; i < plan->nindicators; i++) {
        timing_key(&plan->indicators[i], rp, nrp, &key);
        int n = t.n, k = timing_of(&t, &key);
        if (k == n)
            first[k] = i;
        sql_row_begin(o);
        sql_val_int(o, i, true);
        sql_val_int(o, k, false);
        prt_buf_putc(o->b, ')');
    }
    sql_rows_end(o);
    char a[32], b[32];
    sql_rows_start(o, "INSERT INTO plan_timings (timing, report_period, due, result_period, fallback_period) VALUES");
    for (int k = 0; k < t.n; k++) {
        const prt_indicator *in = &plan->indicators[first[k]];
        for (int r = 0; r < nrp; r++) {
            sql_row_begin(o);
            sql_val_int(o, k, true);
            sql_val_text(o, period_text(rp[r], a, sizeof a), false);
            sql_val_int(o, prt_indicator_due(in, rp[r]), false);
            sql_val_text(o, period_text(prt_result_period(in, rp[r]), b, sizeof b), false);
            sql_val_text(o, in->arrears > 0 ? a : NULL, false);
            prt_buf_putc(o->b, ')');
        }
    }
    sql_rows_end(o);
    free(first);
    prt_buf_free(&key);
    timings_free(&t);
}

/* ---- the target in force in each period an indicator can be rated for ---- */

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
static void target_texts(const prt_plan *plan, const prt_indicator *in, const prt_target *t, double value, bool amended,
                         prt_buf *unrated, prt_buf *rated)
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

/* The columns of plan_rating_targets after (ix, period), and their kinds: r real, t text, n integer. */
static const struct {
    const char *name;
    char type;
} target_cols[] = {{"target_kind", 't'},     {"target_op", 't'},      {"target_value", 'r'},
                   {"tolerance", 'r'},       {"amended", 'n'},        {"amend_reason", 't'},
                   {"target_text", 't'},     {"target_text_rated", 't'}, {"first_band", 'n'},
                   {"not_comparable", 'n'},  {"last_year_baseline", 'r'}, {"improvement_base", 'r'},
                   {"within_interval", 'n'}};
enum { NTARGET_COLS = sizeof target_cols / sizeof target_cols[0] };

/* The values of target_cols for indicator ix in period q, into s->b (a row's values, no brackets). */
static void target_values(SqlOut *s, const prt_indicator *in, prt_period q)
{
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
    target_texts(s->plan, in, t, value, amended, &unrated, &rated);
    sql_val_text(s, has_target ? (t->kind == PRT_TARGET_THRESHOLD ? "threshold" : t->kind == PRT_TARGET_MAINTAIN ? "maintain"
                                  : follows_benchmark ? "benchmark" : "value")
                               : NULL, true);
    sql_val_text(s, has_target && t->kind == PRT_TARGET_THRESHOLD ? prt_cmp_words[t->op] : NULL, false);
    if (follows_benchmark) {
        sql_val_null(s, false);
        sql_val_null(s, false);
    } else if (has_target) {
        if (from_last_year)   /* (a tolerance as a share of the target is refused: emit_sql_refuse.c) */
            sql_val_null(s, false);
        else
            sql_val_num(s, value, false);
        sql_val_num(s, prt_tolerance_for(in, t, value), false);
    } else {
        sql_val_null(s, false);
        sql_val_null(s, false);
    }
    sql_val_int(s, amended, false);
    sql_val_text(s, amended ? prt_target_in_force(in, q, NULL)->reason : NULL, false);
    sql_val_text(s, prt_buf_str(&unrated), false);
    sql_val_text(s, from_last_year || follows_benchmark ? NULL : prt_buf_str(&rated), false);
    const prt_scheme *sc = in->scheme >= 0 ? &s->plan->schemes[in->scheme] : NULL;
    sql_val_int(s, has_target && t->kind == PRT_TARGET_THRESHOLD && sc && sc->nbands > 1 ? 1 : 0, false);
    sql_val_int(s, revised_between(in, last, q), false);
    if (baseline_stands_for(in, last))
        sql_val_num(s, in->baseline, false);
    else
        sql_val_null(s, false);
    if (in->has_baseline && prt_period_compare(in->baseline_period, q) < 0)
        sql_val_num(s, in->baseline, false);
    else
        sql_val_null(s, false);
    sql_val_int(s, t && t->within_interval, false);
    prt_buf_free(&unrated);
    prt_buf_free(&rated);
}

/* A run of years with the same row, into yo: an INSERT under way beside the parts' one. */
static void year_row(SqlOut *yo, int ix, int first, int last, const prt_buf *values)
{
    sql_row_begin(yo);
    sql_val_int(yo, ix, true);
    sql_val_int(yo, first, false);
    sql_val_int(yo, last, false);
    prt_buf_puts(yo->b, ", ");
    prt_buf_puts(yo->b, prt_buf_str(values));
    prt_buf_putc(yo->b, ')');
}

static void target_row(SqlOut *o, int ix, prt_period q, const prt_buf *values)
{
    char per[32];
    sql_row_begin(o);
    sql_val_int(o, ix, true);
    sql_val_text(o, period_text(q, per, sizeof per), false);
    prt_buf_puts(o->b, ", ");
    prt_buf_puts(o->b, prt_buf_str(values));
    prt_buf_putc(o->b, ')');
}

/* One indicator's rows.  The periods it can be rated for are each report's result period and, under
 * arrears, the report's own.  A part of a year is written (into o) only when its row differs from the
 * year's, compared as the very text written, so that no rule is assumed; the years are written (into
 * yo) as runs of years whose rows are the same. */
static void indicator_targets(SqlOut *o, SqlOut *yo, int ix, RatedPeriods *rated, PeriodSet *all, prt_buf *years)
{
    const prt_indicator *in = &o->plan->indicators[ix];
    prt_buf own = {0};
    SqlOut s = *o;
    int last_year = 0, n = sql_rated_periods(rated, in);
    for (int y = 0; y < rated->years; y++)
        prt_buf_clear(&years[y]);
    for (int k = 0; k < n; k++) {
        prt_period q = rated->periods[k], year = {q.year, PRT_YEAR, 0};
        int y = q.year - rated->first_year;
        period_add(all, q);
        period_add(all, year);
        prt_buf *yv = &years[y];
        if (yv->len == 0) {
            s.b = yv;
            target_values(&s, in, year);
        }
        if (q.kind == PRT_YEAR)
            continue;
        prt_buf_clear(&own);
        s.b = &own;
        target_values(&s, in, q);
        if (own.len != yv->len || memcmp(own.data, yv->data, yv->len) != 0)
            target_row(o, ix, q, &own);
    }
    /* the years as runs of the same row (years not rated for lie inside a run: never asked for) */
    for (int y = 0, from = -1; y <= rated->years; y++) {
        if (y < rated->years && years[y].len == 0)
            continue;
        if (from >= 0 && (y == rated->years || years[y].len != years[from].len ||
                          memcmp(years[y].data, years[from].data, years[from].len) != 0)) {
            year_row(yo, ix, rated->first_year + from, rated->first_year + last_year, &years[from]);
            from = -1;
        }
        if (y < rated->years) {
            if (from < 0)
                from = y;
            last_year = y;
        }
    }
    prt_buf_free(&own);
}

static void insert_head(prt_buf *b, const char *table, const char *keys)
{
    prt_buf_printf(b, "INSERT INTO %s (%s", table, keys);
    for (int c = 0; c < NTARGET_COLS; c++)
        prt_buf_printf(b, ", %s", target_cols[c].name);
    prt_buf_puts(b, ") VALUES");
}

static void rating_targets(SqlOut *o, PeriodSet *all)
{
    RatedPeriods rated = sql_rated_periods_new(o->plan);
    prt_buf *years = prt_xcalloc((size_t)rated.years, sizeof *years);
    prt_buf parts = {0}, year_parts = {0}, year_rows = {0};
    SqlOut yo = *o;
    yo.b = &year_rows;
    insert_head(&parts, "plan_rating_targets", "ix, period");
    insert_head(&year_parts, "plan_year_targets", "ix, first_year, last_year");
    sql_rows_start(o, prt_buf_str(&parts));
    sql_rows_start(&yo, prt_buf_str(&year_parts));
    for (int i = 0; i < o->plan->nindicators; i++)
        indicator_targets(o, &yo, i, &rated, all, years);
    sql_rows_end(o);
    sql_rows_end(&yo);
    prt_buf_puts(o->b, prt_buf_str(&year_rows));
    for (int y = 0; y < rated.years; y++)
        prt_buf_free(&years[y]);
    free(years);
    sql_rated_periods_free(&rated);
    prt_buf_free(&parts);
    prt_buf_free(&year_parts);
    prt_buf_free(&year_rows);
}

/* plan_periods: each period a rating can be for, its year (the number plan_year_targets uses) and
 * last year's period. */
static void plan_periods(SqlOut *o, const PeriodSet *all)
{
    char a[32], b[32];
    sql_rows_start(o, "INSERT INTO plan_periods (period, year, last_year_period) VALUES");
    for (size_t k = 0; k < period_slots(all); k++) {
        if (!all->seen[k])
            continue;
        prt_period p = period_at(all, (int)k);
        sql_row_begin(o);
        sql_val_text(o, period_text(p, a, sizeof a), true);
        sql_val_int(o, p.year, false);
        sql_val_text(o, period_text(prt_period_last_year(p), b, sizeof b), false);
        prt_buf_putc(o->b, ')');
    }
    sql_rows_end(o);
}

/* ---- where a period's result is looked for ---- */

static void lookup_row(SqlOut *o, prt_period p, prt_period try, int rank)
{
    char a[32], b[32];
    sql_row_begin(o);
    sql_val_text(o, period_text(p, a, sizeof a), true);
    sql_val_text(o, period_text(try, b, sizeof b), false);
    sql_val_int(o, rank, false);
    prt_buf_putc(o->b, ')');
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

static void lookups(SqlOut *o, const prt_period *rp, int nrp)
{
    const prt_plan *plan = o->plan;
    PeriodSet ps = period_set(plan);
    sql_rows_start(o, "INSERT INTO plan_lookup (period, try_period, lookup_rank) VALUES");
    for (int i = 0; i < plan->nindicators; i++) {
        const prt_indicator *in = &plan->indicators[i];
        for (int k = 0; k < nrp; k++) {
            prt_period q = prt_result_period(in, rp[k]);
            lookup_rows(o, &ps, q);
            lookup_rows(o, &ps, prt_period_last_year(q));
            lookup_rows(o, &ps, rp[k]);
            lookup_rows(o, &ps, prt_period_last_year(rp[k]));
            if (plan->forecast != PRT_FORECAST_NONE) {   /* a forecast's last year, as a whole year */
                lookup_rows(o, &ps, prt_period_year_of(prt_period_last_year(q)));
                lookup_rows(o, &ps, prt_period_year_of(prt_period_last_year(rp[k])));
            }
        }
    }
    sql_rows_end(o);
    free(ps.seen);
}

/* ---- the tables and the views over them ---- */

/* A table of target rows: keys (the columns after ix, with their types), the target columns, the key. */
static void target_table(SqlOut *o, const char *name, const char *keys, const char *primary_key)
{
    const char *t = sql_type_text(o->d), *n = sql_type_int(o->d);
    prt_buf_printf(o->b, "CREATE TABLE %s (ix %s, %s", name, n, keys);
    for (int c = 0; c < NTARGET_COLS; c++) {
        char ty = target_cols[c].type;
        prt_buf_printf(o->b, ",%s%s %s", c % 5 == 4 ? "\n  " : " ", target_cols[c].name,
                       ty == 'r' ? sql_type_real(o->d) : ty == 't' ? t : n);
    }
    prt_buf_printf(o->b, ",\n  PRIMARY KEY (%s));\n\n", primary_key);
}

void sql_period_tables(SqlOut *o)
{
    const char *t = sql_type_text(o->d), *n = sql_type_int(o->d);
    prt_buf_printf(o->b,
        "-- Each indicator's timing: indicators due in the same report periods, and rating the same period\n"
        "-- in each, share one (view indicator_reports gives each indicator's rows).\n"
        "CREATE TABLE plan_indicator_timings (ix %s PRIMARY KEY, timing %s);\n\n", n, n);
    prt_buf_printf(o->b,
        "-- For each timing and each period a report can be for: whether it is due then, the period its\n"
        "-- result refers to (arrears applied), and the report's own period to fall back on when the result\n"
        "-- is carried against it (arrears only).\n"
        "CREATE TABLE plan_timings (timing %s, report_period %s, due %s, result_period %s, fallback_period %s,\n"
        "  PRIMARY KEY (timing, report_period));\n\n", n, t, n, t, t);
    prt_buf_printf(o->b, "-- Each period a rating can be for: its year (2023 for 2023/24) and last year's period.\n"
                         "CREATE TABLE plan_periods (period %s PRIMARY KEY, year %s, last_year_period %s);\n\n", t, n, t);
    prt_buf_puts(o->b,
        "-- For each indicator and each period a rating can be for: the target in force (amendments applied;\n"
        "-- kind NULL: no target to rate against), its tolerance resolved, the report's target column unrated\n"
        "-- and rated, the first band a missed threshold can reach, whether a revision makes last year's\n"
        "-- figure not comparable, the baseline standing in for last year's result, the baseline the\n"
        "-- improvement method measures from (when it is older than the period), whether the target is met\n"
        "-- when the result's confidence interval holds it.  A maintained target with no baseline has no\n"
        "-- target_value and no target_text_rated: it is last year's result (rating_inputs).  A part of a\n"
        "-- year whose row would be its year's is not written: the view report_targets takes the year's from\n"
        "-- plan_year_targets, which holds the years' rows, each for a run of years with the same row.\n");
    prt_buf keys = {0};
    prt_buf_printf(&keys, "period %s", t);
    target_table(o, "plan_rating_targets", prt_buf_str(&keys), "ix, period");
    prt_buf_clear(&keys);
    prt_buf_printf(&keys, "first_year %s, last_year %s", n, n);
    target_table(o, "plan_year_targets", prt_buf_str(&keys), "ix, first_year");
    prt_buf_free(&keys);
    prt_buf_printf(o->b,
        "-- Where a period's result is looked for, in order (lookup_rank): its own row; for a year with none, its\n"
        "-- Q4's, then its last month's, then its H2's.\n"
        "CREATE TABLE plan_lookup (period %s, try_period %s, lookup_rank %s);\n\n", t, t, n);
}

void sql_period_facts(SqlOut *o)
{
    prt_period *rp;
    int nrp = sql_report_periods(o->plan, &rp);
    PeriodSet all = period_set(o->plan);
    timings(o, rp, nrp);
    rating_targets(o, &all);
    plan_periods(o, &all);
    lookups(o, rp, nrp);
    free(all.seen);
    free(rp);
}

const char *const sql_period_view_names[] = {"indicator_reports", "report_targets"};
const int sql_period_nviews = sizeof sql_period_view_names / sizeof sql_period_view_names[0];

/* Whether any indicator reports in arrears (plan_timings has a fallback_period). */
static bool any_arrears(const prt_plan *plan)
{
    for (int i = 0; i < plan->nindicators; i++)
        if (plan->indicators[i].arrears > 0)
            return true;
    return false;
}

void sql_period_views(SqlOut *o)
{
    prt_buf_puts(o->b,
        "\n-- For each indicator and each period a report can be for: whether it is due, the period its result\n"
        "-- refers to, the period to fall back on (plan_timings, by the indicator's timing).\n"
        "CREATE VIEW indicator_reports AS\n"
        "SELECT it.ix, t.report_period, t.due, t.result_period, t.fallback_period\n"
        "FROM plan_indicator_timings it JOIN plan_timings t ON t.timing = it.timing;\n");
    prt_buf_puts(o->b,
        "\n-- For each indicator and report period: the period rated (the result period, or under arrears the\n"
        "-- report's own when the result is carried there), last year's, and the target in force then (the\n"
        "-- period's own row in plan_rating_targets, else its year's in plan_year_targets).\n"
        "CREATE VIEW report_targets AS\n"
        "SELECT p.ix, p.report_period, p.due, p.period, k.last_year_period");
    for (int c = 0; c < NTARGET_COLS; c++)
        prt_buf_printf(o->b, ",\n  CASE WHEN q.ix IS NULL THEN y.%s ELSE q.%s END AS %s", target_cols[c].name, target_cols[c].name,
                       target_cols[c].name);
    /* the arrears fallback reads the results once more: only when an indicator reports in arrears */
    if (any_arrears(o->plan))
        prt_buf_puts(o->b,
            "\nFROM (SELECT r.ix, r.report_period, r.due, CASE WHEN r.fallback_period IS NULL OR x.ix IS NOT NULL\n"
            "    THEN r.result_period ELSE r.fallback_period END AS period\n"
            "  FROM indicator_reports r\n"
            "  LEFT JOIN results_for_period x ON r.fallback_period IS NOT NULL AND x.ix = r.ix AND x.period = r.result_period) p\n");
    else
        prt_buf_puts(o->b, "\nFROM (SELECT r.ix, r.report_period, r.due, r.result_period AS period FROM indicator_reports r) p\n");
    prt_buf_puts(o->b,
        "JOIN plan_periods k ON k.period = p.period\n"
        "LEFT JOIN plan_rating_targets q ON q.ix = p.ix AND q.period = p.period\n"
        "LEFT JOIN plan_year_targets y ON y.ix = p.ix AND k.year BETWEEN y.first_year AND y.last_year\n"
        "WHERE q.ix IS NOT NULL OR y.ix IS NOT NULL;\n");
}
