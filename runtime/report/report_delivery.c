/* The delivery texts the report formats share (report_delivery.h).  Each is plain text; the format
 * that prints it escapes it for its own language. */
#include "report_delivery.h"
#include "report_cells.h"

#include <stdlib.h>
#include <string.h>

static const prt_delivery_scheme *scheme_of(const prt_plan *plan, const prt_delivery *d)
{
    int s = plan->activities[d->activity].scheme;
    return s >= 0 ? &plan->delivery[s] : NULL;
}

static void state_words(prt_buf *b, const prt_delivery *d)
{
    prt_buf_printf(b, "%s", prt_delivery_state_texts[d->state]);
    if (d->impact != PRT_IMPACT_NONE)
        prt_buf_printf(b, ", %s", prt_impact_texts[d->impact]);
}

const char *rpt_delivery_rating_text(const prt_plan *plan, const prt_delivery *d, prt_buf *b)
{
    const prt_delivery_scheme *s = scheme_of(plan, d);
    prt_buf_clear(b);
    if (!d->has_status)
        prt_buf_printf(b, "No status");
    else if (s && d->band >= 0 && s->bands[d->band].abbrev)
        prt_buf_printf(b, "%s (%s)", s->bands[d->band].label, s->bands[d->band].abbrev);
    else if (s && d->band >= 0)
        prt_buf_printf(b, "%s", s->bands[d->band].label);
    else
        state_words(b, d);
    return prt_buf_str(b);
}

const char *rpt_delivery_short_text(const prt_plan *plan, const prt_delivery *d, prt_buf *b)
{
    const prt_delivery_scheme *s = scheme_of(plan, d);
    prt_buf_clear(b);
    if (!d->has_status)
        return "";
    if (s && d->band >= 0)
        prt_buf_printf(b, "%s", s->bands[d->band].abbrev ? s->bands[d->band].abbrev : s->bands[d->band].label);
    else
        state_words(b, d);
    return prt_buf_str(b);
}

static void when_into(prt_buf *b, prt_when w)
{
    if (w.set && w.date)
        prt_buf_printf(b, "%s", prt_date_text(w.date).s);
    else if (w.set)
        prt_buf_printf(b, "%s", prt_period_text(w.period).s);
}

const char *rpt_when_text(prt_when w, prt_buf *b)
{
    prt_buf_clear(b);
    when_into(b, w);
    return prt_buf_str(b);
}

const char *rpt_milestones_text(const prt_plan *plan, const prt_delivery *d, prt_buf *b)
{
    const prt_activity *a = &plan->activities[d->activity];
    prt_buf_clear(b);
    for (int m = 0; m < a->nmilestones; m++) {
        const prt_milestone *ms = &a->milestones[m];
        const prt_milestone_status *st = &d->milestones[m];
        prt_buf_printf(b, "%s%s", m ? "; " : "", ms->name ? ms->name : ms->id);
        if (ms->due.set) {
            prt_buf_printf(b, " (due ");
            when_into(b, ms->due);
            prt_buf_printf(b, ")");
        }
        if (st->complete && st->completed)
            prt_buf_printf(b, ": complete %s", prt_date_text(st->completed).s);
        else if (st->complete)
            prt_buf_printf(b, ": complete");
        else if (st->overdue)
            prt_buf_printf(b, ": overdue");
        else if (st->state != PRT_STATE_NONE)
            prt_buf_printf(b, ": %s", prt_delivery_state_texts[st->state]);
    }
    return prt_buf_str(b);
}

const char *rpt_delivery_exception_text(const prt_plan *plan, const prt_delivery *d, prt_buf *b)
{
    prt_buf_clear(b);
    if (!d->exception)
        return "";
    if (!d->has_status)
        prt_buf_printf(b, "no status");
    else if (!d->on_target) {
        const prt_delivery_scheme *s = scheme_of(plan, d);
        if (s && d->band >= 0)
            prt_buf_printf(b, "%s", s->bands[d->band].label);
        if (d->state != PRT_STATE_NONE) {
            prt_buf_printf(b, "%s", s && d->band >= 0 ? " (" : "");
            state_words(b, d);
            prt_buf_printf(b, "%s", s && d->band >= 0 ? ")" : "");
        }
    }
    if (d->overdue) {
        const prt_activity *a = &plan->activities[d->activity];
        prt_buf_printf(b, "%soverdue", b->len ? "; " : "");
        if (d->noverdue == 1)
            for (int m = 0; m < a->nmilestones; m++)
                if (d->milestones[m].overdue) {
                    prt_buf_printf(b, ": %s was due ", a->milestones[m].name ? a->milestones[m].name : a->milestones[m].id);
                    when_into(b, a->milestones[m].due);
                }
        if (d->noverdue > 1)
            prt_buf_printf(b, ": %d milestones", d->noverdue);
        if (!d->noverdue) {
            prt_buf_printf(b, ": due ");
            when_into(b, a->due);
        }
    }
    return prt_buf_str(b);
}

