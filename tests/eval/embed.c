/* Embedding a generated evaluator: `planc compile --library` gives plan_eval.c and plan_eval.h;
 * this program links them with libplanrt and rates a period itself. */
#include "plan_eval.h"

#include <string.h>

int main(int argc, char **argv)
{
    if (argc != 3)
        return 2;
    prt_source_set sources;
    prt_diag diag;
    prt_sources_init(&sources);
    prt_diag_init(&diag, &sources);
    prt_results *res = prt_results_read(&plan_plan, argv[1], &diag);
    if (!res || diag.errors) {
        prt_diag_print_text(&diag, stderr, false);
        return 1;
    }
    prt_period p;
    if (!prt_period_parse(argv[2], strlen(argv[2]), &p, NULL))
        return 2;
    prt_history *h = plan_history(res, p, 1);
    h->produced = "2025-12-01";   /* the date the report says it was produced: the embedding program's to give */
    prt_report(stdout, h, PRT_FORMAT_TEXT);
    prt_history_free(h);
    prt_results_free(res);
    prt_diag_free(&diag);
    prt_sources_free(&sources);
    return 0;
}
