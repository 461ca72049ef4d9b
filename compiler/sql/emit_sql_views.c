/* The SQL back end's views: what depends on the results, computed by the engine with the runtime's
 * rules (docs/rating.md): the result each rating takes, the target's band by the scheme's method,
 * the percentage, the direction of travel, the summaries and the exceptions.  One view per step, so
 * that each can be read (and queried) on its own. */
#include "emit_sql_format.h"
#include "emit_sql_parts.h"

const char *const sql_view_names[] = {
    "results_read", "results_found", "results_for_period", "formula_found", "formula_inputs", "formula_operands",
    /* formula_level_1 .. (emit_sql_formula.c) */ "formula_values", "formula_results", "rating_inputs", "forecasts",
    "rating_figures", "rating_settled",
    "rating_method", "rating_bands", "ratings", "summary_themes", "summary_pillars", "summary_plan", "summary_bands",
    "exceptions"};
const int sql_nviews = sizeof sql_view_names / sizeof sql_view_names[0];

/* prt_settle: to nine decimals, rounded as C's round(), so a figure lands in the band an officer
 * working it out by hand would put it in. */
static void settle(SqlOut *o, const char *col, const char *as)
{
    prt_buf x = {0};
    prt_buf_printf(&x, "(%s * 1e9)", col);
    prt_buf_puts(o->b, "  ");
    sql_round(o->b, prt_buf_str(&x));
    prt_buf_printf(o->b, " / 1e9 AS %s", as);
    prt_buf_free(&x);
}

/* The view's statement up to its query. */
static void view(SqlOut *o, const char *name, const char *comment)
{
    prt_buf_printf(o->b, "\n-- %s\nCREATE VIEW %s AS\n", comment, name);
}

/* Whether the plan records results of its own (plan_results has rows). */
static bool plan_records_results(const prt_plan *plan)
{
    for (int i = 0; i < plan->nindicators; i++)
        if (plan->indicators[i].nresults > 0)
            return true;
    return false;
}

static void results_views(SqlOut *o)
{
    const char *clean = "replace(replace(replace(trim(r.value), '\xc2\xa3', ''), ',', ''), '%', '')";
    const char *clean_lower = "replace(replace(replace(trim(r.lower), '\xc2\xa3', ''), ',', ''), '%', '')";
    const char *clean_upper = "replace(replace(replace(trim(r.upper), '\xc2\xa3', ''), ',', ''), '%', '')";
    view(o, "results_read", "Each results row that names an indicator, its value read: status 'value', 'Not available',\n"
                            "-- 'Not yet available', or NULL when the SQL cannot read the value (docs/warehouse.md).");
    /* a number first: most values are, and the test for one is cheaper than folding the case */
    prt_buf_puts(o->b, "SELECT n.ix, trim(r.period) AS period,\n  CASE WHEN ");
    sql_is_number(o->b, o->d, clean);
    prt_buf_puts(o->b, " THEN 'value'\n    WHEN ");
    sql_lower_ascii(o->b, o->d, "trim(r.value)");
    prt_buf_puts(o->b, " IN ('not available', 'n/a') OR trim(r.value) = '#N/A' THEN 'Not available'\n    WHEN ");
    sql_lower_ascii(o->b, o->d, "trim(r.value)");
    prt_buf_puts(o->b, " IN ('not yet available', 'nya') THEN 'Not yet available' END AS status,\n  ");
    sql_to_number(o->b, o->d, clean);
    prt_buf_puts(o->b, " AS value,\n  ");
    /* the survey's confidence interval: both bounds, or none */
    prt_buf_puts(o->b, "CASE WHEN ");
    sql_to_number(o->b, o->d, clean_upper);
    prt_buf_puts(o->b, " IS NOT NULL THEN ");
    sql_to_number(o->b, o->d, clean_lower);
    prt_buf_puts(o->b, " END AS lower,\n  CASE WHEN ");
    sql_to_number(o->b, o->d, clean_lower);
    prt_buf_puts(o->b, " IS NOT NULL THEN ");
    sql_to_number(o->b, o->d, clean_upper);
    prt_buf_puts(o->b, " END AS upper,\n"
                       "  NULLIF(trim(r.override), '') AS override, NULLIF(r.reason, '') AS reason, NULLIF(r.comment, '') AS comment\n"
                       "FROM results r JOIN plan_indicator_names n ON n.name = trim(r.ref);\n");

    view(o, "results_found", "The result of each indicator and period: the results file's row, else the plan's own.");
    prt_buf_puts(o->b, "SELECT ix, period, status, value, lower, upper, override, reason, comment FROM results_read WHERE status IS NOT NULL");
    /* the plan's own results only when it records some: the anti-join reads the results once more */
    if (plan_records_results(o->plan))
        prt_buf_puts(o->b, "\nUNION ALL\n"
                           "SELECT p.ix, p.period, p.status, p.value, p.lower, p.upper, NULL, NULL, NULL FROM plan_results p\n"
                           "WHERE NOT EXISTS (SELECT 1 FROM results_read r WHERE r.ix = p.ix AND r.period = p.period AND r.status IS NOT NULL)");
    prt_buf_puts(o->b, ";\n");

    view(o, "results_for_period", "The result a rating for a period takes: its own, or for a year its last part's (plan_lookup).");
    /* the first found by rank, as a window rather than NOT EXISTS over the same join, which PostgreSQL
     * evaluates as a nested loop */
    prt_buf_puts(o->b, "SELECT period, ix, status, value, lower, upper, override, reason, comment\n"
                       "FROM (SELECT l.period, f.ix, f.status, f.value, f.lower, f.upper, f.override, f.reason, f.comment,\n"
                       "    ROW_NUMBER() OVER (PARTITION BY l.period, f.ix ORDER BY l.lookup_rank) AS found_rank\n"
                       "  FROM plan_lookup l JOIN results_found f ON f.period = l.try_period) x\n"
                       "WHERE found_rank = 1;\n");
}

