/* planc lsp's index of names: from one plan model, every place a name is written (each entity's
 * identifier where it is declared, an indicator's printed reference, a rating scheme's band) and
 * every reference to it (measures, delivers, contributes to, rating, delivery, benchmark, target
 * benchmark, formula names, threshold and rated bands), in every file the model was loaded from.
 * Hover, definition, references and rename all answer from it.  One walk over the model: linear. */
#include "lsp.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static void add(LspIndex *ix, Loc loc, const Entity *e, int band, bool declaration, bool renamable)
{
    if (!e || !loc.file)
        return;
    if (ix->n == ix->cap) {
        ix->cap = ix->cap ? ix->cap * 2 : 64;
        ix->items = xrealloc(ix->items, ix->cap * sizeof *ix->items);
    }
    ix->items[ix->n++] = (LspOccurrence){loc, e, band, declaration, renamable};
}

/* A reference by identifier: what it is bound to (names are interned in the plan's arena). */
static void add_ident(LspIndex *ix, const Plan *plan, Ident id)
{
    if (id.name)
        add(ix, id.loc, plan_lookup(plan, id.name), -1, false, true);
}

static void add_names(LspIndex *ix, const Plan *plan, const NameRef *n)
{
    for (; n; n = n->next) {
        if (!n->name)
            continue;
        const Entity *e = n->is_ref ? (const Entity *)plan_lookup_ref(plan, n->name) : plan_lookup(plan, n->name);
        add(ix, n->loc, e, -1, false, !n->is_ref);
    }
}

/* Formula names; the parser bounds a formula's depth (E010), so recursion is safe. */
static void add_formula(LspIndex *ix, const Plan *plan, const Expr *e)
{
    if (!e)
        return;
    if (e->kind == EXPR_NAME) {
        add_names(ix, plan, &e->name);
        return;
    }
    add_formula(ix, plan, e->lhs);
    add_formula(ix, plan, e->rhs);
}

static void add_bench_target(LspIndex *ix, const Plan *plan, const TargetSpec *t)
{
    if (t->kind == PRT_TARGET_BENCHMARK)
        add_ident(ix, plan, t->bench);
}

const Rating *lsp_scheme_of(const Plan *plan, const Indicator *in)
{
    if (in->scheme)
        return in->scheme;
    const char *name = in->rating.name ? in->rating.name : plan->header.rating.name;
    const Entity *e = name ? plan_lookup(plan, name) : NULL;
    return e && e->kind == ENT_RATING ? (const Rating *)e : NULL;
}

/* A band named in an indicator (`threshold BAND`, `rated BAND`): by its identifier or its (ABBR). */
static void add_band_ref(LspIndex *ix, const Rating *r, Ident id)
{
    if (!r || !id.name)
        return;
    for (uint32_t i = 0; i < r->bands.n; i++) {
        const Band *b = r->bands.items[i];
        bool by_id = b->id.name && strcmp(b->id.name, id.name) == 0;
        if (by_id || (b->abbrev.name && strcmp(b->abbrev.name, id.name) == 0)) {
            add(ix, id.loc, &r->e, (int)i, false, by_id);
            return;
        }
    }
}

static void add_declaration(LspIndex *ix, const Entity *e)
{
    if (e->id.name)
        add(ix, e->id.loc, e, -1, true, true);
}

static void add_indicator(LspIndex *ix, const Plan *plan, const Indicator *in)
{
    add_declaration(ix, &in->e);
    if (in->ref)
        add(ix, in->ref_loc, &in->e, -1, true, false);
    add_names(ix, plan, in->measures);
    add_ident(ix, plan, in->rating);
    add_formula(ix, plan, in->formula);
    for (uint32_t i = 0; i < in->targets.n; i++)
        add_bench_target(ix, plan, &VEC_AT(in->targets, Target, i)->spec);
    for (uint32_t i = 0; i < in->amendments.n; i++)
        add_bench_target(ix, plan, &VEC_AT(in->amendments, Amendment, i)->to);
    for (uint32_t i = 0; i < in->benchmarks.n; i++)
        add_ident(ix, plan, VEC_AT(in->benchmarks, BenchValue, i)->bench);
    const Rating *r = lsp_scheme_of(plan, in);
    for (uint32_t i = 0; i < in->thresholds.n; i++)
        add_band_ref(ix, r, VEC_AT(in->thresholds, Threshold, i)->band);
    for (uint32_t i = 0; i < in->results.n; i++)
        add_band_ref(ix, r, VEC_AT(in->results, ResultRec, i)->rated);
}

static void add_rating(LspIndex *ix, const Rating *r)
{
    add_declaration(ix, &r->e);
    for (uint32_t i = 0; i < r->bands.n; i++) {
        const Band *b = r->bands.items[i];
        if (b->id.name)
            add(ix, b->id.loc, &r->e, (int)i, true, true);
    }
}

/* Each entity of a list that has nothing but its declaration to index. */
static void add_declarations(LspIndex *ix, const PtrVec *v)
{
    for (uint32_t i = 0; i < v->n; i++)
        add_declaration(ix, v->items[i]);
}

void lsp_index_build(LspIndex *ix, const Plan *plan)
{
    memset(ix, 0, sizeof *ix);
    add_ident(ix, plan, plan->header.rating);
    add_ident(ix, plan, plan->header.delivery);
    for (uint32_t i = 0; i < plan->ratings.n; i++)
        add_rating(ix, plan->ratings.items[i]);
    add_declarations(ix, &plan->deliveries);
    add_declarations(ix, &plan->benchmarks);
    add_declarations(ix, &plan->inputs);
    add_declarations(ix, &plan->pillars);
    for (uint32_t i = 0; i < plan->themes.n; i++) {
        const Theme *t = plan->themes.items[i];
        add_declaration(ix, &t->e);
        add_ident(ix, plan, t->delivery);
    }
    for (uint32_t i = 0; i < plan->outcomes.n; i++) {
        const Outcome *o = plan->outcomes.items[i];
        add_declaration(ix, &o->e);
        add_names(ix, plan, o->contributes);
    }
    for (uint32_t i = 0; i < plan->activities.n; i++) {
        const Activity *a = plan->activities.items[i];
        add_declaration(ix, &a->e);
        add_names(ix, plan, a->delivers);
        add_ident(ix, plan, a->delivery);
    }
    for (uint32_t i = 0; i < plan->indicators.n; i++)
        add_indicator(ix, plan, plan->indicators.items[i]);
}

void lsp_index_free(LspIndex *ix)
{
    free(ix->items);
    memset(ix, 0, sizeof *ix);
}

const LspOccurrence *lsp_index_at(const LspIndex *ix, uint32_t file, uint32_t offset)
{
    const LspOccurrence *touching = NULL;   /* a name that ends where the position is */
    for (size_t i = 0; i < ix->n; i++) {
        const LspOccurrence *o = &ix->items[i];
        if (o->loc.file != file || offset < o->loc.begin || offset > o->loc.end)
            continue;
        if (offset < o->loc.end)
            return o;
        if (!touching)
            touching = o;
    }
    return touching;
}

bool lsp_occurrence_same(const LspOccurrence *a, const LspOccurrence *b)
{
    return a->entity == b->entity && a->band == b->band;
}

const char *lsp_symbol_ident(const LspOccurrence *o)
{
    if (o->band >= 0) {
        const Rating *r = (const Rating *)o->entity;
        return VEC_AT(r->bands, Band, o->band)->id.name;
    }
    return o->entity->id.name;
}
