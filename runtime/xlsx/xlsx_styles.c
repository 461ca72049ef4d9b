/* A workbook's styles.xml as the reader needs it (xlsx_read.h): for each cell format (<cellXfs><xf>,
 * a cell's s attribute), whether it shows numbers as percentages, as dates, or plainly.  Builtin
 * number formats by id; custom ones (<numFmts>) by their format code.  Elapsed times ("[h]:mm") count
 * as dates only when they also show a day or a year: a duration is a number, not a date. */
#include "xlsx_read.h"

#include <stdlib.h>
#include <string.h>

static bool builtin_date(unsigned long id)
{
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/* Reads a format code: what it shows outside quotes ("..."), brackets ([Red], [$-409], [h]) and
 * escaped characters (\x, _x a space as wide as x, *x a fill). */
static prt_xlsx_shown code_shown(const char *code)
{
    bool percent = false, day_or_year = false, time_letter = false, elapsed = false;
    for (const char *p = code; *p; p++) {
        char c = *p;
        if (c == '"') {
            p = strchr(p + 1, '"');
            if (!p)
                break;
        } else if (c == '[') {
            const char *end = strchr(p, ']');
            if (!end)
                break;
            char first = (char)(p[1] | 0x20);
            elapsed |= (first == 'h' || first == 'm' || first == 's') && strspn(p + 1, "hHmMsS") == (size_t)(end - p - 1);
            p = end;
        } else if (c == '\\' || c == '_' || c == '*') {
            if (!*++p)
                break;
        } else if (c == '%') {
            percent = true;
        } else {
            char l = (char)(c | 0x20);
            day_or_year |= l == 'd' || l == 'y';
            time_letter |= l == 'm' || l == 'h' || l == 's';
        }
    }
    if (day_or_year || (time_letter && !elapsed))
        return PRT_XLSX_DATE;
    return percent ? PRT_XLSX_PERCENT : PRT_XLSX_PLAIN;
}

prt_xlsx_shown prt_xlsx_format_shown(unsigned long id, const char *code)
{
    if (code)
        return code_shown(code);
    if (id == 9 || id == 10)
        return PRT_XLSX_PERCENT;
    return builtin_date(id) ? PRT_XLSX_DATE : PRT_XLSX_PLAIN;
}

/* A custom number format: its id and what it shows. */
typedef struct custom_format {
    unsigned long id;
    unsigned char shown;
} custom_format;

static int by_id(const void *a, const void *b)
{
    unsigned long x = ((const custom_format *)a)->id, y = ((const custom_format *)b)->id;
    return (x > y) - (x < y);
}

static unsigned long number(const char *s)
{
    if (!s || !(*s >= '0' && *s <= '9'))
        return (unsigned long)-1;
    char *end;
    unsigned long v = strtoul(s, &end, 10);
    return *end ? (unsigned long)-1 : v;
}

/* What the parts of styles.xml give: custom formats, and each cell format's number format id. */
typedef struct style_parts {
    custom_format *custom;
    size_t ncustom, custom_cap;
    unsigned long *xf_format;
    size_t nxf, xf_cap;
} style_parts;

static void add_custom(style_parts *sp, prt_xlsx_xml *x)
{
    static const char *const names[] = {"numFmtId", "formatCode"};
    const char *v[2];
    prt_xlsx_xml_attrs(x, names, v, 2);
    if (!v[0] || !v[1])
        return;
    if (sp->ncustom == sp->custom_cap) {
        sp->custom_cap = sp->custom_cap ? 2 * sp->custom_cap : 16;
        sp->custom = prt_xrealloc(sp->custom, sp->custom_cap * sizeof *sp->custom);
    }
    sp->custom[sp->ncustom++] = (custom_format){number(v[0]), (unsigned char)code_shown(v[1])};
}

static void add_xf(style_parts *sp, prt_xlsx_xml *x)
{
    static const char *const names[] = {"numFmtId"};
    const char *v[1];
    prt_xlsx_xml_attrs(x, names, v, 1);
    if (sp->nxf == sp->xf_cap) {
        sp->xf_cap = sp->xf_cap ? 2 * sp->xf_cap : 16;
        sp->xf_format = prt_xrealloc(sp->xf_format, sp->xf_cap * sizeof *sp->xf_format);
    }
    sp->xf_format[sp->nxf++] = v[0] ? number(v[0]) : 0;
}

/* Reads the parts: <numFmt> anywhere, <xf> inside <cellXfs> only (<cellStyleXfs> are not cells'). */
static bool read_parts(style_parts *sp, prt_xlsx_xml *x, char **why)
{
    int cell_xfs = -1;   /* the depth of <cellXfs> while inside it */
    int rc;
    while ((rc = prt_xlsx_xml_read(x, why)) == 1) {
        int type = xmlTextReaderNodeType(x->reader), depth = xmlTextReaderDepth(x->reader);
        if (prt_xlsx_xml_starts(x, "numFmt"))
            add_custom(sp, x);
        else if (prt_xlsx_xml_starts(x, "cellXfs") && !xmlTextReaderIsEmptyElement(x->reader))
            cell_xfs = depth;
        else if (cell_xfs >= 0 && depth == cell_xfs + 1 && prt_xlsx_xml_starts(x, "xf"))
            add_xf(sp, x);
        else if (type == XML_READER_TYPE_END_ELEMENT && depth == cell_xfs)
            cell_xfs = -1;
    }
    return rc == 0;
}

bool prt_xlsx_styles_read(prt_xlsx_styles *st, prt_xlsx_zip *z, const char *part, char **why)
{
    memset(st, 0, sizeof *st);
    if (!part)
        return true;
    prt_xlsx_xml x;
    if (!prt_xlsx_xml_open(&x, z, part, why))
        return false;
    style_parts sp = {0};
    bool ok = read_parts(&sp, &x, why);
    prt_xlsx_xml_close(&x);
    if (ok) {
        if (sp.ncustom)
            qsort(sp.custom, sp.ncustom, sizeof *sp.custom, by_id);
        st->n = sp.nxf;
        st->shown = prt_xmalloc(sp.nxf ? sp.nxf : 1);
        for (size_t i = 0; i < sp.nxf; i++) {
            custom_format key = {sp.xf_format[i], 0};
            const custom_format *c = sp.ncustom ? bsearch(&key, sp.custom, sp.ncustom, sizeof key, by_id) : NULL;
            st->shown[i] = c ? c->shown : (unsigned char)prt_xlsx_format_shown(sp.xf_format[i], NULL);
        }
    }
    free(sp.custom);
    free(sp.xf_format);
    return ok;
}

prt_xlsx_shown prt_xlsx_style_shown(const prt_xlsx_styles *st, const char *s_attr)
{
    unsigned long i = s_attr ? number(s_attr) : 0;
    return i < st->n ? (prt_xlsx_shown)st->shown[i] : PRT_XLSX_PLAIN;
}

void prt_xlsx_styles_free(prt_xlsx_styles *st)
{
    free(st->shown);
    memset(st, 0, sizeof *st);
}
