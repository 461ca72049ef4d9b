/* Lowering (lower.h): each statement of a file, as the parser recognises it, into the plan model. */
#include "lower.h"
#include "planrt.h"
#include "band_symbols.h"
#include "strbuf.h"
#include "suggest.h"
#include "xalloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef enum {
    IN_TOP, IN_PLAN, IN_RATING, IN_BENCHMARK, IN_INPUT, IN_PILLAR, IN_THEME, IN_OUTCOME, IN_ACTIVITY,
    IN_DELIVERY, IN_INDICATOR, IN__COUNT
} Context;

static const char *const context_names[IN__COUNT] = {
    "the top level of a file", "a plan header", "a rating scheme", "a benchmark", "an input", "a pillar",
    "a theme", "an outcome", "an activity", "a delivery scheme", "an indicator",
};

/* Which statements each block accepts: a bit per Context. */
#define B(c) (1u << (c))
static const unsigned allowed[ST__COUNT] = {
    [ST_INCLUDE] = B(IN_TOP),
    [ST_PLAN] = B(IN_TOP),
    [ST_RATING_DECL] = B(IN_TOP),
    [ST_DELIVERY_DECL] = B(IN_TOP),
    [ST_DELIVERY_USE] = B(IN_PLAN) | B(IN_THEME) | B(IN_ACTIVITY),
    [ST_DUE] = B(IN_ACTIVITY),
    [ST_MILESTONE] = B(IN_ACTIVITY),
    [ST_TALLY] = B(IN_ACTIVITY),
    [ST_OVERDUE] = B(IN_DELIVERY),
    [ST_BENCHMARK_DECL] = B(IN_TOP),
    [ST_INPUT] = B(IN_TOP),
    [ST_PILLAR] = B(IN_TOP),
    [ST_THEME] = B(IN_PILLAR),
    [ST_OUTCOME] = B(IN_THEME),
    [ST_ACTIVITY] = B(IN_THEME),
    [ST_INDICATOR] = B(IN_THEME),
    [ST_RATING_USE] = B(IN_PLAN) | B(IN_INDICATOR),
    [ST_BENCHMARK_VALUE] = B(IN_INDICATOR),
    [ST_ORGANISATION] = B(IN_PLAN),
    [ST_COVERS] = B(IN_PLAN),
    [ST_REPORTED] = B(IN_PLAN),
    [ST_DESCRIPTION] = B(IN_PLAN) | B(IN_RATING) | B(IN_DELIVERY) | B(IN_BENCHMARK) | B(IN_INPUT) | B(IN_PILLAR) | B(IN_THEME) |
                       B(IN_OUTCOME) | B(IN_ACTIVITY) | B(IN_INDICATOR),
    [ST_PROGRESS] = B(IN_ACTIVITY),
    [ST_OWNER] = B(IN_PILLAR) | B(IN_THEME) | B(IN_ACTIVITY) | B(IN_INDICATOR),
    [ST_COMMITTEE] = B(IN_INDICATOR),
    [ST_SOURCE] = B(IN_BENCHMARK) | B(IN_INPUT) | B(IN_INDICATOR),
    [ST_TRANSFORMATION] = B(IN_THEME),
    [ST_CONTRIBUTES] = B(IN_OUTCOME),
    [ST_DELIVERS] = B(IN_ACTIVITY),
    [ST_MEASURES] = B(IN_INDICATOR),
    [ST_STATUS] = B(IN_ACTIVITY),
    [ST_KIND] = B(IN_INDICATOR),
    [ST_POLARITY] = B(IN_INDICATOR),
    [ST_UNIT] = B(IN_INPUT) | B(IN_INDICATOR),
    [ST_DECIMALS] = B(IN_INDICATOR),
    [ST_FREQUENCY] = B(IN_INDICATOR),
    [ST_ACCUMULATES] = B(IN_INDICATOR),
    [ST_ARREARS] = B(IN_INDICATOR),
    [ST_TOLERANCE] = B(IN_INDICATOR),
    [ST_BASELINE] = B(IN_INDICATOR),
    [ST_TARGET] = B(IN_INDICATOR),
    [ST_AMEND] = B(IN_INDICATOR),
    [ST_REVISED] = B(IN_INDICATOR),
    [ST_RESULT] = B(IN_INDICATOR),
    [ST_FORMULA] = B(IN_INDICATOR),
    [ST_DIRECTION] = B(IN_PLAN) | B(IN_INDICATOR),
    [ST_VERSION] = B(IN_PLAN),
    [ST_FORECAST] = B(IN_PLAN),
    [ST_JUMP] = B(IN_PLAN) | B(IN_INDICATOR),
    [ST_STALE] = B(IN_PLAN),
    [ST_METHOD] = B(IN_RATING),
    [ST_BAND] = B(IN_RATING) | B(IN_DELIVERY),
    [ST_THRESHOLD] = B(IN_INDICATOR),
    [ST_EXPECT] = B(IN_INDICATOR),
};
#undef B

const char *stmt_keyword(StmtKind k)
{
    static const char *const words[ST__COUNT] = {
        [ST_INCLUDE] = "include", [ST_PLAN] = "plan", [ST_RATING_DECL] = "rating",
        [ST_RATING_USE] = "rating", [ST_BENCHMARK_DECL] = "benchmark", [ST_BENCHMARK_VALUE] = "benchmark",
        [ST_INPUT] = "input", [ST_PILLAR] = "pillar", [ST_THEME] = "theme", [ST_OUTCOME] = "outcome",
        [ST_ACTIVITY] = "activity", [ST_INDICATOR] = "indicator", [ST_ORGANISATION] = "organisation",
        [ST_COVERS] = "covers", [ST_REPORTED] = "reported", [ST_DESCRIPTION] = "description",
        [ST_PROGRESS] = "progress", [ST_OWNER] = "owner", [ST_COMMITTEE] = "committee",
        [ST_SOURCE] = "source", [ST_TRANSFORMATION] = "transformation", [ST_CONTRIBUTES] = "contributes to",
        [ST_DELIVERS] = "delivers", [ST_MEASURES] = "measures", [ST_STATUS] = "status", [ST_KIND] = "kind",
        [ST_POLARITY] = "polarity", [ST_UNIT] = "unit", [ST_DECIMALS] = "decimals",
        [ST_FREQUENCY] = "frequency", [ST_ACCUMULATES] = "accumulates", [ST_ARREARS] = "arrears",
        [ST_TOLERANCE] = "tolerance", [ST_BASELINE] = "baseline", [ST_TARGET] = "target",
        [ST_AMEND] = "amend", [ST_REVISED] = "revised", [ST_RESULT] = "result", [ST_FORMULA] = "formula", [ST_DIRECTION] = "direction",
        [ST_METHOD] = "method", [ST_BAND] = "band", [ST_VERSION] = "version", [ST_FORECAST] = "forecast",
        [ST_JUMP] = "jump", [ST_STALE] = "stale", [ST_DELIVERY_DECL] = "delivery", [ST_DELIVERY_USE] = "delivery",
        [ST_DUE] = "due", [ST_MILESTONE] = "milestone", [ST_OVERDUE] = "overdue", [ST_TALLY] = "progress",
        [ST_THRESHOLD] = "threshold",
        [ST_EXPECT] = "expect",
    };
    return k < ST__COUNT && words[k] ? words[k] : "statement";
}

