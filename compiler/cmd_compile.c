/* planc compile PLAN -o plan_eval.c [--library]: the plan's evaluator as C.
 * planc build PLAN -o plan_eval: that C compiled with $CC and linked with libplanrt. */
#include "driver.h"
#include "emit_c.h"
#include "emit_c_escape.h"
#include "sql/emit_sql.h"
#include "escape.h"
#include "output.h"
#include "plan_load.h"
#include "tables.h"
#include "xalloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* Where the runtime's header and library are: set by the Makefile for the build tree, or by
 * `make install`; PLANC_INCLUDE_DIR and PLANC_LIB_DIR override both. */
#ifndef PLANC_INCLUDE_DIR
#define PLANC_INCLUDE_DIR "/usr/local/include"
#endif
#ifndef PLANC_LIB_DIR
#define PLANC_LIB_DIR "/usr/local/lib"
#endif

typedef struct CompileArgs {
    const char *plan, *output;
    bool library;
    bool xlsx;                  /* build: link the Excel part (runtime/workbook.h) */
    const char *target, *dialect;   /* compile: --target c|sql, --dialect (sql only) */
    const char *tables;             /* --tables readable|packed (C only); NULL: by the plan's size */
    prt_opt_list include;
} CompileArgs;

/* --dialect goes with --target sql, which needs it; --library with C only.  -1, or 2 after saying why. */
static int check_target(const CompileArgs *a)
{
    bool sql = a->target && strcmp(a->target, "sql") == 0;
    if (sql && !a->dialect)
        prt_errorf("planc compile: error: --target sql needs --dialect: one of %s\n", sql_dialect_names);
    else if (!sql && a->dialect)
        prt_errorf("planc compile: error: --dialect is for --target sql\n");
    else if (sql && a->library)
        prt_errorf("planc compile: error: --library is for --target c\n");
    else if (sql && a->tables)
        prt_errorf("planc compile: error: --tables is for --target c\n");
    else if (a->library && a->tables && strcmp(a->tables, "packed") == 0)
        prt_errorf("planc compile: error: --tables packed is for programs: --library's plan_plan is a constant "
                   "initialised in the C\n");
    else
        return -1;
    return EXIT_USAGE;
}

/* Reads compile's (allow_library) or build's command line into a, and --include-dir into dirs;
 * -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, CompileArgs *a, IncludeDirs *dirs, const char *cmd, bool allow_library)
{
    memset(a, 0, sizeof *a);
    static const char *const targets[] = {"c", "sql", NULL}, *const dialects[] = {"sqlite", "postgres", "duckdb", NULL},
                             *const tables[] = {"readable", "packed", NULL};
    const prt_option options[] = {
        {.name = "output", .short_name = 'o', .kind = PRT_OPT_STRING, .metavar = allow_library ? "FILE.c" : "EXECUTABLE",
         .required = true, .dest = &a->output, .help = "the file to write (atomically)"},
        {.name = "target", .kind = PRT_OPT_STRING, .metavar = "LANG", .choices = targets, .dest = &a->target,
         .help = "c (the default): the evaluator as C; sql: the plan's ratings as SQL tables and views"},
        {.name = "dialect", .kind = PRT_OPT_STRING, .metavar = "ENGINE", .choices = dialects, .dest = &a->dialect,
         .help = "with --target sql (required there): the SQL engine, sqlite, postgres or duckdb"},
        INCLUDE_DIR_OPTION(&a->include),
        allow_library
            ? (prt_option){.name = "library", .kind = PRT_OPT_FLAG, .dest = &a->library,
                           .help = "no main() but FILE.h beside FILE.c, declaring plan_plan, plan_evaluate() and plan_history()"}
            : (prt_option){.name = "xlsx", .kind = PRT_OPT_FLAG, .dest = &a->xlsx,
                           .help = "also read .xlsx returns and write --format xlsx (links libplanrt_xlsx and its libraries)"},
        {.name = "tables", .kind = PRT_OPT_STRING, .metavar = "FORM", .choices = tables, .dest = &a->tables,
         .help = "the plan's tables in the C: readable (C structs) or packed (a stream the C compiler reads fast); "
                 "the default packs a plan of over 200 indicators and activities"},
    };
    prt_command c = {
        .prog = allow_library ? "planc compile" : "planc build",
        .synopsis = allow_library ? "PLAN -o FILE.c [--library] [OPTIONS]\n       planc compile PLAN --target sql --dialect ENGINE -o FILE.sql"
                                  : "PLAN -o EXECUTABLE [OPTIONS]",
        .description = allow_library
                           ? "Writes the plan's evaluator as self-contained C11: the plan as constant tables, each derived\n"
                             "indicator's formula as a function, and main().  With --library, no main() but FILE.h declaring\n"
                             "plan_plan and plan_evaluate() for embedding.  Compile with: cc -std=c11 FILE.c -lplanrt -lm\n"
                             "With --target sql, the plan's ratings as SQL for SQLite, PostgreSQL or DuckDB: tables of the\n"
                             "plan's facts, a results table for the results CSV, and views (ratings, summaries, exceptions)\n"
                             "that give planc eval's answers (docs/warehouse.md).\n"
                           : "Compiles the plan's evaluator with $CC (default cc) and links libplanrt, giving\n"
                             "EXECUTABLE --results FILE --period P [--format text|csv|json|md|html] [--audit] [-o FILE].\n"
                             "With --xlsx it also reads .xlsx returns and writes --format xlsx, linking the Excel part and\n"
                             "its libraries; without, the executable needs only libc and libm.\n",
        .exit_status = "0 written, 1 errors in the plan, 2 usage, I/O or C compiler failure.",
        .options = allow_library ? options : (const prt_option[]){options[0], options[3], options[4], options[5]},
        .noptions = allow_library ? sizeof options / sizeof options[0] : 4,
        .args = "PLAN",
        .min_args = 1,
        .max_args = 1,
    };
    int status = plan_command_parse(&c, cmd, argc, argv, &a->include, dirs, &a->plan);
    if (status < 0)
        status = check_target(a);
    if (status < 0 && prt_same_file(a->plan, a->output)) {
        prt_errorf("planc %s: error: the output '%s' is the plan itself; refusing to overwrite it\n", cmd, a->output);
        status = EXIT_USAGE;
    }
    return status;
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* The header --library writes beside output (x.c -> x.h, x -> x.h), malloc'd. */
static char *header_path(const char *output)
{
    size_t n = strlen(output);
    char *header = xmalloc(n + 3);
    memcpy(header, output, n + 1);
    if (n > 2 && strcmp(header + n - 2, ".c") == 0)
        header[n - 1] = 'h';
    else
        strcat(header, ".h");
    return header;
}

