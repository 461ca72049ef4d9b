/* The pieces of the report written as a workbook (xlsx_report*.c): the workbook being written, its
 * cell formats, and the writing of one cell.  The workbook says what the other formats say: its cells
 * come from runtime/report's shared cell texts (report_cells.h, report_delivery.h). */
#ifndef PLANRT_XLSX_REPORT_H
#define PLANRT_XLSX_REPORT_H

#include "palette.h"
#include "report_layout.h"
#include "xlsx.h"

/* A number format asked for: the unit's prefix and suffix (prt_unit_forms), thousands grouped or not,
 * the decimals shown, and the fill of a band (NULL: none).  Formats are made once and reused. */
typedef struct XrNumberStyle {
    prt_unit_kind unit;
    bool grouped;
    int decimals;
    const prt_colour *fill;
} XrNumberStyle;

typedef struct XrFormatCache XrFormatCache;   /* xlsx_report_formats.c */

/* The report being written: the workbook, its formats, the names of its sheets. */
typedef struct XReport {
    const prt_history *h;
    Layout L;                       /* the indicators and activities grouped, built once */
    lxw_workbook *wb;
    prt_xlsx_names names;
    lxw_format *title, *heading, *header, *text, *wrap, *exception, *date;
    XrFormatCache *cache;
    prt_buf cell;                   /* scratch for a cell's text */
    lxw_error failed;               /* the first write that failed (then the workbook is not written) */
} XReport;

/* ---- formats and cells (xlsx_report_formats.c) ---- */

void xr_formats_make(XReport *x);
void xr_formats_free(XReport *x);
/* The format of a cell coloured as band colour c (its fill and the text colour that reads on it),
 * text or (num not NULL) a number in num's style. */
lxw_format *xr_band_format(XReport *x, const prt_colour *c);
lxw_format *xr_number_format(XReport *x, const XrNumberStyle *num);
/* The number style of an indicator's values: its unit, its decimals, or (decimals < 0, as given) the
 * decimals the reports print v with (at most two, trailing zeros dropped). */
XrNumberStyle xr_indicator_style(const prt_indicator *in, double v);
/* The format of a share as the summaries print it ("63% (41)"): the cell holds the count (41). */
lxw_format *xr_share_format(XReport *x, int percent);

/* Writes s as a string, never a formula (NULL and "" leave the cell blank, with fmt when given): cut
 * to what an Excel cell holds (32,767 UTF-16 units) at a character's start, then "…"; a literal
 * "_xHHHH_" kept literal (Excel reads it as an escaped character). */
void xr_string(XReport *x, lxw_worksheet *ws, int row, int col, const char *s, lxw_format *fmt);
/* Records err when it is the first failure (the report then says it and writes nothing). */
void xr_check(XReport *x, lxw_error err);
void xr_number(XReport *x, lxw_worksheet *ws, int row, int col, double v, lxw_format *fmt);
/* A day (yyyymmdd) as a date cell, blank for 0. */
void xr_date(XReport *x, lxw_worksheet *ws, int row, int col, int yyyymmdd);
/* A table's header row (row 0), frozen with the first `frozen_cols` columns, widths as given. */
void xr_table_header(XReport *x, lxw_worksheet *ws, const char *const *heads, const double *widths, int n,
                     int frozen_cols);

/* ---- the sheets ---- */

void xr_summary_sheet(XReport *x);                 /* xlsx_report_summary.c */
void xr_pillar_sheet(XReport *x, int pillar);      /* xlsx_report_pillar.c */
void xr_delivery_sheet(XReport *x);                /* xlsx_report_delivery.c */

#endif
