/* Diagnostics: collected as they are found, printed gcc-style when the run ends
 * (file:line:col: severity: message [CODE], the source line, a caret under the range, notes). */
#ifndef PLANC_DIAG_H
#define PLANC_DIAG_H

#include "source.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

typedef enum { SEV_ERROR, SEV_WARNING, SEV_NOTE } Severity;

typedef struct Diagnostic {
    Severity sev;
    Loc loc;
    const char *code;           /* stable code such as "E012"; NULL for notes */
    char *message;
    struct Diagnostic *notes;   /* notes attached to this diagnostic, in order */
    size_t nnotes;
    char *fixit;                /* a replacement for the text at loc that would fix it, or NULL */
} Diagnostic;

typedef struct Diag {
    SourceSet *sources;
    Diagnostic *items;
    size_t n, cap;
    unsigned errors, warnings;
    unsigned max_errors;        /* 0: no limit */
    bool werror;                /* warnings are reported, and counted, as errors */
    bool stopped;               /* the error limit was reached: the run is winding down */
    bool hide_warnings;         /* print errors only (commands other than check) */
    bool last_kept;             /* whether the last diagnostic was kept, so its notes follow it */
} Diag;

void diag_init(Diag *d, SourceSet *sources);
void diag_free(Diag *d);

#if defined(__GNUC__)
#define PLANC_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define PLANC_PRINTF(f, a)
#endif

void diag_error(Diag *d, Loc loc, const char *code, const char *fmt, ...) PLANC_PRINTF(4, 5);
void diag_warning(Diag *d, Loc loc, const char *code, const char *fmt, ...) PLANC_PRINTF(4, 5);
/* Attaches a fix-it to the diagnostic reported just before: replace its range with `text`. */
void diag_fixit(Diag *d, const char *text);
/* A note belongs to the diagnostic reported just before it (it is dropped if that one was). */
void diag_note(Diag *d, Loc loc, const char *fmt, ...) PLANC_PRINTF(3, 4);
void diag_report(Diag *d, Severity sev, Loc loc, const char *code, const char *fmt, va_list ap);

/* The diagnostics in source order (an array the caller frees). */
void diag_sorted(const Diag *d, const Diagnostic ***out);
/* Writes every diagnostic, then the closing count ("2 errors, 1 warning generated.") if any. */
void diag_print_text(const Diag *d, FILE *out, bool color);
/* The same for machines (diag_formats.c): gcc's JSON shape, SARIF 2.1.0, GitHub workflow commands. */
void diag_print_json(const Diag *d, FILE *out);
void diag_print_sarif(const Diag *d, FILE *out);
void diag_print_github(const Diag *d, FILE *out);

#endif
