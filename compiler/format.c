/* planc fmt's printer: the canonical layout of a parse tree, comments kept in place. */
#include "format.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

typedef struct Fmt {
    FILE *out;
    const char *text;
    const Comment *comments;
    size_t ncomments, next;     /* the first comment not yet written */
} Fmt;

static void indent(Fmt *f, int depth)
{
    for (int i = 0; i < depth; i++)
        fputs("    ", f->out);
}

static void string(Fmt *f, const char *s)
{
    fputc('"', f->out);
    for (; s && *s; s++) {
        if (*s == '"' || *s == '\\')
            fprintf(f->out, "\\%c", *s);
        else if (*s == '\n')
            fputs("\\n", f->out);
        else if (*s == '\t')
            fputs("\\t", f->out);
        else
            fputc(*s, f->out);
    }
    fputc('"', f->out);
}

/* A value as it was written (59.0% keeps its zero), blanks inside it folded to one space. */
static void source(Fmt *f, Loc loc)
{
    bool blank = false;
    for (uint32_t i = loc.begin; i < loc.end; i++) {
        char c = f->text[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            blank = true;
            continue;
        }
        if (blank && c != '%')
            fputc(' ', f->out);   /* "100 %" is written "100%" */
        blank = false;
        fputc(c, f->out);
    }
}

static void period(Fmt *f, PeriodLit p)
{
    if (p.valid) {
        fputs(prt_period_text(p.p).s, f->out);
    } else {
        source(f, p.loc);
    }
}

static void names(Fmt *f, const NameRef *n)
{
    for (; n; n = n->next) {
        if (n->is_ref)
            string(f, n->name);
        else
            fputs(n->name, f->out);
        if (n->next)
            fputs(", ", f->out);
    }
}

static int precedence(ExprKind k)
{
    switch (k) {
    case EXPR_ADD:
    case EXPR_SUB: return 1;
    case EXPR_MUL:
    case EXPR_DIV: return 2;
    case EXPR_NEG: return 3;
    default: return 4;
    }
}

/* Parentheses only where the grammar needs them: a lower-precedence operand, or a right operand of
 * equal precedence (a - (b - c)). */
static void expr(Fmt *f, const Expr *e)
{
    switch (e->kind) {
    case EXPR_NUM: source(f, e->loc); return;
    case EXPR_NAME:
        if (e->name.is_ref)
            string(f, e->name.name);
        else
            fputs(e->name.name, f->out);
        return;
    case EXPR_NEG: {
        fputc('-', f->out);
        bool paren = precedence(e->lhs->kind) < 3;
        fputs(paren ? "(" : "", f->out);
        expr(f, e->lhs);
        fputs(paren ? ")" : "", f->out);
        return;
    }
    default: {
        int p = precedence(e->kind);
        bool lp = precedence(e->lhs->kind) < p, rp = precedence(e->rhs->kind) <= p;
        fputs(lp ? "(" : "", f->out);
        expr(f, e->lhs);
        fputs(lp ? ")" : "", f->out);
        fprintf(f->out, " %c ", e->kind == EXPR_ADD ? '+' : e->kind == EXPR_SUB ? '-' : e->kind == EXPR_MUL ? '*' : '/');
        fputs(rp ? "(" : "", f->out);
        expr(f, e->rhs);
        fputs(rp ? ")" : "", f->out);
        return;
    }
    }
}

static void target(Fmt *f, const TargetSpec *t)
{
    switch (t->kind) {
    case PRT_TARGET_VALUE: source(f, t->value.loc); break;
    case PRT_TARGET_THRESHOLD:
        fprintf(f->out, "%s ", prt_cmp_words[t->op]);
        source(f, t->value.loc);
        break;
    case PRT_TARGET_MONITOR:
    case PRT_TARGET_MAINTAIN: fputs(prt_target_kind_words[t->kind], f->out); break;
    case PRT_TARGET_BENCHMARK: fprintf(f->out, "%s %s", prt_target_kind_words[t->kind], t->bench.name); break;
    }
}

static void note(Fmt *f, const char *s)
{
    if (s) {
        fputc(' ', f->out);
        string(f, s);
    }
}

