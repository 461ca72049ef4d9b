/* A bump allocator that owns every AST node and interned string of one run.
 * Nothing allocated from an arena is freed on its own: arena_free releases all of it at once,
 * which is what lets the parser's error recovery drop half-built nodes without leaking. */
#ifndef PLANC_ARENA_H
#define PLANC_ARENA_H

#include <stddef.h>

typedef struct ArenaBlock ArenaBlock;

typedef struct Arena {
    ArenaBlock *head;
    size_t used_bytes;          /* for statistics and memory limits */
    /* string interning: open addressing over pointers into the arena, each slot with the string's
     * hash and length, so that a probe compares them without loading the string (arena.c) */
    struct InternSlot *interned;
    size_t intern_cap, intern_len;
} Arena;

void arena_init(Arena *a);
void arena_free(Arena *a);
void *arena_alloc(Arena *a, size_t size);           /* zeroed, aligned for any object */
char *arena_strndup(Arena *a, const char *s, size_t n);
/* Returns the one copy of s in this arena: equal strings get equal pointers. */
const char *arena_intern(Arena *a, const char *s, size_t n);

/* Each interned string has this many pointers bound to it, NULL until set (the plan's names and
 * references: ast.h plan_lookup).  Only for a string arena_intern returned. */
#define ARENA_INTERN_SLOTS 2
void **arena_intern_slot(const char *interned, int which);

#endif
