/* Loading a plan: reading its file and every include (mapped read-only, confined to the allowed
 * directories), parsing and lowering each into one plan model. */
/* madvise and MAP_ANONYMOUS are not in POSIX proper; glibc shows them under _DEFAULT_SOURCE */
#define _DEFAULT_SOURCE
#include "load.h"
#include "hash.h"
#include "lower.h"
#include "parse.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static void too_large(char *why, size_t why_size, size_t limit)
{
    if (limit >= 1u << 20)
        snprintf(why, why_size, "it is larger than the limit of %zu MiB", limit >> 20);
    else
        snprintf(why, why_size, "it is larger than the limit of %zu bytes", limit);
}

char *read_text_file_max(const char *path, size_t limit, size_t *size, char *why, size_t why_size)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        snprintf(why, why_size, "%s", strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        snprintf(why, why_size, "%s", strerror(errno));
        close(fd);
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        snprintf(why, why_size, "it is a directory");
        close(fd);
        return NULL;
    }
    if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > limit) {
        too_large(why, why_size, limit);
        close(fd);
        return NULL;
    }
    /* the room for limit + 1 bytes and two NULs at most: one byte past the limit says it is passed,
     * and a pipe or a device (/dev/zero) is not read any further */
    size_t cap = S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size + 3 : 4096;
    if (cap > limit + 3)
        cap = limit + 3;
    char *buf = xmalloc(cap);
    size_t len = 0;
    while (len <= limit) {
        if (cap - len < 3) {
            cap = cap > (limit + 3) / 2 ? limit + 3 : cap * 2;
            buf = xrealloc(buf, cap);
        }
        ssize_t n = read(fd, buf + len, cap - len - 2);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            snprintf(why, why_size, "%s", strerror(errno));
            free(buf);
            close(fd);
            return NULL;
        }
        if (n == 0)
            break;
        len += (size_t)n;
    }
    close(fd);
    if (len > limit) {
        too_large(why, why_size, limit);
        free(buf);
        return NULL;
    }
    buf[len] = buf[len + 1] = '\0';
    *size = len;
    return buf;
}

char *read_text_file(const char *path, size_t *size, char *why, size_t why_size)
{
    return read_text_file_max(path, PLANC_MAX_FILE_BYTES, size, why, why_size);
}

/* A mapped file cut short by another program while planc reads it (`gen > plan.plan` in another
 * terminal) turns the reads past its new end into SIGBUS.  That is reported as what it is, and planc
 * stops as it does for an unreadable file (status 2) rather than dying of the signal.  Only
 * async-signal-safe calls here. */
static void on_sigbus(int sig)
{
    (void)sig;
    static const char msg[] = "planc: fatal error: a plan file was truncated while planc was reading it; "
                              "nothing was written\n";
    ssize_t w = write(STDERR_FILENO, msg, sizeof msg - 1);
    (void)w;
    _exit(2);
}

char *map_text_file(const char *path, size_t *size, size_t *map_len, char *why, size_t why_size)
{
    *map_len = 0;
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        snprintf(why, why_size, "%s", strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
        (unsigned long long)st.st_size > PLANC_MAX_FILE_BYTES) {
        close(fd);
        return NULL;    /* read_text_file says what is wrong, or reads what cannot be mapped */
    }
    size_t n = (size_t)st.st_size;
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t len = (n + 2 + page - 1) / page * page;
    /* anonymous zero pages first, the file over them: the two NULs after the text are the zeros past
     * the end of the file in its last page, or the anonymous page after it */
    char *base = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED) {
        close(fd);
        return NULL;
    }
    if (mmap(base, n, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0) == MAP_FAILED) {
        munmap(base, len);
        close(fd);
        return NULL;
    }
    close(fd);
    madvise(base, n, MADV_SEQUENTIAL);
    static bool guarded;
    if (!guarded) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_sigbus;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGBUS, &sa, NULL);
        guarded = true;
    }
    *size = n;
    *map_len = len;
    return base;
}

/* The real paths of the files already loaded: a file included twice is loaded once, and a plan of
 * 20,000 includes must not compare each with every one before it.  Open addressing, at most half full. */
typedef struct PathSet {
    char **slots;               /* owned strings; NULL is an empty slot */
    size_t cap, n;
} PathSet;

static size_t pathset_slot(const PathSet *set, const char *path)
{
    size_t mask = set->cap - 1;
    size_t i = prt_hash_bytes(path, strlen(path)) & mask;
    while (set->slots[i] && strcmp(set->slots[i], path) != 0)
        i = (i + 1) & mask;
    return i;
}

static bool pathset_has(const PathSet *set, const char *path)
{
    return set->cap && set->slots[pathset_slot(set, path)];
}

