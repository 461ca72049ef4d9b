/* Growing arrays of many megabytes (the kept results rows) asked to be backed by huge pages where the
 * system offers them: faulting in 160 MB a 4 KiB page at a time was a tenth of the evaluator's time. */
#define _DEFAULT_SOURCE         /* madvise and MADV_HUGEPAGE, beside the build's _XOPEN_SOURCE */
#include "strbuf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

enum { HUGE_PAGE = 2u << 20 };

void *prt_xrealloc_big(void *p, size_t used, size_t n)
{
#ifdef MADV_HUGEPAGE
    if (n >= 2 * (size_t)HUGE_PAGE) {
        /* a fresh block on huge-page boundaries, advised before its first touch; the old one copied
         * (realloc would move its pages without the advice, or copy them into an unadvised block) */
        size_t whole = (n + HUGE_PAGE - 1) & ~(size_t)(HUGE_PAGE - 1);
        void *q = aligned_alloc(HUGE_PAGE, whole);
        if (!q)
            prt_out_of_memory();
        (void)madvise(q, whole, MADV_HUGEPAGE);     /* a hint: refused, nothing is lost */
        memcpy(q, p, used);
        free(p);
        return q;
    }
#endif
    (void)used;
    return prt_xrealloc(p, n);
}
