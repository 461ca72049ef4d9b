/* The report formats: a text report that mirrors the council's tables, CSV and JSON for machines,
 * and Markdown for pasting into a committee paper (the HTML pack is report_html.c, the audit report_audit.c). */
#include "report_cells.h"
#include "report_delivery.h"

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
/* ---- the indicator table's layout, shared by the text and Markdown reports ---- */

/* Which columns an indicator table has: Ref, Indicator, Polarity, Period, Target, the result (one
 * column, or one per period of the history), Last year, the direction(s) of travel, the forecast and
 * the quality flags when any rating has them, Benchmark. */
typedef struct Layout {
    const prt_history *h;
    int nseries;                       /* 0: one Result column (a one-period report) */
    prt_period_str *series_head;       /* the periods, oldest first */
    int ndot;
    const char *dot_head[2];
    bool forecast, quality;
    int ncols;
    RptGroups groups;                  /* each theme's indicators by outcome */
    RptActivities acts;                /* each theme's activities */
} Layout;

/* The builders one indicator row needs; reused from row to row. */
typedef struct RowBufs {
    RptRowText rt;
    prt_buf *series;                   /* nseries */
    prt_buf dot[2], forecast, quality, scratch;
    char last_year[64];
    prt_period_str period;
} RowBufs;

static bool period_has_quality(const prt_evaluation *ev)
{
    for (int i = 0; i < ev->plan->nindicators; i++)
        if (ev->ratings[i].quality)
            return true;
    return false;
}

static Layout layout_make(const prt_history *h)
{
    Layout L = {.h = h};
    if (h->n > 1) {
        L.nseries = h->n;
        L.series_head = prt_xcalloc((size_t)h->n, sizeof *L.series_head);
        for (int k = 0; k < h->n; k++)
            L.series_head[k] = prt_period_text(h->ev[k]->period);
    }
    L.ndot = rpt_dot_headers(h->plan, L.dot_head);
    L.forecast = rpt_history_has_forecast(h);
    L.quality = period_has_quality(prt_history_last(h));
    L.ncols = 5 + (L.nseries ? L.nseries : 1) + 1 + L.ndot + L.forecast + L.quality + 1;
    rpt_groups_make(&L.groups, h->plan);
    rpt_activities_make(&L.acts, h->plan);
    return L;
}

static void layout_free(Layout *L)
{
    free(L->series_head);
    rpt_groups_free(&L->groups);
    rpt_activities_free(&L->acts);
}

/* Whether a theme is in the report: it has indicators or activities. */
static bool theme_shown(const Layout *L, int th)
{
    const int *acts;
    return rpt_theme_has_indicators(&L->groups, th) || rpt_theme_activities(&L->acts, th, &acts) > 0;
}

static void rowbufs_init(RowBufs *rb, const Layout *L)
{
    *rb = (RowBufs){0};
    rb->series = prt_xcalloc((size_t)(L->nseries ? L->nseries : 1), sizeof *rb->series);
}

static void rowbufs_free(RowBufs *rb, const Layout *L)
{
    rpt_row_text_free(&rb->rt);
    for (int k = 0; k < L->nseries; k++)
        prt_buf_free(&rb->series[k]);
    free(rb->series);
    prt_buf_free(&rb->dot[0]);
    prt_buf_free(&rb->dot[1]);
    prt_buf_free(&rb->forecast);
    prt_buf_free(&rb->quality);
    prt_buf_free(&rb->scratch);
}

/* The header cells (cells holds L->ncols). */
static void indicator_header(const Layout *L, const char **cells)
{
    int c = 0;
    const char *lead[] = {"Ref", "Indicator", "Polarity", "Period", "Target"};
    for (size_t k = 0; k < 5; k++)
        cells[c++] = lead[k];
    if (!L->nseries)
        cells[c++] = "Result";
    for (int k = 0; k < L->nseries; k++)
        cells[c++] = L->series_head[k].s;
    cells[c++] = "Last year";
    for (int k = 0; k < L->ndot; k++)
        cells[c++] = L->dot_head[k];
    if (L->forecast)
        cells[c++] = "Forecast";
    if (L->quality)
        cells[c++] = "Quality";
    cells[c++] = "Benchmark";
}

/* The cells of indicator i's row, in the report's period (texts in rb, valid until its next use). */
static void indicator_cells(const Layout *L, int i, RowBufs *rb, const char **cells)
{
    const prt_evaluation *ev = prt_history_last(L->h);
    const prt_indicator *in = &ev->plan->indicators[i];
    const prt_rating *r = &ev->ratings[i];
    int c = 0;
    cells[c++] = in->ref ? in->ref : (in->id ? in->id : "");
    cells[c++] = in->name;
    cells[c++] = rpt_polarity_text(in->polarity);
    rb->period = prt_period_text(r->period);
    cells[c++] = rb->period.s;
    cells[c++] = rpt_target_text(ev, r, &rb->rt.target);
    if (!L->nseries)
        cells[c++] = rpt_value_cell(ev, r, false, &rb->rt.result);
    for (int k = 0; k < L->nseries; k++)
        cells[c++] = rpt_value_cell(L->h->ev[k], &L->h->ev[k]->ratings[i], true, &rb->series[k]);
    cells[c++] = rpt_last_year_text(ev, r, rb->last_year, sizeof rb->last_year);
    int nd = rpt_dot_cells(ev->plan, r, rb->dot);
    for (int k = 0; k < nd; k++)
        cells[c++] = prt_buf_str(&rb->dot[k]);
    if (L->forecast)
        cells[c++] = rpt_forecast_text(ev, r, &rb->forecast);
    if (L->quality)
        cells[c++] = rpt_quality_codes(r, " ", &rb->quality);
    cells[c++] = rpt_benchmark_text(ev, r, &rb->rt.benchmark);
}

