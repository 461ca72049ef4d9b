/* Output files appear whole or not at all: written to a temporary file beside the target and renamed
 * over it only once complete, so an error never leaves a partial file or spoils an existing one. */
#include "output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool prt_output_open(prt_output *o, const char *path, char *why, size_t why_size)
{
    memset(o, 0, sizeof o[0]);
    if (!path || strcmp(path, "-") == 0) {
        o->file = stdout;
        return true;
    }
    size_t n = strlen(path);
    o->path = malloc(n + 1);
    o->tmp = malloc(n + 16);
    if (!o->path || !o->tmp) {
        free(o->path);
        free(o->tmp);
        snprintf(why, why_size, "out of memory");
        return false;
    }
    memcpy(o->path, path, n + 1);
    snprintf(o->tmp, n + 16, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        snprintf(why, why_size, "cannot write '%s': %s", path, strerror(errno));
        free(o->path);
        free(o->tmp);
        o->path = o->tmp = NULL;
        return false;
    }
    /* mkstemp makes the file private; give it the mode any new file would have */
    mode_t mask = umask(0);
    umask(mask);
    (void)fchmod(fd, 0666 & ~mask);
    o->file = fdopen(fd, "w");
    if (!o->file) {
        snprintf(why, why_size, "cannot write '%s': %s", path, strerror(errno));
        close(fd);
        unlink(o->tmp);
        free(o->path);
        free(o->tmp);
        o->path = o->tmp = NULL;
        return false;
    }
    return true;
}

bool prt_output_commit(prt_output *o, char *why, size_t why_size)
{
    if (!o->path) {
        if (fflush(o->file) != 0) {
            snprintf(why, why_size, "cannot write the output: %s", strerror(errno));
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
    if (ok && rename(o->tmp, o->path) != 0) {
        ok = false;
        saved = errno;
    }
    if (!ok) {
        snprintf(why, why_size, "cannot write '%s': %s", o->path, strerror(saved));
        unlink(o->tmp);
    }
    free(o->path);
    free(o->tmp);
    o->path = o->tmp = NULL;
    return ok;
}

void prt_output_abandon(prt_output *o)
{
    if (!o->path)
        return;
    if (o->file)
        fclose(o->file);
    unlink(o->tmp);
    free(o->path);
    free(o->tmp);
    memset(o, 0, sizeof o[0]);
}
