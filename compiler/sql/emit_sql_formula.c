/* The SQL back end's derived indicators (docs/warehouse.md, "Derived indicators"): each formula as
 * one SQL expression over the other indicators' and the inputs' values for the report period,
 * evaluated as rate.c's derive() and prt_formula_eval() do, so that a derived indicator is then
 * rated like any other.  Only written when the plan has a formula: other plans' SQL is unchanged. */
#include "emit_sql_parts.h"
#include "symtab.h"

#include <stdint.h>
#include <stdlib.h>

bool sql_formula_any(const prt_plan *plan)
{
    for (int i = 0; i < plan->nindicators; i++)
        if (plan->indicators[i].nformula > 0)
            return true;
    return false;
}

/* The input names a results row may give (an input's identifier, as results.c reads it). */
void sql_emit_formula_facts(SqlOut *o)
{
    if (!sql_formula_any(o->plan))
        return;
    prt_buf_printf(o->b, "-- The inputs formulas use: data items that are not indicators, named in the results by identifier.\n"
                         "CREATE TABLE plan_inputs (input_ix %s, name %s);\n",
                   sql_type_int(o->d), sql_type_text(o->d));
    sql_rows_start(o, "INSERT INTO plan_inputs (input_ix, name) VALUES");
    for (int k = 0; k < o->plan->ninputs; k++) {
        sql_row_begin(o);
        sql_val_int(o, k, true);
        sql_val_text(o, o->plan->inputs[k].id, false);
        prt_buf_putc(o->b, ')');
    }
    sql_rows_end(o);
    prt_buf_puts(o->b, "\n");
}

/* Each derived indicator's level: 1 + the highest level among the derived indicators its formula
 * reads (0: not derived).  A formula at level k is evaluated in the k-th nested query, where every
 * value it reads is already there.  The walk keeps its own stack, so a long chain cannot overflow
 * C's (the refusal pass bounds the chain, emit_sql_refuse.c); the checker has refused cycles (E031). */
static int *formula_levels(const prt_plan *plan, int *max_level)
{
    int n = plan->nindicators;
    int *level = prt_xcalloc((size_t)n + 1, sizeof *level);
    int *stack = prt_xmalloc(((size_t)n + 1) * sizeof *stack);
    int *next = prt_xcalloc((size_t)n + 1, sizeof *next);   /* the next op of each indicator's formula to look at */
    *max_level = 0;
    for (int root = 0; root < n; root++) {
        if (plan->indicators[root].nformula == 0 || level[root])
            continue;
        int depth = 0;
        stack[depth++] = root;
        level[root] = -1;   /* under way */
        while (depth) {
            int t = stack[depth - 1];
            const prt_indicator *in = &plan->indicators[t];
            if (next[t] < in->nformula) {
                const prt_op *op = &in->formula[next[t]++];
                int d = op->index;
                if (op->op == PRT_OP_INDICATOR && d >= 0 && d < n && plan->indicators[d].nformula > 0 && level[d] == 0) {
                    level[d] = -1;
                    stack[depth++] = d;
                }
                continue;
            }
            int high = 0;
            for (int k = 0; k < in->nformula; k++) {
                const prt_op *op = &in->formula[k];
                if (op->op == PRT_OP_INDICATOR && op->index >= 0 && op->index < n && level[op->index] > high)
                    high = level[op->index];
            }
            level[t] = high + 1;
            if (level[t] > *max_level)
                *max_level = level[t];
            depth--;
        }
    }
    free(stack);
    free(next);
    return level;
}

/* How a formula's SQL is parenthesised, shared by the writer (RPN) and the refusal (the syntax tree)
 * so that both count the same nesting: an operand's precedence (SQL_PREC_*), and whether each side
 * of an operator needs parentheses.  The right side of + - * / keeps them at the same precedence, so
 * the engine adds in the runtime's order (floating-point addition is not associative); unary minus
 * takes an operand in parentheses unless it is a name or number (never "--", a comment). */
void sql_formula_parens(prt_opcode op, int lprec, int rprec, bool *left, bool *right)
{
    int mine = op == PRT_OP_ADD || op == PRT_OP_SUB ? SQL_PREC_ADD : SQL_PREC_MUL;
    *left = op != PRT_OP_NEG && lprec < mine;
    *right = op == PRT_OP_NEG ? rprec < SQL_PREC_ATOM : op != PRT_OP_DIV && rprec <= mine;
}

