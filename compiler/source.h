/* The compiler's names for the runtime's source set (runtime/sources.h): plans are held in memory
 * and addressed by byte offsets (Loc). */
#ifndef PLANC_SOURCE_H
#define PLANC_SOURCE_H

#include "sources.h"

typedef prt_loc Loc;
typedef prt_source_file SourceFile;
typedef prt_source_set SourceSet;

#define sources_init prt_sources_init
#define sources_free prt_sources_free
#define sources_add prt_sources_add
#define sources_add_mapped prt_sources_add_mapped
#define sources_get prt_sources_get
#define source_line_col prt_source_line_col
#define source_line_extent prt_source_line_extent

/* The largest file planc reads: offsets are 32-bit, and a plan of a million indicators (the largest
 * benchmark, bench/run) is 410 MB of text; a gigabyte leaves room and still stops a runaway input. */
#define PLANC_MAX_FILE_BYTES (1024u * 1024u * 1024u)

#endif