const char *rpt_delivery_line(const prt_plan *plan, const prt_delivery_counts *k, prt_buf *b)
{
    prt_buf_clear(b);
    if (!k->activities)
        return "";
    const prt_delivery_scheme *s = plan->default_delivery >= 0 ? &plan->delivery[plan->default_delivery] : NULL;
    prt_buf_printf(b, "%d of %d activit%s ", k->on_target, k->activities, k->activities == 1 ? "y" : "ies");
    if (s)
        prt_buf_printf(b, "rated %s", s->bands[0].label);
    else
        prt_buf_printf(b, "complete or on track");
    prt_buf_printf(b, " (%d%%)", rpt_pct(k->on_target, k->activities));
    if (k->overdue)
        prt_buf_printf(b, "; %d overdue", k->overdue);
    if (k->with_status < k->activities)
        prt_buf_printf(b, "; %d without a status", k->activities - k->with_status);
    return prt_buf_str(b);
}

const char *rpt_tally_text(const prt_tally *t, prt_buf *b)
{
    prt_buf_clear(b);
    if (!t)
        return "";
    prt_buf_printf(b, "%d of %d %s (%d%%)", t->done, t->total, t->what ? t->what : "actions completed or on target",
                   rpt_pct(t->done, t->total));
    return prt_buf_str(b);
}

void rpt_activities_make(RptActivities *g, const prt_plan *plan)
{
    int nt = plan->nthemes;
    g->theme_first = prt_xcalloc((size_t)nt + 2, sizeof *g->theme_first);
    g->order = prt_xcalloc((size_t)plan->nactivities + 1, sizeof *g->order);
    for (int i = 0; i < plan->nactivities; i++) {
        int t = plan->activities[i].theme;
        if (t >= 0 && t < nt)
            g->theme_first[t + 1]++;
    }
    for (int t = 0; t < nt; t++)
        g->theme_first[t + 1] += g->theme_first[t];
    int *next = prt_xcalloc((size_t)nt + 1, sizeof *next);
    memcpy(next, g->theme_first, (size_t)nt * sizeof *next);
    for (int i = 0; i < plan->nactivities; i++) {
        int t = plan->activities[i].theme;
        if (t >= 0 && t < nt)
            g->order[next[t]++] = i;
    }
    free(next);
}

void rpt_activities_free(RptActivities *g)
{
    free(g->order);
    free(g->theme_first);
}

int rpt_theme_activities(const RptActivities *g, int th, const int **out)
{
    *out = g->order + g->theme_first[th];
    return g->theme_first[th + 1] - g->theme_first[th];
}

bool rpt_history_has_delivery(const prt_history *h)
{
    for (int k = 0; k < h->n; k++)
        if (h->ev[k]->delivery_total.with_status)
            return true;
    return false;
}

/* ---- reports (text, md, csv, json) ---- */

#include "results_delivery.h"

#include <stdio.h>

const prt_delivery_scheme *rpt_delivery_summary_scheme(const prt_plan *plan)
{
    return plan->default_delivery >= 0 ? &plan->delivery[plan->default_delivery] : NULL;
}

const prt_delivery_band *rpt_delivery_band(const prt_plan *plan, const prt_delivery *d)
{
    const prt_delivery_scheme *s = scheme_of(plan, d);
    return s && d->band >= 0 ? &s->bands[d->band] : NULL;
}

const char *rpt_delivery_rating_cell(const prt_plan *plan, const prt_delivery *d, prt_buf *b)
{
    rpt_delivery_rating_text(plan, d, b);
    if (d->undated)
        prt_buf_puts(b, " (undated)");
    if (d->provisional)
        prt_buf_puts(b, " (provisional)");
    return prt_buf_str(b);
}

const char *rpt_delivery_series_cell(const prt_plan *plan, const prt_delivery *d, prt_buf *b)
{
    rpt_delivery_short_text(plan, d, b);
    if (d->provisional && d->has_status)
        prt_buf_puts(b, " p");
    return prt_buf_str(b);
}

