/* The checks on a return's input cells in planc template's workbook: the value by the indicator's
 * unit (as the results reader checks it: runtime/results.c), with the words for no value allowed; an
 * activity's percentage complete; a milestone's empty value; drop-down lists for the override, the
 * status, the impact and provisional; and on each value cell an input message with the target in
 * force and last year's figure. */
#include "xlsx_template_parts.h"

#include <stdlib.h>
#include <string.h>

/* Excel's limits on a validation's texts, in UTF-16 units. */
#define TITLE_MAX 32
#define MESSAGE_MAX 255

bool xt_input_cell(const XlsxTemplate *t, const TemplateRow *r, int col)
{
    const prt_plan *plan = t->plan;
    switch (col) {
    case XC_VALUE:
    case XC_COMMENT:
    case XC_PROVISIONAL:
        return true;
    case XC_OVERRIDE:
    case XC_REASON:
        /* a band of the indicator's scheme, or of the activity's delivery scheme; none elsewhere */
        if (r->kind == TPL_INDICATOR)
            return plan->indicators[r->index].scheme >= 0;
        return r->kind == TPL_ACTIVITY && plan->activities[r->index].scheme >= 0;
    case XC_STATUS:
    case XC_IMPACT:
    case XC_COMPLETED:
        /* the delivery columns on an indicator's or an input's row are errors (R019-R021) */
        return r->kind == TPL_ACTIVITY || r->kind == TPL_MILESTONE;
    default:
        return false;
    }
}

/* What a value may be, by the row: the test (on the cell named `at`, a number in it) and its words. */
typedef struct ValueRule {
    const char *test;           /* printf format with the cell three times at most: %1$s */
    const char *words;
} ValueRule;

static ValueRule value_rule(const XlsxTemplate *t, const TemplateRow *r)
{
    if (r->kind == TPL_INPUT)
        return (ValueRule){NULL, "a number"};
    const prt_indicator *in = &t->plan->indicators[r->index];
    if (in->unit == PRT_UNIT_PERCENT)
        return (ValueRule){"AND(%1$s>=0,%1$s<=100)", "a percentage from 0 to 100 (72.5 for 72.5%)"};
    /* a count is whole unless the plan gives it decimals */
    if (in->unit == PRT_UNIT_COUNT && in->decimals <= 0)
        return (ValueRule){"AND(%1$s>=0,%1$s=INT(%1$s))", "a whole number, not negative"};
    if (prt_unit_forms[in->unit].nonnegative)
        return (ValueRule){"%1$s>=0", "a number, not negative"};
    return (ValueRule){NULL, "a number"};
}

/* The validation of an indicator's or an input's value: a number by the rule, or a word for no value
 * (Excel compares text without case; #N/A typed in a cell is an error value, ISNA allows it). */
static void number_check(XtWriter *w, lxw_data_validation *v, const char *cell, ValueRule rule)
{
    prt_buf f = {0}, test = {0};
    if (rule.test)
        prt_buf_printf(&test, rule.test, cell);
    else
        prt_buf_puts(&test, "TRUE");
    prt_buf_printf(&f,
                   "=IF(ISERROR(%1$s),ISNA(%1$s),IF(ISNUMBER(%1$s),%2$s,OR(%1$s=\"not available\","
                   "%1$s=\"not yet available\",%1$s=\"n/a\",%1$s=\"nya\",%1$s=\"#N/A\")))",
                   cell, prt_buf_str(&test));
    v->validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
    v->value_formula = prt_buf_take(&f);
    prt_buf_clear(&w->msg);
    prt_buf_printf(&w->msg, "The value is %s, or not available, not yet available or n/a.", rule.words);
    v->error_message = prt_buf_take(&w->msg);
    prt_buf_free(&test);
}

/* Last year's figure for the same kind of period, when the plan's results or --results give one. */
static void last_year(const XlsxTemplate *t, const TemplateRow *r, prt_buf *b)
{
    if (!t->ev || r->kind != TPL_INDICATOR)
        return;
    const prt_rating *rt = &t->ev->ratings[r->index];
    if (!rt->has_previous)
        return;
    char v[64];
    prt_buf_printf(b, "\n%s (%s): %s", rt->previous_is_baseline ? "Baseline" : "Last year",
                   prt_period_text(rt->previous_period).s,
                   prt_format_value(&t->plan->indicators[r->index], rt->previous, v, sizeof v));
}

/* The input message: the target in force (or the due date), last year's figure, what to write. */
static void value_message(XtWriter *w, const TemplateRow *r, const char *words, prt_buf *msg)
{
    const char *target = r->cells[TPL_TARGET];
    if (r->kind == TPL_ACTIVITY || r->kind == TPL_MILESTONE)
        prt_buf_printf(msg, "Due: %s", *target ? target : "not given");
    else if (r->kind == TPL_INDICATOR)
        prt_buf_printf(msg, "Target for %s: %s", r->cells[TPL_PERIOD], *target ? target : "none");
    else
        prt_buf_printf(msg, "Input for %s", r->cells[TPL_PERIOD]);
    last_year(w->t, r, msg);
    prt_buf_printf(msg, "\nWrite %s.", words);
}

