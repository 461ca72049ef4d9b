/* The files of one run and the mapping from byte offsets to line:column.
 * Locations are kept as byte offsets everywhere (cheap to carry through the parser) and turned
 * into line and column only when a diagnostic is printed. */
#ifndef PLANC_SOURCE_H
#define PLANC_SOURCE_H

#include <stddef.h>
#include <stdint.h>

typedef struct Loc {
    uint32_t file;              /* 0: no location; otherwise an index into the SourceSet, from 1 */
    uint32_t begin, end;        /* byte offsets, end exclusive */
} Loc;

typedef struct SourceFile {
    char *path;                 /* as the user named it, or as an include resolved it */
    char *text;                 /* the bytes, followed by two NULs (read-only when mapped) */
    size_t size;
    size_t map_len;             /* nonzero: text is a private mapping of the file this long, not malloc'd */
    uint32_t *line_starts;      /* computed on first use */
    size_t nlines;
} SourceFile;

typedef struct SourceSet {
    SourceFile *files;          /* files[0] is unused so that a Loc's file 0 means none */
    size_t nfiles, cap;
} SourceSet;

/* The largest file planc reads: offsets are 32-bit, and a plan of a million indicators (the largest
 * benchmark, bench/run) is 410 MB of text; a gigabyte leaves room and still stops a runaway input. */
#define PLANC_MAX_FILE_BYTES (1024u * 1024u * 1024u)

void sources_init(SourceSet *s);
void sources_free(SourceSet *s);
/* Adds a file whose text the caller hands over (malloc'd, size bytes plus two NULs). */
uint32_t sources_add(SourceSet *s, const char *path, char *text, size_t size);
/* The same for text mapped by map_text_file (load.h), map_len bytes, unmapped when the set is freed. */
uint32_t sources_add_mapped(SourceSet *s, const char *path, char *text, size_t size, size_t map_len);
const SourceFile *sources_get(const SourceSet *s, uint32_t file);

/* 1-based line; column counted in characters (UTF-8 code points), 1-based, as gcc and clang print. */
void source_line_col(const SourceSet *s, uint32_t file, uint32_t offset, unsigned *line, unsigned *col);
/* The extent of the line holding offset, without its line end. */
void source_line_extent(const SourceSet *s, uint32_t file, uint32_t offset, uint32_t *begin, uint32_t *end);

#endif
