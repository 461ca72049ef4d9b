/* The RFC 4180 CSV reader of csv.h: one record at a time from a buffer, streaming when more follows. */
#include "csv.h"
#include "strbuf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The reader is the inner loop of every evaluation (ten million rows in the benchmark): each record
 * is read in one pass, unquoted fields are found by a table lookup a byte and copied whole, and a
 * record cut off by the end of a streamed buffer is abandoned and read again once more text is in,
 * rather than looked through first to see whether it is complete. */

/* running out of memory has one handler in planc and its runtime */
#define die_oom prt_out_of_memory

void prt_csv_init(prt_csv *c, const char *data, size_t len)
{
    memset(c, 0, sizeof *c);
    c->p = data;
    c->end = data + len;
    c->line = 1;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        c->p += 3;
}

void prt_csv_free(prt_csv *c)
{
    free(c->fields);
    free(c->lens);
    free(c->raw_begin);
    free(c->raw_end);
    free(c->buf);
    memset(c, 0, sizeof *c);
}

static void grow(prt_csv *c, size_t n)
{
    size_t cap = c->buf_cap ? c->buf_cap : 256;
    while (cap - c->buf_len < n)
        cap *= 2;
    c->buf = realloc(c->buf, cap);
    if (!c->buf)
        die_oom();
    c->buf_cap = cap;
}

static inline void reserve(prt_csv *c, size_t n)
{
    if (c->buf_cap - c->buf_len < n)
        grow(c, n);
}

/* Fields are stored as offsets while the buffer may move, and turned into pointers at the end. */
static void end_field(prt_csv *c, size_t start, const char *raw_begin, const char *raw_end)
{
    reserve(c, 1);
    c->buf[c->buf_len++] = '\0';
    if (c->nfields == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 16;
        c->fields = realloc(c->fields, c->cap * sizeof *c->fields);
        c->lens = realloc(c->lens, c->cap * sizeof *c->lens);
        c->raw_begin = realloc(c->raw_begin, c->cap * sizeof *c->raw_begin);
        c->raw_end = realloc(c->raw_end, c->cap * sizeof *c->raw_end);
        if (!c->fields || !c->lens || !c->raw_begin || !c->raw_end)
            die_oom();
    }
    c->raw_begin[c->nfields] = (size_t)(raw_begin - c->p);
    c->raw_end[c->nfields] = (size_t)(raw_end - c->p);
    c->lens[c->nfields] = c->buf_len - 1 - start;
    c->fields[c->nfields++] = (char *)(uintptr_t)start;
}

/* The bytes that end an unquoted field or need a look: comma, line ends, quote. */
static const unsigned char stops[256] = {[','] = 1, ['\n'] = 1, ['\r'] = 1, ['"'] = 1};
/* The bytes inside a quoted field that need a look: the quote, and line ends (which count lines). */
static const unsigned char quoted_stops[256] = {['\n'] = 1, ['\r'] = 1, ['"'] = 1};

/* Past a line end at p (CR, LF or CRLF); NULL when a CR is the buffer's last byte and more text
 * follows, which may be the LF of a CRLF. */
static const char *past_line_end(prt_csv *c, const char *p, unsigned *line)
{
    if (*p == '\r') {
        if (p + 1 == c->end && c->more)
            return NULL;
        if (p + 1 < c->end && p[1] == '\n')
            p++;
    }
    (*line)++;
    return p + 1;
}

/* Skips to the end of the line after a malformed field; NULL when the buffer ends first and more follows. */
static const char *skip_rest_of_line(prt_csv *c, const char *p, unsigned *line)
{
    while (p < c->end && *p != '\n' && *p != '\r')
        p++;
    if (p >= c->end)
        return c->more ? NULL : p;
    return past_line_end(c, p, line);
}

/* A malformed record: the reader goes on at the next line.  2 when that line end is not read yet. */
static int malformed(prt_csv *c, const char *p, unsigned ln, const char *message, const char **why)
{
    const char *next = skip_rest_of_line(c, p, &ln);
    if (!next)
        return 2;
    *why = message;
    c->p = next;
    c->line = ln;
    return -1;
}

