/* A workbook's package (xlsx_read.h): the main part from _rels/.rels (its officeDocument relationship),
 * the workbook's sheets in order from workbook.xml and their parts from its relationships (targets
 * relative to the part's folder or absolute), the shared strings and styles parts, the date system,
 * and the custom properties (docProps/custom.xml).  Chartsheets and dialogsheets are not worksheets
 * and are left out.  Also tells an OpenDocument spreadsheet, a binary workbook and other zips apart. */
#include "xlsx_read.h"

#include <stdlib.h>
#include <string.h>

/* One relationship of a part: its id, the end of its type ("worksheet"), its target's part name. */
typedef struct rel {
    char *id, *type, *target;
} rel;

typedef struct rels {
    rel *r;
    size_t n, cap;
} rels;

static void rels_free(rels *rs)
{
    for (size_t i = 0; i < rs->n; i++) {
        free(rs->r[i].id);
        free(rs->r[i].type);
        free(rs->r[i].target);
    }
    free(rs->r);
    memset(rs, 0, sizeof *rs);
}

static int hex(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Appends one segment of a path to b ("..": drops the last), its %XX escapes decoded. */
static void add_segment(prt_buf *b, const char *s, size_t n)
{
    if (n == 0 || (n == 1 && s[0] == '.'))
        return;
    if (n == 2 && s[0] == '.' && s[1] == '.') {
        while (b->len && b->data[b->len - 1] != '/')
            b->len--;
        if (b->len)
            b->len--;
        b->data[b->len] = '\0';
        return;
    }
    if (b->len)
        prt_buf_putc(b, '/');
    for (size_t i = 0; i < n; i++) {
        int hi, lo;
        if (s[i] == '%' && i + 2 < n && (hi = hex(s[i + 1])) >= 0 && (lo = hex(s[i + 2])) >= 0 && (hi || lo)) {
            prt_buf_putc(b, (char)(hi * 16 + lo));
            i += 2;
        } else {
            prt_buf_putc(b, s[i]);
        }
    }
}

/* The part name a target names, from the folder of its source part ("xl/" for xl/workbook.xml). */
static char *resolve(const char *folder, const char *target)
{
    prt_buf b = {0};
    prt_buf_puts(&b, "");
    prt_buf path = {0};
    if (target[0] != '/')
        prt_buf_puts(&path, folder);
    prt_buf_puts(&path, target);
    const char *p = prt_buf_str(&path);
    while (*p) {
        size_t n = strcspn(p, "/\\");
        add_segment(&b, p, n);
        p += n;
        if (*p)
            p++;
    }
    prt_buf_free(&path);
    return prt_buf_take(&b);
}

static int by_id(const void *a, const void *b) { return strcmp(((const rel *)a)->id, ((const rel *)b)->id); }

/* The relationships of the part source ("" for the package), sorted by id.  A part without any is
 * not an error here: the caller says what is missing. */
static bool read_rels(prt_xlsx_zip *z, const char *source, rels *rs, char **why)
{
    memset(rs, 0, sizeof *rs);
    const char *slash = strrchr(source, '/');
    size_t folder_len = slash ? (size_t)(slash - source + 1) : 0;
    char *folder = prt_xmalloc(folder_len + 1);
    memcpy(folder, source, folder_len);
    folder[folder_len] = '\0';
    char *part = prt_xlsx_msg("%s_rels/%s.rels", folder, source + folder_len);
    bool ok = true;
    prt_xlsx_xml x;
    if (prt_xlsx_zip_find(z, part) >= 0 && (ok = prt_xlsx_xml_open(&x, z, part, why))) {
        static const char *const names[] = {"Id", "Type", "Target", "TargetMode"};
        const char *v[4];
        int rc;
        while ((rc = prt_xlsx_xml_read(&x, why)) == 1) {
            if (!prt_xlsx_xml_starts(&x, "Relationship"))
                continue;
            prt_xlsx_xml_attrs(&x, names, v, 4);
            if (!v[0] || !v[1] || !v[2] || (v[3] && strcmp(v[3], "External") == 0))
                continue;
            if (rs->n == rs->cap) {
                rs->cap = rs->cap ? 2 * rs->cap : 16;
                rs->r = prt_xrealloc(rs->r, rs->cap * sizeof *rs->r);
            }
            const char *type_end = strrchr(v[1], '/');
            rs->r[rs->n++] = (rel){prt_xstrdup(v[0]), prt_xstrdup(type_end ? type_end + 1 : v[1]), resolve(folder, v[2])};
        }
        ok = rc == 0;
        prt_xlsx_xml_close(&x);
        if (!ok)
            rels_free(rs);
        else if (rs->n)
            qsort(rs->r, rs->n, sizeof *rs->r, by_id);
    }
    free(part);
    free(folder);
    return ok;
}

/* The target of the first relationship of that type, or NULL. */
static const char *target_of(const rels *rs, const char *type)
{
    for (size_t i = 0; i < rs->n; i++)
        if (strcmp(rs->r[i].type, type) == 0)
            return rs->r[i].target;
    return NULL;
}

static char *dup_or_null(const char *s) { return s ? prt_xstrdup(s) : NULL; }

/* A sheet's name without control characters (C0, DEL, C1: each becomes '?'). */
static char *clean_name(const char *s)
{
    prt_buf b = {0};
    prt_buf_puts(&b, "");
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x20 || *p == 0x7F)
            prt_buf_putc(&b, '?');
        else if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
            prt_buf_putc(&b, '?'), p++;
        else
            prt_buf_putc(&b, (char)*p);
    }
    return prt_buf_take(&b);
}

