/* libFuzzer: the whole pipeline.  An input that checks clean is turned into runtime tables and C;
 * the C must compile (with the compiler in $FUZZ_CC, default cc, under -Werror), so that no plan
 * text can make planc write C that does not build. */
#define _DEFAULT_SOURCE 1   /* mkstemps */
#include "check.h"
#include "diag.h"
#include "emit_c.h"
#include "load.h"
#include "tables.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
