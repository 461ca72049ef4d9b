/* Helpers for writing workbooks with libxlsxwriter (xlsx.h): a workbook written through a private
 * temporary file to any FILE, worksheet names Excel accepts, the palette's colours. */
#include "xlsx.h"

#include "escape.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *message(const char *fmt, const char *arg)
{
    prt_buf b = {0};
    prt_buf_printf(&b, fmt, arg);
    return prt_buf_take(&b);
}

bool prt_xlsx_out_open(prt_xlsx_out *o, char **why)
{
    memset(o, 0, sizeof *o);
    const char *dir = getenv("TMPDIR");
    prt_buf path = {0};
    prt_buf_printf(&path, "%s/planc-xlsx-XXXXXX", dir && *dir ? dir : "/tmp");
    o->tmp = prt_buf_take(&path);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        *why = message("cannot make a temporary file for the workbook: %s", strerror(errno));
        free(o->tmp);
        o->tmp = NULL;
        return false;
    }
    close(fd);
    lxw_workbook_options options = {.constant_memory = LXW_FALSE, .tmpdir = dir && *dir ? (char *)dir : NULL};
    o->wb = workbook_new_opt(o->tmp, &options);
    if (!o->wb) {
        *why = message("cannot start the workbook in '%s'", o->tmp);
        unlink(o->tmp);
        free(o->tmp);
        o->tmp = NULL;
        return false;
    }
    return true;
}

/* Copies the file at path to out. */
static bool copy_to(const char *path, FILE *out)
{
    FILE *in = fopen(path, "rb");
    if (!in)
        return false;
    char buf[1 << 16];
    size_t n;
    bool ok = true;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        ok &= fwrite(buf, 1, n, out) == n;
    ok &= !ferror(in);
    fclose(in);
    return ok;
}

bool prt_xlsx_out_finish(prt_xlsx_out *o, FILE *out, char **why)
{
    lxw_error err = workbook_close(o->wb);
    o->wb = NULL;
    bool ok = err == LXW_NO_ERROR;
    if (!ok)
        *why = message("cannot write the workbook: %s", lxw_strerror(err));
    else if (!copy_to(o->tmp, out)) {
        *why = message("cannot copy the workbook from '%s'", o->tmp);
        ok = false;
    }
    unlink(o->tmp);
    free(o->tmp);
    o->tmp = NULL;
    return ok;
}

void prt_xlsx_out_abandon(prt_xlsx_out *o)
{
    if (o->wb)
        workbook_close(o->wb);
    if (o->tmp) {
        unlink(o->tmp);
        free(o->tmp);
    }
    memset(o, 0, sizeof *o);
}

static bool same_name(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if ((*a >= 'A' && *a <= 'Z' ? *a + 32 : *a) != (*b >= 'A' && *b <= 'Z' ? *b + 32 : *b))
            return false;
    return *a == *b;
}

static bool taken(const prt_xlsx_names *names, const char *s)
{
    for (size_t i = 0; i < names->n; i++)
        if (same_name(names->names[i], s))
            return true;
    return false;
}

/* s cut to at most max characters (UTF-8), at a character's start. */
static void cut_chars(prt_buf *b, const char *s, size_t max)
{
    size_t chars = 0;
    for (; *s; s++) {
        if (((unsigned char)*s & 0xC0) != 0x80 && chars++ == max)
            break;
        prt_buf_putc(b, *s);
    }
}

const char *prt_xlsx_sheet_name(prt_xlsx_names *names, const char *want)
{
    prt_buf clean = {0};
    for (const char *s = want ? want : ""; *s; s++)
        prt_buf_putc(&clean, strchr("[]:*?/\\", *s) || (unsigned char)*s < 0x20 ? '-' : *s);
    const char *base = clean.data ? clean.data : "";
    while (*base == '\'' || *base == ' ')
        base++;
    if (!*base)
        base = "Sheet";
    prt_buf name = {0};
    for (int k = 1;; k++) {
        prt_buf_clear(&name);
        char suffix[24] = "";
        if (k > 1)
            snprintf(suffix, sizeof suffix, " (%d)", k);
        cut_chars(&name, base, 31 - strlen(suffix));
        while (name.len && (name.data[name.len - 1] == '\'' || name.data[name.len - 1] == ' '))
            name.data[--name.len] = '\0';
        prt_buf_puts(&name, suffix);
        if (!taken(names, prt_buf_str(&name)) && !same_name(prt_buf_str(&name), "History"))
            break;
    }
    prt_buf_free(&clean);
    if (names->n == names->cap) {
        names->cap = names->cap ? names->cap * 2 : 8;
        names->names = prt_xrealloc(names->names, names->cap * sizeof *names->names);
    }
    names->names[names->n] = prt_buf_take(&name);
    return names->names[names->n++];
}

void prt_xlsx_names_free(prt_xlsx_names *names)
{
    for (size_t i = 0; i < names->n; i++)
        free(names->names[i]);
    free(names->names);
    memset(names, 0, sizeof *names);
}

lxw_color_t prt_xlsx_colour(const char *hex)
{
    lxw_color_t c = hex && hex[0] == '#' ? (lxw_color_t)strtoul(hex + 1, NULL, 16) : 0;
    return c ? c : LXW_COLOR_BLACK;   /* 0 is libxlsxwriter's "no colour": black has a value of its own */
}

/* Whether s starts with "_xHHHH_", which Excel reads as the character U+HHHH. */
static bool escape_like(const char *s)
{
    if (s[0] != '_' || s[1] != 'x')
        return false;
    for (int i = 2; i < 6; i++)
        if (!s[i] || !strchr("0123456789abcdefABCDEF", s[i]))
            return false;
    return s[6] == '_';
}

const char *prt_xlsx_text(prt_buf *b, const char *s, size_t max, unsigned flags, bool *cut)
{
    prt_buf_clear(b);
    size_t units = 0, room = max && (flags & PRT_XLSX_ELLIPSIS) ? max - 1 : max;
    bool left_out = false;
    for (s = s ? s : ""; *s;) {
        uint32_t cp;
        size_t n = prt_utf8_char(s, &cp);
        const char *bytes = s;
        size_t nbytes = n;
        bool control = (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F;
        if (n == 0 || (control && !(flags & PRT_XLSX_CONTROLS))) {
            bytes = "\xEF\xBF\xBD";            /* U+FFFD: XML 1.0 cannot carry it */
            nbytes = 3;
            cp = 0xFFFD;
            n = n ? n : 1;
        }
        bool esc = (flags & PRT_XLSX_ESCAPE_X) && escape_like(s);
        /* a character beyond the BMP is two UTF-16 units; an escaped '_' is the seven of "_x005F_" */
        size_t need = esc ? 7 : cp > 0xFFFF ? 2 : 1;
        if (max && units + need > room && (units + need > max || s[n] || !(flags & PRT_XLSX_ELLIPSIS))) {
            left_out = true;
            break;
        }
        units += need;
        if (esc)
            prt_buf_puts(b, "_x005F");         /* the '_' itself, escaped; "_xHHHH_" then follows as text */
        prt_buf_add(b, bytes, nbytes);
        s += n;
    }
    if (left_out && (flags & PRT_XLSX_ELLIPSIS))
        prt_buf_puts(b, "\xE2\x80\xA6");       /* the text goes on in the plan or the return */
    if (cut)
        *cut = left_out;
    return prt_buf_str(b);
}
