/* The JSON report: every figure, rating, explanation and count, for machines. */
#include "report_layout.h"
#include "rate_parts.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Printable ASCII without a quote or a backslash, the common case, needs no escaping and no scratch
 * string: the report of 100,000 indicators has two million strings. */
static void json_str(FILE *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (p && *p >= 0x20 && *p < 0x7F && *p != '"' && *p != '\\')
        p++;
    if (!p || *p) {
        prt_write_escaped(out, prt_esc_json, s);
        return;
    }
    fputc('"', out);
    fputs(s, out);
    fputc('"', out);
}

static void json_num(FILE *out, double v)
{
    char buf[64];
    fputs(rpt_number(v, -1, buf, sizeof buf), out);
}

static void json_counts(FILE *out, const prt_evaluation *ev, const prt_counts *k)
{
    const prt_scheme *s = rpt_summary_scheme(ev);
    fprintf(out, "{\"reported\": %d, \"rated\": %d, \"on_target\": %d, \"below_target\": %d, \"monitor_nya\": %d, "
                 "\"with_dot\": %d, \"improved_same\": %d, \"worsened\": %d, \"bands\": {",
            k->reported, k->rated, k->on_target, k->below_target, k->monitor_nya, k->with_dot, k->improved_same,
            k->worsened);
    for (int b = 0; b < rpt_summary_bands(s); b++) {
        if (b)
            fputs(", ", out);
        json_str(out, s->bands[b].id);
        fprintf(out, ": %d", k->band[b]);
    }
    fputs("}}", out);
}

/* A number, or null when there is none. */
static void json_opt_num(FILE *out, bool has, double v)
{
    if (has)
        json_num(out, v);
    else
        fputs("null", out);
}

static const char *json_bool(bool b)
{
    return b ? "true" : "false";
}

/* The data-quality flags: [{code, text, explanation}], what each means and what was found. */
static void json_quality(FILE *out, const prt_rating *r)
{
    fputc('[', out);
    bool first = true;
    for (int f = 0; f < PRT_N_QUALITY_FLAGS; f++)
        if (r->quality & (1u << f)) {
            fputs(first ? "{\"code\": " : ", {\"code\": ", out);
            json_str(out, prt_quality_codes[f]);
            fputs(", \"text\": ", out);
            json_str(out, prt_quality_texts[f]);
            fputs(", \"explanation\": ", out);
            json_str(out, r->quality_explanation[f]);
            fputc('}', out);
            first = false;
        }
    fputc(']', out);
}

static void json_reasons(FILE *out, const prt_plan *plan, const prt_rating *r, prt_buf *scratch)
{
    const char *reasons[RPT_MAX_REASONS];
    int n = rpt_exception_reasons(plan, r, reasons, scratch);
    fputc('[', out);
    for (int k = 0; k < n; k++) {
        fputs(k ? ", " : "", out);
        json_str(out, reasons[k]);
    }
    fputc(']', out);
}

static void json_dot(FILE *out, prt_dot d)
{
    json_str(out, d == PRT_DOT_NONE ? NULL : prt_dot_name(d));
}

/* One period of an indicator's history. */
static void json_history_entry(FILE *out, const prt_evaluation *ev, const prt_rating *r)
{
    const prt_indicator *in = &ev->plan->indicators[r->indicator];
    const prt_scheme *s = in->scheme >= 0 ? &ev->plan->schemes[in->scheme] : NULL;
    fputs("{\"period\": ", out);
    json_str(out, prt_period_text(r->period).s);
    fputs(", \"status\": ", out);
    json_str(out, r->status == PRT_RESULT_VALUE ? "value" : rpt_status_text(r->status));
    fputs(", \"value\": ", out);
    json_opt_num(out, r->status == PRT_RESULT_VALUE, r->value);
    fputs(", \"target\": ", out);
    json_opt_num(out, r->has_target && (r->band >= 0 || r->target->kind == PRT_TARGET_VALUE ||
                                        r->target->kind == PRT_TARGET_THRESHOLD),
                 r->target_value);
    fputs(", \"band\": ", out);
    json_str(out, r->band >= 0 ? s->bands[r->band].id : NULL);
    fputs(", \"band_label\": ", out);
    json_str(out, r->band >= 0 ? s->bands[r->band].label : NULL);
    fputs(", \"dot\": ", out);
    json_dot(out, r->dot);
    fputs(", \"dot_short\": ", out);
    json_dot(out, r->dot_short);
    fprintf(out, ", \"provisional\": %s, \"restated\": %s, \"quality\": ", json_bool(r->provisional),
            json_bool(r->restated));
    json_quality(out, r);
    fputc('}', out);
}

