/* The texts of a report's cells and summary rows, shared by every format (report.c, report_html.c). */
#include "report_cells.h"
#include "rate_parts.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>


/* Numbers print with the indicator's decimals, or with at most two, trailing zeros dropped. */
char *rpt_number(double v, int decimals, char *buf, size_t size)
{
    if (decimals >= 0) {
        snprintf(buf, size, "%.*f", decimals, v);
    } else {
        snprintf(buf, size, "%.2f", v);
        char *dot = strchr(buf, '.');
        if (dot) {
            char *e = buf + strlen(buf) - 1;
            while (e > dot && *e == '0')
                *e-- = '\0';
            if (e == dot)
                *e = '\0';
        }
    }
    if (strcmp(buf, "-0") == 0)
        strcpy(buf, "0");
    return buf;
}

/* The number n ("-17950000.5") with a comma between each three digits of its whole part
 * ("-17,950,000.5"), as councils print sums of money. */
static void group_thousands(const char *n, char *out, size_t size)
{
    size_t sign = n[0] == '-', whole = strspn(n + sign, "0123456789"), k = 0;
    for (size_t i = 0; n[i] && k + 1 < size; i++) {
        out[k++] = n[i];
        size_t left = sign + whole - 1 - i;   /* whole-part digits still to come after this one */
        if (i >= sign && i < sign + whole && left > 0 && left % 3 == 0 && k + 1 < size)
            out[k++] = ',';
    }
    out[k] = '\0';
}

char *prt_format_value(const prt_indicator *in, double v, char *buf, size_t size)
{
    char n[64];
    rpt_number(v, in->decimals, n, sizeof n);
    if (in->unit == PRT_UNIT_CURRENCY) {
        char plain[64];
        memcpy(plain, n, sizeof plain);
        group_thousands(plain, n, sizeof n);
    }
    const prt_unit_form *form = &prt_unit_forms[in->unit];
    /* a sign goes before a prefix: -£5; a value that rounds to 0 has no sign left to move */
    bool sign_first = form->prefix[0] && n[0] == '-';
    snprintf(buf, size, "%s%s%s%s", sign_first ? "-" : "", form->prefix, n + sign_first, form->suffix);
    return buf;
}

const char *rpt_polarity_text(prt_polarity p)
{
    return prt_polarity_texts[p];
}

const char *rpt_status_text(prt_result_status s)
{
    return prt_result_status_texts[s];
}

/* The cell texts below are built in a builder the caller owns and reuses from row to row. */
const char *rpt_target_text(const prt_evaluation *ev, const prt_rating *r, prt_buf *b)
{
    const prt_indicator *in = &ev->plan->indicators[r->indicator];
    char v[64];
    prt_buf_clear(b);
    if (r->expected) {   /* a contextual indicator: shown against its expected level, not rated */
        prt_buf_printf(b, "expected %s", prt_format_value(in, r->expected->value, v, sizeof v));
    } else if (in->polarity == PRT_POL_MONITOR || (r->target && r->target->kind == PRT_TARGET_MONITOR)) {
        prt_buf_puts(b, "Monitor");
    } else if (r->target) {
        const prt_target *t = r->target;
        if (t->kind == PRT_TARGET_BENCHMARK)
            prt_buf_puts(b, ev->plan->benchmarks[t->benchmark].name);
        else if (t->kind == PRT_TARGET_MAINTAIN)
            prt_buf_puts(b, "Maintain");
        else
            prt_buf_printf(b, "%s%s%s", t->kind == PRT_TARGET_THRESHOLD ? prt_cmp_words[t->op] : "",
                           t->kind == PRT_TARGET_THRESHOLD ? " " : "", prt_format_value(in, r->target_value, v, sizeof v));
        if ((t->kind == PRT_TARGET_BENCHMARK || t->kind == PRT_TARGET_MAINTAIN) && r->band >= 0)
            prt_buf_printf(b, " (%s)", prt_format_value(in, r->target_value, v, sizeof v));
        if (r->amended)
            prt_buf_puts(b, " (amended)");
    }
    return prt_buf_str(b);
}

/* The value and the band it is shown in ("72% (G)"); with its symbol before the abbreviation when
 * asked ("72% (▲ G)": text and Markdown; HTML puts the symbol in a span of its own). */
