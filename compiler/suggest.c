#include "suggest.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

size_t edit_distance(const char *a, const char *b, size_t limit)
{
    size_t n = strlen(a), m = strlen(b);
    if ((n > m ? n - m : m - n) > limit)
        return limit + 1;
    /* three rows: two back for transpositions */
    size_t *prev2 = xcalloc(m + 1, sizeof *prev2);
    size_t *prev = xcalloc(m + 1, sizeof *prev);
    size_t *cur = xcalloc(m + 1, sizeof *cur);
    for (size_t j = 0; j <= m; j++)
        prev[j] = j;
    for (size_t i = 1; i <= n; i++) {
        cur[0] = i;
        size_t row_min = cur[0];
        for (size_t j = 1; j <= m; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t v = prev[j] + 1;
            if (cur[j - 1] + 1 < v)
                v = cur[j - 1] + 1;
            if (prev[j - 1] + cost < v)
                v = prev[j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < v)
                v = prev2[j - 2] + 1;
            cur[j] = v;
            if (v < row_min)
                row_min = v;
        }
        size_t *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
        if (row_min > limit) {
            free(prev2);
            free(prev);
            free(cur);
            return limit + 1;
        }
    }
    size_t d = prev[m];
    free(prev2);
    free(prev);
    free(cur);
    return d > limit ? limit + 1 : d;
}

const char *suggest_word(const char *word, const char *const *candidates, size_t n)
{
    size_t len = strlen(word);
    size_t limit = len < 3 ? 1 : len / 3 + 1;
    const char *best = NULL;
    size_t best_d = limit + 1;
    for (size_t i = 0; i < n; i++) {
        if (!candidates[i] || strcmp(candidates[i], word) == 0)
            continue;
        size_t d = edit_distance(word, candidates[i], limit);
        /* ties go to the earlier candidate, which keeps the choice stable */
        if (d < best_d) {
            best_d = d;
            best = candidates[i];
        }
    }
    return best;
}