/* The fields a rating has had since before issue 14. */
static void json_rating_fields(FILE *out, const prt_evaluation *ev, const prt_rating *r, RowBufs *rb)
{
    const prt_plan *plan = ev->plan;
    const prt_indicator *in = &plan->indicators[r->indicator];
    const prt_scheme *s = in->scheme >= 0 ? &plan->schemes[in->scheme] : NULL;
    fputs("\"ref\": ", out);
    json_str(out, in->ref);
    fputs(", \"id\": ", out);
    json_str(out, in->id);
    fputs(", \"name\": ", out);
    json_str(out, in->name);
    fputs(", \"theme\": ", out);
    json_str(out, plan->themes[in->theme].id);
    fputs(", \"polarity\": ", out);
    json_str(out, rpt_polarity_text(in->polarity));
    fputs(", \"period\": ", out);
    json_str(out, prt_period_text(r->period).s);
    fputs(", \"target\": ", out);
    json_str(out, rpt_target_text(ev, r, &rb->rt.target));
    fputs(", \"target_value\": ", out);
    json_opt_num(out, r->has_target && (r->band >= 0 || r->target->kind == PRT_TARGET_VALUE ||
                                        r->target->kind == PRT_TARGET_THRESHOLD),
                 r->target_value);
    fputs(", \"status\": ", out);
    json_str(out, r->status == PRT_RESULT_VALUE ? "value" : rpt_status_text(r->status));
    fputs(", \"result\": ", out);
    json_opt_num(out, r->status == PRT_RESULT_VALUE, r->value);
    int shown = prt_rating_shown_band(s, r);   /* its rating, or the monitor band */
    fputs(", \"rating\": ", out);
    json_str(out, shown >= 0 ? s->bands[shown].id : NULL);
    fputs(", \"rating_label\": ", out);
    json_str(out, shown >= 0 ? s->bands[shown].label : NULL);
    if (rpt_plan_has_symbols(plan)) {   /* issue 21: only in plans that give bands symbols */
        fputs(", \"symbol\": ", out);
        json_str(out, prt_band_symbol(s, shown));
    }
    if (r->expected) {   /* a contextual indicator's expected level */
        fputs(", \"expected\": ", out);
        json_opt_num(out, true, r->expected->value);
    }
    fputs(", \"percent\": ", out);
    json_opt_num(out, r->computed_band >= 0 && !r->overridden, r->percent);   /* the method's figure */
    if (ev->basis == PRT_RATINGS_RECORD) {
        /* the ratings of record: the band the method gives beside the one reported */
        fputs(", \"computed_rating\": ", out);
        json_str(out, r->computed_band >= 0 ? s->bands[r->computed_band].id : NULL);
        fprintf(out, ", \"of_record\": %s", json_bool(r->of_record));
    }
    fputs(", \"explanation\": ", out);
    json_str(out, r->explanation);
    fputs(", \"last_year\": ", out);
    json_opt_num(out, r->has_previous, r->previous);
    fputs(", \"dot\": ", out);
    json_dot(out, r->dot);
    fputs(", \"dot_explanation\": ", out);
    json_str(out, r->dot_explanation[0] ? r->dot_explanation : NULL);
    fputs(", \"published_rating\": ", out);
    json_str(out, r->published_rating);
    fprintf(out, ", \"overridden\": %s, \"exception\": %s, \"comment\": ", json_bool(r->overridden),
            json_bool(r->exception));
    json_str(out, r->comment);
}

/* The result's confidence interval (null bounds when not given) and what a target "within confidence
 * interval" made of it: "contains target", "excludes target", "not given", or null for no such target. */
