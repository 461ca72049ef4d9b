/* planc lsp's textDocument/completion: what may be written at the cursor.  The buffer's text before
 * the cursor is read by the plan scanner itself (grammar/lexer.l), so a document that does not parse
 * still completes: a forward pass over its tokens finds the enclosing block (the braces and the
 * declaration keyword before each), and the last few tokens say what is expected there: a statement
 * (the keywords lowering accepts in that block, lower_allows), a name after `measures`, `delivers`,
 * `contributes to`, `rating`, `delivery`, `benchmark` or in a formula, a period inside the plan's
 * years, a band of the scheme in force, or a word of a fixed set (`polarity bigger`).  Names, years
 * and bands come from the document's last check (lsp_analysis_for). */
#include "lsp.h"
#include "ast.h"
#include "escape.h"
#include "lower.h"
#include "parse.h"
#include "strbuf.h"
#include "xalloc.h"
#include "parser.h"
#define YYSTYPE PLAN_STYPE
#define YYLTYPE PLAN_LTYPE
#include "lexer.h"

#include <stdlib.h>
#include <string.h>

/* CompletionItemKind (LSP 3.17), as docs/editors.md lists what each is used for */
enum {
    CIK_FIELD = 5, CIK_VARIABLE = 6, CIK_CLASS = 7, CIK_MODULE = 9, CIK_VALUE = 12, CIK_ENUM = 13, CIK_KEYWORD = 14,
    CIK_REFERENCE = 18, CIK_ENUM_MEMBER = 20, CIK_CONSTANT = 21, CIK_FUNCTION = 3
};

/* The keywords that never start a statement: completion offers each only after the words it follows
 * (`in` then a period ...), never as a statement.  tests/unit holds this list to lexer.l's keywords:
 * each keyword starts a statement (stmt_keyword) or is here. */
static const char *const inner_keywords[] = {
    "at", "because", "colour", "completed", "confidence", "from", "if", "impact", "in", "interval", "maintain",
    "monitor", "of", "otherwise", "per", "pts", "rated", "restated", "symbol", "to", "when", "within",
};

bool lsp_complete_keyword_known(const char *keyword)
{
    for (size_t i = 0; i < sizeof inner_keywords / sizeof inner_keywords[0]; i++)
        if (strcmp(keyword, inner_keywords[i]) == 0)
            return true;
    for (int k = 0; k < ST__COUNT; k++) {
        const char *w = stmt_keyword((StmtKind)k);
        size_t n = strcspn(w, " ");   /* "contributes to" starts with "contributes" */
        if (strlen(keyword) == n && strncmp(w, keyword, n) == 0)
            return true;
    }
    return false;
}

/* ---- the tokens before the cursor ---- */

typedef struct Token {
    int kind;                   /* a token of parser.h, or a character ('{', ',') */
    uint32_t begin, end;
} Token;

typedef struct Scan {
    Token *tok;
    size_t n, cap;
    bool quiet;                 /* the cursor is in a comment or a string: nothing to complete */
} Scan;

static void add_token(Scan *sc, int kind, uint32_t begin, uint32_t end)
{
    if (sc->n == sc->cap) {
        sc->cap = sc->cap ? sc->cap * 2 : 256;
        sc->tok = xrealloc(sc->tok, sc->cap * sizeof *sc->tok);
    }
    sc->tok[sc->n++] = (Token){kind, begin, end};
}

/* Whether the scanner stopped inside a comment: the last one reaches the cursor and is not a block
 * comment closed there. */
static bool in_comment(const ParseCtx *ctx, const char *text, uint32_t cursor)
{
    if (!ctx->ncomments)
        return false;
    const Comment *c = &ctx->comments[ctx->ncomments - 1];
    if (c->end < cursor)
        return false;
    bool block = text[c->begin] == '/' && text[c->begin + 1] == '*';
    bool closed = block && c->end - c->begin >= 4 && text[c->end - 2] == '*' && text[c->end - 1] == '/';
    return !closed;
}

