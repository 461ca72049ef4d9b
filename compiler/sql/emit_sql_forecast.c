/* The year-end forecast in the SQL back end (the plan's `forecast profile` / `forecast run_rate`,
 * docs/rating.md "Year-end forecast", runtime/forecast.c): planc works out which ratings can have a
 * forecast, by which rule, against which annual target (table plan_forecasts); the view `forecasts`
 * computes the forecast from the results and whether it meets that target. */
#include "emit_sql_format.h"
#include "emit_sql_parts.h"
#include "rate_parts.h"

#include <stdlib.h>

/* One row of plan_forecasts when a rating of indicator ix for period p can have a forecast (all but
 * its result known: forecast.c's prt_forecast_rate up to the figure). */
static void forecast_row(SqlOut *o, int ix, prt_period p)
{
    const prt_indicator *in = &o->plan->indicators[ix];
    int first, last;
    double target;
    prt_period_months(p, &first, &last);
    if (p.kind == PRT_YEAR || last == 12 || in->polarity == PRT_POL_MONITOR || in->polarity == PRT_POL_NONE)
        return;
    const prt_target *t;
    if (!prt_annual_target(in, p, &t, &target))
        return;
    char a[32];
    prt_period last_year = prt_period_last_year(p), year = prt_period_year_of(last_year);
    bool year_to_date = in->accumulates == PRT_ACC_YEAR_TO_DATE;
    const char *rule = !year_to_date ? "latest" : o->plan->forecast == PRT_FORECAST_PROFILE ? "profile" : "run_rate";
    sql_row_begin(o);
    sql_val_int(o, ix, true);
    sql_val_text(o, prt_period_format(p, a, sizeof a), false);
    sql_val_text(o, rule, false);
    sql_val_num(o, last, false);
    sql_val_num(o, target, false);
    sql_val_text(o, t->kind == PRT_TARGET_THRESHOLD ? prt_cmp_words[t->op] : NULL, false);
    sql_val_text(o, prt_period_format(last_year, a, sizeof a), false);
    /* last year's whole-year figure: its row, else its Q4's, March's, H2's (prt_find_result), which
     * results_for_period finds by plan_lookup (sql_period_facts adds the year's rows) */
    sql_val_text(o, prt_period_format(year, a, sizeof a), false);
    prt_buf_putc(o->b, ')');
}

void sql_emit_forecast_facts(SqlOut *o)
{
    const char *r = sql_type_real(o->d), *t = sql_type_text(o->d), *n = sql_type_int(o->d);
    prt_buf_printf(o->b,
        "-- The year-end forecast (the plan's `forecast`): for each indicator and period rated in a part of\n"
        "-- the year other than the last, with a numeric annual target, how the year's figure is forecast\n"
        "-- (rule: latest value, profile, run_rate), the months of the year the period ends in, the annual\n"
        "-- target in force then and its comparison (NULL: by polarity), last year's same period, and last\n"
        "-- year (its whole-year figure: the year's row, else Q4's, March's, H2's, as plan_lookup orders\n"
        "-- them).  Empty when the plan declares no forecast.\n"
        "CREATE TABLE plan_forecasts (ix %s, period %s, rule %s, months %s, annual_target %s, target_op %s,\n"
        "  last_year_period %s, last_year %s, PRIMARY KEY (ix, period));\n",
        n, t, t, r, r, t, t, t);
    if (o->plan->forecast == PRT_FORECAST_NONE)
        return;
    RatedPeriods rated = sql_rated_periods_new(o->plan);
    sql_rows_start(o, "INSERT INTO plan_forecasts (ix, period, rule, months, annual_target, target_op, last_year_period, "
                      "last_year) VALUES");
    for (int i = 0; i < o->plan->nindicators; i++) {
        int nrated = sql_rated_periods(&rated, &o->plan->indicators[i]);
        for (int k = 0; k < nrated; k++)
            forecast_row(o, i, rated.periods[k]);
    }
    sql_rows_end(o);
    prt_buf_puts(o->b, "\n");
    sql_rated_periods_free(&rated);
}

/* x settled to nine decimals (prt_settle), as an expression. */
static void settled(SqlOut *o, const char *x)
{
    prt_buf e = {0};
    prt_buf_printf(&e, "(%s * 1e9)", x);
    prt_buf_puts(o->b, "(");
    sql_round(o->b, prt_buf_str(&e));
    prt_buf_puts(o->b, " / 1e9)");
    prt_buf_free(&e);
}

