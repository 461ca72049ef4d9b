/* planc eval PLAN --results FILE --period P: rate the plan's indicators without compiling anything,
 * through the same runtime the generated evaluators use. */
#include "driver.h"
#include "escape.h"
#include "plan_load.h"
#include "tables.h"

#include <stdio.h>
#include <string.h>

static int eval_with(int argc, char **argv, const IncludeDirs *dirs)
{
    prt_run_options opt;
    memset(&opt, 0, sizeof opt);
    opt.progname = "planc eval";
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            printf("usage: planc eval PLAN --results FILE --period P [--format text|csv|json|md] [--audit] [-o FILE]\n"
                   "\n"
                   "Rates every indicator of PLAN for period P from the results CSV, exactly as the evaluator\n"
                   "'planc build' makes would.  --audit lists the published ratings that the plan's declared method\n"
                   "does not reproduce.  Exit status: 0 rated, 1 errors in the plan or the results, 2 usage or I/O failure.\n" INCLUDE_DIR_HELP);
            return EXIT_CLEAN;
        }
    int rc = prt_parse_options(argc, argv, 1, &opt);
    if (rc >= 0)
        return rc;
    if (!opt.positional) {
        prt_errorf("planc eval: error: no plan file given\n");
        return EXIT_USAGE;
    }
    if (opt.output && (same_file(opt.output, opt.positional) || same_file(opt.output, opt.results))) {
        prt_errorf("planc eval: error: the output '%s' is one of the inputs; refusing to overwrite it\n", opt.output);
        return EXIT_USAGE;
    }
    LoadedPlan lp;
    int status = loaded_plan_open(&lp, opt.positional, dirs);
    const char *others[] = {opt.results, opt.map};
    if (status == EXIT_CLEAN && refuse_overwriting_input("eval", "output", opt.output, &lp, others, 2))
        status = EXIT_USAGE;
    if (status == EXIT_CLEAN)
        status = prt_run(plan_tables(&lp.plan), &opt);
    loaded_plan_free(&lp);
    return status;
}

int cmd_eval(int argc, char **argv) { return with_include_dirs("eval", argc, argv, eval_with); }
