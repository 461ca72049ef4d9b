/* libFuzzer: the front end and the checker on arbitrary bytes.  Whatever the input, planc must not
 * crash, hang, leak or read out of bounds; the diagnostics are rendered too, in every format (text
 * with and without colour, JSON, SARIF, GitHub), since printing carets under arbitrary lines and
 * escaping arbitrary names into each language is where an off-by-one would hide. */
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
        diag_print_text(&diag, sink, false);
        diag_print_json(&diag, sink);
        diag_print_sarif(&diag, sink);
        diag_print_github(&diag, sink);
        fclose(sink);
    }
    plan_model_free(&plan);
    diag_free(&diag);
    sources_free(&sources);
    return 0;
}