static void add_sheet(prt_xlsx_package *p, size_t *cap, const rels *rs, const char *const *v)
{
    rel key = {(char *)(v[2] ? v[2] : ""), NULL, NULL};
    const rel *r = rs->n ? bsearch(&key, rs->r, rs->n, sizeof key, by_id) : NULL;
    if (r && strcmp(r->type, "worksheet") != 0)
        return;   /* a chartsheet, dialogsheet or macro sheet: no rows to read */
    if (p->nsheets == *cap) {
        *cap = *cap ? 2 * *cap : 8;
        p->sheets = prt_xrealloc(p->sheets, *cap * sizeof *p->sheets);
    }
    bool hidden = v[1] && (strcmp(v[1], "hidden") == 0 || strcmp(v[1], "veryHidden") == 0);
    p->sheets[p->nsheets++] = (prt_xlsx_sheet_ref){clean_name(v[0] ? v[0] : ""), dup_or_null(r ? r->target : NULL), hidden};
}

static bool is_true(const char *v) { return v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0); }

/* workbook.xml: the date system and the sheets; false with *why when its root is not a workbook. */
static bool read_workbook(prt_xlsx_package *p, prt_xlsx_zip *z, const rels *rs, char **why)
{
    prt_xlsx_xml x;
    if (!prt_xlsx_xml_open(&x, z, p->workbook_part, why))
        return false;
    static const char *const sheet_attrs[] = {"name", "state", "id"}, *const pr_attrs[] = {"date1904"};
    const char *v[3];
    size_t cap = 0;
    bool root = false;
    int rc;
    while ((rc = prt_xlsx_xml_read(&x, why)) == 1) {
        if (xmlTextReaderNodeType(x.reader) != XML_READER_TYPE_ELEMENT)
            continue;
        if (!root && !(root = prt_xlsx_xml_starts(&x, "workbook"))) {
            *why = prt_xlsx_msg("the file is a zip archive but not an Excel workbook: save the return as .xlsx or as CSV UTF-8");
            rc = -1;
            break;
        }
        if (prt_xlsx_xml_starts(&x, "workbookPr")) {
            prt_xlsx_xml_attrs(&x, pr_attrs, v, 1);
            p->date1904 = is_true(v[0]);
        } else if (prt_xlsx_xml_starts(&x, "sheet") && xmlTextReaderDepth(x.reader) == 2) {
            prt_xlsx_xml_attrs(&x, sheet_attrs, v, 3);
            add_sheet(p, &cap, rs, v);
        }
    }
    prt_xlsx_xml_close(&x);
    return rc == 0;
}