bool lower_allows(StmtKind stmt, StmtKind block)
{
    static const struct {
        StmtKind head;
        Context where;
    } blocks[] = {
        {ST__COUNT, IN_TOP}, {ST_PLAN, IN_PLAN}, {ST_RATING_DECL, IN_RATING}, {ST_BENCHMARK_DECL, IN_BENCHMARK},
        {ST_INPUT, IN_INPUT}, {ST_PILLAR, IN_PILLAR}, {ST_THEME, IN_THEME}, {ST_OUTCOME, IN_OUTCOME},
        {ST_ACTIVITY, IN_ACTIVITY}, {ST_DELIVERY_DECL, IN_DELIVERY}, {ST_INDICATOR, IN_INDICATOR},
    };
    if (stmt >= ST__COUNT)
        return false;
    for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
        if (blocks[i].head == block)
            return (allowed[stmt] & (1u << blocks[i].where)) != 0;
    return false;
}

/* One open block: what it is, the entity its statements go into, and where each property that may be
 * given once was first given (a location, not the statement: statements do not outlive lowering). */
typedef struct Frame {
    Context where;              /* IN__COUNT: a block being skipped (misplaced, or a second plan header) */
    void *owner;                /* the Entity (or the PlanHeader) being filled */
    Loc seen[ST__COUNT];
} Frame;

/* Deeper blocks than this cannot reach the lowerer: the scanner ends the file at the nesting limit. */
enum { MAX_FRAMES = 80 };

struct Lowerer {
    Plan *plan;
    Diag *diag;
    IncludeFn on_include;
    void *user;
    int depth;                  /* frames[0] is the top level of the file */
    int skipped;                /* blocks opened beyond MAX_FRAMES, closed without a frame */
    Frame frames[MAX_FRAMES];
};

/* ---- words with a fixed set of values ---- */

/* The words come from the lists of planrt_names.h and ast.h, indexed by their enum; a NULL word is a
 * member no plan writes. */
#define LOOKUP(lw, id, words, what) lookup_word(lw, id, words, sizeof words / sizeof words[0], what)

/* "a, b or c" */
static void word_list(prt_buf *list, const char *const *cands, size_t n)
{
    for (size_t i = 0; i < n; i++)
        prt_buf_printf(list, "%s%s", i == 0 ? "" : i == n - 1 ? " or " : ", ", cands[i]);
}

/* Returns the index of the word, or -1 after reporting it as unknown (with a suggestion). */
static int lookup_word(Lowerer *lw, Ident id, const char *const *words, size_t n, const char *what)
{
    for (size_t i = 0; i < n; i++)
        if (words[i] && strcmp(id.name, words[i]) == 0)
            return (int)i;
    const char **cands = xmalloc(n * sizeof *cands);
    size_t ncands = 0;
    for (size_t i = 0; i < n; i++)
        if (words[i])
            cands[ncands++] = words[i];
    const char *s = suggest_word(id.name, cands, ncands);
    if (s) {
        diag_error(lw->diag, id.loc, "E015", "unknown %s '%s'; did you mean '%s'?", what, id.name, s);
        diag_fixit(lw->diag, s);
    } else {
        prt_buf list = {0};
        word_list(&list, cands, ncands);
        diag_error(lw->diag, id.loc, "E015", "unknown %s '%s'; expected %s", what, id.name, prt_buf_str(&list));
        prt_buf_free(&list);
    }
    free(cands);
    return -1;
}

/* ---- names ---- */

static void declare(Lowerer *lw, Entity *e)
{
    if (!e->id.name)
        return;
    Entity *prev = plan_declare(lw->plan, e->id.name, e);
    if (prev != e) {
        e->duplicate = true;
        diag_error(lw->diag, e->id.loc, "E013", "'%s' is already defined as %s %s", e->id.name,
                   prev->kind == ENT_INDICATOR || prev->kind == ENT_OUTCOME || prev->kind == ENT_ACTIVITY ||
                           prev->kind == ENT_INPUT
                       ? "an"
                       : "a",
                   entity_kind_name(prev->kind));
        diag_note(lw->diag, prev->id.loc, "'%s' was first defined here", e->id.name);
    }
}

static void *new_entity(Lowerer *lw, size_t size, EntityKind kind, const Stmt *s, Entity *parent)
{
    Entity *e = arena_alloc(&lw->plan->arena, size);
    e->kind = kind;
    e->id = s->ident;
    e->name = s->str;
    e->name_loc = s->str_loc;
    e->loc = s->loc;
    e->parent = parent;
    return e;
}

/* A property that may be given once per block: reports the second and returns false. */
static bool once(Lowerer *lw, Frame *f, const Stmt *s)
{
    Loc first = f->seen[s->kind];
    if (first.file) {
        diag_error(lw->diag, s->loc, "E014", "'%s' is given more than once", stmt_keyword(s->kind));
        diag_note(lw->diag, first, "first given here");
        return false;
    }
    f->seen[s->kind] = s->loc;
    return true;
}

static bool placed(Lowerer *lw, const Stmt *s, Context where)
{
    unsigned ok = allowed[s->kind];
    if (ok & (1u << where))
        return true;
    const char *kw = stmt_keyword(s->kind);
    int home = -1, homes = 0;
    for (int c = 0; c < IN__COUNT; c++)
        if (ok & (1u << c)) {
            if (home < 0)
                home = c;
            homes++;
        }
    if (homes == 1)
        diag_error(lw->diag, s->loc, "E020", "'%s' cannot appear in %s; it belongs in %s", kw, context_names[where],
                   context_names[home]);
    else
        diag_error(lw->diag, s->loc, "E020", "'%s' cannot appear in %s", kw, context_names[where]);
    return false;
}

