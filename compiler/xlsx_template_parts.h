/* What the parts of planc template's workbook writer share (xlsx_template*.c): the columns of a data
 * sheet, the cell formats, the drop-down lists and the scratch text. */
#ifndef PLANC_XLSX_TEMPLATE_PARTS_H
#define PLANC_XLSX_TEMPLATE_PARTS_H

#include "xlsx.h"
#include "xlsx_template.h"

/* A data sheet's columns: the reference cells (the CSV template's first five), then what a service
 * fills in; the delivery columns only in a plan with activities.  The names are results columns. */
enum {
    XC_REF, XC_NAME, XC_PERIOD, XC_UNIT, XC_TARGET, XC_VALUE, XC_OVERRIDE, XC_REASON, XC_COMMENT, XC_PROVISIONAL,
    XC_STATUS, XC_IMPACT, XC_COMPLETED, XC_NCOLS
};
extern const char *const xt_column_names[XC_NCOLS];
/* How many columns a sheet has: the delivery columns only when there are activities. */
int xt_ncols(const XlsxTemplate *t);

/* A drop-down list: its words, written in the validation itself when they fit (Excel allows 255
 * characters, commas included, and no comma or quote inside a word), else a range of the hidden
 * Lists sheet. */
typedef struct XtList {
    const char **items;         /* malloc'd array; the words are the plan's or static */
    size_t n;
    bool literal;
    char *range;                /* "=Lists!$B$2:$B$6" (malloc'd) when not literal */
} XtList;

typedef struct XtWriter {
    const XlsxTemplate *t;
    lxw_workbook *wb;
    lxw_format *title, *bold, *wrap, *head, *ref, *locked, *input, *input_date;
    XtList *scheme_bands;       /* per rating scheme: the override column */
    XtList *delivery_bands;     /* per delivery scheme: an activity's override */
    XtList *delivery_status;    /* per delivery scheme: an activity's status */
    XtList states, impacts, yes_no;   /* a status without a scheme (and a milestone's), impact, provisional */
    prt_buf text, msg;          /* scratch */
    lxw_error error;            /* the first error libxlsxwriter returned, LXW_NO_ERROR */
} XtWriter;

/* Keeps the first error. */
void xt_note(XtWriter *w, lxw_error e);
/* Writes s at (row, col) as a string (never a formula), made valid for a cell (prt_xlsx_text). */
void xt_string(XtWriter *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s, lxw_format *f);

/* ---- the lists (xlsx_template_lists.c) ---- */
/* Makes every list; true when some list needs the Lists sheet. */
bool xt_lists_make(XtWriter *w);
/* Writes the lists that do not fit a validation into ws (the Lists sheet, named name). */
void xt_lists_write(XtWriter *w, lxw_worksheet *ws, const char *name);
void xt_lists_free(XtWriter *w);

/* ---- the checks on a row's input cells (xlsx_template_checks.c) ---- */
/* The validations and input messages of row r, written at sheet row `at`. */
void xt_row_checks(XtWriter *w, lxw_worksheet *ws, lxw_row_t at, const TemplateRow *r);
/* Whether column col of row r is filled in (unlocked): the columns that mean something for it. */
bool xt_input_cell(const XlsxTemplate *t, const TemplateRow *r, int col);

/* ---- a data sheet (xlsx_template_sheet.c) ---- */
/* The header, the rows (n of them), widths, frozen panes, autofilter and protection. */
void xt_data_sheet(XtWriter *w, lxw_worksheet *ws, const TemplateRow *const *rows, size_t n);

#endif
