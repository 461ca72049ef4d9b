/* One evaluation from files to a report: used by `planc eval` and by every generated evaluator. */
#include "escape.h"
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

static void usage(FILE *out, const char *prog)
{
    fprintf(out,
            "usage: %s --results FILE --period P [--format text|csv|json|md|html] [--map FILE.svg] [--audit] [-o FILE]\n"
            "\n"
            "Rates every indicator of the plan for period P (2023/24 or 2023/24 Q2) from a results CSV file.\n"
            "  --results FILE   the results (see docs/results.md)\n"
            "  --period P       the period to rate\n"
            "  --format F       text (default), csv, json, md or html\n"
            "  --map FILE.svg   with --format html: embed this map (from planc map -T svg)\n"
            "  --audit          list published ratings that differ from the plan's method instead\n"
            "  -o FILE          write to FILE (atomically) instead of standard output\n"
            "Exit status: 0 rated, 1 errors in the results, 2 usage or I/O failure.\n",
            prog);
}

/* Parses the evaluator's options from argv[first..]; returns -1 to go on, or an exit status. */
int prt_parse_options(int argc, char **argv, int first, prt_run_options *opt)
{
    for (int i = first; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
        const char *name = a;
        char buf[32];
        const char *eq = strchr(a, '=');
        if (strncmp(a, "--", 2) == 0 && eq && (size_t)(eq - a) < sizeof buf) {
            memcpy(buf, a, (size_t)(eq - a));
            buf[eq - a] = '\0';
            name = buf;
            val = eq + 1;
        }
        bool takes = strcmp(name, "--results") == 0 || strcmp(name, "--period") == 0 || strcmp(name, "--format") == 0 ||
                     strcmp(name, "-o") == 0 || strcmp(name, "--output") == 0 || strcmp(name, "--map") == 0;
        if (takes && !val) {
            if (i + 1 >= argc) {
                prt_errorf("%s: error: %s needs a value\n", opt->progname, name);
                return 2;
            }
            val = argv[++i];
        }
        if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
            usage(stdout, opt->progname);
            return 0;
        } else if (strcmp(name, "--results") == 0) {
            opt->results = val;
        } else if (strcmp(name, "--period") == 0) {
            opt->period = val;
        } else if (strcmp(name, "--format") == 0) {
            if (!prt_format_parse(val, &opt->format)) {
                prt_errorf("%s: error: unknown format '%s'; use text, csv, json, md or html\n", opt->progname, val);
                return 2;
            }
        } else if (strcmp(name, "-o") == 0 || strcmp(name, "--output") == 0) {
            opt->output = val;
        } else if (strcmp(name, "--map") == 0) {
            opt->map = val;
        } else if (strcmp(name, "--audit") == 0) {
            opt->audit = true;
        } else if (a[0] == '-') {
            prt_errorf("%s: error: unknown option '%s'\n", opt->progname, a);
            usage(stderr, opt->progname);
            return 2;
        } else if (opt->positional) {
            prt_errorf("%s: error: unexpected argument '%s'\n", opt->progname, a);
            return 2;
        } else {
            opt->positional = a;
        }
    }
    if (!opt->results || !opt->period) {
        prt_errorf("%s: error: --results and --period are required\n", opt->progname);
        usage(stderr, opt->progname);
        return 2;
    }
    return -1;
}

int prt_main(const prt_plan *plan, int argc, char **argv)
{
    prt_run_options opt;
    memset(&opt, 0, sizeof opt);
    opt.progname = argc > 0 ? argv[0] : "plan_eval";
    int rc = prt_parse_options(argc, argv, 1, &opt);
    if (rc >= 0)
        return rc;
    if (opt.positional) {
        prt_errorf("%s: error: unexpected argument '%s'\n", opt.progname, opt.positional);
        return 2;
    }
    return prt_run(plan, &opt);
}