/* Whether a string is open at the cursor: the scanner, cut there, reported one not terminated on the
 * cursor's line (a string ends at its line's end). */
static bool in_string(const Diag *diag, const char *text, uint32_t cursor)
{
    uint32_t line = cursor;
    while (line > 0 && text[line - 1] != '\n' && text[line - 1] != '\r')
        line--;
    for (size_t i = 0; i < diag->n; i++)
        if (strcmp(diag->items[i].code ? diag->items[i].code : "", "E006") == 0 && diag->items[i].loc.begin >= line)
            return true;
    return false;
}

/* Reads text[0..cursor) with the plan scanner into sc.  The blocks still open at the cursor are not
 * closed by the '}' the scanner makes up at the end (those are empty tokens, dropped). */
static void scan_to(Scan *sc, const char *text, uint32_t cursor)
{
    Arena arena;
    arena_init(&arena);
    Diag diag;
    diag_init(&diag, NULL);   /* the scanner's complaints are the check's business, never printed here */
    ParseCtx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.keep_comments = true;
    ctx.arena = &arena;
    ctx.diag = &diag;
    ctx.file = 1;
    ctx.text = text;
    size_t start = cursor >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    ctx.offset = (uint32_t)start;
    ctx.input_pos = start;
    ctx.input_end = cursor;
    yyscan_t scanner;
    if (plan_lex_init_extra(&ctx, &scanner) != 0)
        xalloc_die();
    YY_BUFFER_STATE buf = plan__create_buffer(NULL, 64 * 1024, scanner);
    plan__switch_to_buffer(buf, scanner);
    PLAN_STYPE value;
    Loc loc;
    for (;;) {
        int kind = plan_lex(&value, &loc, scanner);
        if (kind == END || loc.end <= loc.begin)
            break;
        add_token(sc, kind, loc.begin, loc.end);
    }
    sc->quiet = in_comment(&ctx, text, cursor) || in_string(&diag, text, cursor);
    plan__delete_buffer(buf, scanner);
    plan_lex_destroy(scanner);
    free(ctx.buf);
    free(ctx.comments);
    diag_free(&diag);
    arena_free(&arena);
}

/* ---- where the cursor is ---- */

/* The block the cursor is in: the kind of its declaration (ST__COUNT at the top level, and for a
 * block whose head cannot be told) and the token that names it (0: none). */
typedef struct Block {
    StmtKind kind;
    size_t name;                /* index + 1 of the identifier or string after the keyword */
} Block;

static StmtKind declaration(int token)
{
    switch (token) {
    case KW_PLAN: return ST_PLAN;
    case KW_RATING: return ST_RATING_DECL;
    case KW_BENCHMARK: return ST_BENCHMARK_DECL;
    case KW_INPUT: return ST_INPUT;
    case KW_PILLAR: return ST_PILLAR;
    case KW_THEME: return ST_THEME;
    case KW_OUTCOME: return ST_OUTCOME;
    case KW_ACTIVITY: return ST_ACTIVITY;
    case KW_DELIVERY: return ST_DELIVERY_DECL;
    case KW_INDICATOR: return ST_INDICATOR;
    default: return ST__COUNT;
    }
}

/* The innermost open block after the first n tokens: a '{' opens the block of the last declaration
 * keyword since the brace before it (`indicator x "X" {`), a '}' closes one. */
