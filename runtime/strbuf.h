/* Growable text: the one string builder of planc and its runtime, and the one allocation helper
 * that ends the program when memory runs out.  No text planc writes is cut to a fixed size.  And the
 * one comparison of words as people type them, case aside. */
#ifndef PLANRT_STRBUF_H
#define PLANRT_STRBUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#if defined(__GNUC__) || defined(__clang__)
#define PRT_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define PRT_PRINTF(f, a)
#endif

/* Reports that memory ran out on standard error and exits with status 2. */
_Noreturn void prt_out_of_memory(void);
/* Whether a and b are the same text but for the case of ASCII letters ("Green Amber", "green amber"). */
bool prt_same_nocase(const char *a, const char *b);

void *prt_xmalloc(size_t n);
void *prt_xcalloc(size_t n, size_t size);
void *prt_xrealloc(void *p, size_t n);
/* An array of many megabytes that grows, of `bytes` bytes (0 and NULL at first) grown to new_bytes,
 * its contents kept; freed by prt_big_free with its size (big_alloc.c says why). */
void *prt_big_grow(void *p, size_t bytes, size_t new_bytes);
void prt_big_free(void *p, size_t bytes);
/* A zeroed array filled once (an evaluation's ratings), mapped as those are when it is megabytes long,
 * from calloc when not; freed by prt_big_zfree with its size. */
void *prt_big_zalloc(size_t bytes);
void prt_big_zfree(void *p, size_t bytes);
char *prt_xstrdup(const char *s);

/* A string being built: data is NUL-terminated once anything was added (prt_buf_str never NULL). */
typedef struct prt_buf {
    char *data;
    size_t len, cap;
} prt_buf;

void prt_buf_add(prt_buf *b, const char *s, size_t n);
void prt_buf_puts(prt_buf *b, const char *s);
void prt_buf_putc(prt_buf *b, char c);
void prt_buf_printf(prt_buf *b, const char *fmt, ...) PRT_PRINTF(2, 3);
void prt_buf_vprintf(prt_buf *b, const char *fmt, va_list ap);
/* The text so far ("" when empty). */
const char *prt_buf_str(const prt_buf *b);
void prt_buf_clear(prt_buf *b);
/* Hands the text over to the caller (malloc'd) and leaves the builder empty. */
char *prt_buf_take(prt_buf *b);
void prt_buf_free(prt_buf *b);
/* Writes the text to out and empties the builder. */
void prt_buf_flush(prt_buf *b, FILE *out);

/* Strings that live as long as the pool: kept in large blocks, so that many short texts (one
 * explanation per indicator) cost no allocation each and never move once made. */
typedef struct prt_pool {
    struct prt_pool_block *blocks;
} prt_pool;

const char *prt_pool_add(prt_pool *p, const char *s, size_t n);
const char *prt_pool_printf(prt_pool *p, const char *fmt, ...) PRT_PRINTF(2, 3);
void prt_pool_free(prt_pool *p);

#endif
