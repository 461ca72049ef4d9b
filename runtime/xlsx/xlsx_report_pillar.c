/* A pillar's sheet of the report workbook: a row per indicator in the report's period, themes in plan
 * order and within a theme by outcome as the other formats group them (the theme and outcome are
 * columns, so that the table stays one table to filter and sort), with the CSV report's columns in
 * words a reader knows, figures as numbers in the indicator's unit, ratings in their band's colour,
 * and with a history each period's result and rating. */
#include "xlsx_report.h"

#include <stdlib.h>
#include <string.h>

/* The columns before the optional ones, with their widths. */
static const char *const lead_heads[] = {
    "Ref", "Indicator", "Theme", "Outcome", "Polarity", "Period", "Target", "Result", "Rating", "Percent",
    "Explanation", "Last year", "DOT long term", "DOT long term: why", "DOT short term", "DOT short term: why",
    "Benchmark"};
static const double lead_widths[] = {14, 40, 22, 22, 12, 11, 12, 12, 14, 9, 40, 12, 13, 30, 13, 30, 20};
/* The forecast's, when a period of the history has one. */
static const char *const forecast_heads[] = {"Forecast", "Annual target", "Forecast to miss", "Forecast: why"};
static const double forecast_widths[] = {12, 12, 10, 30};
static const char *const tail_heads[] = {
    "Quality", "Quality: why", "Provisional", "Restated", "Exception", "Comment", "Owner", "Committee", "Source",
    "Theme owner", "Rating of record", "Overridden"};
static const double tail_widths[] = {10, 30, 11, 24, 24, 60, 18, 18, 18, 18, 12, 10};
enum { NLEAD = sizeof lead_heads / sizeof *lead_heads, NFORECAST = sizeof forecast_heads / sizeof *forecast_heads,
       NTAIL = sizeof tail_heads / sizeof *tail_heads };

/* A sheet's columns: the fixed ones, then a result and a rating per period of a history. */
typedef struct Columns {
    const char **heads;
    double *widths;
    int n;
    prt_buf *period_heads;             /* two per period */
} Columns;

static void add(Columns *cs, const char *const *heads, const double *widths, int n)
{
    for (int k = 0; k < n; k++, cs->n++) {
        cs->heads[cs->n] = heads[k];
        cs->widths[cs->n] = widths[k];
    }
}

static Columns columns_make(const prt_history *h, bool forecast)
{
    int periods = h->n > 1 ? h->n : 0;
    Columns cs = {0};
    size_t most = NLEAD + NFORECAST + NTAIL + 2 * (size_t)periods;
    cs.heads = prt_xcalloc(most, sizeof *cs.heads);
    cs.widths = prt_xcalloc(most, sizeof *cs.widths);
    cs.period_heads = prt_xcalloc(2 * (size_t)periods + 1, sizeof *cs.period_heads);
    add(&cs, lead_heads, lead_widths, NLEAD);
    if (forecast)
        add(&cs, forecast_heads, forecast_widths, NFORECAST);
    add(&cs, tail_heads, tail_widths, NTAIL);
    for (int k = 0; k < periods; k++) {
        prt_period_str p = prt_period_text(h->ev[k]->period);
        prt_buf_puts(&cs.period_heads[2 * k], p.s);
        prt_buf_printf(&cs.period_heads[2 * k + 1], "%s rating", p.s);
        const char *heads[] = {prt_buf_str(&cs.period_heads[2 * k]), prt_buf_str(&cs.period_heads[2 * k + 1])};
        const double widths[] = {12, 14};
        add(&cs, heads, widths, 2);
    }
    return cs;
}

static void columns_free(Columns *cs, const prt_history *h)
{
    for (int k = 0; k < 2 * (h->n > 1 ? h->n : 0); k++)
        prt_buf_free(&cs->period_heads[k]);
    free(cs->period_heads);
    free(cs->heads);
    free(cs->widths);
}

/* Writes the cells of one row from column 0 on. */
typedef struct Row {
    XReport *x;
    lxw_worksheet *ws;
    int row, col;
    RowBufs *rb;
} Row;

