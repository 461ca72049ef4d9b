/* The C back end's packed tables (runtime/packed.h): a large plan's themes, outcomes, indicators and
 * activities as one stream of digits and a string pool, in string literals, which the C compiler reads
 * in a fraction of the time and memory struct initialisers cost; runtime/plan_unpack.c reads them back
 * at start-up, field by field in the order written here. */
#include "emit_c_escape.h"
#include "emit_c_parts.h"
#include "packed.h"
#include "xalloc.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct packer {
    FILE *out;                         /* the stream goes out a piece at a time, as it is made */
    char piece[PRT_PACK_CHUNK];        /* the stream's digits not written yet */
    size_t fill, ndata;                /* digits in piece; digits in all */
    prt_buf pool;                      /* every string's bytes and a NUL, piece after piece */
    size_t *pieces;                    /* where each piece starts in pool */
    size_t npieces, cap;
    bool piece_full;                   /* the last piece is one long string: the next starts another */
    uint64_t *slots;                   /* the numbers of the strings in the pool, by hash (0: empty), so that
                                        * each is written once; 8 bytes a slot, for a plan's millions */
    size_t nslots, used;
} packer;

/* The piece of the stream so far as a string literal, 128 digits a line (they need no escapes). */
static void flush_piece(packer *pk)
{
    if (!pk->fill)
        fputs("    \"\"\n", pk->out);
    for (size_t line = 0; line < pk->fill; line += 128)
        fprintf(pk->out, "%s\"%.*s\"\n", line ? "        " : "    ", (int)(pk->fill - line < 128 ? pk->fill - line : 128),
                pk->piece + line);
    fputs("    ,\n", pk->out);
    pk->fill = 0;
}

static void put_digit(packer *pk, int d)
{
    pk->piece[pk->fill++] = PRT_PACK_DIGITS[d];
    pk->ndata++;
    if (pk->fill == PRT_PACK_CHUNK)
        flush_piece(pk);
}

static void put_u(packer *pk, uint64_t v)
{
    while (v >= 32) {
        put_digit(pk, (int)(32 + (v & 31)));
        v >>= 5;
    }
    put_digit(pk, (int)v);
}

static void put_s(packer *pk, int64_t v) { put_u(pk, v < 0 ? ((uint64_t)(-(v + 1)) << 1) | 1 : (uint64_t)v << 1); }
static void put_int(packer *pk, int v) { put_s(pk, v); }
static void put_bool(packer *pk, bool b) { put_u(pk, b); }

/* The fewest decimal places whose integer, divided as plan_unpack.c divides it, is v to the bit;
 * else v's bits (NaN, -0.0 and the like never need more than this). */
static void put_num(packer *pk, double v)
{
    static const double pow10[PRT_PACK_MAX_PLACES + 1] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
                                                          1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16};
    for (int places = 0; places <= PRT_PACK_MAX_PLACES && isfinite(v); places++) {
        double m = nearbyint(v * pow10[places]);
        if (!(fabs(m) <= 9007199254740992.0))   /* 2^53: every integer up to it is exact */
            break;
        double back = (double)(int64_t)m / pow10[places];
        if (memcmp(&back, &v, sizeof v) == 0) {
            put_u(pk, (uint64_t)places);
            put_s(pk, (int64_t)m);
            return;
        }
    }
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    put_u(pk, PRT_PACK_BITS);
    put_u(pk, bits);
}

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603u;   /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

/* The bytes of the string numbered ref (NUL-terminated in the pool). */
static const char *pool_text(const packer *pk, uint64_t ref)
{
    ref--;
    return pk->pool.data + pk->pieces[ref / PRT_PACK_PIECE] + ref % PRT_PACK_PIECE;
}

static void pool_grow(packer *pk)
{
    size_t n = pk->nslots ? pk->nslots * 2 : 1024;
    uint64_t *slots = xcalloc(n, sizeof *slots);
    for (size_t i = 0; i < pk->nslots; i++) {
        if (!pk->slots[i])
            continue;
        const char *text = pool_text(pk, pk->slots[i]);
        size_t at = hash_bytes(text, strlen(text)) & (n - 1);
        while (slots[at])
            at = (at + 1) & (n - 1);
        slots[at] = pk->slots[i];
    }
    free(pk->slots);
    pk->slots = slots;
    pk->nslots = n;
}

