/* planc template PLAN --period P [-o FILE]: the data return for a period, with a row for every
 * indicator due and, in a plan with activities, a row for every activity and milestone (with the
 * status, impact and completed columns), so that services fill in the values and the same file goes
 * back into `planc eval`.  As a results CSV skeleton (here), or as a workbook (xlsx_template.c) when
 * --format xlsx or -o FILE.xlsx asks for one. */
#include "driver.h"
#include "escape.h"
#include "options.h"
#include "output.h"
#include "plan_load.h"
#include "tables.h"
#include "template_rows.h"
#include "xlsx_template.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* A row of the CSV return: the reference cells, then empty cells to fill in (the delivery columns
 * only when the plan has activities).  Every cell goes through prt_csv_field: quoted as it must be,
 * and guarded against formulas. */
static void write_row(FILE *out, const TemplateRow *r, bool delivery)
{
    for (int i = 0; i < TPL_NCELLS; i++)
        prt_csv_field(out, r->cells[i], false);
    for (int i = 0; i < (delivery ? 4 : 1); i++)
        prt_csv_field(out, "", false);
    prt_csv_field(out, "", true);
}

static void write_csv(FILE *out, const TemplateRows *rows)
{
    static const char *const head[] = {"ref", "indicator", "period", "unit", "target", "value",
                                       "status", "impact", "completed", "comment"};
    const size_t nhead = sizeof head / sizeof head[0];
    for (size_t i = 0; i < nhead; i++) {
        if (rows->delivery || i < 6 || i + 1 == nhead)
            prt_csv_field(out, head[i], i + 1 == nhead);
    }
    for (size_t i = 0; i < rows->n; i++)
        write_row(out, &rows->rows[i], rows->delivery);
}

/* What the command line asked for, and the table that parses it (kept until the lists are used). */
typedef struct TemplateArgs {
    const char *plan_path, *period_text, *output, *format, *sheets, *diagnostics_format, *color;
    prt_opt_list include, results;
    prt_option options[10];
    prt_command cmd;
    bool xlsx;                  /* the format decided: --format, else -o's extension */
} TemplateArgs;

static const char *const template_formats[] = {"csv", "xlsx", NULL};
static const char *const template_sheets[] = {"pillar", "one", NULL};

/* Whether path ends in .xlsx, in any case. */
static bool xlsx_extension(const char *path)
{
    size_t n = path ? strlen(path) : 0;
    return n >= 5 && prt_same_nocase(path + n - 5, ".xlsx");
}

/* Reads the command line into a and --include-dir into dirs; -1 to go on, else the exit status. */
static int template_parse(TemplateArgs *a, IncludeDirs *dirs, int argc, char **argv)
{
    const prt_option options[] = {
        {.name = "period", .kind = PRT_OPT_STRING, .metavar = "P", .required = true, .dest = &a->period_text,
         .help = "the period of the return: 2023/24, 2023/24 Q2, 2023/24 H1 or 2023/24 Jun"},
        {.name = "output", .short_name = 'o', .kind = PRT_OPT_STRING, .metavar = "FILE", .dest = &a->output,
         .help = "write to FILE (atomically) instead of standard output"},
        {.name = "format", .kind = PRT_OPT_STRING, .metavar = "FORMAT", .choices = template_formats, .dest = &a->format,
         .help = "csv or xlsx (a workbook); default: xlsx when FILE ends in .xlsx, else csv"},
        {.name = "sheets", .kind = PRT_OPT_STRING, .metavar = "HOW", .choices = template_sheets, .dest = &a->sheets,
         .help = "xlsx: a sheet per pillar (pillar, the default) or one sheet 'Return' (one)"},
        {.name = "results", .kind = PRT_OPT_LIST, .metavar = "FILE", .dest = &a->results,
         .help = "xlsx: earlier returns (files or directories), for last year's figures (repeatable)"},
        PRT_DIAGNOSTICS_FORMAT_OPTION(&a->diagnostics_format),
        PRT_COLOR_OPTION(&a->color),
        INCLUDE_DIR_OPTION(&a->include),
    };
    memcpy(a->options, options, sizeof options);
    a->cmd = (prt_command){
        .prog = "planc template",
        .synopsis = "PLAN --period P [-o FILE] [--format csv|xlsx] [OPTIONS]",
        .description =
            "Writes the data return for period P: a row for every indicator due (by its frequency, and in\n"
            "arrears where it is reported so), with its reference, name, unit and target and an empty value\n"
            "to fill in; in a plan with activities, a row for every activity (its due date as the target) and\n"
            "milestone (ACTIVITY.MILESTONE), with empty status, impact and completed columns.  The\n"
            "filled-in file goes back into planc eval as it is.\n"
            "\n"
            "As a results CSV, or as an Excel workbook (--format xlsx, or -o FILE.xlsx): an Instructions\n"
            "sheet, then a sheet per pillar (--sheets one: a single sheet 'Return') and 'Inputs', with the\n"
            "reference columns locked, drop-down lists for override, status and impact, each value checked\n"
            "against the indicator's unit, and the target (and last year's figure, from the plan or\n"
            "--results) shown on each value cell.  A workbook goes to standard output only when it is not a\n"
            "terminal.  SOURCE_DATE_EPOCH sets the workbook's creation time (byte-identical output).\n",
        .exit_status = "0 written, 1 errors in the plan or the results, 2 usage or I/O failure.",
        .options = a->options,
        .noptions = sizeof options / sizeof options[0],
        .args = "PLAN",
        .min_args = 1,
        .max_args = 1,
    };
    int status = prt_options_parse(&a->cmd, argc, argv, 1);
    if (status < 0)
        status = include_dirs_resolve(dirs, "template", &a->include);
    a->plan_path = a->cmd.narg ? a->cmd.arg[0] : NULL;
    a->xlsx = a->format ? strcmp(a->format, "xlsx") == 0 : xlsx_extension(a->output);
    return status;
}

