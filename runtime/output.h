/* Writing an output file atomically (see output.c). */
#ifndef PLANRT_OUTPUT_H
#define PLANRT_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

typedef struct prt_output {
    FILE *file;                 /* write here */
    char *path;                 /* as the caller named it, for messages; NULL when writing to standard output */
    char *target;               /* the file path leads to through its symbolic links: the one replaced */
    char *tmp;                  /* the temporary beside target, renamed over it by prt_output_commit */
    char *companion;            /* NULL, or a second temporary removed with the first */
} prt_output;

/* path NULL or "-" writes to standard output.  Symbolic links are followed to the file they lead to,
 * whose mode and owner the new file keeps; a file with other hard links, and anything but a regular
 * file, is refused.  On failure *why is a malloc'd message (NULL if even that could not be had). */
bool prt_output_open(prt_output *o, const char *path, char **why);
/* Moves the finished file into place; false (*why set as above, nothing left behind) if anything failed. */
bool prt_output_commit(prt_output *o, char **why);
/* Drops the unfinished file. */
void prt_output_abandon(prt_output *o);
/* A second temporary beside the first, named "TMP" SUFFIX (planc build's C source, compiled into the
 * first): removed on commit, on abandon and on a signal, like the first.  NULL if memory ran out. */
const char *prt_output_companion(prt_output *o, const char *suffix);
/* Whether two paths name the same existing file, links and all: the guard that keeps an output off an
 * input.  False when either is NULL or does not exist. */
bool prt_same_file(const char *a, const char *b);
/* Prints "PROGNAME: error: WHY" for a message from the functions above, and frees it. */
void prt_output_report(const char *progname, char *why);

#endif