/* The forecast figure: the latest value; last year's profile when both of last year's figures are
 * values and the part's is above zero; else the run rate (v x 12 / months, as forecast.c computes). */
static void forecast_figure(SqlOut *o)
{
    prt_buf_puts(o->b,
        "SELECT r.ix, r.report_period, r.period, i.sign, f.rule, f.annual_target, f.target_op,\n"
        "  CASE WHEN f.rule = 'latest' THEN r.value\n"
        "    WHEN f.rule = 'profile' AND lp.status = 'value' AND lp.value > 0 AND y.status = 'value'\n"
        "      THEN r.value * y.value / lp.value\n"
        "    ELSE r.value * ");
    sql_number(o->b, o->d, 12);
    prt_buf_puts(o->b, " / f.months END AS forecast\n"
        "FROM rating_inputs r\n"
        "JOIN plan_forecasts f ON f.ix = r.ix AND f.period = r.period\n"
        "JOIN plan_indicators i ON i.ix = r.ix\n"
        "LEFT JOIN results_found lp ON lp.ix = r.ix AND lp.period = f.last_year_period\n"
        "LEFT JOIN results_for_period y ON y.ix = r.ix AND y.period = f.last_year\n"
        "WHERE r.status = 'value'");
}

void sql_emit_forecast_view(SqlOut *o)
{
    prt_buf_puts(o->b, "\n-- The year-end forecast of each rating that can have one (plan_forecasts) with a value: the\n"
                       "-- forecast, the annual target, and whether the forecast meets it (by the target's comparison,\n"
                       "-- else by polarity, inclusive; settled to nine decimals), forecast_met 1 or 0.\n"
                       "CREATE VIEW forecasts AS\nSELECT g.*,\n  CASE WHEN g.target_op IS NULL THEN CASE WHEN ");
    settled(o, "(g.sign * (g.forecast - g.annual_target))");
    prt_buf_puts(o->b, " >= 0 THEN 1 ELSE 0 END\n    ELSE CASE WHEN CASE g.target_op");
    static const char *const ops[] = {">=", ">", "<=", "<"};
    for (int k = 0; k < 4; k++) {
        prt_buf_printf(o->b, "\n      WHEN '%s' THEN ", ops[k]);
        settled(o, "g.forecast");
        prt_buf_printf(o->b, " %s ", ops[k]);
        settled(o, "g.annual_target");
    }
    prt_buf_puts(o->b, " END THEN 1 ELSE 0 END END AS forecast_met\nFROM (");
    forecast_figure(o);
    prt_buf_puts(o->b, ") g;\n");
}

void sql_forecast_join_columns(SqlOut *o)
{
    bool forecasts = o->plan->forecast != PRT_FORECAST_NONE;   /* else the view forecasts is empty, not read */
    if (forecasts)
        prt_buf_puts(o->b, "fc.forecast, fc.annual_target, fc.forecast_met");
    else
        prt_buf_printf(o->b, "CAST(NULL AS %s) AS forecast, CAST(NULL AS %s) AS annual_target, CAST(NULL AS %s) AS forecast_met",
                       sql_type_real(o->d), sql_type_real(o->d), sql_type_int(o->d));
    prt_buf_puts(o->b, "\n    FROM ");
    sql_fenced(o->b, o->d, "rating_settled", "t", "fence_settled");
    if (forecasts)
        prt_buf_puts(o->b, " LEFT JOIN forecasts fc ON fc.ix = t.ix AND fc.report_period = t.report_period");
}

void sql_emit_forecast_columns(SqlOut *o)
{
    prt_buf_puts(o->b, "r.forecast AS forecast_value, r.annual_target AS annual_target_value,\n  ");
    if (o->plan->forecast == PRT_FORECAST_NONE) {   /* the same columns, without the formatting */
        const char *t = sql_type_text(o->d);
        prt_buf_printf(o->b, "CAST(NULL AS %s) AS forecast, CAST(NULL AS %s) AS annual_target, '' AS forecast_miss", t, t);
        return;
    }
    /* the CSV's forecast, annual_target (as prt_format_value prints them) and forecast_miss */
    sql_format_value(o->b, o->d, "r.forecast", "i");
    prt_buf_puts(o->b, " AS forecast,\n  ");
    sql_format_value(o->b, o->d, "r.annual_target", "i");
    prt_buf_puts(o->b, " AS annual_target,\n"
                       "  CASE WHEN r.forecast_met IS NULL THEN '' WHEN r.forecast_met = 1 THEN 'no' ELSE 'yes' END AS forecast_miss");
}