/* Comments that begin before `before`, each on its own line at this depth. */
static void comments_before(Fmt *f, uint32_t before, int depth)
{
    while (f->next < f->ncomments && f->comments[f->next].begin < before) {
        const Comment *c = &f->comments[f->next++];
        indent(f, depth);
        uint32_t e = c->end;
        while (e > c->begin && (f->text[e - 1] == ' ' || f->text[e - 1] == '\t' || f->text[e - 1] == '\r'))
            e--;
        fwrite(f->text + c->begin, 1, e - c->begin, f->out);
        fputc('\n', f->out);
        /* a blank line after a comment in the source stays (it separates a heading from what follows) */
        uint32_t next = f->next < f->ncomments && f->comments[f->next].begin < before ? f->comments[f->next].begin : before;
        int newlines = 0;
        for (uint32_t i = c->end; i < next && f->text[i]; i++) {
            if (f->text[i] == '\n')
                newlines++;
            else if (f->text[i] != ' ' && f->text[i] != '\t' && f->text[i] != '\r')
                break;
        }
        if (newlines >= 2 && next != UINT32_MAX)
            fputc('\n', f->out);
    }
}

/* A comment that starts on the line where a statement ends (and before `limit`) stays at the end of
 * that line. */
static void trailing_comment_before(Fmt *f, uint32_t end, uint32_t limit)
{
    if (f->next >= f->ncomments)
        return;
    const Comment *c = &f->comments[f->next];
    if (c->begin >= limit)
        return;
    for (uint32_t i = end; i < c->begin; i++)
        if (f->text[i] == '\n' || f->text[i] == '\r')
            return;
    /* a block comment that spans lines is better on its own */
    for (uint32_t i = c->begin; i < c->end; i++)
        if (f->text[i] == '\n')
            return;
    f->next++;
    uint32_t e = c->end;
    while (e > c->begin && (f->text[e - 1] == ' ' || f->text[e - 1] == '\t' || f->text[e - 1] == '\r'))
        e--;
    fputs("  ", f->out);
    fwrite(f->text + c->begin, 1, e - c->begin, f->out);
}

static void trailing_comment(Fmt *f, uint32_t end)
{
    trailing_comment_before(f, end, UINT32_MAX);
}

static void block(Fmt *f, const Stmt *s, int depth);

/* The edges of issue 21: `per indicator`, `within tolerance`, `above tolerance`, `above N%`. */
static void band_edge(Fmt *f, const Stmt *s)
{
    switch (s->band) {
    case BAND_PER_INDICATOR: fputs(" per indicator", f->out); break;
    case BAND_WITHIN_TOLERANCE: fputs(" within tolerance", f->out); break;
    case BAND_ABOVE_TOLERANCE: fputs(" above tolerance", f->out); break;
    case BAND_ABOVE:
        fputs(" above ", f->out);
        source(f, s->value.loc);
        break;
    default: break;
    }
}

/* A band's `symbol NAME` or `symbol "TEXT"` (issue 21). */
static void band_symbol(Fmt *f, const Stmt *s)
{
    if (!s->symbol.name)
        return;
    fputs(" symbol ", f->out);
    if (s->symbol_quoted)
        string(f, s->symbol.name);
    else
        fputs(s->symbol.name, f->out);
}

