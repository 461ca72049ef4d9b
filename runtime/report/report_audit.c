/* The audit: the ratings and directions of travel of record that the plan's declared method does not
 * reproduce, with the computation.  Collected once as data (report_audit.h), then written in the
 * format asked for: text and Markdown here, CSV, JSON and HTML in report_audit_formats.c. */
#include "report_audit.h"
#include "palette.h"
#include "report_delivery.h"
#include "results_delivery.h"

#include <stdlib.h>
#include <string.h>

/* ---- the audit as data ---- */

static AuditItem *audit_add(Audit *a, AuditKind kind, int index)
{
    a->items = prt_xrealloc(a->items, (size_t)(a->n + 1) * sizeof *a->items);
    AuditItem *it = &a->items[a->n++];
    *it = (AuditItem){.kind = kind, .index = index, .band = -1, .published_band = -1};
    return it;
}

/* The indicator's rating of record against the band the method gives (before an override, and
 * before --ratings record put the rating of record in its place). */
static void audit_rating(Audit *a, int i)
{
    const prt_plan *plan = a->ev->plan;
    const prt_rating *r = &a->ev->ratings[i];
    int scheme = plan->indicators[i].scheme;
    if (!r->published_rating || scheme < 0)
        return;
    a->published++;
    int pb = prt_scheme_find_band(&plan->schemes[scheme], r->published_rating);
    if (pb == r->computed_band) {
        a->reproduced++;
        return;
    }
    AuditItem *it = audit_add(a, AUDIT_RATING, i);
    it->band = r->computed_band;
    it->published_band = pb;
    it->published = r->published_rating;
    it->explanation = r->of_record ? r->method_explanation : r->explanation;
}

static void audit_direction(Audit *a, int i)
{
    const prt_rating *r = &a->ev->ratings[i];
    if (!r->published_dot || !r->published_dot[0])
        return;
    a->dots++;
    prt_dot pd;
    if (prt_dot_parse(r->published_dot, &pd) && pd == r->dot) {
        a->dots_reproduced++;
        return;
    }
    AuditItem *it = audit_add(a, AUDIT_DIRECTION, i);
    it->dot = r->dot;
    it->published = r->published_dot;
    it->explanation = r->dot_explanation;
}

/* An activity's rating of record (a return's `rating`, a plan's `status ... rated X`) against the band
 * its scheme finds before any override. */
static void audit_activity(Audit *a, int ai)
{
    const prt_plan *plan = a->ev->plan;
    const prt_delivery *d = &a->ev->delivery[ai];
    int found;
    if (!rpt_delivery_audited(plan, d))
        return;
    a->delivery++;
    if (rpt_delivery_reproduced(plan, d, &found)) {
        a->delivery_reproduced++;
        return;
    }
    AuditItem *it = audit_add(a, AUDIT_DELIVERY, ai);
    it->band = found;
    it->published_band = prt_delivery_band_find(&plan->delivery[plan->activities[ai].scheme], d->published);
    it->published = d->published;
    it->explanation = d->explanation;
}

void rpt_audit_collect(Audit *a, const prt_evaluation *ev)
{
    *a = (Audit){.ev = ev};
    for (int i = 0; i < ev->plan->nindicators; i++) {
        audit_rating(a, i);
        audit_direction(a, i);
    }
    for (int ai = 0; ai < ev->plan->nactivities; ai++)
        audit_activity(a, ai);
}

void rpt_audit_free(Audit *a)
{
    free(a->items);
    a->items = NULL;
    a->n = 0;
}

/* ---- an item's parts ---- */

const char *rpt_audit_kind_word(AuditKind k)
{
    return k == AUDIT_RATING ? "rating" : k == AUDIT_DIRECTION ? "direction" : "delivery";
}

const char *rpt_audit_ref(const Audit *a, const AuditItem *it)
{
    if (it->kind == AUDIT_DELIVERY)
        return a->ev->plan->activities[it->index].id;
    return prt_indicator_label(&a->ev->plan->indicators[it->index]);
}

const char *rpt_audit_id(const Audit *a, const AuditItem *it)
{
    if (it->kind == AUDIT_DELIVERY)
        return a->ev->plan->activities[it->index].id;
    return a->ev->plan->indicators[it->index].id;
}

