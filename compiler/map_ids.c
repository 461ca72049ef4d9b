/* The map's object identifiers for Graphviz: named objects numbered in the order they are created.
 * Graphviz's own discipline makes a name's identifier the address of its interned string, and orders
 * subgraphs by identifier when it lays out and writes a graph: the map's clusters then came out in an
 * order that changed with memory layout (a sanitizer build drew and wrote them differently). */
#include "map_ids.h"
#include "hash.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* Names get even identifiers 2, 4, 6 ... (their index + 1, doubled); anonymous objects odd ones, as
 * Graphviz's discipline tells them apart. */
typedef struct Ids {
    Agraph_t *g;                /* whose string dictionary holds the names */
    char **names;               /* by index; interned in g (agstrdup), one reference each */
    size_t n, cap;
    size_t *slots;              /* index + 1 into names, by hash; 0 empty */
    size_t nslots;
    IDTYPE anonymous;
} Ids;

static void *ids_open(Agraph_t *g, Agdisc_t *disc)
{
    (void)disc;
    Ids *t = xcalloc(1, sizeof *t);
    t->g = g;
    t->nslots = 64;
    t->slots = xcalloc(t->nslots, sizeof *t->slots);
    t->anonymous = 1;
    return t;
}

static size_t *slot_of(Ids *t, const char *s)
{
    size_t mask = t->nslots - 1, i = prt_hash_bytes(s, strlen(s)) & mask;
    while (t->slots[i] && strcmp(t->names[t->slots[i] - 1], s) != 0)
        i = (i + 1) & mask;
    return &t->slots[i];
}

static void grow(Ids *t)
{
    size_t *old = t->slots, nold = t->nslots;
    t->nslots *= 2;
    t->slots = xcalloc(t->nslots, sizeof *t->slots);
    for (size_t i = 0; i < nold; i++)
        if (old[i])
            *slot_of(t, t->names[old[i] - 1]) = old[i];
    free(old);
}

static long ids_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
    (void)objtype;
    Ids *t = state;
    if (!str) {
        *id = t->anonymous;
        t->anonymous += 2;
        return 1;
    }
    size_t *slot = slot_of(t, str);
    if (!*slot) {
        if (!createflag)
            return 0;
        if (t->n == t->cap) {
            t->cap = t->cap ? 2 * t->cap : 64;
            t->names = xrealloc(t->names, t->cap * sizeof *t->names);
        }
        /* Interned, not a plain copy: Graphviz reads the string's header when it writes a name
         * (aghtmlstr, to choose <...> or "..."), so a name it is handed must be one of its own. */
        t->names[t->n] = agstrdup(t->g, str);
        *slot = ++t->n;
        if (2 * t->n > t->nslots)
            grow(t);
        slot = slot_of(t, str);
    }
    *id = (IDTYPE)*slot * 2;
    return 1;
}

static long ids_alloc(void *state, int objtype, IDTYPE id)
{
    (void)state, (void)objtype, (void)id;
    return 0;                   /* the map never asks for an identifier of its own choosing */
}

static void ids_free(void *state, int objtype, IDTYPE id)
{
    (void)state, (void)objtype, (void)id;   /* names live as long as the graph */
}

static char *ids_print(void *state, int objtype, IDTYPE id)
{
    (void)objtype;
    Ids *t = state;
    return id % 2 == 0 && id / 2 >= 1 && id / 2 <= t->n ? t->names[id / 2 - 1] : NULL;
}

static void ids_close(void *state)
{
    Ids *t = state;
    for (size_t i = 0; i < t->n; i++)
        agstrfree(t->g, t->names[i]);
    free(t->names);
    free(t->slots);
    free(t);
}

static void ids_register(void *state, int objtype, void *obj)
{
    (void)state, (void)objtype, (void)obj;
}

static Agiddisc_t map_iddisc = {ids_open, ids_map, ids_alloc, ids_free, ids_print, ids_close, ids_register};

Agdisc_t map_disc = {&AgMemDisc, &map_iddisc, &AgIoDisc};
