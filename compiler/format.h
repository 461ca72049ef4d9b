/* The formatter: a plan's canonical layout, comments kept. */
#ifndef PLANC_FORMAT_H
#define PLANC_FORMAT_H

#include "parse.h"

#include <stdio.h>

/* Writes stmts (parsed from text) in the canonical layout: one statement a line, four spaces a
 * level, a blank line between top-level declarations, every comment where it stood. */
void format_plan(FILE *out, const char *text, const Stmt *stmts, const Comment *comments, size_t ncomments);

#endif
