/* The .xlsx reader's own pieces (xlsx_read*.c and the files named below), shared between them only:
 * the archive (libzip), one XML part read safely with libxml2's streaming reader, the workbook's
 * package (relationships, sheets, properties), its shared strings and styles, cell values as text,
 * and a worksheet's rows.  Every limit that guards against hostile files is here, in one place. */
#ifndef PLANRT_XLSX_READ_H
#define PLANRT_XLSX_READ_H

#include "strbuf.h"
#include "workbook.h"

#include <libxml/xmlreader.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <zip.h>

/* ---- limits ---- */
#define PRT_XLSX_PART_CAP ((size_t)256 << 20)   /* a part's uncompressed bytes (PLANRT_XLSX_MAX_PART_BYTES lowers it) */
/* shared strings: 8 bytes of table each for at least 5 bytes of XML; no more than one per 8 bytes of
 * the part cap either, so that a lowered cap (for tests) lowers this one too */
#define PRT_XLSX_MAX_STRINGS ((size_t)1 << 24)
#define PRT_XLSX_CELL_CHARS 32767               /* Excel's own limit for a cell's text */
#define PRT_XLSX_MAX_ROW 1048576u
#define PRT_XLSX_MAX_COL 16384u                 /* XFD */
#define PRT_XLSX_MAX_ATTRIBUTES 256             /* of an element: libxml2 2.9 adds each in time linear in those before */
#define PRT_XLSX_MAX_MERGES ((size_t)1 << 20)   /* and no more than one per 32 bytes of the part cap */
#define PRT_XLSX_MAX_MERGE_AREA ((uint64_t)1 << 26)   /* cells all of a sheet's merged ranges cover */

/* A message made like printf (malloc'd), for *why. */
char *prt_xlsx_msg(const char *fmt, ...) PRT_PRINTF(1, 2);
/* Text from a file, made safe to quote in a message: at most 40 bytes of printable ASCII, anything
 * else as '?' (the reader's messages never carry a file's control characters or broken UTF-8). */
const char *prt_xlsx_quote(prt_buf *b, const char *s);

/* ---- the archive (xlsx_zip.c) ---- */
typedef struct prt_xlsx_zip {
    zip_t *archive;
    void *copy;                 /* the bytes handed to open, copied: libzip reads them while open */
    size_t part_cap;            /* the most bytes one part may unpack to */
} prt_xlsx_zip;

/* Opens the archive at path, or the len bytes at data; false with *why (malloc'd) in words. */
/* The lesser of cap and the part cap divided by per (the caps on counts follow a lowered part cap). */
size_t prt_xlsx_count_cap(const prt_xlsx_zip *z, size_t cap, size_t per);
bool prt_xlsx_zip_open(prt_xlsx_zip *z, const char *path, const void *data, size_t len, char **why);
void prt_xlsx_zip_close(prt_xlsx_zip *z);
/* The entry of that name (ZIP names are exact, but Open Packaging names ignore case), or -1. */
int64_t prt_xlsx_zip_find(prt_xlsx_zip *z, const char *name);
/* Up to max bytes of a small entry, NUL-terminated (malloc'd), or NULL when it cannot be read. */
char *prt_xlsx_zip_head(prt_xlsx_zip *z, const char *name, size_t max);
/* The entry opened for reading, its declared size checked against the cap; NULL with *why. */
zip_file_t *prt_xlsx_zip_fopen(prt_xlsx_zip *z, int64_t index, const char *name, char **why);

/* ---- one XML part, read with libxml2's xmlTextReader (xlsx_xml.c) ---- */
typedef struct prt_xlsx_xml {
    xmlTextReaderPtr reader;
    zip_file_t *file;
    char *part;                 /* the part's name, for messages */
    size_t count, cap;          /* bytes unpacked so far, and the most allowed */
    unsigned char *head;        /* the part's first bytes, checked for a DTD before libxml2 sees them */
    size_t head_len, head_pos;
    bool head_read;
    int wide;                   /* UTF-16: which byte of each pair holds ASCII (0 or 1); UTF-8: -1 */
    size_t fed;                 /* bytes given to libxml2 so far */
    unsigned char unit_byte;    /* UTF-16: the first byte of a pair, until its second */
    int tag_state;              /* where the attribute count is (xlsx_xml.c, count_attributes) */
    unsigned attributes;        /* in the start tag being read */
    char *io_error;             /* why unpacking stopped (malloc'd), or NULL */
    char *xml_error;            /* libxml2's first error, with its line (malloc'd), or NULL */
    bool silenced;              /* this part holds libxml2's generic error channel quiet (xlsx_xml.c) */
} prt_xlsx_xml;

