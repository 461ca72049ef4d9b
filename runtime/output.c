/* Output files appear whole or not at all, and replacing a file keeps it: the output is written to a
 * temporary file beside the file finally replaced (the end of any chain of symbolic links, which stay
 * links) and renamed over it only once complete, with the replaced file's mode and owner.  Files that
 * renaming would harm are refused: anything but a regular file, and a file with other hard links.
 * Temporaries still open are removed if SIGINT, SIGTERM or SIGHUP ends the program. */
#include "output.h"
#include "escape.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Symbolic links followed before giving up, as the kernel's own limit (Linux MAXSYMLINKS) */
#define MAX_LINKS 40

/* ---- messages: allocated, so that no path in them is ever cut short ---- */

static char *message(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (s) {
        va_start(ap, fmt);
        vsnprintf(s, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    return s;
}

void prt_output_report(const char *progname, char *why)
{
    prt_errorf("%s: error: %s\n", progname, why ? why : "out of memory");
    free(why);
}

/* ---- the temporaries alive now, removed by a signal that ends the program ---- */

static const int fatal_signals[] = {SIGINT, SIGTERM, SIGHUP};
#define NFATAL (sizeof fatal_signals / sizeof fatal_signals[0])
static struct sigaction previous[NFATAL];
static bool installed[NFATAL];
/* Changed only with the signals blocked (block_signals), so the handler always sees a whole list. */
static char **live;
static size_t nlive, live_cap;

static void block_signals(sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < NFATAL; i++)
        sigaddset(&set, fatal_signals[i]);
    sigprocmask(SIG_BLOCK, &set, old);
}

static void restore_signals(const sigset_t *old)
{
    sigprocmask(SIG_SETMASK, old, NULL);
}

/* Puts back whatever handled the signals before the first temporary (async-signal-safe). */
static void uninstall_handlers(void)
{
    for (size_t i = 0; i < NFATAL; i++)
        if (installed[i]) {
            sigaction(fatal_signals[i], &previous[i], NULL);
            installed[i] = false;
        }
}

/* Only async-signal-safe calls: unlink, sigaction, raise.  The signal is raised again once the
 * previous handling is back, so that a plain planc still dies of it and its parent sees why. */
static void remove_temporaries(int sig)
{
    for (size_t i = 0; i < nlive; i++)
        unlink(live[i]);
    nlive = 0;
    uninstall_handlers();
    raise(sig);
}

/* A signal the program was started ignoring (nohup, a background job's SIGINT) stays ignored. */
static void install_handlers(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = remove_temporaries;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < NFATAL; i++)
        sigaddset(&sa.sa_mask, fatal_signals[i]);
    for (size_t i = 0; i < NFATAL; i++) {
        if (sigaction(fatal_signals[i], NULL, &previous[i]) != 0 || previous[i].sa_handler == SIG_IGN)
            continue;
        installed[i] = sigaction(fatal_signals[i], &sa, NULL) == 0;
    }
}

/* Call with the signals blocked.  False if there is no memory to remember it. */
static bool remember_temporary(char *tmp)
{
    if (nlive == live_cap) {
        size_t cap = live_cap ? 2 * live_cap : 4;
        char **grown = realloc(live, cap * sizeof live[0]);
        if (!grown)
            return false;
        live = grown;
        live_cap = cap;
    }
    if (nlive == 0)
        install_handlers();
    live[nlive++] = tmp;
    return true;
}

/* Call with the signals blocked. */
static void forget_temporary(const char *tmp)
{
    for (size_t i = 0; i < nlive; i++)
        if (live[i] == tmp) {
            live[i] = live[--nlive];
            break;
        }
    if (nlive == 0) {
        uninstall_handlers();
        free(live);
        live = NULL;
        live_cap = 0;
    }
}

/* ---- paths ---- */

/* The directory part of path with its slash ("a/b" -> "a/"), or "" for a bare name; malloc'd. */
static char *directory_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t n = slash ? (size_t)(slash - path) + 1 : 0;
    char *dir = malloc(n + 1);
    if (dir) {
        memcpy(dir, path, n);
        dir[n] = '\0';
    }
    return dir;
}

