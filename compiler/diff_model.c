/* planc diff, the model's part: the engine that compares two things row by row (the rows of
 * diff_props.h), the texts the rows print (as the plan wrote them), and the plan's header, its pillars,
 * themes and outcomes, rating schemes, benchmarks and inputs: each added, removed, and for those in both
 * plans (matched by identifier) every property as old -> new. */
#include "diff.h"
#include "diff_props.h"
#include "planrt.h"

#include <string.h>

/* ---- the engine ---- */

void diff_props(Cmp *c, const char *key, const Prop *props, size_t n, const void *x, const void *y)
{
    for (size_t i = 0; i < n; i++) {
        const Prop *p = &props[i];
        if (p->list) {
            p->list(c, key, x, y);
            continue;
        }
        const char *tx = p->text(c, c->a, x), *ty = p->text(c, c->b, y);
        if (strcmp(tx, ty) == 0)
            continue;
        if (*p->label)
            diff_line(c->o, "%s%s%s: %s -> %s", key, *key ? " " : "", p->label, tx, ty);
        else
            diff_line(c->o, "%s: %s -> %s", key, tx, ty);
    }
}

/* ---- texts ---- */

static const char *pooled(Cmp *c, prt_buf *b)
{
    const char *t = prt_pool_add(&c->o->text, prt_buf_str(b), b->len);
    prt_buf_free(b);
    return t;
}

const char *diff_source_text(Cmp *c, const LoadedPlan *lp, Loc loc)
{
    const SourceFile *sf = sources_get(&lp->sources, loc.file);
    if (!sf || loc.end < loc.begin)
        return "";
    prt_buf b = {0};
    prt_buf_add(&b, sf->text + loc.begin, loc.end - loc.begin);
    const char *t = diff_esc(c->o, prt_buf_str(&b));
    prt_buf_free(&b);
    return t;
}

const char *diff_number(Cmp *c, double n)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%g", n);
    return prt_pool_add(&c->o->text, buf, strlen(buf));
}

const char *diff_value_text(Cmp *c, const LoadedPlan *lp, const Value *v)
{
    if (!v || !v->present)
        return "none";
    const char *t = diff_source_text(c, lp, v->loc);
    return *t ? t : diff_number(c, v->num);
}

const char *diff_ident(Cmp *c, const char *name)
{
    return name ? diff_esc(c->o, name) : "none";
}

const char *diff_period(Cmp *c, const PeriodLit *p)
{
    if (!p->valid)
        return "none";
    const prt_period_str s = prt_period_text(p->p);
    return prt_pool_add(&c->o->text, s.s, strlen(s.s));
}

const char *diff_names(Cmp *c, const NameRef *n)
{
    if (!n)
        return "none";
    prt_buf b = {0};
    for (; n; n = n->next)
        prt_buf_printf(&b, n->is_ref ? "%s\"%s\"" : "%s%s", b.len ? ", " : "", n->name);
    const char *t = diff_esc(c->o, prt_buf_str(&b));
    prt_buf_free(&b);
    return t;
}

/* "percent", "rate per 100000", "\"kg per household\"", "none". */
const char *diff_unit_text(Cmp *c, const Unit *u)
{
    if (u->kind == PRT_UNIT_CUSTOM)
        return diff_quoted(c->o, u->custom);
    if (u->kind == PRT_UNIT_RATE) {
        prt_buf b = {0};
        prt_buf_printf(&b, "rate per %g", u->per);
        return pooled(c, &b);
    }
    return prt_unit_words[u->kind] ? prt_unit_words[u->kind] : "none";
}

/* ---- what every entity has ---- */

static const char *text_Entity_name(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_quoted(c->o, ((const Entity *)x)->name);
}

/* "theme care": the pillar of a theme, the theme of an outcome, an indicator or an activity. */
static const char *text_Entity_parent(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    const Entity *p = ((const Entity *)x)->parent;
    if (!p || !p->id.name)
        return "none";
    prt_buf b = {0};
    prt_buf_printf(&b, "%s %s", entity_kind_name(p->kind), diff_esc(c->o, p->id.name));
    return pooled(c, &b);
}

DIFF_PROP_TABLE(Entity, entity_props);

void diff_entity(Cmp *c, const char *key, const Entity *x, const Entity *y)
{
    diff_props(c, key, entity_props, sizeof entity_props / sizeof entity_props[0], x, y);
}

