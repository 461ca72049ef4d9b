/* The semantic checker of check.h: names resolved, rules of the language applied, each problem a diagnostic. */
#include "check.h"
#include "check_delivery.h"
#include "check_edges.h"
#include "planrt.h"
#include "strbuf.h"
#include "suggest.h"
#include "xalloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct Checker {
    Plan *plan;
    Diag *diag;
    size_t suggest_budget;      /* work left for "did you mean" (see unknown_name) */
} Checker;

/* "Did you mean" for a whole plan: each lookup costs the candidates gathered plus the edit-distance
 * cells computed (suggest.h); past this (~0.5 s) unknown names are reported without a suggestion, so
 * thousands of them in a plan of thousands of names cost time linear in their number. */
enum { SUGGEST_PLAN_BUDGET = 1 << 27 };

static const char *article(EntityKind k)
{
    return k == ENT_INDICATOR || k == ENT_OUTCOME || k == ENT_ACTIVITY || k == ENT_INPUT ? "an" : "a";
}

/* ---- name resolution ---- */

/* Reports an unknown name with the closest declared name of the wanted kind(s). */
static void unknown_name(Checker *c, const NameRef *n, unsigned kinds, const char *what)
{
    PtrVec *lists[] = {&c->plan->ratings, &c->plan->benchmarks, &c->plan->inputs, &c->plan->pillars,
                       &c->plan->themes,  &c->plan->outcomes,   &c->plan->activities, &c->plan->indicators,
                       &c->plan->deliveries};
    size_t total = 0;
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
        total += lists[l]->n;
    if (c->suggest_budget <= total) {
        c->suggest_budget = 0;
        diag_error(c->diag, n->loc, "E012", "unknown %s %s%s%s", what, n->is_ref ? "\"" : "'", n->name,
                   n->is_ref ? "\"" : "'");
        return;
    }
    c->suggest_budget -= total;
    const char **cands = xcalloc(total + 1, sizeof *cands);
    size_t k = 0;
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
        for (size_t i = 0; i < lists[l]->n; i++) {
            Entity *e = lists[l]->items[i];
            if (!(kinds & (1u << e->kind)))
                continue;
            cands[k++] = n->is_ref && e->kind == ENT_INDICATOR ? ((Indicator *)e)->ref : e->id.name;
        }
    const char *s = suggest_word_within(n->name, cands, k, &c->suggest_budget);
    const char *q = n->is_ref ? "\"" : "'";
    if (s) {
        diag_error(c->diag, n->loc, "E012", "unknown %s %s%s%s; did you mean %s%s%s?", what, q, n->name, q, q, s, q);
        if (n->is_ref) {
            prt_buf quoted = {0};
            prt_buf_printf(&quoted, "\"%s\"", s);
            diag_fixit(c->diag, quoted.data);
            prt_buf_free(&quoted);
        } else {
            diag_fixit(c->diag, s);
        }
    }
    else
        diag_error(c->diag, n->loc, "E012", "unknown %s %s%s%s", what, q, n->name, q);
    free(cands);
}

/* Resolves a name to an entity of one of `kinds` (a bit per EntityKind), reporting failures. */
static Entity *resolve(Checker *c, const NameRef *n, unsigned kinds, const char *what)
{
    Entity *e = n->is_ref ? (Entity *)plan_lookup_ref(c->plan, n->name) : plan_lookup(c->plan, n->name);
    if (!e) {
        unknown_name(c, n, kinds, what);
        return NULL;
    }
    if (!(kinds & (1u << e->kind))) {
        diag_error(c->diag, n->loc, "E019", "'%s' is %s %s, not %s %s", n->name, article(e->kind),
                   entity_kind_name(e->kind), strchr("aeiou", what[0]) ? "an" : "a", what);
        diag_note(c->diag, e->id.loc, "'%s' is defined here", n->name);
        return NULL;
    }
    return e;
}

static Entity *resolve_ident(Checker *c, Ident id, unsigned kinds, const char *what)
{
    NameRef n = {id.name, id.loc, false, NULL};
    return resolve(c, &n, kinds, what);
}

#define K(k) (1u << (k))

/* ---- values ---- */

static const char *unit_name(const Unit *u)
{
    if (u->kind == PRT_UNIT_NONE)
        return "unspecified";
    return u->kind == PRT_UNIT_CUSTOM ? u->custom : prt_unit_words[u->kind];
}

/* Whether a number written with a word after it (`6 weeks`, `1 day`) fits the unit: the word is the
 * unit's own, or its singular. */
static bool word_fits_unit(const char *word, const Unit *u)
{
    const char *plural = prt_unit_words[u->kind], *singular = prt_unit_forms[u->kind].singular;
    if (u->kind == PRT_UNIT_CUSTOM || (!plural && !singular))
        return false;
    return (plural && strcmp(word, plural) == 0) || (singular && strcmp(word, singular) == 0);
}

/* Checks that a value's written form fits the indicator's unit and range. */
static void check_value(Checker *c, const Indicator *in, const Value *v, const char *what)
{
    if (!v->present)
        return;
    const Unit *u = &in->unit;
    if (v->suffix == PRT_SUFFIX_WORD) {
        if (!word_fits_unit(v->word, u))
            diag_error(c->diag, v->loc, "E024", "%s is written in '%s', which does not fit the unit of '%s' (%s)", what,
                       v->word, entity_label(&in->e), unit_name(u));
    } else if (!prt_suffix_fits_unit(v->suffix, u->kind)) {
        diag_error(c->diag, v->loc, "E024", "%s is written %s, but the unit of '%s' is %s", what,
                   prt_suffix_texts[v->suffix], entity_label(&in->e), unit_name(u));
    }
    if (u->kind == PRT_UNIT_PERCENT && v->suffix != PRT_SUFFIX_POINTS && (v->num < 0 || v->num > 100))
        diag_error(c->diag, v->loc, "E023", "%s of %g%% is outside 0-100%% for a percentage", what, v->num);
    if (prt_unit_forms[u->kind].nonnegative && v->num < 0)
        diag_error(c->diag, v->loc, "E023", "%s of %g is negative, which a %s cannot be", what, v->num, unit_name(u));
}