int sql_formula_prec(prt_opcode op)
{
    return op == PRT_OP_ADD || op == PRT_OP_SUB ? SQL_PREC_ADD : op == PRT_OP_NEG ? SQL_PREC_NEG
           : op == PRT_OP_MUL || op == PRT_OP_DIV ? SQL_PREC_MUL : SQL_PREC_ATOM;
}

typedef struct Operand {
    prt_buf text;
    int prec;
} Operand;

static void put_side(prt_buf *b, const Operand *x, bool paren)
{
    prt_buf_printf(b, paren ? "(%s)" : "%s", prt_buf_str(&x->text));
}

/* The formula's reverse Polish code as one SQL expression over formula_operands' columns (x.e<IX> an
 * indicator's value, x.in<K> an input's).  A missing operand is NULL, and NULL goes through every
 * operator, as prt_formula_eval stops at one; division by zero is NULL (NULLIF), as the runtime's
 * "divides by zero".  Malformed code (never from planc) is NULL. */
static void formula_expr(prt_buf *out, SqlDialect d, const prt_indicator *in)
{
    Operand stack[PRT_MAX_FORMULA_DEPTH] = {{{0}, 0}};
    int sp = 0;
    bool malformed = false;
    for (int k = 0; k < in->nformula && !malformed; k++) {
        const prt_op *op = &in->formula[k];
        bool unary = op->op == PRT_OP_NEG, binary = op->op >= PRT_OP_ADD && op->op <= PRT_OP_DIV;
        if (!unary && !binary) {
            if (sp == PRT_MAX_FORMULA_DEPTH) {
                malformed = true;
                break;
            }
            Operand *x = &stack[sp++];
            prt_buf_clear(&x->text);
            x->prec = SQL_PREC_ATOM;
            if (op->op == PRT_OP_NUM)
                sql_number(&x->text, d, op->num);
            else
                prt_buf_printf(&x->text, "x.%s%d", op->op == PRT_OP_INDICATOR ? "e" : "in", op->index);
            continue;
        }
        if (sp < (unary ? 1 : 2)) {
            malformed = true;
            break;
        }
        Operand *l = unary ? NULL : &stack[sp - 2], *r = &stack[sp - 1];
        bool pl, pr;
        sql_formula_parens(op->op, l ? l->prec : SQL_PREC_ATOM, r->prec, &pl, &pr);
        prt_buf t = {0};
        if (unary)
            prt_buf_puts(&t, "-");
        else {
            put_side(&t, l, pl);
            prt_buf_puts(&t, op->op == PRT_OP_ADD ? " + " : op->op == PRT_OP_SUB ? " - " : op->op == PRT_OP_MUL ? " * " : " / NULLIF(");
        }
        put_side(&t, r, pr);
        if (op->op == PRT_OP_DIV)
            prt_buf_puts(&t, ", 0)");
        sp -= unary ? 0 : 1;
        prt_buf_free(&stack[sp - 1].text);
        stack[sp - 1] = (Operand){t, sql_formula_prec(op->op)};
    }
    if (malformed || sp != 1)
        prt_buf_printf(out, "CAST(NULL AS %s)", sql_type_real(d));
    else
        prt_buf_puts(out, prt_buf_str(&stack[0].text));
    for (int k = 0; k < PRT_MAX_FORMULA_DEPTH; k++)
        prt_buf_free(&stack[k].text);
}

/* Each indicator's result for each report period, for the rated period rating_inputs chooses (the
 * result period, or under arrears the report's own when the result is carried there); no result: NULL. */