/* A new string's number: in the last piece if it fits (a piece's literal is its bytes less the last
 * NUL, at most C_LITERAL_MAX), else at the start of a new piece. */
static uint64_t pool_place(packer *pk, const char *s, size_t n)
{
    size_t start = pk->npieces ? pk->pieces[pk->npieces - 1] : 0;
    if (!pk->npieces || pk->piece_full || pk->pool.len - start + n + 1 > C_LITERAL_MAX + 1) {
        if (pk->npieces == pk->cap) {
            pk->cap = pk->cap ? pk->cap * 2 : 64;
            pk->pieces = xrealloc(pk->pieces, pk->cap * sizeof *pk->pieces);
        }
        start = pk->pieces[pk->npieces++] = pk->pool.len;
    }
    pk->piece_full = n > C_LITERAL_MAX;   /* a long string has its piece to itself */
    uint64_t ref = 1 + (uint64_t)(pk->npieces - 1) * PRT_PACK_PIECE + (pk->pool.len - start);
    prt_buf_add(&pk->pool, s, n);
    prt_buf_putc(&pk->pool, '\0');
    return ref;
}

static void put_str(packer *pk, const char *s)
{
    if (!s) {
        put_u(pk, 0);
        return;
    }
    size_t n = strlen(s);
    if (2 * (pk->used + 1) > pk->nslots)
        pool_grow(pk);
    size_t at = hash_bytes(s, n) & (pk->nslots - 1);
    for (; pk->slots[at]; at = (at + 1) & (pk->nslots - 1)) {
        if (strcmp(pool_text(pk, pk->slots[at]), s) == 0) {
            put_u(pk, pk->slots[at]);
            return;
        }
    }
    uint64_t ref = pool_place(pk, s, n);
    pk->slots[at] = ref;
    pk->used++;
    put_u(pk, ref);
}

static void put_period(packer *pk, prt_period p)
{
    put_int(pk, p.year);
    put_u(pk, (uint64_t)p.kind);
    put_int(pk, p.index);
}

static void put_when(packer *pk, prt_when w)
{
    put_int(pk, w.date);
    put_period(pk, w.period);
    put_bool(pk, w.set);
}

/* ---- the tables, in plan_unpack.c's order ---- */

/* How many of each array all indicators and activities hold: the reader allocates one block each. */
static void totals(packer *pk, const prt_plan *plan)
{
    size_t n[11] = {0};
    for (int i = 0; i < plan->nindicators; i++) {
        const prt_indicator *in = &plan->indicators[i];
        int counts[8] = {in->ntargets, in->namendments, in->nrevisions, in->nbench,
                         in->nresults, in->nformula, in->nthresholds, in->nexpects};
        for (int k = 0; k < 8; k++)
            n[k] += (size_t)counts[k];
    }
    for (int i = 0; i < plan->nactivities; i++) {
        n[8] += (size_t)plan->activities[i].nmilestones;
        n[9] += (size_t)plan->activities[i].nstatuses;
        n[10] += (size_t)plan->activities[i].ntallies;
    }
    for (int k = 0; k < 11; k++)
        put_u(pk, n[k]);
}

static void themes_and_outcomes(packer *pk, const prt_plan *plan)
{
    for (int i = 0; i < plan->nthemes; i++) {
        const prt_theme *t = &plan->themes[i];
        put_str(pk, t->id);
        put_str(pk, t->name);
        put_int(pk, t->pillar);
        put_bool(pk, t->transformation);
        put_str(pk, t->owner);
    }
    for (int i = 0; i < plan->noutcomes; i++) {
        put_str(pk, plan->outcomes[i].id);
        put_str(pk, plan->outcomes[i].name);
        put_int(pk, plan->outcomes[i].theme);
    }
}