/* ---- blocks ---- */

/* Several `measures` (or `delivers`, `contributes to`) lines in one block add up. */
static void append_names(NameRef **list, NameRef *more)
{
    while (*list)
        list = &(*list)->next;
    *list = more;
}

static void lower_unit(Lowerer *lw, const Stmt *s, Unit *u)
{
    u->loc = s->span;
    if (s->str) {
        u->kind = PRT_UNIT_CUSTOM;
        u->custom = s->str;
        return;
    }
    int k = LOOKUP(lw, s->ident, prt_unit_words, "unit");
    if (k < 0)
        return;
    u->kind = (prt_unit_kind)k;
    if (k == PRT_UNIT_RATE) {
        if (!s->value.present)
            diag_error(lw->diag, s->span, "E016", "a rate needs its base: write 'unit rate per 100000'");
        else if (s->value.num < 1 || s->value.num != floor(s->value.num))
            diag_error(lw->diag, s->value.loc, "E016", "the base of a rate must be a whole number of at least 1");
        u->per = s->value.present ? s->value.num : 0;
    } else if (s->value.present) {
        diag_error(lw->diag, s->value.loc, "E016", "only a rate has a base ('per N')");
    }
}

/* ---- opening a declaration: the entity, named and placed, before its body ---- */

static Rating *open_rating(Lowerer *lw, const Stmt *decl)
{
    Rating *r = new_entity(lw, sizeof *r, ENT_RATING, decl, NULL);
    declare(lw, &r->e);
    vec_push(&lw->plan->arena, &lw->plan->ratings, r);
    return r;
}

static Delivery *open_delivery(Lowerer *lw, const Stmt *decl)
{
    Delivery *d = new_entity(lw, sizeof *d, ENT_DELIVERY, decl, NULL);
    declare(lw, &d->e);
    vec_push(&lw->plan->arena, &lw->plan->deliveries, d);
    return d;
}

static Outcome *open_outcome(Lowerer *lw, const Stmt *decl, Theme *theme)
{
    Outcome *o = new_entity(lw, sizeof *o, ENT_OUTCOME, decl, &theme->e);
    declare(lw, &o->e);
    vec_push(&lw->plan->arena, &theme->outcomes, o);
    vec_push(&lw->plan->arena, &lw->plan->outcomes, o);
    return o;
}

static Activity *open_activity(Lowerer *lw, const Stmt *decl, Theme *theme)
{
    Activity *a = new_entity(lw, sizeof *a, ENT_ACTIVITY, decl, &theme->e);
    declare(lw, &a->e);
    vec_push(&lw->plan->arena, &theme->activities, a);
    vec_push(&lw->plan->arena, &lw->plan->activities, a);
    return a;
}

static Indicator *open_indicator(Lowerer *lw, const Stmt *decl, Theme *theme)
{
    Arena *ar = &lw->plan->arena;
    Indicator *in = new_entity(lw, sizeof *in, ENT_INDICATOR, decl, &theme->e);
    in->decimals = -1;
    if (decl->str2) {
        in->ref = arena_intern(&lw->plan->arena, decl->str, strlen(decl->str));   /* looked up by identity */
        in->ref_loc = decl->str_loc;
        in->e.name = decl->str2;
        in->e.name_loc = decl->str2_loc;
    }
    if (!in->ref && !in->e.id.name)
        diag_error(lw->diag, decl->span, "E017",
                   "an indicator needs an identifier or a printed reference: write 'indicator ID \"NAME\"' "
                   "or 'indicator \"REF\" \"NAME\"'");
    if (in->ref && in->ref[0] == '\0')
        diag_error(lw->diag, in->ref_loc, "E017", "an indicator's reference cannot be empty");
    declare(lw, &in->e);
    if (in->ref) {
        Indicator *prev = plan_declare_ref(lw->plan, in->ref, in);
        if (prev != in) {
            diag_error(lw->diag, in->ref_loc, "E013", "indicator reference \"%s\" is already used", in->ref);
            diag_note(lw->diag, prev->ref_loc, "first used here");
        }
    }
    vec_push(ar, &theme->indicators, in);
    vec_push(ar, &lw->plan->indicators, in);
    return in;
}

static Theme *open_theme(Lowerer *lw, const Stmt *decl, Pillar *pillar)
{
    Theme *t = new_entity(lw, sizeof *t, ENT_THEME, decl, &pillar->e);
    declare(lw, &t->e);
    vec_push(&lw->plan->arena, &pillar->themes, t);
    vec_push(&lw->plan->arena, &lw->plan->themes, t);
    return t;
}

static Pillar *open_pillar(Lowerer *lw, const Stmt *decl)
{
    Pillar *p = new_entity(lw, sizeof *p, ENT_PILLAR, decl, NULL);
    declare(lw, &p->e);
    vec_push(&lw->plan->arena, &lw->plan->pillars, p);
    return p;
}

/* NULL for a second header, whose block is then skipped. */
static PlanHeader *open_plan_header(Lowerer *lw, const Stmt *decl)
{
    PlanHeader *h = &lw->plan->header;
    if (h->present) {
        diag_error(lw->diag, decl->loc, "E018", "a plan has one 'plan' header; this is a second");
        diag_note(lw->diag, h->loc, "the first is here");
        return NULL;
    }
    h->present = true;
    h->loc = decl->loc;
    h->name = decl->str;
    return h;
}

static Benchmark *open_benchmark(Lowerer *lw, const Stmt *decl)
{
    Benchmark *b = new_entity(lw, sizeof *b, ENT_BENCHMARK, decl, NULL);
    declare(lw, &b->e);
    vec_push(&lw->plan->arena, &lw->plan->benchmarks, b);
    return b;
}

static Input *open_input(Lowerer *lw, const Stmt *decl)
{
    Input *in = new_entity(lw, sizeof *in, ENT_INPUT, decl, NULL);
    declare(lw, &in->e);
    vec_push(&lw->plan->arena, &lw->plan->inputs, in);
    return in;
}

/* ---- a rating band's condition ---- */

/* The words after a band's `if`, one at a time. */
typedef struct CondReader {
    Lowerer *lw;
    const NameRef *at;          /* the next word; NULL at the end */
    const NameRef *last;        /* the word before it */
} CondReader;

static bool cond_is(const CondReader *cr, const char *word)
{
    return cr->at && strcmp(cr->at->name, word) == 0;
}

static void cond_next(CondReader *cr)
{
    cr->last = cr->at;
    cr->at = cr->at->next;
}