/* ---- periods ---- */

static bool plan_covers(const Plan *p, prt_period period)
{
    if (!p->header.first.valid || !p->header.last.valid)
        return true;
    return period.year >= p->header.first.p.year && period.year <= p->header.last.p.year;
}

static const char *frequency_name(prt_frequency f)
{
    return f == PRT_FREQ_NONE ? "unspecified" : prt_frequency_words[f];
}

/* A target for a part of a year needs an indicator measured at least that often. */
static bool period_fits(prt_period p, prt_frequency f)
{
    switch (p.kind) {
    case PRT_YEAR: return true;
    case PRT_HALF: return f != PRT_FREQ_ANNUAL;
    case PRT_QUARTER: return f != PRT_FREQ_ANNUAL && f != PRT_FREQ_BIANNUAL;
    case PRT_MONTH: return f == PRT_FREQ_MONTHLY || f == PRT_FREQ_NONE;
    }
    return true;
}


/* ---- rating schemes ---- */

/* A band's condition: not on the last band, which must take every result; not one that no result can
 * meet ("not improving or same or worsening" leaves no direction). */
static void check_band_condition(Checker *c, const Rating *r, const Band *b, bool last)
{
    if (b->cond.kind == PRT_COND_NONE)
        return;
    if (last) {
        diag_error(c->diag, b->cond_loc, "E071",
                   "the last band of rating scheme '%s' takes every result the others leave: it cannot have a condition",
                   r->e.id.name);
        return;
    }
    unsigned every = 1u << PRT_DOT_IMPROVING | 1u << PRT_DOT_SAME | 1u << PRT_DOT_WORSENING;
    if (b->cond.kind == PRT_COND_DIRECTION && b->cond.negated && b->cond.dirs == every)
        diag_error(c->diag, b->cond_loc, "E072",
                   "band '%s' can never be given: 'not' every direction leaves none (a result with no direction fails "
                   "a condition too)", b->id.name);
}

/* Whether scheme r has a band with a forecast condition: the band at *where. */
static bool scheme_asks_forecast(const Rating *r, const Band **where)
{
    for (size_t i = 0; i < r->bands.n; i++) {
        const Band *b = r->bands.items[i];
        if (b->cond.kind == PRT_COND_FORECAST) {
            *where = b;
            return true;
        }
    }
    return false;
}

/* `if forecast met` can hold only with a year-end forecast, which the plan declares (`forecast
 * run_rate`): without one, each scheme that asks and that an indicator uses is an error, once. */
static void check_forecast_conditions(Checker *c)
{
    if (c->plan->header.forecast != PRT_FORECAST_NONE)
        return;
    for (size_t k = 0; k < c->plan->ratings.n; k++) {
        const Rating *r = c->plan->ratings.items[k];
        const Band *b = NULL;
        if (!scheme_asks_forecast(r, &b))
            continue;
        for (size_t i = 0; i < c->plan->indicators.n; i++) {
            const Indicator *in = c->plan->indicators.items[i];
            if (in->scheme != r)
                continue;
            diag_error(c->diag, b->cond_loc, "E073",
                       "band '%s' asks for the year-end forecast, but the plan declares no 'forecast' (run_rate or "
                       "profile): it can never be given", b->id.name);
            diag_note(c->diag, in->e.loc, "indicator '%s' is rated by scheme '%s'", entity_label(&in->e), r->e.id.name);
            break;
        }
    }
}

/* A scheme's monitor band (issue 21): at most one, and not the first band, which is the one a met
 * target gets (E081); the other rules of bands skip it. */
static void check_monitor_band(Checker *c, const Rating *r)
{
    const Band *first = NULL;
    for (size_t i = 0; i < r->bands.n; i++) {
        const Band *b = r->bands.items[i];
        if (b->how != BAND_MONITOR)
            continue;
        if (i == 0)
            diag_error(c->diag, b->loc, "E081",
                       "the monitor band of rating scheme '%s' cannot be its first band, which a met target gets: "
                       "place it after",
                       r->e.id.name);
        if (first) {
            diag_error(c->diag, b->loc, "E081", "rating scheme '%s' has a second monitor band", r->e.id.name);
            diag_note(c->diag, first->loc, "the first is here");
        }
        first = first ? first : b;
    }
}

static bool is_monitor_band(const Rating *r, size_t i)
{
    return i < r->bands.n && ((const Band *)r->bands.items[i])->how == BAND_MONITOR;
}

