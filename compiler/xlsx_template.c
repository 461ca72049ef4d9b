/* planc template's workbook (xlsx_template.h): an Instructions sheet, the data sheets (a sheet per
 * pillar and Inputs, or one sheet Return), a hidden Lists sheet when a drop-down list is too long to
 * write in its validation, and the properties that name the plan the return was made from. */
#include "xlsx_template_parts.h"

#include "driver.h"

#include <stdlib.h>
#include <string.h>

/* Excel's limit on a custom property's value, in characters. */
#define PROPERTY_MAX 255

/* ---- last year's figures ---- */

int xlsx_template_history(XlsxTemplate *t, const char *const *paths, size_t n, const char *diagnostics_format,
                          const char *color)
{
    prt_diag_format format;
    bool colour;
    if (!prt_diag_format_parse(diagnostics_format, &format) || !prt_diag_color_parse(color, stderr, &colour))
        return EXIT_USAGE;      /* the option table's choices have said so already */
    int status = EXIT_CLEAN;
    if (n > 0) {
        size_t ncodes;
        prt_source_set sources;
        prt_diag diag;
        prt_sources_init(&sources);
        prt_diag_init(&diag, &sources);
        diag.max_errors = 0;
        diag.tool = "planc template";
        diag.tool_version = PLANC_VERSION;
        diag.rules = prt_results_codes(&ncodes);
        diag.nrules = ncodes;
        t->history = prt_results_read_history(t->plan, paths, n, t->period, 1, &diag);
        status = !t->history ? EXIT_USAGE : diag.errors ? EXIT_PLAN_ERRORS : EXIT_CLEAN;
        prt_diag_print(&diag, format, colour);
        prt_diag_free(&diag);
        prt_sources_free(&sources);
    }
    if (status == EXIT_CLEAN)
        t->ev = prt_evaluate(t->plan, t->history, t->period);
    return status;
}

void xlsx_template_free(XlsxTemplate *t)
{
    prt_evaluation_free(t->ev);
    prt_results_free(t->history);
    t->ev = NULL;
    t->history = NULL;
}

/* ---- shared by the writer's parts ---- */

void xt_note(XtWriter *w, lxw_error e)
{
    if (e != LXW_NO_ERROR && w->error == LXW_NO_ERROR)
        w->error = e;
}

void xt_string(XtWriter *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s, lxw_format *f)
{
    xt_note(w, worksheet_write_string(ws, row, col, prt_xlsx_text(&w->text, s, PRT_XLSX_CELL_MAX, PRT_XLSX_CELL, NULL), f));
}

static void make_formats(XtWriter *w)
{
    lxw_color_t grey = prt_xlsx_colour("#EDEDED"), header = prt_xlsx_colour("#D0D7E5");
    w->title = workbook_add_format(w->wb);
    format_set_bold(w->title);
    format_set_font_size(w->title, 14);
    w->bold = workbook_add_format(w->wb);
    format_set_bold(w->bold);
    w->wrap = workbook_add_format(w->wb);
    format_set_text_wrap(w->wrap);
    format_set_align(w->wrap, LXW_ALIGN_VERTICAL_TOP);
    w->head = workbook_add_format(w->wb);
    format_set_bold(w->head);
    format_set_bg_color(w->head, header);
    format_set_bottom(w->head, LXW_BORDER_THIN);
    w->ref = workbook_add_format(w->wb);
    format_set_bg_color(w->ref, grey);
    w->locked = workbook_add_format(w->wb);
    format_set_bg_color(w->locked, grey);
    w->input = workbook_add_format(w->wb);
    format_set_unlocked(w->input);
    w->input_date = workbook_add_format(w->wb);
    format_set_unlocked(w->input_date);
    format_set_num_format(w->input_date, "yyyy-mm-dd");
}

/* ---- the properties and the Instructions sheet ---- */

static void custom(XtWriter *w, const char *name, const char *value)
{
    xt_note(w, workbook_set_custom_property_string(w->wb, name, prt_xlsx_text(&w->text, value, PROPERTY_MAX, PRT_XLSX_ELLIPSIS, NULL)));
}

