/* Delivery ratings: each activity's band for a period, from its status (a return's row, else the
 * plan's), its delivery scheme and its milestones, and the counts the summaries print.
 * docs/rating.md ("Delivery") states every rule implemented here. */
#include "rate_parts.h"

#include <stdlib.h>
#include <string.h>

bool prt_delivery_maps_states(const prt_delivery_scheme *d)
{
    for (int i = 0; d && i < d->nbands; i++)
        if (d->bands[i].otherwise || d->bands[i].states || d->bands[i].impacts)
            return true;
    return false;
}

/* The band a state and impact fall in, best first; -1 when the scheme maps no state (the checker
 * makes a scheme that maps any state map them all). */
int prt_delivery_band_for(const prt_delivery_scheme *d, prt_delivery_state s, prt_impact im)
{
    for (int i = 0; d && s != PRT_STATE_NONE && i < d->nbands; i++) {
        const prt_delivery_band *b = &d->bands[i];
        if (b->otherwise)
            return i;
        if (!b->states && !b->impacts)
            continue;           /* given by judgement only */
        if ((!b->states || (b->states >> s & 1u)) && (!b->impacts || (b->impacts >> im & 1u)))
            return i;
    }
    return -1;
}

static int when_last_day(prt_when w) { return w.date ? w.date : prt_period_last_day(w.period); }
static int when_first_day(prt_when w) { return w.date ? w.date : prt_period_first_day(w.period); }

/* What the returns say for the period, gathered in one pass over the rows: each activity's row for
 * the period, and each milestone's latest row at or before it and whether a row says it is done. */
typedef struct Gathered {
    const prt_delivery_row **act;      /* per activity */
    const prt_delivery_row **ms;       /* per milestone (activities' milestones in order) */
    int *ms_done;                      /* per milestone: a completion date (yyyymmdd), 1 for "complete" with none, 0 */
    int *ms_first;                     /* per activity: the index of its first milestone */
} Gathered;

static void gather(Gathered *g, const prt_plan *plan, const prt_results *res, prt_period p)
{
    int nms = 0;
    g->ms_first = calloc((size_t)plan->nactivities + 1, sizeof *g->ms_first);
    for (int a = 0; a < plan->nactivities; a++) {
        g->ms_first[a] = nms;
        nms += plan->activities[a].nmilestones;
    }
    g->ms_first[plan->nactivities] = nms;
    g->act = calloc((size_t)plan->nactivities + 1, sizeof *g->act);
    g->ms = calloc((size_t)nms + 1, sizeof *g->ms);
    g->ms_done = calloc((size_t)nms + 1, sizeof *g->ms_done);
    if (!g->ms_first || !g->act || !g->ms || !g->ms_done)
        prt_out_of_memory();
    size_t n;
    const prt_delivery_row *rows = prt_results_delivery_rows(res, &n);
    int last = prt_period_last_day(p);
    for (size_t i = 0; i < n; i++) {
        const prt_delivery_row *d = &rows[i];
        if (d->activity < 0 || d->activity >= plan->nactivities)
            continue;           /* replaced by a restatement */
        if (d->milestone < 0) {
            if (prt_period_equal(d->period, p))
                g->act[d->activity] = d;
            continue;
        }
        if (prt_period_last_day(d->period) > last)
            continue;
        int k = g->ms_first[d->activity] + d->milestone;
        if (!g->ms[k] || prt_period_compare(g->ms[k]->period, d->period) <= 0)
            g->ms[k] = d;
        if (d->completed && (!g->ms_done[k] || g->ms_done[k] == 1 || d->completed < g->ms_done[k]))
            g->ms_done[k] = d->completed;
        else if (d->state == PRT_STATE_COMPLETE && !g->ms_done[k])
            g->ms_done[k] = 1;
    }
}

static void gathered_free(Gathered *g)
{
    free(g->act);
    free(g->ms);
    free(g->ms_done);
    free(g->ms_first);
}

/* The plan's status for the period: the dated one, else the undated one; NULL for none. */
static const prt_activity_status *plan_status(const prt_activity *a, prt_period p)
{
    const prt_activity_status *undated = NULL;
    for (int i = 0; i < a->nstatuses; i++) {
        if (a->statuses[i].dated && prt_period_equal(a->statuses[i].period, p))
            return &a->statuses[i];
        if (!a->statuses[i].dated)
            undated = &a->statuses[i];
    }
    return undated;
}