static void json_interval(FILE *out, const prt_rating *r)
{
    fputs(", \"lower\": ", out);
    json_opt_num(out, r->has_interval, r->lower);
    fputs(", \"upper\": ", out);
    json_opt_num(out, r->has_interval, r->upper);
    fputs(", \"interval\": ", out);
    json_str(out, r->interval != PRT_INTERVAL_NONE ? prt_interval_name(r->interval) : NULL);
}

/* Issue 14's fields: both directions, the forecast, quality, restatement. */
static void json_time_fields(FILE *out, const prt_rating *r)
{
    fprintf(out, ", \"previous_is_baseline\": %s, \"dot_short\": ", json_bool(r->previous_is_baseline));
    json_dot(out, r->dot_short);
    fputs(", \"dot_short_explanation\": ", out);
    json_str(out, r->dot_short_explanation[0] ? r->dot_short_explanation : NULL);
    fputs(", \"prior\": ", out);
    json_opt_num(out, r->has_prior, r->prior);
    fputs(", \"prior_period\": ", out);
    json_str(out, r->has_prior ? prt_period_text(r->prior_period).s : NULL);
    fprintf(out, ", \"prior_is_baseline\": %s, \"forecast\": ", json_bool(r->prior_is_baseline));
    if (r->has_forecast) {
        fputs("{\"value\": ", out);
        json_num(out, r->forecast);
        fputs(", \"annual_target\": ", out);
        json_num(out, r->annual_target);
        fprintf(out, ", \"miss\": %s, \"explanation\": ", json_bool(r->forecast_miss));
        json_str(out, r->forecast_explanation);
        fputc('}', out);
    } else {
        fputs("null", out);
    }
    fputs(", \"quality\": ", out);
    json_quality(out, r);
    fprintf(out, ", \"provisional\": %s, \"restated\": %s, \"original\": ", json_bool(r->provisional),
            json_bool(r->restated));
    json_opt_num(out, r->restated, r->original);
    fputs(", \"restate_reason\": ", out);
    json_str(out, r->restated ? r->restate_reason : NULL);
    json_interval(out, r);
}

/* Who owns the indicator, and the outcome it measures. */
static void json_owner_fields(FILE *out, const prt_plan *plan, const prt_indicator *in)
{
    bool has_outcome = in->outcome >= 0 && in->outcome < plan->noutcomes;
    fputs(", \"owner\": ", out);
    json_str(out, in->owner);
    fputs(", \"committee\": ", out);
    json_str(out, in->committee);
    fputs(", \"source\": ", out);
    json_str(out, in->source);
    fputs(", \"theme_owner\": ", out);
    json_str(out, plan->themes[in->theme].owner);
    fputs(", \"outcome\": ", out);
    json_str(out, has_outcome ? plan->outcomes[in->outcome].id : NULL);
    fputs(", \"outcome_name\": ", out);
    json_str(out, has_outcome ? plan->outcomes[in->outcome].name : NULL);
}

/* Every benchmark with a value beside the rating, in the order the text report prints them (issue
 * 16: the report had none): id, name, value, the value as printed, and when it was measured. */
static void json_benchmarks(FILE *out, const prt_evaluation *ev, const prt_rating *r)
{
    const prt_indicator *in = &ev->plan->indicators[r->indicator];
    bool first = true;
    fputs(", \"benchmarks\": [", out);
    for (int n = 0, k; (k = prt_rating_benchmark_at(ev->plan, r, n)) >= 0; n++) {
        double value;
        prt_period when;
        char v[64];
        if (!prt_rating_benchmark(ev->plan, r, k, &value, &when))
            continue;
        fputs(first ? "{\"id\": " : ", {\"id\": ", out);
        first = false;
        json_str(out, ev->plan->benchmarks[k].id);
        fputs(", \"name\": ", out);
        json_str(out, ev->plan->benchmarks[k].name);
        fputs(", \"value\": ", out);
        json_num(out, value);
        fputs(", \"text\": ", out);
        json_str(out, prt_format_value(in, value, v, sizeof v));
        fputs(", \"period\": ", out);
        json_str(out, prt_period_text(when).s);
        fputc('}', out);
    }
    fputc(']', out);
}

