/* planc lsp: the language server an editor starts (VS Code, Neovim, Vim), speaking the Language
 * Server Protocol over standard input and output; compiler/lsp/ holds the server. */
#include "driver.h"
#include "lsp/lsp.h"
#include "plan_load.h"

#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static int serve(const IncludeDirs *dirs)
{
    /* a client that goes away must not kill the server in the middle of a write: the write fails */
    signal(SIGPIPE, SIG_IGN);
    int in = STDIN_FILENO, out = STDOUT_FILENO;
    LspServer server;
    lsp_server_init(&server, lsp_input_fd(&in), lsp_output_fd(&out), dirs);
    int status = lsp_server_run(&server);
    lsp_server_free(&server);
    return status;
}

int cmd_lsp(int argc, char **argv)
{
    bool stdio = false;
    prt_opt_list include = {0};
    const prt_option options[] = {
        {.name = "stdio", .kind = PRT_OPT_FLAG, .dest = &stdio,
         .help = "speak over standard input and output (the default and only transport)"},
        INCLUDE_DIR_OPTION(&include),
    };
    prt_command cmd = {
        .prog = "planc lsp",
        .synopsis = "[OPTIONS]",
        .description = "Runs the language server an editor starts: the Language Server Protocol 3.17 over\n"
                       "standard input and output, publishing planc's diagnostics as a plan is typed\n"
                       "(docs/editors.md).\n",
        .exit_status = "0 after shutdown and exit, 1 on exit (or the end of input) without shutdown, 2 usage.",
        .options = options,
        .noptions = sizeof options / sizeof options[0],
        .args = "",
        .min_args = 0,
        .max_args = 0,
    };
    IncludeDirs dirs = {0};
    int status = prt_options_parse(&cmd, argc, argv, 1);
    if (status < 0)
        status = include_dirs_resolve(&dirs, "lsp", &include);
    if (status < 0)
        status = serve(&dirs);
    include_dirs_free(&dirs);
    prt_command_free(&cmd);
    return status;
}
