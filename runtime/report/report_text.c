/* The text report: tables sized to their widest cell, as the council's own tables look. */
#include "report_layout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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
    prt_buf labels[PRT_MAX_BANDS] = {{0}};
    Table t = table_make(rpt_summary_header_with(ev, head, labels));
    table_add(&t, head, NULL);
    RptSummaryRow row;
    for (int p = 0; p < plan->npillars; p++) {
        rpt_summary_row(ev, plan->pillars[p].name, &ev->pillar_counts[p], &row);
        table_add(&t, row.cell, NULL);
    }
    rpt_summary_row(ev, "Total", &ev->total, &row);
    table_add(&t, row.cell, NULL);
    table_print(out, &t, "");
    for (int b = 0; b < PRT_MAX_BANDS; b++)
        prt_buf_free(&labels[b]);
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
    rpt_period_line(&line, h);
    prt_buf_putc(&line, '\n');
    prt_esc_terminal(&line, prt_ratings_basis_text(h->basis));
    prt_buf_putc(&line, '\n');
    rpt_header_lines(&line, h, prt_esc_terminal);
    prt_buf_putc(&line, '\n');
    prt_buf_flush(&line, out);
    prt_buf_free(&line);
}

enum { BENCHMARK_WIDTH = 40 };

/* The benchmarks in full under the row when the table's column cuts them: every benchmark is
 * printed (issue 16), and a second one rarely fits in the column. */
static void text_benchmark_note(const char *benchmarks, prt_buf *notes)
{
    if (width(benchmarks) > BENCHMARK_WIDTH)
        prt_buf_printf(notes, "Benchmarks: %s\n", benchmarks);
}

/* A theme's indicators as one table, under an outcome's heading when the theme has outcome groups. */
static void text_theme_table(FILE *out, const Layout *L, int th, RowBufs *rb)
{
    const prt_plan *plan = L->h->plan;
    Table t = table_make(L->ncols);
    t.max_width[1] = 48;
    t.max_width[L->ncols - 1] = BENCHMARK_WIDTH;
    const char **cells = prt_xcalloc((size_t)L->ncols, sizeof *cells);
    rpt_indicator_header(L, cells);
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
            rpt_indicator_cells(L, i, rb, cells);
            prt_buf_clear(&notes);
            rpt_indicator_notes(L, i, false, &notes, rb);
            text_benchmark_note(cells[L->ncols - 1], &notes);
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
    rpt_actbufs_init(&ab, L);
    prt_buf line = {0};
    prt_buf_puts(&line, after_table ? "\n  Delivery: " : "  Delivery: ");
    prt_esc_terminal(&line, rpt_delivery_line(plan, &ev->theme_delivery[th], &ab.scratch));
    prt_buf_putc(&line, '\n');
    prt_buf_flush(&line, out);
    int nc = rpt_activity_ncols(L, false);
    Table t = table_make(nc);
    t.max_width[0] = 48;
    const char **cells = prt_xcalloc((size_t)nc, sizeof *cells);
    rpt_activity_header(L, false, cells);
    table_add(&t, cells, NULL);
    for (int k = 0; k < n; k++) {
        rpt_activity_cells(L, acts[k], false, &ab, cells);
        prt_buf_clear(&line);
        rpt_activity_notes(L, acts[k], false, &line, &ab);
        table_add(&t, cells, prt_buf_str(&line));
    }
    table_print(out, &t, "  ");
    free(cells);
    prt_buf_free(&line);
    rpt_actbufs_free(&ab);
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
        rpt_theme_line(out, ev, &ev->theme_counts[th], "  ", prt_esc_terminal);
        text_theme_table(out, L, th, rb);
    }
    text_theme_delivery(out, L, th, rpt_theme_has_indicators(&L->groups, th));
}

void rpt_text_report(FILE *out, const prt_history *h)
{
    const prt_plan *plan = h->plan;
    text_title(out, h);
    text_summary(out, h);
    Layout L = rpt_layout_make(h);
    RowBufs rb;
    rpt_rowbufs_init(&rb, &L);
    prt_buf line = {0};
    for (int p = 0; p < plan->npillars; p++) {
        prt_buf_puts(&line, "\n");
        prt_esc_terminal(&line, plan->pillars[p].name);
        prt_buf_puts(&line, "\n");
        prt_buf_flush(&line, out);
        for (int th = 0; th < plan->nthemes; th++)
            if (plan->themes[th].pillar == p && rpt_theme_shown(&L, th))
                text_theme(out, &L, th, &rb);
    }
    text_exceptions(out, prt_history_last(h));
    if (plan->nactivities)
        text_delivery_exceptions(out, prt_history_last(h));
    prt_buf_free(&line);
    rpt_rowbufs_free(&rb, &L);
    rpt_layout_free(&L);
}

/* ---- CSV ---- */