static void json_indicator(FILE *out, const prt_history *h, int i, RowBufs *rb)
{
    const prt_evaluation *ev = prt_history_last(h);
    const prt_rating *r = &ev->ratings[i];
    json_rating_fields(out, ev, r, rb);
    json_time_fields(out, r);
    json_owner_fields(out, h->plan, &h->plan->indicators[i]);
    json_benchmarks(out, ev, r);
    fputs(", \"target_reason\": ", out);
    json_str(out, r->target ? r->target->reason : NULL);
    fputs(", \"exception_reasons\": ", out);
    json_reasons(out, h->plan, r, &rb->scratch);
    fputs(", \"history\": [", out);
    for (int k = 0; k < h->n; k++) {
        fputs(k ? ", " : "", out);
        json_history_entry(out, h->ev[k], &h->ev[k]->ratings[i]);
    }
    fputc(']', out);
}

/* ---- JSON: the activities ---- */

/* A delivery count: every prt_delivery_counts field, the bands of the plan's default delivery
 * scheme keyed by band id, the states keyed by word, and the summary line. */
static void json_delivery_counts(FILE *out, const prt_plan *plan, const prt_delivery_counts *k, prt_buf *scratch)
{
    const prt_delivery_scheme *s = rpt_delivery_summary_scheme(plan);
    fprintf(out, "{\"activities\": %d, \"with_status\": %d, \"on_target\": %d, \"exceptions\": %d, \"overdue\": %d, "
                 "\"complete\": %d, \"bands\": {",
            k->activities, k->with_status, k->on_target, k->exceptions, k->overdue, k->complete);
    for (int b = 0; s && b < s->nbands && b < PRT_MAX_BANDS; b++) {
        fputs(b ? ", " : "", out);
        json_str(out, s->bands[b].id);
        fprintf(out, ": %d", k->band[b]);
    }
    fputs("}, \"states\": {", out);
    for (int st = 1; st < PRT_N_DELIVERY_STATES; st++) {
        fputs(st > 1 ? ", " : "", out);
        json_str(out, prt_delivery_state_words[st]);
        fprintf(out, ": %d", k->state[st]);
    }
    fputs("}, \"line\": ", out);
    json_str(out, rpt_delivery_line(plan, k, scratch));
    fputc('}', out);
}

/* A band of the activity's scheme by index: its id, or null. */
static void json_delivery_band_id(FILE *out, const prt_plan *plan, const prt_delivery *d, int band)
{
    int s = plan->activities[d->activity].scheme;
    json_str(out, s >= 0 && band >= 0 ? plan->delivery[s].bands[band].id : NULL);
}

static void json_milestones(FILE *out, const prt_plan *plan, const prt_delivery *d)
{
    const prt_activity *a = &plan->activities[d->activity];
    char when[64], done[16];
    fputc('[', out);
    for (int m = 0; m < a->nmilestones; m++) {
        const prt_milestone_status *st = &d->milestones[m];
        fputs(m ? ", {\"id\": " : "{\"id\": ", out);
        json_str(out, a->milestones[m].id);
        fputs(", \"name\": ", out);
        json_str(out, a->milestones[m].name);
        fputs(", \"start\": ", out);
        json_str(out, a->milestones[m].start.set ? rpt_when_iso(a->milestones[m].start, when, sizeof when) : NULL);
        fputs(", \"due\": ", out);
        json_str(out, a->milestones[m].due.set ? rpt_when_iso(a->milestones[m].due, when, sizeof when) : NULL);
        fputs(", \"state\": ", out);
        json_str(out, prt_delivery_state_words[st->state]);
        fprintf(out, ", \"complete\": %s, \"completed\": ", json_bool(st->complete));
        json_str(out, st->completed ? rpt_iso_date(st->completed, done, sizeof done) : NULL);
        fprintf(out, ", \"overdue\": %s, \"comment\": ", json_bool(st->overdue));
        json_str(out, st->comment);
        fputc('}', out);
    }
    fputc(']', out);
}