/* Milestones as they stand at the end of p; returns how many are overdue, and the first of them. */
static int rate_milestones(prt_delivery *d, const prt_activity *a, const Gathered *g, int ai, prt_period p,
                           int *first_overdue)
{
    int last = prt_period_last_day(p), overdue = 0;
    *first_overdue = -1;
    for (int m = 0; m < a->nmilestones; m++) {
        const prt_milestone *ms = &a->milestones[m];
        prt_milestone_status *st = &d->milestones[m];
        int k = g->ms_first[ai] + m;
        const prt_delivery_row *row = g->ms[k];
        st->state = row ? row->state : PRT_STATE_NONE;
        if (row && prt_period_equal(row->period, p))
            st->comment = row->comment;
        if (ms->completed.set && when_first_day(ms->completed) <= last) {
            st->complete = true;
            st->completed = ms->completed.date;
        }
        if (g->ms_done[k]) {
            st->complete = true;
            if (g->ms_done[k] > 1 && !st->completed)
                st->completed = g->ms_done[k];
        }
        if (st->complete && st->state == PRT_STATE_NONE)
            st->state = PRT_STATE_COMPLETE;
        st->overdue = ms->due.set && !st->complete && when_last_day(ms->due) <= last;
        if (st->overdue && overdue++ == 0)
            *first_overdue = m;
    }
    return overdue;
}

/* "milestone 'Cabinet decision' was due 30 Nov 2023" */
static const char *due_text(prt_pool *pool, prt_when w)
{
    return w.date ? prt_pool_printf(pool, "%s", prt_date_text(w.date).s)
                  : prt_pool_printf(pool, "%s", prt_period_text(w.period).s);
}

static const char *state_text(prt_pool *pool, const prt_delivery *d)
{
    if (d->impact != PRT_IMPACT_NONE)
        return prt_pool_printf(pool, "%s, %s", prt_delivery_state_texts[d->state], prt_impact_texts[d->impact]);
    return prt_delivery_state_texts[d->state];
}

static void explain(prt_pool *pool, prt_delivery *d, const prt_activity *a, const prt_delivery_scheme *s,
                    int first_overdue, bool activity_overdue)
{
    const char *what = d->state != PRT_STATE_NONE ? state_text(pool, d) : "";
    const char *e;
    if (!d->has_status)
        e = prt_pool_printf(pool, "No status for %s", prt_period_text(d->period).s);
    else if (d->overridden)
        e = prt_pool_printf(pool, "%s: overridden (from %s): %s", s->bands[d->band].label,
                            d->state_band >= 0 ? s->bands[d->state_band].label : "not rated",
                            d->override_reason ? d->override_reason : "");
    else if (d->judged)
        e = prt_pool_printf(pool, "%s: as assessed%s%s", s->bands[d->band].label, *what ? ", " : "", what);
    else if (d->overdue_moved)
        e = prt_pool_printf(pool, "%s: %s, and overdue", s->bands[d->band].label, what);
    else if (d->band >= 0)
        e = prt_pool_printf(pool, "%s: %s", s->bands[d->band].label, what);
    else
        e = prt_pool_printf(pool, "%s", *what ? what : "No status");
    if (d->overdue) {
        const char *late = activity_overdue && first_overdue < 0
                               ? prt_pool_printf(pool, "the activity was due %s", due_text(pool, a->due))
                               : prt_pool_printf(pool, "milestone '%s' was due %s%s",
                                                 a->milestones[first_overdue].name ? a->milestones[first_overdue].name
                                                                                   : a->milestones[first_overdue].id,
                                                 due_text(pool, a->milestones[first_overdue].due),
                                                 d->noverdue > 1 ? prt_pool_printf(pool, " (%d overdue)", d->noverdue) : "");
        if (d->overdue_moved && s->overdue == PRT_OVERDUE_WORSENS)
            e = prt_pool_printf(pool, "%s (%s): the scheme rates an overdue activity %d band%s worse than %s", e, late,
                                s->overdue_n, s->overdue_n == 1 ? "" : "s", s->bands[d->state_band].label);
        else if (d->overdue_moved)
            e = prt_pool_printf(pool, "%s (%s): the scheme rates an overdue activity %s at best", e, late,
                                s->bands[s->overdue_n].label);
        else
            e = prt_pool_printf(pool, "%s; overdue: %s", e, late);
    }
    if (d->undated)
        e = prt_pool_printf(pool, "%s (the plan's status, undated)", e);
    d->explanation = e;
}

/* The band after the scheme's overdue rule (only a band found from a state moves). */
static int overdue_band(const prt_delivery_scheme *s, int band)
{
    if (s->overdue == PRT_OVERDUE_WORSENS) {
        int b = band + s->overdue_n;
        return b < s->nbands ? b : s->nbands - 1;
    }
    if (s->overdue == PRT_OVERDUE_AT && band < s->overdue_n)
        return s->overdue_n;
    return band;
}

