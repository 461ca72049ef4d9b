/* The source files of a run (source.h): their text, and byte offsets turned into line and column. */
#include "source.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

void sources_init(SourceSet *s) { memset(s, 0, sizeof *s); }

void sources_free(SourceSet *s)
{
    for (size_t i = 1; i < s->nfiles; i++) {
        free(s->files[i].path);
        if (s->files[i].map_len)
            munmap(s->files[i].text, s->files[i].map_len);
        else
            free(s->files[i].text);
        free(s->files[i].line_starts);
    }
    free(s->files);
    memset(s, 0, sizeof *s);
}

uint32_t sources_add(SourceSet *s, const char *path, char *text, size_t size)
{
    if (s->nfiles == 0)
        s->nfiles = 1;      /* file 0 stands for "no file" */
    if (s->nfiles >= s->cap) {
        s->cap = s->cap ? s->cap * 2 : 8;
        s->files = xrealloc(s->files, s->cap * sizeof *s->files);
    }
    SourceFile *f = &s->files[s->nfiles];
    memset(f, 0, sizeof *f);
    f->path = xstrdup(path);
    f->text = text;
    f->size = size;
    return (uint32_t)s->nfiles++;
}

uint32_t sources_add_mapped(SourceSet *s, const char *path, char *text, size_t size, size_t map_len)
{
    uint32_t file = sources_add(s, path, text, size);
    s->files[file].map_len = map_len;
    return file;
}

const SourceFile *sources_get(const SourceSet *s, uint32_t file)
{
    if (file == 0 || file >= s->nfiles)
        return NULL;
    return &s->files[file];
}

/* A line ends at LF, at CR, or at CRLF (counted once). */
static void compute_lines(SourceFile *f)
{
    size_t cap = 64, n = 0;
    uint32_t *starts = xmalloc(cap * sizeof *starts);
    starts[n++] = 0;
    for (size_t i = 0; i < f->size; i++) {
        char c = f->text[i];
        if (c == '\r' && i + 1 < f->size && f->text[i + 1] == '\n')
            continue;
        if (c == '\n' || c == '\r') {
            if (n == cap) {
                cap *= 2;
                starts = xrealloc(starts, cap * sizeof *starts);
            }
            starts[n++] = (uint32_t)(i + 1);
        }
    }
    f->line_starts = starts;
    f->nlines = n;
}

static size_t line_index(SourceFile *f, uint32_t offset)
{
    if (!f->line_starts)
        compute_lines(f);
    size_t lo = 0, hi = f->nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (f->line_starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* The file, and the start of the line holding offset (clamped to the file). */
static SourceFile *locate(const SourceSet *s, uint32_t file, uint32_t *offset, size_t *line)
{
    SourceFile *f = (SourceFile *)sources_get(s, file);
    if (!f)
        return NULL;
    if (*offset > f->size)
        *offset = (uint32_t)f->size;
    *line = line_index(f, *offset);
    return f;
}

void source_line_col(const SourceSet *s, uint32_t file, uint32_t offset, unsigned *line, unsigned *col)
{
    size_t li;
    SourceFile *f = locate(s, file, &offset, &li);
    *line = *col = 0;
    if (!f)
        return;
    unsigned c = 1;
    for (uint32_t i = f->line_starts[li]; i < offset; i++)
        if (((unsigned char)f->text[i] & 0xC0) != 0x80)
            c++;
    *line = (unsigned)li + 1;
    *col = c;
}

void source_line_extent(const SourceSet *s, uint32_t file, uint32_t offset, uint32_t *begin, uint32_t *end)
{
    size_t li;
    SourceFile *f = locate(s, file, &offset, &li);
    *begin = *end = 0;
    if (!f)
        return;
    uint32_t b = f->line_starts[li], e = b;
    while (e < f->size && f->text[e] != '\n' && f->text[e] != '\r')
        e++;
    *begin = b;
    *end = e;
}
