/* The checker's rules for delivery: delivery schemes, and each activity's statuses, milestones, dates
 * and tallies against its scheme and the plan's years (check_delivery.c). */
#ifndef PLANC_CHECK_DELIVERY_H
#define PLANC_CHECK_DELIVERY_H

#include "ast.h"
#include "diag.h"

void check_delivery_scheme(Plan *plan, Diag *diag, Delivery *d);
/* After the activity's scheme is resolved (a->scheme, NULL for none). */
void check_activity_delivery(Plan *plan, Diag *diag, Activity *a);
/* The band of d that id names (its identifier or abbreviation), or -1. */
int delivery_band_index(const Delivery *d, const char *id);

#endif
