/* The layout of the text and Markdown reports' tables (report_layout.h): which columns an indicator
 * table has, the cells and notes of an indicator's and an activity's row, the title lines. */
#include "report_layout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- the indicator table's layout, shared by the text and Markdown reports ---- */



static bool period_has_quality(const prt_evaluation *ev)
{
    for (int i = 0; i < ev->plan->nindicators; i++)
        if (ev->ratings[i].quality)
            return true;
    return false;
}

Layout rpt_layout_make(const prt_history *h)
{
    Layout L = {.h = h};
    if (h->n > 1) {
        L.nseries = h->n;
        L.series_head = prt_xcalloc((size_t)h->n, sizeof *L.series_head);
        for (int k = 0; k < h->n; k++)
            L.series_head[k] = prt_period_text(h->ev[k]->period);
    }
    L.ndot = rpt_dot_headers(h->plan, L.dot_head);
    L.forecast = rpt_history_has_forecast(h);
    L.quality = period_has_quality(prt_history_last(h));
    L.ncols = 5 + (L.nseries ? L.nseries : 1) + 1 + L.ndot + L.forecast + L.quality + 1;
    rpt_groups_make(&L.groups, h->plan);
    rpt_activities_make(&L.acts, h->plan);
    return L;
}

void rpt_layout_free(Layout *L)
{
    free(L->series_head);
    rpt_groups_free(&L->groups);
    rpt_activities_free(&L->acts);
}

/* Whether a theme is in the report: it has indicators or activities. */
bool rpt_theme_shown(const Layout *L, int th)
{
    const int *acts;
    return rpt_theme_has_indicators(&L->groups, th) || rpt_theme_activities(&L->acts, th, &acts) > 0;
}

void rpt_rowbufs_init(RowBufs *rb, const Layout *L)
{
    *rb = (RowBufs){0};
    rb->series = prt_xcalloc((size_t)(L->nseries ? L->nseries : 1), sizeof *rb->series);
}

void rpt_rowbufs_free(RowBufs *rb, const Layout *L)
{
    rpt_row_text_free(&rb->rt);
    for (int k = 0; k < L->nseries; k++)
        prt_buf_free(&rb->series[k]);
    free(rb->series);
    prt_buf_free(&rb->dot[0]);
    prt_buf_free(&rb->dot[1]);
    prt_buf_free(&rb->forecast);
    prt_buf_free(&rb->quality);
    prt_buf_free(&rb->scratch);
}

/* The header cells (cells holds L->ncols). */
void rpt_indicator_header(const Layout *L, const char **cells)
{
    int c = 0;
    const char *lead[] = {"Ref", "Indicator", "Polarity", "Period", "Target"};
    for (size_t k = 0; k < 5; k++)
        cells[c++] = lead[k];
    if (!L->nseries)
        cells[c++] = "Result";
    for (int k = 0; k < L->nseries; k++)
        cells[c++] = L->series_head[k].s;
    cells[c++] = "Last year";
    for (int k = 0; k < L->ndot; k++)
        cells[c++] = L->dot_head[k];
    if (L->forecast)
        cells[c++] = "Forecast";
    if (L->quality)
        cells[c++] = "Quality";
    cells[c++] = "Benchmark";
}

/* The cells of indicator i's row, in the report's period (texts in rb, valid until its next use). */
void rpt_indicator_cells(const Layout *L, int i, RowBufs *rb, const char **cells)
{
    const prt_evaluation *ev = prt_history_last(L->h);
    const prt_indicator *in = &ev->plan->indicators[i];
    const prt_rating *r = &ev->ratings[i];
    int c = 0;
    cells[c++] = in->ref ? in->ref : (in->id ? in->id : "");
    cells[c++] = in->name;
    cells[c++] = rpt_polarity_text(in->polarity);
    rb->period = prt_period_text(r->period);
    cells[c++] = rb->period.s;
    cells[c++] = rpt_target_text(ev, r, &rb->rt.target);
    if (!L->nseries)
        cells[c++] = rpt_value_cell(ev, r, false, &rb->rt.result);
    for (int k = 0; k < L->nseries; k++)
        cells[c++] = rpt_value_cell(L->h->ev[k], &L->h->ev[k]->ratings[i], true, &rb->series[k]);
    cells[c++] = rpt_last_year_text(ev, r, rb->last_year, sizeof rb->last_year);
    int nd = rpt_dot_cells(ev->plan, r, rb->dot);
    for (int k = 0; k < nd; k++)
        cells[c++] = prt_buf_str(&rb->dot[k]);
    if (L->forecast)
        cells[c++] = rpt_forecast_text(ev, r, &rb->forecast);
    if (L->quality)
        cells[c++] = rpt_quality_codes(r, " ", &rb->quality);
    cells[c++] = rpt_benchmark_text(ev, r, &rb->rt.benchmark);
}

