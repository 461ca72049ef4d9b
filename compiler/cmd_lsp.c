/* planc lsp: the language server an editor starts (VS Code, Neovim, Vim), speaking the Language
 * Server Protocol over standard input and output; compiler/lsp/ holds the server. */
#include "driver.h"
#include "lsp/lsp.h"
#include "plan_load.h"

#include "strbuf.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Where an installed planc's docs are: PREFIX/share/doc/planc beside its PREFIX/bin, if diagnostics.md
 * is there (an allocated real path), else NULL and the server links into the build tree's docs/
 * (PLANC_DOC_DIR).  Looked up at run time, as `planc build` finds the installed runtime, because
 * `make install` copies the planc already built for the build tree, and a package staged with
 * DESTDIR is installed elsewhere than where it was built. */
static char *installed_doc_dir(void)
{
    char *exe = realpath("/proc/self/exe", NULL);
    char *slash = exe ? strrchr(exe, '/') : NULL;
    char *dir = NULL;
    if (slash) {
        *slash = '\0';                             /* PREFIX/bin */
        prt_buf probe = {0};
        prt_buf_printf(&probe, "%s/../share/doc/planc/diagnostics.md", exe);
        if (access(probe.data, R_OK) == 0) {
            dir = realpath(probe.data, NULL);
            char *base = dir ? strrchr(dir, '/') : NULL;
            if (base)
                *base = '\0';
        }
        prt_buf_free(&probe);
    }
    free(exe);
    return dir;
}

static int serve(const IncludeDirs *dirs)
{
    /* a client that goes away must not kill the server in the middle of a write: the write fails */
    signal(SIGPIPE, SIG_IGN);
    int in = STDIN_FILENO, out = STDOUT_FILENO;
    LspServer server;
    lsp_server_init(&server, lsp_input_fd(&in), lsp_output_fd(&out), dirs);
    char *docs = installed_doc_dir();
    server.doc_base = docs;
    int status = lsp_server_run(&server);
    lsp_server_free(&server);
    free(docs);
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
                       "standard input and output: planc's diagnostics as a plan is typed; hover, definition,\n"
                       "references, outline, rename, completion, formatting and quick fixes (docs/editors.md).\n",
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
