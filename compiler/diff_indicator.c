/* planc diff, the indicators' part: indicators added and retired, matched by identifier (by printed
 * reference only for one that has no identifier), and for each of both plans every row of
 * DIFF_Indicator in diff_props.h, old -> new as the plan wrote it; its targets, amendments, revisions,
 * benchmark values and results matched by period (and benchmark), each added, removed or changed. */
#include "diff.h"
#include "diff_props.h"
#include "hash.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

#define IND(x) ((const Indicator *)(x))
#define ROWS(t) t, sizeof t / sizeof t[0]

static const char *pooled(Cmp *c, prt_buf *b)
{
    const char *t = prt_pool_add(&c->o->text, prt_buf_str(b), b->len);
    prt_buf_free(b);
    return t;
}

/* ---- matching ---- */

/* The indicator of the plan lp that `like` (of the other plan) is: the one with its identifier; failing
 * that, the one with its printed reference, unless both have identifiers (then they are two). */
static const Indicator *find_indicator(const LoadedPlan *lp, const Indicator *like)
{
    Plan *p = (Plan *)&lp->plan;
    if (like->e.id.name) {
        const Entity *e = plan_lookup(p, diff_key_in(p, like->e.id.name));
        if (e && e->kind == ENT_INDICATOR)
            return (const Indicator *)e;
    }
    if (!like->ref)
        return NULL;
    const Indicator *in = plan_lookup_ref(p, diff_key_in(p, like->ref));
    return in && (!in->e.id.name || !like->e.id.name) ? in : NULL;
}

/* How a line names an indicator: its reference, or its identifier when it has none or the reference
 * changed (then the line of the reference says both). */
static const char *key_of(const Indicator *x, const Indicator *y)
{
    if (y->ref && (!x || (x->ref && strcmp(x->ref, y->ref) == 0)))
        return y->ref;
    return y->e.id.name ? y->e.id.name : y->ref;
}

/* ---- texts of the rows ---- */

static const char *text_Indicator_ref(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_quoted(c->o, IND(x)->ref);
}

static const char *text_Indicator_kind(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)c, (void)lp;
    const char *w = indicator_kind_words[IND(x)->kind];
    return w ? w : "none";
}

static const char *text_Indicator_measures(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_names(c, IND(x)->measures);
}

static const char *text_Indicator_polarity(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)c, (void)lp;
    return prt_polarity_diff_texts[IND(x)->polarity];
}

static const char *text_Indicator_direction(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)c, (void)lp;
    return prt_polarity_diff_texts[IND(x)->direction];
}

static const char *text_Indicator_unit(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_unit_text(c, &IND(x)->unit);
}

static const char *text_Indicator_decimals(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return IND(x)->decimals >= 0 ? diff_number(c, IND(x)->decimals) : "not given";
}

static const char *text_Indicator_frequency(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)c, (void)lp;
    const char *w = prt_frequency_words[IND(x)->frequency];
    return w ? w : "none";
}

static const char *text_Indicator_accumulates(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)c, (void)lp;
    return prt_accumulation_words[IND(x)->accumulates];
}

static const char *text_Indicator_arrears(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_number(c, IND(x)->arrears);
}

static const char *text_Indicator_source(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_quoted(c->o, IND(x)->source);
}

static const char *text_Indicator_owner(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_quoted(c->o, IND(x)->owner);
}

static const char *text_Indicator_committee(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_quoted(c->o, IND(x)->committee);
}

static const char *text_Indicator_description(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_quoted(c->o, IND(x)->description);
}

/* The scheme that rates it: its own `rating`, else the plan's (so a change of the plan's default shows
 * on each indicator it moves). */
static const char *text_Indicator_rating(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return IND(x)->scheme ? diff_esc(c->o, IND(x)->scheme->e.id.name) : "none";
}

static const char *text_Indicator_jump(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return IND(x)->jump > 0 ? diff_number(c, IND(x)->jump) : "the plan's";
}