static const char *result_text(const prt_evaluation *ev, const prt_rating *r, prt_buf *b, bool symbol)
{
    const prt_indicator *in = &ev->plan->indicators[r->indicator];
    const prt_scheme *s = in->scheme >= 0 ? &ev->plan->schemes[in->scheme] : NULL;
    int band = prt_rating_shown_band(s, r);
    const char *sym = symbol ? prt_band_symbol(s, band) : NULL;
    char v[64];
    prt_buf_clear(b);
    if (r->status != PRT_RESULT_VALUE)
        prt_buf_puts(b, rpt_status_text(r->status));
    else if (band >= 0)
        prt_buf_printf(b, "%s (%s%s%s)", prt_format_value(in, r->value, v, sizeof v), sym ? sym : "", sym ? " " : "",
                       prt_band_short(s, band));
    else
        prt_buf_puts(b, prt_format_value(in, r->value, v, sizeof v));
    return prt_buf_str(b);
}

const char *rpt_result_text(const prt_evaluation *ev, const prt_rating *r, prt_buf *b)
{
    return result_text(ev, r, b, true);
}

const char *rpt_result_text_bare(const prt_evaluation *ev, const prt_rating *r, prt_buf *b)
{
    return result_text(ev, r, b, false);
}

/* A value in the indicator's unit: bounded, so a small fixed buffer holds it. */
char *rpt_last_year_text(const prt_evaluation *ev, const prt_rating *r, char *buf, size_t size)
{
    const prt_indicator *in = &ev->plan->indicators[r->indicator];
    if (!r->has_previous)
        buf[0] = '\0';
    else
        prt_format_value(in, r->previous, buf, size);
    return buf;
}

const char *rpt_benchmark_text(const prt_evaluation *ev, const prt_rating *r, prt_buf *b)
{
    const prt_indicator *in = &ev->plan->indicators[r->indicator];
    char v[64];
    prt_buf_clear(b);
    for (int n = 0, k; (k = prt_rating_benchmark_at(ev->plan, r, n)) >= 0; n++) {
        double value;
        prt_period when;
        if (!prt_rating_benchmark(ev->plan, r, k, &value, &when))
            continue;
        /* "; " between them: a comma is already a thousands separator in "£1,250,000" */
        prt_buf_printf(b, "%s%s %s", prt_buf_str(b)[0] ? "; " : "", ev->plan->benchmarks[k].name,
                       prt_format_value(in, value, v, sizeof v));
    }
    return prt_buf_str(b);
}

/* The builders one report row needs for its cells. */

void rpt_row_text_free(RptRowText *t)
{
    prt_buf_free(&t->target);
    prt_buf_free(&t->result);
    prt_buf_free(&t->benchmark);
    prt_buf_free(&t->note);
}

/* Rounded the way the reports round: half up, to a whole percent. */
int rpt_pct(int part, int whole)
{
    return whole ? (int)floor(100.0 * part / whole + 0.5) : 0;
}

char *rpt_share(int part, int whole, char *buf, size_t size)
{
    snprintf(buf, size, "%d%% (%d)", rpt_pct(part, whole), part);
    return buf;
}

/* ---- the summary table ---- */

const prt_scheme *rpt_summary_scheme(const prt_evaluation *ev)
{
    return ev->band_scheme >= 0 ? &ev->plan->schemes[ev->band_scheme] : NULL;
}

/* The bands the summaries count: all of them, as the checker allows no more than PRT_MAX_BANDS (E044);
 * the bound only keeps tables built by other means inside prt_counts. */
int rpt_summary_bands(const prt_scheme *s)
{
    return !s ? 0 : s->nbands < PRT_MAX_BANDS ? s->nbands : PRT_MAX_BANDS;
}


bool rpt_plan_has_symbols(const prt_plan *plan)
{
    for (int i = 0; i < plan->nschemes; i++)
        for (int b = 0; b < plan->schemes[i].nbands; b++)
            if (plan->schemes[i].bands[b].symbol)
                return true;
    for (int i = 0; i < plan->ndelivery; i++)
        for (int b = 0; b < plan->delivery[i].nbands; b++)
            if (plan->delivery[i].bands[b].symbol)
                return true;
    return false;
}

int rpt_unrated_rest(const prt_scheme *s, const prt_counts *k)
{
    int m = prt_scheme_monitor_band(s);
    return m >= 0 && m < PRT_MAX_BANDS ? k->monitor_nya - k->band[m] : k->monitor_nya;
}