static void check_rating(Checker *c, Rating *r)
{
    if (r->method == PRT_METHOD_NONE && !r->method_loc.file && rating_needs_method(r))
        diag_error(c->diag, r->e.id.loc, "E028", "rating scheme '%s' has no 'method' (improvement, achievement or points)",
                   r->e.id.name);
    if (r->bands.n > PRT_MAX_BANDS) {
        const Band *extra = r->bands.items[PRT_MAX_BANDS];
        diag_error(c->diag, extra->loc, "E044", "rating scheme '%s' has %zu bands; the limit is %d", r->e.id.name,
                   (size_t)r->bands.n, PRT_MAX_BANDS);
        diag_note(c->diag, r->e.id.loc, "summaries count indicators by band, in a column per band");
    }
    if (r->bands.n < 2) {
        diag_error(c->diag, r->e.id.loc, "E028", "rating scheme '%s' needs at least two bands, the last one 'otherwise'",
                   r->e.id.name);
        return;
    }
    check_monitor_band(c, r);
    Symtab seen = {0};
    for (size_t i = 0; i < r->bands.n; i++) {
        Band *b = r->bands.items[i];
        Band *prev = symtab_put(&seen, b->id.name, b);
        if (prev != b) {
            diag_error(c->diag, b->id.loc, "E013", "band '%s' is defined twice in rating scheme '%s'", b->id.name,
                       r->e.id.name);
            diag_note(c->diag, prev->id.loc, "first defined here");
        }
        if (b->abbrev.name && b->abbrev.name != b->id.name) {
            Band *pa = symtab_put(&seen, b->abbrev.name, b);
            if (pa != b) {
                diag_error(c->diag, b->abbrev.loc, "E013", "band abbreviation '%s' is already used in rating scheme '%s'",
                           b->abbrev.name, r->e.id.name);
                diag_note(c->diag, pa->id.loc, "by this band");
            }
        }
        if (b->how == BAND_MONITOR)
            continue;   /* not reached by a result: check_monitor_band */
        bool last = i + 1 == r->bands.n || (i + 2 == r->bands.n && is_monitor_band(r, i + 1));
        if (last && b->how != BAND_OTHERWISE) {
            diag_error(c->diag, b->loc, "E028", "the last band of rating scheme '%s' must be 'otherwise'", r->e.id.name);
            continue;
        }
        check_band_condition(c, r, b, last);
        if (!last && b->how == BAND_OTHERWISE) {
            diag_error(c->diag, b->loc, "E028", "only the last band of rating scheme '%s' can be 'otherwise'",
                       r->e.id.name);
            continue;
        }
        if (!band_has_number(b))
            continue;   /* otherwise, per indicator, by tolerance: check_rating_edges */
        if (r->method == PRT_METHOD_POINTS && b->how == BAND_AT)
            diag_error(c->diag, b->loc, "E028", "with method points, a band is written 'within N pts'");
        if (r->method != PRT_METHOD_POINTS && r->method != PRT_METHOD_NONE && b->how == BAND_WITHIN)
            diag_error(c->diag, b->loc, "E028", "with method %s, a band is written 'at N%%'",
                       prt_method_words[r->method]);
        if (b->threshold.num < 0)
            diag_error(c->diag, b->threshold.loc, "E028", "a band threshold cannot be negative");
        check_band_order(c->diag, r, i);
    }
    symtab_free(&seen);
    check_rating_edges(c->diag, r);
}

static const Band *find_band(const Rating *r, const char *name)
{
    for (size_t i = 0; i < r->bands.n; i++) {
        const Band *b = r->bands.items[i];
        if (b->id.name == name || b->abbrev.name == name)
            return b;
    }
    return NULL;
}

/* ---- formulas ---- */

typedef enum { FU_NUMBER, FU_DERIVED, FU_UNIT } FormulaUnitKind;
typedef struct FormulaUnit {
    FormulaUnitKind kind;
    Unit unit;
} FormulaUnit;

static bool same_unit(const Unit *a, const Unit *b)
{
    if (a->kind != b->kind)
        return false;
    if (a->kind == PRT_UNIT_RATE)
        return a->per == b->per;
    if (a->kind == PRT_UNIT_CUSTOM)
        return strcmp(a->custom, b->custom) == 0;
    return true;
}

static FormulaUnit check_expr(Checker *c, Indicator *owner, Expr *e)
{
    FormulaUnit r = {FU_NUMBER, {.kind = PRT_UNIT_NONE}};
    switch (e->kind) {
    case EXPR_NUM: return r;
    case EXPR_NAME: {
        Entity *t = resolve(c, &e->name, K(ENT_INDICATOR) | K(ENT_INPUT), "indicator or input");
        if (!t)
            return (FormulaUnit){FU_DERIVED, r.unit};
        if (t == &owner->e) {
            diag_error(c->diag, e->loc, "E031", "the formula of '%s' uses '%s' itself", entity_label(&owner->e),
                       e->name.name);
            return (FormulaUnit){FU_DERIVED, r.unit};
        }
        Unit u = t->kind == ENT_INPUT ? ((Input *)t)->unit : ((Indicator *)t)->unit;
        if (u.kind == PRT_UNIT_NONE)
            return (FormulaUnit){FU_DERIVED, u};
        return (FormulaUnit){FU_UNIT, u};
    }
    case EXPR_NEG: return check_expr(c, owner, e->lhs);
    case EXPR_ADD:
    case EXPR_SUB: {
        FormulaUnit a = check_expr(c, owner, e->lhs), b = check_expr(c, owner, e->rhs);
        if (a.kind == FU_UNIT && b.kind == FU_UNIT) {
            if (!same_unit(&a.unit, &b.unit))
                diag_error(c->diag, e->loc, "E032", "the formula %s %s and %s, which are different units",
                           e->kind == EXPR_ADD ? "adds" : "subtracts", unit_name(&a.unit), unit_name(&b.unit));
            return a;
        }
        return a.kind == FU_UNIT ? a : b.kind == FU_UNIT ? b : (a.kind == FU_DERIVED ? a : b);
    }
    case EXPR_MUL:
    case EXPR_DIV: {
        FormulaUnit a = check_expr(c, owner, e->lhs), b = check_expr(c, owner, e->rhs);
        if (e->kind == EXPR_DIV && e->rhs->kind == EXPR_NUM && e->rhs->num == 0)
            diag_error(c->diag, e->rhs->loc, "E037", "the formula divides by zero");
        /* scaling by a plain number keeps the unit; anything else makes a new one */
        if (a.kind == FU_NUMBER)
            return e->kind == EXPR_MUL ? b : (FormulaUnit){FU_DERIVED, r.unit};
        if (b.kind == FU_NUMBER)
            return a;
        return (FormulaUnit){FU_DERIVED, r.unit};
    }
    }
    return r;
}

