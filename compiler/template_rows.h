/* The rows of a data return (planc template): what the CSV template and the workbook template both
 * write, so that the two cannot disagree.  Each row has the five reference cells that precede the
 * value (ref, indicator, period, unit, target) and what it is a row of. */
#ifndef PLANC_TEMPLATE_ROWS_H
#define PLANC_TEMPLATE_ROWS_H

#include "planrt.h"

typedef enum { TPL_INDICATOR, TPL_INPUT, TPL_ACTIVITY, TPL_MILESTONE } TemplateRowKind;

enum { TPL_REF, TPL_NAME, TPL_PERIOD, TPL_UNIT, TPL_TARGET, TPL_NCELLS };

typedef struct TemplateRow {
    TemplateRowKind kind;
    int index;                  /* the indicator, input or activity */
    int milestone;              /* TPL_MILESTONE: the activity's milestone; else -1 */
    int pillar;                 /* the pillar its theme belongs to; -1 for an input */
    prt_period period;          /* the period the row reports (an indicator's after its arrears) */
    char *cells[TPL_NCELLS];    /* malloc'd, never NULL */
} TemplateRow;

typedef struct TemplateRows {
    TemplateRow *rows;
    size_t n, cap;
    bool delivery;              /* the plan has activities: the status, impact and completed columns */
} TemplateRows;

/* The return for period p, in the CSV's order: every indicator due (derived ones are computed, not
 * returned), the inputs formulas read, then each activity followed by its milestones. */
void template_rows_collect(TemplateRows *out, const prt_plan *plan, prt_period p);
void template_rows_free(TemplateRows *rows);

#endif
