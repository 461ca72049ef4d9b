/* The map of symtab.h: open addressing over interned strings, keyed by address. */
#include "symtab.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>

static size_t slot(const char *key, size_t mask)
{
    uintptr_t h = (uintptr_t)key;
    h ^= h >> 17;
    h *= (uintptr_t)0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 7) & mask;
}

void symtab_free(Symtab *t)
{
    free(t->keys);
    free(t->values);
    t->keys = NULL;
    t->values = NULL;
    t->cap = t->len = 0;
}

void *symtab_get(const Symtab *t, const char *key)
{
    if (!t->cap || !key)
        return NULL;
    size_t mask = t->cap - 1;
    for (size_t i = slot(key, mask);; i = (i + 1) & mask) {
        if (!t->keys[i])
            return NULL;
        if (t->keys[i] == key)
            return t->values[i];
    }
}

static void grow(Symtab *t)
{
    size_t cap = t->cap ? t->cap * 2 : 64;
    const char **keys = xcalloc(cap, sizeof *keys);
    void **values = xcalloc(cap, sizeof *values);
    for (size_t i = 0; i < t->cap; i++) {
        if (!t->keys[i])
            continue;
        size_t j = slot(t->keys[i], cap - 1);
        while (keys[j])
            j = (j + 1) & (cap - 1);
        keys[j] = t->keys[i];
        values[j] = t->values[i];
    }
    free(t->keys);
    free(t->values);
    t->keys = keys;
    t->values = values;
    t->cap = cap;
}

/* The slot holding key, or the empty slot where it would go (after growing the table if needed). */
static size_t probe(Symtab *t, const char *key)
{
    /* up to three quarters full: the plan's name table is one of the larger things check keeps */
    if ((t->len + 1) * 4 > t->cap * 3)
        grow(t);
    size_t mask = t->cap - 1;
    size_t i = slot(key, mask);
    while (t->keys[i] && t->keys[i] != key)
        i = (i + 1) & mask;
    return i;
}

void *symtab_put(Symtab *t, const char *key, void *value)
{
    size_t i = probe(t, key);
    if (t->keys[i])
        return t->values[i];
    t->keys[i] = key;
    t->values[i] = value;
    t->len++;
    return value;
}

void symtab_set(Symtab *t, const char *key, void *value)
{
    size_t i = probe(t, key);
    if (!t->keys[i])
        t->len++;
    t->keys[i] = key;
    t->values[i] = value;
}
