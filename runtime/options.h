/* The one command-line parser of planc's commands and of the generated evaluators.  A command is a
 * table of options (name, value, allowed values, where the value goes, one line of help) with its
 * usage line, description, exit statuses and how many positional arguments it takes; the same table
 * parses argv, reports every mistake in one style, and prints --help.
 *
 * Accepted: --name VALUE, --name=VALUE, -o VALUE, -oVALUE, flags alone (--audit, -q), "--" ending
 * the options, "-" as a positional argument (standard input or output), options and positional
 * arguments in any order.  Every mistake is one line and a hint, with exit status 2:
 *     planc eval: error: unknown option '--x'
 *     Try 'planc eval --help'.
 * --help and -h print the help; --list-options (undocumented) prints the table for tests. */
#ifndef PLANRT_OPTIONS_H
#define PLANRT_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum prt_opt_kind {
    PRT_OPT_FLAG,    /* no value: dest is a bool *, set true */
    PRT_OPT_STRING,  /* a value: dest is a const char ** (into argv); the last one given counts */
    PRT_OPT_INT,     /* a whole number from min to max: dest is a long * */
    PRT_OPT_LIST     /* repeatable: dest is a prt_opt_list *, each value appended in order */
} prt_opt_kind;

/* The values of a repeatable option, pointers into argv; items is malloc'd (prt_command_free). */
typedef struct prt_opt_list {
    const char **items;
    size_t n;
} prt_opt_list;

typedef struct prt_option {
    const char *name;            /* the long name without "--"; NULL for a short option only */
    char short_name;             /* the letter of -X; 0 for none */
    prt_opt_kind kind;
    const char *metavar;         /* the value's name in --help ("FILE"); NULL for a flag */
    const char *const *choices;  /* the allowed values, NULL-terminated; NULL allows any */
    long min, max;               /* PRT_OPT_INT's range */
    bool required;               /* PRT_OPT_STRING or PRT_OPT_LIST: must be given at least once */
    void *dest;                  /* where the value goes, by kind (above) */
    const char *help;            /* one line for --help */
} prt_option;

typedef struct prt_command {
    const char *prog;            /* "planc eval", or an evaluator's argv[0]: begins every message */
    const char *synopsis;        /* the usage line after prog: "PLAN --results FILE --period P [OPTIONS]" */
    const char *description;     /* --help's paragraph, lines ending in '\n' */
    const char *exit_status;     /* "0 rated, 1 errors in the results, 2 usage or I/O failure." */
    const prt_option *options;
    size_t noptions;
    const char *args;            /* the positional arguments' names: "PLAN", "OLD NEW", "FILE..." */
    int min_args, max_args;      /* how many of them; max_args -1 for no limit */
    /* what prt_options_parse found (pointers into argv, the array malloc'd; prt_command_free) */
    const char **arg;
    int narg;
} prt_command;

/* Parses argv[first..argc) by cmd's table, storing each option through its dest and the positional
 * arguments into cmd->arg.  Returns -1 to go on; 0 after printing --help (or -h, or --list-options)
 * to standard output; 2 after an error message on standard error.  Call prt_command_free in every case. */
int prt_options_parse(prt_command *cmd, int argc, char **argv, int first);
/* --help: the usage line, the description, the aligned options and the exit statuses. */
void prt_options_help(const prt_command *cmd, FILE *out);
/* The table as data, one line an option: "--NAME" (or "-"), "-X" (or "-"), "flag" or "value", then the
 * choices, separated by spaces.  Printed by the undocumented --list-options, which every command and
 * evaluator accepts like --help, so that tests/help.sh can hold --help, the bash completion and the
 * man page to the options each command really parses. */
void prt_options_list(const prt_command *cmd, FILE *out);
/* Frees what parsing allocated: cmd->arg and every PRT_OPT_LIST of the table. */
void prt_command_free(prt_command *cmd);

/* The diagnostics options, one entry for planc check, eval, map, template and the evaluators alike;
 * where is a const char **. */
extern const char *const prt_diagnostics_formats[];   /* text, json, sarif, github */
extern const char *const prt_color_whens[];           /* auto, always, never */
#define PRT_DIAGNOSTICS_FORMAT_OPTION(where)                                                                \
    {.name = "diagnostics-format", .kind = PRT_OPT_STRING, .metavar = "FORMAT",                           \
     .choices = prt_diagnostics_formats, .dest = (where),                                                  \
     .help = "text (default), json (gcc's shape), sarif (2.1.0), github (workflow commands)"}
#define PRT_COLOR_OPTION(where)                                                                             \
    {.name = "color", .kind = PRT_OPT_STRING, .metavar = "WHEN", .choices = prt_color_whens, .dest = (where), \
     .help = "colour diagnostics: auto (default), always, never"}

/* The generated evaluator's options (--results, --period, --format, --map, --audit, --ratings, -o, and
 * the diagnostics options) as table entries storing into opt, --format's word into *format and
 * --ratings' into *ratings (for prt_run_take).  planc eval's table starts with the same entries.
 * Returns how many were written into table, which has room for PRT_RUN_NOPTIONS. */
enum { PRT_RUN_NOPTIONS = 11 };
struct prt_run_options;
size_t prt_run_option_table(prt_option *table, struct prt_run_options *opt, const char **format, const char **ratings,
                            prt_opt_list *results);
/* After parsing: sets opt->format from --format's word (NULL: text) and opt->ratings from --ratings'
 * (NULL: computed), which the table's choices have checked, and moves the --results list into opt
 * (freed by prt_run_options_free). */
void prt_run_take(struct prt_run_options *opt, const char *format, const char *ratings, prt_opt_list *results);

#endif