static void pathset_add(PathSet *set, const char *path)
{
    if (2 * (set->n + 1) > set->cap) {
        PathSet bigger = {xcalloc(set->cap ? set->cap * 2 : 64, sizeof(char *)), set->cap ? set->cap * 2 : 64, set->n};
        for (size_t i = 0; i < set->cap; i++)
            if (set->slots[i])
                bigger.slots[pathset_slot(&bigger, set->slots[i])] = set->slots[i];
        free(set->slots);
        *set = bigger;
    }
    size_t i = pathset_slot(set, path);
    if (!set->slots[i]) {
        set->slots[i] = xstrdup(path);
        set->n++;
    }
}

static void pathset_free(PathSet *set)
{
    for (size_t i = 0; i < set->cap; i++)
        free(set->slots[i]);
    free(set->slots);
}

typedef struct Loader {
    Plan *plan;
    SourceSet *sources;
    Diag *diag;
    char *stack[PLANC_MAX_INCLUDE_DEPTH + 1]; /* real paths of the files being loaded */
    Loc stack_from[PLANC_MAX_INCLUDE_DEPTH + 1];
    int depth;
    PathSet done;                             /* real paths already loaded */
    const char *current_dir;                  /* directory of the file being lowered */
    bool no_includes;                         /* text from memory: includes are refused */
    char *root;                               /* real directory of the plan named on the command line */
    const IncludeDirs *dirs;                  /* more directories includes may come from */
    const LoadOverlay *overlay;               /* open buffers that replace files on disk, or NULL */
} Loader;

static bool load_one(Loader *ld, const char *path, Loc from);

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    if (slash == path)
        return xstrdup("/");
    size_t n = (size_t)(slash - path);
    char *d = xmalloc(n + 1);
    memcpy(d, path, n);
    d[n] = '\0';
    return d;
}

static void on_include(void *user, const Stmt *inc)
{
    Loader *ld = user;
    const char *name = inc->str;
    if (!name[0]) {
        diag_error(ld->diag, inc->str_loc, "E034", "an include needs a file name");
        return;
    }
    char *path;
    if (name[0] == '/') {
        path = xstrdup(name);
    } else {
        size_t n = strlen(ld->current_dir) + strlen(name) + 2;
        path = xmalloc(n);
        snprintf(path, n, "%s/%s", ld->current_dir, name);
    }
    const char *saved = ld->current_dir;
    load_one(ld, path, inc->str_loc);
    ld->current_dir = saved;
    free(path);
}

/* Parses and lowers one file's text (handed over to the source set; a mapping when map_len is set). */
static void load_text(Loader *ld, const char *path, char *text, size_t size, size_t map_len)
{
    uint32_t file = map_len ? sources_add_mapped(ld->sources, path, text, size, map_len)
                            : sources_add(ld->sources, path, text, size);
    /* a UTF-8 byte-order mark is not part of the plan */
    size_t start = size >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    char *dir = dir_of(path);
    ld->current_dir = dir;
    Lowerer *lw = lowerer_new(ld->plan, ld->diag, ld->no_includes ? NULL : on_include, ld);
    if (!parse_file(&ld->plan->arena, ld->diag, file, text, size, start, lw, map_len != 0))
        ld->plan->syntax_errors = true;
    lowerer_free(lw);
    free(dir);
}

/* Whether the real path `real` is `dir` or inside it. */
static bool path_within(const char *real, const char *dir)
{
    size_t n = strlen(dir);
    if (n == 1 && dir[0] == '/')
        return true;
    return strncmp(real, dir, n) == 0 && (real[n] == '/' || real[n] == '\0');
}

/* Includes are confined (Hardening II): a plan from a CI job must not read the job's secrets
 * (/proc/self/environ, ~/.ssh, /etc/shadow) and quote them in its diagnostics.  An included file's
 * real path, after every symbolic link, must lie in the tree of the plan named on the command line
 * or of an --include-dir, and never under /proc, /sys or /dev.  A refused file is never opened, so
 * no message can quote it.  Returns false after reporting a refusal. */
static bool include_allowed(Loader *ld, const char *path, const char *real, Loc from)
{
    static const char *const never[] = {"/proc", "/sys", "/dev"};
    for (size_t i = 0; i < sizeof never / sizeof never[0]; i++)
        if (path_within(real, never[i])) {
            diag_error(ld->diag, from, "E042", "cannot include '%s': files under %s are never included", path,
                       never[i]);
            return false;
        }
    if (ld->root && path_within(real, ld->root))
        return true;
    for (size_t i = 0; ld->dirs && i < ld->dirs->n; i++)
        if (path_within(real, ld->dirs->real[i]))
            return true;
    diag_error(ld->diag, from, "E041",
               "cannot include '%s': it is outside the plan's directory; --include-dir DIR allows another", path);
    return false;
}

/* The overlay's text for path (real: its real path or NULL), or NULL to read the disk. */
static char *overlay_text(const Loader *ld, const char *path, const char *real, size_t *size)
{
    return ld->overlay ? ld->overlay->text(ld->overlay->user, path, real, size) : NULL;
}