static Block enclosing_block(const Scan *sc, size_t n)
{
    Block *stack = NULL;
    size_t depth = 0, cap = 0;
    Block pending = {ST__COUNT, 0};
    for (size_t i = 0; i < n; i++) {
        int k = sc->tok[i].kind;
        if (declaration(k) != ST__COUNT) {
            pending.kind = declaration(k);
            pending.name = i + 1 < n && (sc->tok[i + 1].kind == IDENT || sc->tok[i + 1].kind == STRING) ? i + 2 : 0;
        } else if (k == '{') {
            if (depth == cap) {
                cap = cap ? cap * 2 : 16;
                stack = xrealloc(stack, cap * sizeof *stack);
            }
            stack[depth++] = pending;
            pending = (Block){ST__COUNT, 0};
        } else if (k == '}') {
            depth -= depth > 0;
            pending = (Block){ST__COUNT, 0};
        }
    }
    /* a block whose head was not a declaration (a typo) is none of the kinds: nothing is offered */
    Block b = depth ? stack[depth - 1] : (Block){ST__COUNT, 0};
    if (depth && b.kind == ST__COUNT)
        b.kind = ST_INCLUDE;   /* no statement is allowed in an include: lower_allows says no to all */
    free(stack);
    return b;
}

/* What the cursor's place expects. */
typedef enum {
    WANT_NOTHING, WANT_STATEMENT, WANT_NAMES, WANT_PERIOD, WANT_BANDS, WANT_WORDS
} Want;

typedef struct Place {
    Want want;
    unsigned kinds;             /* WANT_NAMES: a bit per EntityKind */
    const char *const *words;   /* WANT_WORDS (and WANT_BANDS: the states a status also takes) */
    size_t nwords;
    uint32_t from;              /* the range replaced: from here to the cursor */
    Block block;
} Place;

#define KIND(k) (1u << (k))
#define WORDS(list) list, sizeof list / sizeof list[0]

static bool is_period_keyword(const Scan *sc, size_t i)
{
    int k = sc->tok[i].kind, before = i > 0 ? sc->tok[i - 1].kind : END;
    switch (k) {
    case KW_IN: case KW_COVERS: case KW_DUE: case KW_COMPLETED: case KW_AMEND: return true;
    case KW_FROM: return before != KW_RESTATED;   /* `restated from VALUE` */
    case KW_TO: return before == PERIOD && i > 1 && sc->tok[i - 2].kind == KW_COVERS;
    default: return false;
    }
}

/* A period being written after its keyword (`in 2024/`, `in 2024/25 Q`): the keyword's index, or n. */
static size_t period_start(const Scan *sc, size_t n, const char *text, uint32_t from)
{
    if (n == 0)
        return n;
    if (is_period_keyword(sc, n - 1))
        return n - 1;
    /* the tokens of a period typed so far run up to the prefix, with at most blanks before it */
    uint32_t gap = sc->tok[n - 1].end;
    while (gap < from && (text[gap] == ' ' || text[gap] == '\t'))
        gap++;
    if (gap != from)
        return n;
    size_t i = n;
    while (i > 0 && n - i < 3 &&
           (sc->tok[i - 1].kind == NUMBER || sc->tok[i - 1].kind == PERIOD || sc->tok[i - 1].kind == '/' ||
            sc->tok[i - 1].kind == '-'))
        i--;
    return i < n && i > 0 && is_period_keyword(sc, i - 1) ? i - 1 : n;
}

/* The keyword before a list of names or words typed so far (`measures a, b, `): its index, or n. */
static size_t list_head(const Scan *sc, size_t n)
{
    size_t j = n;
    if (j == 0)
        return n;
    j--;
    while (j >= 2 && sc->tok[j].kind == ',' && (sc->tok[j - 1].kind == IDENT || sc->tok[j - 1].kind == STRING))
        j -= 2;
    return j;
}

static bool formula_token(int k)
{
    return k == IDENT || k == STRING || k == NUMBER || k == '+' || k == '-' || k == '*' || k == '/' || k == '(' ||
           k == ')';
}