static void properties(XtWriter *w)
{
    const prt_plan *plan = w->t->plan;
    prt_buf title = {0}, org = {0};
    prt_buf_printf(&title, "Data return for %s: %s", prt_period_text(w->t->period).s, plan->name ? plan->name : "");
    prt_xlsx_text(&w->text, prt_buf_str(&title), 0, 0, NULL);
    prt_xlsx_text(&org, plan->organisation, 0, 0, NULL);
    lxw_doc_properties props = {.title = (char *)prt_buf_str(&w->text), .company = (char *)prt_buf_str(&org),
                                .comments = "Fill in the value columns, then: planc eval PLAN --results FILE.xlsx",
                                .created = w->t->created};
    xt_note(w, workbook_set_properties(w->wb, &props));
    prt_buf_free(&title);
    prt_buf_free(&org);
    custom(w, "planc.plan", plan->name);
    custom(w, "planc.period", prt_period_text(w->t->period).s);
    custom(w, "planc.digest", plan->digest);
    if (plan->version)
        custom(w, "planc.version", plan->version);
    custom(w, "planc.generator", "planc " PLANC_VERSION);
}

/* One line of the Instructions sheet, wrapped; row advanced. */
static void line(XtWriter *w, lxw_worksheet *ws, lxw_row_t *row, lxw_format *f, const char *fmt, const char *a)
{
    prt_buf_clear(&w->msg);
    prt_buf_printf(&w->msg, fmt, a ? a : "");
    xt_string(w, ws, (*row)++, 0, prt_buf_str(&w->msg), f);
}

static void instructions(XtWriter *w, lxw_worksheet *ws)
{
    const prt_plan *plan = w->t->plan;
    const char *period = prt_period_text(w->t->period).s;
    lxw_row_t r = 0;
    worksheet_set_column(ws, 0, 0, 110, w->wrap);
    /* the first row is a sentence, never a results header (the reader skips a sheet without one) */
    line(w, ws, &r, w->title, "Data return: %s", plan->name);
    line(w, ws, &r, w->wrap, "Organisation: %s", plan->organisation);
    line(w, ws, &r, w->wrap, "Period: %s", period);
    if (plan->version)
        line(w, ws, &r, w->wrap, "Plan version: %s", plan->version);
    line(w, ws, &r, w->wrap, "Made from the plan with digest %s: a return made from another version of the plan "
                             "is reported when it is read.", plan->digest);
    r++;
    line(w, ws, &r, w->bold, "How to fill it in%s", NULL);
    static const char *const how[] = {
        "Each data sheet has a row for everything due for the period. The grey cells are the plan's and are "
        "locked; fill in the white ones. A cell shows what it takes when you select it.",
        "value: the figure, a number in the indicator's unit (72.5 for 72.5%, 1020, 2500000 for \xC2\xA3" "2.5m). "
        "With no figure, write not available (or n/a), or not yet available when it is still to come.",
        "override: to disagree with the rating the plan's method gives, choose a band from the list, and say why "
        "in reason: an override needs its reason.",
        "comment: the commentary printed with the result (say why when a figure is below target).",
        "provisional: yes when the figure may still change (a later return can restate it).",
        "Activities: value is the percentage complete (0 to 100, or empty); status is one of Not started, "
        "On track, At risk, Off track, Delayed, Complete (or, for an activity rated by judgement, a band of its "
        "scheme from the list); impact, for a delay, is low, medium or high; completed is the day it was "
        "completed (2024-01-18).",
        "Milestones (rows ACTIVITY.MILESTONE): leave value empty; give status and completed.",
    };
    for (size_t i = 0; i < sizeof how / sizeof how[0]; i++)
        line(w, ws, &r, w->wrap, "%s", how[i]);
    r++;
    line(w, ws, &r, w->bold, "Sending it back%s", NULL);
    line(w, ws, &r, w->wrap, "Keep the sheets and the header rows as they are, save the workbook as .xlsx and send "
                             "it back. It is read with: planc eval PLAN --results FILE.xlsx --period '%s'", period);
}

/* ---- the sheets ---- */

/* The rows of one data sheet: of pillar p (p -1: the inputs; p -2: every row). */
static size_t rows_of(const TemplateRows *rows, int p, const TemplateRow **out)
{
    size_t n = 0;
    for (size_t i = 0; i < rows->n; i++) {
        const TemplateRow *r = &rows->rows[i];
        if (p == -2 || (p == -1 && r->kind == TPL_INPUT) || (p >= 0 && r->kind != TPL_INPUT && r->pillar == p))
            out[n++] = r;
    }
    return n;
}