/* Every field of an activity's rating for one period. */
static void json_delivery_fields(FILE *out, const prt_plan *plan, const prt_delivery *d, prt_buf *scratch)
{
    const prt_delivery_band *band = rpt_delivery_band(plan, d);
    char done[16];
    fputs("\"period\": ", out);
    json_str(out, prt_period_text(d->period).s);
    fprintf(out, ", \"has_status\": %s, \"undated\": %s, \"from_return\": %s, \"state\": ", json_bool(d->has_status),
            json_bool(d->undated), json_bool(d->from_return));
    json_str(out, prt_delivery_state_words[d->state]);
    fputs(", \"impact\": ", out);
    json_str(out, prt_impact_words[d->impact]);
    fputs(", \"band\": ", out);
    json_str(out, band ? band->id : NULL);
    fputs(", \"band_label\": ", out);
    json_str(out, band ? band->label : NULL);
    if (rpt_plan_has_symbols(plan)) {
        fputs(", \"symbol\": ", out);
        json_str(out, band ? band->symbol : NULL);
    }
    fputs(", \"rating\": ", out);
    json_str(out, rpt_delivery_rating_text(plan, d, scratch));
    fputs(", \"state_band\": ", out);
    json_delivery_band_id(out, plan, d, d->state_band);
    fputs(", \"computed_band\": ", out);
    json_delivery_band_id(out, plan, d, d->computed_band);
    fprintf(out, ", \"judged\": %s, \"overridden\": %s, \"override_reason\": ", json_bool(d->judged),
            json_bool(d->overridden));
    json_str(out, d->overridden ? d->override_reason : NULL);
    fprintf(out, ", \"overdue\": %s, \"overdue_moved\": %s, \"milestones_overdue\": %d, \"on_target\": %s, "
                 "\"exception\": %s, \"exception_reason\": ",
            json_bool(d->overdue), json_bool(d->overdue_moved), d->noverdue, json_bool(d->on_target),
            json_bool(d->exception));
    json_str(out, d->exception ? rpt_delivery_exception_text(plan, d, scratch) : NULL);
    fputs(", \"percent_complete\": ", out);
    json_opt_num(out, d->has_percent, d->percent);
    fputs(", \"completed\": ", out);
    json_str(out, d->completed ? rpt_iso_date(d->completed, done, sizeof done) : NULL);
    fprintf(out, ", \"provisional\": %s, \"comment\": ", json_bool(d->provisional));
    json_str(out, d->comment);
    fputs(", \"published\": ", out);
    json_str(out, d->published);
    fputs(", \"explanation\": ", out);
    json_str(out, d->explanation);
    fputs(", \"tally\": ", out);
    if (d->tally) {
        fprintf(out, "{\"done\": %d, \"total\": %d, \"what\": ", d->tally->done, d->tally->total);
        json_str(out, d->tally->what);
        fputs(", \"text\": ", out);
        json_str(out, rpt_tally_text(d->tally, scratch));
        fputc('}', out);
    } else {
        fputs("null", out);
    }
    fputs(", \"milestones\": ", out);
    json_milestones(out, plan, d);
}

/* An activity: what the plan says of it (its theme, as an indicator's, names the pillar: the summary's
 * themes give it), its rating in the report's period, and a history entry per period with every field. */
static void json_activity(FILE *out, const prt_history *h, int ai, prt_buf *scratch)
{
    const prt_plan *plan = h->plan;
    const prt_activity *a = &plan->activities[ai];
    const prt_theme *th = &plan->themes[a->theme];
    bool has_outcome = a->outcome >= 0 && a->outcome < plan->noutcomes;
    char when[64];
    fputs("\"id\": ", out);
    json_str(out, a->id);
    fputs(", \"name\": ", out);
    json_str(out, a->name);
    fputs(", \"theme\": ", out);
    json_str(out, th->id);
    fputs(", \"outcome\": ", out);
    json_str(out, has_outcome ? plan->outcomes[a->outcome].id : NULL);
    fputs(", \"scheme\": ", out);
    json_str(out, a->scheme >= 0 ? plan->delivery[a->scheme].id : NULL);
    fputs(", \"owner\": ", out);
    json_str(out, a->owner);
    fputs(", \"description\": ", out);
    json_str(out, a->description);
    fputs(", \"due\": ", out);
    json_str(out, a->due.set ? rpt_when_iso(a->due, when, sizeof when) : NULL);
    fputs(", ", out);
    json_delivery_fields(out, plan, &prt_history_last(h)->delivery[ai], scratch);
    fputs(", \"history\": [", out);
    for (int k = 0; k < h->n; k++) {
        fputs(k ? ", {" : "{", out);
        json_delivery_fields(out, plan, &h->ev[k]->delivery[ai], scratch);
        fputc('}', out);
    }
    fputc(']', out);
}

