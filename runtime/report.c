/* The report formats: a text report that mirrors the council's tables, CSV and JSON for machines,
 * and Markdown for pasting into a committee paper (the HTML pack is report_html.c, the audit report_audit.c). */
#include "report_cells.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

bool prt_format_parse(const char *s, prt_format *out)
{
    static const struct {
        const char *name;
        prt_format f;
    } names[] = {{"text", PRT_FORMAT_TEXT}, {"csv", PRT_FORMAT_CSV}, {"json", PRT_FORMAT_JSON}, {"md", PRT_FORMAT_MD},
                 {"html", PRT_FORMAT_HTML}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(s, names[i].name) == 0) {
            *out = names[i].f;
            return true;
        }
    return false;
}
/* ---- a text table, columns sized to their widest cell (in characters, not bytes) ---- */


/* Each cell and note is the text as the terminal will show it (prt_esc_terminal), allocated. */
typedef struct Table {
    int ncols;
    int nrows;
    char *(*cells)[RPT_MAX_COLS];
    char *(*notes)[2];           /* lines printed under a row */
    int max_width[RPT_MAX_COLS];     /* 0: no limit */
} Table;

static size_t width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            w++;
    return w;
}

/* Cuts a cell to at most w characters, ending it with "..." when cut (on a character boundary). */
static void clip(char *s, size_t w)
{
    if (width(s) <= w || w < 4)
        return;
    size_t chars = 0;
    char *p = s;
    while (*p && chars < w - 3) {
        p++;
        while (((unsigned char)*p & 0xC0) == 0x80)
            p++;
        chars++;
    }
    strcpy(p, "...");
}

/* The text as a terminal shows it: no control characters, and a table row stays one line. */
static char *terminal_text(const char *s)
{
    prt_buf b = {0};
    prt_esc_terminal(&b, s ? s : "");
    for (size_t i = 0; i < b.len; i++)
        if (b.data[i] == '\t')
            b.data[i] = ' ';   /* a tab would break the columns */
    return prt_buf_take(&b);
}

static void table_add(Table *t, const char *const *cells, const char *note1, const char *note2)
{
    t->cells = prt_xrealloc(t->cells, (size_t)(t->nrows + 1) * sizeof *t->cells);
    t->notes = prt_xrealloc(t->notes, (size_t)(t->nrows + 1) * sizeof *t->notes);
    for (int c = 0; c < t->ncols; c++) {
        t->cells[t->nrows][c] = terminal_text(cells[c]);
        if (t->max_width[c])
            clip(t->cells[t->nrows][c], (size_t)t->max_width[c]);
    }
    t->notes[t->nrows][0] = terminal_text(note1);
    t->notes[t->nrows][1] = terminal_text(note2);
    t->nrows++;
}

