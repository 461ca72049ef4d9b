/* "Did you mean ...?": the closest candidate within a small edit distance, found with bounded work so
 * that thousands of unknown names in a plan of thousands of names stay quick. */
#include "suggest.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* The rows of the distance table live on the stack for words up to this long (names are up to 128
 * bytes, most are far shorter); longer ones are allocated. */
enum { STACK_ROW = 64 };

/* The edit-distance cells one lookup may compute (~0.2 ms, some thousands of candidates): with
 * 8,000 unknown names among 8,000 declared ones the unbounded search took a minute.  A plan that big
 * gets suggestions from the candidates the budget reaches, in declaration order. */
enum { SUGGEST_BUDGET = 1 << 16 };

/* Damerau-Levenshtein distance of a[0..n) and b[0..m), capped at limit + 1; adds the cells computed
 * to *cells. */
static size_t distance(const char *a, size_t n, const char *b, size_t m, size_t limit, size_t *cells)
{
    if ((n > m ? n - m : m - n) > limit)
        return limit + 1;
    size_t stack[3 * (STACK_ROW + 1)];
    size_t *rows = m <= STACK_ROW ? stack : xcalloc(3 * (m + 1), sizeof *rows);
    /* three rows: two back for transpositions (prev2 is read only from the third row on, by then
     * it holds row i - 2) */
    size_t *prev2 = rows, *prev = rows + (m + 1), *cur = rows + 2 * (m + 1);
    for (size_t j = 0; j <= m; j++)
        prev[j] = j;
    size_t d = limit + 1;
    bool over = false;
    for (size_t i = 1; i <= n && !over; i++) {
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
        *cells += m;
        size_t *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
        over = row_min > limit;   /* every later row is at least this far */
    }
    if (!over)
        d = prev[m] > limit ? limit + 1 : prev[m];
    if (rows != stack)
        free(rows);
    return d;
}

size_t edit_distance(const char *a, const char *b, size_t limit)
{
    size_t cells = 0;
    return distance(a, strlen(a), b, strlen(b), limit, &cells);
}

const char *suggest_word_within(const char *word, const char *const *candidates, size_t n, size_t *budget)
{
    size_t len = strlen(word);
    size_t limit = len < 3 ? 1 : len / 3 + 1;
    const char *best = NULL;
    size_t cells = 0, cap = *budget < SUGGEST_BUDGET ? *budget : SUGGEST_BUDGET;
    /* a name that differs only in case ('RAG' for 'rag') is the best suggestion there is, however
     * many letters differ: names are case-sensitive, and an author who wrote the label's capitals
     * meant this one */
    for (size_t i = 0; i < n && cells < cap; i++) {
        const char *c = candidates[i];
        if (c && strlen(c) == len && memcmp(c, word, len) != 0 && prt_same_nocase(c, word)) {
            *budget -= cells < *budget ? cells : *budget;
            return c;
        }
        cells += 1 + len / 8;
    }
    /* Each find lowers the limit below its distance: a later candidate must be strictly closer, so
     * ties go to the earlier one (a stable choice), and after a find at distance 1 nothing can
     * beat it (0 is the word itself) and the search stops. */
    for (size_t i = 0; i < n && limit > 0 && cells < cap; i++) {
        const char *c = candidates[i];
        if (!c)
            continue;
        size_t m = strlen(c);
        if ((m > len ? m - len : len - m) > limit || (m == len && memcmp(c, word, m) == 0))
            continue;
        size_t d = distance(word, len, c, m, limit, &cells);
        if (d <= limit) {
            best = c;
            limit = d - 1;
        }
    }
    *budget -= cells < *budget ? cells : *budget;
    return best;
}

const char *suggest_word(const char *word, const char *const *candidates, size_t n)
{
    size_t budget = SUGGEST_BUDGET;
    return suggest_word_within(word, candidates, n, &budget);
}
