/* One evaluation from files to a report: used by `planc eval` and by every generated evaluator. */
#include "escape.h"
#include "options.h"
#include "output.h"
#include "planrt.h"
#include "workbook.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* ---- the pipeline ---- */

bool prt_plan_period(const prt_plan *plan, const char *text, const char *progname, prt_period *out)
{
    const char *bad = NULL;
    if (!prt_period_parse(text, strlen(text), out, &bad)) {
        prt_errorf("%s: error: invalid period '%s': %s\n", progname, text, bad);
        return false;
    }
    if (plan->first_year && (out->year < plan->first_year || out->year > plan->last_year)) {
        prt_errorf("%s: error: period %s is outside the plan, which covers %d/%02d to %d/%02d\n", progname, text,
                   plan->first_year, (plan->first_year + 1) % 100, plan->last_year, (plan->last_year + 1) % 100);
        return false;
    }
    return true;
}

/* The date a report says it was produced, as YYYY-MM-DD: --date as given (checked), else the
 * reproducible-builds SOURCE_DATE_EPOCH (seconds since 1970, UTC), else today.  False after saying
 * what is wrong. */
static bool produced_date(const prt_run_options *opt, char out[16])
{
    if (opt->date) {
        int y, m, d;
        char end;
        if (strlen(opt->date) != 10 || sscanf(opt->date, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 || m < 1 || m > 12 ||
            d < 1 || d > 31 || opt->date[4] != '-' || opt->date[7] != '-') {
            prt_errorf("%s: error: --date takes a date as YYYY-MM-DD, not '%s'\n", opt->progname, opt->date);
            return false;
        }
        memcpy(out, opt->date, 11);
        return true;
    }
    time_t t = time(NULL);
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    if (epoch && *epoch) {
        char *end;
        errno = 0;
        long long v = strtoll(epoch, &end, 10);
        if (*end || errno || v < 0 || v > 253402300799LL) {
            prt_errorf("%s: error: SOURCE_DATE_EPOCH must be a number of seconds since 1970, not '%s'\n",
                       opt->progname, epoch);
            return false;
        }
        t = (time_t)v;
    }
    struct tm tm;
    if (!gmtime_r(&t, &tm) || strftime(out, 16, "%Y-%m-%d", &tm) == 0)
        strcpy(out, "1970-01-01");
    return true;
}

/* Whether a workbook report can be written as asked: the Excel part is in (a generated evaluator is
 * built with it by `planc build --xlsx`), no --audit or --map (text formats), and not onto a terminal. */
static bool xlsx_report_possible(const prt_run_options *opt)
{
    const char *why = NULL;
    if (!prt_xlsx)
        why = "--format xlsx needs the Excel part, which this evaluator was built without: build it with "
              "`planc build --xlsx`, or use `planc eval`";
    else if (opt->audit)
        why = "--audit is written as text, csv, json, md or html, not xlsx";
    else if (opt->map)
        why = "--map embeds the map in the html report; a workbook cannot hold it";
    else if ((!opt->output || strcmp(opt->output, "-") == 0) && isatty(STDOUT_FILENO))
        why = "an .xlsx workbook is binary: give -o FILE.xlsx, or redirect standard output";
    if (why)
        prt_errorf("%s: error: %s\n", opt->progname, why);
    return !why;
}

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
    if (!prt_plan_period(plan, opt->period, opt->progname, &s->period) || !produced_date(opt, s->produced))
        return 2;
    if (opt->nresults == 0) {
        prt_errorf("%s: error: --results is required\n", opt->progname);
        return 2;
    }
    if (opt->format == PRT_FORMAT_XLSX && !xlsx_report_possible(opt))
        return 2;
    bool clash = opt->output && prt_same_file(opt->output, opt->map);
    for (size_t i = 0; i < opt->nresults && opt->output && !clash; i++)
        clash = prt_same_file(opt->output, opt->results[i]);
    if (clash) {
        prt_errorf("%s: error: the output '%s' is one of the inputs; refusing to overwrite it\n", opt->progname,
                   opt->output);
        return 2;
    }
    return -1;
}

/* The codes eval reports: the results' problems (R) and the data-quality flags (Q), SARIF's rules. */
static const prt_diag_code *eval_codes(size_t *n)
{
    static prt_diag_code codes[64];
    static size_t ncodes;
    if (!ncodes) {
        size_t nr;
        const prt_diag_code *r = prt_results_codes(&nr);
        for (size_t i = 0; i < nr && ncodes < 64; i++)
            codes[ncodes++] = r[i];
        for (int f = 0; f < PRT_N_QUALITY_FLAGS && ncodes < 64; f++)
            codes[ncodes++] = (prt_diag_code){prt_quality_codes[f], prt_quality_texts[f]};
    }
    *n = ncodes;
    return codes;
}

