/* planc lsp's textDocument/hover: Markdown about the name under the cursor, from the model of the
 * analysis that covers the document.  An indicator: its reference and name, kind, polarity, unit,
 * frequency, baseline, targets by period with their amendments, revisions, tolerance, rating scheme,
 * owner, what it measures; an outcome: its theme and pillar, what measures and delivers it; a pillar
 * or theme: what it holds; a rating scheme and a band: the bands and their thresholds in the words of
 * the ratings' explanations (docs/rating.md); a benchmark, an input, an activity, a delivery scheme.
 * Every text from the plan goes through prt_esc_md, and figures are shown as the plan writes them
 * (the source text at their place: `£2.5m` stays `£2.5m`). */
#include "lsp.h"
#include "escape.h"
#include "planrt.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* Lists longer than this (an outcome measured by hundreds of indicators) end in "and N more". */
#define HOVER_LIST_MAX 20

typedef struct Hover {
    prt_buf md;
    const Plan *plan;
    const SourceSet *sources;
} Hover;

static void esc(Hover *h, const char *s) { prt_esc_md(&h->md, s); }

/* The plan's text at loc, escaped: a figure, a period or a target as the author wrote it. */
static void written(Hover *h, Loc loc)
{
    if (!loc.file || loc.file >= h->sources->nfiles || loc.end <= loc.begin)
        return;
    const SourceFile *f = sources_get(h->sources, loc.file);
    if (loc.end > f->size)
        return;
    char *text = xmalloc(loc.end - loc.begin + 1);
    memcpy(text, f->text + loc.begin, loc.end - loc.begin);
    text[loc.end - loc.begin] = '\0';
    esc(h, text);
    free(text);
}

/* "- **What:** " to start a property line. */
static void field(Hover *h, const char *what) { prt_buf_printf(&h->md, "\n- **%s:** ", what); }

static void text_field(Hover *h, const char *what, const char *text)
{
    if (!text)
        return;
    field(h, what);
    esc(h, text);
}

/* An entity as lists name it: its identifier (or "REF") and its name. */
static void label(Hover *h, const Entity *e)
{
    const Indicator *in = e->kind == ENT_INDICATOR ? (const Indicator *)e : NULL;
    if (in && in->ref) {
        esc(h, in->ref);
        if (e->id.name)
            prt_buf_puts(&h->md, " ");
    }
    if (e->id.name)
        esc(h, e->id.name);
    if (e->name) {
        prt_buf_puts(&h->md, " — ");
        esc(h, e->name);
    }
}

static void heading(Hover *h, const Entity *e)
{
    prt_buf_printf(&h->md, "**%s** ", entity_kind_name(e->kind));
    label(h, e);
    prt_buf_puts(&h->md, "\n");   /* a blank line before the fields' list */
}

/* A sub-list of entities, at most HOVER_LIST_MAX shown. */
static void entity_list(Hover *h, const char *what, const Entity *const *items, size_t n)
{
    if (n == 0)
        return;
    field(h, what);
    for (size_t i = 0; i < n && i < HOVER_LIST_MAX; i++) {
        prt_buf_puts(&h->md, "\n  - ");
        label(h, items[i]);
    }
    if (n > HOVER_LIST_MAX)
        prt_buf_printf(&h->md, "\n  - and %zu more", n - HOVER_LIST_MAX);
}

static void vec_list(Hover *h, const char *what, const PtrVec *v)
{
    entity_list(h, what, (const Entity *const *)v->items, v->n);
}

/* The entities a list of names resolves to (unresolved names left out); the caller frees. */
static const Entity **resolved(const Plan *plan, const NameRef *n, size_t *count)
{
    size_t cap = 0;
    for (const NameRef *k = n; k; k = k->next)
        cap++;
    const Entity **out = xmalloc((cap + 1) * sizeof *out);
    *count = 0;
    for (; n; n = n->next) {
        const Entity *e = !n->name ? NULL
                          : n->is_ref ? (const Entity *)plan_lookup_ref(plan, n->name)
                                      : plan_lookup(plan, n->name);
        if (e)
            out[(*count)++] = e;
    }
    return out;
}

static void names_list(Hover *h, const char *what, const NameRef *n)
{
    size_t count;
    const Entity **list = resolved(h->plan, n, &count);
    entity_list(h, what, list, count);
    free(list);
}

static void description(Hover *h, const char *text)
{
    if (!text)
        return;
    prt_buf_puts(&h->md, "\n\n");
    esc(h, text);
}

/* ---- rating schemes and bands ---- */

/* The nearest band before i with a number of its own (`at`, `within`, `above`), or -1: as the
 * runtime's explanations find the upper end of a band's range (rate_edges.c). */
