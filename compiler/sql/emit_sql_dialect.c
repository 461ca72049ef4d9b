/* The SQL back end's dialect layer (emit_sql_dialect.h): every construct SQLite, PostgreSQL and
 * DuckDB write differently, and nothing else. */
#include "emit_sql_dialect.h"
#include "escape.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const sql_dialect_names = "sqlite, postgres, duckdb";

bool sql_dialect_parse(const char *s, SqlDialect *out)
{
    static const struct {
        const char *name;
        SqlDialect d;
    } names[] = {{"sqlite", SQL_SQLITE}, {"postgres", SQL_POSTGRES}, {"duckdb", SQL_DUCKDB}};
    for (size_t i = 0; s && i < sizeof names / sizeof names[0]; i++)
        if (strcmp(s, names[i].name) == 0) {
            *out = names[i].d;
            return true;
        }
    return false;
}

const char *sql_type_real(SqlDialect d) { return d == SQL_SQLITE ? "REAL" : d == SQL_POSTGRES ? "DOUBLE PRECISION" : "DOUBLE"; }
const char *sql_type_text(SqlDialect d) { return d == SQL_DUCKDB ? "VARCHAR" : "TEXT"; }
const char *sql_type_int(SqlDialect d) { (void)d; return "INTEGER"; }

void sql_string(prt_buf *b, const char *s) { prt_esc_sql(b, s); }

void sql_identifier(prt_buf *b, const char *name) { prt_esc_sql_name(b, name); }

/* The shortest %g text that reads back as v, so that the script stays readable. */
void sql_number(prt_buf *b, SqlDialect d, double v)
{
    char text[40];
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(text, sizeof text, "%.*g", digits, v);
        if (strtod(text, NULL) == v)
            break;
    }
    /* through text: a decimal literal is DECIMAL in PostgreSQL and DuckDB, whose conversion to a
     * double need not be the nearest */
    prt_buf_printf(b, "CAST('%s' AS %s)", text, sql_type_real(d));
}

/* The text's shape is a plain number's (sql_is_number without DuckDB's range test). */
static void number_shape(prt_buf *b, SqlDialect d, const char *t)
{
    switch (d) {
    case SQL_SQLITE:   /* no regular expressions: digits, one sign, one point, nothing else */
        prt_buf_printf(b, "(%s GLOB '*[0-9]*' AND %s NOT GLOB '*[^0-9.+-]*' AND %s NOT GLOB '?*[+-]*' AND %s NOT GLOB '*.*.*')", t, t, t,
                       t);
        return;
    case SQL_POSTGRES:
        prt_buf_printf(b, "%s ~ '^[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)$'", t);
        return;
    case SQL_DUCKDB:
        prt_buf_printf(b, "regexp_full_match(%s, '[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)')", t);
        return;
    }
}

void sql_is_number(prt_buf *b, SqlDialect d, const char *t)
{
    if (d != SQL_DUCKDB) {
        number_shape(b, d, t);
        return;
    }
    prt_buf_puts(b, "(");   /* TRY_CAST: digits too many for a double are NULL, not an error */
    number_shape(b, d, t);
    prt_buf_printf(b, " AND TRY_CAST(%s AS DOUBLE) IS NOT NULL)", t);
}

void sql_to_number(prt_buf *b, SqlDialect d, const char *t)
{
    /* the shape alone: DuckDB's TRY_CAST is already NULL out of range */
    prt_buf_puts(b, "CASE WHEN ");
    number_shape(b, d, t);
    prt_buf_printf(b, " THEN %s(%s AS %s) END", d == SQL_DUCKDB ? "TRY_CAST" : "CAST", t, sql_type_real(d));
}

void sql_round(prt_buf *b, const char *x)
{
    /* x - floor(x) is exact for a double, so the half is decided as C's round() decides it */
    prt_buf_printf(b,
                   "(CASE WHEN %s >= 0 THEN floor(%s) + CASE WHEN %s - floor(%s) >= 0.5 THEN 1 ELSE 0 END "
                   "ELSE -(floor(-%s) + CASE WHEN -%s - floor(-%s) >= 0.5 THEN 1 ELSE 0 END) END)",
                   x, x, x, x, x, x, x);
}

void sql_fenced(prt_buf *b, SqlDialect d, const char *view, const char *alias, const char *fence)
{
    if (d != SQL_POSTGRES)
        prt_buf_printf(b, "%s %s", view, alias);
    else
        prt_buf_printf(b, "(SELECT v.*, ROW_NUMBER() OVER (PARTITION BY v.report_period, v.ix) AS %s FROM %s v) %s", fence, view,
                       alias);
}

void sql_lower_ascii(prt_buf *b, SqlDialect d, const char *x)
{
    if (d == SQL_SQLITE)   /* SQLite's lower() folds ASCII only (without ICU) */
        prt_buf_printf(b, "lower(%s)", x);
    else
        prt_buf_printf(b, "translate(%s, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')", x);
}

void sql_drop_view(prt_buf *b, SqlDialect d, const char *name)
{
    (void)d;   /* views are dropped dependants first, so none needs CASCADE */
    prt_buf_printf(b, "DROP VIEW IF EXISTS %s;\n", name);
}

void sql_drop_table(prt_buf *b, const char *name) { prt_buf_printf(b, "DROP TABLE IF EXISTS %s;\n", name); }

void sql_real_text(prt_buf *b, SqlDialect d, const char *x)
{
    if (d == SQL_SQLITE)
        prt_buf_printf(b, "printf('%%!.17g', %s)", x);   /* '!': all 17 digits, not 16 */
    else   /* both print the shortest text that reads back exactly */
        prt_buf_printf(b, "CAST(%s AS %s)", x, sql_type_text(d));
}