static void target(packer *pk, const prt_target *t)
{
    put_period(pk, t->period);
    put_u(pk, (uint64_t)t->kind);
    put_u(pk, (uint64_t)t->op);
    put_num(pk, t->value);
    put_int(pk, t->benchmark);
    put_bool(pk, t->has_tolerance);
    put_num(pk, t->tolerance);
    put_str(pk, t->note);
    put_bool(pk, t->within_interval);
    put_str(pk, t->reason);
}

static void indicator_fields(packer *pk, const prt_indicator *in)
{
    put_str(pk, in->id);
    put_str(pk, in->ref);
    put_str(pk, in->name);
    put_str(pk, in->kind);
    put_int(pk, in->theme);
    put_u(pk, (uint64_t)in->polarity);
    put_u(pk, (uint64_t)in->direction);
    put_u(pk, (uint64_t)in->unit);
    put_num(pk, in->unit_per);
    put_str(pk, in->unit_custom);
    put_int(pk, in->decimals);
    put_u(pk, (uint64_t)in->frequency);
    put_u(pk, (uint64_t)in->accumulates);
    put_int(pk, in->arrears);
    put_int(pk, in->scheme);
    put_bool(pk, in->has_tolerance);
    put_num(pk, in->tolerance);
    put_bool(pk, in->has_baseline);
    put_num(pk, in->baseline);
    put_period(pk, in->baseline_period);
    put_str(pk, in->owner);
    put_str(pk, in->committee);
    put_str(pk, in->source);
    put_int(pk, in->outcome);
    put_num(pk, in->jump);
    put_bool(pk, in->tolerance_of_target);
}

static void indicator_targets(packer *pk, const prt_indicator *in)
{
    put_int(pk, in->ntargets);
    for (int k = 0; k < in->ntargets; k++)
        target(pk, &in->targets[k]);
    put_int(pk, in->namendments);
    for (int k = 0; k < in->namendments; k++) {
        const prt_amendment *a = &in->amendments[k];
        put_period(pk, a->period);
        target(pk, &a->to);
        put_period(pk, a->from);
        put_str(pk, a->reason);
    }
    put_int(pk, in->nrevisions);
    for (int k = 0; k < in->nrevisions; k++) {
        put_period(pk, in->revisions[k].period);
        put_str(pk, in->revisions[k].reason);
    }
}

static void indicator_values(packer *pk, const prt_indicator *in)
{
    put_int(pk, in->nbench);
    for (int k = 0; k < in->nbench; k++) {
        const prt_bench_value *b = &in->bench[k];
        put_int(pk, b->benchmark);
        put_period(pk, b->period);
        put_num(pk, b->value);
        put_str(pk, b->note);
    }
    put_int(pk, in->nresults);
    for (int k = 0; k < in->nresults; k++) {
        const prt_plan_result *r = &in->results[k];
        put_period(pk, r->period);
        put_u(pk, (uint64_t)r->status);
        put_num(pk, r->value);
        put_bool(pk, r->restated);
        put_num(pk, r->original);
        put_str(pk, r->rated);
        put_str(pk, r->note);
        put_bool(pk, r->has_interval);
        put_num(pk, r->lower);
        put_num(pk, r->upper);
    }
}

static void indicator_levels(packer *pk, const prt_indicator *in)
{
    put_int(pk, in->nthresholds);
    for (int k = 0; k < in->nthresholds; k++) {
        const prt_threshold *t = &in->thresholds[k];
        put_int(pk, t->band);
        put_bool(pk, t->dated);
        put_period(pk, t->period);
        put_num(pk, t->value);
        put_str(pk, t->note);
    }
    put_int(pk, in->nexpects);
    for (int k = 0; k < in->nexpects; k++) {
        put_period(pk, in->expects[k].period);
        put_num(pk, in->expects[k].value);
        put_str(pk, in->expects[k].note);
    }
    put_int(pk, in->nformula);
    for (int k = 0; k < in->nformula; k++) {
        put_u(pk, (uint64_t)in->formula[k].op);
        put_num(pk, in->formula[k].num);
        put_int(pk, in->formula[k].index);
    }
}

