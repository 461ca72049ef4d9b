/* The pieces of reading delivery rows (results_delivery.h): lookups by hash, so that a return of
 * many activities is read in time linear in its rows, and the words a person types for a state. */
#include "results_delivery.h"
#include "hash.h"
#include "strbuf.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* ---- names ---- */

typedef struct NameSlot {
    const char *key;            /* NULL: empty; owned by the pool */
    int activity, milestone;
} NameSlot;

struct prt_delivery_names {
    size_t suggest_budget;      /* work left for "did you mean" over the whole reading (see below) */
    NameSlot *slots;
    size_t cap;
    prt_pool keys;              /* the milestone paths */
    const char **all;           /* every key, for "did you mean" */
    size_t n;
};

static void put(prt_delivery_names *t, const char *key, int a, int m)
{
    size_t mask = t->cap - 1;
    for (size_t i = prt_hash_bytes(key, strlen(key)) & mask;; i = (i + 1) & mask)
        if (!t->slots[i].key) {
            t->slots[i] = (NameSlot){key, a, m};
            t->all[t->n++] = key;
            return;
        } else if (strcmp(t->slots[i].key, key) == 0) {
            return;             /* the checker keeps identifiers unique; the first stays */
        }
}

prt_delivery_names *prt_delivery_names_new(const prt_plan *plan)
{
    prt_delivery_names *t = prt_xcalloc(1, sizeof *t);
    /* "Did you mean" for unknown references costs the names compared: past this (~0.3 s of work) a
     * file of many unknown references gets them reported without a suggestion, in linear time, as
     * the checker does for unknown names (check.c) */
    t->suggest_budget = (size_t)1 << 27;
    size_t need = 16;
    for (int a = 0; a < plan->nactivities; a++)
        need += 1 + (size_t)plan->activities[a].nmilestones;
    need += 2 * (size_t)plan->nindicators + (size_t)plan->ninputs;
    t->all = prt_xcalloc(need, sizeof *t->all);
    t->cap = 16;
    while (t->cap < 2 * need)
        t->cap *= 2;
    t->slots = prt_xcalloc(t->cap, sizeof *t->slots);
    for (int a = 0; a < plan->nactivities; a++) {
        const prt_activity *act = &plan->activities[a];
        if (!act->id)
            continue;
        put(t, act->id, a, -1);
        for (int m = 0; m < act->nmilestones; m++) {
            prt_buf path = {0};
            prt_buf_printf(&path, "%s.%s", act->id, act->milestones[m].id);
            put(t, prt_pool_add(&t->keys, path.data, path.len), a, m);
            prt_buf_free(&path);
        }
    }
    /* indicators and inputs are candidates for "did you mean" only: the reader finds them in its
     * own index before it asks here */
    for (int i = 0; i < plan->nindicators; i++) {
        const prt_indicator *in = &plan->indicators[i];
        if (in->ref)
            t->all[t->n++] = in->ref;
        if (in->id)
            t->all[t->n++] = in->id;
    }
    for (int i = 0; i < plan->ninputs; i++)
        if (plan->inputs[i].id)
            t->all[t->n++] = plan->inputs[i].id;
    return t;
}

void prt_delivery_names_free(prt_delivery_names *t)
{
    if (!t)
        return;
    free(t->slots);
    free(t->all);
    prt_pool_free(&t->keys);
    free(t);
}

bool prt_delivery_names_find(const prt_delivery_names *t, const char *ref, size_t n, int *activity, int *milestone)
{
    size_t mask = t->cap - 1;
    for (size_t i = prt_hash_bytes(ref, n) & mask; t->slots[i].key; i = (i + 1) & mask)
        if (strncmp(t->slots[i].key, ref, n) == 0 && t->slots[i].key[n] == '\0') {
            *activity = t->slots[i].activity;
            *milestone = t->slots[i].milestone;
            return true;
        }
    return false;
}

const char *prt_delivery_names_closest(prt_delivery_names *t, const char *ref)
{
    return prt_closest_word_within(ref, t->all, t->n, &t->suggest_budget);
}

/* ---- rows seen ---- */

typedef struct SeenSlot {
    size_t row_plus_1;          /* 0: empty */
    int activity, milestone;
    prt_period period;
} SeenSlot;

struct prt_delivery_seen {
    SeenSlot *slots;
    size_t cap, n;
};

prt_delivery_seen *prt_delivery_seen_new(void)
{
    prt_delivery_seen *s = prt_xcalloc(1, sizeof *s);
    s->cap = 64;
    s->slots = prt_xcalloc(s->cap, sizeof *s->slots);
    return s;
}

void prt_delivery_seen_free(prt_delivery_seen *s)
{
    if (!s)
        return;
    free(s->slots);
    free(s);
}

static size_t key_hash(int a, int m, prt_period p)
{
    uint32_t k[4] = {(uint32_t)a, (uint32_t)m, (uint32_t)p.year, (uint32_t)(p.kind << 8 | p.index)};
    return prt_hash_bytes((const char *)k, sizeof k);
}

static SeenSlot *slot_for(prt_delivery_seen *s, int a, int m, prt_period p)
{
    size_t mask = s->cap - 1;
    for (size_t i = key_hash(a, m, p) & mask;; i = (i + 1) & mask) {
        SeenSlot *x = &s->slots[i];
        if (!x->row_plus_1 || (x->activity == a && x->milestone == m && prt_period_equal(x->period, p)))
            return x;
    }
}

