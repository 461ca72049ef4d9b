/* What the results reader needs to read delivery rows (results_delivery.c): the table of activity
 * identifiers and milestone paths ("activity.milestone"), the table of rows already read (for
 * repeats), the words of the `status` and `impact` columns, and the closest word for a message. */
#ifndef PLANRT_RESULTS_DELIVERY_H
#define PLANRT_RESULTS_DELIVERY_H

#include "planrt.h"

typedef struct prt_delivery_names prt_delivery_names;

prt_delivery_names *prt_delivery_names_new(const prt_plan *plan);
void prt_delivery_names_free(prt_delivery_names *t);
/* The activity (and milestone, -1 for the activity itself) the n bytes at ref name. */
bool prt_delivery_names_find(const prt_delivery_names *t, const char *ref, size_t n, int *activity, int *milestone);
/* The closest activity identifier or milestone path to ref, or NULL (also once the table's budget
 * for suggestions is spent). */
const char *prt_delivery_names_closest(prt_delivery_names *t, const char *ref);

/* Rows by (activity, milestone, period): the index + 1 of the row kept, so a repeat is found in
 * constant time. */
typedef struct prt_delivery_seen prt_delivery_seen;
prt_delivery_seen *prt_delivery_seen_new(void);
void prt_delivery_seen_free(prt_delivery_seen *s);
/* The row kept for the key, + 1, or 0 when none. */
size_t prt_delivery_seen_get(prt_delivery_seen *s, int activity, int milestone, prt_period p);
/* Records the row (index + 1, never 0) kept for the key. */
void prt_delivery_seen_set(prt_delivery_seen *s, int activity, int milestone, prt_period p, size_t index_plus_1);

/* A delivery state as a return writes it: the plan's word, any case, with spaces or hyphens for the
 * underscores ("On track", "not-started").  PRT_STATE_NONE when it is not one. */
prt_delivery_state prt_delivery_state_parse(const char *s);
prt_impact prt_impact_parse(const char *s);
/* The band of the scheme that s names (identifier, abbreviation or label, any case), -1. */
int prt_delivery_band_find(const prt_delivery_scheme *d, const char *s);
/* The closest of cands to word within a small edit distance, or NULL. */
const char *prt_closest_word(const char *word, const char *const *cands, size_t n);
/* The same, spending at most *budget units of work (taken from it); NULL once it is spent. */
const char *prt_closest_word_within(const char *word, const char *const *cands, size_t n, size_t *budget);

#endif