static void activity_lists(packer *pk, const prt_activity *a)
{
    put_int(pk, a->nmilestones);
    for (int k = 0; k < a->nmilestones; k++) {
        const prt_milestone *m = &a->milestones[k];
        put_str(pk, m->id);
        put_str(pk, m->name);
        put_when(pk, m->start);
        put_when(pk, m->due);
        put_when(pk, m->completed);
    }
    put_int(pk, a->nstatuses);
    for (int k = 0; k < a->nstatuses; k++) {
        const prt_activity_status *s = &a->statuses[k];
        put_period(pk, s->period);
        put_bool(pk, s->dated);
        put_u(pk, (uint64_t)s->state);
        put_u(pk, (uint64_t)s->impact);
        put_int(pk, s->band);
        put_bool(pk, s->has_percent);
        put_num(pk, s->percent);
        put_str(pk, s->rated);
        put_str(pk, s->note);
    }
    put_int(pk, a->ntallies);
    for (int k = 0; k < a->ntallies; k++) {
        put_period(pk, a->tallies[k].period);
        put_int(pk, a->tallies[k].done);
        put_int(pk, a->tallies[k].total);
        put_str(pk, a->tallies[k].what);
    }
}

static void activity(packer *pk, const prt_activity *a)
{
    put_str(pk, a->id);
    put_str(pk, a->name);
    put_int(pk, a->theme);
    put_int(pk, a->outcome);
    put_int(pk, a->scheme);
    put_str(pk, a->owner);
    put_str(pk, a->description);
    put_str(pk, a->progress);
    put_when(pk, a->due);
    activity_lists(pk, a);
}

/* ---- writing them out ---- */

static void write_strings(FILE *out, const packer *pk)
{
    fputs("/* The string pool: the plan's strings, each once, in pieces no longer than C11 promises a literal. */\n"
          "static const char *const packed_strings[] = {\n",
          out);
    for (size_t i = 0; i < pk->npieces; i++) {
        size_t start = pk->pieces[i], end = i + 1 < pk->npieces ? pk->pieces[i + 1] : pk->pool.len;
        fputs("    ", out);
        if (end - start - 1 > C_LITERAL_MAX)
            c_string(out, pk->pool.data + start, "    ");
        else
            c_string_bytes(out, pk->pool.data + start, end - start - 1, "    ");
        fputs(",\n", out);
    }
    if (!pk->npieces)
        fputs("    \"\",\n", out);
    fputs("};\n\n", out);
}

static void write_formulas(FILE *out, const prt_plan *plan)
{
    fputs("/* The derived indicators' formulas, in the indicators' order. */\n"
          "static const prt_formula_fn packed_formulas[] = {\n",
          out);
    int n = 0;
    for (int i = 0; i < plan->nindicators; i++) {
        if (!plan->indicators[i].nformula)
            continue;
        fprintf(out, "%sformula_%d,", n % 8 ? " " : "    ", i);
        if (++n % 8 == 0)
            fputc('\n', out);
    }
    if (n % 8)
        fputc('\n', out);
    if (!n)
        fputs("    NULL,\n", out);
    fputs("};\n\n", out);
}

void emit_c_packed(FILE *out, const prt_plan *plan)
{
    packer *pk = xcalloc(1, sizeof *pk);
    pk->out = out;
    fputs("/* The tables' numbers (runtime/packed.h): themes, outcomes, indicators, activities. */\n"
          "static const char *const packed_data[] = {\n",
          out);
    totals(pk, plan);
    themes_and_outcomes(pk, plan);
    for (int i = 0; i < plan->nindicators; i++) {
        indicator_fields(pk, &plan->indicators[i]);
        indicator_targets(pk, &plan->indicators[i]);
        indicator_values(pk, &plan->indicators[i]);
        indicator_levels(pk, &plan->indicators[i]);
    }
    for (int i = 0; i < plan->nactivities; i++)
        activity(pk, &plan->activities[i]);
    if (pk->fill || !pk->ndata)
        flush_piece(pk);
    fputs("};\n\n", out);
    write_strings(out, pk);
    write_formulas(out, plan);
    fprintf(out, "static const size_t packed_ndata = %zu;\n\n", pk->ndata);
    prt_buf_free(&pk->pool);
    free(pk->pieces);
    free(pk->slots);
    free(pk);
}
