/* What a results row's reference names (an indicator's reference or identifier, or an input's
 * identifier), found for the results reader (results.c): first as the indicator after the previous
 * row's, the order files come in, then in a hash table built on the first row that needs it. */
#ifndef PLANRT_NAME_INDEX_H
#define PLANRT_NAME_INDEX_H

#include "planrt.h"

#include <stddef.h>
#include <stdint.h>

/* What a row's reference names. */
typedef struct prt_named_ref {
    int index;                  /* an indicator's index, or an input's when input is set */
    bool input;
} prt_named_ref;

/* One slot of the hash table holds all a probe needs, so that a probe is one cache line, not three. */
typedef struct prt_name_slot {
    const char *key;            /* NULL: empty */
    uint32_t hash;
    unsigned index : 31;
    unsigned input : 1;
} prt_name_slot;

/* Indicator i's reference and identifier as the next-row test compares them: offsets into one
 * string pool, in plan order, with their lengths.  The plan's own strings lie wherever the plan put
 * them (in planc eval, scattered through a model of 100 MB and more), so a test against them was a
 * cache miss or two a row; these are read in sequence.  A name that is absent, or that another
 * indicator owns, has length SIZE_MAX, so that it matches no row. */
typedef struct prt_packed_names {
    size_t ref_off, ref_len, id_off, id_len;
} prt_packed_names;

typedef struct prt_name_index {
    const prt_plan *plan;
    prt_name_slot *slots;       /* the hash table: NULL until built */
    size_t cap;
    prt_packed_names *packed;   /* per indicator */
    char *pool;                 /* the packed names' text, each followed by a NUL */
} prt_name_index;

/* Builds the index of plan's names: the packed names now, the hash table when first needed. */
void prt_name_index_build(prt_name_index *ix, const prt_plan *plan);
void prt_name_index_free(prt_name_index *ix);
/* Whether the n bytes at key name an indicator or input, and which (*who); the indicator after
 * previous is tried first (the first, after the last). */
bool prt_name_index_find(prt_name_index *ix, int previous, const char *key, size_t n, prt_named_ref *who);

#endif
