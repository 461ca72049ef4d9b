/* planc template PLAN --period P [-o FILE]: the data return for a period, as a results CSV skeleton
 * with a row for every indicator due and, in a plan with activities, a row for every activity and
 * milestone (with the status, impact and completed columns), so that services fill in the values and
 * the same file goes back into `planc eval`. */
#include "driver.h"
#include "escape.h"
#include "output.h"
#include "plan_load.h"
#include "report_delivery.h"
#include "tables.h"

#include <stdio.h>
#include <string.h>

static const char *unit_text(const prt_indicator *in, prt_buf *b)
{
    prt_buf_clear(b);
    if (in->unit == PRT_UNIT_RATE)
        prt_buf_printf(b, "rate per %.0f", in->unit_per);
    else if (in->unit == PRT_UNIT_CUSTOM)
        prt_buf_puts(b, in->unit_custom ? in->unit_custom : "");
    else
        prt_buf_puts(b, prt_unit_forms[in->unit].text);
    return prt_buf_str(b);
}

/* The target in force, as the return shows it (a benchmark's name may be of any length). */
static const char *target_text(const prt_plan *plan, const prt_indicator *in, prt_period p, prt_buf *b)
{
    prt_buf_clear(b);
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
    return prt_buf_str(b);
}

/* A row of the return: the cells before the value, then empty cells to fill in (the delivery columns
 * only when the plan has activities). */
static void write_row(FILE *out, const char *const lead[5], bool delivery)
{
    for (int i = 0; i < 5; i++)
        prt_csv_field(out, lead[i], false);
    for (int i = 0; i < (delivery ? 4 : 1); i++)
        prt_csv_field(out, "", false);
    prt_csv_field(out, "", true);
}

/* A row per activity (its percentage complete, status, impact; the target column its due date) and a
 * row per milestone ("activity.milestone": its status and completion date). */
static void write_delivery_rows(FILE *out, const prt_plan *plan, prt_period period)
{
    const char *p = prt_period_text(period).s;
    prt_buf due = {0}, ref = {0};
    for (int i = 0; i < plan->nactivities; i++) {
        const prt_activity *a = &plan->activities[i];
        write_row(out, (const char *const[5]){a->id, a->name, p, "percentage complete", rpt_when_text(a->due, &due)},
                  true);
        for (int m = 0; m < a->nmilestones; m++) {
            const prt_milestone *ms = &a->milestones[m];
            prt_buf_clear(&ref);
            prt_buf_printf(&ref, "%s.%s", a->id, ms->id);
            write_row(out, (const char *const[5]){prt_buf_str(&ref), ms->name, p, "", rpt_when_text(ms->due, &due)},
                      true);
        }
    }
    prt_buf_free(&due);
    prt_buf_free(&ref);
}

/* Every cell goes through prt_csv_field: quoted as it must be, and guarded against formulas. */
static void write_template(FILE *out, const prt_plan *plan, prt_period period)
{
    static const char *const head[] = {"ref", "indicator", "period", "unit", "target", "value",
                                       "status", "impact", "completed", "comment"};
    bool delivery = plan->nactivities > 0;
    for (size_t i = 0; i < sizeof head / sizeof head[0]; i++) {
        if (delivery || i < 6 || i + 1 == sizeof head / sizeof head[0])
            prt_csv_field(out, head[i], i + 1 == sizeof head / sizeof head[0]);
    }
    prt_buf unit = {0}, target = {0};
    for (int i = 0; i < plan->nindicators; i++) {
        const prt_indicator *in = &plan->indicators[i];
        /* derived indicators are computed, not returned */
        if (in->nformula || !prt_indicator_due(in, period))
            continue;
        prt_period p = prt_result_period(in, period);
        write_row(out, (const char *const[5]){in->ref ? in->ref : in->id, in->name, prt_period_text(p).s,
                                              unit_text(in, &unit), target_text(plan, in, p, &target)},
                  delivery);
    }
    prt_buf_free(&unit);
    prt_buf_free(&target);
    /* the inputs formulas read */
    for (int k = 0; k < plan->ninputs; k++)
        write_row(out, (const char *const[5]){plan->inputs[k].id, plan->inputs[k].name, prt_period_text(period).s, "", ""},
                  delivery);
    write_delivery_rows(out, plan, period);
}

