/* The C back end: writes a plan's runtime tables (tables.h) as self-contained C11, with each derived
 * indicator's formula as a C function, and a main() or, for embedding, an evaluate() entry point. */
#ifndef PLANC_EMIT_C_H
#define PLANC_EMIT_C_H

#include "planrt.h"

#include <stdbool.h>
#include <stdio.h>

/* The tables' form: readable C structs, or packed (emit_c_packed.c), which a C compiler reads many
 * times faster; AUTO packs a program's tables above EMIT_C_PACK_ABOVE indicators and activities. */
typedef enum { EMIT_TABLES_AUTO, EMIT_TABLES_READABLE, EMIT_TABLES_PACKED } EmitTables;
#ifndef EMIT_C_PACK_ABOVE              /* -DEMIT_C_PACK_ABOVE=-1 packs every plan: the suite over the packed form */
#define EMIT_C_PACK_ABOVE 200
#endif

typedef struct EmitOptions {
    const char *source_name;    /* the plan file, named in the header comment */
    bool library;               /* no main(); a header for embedding instead */
    const char *header_name;    /* with library: the header's file name, for the #include */
    const char *prefix;         /* with library: the prefix of the exported names */
    EmitTables tables;          /* packed only without library: plan_plan is then a constant */
} EmitOptions;

/* Whether emit_c writes the plan's tables packed. */
bool emit_c_packs(const prt_plan *plan, const EmitOptions *opt);
void emit_c(FILE *out, const prt_plan *plan, const EmitOptions *opt);
void emit_c_header(FILE *out, const EmitOptions *opt);

#endif