/* Reports what was expected where the reader stands (at the word found, or after the last one). */
static bool cond_expected(CondReader *cr, const char *what)
{
    if (cr->at)
        diag_error(cr->lw->diag, cr->at->loc, "E070", "expected %s after '%s' in a band's condition, not '%s'", what,
                   cr->last ? cr->last->name : "if", cr->at->name);
    else
        diag_error(cr->lw->diag, cr->last->loc, "E070", "expected %s after '%s' in a band's condition", what,
                   cr->last->name);
    return false;
}

/* improving, same or worsening: its prt_dot, else PRT_DOT_NONE. */
static prt_dot cond_direction(const CondReader *cr)
{
    static const struct {
        const char *word;
        prt_dot dot;
    } dirs[] = {{"improving", PRT_DOT_IMPROVING}, {"same", PRT_DOT_SAME}, {"worsening", PRT_DOT_WORSENING}};
    for (size_t i = 0; cr->at && i < sizeof dirs / sizeof dirs[0]; i++)
        if (strcmp(cr->at->name, dirs[i].word) == 0)
            return dirs[i].dot;
    return PRT_DOT_NONE;
}

/* DIRECTION ('or' DIRECTION)* ['against' ('last_year' | 'previous')] */
static bool read_directions(CondReader *cr, prt_condition *c)
{
    c->kind = PRT_COND_DIRECTION;
    for (;;) {
        prt_dot d = cond_direction(cr);
        if (d == PRT_DOT_NONE)
            return cond_expected(cr, "'improving', 'same' or 'worsening'");
        if ((c->dirs >> d) & 1u) {
            diag_error(cr->lw->diag, cr->at->loc, "E070", "'%s' is named twice in the band's condition", cr->at->name);
            return false;
        }
        c->dirs |= (unsigned char)(1u << d);
        cond_next(cr);
        if (!cond_is(cr, "or"))
            break;
        cond_next(cr);
    }
    if (cond_is(cr, "against")) {
        cond_next(cr);
        if (cond_is(cr, "previous"))
            c->previous = true;
        else if (!cond_is(cr, "last_year"))
            return cond_expected(cr, "'last_year' or 'previous'");
        cond_next(cr);
    }
    return !cr->at || cond_expected(cr, "'or', 'against' or the end of the condition");
}

/* The words after `if` (grammar/parser.y takes them as they come, so that they are not reserved):
 * ['not'] ('forecast' 'met' | DIRECTIONS).  False after a positioned error naming what was expected. */
static bool read_condition_words(CondReader *cr, prt_condition *c)
{
    if (cond_is(cr, "not")) {
        c->negated = true;
        cond_next(cr);
    }
    if (!cond_is(cr, "forecast"))
        return cond_direction(cr) != PRT_DOT_NONE ? read_directions(cr, c)
               : cond_expected(cr, c->negated ? "'improving', 'same', 'worsening' or 'forecast met'"
                                              : "'improving', 'same', 'worsening', 'not' or 'forecast met'");
    cond_next(cr);
    if (!cond_is(cr, "met"))
        return cond_expected(cr, "'met'");
    cond_next(cr);
    c->kind = PRT_COND_FORECAST;
    return !cr->at || cond_expected(cr, "the end of the condition");
}

static bool read_band_condition(Lowerer *lw, const NameRef *words, prt_condition *c)
{
    CondReader cr = {lw, words, NULL};
    prt_condition read = {PRT_COND_NONE, 0, false, false};
    if (!read_condition_words(&cr, &read))
        return false;
    *c = read;
    return true;
}

/* ---- the statements of each kind of block ---- */

/* A band's `colour` and `symbol` (issue 21): the words looked up, a symbol's text checked (E080). */
static BandLook lower_band_look(Lowerer *lw, const Stmt *s)
{
    BandLook look = {.colour = s->word2, .colour_choice = PRT_COLOUR_AUTO, .symbol = s->symbol,
                     .symbol_quoted = s->symbol_quoted};
    if (s->word2.name) {
        int v = LOOKUP(lw, s->word2, prt_colour_words, "colour");
        look.colour_choice = v < 0 ? PRT_COLOUR_AUTO : (prt_colour_choice)v;
    }
    if (!s->symbol.name)
        return look;
    if (!s->symbol_quoted) {
        if (lookup_word(lw, s->symbol, band_symbol_names, band_symbol_count, "symbol") >= 0)
            look.glyph = band_symbol_glyph(s->symbol.name);
        return look;
    }
    const char *why;
    if (band_symbol_text_ok(s->symbol.name, &why))
        look.glyph = s->symbol.name;
    else
        diag_error(lw->diag, s->symbol.loc, "E080", "a band's symbol is 1 to %d characters with no control character; this has %s",
                   BAND_SYMBOL_MAX_CHARS, why);
    return look;
}


static void rating_stmt(Lowerer *lw, Frame *f, Rating *r, const Stmt *s)
{
    switch (s->kind) {
    case ST_METHOD:
        if (once(lw, f, s)) {
            int m = LOOKUP(lw, s->ident, prt_method_words, "rating method");
            r->method = m < 0 ? PRT_METHOD_NONE : (prt_method)m;
            r->method_loc = s->ident.loc;
        }
        break;
    case ST_BAND: {
        if (s->band == BAND_WHEN || s->band == BAND_JUDGED) {
            diag_error(lw->diag, s->loc, "E046",
                       "a band of a rating scheme has a threshold ('at N%%', 'within N pts' or 'otherwise'); "
                       "'when' and bands without a threshold belong to a delivery scheme");
            break;
        }
        Band *b = arena_alloc(&lw->plan->arena, sizeof *b);
        b->id = s->ident;
        b->label = s->str ? s->str : s->ident.name;
        b->abbrev = s->abbrev;
        b->how = s->band;
        b->threshold = s->value;
        b->loc = s->loc;
        /* a condition that cannot be read is reported and left out: the band stays, so that no
         * second error follows about the scheme's bands */
        if (s->cond && read_band_condition(lw, s->cond, &b->cond))
            b->cond_loc = s->cond_loc;
        b->look = lower_band_look(lw, s);
        vec_push(&lw->plan->arena, &r->bands, b);
        break;
    }
    case ST_DESCRIPTION:
        once(lw, f, s);
        break;
    default:
        break;
    }
}

