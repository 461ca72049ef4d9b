/* Graphviz in a child process.  Layout of clustered graphs in Graphviz 2.43 leaks on every call, can
 * crash, and can run for minutes; in a child, a crash is an error message, a leak dies with it, and a
 * time limit can be enforced.  The child writes the rendered bytes to one pipe and Graphviz's
 * messages to another; the parent collects both. */
#include "escape.h"
#include "map.h"
#include "map_graph.h"
#include "xalloc.h"

#include <errno.h>
#include <graphviz/gvc.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int err_fd = -1;

/* Graphviz calls this with each message it would print. */
static int forward_error(char *msg)
{
    if (err_fd >= 0 && msg)
        (void)!write(err_fd, msg, strlen(msg));
    return 0;
}

static void write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            _exit(3);
        }
        p += w;
        n -= (size_t)w;
    }
}

static _Noreturn void child(const Plan *plan, const MapOptions *opt, const char *format, int out_fd, int errors)
{
    err_fd = errors;
    /* the loader's SIGBUS handler speaks of a truncated plan file; here a SIGBUS is Graphviz's crash */
    signal(SIGBUS, SIG_DFL);
    /* A test hook: the suite makes the child stall or crash to exercise the time limit and the crash
     * path, which a real layout does not do on demand. */
    const char *test = getenv("PLANC_MAP_TEST");
    if (test && strcmp(test, "stall") == 0)
        for (;;)
            pause();
    if (test && strcmp(test, "crash") == 0)
        raise(SIGSEGV);
    agseterrf(forward_error);
    Agraph_t *g = map_graph(plan, opt);
    if (strcmp(format, "dot") == 0) {
        FILE *f = fdopen(out_fd, "w");
        if (!f || agwrite(g, f) != 0 || fflush(f) != 0)
            _exit(4);
        _exit(0);
    }
    GVC_t *gvc = gvContext();
    if (gvLayout(gvc, g, "dot") != 0) {
        forward_error("layout failed\n");
        _exit(5);
    }
    char *data = NULL;
    unsigned int len = 0;
    if (gvRenderData(gvc, g, format, &data, &len) != 0 || !data) {
        forward_error("rendering failed\n");
        _exit(6);
    }
    write_all(out_fd, data, len);
    /* no cleanup: the process ends here, and with it whatever Graphviz leaked */
    _exit(0);
}

static void append(char **buf, size_t *len, size_t *cap, const char *p, size_t n)
{
    if (*len + n + 1 > *cap) {
        *cap = (*len + n + 1) * 2;
        *buf = xrealloc(*buf, *cap);
    }
    memcpy(*buf + *len, p, n);
    *len += n;
    (*buf)[*len] = '\0';
}

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

bool map_render(const Plan *plan, const MapOptions *opt, const char *format, unsigned timeout_seconds, char **data,
                size_t *len, char *why, size_t why_size)
{
    int out[2], err[2];
    *data = NULL;
    *len = 0;
    if (pipe(out) != 0 || pipe(err) != 0) {
        snprintf(why, why_size, "cannot create a pipe: %s", strerror(errno));
        return false;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(why, why_size, "cannot start the layout process: %s", strerror(errno));
        close(out[0]), close(out[1]), close(err[0]), close(err[1]);
        return false;
    }
    if (pid == 0) {
        close(out[0]);
        close(err[0]);
        child(plan, opt, format, out[1], err[1]);
    }
    close(out[1]);
    close(err[1]);

    char *buf = NULL, *msgs = NULL;
    size_t cap = 0, mlen = 0, mcap = 0;
    bool out_open = true, err_open = true, timed_out = false;
    long long deadline = now_ms() + (long long)timeout_seconds * 1000;
    while (out_open || err_open) {
        struct pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
        long long left = deadline - now_ms();
        if (left <= 0) {
            timed_out = true;
            break;
        }
        int rc = poll(fds, 2, left > 1000000 ? 1000000 : (int)left);
        if (rc < 0 && errno == EINTR)
            continue;
        if (rc < 0)
            break;
        char chunk[65536];
        for (int k = 0; k < 2; k++) {
            bool *open_ = k == 0 ? &out_open : &err_open;
            if (!*open_ || !(fds[k].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            ssize_t n = read(fds[k].fd, chunk, sizeof chunk);
            if (n > 0) {
                if (k == 0)
                    append(&buf, len, &cap, chunk, (size_t)n);
                else if (mlen < 8192)
                    append(&msgs, &mlen, &mcap, chunk, (size_t)n);
            } else if (n == 0 || errno != EINTR) {
                *open_ = false;
            }
        }
    }
    close(out[0]);
    close(err[0]);
    if (timed_out)
        kill(pid, SIGKILL);
    int st = 0;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
        ;
    bool ok = !timed_out && WIFEXITED(st) && WEXITSTATUS(st) == 0 && *len > 0;
    if (msgs) {
        /* Graphviz's messages, one diagnostic line each */
        for (char *line = strtok(msgs, "\n"); line; line = strtok(NULL, "\n"))
            prt_errorf("planc map: graphviz: %s\n", line);
    }
    if (!ok) {
        if (timed_out)
            snprintf(why, why_size, "the layout took longer than %u seconds and was stopped; draw less with "
                                    "--pillar, --theme, --split pillar or --detail outcomes, or allow more with --timeout",
                     timeout_seconds);
        else if (WIFSIGNALED(st))
            snprintf(why, why_size, "Graphviz crashed during the layout (signal %d); draw less with --pillar, "
                                    "--theme or --detail outcomes", WTERMSIG(st));
        else
            snprintf(why, why_size, "Graphviz could not draw the map%s", msgs ? " (see its messages above)" : "");
        free(buf);
        *len = 0;
    } else {
        *data = buf;
    }
    free(msgs);
    return ok;
}
