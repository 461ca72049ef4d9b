/* The results reader's table from (indicator, period) to the row kept for it (row_table.h). */
#include "row_table.h"
#include "strbuf.h"

#include <stdlib.h>
#include <string.h>

/* A direct table of more entries than this (64 MiB) is hashed instead: the years a report keeps are
 * few (two, for a quarter's report), but a plan's arrears could stretch them to centuries. */
#define DIRECT_MAX_ENTRIES ((size_t)1 << 24)

void prt_row_table_init(prt_row_table *t) { memset(t, 0, sizeof *t); }

void prt_row_table_init_years(prt_row_table *t, size_t nindicators, int from, int to)
{
    prt_row_table_init(t);
    if (to < from || nindicators == 0)
        return;
    size_t nyears = (size_t)(to - from) + 1;
    if (nyears > DIRECT_MAX_ENTRIES / PRT_PERIODS_A_YEAR / nindicators)
        return;
    t->direct = prt_xcalloc(nyears * PRT_PERIODS_A_YEAR * nindicators, sizeof *t->direct);
    t->from_year = from;
    t->nyears = (int)nyears;
    t->nindicators = nindicators;
}

void prt_row_table_free(prt_row_table *t)
{
    free(t->direct);
    free(t->slots);
    prt_row_table_init(t);
}

/* The direct table's entry for (indicator, p), or NULL when p is outside its years (no row there). */
static uint32_t *direct_entry(const prt_row_table *t, int indicator, prt_period p)
{
    if (p.year < t->from_year || p.year - t->from_year >= t->nyears || indicator < 0 ||
        (size_t)indicator >= t->nindicators)
        return NULL;
    size_t period = (size_t)(p.year - t->from_year) * PRT_PERIODS_A_YEAR + prt_period_within_year(p);
    return &t->direct[period * t->nindicators + (size_t)indicator];
}

static size_t slot_hash(int indicator, prt_period p)
{
    uint64_t h = (uint64_t)(unsigned)indicator * 0x9E3779B97F4A7C15ull;
    h ^= (uint64_t)(unsigned)(p.year * 64 + (int)p.kind * 16 + p.index) * 0xC2B2AE3D27D4EB4Full;
    return (size_t)(h ^ (h >> 29));
}

/* The slot holding (indicator, p), or the empty slot where it would go. */
static prt_row_slot *find_slot(const prt_row_table *t, int indicator, prt_period p)
{
    size_t mask = t->nslots - 1;
    for (size_t i = slot_hash(indicator, p) & mask;; i = (i + 1) & mask) {
        prt_row_slot *s = &t->slots[i];
        if (!s->row || (s->indicator == indicator && prt_period_equal(s->period, p)))
            return s;
    }
}

static void grow(prt_row_table *t)
{
    prt_row_slot *old = t->slots;
    size_t nold = t->nslots;
    t->nslots = nold ? nold * 2 : 1024;
    t->slots = prt_xcalloc(t->nslots, sizeof *t->slots);
    for (size_t k = 0; k < nold; k++)
        if (old[k].row)
            *find_slot(t, old[k].indicator, old[k].period) = old[k];
    free(old);
}

void prt_row_table_put(prt_row_table *t, int indicator, prt_period p, size_t row)
{
    if (row >= UINT32_MAX)
        prt_out_of_memory();    /* 2^32 rows of 144 bytes: memory gave out long before */
    uint32_t *e = t->direct ? direct_entry(t, indicator, p) : NULL;
    if (e) {
        *e = (uint32_t)row + 1;
        return;
    }
    if ((t->used + 1) * 2 > t->nslots)
        grow(t);
    prt_row_slot *s = find_slot(t, indicator, p);
    if (!s->row)
        t->used++;
    *s = (prt_row_slot){indicator, p, (uint32_t)row + 1};
}

size_t prt_row_table_get(const prt_row_table *t, int indicator, prt_period p)
{
    if (t->direct) {
        const uint32_t *e = direct_entry(t, indicator, p);
        if (e)
            return *e;
    }
    return t->nslots ? find_slot(t, indicator, p)->row : 0;
}