static void rating_inputs(SqlOut *o)
{
    /* a target that follows a benchmark takes its value from benchmark_targets; a plan without one
     * leaves that join out, and its columns are NULL */
    bool bench = sql_benchmark_targets_any(o->plan);
    prt_buf bt_value = {0}, bt_tolerance = {0}, bt_name = {0};
    if (bench) {
        prt_buf_puts(&bt_value, "bt.value");
        prt_buf_puts(&bt_tolerance, "bt.tolerance");
        prt_buf_puts(&bt_name, "bt.name");
    } else {
        prt_buf_printf(&bt_value, "CAST(NULL AS %s)", sql_type_real(o->d));
        prt_buf_printf(&bt_tolerance, "CAST(NULL AS %s)", sql_type_real(o->d));
        prt_buf_printf(&bt_name, "CAST(NULL AS %s)", sql_type_text(o->d));
    }
    view(o, "rating_inputs", "Per indicator and report period: the period rated (the result period, or under arrears the\n"
                             "-- report's own when the result is carried there), its result, last year's, the target in force.");
    const char *v = prt_buf_str(&bt_value);
    /* this period's result and last year's come from one reading of the results: a query that names
     * a view twice reads it twice (the results' window, their parsing) in every engine */
    bool shared = !sql_formula_any(o->plan);
    if (shared)
        prt_buf_puts(o->b, "WITH found AS MATERIALIZED (SELECT period, ix, status, value, lower, upper, override, reason, comment\n"
                           "  FROM results_for_period)\n");
    prt_buf_printf(o->b,
        "SELECT q.ix, q.report_period, q.due, q.period, i.sign, i.dot_sign, i.print_factor, i.polarity, i.scheme_ix, i.method,\n"
        "  COALESCE(f.status, 'No result') AS status, f.value, f.lower, f.upper, f.override, f.reason, f.comment,\n"
        "  CASE WHEN pv.status = 'value' THEN pv.value WHEN pv.status IS NULL THEN q.last_year_baseline END AS last_year,\n"
        "  q.target_kind, q.target_op, q.within_interval,\n"
        "  CASE WHEN q.target_kind = 'maintain' AND q.target_value IS NULL THEN\n"
        "    CASE WHEN pv.status = 'value' THEN pv.value WHEN pv.status IS NULL THEN q.last_year_baseline END\n"
        "    WHEN q.target_kind = 'benchmark' THEN %s\n"
        "    ELSE q.target_value END AS target_value,\n"
        "  CASE WHEN q.target_kind = 'benchmark' THEN %s ELSE q.tolerance END AS tolerance, %s AS benchmark_name,\n"
        "  q.amended, q.amend_reason, q.target_text,\n"
        "  q.target_text_rated, q.first_band, q.not_comparable, q.improvement_base,\n"
        "  (COALESCE(f.status, 'No result') = 'value' AND i.polarity <> 'monitor' AND q.target_kind IS NOT NULL AND i.scheme_ix IS NOT NULL\n"
        "    AND (q.target_kind = 'benchmark' AND %s IS NOT NULL OR q.target_kind <> 'benchmark'\n"
        "      AND (q.target_value IS NOT NULL OR COALESCE(pv.status, '') = 'value'\n"
        "      OR (pv.status IS NULL AND q.last_year_baseline IS NOT NULL)))) AS to_rate\n"
        "FROM report_targets q\n"
        "JOIN plan_indicators i ON i.ix = q.ix\n",
        v, prt_buf_str(&bt_tolerance), prt_buf_str(&bt_name), v);
    if (shared)
        prt_buf_puts(o->b, "LEFT JOIN found f ON f.ix = q.ix AND f.period = q.period\n"
                           "LEFT JOIN found pv ON pv.ix = q.ix AND pv.period = q.last_year_period");
    else {
        sql_formula_result_join(o);
        prt_buf_puts(o->b, "LEFT JOIN results_for_period pv ON pv.ix = q.ix AND pv.period = q.last_year_period");
    }
    if (bench)
        prt_buf_puts(o->b, "\nLEFT JOIN benchmark_targets bt ON bt.ix = q.ix AND bt.period = q.period");
    prt_buf_puts(o->b, ";\n");
    prt_buf_free(&bt_value);
    prt_buf_free(&bt_tolerance);
    prt_buf_free(&bt_name);
}