/* The words of a list (states, impacts) as bits of their set; unknown words are reported. */
static unsigned word_bits(Lowerer *lw, const NameRef *n, const char *const *words, size_t nwords, const char *what)
{
    unsigned bits = 0;
    for (; n; n = n->next) {
        int v = lookup_word(lw, (Ident){n->name, n->loc}, words, nwords, what);
        if (v >= 0)
            bits |= 1u << v;
    }
    return bits;
}

static void delivery_stmt(Lowerer *lw, Frame *f, Delivery *d, const Stmt *s)
{
    switch (s->kind) {
    case ST_BAND: {
        if (s->band == BAND_MONITOR) {
            diag_error(lw->diag, s->loc, "E081",
                       "a 'monitor' band belongs to a rating scheme: a delivery scheme rates every activity it has a status for");
            break;
        }
        if (s->band == BAND_AT || s->band == BAND_WITHIN || s->band >= BAND_PER_INDICATOR) {
            diag_error(lw->diag, s->loc, "E046",
                       "a band of a delivery scheme is chosen by state ('when on_track, complete'), is 'otherwise', "
                       "or is given by judgement (nothing after its name); thresholds belong to a rating scheme");
            break;
        }
        if (s->cond)   /* reported, and the band kept without it: no second error about the states */
            diag_error(lw->diag, s->cond_loc, "E070",
                       "a band of a delivery scheme has no condition: 'if ...' belongs to a rating scheme's band");
        DeliveryBand *b = arena_alloc(&lw->plan->arena, sizeof *b);
        b->id = s->ident;
        b->label = s->str ? s->str : s->ident.name;
        b->abbrev = s->abbrev;
        b->how = s->band;
        b->states = word_bits(lw, s->names, prt_delivery_state_words, PRT_N_DELIVERY_STATES, "delivery state");
        b->impacts = word_bits(lw, s->names2, prt_impact_words, PRT_N_IMPACTS, "impact");
        b->look = lower_band_look(lw, s);
        b->colour = s->word2;
        b->colour_choice = b->look.colour_choice;
        b->loc = s->loc;
        vec_push(&lw->plan->arena, &d->bands, b);
        break;
    }
    case ST_OVERDUE:
        if (once(lw, f, s)) {
            int v = LOOKUP(lw, s->ident, prt_overdue_rule_words, "overdue rule");
            d->overdue = v < 0 ? PRT_OVERDUE_NONE : (prt_overdue_rule)v;
            d->overdue_n = s->value.present ? s->value.num : 0;
            d->overdue_band = s->word2;
            d->overdue_loc = s->span;
            if (v == PRT_OVERDUE_WORSENS && (!s->value.present || s->value.num < 1 || s->value.num != floor(s->value.num)))
                diag_error(lw->diag, s->span, "E046", "write 'overdue worsens N' with N a whole number of bands, 1 or more");
            else if (v != PRT_OVERDUE_WORSENS && s->value.present)
                diag_error(lw->diag, s->value.loc, "E046", "only 'overdue worsens N' takes a number");
        }
        break;
    case ST_DESCRIPTION:
        once(lw, f, s);
        break;
    default:
        break;
    }
}

static void outcome_stmt(Lowerer *lw, Frame *f, Outcome *o, const Stmt *s)
{
    if (s->kind == ST_CONTRIBUTES)
        append_names(&o->contributes, s->names);
    else if (s->kind == ST_DESCRIPTION && once(lw, f, s))
        o->description = s->str;
}

static void activity_stmt(Lowerer *lw, Frame *f, Activity *a, const Stmt *s)
{
    switch (s->kind) {
    case ST_DELIVERS:
        append_names(&a->delivers, s->names);
        break;
    case ST_STATUS: {
        StatusLine *st = arena_alloc(&lw->plan->arena, sizeof *st);
        st->word = s->ident;
        st->period = s->period;
        st->dated = s->period.loc.file != 0 || s->period.valid;
        st->percent = s->value;
        st->impact_word = s->word2;
        st->rated = s->rated;
        st->note = s->note;
        st->loc = s->loc;
        st->band = -1;
        if (!st->dated && !once(lw, f, s))
            break;
        if (s->word2.name) {
            int v = LOOKUP(lw, s->word2, prt_impact_words, "impact");
            st->impact = v < 0 ? PRT_IMPACT_NONE : (prt_impact)v;
        }
        vec_push(&lw->plan->arena, &a->statuses, st);
        break;
    }
    case ST_DELIVERY_USE:
        if (once(lw, f, s))
            a->delivery = s->ident;
        break;
    case ST_DUE:
        if (once(lw, f, s))
            a->due = s->when;
        break;
    case ST_MILESTONE: {
        Milestone *m = arena_alloc(&lw->plan->arena, sizeof *m);
        m->id = s->ident;
        m->name = s->str;
        m->start = s->when2;
        m->due = s->when;
        m->completed = s->when3;
        m->loc = s->loc;
        vec_push(&lw->plan->arena, &a->milestones, m);
        break;
    }
    case ST_TALLY: {
        Tally *t = arena_alloc(&lw->plan->arena, sizeof *t);
        t->period = s->period;
        t->done = s->value;
        t->total = s->value2;
        t->what = s->note;
        t->loc = s->loc;
        vec_push(&lw->plan->arena, &a->tallies, t);
        break;
    }
    case ST_PROGRESS:
        if (once(lw, f, s))
            a->progress = s->str;
        break;
    case ST_OWNER:
        if (once(lw, f, s))
            a->owner = s->str;
        break;
    case ST_DESCRIPTION:
        if (once(lw, f, s))
            a->description = s->str;
        break;
    default:
        break;
    }
}

/* Tolerances are rare: the model keeps a pointer to one, not room for one in every target. */
static const Value *copy_value(Arena *ar, const Value *v)
{
    Value *copy = arena_alloc(ar, sizeof *copy);
    *copy = *v;
    return copy;
}

/* `direction` takes one set of words in the plan header (PRT_DOT_BASES) and another in an indicator
 * (bigger, smaller): a word of the other set is reported as misplaced rather than unknown.  Returns
 * whether it was. */
static bool misplaced_direction(Lowerer *lw, const Stmt *s, const char *const *other, size_t n, const char *home,
                                const char *here)
{
    for (size_t i = 0; i < n; i++)
        if (other[i] && strcmp(s->ident.name, other[i]) == 0) {
            diag_error(lw->diag, s->ident.loc, "E015", "'direction %s' belongs in %s, not in %s", s->ident.name, home,
                       here);
            return true;
        }
    return false;
}

/* The properties written as a word from a fixed set: kind, polarity, unit, frequency, accumulation,
 * direction.  Returns false for any other statement. */