/* The notes under an indicator's row, one line each, added to b ('\n' after each): what the rating
 * says, the comment (or that there is none below target), restatements, quality flags, the forecast,
 * who owns it.  In Markdown (full) the rating's explanation is left out and the comment has its column. */

/* One sentence per theme: what the summary table says of a pillar, at the theme's level; band
 * labels escaped for the report's language (esc). */
void rpt_theme_line(FILE *out, const prt_evaluation *ev, const prt_counts *k, const char *indent,
                       void (*esc)(prt_buf *, const char *))
{
    const prt_scheme *s = rpt_summary_scheme(ev);
    prt_buf b = {0};
    prt_buf_printf(&b, "%s%d reported, %d rated", indent, k->reported, k->rated);
    for (int bd = 0; bd < rpt_summary_bands(s) && k->rated; bd++) {
        prt_buf_puts(&b, bd ? ", " : ": ");
        esc(&b, s->bands[bd].label);
        prt_buf_printf(&b, " %d", k->band[bd]);
    }
    /* with a monitor band, the monitored are counted under its label above */
    prt_buf_printf(&b, "; %d %s; DOT: %d improved or same, %d worsened\n", rpt_unrated_rest(s, k),
                   prt_scheme_monitor_band(s) >= 0 ? "not yet available" : "monitor or not yet available",
                   k->improved_same, k->worsened);
    prt_buf_flush(&b, out);
    prt_buf_free(&b);
}

/* The comment under a row of the text report: its first 400 characters, then "..." if it goes on
 * (the CSV, JSON, Markdown and HTML reports give it whole). */
static void comment_note(prt_buf *b, const char *comment)
{
    enum { SHOWN = 400 };
    prt_buf_puts(b, "Comment: ");
    size_t chars = 0;
    const char *p = comment;
    while (*p && chars < SHOWN) {
        p++;
        while (((unsigned char)*p & 0xC0) == 0x80)
            p++;
        chars++;
    }
    prt_buf_add(b, comment, (size_t)(p - comment));
    if (*p)
        prt_buf_puts(b, "...");
}

/* Ends a note begun at b->data[start]: a line break inside it (a comment's) becomes a space, so the
 * note stays one line, then the note's own line break. */
static void note_end(prt_buf *b, size_t start)
{
    for (size_t k = start; k < b->len; k++)
        if (b->data[k] == '\n' || b->data[k] == '\r')
            b->data[k] = ' ';
    prt_buf_putc(b, '\n');
}

/* Restatements: of the report's period ("Restated from ..."), or of any period of the history
 * ("2023/24 Q3 restated from ..."). */
static void restated_notes(const Layout *L, int i, prt_buf *b, RowBufs *rb)
{
    for (int k = 0; k < L->h->n; k++) {
        const prt_evaluation *ev = L->h->ev[k];
        const prt_rating *r = &ev->ratings[i];
        if (!r->restated)
            continue;
        const char *text = rpt_restated_text(ev, r, &rb->scratch);
        size_t at = b->len;
        if (L->h->n > 1)
            prt_buf_printf(b, "%s %s", prt_period_text(r->period).s, text);
        else
            prt_buf_printf(b, "R%s", text + 1);   /* "Restated from ...": a sentence of its own */
        note_end(b, at);
    }
}

void rpt_indicator_notes(const Layout *L, int i, bool markdown, prt_buf *b, RowBufs *rb)
{
    const prt_evaluation *ev = prt_history_last(L->h);
    const prt_rating *r = &ev->ratings[i];
    size_t at = b->len;
    if (!markdown) {
        prt_buf_puts(b, r->explanation);
        note_end(b, at);
        at = b->len;
        if (r->comment) {
            comment_note(b, r->comment);
            note_end(b, at);
        } else if (r->exception) {
            prt_buf_puts(b, "Exception: below target and no commentary\n");
        }
    }
    restated_notes(L, i, b, rb);
    for (int f = 0; f < PRT_N_QUALITY_FLAGS; f++)
        if (r->quality & (1u << f)) {
            at = b->len;
            prt_buf_printf(b, "%s: %s", prt_quality_codes[f],
                           r->quality_explanation[f] ? r->quality_explanation[f] : prt_quality_texts[f]);
            note_end(b, at);
        }
    if (r->has_forecast && r->forecast_explanation[0]) {
        at = b->len;
        prt_buf_printf(b, "Forecast: %s", r->forecast_explanation);
        note_end(b, at);
    }
    at = b->len;
    if (rpt_owner_text(&ev->plan->indicators[i], &rb->scratch)[0]) {
        prt_buf_puts(b, prt_buf_str(&rb->scratch));
        note_end(b, at);
    }
}

/* The report's header: the plan, the period (and the history's first), when it was produced, from
 * which plan, and whether any figure is provisional. */
