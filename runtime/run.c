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

/* ---- the pipeline ---- */

int prt_session_open(prt_session *s, const prt_plan *plan, const prt_run_options *opt)
{
    memset(s, 0, sizeof *s);
    s->plan = plan;
    s->opt = opt;
    if (!prt_diag_format_parse(opt->diagnostics_format, &s->diagnostics_format)) {
        prt_errorf("%s: error: --diagnostics-format takes text, json, sarif or github\n", opt->progname);
        return 2;
    }
    if (!prt_diag_color_parse(opt->color, stderr, &s->color)) {
        prt_errorf("%s: error: --color takes auto, always or never\n", opt->progname);
        return 2;
    }
    const char *bad = NULL;
    if (!prt_period_parse(opt->period, strlen(opt->period), &s->period, &bad)) {
        prt_errorf("%s: error: invalid period '%s': %s\n", opt->progname, opt->period, bad);
        return 2;
    }
    if (plan->first_year && (s->period.year < plan->first_year || s->period.year > plan->last_year)) {
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
    return -1;
}

/* The engine for the results' problems: every one reported (no limit), the program named as the tool,
 * the R codes as SARIF's rules. */
static void results_diag_init(prt_diag *diag, prt_source_set *sources, const prt_run_options *opt)
{
    prt_sources_init(sources);
    prt_diag_init(diag, sources);
    diag->max_errors = 0;
    diag->tool = opt->progname;
    diag->tool_version = PLANRT_VERSION;
    diag->rules = prt_results_codes(&diag->nrules);
}

int prt_session_rate(prt_session *s)
{
    prt_source_set sources;
    prt_diag diag;
    results_diag_init(&diag, &sources, s->opt);
    s->results = prt_results_read_for(s->plan, s->opt->results, s->period, &diag);
    int status = !s->results ? 2 : diag.errors ? 1 : 0;
    /* machine formats go to standard output, which the report has when it is written there */
    bool report_on_stdout = !s->opt->output || strcmp(s->opt->output, "-") == 0;
    if (s->diagnostics_format == PRT_DIAG_TEXT || status != 0 || !report_on_stdout)
        prt_diag_print(&diag, s->diagnostics_format, s->color);
    prt_diag_free(&diag);
    prt_sources_free(&sources);
    if (status == 0)
        s->evaluation = prt_evaluate(s->plan, s->results, s->period);
    return status;
}

void prt_session_close(prt_session *s)
{
    prt_evaluation_free(s->evaluation);
    prt_results_free(s->results);
    s->evaluation = NULL;
    s->results = NULL;
}

int prt_rate_results(prt_session *s, const prt_plan *plan, const prt_run_options *opt)
{
    int status = prt_session_open(s, plan, opt);
    return status >= 0 ? status : prt_session_rate(s);
}

/* ---- the evaluator ---- */

/* Reads the results (and the map), rates the period and writes the report to out; the exit status. */
static int rate_into(FILE *out, prt_session *s)
{
    const prt_run_options *opt = s->opt;
    char *map_svg = NULL;
    int status = prt_session_rate(s);
    if (status != 0)
        return status;
    if (opt->map && !(map_svg = prt_read_file(opt->map, NULL))) {
        prt_errorf("%s: error: cannot read the map '%s'\n", opt->progname, opt->map);
        return 2;
    }
    if (opt->audit)
        prt_audit(out, s->evaluation);
    else if (opt->format == PRT_FORMAT_HTML)
        prt_report_html(out, s->evaluation, map_svg);
    else
        prt_report(out, s->evaluation, opt->format);
    free(map_svg);
    return 0;
}

int prt_run(const prt_plan *plan, const prt_run_options *opt)
{
    prt_session s;
    int status = prt_session_open(&s, plan, opt);
    if (status >= 0) {
        prt_session_close(&s);
        return status;
    }
    /* the output is opened first: a report that cannot be written is said before a long read, and
     * the reading happens with the temporary in place (SIGINT then removes it: output.c) */
    prt_output out;
    char *why;
    if (!prt_output_open(&out, opt->output, &why)) {
        prt_output_report(opt->progname, why);
        prt_session_close(&s);
        return 2;
    }
    status = rate_into(out.file, &s);
    if (status != 0)
        prt_output_abandon(&out);
    else if (!prt_output_commit(&out, &why)) {
        prt_output_report(opt->progname, why);
        status = 2;
    }
    prt_session_close(&s);
    return status;
}

static void usage(FILE *out, const char *prog)
{
    fprintf(out,
            "usage: %s --results FILE --period P [--format text|csv|json|md|html] [--map FILE.svg] [--audit] [-o FILE]\n"
            "       [--diagnostics-format=text|json|sarif|github] [--color=auto|always|never]\n"
            "\n"
            "Rates every indicator of the plan for period P (2023/24 or 2023/24 Q2) from a results CSV file.\n"
            "  --results FILE   the results (see docs/results.md)\n"
            "  --period P       the period to rate\n"
            "  --format F       text (default), csv, json, md or html\n"
            "  --map FILE.svg   with --format html: embed this map (from planc map -T svg)\n"
            "  --audit          list published ratings that differ from the plan's method instead\n"
            "  -o FILE          write to FILE (atomically) instead of standard output\n"
            "  --diagnostics-format=F  problems in the results as text (default, on standard error), json,\n"
            "                   sarif or github (on standard output)\n"
            "  --color=WHEN     colour the problems: auto (default), always, never\n"
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
                     strcmp(name, "-o") == 0 || strcmp(name, "--output") == 0 || strcmp(name, "--map") == 0 ||
                     strcmp(name, "--diagnostics-format") == 0 || strcmp(name, "--color") == 0;
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
        } else if (strcmp(name, "--diagnostics-format") == 0) {
            opt->diagnostics_format = val;
        } else if (strcmp(name, "--color") == 0) {
            opt->color = val;
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
