/* The compiler's names for the diagnostic engine, which lives in the runtime (runtime/diagnostics.h)
 * so that `planc eval`, `planc map` and the generated evaluators report results problems with it too. */
#ifndef PLANC_DIAG_H
#define PLANC_DIAG_H

#include "diagnostics.h"
#include "source.h"

typedef prt_severity Severity;
typedef prt_diagnostic Diagnostic;
typedef prt_diag Diag;
#define SEV_ERROR PRT_SEV_ERROR
#define SEV_WARNING PRT_SEV_WARNING
#define SEV_NOTE PRT_SEV_NOTE
#define PLANC_PRINTF PRT_PRINTF

/* diag_init also names planc as the tool and lists the codes of diag_codes.c as SARIF's rules */
void diag_init(Diag *d, SourceSet *sources);
#define diag_free prt_diag_free
#define diag_error prt_diag_error
#define diag_warning prt_diag_warning
#define diag_fixit prt_diag_fixit
#define diag_note prt_diag_note
#define diag_report prt_diag_report
#define diag_sorted prt_diag_sorted
#define diag_print_text prt_diag_print_text
#define diag_print_json prt_diag_print_json
#define diag_print_sarif prt_diag_print_sarif
#define diag_print_github prt_diag_print_github

#endif
