/* The Excel part of the runtime (libplanrt_xlsx.a; workbook.h says why it is apart): reading .xlsx
 * returns (xlsx_read*.c, with libzip and libxml2's streaming reader), writing reports as workbooks
 * (xlsx_report.c, with libxlsxwriter), and the writing helpers that planc's template writer
 * (compiler/xlsx_template.c) shares (xlsx_write.c). */
#ifndef PLANRT_XLSX_H
#define PLANRT_XLSX_H

#include "planrt.h"
#include "workbook.h"

#include <xlsxwriter.h>

/* ---- reading (xlsx_read.c): the prt_xlsx_part functions, as workbook.h describes them ---- */
prt_workbook *prt_xlsx_open(const char *path, const void *data, size_t len, char **why);
int prt_xlsx_next_sheet(prt_workbook *wb, const char **name, bool *hidden, char **why);
int prt_xlsx_next_row(prt_workbook *wb, prt_sheet_row *row, char **why);
const char *prt_xlsx_property(prt_workbook *wb, const char *name);
void prt_xlsx_close(prt_workbook *wb);

/* ---- the report (xlsx_report.c) ---- */
bool prt_xlsx_report(FILE *out, const prt_history *h, char **why);

/* ---- writing helpers (xlsx_write.c) ---- */

/* A workbook being written.  libxlsxwriter writes to a named file only, so the workbook goes to a
 * private temporary file that prt_xlsx_out_finish copies to the output (output.h does the atomic
 * replacing) and removes. */
typedef struct prt_xlsx_out {
    lxw_workbook *wb;
    char *tmp;                  /* the temporary's path (malloc'd) */
} prt_xlsx_out;

/* A new workbook; false with *why (malloc'd). */
bool prt_xlsx_out_open(prt_xlsx_out *o, char **why);
/* Closes the workbook, copies it to out and removes the temporary; false with *why (malloc'd). */
bool prt_xlsx_out_finish(prt_xlsx_out *o, FILE *out, char **why);
/* Closes and removes without writing anything. */
void prt_xlsx_out_abandon(prt_xlsx_out *o);

/* Worksheet names a workbook has given so far (Excel compares them without case). */
typedef struct prt_xlsx_names {
    char **names;
    size_t n, cap;
} prt_xlsx_names;
/* A worksheet name Excel accepts, made from `want` and recorded in names: none of []:*?/\ (each
 * becomes -), no leading or trailing apostrophe, at most 31 characters (cut at a character's start),
 * not empty (then "Sheet"), and distinct from the names given before ("Name (2)").  Owned by names. */
const char *prt_xlsx_sheet_name(prt_xlsx_names *names, const char *want);
void prt_xlsx_names_free(prt_xlsx_names *names);

/* The most a cell holds, in UTF-16 units (Excel's limit). */
#define PRT_XLSX_CELL_MAX 32767
/* prt_xlsx_text's flags. */
#define PRT_XLSX_ESCAPE_X 1u    /* a literal "_xHHHH_" stays literal: cells and messages, which Excel
                                 * decodes such sequences in (not document properties) */
#define PRT_XLSX_ELLIPSIS 2u    /* a text cut short ends with "…", counted within max */
#define PRT_XLSX_CONTROLS 4u    /* control characters kept: a cell's text, which libxlsxwriter writes
                                 * as "_x001B_", as Excel does (elsewhere they become U+FFFD) */
/* A cell's text: all three. */
#define PRT_XLSX_CELL (PRT_XLSX_ESCAPE_X | PRT_XLSX_ELLIPSIS | PRT_XLSX_CONTROLS)
/* Text as a workbook holds it: the one way planc's workbooks (template and report) write text.
 * libxlsxwriter escapes XML itself; this makes the text one it can carry and Excel reads back as
 * written: a byte not part of well-formed UTF-8, and (without PRT_XLSX_CONTROLS) a control character
 * other than tab, line feed and carriage return (XML 1.0 has none), become U+FFFD; with PRT_XLSX_ESCAPE_X, the '_' of a
 * literal "_xHHHH_" is written "_x005F_"; cut at a character's start to at most max UTF-16 units (a
 * character beyond U+FFFF is two, an escaped '_' seven; max 0: no limit).  In b (cleared first);
 * *cut, when not NULL, says whether anything was left out. */
const char *prt_xlsx_text(prt_buf *b, const char *s, size_t max, unsigned flags, bool *cut);

/* A colour of the palette (palette.h: "#RRGGBB") as libxlsxwriter takes it (0xRRGGBB; black, and
 * anything not a colour, as LXW_COLOR_BLACK, since 0 there means "not set"). */
lxw_color_t prt_xlsx_colour(const char *hex);

#endif
