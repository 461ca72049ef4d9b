/* The diagnostic engine of planc and its runtime: problems in a plan and in a results file are
 * collected as they are found and printed when the run ends, gcc-style (file:line:col: severity:
 * message [CODE], the source line, a caret under the range, notes) or for machines (gcc's JSON,
 * SARIF 2.1.0, GitHub workflow commands).  The compiler, `planc eval/map` and every generated
 * evaluator use this one engine. */
#ifndef PLANRT_DIAGNOSTICS_H
#define PLANRT_DIAGNOSTICS_H

#include "sources.h"
#include "strbuf.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

typedef enum { PRT_SEV_ERROR, PRT_SEV_WARNING, PRT_SEV_NOTE } prt_severity;

typedef struct prt_diagnostic {
    prt_severity sev;
    prt_loc loc;                /* in a file held in memory (loc.file 0: see pos) */
    prt_pos pos;                /* in a streamed file, when loc.file is 0 (pos.file 0 too: no place) */
    const char *code;           /* stable code such as "E012" or "R004"; NULL for notes */
    char *message;
    struct prt_diagnostic *notes; /* notes attached to this diagnostic, in order */
    size_t nnotes;
    char *fixit;                /* a replacement for the text at loc that would fix it, or NULL */
} prt_diagnostic;

/* A stable code and what it means: SARIF output lists the codes of a run as its rules. */
typedef struct prt_diag_code {
    const char *code;           /* "E012" */
    const char *summary;        /* one line */
} prt_diag_code;

typedef struct prt_diag {
    prt_source_set *sources;
    prt_diagnostic *items;
    size_t n, cap;
    unsigned errors, warnings;
    unsigned max_errors;        /* 0: no limit */
    bool werror;                /* warnings are reported, and counted, as errors */
    bool stopped;               /* the error limit was reached: the run is winding down */
    bool hide_warnings;         /* print errors only (commands other than check) */
    bool last_kept;             /* whether the last diagnostic was kept, so its notes follow it */
    const char *tool;           /* who speaks where there is no file ("planc"), and SARIF's driver */
    const char *tool_version;
    const prt_diag_code *rules; /* the codes SARIF lists (NULL: none) */
    size_t nrules;
} prt_diag;

void prt_diag_init(prt_diag *d, prt_source_set *sources);
void prt_diag_free(prt_diag *d);

void prt_diag_error(prt_diag *d, prt_loc loc, const char *code, const char *fmt, ...) PRT_PRINTF(4, 5);
void prt_diag_warning(prt_diag *d, prt_loc loc, const char *code, const char *fmt, ...) PRT_PRINTF(4, 5);
/* Attaches a fix-it to the diagnostic reported just before: replace its range with `text`. */
void prt_diag_fixit(prt_diag *d, const char *text);
/* A note belongs to the diagnostic reported just before it (it is dropped if that one was). */
void prt_diag_note(prt_diag *d, prt_loc loc, const char *fmt, ...) PRT_PRINTF(3, 4);
void prt_diag_report(prt_diag *d, prt_severity sev, prt_loc loc, const char *code, const char *fmt, va_list ap);
/* The same at a line and column of a streamed file. */
void prt_diag_error_at(prt_diag *d, prt_pos pos, const char *code, const char *fmt, ...) PRT_PRINTF(4, 5);
void prt_diag_warning_at(prt_diag *d, prt_pos pos, const char *code, const char *fmt, ...) PRT_PRINTF(4, 5);
void prt_diag_note_at(prt_diag *d, prt_pos pos, const char *fmt, ...) PRT_PRINTF(3, 4);

/* The diagnostics in source order (an array the caller frees). */
void prt_diag_sorted(const prt_diag *d, const prt_diagnostic ***out);
/* Writes every diagnostic, then the closing count ("2 errors, 1 warning generated.") if any. */
void prt_diag_print_text(const prt_diag *d, FILE *out, bool color);
/* The same for machines (diagnostics_formats.c): gcc's JSON shape, SARIF 2.1.0, GitHub workflow commands. */
void prt_diag_print_json(const prt_diag *d, FILE *out);
void prt_diag_print_sarif(const prt_diag *d, FILE *out);
void prt_diag_print_github(const prt_diag *d, FILE *out);

/* --diagnostics-format and --color as the commands take them. */
typedef enum { PRT_DIAG_TEXT, PRT_DIAG_JSON, PRT_DIAG_SARIF, PRT_DIAG_GITHUB } prt_diag_format;
/* "text", "json", "sarif", "github" (NULL: text); false for anything else. */
bool prt_diag_format_parse(const char *s, prt_diag_format *out);
/* "always", "never", "auto" (NULL: auto, which is colour on a terminal unless NO_COLOR is set). */
bool prt_diag_color_parse(const char *s, FILE *out, bool *color);
/* Prints in the format: text on stderr, the machine formats on stdout (where a CI step captures them). */
void prt_diag_print(const prt_diag *d, prt_diag_format format, bool color);

#endif
