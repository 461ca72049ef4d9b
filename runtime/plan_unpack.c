/* Expanding packed tables (packed.h) into a plan at a generated evaluator's start-up: the reverse of
 * compiler/emit_c_packed.c, field by field in the same order.  Each kind of array is one block for
 * all indicators (or activities), so the plan costs a handful of allocations whatever its size. */
#include "escape.h"
#include "packed.h"
#include "planrt.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct reader {
    const prt_packed *p;
    size_t piece;                      /* the piece being read */
    const char *at, *end;              /* the next digit of it, and its end */
    bool damaged;                      /* read past the end, or a digit outside the alphabet */
    signed char digit[256];            /* a character's value in PRT_PACK_DIGITS, -1 for none */
} reader;

/* Reading moves to the piece numbered piece; false past the stream's end. */
static bool open_piece(reader *r, size_t piece)
{
    size_t first = piece * PRT_PACK_CHUNK;
    if (first >= r->p->ndata && piece > 0)
        return false;
    size_t n = r->p->ndata - first < PRT_PACK_CHUNK ? r->p->ndata - first : PRT_PACK_CHUNK;
    r->piece = piece;
    r->at = r->p->data[piece];
    r->end = r->at + n;
    return true;
}

/* Digits read so far. */
static size_t digits_read(const reader *r) { return r->piece * PRT_PACK_CHUNK + (size_t)(r->at - r->p->data[r->piece]); }

static uint64_t next_u(reader *r)
{
    uint64_t v = 0;
    for (int shift = 0; shift < 64 && !r->damaged; shift += 5) {
        if (r->at == r->end && !open_piece(r, r->piece + 1)) {
            r->damaged = true;
            break;
        }
        int d = r->digit[(unsigned char)*r->at++];
        if (d < 0) {
            r->damaged = true;
            break;
        }
        v |= (uint64_t)(d & 31) << shift;
        if (d < 32)
            return v;
    }
    r->damaged = true;
    return 0;
}

/* Signed numbers are zigzagged: 0, -1, 1, -2 ... as 0, 1, 2, 3 ... */
static int64_t next_s(reader *r)
{
    uint64_t u = next_u(r);
    return (int64_t)(u >> 1) ^ -(int64_t)(u & 1);
}

static int next_int(reader *r) { return (int)next_s(r); }
static bool next_bool(reader *r) { return next_u(r) != 0; }

static double next_num(reader *r)
{
    static const double pow10[PRT_PACK_MAX_PLACES + 1] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
                                                          1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16};
    uint64_t tag = next_u(r);
    if (tag <= PRT_PACK_MAX_PLACES)
        return (double)next_s(r) / pow10[tag];
    if (tag != PRT_PACK_BITS)
        r->damaged = true;
    uint64_t bits = next_u(r);
    double v;
    memcpy(&v, &bits, sizeof v);
    return v;
}

static const char *next_str(reader *r)
{
    uint64_t ref = next_u(r);
    if (ref == 0)
        return NULL;
    ref--;
    return r->p->strings[ref / PRT_PACK_PIECE] + ref % PRT_PACK_PIECE;
}

static prt_period next_period(reader *r)
{
    prt_period p;
    p.year = next_int(r);
    p.kind = (prt_period_kind)next_u(r);
    p.index = next_int(r);
    return p;
}

static prt_when next_when(reader *r)
{
    prt_when w;
    w.date = next_int(r);
    w.period = next_period(r);
    w.set = next_bool(r);
    return w;
}

/* ---- the arrays: each takes its elements from a block for all, and moves the block on ---- */

/* n elements of a block, or NULL for none; *block moves past them.  A count beyond the block is damage. */
static void *take(reader *r, char **block, size_t *left, int n, size_t size)
{
    if (n <= 0 || (size_t)n > *left) {
        if (n != 0)
            r->damaged = true;
        return NULL;
    }
    void *at = *block;
    *block += (size_t)n * size;
    *left -= (size_t)n;
    return at;
}