/* The engine for the results' problems: every one reported (no limit), the program named as the tool,
 * the R and Q codes as SARIF's rules. */
static void results_diag_init(prt_diag *diag, prt_source_set *sources, const prt_run_options *opt)
{
    prt_sources_init(sources);
    prt_diag_init(diag, sources);
    diag->max_errors = 0;
    diag->tool = opt->progname;
    diag->tool_version = PLANRT_VERSION;
    diag->rules = eval_codes(&diag->nrules);
}

/* Every data-quality flag of every period rated, as a warning at the figure (no place for a return
 * that is missing): eval says what it flags, as the reports show it. */
static void quality_warnings(prt_diag *diag, const prt_history *h)
{
    const prt_plan *plan = h->plan;
    for (int k = 0; k < h->n; k++)
        for (int i = 0; i < plan->nindicators; i++) {
            const prt_rating *r = &h->ev[k]->ratings[i];
            prt_pos at = r->row ? r->row->at : (prt_pos){0, 0, 0, 0};
            for (int f = 0; f < PRT_N_QUALITY_FLAGS; f++)
                if (r->quality & (1u << f))
                    prt_diag_warning_at(diag, at, prt_quality_codes[f], "'%s' in %s: %s",
                                        prt_indicator_label(&plan->indicators[i]), prt_period_text(r->period).s,
                                        r->quality_explanation[f]);
        }
}

int prt_session_rate(prt_session *s)
{
    prt_source_set sources;
    prt_diag diag;
    results_diag_init(&diag, &sources, s->opt);
    int n = s->opt->history > 1 ? (int)s->opt->history : 1;
    s->results = prt_results_read_history(s->plan, s->opt->results, s->opt->nresults, s->period, n, &diag);
    int status = !s->results ? 2 : diag.errors ? 1 : 0;
    if (status == 0) {
        s->history = prt_history_evaluate_on(s->plan, s->results, s->period, n, s->opt->ratings);
        s->history->produced = s->produced;
        s->evaluation = s->history->ev[s->history->n - 1];
        quality_warnings(&diag, s->history);
    }
    /* machine formats go to standard output, which the report has when it is written there (the
     * report carries the data-quality flags too) */
    bool report_on_stdout = !s->opt->output || strcmp(s->opt->output, "-") == 0;
    if (s->diagnostics_format == PRT_DIAG_TEXT || status != 0 || !report_on_stdout)
        prt_diag_print(&diag, s->diagnostics_format, s->color);
    prt_diag_free(&diag);
    prt_sources_free(&sources);
    return status;
}

