/* The workbook's archive, through libzip (xlsx_read.h): opening it from a file or from bytes, finding
 * parts by name, and the cap on what one part may unpack to, checked against its declared size here
 * and counted while it is read (xlsx_xml.c), so that a zip bomb stops at the cap. */
#include "xlsx_read.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

char *prt_xlsx_msg(const char *fmt, ...)
{
    prt_buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    prt_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    return prt_buf_take(&b);
}

const char *prt_xlsx_quote(prt_buf *b, const char *s)
{
    prt_buf_clear(b);
    size_t n = 0;
    for (; s[n] && n < 40; n++)
        prt_buf_putc(b, s[n] >= 0x20 && s[n] < 0x7f ? s[n] : '?');
    if (s[n])
        prt_buf_puts(b, "...");
    return prt_buf_str(b);
}

/* The cap: 256 MiB, or less when PLANRT_XLSX_MAX_PART_BYTES says so (for tests). */
static size_t part_cap(void)
{
    const char *env = getenv("PLANRT_XLSX_MAX_PART_BYTES");
    if (env && *env) {
        char *end;
        errno = 0;
        unsigned long long v = strtoull(env, &end, 10);
        if (!*end && !errno && v > 0 && v < PRT_XLSX_PART_CAP)
            return (size_t)v;
    }
    return PRT_XLSX_PART_CAP;
}

size_t prt_xlsx_count_cap(const prt_xlsx_zip *z, size_t cap, size_t per)
{
    return z->part_cap / per < cap ? z->part_cap / per : cap;
}

bool prt_xlsx_zip_open(prt_xlsx_zip *z, const char *path, const void *data, size_t len, char **why)
{
    memset(z, 0, sizeof *z);
    z->part_cap = part_cap();
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t *src;
    if (data) {
        z->copy = prt_xmalloc(len ? len : 1);
        memcpy(z->copy, data, len);
        src = zip_source_buffer_create(z->copy, len, 0, &err);
    } else {
        src = zip_source_file_create(path, 0, -1, &err);
    }
    if (src)
        z->archive = zip_open_from_source(src, ZIP_RDONLY, &err);
    if (!z->archive) {
        int code = zip_error_code_zip(&err);
        if (code == ZIP_ER_OPEN || code == ZIP_ER_READ || code == ZIP_ER_NOENT)
            *why = prt_xlsx_msg("the file cannot be read (%s)", zip_error_strerror(&err));
        else
            *why = prt_xlsx_msg("the file is not a readable zip archive (%s): it is damaged or was cut short; "
                                "save the workbook again as .xlsx", zip_error_strerror(&err));
        if (src)
            zip_source_free(src);
        zip_error_fini(&err);
        free(z->copy);
        z->copy = NULL;
        return false;
    }
    zip_error_fini(&err);
    return true;
}

void prt_xlsx_zip_close(prt_xlsx_zip *z)
{
    if (z->archive)
        zip_discard(z->archive);   /* read only: nothing to write back */
    free(z->copy);
    memset(z, 0, sizeof *z);
}

int64_t prt_xlsx_zip_find(prt_xlsx_zip *z, const char *name)
{
    /* the exact name first: libzip finds it by hash; ignoring case is a scan of every entry */
    zip_int64_t i = zip_name_locate(z->archive, name, 0);
    if (i < 0)
        i = zip_name_locate(z->archive, name, ZIP_FL_NOCASE);
    return i;
}

zip_file_t *prt_xlsx_zip_fopen(prt_xlsx_zip *z, int64_t index, const char *name, char **why)
{
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(z->archive, (zip_uint64_t)index, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
        st.size > z->part_cap) {
        *why = prt_xlsx_msg("%s unpacks to more than %zu bytes, the most planc reads from one part of a workbook: "
                            "the file is damaged or hostile (a zip bomb)", name, z->part_cap);
        return NULL;
    }
    zip_file_t *f = zip_fopen_index(z->archive, (zip_uint64_t)index, 0);
    if (!f)
        *why = prt_xlsx_msg("%s cannot be unpacked (%s): the workbook is damaged or encrypted; save it again as .xlsx",
                            name, zip_strerror(z->archive));
    return f;
}

char *prt_xlsx_zip_head(prt_xlsx_zip *z, const char *name, size_t max)
{
    int64_t i = prt_xlsx_zip_find(z, name);
    zip_file_t *f = i < 0 ? NULL : zip_fopen_index(z->archive, (zip_uint64_t)i, 0);
    if (!f)
        return NULL;
    char *text = prt_xmalloc(max + 1);
    zip_int64_t n = zip_fread(f, text, max);
    zip_fclose(f);
    if (n < 0) {
        free(text);
        return NULL;
    }
    text[n] = '\0';
    return text;
}