static void rating_figures(SqlOut *o)
{
    view(o, "rating_figures", "The figures the methods compare, before settling: how far from the target, the improvement\n"
                              "-- asked for and made (from the baseline when older than the period, else last year's result),\n"
                              "-- the share of the target achieved, the points short.");
    prt_buf_puts(o->b,
        "SELECT r.*, COALESCE(r.improvement_base, r.last_year) AS base,\n"
        "  r.sign * (r.value - r.target_value) AS d_met,\n"
        "  r.sign * (r.target_value - r.value) AS d_short,\n"
        "  r.sign * (r.target_value - COALESCE(r.improvement_base, r.last_year)) AS span,\n"
        "  CASE WHEN r.target_value <> COALESCE(r.improvement_base, r.last_year)\n"
        "    THEN (r.value - COALESCE(r.improvement_base, r.last_year)) / (r.target_value - COALESCE(r.improvement_base, r.last_year)) * 100 END\n"
        "    AS pct_improvement,\n"
        "  CASE WHEN r.sign > 0 AND r.target_value > 0 THEN r.value / r.target_value * 100\n"
        "    WHEN r.sign < 0 AND r.value > 0 AND r.target_value >= 0 THEN r.target_value / r.value * 100 END AS pct_achievement,\n"
        "  CASE WHEN r.sign * (r.target_value - r.value) < 0 THEN 0 ELSE r.sign * (r.target_value - r.value) END AS pts,\n"
        "  r.value * r.print_factor AS value_scaled, r.last_year * r.print_factor AS last_year_scaled\n"
        "FROM ");
    sql_fenced(o->b, o->d, "rating_inputs", "r", "fence_inputs");
    prt_buf_puts(o->b, ";\n");
}

