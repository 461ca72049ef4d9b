/* Arrays of many megabytes that grow as rows are read (the kept results rows): mapped from the system
 * and asked for huge pages where it offers them, grown in place or moved by remapping, never copied.
 * Faulting in 150 MB of rows a 4 KiB page at a time was a tenth of the evaluator's time
 * (docs/performance.md). */
#define _GNU_SOURCE             /* mremap and MADV_HUGEPAGE, beside the build's _XOPEN_SOURCE */
#include "strbuf.h"

#include <stdlib.h>
#include <sys/mman.h>

/* under AddressSanitizer the array stays malloc's, for it to watch */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#endif

#if defined(MREMAP_MAYMOVE) && defined(MADV_HUGEPAGE) && !defined(UNDER_ASAN)

void *prt_big_grow(void *p, size_t bytes, size_t new_bytes)
{
    void *q = p ? mremap(p, bytes, new_bytes, MREMAP_MAYMOVE)
                : mmap(NULL, new_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (q == MAP_FAILED)
        prt_out_of_memory();
    (void)madvise(q, new_bytes, MADV_HUGEPAGE);    /* a hint: refused, nothing is lost */
    return q;
}

void prt_big_free(void *p, size_t bytes)
{
    if (p)
        munmap(p, bytes);
}

/* below a few huge pages a mapping costs more than it saves: calloc's */
#define BIG_ZALLOC_MIN ((size_t)4 << 20)

void *prt_big_zalloc(size_t bytes)
{
    if (bytes < BIG_ZALLOC_MIN)
        return prt_xcalloc(1, bytes ? bytes : 1);
    return prt_big_grow(NULL, 0, bytes);    /* fresh mappings are zero */
}

void prt_big_zfree(void *p, size_t bytes)
{
    if (bytes < BIG_ZALLOC_MIN)
        free(p);
    else
        prt_big_free(p, bytes);
}

#else

void *prt_big_grow(void *p, size_t bytes, size_t new_bytes)
{
    (void)bytes;
    return prt_xrealloc(p, new_bytes);
}

void prt_big_free(void *p, size_t bytes)
{
    (void)bytes;
    free(p);
}

void *prt_big_zalloc(size_t bytes)
{
    return prt_xcalloc(1, bytes ? bytes : 1);
}

void prt_big_zfree(void *p, size_t bytes)
{
    (void)bytes;
    free(p);
}

#endif
