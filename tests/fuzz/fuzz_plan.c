/* libFuzzer: the front end and the checker on arbitrary bytes.  Whatever the input, planc must not
 * crash, hang, leak or read out of bounds; the diagnostics are rendered too, since printing carets
 * under arbitrary lines is where an off-by-one would hide. */
#include "check.h"
#include "diag.h"
#include "load.h"

#include <stdint.h>
#include <stdio.h>

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
    FILE *sink = fopen("/dev/null", "w");
    if (sink) {
        diag_print_text(&diag, sink, true);
        fclose(sink);
    }
    plan_model_free(&plan);
    diag_free(&diag);
    sources_free(&sources);
    return 0;
}
