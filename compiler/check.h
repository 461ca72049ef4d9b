/* The semantic checker: resolves every name in the plan model and reports what a policy officer
 * gets wrong, each with a stable code (docs/diagnostics.md). */
#ifndef PLANC_CHECK_H
#define PLANC_CHECK_H

#include "ast.h"
#include "diag.h"

void check_plan(Plan *plan, Diag *diag);

#endif