/* As written, with its unit: "2 pts", "5%", "5% of target" (tolerance_of_target is part of it). */
static const char *text_Indicator_tolerance(Cmp *c, const LoadedPlan *lp, const void *x)
{
    const char *v = diff_value_text(c, lp, IND(x)->tolerance);
    if (!IND(x)->tolerance_of_target)
        return v;
    prt_buf b = {0};
    prt_buf_printf(&b, "%s of target", v);
    return pooled(c, &b);
}

static const char *text_Indicator_baseline(Cmp *c, const LoadedPlan *lp, const void *x)
{
    return diff_value_text(c, lp, &IND(x)->baseline);
}

static const char *text_Indicator_baseline_period(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_period(c, &IND(x)->baseline_period);
}

/* A formula with each inner operation in parentheses: "kg / (population + 1)". */
static void put_expr(prt_buf *b, const Expr *e, bool inner)
{
    static const char ops[] = {[EXPR_ADD] = '+', [EXPR_SUB] = '-', [EXPR_MUL] = '*', [EXPR_DIV] = '/'};
    switch (e->kind) {
    case EXPR_NUM: prt_buf_printf(b, "%g", e->num); return;
    case EXPR_NAME: prt_buf_printf(b, e->name.is_ref ? "\"%s\"" : "%s", e->name.name); return;
    case EXPR_NEG:
        prt_buf_puts(b, "-");
        put_expr(b, e->lhs, true);
        return;
    default:
        prt_buf_puts(b, inner ? "(" : "");
        put_expr(b, e->lhs, true);
        prt_buf_printf(b, " %c ", ops[e->kind]);
        put_expr(b, e->rhs, true);
        prt_buf_puts(b, inner ? ")" : "");
    }
}

static const char *text_Indicator_formula(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    if (!IND(x)->formula)
        return "none";
    prt_buf b = {0};
    put_expr(&b, IND(x)->formula, false);
    const char *t = diff_esc(c->o, prt_buf_str(&b));
    prt_buf_free(&b);
    return t;
}

/* ---- the lists: items matched by a key ---- */

/* One kind of item: what a line calls it, its key ("for 2020/21"), its text when added or removed,
 * and its rows. */
typedef struct ItemKind {
    const char *what;
    const char *(*key)(Cmp *c, const void *item);
    const char *(*summary)(Cmp *c, const LoadedPlan *lp, const void *item);
    const Prop *props;
    size_t nprops;
} ItemKind;

/* A list's keys by text, so that matching two lists is linear in their length (an indicator with
 * thousands of targets is hostile input, not a reason to compare every pair). */
typedef struct KeyIndex {
    const char *const *keys;
    size_t *slots;              /* index + 1 into keys; 0 empty */
    size_t mask;
} KeyIndex;

static size_t *key_slot(const KeyIndex *ix, const char *key)
{
    size_t i = prt_hash_bytes(key, strlen(key)) & ix->mask;
    while (ix->slots[i] && strcmp(ix->keys[ix->slots[i] - 1], key) != 0)
        i = (i + 1) & ix->mask;
    return &ix->slots[i];
}

/* Indexes keys[0..n): a key given twice keeps its first place. */
static void key_index_build(KeyIndex *ix, const char *const *keys, size_t n)
{
    size_t cap = 8;
    while (cap < 2 * n)
        cap *= 2;
    ix->keys = keys;
    ix->slots = xcalloc(cap, sizeof *ix->slots);
    ix->mask = cap - 1;
    for (size_t i = 0; i < n; i++) {
        size_t *slot = key_slot(ix, keys[i]);
        if (!*slot)
            *slot = i + 1;
    }
}

static long key_index_find(const KeyIndex *ix, const char *key)
{
    size_t at = *key_slot(ix, key);
    return at ? (long)at - 1 : -1;
}