void prt_session_close(prt_session *s)
{
    prt_history_free(s->history);
    prt_results_free(s->results);
    s->history = NULL;
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
    if (opt->format == PRT_FORMAT_XLSX) {
        char *why = NULL;
        bool written = prt_xlsx->report(out, s->history, &why);
        if (!written)
            prt_errorf("%s: error: %s\n", opt->progname, why ? why : "cannot write the workbook");
        free(why);
        free(map_svg);
        return written ? 0 : 2;
    }
    if (opt->audit)
        prt_audit_report(out, s->evaluation, opt->format);
    else if (opt->format == PRT_FORMAT_HTML)
        prt_report_html(out, s->history, map_svg);
    else
        prt_report(out, s->history, opt->format);
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

static const char *const report_formats[] = {"text", "csv", "json", "md", "html", "xlsx", NULL};
/* --ratings, in prt_ratings_basis order */
static const char *const ratings_bases[] = {"computed", "record", NULL};

size_t prt_run_option_table(prt_option *table, prt_run_options *opt, const char **format, const char **ratings,
                            prt_opt_list *results)
{
    const prt_option entries[PRT_RUN_NOPTIONS] = {
        {.name = "results", .kind = PRT_OPT_LIST, .metavar = "FILE", .required = true, .dest = results,
         .help = "a results CSV or a directory of them (docs/results.md); repeatable"},
        {.name = "period", .kind = PRT_OPT_STRING, .metavar = "P", .required = true, .dest = &opt->period,
         .help = "the period to rate: 2023/24, 2023/24 Q2, 2023/24 H1 or 2023/24 Jun"},
        {.name = "history", .kind = PRT_OPT_INT, .metavar = "N", .min = 1, .max = PRT_MAX_HISTORY, .dest = &opt->history,
         .help = "report the N periods up to P, each rated with the target in force then"},
        {.name = "date", .kind = PRT_OPT_STRING, .metavar = "YYYY-MM-DD", .dest = &opt->date,
         .help = "the date the report says it was produced (default: SOURCE_DATE_EPOCH, else today)"},
        {.name = "format", .kind = PRT_OPT_STRING, .metavar = "FORMAT", .choices = report_formats, .dest = format,
         .help = "text, csv, json, md, html or xlsx (default: by -o's extension, else text)"},
        {.name = "map", .kind = PRT_OPT_STRING, .metavar = "FILE.svg", .dest = &opt->map,
         .help = "with --format html: embed this map (from planc map -T svg)"},
        {.name = "audit", .kind = PRT_OPT_FLAG, .dest = &opt->audit,
         .help = "list published ratings that differ from the plan's method instead (in --format's format)"},
        {.name = "ratings", .kind = PRT_OPT_STRING, .metavar = "BASIS", .choices = ratings_bases, .dest = ratings,
         .help = "computed (default): bands by the plan's method; record: the published rating where there is one"},
        {.name = "output", .short_name = 'o', .kind = PRT_OPT_STRING, .metavar = "FILE", .dest = &opt->output,
         .help = "write to FILE (atomically) instead of standard output"},
        PRT_DIAGNOSTICS_FORMAT_OPTION(&opt->diagnostics_format),
        PRT_COLOR_OPTION(&opt->color),
    };
    memcpy(table, entries, sizeof entries);
    return PRT_RUN_NOPTIONS;
}

void prt_run_take(prt_run_options *opt, const char *format, const char *ratings, prt_opt_list *results)
{
    /* without --format, -o's extension says: `-o pack.xlsx` is a workbook, never text under that name */
    if ((!format || !prt_format_parse(format, &opt->format)) && !prt_format_of_path(opt->output, &opt->format))
        opt->format = PRT_FORMAT_TEXT;
    opt->ratings = ratings && strcmp(ratings, ratings_bases[PRT_RATINGS_RECORD]) == 0 ? PRT_RATINGS_RECORD
                                                                                      : PRT_RATINGS_COMPUTED;
    opt->results = results->items;
    opt->nresults = results->n;
    opt->results_owned = results->items;
    results->items = NULL;      /* the options now own them: prt_command_free leaves them */
    results->n = 0;
}

void prt_run_options_free(prt_run_options *opt)
{
    free(opt->results_owned);
    opt->results_owned = NULL;
    opt->results = NULL;
    opt->nresults = 0;
}

/* The evaluator's command line: its options, no positional argument. */
int prt_parse_options(int argc, char **argv, int first, prt_run_options *opt)
{
    prt_option table[PRT_RUN_NOPTIONS];
    const char *format = NULL, *ratings = NULL;
    prt_opt_list results = {0};
    prt_command cmd = {
        .prog = opt->progname,
        .synopsis = "--results FILE... --period P [OPTIONS]",
        .description = "Rates every indicator of the plan for period P (2023/24 or 2023/24 Q2) from results CSV files\n"
                       "(one per period, or a directory of them); --history N reports the N periods up to P.\n",
        .exit_status = "0 rated, 1 errors in the results, 2 usage or I/O failure.",
        .options = table,
        .noptions = prt_run_option_table(table, opt, &format, &ratings, &results),
        .args = "",
        .max_args = 0,
    };
    int status = prt_options_parse(&cmd, argc, argv, first);
    prt_run_take(opt, format, ratings, &results);
    prt_command_free(&cmd);
    return status;
}

int prt_main(const prt_plan *plan, int argc, char **argv)
{
    /* diagnostics are written a piece at a time; unbuffered, that is a system call each (planc's
     * main does the same, so both write the same bytes in the same order) */
    static char errbuf[1 << 16];
    setvbuf(stderr, errbuf, _IOFBF, sizeof errbuf);
    prt_run_options opt;
    memset(&opt, 0, sizeof opt);
    opt.progname = argc > 0 ? argv[0] : "plan_eval";
    int rc = prt_parse_options(argc, argv, 1, &opt);
    if (rc < 0)
        rc = prt_run(plan, &opt);
    prt_run_options_free(&opt);
    return rc;
}