/* The notes under an indicator's row, one line each, added to b ('\n' after each): what the rating
 * says, the comment (or that there is none below target), restatements, quality flags, the forecast,
 * who owns it.  In Markdown (full) the rating's explanation is left out and the comment has its column. */
static void indicator_notes(const Layout *L, int i, bool markdown, prt_buf *b, RowBufs *rb);

/* ---- a text table, columns sized to their widest cell (in characters, not bytes) ---- */

/* Each cell and note is the text as the terminal will show it (prt_esc_terminal), allocated.  A row
 * with a heading is a line of its own (an outcome's name) and holds no cells. */
typedef struct TRow {
    char **cells;
    char **notes;
    int nnotes;
    char *heading;
} TRow;

typedef struct Table {
    int ncols;
    int nrows;
    TRow *rows;
    int *max_width;                    /* per column; 0: no limit */
} Table;

static Table table_make(int ncols)
{
    Table t = {.ncols = ncols};
    t.max_width = prt_xcalloc((size_t)ncols, sizeof *t.max_width);
    return t;
}

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

static TRow *table_row(Table *t)
{
    t->rows = prt_xrealloc(t->rows, (size_t)(t->nrows + 1) * sizeof *t->rows);
    TRow *row = &t->rows[t->nrows++];
    *row = (TRow){0};
    return row;
}

/* A row of cells, with the lines of notes (each line ending '\n'; empty lines are skipped). */
static void table_add(Table *t, const char *const *cells, const char *notes)
{
    TRow *row = table_row(t);
    row->cells = prt_xcalloc((size_t)t->ncols, sizeof *row->cells);
    for (int c = 0; c < t->ncols; c++) {
        row->cells[c] = terminal_text(cells[c]);
        if (t->max_width[c])
            clip(row->cells[c], (size_t)t->max_width[c]);
    }
    for (const char *p = notes ? notes : ""; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        if (len) {
            char *line = prt_xmalloc(len + 1);
            memcpy(line, p, len);
            line[len] = '\0';
            row->notes = prt_xrealloc(row->notes, (size_t)(row->nnotes + 1) * sizeof *row->notes);
            row->notes[row->nnotes++] = terminal_text(line);
            free(line);
        }
        p += len + (nl != NULL);
    }
}

static void table_heading(Table *t, const char *prefix, const char *text)
{
    prt_buf b = {0};
    prt_buf_puts(&b, prefix);
    prt_buf_puts(&b, text);
    table_row(t)->heading = terminal_text(prt_buf_str(&b));
    prt_buf_free(&b);
}

static void table_free(Table *t)
{
    for (int r = 0; r < t->nrows; r++) {
        TRow *row = &t->rows[r];
        for (int c = 0; row->cells && c < t->ncols; c++)
            free(row->cells[c]);
        for (int k = 0; k < row->nnotes; k++)
            free(row->notes[k]);
        free(row->cells);
        free(row->notes);
        free(row->heading);
    }
    free(t->rows);
    free(t->max_width);
    *t = (Table){0};
}

static void table_print_row(FILE *out, const TRow *row, int ncols, const size_t *w, const char *indent)
{
    fputs(indent, out);
    int last = ncols - 1;   /* no padding after the last cell with text: no trailing blanks */
    while (last > 0 && !row->cells[last][0])
        last--;
    for (int c = 0; c <= last; c++) {
        fputs(row->cells[c], out);
        if (c < last)
            for (size_t k = width(row->cells[c]); k < w[c] + 2; k++)
                fputc(' ', out);
    }
    fputc('\n', out);
    for (int k = 0; k < row->nnotes; k++)
        fprintf(out, "%s    %s\n", indent, row->notes[k]);
}