static void formula_found(SqlOut *o)
{
    prt_buf_puts(o->b,
        "\n-- Each indicator's own result for each report period (the period rated as rating_inputs chooses it).\n"
        "CREATE VIEW formula_found AS\n"
        "SELECT p.ix, p.report_period, f.status, f.value, f.lower, f.upper, f.override, f.reason, f.comment\n"
        "FROM report_targets p\n"
        "LEFT JOIN results_for_period f ON f.ix = p.ix AND f.period = p.period;\n");
    prt_buf_puts(o->b, "\n-- Each input's value for a period, read as a result's value is (NULL when not a number).\n"
                       "CREATE VIEW formula_inputs AS\nSELECT n.input_ix, trim(r.period) AS period,\n  ");
    sql_to_number(o->b, o->d, "replace(replace(replace(trim(r.value), '\xc2\xa3', ''), ',', ''), '%', '')");
    prt_buf_puts(o->b, " AS value\nFROM results r JOIN plan_inputs n ON n.name = trim(r.ref);\n");
}

/* One row per report period with every value a formula reads: e<IX> the value of an indicator a
 * formula reads (status 'value'), in<K> an input's; for a derived indicator, own<IX> whether it has a
 * result of its own (any status: then the formula is not used) and v<IX> that value. */
static void formula_operands(SqlOut *o, const bool *read, const bool *used_input)
{
    const prt_plan *plan = o->plan;
    prt_buf_puts(o->b, "\n-- The values formulas read, one row per report period.\nCREATE VIEW formula_operands AS\nSELECT f.report_period");
    for (int i = 0; i < plan->nindicators; i++) {
        bool derived = plan->indicators[i].nformula > 0;
        if (derived)
            prt_buf_printf(o->b, ",\n  MAX(CASE WHEN f.ix = %d AND f.status IS NOT NULL THEN 1 ELSE 0 END) AS own%d", i, i);
        if (derived || read[i])
            prt_buf_printf(o->b, ",\n  MAX(CASE WHEN f.ix = %d AND f.status = 'value' THEN f.value END) AS %s%d", i,
                           derived ? "v" : "e", i);
    }
    for (int k = 0; k < plan->ninputs; k++)
        if (used_input[k])
            prt_buf_printf(o->b, ",\n  (SELECT MAX(n.value) FROM formula_inputs n WHERE n.input_ix = %d AND n.period = f.report_period)"
                                 " AS in%d", k, k);
    prt_buf_puts(o->b, "\nFROM formula_found f GROUP BY f.report_period;\n");
}

/* The derived values, a view per level (formula_levels): formula_level_<K> adds e<IX> for each derived
 * indicator at level K, its own result when it has one, else its formula's value (NULL when the
 * formula cannot be computed).  Views, not nested queries: SQLite's parser bounds how deeply one
 * statement nests. */
static void formula_values(SqlOut *o, const int *level, int max_level)
{
    const prt_plan *plan = o->plan;
    for (int k = 1; k <= max_level; k++) {
        prt_buf_printf(o->b, "\n-- Level %d of the derived values: its own result, else the formula's (NULL: an operand\n"
                             "-- missing, or a division by zero).\nCREATE VIEW formula_level_%d AS\nSELECT x.*", k, k);
        for (int i = 0; i < plan->nindicators; i++)
            if (level[i] == k) {
                prt_buf_printf(o->b, ",\n  CASE WHEN x.own%d = 1 THEN x.v%d ELSE ", i, i);
                formula_expr(o->b, o->d, &plan->indicators[i]);
                prt_buf_printf(o->b, " END AS e%d", i);
            }
        if (k == 1)
            prt_buf_puts(o->b, "\nFROM formula_operands x;\n");
        else
            prt_buf_printf(o->b, "\nFROM formula_level_%d x;\n", k - 1);
    }
    prt_buf_printf(o->b, "\n-- Every derived indicator's value per report period.\nCREATE VIEW formula_values AS\n"
                         "SELECT * FROM formula_level_%d;\n", max_level);
}

void sql_drop_formula_levels(prt_buf *b, SqlDialect d)
{
    char name[32];
    for (int k = SQL_MAX_FORMULA_CHAIN; k >= 1; k--) {
        snprintf(name, sizeof name, "formula_level_%d", k);
        sql_drop_view(b, d, name);
    }
}

/* Every indicator's result per report period, a derived one's from its formula when it has none of
 * its own: 'Not available' when the formula cannot be computed (rate.c's derive()). */
