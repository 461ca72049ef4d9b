/* From the checked plan model to the runtime's tables (planrt.h).  `planc eval` rates with these
 * tables directly; `planc compile` writes the same tables out as C, so both paths share them. */
#ifndef PLANC_TABLES_H
#define PLANC_TABLES_H

#include "ast.h"
#include "planrt.h"

/* Builds the tables in the plan's arena; valid as long as the plan is.  The plan must have checked
 * without errors (names resolved). */
const prt_plan *plan_tables(Plan *plan);
/* A delivery band as the runtime sees it: which states and impacts its rule takes (none for a band
 * given by judgement), `otherwise`, its colour.  The checker asks the runtime's rule of it too. */
prt_delivery_band delivery_band_table(const DeliveryBand *b);

#endif