static void json_activities(FILE *out, const prt_history *h, prt_buf *scratch)
{
    fputs(",\n  \"activities\": [", out);
    for (int ai = 0; ai < h->plan->nactivities; ai++) {
        fputs(ai ? ",\n    {" : "\n    {", out);
        json_activity(out, h, ai, scratch);
        fputc('}', out);
    }
    fputs("\n  ]", out);
}

/* The activities that are exceptions in the report's period: [{id, name, theme, period, reason}]. */
static void json_delivery_exceptions(FILE *out, const prt_evaluation *ev, prt_buf *scratch)
{
    const prt_plan *plan = ev->plan;
    int shown = 0;
    fputs(",\n  \"delivery_exceptions\": [", out);
    for (int ai = 0; ai < plan->nactivities; ai++) {
        const prt_delivery *d = &ev->delivery[ai];
        if (!d->exception)
            continue;
        fputs(shown++ ? ",\n    {\"id\": " : "\n    {\"id\": ", out);
        json_str(out, plan->activities[ai].id);
        fputs(", \"name\": ", out);
        json_str(out, plan->activities[ai].name);
        fputs(", \"theme\": ", out);
        json_str(out, plan->themes[plan->activities[ai].theme].id);
        fputs(", \"period\": ", out);
        json_str(out, prt_period_text(d->period).s);
        fputs(", \"reason\": ", out);
        json_str(out, rpt_delivery_exception_text(plan, d, scratch));
        fputc('}', out);
    }
    fputs(shown ? "\n  ]" : "]", out);
}

/* The report's header: plan, period, when produced, from which plan. */
static void json_header(FILE *out, const prt_history *h)
{
    const prt_plan *plan = h->plan;
    fputs("{\n  \"plan\": ", out);
    json_str(out, plan->name);
    fputs(",\n  \"organisation\": ", out);
    json_str(out, plan->organisation);
    fputs(",\n  \"period\": ", out);
    json_str(out, prt_period_text(prt_history_last(h)->period).s);
    fputs(",\n  \"periods\": [", out);
    for (int k = 0; k < h->n; k++) {
        fputs(k ? ", " : "", out);
        json_str(out, prt_period_text(h->ev[k]->period).s);
    }
    fputs("],\n  \"produced\": ", out);
    json_str(out, h->produced);
    fputs(",\n  \"version\": ", out);
    json_str(out, plan->version);
    fputs(",\n  \"digest\": ", out);
    json_str(out, plan->digest);
    fprintf(out, ",\n  \"provisional\": %s", json_bool(h->provisional));
    fprintf(out, ",\n  \"ratings_basis\": \"%s\"", h->basis == PRT_RATINGS_RECORD ? "record" : "computed");
}