/* Writes the C (and, for a library, the header beside it) atomically.  header (NULL: none) is
 * malloc'd, and freed here. */
static int write_c(const prt_plan *tables, const CompileArgs *a, const char *output, char *header)
{
    char *why;
    EmitTables form = !a->tables ? EMIT_TABLES_AUTO
                      : strcmp(a->tables, "packed") == 0 ? EMIT_TABLES_PACKED : EMIT_TABLES_READABLE;
    EmitOptions opt = {a->plan, header != NULL, NULL, "plan", form};
    if (header) {
        opt.header_name = base_name(header);
        /* the .c names it in an #include, which has no escapes (emit_c_escape.h) */
        if (!c_include_name_ok(opt.header_name)) {
            prt_errorf("planc compile: error: the header '%s' cannot be named in an #include: with --library, "
                       "name the output with letters, digits, '.', '_', '-' and '+' only\n", opt.header_name);
            free(header);
            return EXIT_USAGE;
        }
    }
    prt_output out, hout;
    if (!prt_output_open(&out, output, &why)) {
        prt_output_report("planc", why);
        free(header);
        return EXIT_USAGE;
    }
    emit_c(out.file, tables, &opt);
    if (header) {
        if (!prt_output_open(&hout, header, &why)) {
            prt_output_report("planc", why);
            prt_output_abandon(&out);
            free(header);
            return EXIT_USAGE;
        }
        emit_c_header(hout.file, &opt);
        if (!prt_output_commit(&hout, &why)) {
            prt_output_report("planc", why);
            prt_output_abandon(&out);
            free(header);
            return EXIT_USAGE;
        }
    }
    free(header);
    if (!prt_output_commit(&out, &why)) {
        prt_output_report("planc", why);
        return EXIT_USAGE;
    }
    return EXIT_CLEAN;
}

/* --target sql: the constructs not compiled yet refused at their places, else the script written
 * atomically. */
static int write_sql(LoadedPlan *lp, const CompileArgs *a)
{
    SqlDialect d = SQL_SQLITE;
    sql_dialect_parse(a->dialect, &d);   /* the option's choices have checked it */
    if (sql_refuse_unsupported(&lp->plan, &lp->diag)) {
        lp->diag.hide_warnings = true;
        prt_diag_print(&lp->diag, PRT_DIAG_TEXT, false);
        return EXIT_PLAN_ERRORS;
    }
    prt_output out;
    char *why;
    if (!prt_output_open(&out, a->output, &why)) {
        prt_output_report("planc", why);
        return EXIT_USAGE;
    }
    emit_sql(out.file, plan_tables(&lp->plan), d, a->plan);
    if (!prt_output_commit(&out, &why)) {
        prt_output_report("planc", why);
        return EXIT_USAGE;
    }
    return EXIT_CLEAN;
}

