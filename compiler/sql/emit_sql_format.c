/* A figure formatted in SQL as prt_format_value formats it (the indicator's decimals, else at most
 * two with trailing zeros dropped; the unit's prefix and suffix; thousands commas for money), for the
 * texts whose number is known only from the results: a maintained target that is last year's result.
 * Digits are made from whole numbers (engines print doubles differently, integers alike). */
#include "emit_sql_format.h"

/* Whole-number text of the (integral) double e. */
static void int_text(prt_buf *b, SqlDialect d, const char *e)
{
    prt_buf_printf(b, "CAST(CAST(%s AS BIGINT) AS %s)", e, sql_type_text(d));
}

/* The integral double e (0 <= e < 10^digits) as exactly `digits` digits, leading zeros kept. */
static void padded(prt_buf *b, SqlDialect d, const char *e, const char *scale)
{
    prt_buf x = {0};
    prt_buf_printf(&x, "(%s + %s)", scale, e);
    prt_buf_puts(b, "substr(");
    int_text(b, d, prt_buf_str(&x));
    prt_buf_puts(b, ", 2)");
    prt_buf_free(&x);
}

/* The group of three digits of the integral double w below 10^(3*(k+1)) and at or above 10^(3*k). */
static void group(prt_buf *b, SqlDialect d, const char *w, int k, bool first)
{
    prt_buf x = {0};
    if (first)
        prt_buf_printf(&x, "floor(%s / 1e%d)", w, 3 * k);
    else
        prt_buf_printf(&x, "(floor(%s / 1e%d) - floor(%s / 1e%d) * 1e3)", w, 3 * k, w, 3 * k + 3);
    if (first)
        int_text(b, d, prt_buf_str(&x));
    else
        padded(b, d, prt_buf_str(&x), "1000");
    prt_buf_free(&x);
}

/* The whole part w, with a comma between each three digits when grouped; NULL at or above 10^15,
 * beyond which a double no longer holds every digit (never a wrong text). */
static void whole_text(prt_buf *b, SqlDialect d, const char *w, const char *grouped)
{
    prt_buf_printf(b, "CASE WHEN %s = 0 OR %s < 1e3 THEN ", grouped, w);
    int_text(b, d, w);
    for (int groups = 2; groups <= 5; groups++) {
        prt_buf_printf(b, " WHEN %s < 1e%d THEN ", w, 3 * groups);
        for (int k = groups - 1; k >= 0; k--) {
            group(b, d, w, k, k == groups - 1);
            if (k)
                prt_buf_puts(b, " || ',' || ");
        }
    }
    prt_buf_puts(b, " END");
}

/* Veltkamp's split of the double a into a high half (hi 1) and the rest (hi 0), each exact. */
static void split(prt_buf *b, SqlDialect d, const char *a, bool hi)
{
    prt_buf c = {0};
    prt_buf_puts(&c, "(");
    sql_number(&c, d, 134217729.0);   /* 2^27 + 1 */
    prt_buf_printf(&c, " * %s)", a);
    if (hi)
        prt_buf_printf(b, "(%s - (%s - %s))", prt_buf_str(&c), prt_buf_str(&c), a);
    else
        prt_buf_printf(b, "(%s - (%s - (%s - %s)))", a, prt_buf_str(&c), prt_buf_str(&c), a);
    prt_buf_free(&c);
}

/* |x| * scale rounded to a whole number as printf rounds the exact binary value: when the double
 * product lands exactly on a half, Dekker's product error says which side the exact product is on,
 * and an exact half goes to the even neighbour (glibc's printf). */
static void printf_round(prt_buf *b, SqlDialect d, const char *a, const char *s)
{
    prt_buf y = {0}, ah = {0}, al = {0}, sh = {0}, sl = {0};
    prt_buf_printf(&y, "(%s * %s)", a, s);
    split(&ah, d, a, true);
    split(&al, d, a, false);
    split(&sh, d, s, true);
    split(&sl, d, s, false);
    const char *Y = prt_buf_str(&y);
    prt_buf_printf(b, "(floor(%s) + CASE WHEN %s - floor(%s) > 0.5 THEN 1 WHEN %s - floor(%s) < 0.5 THEN 0\n", Y, Y, Y, Y, Y);
    prt_buf_printf(b, "      WHEN (((%s * %s - %s) + %s * %s + %s * %s) + %s * %s) > 0 THEN 1\n", prt_buf_str(&ah),
                   prt_buf_str(&sh), Y, prt_buf_str(&ah), prt_buf_str(&sl), prt_buf_str(&al), prt_buf_str(&sh),
                   prt_buf_str(&al), prt_buf_str(&sl));
    prt_buf_printf(b, "      WHEN (((%s * %s - %s) + %s * %s + %s * %s) + %s * %s) < 0 THEN 0\n", prt_buf_str(&ah),
                   prt_buf_str(&sh), Y, prt_buf_str(&ah), prt_buf_str(&sl), prt_buf_str(&al), prt_buf_str(&sh),
                   prt_buf_str(&al), prt_buf_str(&sl));
    prt_buf_printf(b, "      WHEN floor(%s) - 2 * floor(floor(%s) / 2) = 1 THEN 1 ELSE 0 END)", Y, Y);
    prt_buf_free(&y);
    prt_buf_free(&ah);
    prt_buf_free(&al);
    prt_buf_free(&sh);
    prt_buf_free(&sl);
}

