/* planc lsp's textDocument/documentSymbol: the outline of one file as hierarchical DocumentSymbols,
 * pillar -> theme -> outcome -> indicator (an indicator under the first outcome of its theme that it
 * measures, an activity under the first it delivers, else both under the theme), and at the top the
 * rating schemes (their bands inside), delivery schemes, benchmarks and inputs.  Only the symbols
 * declared in the file asked about, in the order of the text.  Each symbol's range is its whole
 * declaration, block included (Entity.end), its selectionRange the identifier. */
#include "lsp.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* LSP's SymbolKind numbers. */
enum {
    SYM_MODULE = 2, SYM_NAMESPACE = 3, SYM_CLASS = 5, SYM_FUNCTION = 12, SYM_VARIABLE = 13, SYM_CONSTANT = 14,
    SYM_ENUM = 10, SYM_NUMBER = 16, SYM_ENUM_MEMBER = 22
};

/* Symbols being gathered for one parent, sorted by place when turned into JSON. */
typedef struct SymList {
    struct Sym {
        uint32_t at;
        json_t *json;
    } *items;
    size_t n, cap;
} SymList;

static void sym_add(SymList *l, uint32_t at, json_t *json)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 8;
        l->items = xrealloc(l->items, l->cap * sizeof *l->items);
    }
    l->items[l->n++] = (struct Sym){at, json};
}

static int by_at(const void *x, const void *y)
{
    const struct Sym *a = x, *b = y;
    return a->at < b->at ? -1 : a->at > b->at;
}

/* The JSON array of the list, in the order of the text; the list is emptied. */
static json_t *sym_take(SymList *l)
{
    if (l->n)
        qsort(l->items, l->n, sizeof *l->items, by_at);
    json_t *out = json_array();
    for (size_t i = 0; i < l->n; i++)
        json_array_append_new(out, l->items[i].json);
    free(l->items);
    memset(l, 0, sizeof *l);
    return out;
}

typedef struct Outline {
    const LspServer *s;
    const Plan *plan;
    const SourceSet *sources;
    uint32_t file;
} Outline;

static json_t *symbol_json(const Outline *o, const char *name, const char *detail, int kind, Loc range, Loc sel,
                           json_t *children)
{
    if (range.begin > sel.begin)
        range.begin = sel.begin;
    if (range.end < sel.end)
        range.end = sel.end;
    json_t *j = json_pack("{s:o, s:i, s:o, s:o}", "name", lsp_json_text(name && *name ? name : "(unnamed)"), "kind",
                          kind, "range", lsp_range_json(o->s, o->sources, range), "selectionRange",
                          lsp_range_json(o->s, o->sources, sel));
    if (detail)
        json_object_set_new(j, "detail", lsp_json_text(detail));
    if (children)
        json_object_set_new(j, "children", children);
    return j;
}

/* An entity's symbol: named by its identifier (else its "REF"), its name as the detail. */
static json_t *entity_symbol(const Outline *o, const Entity *e, int kind, json_t *children)
{
    const Indicator *in = e->kind == ENT_INDICATOR ? (const Indicator *)e : NULL;
    Loc sel = e->id.name ? e->id.loc : in && in->ref ? in->ref_loc : e->name_loc.file ? e->name_loc : e->loc;
    Loc range = {e->loc.file, e->loc.begin, e->end > e->loc.begin ? e->end : e->loc.end};
    const char *name = e->id.name ? e->id.name : in && in->ref ? in->ref : e->name;
    return symbol_json(o, name, e->id.name || !in ? e->name : in->e.name, kind, range, sel, children);
}

static bool here(const Outline *o, const Entity *e) { return e->loc.file == o->file; }

static json_t *rating_symbol(const Outline *o, const Rating *r)
{
    SymList bands = {0};
    for (uint32_t i = 0; i < r->bands.n; i++) {
        const Band *b = r->bands.items[i];
        if (b->id.name)
            sym_add(&bands, b->id.loc.begin,
                    symbol_json(o, b->id.name, b->label, SYM_ENUM_MEMBER, b->loc, b->id.loc, NULL));
    }
    return entity_symbol(o, &r->e, SYM_ENUM, sym_take(&bands));
}

/* The outcomes of a theme, sorted by address, for finding an indicator's home among them. */
typedef struct Homes {
    const Outcome **outcomes;
    SymList *kids;              /* kids[i]: the symbols under outcomes[i] */
    size_t n;
} Homes;

static int by_address(const void *x, const void *y)
{
    const Outcome *a = *(const Outcome *const *)x, *b = *(const Outcome *const *)y;
    return a < b ? -1 : a > b;
}

