/* Merged cells (xlsx_read.h).  A worksheet lists its merged ranges (<mergeCells>) after its rows, so a
 * first pass reads them alone.  A range's value is its top-left cell's, and every other cell of it
 * reads as that value: people merge a period cell down over the rows it applies to.  Only cells of
 * rows that exist and columns up to the row's own last value are filled, and the ranges' count and
 * total area are capped, so the work stays linear in the file. */
#include "xlsx_read.h"

#include <stdlib.h>
#include <string.h>

static int by_top_left(const void *a, const void *b)
{
    const prt_xlsx_merge *x = a, *y = b;
    if (x->r1 != y->r1)
        return x->r1 < y->r1 ? -1 : 1;
    return (x->c1 > y->c1) - (x->c1 < y->c1);
}

/* One corner of a range ("B12"), checked against a sheet's size; false with *why. */
static bool corner(const char *ref, unsigned long *col, unsigned long *row, const char *range, char **why)
{
    prt_buf q = {0};
    *why = NULL;
    if (!prt_xlsx_parse_ref(ref, col, row) || !*col || !*row) {
        *why = prt_xlsx_msg("the sheet has a merged range '%s' that is not one (two cells, like A2:A5)", prt_xlsx_quote(&q, range));
    } else if (*col > PRT_XLSX_MAX_COL || *row > PRT_XLSX_MAX_ROW) {
        *why = prt_xlsx_msg("the sheet's merged range %s reaches beyond the last cell of a sheet (XFD1048576)",
                            prt_xlsx_quote(&q, range));
    }
    prt_buf_free(&q);
    return !*why;
}

static bool add_range(prt_xlsx_merges *ms, const char *range, char **why)
{
    char *copy = prt_xstrdup(range), *colon = strchr(copy, ':');
    if (colon)
        *colon = '\0';
    unsigned long c1, r1, c2, r2;
    bool ok = corner(copy, &c1, &r1, range, why) && corner(colon ? colon + 1 : copy, &c2, &r2, range, why);
    free(copy);
    if (!ok)
        return false;
    prt_xlsx_merge m = {(unsigned)(r1 < r2 ? r1 : r2), (unsigned)(r1 < r2 ? r2 : r1), (unsigned)(c1 < c2 ? c1 : c2),
                        (unsigned)(c1 < c2 ? c2 : c1), "", 0, NULL};
    if (m.r1 == m.r2 && m.c1 == m.c2)
        return true;   /* one cell: nothing to fill */
    if (ms->n == ms->most) {
        *why = prt_xlsx_msg("the sheet has more than %zu merged ranges, the most planc reads: the file is damaged "
                            "or hostile", ms->most);
        return false;
    }
    ms->area += (uint64_t)(m.r2 - m.r1 + 1) * (m.c2 - m.c1 + 1);
    if (ms->area > PRT_XLSX_MAX_MERGE_AREA) {
        *why = prt_xlsx_msg("the sheet's merged ranges cover more than %llu cells, the most planc reads: unmerge "
                            "the cells of whole rows or columns", (unsigned long long)PRT_XLSX_MAX_MERGE_AREA);
        return false;
    }
    if (ms->n == ms->cap) {
        ms->cap = ms->cap ? 2 * ms->cap : 16;
        ms->m = prt_xrealloc(ms->m, ms->cap * sizeof *ms->m);
    }
    ms->m[ms->n++] = m;
    return true;
}

/* Whether the n bytes at s hold the k bytes of w (memmem is not standard C). */
static bool holds(const char *s, size_t n, const char *w, size_t k)
{
    for (const char *p = s, *end = s + n; (size_t)(end - p) >= k; p++) {
        p = memchr(p, w[0], (size_t)(end - p) - k + 1);
        if (!p)
            return false;
        if (memcmp(p, w, k) == 0)
            return true;
    }
    return false;
}

/* Whether the part's bytes may hold a merged range: most sheets have none, and for them the pass that
 * looks for ranges through the XML parser (the whole sheet a second time, half the reading) is not
 * needed.  "mergeCell" is looked for in the bytes as unpacked (a run of them split between two reads
 * is kept); a part in UTF-16, one that cannot be read here, or one over the cap is looked through by
 * the parser, which says what is wrong with it. */
static bool may_merge(prt_xlsx_zip *z, const char *part)
{
    static const char needle[] = "mergeCell";
    enum { N = sizeof needle - 1, PIECE = 1 << 16 };
    int64_t index = prt_xlsx_zip_find(z, part);
    char *why = NULL;
    zip_file_t *f = index >= 0 ? prt_xlsx_zip_fopen(z, index, part, &why) : NULL;
    free(why);
    if (!f)
        return true;
    char *buf = prt_xmalloc(PIECE + N);
    size_t kept = 0, total = 0;
    bool found = false, first = true;
    zip_int64_t got;
    while (!found && (got = zip_fread(f, buf + kept, PIECE)) > 0) {
        total += (size_t)got;
        size_t have = kept + (size_t)got;
        /* UTF-16 (a byte-order mark, or '<' beside a NUL) is not searched as bytes */
        found = (first && have >= 2 && (((unsigned char)buf[0] >= 0xFE && (unsigned char)buf[1] >= 0xFE) ||
                                        buf[0] == '\0' || buf[1] == '\0')) ||
                total > z->part_cap || holds(buf, have, needle, N);
        first = false;
        kept = have < N - 1 ? have : N - 1;
        memmove(buf, buf + have - kept, kept);
    }
    found |= got < 0;
    zip_fclose(f);
    free(buf);
    return found;
}