static int numbered_before(const Rating *r, int i)
{
    while (--i >= 0) {
        const Band *b = r->bands.items[i];
        if ((b->how == BAND_AT || b->how == BAND_WITHIN || b->how == BAND_ABOVE) && b->threshold.present)
            return i;
    }
    return -1;
}

/* A band's range in the words of the ratings' explanations (prt_band_range): "90% to 100%", "100% or
 * more", "below 65%", "more than 110%", "within 5 pts", "more than 5 pts". */
static void band_range(Hover *h, const Rating *r, int i)
{
    const Band *b = r->bands.items[i];
    int p = numbered_before(r, i);
    double upper = p >= 0 ? VEC_AT(r->bands, Band, p)->threshold.num : 0;
    bool points = r->method == PRT_METHOD_POINTS;
    double t = b->threshold.num;
    prt_pool pool = {0};
    switch (b->how) {
    case BAND_AT:
    case BAND_WITHIN:
    case BAND_ABOVE:
        prt_buf_puts(&h->md, prt_band_range(&pool, points, b->how == BAND_ABOVE, false, t, p >= 0, upper));
        break;
    case BAND_OTHERWISE:
        prt_buf_puts(&h->md, p >= 0 ? prt_band_range(&pool, points, false, true, t, true, upper) : "any other result");
        break;
    case BAND_PER_INDICATOR:
        prt_buf_puts(&h->md, "as good as the indicator's own threshold for the band, or better");
        break;
    case BAND_WITHIN_TOLERANCE:
        prt_buf_puts(&h->md, "short of the target by no more than the tolerance");
        break;
    case BAND_ABOVE_TOLERANCE:
        prt_buf_puts(&h->md, "better than the target by more than the tolerance");
        break;
    case BAND_MONITOR:
        prt_buf_puts(&h->md, "not a rating: the band of the scheme's indicators that are not rated");
        break;
    default: prt_buf_puts(&h->md, "the condition alone decides"); break;
    }
    if (b->cond.kind != PRT_COND_NONE) {
        prt_buf_puts(&h->md, ", if ");
        esc(h, prt_condition_text(&pool, &b->cond));
    }
    prt_pool_free(&pool);
}

/* The target band: the first that is not an above band (docs/rating.md, "Bands above target"). */
static int target_band(const Rating *r)
{
    for (uint32_t i = 0; i < r->bands.n; i++) {
        BandThreshold how = VEC_AT(r->bands, Band, i)->how;
        if (how != BAND_ABOVE && how != BAND_ABOVE_TOLERANCE && how != BAND_MONITOR)
            return (int)i;
    }
    return 0;
}

static void band_line(Hover *h, const Rating *r, int i)
{
    const Band *b = r->bands.items[i];
    prt_buf_puts(&h->md, "**");
    esc(h, b->label ? b->label : b->id.name);
    prt_buf_puts(&h->md, "**");
    if (b->abbrev.name) {
        prt_buf_puts(&h->md, " (");
        esc(h, b->abbrev.name);
        prt_buf_puts(&h->md, ")");
    }
    prt_buf_puts(&h->md, ": ");
    band_range(h, r, i);
    if (b->how != BAND_MONITOR)
        prt_buf_puts(&h->md, i <= target_band(r) ? " (on or above target)" : " (below target)");
}

static void rating_hover(Hover *h, const Rating *r)
{
    heading(h, &r->e);
    if (r->method_loc.file && r->method < PRT_N_METHODS)
        text_field(h, "Method", prt_method_words[r->method]);
    field(h, "Bands, best first");
    for (uint32_t i = 0; i < r->bands.n; i++) {
        prt_buf_puts(&h->md, "\n  - ");
        band_line(h, r, (int)i);
    }
}

static void band_hover(Hover *h, const Rating *r, int i)
{
    const Band *b = r->bands.items[i];
    prt_buf_puts(&h->md, "**band** ");
    esc(h, b->id.name);
    prt_buf_puts(&h->md, " of rating scheme ");
    label(h, &r->e);
    prt_buf_puts(&h->md, "\n\n");
    band_line(h, r, i);
}

/* ---- indicators ---- */

static void target_spec(Hover *h, const TargetSpec *t) { written(h, t->loc); }

static void unit_field(Hover *h, const Unit *u)
{
    if (!u->loc.file)
        return;
    field(h, "Unit");
    if (u->kind == PRT_UNIT_CUSTOM && u->custom)
        esc(h, u->custom);
    else if (u->kind < PRT_N_UNITS)
        esc(h, prt_unit_words[u->kind]);
    if (u->kind == PRT_UNIT_RATE && u->per > 0)
        prt_buf_printf(&h->md, " per %g", u->per);
}

