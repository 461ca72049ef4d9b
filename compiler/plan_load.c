/* Loading and checking a plan for the commands that use it, their shared --include-dir option, and
 * the guard that keeps their outputs off every file the plan was read from. */
#include "plan_load.h"
#include "check.h"
#include "driver.h"
#include "escape.h"
#include "output.h"
#include "xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int loaded_plan_open(LoadedPlan *lp, const char *path, const IncludeDirs *dirs)
{
    return loaded_plan_open_as(lp, path, dirs, NULL, NULL);
}

int loaded_plan_open_as(LoadedPlan *lp, const char *path, const IncludeDirs *dirs, const char *diagnostics_format,
                        const char *color)
{
    sources_init(&lp->sources);
    diag_init(&lp->diag, &lp->sources);
    plan_model_init(&lp->plan);
    LoadStatus st = load_plan(&lp->plan, &lp->sources, &lp->diag, path, dirs);
    if (st == LOAD_OK && !lp->diag.stopped)
        check_plan(&lp->plan, &lp->diag);
    if (st == LOAD_OK && !lp->diag.errors)
        load_digest(&lp->plan, &lp->sources);
    if (st != LOAD_OK || lp->diag.errors) {
        lp->diag.hide_warnings = true;   /* warnings are `planc check`'s business */
        prt_diag_format format = PRT_DIAG_TEXT;
        bool colored = false;
        prt_diag_format_parse(diagnostics_format, &format);
        prt_diag_color_parse(color, stderr, &colored);
        prt_diag_print(&lp->diag, format, colored);
        return st != LOAD_OK ? EXIT_USAGE : EXIT_PLAN_ERRORS;
    }
    return EXIT_CLEAN;
}

void loaded_plan_free(LoadedPlan *lp)
{
    plan_model_free(&lp->plan);
    diag_free(&lp->diag);
    sources_free(&lp->sources);
}

const char *input_named_by(const char *output, const LoadedPlan *lp, const char *const *others, size_t nothers)
{
    for (uint32_t f = 1; f < lp->sources.nfiles; f++) {
        const SourceFile *sf = sources_get(&lp->sources, f);
        if (prt_same_file(output, sf->path))
            return sf->path;
    }
    for (size_t i = 0; i < nothers; i++)
        if (prt_same_file(output, others[i]))
            return others[i];
    return NULL;
}

bool refuse_overwriting_input(const char *cmd, const char *what, const char *output, const LoadedPlan *lp,
                              const char *const *others, size_t nothers)
{
    bool to_stdout = !output || strcmp(output, "-") == 0;
    const char *input = to_stdout ? NULL : input_named_by(output, lp, others, nothers);
    if (input && strcmp(input, output) == 0)
        prt_errorf("planc %s: error: the %s '%s' is one of the inputs; refusing to overwrite it\n", cmd, what, output);
    else if (input)
        prt_errorf("planc %s: error: the %s '%s' is the input '%s'; refusing to overwrite it\n", cmd, what, output,
                input);
    return input != NULL;
}

/* Adds DIR, as its real path; false after saying why when it is not a directory. */
static bool include_dir_add(IncludeDirs *dirs, const char *cmd, const char *dir)
{
    char *real = realpath(dir, NULL);
    struct stat st;
    if (!real || stat(real, &st) != 0 || !S_ISDIR(st.st_mode)) {
        prt_errorf("planc %s: error: --include-dir '%s': %s\n", cmd, dir, real ? "not a directory" : strerror(errno));
        free(real);
        return false;
    }
    dirs->real = xrealloc(dirs->real, (dirs->n + 1) * sizeof *dirs->real);
    dirs->real[dirs->n++] = real;
    return true;
}

int include_dirs_resolve(IncludeDirs *dirs, const char *cmd, const prt_opt_list *given)
{
    dirs->real = NULL;
    dirs->n = 0;
    for (size_t i = 0; i < given->n; i++) {
        if (!given->items[i][0]) {
            prt_errorf("planc %s: error: --include-dir needs a directory\n", cmd);
            return EXIT_USAGE;
        }
        if (!include_dir_add(dirs, cmd, given->items[i]))
            return EXIT_USAGE;
    }
    return -1;
}

int plan_command_parse(prt_command *cmd, const char *name, int argc, char **argv, const prt_opt_list *include,
                       IncludeDirs *dirs, const char **plan)
{
    dirs->real = NULL;
    dirs->n = 0;
    int status = prt_options_parse(cmd, argc, argv, 1);
    if (status < 0)
        status = include_dirs_resolve(dirs, name, include);
    *plan = cmd->narg ? cmd->arg[0] : NULL;
    prt_command_free(cmd);
    return status;
}

void include_dirs_free(IncludeDirs *dirs)
{
    for (size_t i = 0; i < dirs->n; i++)
        free(dirs->real[i]);
    free(dirs->real);
    dirs->real = NULL;
    dirs->n = 0;
}
