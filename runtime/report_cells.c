/* The texts of a report's cells and summary rows, shared by every format (report.c, report_html.c). */
#include "report_cells.h"

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

char *prt_format_value(const prt_indicator *in, double v, char *buf, size_t size)
{
    char n[64];
    rpt_number(v, in->decimals, n, sizeof n);
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
    if (in->polarity == PRT_POL_MONITOR || (r->target && r->target->kind == PRT_TARGET_MONITOR)) {
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

const char *rpt_result_text(const prt_evaluation *ev, const prt_rating *r, prt_buf *b)
{
    const prt_indicator *in = &ev->plan->indicators[r->indicator];
    const prt_scheme *s = in->scheme >= 0 ? &ev->plan->schemes[in->scheme] : NULL;
    char v[64];
    prt_buf_clear(b);
    if (r->status != PRT_RESULT_VALUE)
        prt_buf_puts(b, rpt_status_text(r->status));
    else if (r->band >= 0)
        prt_buf_printf(b, "%s (%s)", prt_format_value(in, r->value, v, sizeof v), prt_band_short(s, r->band));
    else
        prt_buf_puts(b, prt_format_value(in, r->value, v, sizeof v));
    return prt_buf_str(b);
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
    if (r->has_benchmark)
        prt_buf_printf(b, "%s %s", r->benchmark_name, prt_format_value(in, r->benchmark_value, v, sizeof v));
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


int rpt_summary_row(const prt_evaluation *ev, const char *name, const prt_counts *k, RptSummaryRow *row)
{
    const prt_scheme *s = rpt_summary_scheme(ev);
    int c = 0;
    row->cell[c++] = name;
    snprintf(row->num[c], sizeof row->num[c], "%d", k->reported), c++;
    snprintf(row->num[c], sizeof row->num[c], "%d", k->rated), c++;
    for (int b = 0; b < rpt_summary_bands(s); b++, c++)
        rpt_share(k->band[b], k->rated, row->num[c], sizeof row->num[c]);
    snprintf(row->num[c], sizeof row->num[c], "%d", k->monitor_nya), c++;
    snprintf(row->num[c], sizeof row->num[c], "%d", k->with_dot), c++;
    rpt_share(k->improved_same, k->with_dot, row->num[c], sizeof row->num[c]), c++;
    rpt_share(k->worsened, k->with_dot, row->num[c], sizeof row->num[c]), c++;
    for (int i = 1; i < c; i++)
        row->cell[i] = row->num[i];
    return c;
}

int rpt_summary_header(const prt_evaluation *ev, const char *cells[RPT_MAX_COLS])
{
    const prt_scheme *s = rpt_summary_scheme(ev);
    int c = 0;
    cells[c++] = "Pillar";
    cells[c++] = "Reported";
    cells[c++] = "Rated";
    for (int b = 0; b < rpt_summary_bands(s); b++)
        cells[c++] = s->bands[b].label;
    cells[c++] = "Monitor/NYA";
    cells[c++] = "With DOT";
    cells[c++] = "Improved/Same";
    cells[c++] = "Worsened";
    return c;
}

/* Whether any indicator belongs to the theme (themes without one are left out of the reports). */
bool rpt_theme_has_indicators(const prt_plan *plan, int th)
{
    for (int i = 0; i < plan->nindicators; i++)
        if (plan->indicators[i].theme == th)
            return true;
    return false;
}
