/* Lowering: from the parse tree of one file to the plan model.  Reports statements out of place,
 * properties given twice, unknown words (polarity, unit, frequency ...) and duplicate names. */
#ifndef PLANC_LOWER_H
#define PLANC_LOWER_H

#include "ast.h"
#include "diag.h"

/* Called for each `include` at the top level, in order, so the loader can read that file. */
typedef void (*IncludeFn)(void *user, const Stmt *include);

void lower_file(Plan *plan, Diag *diag, const Stmt *stmts, IncludeFn on_include, void *user);

#endif