static void rate_activity(prt_evaluation *ev, const Gathered *g, int ai)
{
    const prt_plan *plan = ev->plan;
    const prt_activity *a = &plan->activities[ai];
    const prt_delivery_scheme *s = a->scheme >= 0 ? &plan->delivery[a->scheme] : NULL;
    prt_delivery *d = &ev->delivery[ai];
    prt_period p = ev->period;
    d->activity = ai;
    d->period = p;
    d->band = d->state_band = d->computed_band = -1;
    const prt_delivery_row *row = g->act[ai];
    const prt_activity_status *st = plan_status(a, p);
    bool row_says = row && (row->state != PRT_STATE_NONE || row->band >= 0);
    d->row = row;
    d->from_return = row_says;
    d->undated = !row_says && st && !st->dated;
    if (row_says) {
        d->state = row->state;
        d->impact = row->impact;
        d->band = row->band;
    } else if (st) {
        d->state = st->state;
        d->impact = st->impact;
        d->band = st->band;
    }
    d->has_status = d->state != PRT_STATE_NONE || d->band >= 0;
    d->judged = d->band >= 0;
    d->has_percent = row && row->has_percent ? true : st && st->has_percent;
    d->percent = row && row->has_percent ? row->percent : st && st->has_percent ? st->percent : 0;
    d->comment = row && row->comment ? row->comment : st && st->note ? st->note : a->progress;
    d->published = row && row->rating ? row->rating : st ? st->rated : NULL;
    d->provisional = row && row->provisional;
    d->completed = row ? row->completed : 0;
    for (int i = 0; i < a->ntallies; i++)
        if (prt_period_equal(a->tallies[i].period, p))
            d->tally = &a->tallies[i];
    d->milestones = ev->milestone_status + g->ms_first[ai];
    int first_overdue;
    d->noverdue = rate_milestones(d, a, g, ai, p, &first_overdue);
    bool activity_overdue = a->due.set && d->state != PRT_STATE_COMPLETE && !d->completed &&
                            when_last_day(a->due) <= prt_period_last_day(p);
    d->overdue = d->noverdue > 0 || activity_overdue;
    if (s && !d->judged) {
        d->state_band = prt_delivery_band_for(s, d->state, d->impact);
        d->band = d->state_band;
        if (d->overdue && d->band >= 0) {
            int moved = overdue_band(s, d->band);
            d->overdue_moved = moved != d->band;
            d->band = moved;
        }
    } else if (s) {
        d->state_band = d->band;
    }
    d->computed_band = d->band;
    if (s && row && row->override >= 0) {
        d->overridden = true;
        d->override_reason = row->reason;
        d->band = row->override;
    }
    if (!s)
        d->band = -1;
    d->on_target = s ? d->band == 0
                     : (d->state == PRT_STATE_COMPLETE || d->state == PRT_STATE_ON_TRACK) && !d->overdue;
    d->exception = d->overdue || (d->has_status && !d->on_target);
    explain(&ev->strings, d, a, s, first_overdue, activity_overdue);
}

static void count(prt_delivery_counts *k, const prt_delivery *d, bool count_band)
{
    k->activities++;
    if (!d->has_status)
        return;
    k->with_status++;
    k->on_target += d->on_target;
    k->exceptions += d->exception;
    k->overdue += d->overdue;
    k->complete += d->state == PRT_STATE_COMPLETE;
    k->state[d->state]++;
    if (count_band && d->band >= 0 && d->band < PRT_MAX_BANDS)
        k->band[d->band]++;
}

void prt_delivery_evaluate(prt_evaluation *ev, const prt_results *res)
{
    const prt_plan *plan = ev->plan;
    ev->delivery = calloc((size_t)plan->nactivities + 1, sizeof *ev->delivery);
    ev->theme_delivery = calloc((size_t)plan->nthemes + 1, sizeof *ev->theme_delivery);
    ev->pillar_delivery = calloc((size_t)plan->npillars + 1, sizeof *ev->pillar_delivery);
    Gathered g;
    gather(&g, plan, res, ev->period);
    ev->milestone_status = calloc((size_t)g.ms_first[plan->nactivities] + 1, sizeof *ev->milestone_status);
    if (!ev->delivery || !ev->theme_delivery || !ev->pillar_delivery || !ev->milestone_status)
        prt_out_of_memory();
    for (int i = 0; i < plan->nactivities; i++) {
        rate_activity(ev, &g, i);
        const prt_delivery *d = &ev->delivery[i];
        bool band = plan->activities[i].scheme == plan->default_delivery;
        count(&ev->delivery_total, d, band);
        int t = plan->activities[i].theme;
        if (t >= 0 && t < plan->nthemes) {
            count(&ev->theme_delivery[t], d, band);
            int p = plan->themes[t].pillar;
            if (p >= 0 && p < plan->npillars)
                count(&ev->pillar_delivery[p], d, band);
        }
    }
    gathered_free(&g);
}

void prt_delivery_free(prt_evaluation *ev)
{
    free(ev->delivery);
    free(ev->theme_delivery);
    free(ev->pillar_delivery);
    free(ev->milestone_status);
}
