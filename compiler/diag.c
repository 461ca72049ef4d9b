/* The compiler's start of a diagnostic run: the runtime's engine, speaking as planc, with the plan
 * codes as SARIF's rules. */
#include "diag.h"
#include "diag_codes.h"
#include "driver.h"

void diag_init(Diag *d, SourceSet *sources)
{
    prt_diag_init(d, sources);
    d->tool = "planc";
    d->tool_version = PLANC_VERSION;
    d->rules = diag_codes(&d->nrules);
}