/* The most values the formula's reverse Polish code (tables.c) holds at once, `held` being beneath it:
 * an operation's left operand is computed first and waits while the right one is.  The first operand
 * that would not fit in PRT_MAX_FORMULA_DEPTH goes to *first_over. */
static int formula_stack_need(const Expr *e, int held, const Expr **first_over)
{
    switch (e->kind) {
    case EXPR_NUM:
    case EXPR_NAME:
        if (held + 1 > PRT_MAX_FORMULA_DEPTH && !*first_over)
            *first_over = e;
        return 1;
    case EXPR_NEG: return formula_stack_need(e->lhs, held, first_over);
    default: {
        int a = formula_stack_need(e->lhs, held, first_over), b = 1 + formula_stack_need(e->rhs, held + 1, first_over);
        return a > b ? a : b;
    }
    }
}

/* Every back end evaluates a formula with room for PRT_MAX_FORMULA_DEPTH values: the interpreter's stack,
 * the generated C's temporaries (emit_c.c).  Parentheses alone (E010, 64 deep) allow twice that. */
static void check_formula_depth(Checker *c, const Indicator *in)
{
    const Expr *first_over = NULL;
    int need = formula_stack_need(in->formula, 0, &first_over);
    if (first_over)
        diag_error(c->diag, first_over->loc, "E038",
                   "the formula of '%s' is nested too deeply: it holds %d values at once, and a formula can hold "
                   "at most %d; split it into derived indicators",
                   entity_label(&in->e), need, PRT_MAX_FORMULA_DEPTH);
}

/* Formula cycles: a depth-first walk over indicators, colouring each white, grey (on the path) or
 * black (done).  The walk keeps its own stack so a long chain of formulas cannot overflow C's. */
enum { WHITE, GREY, BLACK };

static void collect_refs(Checker *c, Expr *e, PtrVec *out, Arena *scratch)
{
    if (!e)
        return;
    if (e->kind == EXPR_NAME) {
        Entity *t = e->name.is_ref ? (Entity *)plan_lookup_ref(c->plan, e->name.name) : plan_lookup(c->plan, e->name.name);
        if (t && t->kind == ENT_INDICATOR && ((Indicator *)t)->formula)
            vec_push(scratch, out, t);
        return;
    }
    collect_refs(c, e->lhs, out, scratch);
    collect_refs(c, e->rhs, out, scratch);
}

static void check_formula_cycles(Checker *c)
{
    Plan *p = c->plan;
    Symtab colour = {0};   /* Indicator * (as key) -> colour + 1 */
    Arena scratch;
    arena_init(&scratch);
    typedef struct Frame {
        Indicator *in;
        PtrVec deps;
        size_t next;
    } Frame;
    size_t cap = 16, depth = 0;
    Frame *stack = xmalloc(cap * sizeof *stack);
    for (size_t i = 0; i < p->indicators.n; i++) {
        Indicator *root = p->indicators.items[i];
        if (!root->formula || symtab_get(&colour, (const char *)root))
            continue;
        depth = 0;
        stack[depth++] = (Frame){root, {0}, 0};
        symtab_put(&colour, (const char *)root, (void *)(GREY + 1));
        collect_refs(c, root->formula, &stack[0].deps, &scratch);
        while (depth) {
            Frame *f = &stack[depth - 1];
            if (f->next == f->deps.n) {
                symtab_set(&colour, (const char *)f->in, (void *)(BLACK + 1));
                depth--;
                continue;
            }
            Indicator *d = f->deps.items[f->next++];
            uintptr_t col = (uintptr_t)symtab_get(&colour, (const char *)d);
            if (col == GREY + 1) {
                if (d != f->in) {
                    diag_error(c->diag, d->formula_loc, "E031", "formula cycle: '%s' depends on itself", entity_label(&d->e));
                    for (size_t k = depth; k-- > 0 && stack[k].in != d;)
                        diag_note(c->diag, stack[k].in->formula_loc, "through the formula of '%s'",
                                  entity_label(&stack[k].in->e));
                }
                continue;
            }
            if (col == BLACK + 1)
                continue;
            if (depth == cap) {
                cap *= 2;
                stack = xrealloc(stack, cap * sizeof *stack);
            }
            stack[depth] = (Frame){d, {0}, 0};
            collect_refs(c, d->formula, &stack[depth].deps, &scratch);
            depth++;
            symtab_put(&colour, (const char *)d, (void *)(GREY + 1));
        }
    }
    free(stack);
    symtab_free(&colour);
    arena_free(&scratch);
}

/* ---- indicators ---- */

static bool target_better(prt_polarity pol, double target, double base)
{
    return pol == PRT_POL_SMALLER ? target <= base : target >= base;
}

static void check_cumulative_profile(Checker *c, Indicator *in)
{
    /* for each year with quarterly targets: non-decreasing, and Q4 equals the annual target */
    for (size_t i = 0; i < in->targets.n; i++) {
        const Target *annual = in->targets.items[i];
        if (!annual->period.valid || annual->period.p.kind != PRT_YEAR || annual->spec.kind != PRT_TARGET_VALUE)
            continue;
        const Target *q4 = indicator_target(in, (prt_period){annual->period.p.year, PRT_QUARTER, 4});
        if (q4 && q4->spec.kind == PRT_TARGET_VALUE && q4->spec.value.num != annual->spec.value.num) {
            diag_warning(c->diag, q4->spec.value.loc, "W005",
                         "the cumulative Q4 target %g differs from the annual target %g for %s", q4->spec.value.num,
                         annual->spec.value.num, prt_period_text(annual->period.p).s);
            diag_note(c->diag, annual->spec.value.loc, "the annual target is here");
        }
    }
    for (size_t i = 0; i < in->targets.n; i++) {
        const Target *t = in->targets.items[i];
        if (!t->period.valid || t->period.p.kind != PRT_QUARTER || t->period.p.index == 1 || t->spec.kind != PRT_TARGET_VALUE)
            continue;
        const Target *prev = indicator_target(in, (prt_period){t->period.p.year, PRT_QUARTER, t->period.p.index - 1});
        if (prev && prev->spec.kind == PRT_TARGET_VALUE && t->spec.value.num < prev->spec.value.num) {
            diag_warning(c->diag, t->spec.value.loc, "W005",
                         "the cumulative year-to-date target falls from %g in Q%d to %g in Q%d",
                         prev->spec.value.num, prev->period.p.index, t->spec.value.num, t->period.p.index);
        }
    }
}