/* The value cell's validation and input message. */
static void value_check(XtWriter *w, lxw_worksheet *ws, lxw_row_t at, const TemplateRow *r)
{
    char cell[LXW_MAX_CELL_NAME_LENGTH];
    lxw_rowcol_to_cell(cell, at, XC_VALUE);
    lxw_data_validation v = {.error_title = "Not a valid value", .ignore_blank = LXW_VALIDATION_ON};
    prt_buf f = {0}, msg = {0}, title = {0};
    const char *words;
    if (r->kind == TPL_ACTIVITY) {
        prt_buf_printf(&f, "=AND(ISNUMBER(%1$s),%1$s>=0,%1$s<=100)", cell);
        words = "the percentage complete, 0 to 100, or leave it empty";
        v.error_message = prt_xstrdup("An activity's value is its percentage complete: a number from 0 to 100, or empty.");
    } else if (r->kind == TPL_MILESTONE) {
        prt_buf_printf(&f, "=LEN(%s)=0", cell);
        words = "nothing here: give the milestone's status and completed date";
        v.error_message = prt_xstrdup("A milestone's row takes no value: its status and completed columns say how it stands.");
    } else {
        ValueRule rule = value_rule(w->t, r);
        number_check(w, &v, cell, rule);
        prt_buf_printf(&f, "%s, or not available", rule.words);
        words = prt_buf_str(&f);
    }
    value_message(w, r, words, &msg);
    if (!v.value_formula) {
        v.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
        v.value_formula = prt_buf_take(&f);
    }
    v.input_message = prt_xstrdup(prt_xlsx_text(&w->text, prt_buf_str(&msg), MESSAGE_MAX, PRT_XLSX_ESCAPE_X, NULL));
    prt_buf_printf(&title, "%s", r->cells[TPL_REF]);
    v.input_title = prt_xstrdup(prt_xlsx_text(&w->text, prt_buf_str(&title), TITLE_MAX, PRT_XLSX_ESCAPE_X, NULL));
    xt_note(w, worksheet_data_validation_cell(ws, at, XC_VALUE, &v));
    free(v.value_formula);
    free(v.input_message);
    free(v.input_title);
    free(v.error_message);
    prt_buf_free(&f);
    prt_buf_free(&msg);
    prt_buf_free(&title);
}

/* A drop-down list on one cell. */
static void list_check(XtWriter *w, lxw_worksheet *ws, lxw_row_t at, int col, const XtList *l, const char *error)
{
    if (!l->n)
        return;
    lxw_data_validation v = {.ignore_blank = LXW_VALIDATION_ON, .error_title = "Not in the list",
                             .error_message = (char *)error};
    if (l->literal) {
        v.validate = LXW_VALIDATION_TYPE_LIST;
        v.value_list = (char **)prt_xcalloc(l->n + 1, sizeof *v.value_list);
        for (size_t i = 0; i < l->n; i++)
            v.value_list[i] = (char *)l->items[i];
    } else {
        v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
        v.value_formula = l->range;
    }
    xt_note(w, worksheet_data_validation_cell(ws, at, (lxw_col_t)col, &v));
    free(v.value_list);
}

/* The list an override takes on row r, NULL when none. */
static const XtList *override_list(const XtWriter *w, const TemplateRow *r)
{
    const prt_plan *plan = w->t->plan;
    if (r->kind == TPL_INDICATOR && plan->indicators[r->index].scheme >= 0)
        return &w->scheme_bands[plan->indicators[r->index].scheme];
    if (r->kind == TPL_ACTIVITY && plan->activities[r->index].scheme >= 0)
        return &w->delivery_bands[plan->activities[r->index].scheme];
    return NULL;
}

void xt_row_checks(XtWriter *w, lxw_worksheet *ws, lxw_row_t at, const TemplateRow *r)
{
    value_check(w, ws, at, r);
    const XtList *bands = override_list(w, r);
    if (bands)
        list_check(w, ws, at, XC_OVERRIDE, bands, "Choose a band of the rating scheme from the list (and give the reason).");
    list_check(w, ws, at, XC_PROVISIONAL, &w->yes_no, "Write yes when the figure may still change, else no or nothing.");
    if (r->kind != TPL_ACTIVITY && r->kind != TPL_MILESTONE)
        return;
    const prt_plan *plan = w->t->plan;
    int scheme = r->kind == TPL_ACTIVITY ? plan->activities[r->index].scheme : -1;
    list_check(w, ws, at, XC_STATUS, scheme >= 0 ? &w->delivery_status[scheme] : &w->states,
               "Choose a status from the list.");
    list_check(w, ws, at, XC_IMPACT, &w->impacts, "The impact of a delay is low, medium or high.");
}
