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

static void check_usage(FILE *out)
{
    fputs("usage: planc check [OPTIONS] FILE...\n"
          "\n"
          "Parses and checks each plan (with the files it includes) and reports every problem.\n"
          "Exit status: 0 no errors, 1 errors in a plan, 2 usage or I/O failure.\n"
          "\n"
          "Options:\n"
          "  --werror              treat warnings as errors\n"
          "  --max-errors=N        stop after N errors (default 50, 0 for no limit)\n"
          "  --color=WHEN          colour diagnostics: auto (default), always, never\n"
          "  --diagnostics-format=FORMAT\n"
          "                        text (default), json (gcc's shape), sarif (2.1.0), github (workflow commands)\n"
          "  --summary             print what each plan contains (pillars, themes, outcomes ...)\n"
          "  -q, --quiet           print nothing; only the exit status tells\n" INCLUDE_DIR_HELP,
          out);
}

static void print_summary(FILE *out, const char *path, const Plan *plan)
{
    size_t transformation = 0, targeted = 0, monitor = 0, derived = 0;
    for (size_t i = 0; i < plan->themes.n; i++)
        transformation += ((const Theme *)plan->themes.items[i])->transformation;
    for (size_t i = 0; i < plan->indicators.n; i++) {
        const Indicator *in = plan->indicators.items[i];
        targeted += in->targets.n > 0 && in->polarity != PRT_POL_MONITOR;
        monitor += in->polarity == PRT_POL_MONITOR;
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
    fprintf(out, "  rating schemes: %zu, benchmarks: %zu, inputs: %zu\n", (size_t)plan->ratings.n,
            (size_t)plan->benchmarks.n, (size_t)plan->inputs.n);
}

static int check_with(int argc, char **argv, const IncludeDirs *dirs)
{
    bool werror = false, quiet = false, summary = false;
    long max_errors = 50;
    int color = -1; /* auto */
    const char *format = "text";
    const char **files = calloc((size_t)argc, sizeof *files);
    int nfiles = 0;
    bool options_done = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (options_done || a[0] != '-' || strcmp(a, "-") == 0) {
            files[nfiles++] = a;
        } else if (strcmp(a, "--") == 0) {
            options_done = true;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            check_usage(stdout);
            free(files);
            return EXIT_CLEAN;
        } else if (strcmp(a, "--werror") == 0) {
            werror = true;
        } else if (strcmp(a, "--summary") == 0) {
            summary = true;
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            quiet = true;
        } else if (strncmp(a, "--max-errors=", 13) == 0) {
            char *end;
            max_errors = strtol(a + 13, &end, 10);
            if (*end || end == a + 13 || max_errors < 0 || max_errors > 100000) {
                prt_errorf("planc: error: --max-errors takes a whole number from 0 to 100000\n");
                free(files);
                return EXIT_USAGE;
            }
        } else if (strncmp(a, "--diagnostics-format=", 21) == 0) {
            format = a + 21;
            if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0 && strcmp(format, "sarif") != 0 &&
                strcmp(format, "github") != 0) {
                prt_errorf("planc: error: --diagnostics-format takes text, json, sarif or github\n");
                free(files);
                return EXIT_USAGE;
            }
        } else if (strncmp(a, "--color=", 8) == 0) {
            const char *w = a + 8;
            if (strcmp(w, "always") == 0)
                color = 1;
            else if (strcmp(w, "never") == 0)
                color = 0;
            else if (strcmp(w, "auto") == 0)
                color = -1;
            else {
                prt_errorf("planc: error: --color takes auto, always or never\n");
                free(files);
                return EXIT_USAGE;
            }
        } else {
            prt_errorf("planc: error: unknown option '%s' for 'check'\n", a);
            check_usage(stderr);
            free(files);
            return EXIT_USAGE;
        }
    }
    if (nfiles == 0) {
        prt_errorf("planc: error: no plan file given\n");
        check_usage(stderr);
        free(files);
        return EXIT_USAGE;
    }
    if (color < 0)
        color = isatty(STDERR_FILENO) && getenv("NO_COLOR") == NULL;

    SourceSet sources;
    sources_init(&sources);
    Diag diag;
    diag_init(&diag, &sources);
    diag.werror = werror;
    diag.max_errors = (unsigned)max_errors;
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
    free(files);
    return status;
}

int cmd_check(int argc, char **argv) { return with_include_dirs("check", argc, argv, check_with); }