static void text(Row *r, const char *s, lxw_format *fmt) { xr_string(r->x, r->ws, r->row, r->col++, s, fmt); }

/* A value in the indicator's unit, blank when there is none. */
static void value(Row *r, const prt_indicator *in, bool has, double v, const prt_colour *fill)
{
    if (has) {
        XrNumberStyle st = xr_indicator_style(in, v);
        st.fill = fill;
        xr_number(r->x, r->ws, r->row, r->col, v, xr_number_format(r->x, &st));
    } else if (fill) {
        xr_string(r->x, r->ws, r->row, r->col, NULL, xr_band_format(r->x, fill));
    }
    r->col++;
}

static const prt_scheme *scheme_of(const prt_plan *plan, const prt_indicator *in)
{
    return in->scheme >= 0 ? &plan->schemes[in->scheme] : NULL;
}

/* The result of a period in its band's colour: the figure, or why there is none ("No result"). */
static void result(Row *r, const prt_evaluation *ev, const prt_rating *rt)
{
    const prt_indicator *in = &ev->plan->indicators[rt->indicator];
    const prt_scheme *s = scheme_of(ev->plan, in);
    const prt_colour *c = prt_palette_band(s, prt_rating_shown_band(s, rt));
    if (rt->status == PRT_RESULT_VALUE)
        value(r, in, true, rt->value, c);
    else
        text(r, rpt_status_text(rt->status), xr_band_format(r->x, c));
}

/* The rating's label in its band's colour (the monitor band's for an indicator only shown). */
static void rating(Row *r, const prt_evaluation *ev, const prt_rating *rt)
{
    const prt_scheme *s = scheme_of(ev->plan, &ev->plan->indicators[rt->indicator]);
    int band = prt_rating_shown_band(s, rt);
    text(r, prt_band_name(s, band), xr_band_format(r->x, prt_palette_band(s, band)));
}

/* The target: a figure as a number; words ("Maintain (72%)", "≥ 85%", "Monitor") as the reports give them. */
static void target(Row *r, const prt_evaluation *ev, const prt_rating *rt)
{
    const prt_indicator *in = &ev->plan->indicators[rt->indicator];
    const char *words = rpt_target_text(ev, rt, &r->rb->rt.target);
    char v[64];
    if (rt->target && strcmp(words, prt_format_value(in, rt->target_value, v, sizeof v)) == 0)
        value(r, in, true, rt->target_value, NULL);
    else
        text(r, words, r->x->text);
}

static void lead_cells(Row *r, const prt_evaluation *ev, const prt_rating *rt)
{
    const prt_plan *plan = ev->plan;
    const prt_indicator *in = &plan->indicators[rt->indicator];
    const prt_theme *th = &plan->themes[in->theme];
    bool has_outcome = in->outcome >= 0 && in->outcome < plan->noutcomes;
    text(r, in->ref ? in->ref : in->id, r->x->text);
    text(r, in->name, r->x->wrap);
    text(r, th->name, r->x->wrap);
    text(r, has_outcome ? plan->outcomes[in->outcome].name : NULL, r->x->wrap);
    text(r, rpt_polarity_text(in->polarity), r->x->text);
    text(r, prt_period_text(rt->period).s, r->x->text);
    target(r, ev, rt);
    result(r, ev, rt);
    rating(r, ev, rt);
    bool pc = rt->computed_band >= 0 && !rt->overridden;   /* the method's figure, as the CSV gives it */
    XrNumberStyle one = {.unit = PRT_UNIT_NONE, .decimals = 1};
    if (pc)
        xr_number(r->x, r->ws, r->row, r->col, rt->percent, xr_number_format(r->x, &one));
    r->col++;
    text(r, rt->explanation, r->x->wrap);
    value(r, in, rt->has_previous, rt->previous, NULL);
    text(r, prt_dot_name(rt->dot), r->x->text);
    text(r, rt->dot_explanation, r->x->wrap);
    text(r, prt_dot_name(rt->dot_short), r->x->text);
    text(r, rt->dot_short_explanation, r->x->wrap);
    text(r, rpt_benchmark_text(ev, rt, &r->rb->rt.benchmark), r->x->wrap);
}