static void json_summary(FILE *out, const prt_evaluation *ev)
{
    const prt_plan *plan = ev->plan;
    bool delivery = plan->nactivities > 0;
    prt_buf scratch = {0};
    fputs(",\n  \"summary\": {\n    \"total\": ", out);
    json_counts(out, ev, &ev->total);
    if (delivery) {
        fputs(",\n    \"delivery\": ", out);
        json_delivery_counts(out, plan, &ev->delivery_total, &scratch);
    }
    fputs(",\n    \"pillars\": [", out);
    for (int p = 0; p < plan->npillars; p++) {
        fputs(p ? ",\n      {\"id\": " : "\n      {\"id\": ", out);
        json_str(out, plan->pillars[p].id);
        fputs(", \"name\": ", out);
        json_str(out, plan->pillars[p].name);
        fputs(", \"counts\": ", out);
        json_counts(out, ev, &ev->pillar_counts[p]);
        if (delivery) {
            fputs(", \"delivery\": ", out);
            json_delivery_counts(out, plan, &ev->pillar_delivery[p], &scratch);
        }
        fputc('}', out);
    }
    fputs("\n    ],\n    \"themes\": [", out);
    for (int t = 0; t < plan->nthemes; t++) {
        fputs(t ? ",\n      {\"id\": " : "\n      {\"id\": ", out);
        json_str(out, plan->themes[t].id);
        fputs(", \"name\": ", out);
        json_str(out, plan->themes[t].name);
        fputs(", \"pillar\": ", out);
        json_str(out, plan->pillars[plan->themes[t].pillar].id);
        fputs(", \"owner\": ", out);
        json_str(out, plan->themes[t].owner);
        fputs(", \"counts\": ", out);
        json_counts(out, ev, &ev->theme_counts[t]);
        if (delivery) {
            fputs(", \"delivery\": ", out);
            json_delivery_counts(out, plan, &ev->theme_delivery[t], &scratch);
        }
        fputc('}', out);
    }
    fputs("\n    ]\n  }", out);
    prt_buf_free(&scratch);
}

/* The totals of every period of the history, oldest first. */
static void json_summary_history(FILE *out, const prt_history *h, prt_buf *scratch)
{
    fputs(",\n  \"summary_history\": [", out);
    for (int k = 0; k < h->n; k++) {
        fputs(k ? ",\n    {\"period\": " : "\n    {\"period\": ", out);
        json_str(out, prt_period_text(h->ev[k]->period).s);
        fputs(", \"total\": ", out);
        json_counts(out, h->ev[k], &h->ev[k]->total);
        if (h->plan->nactivities) {
            fputs(", \"delivery\": ", out);
            json_delivery_counts(out, h->plan, &h->ev[k]->delivery_total, scratch);
        }
        fputc('}', out);
    }
    fputs("\n  ]", out);
}

/* The exceptions of the report's period: [{id, ref, name, period, reasons}]. */
static void json_exceptions(FILE *out, const prt_evaluation *ev, prt_buf *scratch)
{
    const prt_plan *plan = ev->plan;
    const char *reasons[RPT_MAX_REASONS];
    int shown = 0;
    fputs(",\n  \"exceptions\": [", out);
    for (int i = 0; i < plan->nindicators; i++) {
        const prt_rating *r = &ev->ratings[i];
        if (!rpt_exception_reasons(plan, r, reasons, scratch))
            continue;
        /* id first: tools that pick the indicators out of the report by their opening {"ref" skip these */
        fputs(shown++ ? ",\n    {\"id\": " : "\n    {\"id\": ", out);
        json_str(out, plan->indicators[i].id);
        fputs(", \"ref\": ", out);
        json_str(out, plan->indicators[i].ref);
        fputs(", \"name\": ", out);
        json_str(out, plan->indicators[i].name);
        fputs(", \"period\": ", out);
        json_str(out, prt_period_text(r->period).s);
        fputs(", \"reasons\": ", out);
        json_reasons(out, plan, r, scratch);
        fputc('}', out);
    }
    fputs(shown ? "\n  ]" : "]", out);
}

void rpt_json_report(FILE *out, const prt_history *h)
{
    const prt_plan *plan = h->plan;
    const prt_evaluation *ev = prt_history_last(h);
    Layout L = {.h = h};
    RowBufs rb;
    rpt_rowbufs_init(&rb, &L);
    json_header(out, h);
    json_summary(out, ev);
    json_summary_history(out, h, &rb.scratch);
    fputs(",\n  \"indicators\": [", out);
    for (int i = 0; i < plan->nindicators; i++) {
        fputs(i ? ",\n    {" : "\n    {", out);
        json_indicator(out, h, i, &rb);
        fputc('}', out);
    }
    fputs("\n  ]", out);
    if (plan->nactivities)
        json_activities(out, h, &rb.scratch);
    json_exceptions(out, ev, &rb.scratch);
    if (plan->nactivities)
        json_delivery_exceptions(out, ev, &rb.scratch);
    fputs("\n}\n", out);
    rpt_rowbufs_free(&rb, &L);
}

/* ---- Markdown ---- */
