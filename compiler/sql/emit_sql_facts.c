/* The SQL back end's tables of facts: what planc knows when it compiles, worked out with the
 * runtime's own functions (prt_target_in_force, prt_result_period, prt_indicator_due,
 * prt_tolerance_for, prt_format_value), so the views that rate with them cannot disagree with it. */
#include "emit_sql_parts.h"
#include "rate_parts.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- rows of values ---- */

enum { ROWS_PER_INSERT = 400 };

void sql_rows_start(SqlOut *o, const char *insert)
{
    o->insert = insert;
    o->rows = 0;
}

void sql_row_begin(SqlOut *o)
{
    if (o->rows == ROWS_PER_INSERT) {
        prt_buf_puts(o->b, ";\n");
        o->rows = 0;
    }
    prt_buf_puts(o->b, o->rows == 0 ? o->insert : ",");
    prt_buf_puts(o->b, o->rows == 0 ? "\n  (" : "\n  (");
    o->rows++;
}

void sql_rows_end(SqlOut *o)
{
    if (o->rows)
        prt_buf_puts(o->b, ";\n");
    o->rows = 0;
}

static void sep(SqlOut *o, bool first) { prt_buf_puts(o->b, first ? "" : ", "); }

void sql_val_text(SqlOut *o, const char *s, bool first)
{
    sep(o, first);
    sql_string(o->b, s);
}

void sql_val_num(SqlOut *o, double v, bool first)
{
    sep(o, first);
    sql_number(o->b, o->d, v);
}

void sql_val_int(SqlOut *o, long v, bool first)
{
    sep(o, first);
    prt_buf_printf(o->b, "%ld", v);
}

void sql_val_null(SqlOut *o, bool first)
{
    sep(o, first);
    prt_buf_puts(o->b, "NULL");
}

static void row_end(SqlOut *o) { prt_buf_putc(o->b, ')'); }

/* ---- the plan: indicators, names, bands ---- */

static const char *period_text(prt_period p, char *buf, size_t size) { return prt_period_format(p, buf, size); }

static void indicators(SqlOut *o)
{
    const prt_plan *plan = o->plan;
    sql_rows_start(o, "INSERT INTO plan_indicators (ix, ref, id, name, pillar, theme, theme_ix, pillar_ix, polarity, "
                      "unit, decimals, frequency, arrears, scheme, scheme_ix, method, sign, dot_sign, print_factor, baseline, "
                      "unit_prefix, unit_suffix, grouped, format_scale) VALUES");
    for (int i = 0; i < plan->nindicators; i++) {
        const prt_indicator *in = &plan->indicators[i];
        const prt_theme *th = &plan->themes[in->theme];
        prt_polarity dir = in->polarity == PRT_POL_MONITOR ? in->direction : in->polarity;
        sql_row_begin(o);
        sql_val_int(o, i, true);
        sql_val_text(o, in->ref, false);
        sql_val_text(o, in->id, false);
        sql_val_text(o, in->name, false);
        sql_val_text(o, plan->pillars[th->pillar].name, false);
        sql_val_text(o, th->name, false);
        sql_val_int(o, in->theme, false);
        sql_val_int(o, th->pillar, false);
        sql_val_text(o, prt_polarity_words[in->polarity], false);
        sql_val_text(o, prt_unit_words[in->unit], false);
        sql_val_int(o, in->decimals, false);
        sql_val_text(o, prt_frequency_words[in->frequency], false);
        sql_val_int(o, in->arrears, false);
        if (in->scheme >= 0) {
            sql_val_text(o, plan->schemes[in->scheme].id, false);
            sql_val_int(o, in->scheme, false);
            sql_val_text(o, prt_method_words[plan->schemes[in->scheme].method], false);
        } else {
            sql_val_null(o, false);
            sql_val_null(o, false);
            sql_val_null(o, false);
        }
        sql_val_int(o, in->polarity == PRT_POL_SMALLER ? -1 : 1, false);
        sql_val_int(o, dir == PRT_POL_BIGGER ? 1 : dir == PRT_POL_SMALLER ? -1 : 0, false);
        /* prt_as_printed: to the printed decimals, else prt_settle's nine */
        sql_val_num(o, in->decimals < 0 ? 1e9 : pow(10, in->decimals), false);
        if (in->has_baseline)
            sql_val_num(o, in->baseline, false);
        else
            sql_val_null(o, false);
        /* prt_format_value's parts, for a figure the SQL formats (emit_sql_format.c) */
        sql_val_text(o, prt_unit_forms[in->unit].prefix, false);
        sql_val_text(o, prt_unit_forms[in->unit].suffix, false);
        sql_val_int(o, in->unit == PRT_UNIT_CURRENCY, false);
        sql_val_int(o, in->decimals < 0 ? 100 : (long)pow(10, in->decimals), false);
        row_end(o);
    }
    sql_rows_end(o);
}

