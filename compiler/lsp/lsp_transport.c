/* planc lsp's transport: messages framed by a "Content-Length: N" header block and a body of exactly
 * N bytes, read from any input (standard input, or memory for the fuzzer) into one growing buffer.  A
 * malformed header block is skipped up to the next "Content-Length:" (the stream resynchronises); a
 * body over the maximum is read past and refused; only an input that ends inside a message stops it. */
#include "lsp.h"
#include "xalloc.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define READ_CHUNK 65536

void lsp_transport_init(LspTransport *t, LspInput in, LspOutput out)
{
    memset(t, 0, sizeof *t);
    t->in = in;
    t->out = out;
    t->max_body = LSP_MAX_MESSAGE_BYTES;
}

void lsp_transport_free(LspTransport *t)
{
    free(t->buf);
    t->buf = NULL;
}

/* Reads more bytes after end, making room first; false at the end of the input. */
static bool fill(LspTransport *t)
{
    if (t->eof)
        return false;
    if (t->start > 0) {
        memmove(t->buf, t->buf + t->start, t->end - t->start);
        t->end -= t->start;
        t->start = 0;
    }
    if (t->cap - t->end < READ_CHUNK) {
        t->cap = t->cap * 2 > t->end + READ_CHUNK ? t->cap * 2 : t->end + READ_CHUNK;
        t->buf = xrealloc(t->buf, t->cap);
    }
    ssize_t n = t->in.read(t->in.ctx, t->buf + t->end, t->cap - t->end);
    if (n <= 0) {
        t->eof = true;
        return false;
    }
    t->end += (size_t)n;
    return true;
}

bool lsp_transport_pending(LspTransport *t)
{
    return t->end > t->start || (!t->eof && t->in.ready(t->in.ctx));
}

static char *too_large(size_t length, size_t limit)
{
    char text[128];
    snprintf(text, sizeof text, "a message of %zu bytes; the limit is %zu", length, limit);
    return xstrdup(text);
}

/* Skips to the next "Content-Length:" (any case); false when the input ends first. */
static bool resynchronise(LspTransport *t)
{
    static const char key[] = "content-length:";
    const size_t klen = sizeof key - 1;
    for (;;) {
        for (size_t i = t->start; i + klen <= t->end; i++)
            if (strncasecmp(t->buf + i, key, klen) == 0) {
                t->start = i;
                t->resync = false;
                return true;
            }
        /* keep what could be the start of the key */
        if (t->end - t->start > klen)
            t->start = t->end - klen;
        if (!fill(t))
            return false;
    }
}

/* The next header line without its line end, as [*line, *line + *n); false at the end of the input
 * (*overlong: a line longer than LSP_MAX_HEADER_LINE, skipped). */
static bool header_line(LspTransport *t, const char **line, size_t *n, bool *overlong)
{
    *overlong = false;
    for (;;) {
        /* (nothing buffered yet, buf may still be NULL) */
        char *nl = t->end > t->start ? memchr(t->buf + t->start, '\n', t->end - t->start) : NULL;
        if (nl) {
            *line = t->buf + t->start;
            *n = (size_t)(nl - *line);
            t->start += *n + 1;
            if (*n > 0 && (*line)[*n - 1] == '\r')
                (*n)--;
            *overlong = *n > LSP_MAX_HEADER_LINE;
            return true;
        }
        if (t->end - t->start > LSP_MAX_HEADER_LINE) {
            t->start = t->end;
            *overlong = true;
            return true;
        }
        if (!fill(t))
            return false;
    }
}

/* The value of a Content-Length header: decimal digits, blanks around them; false if anything else. */
static bool parse_length(const char *v, size_t n, size_t *out)
{
    size_t i = 0, value = 0, digits = 0;
    while (i < n && (v[i] == ' ' || v[i] == '\t'))
        i++;
    for (; i < n && v[i] >= '0' && v[i] <= '9'; i++, digits++) {
        if (value > ((size_t)-1 - 9) / 10)
            return false;
        value = value * 10 + (size_t)(v[i] - '0');
    }
    while (i < n && (v[i] == ' ' || v[i] == '\t'))
        i++;
    *out = value;
    return digits > 0 && i == n;
}

