/* The files of one run and the mapping from places in them to line:column, for the diagnostic engine
 * (diagnostics.h).  A file held in memory (a plan) is addressed by byte offsets, cheap to carry through
 * the parser and turned into line and column only when a diagnostic is printed.  A file read as a
 * stream and not kept (a results file, which may be far larger than memory should hold) is addressed by
 * line and column directly, and the one line a diagnostic shows is read again when it is printed. */
#ifndef PLANRT_SOURCES_H
#define PLANRT_SOURCES_H

#include "strbuf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* A range in a file held in memory. */
typedef struct prt_loc {
    uint32_t file;              /* 0: no location; otherwise an index into the prt_source_set, from 1 */
    uint32_t begin, end;        /* byte offsets, end exclusive */
} prt_loc;

/* A place in a streamed file, given as line and columns (1-based; columns in characters). */
typedef struct prt_pos {
    uint32_t file;              /* as in prt_loc */
    unsigned line;              /* 0: the file as a whole */
    unsigned col, end_col;      /* end_col exclusive; col 0: the line as a whole */
} prt_pos;

typedef struct prt_source_file {
    char *path;                 /* as the user named it, or as an include resolved it */
    char *text;                 /* the bytes, followed by two NULs (read-only when mapped); NULL: streamed */
    size_t size;
    size_t map_len;             /* nonzero: text is a private mapping of the file this long, not malloc'd */
    uint32_t *line_starts;      /* computed on first use */
    size_t nlines;
    FILE *reread;               /* streamed: the file opened again to show a line, and the next line in it */
    unsigned reread_line;
    /* the line last shown, kept: a header row draws a diagnostic per column, and reading a long line
     * again for each would be quadratic */
    char *shown;
    size_t shown_len;
    unsigned shown_line;        /* 0: none */
    unsigned shown_col;         /* a column of it whose byte offset is known (1-based; 0: none), */
    size_t shown_col_at;        /* and that offset: columns asked in order are found in one pass */
    /* a worksheet of a workbook (path is the workbook's): its places are cells, line the row and col
     * the column (1 is A), and diagnostics name them as a person does, "sheet 'Q3' cell C12" */
    char *sheet;
} prt_source_file;

typedef struct prt_source_set {
    prt_source_file *files;     /* files[0] is unused so that a file index of 0 means none */
    size_t nfiles, cap;
} prt_source_set;

void prt_sources_init(prt_source_set *s);
void prt_sources_free(prt_source_set *s);
/* Adds a file whose text the caller hands over (malloc'd, size bytes plus two NULs). */
uint32_t prt_sources_add(prt_source_set *s, const char *path, char *text, size_t size);
/* The same for text mapped by the caller, map_len bytes, unmapped when the set is freed. */
uint32_t prt_sources_add_mapped(prt_source_set *s, const char *path, char *text, size_t size, size_t map_len);
/* Adds a file that is read as a stream: its places are prt_pos, its text is not kept. */
uint32_t prt_sources_add_streamed(prt_source_set *s, const char *path);
/* Adds a worksheet of the workbook at path: its places are cells (prt_pos: line the row, col the column). */
uint32_t prt_sources_add_sheet(prt_source_set *s, const char *path, const char *sheet);
/* Where a place in a worksheet is, as a person names it: "sheet 'Q3' cell C12", "sheet 'Q3' row 12" (no
 * column) or "sheet 'Q3'" (no row), the name's apostrophes doubled as Excel writes them; into b
 * (cleared first).  False, b empty, when the place is not in a worksheet. */
bool prt_source_sheet_place(const prt_source_set *s, prt_pos pos, prt_buf *b);
const prt_source_file *prt_sources_get(const prt_source_set *s, uint32_t file);

/* 1-based line; column counted in characters (UTF-8 code points), 1-based, as gcc and clang print. */
void prt_source_line_col(const prt_source_set *s, uint32_t file, uint32_t offset, unsigned *line, unsigned *col);
/* The extent of the line holding offset, without its line end. */
void prt_source_line_extent(const prt_source_set *s, uint32_t file, uint32_t offset, uint32_t *begin, uint32_t *end);
/* Line `line` of a streamed file read again (without its line end, *len bytes, NUL-terminated; owned
 * by the set and valid until the next call for the file), or NULL when it cannot be: not a regular file
 * any more, shorter now, or a line longer than max bytes.  Lines are best asked for in increasing order:
 * each request reads on from the last, and the same line again costs nothing. */
const char *prt_source_reread_line(const prt_source_set *s, uint32_t file, unsigned line, size_t max, size_t *len);
/* The byte offset in that line at which column col (1-based, in characters) starts, or the line's length
 * when it is shorter.  Columns asked for in increasing order cost a single walk of the line between them. */
size_t prt_source_reread_column(const prt_source_set *s, uint32_t file, unsigned col);

#endif
