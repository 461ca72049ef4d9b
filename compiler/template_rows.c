/* The rows of a data return (template_rows.h): an indicator's unit and target in force worded as the
 * return shows them, an activity's and a milestone's due date in the target column. */
#include "template_rows.h"

#include "report_delivery.h"

#include <stdlib.h>
#include <string.h>

static void unit_text(const prt_indicator *in, prt_buf *b)
{
    if (in->unit == PRT_UNIT_RATE)
        prt_buf_printf(b, "rate per %.0f", in->unit_per);
    else if (in->unit == PRT_UNIT_CUSTOM)
        prt_buf_puts(b, in->unit_custom ? in->unit_custom : "");
    else
        prt_buf_puts(b, prt_unit_forms[in->unit].text);
}

/* The target in force, as the return shows it (a benchmark's name may be of any length). */
static void target_text(const prt_plan *plan, const prt_indicator *in, prt_period p, prt_buf *b)
{
    const prt_target *t = prt_target_in_force(in, p, NULL);
    if (in->polarity == PRT_POL_MONITOR || (t && t->kind == PRT_TARGET_MONITOR))
        prt_buf_puts(b, prt_target_kind_words[PRT_TARGET_MONITOR]);
    else if (t && (t->kind == PRT_TARGET_VALUE || t->kind == PRT_TARGET_THRESHOLD)) {
        char v[64];
        prt_buf_printf(b, "%s%s%s", t->kind == PRT_TARGET_THRESHOLD ? prt_cmp_words[t->op] : "",
                       t->kind == PRT_TARGET_THRESHOLD ? " " : "", prt_format_value(in, t->value, v, sizeof v));
    } else if (t && t->kind == PRT_TARGET_MAINTAIN)
        prt_buf_puts(b, prt_target_kind_words[PRT_TARGET_MAINTAIN]);
    else if (t && t->kind == PRT_TARGET_BENCHMARK)
        prt_buf_puts(b, plan->benchmarks[t->benchmark].name);
}

static char *copy(const char *s) { return prt_xstrdup(s ? s : ""); }

/* A new row at the end (its cells for the caller to fill). */
static TemplateRow *add(TemplateRows *rows, TemplateRowKind kind, int index, int pillar, prt_period p)
{
    if (rows->n == rows->cap) {
        rows->cap = rows->cap ? rows->cap * 2 : 64;
        rows->rows = prt_xrealloc(rows->rows, rows->cap * sizeof *rows->rows);
    }
    TemplateRow *r = &rows->rows[rows->n++];
    memset(r, 0, sizeof *r);
    r->kind = kind;
    r->index = index;
    r->milestone = -1;
    r->pillar = pillar;
    r->period = p;
    return r;
}

static int pillar_of_theme(const prt_plan *plan, int theme)
{
    return theme >= 0 && theme < plan->nthemes ? plan->themes[theme].pillar : -1;
}

static void indicator_rows(TemplateRows *rows, const prt_plan *plan, prt_period period)
{
    prt_buf b = {0};
    for (int i = 0; i < plan->nindicators; i++) {
        const prt_indicator *in = &plan->indicators[i];
        /* derived indicators are computed, not returned */
        if (in->nformula || !prt_indicator_due(in, period))
            continue;
        prt_period p = prt_result_period(in, period);
        TemplateRow *r = add(rows, TPL_INDICATOR, i, pillar_of_theme(plan, in->theme), p);
        r->cells[TPL_REF] = copy(in->ref ? in->ref : in->id);
        r->cells[TPL_NAME] = copy(in->name);
        r->cells[TPL_PERIOD] = copy(prt_period_text(p).s);
        unit_text(in, &b);
        r->cells[TPL_UNIT] = copy(prt_buf_str(&b));
        prt_buf_clear(&b);
        target_text(plan, in, p, &b);
        r->cells[TPL_TARGET] = copy(prt_buf_str(&b));
        prt_buf_clear(&b);
    }
    prt_buf_free(&b);
}

/* A row per activity (the target column its due date) and a row per milestone ("activity.milestone"). */
static void delivery_rows(TemplateRows *rows, const prt_plan *plan, prt_period period)
{
    prt_buf due = {0};
    for (int i = 0; i < plan->nactivities; i++) {
        const prt_activity *a = &plan->activities[i];
        int pillar = pillar_of_theme(plan, a->theme);
        TemplateRow *r = add(rows, TPL_ACTIVITY, i, pillar, period);
        r->cells[TPL_REF] = copy(a->id);
        r->cells[TPL_NAME] = copy(a->name);
        r->cells[TPL_PERIOD] = copy(prt_period_text(period).s);
        r->cells[TPL_UNIT] = copy("percentage complete");
        r->cells[TPL_TARGET] = copy(rpt_when_text(a->due, &due));
        for (int m = 0; m < a->nmilestones; m++) {
            const prt_milestone *ms = &a->milestones[m];
            r = add(rows, TPL_MILESTONE, i, pillar, period);
            r->milestone = m;
            prt_buf ref = {0};
            prt_buf_printf(&ref, "%s.%s", a->id, ms->id);
            r->cells[TPL_REF] = prt_buf_take(&ref);
            r->cells[TPL_NAME] = copy(ms->name);
            r->cells[TPL_PERIOD] = copy(prt_period_text(period).s);
            r->cells[TPL_UNIT] = copy("");
            r->cells[TPL_TARGET] = copy(rpt_when_text(ms->due, &due));
        }
    }
    prt_buf_free(&due);
}

void template_rows_collect(TemplateRows *out, const prt_plan *plan, prt_period p)
{
    memset(out, 0, sizeof *out);
    out->delivery = plan->nactivities > 0;
    indicator_rows(out, plan, p);
    /* the inputs formulas read */
    for (int k = 0; k < plan->ninputs; k++) {
        TemplateRow *r = add(out, TPL_INPUT, k, -1, p);
        r->cells[TPL_REF] = copy(plan->inputs[k].id);
        r->cells[TPL_NAME] = copy(plan->inputs[k].name);
        r->cells[TPL_PERIOD] = copy(prt_period_text(p).s);
        r->cells[TPL_UNIT] = copy("");
        r->cells[TPL_TARGET] = copy("");
    }
    delivery_rows(out, plan, p);
}

void template_rows_free(TemplateRows *rows)
{
    for (size_t i = 0; i < rows->n; i++)
        for (int c = 0; c < TPL_NCELLS; c++)
            free(rows->rows[i].cells[c]);
    free(rows->rows);
    memset(rows, 0, sizeof *rows);
}
