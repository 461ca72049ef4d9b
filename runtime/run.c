/* One evaluation from files to a report: used by `planc eval` and by every generated evaluator. */
#include "escape.h"
#include "options.h"
#include "output.h"
#include "planrt.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Whether two paths name the same existing file, links and all (to refuse writing over an input). */
static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (!a || !b || stat(a, &sa) != 0 || stat(b, &sb) != 0)
        return false;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Reads the results (and the map), rates the period and writes the report to out; the exit status. */
static int rate_into(FILE *out, const prt_plan *plan, const prt_run_options *opt, prt_period period)
{
    prt_errors err = {0};
    prt_results *res = prt_results_read_for(plan, opt->results, period, &err);
    if (!res) {
        prt_errors_print(&err, stderr);
        prt_errors_free(&err);
        return 2;
    }
    if (err.errors) {
        /* a report missing rows would mislead: none is written until every row is right */
        prt_errors_print(&err, stderr);
        prt_errors_free(&err);
        prt_results_free(res);
        return 1;
    }
    char *map_svg = NULL;
    if (opt->map && !(map_svg = prt_read_file(opt->map, NULL))) {
        prt_errorf("%s: error: cannot read the map '%s'\n", opt->progname, opt->map);
        prt_results_free(res);
        prt_errors_free(&err);
        return 2;
    }
    prt_evaluation *ev = prt_evaluate(plan, res, period);
    if (opt->audit)
        prt_audit(out, ev);
    else if (opt->format == PRT_FORMAT_HTML)
        prt_report_html(out, ev, map_svg);
    else
        prt_report(out, ev, opt->format);
    free(map_svg);
    prt_evaluation_free(ev);
    prt_results_free(res);
    prt_errors_free(&err);
    return 0;
}

int prt_run(const prt_plan *plan, const prt_run_options *opt)
{
    prt_period period;
    const char *bad = NULL;
    if (!prt_period_parse(opt->period, strlen(opt->period), &period, &bad)) {
        prt_errorf("%s: error: invalid period '%s': %s\n", opt->progname, opt->period, bad);
        return 2;
    }
    if (plan->first_year && (period.year < plan->first_year || period.year > plan->last_year)) {
        prt_errorf("%s: error: period %s is outside the plan, which covers %d/%02d to %d/%02d\n", opt->progname,
                opt->period, plan->first_year, (plan->first_year + 1) % 100, plan->last_year,
                (plan->last_year + 1) % 100);
        return 2;
    }
    if (opt->output && (same_file(opt->output, opt->results) || same_file(opt->output, opt->map))) {
        prt_errorf("%s: error: the output '%s' is one of the inputs; refusing to overwrite it\n", opt->progname,
                opt->output);
        return 2;
    }
    /* the output is opened first: a report that cannot be written is said before a long read, and
     * the reading happens with the temporary in place (SIGINT then removes it: output.c) */
    prt_output out;
    char *why;
    if (!prt_output_open(&out, opt->output, &why)) {
        prt_output_report(opt->progname, why);
        return 2;
    }
    int status = rate_into(out.file, plan, opt, period);
    if (status != 0)
        prt_output_abandon(&out);
    else if (!prt_output_commit(&out, &why)) {
        prt_output_report(opt->progname, why);
        status = 2;
    }
    return status;
}

static const char *const report_formats[] = {"text", "csv", "json", "md", "html", NULL};

size_t prt_run_option_table(prt_option *table, prt_run_options *opt, const char **format)
{
    const prt_option entries[PRT_RUN_NOPTIONS] = {
        {.name = "results", .kind = PRT_OPT_STRING, .metavar = "FILE", .required = true, .dest = &opt->results,
         .help = "the results CSV (see docs/results.md)"},
        {.name = "period", .kind = PRT_OPT_STRING, .metavar = "P", .required = true, .dest = &opt->period,
         .help = "the period to rate: 2023/24, 2023/24 Q2, 2023/24 H1 or 2023/24 Jun"},
        {.name = "format", .kind = PRT_OPT_STRING, .metavar = "FORMAT", .choices = report_formats, .dest = format,
         .help = "text (default), csv, json, md or html"},
        {.name = "map", .kind = PRT_OPT_STRING, .metavar = "FILE.svg", .dest = &opt->map,
         .help = "with --format html: embed this map (from planc map -T svg)"},
        {.name = "audit", .kind = PRT_OPT_FLAG, .dest = &opt->audit,
         .help = "list published ratings that differ from the plan's method instead"},
        {.name = "output", .short_name = 'o', .kind = PRT_OPT_STRING, .metavar = "FILE", .dest = &opt->output,
         .help = "write to FILE (atomically) instead of standard output"},
        PRT_DIAGNOSTICS_FORMAT_OPTION(&opt->diagnostics_format),
        PRT_COLOR_OPTION(&opt->color),
    };
    memcpy(table, entries, sizeof entries);
    return PRT_RUN_NOPTIONS;
}

void prt_run_format(prt_run_options *opt, const char *format)
{
    if (!format || !prt_format_parse(format, &opt->format))
        opt->format = PRT_FORMAT_TEXT;
}

/* The evaluator's command line: its options, no positional argument. */
int prt_parse_options(int argc, char **argv, int first, prt_run_options *opt)
{
    prt_option table[PRT_RUN_NOPTIONS];
    const char *format = NULL;
    prt_command cmd = {
        .prog = opt->progname,
        .synopsis = "--results FILE --period P [OPTIONS]",
        .description = "Rates every indicator of the plan for period P (2023/24 or 2023/24 Q2) from a results CSV file.\n",
        .exit_status = "0 rated, 1 errors in the results, 2 usage or I/O failure.",
        .options = table,
        .noptions = prt_run_option_table(table, opt, &format),
        .args = "",
        .max_args = 0,
    };
    int status = prt_options_parse(&cmd, argc, argv, first);
    prt_command_free(&cmd);
    prt_run_format(opt, format);
    return status;
}

int prt_main(const prt_plan *plan, int argc, char **argv)
{
    prt_run_options opt;
    memset(&opt, 0, sizeof opt);
    opt.progname = argc > 0 ? argv[0] : "plan_eval";
    int rc = prt_parse_options(argc, argv, 1, &opt);
    if (rc >= 0)
        return rc;
    return prt_run(plan, &opt);
}