/* Returns false only when the file could not be read. */
static bool load_one(Loader *ld, const char *path, Loc from)
{
    char *real = realpath(path, NULL);
    size_t size = 0;
    char *buffer = NULL;
    if (!real && (buffer = overlay_text(ld, path, NULL, &size)) != NULL) {
        free(buffer);           /* taken again below, after the checks that may return early */
        real = xstrdup(path);   /* an editor's buffer not saved yet */
    }
    if (!real) {
        if (from.file)
            diag_error(ld->diag, from, "E034", "cannot open included file '%s': %s", path, strerror(errno));
        else
            diag_error(ld->diag, from, "E040", "cannot read '%s': %s", path, strerror(errno));
        return false;
    }
    for (int i = 0; i < ld->depth; i++) {
        if (strcmp(ld->stack[i], real) == 0) {
            diag_error(ld->diag, from, "E033", "include cycle: '%s' includes itself", path);
            for (int j = ld->depth - 1; j > i; j--)
                diag_note(ld->diag, ld->stack_from[j], "through this include");
            free(real);
            return true;
        }
    }
    if (pathset_has(&ld->done, real)) {
        free(real);   /* included before: its declarations are already in the plan */
        return true;
    }
    if (ld->depth >= PLANC_MAX_INCLUDE_DEPTH) {
        diag_error(ld->diag, from, "E033", "includes are nested more than %d deep", PLANC_MAX_INCLUDE_DEPTH);
        free(real);
        return true;
    }
    char why[256];
    struct stat st;
    /* an include of a device or a pipe (/dev/zero, /dev/stdin) would hang or fill memory */
    if (from.file && stat(real, &st) == 0 && !S_ISREG(st.st_mode)) {
        diag_error(ld->diag, from, "E034", "cannot include '%s': it is not a regular file", path);
        free(real);
        return true;
    }
    if (from.file && !include_allowed(ld, path, real, from)) {
        free(real);
        return true;
    }
    /* an include is opened by the real path just checked, not again through the symbolic links */
    const char *open_path = from.file ? real : path;
    size_t map_len = 0;
    char *text = overlay_text(ld, path, real, &size);
    if (!text)
        text = map_text_file(open_path, &size, &map_len, why, sizeof why);
    if (!text)
        text = read_text_file(open_path, &size, why, sizeof why);
    if (!text) {
        if (from.file)
            diag_error(ld->diag, from, "E034", "cannot open included file '%s': %s", path, why);
        else
            diag_error(ld->diag, from, "E040", "cannot read '%s': %s", path, why);
        free(real);
        return false;
    }
    pathset_add(&ld->done, real);
    ld->stack[ld->depth] = real;
    ld->stack_from[ld->depth] = from;
    ld->depth++;
    load_text(ld, path, text, size, map_len);
    ld->depth--;
    free(real);
    return true;
}

LoadStatus load_plan(Plan *plan, SourceSet *sources, Diag *diag, const char *path, const IncludeDirs *dirs)
{
    return load_plan_overlay(plan, sources, diag, path, dirs, NULL);
}

LoadStatus load_plan_overlay(Plan *plan, SourceSet *sources, Diag *diag, const char *path, const IncludeDirs *dirs,
                             const LoadOverlay *overlay)
{
    Loader ld;
    memset(&ld, 0, sizeof ld);
    ld.plan = plan;
    ld.sources = sources;
    ld.diag = diag;
    ld.dirs = dirs;
    ld.overlay = overlay;
    char *real = realpath(path, NULL);
    if (!real && overlay)
        real = xstrdup(path);   /* perhaps a buffer not saved yet; if not, load_one reports it */
    ld.root = real ? dir_of(real) : NULL;   /* no real path: load_one reports it */
    free(real);
    bool ok = load_one(&ld, path, (Loc){0, 0, 0});
    pathset_free(&ld.done);
    free(ld.root);
    return ok ? LOAD_OK : LOAD_IO_ERROR;
}

void load_plan_text(Plan *plan, SourceSet *sources, Diag *diag, const char *name, const char *text, size_t size)
{
    Loader ld;
    memset(&ld, 0, sizeof ld);
    ld.plan = plan;
    ld.sources = sources;
    ld.diag = diag;
    ld.no_includes = true;
    char *copy = xmalloc(size + 2);
    memcpy(copy, text, size);
    copy[size] = copy[size + 1] = '\0';
    load_text(&ld, name, copy, size, 0);
}

/* FNV-1a, 64 bits, over every byte of every file in load order (the main file, then its includes as
 * they were read): one running hash, so that moving a line from one file to another changes it only
 * when the order of the bytes changes.  Byte at a time by definition; ~1 ms a megabyte. */
void load_digest(Plan *plan, const SourceSet *sources)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t f = 1; f < sources->nfiles; f++) {
        const SourceFile *sf = &sources->files[f];
        const unsigned char *p = (const unsigned char *)sf->text;
        for (size_t i = 0; p && i < sf->size; i++)
            h = (h ^ p[i]) * 0x100000001b3ull;
    }
    char text[32];
    int n = snprintf(text, sizeof text, "fnv1a64:%016llx", (unsigned long long)h);
    plan->digest = arena_strndup(&plan->arena, text, (size_t)n);
}
