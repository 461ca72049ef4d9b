/* The seam between the core runtime and its optional Excel part (runtime/xlsx/, libplanrt_xlsx.a):
 * rows of a workbook's sheets for the results reader, and the report written as a workbook.  The core
 * links no zip, XML or spreadsheet library, so that an evaluator built without Excel needs only libc,
 * libm and libplanrt; prt_xlsx_enable() (planc calls it; a generated evaluator when compiled with
 * -DPLANRT_XLSX, which `planc build --xlsx` gives) installs the part, and until then a workbook handed
 * to the reader gets an error saying what to do instead. */
#ifndef PLANRT_WORKBOOK_H
#define PLANRT_WORKBOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct prt_workbook prt_workbook;   /* the Excel part's own */
struct prt_history;

/* One row of a sheet, its cells as a person sees them (docs/results.md, "Returns as workbooks"):
 * text as typed; a number as Excel shows it in General format (15 significant digits), a percentage-
 * formatted number as "72.5%", a date-formatted one as "2023-11-30"; TRUE or FALSE; #N/A as "#N/A".
 * Cells run from column A to the row's last cell with a value; an empty cell is "". */
typedef struct prt_sheet_row {
    unsigned row;               /* 1-based, as the sheet numbers it */
    size_t ncells;
    size_t first;               /* the first cell with a value (cells before it are ""): a row's cost
                                 * to its reader can then be its cells', not the sheet's width */
    char **text;                /* NUL-terminated; the workbook's, valid until the next call */
    size_t *len;
    /* per cell: NULL, or why the cell's value cannot be taken, a sentence that names no place (the
     * reader adds it): "the cell holds the error #DIV/0!: its formula failed", "the cell holds a
     * formula with no saved value: ..." */
    const char **problem;
} prt_sheet_row;

typedef struct prt_xlsx_part {
    /* Opens the workbook at path, or the len bytes at data when data is not NULL.  NULL when it
     * cannot be read as an .xlsx workbook, with *why (malloc'd): what it is and what to do
     * ("... is an Excel 97-2003 workbook (.xls): save it as an Excel Workbook (.xlsx) or as CSV UTF-8"). */
    prt_workbook *(*open)(const char *path, const void *data, size_t len, char **why);
    /* Moves to the next worksheet, in the workbook's order (hidden ones too): 1 with *name (valid until
     * the next call) and *hidden set; 0 after the last; -1 with *why (malloc'd) when the workbook is
     * found broken, after which nothing more is read. */
    int (*next_sheet)(prt_workbook *wb, const char **name, bool *hidden, char **why);
    /* The current sheet's next row with a cell that is not empty, rows in increasing order: 1 with
     * *row filled in; 0 at the sheet's end; -1 with *why (malloc'd) when the sheet is broken or over
     * a limit (its rows after the last given are not read). */
    int (*next_row)(prt_workbook *wb, prt_sheet_row *row, char **why);
    /* A custom document property (docProps/custom.xml) as text, NULL when absent.  planc template
     * writes planc.plan, planc.period and planc.digest, so that a return is matched to its plan. */
    const char *(*property)(prt_workbook *wb, const char *name);
    void (*close)(prt_workbook *wb);
    /* Writes the report (every period of h, as prt_report) as a workbook to out, a file opened for
     * writing (output.h).  False with *why (malloc'd) when it cannot. */
    bool (*report)(FILE *out, const struct prt_history *h, char **why);
} prt_xlsx_part;

/* The Excel part, once prt_xlsx_enable() has run; NULL otherwise. */
extern const prt_xlsx_part *prt_xlsx;

/* The file formats a results reader can tell by their first bytes. */
typedef enum {
    PRT_FILE_TEXT,              /* anything else: read as CSV */
    PRT_FILE_ZIP,               /* PK\3\4: an .xlsx workbook, or another zip (.ods, .docx) the part names */
    PRT_FILE_OLE                /* D0 CF 11 E0: an .xls workbook, or a password-protected .xlsx */
} prt_file_kind;
prt_file_kind prt_file_kind_of(const void *head, size_t len);

#endif