static void amendment_line(Hover *h, const Amendment *a)
{
    prt_buf_puts(&h->md, "amended to ");
    target_spec(h, &a->to);
    prt_buf_puts(&h->md, " from ");
    written(h, a->from.loc);
    if (a->reason) {
        prt_buf_puts(&h->md, " because ");
        esc(h, a->reason);
    }
}

static void target_line(Hover *h, const Indicator *in, const Target *t)
{
    prt_buf_puts(&h->md, "\n  - ");
    written(h, t->period.loc);
    prt_buf_puts(&h->md, ": ");
    target_spec(h, &t->spec);
    if (t->tolerance) {
        prt_buf_puts(&h->md, " within ");
        written(h, t->tolerance->loc);
    }
    if (t->within_interval)
        prt_buf_puts(&h->md, " within confidence interval");
    if (t->note) {
        prt_buf_puts(&h->md, " (");
        esc(h, t->note);
        prt_buf_puts(&h->md, ")");
    }
    if (t->reason) {
        prt_buf_puts(&h->md, " because ");
        esc(h, t->reason);
    }
    for (uint32_t i = 0; i < in->amendments.n; i++) {
        const Amendment *a = in->amendments.items[i];
        if (a->period.valid && t->period.valid && prt_period_equal(a->period.p, t->period.p)) {
            prt_buf_puts(&h->md, "; ");
            amendment_line(h, a);
        }
    }
}

/* Whether an amendment changes a period that has no target of its own (listed apart). */
static bool amends_no_target(const Indicator *in, const Amendment *a)
{
    for (uint32_t i = 0; i < in->targets.n; i++) {
        const Target *t = in->targets.items[i];
        if (a->period.valid && t->period.valid && prt_period_equal(a->period.p, t->period.p))
            return false;
    }
    return true;
}

static void targets(Hover *h, const Indicator *in)
{
    if (in->targets.n)
        field(h, "Targets");
    for (uint32_t i = 0; i < in->targets.n; i++)
        target_line(h, in, in->targets.items[i]);
    for (uint32_t i = 0; i < in->amendments.n; i++) {
        const Amendment *a = in->amendments.items[i];
        if (!amends_no_target(in, a))
            continue;
        field(h, "Amendment");
        written(h, a->period.loc);
        prt_buf_puts(&h->md, ": ");
        amendment_line(h, a);
    }
    for (uint32_t i = 0; i < in->revisions.n; i++) {
        const Revision *r = in->revisions.items[i];
        field(h, "Revised");
        prt_buf_puts(&h->md, "in ");
        written(h, r->period.loc);
        if (r->reason) {
            prt_buf_puts(&h->md, " because ");
            esc(h, r->reason);
        }
    }
}

static void indicator_hover(Hover *h, const Indicator *in)
{
    heading(h, &in->e);
    if (in->kind != KIND_NONE && in->kind < N_INDICATOR_KINDS)
        text_field(h, "Kind", indicator_kind_words[in->kind]);
    if (in->polarity_given && in->polarity < PRT_N_POLARITIES)
        text_field(h, "Polarity", prt_polarity_words[in->polarity]);
    unit_field(h, &in->unit);
    if (in->frequency_loc.file && in->frequency < PRT_N_FREQUENCIES)
        text_field(h, "Frequency", prt_frequency_words[in->frequency]);
    if (in->baseline.present) {
        field(h, "Baseline");
        written(h, in->baseline.loc);
        prt_buf_puts(&h->md, " in ");
        written(h, in->baseline_period.loc);
    }
    targets(h, in);
    if (in->tolerance) {
        field(h, "Tolerance");
        written(h, in->tolerance->loc);
        if (in->tolerance_of_target)
            prt_buf_puts(&h->md, " of target");
    }
    const Rating *r = lsp_scheme_of(h->plan, in);
    if (r) {
        field(h, "Rating scheme");
        label(h, &r->e);
    }
    text_field(h, "Owner", in->owner);
    text_field(h, "Committee", in->committee);
    text_field(h, "Source", in->source);
    if (in->formula) {
        field(h, "Formula");
        written(h, in->formula->loc);
    }
    names_list(h, "Measures", in->measures);
    description(h, in->description);
}

/* ---- the hierarchy ---- */

