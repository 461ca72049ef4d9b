/* The CSV report: one table, a row per indicator (and activity) and period, for spreadsheets and scripts. */
#include "report_layout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A CSV row is built in memory and written with one call: the report of 100,000 indicators is 2.3
 * million fields, and two stdio calls a field were a quarter of the evaluator's fixed time. */
static void row_cell(prt_buf *row, const char *s, bool last)
{
    prt_esc_csv(row, s);
    if (last)
        prt_buf_add(row, "\r\n", 2);
    else
        prt_buf_putc(row, ',');
}

void prt_csv_field(FILE *out, const char *s, bool last)
{
    prt_buf row = {0};
    row_cell(&row, s, last);
    prt_buf_flush(&row, out);
    prt_buf_free(&row);
}

static const char *rating_id(const prt_evaluation *ev, const prt_rating *r)
{
    const prt_indicator *in = &ev->plan->indicators[r->indicator];
    int band = in->scheme >= 0 ? prt_rating_shown_band(&ev->plan->schemes[in->scheme], r) : -1;
    return band >= 0 ? ev->plan->schemes[in->scheme].bands[band].id : "";
}

/* "Q001: what was found; Q002: ..." for the CSV's one field. */
static const char *quality_explanations(const prt_rating *r, prt_buf *b)
{
    prt_buf_clear(b);
    for (int f = 0; f < PRT_N_QUALITY_FLAGS; f++)
        if (r->quality & (1u << f))
            prt_buf_printf(b, "%s%s: %s", b->len ? "; " : "", prt_quality_codes[f],
                           r->quality_explanation[f] ? r->quality_explanation[f] : prt_quality_texts[f]);
    return prt_buf_str(b);
}

static const char *const csv_head[] = {
    "ref", "id", "indicator", "pillar", "theme", "polarity", "period", "target", "result", "status", "rating",
    "rating_label", "percent", "explanation", "last_year", "dot", "dot_explanation", "benchmark",
    "published_rating", "published_dot", "overridden", "exception", "comment",
    /* issue 14: the report's period, short-term direction, forecast, quality, restatements, ownership */
    "report_period", "previous_is_baseline", "dot_short", "dot_short_explanation", "prior", "prior_period",
    "prior_is_baseline", "forecast", "annual_target", "forecast_miss", "forecast_explanation", "quality",
    "quality_explanation", "provisional", "restated", "original", "restate_reason", "owner", "committee",
    "source", "theme_owner", "outcome_id", "outcome",
    /* issue 16: the result's confidence interval, and what a target "within confidence interval" made of it */
    "lower", "upper", "interval"};

static const char *yes_no(bool b)
{
    return b ? "yes" : "no";
}

/* The columns a report has always had (up to "comment"). */
static void csv_rating_cells(prt_buf *row, const prt_evaluation *ev, const prt_rating *r, RowBufs *rb)
{
    const prt_plan *plan = ev->plan;
    const prt_indicator *in = &plan->indicators[r->indicator];
    const prt_scheme *s = in->scheme >= 0 ? &plan->schemes[in->scheme] : NULL;
    const prt_theme *th = &plan->themes[in->theme];
    char val[64], pc[32];
    val[0] = pc[0] = '\0';
    if (r->status == PRT_RESULT_VALUE)
        rpt_number(r->value, -1, val, sizeof val);
    if (r->computed_band >= 0 && !r->overridden)   /* the method's figure: none for a rating it did not give */
        rpt_number(r->percent, 1, pc, sizeof pc);
    row_cell(row, in->ref, false);
    row_cell(row, in->id, false);
    row_cell(row, in->name, false);
    row_cell(row, plan->pillars[th->pillar].name, false);
    row_cell(row, th->name, false);
    row_cell(row, rpt_polarity_text(in->polarity), false);
    row_cell(row, prt_period_text(r->period).s, false);
    row_cell(row, rpt_target_text(ev, r, &rb->rt.target), false);
    row_cell(row, val, false);
    row_cell(row, r->status == PRT_RESULT_VALUE ? "value" : rpt_status_text(r->status), false);
    row_cell(row, rating_id(ev, r), false);
    row_cell(row, prt_band_name(s, prt_rating_shown_band(s, r)), false);
    row_cell(row, pc, false);
    row_cell(row, r->explanation, false);
    row_cell(row, rpt_last_year_text(ev, r, rb->last_year, sizeof rb->last_year), false);
    row_cell(row, prt_dot_name(r->dot), false);
    row_cell(row, r->dot_explanation, false);
    row_cell(row, rpt_benchmark_text(ev, r, &rb->rt.benchmark), false);
    row_cell(row, r->published_rating, false);
    row_cell(row, r->published_dot, false);
    row_cell(row, yes_no(r->overridden), false);
    row_cell(row, rpt_exception_text(plan, r, &rb->scratch), false);
    row_cell(row, r->comment, false);
}

/* A number in the indicator's unit, or "" when there is none. */
static void csv_value(prt_buf *row, const prt_indicator *in, bool has, double v)
{
    char buf[64];
    row_cell(row, has ? prt_format_value(in, v, buf, sizeof buf) : "", false);
}