/* Whether an operand of a formula is expected: after `formula`, an operator or '(' of one. */
static bool formula_operand(const Scan *sc, size_t n)
{
    if (n == 0)
        return false;
    int last = sc->tok[n - 1].kind;
    if (last != KW_FORMULA && (!formula_token(last) || last == IDENT || last == STRING || last == NUMBER || last == ')'))
        return false;
    size_t j = n;
    while (j > 0 && formula_token(sc->tok[j - 1].kind))
        j--;
    return j > 0 && sc->tok[j - 1].kind == KW_FORMULA;
}

/* Whether the last token can end a statement, so that another may start after it. */
static bool ends_statement(const Scan *sc, size_t n)
{
    if (n == 0)
        return true;
    int k = sc->tok[n - 1].kind, before = n > 1 ? sc->tok[n - 2].kind : END;
    switch (k) {
    case '{': case '}': case ';': case ')': case '%':
    case STRING: case NUMBER: case PERIOD: case DATE: case IDENT: case MONEY:
    case KW_PTS: case KW_TRANSFORMATION: case KW_MONITOR: case KW_MAINTAIN: case KW_INTERVAL: return true;
    case KW_OUTCOME: return before == KW_KIND;
    case KW_TARGET: return before == KW_OF;
    case KW_INDICATOR: return before == KW_PER;
    case KW_TOLERANCE: return before == KW_WITHIN || before == IDENT;
    default: return false;
    }
}

/* The words of a fixed set that follow a keyword (in a block of that kind; ST__COUNT: any). */
static const struct {
    int keyword;
    StmtKind block;
    const char *const *words;
    size_t nwords;
} word_sets[] = {
    {KW_POLARITY, ST__COUNT, WORDS(prt_polarity_words)},
    {KW_UNIT, ST__COUNT, WORDS(prt_unit_words)},
    {KW_FREQUENCY, ST__COUNT, WORDS(prt_frequency_words)},
    {KW_REPORTED, ST__COUNT, WORDS(prt_frequency_words)},
    {KW_ACCUMULATES, ST__COUNT, WORDS(prt_accumulation_words)},
    {KW_METHOD, ST__COUNT, WORDS(prt_method_words)},
    {KW_KIND, ST__COUNT, WORDS(indicator_kind_words)},
    {KW_DIRECTION, ST_PLAN, WORDS(prt_dot_basis_words)},
    {KW_DIRECTION, ST_INDICATOR, WORDS(prt_polarity_words)},
    {KW_FORECAST, ST_PLAN, WORDS(prt_forecast_rule_words)},
    {KW_OVERDUE, ST__COUNT, WORDS(prt_overdue_rule_words)},
    {KW_COLOUR, ST__COUNT, WORDS(prt_colour_words)},
    {KW_RESULT, ST__COUNT, WORDS(prt_result_status_words)},
};

static bool word_set(Place *p, int keyword)
{
    for (size_t i = 0; i < sizeof word_sets / sizeof word_sets[0]; i++)
        if (word_sets[i].keyword == keyword && (word_sets[i].block == ST__COUNT || word_sets[i].block == p->block.kind)) {
            p->want = WANT_WORDS;
            p->words = word_sets[i].words;
            p->nwords = word_sets[i].nwords;
            return true;
        }
    return false;
}

/* After a list's keyword or a comma of it: names (outcomes) or words (states, impacts). */
static bool list_place(Place *p, const Scan *sc, size_t n)
{
    size_t h = list_head(sc, n);
    if (h >= n)
        return false;
    int k = sc->tok[h].kind, before = h > 0 ? sc->tok[h - 1].kind : END;
    if (k == KW_MEASURES || k == KW_DELIVERS || (k == KW_TO && before == KW_CONTRIBUTES)) {
        p->want = WANT_NAMES;
        p->kinds = KIND(ENT_OUTCOME);
    } else if (k == KW_WHEN) {
        p->want = WANT_WORDS;
        p->words = prt_delivery_state_words;
        p->nwords = PRT_N_DELIVERY_STATES;
    } else if (k == KW_IMPACT) {
        p->want = WANT_WORDS;
        p->words = prt_impact_words;
        p->nwords = PRT_N_IMPACTS;
    }
    return p->want != WANT_NOTHING;
}

