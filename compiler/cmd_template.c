/* planc template PLAN --period P [-o FILE]: the data return for a period, as a results CSV skeleton
 * with a row for every indicator due, so that services fill in the values and the same file goes back
 * into `planc eval`. */
#include "driver.h"
#include "escape.h"
#include "output.h"
#include "plan_load.h"
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

/* Every cell goes through prt_csv_field: quoted as it must be, and guarded against formulas. */
static void write_template(FILE *out, const prt_plan *plan, prt_period period)
{
    static const char *const head[] = {"ref", "indicator", "period", "unit", "target", "value", "comment"};
    for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
        prt_csv_field(out, head[i], i + 1 == sizeof head / sizeof head[0]);
    prt_buf unit = {0}, target = {0};
    for (int i = 0; i < plan->nindicators; i++) {
        const prt_indicator *in = &plan->indicators[i];
        /* derived indicators are computed, not returned */
        if (in->nformula || !prt_indicator_due(in, period))
            continue;
        prt_period p = prt_result_period(in, period);
        char per[32];
        prt_csv_field(out, in->ref ? in->ref : in->id, false);
        prt_csv_field(out, in->name, false);
        prt_csv_field(out, prt_period_format(p, per, sizeof per), false);
        prt_csv_field(out, unit_text(in, &unit), false);
        prt_csv_field(out, target_text(plan, in, p, &target), false);
        prt_csv_field(out, "", false);
        prt_csv_field(out, "", true);
    }
    prt_buf_free(&unit);
    prt_buf_free(&target);
    /* the inputs formulas read */
    for (int k = 0; k < plan->ninputs; k++) {
        char per[32];
        prt_csv_field(out, plan->inputs[k].id, false);
        prt_csv_field(out, plan->inputs[k].name, false);
        prt_csv_field(out, prt_period_format(period, per, sizeof per), false);
        prt_csv_field(out, "", false);
        prt_csv_field(out, "", false);
        prt_csv_field(out, "", false);
        prt_csv_field(out, "", true);
    }
}

static int template_with(int argc, char **argv, const IncludeDirs *dirs)
{
    const char *plan_path = NULL, *period_text = NULL, *output = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            printf("usage: planc template PLAN --period P [-o FILE]\n\n"
                   "Writes the data return for period P: a results CSV with a row for every indicator due (by its\n"
                   "frequency, and in arrears where it is reported so), with its reference, name, unit and target\n"
                   "and an empty value to fill in.  The filled-in file goes back into planc eval as it is.\n" INCLUDE_DIR_HELP);
            return EXIT_CLEAN;
        } else if ((strcmp(argv[i], "--period") == 0 || strcmp(argv[i], "-o") == 0) && i + 1 < argc) {
            *(argv[i][1] == 'o' ? &output : &period_text) = argv[i + 1];
            i++;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            prt_errorf("planc template: error: unknown option '%s'\n", argv[i]);
            return EXIT_USAGE;
        } else if (!plan_path) {
            plan_path = argv[i];
        } else {
            prt_errorf("planc template: error: one plan at a time\n");
            return EXIT_USAGE;
        }
    }
    if (!plan_path || !period_text) {
        prt_errorf("planc template: error: usage: planc template PLAN --period P [-o FILE]\n");
        return EXIT_USAGE;
    }
    prt_period period;
    const char *why = NULL;
    if (!prt_period_parse(period_text, strlen(period_text), &period, &why)) {
        prt_errorf("planc template: error: invalid period '%s': %s\n", period_text, why);
        return EXIT_USAGE;
    }
    if (output && same_file(output, plan_path)) {
        prt_errorf("planc template: error: the output '%s' is the plan itself; refusing to overwrite it\n", output);
        return EXIT_USAGE;
    }
    LoadedPlan lp;
    int status = loaded_plan_open(&lp, plan_path, dirs);
    if (status == EXIT_CLEAN && refuse_overwriting_input("template", "output", output, &lp, NULL, 0))
        status = EXIT_USAGE;
    if (status == EXIT_CLEAN) {
        const prt_plan *t = plan_tables(&lp.plan);
        if (t->first_year && (period.year < t->first_year || period.year > t->last_year)) {
            prt_errorf("planc template: error: period %s is outside the plan\n", period_text);
            status = EXIT_USAGE;
        } else {
            prt_output out;
            char *why_not;
            if (!prt_output_open(&out, output, &why_not)) {
                prt_output_report("planc template", why_not);
                status = EXIT_USAGE;
            } else {
                write_template(out.file, t, period);
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

int cmd_template(int argc, char **argv) { return with_include_dirs("template", argc, argv, template_with); }