/* The entity of plan p of e's kind with e's identifier, or NULL. */
static const Entity *same_entity(const LoadedPlan *lp, const Entity *e)
{
    Plan *p = (Plan *)&lp->plan;
    const Entity *x = plan_lookup(p, diff_key_in(p, e->id.name));
    return x && x->kind == e->kind ? x : NULL;
}

void diff_entities(Cmp *c, const char *what, const PtrVec *old, const PtrVec *new_, const Prop *props, size_t n)
{
    Out *o = c->o;
    for (size_t i = 0; i < new_->n; i++) {
        const Entity *e = new_->items[i];
        if (!same_entity(c->a, e))
            diff_line(o, "%s added: %s \"%s\"", what, diff_esc(o, e->id.name), diff_esc(o, e->name));
    }
    for (size_t j = 0; j < old->n; j++) {
        const Entity *e = old->items[j];
        if (!same_entity(c->b, e))
            diff_line(o, "%s removed: %s \"%s\"", what, diff_esc(o, e->id.name), diff_esc(o, e->name));
    }
    for (size_t i = 0; i < new_->n; i++) {
        const Entity *y = new_->items[i], *x = same_entity(c->a, y);
        if (!x)
            continue;
        prt_buf b = {0};
        prt_buf_printf(&b, "%s %s", what, diff_esc(o, y->id.name));
        const char *key = pooled(c, &b);
        diff_entity(c, key, x, y);
        diff_props(c, key, props, n, x, y);
    }
}

/* ---- the header ---- */

#define HEADER(x) ((const PlanHeader *)(x))

static const char *text_PlanHeader_name(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_quoted(c->o, HEADER(x)->name);
}

static const char *text_PlanHeader_organisation(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_quoted(c->o, HEADER(x)->organisation);
}

static const char *text_PlanHeader_first(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_period(c, &HEADER(x)->first);
}

static const char *text_PlanHeader_last(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_period(c, &HEADER(x)->last);
}

static const char *text_PlanHeader_reported(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)c, (void)lp;
    const char *w = prt_frequency_words[HEADER(x)->reported];
    return w ? w : "none";
}

static const char *text_PlanHeader_rating(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_ident(c, HEADER(x)->rating.name);
}

static const char *text_PlanHeader_delivery(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_ident(c, HEADER(x)->delivery.name);
}

static const char *text_PlanHeader_description(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_quoted(c->o, HEADER(x)->description);
}

static const char *text_PlanHeader_version(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_quoted(c->o, HEADER(x)->version);
}

static const char *text_PlanHeader_dot_basis(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)c, (void)lp;
    return prt_dot_basis_words[HEADER(x)->dot_basis];
}

static const char *text_PlanHeader_forecast(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)c, (void)lp;
    return prt_forecast_rule_words[HEADER(x)->forecast];
}

/* `jump N`, or the default when not given (0). */
static const char *text_PlanHeader_jump(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return HEADER(x)->jump > 0 ? diff_number(c, HEADER(x)->jump) : "default";
}

/* `stale N`, kept as N + 1 (0: not given). */
static const char *text_PlanHeader_stale_years(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    int n = HEADER(x)->stale_years;
    return n > 0 ? diff_number(c, n - 1) : "default";
}

DIFF_PROP_TABLE(PlanHeader, header_props);

static void list_Plan_header(Cmp *c, const char *key, const void *x, const void *y)
{
    (void)key;
    c->o->section = "Plan header";
    diff_props(c, "", header_props, sizeof header_props / sizeof header_props[0], &((const Plan *)x)->header,
               &((const Plan *)y)->header);
}

/* ---- pillars, themes, outcomes ---- */

static const char *text_Pillar_description(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_quoted(c->o, ((const Pillar *)x)->description);
}

static const char *text_Theme_transformation(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)c, (void)lp;
    return ((const Theme *)x)->transformation ? "yes" : "no";
}

static const char *text_Theme_delivery(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_ident(c, ((const Theme *)x)->delivery.name);
}

static const char *text_Theme_owner(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_quoted(c->o, ((const Theme *)x)->owner);
}

static const char *text_Theme_description(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_quoted(c->o, ((const Theme *)x)->description);
}