const char *rpt_audit_name(const Audit *a, const AuditItem *it)
{
    if (it->kind == AUDIT_DELIVERY) {
        const prt_activity *act = &a->ev->plan->activities[it->index];
        return act->name ? act->name : act->id;
    }
    return a->ev->plan->indicators[it->index].name;
}

static const prt_scheme *rating_scheme(const Audit *a, const AuditItem *it)
{
    return &a->ev->plan->schemes[a->ev->plan->indicators[it->index].scheme];
}

static const prt_delivery_band *delivery_band(const Audit *a, const AuditItem *it, int band)
{
    const prt_plan *plan = a->ev->plan;
    return band >= 0 ? &plan->delivery[plan->activities[it->index].scheme].bands[band] : NULL;
}

const char *rpt_audit_computed(const Audit *a, const AuditItem *it)
{
    switch (it->kind) {
    case AUDIT_RATING: return it->band >= 0 ? prt_band_short(rating_scheme(a, it), it->band) : "no rating";
    case AUDIT_DIRECTION: return it->dot == PRT_DOT_NONE ? "none" : prt_dot_name(it->dot);
    case AUDIT_DELIVERY: break;
    }
    const prt_delivery_band *b = delivery_band(a, it, it->band);
    return !b ? "no rating" : b->abbrev ? b->abbrev : b->id;
}

const char *rpt_audit_computed_id(const Audit *a, const AuditItem *it)
{
    switch (it->kind) {
    case AUDIT_RATING: return it->band >= 0 ? rating_scheme(a, it)->bands[it->band].id : NULL;
    case AUDIT_DIRECTION: return it->dot == PRT_DOT_NONE ? NULL : prt_dot_name(it->dot);
    case AUDIT_DELIVERY: break;
    }
    const prt_delivery_band *b = delivery_band(a, it, it->band);
    return b ? b->id : NULL;
}

const char *rpt_audit_computed_label(const Audit *a, const AuditItem *it)
{
    switch (it->kind) {
    case AUDIT_RATING: return it->band >= 0 ? prt_band_name(rating_scheme(a, it), it->band) : "no rating";
    case AUDIT_DIRECTION: return it->dot == PRT_DOT_NONE ? "none" : prt_dot_name(it->dot);
    case AUDIT_DELIVERY: break;
    }
    const prt_delivery_band *b = delivery_band(a, it, it->band);
    return b ? b->label : "no rating";
}

const char *rpt_audit_colour(const Audit *a, const AuditItem *it, int band)
{
    const prt_plan *plan = a->ev->plan;
    if (it->kind == AUDIT_DIRECTION || band < 0)
        return prt_palette_unrated()->name;
    if (it->kind == AUDIT_RATING)
        return prt_palette_band(rating_scheme(a, it), band)->name;
    return prt_palette_delivery(&plan->delivery[plan->activities[it->index].scheme], band)->name;
}

/* ---- text ---- */

/* One mismatch as a line, each text escaped for the terminal (it comes from the plan or the results). */
static void text_item(prt_buf *line, const Audit *a, const AuditItem *it)
{
    prt_buf_puts(line, "  ");
    if (it->kind == AUDIT_DELIVERY) {
        const prt_delivery_band *b = delivery_band(a, it, it->band);
        prt_esc_terminal(line, rpt_audit_name(a, it));
        prt_buf_puts(line, " (");
        prt_esc_terminal(line, rpt_audit_id(a, it));
        prt_buf_puts(line, "): published ");
        prt_esc_terminal(line, it->published);
        prt_buf_puts(line, ", the delivery scheme gives ");
        prt_esc_terminal(line, rpt_audit_computed_label(a, it));
        if (b && b->abbrev) {
            prt_buf_puts(line, " (");
            prt_esc_terminal(line, b->abbrev);
            prt_buf_puts(line, ")");
        }
        prt_buf_puts(line, ": ");
        prt_esc_terminal(line, it->explanation);
        prt_buf_puts(line, "\n");
        return;
    }
    prt_esc_terminal(line, rpt_audit_ref(a, it));
    if (it->kind == AUDIT_RATING) {
        prt_buf_puts(line, ": published ");
        prt_esc_terminal(line, it->published);
        prt_buf_puts(line, ", the plan's method gives ");
        prt_esc_terminal(line, rpt_audit_computed(a, it));
        prt_buf_puts(line, " (");
    } else {
        prt_buf_puts(line, ": published direction of travel '");
        prt_esc_terminal(line, it->published);
        prt_buf_printf(line, "', computed '%s' (", rpt_audit_computed(a, it));
    }
    prt_esc_terminal(line, it->explanation);
    prt_buf_puts(line, ")\n");
}