/* What the command line asked for. */
typedef struct TemplateArgs {
    const char *plan_path, *period_text, *output, *diagnostics_format, *color;
    prt_opt_list include;
} TemplateArgs;

/* Reads the command line into a and --include-dir into dirs; -1 to go on, else the exit status. */
static int template_parse(TemplateArgs *a, IncludeDirs *dirs, int argc, char **argv)
{
    const prt_option options[] = {
        {.name = "period", .kind = PRT_OPT_STRING, .metavar = "P", .required = true, .dest = &a->period_text,
         .help = "the period of the return: 2023/24, 2023/24 Q2, 2023/24 H1 or 2023/24 Jun"},
        {.name = "output", .short_name = 'o', .kind = PRT_OPT_STRING, .metavar = "FILE", .dest = &a->output,
         .help = "write to FILE (atomically) instead of standard output"},
        PRT_DIAGNOSTICS_FORMAT_OPTION(&a->diagnostics_format),
        PRT_COLOR_OPTION(&a->color),
        INCLUDE_DIR_OPTION(&a->include),
    };
    prt_command cmd = {
        .prog = "planc template",
        .synopsis = "PLAN --period P [-o FILE] [OPTIONS]",
        .description = "Writes the data return for period P: a results CSV with a row for every indicator due (by its\n"
                       "frequency, and in arrears where it is reported so), with its reference, name, unit and target\n"
                       "and an empty value to fill in; in a plan with activities, a row for every activity (its due\n"
                       "date as the target) and milestone (ACTIVITY.MILESTONE), with empty status, impact and\n"
                       "completed columns.  The filled-in file goes back into planc eval as it is.\n",
        .exit_status = "0 written, 1 errors in the plan, 2 usage or I/O failure.",
        .options = options,
        .noptions = sizeof options / sizeof options[0],
        .args = "PLAN",
        .min_args = 1,
        .max_args = 1,
    };
    return plan_command_parse(&cmd, "template", argc, argv, &a->include, dirs, &a->plan_path);
}

static int template_with(const TemplateArgs *a, const IncludeDirs *dirs)
{
    const char *plan_path = a->plan_path, *period_text = a->period_text, *output = a->output;
    if (output && prt_same_file(output, plan_path)) {
        prt_errorf("planc template: error: the output '%s' is the plan itself; refusing to overwrite it\n", output);
        return EXIT_USAGE;
    }
    LoadedPlan lp;
    int status = loaded_plan_open_as(&lp, plan_path, dirs, a->diagnostics_format, a->color);
    if (status == EXIT_CLEAN && refuse_overwriting_input("template", "output", output, &lp, NULL, 0))
        status = EXIT_USAGE;
    prt_period period;
    if (status == EXIT_CLEAN) {
        if (!prt_plan_period(plan_tables(&lp.plan), period_text, "planc template", &period)) {
            status = EXIT_USAGE;
        } else {
            prt_output out;
            char *why_not;
            if (!prt_output_open(&out, output, &why_not)) {
                prt_output_report("planc template", why_not);
                status = EXIT_USAGE;
            } else {
                write_template(out.file, plan_tables(&lp.plan), period);
                if (!prt_output_commit(&out, &why_not)) {
                    prt_output_report("planc template", why_not);
                    status = EXIT_USAGE;
                }
            }
        }
    }
    loaded_plan_free(&lp);
    return status;
}

int cmd_template(int argc, char **argv)
{
    TemplateArgs a = {0};
    IncludeDirs dirs = {0};
    int status = template_parse(&a, &dirs, argc, argv);
    if (status < 0)
        status = template_with(&a, &dirs);
    include_dirs_free(&dirs);
    return status;
}