/* Reads the header block; *length is the body's length.  Returns LSP_READ_OK, or what went wrong. */
static LspReadStatus read_headers(LspTransport *t, size_t *length, char **why)
{
    bool have_length = false, any = false, overlong;
    const char *line;
    size_t n;
    for (;;) {
        if (!header_line(t, &line, &n, &overlong))
            return any || t->end > t->start ? LSP_READ_TRUNCATED : LSP_READ_EOF;
        if (overlong) {
            *why = xstrdup("a header line longer than 4096 bytes");
            return LSP_READ_BAD_HEADER;
        }
        if (n == 0) {
            if (!any)
                continue;       /* blank lines between messages are let pass */
            if (have_length)
                return LSP_READ_OK;
            *why = xstrdup("a header block without Content-Length");
            return LSP_READ_BAD_HEADER;
        }
        any = true;
        const char *colon = memchr(line, ':', n);
        if (!colon) {
            *why = xstrdup("a header line without ':'");
            return LSP_READ_BAD_HEADER;
        }
        size_t name_len = (size_t)(colon - line);
        if (name_len == 14 && strncasecmp(line, "Content-Length", 14) == 0) {
            if (have_length || !parse_length(colon + 1, n - name_len - 1, length)) {
                *why = xstrdup(have_length ? "Content-Length given twice" : "a Content-Length that is not a number");
                return LSP_READ_BAD_HEADER;
            }
            have_length = true;
        }
        /* Content-Type and any other header: nothing to do (the body is UTF-8 JSON) */
    }
}

/* Discards n bytes of input; false when it ends first. */
static bool skip_bytes(LspTransport *t, size_t n)
{
    while (n > 0) {
        if (t->end == t->start) {
            t->start = t->end = 0;
            if (!fill(t))
                return false;
        }
        size_t take = t->end - t->start < n ? t->end - t->start : n;
        t->start += take;
        n -= take;
    }
    return true;
}

LspReadStatus lsp_read_message(LspTransport *t, char **body, size_t *len, char **why)
{
    *body = NULL;
    *why = NULL;
    if (t->resync && !resynchronise(t))
        return LSP_READ_EOF;
    size_t length = 0;
    LspReadStatus status = read_headers(t, &length, why);
    if (status == LSP_READ_BAD_HEADER)
        t->resync = true;
    if (status != LSP_READ_OK)
        return status;
    if (length > t->max_body) {
        *why = too_large(length, t->max_body);
        return skip_bytes(t, length) ? LSP_READ_TOO_LARGE : LSP_READ_TRUNCATED;
    }
    while (t->end - t->start < length)
        if (!fill(t))
            return LSP_READ_TRUNCATED;
    *body = xmalloc(length + 1);
    memcpy(*body, t->buf + t->start, length);
    (*body)[length] = '\0';
    *len = length;
    t->start += length;
    return LSP_READ_OK;
}

bool lsp_write_message(LspTransport *t, const char *body, size_t len)
{
    char header[64];
    int n = snprintf(header, sizeof header, "Content-Length: %zu\r\n\r\n", len);
    return t->out.write(t->out.ctx, header, (size_t)n) && t->out.write(t->out.ctx, body, len);
}

static ssize_t fd_read(void *ctx, char *buf, size_t n)
{
    for (;;) {
        ssize_t r = read(*(int *)ctx, buf, n);
        if (r >= 0 || errno != EINTR)
            return r;
    }
}

static bool fd_ready(void *ctx)
{
    struct pollfd p = {.fd = *(int *)ctx, .events = POLLIN};
    return poll(&p, 1, 0) > 0;
}

static bool fd_write(void *ctx, const char *buf, size_t n)
{
    while (n > 0) {
        ssize_t w = write(*(int *)ctx, buf, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        buf += w;
        n -= (size_t)w;
    }
    return true;
}

LspInput lsp_input_fd(int *fd)
{
    return (LspInput){.read = fd_read, .ready = fd_ready, .ctx = fd};
}

LspOutput lsp_output_fd(int *fd)
{
    return (LspOutput){.write = fd_write, .ctx = fd};
}