static void table_print(FILE *out, Table *t, const char *indent)
{
    size_t w[RPT_MAX_COLS] = {0};
    for (int r = 0; r < t->nrows; r++)
        for (int c = 0; c < t->ncols; c++)
            if (width(t->cells[r][c]) > w[c])
                w[c] = width(t->cells[r][c]);
    for (int r = 0; r < t->nrows; r++) {
        fputs(indent, out);
        int last = t->ncols - 1;   /* no padding after the last cell with text: no trailing blanks */
        while (last > 0 && !t->cells[r][last][0])
            last--;
        for (int c = 0; c <= last; c++) {
            const char *cell = t->cells[r][c];
            fputs(cell, out);
            if (c < last)
                for (size_t k = width(cell); k < w[c] + 2; k++)
                    fputc(' ', out);
        }
        fputc('\n', out);
        for (int k = 0; k < 2; k++)
            if (t->notes[r][k][0])
                fprintf(out, "%s    %s\n", indent, t->notes[r][k]);
        if (r == 0) {
            fputs(indent, out);
            size_t total = 0;
            for (int c = 0; c < t->ncols; c++)
                total += w[c] + (c + 1 < t->ncols ? 2 : 0);
            for (size_t k = 0; k < total; k++)
                fputc('-', out);
            fputc('\n', out);
        }
    }
    for (int r = 0; r < t->nrows; r++) {
        for (int c = 0; c < t->ncols; c++)
            free(t->cells[r][c]);
        free(t->notes[r][0]);
        free(t->notes[r][1]);
    }
    free(t->cells);
    free(t->notes);
    t->cells = NULL;
    t->notes = NULL;
    t->nrows = 0;
}
static void text_summary(FILE *out, const prt_evaluation *ev)
{
    const prt_plan *plan = ev->plan;
    Table t = {0};
    const char *head[RPT_MAX_COLS];
    t.ncols = rpt_summary_header(ev, head);
    table_add(&t, head, NULL, NULL);
    RptSummaryRow row;
    for (int p = 0; p < plan->npillars; p++) {
        rpt_summary_row(ev, plan->pillars[p].name, &ev->pillar_counts[p], &row);
        table_add(&t, row.cell, NULL, NULL);
    }
    rpt_summary_row(ev, "Total", &ev->total, &row);
    table_add(&t, row.cell, NULL, NULL);
    table_print(out, &t, "");
    const prt_counts *k = &ev->total;
    fprintf(out, "\n%d indicators reported; %d rated: %d%% (%d) on or above target, %d%% (%d) below target; "
                 "%d with a direction of travel: %d%% (%d) improved or same, %d%% (%d) worsened.\n",
            k->reported, k->rated, rpt_pct(k->on_target, k->rated), k->on_target, rpt_pct(k->below_target, k->rated),
            k->below_target, k->with_dot, rpt_pct(k->improved_same, k->with_dot), k->improved_same,
            rpt_pct(k->worsened, k->with_dot), k->worsened);
}

/* One sentence per theme: what the summary table says of a pillar, at the theme's level; band
 * labels escaped for the report's language (esc). */
