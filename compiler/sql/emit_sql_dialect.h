/* The one place where SQLite, PostgreSQL and DuckDB differ in the SQL planc writes: types, literals,
 * rounding, case folding, view replacement, number-to-text.  Everything else the back end writes is
 * SQL the three share (docs/warehouse.md says what Spark SQL or Trino would change here). */
#ifndef PLANC_EMIT_SQL_DIALECT_H
#define PLANC_EMIT_SQL_DIALECT_H

#include "emit_sql.h"
#include "strbuf.h"

/* Column types: a double-precision number, text, an integer. */
const char *sql_type_real(SqlDialect d);
const char *sql_type_text(SqlDialect d);
const char *sql_type_int(SqlDialect d);
/* A string literal (prt_esc_sql), NULL as NULL. */
void sql_string(prt_buf *b, const char *s);
/* A column's name quoted (prt_esc_sql_name): the same in the three engines, here so that an engine
 * quoting otherwise (Spark SQL's backquotes) changes only this. */
void sql_identifier(prt_buf *b, const char *name);
/* A double-precision literal that reads back as exactly v in every engine. */
void sql_number(prt_buf *b, SqlDialect d, double v);
/* Text that the engine reads as a number, else NULL: the plain number a results file's value is
 * once its '£', thousands commas and '%' are gone. */
void sql_to_number(prt_buf *b, SqlDialect d, const char *text_expr);
/* Whether sql_to_number reads the text as a number: the condition alone. */
void sql_is_number(prt_buf *b, SqlDialect d, const char *text_expr);
/* x rounded half away from zero, as C's round(): engines' own ROUND differs (PostgreSQL rounds a
 * double half to even).  x must be a column name or a parenthesised expression. */
void sql_round(prt_buf *b, const char *x);
/* Lower case in ASCII only (prt_same_nocase's folding): PostgreSQL's lower() follows the locale. */
void sql_lower_ascii(prt_buf *b, SqlDialect d, const char *x);
/* The statements that drop a view before it is made anew (PostgreSQL cannot replace a view whose
 * columns change); and a table. */
void sql_drop_view(prt_buf *b, SqlDialect d, const char *name);
void sql_drop_table(prt_buf *b, const char *name);
/* A view read by the next step, as `view alias`.  PostgreSQL substitutes a view's expressions into
 * the query that reads it and has no common-subexpression elimination: the steps of the rating name
 * each figure several times, so written out the rating's expressions grew to megabytes, which its
 * JIT compiled for 42 s at 10^6 result rows.  For PostgreSQL the view is read through a window
 * (a column fence_STEP, always 1) partitioned by report_period and ix: the planner keeps such a query
 * whole, and still pushes a condition on those two columns into it. */
void sql_fenced(prt_buf *b, SqlDialect d, const char *view, const char *alias, const char *fence);
/* A double as text with every digit needed to read it back exactly (the test formats it). */
void sql_real_text(prt_buf *b, SqlDialect d, const char *x);

#endif