static void formula_results(SqlOut *o)
{
    const prt_plan *plan = o->plan;
    prt_buf_puts(o->b, "\n-- The result each rating takes, derived indicators' included (rating_inputs reads it).\n"
                       "CREATE VIEW formula_results AS\nSELECT f.ix, f.report_period,\n  CASE WHEN f.status IS NOT NULL THEN f.status");
    for (int i = 0; i < plan->nindicators; i++)
        if (plan->indicators[i].nformula > 0)
            prt_buf_printf(o->b, "\n    WHEN f.ix = %d THEN CASE WHEN v.e%d IS NULL THEN 'Not available' ELSE 'value' END", i, i);
    prt_buf_puts(o->b, " END AS status,\n  CASE WHEN f.status IS NOT NULL THEN f.value");
    for (int i = 0; i < plan->nindicators; i++)
        if (plan->indicators[i].nformula > 0)
            prt_buf_printf(o->b, " WHEN f.ix = %d THEN v.e%d", i, i);
    prt_buf_puts(o->b, " END AS value,\n  f.lower, f.upper, f.override, f.reason, f.comment\n"
                       "FROM formula_found f JOIN formula_values v ON v.report_period = f.report_period;\n");
}

void sql_emit_formula_views(SqlOut *o)
{
    const prt_plan *plan = o->plan;
    if (!sql_formula_any(plan))
        return;
    bool *read = prt_xcalloc((size_t)plan->nindicators + 1, sizeof *read);
    bool *used_input = prt_xcalloc((size_t)plan->ninputs + 1, sizeof *used_input);
    for (int i = 0; i < plan->nindicators; i++)
        for (int k = 0; k < plan->indicators[i].nformula; k++) {
            const prt_op *op = &plan->indicators[i].formula[k];
            if (op->op == PRT_OP_INDICATOR && op->index >= 0 && op->index < plan->nindicators)
                read[op->index] = true;
            else if (op->op == PRT_OP_INPUT && op->index >= 0 && op->index < plan->ninputs)
                used_input[op->index] = true;
        }
    int max_level;
    int *level = formula_levels(plan, &max_level);
    formula_found(o);
    formula_operands(o, read, used_input);
    formula_values(o, level, max_level);
    formula_results(o);
    free(level);
    free(read);
    free(used_input);
}

void sql_formula_result_join(SqlOut *o)
{
    if (sql_formula_any(o->plan))
        prt_buf_puts(o->b, "LEFT JOIN formula_results f ON f.ix = q.ix AND f.report_period = q.report_period\n");
    else
        prt_buf_puts(o->b, "LEFT JOIN results_for_period f ON f.ix = q.ix AND f.period = q.period\n");
}

/* ---- the refusal of chains too long for one query ---- */

/* The derived indicators e's formula reads. */
static void derived_refs(const Plan *plan, const Expr *e, PtrVec *out, Arena *scratch)
{
    if (!e)
        return;
    if (e->kind == EXPR_NAME) {
        Entity *t = e->name.is_ref ? (Entity *)plan_lookup_ref(plan, e->name.name) : plan_lookup(plan, e->name.name);
        if (t && t->kind == ENT_INDICATOR && ((Indicator *)t)->formula)
            vec_push(scratch, out, t);
        return;
    }
    derived_refs(plan, e->lhs, out, scratch);
    derived_refs(plan, e->rhs, out, scratch);
}

typedef struct ChainFrame {
    Indicator *in;
    PtrVec deps;
    size_t next;
    uintptr_t high;   /* the highest level among the deps seen */
} ChainFrame;

/* Each derived indicator's level, as formula_levels() counts it, by a walk with its own stack; the
 * one at SQL_MAX_FORMULA_CHAIN + 1 on a chain is refused.  The checker has refused cycles (E031). */