/* After a keyword that takes a band or the name of a scheme or benchmark. */
static bool reference_place(Place *p, int last, int before)
{
    bool top = p->block.kind == ST__COUNT;
    switch (last) {
    case KW_RATED: case KW_THRESHOLD: p->want = WANT_BANDS; break;
    case KW_AT: p->want = before == KW_OVERDUE ? WANT_BANDS : WANT_NOTHING; break;
    case KW_STATUS:
        if (p->block.kind == ST_ACTIVITY) {
            p->want = WANT_BANDS;   /* a judgement names a band; a state is one of the words */
            p->words = prt_delivery_state_words;
            p->nwords = PRT_N_DELIVERY_STATES;
        }
        break;
    case KW_RATING: p->want = top ? WANT_NOTHING : WANT_NAMES, p->kinds = KIND(ENT_RATING); break;
    case KW_DELIVERY: p->want = top ? WANT_NOTHING : WANT_NAMES, p->kinds = KIND(ENT_DELIVERY); break;
    case KW_BENCHMARK: p->want = top ? WANT_NOTHING : WANT_NAMES, p->kinds = KIND(ENT_BENCHMARK); break;
    default: break;
    }
    return p->want != WANT_NOTHING;
}

/* What the first n tokens leave expected at the cursor; the text from `from` to it is replaced. */
static Place locate(const Scan *sc, size_t n, const char *text, uint32_t from)
{
    Place p = {WANT_NOTHING, 0, NULL, 0, from, enclosing_block(sc, n)};
    size_t ps = period_start(sc, n, text, from);
    if (ps < n) {
        p.want = WANT_PERIOD;
        p.from = ps + 1 < n ? sc->tok[ps + 1].begin : from;
        return p;
    }
    if (formula_operand(sc, n)) {
        p.want = WANT_NAMES;
        p.kinds = KIND(ENT_INDICATOR) | KIND(ENT_INPUT);
        return p;
    }
    if (list_place(&p, sc, n))
        return p;
    int last = n > 0 ? sc->tok[n - 1].kind : END, before = n > 1 ? sc->tok[n - 2].kind : END;
    if (n > 0 && (reference_place(&p, last, before) || word_set(&p, last)))
        return p;
    if (ends_statement(sc, n))
        p.want = WANT_STATEMENT;
    return p;
}

/* ---- what is offered ---- */

typedef struct Offer {
    const LspServer *s;
    const char *text;           /* the buffer */
    const char *prefix;         /* what is typed of the item: text[from..cursor) */
    size_t prefix_len;
    json_t *range;              /* the range it replaces */
    json_t *items;
    size_t count;               /* items added: their sortText keeps the order they are offered in */
    const Plan *plan;           /* the last check's model, NULL when there is none */
} Offer;

/* Adds an item whose label starts with the prefix: label, kind, detail, and documentation (Markdown
 * from the plan's own text, escaped; NULL for none). */
static void offer(Offer *o, const char *label, int kind, const char *detail, const char *doc)
{
    if (!label || strncmp(label, o->prefix, o->prefix_len) != 0)
        return;
    char sort[32];
    snprintf(sort, sizeof sort, "%06zu", o->count++);
    json_t *item = json_pack("{s:o, s:i, s:s, s:{s:O, s:o}}", "label", lsp_json_text(label), "kind", kind,
                             "sortText", sort, "textEdit", "range", o->range, "newText", lsp_json_text(label));
    if (detail)
        json_object_set_new(item, "detail", lsp_json_text(detail));
    if (doc && doc[0]) {
        prt_buf md = {0};
        prt_esc_md(&md, doc);
        json_object_set_new(item, "documentation",
                            json_pack("{s:s, s:o}", "kind", "markdown", "value", lsp_json_text(prt_buf_str(&md))));
        prt_buf_free(&md);
    }
    json_array_append_new(o->items, item);
}