/* limit: where the next thing after the statement begins; a comment after that is not its own */
static void statement(Fmt *f, const Stmt *s, int depth, uint32_t limit)
{
    FILE *o = f->out;
    comments_before(f, s->full.begin, depth);
    indent(f, depth);
    const char *kw = stmt_keyword(s->kind);
    switch (s->kind) {
    case ST_INCLUDE:
    case ST_ORGANISATION:
    case ST_DESCRIPTION:
    case ST_PROGRESS:
    case ST_OWNER:
    case ST_COMMITTEE:
    case ST_SOURCE:
    case ST_VERSION:
        fprintf(o, "%s ", kw);
        string(f, s->str);
        break;
    case ST_PLAN:
        fputs("plan ", o);
        string(f, s->str);
        break;
    case ST_RATING_DECL:
    case ST_DELIVERY_DECL:
    case ST_BENCHMARK_DECL:
    case ST_INPUT:
    case ST_PILLAR:
    case ST_THEME:
    case ST_OUTCOME:
    case ST_ACTIVITY:
        fprintf(o, "%s %s", kw, s->ident.name);
        if (s->str) {
            fputc(' ', o);
            string(f, s->str);
        }
        break;
    case ST_INDICATOR:
        fputs("indicator", o);
        if (s->ident.name)
            fprintf(o, " %s", s->ident.name);
        fputc(' ', o);
        string(f, s->str);
        if (s->str2) {
            fputc(' ', o);
            string(f, s->str2);
        }
        break;
    case ST_STATUS:
        fprintf(o, "status %s", s->ident.name);
        if (s->period.loc.file) {
            fputs(" in ", o);
            period(f, s->period);
            if (s->value.present) {
                fputs(" at ", o);
                source(f, s->value.loc);
            }
            if (s->word2.name)
                fprintf(o, " impact %s", s->word2.name);
            if (s->rated.name)
                fprintf(o, " rated %s", s->rated.name);
            note(f, s->note);
        }
        break;
    case ST_DUE:
        fputs("due ", o);
        source(f, s->when.loc);
        break;
    case ST_MILESTONE:
        fprintf(o, "milestone %s ", s->ident.name);
        string(f, s->str);
        if (s->when2.present) {
            fputs(" from ", o);
            source(f, s->when2.loc);
        }
        fputs(" due ", o);
        source(f, s->when.loc);
        if (s->when3.present) {
            fputs(" completed ", o);
            source(f, s->when3.loc);
        }
        break;
    case ST_OVERDUE:
        if (s->word2.name)
            fprintf(o, "overdue at %s", s->word2.name);
        else
            fprintf(o, "overdue %s", s->ident.name);
        if (s->value.present) {
            fputc(' ', o);
            source(f, s->value.loc);
        }
        break;
    case ST_TALLY:
        fputs("progress ", o);
        source(f, s->value.loc);
        fputs(" of ", o);
        source(f, s->value2.loc);
        fputs(" in ", o);
        period(f, s->period);
        note(f, s->note);
        break;
    case ST_RATING_USE:
    case ST_DELIVERY_USE:
    case ST_REPORTED:
    case ST_KIND:
    case ST_POLARITY:
    case ST_FREQUENCY:
    case ST_ACCUMULATES:
    case ST_METHOD:
    case ST_DIRECTION:
    case ST_FORECAST:
        fprintf(o, "%s %s", kw, s->ident.name);
        break;
    case ST_TRANSFORMATION: fputs("transformation", o); break;
    case ST_CONTRIBUTES:
    case ST_DELIVERS:
    case ST_MEASURES:
        fprintf(o, "%s ", kw);
        names(f, s->names);
        break;
    case ST_COVERS:
        fputs("covers ", o);
        period(f, s->period);
        if (s->period2.loc.begin != s->period.loc.begin) {
            fputs(" to ", o);
            period(f, s->period2);
        }
        break;
    case ST_UNIT:
        if (s->str) {
            fputs("unit ", o);
            string(f, s->str);
        } else {
            fprintf(o, "unit %s", s->ident.name);
            if (s->value.present) {
                fputs(" per ", o);
                source(f, s->value.loc);
            }
        }
        break;
    case ST_TOLERANCE:
        fputs("tolerance ", o);
        source(f, s->value.loc);
        fputs(s->of_target ? " of target" : "", o);
        break;
    case ST_THRESHOLD:
        fprintf(o, "threshold %s ", s->ident.name);
        source(f, s->value.loc);
        if (s->period.loc.file) {
            fputs(" in ", o);
            period(f, s->period);
        }
        note(f, s->note);
        break;
    case ST_DECIMALS:
    case ST_JUMP:
    case ST_STALE:
        fprintf(o, "%s ", kw);
        source(f, s->value.loc);
        break;
    case ST_ARREARS:
        fputs("arrears ", o);
        source(f, s->value.loc);
        if (s->ident.name)
            fprintf(o, " %s", s->ident.name);
        break;
    case ST_BENCHMARK_VALUE:
        fprintf(o, "benchmark %s ", s->ident.name);
        source(f, s->value.loc);
        fputs(" in ", o);
        period(f, s->period);
        note(f, s->note);
        break;
    case ST_BASELINE:
    case ST_EXPECT:   /* `expect VALUE in PERIOD ["NOTE"]`: a baseline's shape */
        fputs(s->kind == ST_BASELINE ? "baseline " : "expect ", o);
        source(f, s->value.loc);
        fputs(" in ", o);
        period(f, s->period);
        note(f, s->note);
        break;
    case ST_TARGET:
        fputs("target ", o);
        target(f, &s->target);
        fputs(" in ", o);
        period(f, s->period);
        if (s->value2.present) {
            fputs(" within ", o);
            source(f, s->value2.loc);
        }
        if (s->interval)
            fputs(" within confidence interval", o);
        note(f, s->note);
        if (s->str) {
            fputs(" because ", o);
            string(f, s->str);
        }
        break;
    case ST_AMEND:
        fputs("amend ", o);
        period(f, s->period);
        fputs(" to ", o);
        target(f, &s->target);
        fputs(" from ", o);
        period(f, s->period2);
        fputs(" because ", o);
        string(f, s->note);
        break;
    case ST_REVISED:
        fputs("revised in ", o);
        period(f, s->period);
        fputs(" because ", o);
        string(f, s->note);
        break;
    case ST_RESULT:
        fputs("result ", o);
        if (s->value.present)
            source(f, s->value.loc);
        else
            fputs(s->ident.name, o);
        fputs(" in ", o);
        period(f, s->period);
        if (s->lower.present) {
            fputs(" interval ", o);
            source(f, s->lower.loc);
            fputs(" to ", o);
            source(f, s->upper.loc);
        }
        if (s->rated.name)
            fprintf(o, " rated %s", s->rated.name);
        if (s->value2.present) {
            fputs(" restated from ", o);
            source(f, s->value2.loc);
            fputs(" because ", o);
            string(f, s->note);
        } else {
            note(f, s->note);
        }
        break;
    case ST_FORMULA:
        fputs("formula ", o);
        expr(f, s->expr);
        break;
    case ST_BAND:
        fprintf(o, "band %s", s->ident.name);
        if (s->str) {
            fputc(' ', o);
            string(f, s->str);
        }
        if (s->abbrev.name)
            fprintf(o, " (%s)", s->abbrev.name);
        if (s->band == BAND_OTHERWISE) {
            fputs(" otherwise", o);
        } else if (s->band == BAND_WHEN) {
            fputs(" when", o);
            if (s->names) {
                fputc(' ', o);
                names(f, s->names);
            }
            if (s->names2) {
                fputs(" impact ", o);
                names(f, s->names2);
            }
        } else if (s->band >= BAND_PER_INDICATOR) {
            band_edge(f, s);
        } else if (s->band == BAND_MONITOR) {
            fputs(" monitor", o);
        } else if (s->band != BAND_JUDGED && s->band != BAND_IF) {
            fputs(s->band == BAND_AT ? " at " : " within ", o);
            source(f, s->value.loc);
        }
        if (s->cond) {   /* the condition's words as written, one space apart */
            fputs(" if", o);
            for (const NameRef *w = s->cond; w; w = w->next)
                fprintf(o, " %s", w->name);
        }
        if (s->word2.name)
            fprintf(o, " colour %s", s->word2.name);
        band_symbol(f, s);
        break;
    case ST__COUNT: break;
    }
    if (s->has_block)
        block(f, s, depth);
    else
        trailing_comment_before(f, s->full.end, limit);
    fputc('\n', o);
}