static void rating_settled(SqlOut *o)
{
    static const char *const cols[][2] = {
        {"value", "s_value"}, {"target_value", "s_target"}, {"d_met", "s_d_met"}, {"d_short", "s_d_short"},
        {"tolerance", "s_tolerance"}, {"span", "s_span"}, {"pct_improvement", "s_pct_improvement"},
        {"pct_achievement", "s_pct_achievement"}, {"pts", "s_pts"}, {"lower", "s_lower"}, {"upper", "s_upper"}};
    view(o, "rating_settled", "The figures settled to nine decimals (prt_settle), and the values as printed for the direction\n"
                              "-- of travel (prt_as_printed), each rounded half away from zero as C's round().");
    prt_buf_puts(o->b, "SELECT f.*,\n");
    for (size_t k = 0; k < sizeof cols / sizeof cols[0]; k++) {
        prt_buf x = {0};
        prt_buf_printf(&x, "f.%s", cols[k][0]);
        settle(o, prt_buf_str(&x), cols[k][1]);
        prt_buf_puts(o->b, ",\n");
        prt_buf_free(&x);
    }
    prt_buf_puts(o->b, "  f.dot_sign * (");
    sql_round(o->b, "f.value_scaled");
    prt_buf_puts(o->b, " / f.print_factor - ");
    sql_round(o->b, "f.last_year_scaled");
    prt_buf_puts(o->b, " / f.print_factor) AS dot_difference\nFROM rating_figures f;\n");
}

static void rating_method(SqlOut *o)
{
    view(o, "rating_method", "How the rating is found (rate.c's rate()): a threshold met; within the tolerance; else by the\n"
                             "-- scheme's method, or met / not met when no percentage can be formed.  percent: the method's figure.");
    prt_buf_puts(o->b,
        "SELECT m.*,\n"
        "  CASE m.how WHEN 'met' THEN 100 WHEN 'tolerance' THEN 100 WHEN 'interval' THEN 100 WHEN 'points' THEN m.pts\n"
        "    WHEN 'improvement' THEN m.pct_improvement WHEN 'achievement' THEN m.pct_achievement\n"
        "    WHEN 'no_ratio' THEN CASE WHEN m.met THEN 100 ELSE 0 END END AS percent,\n"
        "  CASE m.how WHEN 'points' THEN m.s_pts WHEN 'improvement' THEN m.s_pct_improvement\n"
        "    WHEN 'achievement' THEN m.s_pct_achievement END AS s_percent\n"
        "FROM (SELECT s.*, CASE WHEN NOT s.to_rate THEN NULL\n"
        "    WHEN s.within_interval = 1 AND s.lower IS NOT NULL AND s.s_target >= s.s_lower AND s.s_target <= s.s_upper\n"
        "      THEN 'interval'\n"
        "    WHEN s.target_kind = 'threshold' AND s.met THEN 'met'\n"
        "    WHEN NOT s.met AND s.tolerance > 0 AND s.s_d_short <= s.s_tolerance THEN 'tolerance'\n"
        "    WHEN s.method = 'points' THEN 'points'\n"
        "    WHEN s.method = 'improvement' AND s.base IS NOT NULL AND s.s_span > 0 THEN 'improvement'\n"
        "    WHEN s.method IN ('improvement', 'achievement') AND s.pct_achievement IS NOT NULL THEN 'achievement'\n"
        "    ELSE 'no_ratio' END AS how\n"
        "  FROM (SELECT t.*, CASE WHEN t.target_kind = 'threshold' THEN CASE t.target_op\n"
        "        WHEN '>=' THEN t.s_value >= t.s_target WHEN '>' THEN t.s_value > t.s_target\n"
        "        WHEN '<=' THEN t.s_value <= t.s_target WHEN '<' THEN t.s_value < t.s_target END\n"
        "      ELSE t.s_d_met >= 0 END AS met,\n"
        /* the direction of travel and the forecast come before the band, which a condition may ask for */
        "    CASE WHEN t.status <> 'value' OR t.dot_sign = 0 THEN ''\n"
        "      WHEN t.not_comparable = 1 THEN 'Not comparable' WHEN t.last_year IS NULL THEN 'New'\n"
        "      WHEN t.dot_difference > 0 THEN 'Improving' WHEN t.dot_difference < 0 THEN 'Worsening' ELSE 'Same' END AS dot,\n"
        "    ");
    sql_forecast_join_columns(o);
    prt_buf_puts(o->b, ") s) m;\n");
}

/* The first band of m's scheme whose edge (a condition on b) is reached and whose condition (`if
 * ...`) holds, else the last (rate.c's band_for_percent, band_for_shortfall, prt_band_when_met). */