/* The keys of a list's items, with "#2" after a key's second use (two amendments of one period). */
static const char **item_keys(Cmp *c, const ItemKind *k, const PtrVec *v)
{
    const char **keys = xcalloc(v->n ? v->n : 1, sizeof *keys);
    unsigned *uses = xcalloc(v->n ? v->n : 1, sizeof *uses);   /* by the first item of each key */
    for (size_t i = 0; i < v->n; i++)
        keys[i] = k->key(c, v->items[i]);
    KeyIndex plain;
    key_index_build(&plain, keys, v->n);
    for (size_t i = 0; i < v->n; i++) {
        /* looked up before any key is renamed: the index compares the plain keys it was built on */
        size_t first = (size_t)key_index_find(&plain, keys[i]);
        if (++uses[first] > 1) {
            prt_buf b = {0};
            prt_buf_printf(&b, "%s #%u", keys[i], uses[first]);
            keys[i] = pooled(c, &b);
        }
    }
    free(plain.slots);
    free(uses);
    return keys;
}

static void diff_items(Cmp *c, const char *key, const ItemKind *k, const PtrVec *x, const PtrVec *y)
{
    Out *o = c->o;
    const char **kx = item_keys(c, k, x), **ky = item_keys(c, k, y);
    KeyIndex ix, iy;
    key_index_build(&ix, kx, x->n);
    key_index_build(&iy, ky, y->n);
    for (size_t i = 0; i < y->n; i++) {
        long j = key_index_find(&ix, ky[i]);
        prt_buf b = {0};
        prt_buf_printf(&b, "%s %s %s", key, k->what, ky[i]);
        const char *ikey = pooled(c, &b);
        if (j < 0)
            diff_line(o, "%s added: %s", ikey, k->summary(c, c->b, y->items[i]));
        else
            diff_props(c, ikey, k->props, k->nprops, x->items[j], y->items[i]);
    }
    for (size_t i = 0; i < x->n; i++)
        if (key_index_find(&iy, kx[i]) < 0)
            diff_line(o, "%s %s %s removed (was %s)", key, k->what, kx[i], k->summary(c, c->a, x->items[i]));
    free(ix.slots);
    free(iy.slots);
    free(kx);
    free(ky);
}

static const char *key_period(Cmp *c, const char *fmt, const PeriodLit *p)
{
    prt_buf b = {0};
    prt_buf_printf(&b, fmt, diff_period(c, p));
    return pooled(c, &b);
}

/* A target or an amended target as the plan wrote it: "85%", ">= 20000", "monitor", "benchmark england". */
static const char *spec_text(Cmp *c, const LoadedPlan *lp, const TargetSpec *s)
{
    switch (s->kind) {
    case PRT_TARGET_MONITOR:
    case PRT_TARGET_MAINTAIN: return prt_target_kind_words[s->kind];
    case PRT_TARGET_BENCHMARK: {
        prt_buf b = {0};
        prt_buf_printf(&b, "%s %s", prt_target_kind_words[s->kind], diff_esc(c->o, s->bench.name));
        return pooled(c, &b);
    }
    default: {
        prt_buf b = {0};
        if (s->kind == PRT_TARGET_THRESHOLD)   /* "<=": Markdown escapes it */
            prt_buf_printf(&b, "%s ", diff_esc(c->o, prt_cmp_words[s->op]));
        prt_buf_puts(&b, diff_value_text(c, lp, &s->value));
        return pooled(c, &b);
    }
    }
}

/* ` within 1 pts "note"`: what follows a value in a summary, as the plan writes it. */
static void put_within_note(Cmp *c, prt_buf *b, const LoadedPlan *lp, const Value *within, const char *note)
{
    if (within)
        prt_buf_printf(b, " within %s", diff_value_text(c, lp, within));
    if (note)
        prt_buf_printf(b, " %s", diff_quoted(c->o, note));
}

