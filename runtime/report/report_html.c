/* The HTML report: the committee pack a performance team sends to Cabinet.  A front page (the plan,
 * the period, when it was produced, headline counts with their change since the period before, the
 * bands of each pillar across the history, the summary), the outcome map when given, a section per
 * pillar (a theme's indicators grouped by outcome, each with its trend over the history, then its
 * activities' delivery) and the exceptions, of indicators and of delivery.  Colours come from the one palette (palette.h), charts from chart.c; every text from
 * the plan or the results goes through prt_esc_markup; no script.  Printed, it is A4 landscape with a
 * page per pillar. */
#include "chart.h"
#include "palette.h"
#include "report_cells.h"
#include "report_delivery.h"

#include <string.h>

static void html_text(FILE *out, const char *s) { prt_write_escaped(out, prt_esc_markup, s); }

static void html_cell(FILE *out, const char *tag, const char *cls, const char *s)
{
    fprintf(out, "<%s%s%s%s>", tag, cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
    html_text(out, s);
    fprintf(out, "</%s>", tag);
}

/* <tag class="cls">text</tag> on a line of its own; nothing when text is NULL or empty. */
static void html_line(FILE *out, const char *tag, const char *cls, const char *prefix, const char *s)
{
    if (!s || !s[0])
        return;
    fprintf(out, "<%s class=\"%s\">", tag, cls);
    html_text(out, prefix);
    html_text(out, s);
    fprintf(out, "</%s>\n", tag);
}

static void html_explain(FILE *out, const char *s)
{
    if (!s || !s[0])
        return;
    fputs("<div class=\"explain\">", out);
    html_text(out, s);
    fputs("</div>", out);
}

static const prt_scheme *scheme_of(const prt_plan *plan, int indicator)
{
    int s = plan->indicators[indicator].scheme;
    return s >= 0 ? &plan->schemes[s] : NULL;
}

/* ---- the head: title and style sheet ---- */

static const char style[] =
    "body{font-family:Helvetica,Arial,sans-serif;margin:2em;color:#111;max-width:80em}\n"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "table{border-collapse:collapse;margin:.5em 0 1em;width:100%}\n"
    "th,td{border:1px solid #999;padding:.3em .5em;text-align:left;vertical-align:top}\n"
    "th{background:#eee}td.num{text-align:right}\n"
    "table#headline{width:auto}\n"
    ".explain,.meta{font-size:.85em;color:#333}.band-green .explain,.band-red .explain{color:inherit}\n"
    ".marker{font-weight:bold}.provisional{color:#7a4b00;font-weight:bold}\n"
    ".charts{display:flex;flex-wrap:wrap;gap:.5em 1.5em}.charts figure{margin:0}\n"
    "figure{margin:1em 0;overflow:auto}figure svg{max-width:100%;height:auto}\n"
    "figcaption{font-size:.85em}\n"
    "@page{size:A4 landscape;margin:10mm}\n"
    "@media print{body{margin:0;max-width:none;font-size:8pt}h1{font-size:16pt}h2{font-size:13pt}h3,h4{margin:.4em 0}\n"
    "th,td{padding:.15em .3em}.charts svg{height:25mm;width:auto}\n"
    "section.map,section.pillar,section.exceptions{break-before:page}\n"
    "table,tr,figure,svg{break-inside:avoid}h2,h3,h4{break-after:avoid}}\n";

/* The delivery tables' own rules, written only for a plan with activities (a pack without any stays
 * as it was): band counts as small coloured chips, milestones as a short list, the strip of bands. */
static const char delivery_style[] =
    ".chip{display:inline-block;padding:.1em .4em;margin:0 .3em .2em 0;border:1px solid #999}\n"
    "ul.milestones{margin:0;padding-left:1.1em}ul.milestones li{margin:0}\n"
    ".ms-overdue{font-weight:bold}.strip span{display:inline-block;padding:.1em .4em;margin:0 .2em .1em 0}\n";

/* The style sheet, with a class per colour of the palette (band-green, band-amber3, band-none...). */
static void head(FILE *out, const prt_history *h)
{
    const prt_plan *plan = h->plan;
    fputs("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>", out);
    html_text(out, plan->name ? plan->name : "Plan");
    fprintf(out, ": performance for %s</title>\n<style>\n%s", prt_period_text(prt_history_last(h)->period).s, style);
    size_t n;
    const prt_colour *c = prt_palette_all(&n);
    for (size_t i = 0; i < n; i++)
        if (prt_palette_in_plan(plan, &c[i]))
            fprintf(out, ".band-%s{background:%s;color:%s}\n", c[i].name, c[i].fill, c[i].text);
    if (plan->nactivities)
        fputs(delivery_style, out);
    fputs("</style>\n</head>\n<body>\n", out);
}

/* ---- the front page ---- */

static void about(FILE *out, const prt_history *h)
{
    const prt_plan *plan = h->plan;
    const prt_evaluation *ev = prt_history_last(h);
    fputs("<dl class=\"about\">\n<dt>Period</dt><dd>", out);
    fputs(prt_period_text(ev->period).s, out);
    if (h->n > 1)
        fprintf(out, " (with the history from %s)", prt_period_text(h->ev[0]->period).s);
    fputs("</dd>\n", out);
    if (h->produced) {
        fputs("<dt>Produced</dt>", out);
        html_line(out, "dd", "produced", "", h->produced);
    }
    if (plan->version) {
        fputs("<dt>Plan version</dt><dd>", out);
        html_text(out, plan->version);
        fputs("</dd>\n", out);
    }
    if (plan->digest) {
        fputs("<dt>Plan digest</dt><dd><code>", out);
        html_text(out, plan->digest);
        fputs("</code></dd>\n", out);
    }
    fputs("</dl>\n", out);
    if (h->provisional)
        fputs("<p class=\"provisional\" id=\"provisional\">Provisional: some figures in this report may still "
              "change (marked \"provisional\").</p>\n",
              out);
}

/* A band's symbol beside its label, hidden from screen readers: the label carries the meaning. */
static void html_symbol(FILE *out, const char *symbol)
{
    if (!symbol)
        return;
    fputs("<span class=\"symbol\" aria-hidden=\"true\">", out);
    html_text(out, symbol);
    fputs("</span> ", out);
}

/* One headline count: this period, and with a history the period before and the change. */
static void headline_row(FILE *out, const char *what, int now, const int *before)
{
    fputs("<tr>", out);
    html_cell(out, "th", NULL, what);
    fprintf(out, "<td class=\"num\">%d</td>", now);
    if (before)
        fprintf(out, "<td class=\"num\">%d</td><td class=\"num\">%+d</td>", *before, now - *before);
    fputs("</tr>\n", out);
}

static void headline(FILE *out, const prt_history *h)
{
    const prt_evaluation *ev = prt_history_last(h), *prev = h->n > 1 ? h->ev[h->n - 2] : NULL;
    const prt_counts *k = &ev->total, *p = prev ? &prev->total : NULL;
    const prt_scheme *s = rpt_summary_scheme(ev);
    fprintf(out, "<h2>Headline</h2>\n<table id=\"headline\">\n<thead><tr><th scope=\"col\">Indicators</th>"
                 "<th scope=\"col\">%s</th>", prt_period_text(ev->period).s);
    if (prev)
        fprintf(out, "<th scope=\"col\">%s</th><th scope=\"col\">Change</th>", prt_period_text(prev->period).s);
    fputs("</tr></thead>\n<tbody>\n", out);
    headline_row(out, "Reported", k->reported, p ? &p->reported : NULL);
    headline_row(out, "Rated", k->rated, p ? &p->rated : NULL);
    for (int b = 0; b < rpt_summary_bands(s); b++)
        headline_row(out, s->bands[b].label, k->band[b], p ? &p->band[b] : NULL);
    if (prt_scheme_monitor_band(s) >= 0) {   /* the monitor band has its row above */
        int before = p ? rpt_unrated_rest(s, p) : 0;
        headline_row(out, "Not yet available", rpt_unrated_rest(s, k), p ? &before : NULL);
    } else {
        headline_row(out, "Monitor or not yet available", k->monitor_nya, p ? &p->monitor_nya : NULL);
    }
    headline_row(out, "Direction of travel: improved or same", k->improved_same, p ? &p->improved_same : NULL);
    headline_row(out, "Direction of travel: worsened", k->worsened, p ? &p->worsened : NULL);
    fputs("</tbody>\n</table>\n", out);
}

/* The bands of each pillar across the history: small multiples on one scale. */
static void band_charts(FILE *out, const prt_history *h)
{
    const prt_plan *plan = h->plan;
    prt_buf b = {0};
    fputs("<h2>Ratings by pillar</h2>\n<div class=\"charts\" id=\"band-charts\">\n", out);
    for (int p = 0; p < plan->npillars; p++) {
        fputs("<figure>\n", out);
        prt_chart_bands(&b, h, p);
        prt_buf_flush(&b, out);
        html_line(out, "figcaption", "caption", "", plan->pillars[p].name);
        fputs("</figure>\n", out);
    }
    fputs("</div>\n", out);
    prt_buf_free(&b);
}

static void summary(FILE *out, const prt_evaluation *ev)
{
    const prt_plan *plan = ev->plan;
    fputs("<h2>Summary</h2>\n<table id=\"summary\">\n<thead><tr>", out);
    const char *head_cells[RPT_MAX_COLS];
    int nc = rpt_summary_header(ev, head_cells);
    const prt_scheme *s = rpt_summary_scheme(ev);
    for (int c = 0; c < nc; c++) {
        fputs("<th scope=\"col\">", out);
        if (c >= 3 && c - 3 < rpt_summary_bands(s))   /* a band's column: its symbol beside its label */
            html_symbol(out, prt_band_symbol(s, c - 3));
        html_text(out, head_cells[c]);
        fputs("</th>", out);
    }
    fputs("</tr></thead>\n<tbody>\n", out);
    RptSummaryRow row;
    for (int p = 0; p <= plan->npillars; p++) {
        int n = rpt_summary_row(ev, p < plan->npillars ? plan->pillars[p].name : "Total",
                                p < plan->npillars ? &ev->pillar_counts[p] : &ev->total, &row);
        fputs("<tr>", out);
        html_cell(out, "th", NULL, row.cell[0]);
        for (int c = 1; c < n; c++)
            html_cell(out, "td", "num", row.cell[c]);
        fputs("</tr>\n", out);
    }
    fputs("</tbody>\n</table>\n", out);
}

/* ---- delivery: the summaries ---- */

static const prt_delivery_scheme *default_delivery(const prt_plan *plan)
{
    return plan->default_delivery >= 0 ? &plan->delivery[plan->default_delivery] : NULL;
}

/* The plan's, a pillar's or a theme's delivery line (after a heading, when given), and with the plan's
 * default scheme its band counts as chips in the bands' colours; nothing without activities.  Two
 * lines, so that the front page still fits on one printed page. */
static void delivery_counts(FILE *out, const prt_plan *plan, const prt_delivery_counts *k, const char *heading)
{
    if (!k->activities)
        return;
    const prt_delivery_scheme *s = default_delivery(plan);
    prt_buf b = {0};
    fputs("<p class=\"delivery-line\">", out);
    if (heading)
        fprintf(out, "<strong>%s</strong> ", heading);
    html_text(out, rpt_delivery_line(plan, k, &b));
    fputs("</p>\n", out);
    if (s) {
        fputs("<p class=\"delivery-bands\">", out);
        for (int c = 0; c < s->nbands; c++) {
            fprintf(out, "<span class=\"chip band-%s\">", prt_palette_delivery(s, c)->name);
            html_text(out, s->bands[c].label);
            fprintf(out, ": %d</span>", k->band[c]);
        }
        fputs("</p>\n", out);
    }
    prt_buf_free(&b);
}

static void front_page(FILE *out, const prt_history *h)
{
    const prt_plan *plan = h->plan;
    fputs("<section class=\"front\">\n<h1>", out);
    html_text(out, plan->name ? plan->name : "Plan");
    fputs("</h1>\n", out);
    html_line(out, "p", "organisation", "", plan->organisation);
    fprintf(out, "<p>Performance for <strong>%s</strong>. Ratings are given as text and as colour.</p>\n",
            prt_period_text(prt_history_last(h)->period).s);
    html_line(out, "p", "basis", "", prt_ratings_basis_text(h->basis));
    about(out, h);
    headline(out, h);
    band_charts(out, h);
    summary(out, prt_history_last(h));
    delivery_counts(out, plan, &prt_history_last(h)->delivery_total, "Delivery:");
    fputs("</section>\n", out);
}

static void map_section(FILE *out, const char *map_svg)
{
    fputs("<section class=\"map\">\n<h2>Outcome map</h2>\n<figure>\n", out);
    /* the SVG as Graphviz wrote it (its text escaped by planc and Graphviz), after its XML prologue */
    const char *svg = strstr(map_svg, "<svg");
    fputs(svg ? svg : map_svg, out);
    fputs("\n<figcaption>The outcome map, coloured by rating</figcaption>\n</figure>\n</section>\n", out);
}

/* ---- an indicator's row ---- */

/* The directions of travel the plan's `direction` asks for, as columns. */
static bool shows_long(const prt_plan *plan) { return plan->dot_basis != PRT_DOT_BASIS_SHORT_TERM; }
static bool shows_short(const prt_plan *plan) { return plan->dot_basis != PRT_DOT_BASIS_LONG_TERM; }

static void table_head(FILE *out, const prt_plan *plan)
{
    fputs("<table class=\"indicators\">\n<thead><tr><th scope=\"col\">Ref</th><th scope=\"col\">Indicator</th>"
          "<th scope=\"col\">Owner, committee, source</th><th scope=\"col\">Period</th><th scope=\"col\">Target</th>"
          "<th scope=\"col\">Result (rating)</th><th scope=\"col\">Last year</th>",
          out);
    bool both = shows_long(plan) && shows_short(plan);
    if (shows_short(plan))
        fprintf(out, "<th scope=\"col\">DOT%s</th>", both ? " short term" : "");
    if (shows_long(plan))
        fprintf(out, "<th scope=\"col\">DOT%s</th>", both ? " long term" : "");
    fputs("<th scope=\"col\">Benchmark</th><th scope=\"col\">Forecast</th><th scope=\"col\">Data quality</th>"
          "<th scope=\"col\">Comment</th></tr></thead>\n<tbody>\n",
          out);
}

static void who_cell(FILE *out, const prt_indicator *in)
{
    fputs("<td>", out);
    html_line(out, "div", "meta", "Owner: ", in->owner);
    html_line(out, "div", "meta", "Committee: ", in->committee);
    html_line(out, "div", "meta", "Source: ", in->source);
    fputs("</td>", out);
}

/* The result in its band's colour, its rating in words, why, and the provisional or restated marks. */
static void result_cell(FILE *out, const prt_evaluation *ev, const prt_rating *r, prt_buf *b)
{
    const prt_scheme *s = scheme_of(ev->plan, r->indicator);
    char v[64];
    int band = prt_rating_shown_band(s, r);   /* a rating, or the monitor band */
    fprintf(out, "<td class=\"band-%s\">", prt_palette_band(s, band)->name);
    html_text(out, rpt_result_text_bare(ev, r, b));
    if (band >= 0) {
        fputs(" ", out);
        html_symbol(out, prt_band_symbol(s, band));
        html_text(out, prt_band_name(s, band));
    }
    if (r->provisional)
        fputs(" <span class=\"marker\">(provisional)</span>", out);
    if (r->restated) {
        fprintf(out, " <span class=\"marker\">(restated: was %s)</span>",
                prt_format_value(&ev->plan->indicators[r->indicator], r->original, v, sizeof v));
        html_explain(out, r->restate_reason);
    }
    html_explain(out, r->explanation);
    fputs("</td>", out);
}

static void dot_cell(FILE *out, prt_dot dot, const char *why)
{
    fputs("<td>", out);
    html_text(out, prt_dot_name(dot));
    html_explain(out, why);
    fputs("</td>", out);
}

static void forecast_cell(FILE *out, const prt_evaluation *ev, const prt_rating *r)
{
    const prt_indicator *in = &ev->plan->indicators[r->indicator];
    char f[64], t[64];
    fputs("<td>", out);
    if (r->has_forecast) {
        fprintf(out, "%s against %s", prt_format_value(in, r->forecast, f, sizeof f),
                prt_format_value(in, r->annual_target, t, sizeof t));
        if (r->forecast_miss)
            fputs(" <span class=\"marker\">(forecast to miss)</span>", out);
        html_explain(out, r->forecast_explanation);
    }
    fputs("</td>", out);
}

/* Each data-quality flag raised: its code, and what it found (else what the code means). */
static void quality_cell(FILE *out, const prt_rating *r)
{
    fputs("<td>", out);
    for (int f = 0; f < PRT_N_QUALITY_FLAGS; f++) {
        if (!(r->quality & (1u << f)))
            continue;
        fprintf(out, "<div class=\"quality\"><span class=\"marker\">%s</span> ", prt_quality_codes[f]);
        html_text(out, r->quality_explanation[f] ? r->quality_explanation[f] : prt_quality_texts[f]);
        fputs("</div>", out);
    }
    fputs("</td>", out);
}

/* The comment, then any figure of an earlier period of the history that was restated (the report's
 * own is marked in its result cell). */
static void comment_cell(FILE *out, const prt_history *h, int i, RptRowText *rt)
{
    const prt_rating *r = &prt_history_last(h)->ratings[i];
    fputs("<td>", out);
    html_text(out, r->comment ? r->comment : r->exception ? "Below target: no commentary" : "");
    for (int k = 0; k + 1 < h->n; k++) {
        const prt_rating *past = &h->ev[k]->ratings[i];
        if (!past->restated)
            continue;
        fputs("<div class=\"explain\">", out);
        html_text(out, prt_period_text(past->period).s);
        fputs(" ", out);
        html_text(out, rpt_restated_text(h->ev[k], past, &rt->note));
        fputs("</div>", out);
    }
    fputs("</td>", out);
}

static void indicator_row(FILE *out, const prt_history *h, int i, RptRowText *rt)
{
    const prt_evaluation *ev = prt_history_last(h);
    const prt_plan *plan = ev->plan;
    const prt_indicator *in = &plan->indicators[i];
    const prt_rating *r = &ev->ratings[i];
    char ly[64];
    fprintf(out, "<tr class=\"indicator\" id=\"indicator-%d\">", i);
    html_cell(out, "th", NULL, in->ref ? in->ref : in->id);
    fputs("<td>", out);
    html_text(out, in->name);
    html_line(out, "div", "meta", "", rpt_polarity_text(in->polarity));
    fputs("</td>", out);
    who_cell(out, in);
    html_cell(out, "td", NULL, prt_period_text(r->period).s);
    html_cell(out, "td", "num", rpt_target_text(ev, r, &rt->target));
    result_cell(out, ev, r, &rt->result);
    html_cell(out, "td", "num", rpt_last_year_text(ev, r, ly, sizeof ly));
    if (shows_short(plan))
        dot_cell(out, r->dot_short, r->dot_short_explanation);
    if (shows_long(plan))
        dot_cell(out, r->dot, r->dot_explanation);
    html_cell(out, "td", NULL, rpt_benchmark_text(ev, r, &rt->benchmark));
    forecast_cell(out, ev, r);
    quality_cell(out, r);
    comment_cell(out, h, i, rt);
    fputs("</tr>\n", out);
}

/* ---- a pillar: its themes, their outcomes, their indicators ---- */

/* The indicators of theme th measuring outcome o (-1: none): a table, then the trend of each with two
 * or more values in the history.  Returns how many there were. */
static void indicator_group(FILE *out, const prt_history *h, const RptGroup *group, const char *heading)
{
    const prt_plan *plan = h->plan;
    html_line(out, "h4", "outcome", "", heading);
    table_head(out, plan);
    RptRowText rt = {0};
    for (int k = 0; k < group->n; k++)
        indicator_row(out, h, group->indicators[k], &rt);
    rpt_row_text_free(&rt);
    fputs("</tbody>\n</table>\n<div class=\"charts\">\n", out);
    prt_buf b = {0};
    for (int k = 0; k < group->n; k++) {
        int i = group->indicators[k];
        if (prt_chart_trend_points(h, i) < 2)
            continue;
        fputs("<figure>\n", out);
        prt_chart_trend(&b, h, i);
        prt_buf_flush(&b, out);
        html_line(out, "figcaption", "caption", "", prt_indicator_label(&plan->indicators[i]));
        fputs("</figure>\n", out);
    }
    prt_buf_free(&b);
    fputs("</div>\n", out);
}

/* ---- delivery: a theme's activities ---- */

static const char *const delivery_columns[] = {
    "Activity", "Rating", "Owner", "Due", "Complete", "Milestones", "Commentary", "Count stated",
};
enum { N_DELIVERY_COLUMNS = sizeof delivery_columns / sizeof delivery_columns[0] };

/* The rating in its colour, in words (the colour is never alone), its markers and why. */
static void delivery_rating_cell(FILE *out, const prt_plan *plan, const prt_delivery *d, prt_buf *b)
{
    fprintf(out, "<td class=\"band-%s\">", rpt_delivery_colour(plan, d)->name);
    html_text(out, rpt_delivery_rating_text(plan, d, b));
    if (d->overdue)
        fputs(" <span class=\"marker\">(overdue)</span>", out);
    if (d->undated)
        fputs(" <span class=\"marker\">(undated)</span>", out);
    if (d->provisional)
        fputs(" <span class=\"marker\">(provisional)</span>", out);
    if (d->has_status)
        html_explain(out, d->explanation);
    fputs("</td>", out);
}

/* The percentage complete and the day it was completed. */
static void complete_cell(FILE *out, const prt_delivery *d)
{
    fputs("<td class=\"num\">", out);
    if (d->has_percent)
        fprintf(out, "%.4g%%", d->percent);
    if (d->completed)
        fprintf(out, "<div class=\"explain\">completed %s</div>", prt_date_text(d->completed).s);
    fputs("</td>", out);
}

/* The milestones as a short list: done (and when), overdue, or due (and the state last returned). */
static void milestones_cell(FILE *out, const prt_activity *a, const prt_delivery *d, prt_buf *b)
{
    fputs("<td>", out);
    if (a->nmilestones)
        fputs("<ul class=\"milestones\">", out);
    for (int m = 0; m < a->nmilestones; m++) {
        const prt_milestone *ms = &a->milestones[m];
        const prt_milestone_status *st = &d->milestones[m];
        const char *kind = st->complete ? "done" : st->overdue ? "overdue" : "due";
        fprintf(out, "<li class=\"ms-%s\">", kind);
        html_text(out, ms->name ? ms->name : ms->id);
        fprintf(out, ": %s", kind);
        if (st->complete && st->completed)
            fprintf(out, " %s", prt_date_text(st->completed).s);
        if (!st->complete && ms->due.set) {
            fputs(st->overdue ? " (due " : " ", out);
            html_text(out, rpt_when_text(ms->due, b));
            fputs(st->overdue ? ")" : "", out);
        }
        if (!st->complete && !st->overdue && st->state != PRT_STATE_NONE)
            fprintf(out, "; %s", prt_delivery_state_texts[st->state]);
        fputs("</li>", out);
    }
    if (a->nmilestones)
        fputs("</ul>", out);
    fputs("</td>", out);
}

/* With a history, the band of each period in its colour, oldest first, under the activity's row. */
static void delivery_strip(FILE *out, const prt_history *h, int i, prt_buf *b)
{
    fprintf(out, "<tr class=\"strip\"><td colspan=\"%d\"><div class=\"strip\">", (int)N_DELIVERY_COLUMNS);
    for (int k = 0; k < h->n; k++) {
        const prt_delivery *d = &h->ev[k]->delivery[i];
        fprintf(out, "<span class=\"band-%s\">%s: ", rpt_delivery_colour(h->plan, d)->name,
                prt_period_text(h->ev[k]->period).s);
        html_text(out, d->has_status ? rpt_delivery_short_text(h->plan, d, b) : "no status");
        fputs("</span>", out);
    }
    fputs("</div></td></tr>\n", out);
}

static void activity_row(FILE *out, const prt_history *h, int i, prt_buf *b)
{
    const prt_plan *plan = h->plan;
    const prt_activity *a = &plan->activities[i];
    const prt_delivery *d = &prt_history_last(h)->delivery[i];
    fprintf(out, "<tr class=\"activity\" id=\"activity-%d\">", i);
    html_cell(out, "th", NULL, a->name);
    delivery_rating_cell(out, plan, d, b);
    html_cell(out, "td", NULL, a->owner ? a->owner : "");
    html_cell(out, "td", NULL, rpt_when_text(a->due, b));
    complete_cell(out, d);
    milestones_cell(out, a, d, b);
    html_cell(out, "td", NULL, d->comment ? d->comment : "");
    html_cell(out, "td", NULL, rpt_tally_text(d->tally, b));
    fputs("</tr>\n", out);
    if (h->n > 1)
        delivery_strip(out, h, i, b);
}

/* Theme th's activities: its delivery line and band counts, then a row each. */
static void delivery_table(FILE *out, const prt_history *h, const RptActivities *acts, int th)
{
    const int *idx;
    int n = rpt_theme_activities(acts, th, &idx);
    if (n == 0)
        return;
    fputs("<h4 class=\"delivery\">Delivery</h4>\n", out);
    delivery_counts(out, h->plan, &prt_history_last(h)->theme_delivery[th], NULL);
    fprintf(out, "<table class=\"delivery\" id=\"delivery-theme-%d\">\n<thead><tr>", th);
    for (int c = 0; c < N_DELIVERY_COLUMNS; c++)
        fprintf(out, "<th scope=\"col\">%s</th>", delivery_columns[c]);
    fputs("</tr></thead>\n<tbody>\n", out);
    prt_buf b = {0};
    for (int k = 0; k < n; k++)
        activity_row(out, h, idx[k], &b);
    prt_buf_free(&b);
    fputs("</tbody>\n</table>\n", out);
}

static void theme_section(FILE *out, const prt_history *h, const RptGroups *groups, const RptActivities *acts, int th)
{
    const prt_plan *plan = h->plan;
    const prt_theme *t = &plan->themes[th];
    fputs("<h3>", out);
    html_text(out, t->name);
    fputs(t->transformation ? " (transformation workstream)</h3>\n" : "</h3>\n", out);
    html_line(out, "p", "owner", "Owner: ", t->owner);
    const RptGroup *g;
    int ng = rpt_theme_groups(groups, th, &g);
    /* indicators that measure no outcome: under their own heading only when others were grouped */
    for (int k = 0; k < ng; k++)
        indicator_group(out, h, &g[k], rpt_group_name(plan, ng, &g[k]));
    delivery_table(out, h, acts, th);
}

/* A pillar: its delivery counts, then each theme with indicators or activities. */
static void pillar_section(FILE *out, const prt_history *h, const RptGroups *groups, const RptActivities *acts, int p)
{
    const prt_plan *plan = h->plan;
    fprintf(out, "<section class=\"pillar\" id=\"pillar-%d\">\n<h2>", p);
    html_text(out, plan->pillars[p].name);
    fputs("</h2>\n", out);
    delivery_counts(out, plan, &prt_history_last(h)->pillar_delivery[p], NULL);
    const int *idx;
    for (int th = 0; th < plan->nthemes; th++)
        if (plan->themes[th].pillar == p &&
            (rpt_theme_has_indicators(groups, th) || rpt_theme_activities(acts, th, &idx) > 0))
            theme_section(out, h, groups, acts, th);
    fputs("</section>\n", out);
}

/* ---- the exceptions ---- */

typedef enum { EXC_BELOW, EXC_WORSENING, EXC_FORECAST, EXC_MISSING, EXC_DOUBTFUL, N_EXC } exception_kind;

static const char *const exception_titles[N_EXC] = {
    "Below target", "Worsening", "Forecast to miss the annual target", "Missing data", "Doubtful data",
};

static bool worsening(const prt_plan *plan, const prt_rating *r)
{
    return (shows_long(plan) && r->dot == PRT_DOT_WORSENING) || (shows_short(plan) && r->dot_short == PRT_DOT_WORSENING);
}

static bool is_exception(const prt_plan *plan, const prt_rating *r, exception_kind k)
{
    const unsigned missing = 1u << PRT_QUALITY_MISSING;
    switch (k) {
    case EXC_BELOW: return r->below_target;
    case EXC_WORSENING: return worsening(plan, r);
    case EXC_FORECAST: return r->forecast_miss;
    case EXC_MISSING: return (r->quality & missing) != 0;
    case EXC_DOUBTFUL: return (r->quality & ~missing) != 0;
    case N_EXC: break;
    }
    return false;
}

/* Why the indicator is an exception of kind k, in the evaluation's own words. */
static void exception_why(FILE *out, const prt_plan *plan, const prt_rating *r, exception_kind k)
{
    const char *sep = "";
    switch (k) {
    case EXC_BELOW: html_text(out, r->explanation); return;
    case EXC_WORSENING:
        if (shows_short(plan) && r->dot_short == PRT_DOT_WORSENING)
            html_text(out, r->dot_short_explanation), sep = "; ";
        if (shows_long(plan) && r->dot == PRT_DOT_WORSENING)
            fputs(sep, out), html_text(out, r->dot_explanation);
        return;
    case EXC_FORECAST: html_text(out, r->forecast_explanation); return;
    case EXC_MISSING:
    case EXC_DOUBTFUL: break;
    case N_EXC: return;
    }
    for (int f = 0; f < PRT_N_QUALITY_FLAGS; f++) {
        if (!(r->quality & (1u << f)) || (k == EXC_MISSING) != (f == PRT_QUALITY_MISSING))
            continue;
        fprintf(out, "%s%s: ", sep, prt_quality_codes[f]);
        html_text(out, r->quality_explanation[f] ? r->quality_explanation[f] : prt_quality_texts[f]);
        sep = "; ";
    }
}

static void exception_list(FILE *out, const prt_evaluation *ev, exception_kind k)
{
    const prt_plan *plan = ev->plan;
    int n = 0;
    for (int i = 0; i < plan->nindicators; i++)
        n += is_exception(plan, &ev->ratings[i], k);
    fprintf(out, "<h3>%s</h3>\n<p>%d indicator%s.</p>\n", exception_titles[k], n, n == 1 ? "" : "s");
    if (n == 0)
        return;
    fprintf(out, "<ul class=\"exceptions\" id=\"exceptions-%d\">\n", (int)k);
    for (int i = 0; i < plan->nindicators; i++) {
        const prt_rating *r = &ev->ratings[i];
        if (!is_exception(plan, r, k))
            continue;
        fputs("<li><strong>", out);
        html_text(out, prt_indicator_label(&plan->indicators[i]));
        fputs(" ", out);
        html_text(out, plan->indicators[i].name);
        fputs("</strong>: ", out);
        exception_why(out, plan, r, k);
        fputs(". ", out);
        html_text(out, r->comment ? r->comment : "No commentary was given.");
        fputs("</li>\n", out);
    }
    fputs("</ul>\n", out);
}

/* The activities that are exceptions (not on target, or overdue): why, and their commentary. */
static void delivery_exceptions(FILE *out, const prt_evaluation *ev)
{
    const prt_plan *plan = ev->plan;
    int n = 0;
    for (int i = 0; i < plan->nactivities; i++)
        n += ev->delivery[i].exception;
    fprintf(out, "<h3>Delivery exceptions</h3>\n<p>%d activit%s.</p>\n", n, n == 1 ? "y" : "ies");
    if (n == 0)
        return;
    prt_buf b = {0};
    fputs("<ul class=\"exceptions\" id=\"delivery-exceptions\">\n", out);
    for (int i = 0; i < plan->nactivities; i++) {
        const prt_delivery *d = &ev->delivery[i];
        if (!d->exception)
            continue;
        fputs("<li><strong>", out);
        html_text(out, plan->activities[i].name);
        fputs("</strong>: ", out);
        html_text(out, rpt_delivery_exception_text(plan, d, &b));
        fputs(". ", out);
        html_text(out, d->comment ? d->comment : "No commentary was given.");
        fputs("</li>\n", out);
    }
    fputs("</ul>\n", out);
    prt_buf_free(&b);
}

static void exceptions_section(FILE *out, const prt_evaluation *ev)
{
    fputs("<section class=\"exceptions\" id=\"exceptions\">\n<h2>Exceptions</h2>\n", out);
    for (int k = 0; k < N_EXC; k++)
        exception_list(out, ev, (exception_kind)k);
    if (ev->plan->nactivities)
        delivery_exceptions(out, ev);
    fputs("</section>\n", out);
}

void prt_report_html(FILE *out, const prt_history *h, const char *map_svg)
{
    head(out, h);
    front_page(out, h);
    if (map_svg)
        map_section(out, map_svg);
    RptGroups groups;
    RptActivities acts;
    rpt_groups_make(&groups, h->plan);
    rpt_activities_make(&acts, h->plan);
    for (int p = 0; p < h->plan->npillars; p++)
        pillar_section(out, h, &groups, &acts, p);
    rpt_activities_free(&acts);
    rpt_groups_free(&groups);
    exceptions_section(out, prt_history_last(h));
    fputs("</body>\n</html>\n", out);
}
