/* Loading a plan: reading its file and every file it includes, parsing and lowering each into one
 * plan model.  Include cycles, missing files and includes from outside the allowed directories are
 * reported here. */
#ifndef PLANC_LOAD_H
#define PLANC_LOAD_H

#include "ast.h"
#include "diag.h"

#define PLANC_MAX_INCLUDE_DEPTH 16

typedef enum { LOAD_OK, LOAD_IO_ERROR } LoadStatus;

/* The directories given with --include-dir, as real paths: includes may come from their trees as
 * well as from the tree of the plan itself (never from /proc, /sys or /dev). */
typedef struct IncludeDirs {
    char **real;
    size_t n;
} IncludeDirs;

/* Reads a whole file for planc: refuses directories and files over PLANC_MAX_FILE_BYTES, and returns
 * the text followed by two NUL bytes.  On failure returns NULL with a message in why. */
char *read_text_file(const char *path, size_t *size, char *why, size_t why_size);
/* The same with another limit (for tests): a file that is not regular (a pipe, /dev/zero) is read no
 * further than limit + 1 bytes, the byte that says it is over. */
char *read_text_file_max(const char *path, size_t limit, size_t *size, char *why, size_t why_size);

/* The same for a regular file, mapped (read-only) rather than read, with two NULs after it; *map_len
 * is the mapping's length for munmap.  Pages the scanner
 * has left behind can then be given back (parse.h), which a malloc'd copy would not allow.  NULL with
 * *map_len 0 when the file is not one to map (not regular, or empty): read it instead. */
char *map_text_file(const char *path, size_t *size, size_t *map_len, char *why, size_t why_size);

/* Loads `path` and its includes into plan.  LOAD_IO_ERROR when `path` itself cannot be read (the
 * message is reported); problems inside the plan are only reported.  Included files must lie in the
 * directory tree of `path` or of one of dirs (which may be NULL). */
LoadStatus load_plan(Plan *plan, SourceSet *sources, Diag *diag, const char *path, const IncludeDirs *dirs);

/* Sets plan->digest ("fnv1a64:" and 16 hex digits) from the bytes of every file in sources, in load
 * order, so that planc eval and a built evaluator name the same plan text. */
void load_digest(Plan *plan, const SourceSet *sources);

/* Where an editor's open buffers replace files on disk (planc lsp): text returns a malloc'd copy of the
 * buffer for the file at `path` (real: its real path, NULL when it is not on disk), size bytes followed
 * by two NULs, or NULL to read the disk. */
typedef struct LoadOverlay {
    char *(*text)(void *user, const char *path, const char *real, size_t *size);
    void *user;
} LoadOverlay;

/* load_plan with the files overlay holds taken from it rather than the disk (overlay may be NULL);
 * the plan itself need not exist on disk if the overlay holds it. */
LoadStatus load_plan_overlay(Plan *plan, SourceSet *sources, Diag *diag, const char *path, const IncludeDirs *dirs,
                             const LoadOverlay *overlay);

/* Loads a plan from memory (for the fuzzers and tests): includes are not followed. */
void load_plan_text(Plan *plan, SourceSet *sources, Diag *diag, const char *name, const char *text, size_t size);

#endif
