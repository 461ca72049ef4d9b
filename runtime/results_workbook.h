/* A workbook's sheets as records for the results reader (results.c): a sheet whose first row is a
 * results header gives its rows as a CSV file gives its records, each cell's place kept as the cell
 * it is ("sheet 'Q3' cell C12").  The workbook itself is read by the Excel part (workbook.h). */
#ifndef PLANRT_RESULTS_WORKBOOK_H
#define PLANRT_RESULTS_WORKBOOK_H

#include "csv.h"
#include "diagnostics.h"
#include "workbook.h"

typedef struct prt_sheets {
    prt_workbook *wb;
    prt_diag *diag;             /* where problems go; NULL: nowhere (reading again to find a row) */
    const char *path;
    uint32_t file;              /* the current sheet, a source in diag (0 without diag) */
    int index;                  /* the current sheet among the workbook's worksheets, from 0; -1 before */
    bool header_given;          /* the current sheet's first row was read ... */
    bool is_results;            /* ... and is a results header */
    size_t first, width;        /* the header's cells: the first's column (0 is A) and how many */
    unsigned header_row;
    int nresults;               /* sheets read as results so far */
    bool broken;                /* the workbook broke off: nothing more is read */
    const char **texts;         /* a row's cells under the header, padded with "" (width of them) */
    size_t *lens;
    size_t cap;
} prt_sheets;

/* The Excel part's words for why a file that is not text cannot be read, when the part is missing
 * (NULL when it is in). */
const char *prt_sheets_missing_part(prt_file_kind kind);
/* Opens the workbook at path (or the len bytes at data, when not NULL); false after saying why at
 * `at` (R023) when diag is given. */
bool prt_sheets_open(prt_sheets *s, prt_diag *diag, const char *path, const char *data, size_t len, prt_pos at);
/* Moves to the next worksheet (a source of its own in diag); false after the last, or when the
 * workbook broke off (R023 said). */
bool prt_sheets_next_sheet(prt_sheets *s);
/* The current sheet's next record into c: its header first, then its rows (a row with a cell outside
 * the header's columns, R003, or one whose value cannot be taken, R024, is said and passed over).
 * 1 with *row its number; 0 at the sheet's end, at once for a sheet whose first row is not a results
 * header (such sheets are notes, lists, instructions, and are not read). */
int prt_sheets_next(prt_sheets *s, prt_csv *c, unsigned *row);
/* The column (1 is A) of field i of the current sheet's records. */
unsigned prt_sheets_column(const prt_sheets *s, size_t i);
/* A custom document property (planc.digest ...), NULL when absent. */
const char *prt_sheets_property(const prt_sheets *s, const char *name);
void prt_sheets_close(prt_sheets *s);

#endif
