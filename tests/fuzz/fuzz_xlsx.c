/* libFuzzer: the .xlsx reader (runtime/xlsx/xlsx_read*.c) on arbitrary workbooks.  The input is split
 * at each "\n@@@\n" into the parts workbook.xml, sheet1.xml, sharedStrings.xml, styles.xml,
 * docProps/custom.xml and workbook.xml.rels (a default when absent), zipped in memory with libzip and
 * read through prt_xlsx_open(NULL, data, len) and every sheet, row and property; an input that starts
 * with "PK" is also read as the archive itself.  Whatever the reader gives must hold workbook.h's
 * promises: rows in increasing order within a sheet's size, cells NUL-terminated at their length, the
 * last cell not empty, and every text, name, problem and reason valid UTF-8. */
#include "xlsx.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char separator[] = "\n@@@\n";

static const char *const part_names[] = {
    "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml",
    "docProps/custom.xml", "xl/_rels/workbook.xml.rels",
};
enum { NPARTS = sizeof part_names / sizeof part_names[0] };

static const char top_rels[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"xl/workbook.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties\" "
    "Target=\"docProps/custom.xml\"/></Relationships>";
static const char workbook_rels[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "
    "Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
    "Target=\"styles.xml\"/></Relationships>";

/* The next separator from p on, or NULL. */
static const uint8_t *find(const uint8_t *p, const uint8_t *end)
{
    size_t n = sizeof separator - 1;
    for (; (size_t)(end - p) >= n; p++)
        if (*p == '\n' && memcmp(p, separator, n) == 0)
            return p;
    return NULL;
}

static void check_utf8(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (!len || i + len > n || (len == 2 && c < 0xC2))
            __builtin_trap();
        for (size_t k = 1; k < len; k++)
            if (((unsigned char)s[i + k] & 0xC0) != 0x80)
                __builtin_trap();
        i += len;
    }
}

static void check_text(const char *s) { check_utf8(s, strlen(s)); }

static void read_all(const void *zip, size_t len)
{
    char *why = NULL;
    prt_workbook *wb = prt_xlsx_open(NULL, zip, len, &why);
    if (!wb) {
        check_text(why);
        free(why);
        return;
    }
    const char *name;
    bool hidden;
    int rc;
    while ((rc = prt_xlsx_next_sheet(wb, &name, &hidden, &why)) == 1) {
        check_text(name);
        prt_sheet_row r;
        unsigned last = 0;
        while ((rc = prt_xlsx_next_row(wb, &r, &why)) == 1) {
            if (r.row <= last || r.row > 1048576 || r.ncells == 0 || r.ncells > 16384 ||
                (!r.len[r.ncells - 1] && !r.problem[r.ncells - 1]))
                __builtin_trap();
            last = r.row;
            for (size_t i = 0; i < r.ncells; i++) {
                if (r.text[i][r.len[i]] != '\0')
                    __builtin_trap();
                check_utf8(r.text[i], r.len[i]);
                if (r.problem[i])
                    check_text(r.problem[i]);
            }
        }
        if (rc < 0) {
            check_text(why);
            free(why);
        }
    }
    static const char *const props[] = {"planc.plan", "planc.period", "planc.digest", ""};
    for (size_t i = 0; i < sizeof props / sizeof props[0]; i++) {
        const char *v = prt_xlsx_property(wb, props[i]);
        if (v)
            check_text(v);
    }
    prt_xlsx_close(wb);
}

/* Adds len bytes at data to the archive as name, stored: deflating each part costs more than reading it. */
static void add(zip_t *za, const char *name, const void *data, size_t len)
{
    zip_source_t *s = zip_source_buffer(za, data, len, 0);
    zip_int64_t i = s ? zip_file_add(za, name, s, ZIP_FL_OVERWRITE) : -1;
    if (i < 0 && s)
        zip_source_free(s);
    if (i >= 0)
        zip_set_file_compression(za, (zip_uint64_t)i, ZIP_CM_STORE, 0);
}

/* The parts as a zip archive in memory (malloc'd), or NULL. */
static void *zip_parts(const uint8_t *const *part, const size_t *part_len, size_t nparts, size_t *len)
{
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &err);
    zip_t *za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &err) : NULL;
    zip_error_fini(&err);
    if (!za) {
        if (src)
            zip_source_free(src);
        return NULL;
    }
    zip_source_keep(src);
    add(za, "[Content_Types].xml", "<Types/>", 8);
    add(za, "_rels/.rels", top_rels, sizeof top_rels - 1);
    if (nparts < NPARTS)
        add(za, part_names[NPARTS - 1], workbook_rels, sizeof workbook_rels - 1);
    for (size_t i = 0; i < nparts; i++)
        add(za, part_names[i], part[i], part_len[i]);
    void *out = NULL;
    zip_stat_t st;
    if (zip_close(za) != 0)
        zip_discard(za);
    else if (zip_source_stat(src, &st) == 0 && zip_source_open(src) == 0) {
        out = malloc(st.size ? st.size : 1);
        zip_int64_t got = out ? zip_source_read(src, out, st.size) : -1;
        *len = got > 0 ? (size_t)got : 0;
        zip_source_close(src);
    }
    zip_source_free(src);
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    setenv("PLANRT_XLSX_MAX_PART_BYTES", "1048576", 1);
    if (size >= 2 && data[0] == 'P' && data[1] == 'K')
        read_all(data, size);
    const uint8_t *part[NPARTS];
    size_t part_len[NPARTS], nparts = 0;
    const uint8_t *p = data, *end = data + size;
    while (nparts < NPARTS) {
        const uint8_t *cut = find(p, end);
        part[nparts] = p;
        part_len[nparts++] = (size_t)((cut ? cut : end) - p);
        if (!cut)
            break;
        p = cut + sizeof separator - 1;
    }
    size_t len = 0;
    void *zip = zip_parts(part, part_len, nparts, &len);
    if (zip)
        read_all(zip, len);
    free(zip);
    return 0;
}
