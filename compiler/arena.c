/* The bump allocator of arena.h: blocks that grow, and interned strings with slots for the names bound to them. */
#include "arena.h"
#include "xalloc.h"
#include "hash.h"
#include "strbuf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The model holds pointers, doubles and 32-bit integers, never a long double: eight bytes of alignment
 * serve every object, where max_align_t's sixteen would waste a quarter of a small node. */
#define ARENA_ALIGN 8

struct ArenaBlock {
    ArenaBlock *next;
    size_t cap, used;
    _Alignas(ARENA_ALIGN) unsigned char data[];
};

/* An interned string carries, just before its characters, the values bound to it
 * (arena_intern_slot): a plan's name table is its interned strings themselves, so declaring or
 * resolving a name costs no second table and no second cache miss. */
typedef struct InternHeader {
    void *slots[ARENA_INTERN_SLOTS];
} InternHeader;

/* A slot of the intern table holds the string's hash and length beside the pointer: a probe that
 * meets another string tells it apart from the slot alone, where reading them from the string's
 * header cost a second, dependent cache miss on every probe (a fifth of `planc check`'s time on a
 * large plan: docs/performance.md), and the table grows without hashing anything again. */
struct InternSlot {
    const char *str;            /* NULL: the slot is free */
    uint32_t hash, len;
};

void **arena_intern_slot(const char *interned, int which)
{
    return &((InternHeader *)(void *)(interned - sizeof(InternHeader)))->slots[which];
}

/* Blocks come from calloc, so arena_alloc need not zero what it hands out: a block of a megabyte is
 * mapped by malloc, and calloc knows the kernel's fresh pages are zero already.  Zeroing every
 * object with memset as it was handed out cost a fifth of `planc check` on a large plan (a second
 * pass over the whole model, docs/performance.md).  Pages of a block not yet reached are never
 * touched, so a small plan's arena costs no more memory than before. */
enum { ARENA_BLOCK = 1024 * 1024, ARENA_OWN_BLOCK = 32 * 1024 };
/* Past BIG_AFTER bytes the model is a large plan's, and its blocks are BIG_BLOCK long, mapped on huge
 * pages (prt_big_zalloc): faulting a model of a hundred megabytes in 4 KiB at a time was a quarter
 * of `planc check` (docs/performance.md). */
#define BIG_AFTER ((size_t)2 << 20)
#define BIG_BLOCK ((size_t)16 << 20)

void arena_init(Arena *a) { memset(a, 0, sizeof *a); }

void arena_free(Arena *a)
{
    ArenaBlock *b = a->head;
    while (b) {
        ArenaBlock *next = b->next;
        prt_big_zfree(b, sizeof *b + b->cap);
        b = next;
    }
    free(a->interned);
    memset(a, 0, sizeof *a);
}

static ArenaBlock *block_new(size_t cap)
{
    ArenaBlock *b = prt_big_zalloc(sizeof *b + cap);
    b->cap = cap;
    return b;
}

void *arena_alloc(Arena *a, size_t size)
{
    size_t align = ARENA_ALIGN;
    size = (size + align - 1) & ~(align - 1);
    if (size == 0)
        size = align;
    ArenaBlock *b = a->head;
    if (b && size >= ARENA_OWN_BLOCK && b->cap - b->used < size) {
        /* a large array (a growing vector) gets a block of its own behind the current one, which
         * goes on filling: starting a new block for it would leave the rest of this one empty */
        ArenaBlock *own = block_new(size);
        own->used = size;
        own->next = b->next;
        b->next = own;
        a->used_bytes += size;
        return own->data;
    }
    if (!b || b->cap - b->used < size) {
        size_t cap = a->used_bytes >= BIG_AFTER ? BIG_BLOCK : ARENA_BLOCK;
        b = block_new(size > cap ? size : cap);
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;   /* zero: the block came from calloc and nothing reuses it */
    b->used += size;
    a->used_bytes += size;
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static void intern_grow(Arena *a)
{
    size_t cap = a->intern_cap ? a->intern_cap * 2 : 1024;
    struct InternSlot *tab = xcalloc(cap, sizeof *tab);
    for (size_t i = 0; i < a->intern_cap; i++) {
        const struct InternSlot *old = &a->interned[i];
        if (!old->str)
            continue;
        size_t j = old->hash & (cap - 1);
        while (tab[j].str)
            j = (j + 1) & (cap - 1);
        tab[j] = *old;
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
    uint32_t h = prt_hash_bytes(s, n);
    size_t j = h & mask;
    struct InternSlot *slot;
    for (slot = &a->interned[j]; slot->str; slot = &a->interned[j]) {
        if (slot->hash == h && slot->len == n && memcmp(slot->str, s, n) == 0)
            return slot->str;
        j = (j + 1) & mask;
    }
    InternHeader *hd = arena_alloc(a, sizeof *hd + n + 1);   /* zeroed: no values bound */
    char *copy = (char *)(hd + 1);
    memcpy(copy, s, n);
    copy[n] = '\0';
    slot->str = copy;
    slot->hash = h;
    slot->len = (uint32_t)n;
    a->intern_len++;
    return copy;
}