int rpt_summary_row(const prt_evaluation *ev, const char *name, const prt_counts *k, RptSummaryRow *row)
{
    const prt_scheme *s = rpt_summary_scheme(ev);
    int c = 0;
    row->cell[c++] = name;
    snprintf(row->num[c], sizeof row->num[c], "%d", k->reported), c++;
    snprintf(row->num[c], sizeof row->num[c], "%d", k->rated), c++;
    for (int b = 0; b < rpt_summary_bands(s); b++, c++)
        if (s->bands[b].monitor)   /* not a rating: a count, not a share of the rated */
            snprintf(row->num[c], sizeof row->num[c], "%d", k->band[b]);
        else
            rpt_share(k->band[b], k->rated, row->num[c], sizeof row->num[c]);
    snprintf(row->num[c], sizeof row->num[c], "%d", rpt_unrated_rest(s, k)), c++;
    snprintf(row->num[c], sizeof row->num[c], "%d", k->with_dot), c++;
    rpt_share(k->improved_same, k->with_dot, row->num[c], sizeof row->num[c]), c++;
    rpt_share(k->worsened, k->with_dot, row->num[c], sizeof row->num[c]), c++;
    for (int i = 1; i < c; i++)
        row->cell[i] = row->num[i];
    return c;
}

int rpt_summary_header(const prt_evaluation *ev, const char *cells[RPT_MAX_COLS])
{
    return rpt_summary_header_with(ev, cells, NULL);
}

int rpt_summary_header_with(const prt_evaluation *ev, const char *cells[RPT_MAX_COLS], prt_buf labels[PRT_MAX_BANDS])
{
    const prt_scheme *s = rpt_summary_scheme(ev);
    int c = 0;
    cells[c++] = "Pillar";
    cells[c++] = "Reported";
    cells[c++] = "Rated";
    for (int b = 0; b < rpt_summary_bands(s); b++) {
        const char *sym = labels ? prt_band_symbol(s, b) : NULL;
        if (sym) {
            prt_buf_clear(&labels[b]);
            prt_buf_printf(&labels[b], "%s %s", sym, s->bands[b].label);
        }
        cells[c++] = sym ? prt_buf_str(&labels[b]) : s->bands[b].label;
    }
    cells[c++] = prt_scheme_monitor_band(s) >= 0 ? "NYA" : "Monitor/NYA";
    cells[c++] = "With DOT";
    cells[c++] = "Improved/Same";
    cells[c++] = "Worsened";
    return c;
}

/* Whether any indicator belongs to the theme (themes without one are left out of the reports). */
bool rpt_theme_has_indicators(const RptGroups *g, int th)
{
    return g->theme_first[th + 1] > g->theme_first[th];
}

/* ---- issue 14: reports over time ---- */

int rpt_dot_headers(const prt_plan *plan, const char *head[2])
{
    if (plan->dot_basis == PRT_DOT_BASIS_BOTH) {
        head[0] = "DOT short term";
        head[1] = "DOT long term";
        return 2;
    }
    head[0] = "DOT";
    return 1;
}

/* One direction's cell: its name, and where the comparison was with the baseline, say so. */
static void dot_cell(prt_buf *b, prt_dot d, bool from_baseline)
{
    prt_buf_clear(b);
    prt_buf_puts(b, prt_dot_name(d));
    if (d != PRT_DOT_NONE && from_baseline)
        prt_buf_puts(b, " (from baseline)");
}

int rpt_dot_cells(const prt_plan *plan, const prt_rating *r, prt_buf cells[2])
{
    switch (plan->dot_basis) {
    case PRT_DOT_BASIS_SHORT_TERM:
        dot_cell(&cells[0], r->dot_short, r->prior_is_baseline);
        return 1;
    case PRT_DOT_BASIS_BOTH:
        dot_cell(&cells[0], r->dot_short, r->prior_is_baseline);
        dot_cell(&cells[1], r->dot, r->previous_is_baseline);
        return 2;
    case PRT_DOT_BASIS_LONG_TERM: break;
    }
    dot_cell(&cells[0], r->dot, r->previous_is_baseline);
    return 1;
}

bool rpt_worsening(const prt_plan *plan, const prt_rating *r)
{
    bool long_term = r->dot == PRT_DOT_WORSENING, short_term = r->dot_short == PRT_DOT_WORSENING;
    switch (plan->dot_basis) {
    case PRT_DOT_BASIS_SHORT_TERM: return short_term;
    case PRT_DOT_BASIS_BOTH: return long_term || short_term;
    case PRT_DOT_BASIS_LONG_TERM: break;
    }
    return long_term;
}

const char *rpt_value_cell(const prt_evaluation *ev, const prt_rating *r, bool short_marker, prt_buf *b)
{
    rpt_result_text(ev, r, b);
    if (r->provisional)
        prt_buf_puts(b, short_marker ? " p" : " (provisional)");
    return prt_buf_str(b);
}