/* targets */
#define TARGET(x) ((const Target *)(x))
static const char *text_Target_spec(Cmp *c, const LoadedPlan *lp, const void *x) { return spec_text(c, lp, &TARGET(x)->spec); }
static const char *text_Target_tolerance(Cmp *c, const LoadedPlan *lp, const void *x)
{
    return diff_value_text(c, lp, TARGET(x)->tolerance);
}
static const char *text_Target_note(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_quoted(c->o, TARGET(x)->note);
}
static const char *text_Target_within_interval(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)c, (void)lp;
    return TARGET(x)->within_interval ? "yes" : "no";
}
static const char *text_Target_reason(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_quoted(c->o, TARGET(x)->reason);
}
static const char *target_key(Cmp *c, const void *x) { return key_period(c, "for %s", &TARGET(x)->period); }
static const char *target_summary(Cmp *c, const LoadedPlan *lp, const void *x)
{
    prt_buf b = {0};
    prt_buf_puts(&b, spec_text(c, lp, &TARGET(x)->spec));
    put_within_note(c, &b, lp, TARGET(x)->tolerance, TARGET(x)->note);
    return pooled(c, &b);
}
DIFF_PROP_TABLE(Target, target_props);
static const ItemKind target_kind = {"target", target_key, target_summary, ROWS(target_props)};

/* amendments */
#define AMEND(x) ((const Amendment *)(x))
static const char *text_Amendment_to(Cmp *c, const LoadedPlan *lp, const void *x) { return spec_text(c, lp, &AMEND(x)->to); }
static const char *text_Amendment_from(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_period(c, &AMEND(x)->from);
}
static const char *text_Amendment_reason(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_quoted(c->o, AMEND(x)->reason);
}
static const char *amendment_key(Cmp *c, const void *x) { return key_period(c, "of %s", &AMEND(x)->period); }
static const char *amendment_summary(Cmp *c, const LoadedPlan *lp, const void *x)
{
    prt_buf b = {0};
    prt_buf_printf(&b, "to %s from %s because %s", spec_text(c, lp, &AMEND(x)->to), diff_period(c, &AMEND(x)->from),
                   diff_quoted(c->o, AMEND(x)->reason));
    return pooled(c, &b);
}
DIFF_PROP_TABLE(Amendment, amendment_props);
static const ItemKind amendment_kind = {"amendment", amendment_key, amendment_summary, ROWS(amendment_props)};

/* revisions */
#define REVISION(x) ((const Revision *)(x))
static const char *text_Revision_reason(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_quoted(c->o, REVISION(x)->reason);
}
static const char *revision_key(Cmp *c, const void *x) { return key_period(c, "in %s", &REVISION(x)->period); }
static const char *revision_summary(Cmp *c, const LoadedPlan *lp, const void *x)
{
    prt_buf b = {0};
    prt_buf_printf(&b, "because %s", text_Revision_reason(c, lp, x));
    return pooled(c, &b);
}
DIFF_PROP_TABLE(Revision, revision_props);
static const ItemKind revision_kind = {"revision", revision_key, revision_summary, ROWS(revision_props)};

/* benchmark values */
#define BENCH(x) ((const BenchValue *)(x))
static const char *text_BenchValue_value(Cmp *c, const LoadedPlan *lp, const void *x)
{
    return diff_value_text(c, lp, &BENCH(x)->value);
}
static const char *text_BenchValue_note(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_quoted(c->o, BENCH(x)->note);
}
static const char *bench_key(Cmp *c, const void *x)
{
    prt_buf b = {0};
    prt_buf_printf(&b, "%s for %s", diff_ident(c, BENCH(x)->bench.name), diff_period(c, &BENCH(x)->period));
    return pooled(c, &b);
}
static const char *bench_summary(Cmp *c, const LoadedPlan *lp, const void *x)
{
    prt_buf b = {0};
    prt_buf_puts(&b, diff_value_text(c, lp, &BENCH(x)->value));
    put_within_note(c, &b, lp, NULL, BENCH(x)->note);
    return pooled(c, &b);
}
DIFF_PROP_TABLE(BenchValue, bench_props);
static const ItemKind bench_kind = {"benchmark", bench_key, bench_summary, ROWS(bench_props)};