/* The entities of v (indicators or activities) that name o in their list (measures, delivers). */
static void naming(Hover *h, const char *what, const PtrVec *v, const Outcome *o, bool activities)
{
    const Entity **out = xmalloc((v->n + 1) * sizeof *out);
    size_t n = 0;
    for (uint32_t i = 0; i < v->n; i++) {
        const NameRef *names = activities ? ((const Activity *)v->items[i])->delivers
                                          : ((const Indicator *)v->items[i])->measures;
        for (const NameRef *k = names; k; k = k->next)
            if (k->name && !k->is_ref && plan_lookup(h->plan, k->name) == &o->e) {
                out[n++] = v->items[i];
                break;
            }
    }
    entity_list(h, what, out, n);
    free(out);
}

static void parent_field(Hover *h, const char *what, const Entity *e)
{
    if (!e)
        return;
    field(h, what);
    label(h, e);
}

static void outcome_hover(Hover *h, const Outcome *o)
{
    heading(h, &o->e);
    parent_field(h, "Theme", o->e.parent);
    parent_field(h, "Pillar", o->e.parent ? o->e.parent->parent : NULL);
    naming(h, "Measured by", &h->plan->indicators, o, false);
    naming(h, "Delivered by", &h->plan->activities, o, true);
    names_list(h, "Contributes to", o->contributes);
    description(h, o->description);
}

static void theme_hover(Hover *h, const Theme *t)
{
    heading(h, &t->e);
    parent_field(h, "Pillar", t->e.parent);
    if (t->transformation)
        text_field(h, "Transformation", "a tier 1 transformation workstream");
    text_field(h, "Owner", t->owner);
    vec_list(h, "Outcomes", &t->outcomes);
    vec_list(h, "Activities", &t->activities);
    vec_list(h, "Indicators", &t->indicators);
    description(h, t->description);
}

static void pillar_hover(Hover *h, const Pillar *p)
{
    heading(h, &p->e);
    vec_list(h, "Themes", &p->themes);
    description(h, p->description);
}

static void activity_hover(Hover *h, const Activity *a)
{
    heading(h, &a->e);
    parent_field(h, "Theme", a->e.parent);
    names_list(h, "Delivers", a->delivers);
    text_field(h, "Owner", a->owner);
    if (a->due.present) {
        field(h, "Due");
        written(h, a->due.loc);
    }
    description(h, a->description);
}

static void delivery_hover(Hover *h, const Delivery *d)
{
    heading(h, &d->e);
    field(h, "Bands, best first");
    for (uint32_t i = 0; i < d->bands.n; i++) {
        const DeliveryBand *b = d->bands.items[i];
        prt_buf_puts(&h->md, "\n  - **");
        esc(h, b->label ? b->label : b->id.name);
        prt_buf_puts(&h->md, "**");
        if (b->abbrev.name) {
            prt_buf_puts(&h->md, " (");
            esc(h, b->abbrev.name);
            prt_buf_puts(&h->md, ")");
        }
    }
}

static void hover_markdown(Hover *h, const LspOccurrence *o)
{
    const Entity *e = o->entity;
    if (o->band >= 0) {
        band_hover(h, (const Rating *)e, o->band);
        return;
    }
    switch ((EntityKind)e->kind) {
    case ENT_INDICATOR: indicator_hover(h, (const Indicator *)e); break;
    case ENT_OUTCOME: outcome_hover(h, (const Outcome *)e); break;
    case ENT_THEME: theme_hover(h, (const Theme *)e); break;
    case ENT_PILLAR: pillar_hover(h, (const Pillar *)e); break;
    case ENT_ACTIVITY: activity_hover(h, (const Activity *)e); break;
    case ENT_RATING: rating_hover(h, (const Rating *)e); break;
    case ENT_DELIVERY: delivery_hover(h, (const Delivery *)e); break;
    case ENT_BENCHMARK:
        heading(h, e);
        text_field(h, "Source", ((const Benchmark *)e)->source);
        break;
    case ENT_INPUT:
        heading(h, e);
        unit_field(h, &((const Input *)e)->unit);
        text_field(h, "Source", ((const Input *)e)->source);
        break;
    }
}

json_t *lsp_hover(LspServer *s, const LspMessage *m)
{
    LspTarget t;
    json_t *reply;
    if (!lsp_target_request(s, m, &t, json_null(), &reply))
        return reply;
    Hover h = {.plan = &t.analysis->lp.plan, .sources = &t.analysis->lp.sources};
    hover_markdown(&h, t.at);
    json_t *result = json_pack("{s:{s:s, s:o}, s:o}", "contents", "kind", "markdown", "value",
                               lsp_json_text(prt_buf_str(&h.md)), "range",
                               lsp_range_json(s, &t.analysis->lp.sources, t.at->loc));
    prt_buf_free(&h.md);
    lsp_target_free(&t);
    return lsp_response(m->id, result);
}
