/* The pieces of the C back end that its files share (emit_c.c writes the indicators and the plan,
 * emit_c_delivery.c the delivery schemes and activities, emit_c_packed.c the packed form of a large plan). */
#ifndef PLANC_EMIT_C_PARTS_H
#define PLANC_EMIT_C_PARTS_H

#include "planrt.h"

#include <stdio.h>

/* A string of the plan as a C expression (emit_c_escape.c): any bytes, any length; NULL for NULL. */
void emit_lit(FILE *out, const char *s);
/* A double that reads back exactly, as a floating constant. */
void emit_num(FILE *out, double v);
/* A prt_period initialiser: {2023, PRT_QUARTER, 2}. */
void emit_period(FILE *out, prt_period p);
/* The array `delivery_schemes` (and their bands), which the prt_plan points at. */
void emit_c_delivery_schemes(FILE *out, const prt_plan *plan);
/* The array `activities` (and theirs), which the prt_plan points at. */
void emit_c_activities(FILE *out, const prt_plan *plan);
/* The packed tables (emit_c_packed.c): the arrays packed_strings, packed_data and packed_formulas
 * (naming formula_<i>, written before) and packed_ndata, for a prt_packed. */
void emit_c_packed(FILE *out, const prt_plan *plan);

#endif