static bool indicator_word_stmt(Lowerer *lw, Frame *f, Indicator *in, const Stmt *s)
{
    int v;
    switch (s->kind) {
    case ST_KIND:
        if (once(lw, f, s)) {
            v = LOOKUP(lw, s->ident, indicator_kind_words, "indicator kind");
            in->kind = v < 0 ? KIND_NONE : (IndicatorKind)v;
            in->kind_loc = s->ident.loc;
        }
        return true;
    case ST_POLARITY:
        if (once(lw, f, s)) {
            v = LOOKUP(lw, s->ident, prt_polarity_words, "polarity");
            in->polarity = v < 0 ? PRT_POL_NONE : (prt_polarity)v;
            in->polarity_given = true;
            in->polarity_loc = s->span;
        }
        return true;
    case ST_UNIT:
        if (once(lw, f, s))
            lower_unit(lw, s, &in->unit);
        return true;
    case ST_FREQUENCY:
        if (once(lw, f, s)) {
            v = LOOKUP(lw, s->ident, prt_frequency_words, "frequency");
            in->frequency = v < 0 ? PRT_FREQ_NONE : (prt_frequency)v;
            in->frequency_loc = s->span;
        }
        return true;
    case ST_ACCUMULATES:
        if (once(lw, f, s)) {
            v = LOOKUP(lw, s->ident, prt_accumulation_words, "accumulation");
            in->accumulates = v < 0 ? PRT_ACC_SNAPSHOT : (prt_accumulation)v;
        }
        return true;
    case ST_DIRECTION:
        if (once(lw, f, s) && !misplaced_direction(lw, s, prt_dot_basis_words, PRT_N_DOT_BASES, "the plan header",
                                                      "an indicator")) {
            v = LOOKUP(lw, s->ident, prt_polarity_words, "direction");
            if (v == PRT_POL_MONITOR) {
                diag_error(lw->diag, s->ident.loc, "E016", "a direction of travel is 'bigger' or 'smaller' (is better)");
                v = -1;
            }
            in->direction = v < 0 ? PRT_POL_NONE : (prt_polarity)v;
            in->direction_loc = s->span;
        }
        return true;
    default:
        return false;
    }
}

/* `jump N` (in the plan header or an indicator): a change more than N times the usual change is
 * queried (Q002), so N must be over 1 or every change would be.  Returns N, or 0 after an error. */
static double lower_jump(Lowerer *lw, const Stmt *s)
{
    if (s->value.num > 1)
        return s->value.num;
    diag_error(lw->diag, s->value.loc, "E016",
               "a jump is a multiple of the usual change and must be greater than 1: write 'jump 3'");
    return 0;
}

/* `stale N`: a benchmark more than N whole years older than the period is flagged (Q004).  Returns
 * N + 1 (the tables' form, in which 0 means not given), or 0 after an error. */
static int lower_stale(Lowerer *lw, const Stmt *s)
{
    double n = s->value.num;
    if (n >= 0 && n <= PLANC_MAX_STALE_YEARS && n == floor(n))
        return (int)n + 1;
    diag_error(lw->diag, s->value.loc, "E016", "stale is a whole number of years from 0 to %d: write 'stale 1'",
               PLANC_MAX_STALE_YEARS);
    return 0;
}

/* The numbers given once: decimals, arrears, tolerance, jump, baseline. */
static bool indicator_number_stmt(Lowerer *lw, Frame *f, Indicator *in, const Stmt *s)
{
    switch (s->kind) {
    case ST_DECIMALS:
        if (once(lw, f, s)) {
            if (s->value.num != floor(s->value.num) || s->value.num > 6)
                diag_error(lw->diag, s->value.loc, "E016", "decimals must be a whole number from 0 to 6");
            else
                in->decimals = (int)s->value.num;
        }
        return true;
    case ST_ARREARS:
        if (once(lw, f, s)) {
            if (s->ident.name && strcmp(s->ident.name, "quarter") != 0 && strcmp(s->ident.name, "quarters") != 0)
                diag_error(lw->diag, s->ident.loc, "E016", "arrears are counted in quarters: write 'arrears 1'");
            else if (s->value.num != floor(s->value.num) || s->value.num > 8)
                diag_error(lw->diag, s->value.loc, "E016", "arrears must be a whole number of quarters from 0 to 8");
            else
                in->arrears = (int)s->value.num;
        }
        return true;
    case ST_TOLERANCE:
        if (once(lw, f, s)) {
            in->tolerance = copy_value(&lw->plan->arena, &s->value);
            in->tolerance_of_target = s->of_target;
        }
        return true;
    case ST_JUMP:
        if (once(lw, f, s))
            in->jump = lower_jump(lw, s);
        return true;
    case ST_BASELINE:
        if (once(lw, f, s)) {
            in->baseline = s->value;
            in->baseline_period = s->period;
        }
        return true;
    default:
        return false;
    }
}

/* The texts and names given once: source, owner, committee, description, rating scheme, formula. */
static bool indicator_text_stmt(Lowerer *lw, Frame *f, Indicator *in, const Stmt *s)
{
    const char **text = s->kind == ST_SOURCE        ? &in->source
                        : s->kind == ST_OWNER       ? &in->owner
                        : s->kind == ST_COMMITTEE   ? &in->committee
                        : s->kind == ST_DESCRIPTION ? &in->description
                                                    : NULL;
    if (text) {
        if (once(lw, f, s))
            *text = s->str;
        return true;
    }
    if (s->kind == ST_RATING_USE) {
        if (once(lw, f, s))
            in->rating = s->ident;
        return true;
    }
    if (s->kind == ST_FORMULA) {
        if (once(lw, f, s)) {
            in->formula = s->expr;
            in->formula_loc = s->span;
        }
        return true;
    }
    return false;
}

static void lower_target(Arena *ar, Indicator *in, const Stmt *s)
{
    Target *t = arena_alloc(ar, sizeof *t);
    t->spec = s->target;
    t->period = s->period;
    t->tolerance = s->value2.present ? copy_value(ar, &s->value2) : NULL;
    t->note = s->note;
    t->reason = s->str;
    t->loc = s->span;
    t->within_interval = s->interval;
    t->interval_loc = s->interval_loc;
    vec_push(ar, &in->targets, t);
}

static void lower_amendment(Arena *ar, Indicator *in, const Stmt *s)
{
    Amendment *a = arena_alloc(ar, sizeof *a);
    a->period = s->period;
    a->to = s->target;
    a->from = s->period2;
    a->reason = s->note;
    a->loc = s->span;
    vec_push(ar, &in->amendments, a);
}

