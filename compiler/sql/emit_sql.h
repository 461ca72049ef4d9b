/* planc compile --target sql: the plan as SQL for SQLite, PostgreSQL and DuckDB (docs/warehouse.md).
 * What planc knows when it compiles (the plan's facts, the target in force for every period) is
 * written as tables, worked out by the runtime's own functions; what depends on the results (the
 * band, the percentage, the direction of travel, the summaries) is computed by views. */
#ifndef PLANC_EMIT_SQL_H
#define PLANC_EMIT_SQL_H

#include "ast.h"
#include "diag.h"
#include "planrt.h"

#include <stdio.h>

typedef enum { SQL_SQLITE, SQL_POSTGRES, SQL_DUCKDB } SqlDialect;

/* "sqlite", "postgres" or "duckdb"; false for anything else. */
bool sql_dialect_parse(const char *s, SqlDialect *out);
/* The dialects' names, for messages: "sqlite, postgres, duckdb". */
extern const char *const sql_dialect_names;

/* Reports (as errors, code E090, at the place in the plan) every construct the SQL back end does not
 * compile yet; returns how many. */
unsigned sql_refuse_unsupported(const Plan *plan, Diag *diag);

/* Writes the whole script: tables of facts, the results table, the views. */
void emit_sql(FILE *out, const prt_plan *plan, SqlDialect dialect, const char *plan_path);

#endif
