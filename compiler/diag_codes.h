/* The table of diagnostic codes. */
#ifndef PLANC_DIAG_CODES_H
#define PLANC_DIAG_CODES_H

#include <stddef.h>

typedef struct DiagCode {
    const char *code;           /* "E012" */
    const char *summary;        /* one line */
} DiagCode;

const DiagCode *diag_code_find(const char *code);
const DiagCode *diag_codes(size_t *n);

#endif