/* The text of x given n, |x| * format_scale rounded to a whole number (a column or a variable, so that
 * the rounding is written once): the indicator's columns are `in`.format_scale and the rest. */
static void format_from_whole(prt_buf *b, SqlDialect d, const char *x, const char *n, const char *in)
{
    prt_buf w = {0}, f = {0}, grouped = {0};
    prt_buf_printf(&w, "floor(%s / %s.format_scale)", n, in);
    prt_buf_printf(&f, "(%s - %s * %s.format_scale)", n, prt_buf_str(&w), in);
    prt_buf_printf(&grouped, "%s.grouped", in);
    /* rpt_number: "-0" becomes "0"; "-0.0" keeps its sign */
    prt_buf_printf(b, "(CASE WHEN %s IS NULL THEN NULL ELSE CASE WHEN %s < 0 AND (%s > 0 OR %s.decimals >= 1) THEN '-' ELSE '' END"
                      " || %s.unit_prefix || ",
                   x, x, n, in, in);
    whole_text(b, d, prt_buf_str(&w), prt_buf_str(&grouped));
    prt_buf_printf(b, " || CASE WHEN %s.format_scale = 1 THEN ''\n    WHEN %s.decimals >= 0 THEN '.' || ", in, in);
    prt_buf scale = {0};
    prt_buf_printf(&scale, "%s.format_scale", in);
    padded(b, d, prt_buf_str(&f), prt_buf_str(&scale));
    prt_buf_free(&scale);
    prt_buf_printf(b, "\n    WHEN %s = 0 THEN '' WHEN %s - floor(%s / 10) * 10 = 0 THEN '.' || ", prt_buf_str(&f), prt_buf_str(&f),
                   prt_buf_str(&f));
    prt_buf x10 = {0};
    prt_buf_printf(&x10, "floor(%s / 10)", prt_buf_str(&f));
    int_text(b, d, prt_buf_str(&x10));
    prt_buf_puts(b, " ELSE '.' || ");
    padded(b, d, prt_buf_str(&f), "100");
    prt_buf_printf(b, " END || %s.unit_suffix END)", in);
    prt_buf_free(&x10);
    prt_buf_free(&w);
    prt_buf_free(&f);
    prt_buf_free(&grouped);
}

/* |x| * in.format_scale rounded as printf rounds it. */
static void whole_of(prt_buf *b, SqlDialect d, const char *x, const char *in)
{
    prt_buf arg = {0}, scale_real = {0};
    prt_buf_printf(&arg, "abs(%s)", x);
    prt_buf_printf(&scale_real, "CAST(%s.format_scale AS %s)", in, sql_type_real(d));
    printf_round(b, d, prt_buf_str(&arg), prt_buf_str(&scale_real));
    prt_buf_free(&arg);
    prt_buf_free(&scale_real);
}

void sql_format_value(prt_buf *b, SqlDialect d, const char *x, const char *in)
{
    if (d == SQL_POSTGRES) {   /* the function sql_format_function makes */
        prt_buf_printf(b, "plan_format_value(%s, %s.decimals, %s.grouped, %s.format_scale, %s.unit_prefix, %s.unit_suffix)", x, in,
                       in, in, in, in);
        return;
    }
    /* written out: the whole number is named about twenty times, each a copy of the rounding, which
     * DuckDB and SQLite evaluate once per row that is formatted */
    prt_buf n = {0};
    whole_of(&n, d, x, in);
    format_from_whole(b, d, x, prt_buf_str(&n), in);
    prt_buf_free(&n);
}

void sql_format_function(prt_buf *b, SqlDialect d)
{
    if (d != SQL_POSTGRES)
        return;
    /* PostgreSQL puts a view's expressions into the query that reads it, and compiles each (JIT)
     * when the query is large: written out, the formatting of one figure is 100 KB of expression,
     * which took 27 s of JIT compilation for 10^6 result rows.  A PL/pgSQL function rounds once. */
    const char *in = "plan_format_value";
    prt_buf_puts(b, "\n-- A figure as the reports print it (prt_format_value), for the views' texts.\n"
                    "CREATE FUNCTION plan_format_value(x double precision, decimals integer, grouped integer, format_scale integer,\n"
                    "  unit_prefix text, unit_suffix text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $body$\n"
                    "DECLARE n double precision;\nBEGIN\n  IF x IS NULL THEN RETURN NULL; END IF;\n  n := ");
    whole_of(b, d, "x", in);
    prt_buf_puts(b, ";\n  RETURN ");
    format_from_whole(b, d, "x", "n", in);
    prt_buf_puts(b, ";\nEND\n$body$;\n");
}

void sql_drop_format_function(prt_buf *b, SqlDialect d)
{
    if (d == SQL_POSTGRES)
        prt_buf_puts(b, "DROP FUNCTION IF EXISTS plan_format_value(double precision, integer, integer, integer, text, text);\n");
}