static int compile_with(const CompileArgs *a, const IncludeDirs *dirs)
{
    if (a->target && strcmp(a->target, "sql") == 0) {
        LoadedPlan lp;
        int status = loaded_plan_open(&lp, a->plan, dirs);
        if (status == EXIT_CLEAN && refuse_overwriting_input("compile", "output", a->output, &lp, NULL, 0))
            status = EXIT_USAGE;
        if (status == EXIT_CLEAN)
            status = write_sql(&lp, a);
        loaded_plan_free(&lp);
        return status;
    }
    LoadedPlan lp;
    int status = loaded_plan_open(&lp, a->plan, dirs);
    char *header = a->library ? header_path(a->output) : NULL;
    if (status == EXIT_CLEAN && (refuse_overwriting_input("compile", "output", a->output, &lp, NULL, 0) ||
                                 refuse_overwriting_input("compile", "header", header, &lp, NULL, 0)))
        status = EXIT_USAGE;
    if (status == EXIT_CLEAN)
        status = write_c(plan_tables(&lp.plan), a, a->output, header);
    else
        free(header);
    loaded_plan_free(&lp);
    return status;
}

/* Runs argv, waiting for it; returns its exit status, or -1 if it could not be started. */
static int run(char **args)
{
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        execvp(args[0], args);
        prt_errorf("planc build: error: cannot run '%s': %s\n", args[0], strerror(errno));
        fflush(stderr);   /* stderr is buffered (main.c) and _exit does not flush */
        _exit(127);
    }
    int st;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
}

/* The runtime's header and library: $PLANC_INCLUDE_DIR and $PLANC_LIB_DIR if set; else, for an
 * installed planc, PREFIX/include and PREFIX/lib beside its PREFIX/bin; else the build tree's. */
static void runtime_dirs(prt_buf *inc, prt_buf *lib)
{
    const char *ei = getenv("PLANC_INCLUDE_DIR"), *el = getenv("PLANC_LIB_DIR");
    prt_buf_puts(inc, ei && *ei ? ei : PLANC_INCLUDE_DIR);
    prt_buf_puts(lib, el && *el ? el : PLANC_LIB_DIR);
    char *exe = realpath("/proc/self/exe", NULL);
    char *slash = exe ? strrchr(exe, '/') : NULL;
    if (slash) {
        *slash = '\0';                             /* PREFIX/bin */
        prt_buf probe = {0};
        prt_buf_printf(&probe, "%s/../include/planrt.h", exe);
        if (access(probe.data, R_OK) == 0) {
            if (!(ei && *ei)) {
                prt_buf_clear(inc);
                prt_buf_printf(inc, "%s/../include", exe);
            }
            if (!(el && *el)) {
                prt_buf_clear(lib);
                prt_buf_printf(lib, "%s/../lib", exe);
            }
        }
        prt_buf_free(&probe);
    }
    free(exe);
}

/* The Excel part's libraries as the Makefile found them (pkg-config): `planc build --xlsx` links them. */
#ifndef PLANC_XLSX_LIBS
#define PLANC_XLSX_LIBS "-lxlsxwriter -lz -lzip -lxml2"
#endif

/* A command line being built: grows as needed, NULL-terminated by args_end. */
typedef struct arg_list {
    char **v;
    size_t n, cap;
} arg_list;