bool prt_xlsx_merges_read(prt_xlsx_merges *ms, prt_xlsx_zip *z, const char *part, char **why)
{
    memset(ms, 0, sizeof *ms);
    ms->most = prt_xlsx_count_cap(z, PRT_XLSX_MAX_MERGES, 32);
    if (!may_merge(z, part))
        return true;
    prt_xlsx_xml x;
    if (!prt_xlsx_xml_open(&x, z, part, why))
        return false;
    static const char *const names[] = {"ref"};
    const char *v[1];
    int rc = prt_xlsx_xml_read(&x, why);
    while (rc == 1) {
        if (prt_xlsx_xml_starts(&x, "sheetData") && !xmlTextReaderIsEmptyElement(x.reader)) {
            rc = prt_xlsx_xml_skip(&x, why);   /* the rows are the second pass's */
            continue;
        }
        if (prt_xlsx_xml_starts(&x, "mergeCell")) {
            prt_xlsx_xml_attrs(&x, names, v, 1);
            if (v[0] && !add_range(ms, v[0], why)) {
                rc = -1;
                break;
            }
        }
        rc = prt_xlsx_xml_read(&x, why);
    }
    prt_xlsx_xml_close(&x);
    if (ms->n)
        qsort(ms->m, ms->n, sizeof *ms->m, by_top_left);
    return rc == 0;
}

/* Drops the ranges that end above row and takes in those that start at it or above. */
static void reach_row(prt_xlsx_merges *ms, unsigned row)
{
    size_t kept = 0;
    for (size_t i = 0; i < ms->nactive; i++)
        if (ms->m[ms->active[i]].r2 >= row)
            ms->active[kept++] = ms->active[i];
    ms->nactive = kept;
    for (; ms->next < ms->n && ms->m[ms->next].r1 <= row; ms->next++) {
        if (ms->m[ms->next].r2 < row)
            continue;   /* its rows held nothing */
        if (ms->nactive == ms->active_cap) {
            ms->active_cap = ms->active_cap ? 2 * ms->active_cap : 16;
            ms->active = prt_xrealloc(ms->active, ms->active_cap * sizeof *ms->active);
        }
        ms->active[ms->nactive++] = ms->next;
    }
}

/* Takes the values of the ranges whose top row this is from its cells.  A value inside the shared
 * strings stays there; others are copied, once for ranges that share a top-left cell. */
static void take_values(prt_xlsx_merges *ms, unsigned row, const prt_xlsx_cells *c, const prt_xlsx_strings *strings)
{
    const prt_xlsx_merge *last = NULL;
    const char *lo = strings->text.data, *hi = lo ? lo + strings->text.len : NULL;
    for (size_t i = 0; i < ms->nactive; i++) {
        prt_xlsx_merge *m = &ms->m[ms->active[i]];
        if (m->r1 != row || m->c1 > c->width)
            continue;
        if (last && last->c1 == m->c1) {
            m->text = last->text, m->len = last->len, m->problem = last->problem;
            continue;
        }
        size_t col = m->c1 - 1;
        const char *t = c->text[col];
        m->len = c->len[col];
        m->text = (lo && t >= lo && t < hi) ? t : prt_pool_add(&ms->values, t, m->len);
        m->problem = c->problem[col] ? prt_pool_add(&ms->values, c->problem[col], strlen(c->problem[col])) : NULL;
        last = m;
    }
}

void prt_xlsx_merges_apply(prt_xlsx_merges *ms, unsigned row, prt_xlsx_cells *c, const prt_xlsx_strings *strings)
{
    if (ms->n == 0)
        return;
    reach_row(ms, row);
    if (ms->nactive == 0 || c->width == 0)
        return;
    take_values(ms, row, c, strings);
    size_t width = c->width;   /* the row's own: filling never widens it */
    bool filled = false;
    for (size_t i = 0; i < ms->nactive; i++) {
        const prt_xlsx_merge *m = &ms->m[ms->active[i]];
        for (size_t col = m->c1; col <= m->c2 && col <= width; col++) {
            if (row == m->r1 && col == m->c1)
                continue;
            prt_xlsx_cells_set(c, col - 1, m->text, m->len, m->problem);
            filled = true;
        }
    }
    if (!filled)
        return;
    c->width = 0;   /* a filled cell may now be empty: the last with a value is among those set */
    for (size_t i = 0; i < c->ndirty; i++) {
        size_t col = c->dirty[i];
        if ((c->len[col] || c->problem[col]) && col + 1 > c->width)
            c->width = col + 1;
    }
}

void prt_xlsx_merges_free(prt_xlsx_merges *ms)
{
    free(ms->m);
    free(ms->active);
    prt_pool_free(&ms->values);
    memset(ms, 0, sizeof *ms);
}