static void lower_revision(Arena *ar, Indicator *in, const Stmt *s)
{
    Revision *r = arena_alloc(ar, sizeof *r);
    r->period = s->period;
    r->reason = s->note;
    r->loc = s->span;
    vec_push(ar, &in->revisions, r);
}

static void lower_bench_value(Arena *ar, Indicator *in, const Stmt *s)
{
    BenchValue *b = arena_alloc(ar, sizeof *b);
    b->bench = s->ident;
    b->value = s->value;
    b->period = s->period;
    b->note = s->note;
    b->loc = s->span;
    vec_push(ar, &in->benchmarks, b);
}

static void lower_threshold(Arena *ar, Indicator *in, const Stmt *s)
{
    Threshold *t = arena_alloc(ar, sizeof *t);
    t->band = s->ident;
    t->value = s->value;
    t->period = s->period;
    t->note = s->note;
    t->loc = s->span;
    t->band_index = -1;
    vec_push(ar, &in->thresholds, t);
}

static void lower_result(Lowerer *lw, Indicator *in, const Stmt *s)
{
    Arena *ar = &lw->plan->arena;
    ResultRec *r = arena_alloc(ar, sizeof *r);
    r->status = PRT_RESULT_VALUE;
    if (s->ident.name) {
        int v = LOOKUP(lw, s->ident, prt_result_status_words, "result status");
        r->status = v < 0 ? PRT_RESULT_NOT_AVAILABLE : (prt_result_status)v;
    }
    r->value = s->value;
    r->period = s->period;
    r->rated = s->rated;
    r->original = s->value2;
    r->lower = s->lower;
    r->upper = s->upper;
    r->reason = s->value2.present ? s->note : NULL;
    r->note = s->value2.present ? NULL : s->note;
    r->loc = s->span;
    vec_push(ar, &in->results, r);
}

static void lower_expect(Arena *ar, Indicator *in, const Stmt *s)
{
    Expect *x = arena_alloc(ar, sizeof *x);
    x->value = s->value;
    x->period = s->period;
    x->note = s->note;
    x->loc = s->span;
    vec_push(ar, &in->expects, x);
}

/* The statements that may be repeated, each a record in the indicator's history: targets,
 * amendments, revisions, benchmark values, results, the outcomes measured. */
static bool indicator_history_stmt(Lowerer *lw, Indicator *in, const Stmt *s)
{
    Arena *ar = &lw->plan->arena;
    switch (s->kind) {
    case ST_MEASURES: append_names(&in->measures, s->names); return true;
    case ST_TARGET: lower_target(ar, in, s); return true;
    case ST_AMEND: lower_amendment(ar, in, s); return true;
    case ST_REVISED: lower_revision(ar, in, s); return true;
    case ST_BENCHMARK_VALUE: lower_bench_value(ar, in, s); return true;
    case ST_RESULT: lower_result(lw, in, s); return true;
    case ST_THRESHOLD: lower_threshold(ar, in, s); return true;
    case ST_EXPECT: lower_expect(ar, in, s); return true;
    default: return false;
    }
}

/* Dispatches to the group the statement belongs to; a statement an indicator does not take is ignored here. */
static void indicator_stmt(Lowerer *lw, Frame *f, Indicator *in, const Stmt *s)
{
    if (!indicator_history_stmt(lw, in, s) && !indicator_word_stmt(lw, f, in, s) &&
        !indicator_number_stmt(lw, f, in, s))
        indicator_text_stmt(lw, f, in, s);
}

static void theme_stmt(Lowerer *lw, Frame *f, Theme *t, const Stmt *s)
{
    switch (s->kind) {
    case ST_TRANSFORMATION:
        if (once(lw, f, s))
            t->transformation = true;
        break;
    case ST_OWNER:
        if (once(lw, f, s))
            t->owner = s->str;
        break;
    case ST_DELIVERY_USE:
        if (once(lw, f, s))
            t->delivery = s->ident;
        break;
    case ST_DESCRIPTION:
        if (once(lw, f, s))
            t->description = s->str;
        break;
    default:
        break;
    }
}

static void pillar_stmt(Lowerer *lw, Frame *f, Pillar *p, const Stmt *s)
{
    if (s->kind == ST_DESCRIPTION && once(lw, f, s))
        p->description = s->str;
    else if (s->kind == ST_OWNER)
        once(lw, f, s);
}

/* In a plan header, a benchmark and an input every statement may be given once. */
static void plan_stmt(Lowerer *lw, Frame *f, PlanHeader *h, const Stmt *s)
{
    if (!once(lw, f, s))
        return;
    switch (s->kind) {
    case ST_ORGANISATION: h->organisation = s->str; break;
    case ST_COVERS:
        h->first = s->period;
        h->last = s->period2;
        break;
    case ST_REPORTED: {
        int v = LOOKUP(lw, s->ident, prt_frequency_words, "reporting cadence");
        h->reported = v < 0 ? PRT_FREQ_NONE : (prt_frequency)v;
        break;
    }
    case ST_RATING_USE: h->rating = s->ident; break;
    case ST_DELIVERY_USE: h->delivery = s->ident; break;
    case ST_DESCRIPTION: h->description = s->str; break;
    case ST_VERSION: h->version = s->str; break;
    case ST_DIRECTION: {
        if (misplaced_direction(lw, s, prt_polarity_words, PRT_POL_SMALLER + 1, "a monitor-only indicator",
                                "the plan header"))   /* bigger, smaller: not monitor */
            break;
        int v = LOOKUP(lw, s->ident, prt_dot_basis_words, "direction of travel");
        h->dot_basis = v < 0 ? PRT_DOT_BASIS_LONG_TERM : (prt_dot_basis)v;
        break;
    }
    case ST_FORECAST: {
        int v = LOOKUP(lw, s->ident, prt_forecast_rule_words, "forecast rule");
        h->forecast = v < 0 ? PRT_FORECAST_NONE : (prt_forecast_rule)v;
        break;
    }
    case ST_JUMP: h->jump = lower_jump(lw, s); break;
    case ST_STALE: h->stale_years = lower_stale(lw, s); break;
    default: break;
    }
}

static void benchmark_stmt(Lowerer *lw, Frame *f, Benchmark *b, const Stmt *s)
{
    if (once(lw, f, s) && s->kind == ST_SOURCE)
        b->source = s->str;
}

