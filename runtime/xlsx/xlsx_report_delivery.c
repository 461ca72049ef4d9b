/* The report workbook's "Delivery" sheet (a plan with activities): a row per activity in the report's
 * period, pillar after pillar and theme after theme as the other formats show them, with the CSV
 * report's delivery columns, the rating in its colour (the pack's and the map's), exceptions flagged,
 * and with a history each period's rating. */
#include "xlsx_report.h"

#include <stdlib.h>

static const char *const heads[] = {
    "Ref", "Activity", "Pillar", "Theme", "Outcome", "Period", "Rating", "State", "Impact", "Band", "On target",
    "Overdue", "Complete", "Due", "Completed", "Milestones", "Explanation", "Exception", "Comment",
    "Count stated", "Owner", "Theme owner", "Provisional", "Undated", "Rating of record"};
static const double widths[] = {16, 40, 20, 22, 22, 11, 24, 12, 9, 14, 9, 9, 10, 12, 12, 40, 30, 30, 60, 30, 18,
                                18, 11, 9, 14};
enum { NHEADS = sizeof heads / sizeof *heads };

typedef struct ActRow {
    XReport *x;
    lxw_worksheet *ws;
    int row, col;
    prt_buf b;
    char iso[64];
} ActRow;

static void text(ActRow *r, const char *s, lxw_format *fmt) { xr_string(r->x, r->ws, r->row, r->col++, s, fmt); }

static const char *yes_no(bool b) { return b ? "yes" : "no"; }

/* The percentage complete as a number shown as a percentage (60 shows 60%), blank when not given. */
static void complete(ActRow *r, const prt_delivery *d)
{
    if (d->has_percent) {
        prt_indicator percent = {.unit = PRT_UNIT_PERCENT, .decimals = -1};
        XrNumberStyle st = xr_indicator_style(&percent, d->percent);
        xr_number(r->x, r->ws, r->row, r->col, d->percent, xr_number_format(r->x, &st));
    }
    r->col++;
}

/* When it is due: a day as a date, a period in words. */
static void due(ActRow *r, prt_when w)
{
    if (w.set && w.date)
        xr_date(r->x, r->ws, r->row, r->col++, w.date);
    else
        text(r, rpt_when_iso(w, r->iso, sizeof r->iso), r->x->text);
}

static void identity_cells(ActRow *r, const prt_plan *plan, const prt_activity *a, const prt_delivery *d)
{
    const prt_theme *th = &plan->themes[a->theme];
    bool has_outcome = a->outcome >= 0 && a->outcome < plan->noutcomes;
    text(r, a->id, r->x->text);
    text(r, a->name ? a->name : a->id, r->x->wrap);
    text(r, plan->pillars[th->pillar].name, r->x->wrap);
    text(r, th->name, r->x->wrap);
    text(r, has_outcome ? plan->outcomes[a->outcome].name : NULL, r->x->wrap);
    text(r, prt_period_text(d->period).s, r->x->text);
}

static void status_cells(ActRow *r, const prt_plan *plan, const prt_delivery *d)
{
    const prt_delivery_band *band = rpt_delivery_band(plan, d);
    text(r, rpt_delivery_rating_cell(plan, d, &r->b), xr_band_format(r->x, rpt_delivery_colour(plan, d)));
    text(r, prt_delivery_state_words[d->state], r->x->text);
    text(r, prt_impact_words[d->impact], r->x->text);
    text(r, band ? band->label : NULL, r->x->text);
    text(r, d->has_status ? yes_no(d->on_target) : NULL, r->x->text);
    text(r, yes_no(d->overdue), r->x->text);
}

static void activity_row(ActRow *r, const prt_history *h, int ai)
{
    const prt_plan *plan = h->plan;
    const prt_activity *a = &plan->activities[ai];
    const prt_delivery *d = &prt_history_last(h)->delivery[ai];
    r->col = 0;
    identity_cells(r, plan, a, d);
    status_cells(r, plan, d);
    complete(r, d);
    due(r, a->due);
    xr_date(r->x, r->ws, r->row, r->col++, d->completed);
    text(r, rpt_milestones_text(plan, d, &r->b), r->x->wrap);
    text(r, d->explanation, r->x->wrap);
    text(r, rpt_delivery_exception_text(plan, d, &r->b), r->x->exception);
    text(r, d->comment, r->x->wrap);
    text(r, rpt_tally_text(d->tally, &r->b), r->x->wrap);
    text(r, a->owner, r->x->wrap);
    text(r, plan->themes[a->theme].owner, r->x->wrap);
    text(r, yes_no(d->provisional), r->x->text);
    text(r, yes_no(d->undated), r->x->text);
    text(r, d->published, r->x->text);
    for (int k = 0; h->n > 1 && k < h->n; k++) {
        const prt_delivery *past = &h->ev[k]->delivery[ai];
        text(r, rpt_delivery_series_cell(plan, past, &r->b), xr_band_format(r->x, rpt_delivery_colour(plan, past)));
    }
}

/* The header: the fixed columns, then with a history a column per period. */
static int header(XReport *x, lxw_worksheet *ws)
{
    const prt_history *h = x->h;
    int periods = h->n > 1 ? h->n : 0;
    const char **all = prt_xcalloc(NHEADS + (size_t)periods, sizeof *all);
    double *w = prt_xcalloc(NHEADS + (size_t)periods, sizeof *w);
    prt_period_str *names = prt_xcalloc((size_t)periods + 1, sizeof *names);
    for (int c = 0; c < NHEADS; c++)
        all[c] = heads[c], w[c] = widths[c];
    for (int k = 0; k < periods; k++) {
        names[k] = prt_period_text(h->ev[k]->period);
        all[NHEADS + k] = names[k].s;
        w[NHEADS + k] = 14;
    }
    xr_table_header(x, ws, all, w, NHEADS + periods, 2);
    free(all);
    free(w);
    free(names);
    return NHEADS + periods;
}

void xr_delivery_sheet(XReport *x)
{
    const prt_plan *plan = x->h->plan;
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, prt_xlsx_sheet_name(&x->names, "Delivery"));
    int ncols = header(x, ws);
    ActRow r = {.x = x, .ws = ws, .row = 1};
    for (int p = 0; p < plan->npillars; p++)
        for (int th = 0; th < plan->nthemes; th++) {
            const int *acts;
            int n = plan->themes[th].pillar == p ? rpt_theme_activities(&x->L.acts, th, &acts) : 0;
            for (int k = 0; k < n; k++, r.row++)
                activity_row(&r, x->h, acts[k]);
        }
    worksheet_autofilter(ws, 0, 0, (lxw_row_t)(r.row - 1), (lxw_col_t)(ncols - 1));
    prt_buf_free(&r.b);
}