/* The parts of the year an indicator is reported in, as W009 names them ("quarters", "quarterly");
 * false for one reported yearly, or whose frequency is not said. */
static bool reported_in_parts(prt_frequency f, const char **parts, const char **profile)
{
    switch (f) {
    case PRT_FREQ_MONTHLY: *parts = "months"; *profile = "monthly"; return true;
    case PRT_FREQ_QUARTERLY: *parts = "quarters"; *profile = "quarterly"; return true;
    case PRT_FREQ_BIANNUAL: *parts = "half years"; *profile = "half-yearly"; return true;
    default: return false;
    }
}

/* Whether the indicator has a rated target for a part of the given year (a quarter, a month ...). */
static bool has_part_target(const Indicator *in, int year)
{
    for (size_t i = 0; i < in->targets.n; i++) {
        const Target *t = in->targets.items[i];
        if (t->period.valid && t->period.p.kind != PRT_YEAR && t->period.p.year == year &&
            t->spec.kind != PRT_TARGET_MONITOR)
            return true;
    }
    return false;
}

/* A year-to-date figure reported in-year is rated against a target for the same part of the year;
 * with only an annual target and no forecast, every in-year return goes unrated until the year's
 * result (W009), once for each year so. */
static void check_annual_only_profile(Checker *c, Indicator *in)
{
    const PlanHeader *h = &c->plan->header;
    prt_frequency f = in->frequency != PRT_FREQ_NONE ? (prt_frequency)in->frequency : h->reported;
    const char *parts, *profile;
    if (h->forecast != PRT_FORECAST_NONE || !reported_in_parts(f, &parts, &profile))
        return;
    for (size_t i = 0; i < in->targets.n; i++) {
        const Target *t = in->targets.items[i];
        if (!t->period.valid || t->period.p.kind != PRT_YEAR || t->spec.kind == PRT_TARGET_MONITOR ||
            has_part_target(in, t->period.p.year))
            continue;
        diag_warning(c->diag, t->loc, "W009",
                     "'%s' accumulates year to date and has only an annual target for %s: its %s are not rated "
                     "before the year's result; give a cumulative %s profile, or declare 'forecast profile' in "
                     "the plan header",
                     entity_label(&in->e), prt_period_text(t->period.p).s, parts, profile);
    }
}

static void check_target_spec(Checker *c, Indicator *in, const TargetSpec *spec, const char *what)
{
    if (spec->kind == PRT_TARGET_VALUE || spec->kind == PRT_TARGET_THRESHOLD)
        check_value(c, in, &spec->value, what);
    else if (spec->kind == PRT_TARGET_BENCHMARK)
        resolve_ident(c, spec->bench, K(ENT_BENCHMARK), "benchmark");
}

/* The outcomes it measures, its polarity, its rating scheme, its direction, baseline and tolerance. */
static void check_indicator_head(Checker *c, Indicator *in)
{
    Plan *p = c->plan;
    for (NameRef *n = in->measures; n; n = n->next) {
        Outcome *o = (Outcome *)resolve(c, n, K(ENT_OUTCOME), "outcome");
        if (o) {
            o->measured_by++;
            vec_push(&p->arena, &in->measured, o);
        }
    }
    if (!in->polarity_given)
        diag_error(c->diag, in->e.loc, "E021", "indicator '%s' has no polarity (bigger, smaller or monitor)",
                   entity_label(&in->e));

    if (in->rating.name)
        in->scheme = (Rating *)resolve_ident(c, in->rating, K(ENT_RATING), "rating scheme");
    else if (p->header.rating.name)
        in->scheme = (Rating *)plan_lookup(p, p->header.rating.name);
    if (in->scheme && in->scheme->e.kind != ENT_RATING)
        in->scheme = NULL;

    if (in->direction != PRT_POL_NONE && in->polarity != PRT_POL_MONITOR)
        diag_warning(c->diag, in->direction_loc, "W008",
                     "'direction' is for monitor-only indicators; the polarity of '%s' already sets it", entity_label(&in->e));
    check_value(c, in, &in->baseline, "the baseline");
    if (in->tolerance && in->tolerance->num < 0)
        diag_error(c->diag, in->tolerance->loc, "E023", "a tolerance cannot be negative");
}

/* A target's period: within the plan, fitting the indicator's frequency, not given twice (the
 * targets before the i-th are the ones already seen). */