/* Opens the part for reading; false with *why (the part missing, or over the cap). */
bool prt_xlsx_xml_open(prt_xlsx_xml *x, prt_xlsx_zip *z, const char *part, char **why);
void prt_xlsx_xml_close(prt_xlsx_xml *x);
/* The next node: 1; 0 at the end of the document; -1 with *why (not well-formed, a DTD, a cap). */
int prt_xlsx_xml_read(prt_xlsx_xml *x, char **why);
/* Why a part that ended too soon or failed without libxml2 saying why cannot be read (malloc'd). */
char *prt_xlsx_xml_broken(const prt_xlsx_xml *x);
/* Past the current element's content to the node after it (xmlTextReaderNext): as prt_xlsx_xml_read. */
int prt_xlsx_xml_skip(prt_xlsx_xml *x, char **why);
/* Whether the current node starts an element of this local name (any namespace: strict OOXML too). */
bool prt_xlsx_xml_starts(prt_xlsx_xml *x, const char *local);
/* Whether the current node ends an element (or is an empty one) at this depth. */
bool prt_xlsx_xml_ends(prt_xlsx_xml *x, int depth);
/* The current element's attributes of these local names, in one pass: values[i] is NULL when absent,
 * else valid until the next read. */
void prt_xlsx_xml_attrs(prt_xlsx_xml *x, const char *const *names, const char **values, size_t n);
/* Appends the current element's text to out and leaves the reader on its end.  rich: only the text of
 * <t> elements that are not inside a phonetic run <rPh> (a shared or inline string's shape); else all
 * of its text.  1, or -1 with *why. */
int prt_xlsx_xml_text(prt_xlsx_xml *x, prt_buf *out, bool rich, char **why);

/* ---- text (xlsx_text.c) ---- */
/* Decodes OOXML's _xHHHH_ escapes in place (a string's control characters, "_x000D_"); a NUL or an
 * unpaired surrogate becomes U+FFFD. */
void prt_xlsx_unescape(prt_buf *b);
/* The number of UTF-8 characters in s. */
size_t prt_xlsx_chars(const char *s, size_t n);

/* ---- the package: relationships, the workbook's sheets, properties (xlsx_package.c) ---- */
typedef struct prt_xlsx_sheet_ref {
    char *name;                 /* as the workbook has it, control characters as '?' */
    char *part;                 /* the worksheet's part name, or NULL when the workbook names none */
    bool hidden;
} prt_xlsx_sheet_ref;

typedef struct prt_xlsx_package {
    char *workbook_part;        /* "xl/workbook.xml", usually */
    char *strings_part, *styles_part, *custom_part;   /* NULL when absent */
    bool date1904;
    prt_xlsx_sheet_ref *sheets; /* worksheets only, in the workbook's order */
    size_t nsheets;
    char **prop_names, **prop_values;   /* docProps/custom.xml */
    size_t nprops;
} prt_xlsx_package;

/* Finds and reads the workbook's parts list and sheets; false with *why saying what the file is when
 * it is not an .xlsx workbook (.ods, .xlsb, another zip), or what is broken. */
bool prt_xlsx_package_read(prt_xlsx_package *p, prt_xlsx_zip *z, char **why);
/* Reads docProps/custom.xml's properties; false with *why. */
bool prt_xlsx_properties_read(prt_xlsx_package *p, prt_xlsx_zip *z, char **why);
void prt_xlsx_package_free(prt_xlsx_package *p);

/* ---- shared strings (xlsx_strings.c) ---- */
typedef struct prt_xlsx_strings {
    prt_buf text;               /* every string, each NUL-terminated */
    size_t *start;              /* string i is text.data + start[i], start[i + 1] - start[i] - 1 bytes */
    size_t n, cap;
    size_t most;                /* the most strings taken */
} prt_xlsx_strings;

bool prt_xlsx_strings_read(prt_xlsx_strings *s, prt_xlsx_zip *z, const char *part, char **why);
/* String i (its length in *len), or NULL when there is none. */
const char *prt_xlsx_string(const prt_xlsx_strings *s, size_t i, size_t *len);
void prt_xlsx_strings_free(prt_xlsx_strings *s);

/* ---- styles: how each cell format shows a number (xlsx_styles.c) ---- */
typedef enum { PRT_XLSX_PLAIN, PRT_XLSX_PERCENT, PRT_XLSX_DATE } prt_xlsx_shown;

typedef struct prt_xlsx_styles {
    unsigned char *shown;       /* per cell format (a cell's s attribute): a prt_xlsx_shown */
    size_t n;
} prt_xlsx_styles;

