/* Writing an output file atomically (see output.c). */
#ifndef PLANRT_OUTPUT_H
#define PLANRT_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

typedef struct prt_output {
    FILE *file;                 /* write here */
    char *path, *tmp;           /* NULL when writing to standard output */
} prt_output;

/* path NULL or "-" writes to standard output. */
bool prt_output_open(prt_output *o, const char *path, char *why, size_t why_size);
/* Moves the finished file into place; false (and nothing left behind) if anything failed. */
bool prt_output_commit(prt_output *o, char *why, size_t why_size);
/* Drops the unfinished file. */
void prt_output_abandon(prt_output *o);

#endif
