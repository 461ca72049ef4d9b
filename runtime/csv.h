/* An RFC 4180 CSV reader over a buffer in memory: quoted fields with doubled quotes, commas and
 * line ends inside quotes, LF or CRLF (or lone CR) records, a UTF-8 byte-order mark skipped. */
#ifndef PLANRT_CSV_H
#define PLANRT_CSV_H

#include <stdbool.h>
#include <stddef.h>

typedef struct prt_csv {
    const char *p, *end;
    unsigned line;              /* line of the next record */
    char **fields;              /* the current record's fields, NUL-terminated copies */
    size_t *lens;               /* ... and their lengths */
    /* where the current record's text is (until the next call) and each field's extent in it, quotes
     * and all: offsets from record, for diagnostics to point at a field */
    const char *record;
    size_t *raw_begin, *raw_end;
    size_t nfields, cap;
    bool ascii;                 /* the current record has no byte above 0x7F (no UTF-8 to check) */
    bool one_line;              /* ... and no line end inside quotes: a field's column is its offset + 1 */
    char *buf;                  /* storage for the fields */
    size_t buf_len, buf_cap;
    bool more;                  /* streaming: more text follows the buffer (see prt_csv_next) */
} prt_csv;

void prt_csv_init(prt_csv *c, const char *data, size_t len);
void prt_csv_free(prt_csv *c);
/* Reads the next record: 1 with c->fields set, 0 at the end, -1 with a message in *why.
 * *line is the line the record starts on.  A blank line is skipped.  When c->more is set and the
 * buffer does not hold the whole next record, returns 2 with c->p at the record's start: the caller
 * moves [c->p, c->end) to the front of a fuller buffer, points c->p and c->end at it, and calls again. */
int prt_csv_next(prt_csv *c, unsigned *line, const char **why);
/* Makes the n texts the current record, as if read (a workbook's row: results_workbook.c); the
 * fields' extents in a record's text are 0, there being no text. */
void prt_csv_set_record(prt_csv *c, const char *const *texts, const size_t *lens, size_t n);

#endif
