/* The report formats: a text report that mirrors the council's tables, CSV and JSON for machines,
 * Markdown for pasting into a committee paper, and the audit of published ratings. */
#include "escape.h"
#include "planrt.h"

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

/* Numbers print with the indicator's decimals, or with at most two, trailing zeros dropped. */
static char *number(double v, int decimals, char *buf, size_t size)
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
    number(v, in->decimals, n, sizeof n);
    const prt_unit_form *form = &prt_unit_forms[in->unit];
    /* a sign goes before a prefix: -£5; a value that rounds to 0 has no sign left to move */
    bool sign_first = form->prefix[0] && n[0] == '-';
    snprintf(buf, size, "%s%s%s%s", sign_first ? "-" : "", form->prefix, n + sign_first, form->suffix);
    return buf;
}

static const char *polarity_text(prt_polarity p)
{
    return prt_polarity_texts[p];
}

static const char *status_text(prt_result_status s)
{
    return prt_result_status_texts[s];
}

/* The cell texts below are built in a builder the caller owns and reuses from row to row. */
static const char *target_text(const prt_evaluation *ev, const prt_rating *r, prt_buf *b)
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

static const char *result_text(const prt_evaluation *ev, const prt_rating *r, prt_buf *b)
{
    const prt_indicator *in = &ev->plan->indicators[r->indicator];
    const prt_scheme *s = in->scheme >= 0 ? &ev->plan->schemes[in->scheme] : NULL;
    char v[64];
    prt_buf_clear(b);
    if (r->status != PRT_RESULT_VALUE)
        prt_buf_puts(b, status_text(r->status));
    else if (r->band >= 0)
        prt_buf_printf(b, "%s (%s)", prt_format_value(in, r->value, v, sizeof v), prt_band_short(s, r->band));
    else
        prt_buf_puts(b, prt_format_value(in, r->value, v, sizeof v));
    return prt_buf_str(b);
}

/* A value in the indicator's unit: bounded, so a small fixed buffer holds it. */
static char *last_year_text(const prt_evaluation *ev, const prt_rating *r, char *buf, size_t size)
{
    const prt_indicator *in = &ev->plan->indicators[r->indicator];
    if (!r->has_previous)
        buf[0] = '\0';
    else
        prt_format_value(in, r->previous, buf, size);
    return buf;
}

static const char *benchmark_text(const prt_evaluation *ev, const prt_rating *r, prt_buf *b)
{
    const prt_indicator *in = &ev->plan->indicators[r->indicator];
    char v[64];
    prt_buf_clear(b);
    if (r->has_benchmark)
        prt_buf_printf(b, "%s %s", r->benchmark_name, prt_format_value(in, r->benchmark_value, v, sizeof v));
    return prt_buf_str(b);
}

/* The builders one report row needs for its cells. */
typedef struct RowText {
    prt_buf target, result, benchmark, note;
} RowText;

static void row_text_free(RowText *t)
{
    prt_buf_free(&t->target);
    prt_buf_free(&t->result);
    prt_buf_free(&t->benchmark);
    prt_buf_free(&t->note);
}

/* Rounded the way the reports round: half up, to a whole percent. */
static int pct(int part, int whole)
{
    return whole ? (int)floor(100.0 * part / whole + 0.5) : 0;
}

static char *share(int part, int whole, char *buf, size_t size)
{
    snprintf(buf, size, "%d%% (%d)", pct(part, whole), part);
    return buf;
}

/* ---- a text table, columns sized to their widest cell (in characters, not bytes) ---- */

/* The widest table is the summary: a name, two counts, a share per band, four more counts. */
enum { MAX_COLS = 7 + PRT_MAX_BANDS };

