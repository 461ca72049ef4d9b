/* Allocation that cannot return NULL: running out of memory ends the program with a message,
 * since no caller could do anything more useful. */
#ifndef PLANC_XALLOC_H
#define PLANC_XALLOC_H

#include <stddef.h>

/* Reports that memory ran out and exits with status 2. */
_Noreturn void xalloc_die(void);
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

#endif