static const char *text_Outcome_contributes(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_names(c, ((const Outcome *)x)->contributes);
}

static const char *text_Outcome_description(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_quoted(c->o, ((const Outcome *)x)->description);
}

DIFF_PROP_TABLE(Pillar, pillar_props);
DIFF_PROP_TABLE(Theme, theme_props);
DIFF_PROP_TABLE(Outcome, outcome_props);

#define PLAN(x) ((const Plan *)(x))
#define ROWS(t) t, sizeof t / sizeof t[0]

static void list_Plan_pillars(Cmp *c, const char *key, const void *x, const void *y)
{
    (void)key;
    c->o->section = "Structure";
    diff_entities(c, "pillar", &PLAN(x)->pillars, &PLAN(y)->pillars, ROWS(pillar_props));
}

/* (under the pillars' heading, "Structure") */
static void list_Plan_themes(Cmp *c, const char *key, const void *x, const void *y)
{
    (void)key;
    diff_entities(c, "theme", &PLAN(x)->themes, &PLAN(y)->themes, ROWS(theme_props));
}

static void list_Plan_outcomes(Cmp *c, const char *key, const void *x, const void *y)
{
    (void)key;
    diff_entities(c, "outcome", &PLAN(x)->outcomes, &PLAN(y)->outcomes, ROWS(outcome_props));
}

/* ---- rating schemes ---- */

static const char *text_Rating_method(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)c, (void)lp;
    const char *w = prt_method_words[((const Rating *)x)->method];
    return w ? w : "none";
}

#define BAND(x) ((const Band *)(x))

static const char *text_Band_label(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_quoted(c->o, BAND(x)->label);
}

static const char *text_Band_abbrev(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_ident(c, BAND(x)->abbrev.name);
}

static const char *text_Band_how(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)c, (void)lp;
    switch (BAND(x)->how) {
    case BAND_AT: return "at";
    case BAND_WITHIN: return "within";
    case BAND_OTHERWISE: return "otherwise";
    case BAND_IF: return "condition only";
    case BAND_PER_INDICATOR: return "per indicator";
    case BAND_WITHIN_TOLERANCE: return "within tolerance";
    case BAND_ABOVE_TOLERANCE: return "above tolerance";
    case BAND_ABOVE: return "above";
    case BAND_MONITOR: return "monitor";
    default: return "none";
    }
}

/* "if improving or same against previous", "none". */
static const char *text_Band_cond(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    const prt_condition *cond = &BAND(x)->cond;
    if (cond->kind == PRT_COND_NONE)
        return "none";
    return prt_pool_printf(&c->o->text, "if %s", prt_condition_text(&c->o->text, cond));
}

static const char *text_Band_threshold(Cmp *c, const LoadedPlan *lp, const void *x)
{
    return diff_value_text(c, lp, &BAND(x)->threshold);
}

DIFF_PROP_TABLE(Band, band_props);

static const Band *find_band(const Rating *r, const char *id)
{
    for (size_t i = 0; i < r->bands.n; i++) {
        const Band *b = r->bands.items[i];
        if (b->id.name && id && strcmp(b->id.name, id) == 0)
            return b;
    }
    return NULL;
}

/* "at 80%", "within 5 pts", "otherwise", "at 80% if improving", "if same". */
static const char *band_rule(Cmp *c, const LoadedPlan *lp, const Band *b)
{
    prt_buf t = {0};
    if (b->how == BAND_OTHERWISE || b->how == BAND_MONITOR || (b->how >= BAND_PER_INDICATOR && b->how != BAND_ABOVE))
        prt_buf_puts(&t, text_Band_how(c, lp, b));
    else if (b->how != BAND_IF)
        prt_buf_printf(&t, "%s %s", text_Band_how(c, lp, b), text_Band_threshold(c, lp, b));
    if (b->cond.kind != PRT_COND_NONE)
        prt_buf_printf(&t, "%s%s", t.len ? " " : "", text_Band_cond(c, lp, b));
    return pooled(c, &t);
}

/* "green, amber, red": the bands of r that the other scheme has too, in r's order (escaped). */
static const char *band_order(Cmp *c, const Rating *r, const Rating *other)
{
    prt_buf b = {0};
    for (size_t i = 0; i < r->bands.n; i++) {
        const Band *x = r->bands.items[i];
        if (find_band(other, x->id.name))
            prt_buf_printf(&b, "%s%s", b.len ? ", " : "", x->id.name);
    }
    const char *t = diff_esc(c->o, prt_buf_str(&b));
    prt_buf_free(&b);
    return t;
}

