/* The Markdown report, for pasting into a committee paper. */
#include "report_layout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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
    rpt_period_line(&b, h);
    prt_buf_puts(&b, "\n\n");
    prt_esc_md(&b, prt_ratings_basis_text(h->basis));
    prt_buf_puts(&b, "\n\n");
    prt_buf lines = {0};
    rpt_header_lines(&lines, h, prt_esc_md);
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
    rpt_actbufs_init(&ab, L);
    md_heading(out, after_table ? "\n#### Delivery\n\n" : "#### Delivery\n\n", rpt_delivery_line(plan, &ev->theme_delivery[th], &ab.scratch), "\n\n");
    int nc = rpt_activity_ncols(L, true);
    const char **cells = prt_xcalloc((size_t)nc, sizeof *cells);
    rpt_activity_header(L, true, cells);
    int complete_col = nc - 3;
    md_table_rule(out, cells, nc, complete_col, complete_col);
    for (int k = 0; k < n; k++) {
        rpt_activity_cells(L, acts[k], true, &ab, cells);
        for (int c = 0; c < nc; c++)
            md_cell(out, cells[c]);
        fputs("|\n", out);
    }
    prt_buf notes = {0}, b = {0};
    for (int k = 0; k < n; k++) {
        const prt_activity *a = &plan->activities[acts[k]];
        prt_buf_clear(&notes);
        rpt_activity_notes(L, acts[k], true, &notes, &ab);
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
    rpt_actbufs_free(&ab);
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
    prt_buf labels[PRT_MAX_BANDS] = {{0}};
    int nc = rpt_summary_header_with(ev, head, labels);
    for (int c = 0; c < nc; c++)
        md_cell(out, head[c]);
    for (int b = 0; b < PRT_MAX_BANDS; b++)
        prt_buf_free(&labels[b]);
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
    rpt_indicator_header(L, cells);
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
        rpt_indicator_notes(L, i, true, &notes, rb);
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
    rpt_indicator_cells(L, i, rb, cells);
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
        rpt_theme_line(out, ev, &ev->theme_counts[th], "", prt_esc_md);
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

void rpt_md_report(FILE *out, const prt_history *h)
{
    const prt_plan *plan = h->plan;
    md_title(out, h);
    md_summary(out, h);
    Layout L = rpt_layout_make(h);
    RowBufs rb;
    rpt_rowbufs_init(&rb, &L);
    for (int p = 0; p < plan->npillars; p++) {
        md_heading(out, "\n## ", plan->pillars[p].name, "\n");
        for (int th = 0; th < plan->nthemes; th++)
            if (plan->themes[th].pillar == p && rpt_theme_shown(&L, th))
                md_theme(out, &L, th, &rb);
    }
    md_exceptions(out, prt_history_last(h), &rb.scratch);
    if (plan->nactivities)
        md_delivery_exceptions(out, prt_history_last(h), &rb.scratch);
    rpt_rowbufs_free(&rb, &L);
    rpt_layout_free(&L);
}