/* A results row names its indicator by reference or identifier. */
static void indicator_names(SqlOut *o)
{
    sql_rows_start(o, "INSERT INTO plan_indicator_names (name, ix) VALUES");
    for (int i = 0; i < o->plan->nindicators; i++) {
        const prt_indicator *in = &o->plan->indicators[i];
        const char *names[2] = {in->ref, in->id};
        for (int k = 0; k < 2; k++)
            if (names[k] && !(k == 1 && in->ref && strcmp(in->ref, in->id) == 0)) {
                sql_row_begin(o);
                sql_val_text(o, names[k], true);
                sql_val_int(o, i, false);
                row_end(o);
            }
    }
    sql_rows_end(o);
}

static void band_name(SqlOut *o, int s, int b, const char *name, int folded)
{
    prt_buf low = {0};
    for (const char *c = name; *c; c++)
        prt_buf_putc(&low, *c >= 'A' && *c <= 'Z' ? (char)(*c + 32) : *c);
    sql_row_begin(o);
    sql_val_int(o, s, true);
    sql_val_text(o, folded ? prt_buf_str(&low) : name, false);
    sql_val_int(o, folded, false);
    sql_val_int(o, b, false);
    row_end(o);
    prt_buf_free(&low);
}

static void bands(SqlOut *o)
{
    const prt_plan *plan = o->plan;
    sql_rows_start(o, "INSERT INTO plan_bands (scheme_ix, scheme, method, band_ix, id, label, abbrev, threshold, "
                      "otherwise, on_target, last_band) VALUES");
    for (int s = 0; s < plan->nschemes; s++) {
        const prt_scheme *sc = &plan->schemes[s];
        for (int b = 0; b < sc->nbands; b++) {
            const prt_band *band = &sc->bands[b];
            sql_row_begin(o);
            sql_val_int(o, s, true);
            sql_val_text(o, sc->id, false);
            sql_val_text(o, prt_method_words[sc->method], false);
            sql_val_int(o, b, false);
            sql_val_text(o, band->id, false);
            sql_val_text(o, band->label, false);
            sql_val_text(o, band->abbrev, false);
            sql_val_num(o, band->threshold, false);
            sql_val_int(o, band->otherwise, false);
            sql_val_int(o, prt_band_on_target(sc, b), false);
            sql_val_int(o, b == sc->nbands - 1, false);
            row_end(o);
        }
    }
    sql_rows_end(o);
    /* prt_scheme_find_band: an override names a band by identifier or abbreviation as written (0),
     * else by identifier, abbreviation or label in any case (1) */
    sql_rows_start(o, "INSERT INTO plan_band_names (scheme_ix, name, folded, band_ix) VALUES");
    for (int s = 0; s < plan->nschemes; s++)
        for (int b = 0; b < plan->schemes[s].nbands; b++) {
            const prt_band *band = &plan->schemes[s].bands[b];
            for (int folded = 0; folded < 2; folded++) {
                band_name(o, s, b, band->id, folded);
                if (band->abbrev)
                    band_name(o, s, b, band->abbrev, folded);
                if (folded && band->label)
                    band_name(o, s, b, band->label, folded);
            }
        }
    sql_rows_end(o);
}

/* A result the plan itself records. */
static void plan_results(SqlOut *o)
{
    char per[32];
    sql_rows_start(o, "INSERT INTO plan_results (ix, period, status, value, lower, upper) VALUES");
    for (int i = 0; i < o->plan->nindicators; i++) {
        const prt_indicator *in = &o->plan->indicators[i];
        for (int k = 0; k < in->nresults; k++) {
            const prt_plan_result *pr = &in->results[k];
            sql_row_begin(o);
            sql_val_int(o, i, true);
            sql_val_text(o, period_text(pr->period, per, sizeof per), false);
            sql_val_text(o, pr->status == PRT_RESULT_VALUE ? "value" : prt_result_status_texts[pr->status], false);
            if (pr->status == PRT_RESULT_VALUE)
                sql_val_num(o, pr->value, false);
            else
                sql_val_null(o, false);
            if (pr->has_interval) {
                sql_val_num(o, pr->lower, false);
                sql_val_num(o, pr->upper, false);
            } else {
                sql_val_null(o, false);
                sql_val_null(o, false);
            }
            row_end(o);
        }
    }
    sql_rows_end(o);
}

