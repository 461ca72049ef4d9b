/* planc fmt [--check | -w] FILE...: the canonical layout of plans, comments kept. */
#include "driver.h"
#include "escape.h"
#include "format.h"
#include "load.h"
#include "options.h"
#include "output.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Formats one file into a malloc'd buffer; NULL (diagnostics printed) if it does not parse. */
static char *format_file(const char *path, size_t *len, int *status)
{
    SourceSet sources;
    sources_init(&sources);
    Diag diag;
    diag_init(&diag, &sources);
    char why[256];
    size_t size;
    char *text = read_text_file(path, &size, why, sizeof why);
    char *result = NULL;
    if (!text) {
        prt_errorf("planc fmt: error: cannot read '%s': %s\n", path, why);
        *status = EXIT_USAGE;
    } else {
        uint32_t file = sources_add(&sources, path, text, size);
        /* checking its meaning is `check`'s job: fmt only needs it to parse */
        result = format_text(&diag, file, text, size, len);
        if (!result) {
            diag_print_text(&diag, stderr, isatty(STDERR_FILENO) && !getenv("NO_COLOR"));
            *status = EXIT_PLAN_ERRORS;
        }
    }
    diag_free(&diag);
    sources_free(&sources);
    return result;
}

/* Shows what formatting would change, with diff -u when it is there. */
static void show_diff(const char *path, const char *formatted, size_t len)
{
    char tmp[] = "/tmp/planc-fmt-XXXXXX";
    int fd = mkstemp(tmp);
    if (fd < 0 || write(fd, formatted, len) != (ssize_t)len) {
        if (fd >= 0)
            close(fd);
        printf("%s: not formatted\n", path);
        return;
    }
    close(fd);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        execlp("diff", "diff", "-u", "--label", path, "--label", "formatted", path, tmp, (char *)NULL);
        _exit(127);
    }
    int st = 0;
    if (pid > 0)
        waitpid(pid, &st, 0);
    if (pid < 0 || !WIFEXITED(st) || WEXITSTATUS(st) > 1)
        printf("%s: not formatted\n", path);
    unlink(tmp);
}

/* Formats each file: to standard output, or checked (check), or written back (write_back). */
static int fmt_files(const char *const *files, int nfiles, bool check, bool write_back)
{
    int status = EXIT_CLEAN;
    for (int i = 0; i < nfiles; i++) {
        const char *path = files[i];
        size_t len = 0;
        int st = EXIT_CLEAN;
        char *formatted = format_file(path, &len, &st);
        if (!formatted) {
            if (st > status)
                status = st;
            continue;
        }
        if (check || write_back) {
            char why[256];
            size_t size = 0;
            char *orig = read_text_file(path, &size, why, sizeof why);
            bool same = orig && size == len && memcmp(orig, formatted, len) == 0;
            free(orig);
            if (check && !same) {
                show_diff(path, formatted, len);
                if (status < EXIT_PLAN_ERRORS)
                    status = EXIT_PLAN_ERRORS;
            } else if (write_back && !same) {
                prt_output out;
                char *owhy;
                if (!prt_output_open(&out, path, &owhy)) {
                    prt_output_report("planc fmt", owhy);
                    status = EXIT_USAGE;
                } else {
                    fwrite(formatted, 1, len, out.file);
                    if (!prt_output_commit(&out, &owhy)) {
                        prt_output_report("planc fmt", owhy);
                        status = EXIT_USAGE;
                    }
                }
            }
        } else {
            fwrite(formatted, 1, len, stdout);
        }
        free(formatted);
    }
    return status;
}

int cmd_fmt(int argc, char **argv)
{
    bool check = false, write_back = false;
    const prt_option options[] = {
        {.name = "check", .kind = PRT_OPT_FLAG, .dest = &check,
         .help = "write nothing; show a diff and exit 1 for each file not formatted"},
        {.name = "write", .short_name = 'w', .kind = PRT_OPT_FLAG, .dest = &write_back,
         .help = "write the result back in place (atomically)"},
    };
    prt_command cmd = {
        .prog = "planc fmt",
        .synopsis = "[--check | -w] FILE...",
        .description = "Lays plans out canonically (one statement a line, four spaces a level, comments kept).\n"
                       "Without options the result goes to standard output.\n",
        .exit_status = "0 formatted, 1 a plan that does not parse or (--check) is not formatted, 2 usage or I/O failure.",
        .options = options,
        .noptions = sizeof options / sizeof options[0],
        .args = "FILE...",
        .min_args = 1,
        .max_args = -1,
    };
    int status = prt_options_parse(&cmd, argc, argv, 1);
    if (status < 0 && check && write_back) {
        prt_errorf("planc fmt: error: --check and -w do not go together\n");
        prt_errorf("Try 'planc fmt --help'.\n");
        status = EXIT_USAGE;
    }
    if (status < 0)
        status = fmt_files(cmd.arg, cmd.narg, check, write_back);
    prt_command_free(&cmd);
    return status;
}
