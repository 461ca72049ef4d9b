/* The SQL back end's benchmarks: a target that follows a benchmark (`target benchmark ID in P`) rates
 * against the results row's `benchmark:ID` column, else the plan's value for the period, else the
 * plan's latest earlier value (docs/rating.md); with none it is not rated.  The plan's values are
 * resolved here by the runtime's own prt_rating_benchmark; the results row's column is read by a view. */
#include "emit_sql_parts.h"
#include "rate_parts.h"

#include <stdlib.h>
#include <string.h>

const char *const sql_benchmark_view_names[] = {"results_benchmarks", "benchmark_targets"};
const int sql_benchmark_nviews = sizeof sql_benchmark_view_names / sizeof sql_benchmark_view_names[0];
const char *const sql_benchmark_table_names[] = {"plan_benchmarks", "plan_benchmark_values", "plan_benchmark_targets"};
const int sql_benchmark_ntables = sizeof sql_benchmark_table_names / sizeof sql_benchmark_table_names[0];

/* The results table's column for benchmark b: "benchmark:ID", as the results CSV's header names it. */
static void column_name(prt_buf *b, const prt_named *bench)
{
    prt_buf name = {0};
    prt_buf_printf(&name, "benchmark:%s", bench->id);
    sql_identifier(b, prt_buf_str(&name));
    prt_buf_free(&name);
}

void sql_benchmark_columns(SqlOut *o)
{
    for (int k = 0; k < o->plan->nbenchmarks; k++) {
        prt_buf_puts(o->b, k % 3 == 0 ? ",\n  " : ", ");
        column_name(o->b, &o->plan->benchmarks[k]);
        prt_buf_printf(o->b, " %s", sql_type_text(o->d));
    }
}

static void create_tables(SqlOut *o)
{
    const char *r = sql_type_real(o->d), *t = sql_type_text(o->d), *n = sql_type_int(o->d);
    prt_buf_printf(o->b,
        "-- The benchmarks the plan declares, and the results table's column that gives each one's value.\n"
        "CREATE TABLE plan_benchmarks (benchmark_ix %s PRIMARY KEY, id %s, name %s, results_column %s);\n\n", n, t, t, t);
    prt_buf_printf(o->b,
        "-- The benchmarks' values the plan records for each indicator (`benchmark ID VALUE in PERIOD`).\n"
        "CREATE TABLE plan_benchmark_values (ix %s, benchmark_ix %s, period %s, value %s);\n\n", n, n, t, r);
    prt_buf_printf(o->b,
        "-- Per indicator and rated period whose target in force follows a benchmark: which one, the plan's\n"
        "-- value for the period (else its latest earlier one; NULL: none), and the tolerance: a number, or\n"
        "-- tolerance_share, a percentage of the benchmark's value (the indicator's `tolerance N%% of target`).\n"
        "CREATE TABLE plan_benchmark_targets (ix %s, period %s, benchmark_ix %s, plan_value %s, tolerance %s,\n"
        "  tolerance_share %s, PRIMARY KEY (ix, period));\n\n", n, t, n, r, r, r);
}

static void benchmarks(SqlOut *o)
{
    sql_rows_start(o, "INSERT INTO plan_benchmarks (benchmark_ix, id, name, results_column) VALUES");
    for (int k = 0; k < o->plan->nbenchmarks; k++) {
        prt_buf col = {0};
        prt_buf_printf(&col, "benchmark:%s", o->plan->benchmarks[k].id);
        sql_row_begin(o);
        sql_val_int(o, k, true);
        sql_val_text(o, o->plan->benchmarks[k].id, false);
        sql_val_text(o, o->plan->benchmarks[k].name, false);
        sql_val_text(o, prt_buf_str(&col), false);
        prt_buf_putc(o->b, ')');
        prt_buf_free(&col);
    }
    sql_rows_end(o);
    sql_rows_start(o, "INSERT INTO plan_benchmark_values (ix, benchmark_ix, period, value) VALUES");
    for (int i = 0; i < o->plan->nindicators; i++) {
        const prt_indicator *in = &o->plan->indicators[i];
        for (int k = 0; k < in->nbench; k++) {
            char per[32];
            sql_row_begin(o);
            sql_val_int(o, i, true);
            sql_val_int(o, in->bench[k].benchmark, false);
            sql_val_text(o, prt_period_format(in->bench[k].period, per, sizeof per), false);
            sql_val_num(o, in->bench[k].value, false);
            prt_buf_putc(o->b, ')');
        }
    }
    sql_rows_end(o);
}

/* The row of plan_benchmark_targets for indicator ix in period q, when its target then follows a
 * benchmark. */
static void benchmark_target(SqlOut *o, int ix, prt_period q)
{
    const prt_indicator *in = &o->plan->indicators[ix];
    const prt_target *t = prt_target_in_force(in, q, NULL);
    if (!t || t->kind != PRT_TARGET_BENCHMARK)
        return;
    prt_rating r;
    memset(&r, 0, sizeof r);
    r.indicator = ix;
    r.period = q;
    r.row = NULL;   /* the plan's value only: the results row's column is the view's */
    double value;
    prt_period when;
    char per[32];
    bool share = !t->has_tolerance && in->has_tolerance && in->tolerance_of_target;
    sql_row_begin(o);
    sql_val_int(o, ix, true);
    sql_val_text(o, prt_period_format(q, per, sizeof per), false);
    sql_val_int(o, t->benchmark, false);
    if (prt_rating_benchmark(o->plan, &r, t->benchmark, &value, &when))
        sql_val_num(o, value, false);
    else
        sql_val_null(o, false);
    /* prt_tolerance_for, with the share of the target left to the view when the value is the row's */
    sql_val_num(o, share ? 0 : prt_tolerance_for(in, t, 0), false);
    if (share)
        sql_val_num(o, in->tolerance, false);
    else
        sql_val_null(o, false);
    prt_buf_putc(o->b, ')');
}

