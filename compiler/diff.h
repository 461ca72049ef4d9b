/* What `planc diff` shares between its parts (cmd_diff.c: the command and its output; diff_model.c: the
 * header, structure, rating schemes, benchmarks and inputs, and the engine that compares the rows of
 * diff_props.h; diff_indicator.c: indicators; diff_delivery.c: delivery schemes and activities). */
#ifndef PLANC_DIFF_H
#define PLANC_DIFF_H

#include "ast.h"
#include "diag.h"
#include "driver.h"
#include "escape.h"
#include "plan_load.h"

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

/* The two plans being compared, and the output. */
typedef struct Cmp {
    Out *o;
    const LoadedPlan *a, *b;
} Cmp;

/* A row of diff_props.h: a value's text (as the plan wrote it, escaped, in the output's pool), or a
 * list's own comparison (its lines are its own); label names it in a line. */
typedef const char *(*PropText)(Cmp *c, const LoadedPlan *lp, const void *x);
typedef void (*PropList)(Cmp *c, const char *key, const void *x, const void *y);
typedef struct Prop {
    const char *label;
    PropText text;
    PropList list;
} Prop;
#define DIFF_PROP_V(S, f, label) {label, text_##S##_##f, NULL},
#define DIFF_PROP_L(S, f, label) {label, NULL, list_##S##_##f},
#define DIFF_PROP_H(S, f, label)
/* The rows of struct S as a Prop array named `name` (H rows are compared by their own code). */
#define DIFF_PROP_TABLE(S, name) static const Prop name[] = {DIFF_##S(DIFF_PROP_V, DIFF_PROP_L, DIFF_PROP_H)}

/* Every row of props for x (of plan a) and y (of plan b): "KEY label: old -> new" for each value whose
 * text differs (KEY: old -> new when the label is empty), and each list's own lines. */
void diff_props(Cmp *c, const char *key, const Prop *props, size_t n, const void *x, const void *y);
/* Entities of one kind, listed in `old` (plan a) and `new_` (plan b) and matched by identifier:
 * "WHAT added: ID \"NAME\"", "WHAT removed: ...", then for each of both, the Entity rows and `props`
 * under the key "WHAT ID". */
void diff_entities(Cmp *c, const char *what, const PtrVec *old, const PtrVec *new_, const Prop *props, size_t n);
/* Texts shared by the parts: the plan's own text at loc (escaped), a value as written or "none", a
 * string quoted or "none" (diff_quoted), an identifier or "none", a period or "none", a number (%g). */
const char *diff_source_text(Cmp *c, const LoadedPlan *lp, Loc loc);
const char *diff_value_text(Cmp *c, const LoadedPlan *lp, const Value *v);
const char *diff_ident(Cmp *c, const char *name);
const char *diff_period(Cmp *c, const PeriodLit *p);
const char *diff_number(Cmp *c, double n);
/* "a, b, \"REF\"": a list of names as written. */
const char *diff_names(Cmp *c, const NameRef *n);
/* "percent", "rate per 100000", "\"kg per household\"", "none". */
const char *diff_unit_text(Cmp *c, const Unit *u);
/* The rows every entity has (name, parent) under key. */
void diff_entity(Cmp *c, const char *key, const Entity *x, const Entity *y);
/* Every row of the plan (diff_props.h's DIFF_Plan) but the delivery part: the header, structure, rating
 * schemes, benchmarks, inputs and indicators. */
void diff_plan(Cmp *c);

/* Indicators added, retired and changed (diff_indicator.c). */
void list_Plan_indicators(Cmp *c, const char *key, const void *x, const void *y);

/* Delivery schemes added, removed and changed; activities added and removed; and, for the activities
 * of both plans (matched by identifier), their names, owners, schemes, due dates, milestones,
 * statuses and progress counts. */
void diff_delivery(Out *o, Plan *a, Plan *b);

#endif