typedef struct blocks {                /* what is left of each block */
    char *targets, *amendments, *revisions, *bench, *results, *formula, *thresholds, *expects;
    char *milestones, *statuses, *tallies;
    size_t ntargets, namendments, nrevisions, nbench, nresults, nformula, nthresholds, nexpects;
    size_t nmilestones, nstatuses, ntallies;
    const prt_formula_fn *formulas;
} blocks;

static void target(reader *r, prt_target *t)
{
    t->period = next_period(r);
    t->kind = (prt_target_kind)next_u(r);
    t->op = (prt_cmp)next_u(r);
    t->value = next_num(r);
    t->benchmark = next_int(r);
    t->has_tolerance = next_bool(r);
    t->tolerance = next_num(r);
    t->note = next_str(r);
    t->within_interval = next_bool(r);
    t->reason = next_str(r);
}

static void indicator_fields(reader *r, prt_indicator *in)
{
    in->id = next_str(r);
    in->ref = next_str(r);
    in->name = next_str(r);
    in->kind = next_str(r);
    in->theme = next_int(r);
    in->polarity = (prt_polarity)next_u(r);
    in->direction = (prt_polarity)next_u(r);
    in->unit = (prt_unit_kind)next_u(r);
    in->unit_per = next_num(r);
    in->unit_custom = next_str(r);
    in->decimals = next_int(r);
    in->frequency = (prt_frequency)next_u(r);
    in->accumulates = (prt_accumulation)next_u(r);
    in->arrears = next_int(r);
    in->scheme = next_int(r);
    in->has_tolerance = next_bool(r);
    in->tolerance = next_num(r);
    in->has_baseline = next_bool(r);
    in->baseline = next_num(r);
    in->baseline_period = next_period(r);
    in->owner = next_str(r);
    in->committee = next_str(r);
    in->source = next_str(r);
    in->outcome = next_int(r);
    in->jump = next_num(r);
    in->tolerance_of_target = next_bool(r);
}

static void indicator_targets(reader *r, blocks *b, prt_indicator *in)
{
    prt_target *t = take(r, &b->targets, &b->ntargets, in->ntargets = next_int(r), sizeof *t);
    for (int k = 0; t && k < in->ntargets; k++)
        target(r, &t[k]);
    in->targets = t;
    prt_amendment *a = take(r, &b->amendments, &b->namendments, in->namendments = next_int(r), sizeof *a);
    for (int k = 0; a && k < in->namendments; k++) {
        a[k].period = next_period(r);
        target(r, &a[k].to);
        a[k].from = next_period(r);
        a[k].reason = next_str(r);
    }
    in->amendments = a;
    prt_revision *v = take(r, &b->revisions, &b->nrevisions, in->nrevisions = next_int(r), sizeof *v);
    for (int k = 0; v && k < in->nrevisions; k++) {
        v[k].period = next_period(r);
        v[k].reason = next_str(r);
    }
    in->revisions = v;
}

static void indicator_values(reader *r, blocks *b, prt_indicator *in)
{
    prt_bench_value *bv = take(r, &b->bench, &b->nbench, in->nbench = next_int(r), sizeof *bv);
    for (int k = 0; bv && k < in->nbench; k++) {
        bv[k].benchmark = next_int(r);
        bv[k].period = next_period(r);
        bv[k].value = next_num(r);
        bv[k].note = next_str(r);
    }
    in->bench = bv;
    prt_plan_result *pr = take(r, &b->results, &b->nresults, in->nresults = next_int(r), sizeof *pr);
    for (int k = 0; pr && k < in->nresults; k++) {
        pr[k].period = next_period(r);
        pr[k].status = (prt_result_status)next_u(r);
        pr[k].value = next_num(r);
        pr[k].restated = next_bool(r);
        pr[k].original = next_num(r);
        pr[k].rated = next_str(r);
        pr[k].note = next_str(r);
        pr[k].has_interval = next_bool(r);
        pr[k].lower = next_num(r);
        pr[k].upper = next_num(r);
    }
    in->results = pr;
}

