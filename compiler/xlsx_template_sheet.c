/* A data sheet of planc template's workbook: the header on row 1 (the results columns), a row per
 * indicator, input, activity or milestone with its reference cells locked and shaded and its input
 * cells open, the checks on them, widths that fit the text, the header and the first two columns
 * frozen, an autofilter, and the sheet protected (no password: it guards against slips, not people). */
#include "xlsx_template_parts.h"

#include <string.h>

const char *const xt_column_names[XC_NCOLS] = {
    "ref", "indicator", "period", "unit", "target", "value", "override", "reason", "comment", "provisional",
    "status", "impact", "completed",
};

int xt_ncols(const XlsxTemplate *t) { return t->rows->delivery ? XC_NCOLS : XC_STATUS; }

/* The width of each column: its longest text (in characters), within a range that keeps the sheet
 * readable; the input columns as wide as their header or what is typed in them is likely to be. */
static void set_widths(lxw_worksheet *ws, const XlsxTemplate *t, const TemplateRow *const *rows, size_t n)
{
    static const double min_width[XC_NCOLS] = {8, 24, 11, 8, 10, 12, 10, 30, 40, 11, 12, 9, 12};
    double width[XC_NCOLS];
    memcpy(width, min_width, sizeof width);
    for (size_t i = 0; i < n; i++)
        for (int c = 0; c < TPL_NCELLS; c++) {
            double chars = 0;
            for (const char *s = rows[i]->cells[c]; *s; s++)
                chars += ((unsigned char)*s & 0xC0) != 0x80;
            if (chars + 2 > width[c])
                width[c] = chars + 2;
        }
    for (int c = 0; c < xt_ncols(t); c++)
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, width[c] > 60 ? 60 : width[c], NULL);
}

/* One row: the reference cells as strings, the input cells empty and open (or locked and shaded
 * where the column means nothing for the row), then its checks. */
static void write_row(XtWriter *w, lxw_worksheet *ws, lxw_row_t at, const TemplateRow *r)
{
    for (int c = 0; c < TPL_NCELLS; c++)
        xt_string(w, ws, at, (lxw_col_t)c, r->cells[c], w->ref);
    for (int c = XC_VALUE; c < xt_ncols(w->t); c++) {
        lxw_format *f = !xt_input_cell(w->t, r, c) ? w->locked : c == XC_COMPLETED ? w->input_date : w->input;
        xt_note(w, worksheet_write_blank(ws, at, (lxw_col_t)c, f));
    }
    xt_row_checks(w, ws, at, r);
}

void xt_data_sheet(XtWriter *w, lxw_worksheet *ws, const TemplateRow *const *rows, size_t n)
{
    int ncols = xt_ncols(w->t);
    for (int c = 0; c < ncols; c++)
        xt_string(w, ws, 0, (lxw_col_t)c, xt_column_names[c], w->head);
    for (size_t i = 0; i < n; i++)
        write_row(w, ws, (lxw_row_t)(i + 1), rows[i]);
    set_widths(ws, w->t, rows, n);
    worksheet_freeze_panes(ws, 1, 2);
    xt_note(w, worksheet_autofilter(ws, 0, 0, (lxw_row_t)n, (lxw_col_t)(ncols - 1)));
    lxw_protection allow = {.format_cells = 1, .format_columns = 1, .format_rows = 1, .autofilter = 1};
    worksheet_protect(ws, NULL, &allow);
}
