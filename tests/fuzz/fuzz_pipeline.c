/* libFuzzer: the whole pipeline.  An input that checks clean is turned into runtime tables and C;
 * the C must compile (with the compiler in $FUZZ_CC, default cc, under -Werror), so that no plan
 * text can make planc write C that does not build.  The tables are also rated (on the results the
 * plan itself records) and reported in every format, so that names from the plan go through each
 * report writer's escaper. */
#define _DEFAULT_SOURCE 1   /* mkstemps */
#include "check.h"
#include "diag.h"
#include "emit_c.h"
#include "load.h"
#include "planrt.h"
#include "tables.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every report format and the audit, for the first year the plan covers (or 2023/24). */
static void report_all(const prt_plan *t)
{
    char text[32];
    int year = t->first_year ? t->first_year : 2023;
    snprintf(text, sizeof text, "%d/%02d", year, (year + 1) % 100);
    prt_period p;
    if (!prt_period_parse(text, strlen(text), &p, NULL))
        return;
    FILE *sink = fopen("/dev/null", "w");
    if (!sink)
        return;
    prt_history *h = prt_history_evaluate(t, NULL, p, 3);
    for (int f = PRT_FORMAT_TEXT; f <= PRT_FORMAT_HTML; f++)
        prt_report(sink, h, (prt_format)f);
    prt_audit(sink, prt_history_last(h));
    prt_history_free(h);
    fclose(sink);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    SourceSet sources;
    sources_init(&sources);
    Diag diag;
    diag_init(&diag, &sources);
    Plan plan;
    plan_model_init(&plan);
    load_plan_text(&plan, &sources, &diag, "fuzz.plan", (const char *)data, size);
    if (!diag.stopped)
        check_plan(&plan, &diag);
    if (diag.errors == 0) {
        const prt_plan *t = plan_tables(&plan);
        report_all(t);
        char path[] = "/tmp/planc-fuzz-XXXXXX.c";
        int fd = mkstemps(path, 2);
        FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
        if (f) {
            EmitOptions opt = {"fuzz.plan", false, NULL, "plan"};
            emit_c(f, t, &opt);
            fclose(f);
            const char *cc = getenv("FUZZ_CC");
            const char *inc = getenv("FUZZ_INCLUDE");
            char cmd[1024];
            snprintf(cmd, sizeof cmd, "%s -std=c11 -Wall -Wextra -Werror -pedantic -fsyntax-only -I%s %s 2>&1",
                     cc ? cc : "cc", inc ? inc : "runtime", path);
            int rc = system(cmd);
            unlink(path);
            if (rc != 0)
                __builtin_trap();   /* planc wrote C that does not compile */
        }
    }
    plan_model_free(&plan);
    diag_free(&diag);
    sources_free(&sources);
    return 0;
}