static void args_push(arg_list *l, char *arg)
{
    if (l->n + 1 >= l->cap) {
        l->cap = l->cap ? l->cap * 2 : 32;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = arg;
    l->v[l->n] = NULL;
}

/* Each word of text (split on spaces and tabs, in place), as $CC and $CFLAGS are split. */
static void args_split(arg_list *l, char *text)
{
    for (char *tok = strtok(text, " \t"); tok; tok = strtok(NULL, " \t"))
        args_push(l, tok);
}

/* Compiles the C at csrc into exe with $CC and libplanrt (and, with xlsx, the Excel part: the evaluator's
 * main() installs it when PLANRT_XLSX is defined); 0, or the exit status to return.  $CFLAGS comes after
 * planc's -std=c11 -O2, so that the user's flags win (-O0 for a quicker build, -g, -march=native). */
static int compile_c(const char *csrc, const char *exe, bool xlsx)
{
    const char *cc = getenv("CC"), *cflags = getenv("CFLAGS");
    prt_buf incdir = {0}, libdir = {0}, incflag = {0}, libpath = {0}, xlsxpath = {0};
    runtime_dirs(&incdir, &libdir);
    prt_buf_printf(&incflag, "-I%s", incdir.data);
    prt_buf_printf(&libpath, "%s/libplanrt.a", libdir.data);
    prt_buf_printf(&xlsxpath, "%s/libplanrt_xlsx.a", libdir.data);
    /* $CC may carry flags ("gcc -m64"): split it on spaces; so are $CFLAGS and the Excel part's libraries */
    char *ccbuf = xstrdup(cc && *cc ? cc : "cc"), *flagbuf = xstrdup(cflags ? cflags : ""),
         *xlsxlibs = xstrdup(xlsx ? PLANC_XLSX_LIBS : "");
    char std[] = "-std=c11", opt[] = "-O2", o[] = "-o", lm[] = "-lm", define[] = "-DPLANRT_XLSX";
    arg_list args = {0};
    args_split(&args, ccbuf);
    args_push(&args, std);
    args_push(&args, opt);
    args_split(&args, flagbuf);
    args_push(&args, incflag.data);
    if (xlsx)
        args_push(&args, define);
    args_push(&args, (char *)csrc);
    if (xlsx)
        args_push(&args, xlsxpath.data);
    args_push(&args, libpath.data);
    args_split(&args, xlsxlibs);
    args_push(&args, lm);
    args_push(&args, o);
    args_push(&args, (char *)exe);
    int cst = args.n && args.v[0] != std ? run(args.v) : -1;
    /* 127: the child could not run it, and has said so */
    if (cst != 0 && cst != 127)
        prt_errorf("planc build: error: the C compiler '%s' failed (status %d)\n", args.v[0], cst);
    free(args.v);
    free(ccbuf);
    free(flagbuf);
    free(xlsxlibs);
    prt_buf_free(&xlsxpath);
    prt_buf_free(&incdir);
    prt_buf_free(&libdir);
    prt_buf_free(&incflag);
    prt_buf_free(&libpath);
    return cst == 0 ? EXIT_CLEAN : EXIT_USAGE;
}

/* The executable replaces -o as every output does (output.h): through symbolic links, keeping the
 * replaced file's mode and owner, refusing devices and hard links, nothing left behind on failure or
 * on a signal.  The C is written as a second temporary beside the first. */
static int build_with(const CompileArgs *a, const IncludeDirs *dirs)
{
    LoadedPlan lp;
    int status = loaded_plan_open(&lp, a->plan, dirs);
    if (status == EXIT_CLEAN && refuse_overwriting_input("build", "output", a->output, &lp, NULL, 0))
        status = EXIT_USAGE;
    if (status != EXIT_CLEAN) {
        loaded_plan_free(&lp);
        return status;
    }
    prt_output out;
    char *why;
    if (!prt_output_open(&out, a->output, &why)) {
        prt_output_report("planc build", why);
        loaded_plan_free(&lp);
        return EXIT_USAGE;
    }
    struct stat old;
    bool existed = stat(out.target, &old) == 0;
    const char *csrc = prt_output_companion(&out, ".c");
    status = csrc ? write_c(plan_tables(&lp.plan), a, csrc, NULL) : EXIT_USAGE;
    if (status == EXIT_CLEAN)
        status = compile_c(csrc, out.tmp, a->xlsx);
    /* the linker made the file anew: it takes over the replaced file's owner and mode */
    if (status == EXIT_CLEAN && existed) {
        if (chown(out.tmp, old.st_uid, old.st_gid) != 0)
            (void)chown(out.tmp, (uid_t)-1, old.st_gid);
        (void)chmod(out.tmp, old.st_mode & 07777);
    }
    if (status == EXIT_CLEAN && !prt_output_commit(&out, &why)) {
        prt_output_report("planc build", why);
        status = EXIT_USAGE;
    }
    if (status != EXIT_CLEAN)
        prt_output_abandon(&out);
    loaded_plan_free(&lp);
    return status;
}

/* compile and build alike: the command line, then run with what it gave. */
static int compile_command(int argc, char **argv, const char *cmd, bool compile)
{
    CompileArgs a;
    IncludeDirs dirs;
    int status = parse_args(argc, argv, &a, &dirs, cmd, compile);
    if (status < 0)
        status = compile ? compile_with(&a, &dirs) : build_with(&a, &dirs);
    include_dirs_free(&dirs);
    return status;
}

int cmd_compile(int argc, char **argv) { return compile_command(argc, argv, "compile", true); }

int cmd_build(int argc, char **argv) { return compile_command(argc, argv, "build", false); }
