/* planc check FILE...: load, check and report; the exit status says whether there were errors. */
#include "check.h"
#include "driver.h"
#include "escape.h"
#include "load.h"
#include "plan_load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void print_summary(FILE *out, const char *path, const Plan *plan)
{
    size_t transformation = 0, targeted = 0, monitor = 0, derived = 0;
    for (size_t i = 0; i < plan->themes.n; i++)
        transformation += ((const Theme *)plan->themes.items[i])->transformation;
    for (size_t i = 0; i < plan->indicators.n; i++) {
        const Indicator *in = plan->indicators.items[i];
        /* a `target monitor` is no target to rate against: an indicator with only those is monitored */
        size_t rated = 0;
        for (size_t t = 0; t < in->targets.n; t++)
            rated += ((const Target *)in->targets.items[t])->spec.kind != PRT_TARGET_MONITOR;
        bool monitored = in->polarity == PRT_POL_MONITOR || (in->targets.n > 0 && rated == 0);
        targeted += rated > 0 && !monitored;
        monitor += monitored;
        derived += in->formula != NULL;
    }
    prt_buf line = {0};
    prt_esc_terminal(&line, path);
    prt_buf_puts(&line, ": \"");
    prt_esc_terminal(&line, plan->header.name ? plan->header.name : "(no plan header)");
    prt_buf_puts(&line, "\"\n");
    prt_buf_flush(&line, out);
    prt_buf_free(&line);
    fprintf(out, "  %zu pillars, %zu themes (%zu transformation workstreams), %zu outcomes, %zu activities\n",
            (size_t)plan->pillars.n, (size_t)plan->themes.n, transformation, (size_t)plan->outcomes.n,
            (size_t)plan->activities.n);
    fprintf(out, "  %zu indicators: %zu with targets, %zu monitor only, %zu derived\n", (size_t)plan->indicators.n, targeted,
            monitor, derived);
    fprintf(out, "  rating schemes: %zu, delivery schemes: %zu, benchmarks: %zu, inputs: %zu\n", (size_t)plan->ratings.n,
            (size_t)plan->deliveries.n, (size_t)plan->benchmarks.n, (size_t)plan->inputs.n);
}

/* What the command line asked for. */
typedef struct CheckArgs {
    bool werror, quiet, summary;
    long max_errors;
    const char *format, *color;
    prt_opt_list include;
} CheckArgs;

/* Reads the options into a and the files into cmd->arg; -1 to go on, else the exit status. */
static int check_parse(prt_command *cmd, const prt_option *options, size_t n, int argc, char **argv)
{
    *cmd = (prt_command){
        .prog = "planc check",
        .synopsis = "[OPTIONS] FILE...",
        .description = "Parses and checks each plan (with the files it includes) and reports every problem.\n",
        .exit_status = "0 no errors, 1 errors in a plan, 2 usage or I/O failure.",
        .options = options,
        .noptions = n,
        .args = "FILE...",
        .min_args = 1,
        .max_args = -1,
    };
    return prt_options_parse(cmd, argc, argv, 1);
}

static int check_files(const CheckArgs *a, const char *const *files, int nfiles, const IncludeDirs *dirs)
{
    bool werror = a->werror, quiet = a->quiet, summary = a->summary;
    const char *format = a->format;
    int color = strcmp(a->color, "always") == 0 ? 1 : strcmp(a->color, "never") == 0 ? 0 : -1;
    if (color < 0)
        color = isatty(STDERR_FILENO) && getenv("NO_COLOR") == NULL;

    SourceSet sources;
    sources_init(&sources);
    Diag diag;
    diag_init(&diag, &sources);
    diag.werror = werror;
    diag.max_errors = (unsigned)a->max_errors;
    bool io_error = false;
    for (int i = 0; i < nfiles && !diag.stopped; i++) {
        Plan plan;
        plan_model_init(&plan);
        if (load_plan(&plan, &sources, &diag, files[i], dirs) == LOAD_IO_ERROR)
            io_error = true;
        else if (!diag.stopped) {
            check_plan(&plan, &diag);
            if (summary && !quiet)
                print_summary(stdout, files[i], &plan);
        }
        plan_model_free(&plan);
    }
    /* machine formats go to standard output, where a CI step can capture them whole */
    if (quiet)
        ;
    else if (strcmp(format, "json") == 0)
        diag_print_json(&diag, stdout);
    else if (strcmp(format, "sarif") == 0)
        diag_print_sarif(&diag, stdout);
    else if (strcmp(format, "github") == 0)
        diag_print_github(&diag, stdout);
    else
        diag_print_text(&diag, stderr, color != 0);
    int status = io_error ? EXIT_USAGE : diag.errors ? EXIT_PLAN_ERRORS : EXIT_CLEAN;
    diag_free(&diag);
    sources_free(&sources);
    return status;
}

int cmd_check(int argc, char **argv)
{
    CheckArgs a = {.max_errors = 50, .format = "text", .color = "auto"};
    const prt_option options[] = {
        {.name = "werror", .kind = PRT_OPT_FLAG, .dest = &a.werror, .help = "treat warnings as errors"},
        {.name = "max-errors", .kind = PRT_OPT_INT, .metavar = "N", .min = 0, .max = 100000, .dest = &a.max_errors,
         .help = "stop after N errors (default 50, 0 for no limit)"},
        PRT_COLOR_OPTION(&a.color),
        PRT_DIAGNOSTICS_FORMAT_OPTION(&a.format),
        {.name = "summary", .kind = PRT_OPT_FLAG, .dest = &a.summary,
         .help = "print what each plan contains (pillars, themes, outcomes ...)"},
        {.name = "quiet", .short_name = 'q', .kind = PRT_OPT_FLAG, .dest = &a.quiet,
         .help = "print nothing; only the exit status tells"},
        INCLUDE_DIR_OPTION(&a.include),
    };
    prt_command cmd;
    IncludeDirs dirs = {0};
    int status = check_parse(&cmd, options, sizeof options / sizeof options[0], argc, argv);
    if (status < 0)
        status = include_dirs_resolve(&dirs, "check", &a.include);
    if (status < 0)
        status = check_files(&a, cmd.arg, cmd.narg, &dirs);
    include_dirs_free(&dirs);
    prt_command_free(&cmd);
    return status;
}