/* The text of the symbolic link at path, malloc'd; NULL with errno set on failure. */
static char *read_link(const char *path)
{
    for (size_t size = 256;; size *= 2) {
        char *buf = malloc(size);
        if (!buf)
            return NULL;
        ssize_t n = readlink(path, buf, size);
        if (n < 0) {
            free(buf);
            return NULL;
        }
        if ((size_t)n < size) {
            buf[n] = '\0';
            return buf;
        }
        free(buf);
    }
}

/* Where the link at path leads: its text, taken from the link's directory when relative. */
static char *follow_link(const char *path)
{
    char *text = read_link(path);
    if (!text || text[0] == '/')
        return text;
    char *dir = directory_of(path);
    char *next = dir ? message("%s%s", dir, text) : NULL;
    free(dir);
    free(text);
    return next;
}

/* The file path finally names, malloc'd: path itself, or the end of its chain of symbolic links, which
 * need not exist yet (a dangling link is written through, creating its target, as the shell's > does).
 * NULL with errno set on failure. */
static char *resolve_links(const char *path)
{
    char *cur = message("%s", path);
    for (int hops = 0; cur; hops++) {
        struct stat st;
        if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
            return cur;             /* a file that is not a link, or none: creating it reports any error */
        if (hops == MAX_LINKS) {
            free(cur);
            errno = ELOOP;
            return NULL;
        }
        char *next = follow_link(cur);
        free(cur);
        cur = next;
    }
    return NULL;
}

/* ---- the replaced file ---- */

static const char *kind_of(mode_t mode)
{
    if (S_ISDIR(mode))
        return "a directory";
    if (S_ISFIFO(mode))
        return "a named pipe";
    if (S_ISCHR(mode))
        return "a character device";
    if (S_ISBLK(mode))
        return "a block device";
    if (S_ISSOCK(mode))
        return "a socket";
    return "not a regular file";
}

/* The file as a message names it: "'path'", and where a link led elsewhere "'path' (a link to 'target')". */
static char *name_for_message(const prt_output *o)
{
    if (strcmp(o->path, o->target) == 0)
        return message("'%s'", o->path);
    return message("'%s' (a link to '%s')", o->path, o->target);
}

/* Why the existing file st must not be replaced by renaming over it, malloc'd; NULL if it may be. */
static char *refusal(const prt_output *o, const struct stat *st, bool *refused)
{
    *refused = true;
    char *name = name_for_message(o), *why = NULL;
    if (!name)
        return NULL;
    if (!S_ISREG(st->st_mode))
        why = message("cannot write %s: it is %s, and planc writes only regular files (use - for standard output)",
                      name, kind_of(st->st_mode));
    else if (st->st_nlink > 1)
        why = message("cannot write %s: it has %lu hard links, and replacing it would break them; remove the other "
                      "links or write to another file", name, (unsigned long)st->st_nlink);
    else
        *refused = false;
    free(name);
    return why;
}

/* The new file takes the replaced file's owner and group where planc may give them (as root, or a
 * group planc's user is in), then its permission bits exactly (after chown, which clears set-id bits);
 * a new file gets the mode any new file would have. */
static void take_over_attributes(int fd, const struct stat *old)
{
    if (old) {
        if (fchown(fd, old->st_uid, old->st_gid) != 0)
            (void)fchown(fd, (uid_t)-1, old->st_gid);
        (void)fchmod(fd, old->st_mode & 07777);
    } else {
        mode_t mask = umask(0);
        umask(mask);
        (void)fchmod(fd, 0666 & ~mask);
    }
}

/* Makes the temporary beside o->target, under a short name (the target's own name may already be as
 * long as a name can be), remembered for the signal handler from the moment it exists. */
