#include "plan_load.h"
#include "check.h"
#include "driver.h"
#include "load.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

int loaded_plan_open(LoadedPlan *lp, const char *path)
{
    sources_init(&lp->sources);
    diag_init(&lp->diag, &lp->sources);
    plan_model_init(&lp->plan);
    LoadStatus st = load_plan(&lp->plan, &lp->sources, &lp->diag, path);
    if (st == LOAD_OK && !lp->diag.stopped)
        check_plan(&lp->plan, &lp->diag);
    if (st != LOAD_OK || lp->diag.errors) {
        lp->diag.hide_warnings = true;   /* warnings are `planc check`'s business */
        diag_print_text(&lp->diag, stderr, isatty(STDERR_FILENO) && !getenv("NO_COLOR"));
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

int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (!a || !b || stat(a, &sa) != 0 || stat(b, &sb) != 0)
        return 0;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
