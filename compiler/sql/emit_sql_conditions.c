/* Band conditions in the SQL back end (`if improving or same`, `if not forecast met`: docs/rating.md,
 * "Bands with a condition"; runtime/condition.c): each band's condition as a row of
 * plan_band_conditions, and the SQL test of whether it holds, which the band search of rating_bands
 * adds to each band's edge.  The short-term direction (`against previous`) is refused (E090). */
#include "emit_sql_parts.h"

void sql_emit_condition_facts(SqlOut *o)
{
    const char *t = sql_type_text(o->d), *n = sql_type_int(o->d);
    prt_buf_printf(o->b,
        "-- The bands' conditions (`if ...`): kind 'direction' (the directions written: improving, same,\n"
        "-- worsening 1 or 0) or 'forecast' (the year-end forecast meets the annual target); negated 1 for\n"
        "-- `not`.  A band without a row has no condition.\n"
        "CREATE TABLE plan_band_conditions (scheme_ix %s, band_ix %s, kind %s, improving %s, same %s, worsening %s,\n"
        "  negated %s, PRIMARY KEY (scheme_ix, band_ix));\n",
        n, n, t, n, n, n, n);
    sql_rows_start(o, "INSERT INTO plan_band_conditions (scheme_ix, band_ix, kind, improving, same, worsening, negated) VALUES");
    for (int s = 0; s < o->plan->nschemes; s++)
        for (int b = 0; b < o->plan->schemes[s].nbands; b++) {
            const prt_condition *c = &o->plan->schemes[s].bands[b].cond;
            if (c->kind == PRT_COND_NONE)
                continue;
            sql_row_begin(o);
            sql_val_int(o, s, true);
            sql_val_int(o, b, false);
            sql_val_text(o, c->kind == PRT_COND_FORECAST ? "forecast" : "direction", false);
            sql_val_int(o, (c->dirs >> PRT_DOT_IMPROVING) & 1u, false);
            sql_val_int(o, (c->dirs >> PRT_DOT_SAME) & 1u, false);
            sql_val_int(o, (c->dirs >> PRT_DOT_WORSENING) & 1u, false);
            sql_val_int(o, c->negated, false);
            prt_buf_putc(o->b, ')');
        }
    sql_rows_end(o);
    prt_buf_puts(o->b, "\n");
}

/* prt_condition_holds: no condition; else the figure it asks about must exist (a direction of travel,
 * a forecast), under `not` as well, and be one written (or, negated, one not written). */
void sql_condition_holds(prt_buf *b, const char *cond, const char *row)
{
    prt_buf_printf(b,
        "(%s.kind IS NULL\n"
        "        OR (%s.kind = 'forecast' AND %s.forecast_met IS NOT NULL AND %s.forecast_met <> %s.negated)\n"
        "        OR (%s.kind = 'direction' AND %s.dot IN ('Improving', 'Same', 'Worsening') AND\n"
        "          CASE %s.dot WHEN 'Improving' THEN %s.improving WHEN 'Same' THEN %s.same ELSE %s.worsening END <> %s.negated))",
        cond, cond, row, row, cond, cond, row, row, cond, cond, cond, cond);
}