/* expected values (issue 21) */
#define EXPECT(x) ((const Expect *)(x))
static const char *text_Expect_value(Cmp *c, const LoadedPlan *lp, const void *x)
{
    return diff_value_text(c, lp, &EXPECT(x)->value);
}
static const char *text_Expect_note(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_quoted(c->o, EXPECT(x)->note);
}
static const char *expect_key(Cmp *c, const void *x) { return key_period(c, "in %s", &EXPECT(x)->period); }
static const char *expect_summary(Cmp *c, const LoadedPlan *lp, const void *x)
{
    prt_buf b = {0};
    prt_buf_puts(&b, diff_value_text(c, lp, &EXPECT(x)->value));
    put_within_note(c, &b, lp, NULL, EXPECT(x)->note);
    return pooled(c, &b);
}
DIFF_PROP_TABLE(Expect, expect_props);
static const ItemKind expect_kind = {"expected value", expect_key, expect_summary, ROWS(expect_props)};

/* results */
#define RESULT(x) ((const ResultRec *)(x))
static const char *text_ResultRec_status(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)c, (void)lp;
    prt_result_status s = RESULT(x)->status;
    return s == PRT_RESULT_VALUE ? "value" : prt_result_status_words[s] ? prt_result_status_words[s] : "none";
}
static const char *text_ResultRec_value(Cmp *c, const LoadedPlan *lp, const void *x)
{
    return diff_value_text(c, lp, &RESULT(x)->value);
}
static const char *text_ResultRec_rated(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_ident(c, RESULT(x)->rated.name);
}
static const char *text_ResultRec_original(Cmp *c, const LoadedPlan *lp, const void *x)
{
    return diff_value_text(c, lp, &RESULT(x)->original);
}
static const char *text_ResultRec_lower(Cmp *c, const LoadedPlan *lp, const void *x)
{
    return diff_value_text(c, lp, &RESULT(x)->lower);
}
static const char *text_ResultRec_upper(Cmp *c, const LoadedPlan *lp, const void *x)
{
    return diff_value_text(c, lp, &RESULT(x)->upper);
}
static const char *text_ResultRec_reason(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_quoted(c->o, RESULT(x)->reason);
}
static const char *text_ResultRec_note(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_quoted(c->o, RESULT(x)->note);
}
static const char *result_key(Cmp *c, const void *x) { return key_period(c, "for %s", &RESULT(x)->period); }
/* "78% rated amber", "79% restated from 77% because \"late returns\"", "not_available \"no survey\"". */
static const char *result_summary(Cmp *c, const LoadedPlan *lp, const void *x)
{
    const ResultRec *r = x;
    prt_buf b = {0};
    prt_buf_puts(&b, r->status == PRT_RESULT_VALUE ? text_ResultRec_value(c, lp, x) : text_ResultRec_status(c, lp, x));
    if (r->rated.name)
        prt_buf_printf(&b, " rated %s", diff_ident(c, r->rated.name));
    if (r->original.present)
        prt_buf_printf(&b, " restated from %s because %s", text_ResultRec_original(c, lp, x), text_ResultRec_reason(c, lp, x));
    put_within_note(c, &b, lp, NULL, r->note);
    return pooled(c, &b);
}
DIFF_PROP_TABLE(ResultRec, result_props);
static const ItemKind result_kind = {"result", result_key, result_summary, ROWS(result_props)};

/* per-indicator band values (issue 21): "threshold amber in 2023/24: 85% -> 87%" */
#define THRESH(x) ((const Threshold *)(x))
static const char *text_Threshold_value(Cmp *c, const LoadedPlan *lp, const void *x)
{
    return diff_value_text(c, lp, &THRESH(x)->value);
}
static const char *text_Threshold_note(Cmp *c, const LoadedPlan *lp, const void *x)
{
    (void)lp;
    return diff_quoted(c->o, THRESH(x)->note);
}
static const char *threshold_key(Cmp *c, const void *x)
{
    prt_buf b = {0};
    prt_buf_puts(&b, diff_ident(c, THRESH(x)->band.name));
    if (THRESH(x)->period.loc.file)
        prt_buf_printf(&b, " in %s", diff_period(c, &THRESH(x)->period));
    return pooled(c, &b);
}
static const char *threshold_summary(Cmp *c, const LoadedPlan *lp, const void *x)
{
    prt_buf b = {0};
    prt_buf_puts(&b, text_Threshold_value(c, lp, x));
    put_within_note(c, &b, lp, NULL, THRESH(x)->note);
    return pooled(c, &b);
}
DIFF_PROP_TABLE(Threshold, threshold_props);
static const ItemKind threshold_kind = {"threshold", threshold_key, threshold_summary, ROWS(threshold_props)};