static void forecast_cells(Row *r, const prt_evaluation *ev, const prt_rating *rt)
{
    const prt_indicator *in = &ev->plan->indicators[rt->indicator];
    value(r, in, rt->has_forecast, rt->forecast, NULL);
    value(r, in, rt->has_forecast, rt->annual_target, NULL);
    text(r, rt->has_forecast ? (rt->forecast_miss ? "yes" : "no") : NULL, r->x->text);
    text(r, rt->forecast_explanation, r->x->wrap);
}

/* "Q001: what was found; Q002: ..." (the CSV's quality_explanation). */
static const char *quality_why(const prt_rating *rt, prt_buf *b)
{
    prt_buf_clear(b);
    for (int f = 0; f < PRT_N_QUALITY_FLAGS; f++)
        if (rt->quality & (1u << f))
            prt_buf_printf(b, "%s%s: %s", b->len ? "; " : "", prt_quality_codes[f],
                           rt->quality_explanation[f] ? rt->quality_explanation[f] : prt_quality_texts[f]);
    return prt_buf_str(b);
}

static void tail_cells(Row *r, const prt_evaluation *ev, const prt_rating *rt)
{
    const prt_plan *plan = ev->plan;
    const prt_indicator *in = &plan->indicators[rt->indicator];
    RowBufs *rb = r->rb;
    text(r, rpt_quality_codes(rt, " ", &rb->quality), r->x->text);
    text(r, quality_why(rt, &rb->scratch), r->x->wrap);
    text(r, rt->provisional ? "yes" : "no", r->x->text);
    text(r, rpt_restated_text(ev, rt, &rb->rt.note), r->x->wrap);
    /* flagged as every format flags it: the reasons in words, here in bold red */
    text(r, rpt_exception_text(plan, rt, &rb->scratch), r->x->exception);
    text(r, rt->comment, r->x->wrap);
    text(r, in->owner, r->x->wrap);
    text(r, in->committee, r->x->wrap);
    text(r, in->source, r->x->wrap);
    text(r, plan->themes[in->theme].owner, r->x->wrap);
    text(r, rt->published_rating, r->x->text);
    text(r, rt->overridden ? "yes" : "no", r->x->text);
}

static void indicator_row(Row *r, const Layout *L, int i)
{
    const prt_history *h = L->h;
    const prt_evaluation *ev = prt_history_last(h);
    r->col = 0;
    lead_cells(r, ev, &ev->ratings[i]);
    if (L->forecast)
        forecast_cells(r, ev, &ev->ratings[i]);
    tail_cells(r, ev, &ev->ratings[i]);
    for (int k = 0; h->n > 1 && k < h->n; k++) {
        result(r, h->ev[k], &h->ev[k]->ratings[i]);
        rating(r, h->ev[k], &h->ev[k]->ratings[i]);
    }
}

void xr_pillar_sheet(XReport *x, int pillar)
{
    const prt_plan *plan = x->h->plan;
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, prt_xlsx_sheet_name(&x->names, plan->pillars[pillar].name));
    const Layout *L = &x->L;
    Columns cs = columns_make(x->h, L->forecast);
    xr_table_header(x, ws, cs.heads, cs.widths, cs.n, 2);
    RowBufs rb;
    rpt_rowbufs_init(&rb, L);
    Row r = {.x = x, .ws = ws, .row = 1, .rb = &rb};
    for (int th = 0; th < plan->nthemes; th++) {
        const RptGroup *g;
        int ng = plan->themes[th].pillar == pillar ? rpt_theme_groups(&L->groups, th, &g) : 0;
        for (int k = 0; k < ng; k++)
            for (int j = 0; j < g[k].n; j++, r.row++)
                indicator_row(&r, L, g[k].indicators[j]);
    }
    worksheet_autofilter(ws, 0, 0, (lxw_row_t)(r.row - 1), (lxw_col_t)(cs.n - 1));
    rpt_rowbufs_free(&rb, L);
    columns_free(&cs, x->h);
}
