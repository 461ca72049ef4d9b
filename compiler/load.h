/* Loading a plan: reading its file and every file it includes, parsing and lowering each into one
 * plan model.  Include cycles and missing files are reported here. */
#ifndef PLANC_LOAD_H
#define PLANC_LOAD_H

#include "ast.h"
#include "diag.h"

#define PLANC_MAX_INCLUDE_DEPTH 16

typedef enum { LOAD_OK, LOAD_IO_ERROR } LoadStatus;

/* Reads a whole file for planc: refuses directories and files over PLANC_MAX_FILE_BYTES, and returns
 * the text followed by two NUL bytes.  On failure returns NULL with a message in why. */
char *read_text_file(const char *path, size_t *size, char *why, size_t why_size);

/* Loads `path` and its includes into plan.  LOAD_IO_ERROR when `path` itself cannot be read (the
 * message is reported); problems inside the plan are only reported. */
LoadStatus load_plan(Plan *plan, SourceSet *sources, Diag *diag, const char *path);

/* Loads a plan from memory (for the fuzzers and tests): includes are not followed. */
void load_plan_text(Plan *plan, SourceSet *sources, Diag *diag, const char *name, const char *text, size_t size);

#endif