/* The columns of issue 14. */
static void csv_history_cells(prt_buf *row, const prt_evaluation *ev, const prt_rating *r, RowBufs *rb, bool last)
{
    const prt_plan *plan = ev->plan;
    const prt_indicator *in = &plan->indicators[r->indicator];
    row_cell(row, prt_period_text(ev->period).s, false);
    row_cell(row, yes_no(r->previous_is_baseline), false);
    row_cell(row, prt_dot_name(r->dot_short), false);
    row_cell(row, r->dot_short_explanation, false);
    csv_value(row, in, r->has_prior, r->prior);
    row_cell(row, r->has_prior ? prt_period_text(r->prior_period).s : "", false);
    row_cell(row, yes_no(r->prior_is_baseline), false);
    csv_value(row, in, r->has_forecast, r->forecast);
    csv_value(row, in, r->has_forecast, r->annual_target);
    row_cell(row, r->has_forecast ? yes_no(r->forecast_miss) : "", false);
    row_cell(row, r->forecast_explanation, false);
    row_cell(row, rpt_quality_codes(r, " ", &rb->quality), false);
    row_cell(row, quality_explanations(r, &rb->scratch), false);
    row_cell(row, yes_no(r->provisional), false);
    row_cell(row, yes_no(r->restated), false);
    csv_value(row, in, r->restated, r->original);
    row_cell(row, r->restate_reason, false);
    row_cell(row, in->owner, false);
    row_cell(row, in->committee, false);
    row_cell(row, in->source, false);
    row_cell(row, plan->themes[in->theme].owner, false);
    bool has_outcome = in->outcome >= 0 && in->outcome < plan->noutcomes;
    row_cell(row, has_outcome ? plan->outcomes[in->outcome].id : "", false);
    row_cell(row, has_outcome ? plan->outcomes[in->outcome].name : "", false);
    csv_value(row, in, r->has_interval, r->lower);
    csv_value(row, in, r->has_interval, r->upper);
    row_cell(row, prt_interval_name(r->interval), last);
}

/* ---- CSV: the activities ---- */

/* A plan with activities: the report stays one table, one header.  The delivery columns follow the
 * indicator columns (which keep their places), "record" says what a row is ("indicator" or
 * "activity"), and an activity's row fills the indicator columns that mean the same for it (ref, id,
 * pillar, theme, period, explanation, exception, comment, report_period, provisional, owner,
 * theme_owner, outcome_id, outcome) and leaves the others empty. */
static const char *const csv_delivery_head[] = {
    "record", "activity", "state", "impact", "band", "band_label", "on_target", "overdue", "percent_complete",
    "due", "completed", "published", "milestones", "tally", "undated"};
enum { CSV_NHEAD = sizeof csv_head / sizeof csv_head[0],
       CSV_NDELIVERY = sizeof csv_delivery_head / sizeof csv_delivery_head[0] };

/* An indicator's row's delivery columns: its kind, the others empty. */
static void csv_indicator_delivery_cells(prt_buf *row)
{
    row_cell(row, "indicator", false);
    for (size_t c = 1; c < CSV_NDELIVERY; c++)
        row_cell(row, "", false);
}

/* Puts value in the indicator column called name. */
static void csv_set(const char **v, const char *name, const char *value)
{
    for (size_t c = 0; c < CSV_NHEAD; c++)
        if (strcmp(csv_head[c], name) == 0)
            v[c] = value;
}

/* The builders an activity's CSV row needs. */
typedef struct CsvActBufs {
    prt_buf exception, milestones, tally;
    char percent[64], due[64], completed[16];
} CsvActBufs;

