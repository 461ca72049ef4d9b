#include "arena.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct ArenaBlock {
    ArenaBlock *next;
    size_t cap, used;
    _Alignas(max_align_t) unsigned char data[];
};

enum { ARENA_BLOCK = 64 * 1024 };

void arena_init(Arena *a) { memset(a, 0, sizeof *a); }

void arena_free(Arena *a)
{
    ArenaBlock *b = a->head;
    while (b) {
        ArenaBlock *next = b->next;
        free(b);
        b = next;
    }
    free(a->interned);
    memset(a, 0, sizeof *a);
}

void *arena_alloc(Arena *a, size_t size)
{
    size_t align = _Alignof(max_align_t);
    size = (size + align - 1) & ~(align - 1);
    if (size == 0)
        size = align;
    ArenaBlock *b = a->head;
    if (!b || b->cap - b->used < size) {
        size_t cap = size > ARENA_BLOCK ? size : ARENA_BLOCK;
        b = xmalloc(sizeof *b + cap);
        b->cap = cap;
        b->used = 0;
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += size;
    a->used_bytes += size;
    memset(p, 0, size);
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

/* FNV-1a: short identifiers dominate, and it is good enough for them. */
static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static void intern_grow(Arena *a)
{
    size_t cap = a->intern_cap ? a->intern_cap * 2 : 1024;
    const char **tab = xcalloc(cap, sizeof *tab);
    for (size_t i = 0; i < a->intern_cap; i++) {
        const char *s = a->interned[i];
        if (!s)
            continue;
        size_t j = hash_bytes(s, strlen(s)) & (cap - 1);
        while (tab[j])
            j = (j + 1) & (cap - 1);
        tab[j] = s;
    }
    free(a->interned);
    a->interned = tab;
    a->intern_cap = cap;
}

const char *arena_intern(Arena *a, const char *s, size_t n)
{
    if ((a->intern_len + 1) * 2 > a->intern_cap)
        intern_grow(a);
    size_t mask = a->intern_cap - 1;
    size_t j = hash_bytes(s, n) & mask;
    while (a->interned[j]) {
        const char *t = a->interned[j];
        if (strncmp(t, s, n) == 0 && t[n] == '\0')
            return t;
        j = (j + 1) & mask;
    }
    const char *copy = arena_strndup(a, s, n);
    a->interned[j] = copy;
    a->intern_len++;
    return copy;
}