static void check_target_period(Checker *c, Indicator *in, const Target *t, size_t i)
{
    Plan *p = c->plan;
    if (!plan_covers(p, t->period.p))
        diag_error(c->diag, t->period.loc, "E025", "the target for %s is outside the plan, which covers %s to %s",
                   prt_period_text(t->period.p).s, prt_period_text(p->header.first.p).s,
                   prt_period_text(p->header.last.p).s);
    if (in->frequency != PRT_FREQ_NONE && !period_fits(t->period.p, in->frequency))
        diag_error(c->diag, t->period.loc, "E026", "a target for %s does not fit %s indicator '%s'",
                   prt_period_text(t->period.p).s, frequency_name(in->frequency), entity_label(&in->e));
    for (size_t j = 0; j < i; j++) {
        Target *u = in->targets.items[j];
        if (u->period.valid && prt_period_equal(u->period.p, t->period.p)) {
            diag_error(c->diag, t->period.loc, "E027", "indicator '%s' has two targets for %s",
                       entity_label(&in->e), prt_period_text(t->period.p).s);
            diag_note(c->diag, u->loc, "the first target for %s is here", prt_period_text(t->period.p).s);
            break;
        }
    }
}

/* What a target is compared with: the baseline when it is earlier and comparable, else (without a
 * baseline) last year's published result.  NULL when there is neither. */
static const Value *target_base(const Indicator *in, const Target *t, const char **what, prt_period *when)
{
    const Value *base = NULL;
    *what = "baseline";
    *when = (prt_period){0, PRT_YEAR, 0};
    /* a cumulative or rolling figure only compares with one over the same length of time */
    bool comparable = in->accumulates == PRT_ACC_SNAPSHOT ||
                      (in->baseline_period.valid && in->baseline_period.p.kind == t->period.p.kind);
    if (in->baseline.present && in->baseline_period.valid && comparable &&
        prt_period_compare(in->baseline_period.p, t->period.p) < 0) {
        base = &in->baseline;
        *when = in->baseline_period.p;
    } else if (!in->baseline.present) {
        /* without a baseline, last year's published result is the one the reports compare with */
        for (size_t k = 0; k < in->results.n; k++) {
            ResultRec *r = in->results.items[k];
            if (r->status == PRT_RESULT_VALUE && r->period.valid &&
                prt_period_equal(r->period.p, prt_period_last_year(t->period.p))) {
                base = &r->value;
                *what = "result";
                *when = r->period.p;
            }
        }
    }
    return base;
}

/* Whether the indicator's method was revised after `from` and by `to` (`revised in P`): a figure
 * measured before the revision is no yardstick for a target after it. */
static bool revised_between(const Indicator *in, prt_period from, prt_period to)
{
    for (size_t i = 0; i < in->revisions.n; i++) {
        const Revision *r = in->revisions.items[i];
        if (r->period.valid && prt_period_compare(from, r->period.p) < 0 && prt_period_compare(r->period.p, to) <= 0)
            return true;
    }
    return false;
}

/* A target that asks for less than what was already achieved (W004), unless it says why
 * (`because "..."`) or the method was revised in between. */
static void check_target_ambition(Checker *c, Indicator *in, const Target *t)
{
    if (t->spec.kind != PRT_TARGET_VALUE || (in->polarity != PRT_POL_BIGGER && in->polarity != PRT_POL_SMALLER))
        return;
    if (t->reason)
        return;
    const char *base_what;
    prt_period base_period;
    const Value *base = target_base(in, t, &base_what, &base_period);
    if (!base || revised_between(in, base_period, t->period.p) || target_better(in->polarity, t->spec.value.num, base->num))
        return;
    /* %.15g: a sum of money such as 61200000 is not written 6.12e+07 */
    diag_warning(c->diag, t->spec.value.loc, "W004", "the target %.15g for %s is worse than the %s %.15g in %s (%s is better)",
                 t->spec.value.num, prt_period_text(t->period.p).s, base_what, base->num,
                 prt_period_text(base_period).s, prt_polarity_words[in->polarity]);
    diag_note(c->diag, t->loc, "if the target is meant to ask for less, say why: 'target ... in %s because \"...\"'",
              prt_period_text(t->period.p).s);
}

/* Every target; returns whether any is rated (not `target monitor`). */
static bool check_targets(Checker *c, Indicator *in)
{
    bool rated_target = false;
    for (size_t i = 0; i < in->targets.n; i++) {
        Target *t = in->targets.items[i];
        if (in->polarity == PRT_POL_MONITOR && t->spec.kind != PRT_TARGET_MONITOR) {
            diag_error(c->diag, t->loc, "E022", "indicator '%s' is monitor only, so it cannot have a target",
                       entity_label(&in->e));
            diag_note(c->diag, in->polarity_loc, "its polarity is given here");
            continue;
        }
        if (t->spec.kind != PRT_TARGET_MONITOR)
            rated_target = true;
        else if (t->within_interval)
            diag_error(c->diag, t->interval_loc, "E049",
                       "a 'monitor' target is not rated, so it cannot be met within a confidence interval");
        check_target_spec(c, in, &t->spec, "the target");
        if (t->tolerance && t->tolerance->num < 0)
            diag_error(c->diag, t->tolerance->loc, "E023", "a tolerance cannot be negative");
        if (!t->period.valid)
            continue;
        check_target_period(c, in, t, i);
        check_target_ambition(c, in, t);
    }
    return rated_target;
}

/* Rated targets need a rating scheme, the indicator's own or the plan's (E036). */
static void check_scheme_given(Checker *c, Indicator *in)
{
    if (in->scheme || in->rating.name)
        return;
    if (c->plan->header.rating.name)
        ; /* the default is unknown: reported once, on the plan header */
    else
        diag_error(c->diag, in->e.loc, "E036",
                   "indicator '%s' has targets but no rating scheme: select one with 'rating ID' here or in "
                   "the plan header",
                   entity_label(&in->e));
}

