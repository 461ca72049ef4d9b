/* planc: the corporate-plan compiler.  This file only dispatches to the sub-commands. */
#include "driver.h"
#include "escape.h"

#include "planrt.h"

#include <stdio.h>
#include <string.h>

static void usage(FILE *out)
{
    fputs("usage: planc COMMAND [OPTIONS] FILE...\n"
          "\n"
          "Commands:\n"
          "  check FILE...   parse and check plans, reporting every problem\n"
          "  fmt FILE...     lay plans out canonically, comments kept: [--check | -w]\n"
          "  diff OLD NEW    what changed between two versions of a plan [--format text|md]\n"
          "  eval PLAN       rate a period's results: --results FILE --period P [--format F] [--audit]\n"
          "  compile PLAN    write the plan's evaluator as C: -o plan_eval.c [--library]\n"
          "  build PLAN      compile that C with $CC and libplanrt into an executable: -o plan_eval\n"
          "  map PLAN        draw the outcome map: -o FILE.svg|png|pdf|dot [--results F --period P]\n"
          "  template PLAN   the data return for a period, to fill in: --period P [-o FILE.csv]\n"
          "  lsp             the language server an editor starts (stdin and stdout)\n"
          "\n"
          "Options:\n"
          "  --help          show this help\n"
          "  --version       show the version\n"
          "\n"
          "Run 'planc COMMAND --help' for a command's options.\n",
          out);
}

int main(int argc, char **argv)
{
    /* diagnostics are written a character at a time; unbuffered, that is a system call each */
    static char errbuf[1 << 16];
    setvbuf(stderr, errbuf, _IOFBF, sizeof errbuf);
    /* planc reads and writes workbooks: .xlsx returns and --format xlsx (runtime/workbook.h) */
    prt_xlsx_enable();
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        usage(stdout);
        return EXIT_CLEAN;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("planc %s\n", PLANC_VERSION);
        return EXIT_CLEAN;
    }
    if (strcmp(cmd, "check") == 0)
        return cmd_check(argc - 1, argv + 1);
    if (strcmp(cmd, "eval") == 0)
        return cmd_eval(argc - 1, argv + 1);
    if (strcmp(cmd, "compile") == 0)
        return cmd_compile(argc - 1, argv + 1);
    if (strcmp(cmd, "build") == 0)
        return cmd_build(argc - 1, argv + 1);
    if (strcmp(cmd, "map") == 0)
        return cmd_map(argc - 1, argv + 1);
    if (strcmp(cmd, "diff") == 0)
        return cmd_diff(argc - 1, argv + 1);
    if (strcmp(cmd, "fmt") == 0)
        return cmd_fmt(argc - 1, argv + 1);
    if (strcmp(cmd, "template") == 0)
        return cmd_template(argc - 1, argv + 1);
    if (strcmp(cmd, "lsp") == 0)
        return cmd_lsp(argc - 1, argv + 1);
    prt_errorf("planc: error: unknown command '%s'\n", cmd);
    usage(stderr);
    return EXIT_USAGE;
}
