/* Allocation that cannot return NULL: the compiler's names for the runtime's one set of helpers
 * (runtime/strbuf.h), so that running out of memory has one handler, prt_out_of_memory. */
#ifndef PLANC_XALLOC_H
#define PLANC_XALLOC_H

#include "strbuf.h"

#define xalloc_die prt_out_of_memory
#define xmalloc prt_xmalloc
#define xcalloc prt_xcalloc
#define xrealloc prt_xrealloc
#define xstrdup prt_xstrdup

#endif
