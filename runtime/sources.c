/* The source files of a run (sources.h): their text, byte offsets turned into line and column, and
 * the lines of streamed files read again to be shown. */
#include "sources.h"
#include "strbuf.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

void prt_sources_init(prt_source_set *s) { memset(s, 0, sizeof *s); }

void prt_sources_free(prt_source_set *s)
{
    for (size_t i = 1; i < s->nfiles; i++) {
        free(s->files[i].path);
        free(s->files[i].sheet);
        if (s->files[i].map_len)
            munmap(s->files[i].text, s->files[i].map_len);
        else
            free(s->files[i].text);
        free(s->files[i].line_starts);
        if (s->files[i].reread)
            fclose(s->files[i].reread);
        free(s->files[i].shown);
    }
    free(s->files);
    memset(s, 0, sizeof *s);
}

uint32_t prt_sources_add(prt_source_set *s, const char *path, char *text, size_t size)
{
    if (s->nfiles == 0)
        s->nfiles = 1;      /* file 0 stands for "no file" */
    if (s->nfiles >= s->cap) {
        s->cap = s->cap ? s->cap * 2 : 8;
        s->files = prt_xrealloc(s->files, s->cap * sizeof *s->files);
    }
    prt_source_file *f = &s->files[s->nfiles];
    memset(f, 0, sizeof *f);
    f->path = prt_xstrdup(path);
    f->text = text;
    f->size = size;
    return (uint32_t)s->nfiles++;
}

uint32_t prt_sources_add_mapped(prt_source_set *s, const char *path, char *text, size_t size, size_t map_len)
{
    uint32_t file = prt_sources_add(s, path, text, size);
    s->files[file].map_len = map_len;
    return file;
}

uint32_t prt_sources_add_streamed(prt_source_set *s, const char *path)
{
    return prt_sources_add(s, path, NULL, 0);
}

uint32_t prt_sources_add_sheet(prt_source_set *s, const char *path, const char *sheet)
{
    uint32_t file = prt_sources_add(s, path, NULL, 0);
    s->files[file].sheet = prt_xstrdup(sheet);
    return file;
}

/* A column's letters: 1 is A, 26 Z, 27 AA, 16384 XFD. */
static void column_letters(prt_buf *b, unsigned col)
{
    char letters[8];
    int n = 0;
    for (; col > 0 && n < (int)sizeof letters; col = (col - 1) / 26)
        letters[n++] = (char)('A' + (col - 1) % 26);
    while (n > 0)
        prt_buf_putc(b, letters[--n]);
}

bool prt_source_sheet_place(const prt_source_set *s, prt_pos pos, prt_buf *b)
{
    prt_buf_clear(b);
    const prt_source_file *f = prt_sources_get(s, pos.file);
    if (!f || !f->sheet)
        return false;
    prt_buf_puts(b, "sheet '");
    for (const char *c = f->sheet; *c; c++) {
        if (*c == '\'')
            prt_buf_putc(b, '\'');
        prt_buf_putc(b, *c);
    }
    prt_buf_putc(b, '\'');
    if (pos.line && pos.col) {
        prt_buf_puts(b, " cell ");
        column_letters(b, pos.col);
        prt_buf_printf(b, "%u", pos.line);
    } else if (pos.line) {
        prt_buf_printf(b, " row %u", pos.line);
    }
    return true;
}

const prt_source_file *prt_sources_get(const prt_source_set *s, uint32_t file)
{
    if (file == 0 || file >= s->nfiles)
        return NULL;
    return &s->files[file];
}

/* A line ends at LF, at CR, or at CRLF (counted once). */
static void compute_lines(prt_source_file *f)
{
    size_t cap = 64, n = 0;
    uint32_t *starts = prt_xmalloc(cap * sizeof *starts);
    starts[n++] = 0;
    for (size_t i = 0; i < f->size; i++) {
        char c = f->text[i];
        if (c == '\r' && i + 1 < f->size && f->text[i + 1] == '\n')
            continue;
        if (c == '\n' || c == '\r') {
            if (n == cap) {
                cap *= 2;
                starts = prt_xrealloc(starts, cap * sizeof *starts);
            }
            starts[n++] = (uint32_t)(i + 1);
        }
    }
    f->line_starts = starts;
    f->nlines = n;
}

static size_t line_index(prt_source_file *f, uint32_t offset)
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
static prt_source_file *locate(const prt_source_set *s, uint32_t file, uint32_t *offset, size_t *line)
{
    prt_source_file *f = (prt_source_file *)prt_sources_get(s, file);
    if (!f || !f->text)
        return NULL;
    if (*offset > f->size)
        *offset = (uint32_t)f->size;
    *line = line_index(f, *offset);
    return f;
}