static void text_audit(FILE *out, const Audit *a)
{
    prt_buf line = {0};
    fprintf(out, "Audit of published ratings for %s\n", prt_period_text(a->ev->period).s);
    int k = 0;
    for (; k < a->n && a->items[k].kind != AUDIT_DELIVERY; k++)
        text_item(&line, a, &a->items[k]);
    prt_buf_flush(&line, out);
    fprintf(out, "%d of %d published ratings reproduced by the declared method", a->reproduced, a->published);
    if (a->dots)
        fprintf(out, "; %d of %d published directions of travel reproduced", a->dots_reproduced, a->dots);
    fputs(".\n", out);
    for (; k < a->n; k++)
        text_item(&line, a, &a->items[k]);
    prt_buf_flush(&line, out);
    prt_buf_free(&line);
    /* no delivery rating of record: the audit reads as it did before activities */
    if (a->delivery)
        fprintf(out, "%d of %d delivery ratings of record reproduced by the delivery schemes.\n",
                a->delivery_reproduced, a->delivery);
}

void prt_audit(FILE *out, const prt_evaluation *ev)
{
    Audit a;
    rpt_audit_collect(&a, ev);
    text_audit(out, &a);
    rpt_audit_free(&a);
}

/* ---- Markdown ---- */

static void md_cell(prt_buf *b, const char *s)
{
    prt_buf_puts(b, "| ");
    prt_esc_md(b, s ? s : "");
    prt_buf_putc(b, ' ');
}

/* A table of the mismatches, then the counts, each a paragraph. */
static void md_audit(FILE *out, const Audit *a)
{
    prt_buf b = {0};
    prt_buf_printf(&b, "# Audit of published ratings for %s\n\n", prt_period_text(a->ev->period).s);
    if (a->n) {
        prt_buf_puts(&b, "| Kind | Ref | Name | Published | Computed | Explanation |\n"
                         "|---|---|---|---|---|---|\n");
        for (int k = 0; k < a->n; k++) {
            const AuditItem *it = &a->items[k];
            md_cell(&b, rpt_audit_kind_word(it->kind));
            md_cell(&b, rpt_audit_ref(a, it));
            md_cell(&b, rpt_audit_name(a, it));
            md_cell(&b, it->published);
            md_cell(&b, rpt_audit_computed_label(a, it));
            md_cell(&b, it->explanation);
            prt_buf_puts(&b, "|\n");
        }
        prt_buf_putc(&b, '\n');
    }
    prt_buf_printf(&b, "%d of %d published ratings reproduced by the declared method.\n\n", a->reproduced,
                   a->published);
    if (a->dots)
        prt_buf_printf(&b, "%d of %d published directions of travel reproduced.\n\n", a->dots_reproduced, a->dots);
    if (a->delivery)
        prt_buf_printf(&b, "%d of %d delivery ratings of record reproduced by the delivery schemes.\n\n",
                       a->delivery_reproduced, a->delivery);
    b.len--;   /* one line break at the end, not a paragraph's two */
    prt_buf_flush(&b, out);
    prt_buf_free(&b);
}

void prt_audit_report(FILE *out, const prt_evaluation *ev, prt_format format)
{
    Audit a;
    rpt_audit_collect(&a, ev);
    switch (format) {
    case PRT_FORMAT_TEXT: text_audit(out, &a); break;
    case PRT_FORMAT_MD: md_audit(out, &a); break;
    case PRT_FORMAT_CSV: rpt_audit_csv(out, &a); break;
    case PRT_FORMAT_JSON: rpt_audit_json(out, &a); break;
    case PRT_FORMAT_HTML: rpt_audit_html(out, &a); break;
    case PRT_FORMAT_XLSX: break;    /* refused before anything is read (run.c) */
    }
    rpt_audit_free(&a);
}

/* ---- the basis every report states ---- */

const char *prt_ratings_basis_text(prt_ratings_basis basis)
{
    return basis == PRT_RATINGS_RECORD ? "Ratings: of record where published, else computed by the plan's method"
                                       : "Ratings: computed by the plan's method";
}
