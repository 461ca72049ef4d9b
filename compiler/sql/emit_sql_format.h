/* Figures formatted by the SQL as the reports format them (emit_sql_format.c). */
#ifndef PLANC_EMIT_SQL_FORMAT_H
#define PLANC_EMIT_SQL_FORMAT_H

#include "emit_sql_dialect.h"

/* The expression for the double x (a column) as prt_format_value prints it for the indicator whose
 * plan_indicators row is aliased `in`; NULL when x is NULL. */
void sql_format_value(prt_buf *b, SqlDialect d, const char *x, const char *in);
/* What sql_format_value needs made before the views (PostgreSQL: the function plan_format_value),
 * and its drop, after the views'. */
void sql_format_function(prt_buf *b, SqlDialect d);
void sql_drop_format_function(prt_buf *b, SqlDialect d);

#endif