static void offer_statements(Offer *o, StmtKind block)
{
    for (int k = 0; k < ST__COUNT; k++) {
        if (!lower_allows((StmtKind)k, block))
            continue;
        const char *word = stmt_keyword((StmtKind)k);
        bool seen = false;   /* `rating` declares and selects, `progress` is text or a tally: one item */
        for (int j = 0; j < k && !seen; j++)
            seen = lower_allows((StmtKind)j, block) && strcmp(stmt_keyword((StmtKind)j), word) == 0;
        if (!seen)
            offer(o, word, CIK_KEYWORD, "keyword", NULL);
    }
}

static void offer_words(Offer *o, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        offer(o, words[i], CIK_VALUE, "word", NULL);
}

static int entity_item_kind(EntityKind k)
{
    switch (k) {
    case ENT_RATING: case ENT_DELIVERY: return CIK_ENUM;
    case ENT_BENCHMARK: return CIK_REFERENCE;
    case ENT_INPUT: return CIK_VARIABLE;
    case ENT_PILLAR: case ENT_THEME: return CIK_MODULE;
    case ENT_OUTCOME: return CIK_CLASS;
    case ENT_ACTIVITY: return CIK_FUNCTION;
    case ENT_INDICATOR: return CIK_FIELD;
    }
    return CIK_VALUE;
}

/* Whether the token at index+1 `name` of the buffer spells s (an identifier, or a string's text). */
static bool token_spells(const Offer *o, const Scan *sc, size_t name, const char *s)
{
    if (!name || !s)
        return false;
    const Token *t = &sc->tok[name - 1];
    uint32_t b = t->begin, e = t->end;
    if (t->kind == STRING && e - b >= 2) {
        b++;
        e--;
    }
    return strlen(s) == e - b && memcmp(o->text + b, s, e - b) == 0;
}

static void offer_entity(Offer *o, const Entity *e)
{
    prt_buf label = {0}, detail = {0};
    if (e->id.name)
        prt_buf_puts(&label, e->id.name);
    else if (e->kind == ENT_INDICATOR && ((const Indicator *)e)->ref)
        prt_buf_printf(&label, "\"%s\"", ((const Indicator *)e)->ref);   /* a formula names it by "REF" */
    if (label.len) {
        prt_buf_printf(&detail, "%s %s", entity_kind_name((EntityKind)e->kind), prt_buf_str(&label));
        offer(o, prt_buf_str(&label), entity_item_kind((EntityKind)e->kind), prt_buf_str(&detail), e->name);
    }
    prt_buf_free(&label);
    prt_buf_free(&detail);
}

/* The declared names of the kinds asked for, but the block's own (an outcome does not contribute to
 * itself, a formula does not name its own indicator). */
static void offer_names(Offer *o, const Scan *sc, const Place *p)
{
    if (!o->plan)
        return;
    const PtrVec *lists[] = {&o->plan->ratings, &o->plan->deliveries, &o->plan->benchmarks, &o->plan->inputs,
                             &o->plan->outcomes, &o->plan->indicators};
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
        for (uint32_t i = 0; i < lists[l]->n; i++) {
            const Entity *e = lists[l]->items[i];
            if (e->duplicate || !(p->kinds & KIND(e->kind)))
                continue;
            if (token_spells(o, sc, p->block.name, e->id.name))
                continue;
            offer_entity(o, e);
        }
}

/* The entity of kind k the block's name token names, or NULL. */
static const Entity *block_entity(const Offer *o, const Scan *sc, const Block *b, const PtrVec *v)
{
    for (uint32_t i = 0; v && b->name && i < v->n; i++) {
        const Entity *e = v->items[i];
        if (token_spells(o, sc, b->name, e->id.name) ||
            (e->kind == ENT_INDICATOR && sc->tok[b->name - 1].kind == STRING &&
             (token_spells(o, sc, b->name, ((const Indicator *)e)->ref) || token_spells(o, sc, b->name, e->name))))
            return e;
    }
    return NULL;
}