static void list_Indicator_thresholds(Cmp *c, const char *key, const void *x, const void *y)
{
    diff_items(c, key, &threshold_kind, &IND(x)->thresholds, &IND(y)->thresholds);
}

static void list_Indicator_targets(Cmp *c, const char *key, const void *x, const void *y)
{
    diff_items(c, key, &target_kind, &IND(x)->targets, &IND(y)->targets);
}

static void list_Indicator_amendments(Cmp *c, const char *key, const void *x, const void *y)
{
    diff_items(c, key, &amendment_kind, &IND(x)->amendments, &IND(y)->amendments);
}

static void list_Indicator_revisions(Cmp *c, const char *key, const void *x, const void *y)
{
    diff_items(c, key, &revision_kind, &IND(x)->revisions, &IND(y)->revisions);
}

static void list_Indicator_expects(Cmp *c, const char *key, const void *x, const void *y)
{
    diff_items(c, key, &expect_kind, &IND(x)->expects, &IND(y)->expects);
}

static void list_Indicator_benchmarks(Cmp *c, const char *key, const void *x, const void *y)
{
    diff_items(c, key, &bench_kind, &IND(x)->benchmarks, &IND(y)->benchmarks);
}

static void list_Indicator_results(Cmp *c, const char *key, const void *x, const void *y)
{
    diff_items(c, key, &result_kind, &IND(x)->results, &IND(y)->results);
}

DIFF_PROP_TABLE(Indicator, indicator_props);

/* ---- the indicators of the two plans ---- */

/* How an indicator added or retired is named: its reference (else its identifier), and its identifier
 * too when the other plan has an indicator of that reference (then these are two with one reference). */
static const char *added_key(Cmp *c, const LoadedPlan *other, const Indicator *in)
{
    if (!in->ref)
        return diff_esc(c->o, in->e.id.name);
    Plan *p = (Plan *)&other->plan;
    if (!in->e.id.name || !plan_lookup_ref(p, diff_key_in(p, in->ref)))
        return diff_esc(c->o, in->ref);
    prt_buf b = {0};
    prt_buf_printf(&b, "%s (%s)", in->ref, in->e.id.name);
    const char *t = diff_esc(c->o, prt_buf_str(&b));
    prt_buf_free(&b);
    return t;
}

void list_Plan_indicators(Cmp *c, const char *key, const void *px, const void *py)
{
    (void)key;
    const Plan *a = px, *b = py;
    Out *o = c->o;
    o->section = "Indicators added and retired";
    for (size_t i = 0; i < b->indicators.n; i++) {
        const Indicator *y = b->indicators.items[i];
        if (!find_indicator(c->a, y))
            diff_line(o, "added: %s \"%s\"", added_key(c, c->a, y), diff_esc(o, y->e.name));
    }
    for (size_t i = 0; i < a->indicators.n; i++) {
        const Indicator *x = a->indicators.items[i];
        if (!find_indicator(c->b, x))
            diff_line(o, "retired: %s \"%s\"", added_key(c, c->b, x), diff_esc(o, x->e.name));
    }
    o->section = "Indicators changed";
    for (size_t i = 0; i < b->indicators.n; i++) {
        const Indicator *y = b->indicators.items[i], *x = find_indicator(c->a, y);
        if (!x)
            continue;
        const char *k = diff_esc(o, key_of(x, y));
        diff_entity(c, k, &x->e, &y->e);
        diff_props(c, k, ROWS(indicator_props), x, y);
    }
}