const char *rpt_forecast_text(const prt_evaluation *ev, const prt_rating *r, prt_buf *b)
{
    const prt_indicator *in = &ev->plan->indicators[r->indicator];
    char f[64], t[64];
    prt_buf_clear(b);
    if (r->has_forecast)
        prt_buf_printf(b, "%s against %s%s", prt_format_value(in, r->forecast, f, sizeof f),
                       prt_format_value(in, r->annual_target, t, sizeof t), r->forecast_miss ? " (miss)" : "");
    return prt_buf_str(b);
}

bool rpt_history_has_forecast(const prt_history *h)
{
    for (int k = 0; k < h->n; k++)
        for (int i = 0; i < h->plan->nindicators; i++)
            if (h->ev[k]->ratings[i].has_forecast)
                return true;
    return false;
}

bool rpt_history_has_quality(const prt_history *h)
{
    for (int k = 0; k < h->n; k++)
        for (int i = 0; i < h->plan->nindicators; i++)
            if (h->ev[k]->ratings[i].quality)
                return true;
    return false;
}

const char *rpt_quality_codes(const prt_rating *r, const char *sep, prt_buf *b)
{
    prt_buf_clear(b);
    for (int f = 0; f < PRT_N_QUALITY_FLAGS; f++)
        if (r->quality & (1u << f)) {
            if (b->len)
                prt_buf_puts(b, sep);
            prt_buf_puts(b, prt_quality_codes[f]);
        }
    return prt_buf_str(b);
}

const char *rpt_restated_text(const prt_evaluation *ev, const prt_rating *r, prt_buf *b)
{
    const prt_indicator *in = &ev->plan->indicators[r->indicator];
    char v[64];
    prt_buf_clear(b);
    if (r->restated) {
        prt_buf_printf(b, "restated from %s", prt_format_value(in, r->original, v, sizeof v));
        if (r->restate_reason && r->restate_reason[0])
            prt_buf_printf(b, ": %s", r->restate_reason);
    }
    return prt_buf_str(b);
}

const char *rpt_owner_text(const prt_indicator *in, prt_buf *b)
{
    const struct {
        const char *label, *text;
    } parts[] = {{"Owner", in->owner}, {"Committee", in->committee}, {"Source", in->source}};
    prt_buf_clear(b);
    for (size_t k = 0; k < sizeof parts / sizeof parts[0]; k++)
        if (parts[k].text && parts[k].text[0])
            prt_buf_printf(b, "%s%s: %s", b->len ? " \xC2\xB7 " : "", parts[k].label, parts[k].text);
    return prt_buf_str(b);
}

/* The flags other than a missing return, as "doubtful data (Q001, Q002)". */
static bool doubtful_reason(const prt_rating *r, prt_buf *b)
{
    unsigned doubtful = r->quality & ~(1u << PRT_QUALITY_MISSING);
    if (!doubtful)
        return false;
    prt_buf_puts(b, "doubtful data (");
    bool first = true;
    for (int f = 0; f < PRT_N_QUALITY_FLAGS; f++)
        if (doubtful & (1u << f)) {
            prt_buf_printf(b, "%s%s", first ? "" : ", ", prt_quality_codes[f]);
            first = false;
        }
    prt_buf_putc(b, ')');
    return true;
}

int rpt_exception_reasons(const prt_plan *plan, const prt_rating *r, const char *reasons[RPT_MAX_REASONS],
                          prt_buf *reason_buf)
{
    int n = 0;
    if (r->below_target)
        reasons[n++] = r->comment && r->comment[0] ? "below target, with commentary" : "below target, no commentary";
    if (rpt_worsening(plan, r))
        reasons[n++] = "worsening";
    if (r->forecast_miss)
        reasons[n++] = "forecast to miss the annual target";
    if (r->quality & (1u << PRT_QUALITY_MISSING))
        reasons[n++] = "missing return (Q003)";
    prt_buf_clear(reason_buf);
    if (doubtful_reason(r, reason_buf))
        reasons[n++] = prt_buf_str(reason_buf);
    return n;
}

const char *rpt_exception_text(const prt_plan *plan, const prt_rating *r, prt_buf *b)
{
    const char *reasons[RPT_MAX_REASONS];
    prt_buf scratch = {0};
    int n = rpt_exception_reasons(plan, r, reasons, &scratch);
    prt_buf_clear(b);
    for (int k = 0; k < n; k++)
        prt_buf_printf(b, "%s%s", k ? "; " : "", reasons[k]);
    prt_buf_free(&scratch);
    return prt_buf_str(b);
}