void prt_source_line_col(const prt_source_set *s, uint32_t file, uint32_t offset, unsigned *line, unsigned *col)
{
    size_t li;
    prt_source_file *f = locate(s, file, &offset, &li);
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

void prt_source_line_extent(const prt_source_set *s, uint32_t file, uint32_t offset, uint32_t *begin, uint32_t *end)
{
    size_t li;
    prt_source_file *f = locate(s, file, &offset, &li);
    *begin = *end = 0;
    if (!f)
        return;
    uint32_t b = f->line_starts[li], e = b;
    while (e < f->size && f->text[e] != '\n' && f->text[e] != '\r')
        e++;
    *begin = b;
    *end = e;
}

/* Reads on to the start of line `line` (the csv reader's lines: LF, CR or CRLF ends one); false at
 * the end of the file.  The stream is this file's alone, so bytes are read without stdio's lock
 * (getc_unlocked): warnings spread through a large file read all of it, a byte at a time. */
static bool skip_to_line(prt_source_file *f, unsigned line)
{
    while (f->reread_line < line) {
        int c = getc_unlocked(f->reread);
        if (c == EOF)
            return false;
        if (c == '\r') {
            int n = getc_unlocked(f->reread);
            if (n != '\n' && n != EOF)
                ungetc(n, f->reread);
        }
        if (c == '\r' || c == '\n')
            f->reread_line++;
    }
    return true;
}

/* The file is opened again for the first line asked for, and for a line before the last one read
 * (a note at an earlier row); a pipe or a device cannot be read twice and is not. */
static bool reread_at(prt_source_file *f, unsigned line)
{
    if (f->reread && f->reread_line <= line)
        return true;
    if (f->reread)
        fclose(f->reread);
    struct stat st;
    f->reread = stat(f->path, &st) == 0 && S_ISREG(st.st_mode) ? fopen(f->path, "rb") : NULL;
    f->reread_line = 1;
    if (!f->reread)
        return false;
    /* the reader skips a byte-order mark, and counts columns after it */
    char bom[3];
    if (fread(bom, 1, 3, f->reread) != 3 || memcmp(bom, "\xEF\xBB\xBF", 3) != 0)
        rewind(f->reread);
    return true;
}

static const char *read_line(prt_source_file *f, unsigned line, size_t max, size_t *len)
{
    if (!reread_at(f, line) || !skip_to_line(f, line))
        return NULL;
    prt_buf b = {0};
    int c;
    while ((c = getc_unlocked(f->reread)) != EOF && c != '\n' && c != '\r' && b.len <= max)
        prt_buf_putc(&b, (char)c);
    if (c == '\r' || c == '\n') {
        ungetc(c, f->reread);
        skip_to_line(f, line + 1);  /* past this line's end: the stream is at the start of the next */
    } else if (c == EOF) {
        f->reread_line = line + 1;
    } else {
        fclose(f->reread);          /* stopped inside a line too long to show: start again next time */
        f->reread = NULL;
    }
    if (b.len > max || (c == EOF && ferror(f->reread))) {
        prt_buf_free(&b);
        return NULL;
    }
    f->shown_len = b.len;
    f->shown_col = 0;
    f->shown = b.data ? prt_buf_take(&b) : prt_xstrdup("");
    f->shown_line = line;
    *len = f->shown_len;
    return f->shown;
}

const char *prt_source_reread_line(const prt_source_set *s, uint32_t file, unsigned line, size_t max, size_t *len)
{
    prt_source_file *f = (prt_source_file *)prt_sources_get(s, file);
    if (!f || f->text || f->sheet || line == 0)
        return NULL;
    if (f->shown_line == line && f->shown_len <= max) {
        *len = f->shown_len;
        return f->shown;
    }
    free(f->shown);
    f->shown = NULL;
    f->shown_line = 0;
    return read_line(f, line, max, len);
}

size_t prt_source_reread_column(const prt_source_set *s, uint32_t file, unsigned col)
{
    prt_source_file *f = (prt_source_file *)prt_sources_get(s, file);
    if (!f || !f->shown)
        return 0;
    unsigned c = 1;
    size_t i = 0;
    if (f->shown_col && f->shown_col <= col) {
        c = f->shown_col;
        i = f->shown_col_at;
    }
    for (; c < col && i < f->shown_len; c++) {
        i++;
        while (i < f->shown_len && ((unsigned char)f->shown[i] & 0xC0) == 0x80)
            i++;            /* a UTF-8 continuation byte belongs to the character before it */
    }
    f->shown_col = c;
    f->shown_col_at = i;
    return i;
}
