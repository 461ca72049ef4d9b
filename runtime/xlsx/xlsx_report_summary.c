/* The report workbook's first sheet, "Summary": the plan, the period, when the report was produced
 * and on what basis, then the summary table (per pillar and in total) and the delivery summary, in
 * the words and figures of the other formats (report_cells.h). */
#include "xlsx_report.h"

#include <stdlib.h>
#include <string.h>

/* The runtime's texts unchanged: a workbook's strings need no escaping of ours (libxlsxwriter writes
 * the XML). */
static void as_is(prt_buf *b, const char *s) { prt_buf_puts(b, s ? s : ""); }

/* Each line of text (ended by '\n' or its end) in a row of its own, from *row on. */
static void lines(XReport *x, lxw_worksheet *ws, int *row, const char *text, lxw_format *fmt)
{
    prt_buf line = {0};
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        prt_buf_clear(&line);
        prt_buf_add(&line, p, len);
        xr_string(x, ws, (*row)++, 0, prt_buf_str(&line), fmt);
        p += len + (nl != NULL);
    }
    prt_buf_free(&line);
}

/* The title lines: the plan, its organisation, the period, the ratings' basis, when the report was
 * produced from which plan, and whether figures are provisional. */
static void title(XReport *x, lxw_worksheet *ws, int *row)
{
    const prt_history *h = x->h;
    const prt_plan *plan = h->plan;
    xr_string(x, ws, (*row)++, 0, plan->name ? plan->name : "Plan", x->title);
    if (plan->organisation)
        xr_string(x, ws, (*row)++, 0, plan->organisation, NULL);
    prt_buf b = {0};
    prt_buf_puts(&b, "Performance for ");
    rpt_period_line(&b, h);
    prt_buf_putc(&b, '\n');
    prt_buf_puts(&b, prt_ratings_basis_text(h->basis));
    prt_buf_putc(&b, '\n');
    rpt_header_lines(&b, h, as_is);
    lines(x, ws, row, prt_buf_str(&b), NULL);
    prt_buf_free(&b);
}

/* A summary cell: a count as a number; a share ("63% (41)") as its count, shown as the share. */
static void summary_cell(XReport *x, lxw_worksheet *ws, int row, int col, const char *text, lxw_format *count)
{
    int pct, n, used = 0;
    if (sscanf(text, "%d%% (%d)%n", &pct, &n, &used) == 2 && text[used] == '\0')
        xr_number(x, ws, row, col, n, xr_share_format(x, pct));
    else if (text[0] && strspn(text, "0123456789") == strlen(text))
        xr_number(x, ws, row, col, atof(text), count);
    else
        xr_string(x, ws, row, col, text, NULL);
}

/* The summary table: a row per pillar, then the total. */
static void summary_table(XReport *x, lxw_worksheet *ws, int *row)
{
    const prt_evaluation *ev = prt_history_last(x->h);
    const prt_plan *plan = ev->plan;
    XrNumberStyle plain = {.unit = PRT_UNIT_COUNT, .grouped = true};
    lxw_format *count = xr_number_format(x, &plain);
    const char *head[RPT_MAX_COLS];
    int nc = rpt_summary_header(ev, head);
    for (int c = 0; c < nc; c++)
        xr_string(x, ws, *row, c, head[c], x->header);
    ++*row;
    RptSummaryRow sr;
    for (int p = 0; p <= plan->npillars; p++, ++*row) {
        int n = rpt_summary_row(ev, p < plan->npillars ? plan->pillars[p].name : "Total",
                                p < plan->npillars ? &ev->pillar_counts[p] : &ev->total, &sr);
        xr_string(x, ws, *row, 0, sr.cell[0], p < plan->npillars ? x->text : x->heading);
        for (int c = 1; c < n; c++)
            summary_cell(x, ws, *row, c, sr.cell[c], count);
    }
}

/* The sentences under the table: the totals, and with a history the change since the period before. */
static void totals(XReport *x, lxw_worksheet *ws, int *row)
{
    const prt_evaluation *ev = prt_history_last(x->h);
    const prt_counts *k = &ev->total;
    prt_buf b = {0};
    prt_buf_printf(&b, "%d indicators reported; %d rated: %d%% (%d) on or above target, %d%% (%d) below target; "
                       "%d with a direction of travel: %d%% (%d) improved or same, %d%% (%d) worsened.\n",
                   k->reported, k->rated, rpt_pct(k->on_target, k->rated), k->on_target,
                   rpt_pct(k->below_target, k->rated), k->below_target, k->with_dot,
                   rpt_pct(k->improved_same, k->with_dot), k->improved_same, rpt_pct(k->worsened, k->with_dot),
                   k->worsened);
    if (x->h->n > 1) {
        rpt_change_line(&b, x->h->ev[x->h->n - 2], ev, as_is);
        prt_buf_puts(&b, ".\n");
    }
    lines(x, ws, row, prt_buf_str(&b), NULL);
    prt_buf_free(&b);
}

/* The delivery summary: a row per pillar and the total, the count in each band of the plan's default
 * delivery scheme (in the band's colour) and the delivery line. */
static void delivery_table(XReport *x, lxw_worksheet *ws, int *row)
{
    const prt_evaluation *ev = prt_history_last(x->h);
    const prt_plan *plan = ev->plan;
    const prt_delivery_scheme *s = rpt_delivery_summary_scheme(plan);
    XrNumberStyle plain = {.unit = PRT_UNIT_COUNT, .grouped = true};
    const char *head[RPT_DELIVERY_COLS];
    int nc = rpt_delivery_summary_header(plan, head);
    xr_string(x, ws, (*row)++, 0, "Delivery", x->heading);
    for (int c = 0; c < nc; c++) {
        bool band = s && c >= 1 && c - 1 < s->nbands;
        xr_string(x, ws, *row, c, head[c], band ? xr_band_format(x, prt_palette_delivery(s, c - 1)) : x->header);
    }
    ++*row;
    RptDeliveryRow dr = {0};
    for (int p = 0; p <= plan->npillars; p++, ++*row) {
        int n = rpt_delivery_summary_row(plan, p < plan->npillars ? plan->pillars[p].name : "Total",
                                         p < plan->npillars ? &ev->pillar_delivery[p] : &ev->delivery_total, &dr);
        xr_string(x, ws, *row, 0, dr.cell[0], p < plan->npillars ? x->text : x->heading);
        for (int c = 1; c < n; c++)
            summary_cell(x, ws, *row, c, dr.cell[c], xr_number_format(x, &plain));
    }
    prt_buf_free(&dr.line);
}

void xr_summary_sheet(XReport *x)
{
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, prt_xlsx_sheet_name(&x->names, "Summary"));
    worksheet_set_column(ws, 0, 0, 34, NULL);
    worksheet_set_column(ws, 1, RPT_MAX_COLS, 14, NULL);
    int row = 0;
    title(x, ws, &row);
    row++;
    xr_string(x, ws, row++, 0, "Summary", x->heading);
    summary_table(x, ws, &row);
    row++;
    totals(x, ws, &row);
    if (x->h->plan->nactivities) {
        row++;
        delivery_table(x, ws, &row);
    }
}