/* What only a workbook takes, and a workbook on a terminal: -1 to go on, else 2 after saying why. */
static int template_check_format(const TemplateArgs *a)
{
    if (!a->xlsx && (a->sheets || a->results.n)) {
        prt_errorf("planc template: error: %s applies to a workbook only: give --format xlsx or -o FILE.xlsx\n",
                   a->sheets ? "--sheets" : "--results");
        return EXIT_USAGE;
    }
    bool to_stdout = !a->output || strcmp(a->output, "-") == 0;
    if (a->xlsx && to_stdout && isatty(STDOUT_FILENO)) {
        prt_errorf("planc template: error: an .xlsx workbook is binary: give -o FILE.xlsx or redirect\n");
        return EXIT_USAGE;
    }
    return -1;
}

/* The workbook's creation time: SOURCE_DATE_EPOCH when set (reproducible output), else now.  False
 * after saying what is wrong with it. */
static bool creation_time(time_t *out)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    *out = time(NULL);
    if (!epoch || !*epoch)
        return true;
    char *end;
    errno = 0;
    long long v = strtoll(epoch, &end, 10);
    if (*end || errno || v < 0 || v > 253402300799LL) {
        prt_errorf("planc template: error: SOURCE_DATE_EPOCH must be a number of seconds since 1970, not '%s'\n",
                   epoch);
        return false;
    }
    *out = (time_t)v;
    return true;
}

/* Writes the return in the format asked for to out; the exit status. */
static int write_return(FILE *out, const TemplateArgs *a, const prt_plan *plan, prt_period period)
{
    TemplateRows rows;
    template_rows_collect(&rows, plan, period);
    int status = EXIT_CLEAN;
    if (!a->xlsx) {
        write_csv(out, &rows);
    } else {
        XlsxTemplate t = {.plan = plan, .period = period, .rows = &rows, .one_sheet = a->sheets && !strcmp(a->sheets, "one")};
        char *why = NULL;
        if (!creation_time(&t.created))
            status = EXIT_USAGE;
        else if ((status = xlsx_template_history(&t, a->results.items, a->results.n, a->diagnostics_format, a->color)) ==
                 EXIT_CLEAN) {
            if (!xlsx_template_write(out, &t, &why)) {
                prt_output_report("planc template", why);
                status = EXIT_USAGE;
            }
        }
        xlsx_template_free(&t);
    }
    template_rows_free(&rows);
    return status;
}

static int template_with(const TemplateArgs *a, const IncludeDirs *dirs)
{
    const char *plan_path = a->plan_path, *output = a->output;
    if (output && prt_same_file(output, plan_path)) {
        prt_errorf("planc template: error: the output '%s' is the plan itself; refusing to overwrite it\n", output);
        return EXIT_USAGE;
    }
    bool clash = false;
    for (size_t i = 0; i < a->results.n && output && !clash; i++)
        clash = prt_same_file(output, a->results.items[i]);
    if (clash) {
        prt_errorf("planc template: error: the output '%s' is one of the inputs; refusing to overwrite it\n", output);
        return EXIT_USAGE;
    }
    int status = template_check_format(a);
    if (status >= 0)
        return status;
    LoadedPlan lp;
    status = loaded_plan_open_as(&lp, plan_path, dirs, a->diagnostics_format, a->color);
    if (status == EXIT_CLEAN && (refuse_overwriting_input("template", "output", output, &lp, NULL, 0) ||
                                 refuse_overwriting_input("template", "output", output, &lp, a->results.items,
                                                          a->results.n)))
        status = EXIT_USAGE;
    prt_period period;
    if (status == EXIT_CLEAN) {
        if (!prt_plan_period(plan_tables(&lp.plan), a->period_text, "planc template", &period)) {
            status = EXIT_USAGE;
        } else {
            prt_output out;
            char *why_not;
            if (!prt_output_open(&out, output, &why_not)) {
                prt_output_report("planc template", why_not);
                status = EXIT_USAGE;
            } else if ((status = write_return(out.file, a, plan_tables(&lp.plan), period)) != EXIT_CLEAN) {
                prt_output_abandon(&out);
            } else if (!prt_output_commit(&out, &why_not)) {
                prt_output_report("planc template", why_not);
                status = EXIT_USAGE;
            }
        }
    }
    loaded_plan_free(&lp);
    return status;
}

int cmd_template(int argc, char **argv)
{
    TemplateArgs a;
    memset(&a, 0, sizeof a);
    IncludeDirs dirs = {0};
    int status = template_parse(&a, &dirs, argc, argv);
    if (status < 0)
        status = template_with(&a, &dirs);
    prt_command_free(&a.cmd);
    include_dirs_free(&dirs);
    return status;
}