static void csv_activity_row(prt_buf *row, const prt_history *h, int k, int ai, CsvActBufs *cb)
{
    const prt_plan *plan = h->plan;
    const prt_evaluation *ev = h->ev[k];
    const prt_activity *a = &plan->activities[ai];
    const prt_delivery *d = &ev->delivery[ai];
    const prt_theme *th = &plan->themes[a->theme];
    const prt_delivery_band *band = rpt_delivery_band(plan, d);
    bool has_outcome = a->outcome >= 0 && a->outcome < plan->noutcomes;
    prt_period_str period = prt_period_text(d->period), report_period = prt_period_text(prt_history_last(h)->period);
    const char *v[CSV_NHEAD] = {0};
    csv_set(v, "ref", a->id);
    csv_set(v, "id", a->id);
    csv_set(v, "pillar", plan->pillars[th->pillar].name);
    csv_set(v, "theme", th->name);
    csv_set(v, "period", period.s);
    csv_set(v, "explanation", d->explanation);
    csv_set(v, "exception", rpt_delivery_exception_text(plan, d, &cb->exception));
    csv_set(v, "comment", d->comment);
    csv_set(v, "report_period", report_period.s);
    csv_set(v, "provisional", yes_no(d->provisional));
    csv_set(v, "owner", a->owner);
    csv_set(v, "theme_owner", th->owner);
    csv_set(v, "outcome_id", has_outcome ? plan->outcomes[a->outcome].id : NULL);
    csv_set(v, "outcome", has_outcome ? plan->outcomes[a->outcome].name : NULL);
    for (size_t c = 0; c < CSV_NHEAD; c++)
        row_cell(row, v[c], false);
    cb->percent[0] = '\0';
    if (d->has_percent)
        rpt_number(d->percent, -1, cb->percent, sizeof cb->percent);
    row_cell(row, "activity", false);
    row_cell(row, a->name, false);
    row_cell(row, prt_delivery_state_words[d->state], false);
    row_cell(row, prt_impact_words[d->impact], false);
    row_cell(row, band ? band->id : "", false);
    row_cell(row, band ? band->label : "", false);
    row_cell(row, d->has_status ? yes_no(d->on_target) : "", false);
    row_cell(row, yes_no(d->overdue), false);
    row_cell(row, cb->percent, false);
    row_cell(row, rpt_when_iso(a->due, cb->due, sizeof cb->due), false);
    row_cell(row, rpt_iso_date(d->completed, cb->completed, sizeof cb->completed), false);
    row_cell(row, d->published, false);
    row_cell(row, rpt_milestones_text(plan, d, &cb->milestones), false);
    row_cell(row, rpt_tally_text(d->tally, &cb->tally), false);
    row_cell(row, yes_no(d->undated), false);
    row_cell(row, "", false);   /* basis and computed_rating: an activity's band is its scheme's */
    bool symbols = rpt_plan_has_symbols(plan);
    row_cell(row, "", !symbols);
    if (symbols)
        row_cell(row, band ? band->symbol : NULL, true);
}

/* One row per activity and period, after the indicators' rows, the periods of an activity together. */
static void csv_activities(FILE *out, const prt_history *h, prt_buf *row)
{
    CsvActBufs cb = {0};
    for (int ai = 0; ai < h->plan->nactivities; ai++)
        for (int k = 0; k < h->n; k++) {
            csv_activity_row(row, h, k, ai, &cb);
            prt_buf_flush(row, out);
        }
    prt_buf_free(&cb.exception);
    prt_buf_free(&cb.milestones);
    prt_buf_free(&cb.tally);
}

/* The last two columns, after every other (which keep their places): the basis of the ratings
 * (--ratings: "computed" or "record") and the band the plan's method gives, which under "record" may
 * differ from the rating (the rating of record). */
static const char *const csv_basis_head[] = {"basis", "computed_rating"};

static void csv_basis_cells(prt_buf *row, const prt_evaluation *ev, const prt_rating *r)
{
    const prt_indicator *in = &ev->plan->indicators[r->indicator];
    bool computed = r->computed_band >= 0 && in->scheme >= 0;
    const prt_scheme *s = in->scheme >= 0 ? &ev->plan->schemes[in->scheme] : NULL;
    bool symbols = rpt_plan_has_symbols(ev->plan);
    const char *sym = prt_band_symbol(s, s ? prt_rating_shown_band(s, r) : -1);
    row_cell(row, ev->basis == PRT_RATINGS_RECORD ? "record" : "computed", false);
    row_cell(row, computed ? ev->plan->schemes[in->scheme].bands[r->computed_band].id : "", !symbols);
    if (symbols)   /* issue 21: the band's symbol, last, in plans that give bands symbols */
        row_cell(row, sym, true);
}

/* One row per indicator and period of the history, the periods of an indicator together, oldest first;
 * then, when the plan has activities, one per activity and period (csv_delivery_head). */
void rpt_csv_report(FILE *out, const prt_history *h)
{
    const prt_plan *plan = h->plan;
    size_t nh = sizeof csv_head / sizeof csv_head[0];
    prt_buf row = {0};
    Layout L = {.h = h};
    RowBufs rb;
    rpt_rowbufs_init(&rb, &L);
    bool delivery = plan->nactivities > 0;
    for (size_t i = 0; i < nh; i++)
        row_cell(&row, csv_head[i], false);
    for (size_t i = 0; delivery && i < CSV_NDELIVERY; i++)
        row_cell(&row, csv_delivery_head[i], false);
    row_cell(&row, csv_basis_head[0], false);
    row_cell(&row, csv_basis_head[1], !rpt_plan_has_symbols(plan));
    if (rpt_plan_has_symbols(plan))
        row_cell(&row, "symbol", true);
    prt_buf_flush(&row, out);
    for (int i = 0; i < plan->nindicators; i++)
        for (int k = 0; k < h->n; k++) {
            csv_rating_cells(&row, h->ev[k], &h->ev[k]->ratings[i], &rb);
            csv_history_cells(&row, h->ev[k], &h->ev[k]->ratings[i], &rb, false);
            if (delivery)
                csv_indicator_delivery_cells(&row);
            csv_basis_cells(&row, h->ev[k], &h->ev[k]->ratings[i]);
            prt_buf_flush(&row, out);
        }
    if (delivery)
        csv_activities(out, h, &row);
    prt_buf_free(&row);
    rpt_rowbufs_free(&rb, &L);
}

/* ---- JSON ---- */