static void theme_line(FILE *out, const prt_evaluation *ev, const prt_counts *k, const char *indent,
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
    prt_buf_printf(&b, "; %d monitor or not yet available; DOT: %d improved or same, %d worsened\n", k->monitor_nya,
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

static void text_report(FILE *out, const prt_evaluation *ev)
{
    const prt_plan *plan = ev->plan;
    prt_buf line = {0};
    prt_esc_terminal(&line, plan->name ? plan->name : "Plan");
    if (plan->organisation) {
        prt_buf_puts(&line, " (");
        prt_esc_terminal(&line, plan->organisation);
        prt_buf_puts(&line, ")");
    }
    prt_buf_putc(&line, '\n');
    prt_buf_flush(&line, out);
    fprintf(out, "Performance for %s\n\n", prt_period_text(ev->period).s);
    text_summary(out, ev);
    RptRowText rt = {0};
    for (int p = 0; p < plan->npillars; p++) {
        prt_buf_puts(&line, "\n");
        prt_esc_terminal(&line, plan->pillars[p].name);
        prt_buf_puts(&line, "\n");
        prt_buf_flush(&line, out);
        for (int th = 0; th < plan->nthemes; th++) {
            if (plan->themes[th].pillar != p || !rpt_theme_has_indicators(plan, th))
                continue;
            prt_buf_puts(&line, "\n  ");
            prt_esc_terminal(&line, plan->themes[th].name);
            prt_buf_puts(&line, plan->themes[th].transformation ? " (transformation workstream)\n" : "\n");
            prt_buf_flush(&line, out);
            theme_line(out, ev, &ev->theme_counts[th], "  ", prt_esc_terminal);
            Table t = {0};
            t.ncols = 9;
            t.max_width[1] = 48;
            t.max_width[8] = 40;
            const char *head[] = {"Ref", "Indicator", "Polarity", "Period", "Target", "Result", "Last year", "DOT", "Benchmark"};
            table_add(&t, head, NULL, NULL);
            for (int i = 0; i < plan->nindicators; i++) {
                const prt_indicator *in = &plan->indicators[i];
                if (in->theme != th)
                    continue;
                const prt_rating *r = &ev->ratings[i];
                char ly[64];
                const char *cells[] = {
                    in->ref ? in->ref : (in->id ? in->id : ""), in->name, rpt_polarity_text(in->polarity),
                    prt_period_text(r->period).s, rpt_target_text(ev, r, &rt.target),
                    rpt_result_text(ev, r, &rt.result), rpt_last_year_text(ev, r, ly, sizeof ly), prt_dot_name(r->dot),
                    rpt_benchmark_text(ev, r, &rt.benchmark),
                };
                prt_buf_clear(&rt.note);
                if (r->comment)
                    comment_note(&rt.note, r->comment);
                else if (r->exception)
                    prt_buf_puts(&rt.note, "Exception: below target and no commentary");
                table_add(&t, cells, r->explanation, prt_buf_str(&rt.note));
            }
            table_print(out, &t, "  ");
        }
    }
    rpt_row_text_free(&rt);
    prt_buf_free(&line);
}

/* ---- CSV ---- */

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
    return r->band >= 0 ? ev->plan->schemes[in->scheme].bands[r->band].id : "";
}

static void csv_report(FILE *out, const prt_evaluation *ev)
{
    const prt_plan *plan = ev->plan;
    const char *head[] = {"ref", "id", "indicator", "pillar", "theme", "polarity", "period", "target", "result",
                          "status", "rating", "rating_label", "percent", "explanation", "last_year", "dot",
                          "dot_explanation", "benchmark", "published_rating", "published_dot", "overridden",
                          "exception", "comment"};
    size_t nh = sizeof head / sizeof head[0];
    prt_buf row = {0};
    RptRowText rt = {0};
    for (size_t i = 0; i < nh; i++)
        row_cell(&row, head[i], i + 1 == nh);
    prt_buf_flush(&row, out);
    for (int i = 0; i < plan->nindicators; i++) {
        const prt_indicator *in = &plan->indicators[i];
        const prt_rating *r = &ev->ratings[i];
        const prt_scheme *s = in->scheme >= 0 ? &plan->schemes[in->scheme] : NULL;
        char val[64], pc[32], ly[64];
        const prt_theme *th = &plan->themes[in->theme];
        val[0] = pc[0] = '\0';
        if (r->status == PRT_RESULT_VALUE)
            rpt_number(r->value, -1, val, sizeof val);
        if (r->band >= 0 && !r->overridden)
            rpt_number(r->percent, 1, pc, sizeof pc);
        row_cell(&row, in->ref, false);
        row_cell(&row, in->id, false);
        row_cell(&row, in->name, false);
        row_cell(&row, plan->pillars[th->pillar].name, false);
        row_cell(&row, th->name, false);
        row_cell(&row, rpt_polarity_text(in->polarity), false);
        row_cell(&row, prt_period_text(r->period).s, false);
        row_cell(&row, rpt_target_text(ev, r, &rt.target), false);
        row_cell(&row, val, false);
        row_cell(&row, r->status == PRT_RESULT_VALUE ? "value" : rpt_status_text(r->status), false);
        row_cell(&row, rating_id(ev, r), false);
        row_cell(&row, r->band >= 0 ? prt_band_name(s, r->band) : "", false);
        row_cell(&row, pc, false);
        row_cell(&row, r->explanation, false);
        row_cell(&row, rpt_last_year_text(ev, r, ly, sizeof ly), false);
        row_cell(&row, prt_dot_name(r->dot), false);
        row_cell(&row, r->dot_explanation, false);
        row_cell(&row, rpt_benchmark_text(ev, r, &rt.benchmark), false);
        row_cell(&row, r->published_rating, false);
        row_cell(&row, r->published_dot, false);
        row_cell(&row, r->overridden ? "yes" : "no", false);
        row_cell(&row, r->exception ? "yes" : "no", false);
        row_cell(&row, r->comment, true);
        prt_buf_flush(&row, out);
    }
    prt_buf_free(&row);
    rpt_row_text_free(&rt);
}

/* ---- JSON ---- */

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

static void json_report(FILE *out, const prt_evaluation *ev)
{
    const prt_plan *plan = ev->plan;
    RptRowText rt = {0};
    fputs("{\n  \"plan\": ", out);
    json_str(out, plan->name);
    fputs(",\n  \"organisation\": ", out);
    json_str(out, plan->organisation);
    fputs(",\n  \"period\": ", out);
    json_str(out, prt_period_text(ev->period).s);
    fputs(",\n  \"summary\": {\n    \"total\": ", out);
    json_counts(out, ev, &ev->total);
    fputs(",\n    \"pillars\": [", out);
    for (int p = 0; p < plan->npillars; p++) {
        fputs(p ? ",\n      {\"id\": " : "\n      {\"id\": ", out);
        json_str(out, plan->pillars[p].id);
        fputs(", \"name\": ", out);
        json_str(out, plan->pillars[p].name);
        fputs(", \"counts\": ", out);
        json_counts(out, ev, &ev->pillar_counts[p]);
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
        fputs(", \"counts\": ", out);
        json_counts(out, ev, &ev->theme_counts[t]);
        fputc('}', out);
    }
    fputs("\n    ]\n  },\n  \"indicators\": [", out);
    for (int i = 0; i < plan->nindicators; i++) {
        const prt_indicator *in = &plan->indicators[i];
        const prt_rating *r = &ev->ratings[i];
        const prt_scheme *s = in->scheme >= 0 ? &plan->schemes[in->scheme] : NULL;
        fputs(i ? ",\n    {" : "\n    {", out);
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
        json_str(out, rpt_target_text(ev, r, &rt.target));
        fputs(", \"target_value\": ", out);
        if (r->has_target && (r->band >= 0 || r->target->kind == PRT_TARGET_VALUE || r->target->kind == PRT_TARGET_THRESHOLD))
            json_num(out, r->target_value);
        else
            fputs("null", out);
        fputs(", \"status\": ", out);
        json_str(out, r->status == PRT_RESULT_VALUE ? "value" : rpt_status_text(r->status));
        fputs(", \"result\": ", out);
        if (r->status == PRT_RESULT_VALUE)
            json_num(out, r->value);
        else
            fputs("null", out);
        fputs(", \"rating\": ", out);
        json_str(out, r->band >= 0 ? s->bands[r->band].id : NULL);
        fputs(", \"rating_label\": ", out);
        json_str(out, r->band >= 0 ? s->bands[r->band].label : NULL);
        fputs(", \"percent\": ", out);
        if (r->band >= 0 && !r->overridden)
            json_num(out, r->percent);
        else
            fputs("null", out);
        fputs(", \"explanation\": ", out);
        json_str(out, r->explanation);
        fputs(", \"last_year\": ", out);
        if (r->has_previous)
            json_num(out, r->previous);
        else
            fputs("null", out);
        fputs(", \"dot\": ", out);
        json_str(out, r->dot == PRT_DOT_NONE ? NULL : prt_dot_name(r->dot));
        fputs(", \"dot_explanation\": ", out);
        json_str(out, r->dot_explanation[0] ? r->dot_explanation : NULL);
        fputs(", \"published_rating\": ", out);
        json_str(out, r->published_rating);
        fprintf(out, ", \"overridden\": %s, \"exception\": %s, \"comment\": ", r->overridden ? "true" : "false",
                r->exception ? "true" : "false");
        json_str(out, r->comment);
        fputc('}', out);
    }
    fputs("\n  ]\n}\n", out);
    rpt_row_text_free(&rt);
}

/* ---- Markdown ---- */

static void md_cell(FILE *out, const char *s)
{
    prt_buf b = {0};
    prt_buf_puts(&b, "| ");
    prt_esc_md(&b, s);
    prt_buf_putc(&b, ' ');
    prt_buf_flush(&b, out);
    prt_buf_free(&b);
}

/* A heading: its marks, then the text escaped, then an optional plain tail. */
static void md_heading(FILE *out, const char *marks, const char *text, const char *tail)
{
    prt_buf b = {0};
    prt_buf_puts(&b, marks);
    prt_esc_md(&b, text);
    prt_buf_puts(&b, tail);
    prt_buf_flush(&b, out);
    prt_buf_free(&b);
}

static void md_report(FILE *out, const prt_evaluation *ev)
{
    const prt_plan *plan = ev->plan;
    char title_tail[64];
    snprintf(title_tail, sizeof title_tail, ": performance for %s\n\n", prt_period_text(ev->period).s);
    md_heading(out, "# ", plan->name ? plan->name : "Plan", title_tail);
    const char *head[RPT_MAX_COLS];
    int nc = rpt_summary_header(ev, head);
    for (int c = 0; c < nc; c++)
        md_cell(out, head[c]);
    fputs("|\n", out);
    for (int c = 0; c < nc; c++)
        fputs(c < 1 ? "|---" : "|---:", out);
    fputs("|\n", out);
    RptSummaryRow row;
    for (int p = 0; p <= plan->npillars; p++) {
        int n = rpt_summary_row(ev, p < plan->npillars ? plan->pillars[p].name : NULL,
                            p < plan->npillars ? &ev->pillar_counts[p] : &ev->total, &row);
        if (p < plan->npillars)
            md_cell(out, row.cell[0]);
        else
            fputs("| **Total** ", out);
        for (int c = 1; c < n; c++)
            md_cell(out, row.cell[c]);
        fputs("|\n", out);
    }
    RptRowText rt = {0};
    for (int p = 0; p < plan->npillars; p++) {
        md_heading(out, "\n## ", plan->pillars[p].name, "\n");
        for (int th = 0; th < plan->nthemes; th++) {
            if (plan->themes[th].pillar != p || !rpt_theme_has_indicators(plan, th))
                continue;
            md_heading(out, "\n### ", plan->themes[th].name, "\n\n");
            theme_line(out, ev, &ev->theme_counts[th], "", prt_esc_md);
            fputc('\n', out);
            fputs("| Ref | Indicator | Polarity | Period | Target | Result | Last year | DOT | Benchmark | Comment |\n"
                  "|---|---|---|---|---:|---:|---:|---|---|---|\n",
                  out);
            for (int i = 0; i < plan->nindicators; i++) {
                const prt_indicator *in = &plan->indicators[i];
                if (in->theme != th)
                    continue;
                const prt_rating *r = &ev->ratings[i];
                char ly[64];
                md_cell(out, in->ref ? in->ref : in->id);
                md_cell(out, in->name);
                md_cell(out, rpt_polarity_text(in->polarity));
                md_cell(out, prt_period_text(r->period).s);
                md_cell(out, rpt_target_text(ev, r, &rt.target));
                md_cell(out, rpt_result_text(ev, r, &rt.result));
                md_cell(out, rpt_last_year_text(ev, r, ly, sizeof ly));
                md_cell(out, prt_dot_name(r->dot));
                md_cell(out, rpt_benchmark_text(ev, r, &rt.benchmark));
                if (r->comment || !r->exception)
                    md_cell(out, r->comment ? r->comment : "");
                else
                    fputs("| *Below target: no commentary* ", out);
                fputs("|\n", out);
            }
        }
    }
    rpt_row_text_free(&rt);
}

void prt_report(FILE *out, const prt_history *h, prt_format format)
{
    const prt_evaluation *ev = prt_history_last(h);
    switch (format) {
    case PRT_FORMAT_TEXT: text_report(out, ev); break;
    case PRT_FORMAT_CSV: csv_report(out, ev); break;
    case PRT_FORMAT_JSON: json_report(out, ev); break;
    case PRT_FORMAT_MD: md_report(out, ev); break;
    case PRT_FORMAT_HTML: prt_report_html(out, h, NULL); break;
    }
}
