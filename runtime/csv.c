#include "csv.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void die_oom(void)
{
    abort();
}

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
    free(c->buf);
    memset(c, 0, sizeof *c);
}

static void put(prt_csv *c, char ch)
{
    if (c->buf_len == c->buf_cap) {
        c->buf_cap = c->buf_cap ? c->buf_cap * 2 : 256;
        c->buf = realloc(c->buf, c->buf_cap);
        if (!c->buf)
            die_oom();
    }
    c->buf[c->buf_len++] = ch;
}

/* Fields are stored as offsets while the buffer may move, and turned into pointers at the end. */
static void end_field(prt_csv *c, size_t start)
{
    put(c, '\0');
    if (c->nfields == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 16;
        c->fields = realloc(c->fields, c->cap * sizeof *c->fields);
        if (!c->fields)
            die_oom();
    }
    c->fields[c->nfields++] = (char *)(uintptr_t)start;
}

static bool at_line_end(const prt_csv *c, const char *p) { return p < c->end && (*p == '\n' || *p == '\r'); }

static const char *skip_line_end(prt_csv *c, const char *p)
{
    if (*p == '\r' && p + 1 < c->end && p[1] == '\n')
        p++;
    c->line++;
    return p + 1;
}

/* Whether the buffer holds the next record up to its line end (outside quotes); a CR as the last
 * byte may be the first half of a CRLF, so it does not count yet. */
static bool complete_record(const prt_csv *c)
{
    bool quoted = false;
    for (const char *p = c->p; p < c->end; p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (!quoted && (*p == '\n' || *p == '\r'))
            return !(*p == '\r' && p + 1 == c->end);
    }
    return false;
}

int prt_csv_next(prt_csv *c, unsigned *line, const char **why)
{
    if (c->more) {
        while (c->p < c->end && at_line_end(c, c->p)) {
            if (*c->p == '\r' && c->p + 1 == c->end)
                return 2;
            c->p = skip_line_end(c, c->p);
        }
        if (c->p >= c->end || !complete_record(c))
            return 2;
    }
    /* blank lines between records carry nothing */
    while (c->p < c->end && at_line_end(c, c->p))
        c->p = skip_line_end(c, c->p);
    if (c->p >= c->end)
        return 0;
    *line = c->line;
    c->nfields = 0;
    c->buf_len = 0;
    const char *p = c->p;
    for (;;) {
        size_t start = c->buf_len;
        if (p < c->end && *p == '"') {
            unsigned open_line = c->line;
            p++;
            for (;;) {
                if (p >= c->end) {
                    *why = "a quoted field is not closed before the end of the file";
                    c->line = open_line;
                    c->p = c->end;
                    return -1;
                }
                if (*p == '"') {
                    if (p + 1 < c->end && p[1] == '"') {
                        put(c, '"');
                        p += 2;
                        continue;
                    }
                    p++;
                    break;
                }
                if (*p == '\n' || (*p == '\r' && !(p + 1 < c->end && p[1] == '\n')))
                    c->line++;
                put(c, *p++);
            }
            if (p < c->end && *p != ',' && !at_line_end(c, p)) {
                *why = "a quoted field must be followed by a comma or the end of the line";
                while (p < c->end && !at_line_end(c, p))
                    p++;
                c->p = p < c->end ? skip_line_end(c, p) : p;
                return -1;
            }
        } else {
            while (p < c->end && *p != ',' && !at_line_end(c, p)) {
                if (*p == '"') {
                    *why = "a quote inside an unquoted field; quote the whole field and double the quote";
                    while (p < c->end && !at_line_end(c, p))
                        p++;
                    c->p = p < c->end ? skip_line_end(c, p) : p;
                    return -1;
                }
                put(c, *p++);
            }
        }
        end_field(c, start);
        if (p < c->end && *p == ',') {
            p++;
            continue;
        }
        break;
    }
    if (p < c->end)
        p = skip_line_end(c, p);
    c->p = p;
    for (size_t i = 0; i < c->nfields; i++)
        c->fields[i] = c->buf + (uintptr_t)c->fields[i];
    return 1;
}