unsigned sql_refuse_formula_chains(const Plan *plan, Diag *diag)
{
    Symtab level = {0};   /* Indicator * (as key) -> its level, UINTPTR_MAX while under way */
    Arena scratch;
    arena_init(&scratch);
    size_t cap = 16, depth;
    ChainFrame *stack = prt_xmalloc(cap * sizeof *stack);
    unsigned n = 0;
    for (uint32_t i = 0; i < plan->indicators.n; i++) {
        Indicator *root = VEC_AT(plan->indicators, Indicator, i);
        if (!root->formula || symtab_get(&level, (const char *)root))
            continue;
        depth = 0;
        stack[depth++] = (ChainFrame){root, {0}, 0, 0};
        symtab_put(&level, (const char *)root, (void *)UINTPTR_MAX);
        derived_refs(plan, root->formula, &stack[0].deps, &scratch);
        while (depth) {
            ChainFrame *f = &stack[depth - 1];
            if (f->next == f->deps.n) {
                uintptr_t mine = f->high + 1;
                symtab_set(&level, (const char *)f->in, (void *)mine);
                if (mine == SQL_MAX_FORMULA_CHAIN + 1) {
                    diag_error(diag, f->in->formula_loc, "E090",
                               "the SQL back end does not compile a chain of more than %d formulas over formulas yet; "
                               "rate this plan with planc eval or the C back end", SQL_MAX_FORMULA_CHAIN);
                    n++;
                }
                if (--depth)
                    stack[depth - 1].high = mine > stack[depth - 1].high ? mine : stack[depth - 1].high;
                continue;
            }
            Indicator *d = f->deps.items[f->next++];
            uintptr_t known = (uintptr_t)symtab_get(&level, (const char *)d);
            if (known == UINTPTR_MAX)   /* a cycle: never in a plan that checks clean */
                continue;
            if (known) {
                f->high = known > f->high ? known : f->high;
                continue;
            }
            if (depth == cap) {
                cap *= 2;
                stack = prt_xrealloc(stack, cap * sizeof *stack);
            }
            stack[depth] = (ChainFrame){d, {0}, 0, 0};
            derived_refs(plan, d->formula, &stack[depth].deps, &scratch);
            symtab_put(&level, (const char *)d, (void *)UINTPTR_MAX);
            depth++;
        }
    }
    free(stack);
    symtab_free(&level);
    arena_free(&scratch);
    return n;
}

/* ---- the refusal of formulas nested too deeply for the engines' parsers ---- */

typedef struct Nesting {
    int prec, parens, depth;   /* the SQL's precedence, its parentheses' nesting, the syntax tree's depth */
} Nesting;

/* e's nesting as formula_expr writes it (sql_formula_parens); a division's right side is inside
 * NULLIF( ), one level more. */
static Nesting expr_nesting(const Expr *e)
{
    if (e->kind == EXPR_NUM || e->kind == EXPR_NAME || !e->lhs)
        return (Nesting){SQL_PREC_ATOM, 0, 1};
    prt_opcode op = e->kind == EXPR_NEG ? PRT_OP_NEG : e->kind == EXPR_ADD ? PRT_OP_ADD : e->kind == EXPR_SUB ? PRT_OP_SUB
                    : e->kind == EXPR_MUL ? PRT_OP_MUL : PRT_OP_DIV;
    Nesting r = expr_nesting(e->kind == EXPR_NEG ? e->lhs : e->rhs);
    Nesting l = e->kind == EXPR_NEG ? (Nesting){SQL_PREC_ATOM, 0, 0} : expr_nesting(e->lhs);
    bool pl, pr;
    sql_formula_parens(op, l.prec, r.prec, &pl, &pr);
    int lp = l.parens + pl, rp = r.parens + pr + (op == PRT_OP_DIV);
    return (Nesting){sql_formula_prec(op), lp > rp ? lp : rp, 1 + (l.depth > r.depth ? l.depth : r.depth)};
}

unsigned sql_refuse_formula_nesting(const Plan *plan, Diag *diag)
{
    unsigned n = 0;
    for (uint32_t i = 0; i < plan->indicators.n; i++) {
        const Indicator *in = VEC_AT(plan->indicators, Indicator, i);
        if (!in->formula)
            continue;
        Nesting x = expr_nesting(in->formula);
        if (x.parens > SQL_MAX_FORMULA_PARENS || x.depth > SQL_MAX_FORMULA_TREE) {
            diag_error(diag, in->formula_loc, "E090",
                       "the SQL back end does not compile a formula nested this deeply yet (%d levels of parentheses "
                       "in SQL, at most %d; %d operators deep, at most %d); rate this plan with planc eval or the C back end",
                       x.parens, SQL_MAX_FORMULA_PARENS, x.depth, SQL_MAX_FORMULA_TREE);
            n++;
        }
    }
    return n;
}