/* The index in h of the first outcome of the theme that names lists, or -1. */
static long home_of(const Outline *o, const Homes *h, const NameRef *names)
{
    for (; names; names = names->next) {
        const Entity *e = names->name && !names->is_ref ? plan_lookup(o->plan, names->name) : NULL;
        if (!e || e->kind != ENT_OUTCOME)
            continue;
        const Outcome *key = (const Outcome *)e;
        const Outcome **at = bsearch(&key, h->outcomes, h->n, sizeof *h->outcomes, by_address);
        if (at)
            return at - h->outcomes;
    }
    return -1;
}

/* Puts an indicator or activity under its outcome, else under the theme (rest). */
static void place(const Outline *o, Homes *h, SymList *rest, const Entity *e, const NameRef *names, int kind)
{
    if (!here(o, e))
        return;
    long i = home_of(o, h, names);
    sym_add(i >= 0 ? &h->kids[i] : rest, e->loc.begin, entity_symbol(o, e, kind, NULL));
}

static json_t *theme_symbol(const Outline *o, const Theme *t)
{
    Homes h = {xmalloc((t->outcomes.n + 1) * sizeof *h.outcomes), xcalloc(t->outcomes.n + 1, sizeof *h.kids), 0};
    for (uint32_t i = 0; i < t->outcomes.n; i++)
        if (here(o, t->outcomes.items[i]))
            h.outcomes[h.n++] = t->outcomes.items[i];
    qsort(h.outcomes, h.n, sizeof *h.outcomes, by_address);
    SymList kids = {0};
    for (uint32_t i = 0; i < t->indicators.n; i++) {
        const Indicator *in = t->indicators.items[i];
        place(o, &h, &kids, &in->e, in->measures, SYM_NUMBER);
    }
    for (uint32_t i = 0; i < t->activities.n; i++) {
        const Activity *a = t->activities.items[i];
        place(o, &h, &kids, &a->e, a->delivers, SYM_FUNCTION);
    }
    for (size_t i = 0; i < h.n; i++)
        sym_add(&kids, h.outcomes[i]->e.loc.begin, entity_symbol(o, &h.outcomes[i]->e, SYM_CLASS, sym_take(&h.kids[i])));
    free(h.outcomes);
    free(h.kids);
    return entity_symbol(o, &t->e, SYM_MODULE, sym_take(&kids));
}

static json_t *pillar_symbol(const Outline *o, const Pillar *p)
{
    SymList themes = {0};
    for (uint32_t i = 0; i < p->themes.n; i++) {
        const Theme *t = p->themes.items[i];
        if (here(o, &t->e))
            sym_add(&themes, t->e.loc.begin, theme_symbol(o, t));
    }
    return entity_symbol(o, &p->e, SYM_NAMESPACE, sym_take(&themes));
}

/* The entities of v declared in the file, each with no children. */
static void leaves(const Outline *o, SymList *top, const PtrVec *v, int kind)
{
    for (uint32_t i = 0; i < v->n; i++) {
        const Entity *e = v->items[i];
        if (here(o, e))
            sym_add(top, e->loc.begin, entity_symbol(o, e, kind, NULL));
    }
}

static json_t *outline(const Outline *o)
{
    SymList top = {0};
    const Plan *p = o->plan;
    for (uint32_t i = 0; i < p->ratings.n; i++) {
        const Rating *r = p->ratings.items[i];
        if (here(o, &r->e))
            sym_add(&top, r->e.loc.begin, rating_symbol(o, r));
    }
    leaves(o, &top, &p->deliveries, SYM_ENUM);
    leaves(o, &top, &p->benchmarks, SYM_CONSTANT);
    leaves(o, &top, &p->inputs, SYM_VARIABLE);
    for (uint32_t i = 0; i < p->pillars.n; i++) {
        const Pillar *pl = p->pillars.items[i];
        if (here(o, &pl->e))
            sym_add(&top, pl->e.loc.begin, pillar_symbol(o, pl));
    }
    return sym_take(&top);
}

json_t *lsp_document_symbols(LspServer *s, const LspMessage *m)
{
    const char *uri;
    if (json_unpack(m->params, "{s:{s:s}}", "textDocument", "uri", &uri) != 0)
        return lsp_error_response(m->id, LSP_INVALID_PARAMS, "params must hold textDocument.uri");
    uint32_t file;
    LspAnalysis *a = lsp_analysis_for(s, uri, &file);
    if (!a || !file || file >= a->lp.sources.nfiles)
        return lsp_response(m->id, json_null());
    Outline o = {s, &a->lp.plan, &a->lp.sources, file};
    return lsp_response(m->id, outline(&o));
}