/* ---- periods: what a report for each period rates, and the target in force then ---- */

/* Every period a report can be for, within the plan's years: the year, its halves, quarters, months. */
int sql_report_periods(const prt_plan *plan, prt_period **out)
{
    int years = plan->last_year - plan->first_year + 1, n = 0;
    prt_period *p = prt_xcalloc((size_t)(years > 0 ? years : 1) * 19, sizeof *p);
    for (int y = plan->first_year; y <= plan->last_year; y++) {
        static const struct {
            prt_period_kind kind;
            int parts;
        } kinds[] = {{PRT_YEAR, 0}, {PRT_HALF, 2}, {PRT_QUARTER, 4}, {PRT_MONTH, 12}};
        for (int k = 0; k < 4; k++)
            for (int i = kinds[k].parts ? 1 : 0; i <= kinds[k].parts; i++)
                p[n++] = (prt_period){(short)y, (unsigned char)kinds[k].kind, (unsigned char)i};
    }
    *out = p;
    return n;
}

/* ---- the tables ---- */

/* Each table with what it holds; the types are the dialect's. */
static void create_tables(SqlOut *o)
{
    const char *r = sql_type_real(o->d), *t = sql_type_text(o->d), *n = sql_type_int(o->d);
    prt_buf_printf(o->b,
        "-- The plan's indicators: where each sits, which way is better (sign: +1 bigger, -1 smaller;\n"
        "-- dot_sign: the same for the direction of travel, 0 none), how figures are printed\n"
        "-- (print_factor: 10^decimals, 1e9 when not given) and the baseline; how the SQL formats a figure\n"
        "-- (the unit's prefix and suffix, thousands commas when grouped, format_scale: 10^decimals, 100 when\n"
        "-- not given: two decimals at most, trailing zeros dropped).\n"
        "CREATE TABLE plan_indicators (ix %s PRIMARY KEY, ref %s, id %s, name %s, pillar %s, theme %s, theme_ix %s,\n"
        "  pillar_ix %s, polarity %s, unit %s, decimals %s, frequency %s, arrears %s, scheme %s, scheme_ix %s,\n"
        "  method %s, sign %s, dot_sign %s, print_factor %s, baseline %s, unit_prefix %s, unit_suffix %s,\n"
        "  grouped %s, format_scale %s);\n\n",
        n, t, t, t, t, t, n, n, t, t, n, t, n, t, n, t, n, n, r, r, t, t, n, n);
    prt_buf_printf(o->b,
        "-- The names a results row may give an indicator by: its reference and its identifier.\n"
        "CREATE TABLE plan_indicator_names (name %s, ix %s);\n\n", t, n);
    prt_buf_printf(o->b,
        "-- The rating schemes' bands, best first: the edge (threshold: at N%% or within N pts), whether it\n"
        "-- takes every figure left (otherwise), whether it is on target, whether it is the last.\n"
        "CREATE TABLE plan_bands (scheme_ix %s, scheme %s, method %s, band_ix %s, id %s, label %s, abbrev %s,\n"
        "  threshold %s, otherwise %s, on_target %s, last_band %s, PRIMARY KEY (scheme_ix, band_ix));\n\n",
        n, t, t, n, t, t, t, r, n, n, n);
    prt_buf_printf(o->b,
        "-- The names an override may give a band by: exactly (folded 0), or in any case (folded 1, lower case).\n"
        "CREATE TABLE plan_band_names (scheme_ix %s, name %s, folded %s, band_ix %s);\n\n", n, t, n, n);
    prt_buf_printf(o->b,
        "-- Results the plan itself records (status 'value', 'Not available' or 'Not yet available'), with\n"
        "-- their confidence interval when the plan gives one.\n"
        "CREATE TABLE plan_results (ix %s, period %s, status %s, value %s, lower %s, upper %s);\n\n", n, t, t, r, r, r);
    sql_period_tables(o);
}

void sql_emit_facts(SqlOut *o)
{
    create_tables(o);
    prt_buf_puts(o->b, "-- ---- what planc knows: the plan's facts ----\n");
    indicators(o);
    indicator_names(o);
    bands(o);
    plan_results(o);
    sql_period_facts(o);
    prt_buf_puts(o->b, "\n");
}
