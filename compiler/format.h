/* The formatter: a plan's canonical layout, comments kept. */
#ifndef PLANC_FORMAT_H
#define PLANC_FORMAT_H

#include "parse.h"

#include <stdio.h>

/* Writes stmts (parsed from text) in the canonical layout: one statement a line, four spaces a
 * level, a blank line between top-level declarations, every comment where it stood. */
void format_plan(FILE *out, const char *text, const Stmt *stmts, const Comment *comments, size_t ncomments);

/* Lays out the file `file` of diag's sources (text, size bytes, a byte-order mark skipped) into a
 * malloc'd buffer of *len bytes; NULL, with its syntax errors in diag, when it does not parse: only
 * a file that parses can be laid out again.  What `planc fmt` and planc lsp's formatting share. */
char *format_text(Diag *diag, uint32_t file, const char *text, size_t size, size_t *len);

#endif