/* A band's symbol as written: `star`, `"TEXT"` (quoted), or none. */
static const char *symbol_text(Cmp *c, const BandLook *l)
{
    if (!l->symbol.name)
        return "none";
    return l->symbol_quoted ? diff_quoted(c->o, l->symbol.name) : diff_esc(c->o, l->symbol.name);
}

/* Band.look (issue 21): "KEY colour: by position -> blue", "KEY symbol: none -> star". */
static void compare_look(Cmp *c, const char *bkey, const BandLook *x, const BandLook *y)
{
    if (x->colour_choice != y->colour_choice)
        diff_line(c->o, "%s colour: %s -> %s", bkey, x->colour_choice ? prt_colour_words[x->colour_choice] : "by position",
                  y->colour_choice ? prt_colour_words[y->colour_choice] : "by position");
    const char *sx = symbol_text(c, x), *sy = symbol_text(c, y);
    if (strcmp(sx, sy) != 0)
        diff_line(c->o, "%s symbol: %s -> %s", bkey, sx, sy);
}

static void list_Rating_bands(Cmp *c, const char *key, const void *px, const void *py)
{
    const Rating *x = px, *y = py;
    Out *o = c->o;
    for (size_t i = 0; i < y->bands.n; i++) {
        const Band *by = y->bands.items[i], *bx = find_band(x, by->id.name);
        prt_buf k = {0};
        prt_buf_printf(&k, "%s band %s", key, diff_esc(o, by->id.name));
        const char *bkey = pooled(c, &k);
        if (!bx)
            diff_line(o, "%s added: %s (%s)", bkey, diff_quoted(o, by->label), band_rule(c, c->b, by));
        else {
            diff_props(c, bkey, ROWS(band_props), bx, by);
            compare_look(c, bkey, &bx->look, &by->look);
        }
    }
    for (size_t i = 0; i < x->bands.n; i++) {
        const Band *bx = x->bands.items[i];
        if (!find_band(y, bx->id.name))
            diff_line(o, "%s band %s removed: %s (%s)", key, diff_esc(o, bx->id.name), diff_quoted(o, bx->label),
                      band_rule(c, c->a, bx));
    }
    const char *ox = band_order(c, x, y), *oy = band_order(c, y, x);
    if (strcmp(ox, oy) != 0)
        diff_line(o, "%s band order: %s -> %s", key, ox, oy);
}

DIFF_PROP_TABLE(Rating, rating_props);

static void list_Plan_ratings(Cmp *c, const char *key, const void *x, const void *y)
{
    (void)key;
    c->o->section = "Rating schemes";
    diff_entities(c, "rating scheme", &PLAN(x)->ratings, &PLAN(y)->ratings, ROWS(rating_props));
}

/* ---- benchmarks and inputs ---- */

static const char *text_Benchmark_source(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_quoted(c->o, ((const Benchmark *)x)->source);
}

static const char *text_Input_unit(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_unit_text(c, &((const Input *)x)->unit);
}

static const char *text_Input_source(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_quoted(c->o, ((const Input *)x)->source);
}

DIFF_PROP_TABLE(Benchmark, benchmark_props);
DIFF_PROP_TABLE(Input, input_props);

static void list_Plan_benchmarks(Cmp *c, const char *key, const void *x, const void *y)
{
    (void)key;
    c->o->section = "Benchmarks and inputs";
    diff_entities(c, "benchmark", &PLAN(x)->benchmarks, &PLAN(y)->benchmarks, ROWS(benchmark_props));
}

/* (under the benchmarks' heading) */
static void list_Plan_inputs(Cmp *c, const char *key, const void *x, const void *y)
{
    (void)key;
    diff_entities(c, "input", &PLAN(x)->inputs, &PLAN(y)->inputs, ROWS(input_props));
}

/* ---- the plan ---- */

DIFF_PROP_TABLE(Plan, plan_props);

void diff_plan(Cmp *c)
{
    diff_props(c, "", ROWS(plan_props), &c->a->plan, &c->b->plan);
}