static void indicator_levels(reader *r, blocks *b, prt_indicator *in)
{
    prt_threshold *th = take(r, &b->thresholds, &b->nthresholds, in->nthresholds = next_int(r), sizeof *th);
    for (int k = 0; th && k < in->nthresholds; k++) {
        th[k].band = next_int(r);
        th[k].dated = next_bool(r);
        th[k].period = next_period(r);
        th[k].value = next_num(r);
        th[k].note = next_str(r);
    }
    in->thresholds = th;
    prt_expect *e = take(r, &b->expects, &b->nexpects, in->nexpects = next_int(r), sizeof *e);
    for (int k = 0; e && k < in->nexpects; k++) {
        e[k].period = next_period(r);
        e[k].value = next_num(r);
        e[k].note = next_str(r);
    }
    in->expects = e;
    prt_op *op = take(r, &b->formula, &b->nformula, in->nformula = next_int(r), sizeof *op);
    for (int k = 0; op && k < in->nformula; k++) {
        op[k].op = (prt_opcode)next_u(r);
        op[k].num = next_num(r);
        op[k].index = next_int(r);
    }
    in->formula = op;
    in->formula_fn = op ? *b->formulas++ : NULL;
}

static void activity(reader *r, blocks *b, prt_activity *a)
{
    a->id = next_str(r);
    a->name = next_str(r);
    a->theme = next_int(r);
    a->outcome = next_int(r);
    a->scheme = next_int(r);
    a->owner = next_str(r);
    a->description = next_str(r);
    a->progress = next_str(r);
    a->due = next_when(r);
    prt_milestone *m = take(r, &b->milestones, &b->nmilestones, a->nmilestones = next_int(r), sizeof *m);
    for (int k = 0; m && k < a->nmilestones; k++) {
        m[k].id = next_str(r);
        m[k].name = next_str(r);
        m[k].start = next_when(r);
        m[k].due = next_when(r);
        m[k].completed = next_when(r);
    }
    a->milestones = m;
    prt_activity_status *s = take(r, &b->statuses, &b->nstatuses, a->nstatuses = next_int(r), sizeof *s);
    for (int k = 0; s && k < a->nstatuses; k++) {
        s[k].period = next_period(r);
        s[k].dated = next_bool(r);
        s[k].state = (prt_delivery_state)next_u(r);
        s[k].impact = (prt_impact)next_u(r);
        s[k].band = next_int(r);
        s[k].has_percent = next_bool(r);
        s[k].percent = next_num(r);
        s[k].rated = next_str(r);
        s[k].note = next_str(r);
    }
    a->statuses = s;
    prt_tally *t = take(r, &b->tallies, &b->ntallies, a->ntallies = next_int(r), sizeof *t);
    for (int k = 0; t && k < a->ntallies; k++) {
        t[k].period = next_period(r);
        t[k].done = next_int(r);
        t[k].total = next_int(r);
        t[k].what = next_str(r);
    }
    a->tallies = t;
}

/* ---- the plan ---- */

/* The whole allocation behind an unpacked plan: the plan first, so that freeing it frees all.  The
 * arrays are prt_big_zalloc's (a large plan's on huge pages: faulting in a 100,000-indicator plan's
 * 60 MB a 4 KiB page at a time was a quarter of the evaluator's fixed cost), kept with their sizes. */
typedef struct unpacked {
    prt_plan plan;
    void *arrays[15];
    size_t bytes[15];
} unpacked;

static void *array(unpacked *u, int slot, size_t n, size_t size)
{
    u->bytes[slot] = n * size;
    return u->arrays[slot] = prt_big_zalloc(u->bytes[slot]);
}

/* One block of n elements of size, kept in u for freeing; the stream's totals say how many. */
static char *block(reader *r, unpacked *u, int slot, size_t *n, size_t size)
{
    *n = (size_t)next_u(r);
    if (r->damaged || *n > SIZE_MAX / size / 2)
        return r->damaged = true, NULL;
    return array(u, slot, *n ? *n : 1, size);
}

