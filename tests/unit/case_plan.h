/* For the unit tests that rate small plans case by case (test_rating.c, test_delivery.c): a plan's
 * text loaded and checked through a temporary file, as planc loads a plan, and a results text read
 * against it.  Header-only: each test binary includes it once. */
#ifndef PLANC_TEST_CASE_PLAN_H
#define PLANC_TEST_CASE_PLAN_H

#include "ast.h"
#include "check.h"
#include "diag.h"
#include "load.h"
#include "planrt.h"
#include "tables.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct CasePlan {
    SourceSet sources;
    Diag diag;
    Plan plan;
    const prt_plan *tables;     /* NULL when the plan did not check */
    char error[512];            /* why, when it did not */
    prt_source_set rsources;    /* the results' */
    prt_diag rdiag;
    prt_results *results;
} CasePlan;

/* Loads and checks text; false (with c->error) when it cannot be written or does not check. */
static bool case_plan_load(CasePlan *c, const char *text)
{
    memset(c, 0, sizeof *c);
    sources_init(&c->sources);
    diag_init(&c->diag, &c->sources);
    plan_model_init(&c->plan);
    prt_sources_init(&c->rsources);
    prt_diag_init(&c->rdiag, &c->rsources);
    char path[] = "/tmp/planc-case-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fd < 0 ? NULL : fdopen(fd, "w");
    if (!f) {
        snprintf(c->error, sizeof c->error, "cannot make a temporary file");
        return false;
    }
    fputs(text, f);
    fclose(f);
    load_plan(&c->plan, &c->sources, &c->diag, path, NULL);
    check_plan(&c->plan, &c->diag);
    unlink(path);
    if (c->diag.errors) {
        snprintf(c->error, sizeof c->error, "the plan has errors: %s", c->diag.n ? c->diag.items[0].message : "?");
        return false;
    }
    c->tables = plan_tables(&c->plan);
    return true;
}

/* Reads csv against the plan and rates period p; NULL (with c->error) after a results error. */
static prt_evaluation *case_plan_evaluate(CasePlan *c, const char *csv, const char *period)
{
    c->results = prt_results_parse(c->tables, "case.csv", csv, strlen(csv), &c->rdiag);
    if (c->rdiag.errors) {
        snprintf(c->error, sizeof c->error, "results error: %s", c->rdiag.items[0].message);
        return NULL;
    }
    prt_period p;
    prt_period_parse(period, strlen(period), &p, NULL);
    return prt_evaluate(c->tables, c->results, p);
}

static void case_plan_free(CasePlan *c)
{
    prt_results_free(c->results);
    prt_diag_free(&c->rdiag);
    prt_sources_free(&c->rsources);
    plan_model_free(&c->plan);
    diag_free(&c->diag);
    sources_free(&c->sources);
}

#endif