static void band_search(SqlOut *o, const char *edge)
{
    prt_buf_printf(o->b, "COALESCE((SELECT MIN(b.band_ix) FROM plan_bands b\n"
                         "      LEFT JOIN plan_band_conditions bc ON bc.scheme_ix = b.scheme_ix AND bc.band_ix = b.band_ix\n"
                         "      WHERE b.scheme_ix = m.scheme_ix AND %s\n      AND ", edge);
    sql_condition_holds(o->b, "bc", "m");
    prt_buf_puts(o->b, "),\n      (SELECT MAX(b.band_ix) FROM plan_bands b WHERE b.scheme_ix = m.scheme_ix))");
}

static void rating_bands(SqlOut *o)
{
    view(o, "rating_bands", "The band: the method's (the first band from first_band whose edge the settled figure reaches,\n"
                            "-- else the last), then an override naming a band of the scheme (exactly, else in any case).");
    prt_buf_puts(o->b,
        "SELECT c.*, c.override IS NOT NULL AND c.scheme_ix IS NOT NULL AS overridden,\n"
        "  CASE WHEN c.override IS NOT NULL AND c.scheme_ix IS NOT NULL THEN\n"
        "    (SELECT n.band_ix FROM plan_band_names n WHERE n.scheme_ix = c.scheme_ix\n"
        "       AND ((n.folded = 0 AND n.name = c.override) OR (n.folded = 1 AND n.name = ");
    sql_lower_ascii(o->b, o->d, "c.override");
    prt_buf_puts(o->b, "))\n"
        "     ORDER BY n.folded, n.band_ix LIMIT 1)\n"
        "    ELSE c.computed_band END AS band\n"
        "FROM (SELECT m.*, CASE\n"
        "    WHEN m.how IN ('met', 'tolerance', 'interval') OR (m.how = 'no_ratio' AND m.met) THEN ");
    band_search(o, "1 = 1");
    prt_buf_puts(o->b, "\n"
        "    WHEN m.how = 'no_ratio' THEN (SELECT MAX(b.band_ix) FROM plan_bands b WHERE b.scheme_ix = m.scheme_ix)\n"
        "    WHEN m.how = 'points' THEN ");
    band_search(o, "b.band_ix >= m.first_band AND (b.otherwise = 1 OR m.s_percent <= b.threshold)");
    prt_buf_puts(o->b, "\n    WHEN m.how IS NOT NULL THEN ");
    band_search(o, "b.band_ix >= m.first_band AND (b.otherwise = 1 OR m.s_percent >= b.threshold)");
    prt_buf_puts(o->b, "\n"
        "    END AS computed_band\n"
        "  FROM ");
    sql_fenced(o->b, o->d, "rating_method", "m", "fence_method");
    prt_buf_puts(o->b, ") c;\n");
}

static void ratings(SqlOut *o)
{
    view(o, "ratings", "THE RATINGS: one row per indicator and report period, with the columns of `planc eval --format\n"
                       "-- csv` (numbers as numbers): the target in force, the result, the band, the method's\n"
                       "-- percentage, last year's figure, the direction of travel, whether it is an exception.");
    prt_buf_puts(o->b,
        "SELECT r.report_period, r.ix, i.ref, i.id, i.name AS indicator, i.pillar, i.theme, i.theme_ix, i.pillar_ix,\n"
        "  i.polarity, r.period, r.due,\n"
        "  CASE WHEN r.band IS NULL THEN r.target_text WHEN r.target_text_rated IS NOT NULL THEN r.target_text_rated\n"
        "    ELSE COALESCE(r.benchmark_name, 'Maintain') || ' (' || ");
    sql_format_value(o->b, o->d, "r.target_value", "i");
    prt_buf_puts(o->b, " || ')' || CASE WHEN r.amended = 1 THEN ' (amended)' ELSE '' END END AS target, r.target_value,\n"
        "  r.amended, r.amend_reason,\n"
        "  CASE WHEN r.status = 'value' THEN r.value END AS result, r.status,\n"
        "  b.id AS rating, b.label AS rating_label, b.band_ix,\n"
        "  CASE WHEN r.computed_band IS NOT NULL AND NOT r.overridden THEN r.percent END AS percent,\n"
        "  r.last_year,\n"
        "  r.dot,\n"
        "  CASE WHEN r.overridden THEN 'yes' ELSE 'no' END AS overridden, r.reason AS override_reason,\n"
        "  CASE WHEN b.on_target = 0 THEN 'yes' ELSE 'no' END AS below_target,\n"
        "  CASE WHEN b.on_target = 0 AND r.comment IS NULL THEN 'yes' ELSE 'no' END AS exception,\n"
        "  r.comment,\n"
        "  ");
    sql_emit_forecast_columns(o);
    prt_buf_puts(o->b, "\n"
        "FROM rating_bands r\n"
        "JOIN plan_indicators i ON i.ix = r.ix\n"
        "LEFT JOIN plan_bands b ON b.scheme_ix = r.scheme_ix AND b.band_ix = r.band;\n");
}