void rpt_header_lines(prt_buf *b, const prt_history *h, void (*esc)(prt_buf *, const char *))
{
    const prt_plan *plan = h->plan;
    bool any = h->produced || plan->version || plan->digest;
    if (any) {
        prt_buf_puts(b, h->produced ? "Produced " : "");
        esc(b, h->produced);
    }
    if (plan->version) {
        prt_buf_puts(b, h->produced ? "; plan version " : "Plan version ");
        esc(b, plan->version);
    }
    if (plan->digest) {
        prt_buf_puts(b, h->produced || plan->version ? "; plan " : "Plan ");
        esc(b, plan->digest);
    }
    if (any)
        prt_buf_puts(b, "\n");
    if (h->provisional)
        prt_buf_puts(b, "Some figures are provisional: marked \"(provisional)\" or \"p\", they may still change.\n");
}

/* "2024/25 Q4", or "2024/25 Q4, with the 8 periods from 2023/24 Q1" for a history. */
void rpt_period_line(prt_buf *b, const prt_history *h)
{
    prt_buf_puts(b, prt_period_text(prt_history_last(h)->period).s);
    if (h->n > 1)
        prt_buf_printf(b, ", with the %d periods from %s", h->n, prt_period_text(h->ev[0]->period).s);
}

/* ---- delivery: the activities of a theme (text and Markdown) ---- */


void rpt_actbufs_init(ActBufs *ab, const Layout *L)
{
    *ab = (ActBufs){.nseries = L->nseries};
    ab->series = prt_xcalloc((size_t)(L->nseries ? L->nseries : 1), sizeof *ab->series);
}

void rpt_actbufs_free(ActBufs *ab)
{
    prt_buf_free(&ab->rating);
    prt_buf_free(&ab->due);
    prt_buf_free(&ab->milestones);
    prt_buf_free(&ab->scratch);
    for (int k = 0; k < ab->nseries; k++)
        prt_buf_free(&ab->series[k]);
    free(ab->series);
}

/* An activity table's columns: Activity, the rating (or one column per period of the history),
 * Owner, Due, Complete; Markdown adds Milestones and Comment (the text report gives them as notes). */
int rpt_activity_ncols(const Layout *L, bool markdown)
{
    return 4 + (L->nseries ? L->nseries : 1) + (markdown ? 2 : 0);
}

void rpt_activity_header(const Layout *L, bool markdown, const char **cells)
{
    int c = 0;
    cells[c++] = "Activity";
    if (!L->nseries)
        cells[c++] = "Rating";
    for (int k = 0; k < L->nseries; k++)
        cells[c++] = L->series_head[k].s;
    cells[c++] = "Owner";
    cells[c++] = "Due";
    cells[c++] = "Complete";
    if (markdown) {
        cells[c++] = "Milestones";
        cells[c++] = "Comment";
    }
}

/* The cells of activity ai's row (texts in ab, valid until its next use). */
void rpt_activity_cells(const Layout *L, int ai, bool markdown, ActBufs *ab, const char **cells)
{
    const prt_plan *plan = L->h->plan;
    const prt_activity *a = &plan->activities[ai];
    const prt_delivery *d = &prt_history_last(L->h)->delivery[ai];
    int c = 0;
    cells[c++] = a->name ? a->name : a->id;
    if (!L->nseries)
        cells[c++] = rpt_delivery_rating_cell(plan, d, &ab->rating);
    for (int k = 0; k < L->nseries; k++)
        cells[c++] = rpt_delivery_series_cell(plan, &L->h->ev[k]->delivery[ai], &ab->series[k]);
    cells[c++] = a->owner ? a->owner : "";
    cells[c++] = rpt_when_text(a->due, &ab->due);
    cells[c++] = rpt_percent_complete(d, ab->percent, sizeof ab->percent);
    if (markdown) {
        cells[c++] = rpt_milestones_text(plan, d, &ab->milestones);
        cells[c++] = d->comment ? d->comment : "";
    }
}

/* The notes under an activity's row, one line each: the rating's explanation, the milestones and the
 * comment (text only: Markdown has columns for them), the count stated for the period. */
void rpt_activity_notes(const Layout *L, int ai, bool markdown, prt_buf *b, ActBufs *ab)
{
    const prt_plan *plan = L->h->plan;
    const prt_delivery *d = &prt_history_last(L->h)->delivery[ai];
    size_t at = b->len;
    prt_buf_puts(b, d->explanation);
    note_end(b, at);
    if (!markdown && rpt_milestones_text(plan, d, &ab->milestones)[0]) {
        at = b->len;
        prt_buf_printf(b, "Milestones: %s", prt_buf_str(&ab->milestones));
        note_end(b, at);
    }
    if (!markdown && d->comment) {
        at = b->len;
        comment_note(b, d->comment);
        note_end(b, at);
    }
    if (d->tally) {
        at = b->len;
        prt_buf_printf(b, "Progress: %s", rpt_tally_text(d->tally, &ab->scratch));
        note_end(b, at);
    }
}