static int make_temporary(prt_output *o)
{
    char *dir = directory_of(o->target);
    o->tmp = dir ? message("%s.planc-XXXXXX", dir) : NULL;
    free(dir);
    if (!o->tmp)
        return -1;
    sigset_t old;
    block_signals(&old);
    int fd = mkstemp(o->tmp);
    if (fd >= 0 && !remember_temporary(o->tmp)) {
        unlink(o->tmp);
        close(fd);
        fd = -1;
        errno = ENOMEM;
    }
    restore_signals(&old);
    return fd;
}

/* Removes the temporary and forgets it; with the signals blocked, so that the handler never removes a
 * name that may already be someone else's. */
static void drop_temporary(prt_output *o)
{
    sigset_t old;
    block_signals(&old);
    unlink(o->tmp);
    forget_temporary(o->tmp);
    restore_signals(&old);
}

/* Removes the companion temporary, if any, and forgets it (signals blocked, as for the first). */
static void drop_companion(prt_output *o)
{
    if (!o->companion)
        return;
    sigset_t old;
    block_signals(&old);
    unlink(o->companion);
    forget_temporary(o->companion);
    restore_signals(&old);
    free(o->companion);
    o->companion = NULL;
}

const char *prt_output_companion(prt_output *o, const char *suffix)
{
    if (!o->tmp || o->companion)
        return o->companion;
    char *name = message("%s%s", o->tmp, suffix);
    if (!name)
        return NULL;
    sigset_t old;
    block_signals(&old);
    bool remembered = remember_temporary(name);
    restore_signals(&old);
    if (!remembered) {
        free(name);
        return NULL;
    }
    o->companion = name;
    return name;
}

static void clear(prt_output *o)
{
    drop_companion(o);
    free(o->path);
    free(o->target);
    free(o->tmp);
    memset(o, 0, sizeof o[0]);
}

bool prt_output_open(prt_output *o, const char *path, char **why)
{
    memset(o, 0, sizeof o[0]);
    *why = NULL;
    if (!path || strcmp(path, "-") == 0) {
        o->file = stdout;
        return true;
    }
    o->path = message("%s", path);
    o->target = o->path ? resolve_links(path) : NULL;
    if (!o->target) {
        *why = errno == ENOMEM ? NULL : message("cannot write '%s': %s", path, strerror(errno));
        clear(o);
        return false;
    }
    struct stat st;
    bool exists = lstat(o->target, &st) == 0, refused = false;
    if (exists && (*why = refusal(o, &st, &refused), refused)) {
        clear(o);
        return false;
    }
    int fd = make_temporary(o);
    if (fd < 0) {
        *why = message("cannot write '%s': %s", path, strerror(errno));
        clear(o);
        return false;
    }
    take_over_attributes(fd, exists ? &st : NULL);
    o->file = fdopen(fd, "w");
    if (!o->file) {
        *why = message("cannot write '%s': %s", path, strerror(errno));
        close(fd);
        drop_temporary(o);
        clear(o);
        return false;
    }
    return true;
}

bool prt_output_commit(prt_output *o, char **why)
{
    *why = NULL;
    if (!o->path) {
        if (fflush(o->file) != 0) {
            *why = message("cannot write the output: %s", strerror(errno));
            return false;
        }
        return true;
    }
    bool ok = fflush(o->file) == 0 && !ferror(o->file);
    int saved = errno;
    if (fclose(o->file) != 0 && ok) {
        ok = false;
        saved = errno;
    }
    o->file = NULL;
    if (ok) {
        sigset_t old;
        block_signals(&old);
        if (rename(o->tmp, o->target) == 0)
            forget_temporary(o->tmp);
        else {
            ok = false;
            saved = errno;
        }
        restore_signals(&old);
    }
    if (!ok) {
        *why = message("cannot write '%s': %s", o->path, strerror(saved));
        drop_temporary(o);
    }
    clear(o);
    return ok;
}

void prt_output_abandon(prt_output *o)
{
    if (!o->path)
        return;
    if (o->file)
        fclose(o->file);
    drop_temporary(o);
    clear(o);
}

bool prt_same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (!a || !b || stat(a, &sa) != 0 || stat(b, &sb) != 0)
        return false;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
