/* The planc command line: one function per sub-command. */
#ifndef PLANC_DRIVER_H
#define PLANC_DRIVER_H

#define PLANC_VERSION "0.1.0"

/* Exit statuses, as gcc and clang use them. */
enum { EXIT_CLEAN = 0, EXIT_PLAN_ERRORS = 1, EXIT_USAGE = 2 };

int cmd_check(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_compile(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_map(int argc, char **argv);
int cmd_template(int argc, char **argv);
int cmd_fmt(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_lsp(int argc, char **argv);

#endif