static void check_amendments(Checker *c, Indicator *in)
{
    for (size_t i = 0; i < in->amendments.n; i++) {
        Amendment *a = in->amendments.items[i];
        check_target_spec(c, in, &a->to, "the amended target");
        if (!a->period.valid)
            continue;
        if (!indicator_target(in, a->period.p)) {
            diag_error(c->diag, a->period.loc, "E030", "there is no target for %s to amend", prt_period_text(a->period.p).s);
            continue;
        }
        if (a->from.valid && !prt_period_within(a->from.p, prt_period_year_of(a->period.p)))
            diag_error(c->diag, a->from.loc, "E030", "an amendment of the %s target must take effect within %s",
                       prt_period_text(a->period.p).s, prt_period_text(prt_period_year_of(a->period.p)).s);
        if (in->polarity == PRT_POL_MONITOR)
            diag_error(c->diag, a->loc, "E022", "indicator '%s' is monitor only, so it cannot have a target",
                       entity_label(&in->e));
    }
}

static void check_benchmark_values(Checker *c, Indicator *in)
{
    for (size_t i = 0; i < in->benchmarks.n; i++) {
        BenchValue *bv = in->benchmarks.items[i];
        resolve_ident(c, bv->bench, K(ENT_BENCHMARK), "benchmark");
        check_value(c, in, &bv->value, "the benchmark value");
        if (bv->period.valid && in->baseline_period.valid && bv->period.p.year + 3 <= in->baseline_period.p.year)
            diag_warning(c->diag, bv->period.loc, "W006",
                         "the benchmark value for %s is %d years older than the baseline (%s)",
                         prt_period_text(bv->period.p).s, in->baseline_period.p.year - bv->period.p.year,
                         prt_period_text(in->baseline_period.p).s);
    }
}

/* A result's confidence interval: bounds in the indicator's unit, around the result (E049). */
static void check_result_interval(Checker *c, const Indicator *in, const ResultRec *r)
{
    if (!r->lower.present)
        return;
    check_value(c, in, &r->lower, "the interval's lower bound");
    check_value(c, in, &r->upper, "the interval's upper bound");
    if (r->lower.num > r->value.num || r->value.num > r->upper.num)
        diag_error(c->diag, (Loc){r->lower.loc.file, r->lower.loc.begin, r->upper.loc.end}, "E049",
                   "the interval %g to %g does not hold the result %g: write the lower bound first, and the "
                   "result between the two",
                   r->lower.num, r->upper.num, r->value.num);
}

/* Results written in the plan: values that fit the unit, ratings of record the scheme has, one per period. */
static void check_plan_results(Checker *c, Indicator *in)
{
    for (size_t i = 0; i < in->results.n; i++) {
        ResultRec *r = in->results.items[i];
        check_value(c, in, &r->value, "the result");
        check_value(c, in, &r->original, "the original result");
        check_result_interval(c, in, r);
        if (r->rated.name) {
            /* a scheme named but unknown has had its E012: saying again that there is none is noise */
            if (!in->scheme) {
                if (!in->rating.name && !c->plan->header.rating.name)
                    diag_error(c->diag, r->rated.loc, "E029", "result is rated '%s', but '%s' has no rating scheme",
                               r->rated.name, entity_label(&in->e));
            } else if (!find_band(in->scheme, r->rated.name))
                diag_error(c->diag, r->rated.loc, "E029", "rating scheme '%s' has no band '%s'",
                           in->scheme->e.id.name, r->rated.name);
        }
        for (size_t j = 0; j < i; j++) {
            ResultRec *q = in->results.items[j];
            if (r->period.valid && q->period.valid && prt_period_equal(r->period.p, q->period.p)) {
                diag_error(c->diag, r->period.loc, "E027", "indicator '%s' has two results for %s",
                           entity_label(&in->e), prt_period_text(r->period.p).s);
                diag_note(c->diag, q->loc, "the first is here");
                break;
            }
        }
    }
}

/* `expect VALUE in PERIOD` (issue 21): in the unit, inside the plan, one per period, and never for a
 * period that has a target: an expected level is what is shown instead of a target (E082). */
static void check_expects(Checker *c, Indicator *in)
{
    for (size_t i = 0; i < in->expects.n; i++) {
        const Expect *x = in->expects.items[i];
        check_value(c, in, &x->value, "the expected value");
        if (!x->period.valid)
            continue;
        if (!plan_covers(c->plan, x->period.p))
            diag_error(c->diag, x->period.loc, "E082", "the expected value for %s is outside the plan",
                       prt_period_text(x->period.p).s);
        for (size_t j = 0; j < in->targets.n; j++) {
            const Target *t = in->targets.items[j];
            if (t->period.valid && prt_period_equal(t->period.p, x->period.p)) {
                diag_error(c->diag, x->period.loc, "E082",
                           "indicator '%s' has a target and an expected value for %s: an expected value stands in "
                           "for a target, so give one or the other",
                           entity_label(&in->e), prt_period_text(x->period.p).s);
                diag_note(c->diag, t->loc, "the target for %s is here", prt_period_text(x->period.p).s);
                break;
            }
        }
        for (size_t j = 0; j < i; j++) {
            const Expect *y = in->expects.items[j];
            if (y->period.valid && prt_period_equal(y->period.p, x->period.p)) {
                diag_error(c->diag, x->period.loc, "E082", "indicator '%s' has two expected values for %s",
                           entity_label(&in->e), prt_period_text(x->period.p).s);
                diag_note(c->diag, y->loc, "the first is here");
                break;
            }
        }
    }
}

static void check_indicator(Checker *c, Indicator *in)
{
    check_expects(c, in);
    check_indicator_head(c, in);
    for (size_t i = 0; i < in->thresholds.n; i++)
        check_value(c, in, &((Threshold *)in->thresholds.items[i])->value, "the threshold");
    check_indicator_edges(c->plan, c->diag, in);
    if (check_targets(c, in))
        check_scheme_given(c, in);
    if (in->accumulates == PRT_ACC_YEAR_TO_DATE) {
        check_cumulative_profile(c, in);
        check_annual_only_profile(c, in);
    }
    check_amendments(c, in);
    check_benchmark_values(c, in);
    check_plan_results(c, in);
    if (in->formula) {
        check_formula_depth(c, in);
        check_expr(c, in, in->formula);
    }
}