/* Says what a zip that holds no .xlsx workbook is, by its parts. */
static char *not_a_workbook(prt_xlsx_zip *z, const char *main_part)
{
    char *mimetype = prt_xlsx_zip_head(z, "mimetype", 100);
    bool ods = mimetype && strncmp(mimetype, "application/vnd.oasis.opendocument.spreadsheet", 46) == 0;
    free(mimetype);
    if (ods)
        return prt_xlsx_msg("the file is an OpenDocument spreadsheet (.ods): save it as .xlsx or as CSV UTF-8");
    size_t n = main_part ? strlen(main_part) : 0;
    if ((n > 4 && strcmp(main_part + n - 4, ".bin") == 0) || prt_xlsx_zip_find(z, "xl/workbook.bin") >= 0)
        return prt_xlsx_msg("the file is an Excel binary workbook (.xlsb): save it as .xlsx");
    if (main_part && prt_xlsx_zip_find(z, main_part) >= 0)
        return NULL;
    return prt_xlsx_msg("the file is a zip archive but not an Excel workbook: save the return as .xlsx or as CSV UTF-8");
}

bool prt_xlsx_package_read(prt_xlsx_package *p, prt_xlsx_zip *z, char **why)
{
    memset(p, 0, sizeof *p);
    rels top, wb;
    if (!read_rels(z, "", &top, why))
        return false;
    p->workbook_part = dup_or_null(target_of(&top, "officeDocument"));
    p->custom_part = dup_or_null(target_of(&top, "custom-properties"));
    rels_free(&top);
    if ((*why = not_a_workbook(z, p->workbook_part)))
        return false;
    if (!read_rels(z, p->workbook_part, &wb, why))
        return false;
    p->strings_part = dup_or_null(target_of(&wb, "sharedStrings"));
    p->styles_part = dup_or_null(target_of(&wb, "styles"));
    bool ok = read_workbook(p, z, &wb, why);
    rels_free(&wb);
    return ok;
}

static void add_property(prt_xlsx_package *p, size_t *cap, const char *name, prt_buf *value)
{
    if (p->nprops == *cap) {
        *cap = *cap ? 2 * *cap : 8;
        p->prop_names = prt_xrealloc(p->prop_names, *cap * sizeof *p->prop_names);
        p->prop_values = prt_xrealloc(p->prop_values, *cap * sizeof *p->prop_values);
    }
    p->prop_names[p->nprops] = prt_xstrdup(name);
    prt_buf_puts(value, "");
    p->prop_values[p->nprops++] = prt_buf_take(value);
}

bool prt_xlsx_properties_read(prt_xlsx_package *p, prt_xlsx_zip *z, char **why)
{
    const char *part = p->custom_part;
    if (!part && prt_xlsx_zip_find(z, "docProps/custom.xml") >= 0)
        part = "docProps/custom.xml";
    prt_xlsx_xml x;
    if (!part || !prt_xlsx_xml_open(&x, z, part, why))
        return !part;
    static const char *const names[] = {"name"};
    const char *v[1];
    size_t cap = 0;
    prt_buf value = {0};
    int rc;
    while ((rc = prt_xlsx_xml_read(&x, why)) == 1) {
        if (!prt_xlsx_xml_starts(&x, "property"))
            continue;
        prt_xlsx_xml_attrs(&x, names, v, 1);
        char *name = prt_xstrdup(v[0] ? v[0] : "");   /* the reader moves on while the value is read */
        prt_buf_clear(&value);
        rc = prt_xlsx_xml_text(&x, &value, false, why);
        if (rc >= 0)
            add_property(p, &cap, name, &value);
        free(name);
        if (rc < 0)
            break;
    }
    prt_buf_free(&value);
    prt_xlsx_xml_close(&x);
    return rc == 0;
}

void prt_xlsx_package_free(prt_xlsx_package *p)
{
    for (size_t i = 0; i < p->nsheets; i++) {
        free(p->sheets[i].name);
        free(p->sheets[i].part);
    }
    for (size_t i = 0; i < p->nprops; i++) {
        free(p->prop_names[i]);
        free(p->prop_values[i]);
    }
    free(p->sheets);
    free(p->prop_names);
    free(p->prop_values);
    free(p->workbook_part);
    free(p->strings_part);
    free(p->styles_part);
    free(p->custom_part);
    memset(p, 0, sizeof *p);
}
