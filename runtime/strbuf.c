/* The string builder, the string pool and the allocation helpers declared in strbuf.h. */
#include "strbuf.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

bool prt_same_nocase(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
        if ((x >= 'A' && x <= 'Z' ? x + 32 : x) != (y >= 'A' && y <= 'Z' ? y + 32 : y))
            return false;
    }
    return !*a && !*b;
}

_Noreturn void prt_out_of_memory(void)
{
    static const char msg[] = "planrt: fatal error: out of memory\n";
    ssize_t w = write(2, msg, sizeof msg - 1);
    (void)w;
    exit(2);
}

void *prt_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        prt_out_of_memory();
    return p;
}

void *prt_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        prt_out_of_memory();
    return p;
}

void *prt_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        prt_out_of_memory();
    return q;
}

char *prt_xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(prt_xmalloc(n), s, n);
}

/* Room for n more bytes and a NUL; the capacity doubles, so building is linear in the text. */
static void reserve(prt_buf *b, size_t n)
{
    if (n >= (size_t)-1 / 2 - b->len)
        prt_out_of_memory();
    if (b->len + n + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + n + 1)
        cap *= 2;
    b->data = prt_xrealloc(b->data, cap);
    b->cap = cap;
}

void prt_buf_add(prt_buf *b, const char *s, size_t n)
{
    reserve(b, n);
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void prt_buf_puts(prt_buf *b, const char *s) { prt_buf_add(b, s, strlen(s)); }

void prt_buf_putc(prt_buf *b, char c) { prt_buf_add(b, &c, 1); }

void prt_buf_vprintf(prt_buf *b, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    reserve(b, 64);
    int n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
    if (n < 0) {
        va_end(again);
        b->data[b->len] = '\0';
        return;
    }
    if ((size_t)n >= b->cap - b->len) {
        reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, b->cap - b->len, fmt, again);
    }
    va_end(again);
    b->len += (size_t)n;
}

void prt_buf_printf(prt_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    prt_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

const char *prt_buf_str(const prt_buf *b) { return b->data ? b->data : ""; }

void prt_buf_clear(prt_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

char *prt_buf_take(prt_buf *b)
{
    char *s = b->data ? b->data : prt_xstrdup("");
    memset(b, 0, sizeof *b);
    return s;
}

void prt_buf_free(prt_buf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

void prt_buf_flush(prt_buf *b, FILE *out)
{
    if (b->len)
        fwrite(b->data, 1, b->len, out);
    prt_buf_clear(b);
}

/* ---- the pool ---- */

enum { POOL_BLOCK = 64 * 1024 };

struct prt_pool_block {
    struct prt_pool_block *next;
    size_t used, size;
    char text[];
};

const char *prt_pool_add(prt_pool *p, const char *s, size_t n)
{
    struct prt_pool_block *b = p->blocks;
    if (!b || b->size - b->used < n + 1) {
        /* a text larger than a block gets a block of its own, behind the current one */
        size_t size = n + 1 > POOL_BLOCK ? n + 1 : POOL_BLOCK;
        struct prt_pool_block *nb = prt_xmalloc(sizeof *nb + size);
        nb->used = 0;
        nb->size = size;
        if (b && size > POOL_BLOCK) {
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            p->blocks = nb;
        }
        b = nb;
    }
    char *t = b->text + b->used;
    if (n)
        memcpy(t, s, n);
    t[n] = '\0';
    b->used += n + 1;
    return t;
}

const char *prt_pool_printf(prt_pool *p, const char *fmt, ...)
{
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    /* formatted in place when it fits in the current block: no allocation at all */
    struct prt_pool_block *b = p->blocks;
    size_t room = b ? b->size - b->used : 0;
    int n = vsnprintf(room ? b->text + b->used : NULL, room, fmt, ap);
    va_end(ap);
    const char *t;
    if (n >= 0 && (size_t)n < room) {
        t = b->text + b->used;
        b->used += (size_t)n + 1;
    } else {
        prt_buf text = {0};
        prt_buf_vprintf(&text, fmt, again);
        t = prt_pool_add(p, prt_buf_str(&text), text.len);
        prt_buf_free(&text);
    }
    va_end(again);
    return t;
}

void prt_pool_free(prt_pool *p)
{
    while (p->blocks) {
        struct prt_pool_block *next = p->blocks->next;
        free(p->blocks);
        p->blocks = next;
    }
}
