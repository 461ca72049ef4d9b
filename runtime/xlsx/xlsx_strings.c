/* A workbook's shared strings (sharedStrings.xml; xlsx_read.h): each <si>, plain (<t>) or rich text
 * (runs <r><t>), without phonetic runs (<rPh>), its _xHHHH_ escapes decoded; all of them in one
 * buffer, within caps on their number and on a string's length. */
#include "xlsx_read.h"

#include <stdlib.h>
#include <string.h>

/* Adds the string in item to the table; false with *why over a cap. */
static bool add_string(prt_xlsx_strings *s, prt_buf *item, const char *part, char **why)
{
    prt_xlsx_unescape(item);
    if (prt_xlsx_chars(item->data ? item->data : "", item->len) > PRT_XLSX_CELL_CHARS) {
        *why = prt_xlsx_msg("%s has a string of more than %d characters, Excel's own limit for a cell: the "
                            "workbook was not written by a spreadsheet program; save it again from one", part,
                            PRT_XLSX_CELL_CHARS);
        return false;
    }
    if (s->n == s->most) {
        *why = prt_xlsx_msg("%s has more than %zu strings, the most planc reads: the file is damaged or hostile",
                            part, s->most);
        return false;
    }
    if (s->n + 1 >= s->cap) {
        s->cap = s->cap ? 2 * s->cap : 256;
        s->start = prt_xrealloc(s->start, s->cap * sizeof *s->start);
    }
    prt_buf_add(&s->text, prt_buf_str(item), item->len);
    prt_buf_putc(&s->text, '\0');
    s->start[++s->n] = s->text.len;
    return true;
}

bool prt_xlsx_strings_read(prt_xlsx_strings *s, prt_xlsx_zip *z, const char *part, char **why)
{
    memset(s, 0, sizeof *s);
    s->cap = 256;
    s->start = prt_xmalloc(s->cap * sizeof *s->start);
    s->start[0] = 0;
    s->most = prt_xlsx_count_cap(z, PRT_XLSX_MAX_STRINGS, 8);
    if (!part)
        return true;
    prt_xlsx_xml x;
    if (!prt_xlsx_xml_open(&x, z, part, why))
        return false;
    prt_buf item = {0};
    int rc;
    while ((rc = prt_xlsx_xml_read(&x, why)) == 1) {
        if (!prt_xlsx_xml_starts(&x, "si"))
            continue;
        prt_buf_clear(&item);
        if (prt_xlsx_xml_text(&x, &item, true, why) < 0 || !add_string(s, &item, part, why)) {
            rc = -1;
            break;
        }
    }
    prt_buf_free(&item);
    prt_xlsx_xml_close(&x);
    return rc == 0;
}

const char *prt_xlsx_string(const prt_xlsx_strings *s, size_t i, size_t *len)
{
    if (i >= s->n)
        return NULL;
    *len = s->start[i + 1] - s->start[i] - 1;
    return s->text.data + s->start[i];
}

void prt_xlsx_strings_free(prt_xlsx_strings *s)
{
    prt_buf_free(&s->text);
    free(s->start);
    memset(s, 0, sizeof *s);
}
