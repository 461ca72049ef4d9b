/* The C back end: writes a plan's runtime tables (tables.h) as self-contained C11, with each derived
 * indicator's formula as a C function, and a main() or, for embedding, an evaluate() entry point. */
#ifndef PLANC_EMIT_C_H
#define PLANC_EMIT_C_H

#include "planrt.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct EmitOptions {
    const char *source_name;    /* the plan file, named in the header comment */
    bool library;               /* no main(); a header for embedding instead */
    const char *header_name;    /* with library: the header's file name, for the #include */
    const char *prefix;         /* with library: the prefix of the exported names */
} EmitOptions;

void emit_c(FILE *out, const prt_plan *plan, const EmitOptions *opt);
void emit_c_header(FILE *out, const EmitOptions *opt);

#endif
