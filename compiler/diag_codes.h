/* The table of the plan diagnostic codes (E and W); the results codes (R) are the runtime's. */
#ifndef PLANC_DIAG_CODES_H
#define PLANC_DIAG_CODES_H

#include "diagnostics.h"

#include <stddef.h>

typedef prt_diag_code DiagCode;

const DiagCode *diag_code_find(const char *code);
const DiagCode *diag_codes(size_t *n);

#endif