/* The counts of the summary tables (rate.c's count()), grouped by cols. */
static void summary(SqlOut *o, const char *name, const char *what, const char *cols)
{
    view(o, name, what);
    prt_buf_printf(o->b,
        "SELECT report_period%s%s,\n"
        "  COUNT(CASE WHEN status <> 'No result' THEN 1 END) AS reported,\n"
        "  COUNT(band_ix) AS rated,\n"
        "  COUNT(CASE WHEN status <> 'No result' AND band_ix IS NULL THEN 1 END) AS monitor_nya,\n"
        "  COUNT(CASE WHEN status <> 'No result' AND dot IN ('Improving', 'Same', 'Worsening') THEN 1 END) AS with_dot,\n"
        "  COUNT(CASE WHEN status <> 'No result' AND dot IN ('Improving', 'Same') THEN 1 END) AS improved_same,\n"
        "  COUNT(CASE WHEN status <> 'No result' AND dot = 'Worsening' THEN 1 END) AS worsened,\n"
        "  COUNT(CASE WHEN band_ix IS NOT NULL AND below_target = 'no' THEN 1 END) AS on_target,\n"
        "  COUNT(CASE WHEN below_target = 'yes' THEN 1 END) AS below_target\n"
        "FROM ratings GROUP BY report_period%s%s;\n",
        cols[0] ? ", " : "", cols, cols[0] ? ", " : "", cols);
}

static void summaries(SqlOut *o)
{
    summary(o, "summary_themes", "Counts per theme and report period, as the reports' summary tables.", "theme_ix, theme");
    summary(o, "summary_pillars", "Counts per pillar and report period.", "pillar_ix, pillar");
    summary(o, "summary_plan", "Counts for the whole plan per report period.", "");
    view(o, "summary_bands", "How many indicators each band holds, per report period, for the plan, each pillar and each theme.");
    prt_buf_puts(o->b,
        "SELECT report_period, 'plan' AS level, NULL AS name, band_ix, COUNT(*) AS indicators FROM ratings\n"
        "  WHERE band_ix IS NOT NULL GROUP BY report_period, band_ix\n"
        "UNION ALL\n"
        "SELECT report_period, 'pillar', pillar, band_ix, COUNT(*) FROM ratings\n"
        "  WHERE band_ix IS NOT NULL GROUP BY report_period, pillar, band_ix\n"
        "UNION ALL\n"
        "SELECT report_period, 'theme', theme, band_ix, COUNT(*) FROM ratings\n"
        "  WHERE band_ix IS NOT NULL GROUP BY report_period, theme, band_ix;\n");
    view(o, "exceptions", "The exceptions: below target with no commentary.");
    prt_buf_puts(o->b, "SELECT * FROM ratings WHERE exception = 'yes';\n");
}

void sql_emit_views(SqlOut *o)
{
    prt_buf_puts(o->b, "\n-- ---- what depends on the results: the views ----\n");
    sql_format_function(o->b, o->d);
    results_views(o);
    sql_period_views(o);
    sql_emit_benchmark_views(o);
    sql_emit_formula_views(o);
    rating_inputs(o);
    sql_emit_forecast_view(o);
    rating_figures(o);
    rating_settled(o);
    rating_method(o);
    rating_bands(o);
    ratings(o);
    summaries(o);
}
