/* "Did you mean ...?": the closest candidate within a small edit distance, with
 * the work of each lookup bounded. */
#ifndef PLANC_SUGGEST_H
#define PLANC_SUGGEST_H

#include <stddef.h>

/* Damerau-Levenshtein distance (adjacent transpositions count once), capped at `limit + 1`. */
size_t edit_distance(const char *a, const char *b, size_t limit);
/* The best of candidates[0..n) for word, or NULL when none is close enough. */
const char *suggest_word(const char *word, const char *const *candidates, size_t n);
/* The same, spending at most *budget edit-distance cells (and taking those it spent from it), for
 * callers that look up many words and bound the work of all of them. */
const char *suggest_word_within(const char *word, const char *const *candidates, size_t n, size_t *budget);

#endif
