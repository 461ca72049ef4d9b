/* The plan model of ast.h: vectors, entity names and labels, targets by period, and names bound on interned strings. */
#include "ast.h"

#include <string.h>

#define WORD_OF(e, word) word,
const char *const indicator_kind_words[] = {INDICATOR_KINDS(WORD_OF)};

void vec_push(Arena *a, PtrVec *v, void *item)
{
    if (v->n == v->cap) {
        /* grow inside the arena: the old array is abandoned, which costs at most as much again */
        size_t cap = v->cap ? v->cap * 2 : 4;
        void **items = arena_alloc(a, cap * sizeof *items);
        if (v->n)
            memcpy(items, v->items, v->n * sizeof *items);
        v->items = items;
        v->cap = cap;
    }
    v->items[v->n++] = item;
}

const char *entity_kind_name(EntityKind k)
{
    switch (k) {
    case ENT_RATING: return "rating scheme";
    case ENT_BENCHMARK: return "benchmark";
    case ENT_INPUT: return "input";
    case ENT_PILLAR: return "pillar";
    case ENT_THEME: return "theme";
    case ENT_OUTCOME: return "outcome";
    case ENT_ACTIVITY: return "activity";
    case ENT_INDICATOR: return "indicator";
    case ENT_DELIVERY: return "delivery scheme";
    }
    return "name";
}

const char *entity_label(const Entity *e)
{
    if (e->id.name)
        return e->id.name;
    if (e->kind == ENT_INDICATOR && ((const Indicator *)e)->ref)
        return ((const Indicator *)e)->ref;
    return e->name ? e->name : "?";
}

const Target *indicator_target(const Indicator *in, prt_period p)
{
    for (size_t i = 0; i < in->targets.n; i++) {
        const Target *t = in->targets.items[i];
        if (t->period.valid && prt_period_equal(t->period.p, p))
            return t;
    }
    return NULL;
}

void plan_model_init(Plan *p)
{
    memset(p, 0, sizeof *p);
    arena_init(&p->arena);
}

void plan_model_free(Plan *p)
{
    arena_free(&p->arena);
}

enum { SLOT_NAME, SLOT_REF };

static void *bound(const char *s, int slot) { return s ? *arena_intern_slot(s, slot) : NULL; }

static void *bind(const char *s, int slot, void *value)
{
    void **at = arena_intern_slot(s, slot);
    if (!*at)
        *at = value;
    return *at;
}

/* The plan is not needed to find a name (the string knows), but saying whose names they are keeps
 * the calls honest about which arena the strings must come from. */
Entity *plan_lookup(const Plan *p, const char *name) { (void)p; return bound(name, SLOT_NAME); }
Entity *plan_declare(Plan *p, const char *name, Entity *e) { (void)p; return bind(name, SLOT_NAME, e); }
Indicator *plan_lookup_ref(const Plan *p, const char *ref) { (void)p; return bound(ref, SLOT_REF); }
Indicator *plan_declare_ref(Plan *p, const char *ref, Indicator *in) { (void)p; return bind(ref, SLOT_REF, in); }