static const Entity *named(const PtrVec *v, const char *id)
{
    for (uint32_t i = 0; id && i < v->n; i++) {
        const Entity *e = v->items[i];
        if (e->id.name && strcmp(e->id.name, id) == 0)
            return e;
    }
    return NULL;
}

static void offer_band(Offer *o, const Ident *id, const Ident *abbrev, const char *label)
{
    prt_buf detail = {0};
    prt_buf_printf(&detail, "band %s", id->name);
    if (abbrev->name)
        prt_buf_printf(&detail, " (%s)", abbrev->name);
    offer(o, id->name, CIK_ENUM_MEMBER, prt_buf_str(&detail), label);
    prt_buf_free(&detail);
}

/* The bands of the scheme in force in the block: an indicator's rating scheme (its own, else the
 * plan's), an activity's delivery scheme (its own, else the plan's), a delivery scheme's own. */
static void offer_bands(Offer *o, const Scan *sc, const Place *p)
{
    const Plan *plan = o->plan;
    if (!plan)
        return;
    const Rating *rating = NULL;
    const Delivery *delivery = NULL;
    if (p->block.kind == ST_INDICATOR) {
        const Indicator *in = (const Indicator *)block_entity(o, sc, &p->block, &plan->indicators);
        rating = in && in->scheme ? in->scheme : NULL;
        if (!rating)
            rating = (const Rating *)named(&plan->ratings, in && in->rating.name ? in->rating.name : plan->header.rating.name);
    } else if (p->block.kind == ST_ACTIVITY) {
        const Activity *a = (const Activity *)block_entity(o, sc, &p->block, &plan->activities);
        delivery = a && a->scheme ? a->scheme : NULL;
        if (!delivery)
            delivery = (const Delivery *)named(&plan->deliveries, a && a->delivery.name ? a->delivery.name
                                                                                      : plan->header.delivery.name);
    } else if (p->block.kind == ST_DELIVERY_DECL) {
        delivery = (const Delivery *)block_entity(o, sc, &p->block, &plan->deliveries);
    }
    for (uint32_t i = 0; rating && i < rating->bands.n; i++) {
        const Band *b = rating->bands.items[i];
        offer_band(o, &b->id, &b->abbrev, b->label);
    }
    for (uint32_t i = 0; delivery && i < delivery->bands.n; i++) {
        const DeliveryBand *b = delivery->bands.items[i];
        offer_band(o, &b->id, &b->abbrev, b->label);
    }
}

/* The most years of periods offered: a plan covers a few; a typo (`covers 2023/24 to 3023/24`)
 * must not make a list of twelve thousand months. */
enum { MAX_YEARS = 50 };

/* The periods inside the plan's years, each year followed by its parts at the frequency in force
 * (the indicator's, else the plan's `reported`): years, halves, quarters or months. */
static void offer_periods(Offer *o, const Scan *sc, const Place *p)
{
    const Plan *plan = o->plan;
    if (!plan || !plan->header.first.valid)
        return;
    int first = plan->header.first.p.year;
    int last = plan->header.last.valid ? plan->header.last.p.year : first;
    prt_frequency f = plan->header.reported;
    if (p->block.kind == ST_INDICATOR) {
        const Indicator *in = (const Indicator *)block_entity(o, sc, &p->block, &plan->indicators);
        if (in && in->frequency != PRT_FREQ_NONE)
            f = (prt_frequency)in->frequency;
    }
    int parts = f == PRT_FREQ_MONTHLY ? 12 : f == PRT_FREQ_QUARTERLY ? 4 : f == PRT_FREQ_BIANNUAL ? 2 : 0;
    prt_period_kind kind = f == PRT_FREQ_MONTHLY ? PRT_MONTH : f == PRT_FREQ_QUARTERLY ? PRT_QUARTER : PRT_HALF;
    const char *what = f == PRT_FREQ_MONTHLY ? "month" : f == PRT_FREQ_QUARTERLY ? "quarter" : "half year";
    for (int y = first; y <= last && y - first < MAX_YEARS; y++) {
        prt_period year = {(short)y, PRT_YEAR, 0};
        offer(o, prt_period_text(year).s, CIK_CONSTANT, "financial year", NULL);
        for (int i = 1; i <= parts; i++) {
            prt_period part = {(short)y, (unsigned char)kind, (unsigned char)i};
            offer(o, prt_period_text(part).s, CIK_CONSTANT, what, NULL);
        }
    }
}