static void input_stmt(Lowerer *lw, Frame *f, Input *in, const Stmt *s)
{
    if (!once(lw, f, s))
        return;
    if (s->kind == ST_SOURCE)
        in->source = s->str;
    else if (s->kind == ST_UNIT)
        lower_unit(lw, s, &in->unit);
}

static void top_stmt(Lowerer *lw, const Stmt *s)
{
    if (s->kind != ST_INCLUDE)
        return;
    if (lw->on_include)
        lw->on_include(lw->user, s);
    else
        diag_error(lw->diag, s->loc, "E034", "includes are not followed in a plan read from memory");
}

/* ---- the driver the parser calls ---- */

Lowerer *lowerer_new(Plan *plan, Diag *diag, IncludeFn on_include, void *user)
{
    Lowerer *lw = xcalloc(1, sizeof *lw);
    lw->plan = plan;
    lw->diag = diag;
    lw->on_include = on_include;
    lw->user = user;
    lw->frames[0].where = IN_TOP;
    return lw;
}

void lowerer_free(Lowerer *lw) { free(lw); }

static bool is_declaration(StmtKind k)
{
    switch (k) {
    case ST_PLAN: case ST_RATING_DECL: case ST_BENCHMARK_DECL: case ST_INPUT: case ST_PILLAR: case ST_THEME:
    case ST_OUTCOME: case ST_ACTIVITY: case ST_INDICATOR: case ST_DELIVERY_DECL:
        return true;
    default:
        return false;
    }
}

/* The statements whose strings are names or one-line texts: they head tables, titles, map boxes and
 * report lines, so a line break (the \n escape) is refused in them.  Descriptions, progress, notes
 * and reasons may run to several lines. */
static const bool single_line[ST__COUNT] = {
    [ST_PLAN] = true, [ST_RATING_DECL] = true, [ST_BENCHMARK_DECL] = true, [ST_INPUT] = true,
    [ST_PILLAR] = true, [ST_THEME] = true, [ST_OUTCOME] = true, [ST_ACTIVITY] = true,
    [ST_INDICATOR] = true, [ST_ORGANISATION] = true, [ST_OWNER] = true, [ST_COMMITTEE] = true,
    [ST_SOURCE] = true, [ST_UNIT] = true, [ST_BAND] = true, [ST_INCLUDE] = true, [ST_VERSION] = true,
    [ST_DELIVERY_DECL] = true, [ST_MILESTONE] = true, [ST_TALLY] = true,
};

static void check_one_line(Lowerer *lw, const char *str, Loc loc)
{
    if (str && strchr(str, '\n'))
        diag_error(lw->diag, loc, "E039", "a name cannot hold a line break");
}

static void check_single_line(Lowerer *lw, const Stmt *s)
{
    if (!single_line[s->kind])
        return;
    check_one_line(lw, s->str, s->str_loc);
    check_one_line(lw, s->str2, s->str2_loc);
}

void lower_open(Lowerer *lw, const Stmt *head)
{
    if (head)
        check_single_line(lw, head);
    if (lw->depth + 1 >= MAX_FRAMES) {
        lw->skipped++;
        return;
    }
    Frame *parent = &lw->frames[lw->depth];
    Frame *f = &lw->frames[++lw->depth];
    memset(f, 0, sizeof *f);
    f->where = IN__COUNT;
    if (!head || parent->where == IN__COUNT || lw->diag->stopped || !placed(lw, head, parent->where))
        return;
    switch (head->kind) {
    case ST_PLAN:
        f->owner = open_plan_header(lw, head);
        f->where = f->owner ? IN_PLAN : IN__COUNT;
        break;
    case ST_RATING_DECL: f->owner = open_rating(lw, head); f->where = IN_RATING; break;
    case ST_DELIVERY_DECL: f->owner = open_delivery(lw, head); f->where = IN_DELIVERY; break;
    case ST_BENCHMARK_DECL: f->owner = open_benchmark(lw, head); f->where = IN_BENCHMARK; break;
    case ST_INPUT: f->owner = open_input(lw, head); f->where = IN_INPUT; break;
    case ST_PILLAR: f->owner = open_pillar(lw, head); f->where = IN_PILLAR; break;
    case ST_THEME: f->owner = open_theme(lw, head, parent->owner); f->where = IN_THEME; break;
    case ST_OUTCOME: f->owner = open_outcome(lw, head, parent->owner); f->where = IN_OUTCOME; break;
    case ST_ACTIVITY: f->owner = open_activity(lw, head, parent->owner); f->where = IN_ACTIVITY; break;
    case ST_INDICATOR: f->owner = open_indicator(lw, head, parent->owner); f->where = IN_INDICATOR; break;
    default: break;
    }
}

/* Whether a block of this context is filling an Entity (the plan header is not one). */
static bool holds_entity(Context where)
{
    return where != IN_TOP && where != IN_PLAN && where != IN__COUNT;
}

void lower_close(Lowerer *lw, uint32_t end)
{
    if (lw->skipped > 0) {
        lw->skipped--;
        return;
    }
    if (lw->depth == 0)
        return;
    Frame *f = &lw->frames[lw->depth];
    if (f->owner && holds_entity(f->where))
        ((Entity *)f->owner)->end = end;
    lw->depth--;
}

void lower_stmt(Lowerer *lw, const Stmt *s)
{
    if (s->has_block)
        return;   /* opened, filled and closed already */
    if (is_declaration(s->kind)) {
        lower_open(lw, s);
        lower_close(lw, s->full.end);
        return;
    }
    check_single_line(lw, s);
    Frame *f = &lw->frames[lw->depth];
    if (lw->skipped || f->where == IN__COUNT || lw->diag->stopped || !placed(lw, s, f->where))
        return;
    switch (f->where) {
    case IN_TOP: top_stmt(lw, s); break;
    case IN_PLAN: plan_stmt(lw, f, f->owner, s); break;
    case IN_RATING: rating_stmt(lw, f, f->owner, s); break;
    case IN_DELIVERY: delivery_stmt(lw, f, f->owner, s); break;
    case IN_BENCHMARK: benchmark_stmt(lw, f, f->owner, s); break;
    case IN_INPUT: input_stmt(lw, f, f->owner, s); break;
    case IN_PILLAR: pillar_stmt(lw, f, f->owner, s); break;
    case IN_THEME: theme_stmt(lw, f, f->owner, s); break;
    case IN_OUTCOME: outcome_stmt(lw, f, f->owner, s); break;
    case IN_ACTIVITY: activity_stmt(lw, f, f->owner, s); break;
    case IN_INDICATOR: indicator_stmt(lw, f, f->owner, s); break;
    default: break;
    }
}