/* Prints the table (its first row the header, underlined) and frees it. */
static void table_print(FILE *out, Table *t, const char *indent)
{
    size_t *w = prt_xcalloc((size_t)t->ncols, sizeof *w);
    for (int r = 0; r < t->nrows; r++)
        for (int c = 0; t->rows[r].cells && c < t->ncols; c++)
            if (width(t->rows[r].cells[c]) > w[c])
                w[c] = width(t->rows[r].cells[c]);
    for (int r = 0; r < t->nrows; r++) {
        if (t->rows[r].heading) {
            fprintf(out, "%s%s\n", indent, t->rows[r].heading);
            continue;
        }
        table_print_row(out, &t->rows[r], t->ncols, w, indent);
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
    free(w);
    table_free(t);
}

static void text_delivery_summary(FILE *out, const prt_evaluation *ev);

static void text_summary(FILE *out, const prt_history *h)
{
    const prt_evaluation *ev = prt_history_last(h);
    const prt_plan *plan = ev->plan;
    const char *head[RPT_MAX_COLS];
    Table t = table_make(rpt_summary_header(ev, head));
    table_add(&t, head, NULL);
    RptSummaryRow row;
    for (int p = 0; p < plan->npillars; p++) {
        rpt_summary_row(ev, plan->pillars[p].name, &ev->pillar_counts[p], &row);
        table_add(&t, row.cell, NULL);
    }
    rpt_summary_row(ev, "Total", &ev->total, &row);
    table_add(&t, row.cell, NULL);
    table_print(out, &t, "");
    const prt_counts *k = &ev->total;
    fprintf(out, "\n%d indicators reported; %d rated: %d%% (%d) on or above target, %d%% (%d) below target; "
                 "%d with a direction of travel: %d%% (%d) improved or same, %d%% (%d) worsened.\n",
            k->reported, k->rated, rpt_pct(k->on_target, k->rated), k->on_target, rpt_pct(k->below_target, k->rated),
            k->below_target, k->with_dot, rpt_pct(k->improved_same, k->with_dot), k->improved_same,
            rpt_pct(k->worsened, k->with_dot), k->worsened);
    if (h->n > 1) {
        prt_buf b = {0};
        rpt_change_line(&b, h->ev[h->n - 2], ev, prt_esc_terminal);
        prt_buf_puts(&b, ".\n");
        prt_buf_flush(&b, out);
        prt_buf_free(&b);
    }
    if (plan->nactivities) {
        fputc('\n', out);
        text_delivery_summary(out, ev);
    }
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

/* Ends a note begun at b->data[start]: a line break inside it (a comment's) becomes a space, so the
 * note stays one line, then the note's own line break. */
static void note_end(prt_buf *b, size_t start)
{
    for (size_t k = start; k < b->len; k++)
        if (b->data[k] == '\n' || b->data[k] == '\r')
            b->data[k] = ' ';
    prt_buf_putc(b, '\n');
}

/* Restatements: of the report's period ("Restated from ..."), or of any period of the history
 * ("2023/24 Q3 restated from ..."). */
static void restated_notes(const Layout *L, int i, prt_buf *b, RowBufs *rb)
{
    for (int k = 0; k < L->h->n; k++) {
        const prt_evaluation *ev = L->h->ev[k];
        const prt_rating *r = &ev->ratings[i];
        if (!r->restated)
            continue;
        const char *text = rpt_restated_text(ev, r, &rb->scratch);
        size_t at = b->len;
        if (L->h->n > 1)
            prt_buf_printf(b, "%s %s", prt_period_text(r->period).s, text);
        else
            prt_buf_printf(b, "R%s", text + 1);   /* "Restated from ...": a sentence of its own */
        note_end(b, at);
    }
}

static void indicator_notes(const Layout *L, int i, bool markdown, prt_buf *b, RowBufs *rb)
{
    const prt_evaluation *ev = prt_history_last(L->h);
    const prt_rating *r = &ev->ratings[i];
    size_t at = b->len;
    if (!markdown) {
        prt_buf_puts(b, r->explanation);
        note_end(b, at);
        at = b->len;
        if (r->comment) {
            comment_note(b, r->comment);
            note_end(b, at);
        } else if (r->exception) {
            prt_buf_puts(b, "Exception: below target and no commentary\n");
        }
    }
    restated_notes(L, i, b, rb);
    for (int f = 0; f < PRT_N_QUALITY_FLAGS; f++)
        if (r->quality & (1u << f)) {
            at = b->len;
            prt_buf_printf(b, "%s: %s", prt_quality_codes[f],
                           r->quality_explanation[f] ? r->quality_explanation[f] : prt_quality_texts[f]);
            note_end(b, at);
        }
    if (r->has_forecast && r->forecast_explanation[0]) {
        at = b->len;
        prt_buf_printf(b, "Forecast: %s", r->forecast_explanation);
        note_end(b, at);
    }
    at = b->len;
    if (rpt_owner_text(&ev->plan->indicators[i], &rb->scratch)[0]) {
        prt_buf_puts(b, prt_buf_str(&rb->scratch));
        note_end(b, at);
    }
}

/* The report's header: the plan, the period (and the history's first), when it was produced, from
 * which plan, and whether any figure is provisional. */
static void header_lines(prt_buf *b, const prt_history *h, void (*esc)(prt_buf *, const char *))
{
    const prt_plan *plan = h->plan;
    bool any = h->produced || plan->version || plan->digest;
    if (any) {
        prt_buf_puts(b, h->produced ? "Produced " : "");
        esc(b, h->produced);
    }
    if (plan->version) {
        prt_buf_puts(b, h->produced ? "; plan version " : "Plan version ");
        esc(b, plan->version);
    }
    if (plan->digest) {
        prt_buf_puts(b, h->produced || plan->version ? "; plan " : "Plan ");
        esc(b, plan->digest);
    }
    if (any)
        prt_buf_puts(b, "\n");
    if (h->provisional)
        prt_buf_puts(b, "Some figures are provisional: marked \"(provisional)\" or \"p\", they may still change.\n");
}

/* "2024/25 Q4", or "2024/25 Q4, with the 8 periods from 2023/24 Q1" for a history. */
static void period_line(prt_buf *b, const prt_history *h)
{
    prt_buf_puts(b, prt_period_text(prt_history_last(h)->period).s);
    if (h->n > 1)
        prt_buf_printf(b, ", with the %d periods from %s", h->n, prt_period_text(h->ev[0]->period).s);
}

static void text_title(FILE *out, const prt_history *h)
{
    const prt_plan *plan = h->plan;
    prt_buf line = {0};
    prt_esc_terminal(&line, plan->name ? plan->name : "Plan");
    if (plan->organisation) {
        prt_buf_puts(&line, " (");
        prt_esc_terminal(&line, plan->organisation);
        prt_buf_puts(&line, ")");
    }
    prt_buf_puts(&line, "\nPerformance for ");
    period_line(&line, h);
    prt_buf_putc(&line, '\n');
    header_lines(&line, h, prt_esc_terminal);
    prt_buf_putc(&line, '\n');
    prt_buf_flush(&line, out);
    prt_buf_free(&line);
}

/* A theme's indicators as one table, under an outcome's heading when the theme has outcome groups. */
static void text_theme_table(FILE *out, const Layout *L, int th, RowBufs *rb)
{
    const prt_plan *plan = L->h->plan;
    Table t = table_make(L->ncols);
    t.max_width[1] = 48;
    t.max_width[L->ncols - 1] = 40;
    const char **cells = prt_xcalloc((size_t)L->ncols, sizeof *cells);
    indicator_header(L, cells);
    table_add(&t, cells, NULL);
    const RptGroup *groups;
    int ng = rpt_theme_groups(&L->groups, th, &groups);
    prt_buf notes = {0};
    for (int g = 0; g < ng; g++) {
        const char *name = rpt_group_name(plan, ng, &groups[g]);
        if (name)
            table_heading(&t, groups[g].outcome >= 0 ? "Outcome: " : "", name);
        for (int k = 0; k < groups[g].n; k++) {
            int i = groups[g].indicators[k];
            indicator_cells(L, i, rb, cells);
            prt_buf_clear(&notes);
            indicator_notes(L, i, false, &notes, rb);
            table_add(&t, cells, prt_buf_str(&notes));
        }
    }
    table_print(out, &t, "  ");
    prt_buf_free(&notes);
    free(cells);
}

/* The exceptions of the report's period, as a table (or "None."). */
static void text_exceptions(FILE *out, const prt_evaluation *ev)
{
    const prt_plan *plan = ev->plan;
    Table t = table_make(3);
    const char *head[] = {"Ref", "Indicator", "Why"};
    table_add(&t, head, NULL);
    t.max_width[1] = 48;
    prt_buf why = {0};
    for (int i = 0; i < plan->nindicators; i++) {
        const prt_indicator *in = &plan->indicators[i];
        if (!rpt_exception_text(plan, &ev->ratings[i], &why)[0])
            continue;
        const char *cells[] = {in->ref ? in->ref : (in->id ? in->id : ""), in->name, prt_buf_str(&why)};
        table_add(&t, cells, NULL);
    }
    fputs("\nExceptions\n\n", out);
    if (t.nrows > 1)
        table_print(out, &t, "  ");
    else {
        fputs("  None.\n", out);
        table_free(&t);
    }
    prt_buf_free(&why);
}

/* ---- delivery: the activities of a theme (text and Markdown) ---- */

/* The builders an activity row needs; reused from row to row. */
typedef struct ActBufs {
    prt_buf rating, due, milestones, scratch;
    prt_buf *series;                   /* nseries */
    int nseries;
    char percent[64];
} ActBufs;

static void actbufs_init(ActBufs *ab, const Layout *L)
{
    *ab = (ActBufs){.nseries = L->nseries};
    ab->series = prt_xcalloc((size_t)(L->nseries ? L->nseries : 1), sizeof *ab->series);
}

static void actbufs_free(ActBufs *ab)
{
    prt_buf_free(&ab->rating);
    prt_buf_free(&ab->due);
    prt_buf_free(&ab->milestones);
    prt_buf_free(&ab->scratch);
    for (int k = 0; k < ab->nseries; k++)
        prt_buf_free(&ab->series[k]);
    free(ab->series);
}

/* An activity table's columns: Activity, the rating (or one column per period of the history),
 * Owner, Due, Complete; Markdown adds Milestones and Comment (the text report gives them as notes). */
static int activity_ncols(const Layout *L, bool markdown)
{
    return 4 + (L->nseries ? L->nseries : 1) + (markdown ? 2 : 0);
}

static void activity_header(const Layout *L, bool markdown, const char **cells)
{
    int c = 0;
    cells[c++] = "Activity";
    if (!L->nseries)
        cells[c++] = "Rating";
    for (int k = 0; k < L->nseries; k++)
        cells[c++] = L->series_head[k].s;
    cells[c++] = "Owner";
    cells[c++] = "Due";
    cells[c++] = "Complete";
    if (markdown) {
        cells[c++] = "Milestones";
        cells[c++] = "Comment";
    }
}

/* The cells of activity ai's row (texts in ab, valid until its next use). */
static void activity_cells(const Layout *L, int ai, bool markdown, ActBufs *ab, const char **cells)
{
    const prt_plan *plan = L->h->plan;
    const prt_activity *a = &plan->activities[ai];
    const prt_delivery *d = &prt_history_last(L->h)->delivery[ai];
    int c = 0;
    cells[c++] = a->name ? a->name : a->id;
    if (!L->nseries)
        cells[c++] = rpt_delivery_rating_cell(plan, d, &ab->rating);
    for (int k = 0; k < L->nseries; k++)
        cells[c++] = rpt_delivery_series_cell(plan, &L->h->ev[k]->delivery[ai], &ab->series[k]);
    cells[c++] = a->owner ? a->owner : "";
    cells[c++] = rpt_when_text(a->due, &ab->due);
    cells[c++] = rpt_percent_complete(d, ab->percent, sizeof ab->percent);
    if (markdown) {
        cells[c++] = rpt_milestones_text(plan, d, &ab->milestones);
        cells[c++] = d->comment ? d->comment : "";
    }
}

/* The notes under an activity's row, one line each: the rating's explanation, the milestones and the
 * comment (text only: Markdown has columns for them), the count stated for the period. */
static void activity_notes(const Layout *L, int ai, bool markdown, prt_buf *b, ActBufs *ab)
{
    const prt_plan *plan = L->h->plan;
    const prt_delivery *d = &prt_history_last(L->h)->delivery[ai];
    size_t at = b->len;
    prt_buf_puts(b, d->explanation);
    note_end(b, at);
    if (!markdown && rpt_milestones_text(plan, d, &ab->milestones)[0]) {
        at = b->len;
        prt_buf_printf(b, "Milestones: %s", prt_buf_str(&ab->milestones));
        note_end(b, at);
    }
    if (!markdown && d->comment) {
        at = b->len;
        comment_note(b, d->comment);
        note_end(b, at);
    }
    if (d->tally) {
        at = b->len;
        prt_buf_printf(b, "Progress: %s", rpt_tally_text(d->tally, &ab->scratch));
        note_end(b, at);
    }
}

/* A theme's activities: the delivery line, then a table with a row (and notes) per activity; a blank
 * line first when the theme's indicator table came before it. */
static void text_theme_delivery(FILE *out, const Layout *L, int th, bool after_table)
{
    const prt_plan *plan = L->h->plan;
    const prt_evaluation *ev = prt_history_last(L->h);
    const int *acts;
    int n = rpt_theme_activities(&L->acts, th, &acts);
    if (!n)
        return;
    ActBufs ab;
    actbufs_init(&ab, L);
    prt_buf line = {0};
    prt_buf_puts(&line, after_table ? "\n  Delivery: " : "  Delivery: ");
    prt_esc_terminal(&line, rpt_delivery_line(plan, &ev->theme_delivery[th], &ab.scratch));
    prt_buf_putc(&line, '\n');
    prt_buf_flush(&line, out);
    int nc = activity_ncols(L, false);
    Table t = table_make(nc);
    t.max_width[0] = 48;
    const char **cells = prt_xcalloc((size_t)nc, sizeof *cells);
    activity_header(L, false, cells);
    table_add(&t, cells, NULL);
    for (int k = 0; k < n; k++) {
        activity_cells(L, acts[k], false, &ab, cells);
        prt_buf_clear(&line);
        activity_notes(L, acts[k], false, &line, &ab);
        table_add(&t, cells, prt_buf_str(&line));
    }
    table_print(out, &t, "  ");
    free(cells);
    prt_buf_free(&line);
    actbufs_free(&ab);
}

/* The delivery summary of the report's period: a row per pillar and the total, the count in each
 * band of the plan's default delivery scheme and the delivery line. */
static void text_delivery_summary(FILE *out, const prt_evaluation *ev)
{
    const prt_plan *plan = ev->plan;
    const char *head[RPT_DELIVERY_COLS];
    Table t = table_make(rpt_delivery_summary_header(plan, head));
    table_add(&t, head, NULL);
    RptDeliveryRow row = {0};
    for (int p = 0; p <= plan->npillars; p++) {
        rpt_delivery_summary_row(plan, p < plan->npillars ? plan->pillars[p].name : "Total",
                                 p < plan->npillars ? &ev->pillar_delivery[p] : &ev->delivery_total, &row);
        table_add(&t, row.cell, NULL);
    }
    prt_buf_free(&row.line);
    table_print(out, &t, "");
}

/* The activities that are exceptions in the report's period, with why (or "None."). */
static void text_delivery_exceptions(FILE *out, const prt_evaluation *ev)
{
    const prt_plan *plan = ev->plan;
    Table t = table_make(3);
    const char *head[] = {"Ref", "Activity", "Why"};
    table_add(&t, head, NULL);
    t.max_width[1] = 48;
    prt_buf why = {0};
    for (int a = 0; a < plan->nactivities; a++) {
        const prt_delivery *d = &ev->delivery[a];
        if (!d->exception)
            continue;
        const prt_activity *act = &plan->activities[a];
        const char *cells[] = {act->id, act->name ? act->name : act->id, rpt_delivery_exception_text(plan, d, &why)};
        table_add(&t, cells, NULL);
    }
    fputs("\nDelivery exceptions\n\n", out);
    if (t.nrows > 1)
        table_print(out, &t, "  ");
    else {
        fputs("  None.\n", out);
        table_free(&t);
    }
    prt_buf_free(&why);
}

static void text_theme(FILE *out, const Layout *L, int th, RowBufs *rb)
{
    const prt_theme *theme = &L->h->plan->themes[th];
    const prt_evaluation *ev = prt_history_last(L->h);
    prt_buf line = {0};
    prt_buf_puts(&line, "\n  ");
    prt_esc_terminal(&line, theme->name);
    prt_buf_puts(&line, theme->transformation ? " (transformation workstream)\n" : "\n");
    if (theme->owner) {
        prt_buf_puts(&line, "  Owner: ");
        prt_esc_terminal(&line, theme->owner);
        prt_buf_putc(&line, '\n');
    }
    prt_buf_flush(&line, out);
    prt_buf_free(&line);
    if (rpt_theme_has_indicators(&L->groups, th)) {
        theme_line(out, ev, &ev->theme_counts[th], "  ", prt_esc_terminal);
        text_theme_table(out, L, th, rb);
    }
    text_theme_delivery(out, L, th, rpt_theme_has_indicators(&L->groups, th));
}

static void text_report(FILE *out, const prt_history *h)
{
    const prt_plan *plan = h->plan;
    text_title(out, h);
    text_summary(out, h);
    Layout L = layout_make(h);
    RowBufs rb;
    rowbufs_init(&rb, &L);
    prt_buf line = {0};
    for (int p = 0; p < plan->npillars; p++) {
        prt_buf_puts(&line, "\n");
        prt_esc_terminal(&line, plan->pillars[p].name);
        prt_buf_puts(&line, "\n");
        prt_buf_flush(&line, out);
        for (int th = 0; th < plan->nthemes; th++)
            if (plan->themes[th].pillar == p && theme_shown(&L, th))
                text_theme(out, &L, th, &rb);
    }
    text_exceptions(out, prt_history_last(h));
    if (plan->nactivities)
        text_delivery_exceptions(out, prt_history_last(h));
    prt_buf_free(&line);
    rowbufs_free(&rb, &L);
    layout_free(&L);
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
    "source", "theme_owner", "outcome_id", "outcome"};

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
    if (r->band >= 0 && !r->overridden)
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
    row_cell(row, r->band >= 0 ? prt_band_name(s, r->band) : "", false);
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
    row_cell(row, has_outcome ? plan->outcomes[in->outcome].name : "", last);
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
        row_cell(row, "", c + 1 == CSV_NDELIVERY);
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
    row_cell(row, yes_no(d->undated), true);
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

/* One row per indicator and period of the history, the periods of an indicator together, oldest first;
 * then, when the plan has activities, one per activity and period (csv_delivery_head). */
static void csv_report(FILE *out, const prt_history *h)
{
    const prt_plan *plan = h->plan;
    size_t nh = sizeof csv_head / sizeof csv_head[0];
    prt_buf row = {0};
    Layout L = {.h = h};
    RowBufs rb;
    rowbufs_init(&rb, &L);
    bool delivery = plan->nactivities > 0;
    for (size_t i = 0; i < nh; i++)
        row_cell(&row, csv_head[i], i + 1 == nh && !delivery);
    for (size_t i = 0; delivery && i < CSV_NDELIVERY; i++)
        row_cell(&row, csv_delivery_head[i], i + 1 == CSV_NDELIVERY);
    prt_buf_flush(&row, out);
    for (int i = 0; i < plan->nindicators; i++)
        for (int k = 0; k < h->n; k++) {
            csv_rating_cells(&row, h->ev[k], &h->ev[k]->ratings[i], &rb);
            csv_history_cells(&row, h->ev[k], &h->ev[k]->ratings[i], &rb, !delivery);
            if (delivery)
                csv_indicator_delivery_cells(&row);
            prt_buf_flush(&row, out);
        }
    if (delivery)
        csv_activities(out, h, &row);
    prt_buf_free(&row);
    rowbufs_free(&rb, &L);
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
    fputs(", \"rating\": ", out);
    json_str(out, r->band >= 0 ? s->bands[r->band].id : NULL);
    fputs(", \"rating_label\": ", out);
    json_str(out, r->band >= 0 ? s->bands[r->band].label : NULL);
    fputs(", \"percent\": ", out);
    json_opt_num(out, r->band >= 0 && !r->overridden, r->percent);
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

static void json_indicator(FILE *out, const prt_history *h, int i, RowBufs *rb)
{
    const prt_evaluation *ev = prt_history_last(h);
    const prt_rating *r = &ev->ratings[i];
    json_rating_fields(out, ev, r, rb);
    json_time_fields(out, r);
    json_owner_fields(out, h->plan, &h->plan->indicators[i]);
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

static void json_report(FILE *out, const prt_history *h)
{
    const prt_plan *plan = h->plan;
    const prt_evaluation *ev = prt_history_last(h);
    Layout L = {.h = h};
    RowBufs rb;
    rowbufs_init(&rb, &L);
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
    rowbufs_free(&rb, &L);
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

/* The title, then the header's lines, each a paragraph of its own. */
static void md_title(FILE *out, const prt_history *h)
{
    prt_buf b = {0};
    prt_buf_puts(&b, "# ");
    prt_esc_md(&b, h->plan->name ? h->plan->name : "Plan");
    prt_buf_puts(&b, ": performance for ");
    period_line(&b, h);
    prt_buf_puts(&b, "\n\n");
    prt_buf lines = {0};
    header_lines(&lines, h, prt_esc_md);
    for (const char *p = prt_buf_str(&lines); *p; p++) {
        prt_buf_putc(&b, *p);
        if (*p == '\n')
            prt_buf_putc(&b, '\n');
    }
    prt_buf_flush(&b, out);
    prt_buf_free(&lines);
    prt_buf_free(&b);
}

/* A Markdown table's header row and its rule; columns from first_number to last_number right-aligned. */
static void md_table_rule(FILE *out, const char *const *cells, int nc, int first_number, int last_number)
{
    for (int c = 0; c < nc; c++)
        md_cell(out, cells[c]);
    fputs("|\n", out);
    for (int c = 0; c < nc; c++)
        fputs(c >= first_number && c <= last_number ? "|---:" : "|---", out);
    fputs("|\n", out);
}

/* The delivery summary: a row per pillar and the total (as the text report's). */
static void md_delivery_summary(FILE *out, const prt_evaluation *ev)
{
    const prt_plan *plan = ev->plan;
    const char *head[RPT_DELIVERY_COLS];
    int nc = rpt_delivery_summary_header(plan, head);
    fputc('\n', out);
    md_table_rule(out, head, nc, 1, nc - 2);
    RptDeliveryRow row = {0};
    for (int p = 0; p <= plan->npillars; p++) {
        rpt_delivery_summary_row(plan, p < plan->npillars ? plan->pillars[p].name : NULL,
                                 p < plan->npillars ? &ev->pillar_delivery[p] : &ev->delivery_total, &row);
        if (p < plan->npillars)
            md_cell(out, row.cell[0]);
        else
            fputs("| **Total** ", out);
        for (int c = 1; c < nc; c++)
            md_cell(out, row.cell[c]);
        fputs("|\n", out);
    }
    prt_buf_free(&row.line);
}

/* A theme's activities: the delivery line, a table, then the notes as a list ("- **Name**: ..."); a
 * blank line first when the theme's indicator tables came before it. */
static void md_theme_delivery(FILE *out, const Layout *L, int th, bool after_table)
{
    const prt_plan *plan = L->h->plan;
    const prt_evaluation *ev = prt_history_last(L->h);
    const int *acts;
    int n = rpt_theme_activities(&L->acts, th, &acts);
    if (!n)
        return;
    ActBufs ab;
    actbufs_init(&ab, L);
    md_heading(out, after_table ? "\n#### Delivery\n\n" : "#### Delivery\n\n", rpt_delivery_line(plan, &ev->theme_delivery[th], &ab.scratch), "\n\n");
    int nc = activity_ncols(L, true);
    const char **cells = prt_xcalloc((size_t)nc, sizeof *cells);
    activity_header(L, true, cells);
    int complete_col = nc - 3;
    md_table_rule(out, cells, nc, complete_col, complete_col);
    for (int k = 0; k < n; k++) {
        activity_cells(L, acts[k], true, &ab, cells);
        for (int c = 0; c < nc; c++)
            md_cell(out, cells[c]);
        fputs("|\n", out);
    }
    prt_buf notes = {0}, b = {0};
    for (int k = 0; k < n; k++) {
        const prt_activity *a = &plan->activities[acts[k]];
        prt_buf_clear(&notes);
        activity_notes(L, acts[k], true, &notes, &ab);
        for (const char *p = prt_buf_str(&notes), *nl; (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
            prt_buf_puts(&b, b.len ? "- **" : "\n- **");
            prt_esc_md(&b, a->name ? a->name : a->id);
            prt_buf_puts(&b, "**: ");
            char *line = prt_xstrdup(p);
            line[nl - p] = '\0';
            prt_esc_md(&b, line);
            free(line);
            prt_buf_putc(&b, '\n');
        }
    }
    prt_buf_flush(&b, out);
    prt_buf_free(&b);
    prt_buf_free(&notes);
    free(cells);
    actbufs_free(&ab);
}

static void md_delivery_exceptions(FILE *out, const prt_evaluation *ev, prt_buf *why)
{
    const prt_plan *plan = ev->plan;
    int shown = 0;
    fputs("\n## Delivery exceptions\n\n", out);
    for (int a = 0; a < plan->nactivities; a++) {
        const prt_activity *act = &plan->activities[a];
        if (!ev->delivery[a].exception)
            continue;
        if (!shown++)
            fputs("| Ref | Activity | Why |\n|---|---|---|\n", out);
        md_cell(out, act->id);
        md_cell(out, act->name ? act->name : act->id);
        md_cell(out, rpt_delivery_exception_text(plan, &ev->delivery[a], why));
        fputs("|\n", out);
    }
    if (!shown)
        fputs("None.\n", out);
}

static void md_summary(FILE *out, const prt_history *h)
{
    const prt_evaluation *ev = prt_history_last(h);
    const prt_plan *plan = h->plan;
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
    if (h->n > 1) {
        prt_buf b = {0};
        prt_buf_putc(&b, '\n');
        rpt_change_line(&b, h->ev[h->n - 2], ev, prt_esc_md);
        prt_buf_puts(&b, ".\n");
        prt_buf_flush(&b, out);
        prt_buf_free(&b);
    }
    if (plan->nactivities)
        md_delivery_summary(out, ev);
}

/* The table's header: the layout's columns and Comment; the numbers right-aligned. */
static void md_table_head(FILE *out, const Layout *L, const char **cells)
{
    indicator_header(L, cells);
    for (int c = 0; c < L->ncols; c++)
        md_cell(out, cells[c]);
    fputs("| Comment |\n", out);
    int last_number = 4 + (L->nseries ? L->nseries : 1) + 1;   /* Target .. Last year */
    for (int c = 0; c <= L->ncols; c++)
        fputs(c >= 4 && c <= last_number ? "|---:" : "|---", out);
    fputs("|\n", out);
}

/* The notes of the group's rows, as a list under its table ("- **HL/01**: ..."). */
static void md_notes(FILE *out, const Layout *L, const RptGroup *group, RowBufs *rb)
{
    const prt_plan *plan = L->h->plan;
    prt_buf notes = {0}, b = {0};
    bool any = false;
    for (int k = 0; k < group->n; k++) {
        int i = group->indicators[k];
        prt_buf_clear(&notes);
        indicator_notes(L, i, true, &notes, rb);
        for (const char *p = prt_buf_str(&notes); *p;) {
            const char *nl = strchr(p, '\n');   /* every note ends with one (note_end) */
            if (!nl)
                break;
            prt_buf_puts(&b, any ? "- **" : "\n- **");
            prt_esc_md(&b, prt_indicator_label(&plan->indicators[i]));
            prt_buf_puts(&b, "**: ");
            char *line = prt_xstrdup(p);
            line[nl - p] = '\0';
            prt_esc_md(&b, line);
            free(line);
            prt_buf_putc(&b, '\n');
            p = nl + 1;
            any = true;
        }
    }
    prt_buf_flush(&b, out);
    prt_buf_free(&b);
    prt_buf_free(&notes);
}

static void md_row(FILE *out, const Layout *L, int i, RowBufs *rb, const char **cells)
{
    const prt_rating *r = &prt_history_last(L->h)->ratings[i];
    indicator_cells(L, i, rb, cells);
    for (int c = 0; c < L->ncols; c++)
        md_cell(out, cells[c]);
    if (r->comment || !r->exception)
        md_cell(out, r->comment ? r->comment : "");
    else
        fputs("| *Below target: no commentary* ", out);
    fputs("|\n", out);
}

/* A theme: its heading and owner, its sentence of counts, a table per outcome group with its notes. */
static void md_theme(FILE *out, const Layout *L, int th, RowBufs *rb)
{
    const prt_plan *plan = L->h->plan;
    const prt_evaluation *ev = prt_history_last(L->h);
    md_heading(out, "\n### ", plan->themes[th].name, "\n\n");
    if (plan->themes[th].owner)
        md_heading(out, "Owner: ", plan->themes[th].owner, "\n\n");
    const RptGroup *groups;
    int ng = rpt_theme_groups(&L->groups, th, &groups);
    if (ng)
        theme_line(out, ev, &ev->theme_counts[th], "", prt_esc_md);
    const char **cells = prt_xcalloc((size_t)L->ncols, sizeof *cells);
    for (int g = 0; g < ng; g++) {
        const char *name = rpt_group_name(plan, ng, &groups[g]);
        if (name)
            md_heading(out, "\n#### ", name, "\n");
        fputc('\n', out);
        md_table_head(out, L, cells);
        for (int k = 0; k < groups[g].n; k++)
            md_row(out, L, groups[g].indicators[k], rb, cells);
        md_notes(out, L, &groups[g], rb);
    }
    free(cells);
    md_theme_delivery(out, L, th, ng > 0);
}

static void md_exceptions(FILE *out, const prt_evaluation *ev, prt_buf *why)
{
    const prt_plan *plan = ev->plan;
    int shown = 0;
    fputs("\n## Exceptions\n\n", out);
    for (int i = 0; i < plan->nindicators; i++) {
        const prt_indicator *in = &plan->indicators[i];
        if (!rpt_exception_text(plan, &ev->ratings[i], why)[0])
            continue;
        if (!shown++)
            fputs("| Ref | Indicator | Why |\n|---|---|---|\n", out);
        md_cell(out, in->ref ? in->ref : in->id);
        md_cell(out, in->name);
        md_cell(out, prt_buf_str(why));
        fputs("|\n", out);
    }
    if (!shown)
        fputs("None.\n", out);
}

static void md_report(FILE *out, const prt_history *h)
{
    const prt_plan *plan = h->plan;
    md_title(out, h);
    md_summary(out, h);
    Layout L = layout_make(h);
    RowBufs rb;
    rowbufs_init(&rb, &L);
    for (int p = 0; p < plan->npillars; p++) {
        md_heading(out, "\n## ", plan->pillars[p].name, "\n");
        for (int th = 0; th < plan->nthemes; th++)
            if (plan->themes[th].pillar == p && theme_shown(&L, th))
                md_theme(out, &L, th, &rb);
    }
    md_exceptions(out, prt_history_last(h), &rb.scratch);
    if (plan->nactivities)
        md_delivery_exceptions(out, prt_history_last(h), &rb.scratch);
    rowbufs_free(&rb, &L);
    layout_free(&L);
}

void prt_report(FILE *out, const prt_history *h, prt_format format)
{
    switch (format) {
    case PRT_FORMAT_TEXT: text_report(out, h); break;
    case PRT_FORMAT_CSV: csv_report(out, h); break;
    case PRT_FORMAT_JSON: json_report(out, h); break;
    case PRT_FORMAT_MD: md_report(out, h); break;
    case PRT_FORMAT_HTML: prt_report_html(out, h, NULL); break;
    }
}
