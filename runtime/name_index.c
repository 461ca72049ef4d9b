/* The results reader's index of the plan's names (name_index.h): the packed names for the test
 * against the next indicator, the hash table for every other row. */
#include "name_index.h"
#include "hash.h"
#include "strbuf.h"

#include <stdlib.h>
#include <string.h>

/* Returns whether key was new (the checker has made names unique, but a reference may be another
 * indicator's identifier: then the first keeps it). */
static bool index_put(prt_name_index *ix, const char *key, prt_named_ref value)
{
    if (!key)
        return false;
    size_t n = strlen(key);
    uint32_t h = prt_hash_bytes(key, n);
    size_t mask = ix->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        prt_name_slot *s = &ix->slots[i];
        if (!s->key) {
            *s = (prt_name_slot){key, h, (unsigned)value.index, value.input};
            return true;
        }
        if (s->hash == h && strcmp(s->key, key) == 0)
            return false;
    }
}

/* Whether key (NUL-terminated) is the n bytes at s (which may hold a NUL: then it is no name). */
static bool same_text(const char *key, const char *s, size_t n)
{
    return strnlen(key, n + 1) == n && memcmp(key, s, n) == 0;
}

/* The table of every indicator's reference and identifier and every input's identifier.  A name
 * an earlier indicator took is no longer this one's in the packed names either. */
static void index_fill(prt_name_index *ix)
{
    const prt_plan *plan = ix->plan;
    size_t need = 2 * ((size_t)plan->nindicators * 2 + (size_t)plan->ninputs) + 16;
    ix->cap = 16;
    while (ix->cap < need)
        ix->cap *= 2;
    ix->slots = calloc(ix->cap, sizeof *ix->slots);
    if (!ix->slots)
        prt_out_of_memory();
    for (int i = 0; i < plan->nindicators; i++) {
        if (!index_put(ix, plan->indicators[i].ref, (prt_named_ref){i, false}))
            ix->packed[i].ref_len = SIZE_MAX;
        if (!index_put(ix, plan->indicators[i].id, (prt_named_ref){i, false}))
            ix->packed[i].id_len = SIZE_MAX;
    }
    for (int i = 0; i < plan->ninputs; i++)
        index_put(ix, plan->inputs[i].id, (prt_named_ref){i, true});
}

static bool index_get(prt_name_index *ix, const char *key, size_t n, prt_named_ref *value)
{
    if (!ix->slots)
        index_fill(ix);
    uint32_t h = prt_hash_bytes(key, n);
    size_t mask = ix->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const prt_name_slot *s = &ix->slots[i];
        if (!s->key)
            return false;
        if (s->hash == h && same_text(s->key, key, n)) {
            *value = (prt_named_ref){(int)s->index, s->input};
            return true;
        }
    }
}

/* Copies the NUL-terminated text to the pool at *used; its length, or SIZE_MAX for none. */
static size_t pool_add(char *pool, size_t *used, const char *text, size_t *off)
{
    *off = *used;
    if (!text)
        return SIZE_MAX;
    size_t n = strlen(text);
    memcpy(pool + *used, text, n + 1);
    *used += n + 1;
    return n;
}

/* Every indicator's reference and identifier, in plan order, in one pool. */
static void index_pack(prt_name_index *ix)
{
    const prt_plan *plan = ix->plan;
    size_t n = (size_t)plan->nindicators, bytes = 0;
    for (size_t i = 0; i < n; i++) {
        const prt_indicator *in = &plan->indicators[i];
        bytes += (in->ref ? strlen(in->ref) + 1 : 0) + (in->id ? strlen(in->id) + 1 : 0);
    }
    ix->packed = prt_xrealloc(NULL, (n ? n : 1) * sizeof *ix->packed);
    ix->pool = prt_xrealloc(NULL, bytes ? bytes : 1);
    size_t used = 0;
    for (size_t i = 0; i < n; i++) {
        prt_packed_names *p = &ix->packed[i];
        p->ref_len = pool_add(ix->pool, &used, plan->indicators[i].ref, &p->ref_off);
        p->id_len = pool_add(ix->pool, &used, plan->indicators[i].id, &p->id_off);
    }
}

/* A plan whose names are distinct needs no table while rows come in its order; one whose names are
 * not is told which indicator owns each name before the first row. */
void prt_name_index_build(prt_name_index *ix, const prt_plan *plan)
{
    memset(ix, 0, sizeof *ix);
    ix->plan = plan;
    index_pack(ix);
    if (!plan->names_distinct)
        index_fill(ix);
}

void prt_name_index_free(prt_name_index *ix)
{
    free(ix->slots);
    free(ix->packed);
    free(ix->pool);
}

/* The length is compared first: most rows that are not the next indicator's differ in it.  After the
 * last indicator the next is the first: a file of several periods starts each again in plan order
 * (without this the hash table was built for the first row of the second period). */
bool prt_name_index_find(prt_name_index *ix, int previous, const char *key, size_t n, prt_named_ref *who)
{
    int next = previous + 1 < ix->plan->nindicators ? previous + 1 : 0;
    if (next >= 0 && next < ix->plan->nindicators) {
        const prt_packed_names *p = &ix->packed[next];
        if ((p->ref_len == n && memcmp(ix->pool + p->ref_off, key, n) == 0) ||
            (p->id_len == n && memcmp(ix->pool + p->id_off, key, n) == 0)) {
            *who = (prt_named_ref){next, false};
            return true;
        }
    }
    return index_get(ix, key, n, who);
}
