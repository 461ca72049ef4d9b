/* What the SQL back end's files share (emit_sql.c, emit_sql_facts.c, emit_sql_views.c): the script
 * being written and the helpers that write rows of values. */
#ifndef PLANC_EMIT_SQL_PARTS_H
#define PLANC_EMIT_SQL_PARTS_H

#include "emit_sql_dialect.h"

typedef struct SqlOut {
    prt_buf *b;
    SqlDialect d;
    const prt_plan *plan;
    int rows;                   /* rows in the INSERT being written; 0: none under way */
    const char *insert;         /* "INSERT INTO t (a, b) VALUES" */
} SqlOut;

/* Rows of an INSERT: sql_row_begin before each row's values (separated by sql_value_sep), one
 * statement per few hundred rows so that no engine meets a statement too long for it; sql_rows_end
 * closes the last. */
void sql_rows_start(SqlOut *o, const char *insert);
void sql_row_begin(SqlOut *o);
void sql_rows_end(SqlOut *o);
void sql_val_text(SqlOut *o, const char *s, bool first);
void sql_val_num(SqlOut *o, double v, bool first);
void sql_val_int(SqlOut *o, long v, bool first);
void sql_val_null(SqlOut *o, bool first);

/* The tables of what planc knows (emit_sql_facts.c) and the views (emit_sql_views.c). */
void sql_emit_facts(SqlOut *o);
void sql_emit_views(SqlOut *o);
/* Every period a report can be for, within the plan's years (*out: malloc'd); returns how many. */
int sql_report_periods(const prt_plan *plan, prt_period **out);
/* The periods each indicator can be rated for (emit_sql_periods.c): made once, then asked for each
 * indicator; periods[0..n) is valid until the next call. */
typedef struct RatedPeriods {
    prt_period *report, *periods;
    int nrp, first_year, years;
    unsigned char *seen;
} RatedPeriods;
RatedPeriods sql_rated_periods_new(const prt_plan *plan);
int sql_rated_periods(RatedPeriods *r, const prt_indicator *in);
void sql_rated_periods_free(RatedPeriods *r);
/* Periods (emit_sql_periods.c): timings, targets in force, lookups; their tables, facts and views. */
void sql_period_tables(SqlOut *o);
void sql_period_facts(SqlOut *o);
void sql_period_views(SqlOut *o);
extern const char *const sql_period_view_names[];
extern const int sql_period_nviews;
/* The year-end forecast (emit_sql_forecast.c): the table plan_forecasts, and the view forecasts
 * (after rating_inputs, before rating_method, whose band conditions ask for it). */
void sql_emit_forecast_facts(SqlOut *o);
void sql_emit_forecast_view(SqlOut *o);
/* rating_method's forecast columns and the FROM they come from (rating_settled t, and forecasts
 * when the plan forecasts). */
void sql_forecast_join_columns(SqlOut *o);
/* The ratings view's forecast columns, from rating_bands r and plan_indicators i. */
void sql_emit_forecast_columns(SqlOut *o);
/* Band conditions (emit_sql_conditions.c): the table plan_band_conditions; the test that the
 * condition of plan_band_conditions row `cond` holds for the rating row `row` (its dot, forecast_met). */
void sql_emit_condition_facts(SqlOut *o);
void sql_condition_holds(prt_buf *b, const char *cond, const char *row);
/* Derived indicators (emit_sql_formula.c), written only when the plan has a formula: the inputs'
 * names, the views that compute formulas (before rating_inputs), and rating_inputs' join to the
 * result each rating takes (formula_results, else results_for_period). */
bool sql_formula_any(const prt_plan *plan);
void sql_emit_formula_facts(SqlOut *o);
void sql_emit_formula_views(SqlOut *o);
void sql_formula_result_join(SqlOut *o);
/* The longest chain of formulas over formulas compiled: each level is a nested query, and engines
 * bound how deeply queries nest (SQLite's parser most tightly). */
#define SQL_MAX_FORMULA_CHAIN 16
/* Refuses (E090, at the formula) a derived indicator at level SQL_MAX_FORMULA_CHAIN + 1; returns how many. */
unsigned sql_refuse_formula_chains(const Plan *plan, Diag *diag);
/* The views of the levels (formula_level_<K>), dropped before formula_operands. */
void sql_drop_formula_levels(prt_buf *b, SqlDialect d);
/* A formula's SQL: the precedence of what an operator makes (an operand: SQL_PREC_ATOM), whether each
 * side of an operator is put in parentheses (emit_sql_formula.c says which). */
enum { SQL_PREC_ADD = 1, SQL_PREC_MUL, SQL_PREC_NEG, SQL_PREC_ATOM };
int sql_formula_prec(prt_opcode op);
void sql_formula_parens(prt_opcode op, int lprec, int rprec, bool *left, bool *right);
/* The most deeply nested formula compiled: SQLite's parser (3.40) overflows past about 30 nested
 * parentheses, and its expressions are at most 1000 deep; deeper ones are refused (E090). */
#define SQL_MAX_FORMULA_PARENS 24
#define SQL_MAX_FORMULA_TREE 250
unsigned sql_refuse_formula_nesting(const Plan *plan, Diag *diag);
/* Delivery (emit_sql_delivery.c: the tables; emit_sql_delivery_views.c: the views). */
void sql_emit_delivery_facts(SqlOut *o);
void sql_emit_delivery_views(SqlOut *o);
extern const char *const sql_delivery_view_names[];
extern const int sql_delivery_nviews;
extern const char *const sql_delivery_table_names[];
extern const int sql_delivery_ntables;
/* Benchmarks (emit_sql_benchmarks.c): the results table's benchmark:ID columns, the tables, and the
 * views rating_inputs takes a benchmark target's value from. */
void sql_benchmark_columns(SqlOut *o);
void sql_emit_benchmark_facts(SqlOut *o);
void sql_emit_benchmark_views(SqlOut *o);
/* Whether any indicator's target, as written or amended, follows a benchmark. */
bool sql_benchmark_targets_any(const prt_plan *plan);
extern const char *const sql_benchmark_view_names[];
extern const int sql_benchmark_nviews;
extern const char *const sql_benchmark_table_names[];
extern const int sql_benchmark_ntables;
/* The names of the views and tables, in the order they are made (dropped in reverse). */
extern const char *const sql_view_names[];
extern const int sql_nviews;
extern const char *const sql_table_names[];
extern const int sql_ntables;

#endif