char *rpt_percent_complete(const prt_delivery *d, char *buf, size_t size)
{
    char num[64];
    buf[0] = '\0';
    if (d->has_percent)
        snprintf(buf, size, "%s%%", rpt_number(d->percent, -1, num, sizeof num));
    return buf;
}

char *rpt_iso_date(int yyyymmdd, char *buf, size_t size)
{
    buf[0] = '\0';
    if (yyyymmdd > 0)
        snprintf(buf, size, "%04d-%02d-%02d", yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);
    return buf;
}

char *rpt_when_iso(prt_when w, char *buf, size_t size)
{
    buf[0] = '\0';
    if (w.set && w.date)
        return rpt_iso_date(w.date, buf, size);
    if (w.set)
        snprintf(buf, size, "%s", prt_period_text(w.period).s);
    return buf;
}

int rpt_delivery_summary_header(const prt_plan *plan, const char *cells[RPT_DELIVERY_COLS])
{
    const prt_delivery_scheme *s = rpt_delivery_summary_scheme(plan);
    int c = 0;
    cells[c++] = "Pillar";
    for (int b = 0; s && b < s->nbands && b < PRT_MAX_BANDS; b++)
        cells[c++] = s->bands[b].label;
    cells[c++] = "Delivery";
    return c;
}

int rpt_delivery_summary_row(const prt_plan *plan, const char *name, const prt_delivery_counts *k,
                             RptDeliveryRow *row)
{
    const prt_delivery_scheme *s = rpt_delivery_summary_scheme(plan);
    int c = 0;
    row->cell[c++] = name;
    for (int b = 0; s && b < s->nbands && b < PRT_MAX_BANDS; b++) {
        snprintf(row->num[b], sizeof row->num[b], "%d", k->band[b]);
        row->cell[c++] = row->num[b];
    }
    /* a pillar without activities says so, rather than leaving its row blank */
    row->cell[c++] = k->activities ? rpt_delivery_line(plan, k, &row->line) : "no activities";
    return c;
}

bool rpt_delivery_audited(const prt_plan *plan, const prt_delivery *d)
{
    return d->published && scheme_of(plan, d);
}

bool rpt_delivery_reproduced(const prt_plan *plan, const prt_delivery *d, int *found)
{
    const prt_delivery_scheme *s = scheme_of(plan, d);
    *found = d->computed_band;
    if (!s || !d->published)
        return false;
    int named = prt_delivery_band_find(s, d->published);
    return named >= 0 && named == d->computed_band;
}

/* ---- pack and map ---- */

RptColourKind rpt_delivery_colour_kind(const prt_plan *plan, const prt_delivery *d)
{
    if (!d->has_status)
        return RPT_COLOUR_NO_STATUS;
    if (scheme_of(plan, d) && d->band >= 0)
        return RPT_COLOUR_BAND;
    if (d->on_target)
        return RPT_COLOUR_ON;
    if (d->state == PRT_STATE_AT_RISK || d->state == PRT_STATE_OFF_TRACK || d->impact == PRT_IMPACT_HIGH)
        return RPT_COLOUR_AT_RISK;
    return RPT_COLOUR_SLIPPING;
}

const prt_colour *rpt_colour_kind_colour(RptColourKind k)
{
    switch (k) {
    case RPT_COLOUR_ON: return prt_palette_named(PRT_COLOUR_GREEN);
    case RPT_COLOUR_SLIPPING: return prt_palette_named(PRT_COLOUR_AMBER);
    case RPT_COLOUR_AT_RISK: return prt_palette_named(PRT_COLOUR_RED);
    case RPT_COLOUR_BAND:
    case RPT_COLOUR_NO_STATUS:
    case RPT_N_COLOUR_KINDS: break;
    }
    return prt_palette_unrated();
}

const char *rpt_colour_kind_text(RptColourKind k)
{
    switch (k) {
    case RPT_COLOUR_NO_STATUS: return "no status";
    case RPT_COLOUR_ON: return "complete or on track (no delivery scheme)";
    case RPT_COLOUR_SLIPPING: return "not started, delayed or overdue (no delivery scheme)";
    case RPT_COLOUR_AT_RISK: return "at risk, off track or high impact (no delivery scheme)";
    case RPT_COLOUR_BAND:
    case RPT_N_COLOUR_KINDS: break;
    }
    return "";
}

const prt_colour *rpt_delivery_colour(const prt_plan *plan, const prt_delivery *d)
{
    RptColourKind k = rpt_delivery_colour_kind(plan, d);
    return k == RPT_COLOUR_BAND ? prt_palette_delivery(scheme_of(plan, d), d->band) : rpt_colour_kind_colour(k);
}