bool prt_xlsx_styles_read(prt_xlsx_styles *st, prt_xlsx_zip *z, const char *part, char **why);
prt_xlsx_shown prt_xlsx_style_shown(const prt_xlsx_styles *st, const char *s_attr);
/* How a number format shows numbers: builtin id, or the custom format code when code is not NULL. */
prt_xlsx_shown prt_xlsx_format_shown(unsigned long id, const char *code);
void prt_xlsx_styles_free(prt_xlsx_styles *st);

/* ---- cell values as text (xlsx_cells.c) ---- */
/* A number's text: General format (15 significant digits), as a percentage, or as a date (1900 or
 * 1904 system), appended to out.  False when v is not a number (out unchanged). */
bool prt_xlsx_number_text(prt_buf *out, const char *v, prt_xlsx_shown shown, bool date1904);
/* An ISO 8601 date (a cell of type d): its date part, appended to out. */
void prt_xlsx_iso_date_text(prt_buf *out, const char *v);

/* ---- cell references (xlsx_cells.c) ---- */
/* "C12" as column 3, row 12 (1-based; either 0 when missing, as in "C" or "12"); false when it is
 * not a reference.  Columns and rows beyond a sheet's are given as they are, to be refused by name. */
bool prt_xlsx_parse_ref(const char *ref, unsigned long *col, unsigned long *row);
/* Column 3 as "C", appended to b. */
void prt_xlsx_column_name(prt_buf *b, unsigned long col);

/* ---- a row's cells as they are built (xlsx_sheet.c) ---- */
typedef struct prt_xlsx_cells {
    char **text;                /* per column from A: "" when empty */
    size_t *len;
    const char **problem;
    size_t cap;                 /* columns the arrays hold */
    size_t *dirty;              /* the columns set in this row (0-based), to clear them for the next */
    size_t ndirty, dirty_cap;
    size_t width;               /* the last column with a value or a problem, + 1 */
    size_t first;               /* the first such column (when width is not 0) */
} prt_xlsx_cells;

/* Sets column col (0-based) of the row. */
void prt_xlsx_cells_set(prt_xlsx_cells *c, size_t col, const char *text, size_t len, const char *problem);

/* ---- merged cells (xlsx_merge.c) ---- */
typedef struct prt_xlsx_merge {
    unsigned r1, r2, c1, c2;    /* 1-based, inclusive */
    const char *text;           /* the top-left cell's, once its row is read; "" until then */
    size_t len;
    const char *problem;
} prt_xlsx_merge;

typedef struct prt_xlsx_merges {
    prt_xlsx_merge *m;          /* sorted by top row, then left column */
    size_t n, cap;
    size_t most;                /* the most ranges taken */
    uint64_t area;              /* cells covered, summed */
    size_t next;                /* the first not yet reached by the rows read */
    size_t *active;             /* those covering the current row */
    size_t nactive, active_cap;
    prt_pool values;            /* top-left values copied out of their rows */
} prt_xlsx_merges;

/* The first pass over a worksheet: its <mergeCell> ranges, within the caps; false with *why. */
bool prt_xlsx_merges_read(prt_xlsx_merges *ms, prt_xlsx_zip *z, const char *part, char **why);
/* Gives the cells of row (read, as far as its width) the values of the ranges that cover them.
 * strings: texts inside it live as long as the workbook and are not copied. */
void prt_xlsx_merges_apply(prt_xlsx_merges *ms, unsigned row, prt_xlsx_cells *c, const prt_xlsx_strings *strings);
void prt_xlsx_merges_free(prt_xlsx_merges *ms);

/* ---- a worksheet's rows (xlsx_sheet.c) ---- */
typedef struct prt_xlsx_sheet prt_xlsx_sheet;

/* The worksheet in part (NULL: the workbook names none), read on the first call for a row. */
prt_xlsx_sheet *prt_xlsx_sheet_open(prt_xlsx_zip *z, const char *part, const prt_xlsx_strings *strings,
                                    const prt_xlsx_styles *styles, bool date1904);
int prt_xlsx_sheet_next_row(prt_xlsx_sheet *s, prt_sheet_row *row, char **why);
void prt_xlsx_sheet_close(prt_xlsx_sheet *s);

/* ---- what kind of file (xlsx_kind.c) ---- */
/* For an OLE2 file (an .xls workbook, or an .xlsx encrypted with a password), what it is and what to
 * do (malloc'd); NULL for any other file. */
char *prt_xlsx_ole_why(const char *path, const void *data, size_t len);

#endif