/* ---- the whole plan ---- */

static void check_header(Checker *c)
{
    PlanHeader *h = &c->plan->header;
    if (!h->present) {
        if (!c->plan->syntax_errors)
            diag_warning(c->diag, (Loc){0, 0, 0}, "W010", "there is no 'plan' header: periods and the default rating "
                                                      "scheme cannot be checked");
        return;
    }
    if (!h->first.valid && !h->first.loc.file)
        diag_error(c->diag, h->loc, "E035", "the plan header does not say which years it 'covers'");
    if (h->first.valid && h->last.valid) {
        if (h->first.p.kind != PRT_YEAR || h->last.p.kind != PRT_YEAR)
            diag_error(c->diag, h->first.loc, "E025", "a plan covers whole financial years, like 'covers 2023/24 to 2025/26'");
        else if (h->last.p.year < h->first.p.year)
            diag_error(c->diag, h->last.loc, "E025", "the plan ends before it starts");
    }
    if (h->rating.name)
        resolve_ident(c, h->rating, K(ENT_RATING), "rating scheme");
}

/* An activity is rated by its own delivery scheme, else its theme's, else the plan's. */
static void check_activity(Checker *c, Activity *a)
{
    Delivery *plan_scheme = NULL, *theme_scheme = NULL;
    const Theme *t = (const Theme *)a->e.parent;
    /* the plan's and the theme's are resolved (and reported) once, on their own statements */
    Entity *e = c->plan->header.delivery.name ? plan_lookup(c->plan, c->plan->header.delivery.name) : NULL;
    if (e && e->kind == ENT_DELIVERY)
        plan_scheme = (Delivery *)e;
    e = t && t->delivery.name ? plan_lookup(c->plan, t->delivery.name) : NULL;
    if (e && e->kind == ENT_DELIVERY)
        theme_scheme = (Delivery *)e;
    a->scheme = theme_scheme ? theme_scheme : plan_scheme;
    if (a->delivery.name)
        a->scheme = (Delivery *)resolve_ident(c, a->delivery, K(ENT_DELIVERY), "delivery scheme");
    for (NameRef *n = a->delivers; n; n = n->next) {
        Outcome *o = (Outcome *)resolve(c, n, K(ENT_OUTCOME), "outcome");
        if (o)
            vec_push(&c->plan->arena, &a->delivered, o);
    }
    check_activity_delivery(c->plan, c->diag, a);
}

void check_plan(Plan *plan, Diag *diag)
{
    Checker c = {plan, diag, SUGGEST_PLAN_BUDGET};
    check_header(&c);
    for (size_t i = 0; i < plan->ratings.n; i++)
        check_rating(&c, plan->ratings.items[i]);
    for (size_t i = 0; i < plan->deliveries.n; i++)
        check_delivery_scheme(plan, diag, plan->deliveries.items[i]);
    if (plan->header.delivery.name)
        resolve_ident(&c, plan->header.delivery, K(ENT_DELIVERY), "delivery scheme");
    for (size_t i = 0; i < plan->themes.n; i++) {
        Theme *t = plan->themes.items[i];
        if (t->delivery.name)
            resolve_ident(&c, t->delivery, K(ENT_DELIVERY), "delivery scheme");
    }
    for (size_t i = 0; i < plan->outcomes.n; i++) {
        Outcome *o = plan->outcomes.items[i];
        for (NameRef *n = o->contributes; n; n = n->next) {
            Outcome *t = (Outcome *)resolve(&c, n, K(ENT_OUTCOME), "outcome");
            if (t == o)
                diag_error(diag, n->loc, "E031", "outcome '%s' cannot contribute to itself", o->e.id.name);
            else if (t)
                vec_push(&plan->arena, &o->contributes_to, t);
        }
    }
    for (size_t i = 0; i < plan->activities.n; i++)
        check_activity(&c, plan->activities.items[i]);
    for (size_t i = 0; i < plan->indicators.n && !diag->stopped; i++)
        check_indicator(&c, plan->indicators.items[i]);
    check_formula_cycles(&c);
    check_forecast_conditions(&c);

    /* Completeness warnings.  A framework with no outcomes at all (older corporate plans list only
     * priorities and indicators) would get one warning per indicator, so these wait for a first outcome.
     * After a syntax error they would mostly repeat it (a lost 'measures'), so they wait for a clean parse. */
    if (plan->outcomes.n > 0 && !plan->syntax_errors) {
        for (size_t i = 0; i < plan->outcomes.n; i++) {
            Outcome *o = plan->outcomes.items[i];
            if (o->measured_by == 0 && !o->e.duplicate)
                diag_warning(diag, o->e.id.loc, "W001", "no indicator measures outcome '%s'", o->e.id.name);
        }
        for (size_t i = 0; i < plan->themes.n; i++) {
            Theme *t = plan->themes.items[i];
            if (t->outcomes.n == 0)
                diag_warning(diag, t->e.id.loc, "W002", "theme '%s' has no outcome", t->e.id.name);
        }
        for (size_t i = 0; i < plan->indicators.n; i++) {
            Indicator *in = plan->indicators.items[i];
            if (!in->measures && !in->formula)
                diag_warning(diag, in->e.loc, "W003", "indicator '%s' measures no outcome", entity_label(&in->e));
        }
    }
    for (size_t i = 0; i < plan->pillars.n && !plan->syntax_errors; i++) {
        Pillar *p = plan->pillars.items[i];
        if (p->themes.n == 0)
            diag_warning(diag, p->e.id.loc, "W007", "pillar '%s' has no theme", p->e.id.name);
    }
}