/* The data sheets, in order, each with its rows. */
typedef struct DataSheet {
    lxw_worksheet *ws;
    const TemplateRow **rows;
    size_t n;
} DataSheet;

static size_t plan_sheets(XtWriter *w, prt_xlsx_names *names, DataSheet *sheets)
{
    const XlsxTemplate *t = w->t;
    const prt_plan *plan = t->plan;
    size_t n = 0;
    /* the fixed names first, so that no pillar takes them */
    const char *one = t->one_sheet ? prt_xlsx_sheet_name(names, "Return") : NULL;
    const char *inputs = t->one_sheet ? NULL : prt_xlsx_sheet_name(names, "Inputs");
    for (int p = t->one_sheet ? -2 : 0; p < (t->one_sheet ? -1 : plan->npillars + 1); p++) {
        int which = p == plan->npillars ? -1 : p;
        DataSheet *s = &sheets[n];
        s->rows = prt_xmalloc((t->rows->n + 1) * sizeof *s->rows);
        s->n = rows_of(t->rows, which, s->rows);
        /* a pillar with nothing due has no sheet; the one sheet is there even when empty */
        if (!s->n && which != -2) {
            free(s->rows);
            continue;
        }
        const char *name = which == -2 ? one : which == -1 ? inputs : prt_xlsx_sheet_name(names, plan->pillars[p].name);
        s->ws = workbook_add_worksheet(w->wb, name);
        n++;
    }
    return n;
}

/* Rows whose reference a cell cannot hold: the return could not be read back. */
static bool refs_fit(const TemplateRows *rows, prt_buf *scratch, char **why)
{
    for (size_t i = 0; i < rows->n; i++) {
        bool cut;
        prt_xlsx_text(scratch, rows->rows[i].cells[TPL_REF], PRT_XLSX_CELL_MAX, PRT_XLSX_ESCAPE_X, &cut);
        if (cut) {
            prt_buf b = {0};
            prt_buf_printf(&b, "the reference of row %zu of the return is longer than a cell holds (32,767 characters)",
                           i + 2);
            *why = prt_buf_take(&b);
            return false;
        }
    }
    return true;
}

static bool write_sheets(XtWriter *w, char **why)
{
    prt_xlsx_names names = {0};
    lxw_worksheet *instr = workbook_add_worksheet(w->wb, prt_xlsx_sheet_name(&names, "Instructions"));
    const char *lists_name = prt_xlsx_sheet_name(&names, "Lists");
    DataSheet *sheets = prt_xcalloc((size_t)w->t->plan->npillars + 2, sizeof *sheets);
    size_t nsheets = plan_sheets(w, &names, sheets);
    if (xt_lists_make(w)) {
        lxw_worksheet *lists = workbook_add_worksheet(w->wb, lists_name);
        xt_lists_write(w, lists, lists_name);
        worksheet_hide(lists);
    }
    instructions(w, instr);
    worksheet_activate(instr);
    for (size_t i = 0; i < nsheets; i++) {
        xt_data_sheet(w, sheets[i].ws, sheets[i].rows, sheets[i].n);
        free(sheets[i].rows);
    }
    free(sheets);
    prt_xlsx_names_free(&names);
    if (w->error != LXW_NO_ERROR) {
        prt_buf b = {0};
        prt_buf_printf(&b, "cannot write the workbook: %s", lxw_strerror(w->error));
        *why = prt_buf_take(&b);
        return false;
    }
    return true;
}

bool xlsx_template_write(FILE *out, const XlsxTemplate *t, char **why)
{
    XtWriter w = {.t = t};
    if (!refs_fit(t->rows, &w.text, why)) {
        prt_buf_free(&w.text);
        return false;
    }
    prt_xlsx_out o;
    if (!prt_xlsx_out_open(&o, why)) {
        prt_buf_free(&w.text);
        return false;
    }
    w.wb = o.wb;
    make_formats(&w);
    properties(&w);
    bool ok = write_sheets(&w, why);
    if (ok)
        ok = prt_xlsx_out_finish(&o, out, why);
    else
        prt_xlsx_out_abandon(&o);
    xt_lists_free(&w);
    prt_buf_free(&w.text);
    prt_buf_free(&w.msg);
    return ok;
}
