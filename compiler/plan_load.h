/* Loading and checking a plan for the commands that go on to use it (eval, compile, build). */
#ifndef PLANC_PLAN_LOAD_H
#define PLANC_PLAN_LOAD_H

#include "ast.h"
#include "diag.h"

typedef struct LoadedPlan {
    SourceSet sources;
    Diag diag;
    Plan plan;
} LoadedPlan;

/* Loads and checks; on errors prints them and returns the exit status (1 or 2), else 0.
 * Warnings are left to `planc check`.  The caller frees with loaded_plan_free in every case. */
int loaded_plan_open(LoadedPlan *lp, const char *path);
void loaded_plan_free(LoadedPlan *lp);
/* Whether two paths name the same existing file (to refuse writing over an input). */
int same_file(const char *a, const char *b);

#endif