/* Whether any of the indicator's targets, as written or amended, follows a benchmark. */
static bool follows_a_benchmark(const prt_indicator *in)
{
    for (int k = 0; k < in->ntargets; k++)
        if (in->targets[k].kind == PRT_TARGET_BENCHMARK)
            return true;
    for (int k = 0; k < in->namendments; k++)
        if (in->amendments[k].to.kind == PRT_TARGET_BENCHMARK)
            return true;
    return false;
}

bool sql_benchmark_targets_any(const prt_plan *plan)
{
    for (int i = 0; i < plan->nindicators; i++)
        if (follows_a_benchmark(&plan->indicators[i]))
            return true;
    return false;
}

/* A row for every period a rating can be for (sql_rated_periods) whose target follows a benchmark. */
static void benchmark_targets(SqlOut *o)
{
    RatedPeriods rated = sql_rated_periods_new(o->plan);
    sql_rows_start(o, "INSERT INTO plan_benchmark_targets (ix, period, benchmark_ix, plan_value, tolerance, "
                      "tolerance_share) VALUES");
    for (int i = 0; i < o->plan->nindicators; i++) {
        if (!follows_a_benchmark(&o->plan->indicators[i]))
            continue;
        int n = sql_rated_periods(&rated, &o->plan->indicators[i]);
        for (int k = 0; k < n; k++)
            benchmark_target(o, i, rated.periods[k]);
    }
    sql_rows_end(o);
    sql_rated_periods_free(&rated);
}

void sql_emit_benchmark_facts(SqlOut *o)
{
    create_tables(o);
    benchmarks(o);
    benchmark_targets(o);
    prt_buf_puts(o->b, "\n");
}

/* results_benchmarks: each results row's benchmark values, one row per benchmark column filled. */
static void results_benchmarks(SqlOut *o)
{
    prt_buf_puts(o->b, "\n-- The results rows' benchmark values (the columns benchmark:ID), one row per value given;\n"
                       "-- a value is read as the results' value is (a plain number, '\xc2\xa3', commas and '%' allowed).\n"
                       "CREATE VIEW results_benchmarks AS\n");
    if (o->plan->nbenchmarks == 0) {
        prt_buf_puts(o->b, "SELECT ix, period, benchmark_ix, value FROM plan_benchmark_values WHERE 1 = 0;\n");
        return;
    }
    for (int k = 0; k < o->plan->nbenchmarks; k++) {
        prt_buf col = {0}, clean = {0};
        prt_buf_puts(&col, "r.");
        column_name(&col, &o->plan->benchmarks[k]);
        prt_buf_printf(&clean, "replace(replace(replace(trim(%s), '\xc2\xa3', ''), ',', ''), '%%', '')", prt_buf_str(&col));
        prt_buf_printf(o->b, "%sSELECT * FROM (SELECT n.ix, trim(r.period) AS period, %d AS benchmark_ix, ",
                       k ? "UNION ALL\n" : "", k);
        sql_to_number(o->b, o->d, prt_buf_str(&clean));
        prt_buf_puts(o->b, " AS value\n  FROM results r JOIN plan_indicator_names n ON n.name = trim(r.ref)) x"
                           " WHERE x.value IS NOT NULL\n");
        prt_buf_free(&col);
        prt_buf_free(&clean);
    }
    prt_buf_puts(o->b, ";\n");
}

void sql_emit_benchmark_views(SqlOut *o)
{
    results_benchmarks(o);
    prt_buf_puts(o->b,
        "\n-- The value a target that follows a benchmark takes: the column of the results row its result is\n"
        "-- found in (for a year, its last part's: plan_lookup), else the plan's; NULL: not rated.  Its\n"
        "-- tolerance, and the benchmark's name for the report's target column.\n"
        "CREATE VIEW benchmark_targets AS\n"
        "SELECT t.ix, t.period, t.benchmark_ix, b.name, COALESCE(rb.value, t.plan_value) AS value,\n"
        "  CASE WHEN t.tolerance_share IS NULL THEN t.tolerance\n"
        "    ELSE t.tolerance_share * abs(COALESCE(rb.value, t.plan_value)) / 100 END AS tolerance\n"
        "FROM (SELECT t0.*, (SELECT l.try_period FROM plan_lookup l JOIN results_found f ON f.period = l.try_period\n"
        "        WHERE l.period = t0.period AND f.ix = t0.ix ORDER BY l.lookup_rank LIMIT 1) AS found_period\n"
        "      FROM plan_benchmark_targets t0) t\n"
        "JOIN plan_benchmarks b ON b.benchmark_ix = t.benchmark_ix\n"
        "LEFT JOIN results_benchmarks rb ON rb.ix = t.ix AND rb.benchmark_ix = t.benchmark_ix AND rb.period = t.found_period;\n");
}
