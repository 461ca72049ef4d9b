/* What `planc diff` shares between its parts (cmd_diff.c: header, structure, indicators;
 * diff_delivery.c: delivery schemes and activities): the output, its escaping and its lines. */
#ifndef PLANC_DIFF_H
#define PLANC_DIFF_H

#include "ast.h"
#include "diag.h"
#include "driver.h"
#include "escape.h"

#include <stdio.h>

typedef struct Out {
    FILE *f;
    bool md;
    int changes;
    const char *section;        /* printed before the first line of a section */
    prt_pool text;              /* the escaped texts of the lines (diff_esc) */
} Out;

/* A name or text of a plan as the output shows it: escaped for Markdown or for the terminal (in o's pool). */
const char *diff_esc(Out *o, const char *s);
/* A text of the plan in quotes (escaped, in o's pool), or "none". */
const char *diff_quoted(Out *o, const char *s);
/* One change: printed under the pending section's heading, and counted. */
void diff_line(Out *o, const char *fmt, ...) PLANC_PRINTF(2, 3);
/* A name of one plan as the other plan's table key (its tables are keyed by its own interned strings). */
const char *diff_key_in(Plan *p, const char *name);

/* Delivery schemes added, removed and changed; activities added and removed; and, for the activities
 * of both plans (matched by identifier), their names, owners, schemes, due dates, milestones,
 * statuses and progress counts. */
void diff_delivery(Out *o, Plan *a, Plan *b);

#endif