static void offer_place(Offer *o, const Scan *sc, const Place *p)
{
    switch (p->want) {
    case WANT_STATEMENT: offer_statements(o, p->block.kind); break;
    case WANT_NAMES: offer_names(o, sc, p); break;
    case WANT_PERIOD: offer_periods(o, sc, p); break;
    case WANT_BANDS:
        offer_bands(o, sc, p);
        offer_words(o, p->words, p->nwords);
        break;
    case WANT_WORDS: offer_words(o, p->words, p->nwords); break;
    case WANT_NOTHING: break;
    }
}

/* Whether a token is being typed as a word: an identifier, a keyword, a number or a period. */
static bool word_token(const Token *t, const char *text)
{
    char c = text[t->begin];
    return t->kind == IDENT || t->kind == NUMBER || t->kind == PERIOD ||
           (t->kind >= 256 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')));
}

/* The items at cursor in the document at uri (its text is the file 1 of sources). */
static json_t *complete_at(const LspServer *s, const char *uri, const SourceSet *sources, uint32_t cursor)
{
    const char *text = sources_get(sources, 1)->text;
    Scan sc = {0};
    scan_to(&sc, text, cursor);
    json_t *items = json_array();
    if (!sc.quiet) {
        size_t n = sc.n;
        uint32_t from = cursor;
        if (n > 0 && sc.tok[n - 1].end == cursor && word_token(&sc.tok[n - 1], text)) {
            from = sc.tok[n - 1].begin;
            n--;
        }
        Place p = locate(&sc, n, text, from);
        uint32_t file;
        const LspAnalysis *a = lsp_analysis_for(s, uri, &file);
        Offer o = {s, text, text + p.from, cursor - p.from, lsp_range_json(s, sources, (Loc){1, p.from, cursor}), items,
                   0, a ? &a->lp.plan : NULL};
        offer_place(&o, &sc, &p);
        json_decref(o.range);
    }
    free(sc.tok);
    return json_pack("{s:b, s:o}", "isIncomplete", false, "items", items);
}

json_t *lsp_completion(LspServer *s, const LspMessage *m)
{
    const char *uri;
    long long line, character;
    if (!lsp_params_position(m->params, &uri, &line, &character))
        return lsp_error_response(m->id, LSP_INVALID_PARAMS, "textDocument/completion: params need textDocument.uri and position");
    const LspDocument *doc = lsp_document_find(&s->docs, uri);
    if (!doc)
        return lsp_response(m->id, json_null());   /* only an open buffer: its text is the one typed */
    SourceSet sources;
    sources_init(&sources);
    char *copy = xmalloc(doc->len + 2);
    memcpy(copy, doc->text, doc->len);
    copy[doc->len] = copy[doc->len + 1] = '\0';
    sources_add(&sources, doc->path ? doc->path : doc->uri, copy, doc->len);
    uint32_t cursor;
    json_t *result = lsp_offset_at(s, sources_get(&sources, 1), line, character, &cursor)
                         ? complete_at(s, uri, &sources, cursor)
                         : json_null();
    sources_free(&sources);
    return lsp_response(m->id, result);
}