int prt_csv_next(prt_csv *c, unsigned *line, const char **why)
{
    /* blank lines between records carry nothing */
    while (c->p < c->end && (*c->p == '\n' || *c->p == '\r')) {
        const char *q = past_line_end(c, c->p, &c->line);
        if (!q)
            return 2;
        c->p = q;
    }
    if (c->p >= c->end)
        return c->more ? 2 : 0;
    unsigned at = c->line, ln = c->line;
    *line = at;
    c->record = c->p;
    c->nfields = 0;
    c->buf_len = 0;
    unsigned char high = 0;     /* the OR of every byte: its top bit says whether any is not ASCII */
    const char *p = c->p, *end = c->end;
    for (;;) {
        size_t start = c->buf_len;
        const char *raw_begin = p;
        if (p < end && *p == '"') {
            unsigned open_line = ln;
            p++;
            for (;;) {
                if (p >= end) {
                    if (c->more)
                        return 2;
                    *why = "a quoted field is not closed before the end of the file";
                    c->line = open_line;
                    c->p = end;
                    return -1;
                }
                if (*p == '"') {
                    if (p + 1 >= end && c->more)
                        return 2;
                    if (p + 1 < end && p[1] == '"') {
                        reserve(c, 1);
                        c->buf[c->buf_len++] = '"';
                        p += 2;
                        continue;
                    }
                    p++;
                    break;
                }
                if (*p == '\r' && p + 1 >= end && c->more)
                    return 2;
                if (*p == '\n' || (*p == '\r' && !(p + 1 < end && p[1] == '\n')))
                    ln++;
                /* the line end or byte here, and the run of plain bytes after it, copied whole */
                const char *q = p + 1;
                while (q < end && !quoted_stops[(unsigned char)*q])
                    high |= (unsigned char)*q++;
                high |= (unsigned char)*p;
                size_t n = (size_t)(q - p);
                reserve(c, n);
                memcpy(c->buf + c->buf_len, p, n);
                c->buf_len += n;
                p = q;
            }
            if (p < end && *p != ',' && *p != '\n' && *p != '\r')
                return malformed(c, p, ln, "a quoted field must be followed by a comma or the end of the line", why);
        } else {
            const char *q = p;
            while (q < end && !stops[(unsigned char)*q])
                high |= (unsigned char)*q++;
            if (q < end && *q == '"')
                return malformed(c, q, ln, "a quote inside an unquoted field; quote the whole field and double the quote", why);
            size_t n = (size_t)(q - p);
            reserve(c, n + 1);
            memcpy(c->buf + c->buf_len, p, n);
            c->buf_len += n;
            p = q;
        }
        end_field(c, start, raw_begin, p);
        if (p < end && *p == ',') {
            p++;
            continue;
        }
        break;
    }
    if (p < end) {
        const char *q = past_line_end(c, p, &ln);
        if (!q)
            return 2;
        p = q;
    } else if (c->more) {
        return 2;   /* the record may go on in the text not yet read */
    }
    c->p = p;
    c->line = ln;
    c->ascii = high < 0x80;
    c->one_line = ln - at <= 1;
    for (size_t i = 0; i < c->nfields; i++)
        c->fields[i] = c->buf + (uintptr_t)c->fields[i];
    return 1;
}

void prt_csv_set_record(prt_csv *c, const char *const *texts, const size_t *lens, size_t n)
{
    c->nfields = 0;
    c->buf_len = 0;
    c->record = NULL;
    unsigned char high = 0;
    for (size_t i = 0; i < n; i++) {
        reserve(c, lens[i]);
        size_t start = c->buf_len;
        memcpy(c->buf + start, texts[i], lens[i]);
        for (size_t k = 0; k < lens[i]; k++)
            high |= (unsigned char)texts[i][k];
        c->buf_len += lens[i];
        end_field(c, start, c->p, c->p);   /* ends it with a NUL */
    }
    for (size_t i = 0; i < c->nfields; i++)
        c->fields[i] = c->buf + (uintptr_t)c->fields[i];
    c->ascii = !(high & 0x80);
    c->one_line = false;
}