static void blocks_open(reader *r, unpacked *u, blocks *b)
{
    b->targets = block(r, u, 0, &b->ntargets, sizeof(prt_target));
    b->amendments = block(r, u, 1, &b->namendments, sizeof(prt_amendment));
    b->revisions = block(r, u, 2, &b->nrevisions, sizeof(prt_revision));
    b->bench = block(r, u, 3, &b->nbench, sizeof(prt_bench_value));
    b->results = block(r, u, 4, &b->nresults, sizeof(prt_plan_result));
    b->formula = block(r, u, 5, &b->nformula, sizeof(prt_op));
    b->thresholds = block(r, u, 6, &b->nthresholds, sizeof(prt_threshold));
    b->expects = block(r, u, 7, &b->nexpects, sizeof(prt_expect));
    b->milestones = block(r, u, 8, &b->nmilestones, sizeof(prt_milestone));
    b->statuses = block(r, u, 9, &b->nstatuses, sizeof(prt_activity_status));
    b->tallies = block(r, u, 10, &b->ntallies, sizeof(prt_tally));
}

static void themes_and_outcomes(reader *r, unpacked *u)
{
    prt_plan *p = &u->plan;
    prt_theme *th = array(u, 11, (size_t)p->nthemes + 1, sizeof *th);
    for (int i = 0; i < p->nthemes && !r->damaged; i++) {
        th[i].id = next_str(r);
        th[i].name = next_str(r);
        th[i].pillar = next_int(r);
        th[i].transformation = next_bool(r);
        th[i].owner = next_str(r);
    }
    p->themes = th;
    prt_outcome *o = array(u, 12, (size_t)p->noutcomes + 1, sizeof *o);
    for (int i = 0; i < p->noutcomes && !r->damaged; i++) {
        o[i].id = next_str(r);
        o[i].name = next_str(r);
        o[i].theme = next_int(r);
    }
    p->outcomes = o;
}

prt_plan *prt_plan_unpack(const prt_packed *packed)
{
    reader r = {.p = packed};
    open_piece(&r, 0);
    memset(r.digit, -1, sizeof r.digit);
    for (int d = 0; d < 64; d++)
        r.digit[(unsigned char)PRT_PACK_DIGITS[d]] = (signed char)d;
    unpacked *u = prt_xcalloc(1, sizeof *u);
    u->plan = *packed->head;
    blocks b = {.formulas = packed->formulas};
    blocks_open(&r, u, &b);
    themes_and_outcomes(&r, u);
    prt_plan *p = &u->plan;
    prt_indicator *in = array(u, 13, (size_t)p->nindicators + 1, sizeof *in);
    for (int i = 0; i < p->nindicators && !r.damaged; i++) {
        indicator_fields(&r, &in[i]);
        indicator_targets(&r, &b, &in[i]);
        indicator_values(&r, &b, &in[i]);
        indicator_levels(&r, &b, &in[i]);
    }
    p->indicators = in;
    prt_activity *a = array(u, 14, (size_t)p->nactivities + 1, sizeof *a);
    for (int i = 0; i < p->nactivities && !r.damaged; i++)
        activity(&r, &b, &a[i]);
    p->activities = a;
    if (r.damaged || digits_read(&r) != packed->ndata) {
        prt_plan_unpacked_free(p);
        return NULL;
    }
    return p;
}

void prt_plan_unpacked_free(prt_plan *plan)
{
    unpacked *u = (unpacked *)plan;    /* the plan is the first member */
    if (!u)
        return;
    for (size_t i = 0; i < sizeof u->arrays / sizeof u->arrays[0]; i++)
        if (u->arrays[i])
            prt_big_zfree(u->arrays[i], u->bytes[i]);
    free(u);
}

int prt_main_packed(const prt_packed *packed, int argc, char **argv)
{
    prt_plan *plan = prt_plan_unpack(packed);
    if (!plan) {
        prt_errorf("%s: error: the evaluator's tables are damaged (its C was edited?): generate it again with "
                   "planc build\n", argc > 0 ? argv[0] : "plan_eval");
        return 2;
    }
    int status = prt_main(plan, argc, argv);
    prt_plan_unpacked_free(plan);
    return status;
}
