/* Loading and checking a plan for the commands that go on to use it (eval, compile, build). */
#ifndef PLANC_PLAN_LOAD_H
#define PLANC_PLAN_LOAD_H

#include "ast.h"
#include "diag.h"
#include "load.h"
#include "options.h"

typedef struct LoadedPlan {
    SourceSet sources;
    Diag diag;
    Plan plan;
} LoadedPlan;

/* Loads and checks; on errors prints them and returns the exit status (1 or 2), else 0.
 * Warnings are left to `planc check`.  Includes may come from the plan's tree and from dirs (or NULL).  The caller frees with loaded_plan_free in every case. */
int loaded_plan_open(LoadedPlan *lp, const char *path, const IncludeDirs *dirs);
/* The same, printing the plan's errors as --diagnostics-format and --color say (NULL: text, auto;
 * the option tables have checked the words): machine formats go to standard output, as check's do. */
int loaded_plan_open_as(LoadedPlan *lp, const char *path, const IncludeDirs *dirs, const char *diagnostics_format,
                        const char *color);
void loaded_plan_free(LoadedPlan *lp);
/* The input that writing output would overwrite: one of the files the plan was loaded from (the plan
 * and every file it includes) or one of the nothers paths in others (NULL entries skipped); NULL if none. */
const char *input_named_by(const char *output, const LoadedPlan *lp, const char *const *others, size_t nothers);
/* If output (NULL: standard output) is an input, says so ("planc CMD: error: the WHAT 'output' is the
 * input ...; refusing to overwrite it") and returns true.  For after loading, when the includes are known. */
bool refuse_overwriting_input(const char *cmd, const char *what, const char *output, const LoadedPlan *lp,
                              const char *const *others, size_t nothers);

/* The --include-dir entry of every command that reads plans (repeatable): its values go into list, a
 * prt_opt_list, which include_dirs_resolve then turns into real paths. */
#define INCLUDE_DIR_OPTION(list)                                                                           \
    {.name = "include-dir", .short_name = 'I', .kind = PRT_OPT_LIST, .metavar = "DIR", .dest = (list),     \
     .help = "also take includes from DIR's tree (repeatable; never /proc, /sys, /dev)"}
/* The directories --include-dir gave, into dirs as real paths.  Returns -1, or the exit status after
 * an error message (a missing or non-directory DIR).  The caller frees dirs with include_dirs_free
 * in every case. */
int include_dirs_resolve(IncludeDirs *dirs, const char *cmd, const prt_opt_list *given);
/* The command line of a command that reads one PLAN: argv parsed by cmd's table, then the
 * --include-dir values (include) resolved into dirs (planc NAME in messages), the PLAN argument into
 * *plan (NULL if parsing failed), and what parsing allocated freed.  -1 to go on, else the exit status
 * after a message.  The caller frees dirs with include_dirs_free in every case. */
int plan_command_parse(prt_command *cmd, const char *name, int argc, char **argv, const prt_opt_list *include,
                       IncludeDirs *dirs, const char **plan);
void include_dirs_free(IncludeDirs *dirs);

#endif