/* Each cell and note is the text as the terminal will show it (prt_esc_terminal), allocated. */
typedef struct Table {
    int ncols;
    int nrows;
    char *(*cells)[MAX_COLS];
    char *(*notes)[2];           /* lines printed under a row */
    int max_width[MAX_COLS];     /* 0: no limit */
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
    size_t w[MAX_COLS] = {0};
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

/* ---- the summary table ---- */

static const prt_scheme *summary_scheme(const prt_evaluation *ev)
{
    return ev->band_scheme >= 0 ? &ev->plan->schemes[ev->band_scheme] : NULL;
}

/* The bands the summaries count: all of them, as the checker allows no more than PRT_MAX_BANDS (E044);
 * the bound only keeps tables built by other means inside prt_counts. */
static int summary_bands(const prt_scheme *s)
{
    return !s ? 0 : s->nbands < PRT_MAX_BANDS ? s->nbands : PRT_MAX_BANDS;
}

/* One row of the summary: the pillar's name, then counts and shares (bounded, in num). */
typedef struct SummaryRow {
    const char *cell[MAX_COLS];
    char num[MAX_COLS][32];
} SummaryRow;

static int summary_row(const prt_evaluation *ev, const char *name, const prt_counts *k, SummaryRow *row)
{
    const prt_scheme *s = summary_scheme(ev);
    int c = 0;
    row->cell[c++] = name;
    snprintf(row->num[c], sizeof row->num[c], "%d", k->reported), c++;
    snprintf(row->num[c], sizeof row->num[c], "%d", k->rated), c++;
    for (int b = 0; b < summary_bands(s); b++, c++)
        share(k->band[b], k->rated, row->num[c], sizeof row->num[c]);
    snprintf(row->num[c], sizeof row->num[c], "%d", k->monitor_nya), c++;
    snprintf(row->num[c], sizeof row->num[c], "%d", k->with_dot), c++;
    share(k->improved_same, k->with_dot, row->num[c], sizeof row->num[c]), c++;
    share(k->worsened, k->with_dot, row->num[c], sizeof row->num[c]), c++;
    for (int i = 1; i < c; i++)
        row->cell[i] = row->num[i];
    return c;
}

static int summary_header(const prt_evaluation *ev, const char *cells[MAX_COLS])
{
    const prt_scheme *s = summary_scheme(ev);
    int c = 0;
    cells[c++] = "Pillar";
    cells[c++] = "Reported";
    cells[c++] = "Rated";
    for (int b = 0; b < summary_bands(s); b++)
        cells[c++] = s->bands[b].label;
    cells[c++] = "Monitor/NYA";
    cells[c++] = "With DOT";
    cells[c++] = "Improved/Same";
    cells[c++] = "Worsened";
    return c;
}

static void text_summary(FILE *out, const prt_evaluation *ev)
{
    const prt_plan *plan = ev->plan;
    Table t = {0};
    const char *head[MAX_COLS];
    t.ncols = summary_header(ev, head);
    table_add(&t, head, NULL, NULL);
    SummaryRow row;
    for (int p = 0; p < plan->npillars; p++) {
        summary_row(ev, plan->pillars[p].name, &ev->pillar_counts[p], &row);
        table_add(&t, row.cell, NULL, NULL);
    }
    summary_row(ev, "Total", &ev->total, &row);
    table_add(&t, row.cell, NULL, NULL);
    table_print(out, &t, "");
    const prt_counts *k = &ev->total;
    fprintf(out, "\n%d indicators reported; %d rated: %d%% (%d) on or above target, %d%% (%d) below target; "
                 "%d with a direction of travel: %d%% (%d) improved or same, %d%% (%d) worsened.\n",
            k->reported, k->rated, pct(k->on_target, k->rated), k->on_target, pct(k->below_target, k->rated),
            k->below_target, k->with_dot, pct(k->improved_same, k->with_dot), k->improved_same,
            pct(k->worsened, k->with_dot), k->worsened);
}

/* One sentence per theme: what the summary table says of a pillar, at the theme's level; band
 * labels escaped for the report's language (esc). */
static void theme_line(FILE *out, const prt_evaluation *ev, const prt_counts *k, const char *indent,
                       void (*esc)(prt_buf *, const char *))
{
    const prt_scheme *s = summary_scheme(ev);
    prt_buf b = {0};
    prt_buf_printf(&b, "%s%d reported, %d rated", indent, k->reported, k->rated);
    for (int bd = 0; bd < summary_bands(s) && k->rated; bd++) {
        prt_buf_puts(&b, bd ? ", " : ": ");
        esc(&b, s->bands[bd].label);
        prt_buf_printf(&b, " %d", k->band[bd]);
    }
    prt_buf_printf(&b, "; %d monitor or not yet available; DOT: %d improved or same, %d worsened\n", k->monitor_nya,
                   k->improved_same, k->worsened);
    prt_buf_flush(&b, out);
    prt_buf_free(&b);
}

/* Whether any indicator belongs to the theme (themes without one are left out of the reports). */
static bool theme_has_indicators(const prt_plan *plan, int th)
{
    for (int i = 0; i < plan->nindicators; i++)
        if (plan->indicators[i].theme == th)
            return true;
    return false;
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
    RowText rt = {0};
    for (int p = 0; p < plan->npillars; p++) {
        prt_buf_puts(&line, "\n");
        prt_esc_terminal(&line, plan->pillars[p].name);
        prt_buf_puts(&line, "\n");
        prt_buf_flush(&line, out);
        for (int th = 0; th < plan->nthemes; th++) {
            if (plan->themes[th].pillar != p || !theme_has_indicators(plan, th))
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
                    in->ref ? in->ref : (in->id ? in->id : ""), in->name, polarity_text(in->polarity),
                    prt_period_text(r->period).s, target_text(ev, r, &rt.target),
                    result_text(ev, r, &rt.result), last_year_text(ev, r, ly, sizeof ly), prt_dot_name(r->dot),
                    benchmark_text(ev, r, &rt.benchmark),
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
    row_text_free(&rt);
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
    RowText rt = {0};
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
            number(r->value, -1, val, sizeof val);
        if (r->band >= 0 && !r->overridden)
            number(r->percent, 1, pc, sizeof pc);
        row_cell(&row, in->ref, false);
        row_cell(&row, in->id, false);
        row_cell(&row, in->name, false);
        row_cell(&row, plan->pillars[th->pillar].name, false);
        row_cell(&row, th->name, false);
        row_cell(&row, polarity_text(in->polarity), false);
        row_cell(&row, prt_period_text(r->period).s, false);
        row_cell(&row, target_text(ev, r, &rt.target), false);
        row_cell(&row, val, false);
        row_cell(&row, r->status == PRT_RESULT_VALUE ? "value" : status_text(r->status), false);
        row_cell(&row, rating_id(ev, r), false);
        row_cell(&row, r->band >= 0 ? prt_band_name(s, r->band) : "", false);
        row_cell(&row, pc, false);
        row_cell(&row, r->explanation, false);
        row_cell(&row, last_year_text(ev, r, ly, sizeof ly), false);
        row_cell(&row, prt_dot_name(r->dot), false);
        row_cell(&row, r->dot_explanation, false);
        row_cell(&row, benchmark_text(ev, r, &rt.benchmark), false);
        row_cell(&row, r->published_rating, false);
        row_cell(&row, r->published_dot, false);
        row_cell(&row, r->overridden ? "yes" : "no", false);
        row_cell(&row, r->exception ? "yes" : "no", false);
        row_cell(&row, r->comment, true);
        prt_buf_flush(&row, out);
    }
    prt_buf_free(&row);
    row_text_free(&rt);
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
    fputs(number(v, -1, buf, sizeof buf), out);
}

static void json_counts(FILE *out, const prt_evaluation *ev, const prt_counts *k)
{
    const prt_scheme *s = summary_scheme(ev);
    fprintf(out, "{\"reported\": %d, \"rated\": %d, \"on_target\": %d, \"below_target\": %d, \"monitor_nya\": %d, "
                 "\"with_dot\": %d, \"improved_same\": %d, \"worsened\": %d, \"bands\": {",
            k->reported, k->rated, k->on_target, k->below_target, k->monitor_nya, k->with_dot, k->improved_same,
            k->worsened);
    for (int b = 0; b < summary_bands(s); b++) {
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
    RowText rt = {0};
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
        json_str(out, polarity_text(in->polarity));
        fputs(", \"period\": ", out);
        json_str(out, prt_period_text(r->period).s);
        fputs(", \"target\": ", out);
        json_str(out, target_text(ev, r, &rt.target));
        fputs(", \"target_value\": ", out);
        if (r->has_target && (r->band >= 0 || r->target->kind == PRT_TARGET_VALUE || r->target->kind == PRT_TARGET_THRESHOLD))
            json_num(out, r->target_value);
        else
            fputs("null", out);
        fputs(", \"status\": ", out);
        json_str(out, r->status == PRT_RESULT_VALUE ? "value" : status_text(r->status));
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
    row_text_free(&rt);
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
    const char *head[MAX_COLS];
    int nc = summary_header(ev, head);
    for (int c = 0; c < nc; c++)
        md_cell(out, head[c]);
    fputs("|\n", out);
    for (int c = 0; c < nc; c++)
        fputs(c < 1 ? "|---" : "|---:", out);
    fputs("|\n", out);
    SummaryRow row;
    for (int p = 0; p <= plan->npillars; p++) {
        int n = summary_row(ev, p < plan->npillars ? plan->pillars[p].name : NULL,
                            p < plan->npillars ? &ev->pillar_counts[p] : &ev->total, &row);
        if (p < plan->npillars)
            md_cell(out, row.cell[0]);
        else
            fputs("| **Total** ", out);
        for (int c = 1; c < n; c++)
            md_cell(out, row.cell[c]);
        fputs("|\n", out);
    }
    RowText rt = {0};
    for (int p = 0; p < plan->npillars; p++) {
        md_heading(out, "\n## ", plan->pillars[p].name, "\n");
        for (int th = 0; th < plan->nthemes; th++) {
            if (plan->themes[th].pillar != p || !theme_has_indicators(plan, th))
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
                md_cell(out, polarity_text(in->polarity));
                md_cell(out, prt_period_text(r->period).s);
                md_cell(out, target_text(ev, r, &rt.target));
                md_cell(out, result_text(ev, r, &rt.result));
                md_cell(out, last_year_text(ev, r, ly, sizeof ly));
                md_cell(out, prt_dot_name(r->dot));
                md_cell(out, benchmark_text(ev, r, &rt.benchmark));
                if (r->comment || !r->exception)
                    md_cell(out, r->comment ? r->comment : "");
                else
                    fputs("| *Below target: no commentary* ", out);
                fputs("|\n", out);
            }
        }
    }
    row_text_free(&rt);
}

void prt_report(FILE *out, const prt_evaluation *ev, prt_format format)
{
    switch (format) {
    case PRT_FORMAT_TEXT: text_report(out, ev); break;
    case PRT_FORMAT_CSV: csv_report(out, ev); break;
    case PRT_FORMAT_JSON: json_report(out, ev); break;
    case PRT_FORMAT_MD: md_report(out, ev); break;
    case PRT_FORMAT_HTML: prt_report_html(out, ev, NULL); break;
    }
}

/* ---- HTML ---- */

static void html_text(FILE *out, const char *s) { prt_write_escaped(out, prt_esc_markup, s); }

static void html_cell(FILE *out, const char *tag, const char *cls, const char *s)
{
    fprintf(out, "<%s%s%s%s>", tag, cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
    html_text(out, s);
    fprintf(out, "</%s>", tag);
}

/* The band's class: first band "on", last "off", others "mid1", "mid2" (colours in the style sheet). */
static const char *band_class(const prt_scheme *s, int band)
{
    if (!s || band < 0)
        return "none";
    if (band == 0)
        return "on";
    if (band == s->nbands - 1)
        return "off";
    return band == 1 ? "mid1" : "mid2";
}

void prt_report_html(FILE *out, const prt_evaluation *ev, const char *map_svg)
{
    const prt_plan *plan = ev->plan;
    const prt_period_str pb = prt_period_text(ev->period);
    fputs("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>", out);
    html_text(out, plan->name ? plan->name : "Plan");
    fprintf(out, ": performance for %s</title>\n", pb.s);
    fputs("<style>\n"
          "body{font-family:Helvetica,Arial,sans-serif;margin:2em;color:#111;max-width:80em}\n"
          "table{border-collapse:collapse;margin:1em 0;width:100%}\n"
          "th,td{border:1px solid #999;padding:.3em .5em;text-align:left;vertical-align:top}\n"
          "th{background:#eee}td.num{text-align:right}\n"
          ".on{background:#009E73;color:#fff}.mid1{background:#F0E442}.mid2{background:#E69F00}"
          ".off{background:#D55E00;color:#fff}.none{background:#fff}\n"
          ".explain{font-size:.85em;color:#333}\n"
          "figure{margin:1em 0;overflow:auto}figure svg{max-width:100%;height:auto}\n"
          "@media print{body{margin:0}h2{break-before:page}table{font-size:9pt}}\n"
          "</style>\n</head>\n<body>\n<h1>", out);
    html_text(out, plan->name ? plan->name : "Plan");
    fprintf(out, "</h1>\n<p>Performance for <strong>%s</strong>. Ratings are given as text and as colour.</p>\n", pb.s);
    if (plan->organisation) {
        fputs("<p>", out);
        html_text(out, plan->organisation);
        fputs("</p>\n", out);
    }
    if (map_svg) {
        fputs("<figure>\n", out);
        /* the SVG as Graphviz wrote it (its text escaped by planc and Graphviz), after its XML prologue */
        const char *svg = strstr(map_svg, "<svg");
        fputs(svg ? svg : map_svg, out);
        fputs("\n<figcaption>The outcome map, coloured by rating</figcaption>\n</figure>\n", out);
    }
    fputs("<h2>Summary</h2>\n<table id=\"summary\">\n<thead><tr>", out);
    const char *head[MAX_COLS];
    int nc = summary_header(ev, head);
    for (int c = 0; c < nc; c++) {
        fputs("<th scope=\"col\">", out);
        html_text(out, head[c]);
        fputs("</th>", out);
    }
    fputs("</tr></thead>\n<tbody>\n", out);
    SummaryRow row;
    for (int p = 0; p <= plan->npillars; p++) {
        int n = summary_row(ev, p < plan->npillars ? plan->pillars[p].name : "Total",
                            p < plan->npillars ? &ev->pillar_counts[p] : &ev->total, &row);
        fputs("<tr>", out);
        html_cell(out, "th", NULL, row.cell[0]);
        for (int c = 1; c < n; c++)
            html_cell(out, "td", "num", row.cell[c]);
        fputs("</tr>\n", out);
    }
    fputs("</tbody>\n</table>\n", out);
    RowText rt = {0};
    for (int p = 0; p < plan->npillars; p++) {
        fputs("<h2>", out);
        html_text(out, plan->pillars[p].name);
        fputs("</h2>\n", out);
        for (int th = 0; th < plan->nthemes; th++) {
            if (plan->themes[th].pillar != p || !theme_has_indicators(plan, th))
                continue;
            fputs("<h3>", out);
            html_text(out, plan->themes[th].name);
            fputs(plan->themes[th].transformation ? " (transformation workstream)</h3>\n" : "</h3>\n", out);
            fputs("<table class=\"indicators\">\n<thead><tr><th scope=\"col\">Ref</th><th scope=\"col\">Indicator</th>"
                  "<th scope=\"col\">Polarity</th><th scope=\"col\">Period</th><th scope=\"col\">Target</th>"
                  "<th scope=\"col\">Result (rating)</th><th scope=\"col\">Last year</th><th scope=\"col\">DOT</th>"
                  "<th scope=\"col\">Benchmark</th><th scope=\"col\">Comment</th></tr></thead>\n<tbody>\n",
                  out);
            for (int i = 0; i < plan->nindicators; i++) {
                const prt_indicator *in = &plan->indicators[i];
                if (in->theme != th)
                    continue;
                const prt_rating *r = &ev->ratings[i];
                const prt_scheme *s = in->scheme >= 0 ? &plan->schemes[in->scheme] : NULL;
                char ly[64];
                fputs("<tr>", out);
                html_cell(out, "th", NULL, in->ref ? in->ref : in->id);
                html_cell(out, "td", NULL, in->name);
                html_cell(out, "td", NULL, polarity_text(in->polarity));
                html_cell(out, "td", NULL, prt_period_text(r->period).s);
                html_cell(out, "td", "num", target_text(ev, r, &rt.target));
                fprintf(out, "<td class=\"%s\">", band_class(s, r->band));
                html_text(out, result_text(ev, r, &rt.result));
                if (r->band >= 0) {
                    fputs(" ", out);
                    html_text(out, prt_band_name(s, r->band));
                }
                fputs("<div class=\"explain\">", out);
                html_text(out, r->explanation);
                fputs("</div></td>", out);
                html_cell(out, "td", "num", last_year_text(ev, r, ly, sizeof ly));
                html_cell(out, "td", NULL, prt_dot_name(r->dot));
                html_cell(out, "td", NULL, benchmark_text(ev, r, &rt.benchmark));
                html_cell(out, "td", NULL, r->comment ? r->comment : r->exception ? "Below target: no commentary" : "");
                fputs("</tr>\n", out);
            }
            fputs("</tbody>\n</table>\n", out);
        }
    }
    row_text_free(&rt);
    int exceptions = 0;
    for (int i = 0; i < plan->nindicators; i++)
        exceptions += ev->ratings[i].below_target;
    fprintf(out, "<h2>Below target</h2>\n<p>%d indicator%s below target.</p>\n<ul id=\"exceptions\">\n", exceptions,
            exceptions == 1 ? " is" : "s are");
    for (int i = 0; i < plan->nindicators; i++) {
        const prt_rating *r = &ev->ratings[i];
        if (!r->below_target)
            continue;
        fputs("<li><strong>", out);
        html_text(out, prt_indicator_label(&plan->indicators[i]));
        fputs("</strong>: ", out);
        html_text(out, r->explanation);
        fputs(". ", out);
        html_text(out, r->comment ? r->comment : "No commentary was given.");
        fputs("</li>\n", out);
    }
    fputs("</ul>\n</body>\n</html>\n", out);
}

/* ---- audit ---- */

static bool same_text(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
        char y = *b >= 'A' && *b <= 'Z' ? (char)(*b + 32) : *b;
        if (x != y)
            return false;
    }
    return *a == *b;
}

void prt_audit(FILE *out, const prt_evaluation *ev)
{
    const prt_plan *plan = ev->plan;
    int published = 0, agree = 0, dots = 0, dots_agree = 0;
    prt_buf line = {0};
    fprintf(out, "Audit of published ratings for %s\n", prt_period_text(ev->period).s);
    for (int i = 0; i < plan->nindicators; i++) {
        const prt_indicator *in = &plan->indicators[i];
        const prt_rating *r = &ev->ratings[i];
        const prt_scheme *s = in->scheme >= 0 ? &plan->schemes[in->scheme] : NULL;
        if (r->published_rating && s) {
            published++;
            int pb_band = prt_scheme_find_band(s, r->published_rating);
            int computed = r->overridden ? r->computed_band : r->band;
            if (pb_band == computed) {
                agree++;
            } else {
                /* the published rating comes from the results file: escaped like everything else */
                prt_buf_puts(&line, "  ");
                prt_esc_terminal(&line, prt_indicator_label(in));
                prt_buf_puts(&line, ": published ");
                prt_esc_terminal(&line, r->published_rating);
                prt_buf_puts(&line, ", the plan's method gives ");
                prt_esc_terminal(&line, computed >= 0 ? prt_band_short(s, computed) : "no rating");
                prt_buf_puts(&line, " (");
                prt_esc_terminal(&line, r->explanation);
                prt_buf_puts(&line, ")\n");
                prt_buf_flush(&line, out);
            }
        }
        if (r->published_dot && r->published_dot[0]) {
            dots++;
            if (same_text(r->published_dot, prt_dot_name(r->dot))) {
                dots_agree++;
            } else {
                prt_buf_puts(&line, "  ");
                prt_esc_terminal(&line, prt_indicator_label(in));
                prt_buf_puts(&line, ": published direction of travel '");
                prt_esc_terminal(&line, r->published_dot);
                prt_buf_printf(&line, "', computed '%s' (", r->dot == PRT_DOT_NONE ? "none" : prt_dot_name(r->dot));
                prt_esc_terminal(&line, r->dot_explanation);
                prt_buf_puts(&line, ")\n");
                prt_buf_flush(&line, out);
            }
        }
    }
    prt_buf_free(&line);
    fprintf(out, "%d of %d published ratings reproduced by the declared method", agree, published);
    if (dots)
        fprintf(out, "; %d of %d published directions of travel reproduced", dots_agree, dots);
    fputs(".\n", out);
}
