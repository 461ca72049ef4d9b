/* planc eval PLAN --results FILE --period P: rate the plan's indicators without compiling anything,
 * through the same runtime the generated evaluators use. */
#include "driver.h"
#include "escape.h"
#include "output.h"
#include "plan_load.h"
#include "tables.h"

#include <stdio.h>
#include <string.h>

/* Rates the plan at opt->positional with the options given. */
static int eval_run(prt_run_options *opt, const IncludeDirs *dirs)
{
    bool clash = opt->output && prt_same_file(opt->output, opt->positional);
    for (size_t i = 0; i < opt->nresults && opt->output && !clash; i++)
        clash = prt_same_file(opt->output, opt->results[i]);
    if (clash) {
        prt_errorf("planc eval: error: the output '%s' is one of the inputs; refusing to overwrite it\n", opt->output);
        return EXIT_USAGE;
    }
    LoadedPlan lp;
    int status = loaded_plan_open_as(&lp, opt->positional, dirs, opt->diagnostics_format, opt->color);
    if (status == EXIT_CLEAN && (refuse_overwriting_input("eval", "output", opt->output, &lp, &opt->map, 1) ||
                                 refuse_overwriting_input("eval", "output", opt->output, &lp, opt->results,
                                                          opt->nresults)))
        status = EXIT_USAGE;
    if (status == EXIT_CLEAN)
        status = prt_run(plan_tables(&lp.plan), opt);
    loaded_plan_free(&lp);
    return status;
}

int cmd_eval(int argc, char **argv)
{
    prt_run_options opt;
    memset(&opt, 0, sizeof opt);
    opt.progname = "planc eval";
    const char *format = NULL, *ratings = NULL;
    prt_opt_list include = {0}, results = {0};
    prt_option options[PRT_RUN_NOPTIONS + 1];
    size_t n = prt_run_option_table(options, &opt, &format, &ratings, &results);
    options[n++] = (prt_option)INCLUDE_DIR_OPTION(&include);
    prt_command cmd = {
        .prog = "planc eval",
        .synopsis = "PLAN --results FILE... --period P [OPTIONS]",
        .description = "Rates every indicator of PLAN for period P from the results CSV files (one per period, or a\n"
                       "directory of them), exactly as the evaluator 'planc build' makes would.  --history N reports\n"
                       "the N periods up to P.  --audit lists the published ratings that the plan's declared method\n"
                       "does not reproduce, in any --format.  --ratings record reports the ratings of record (the\n"
                       "published rating where the results or the plan give one, else the method's), the method's\n"
                       "band beside each.\n",
        .exit_status = "0 rated, 1 errors in the plan or the results, 2 usage or I/O failure.",
        .options = options,
        .noptions = n,
        .args = "PLAN",
        .min_args = 1,
        .max_args = 1,
    };
    IncludeDirs dirs = {0};
    int status = prt_options_parse(&cmd, argc, argv, 1);
    if (status < 0)
        status = include_dirs_resolve(&dirs, "eval", &include);
    if (status < 0) {
        opt.positional = cmd.arg[0];
        prt_run_take(&opt, format, ratings, &results);
        status = eval_run(&opt, &dirs);
    }
    prt_run_options_free(&opt);
    include_dirs_free(&dirs);
    prt_command_free(&cmd);
    return status;
}
