/* planc template's workbook: the data return as an .xlsx file (docs/results.md, "Returns as
 * workbooks"), written with libxlsxwriter through the runtime's Excel helpers (runtime/xlsx/xlsx.h).
 * The rows are the CSV template's (template_rows.h), cell for cell. */
#ifndef PLANC_XLSX_TEMPLATE_H
#define PLANC_XLSX_TEMPLATE_H

#include "planrt.h"
#include "template_rows.h"

#include <stdio.h>
#include <time.h>

typedef struct XlsxTemplate {
    const prt_plan *plan;
    prt_period period;
    const TemplateRows *rows;
    bool one_sheet;             /* --sheets one: a single sheet "Return" */
    time_t created;             /* the workbook's creation time (SOURCE_DATE_EPOCH, else now) */
    prt_results *history;      /* --results, NULL when none were given */
    prt_evaluation *ev;         /* the period rated: last year's figures (history, else the plan's own) */
} XlsxTemplate;

/* Reads --results (paths, n of them; none is fine) as planc eval does, reporting their problems in
 * diagnostics_format and color (NULL: text, auto), and rates the period for last year's figures.
 * Returns 0, 1 (problems in the results) or 2 (a file cannot be read, or a bad option). */
int xlsx_template_history(XlsxTemplate *t, const char *const *paths, size_t n, const char *diagnostics_format,
                          const char *color);
/* Writes the workbook to out; false with *why (malloc'd). */
bool xlsx_template_write(FILE *out, const XlsxTemplate *t, char **why);
void xlsx_template_free(XlsxTemplate *t);

#endif