static void block(Fmt *f, const Stmt *s, int depth)
{
    if (!s->body && !(f->next < f->ncomments && f->comments[f->next].begin < s->close.begin)) {
        fputs(" { }", f->out);
        trailing_comment(f, s->full.end);
        return;
    }
    fputs(" {", f->out);
    /* a comment on the line of the opening brace, before anything inside the block */
    trailing_comment_before(f, s->full.begin, s->body ? s->body->full.begin : s->close.begin);
    fputc('\n', f->out);
    const Stmt *prev = NULL;
    for (const Stmt *c = s->body; c; c = c->next) {
        /* declarations that hold blocks are set apart by a blank line */
        if (prev && (c->has_block || prev->has_block))
            fputc('\n', f->out);
        statement(f, c, depth + 1, c->next ? c->next->full.begin : s->close.begin);
        prev = c;
    }
    comments_before(f, s->close.begin, depth + 1);
    indent(f, depth);
    fputc('}', f->out);
    trailing_comment(f, s->close.end);
}

void format_plan(FILE *out, const char *text, const Stmt *stmts, const Comment *comments, size_t ncomments)
{
    Fmt f = {out, text, comments, ncomments, 0};
    const Stmt *prev = NULL;
    for (const Stmt *s = stmts; s; s = s->next) {
        if (prev && (s->has_block || prev->has_block || s->kind != prev->kind))
            fputc('\n', out);
        statement(&f, s, 0, s->next ? s->next->full.begin : UINT32_MAX);
        prev = s;
    }
    if (prev && f.next < f.ncomments)
        fputc('\n', out);
    comments_before(&f, UINT32_MAX, 0);
}

char *format_text(Diag *diag, uint32_t file, const char *text, size_t size, size_t *len)
{
    Arena arena;
    arena_init(&arena);
    size_t start = size >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    Stmt *stmts = NULL;
    Comment *comments = NULL;
    size_t ncomments = 0;
    char *result = NULL;
    *len = 0;
    if (parse_file_with_comments(&arena, diag, file, text, size, start, &stmts, &comments, &ncomments)) {
        FILE *mem = open_memstream(&result, len);
        if (!mem)
            xalloc_die();
        format_plan(mem, text, stmts, comments, ncomments);
        fclose(mem);
    }
    free(comments);
    arena_free(&arena);
    return result;
}