/* An indicator's group within its theme: the outcome's index, or noutcomes for "Other indicators". */
static int group_rank(const prt_plan *plan, const prt_indicator *in)
{
    return in->outcome >= 0 && in->outcome < plan->noutcomes ? in->outcome : plan->noutcomes;
}

/* Stable counting sort of idx[0..n) by key(idx) in [0, nkeys), into out. */
static void sort_by(const int *idx, int n, int *out, int nkeys, const prt_plan *plan, bool by_theme)
{
    int *count = prt_xcalloc((size_t)nkeys + 1, sizeof *count);
    for (int k = 0; k < n; k++) {
        const prt_indicator *in = &plan->indicators[idx[k]];
        count[(by_theme ? in->theme : group_rank(plan, in)) + 1]++;
    }
    for (int k = 0; k < nkeys; k++)
        count[k + 1] += count[k];
    for (int k = 0; k < n; k++) {
        const prt_indicator *in = &plan->indicators[idx[k]];
        out[count[by_theme ? in->theme : group_rank(plan, in)]++] = idx[k];
    }
    free(count);
}

void rpt_groups_make(RptGroups *g, const prt_plan *plan)
{
    int n = 0, nthemes = plan->nthemes > 0 ? plan->nthemes : 0;
    int *plain = prt_xcalloc((size_t)plan->nindicators + 1, sizeof *plain);
    for (int i = 0; i < plan->nindicators; i++)
        if (plan->indicators[i].theme >= 0 && plan->indicators[i].theme < nthemes)
            plain[n++] = i;
    int *by_rank = prt_xcalloc((size_t)n + 1, sizeof *by_rank);
    g->order = prt_xcalloc((size_t)n + 1, sizeof *g->order);
    sort_by(plain, n, by_rank, plan->noutcomes + 1, plan, false);
    sort_by(by_rank, n, g->order, nthemes, plan, true);   /* stable: ranks stay in order within a theme */
    free(plain);
    free(by_rank);
    g->groups = prt_xcalloc((size_t)n + 1, sizeof *g->groups);
    g->theme_first = prt_xcalloc((size_t)nthemes + 1, sizeof *g->theme_first);
    int ng = 0;
    for (int k = 0, th = 0; th <= nthemes; th++) {
        g->theme_first[th] = ng;
        while (th < nthemes && k < n && plan->indicators[g->order[k]].theme == th) {
            int rank = group_rank(plan, &plan->indicators[g->order[k]]);
            RptGroup *grp = &g->groups[ng++];
            grp->outcome = rank < plan->noutcomes ? rank : -1;
            grp->indicators = &g->order[k];
            while (k < n && plan->indicators[g->order[k]].theme == th &&
                   group_rank(plan, &plan->indicators[g->order[k]]) == rank)
                grp->n++, k++;
        }
    }
}

void rpt_groups_free(RptGroups *g)
{
    free(g->order);
    free(g->groups);
    free(g->theme_first);
}

int rpt_theme_groups(const RptGroups *g, int th, const RptGroup **out)
{
    *out = &g->groups[g->theme_first[th]];
    return g->theme_first[th + 1] - g->theme_first[th];
}

const char *rpt_group_name(const prt_plan *plan, int ngroups, const RptGroup *group)
{
    if (group->outcome >= 0)
        return plan->outcomes[group->outcome].name;
    return ngroups > 1 ? "Other indicators" : NULL;
}

/* "Green 3 (+1)": a count and its change. */
static void count_change(prt_buf *b, const char *label, int now, int before, void (*esc)(prt_buf *, const char *))
{
    esc(b, label);
    prt_buf_printf(b, " %d (%s%d)", now, now > before ? "+" : "", now - before);
}

void rpt_change_line(prt_buf *b, const prt_evaluation *prev, const prt_evaluation *cur,
                     void (*esc)(prt_buf *, const char *))
{
    const prt_scheme *s = rpt_summary_scheme(cur);
    const prt_counts *k = &cur->total, *p = &prev->total;
    prt_buf_printf(b, "Since %s: ", prt_period_text(prev->period).s);
    count_change(b, "rated", k->rated, p->rated, esc);
    for (int bd = 0; bd < rpt_summary_bands(s); bd++) {
        prt_buf_puts(b, ", ");
        count_change(b, s->bands[bd].label, k->band[bd], p->band[bd], esc);
    }
    prt_buf_puts(b, "; ");
    count_change(b, "improved or same", k->improved_same, p->improved_same, esc);
    prt_buf_puts(b, ", ");
    count_change(b, "worsened", k->worsened, p->worsened, esc);
}