size_t prt_delivery_seen_get(prt_delivery_seen *s, int a, int m, prt_period p)
{
    return slot_for(s, a, m, p)->row_plus_1;
}

void prt_delivery_seen_set(prt_delivery_seen *s, int a, int m, prt_period p, size_t index_plus_1)
{
    if (2 * (s->n + 1) > s->cap) {
        SeenSlot *old = s->slots;
        size_t cap = s->cap;
        s->cap *= 2;
        s->slots = prt_xcalloc(s->cap, sizeof *s->slots);
        for (size_t i = 0; i < cap; i++)
            if (old[i].row_plus_1)
                *slot_for(s, old[i].activity, old[i].milestone, old[i].period) = old[i];
        free(old);
    }
    SeenSlot *x = slot_for(s, a, m, p);
    if (!x->row_plus_1)
        s->n++;
    *x = (SeenSlot){index_plus_1, a, m, p};
}

/* ---- words ---- */

/* Whether s is word, ignoring case and writing ' ' or '-' for '_'. */
static bool same_loose(const char *s, const char *word)
{
    for (; *s && *word; s++, word++) {
        char c = (char)tolower((unsigned char)*s);
        if (c == ' ' || c == '-')
            c = '_';
        if (c != *word)
            return false;
    }
    return !*s && !*word;
}

prt_delivery_state prt_delivery_state_parse(const char *s)
{
    for (int i = 1; i < PRT_N_DELIVERY_STATES; i++)
        if (same_loose(s, prt_delivery_state_words[i]))
            return (prt_delivery_state)i;
    return PRT_STATE_NONE;
}

prt_impact prt_impact_parse(const char *s)
{
    for (int i = 1; i < PRT_N_IMPACTS; i++)
        if (same_loose(s, prt_impact_words[i]))
            return (prt_impact)i;
    return PRT_IMPACT_NONE;
}

int prt_delivery_band_find(const prt_delivery_scheme *d, const char *s)
{
    for (int i = 0; d && i < d->nbands; i++)
        if (prt_same_nocase(s, d->bands[i].id) || (d->bands[i].abbrev && prt_same_nocase(s, d->bands[i].abbrev)) ||
            (d->bands[i].label && prt_same_nocase(s, d->bands[i].label)))
            return i;
    return -1;
}

/* Levenshtein distance of a (la bytes) and b, giving up past limit (returns limit + 1); words longer
 * than 64 bytes are never close.  *cells grows by the work done. */
static size_t distance(const char *a, size_t la, const char *b, size_t limit, size_t *cells)
{
    size_t lb = strnlen(b, 65);
    *cells += lb + 1;
    if (lb > 64 || (la > lb ? la - lb : lb - la) > limit)
        return limit + 1;
    size_t row[65];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0], best = row[0] = i;
        *cells += lb;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t cost = tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1]) ? 0 : 1;
            size_t v = diag + cost;
            if (up + 1 < v)
                v = up + 1;
            if (row[j - 1] + 1 < v)
                v = row[j - 1] + 1;
            row[j] = v;
            diag = up;
            if (v < best)
                best = v;
        }
        if (best > limit)
            return limit + 1;
    }
    return row[lb];
}

/* Whether a and b differ only in digits ('S/7' and 'S/1'): numbered names, where the nearest is
 * another indicator, not a slip. */
static bool differ_in_digits_only(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (*a != *b && !(isdigit((unsigned char)*a) && isdigit((unsigned char)*b)))
            return false;
    return !*a && !*b;
}

const char *prt_closest_word_within(const char *word, const char *const *cands, size_t n, size_t *budget)
{
    /* a word of one or two letters is an abbreviation: one letter off is another band ('GA' is not 'G');
     * one over 64 bytes is close to nothing (and a huge field is not measured again per candidate) */
    size_t len = strnlen(word, 65), limit = len <= 2 || len > 64 ? 0 : len < 4 ? 1 : len < 9 ? 2 : 3;
    if (limit == 0)
        return NULL;
    const char *best = NULL;
    size_t best_d = limit + 1, cells = 0;
    /* one that differs only in case ('asc/01' for 'ASC/01') is the best there is */
    for (size_t i = 0; i < n && !best && (!budget || cells < *budget); i++, cells += 1 + len / 8)
        if (strlen(cands[i]) == len && strcmp(cands[i], word) != 0 && prt_same_nocase(cands[i], word))
            best = cands[i], best_d = 0;
    for (size_t i = 0; i < n && best_d > 0 && (!budget || cells < *budget); i++) {
        if (differ_in_digits_only(word, cands[i]))
            continue;
        size_t d = distance(word, len, cands[i], limit, &cells);
        if (d < best_d) {
            best_d = d;
            best = cands[i];
        }
    }
    if (budget) {
        bool spent = cells >= *budget;
        *budget = spent ? 0 : *budget - cells;
        if (spent)
            return NULL;   /* not every candidate was seen: no suggestion rather than a poor one */
    }
    return best;
}

const char *prt_closest_word(const char *word, const char *const *cands, size_t n)
{
    return prt_closest_word_within(word, cands, n, NULL);
}
