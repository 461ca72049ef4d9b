/* A worksheet's rows (xlsx_read.h): <sheetData><row r><c r t s> streamed with xmlTextReader, each
 * cell's value as text (workbook.h: shared and inline strings, numbers as shown, booleans, errors,
 * formulas without a saved value), rows and cells without r following the previous, rows in
 * increasing order within a sheet's size, and merged ranges filled in (xlsx_merge.c).  Only rows with
 * a value are given; empty rows cost no allocation, so a million of them read in linear time. */
#include "xlsx_read.h"

#include <stdlib.h>
#include <string.h>

struct prt_xlsx_sheet {
    prt_xlsx_zip *zip;
    char *part;
    const prt_xlsx_strings *strings;
    const prt_xlsx_styles *styles;
    bool date1904;
    bool started, done;
    prt_xlsx_xml x;
    prt_xlsx_merges merges;
    int data_depth;             /* <sheetData>'s depth while inside it, else -1 */
    unsigned last_row;          /* the last row read, 0 before the first */
    unsigned row;               /* the row being read, 0 until its number is known */
    unsigned long last_col;     /* the last column read in this row, 0 before the first */
    prt_xlsx_cells cells;
    prt_pool pool;              /* this row's texts */
    prt_buf value, scratch, name;
};

static const char formula_unsaved[] =
    "the cell holds a formula with no saved value (the program that saved the workbook does not calculate "
    "formulas): open it in a spreadsheet program and save it again";

void prt_xlsx_cells_set(prt_xlsx_cells *c, size_t col, const char *text, size_t len, const char *problem)
{
    if (col >= c->cap) {
        size_t cap = c->cap ? 2 * c->cap : 16;
        while (cap <= col)
            cap *= 2;
        c->text = prt_xrealloc(c->text, cap * sizeof *c->text);
        c->len = prt_xrealloc(c->len, cap * sizeof *c->len);
        c->problem = prt_xrealloc(c->problem, cap * sizeof *c->problem);
        for (size_t i = c->cap; i < cap; i++)
            c->text[i] = (char *)"", c->len[i] = 0, c->problem[i] = NULL;
        c->cap = cap;
    }
    if (c->ndirty == c->dirty_cap) {
        c->dirty_cap = c->dirty_cap ? 2 * c->dirty_cap : 16;
        c->dirty = prt_xrealloc(c->dirty, c->dirty_cap * sizeof *c->dirty);
    }
    c->dirty[c->ndirty++] = col;
    c->text[col] = (char *)text;
    c->len[col] = len;
    c->problem[col] = problem;
    if ((len || problem) && (c->width == 0 || col < c->first))
        c->first = col;
    if ((len || problem) && col + 1 > c->width)
        c->width = col + 1;
}

/* Empties the columns the last row set: the cost is that row's, never the sheet's width. */
static void cells_clear(prt_xlsx_cells *c)
{
    for (size_t i = 0; i < c->ndirty; i++) {
        size_t col = c->dirty[i];
        c->text[col] = (char *)"", c->len[col] = 0, c->problem[col] = NULL;
    }
    c->ndirty = c->width = 0;
}

/* "C12", for messages. */
static const char *cell_name(prt_xlsx_sheet *s, unsigned long col, unsigned long row)
{
    prt_buf_clear(&s->name);
    prt_xlsx_column_name(&s->name, col);
    prt_buf_printf(&s->name, "%lu", row);
    return prt_buf_str(&s->name);
}

/* Takes n as the row's number: within a sheet and after the last; false with *why. */
static bool row_number(prt_xlsx_sheet *s, unsigned long n, char **why)
{
    if (n > PRT_XLSX_MAX_ROW)
        *why = prt_xlsx_msg("row %lu is beyond the last row of a sheet (%u)", n, PRT_XLSX_MAX_ROW);
    else if (n <= s->last_row)
        *why = prt_xlsx_msg("the sheet's rows are out of order at row %lu: the file was not written by a spreadsheet "
                            "program; save it again from one", n);
    else
        s->row = (unsigned)n;
    return s->row != 0;
}

/* Sets a cell to a copy of text, within Excel's limit on a cell; false with *why. */
static bool put_text(prt_xlsx_sheet *s, unsigned long col, const char *text, size_t len, const char *problem, char **why)
{
    if (prt_xlsx_chars(text, len) > PRT_XLSX_CELL_CHARS) {
        *why = prt_xlsx_msg("cell %s holds more than %d characters, Excel's own limit for a cell: the workbook was not "
                            "written by a spreadsheet program; save it again from one", cell_name(s, col, s->row),
                            PRT_XLSX_CELL_CHARS);
        return false;
    }
    if (len || problem)
        prt_xlsx_cells_set(&s->cells, col - 1, prt_pool_add(&s->pool, text, len), len, problem);
    return true;
}

/* A shared string cell: its text stays in the table. */
static bool put_shared(prt_xlsx_sheet *s, unsigned long col, const char *v, char **why)
{
    size_t len, digits = strspn(v, "0123456789");
    const char *text = NULL;
    if (digits && digits < 12 && !v[digits])
        text = prt_xlsx_string(s->strings, (size_t)strtoull(v, NULL, 10), &len);
    if (!text) {
        prt_buf q = {0};
        *why = prt_xlsx_msg("cell %s refers to shared string '%s', which the workbook lacks: the workbook is damaged; "
                            "save it again as .xlsx", cell_name(s, col, s->row), prt_xlsx_quote(&q, v));
        prt_buf_free(&q);
        return false;
    }
    if (len)
        prt_xlsx_cells_set(&s->cells, col - 1, text, len, NULL);
    return true;
}

/* The cell's value (s->value) as text, by its type (t attribute's first letter, 'S' for "str"). */
static bool put_value(prt_xlsx_sheet *s, unsigned long col, char type, prt_xlsx_shown shown, char **why)
{
    const char *v = prt_buf_str(&s->value);
    prt_buf_clear(&s->scratch);
    switch (type) {
    case 's':
        return put_shared(s, col, v, why);
    case 'i':
    case 'S':
        prt_xlsx_unescape(&s->value);
        return put_text(s, col, prt_buf_str(&s->value), s->value.len, NULL, why);
    case 'b':
        if (strcmp(v, "1") == 0 || strcmp(v, "0") == 0)
            return put_text(s, col, v[0] == '1' ? "TRUE" : "FALSE", v[0] == '1' ? 4 : 5, NULL, why);
        break;
    case 'e':
        if (strcmp(v, "#N/A") == 0 || !*v)
            break;
        prt_buf_printf(&s->scratch, "the cell holds the error %s: its formula failed", prt_xlsx_quote(&s->name, v));
        return put_text(s, col, v, s->value.len, prt_pool_add(&s->pool, s->scratch.data, s->scratch.len), why);
    case 'd':
        prt_xlsx_iso_date_text(&s->scratch, v);
        return put_text(s, col, prt_buf_str(&s->scratch), s->scratch.len, NULL, why);
    default:
        if (prt_xlsx_number_text(&s->scratch, v, shown, s->date1904))
            return put_text(s, col, prt_buf_str(&s->scratch), s->scratch.len, NULL, why);
    }
    return put_text(s, col, v, s->value.len, NULL, why);   /* as written: nothing is lost */
}

/* The cell's column from its r attribute (or after the last), checked; 0 with *why. */
static unsigned long cell_column(prt_xlsx_sheet *s, const char *ref, char **why)
{
    unsigned long col = s->last_col + 1, row = 0;
    prt_buf q = {0};
    *why = NULL;
    if (ref && (!prt_xlsx_parse_ref(ref, &col, &row) || !col))
        *why = prt_xlsx_msg("the sheet has a cell reference '%s' that is not one (a column and a row, like C12)",
                            prt_xlsx_quote(&q, ref));
    else if (row > PRT_XLSX_MAX_ROW)
        *why = prt_xlsx_msg("cell %s is beyond the last row of a sheet (%u)", prt_xlsx_quote(&q, ref), PRT_XLSX_MAX_ROW);
    else if (col > PRT_XLSX_MAX_COL)
        *why = prt_xlsx_msg("cell %s is beyond the last column of a sheet (XFD)", prt_xlsx_quote(&q, ref));
    else if (!s->row && !row_number(s, row ? row : s->last_row + 1, why))
        ;
    else if (row && row != s->row)
        *why = prt_xlsx_msg("cell %s is written inside row %u: the file was not written by a spreadsheet program; "
                            "save it again from one", prt_xlsx_quote(&q, ref), s->row);
    else if (col <= s->last_col)
        *why = prt_xlsx_msg("the sheet's cells are out of order at cell %s: the file was not written by a spreadsheet "
                            "program; save it again from one", cell_name(s, col, s->row));
    prt_buf_free(&q);
    return *why ? 0 : (s->last_col = col);
}

/* Reads the <c> element the reader is on, through its end. */
static bool read_cell(prt_xlsx_sheet *s, char **why)
{
    static const char *const names[] = {"r", "t", "s"};
    const char *a[3];
    prt_xlsx_xml_attrs(&s->x, names, a, 3);
    unsigned long col = cell_column(s, a[0], why);
    if (!col)
        return false;
    char type = !a[1] ? 'n' : strcmp(a[1], "str") == 0 ? 'S' : a[1][0];
    prt_xlsx_shown shown = prt_xlsx_style_shown(s->styles, a[2]);
    bool has_value = false, has_formula = false;
    if (!xmlTextReaderIsEmptyElement(s->x.reader)) {
        int depth = xmlTextReaderDepth(s->x.reader), rc;
        while ((rc = prt_xlsx_xml_read(&s->x, why)) == 1 && !prt_xlsx_xml_ends(&s->x, depth)) {
            if (xmlTextReaderDepth(s->x.reader) != depth + 1)
                continue;
            bool v = prt_xlsx_xml_starts(&s->x, "v"), is = !v && prt_xlsx_xml_starts(&s->x, "is");
            has_formula |= prt_xlsx_xml_starts(&s->x, "f");
            if (v || is) {
                has_value = true;
                prt_buf_clear(&s->value);
                if (prt_xlsx_xml_text(&s->x, &s->value, is, why) < 0)
                    return false;
            }
        }
        if (rc <= 0) {
            if (rc == 0)   /* libxml2 reports a document cut short first: only in case it did not */
                *why = prt_xlsx_xml_broken(&s->x);
            return false;
        }
    }
    /* openpyxl writes a formula's value as <v></v>: a string result may be empty, a number never is */
    if (!has_value || (has_formula && s->value.len == 0 && type != 'S' && type != 'i'))
        return !has_formula || put_text(s, col, "", 0, formula_unsaved, why);
    return put_value(s, col, type, shown, why);
}

/* Reads the <row> element the reader is on, through its end: 1 when it has a value, 0 when not. */
static int read_row(prt_xlsx_sheet *s, char **why)
{
    static const char *const names[] = {"r"};
    const char *a[1];
    prt_xlsx_xml_attrs(&s->x, names, a, 1);
    s->row = 0;
    s->last_col = 0;
    cells_clear(&s->cells);
    prt_pool_free(&s->pool);
    if (a[0]) {
        size_t digits = strspn(a[0], "0123456789");
        if (!digits || a[0][digits] || digits > 9) {
            prt_buf q = {0};
            *why = prt_xlsx_msg("the sheet has a row number '%s' that is not one", prt_xlsx_quote(&q, a[0]));
            prt_buf_free(&q);
            return -1;
        }
        if (!row_number(s, strtoul(a[0], NULL, 10), why))
            return -1;
    }
    if (!xmlTextReaderIsEmptyElement(s->x.reader)) {
        int depth = xmlTextReaderDepth(s->x.reader), rc;
        while ((rc = prt_xlsx_xml_read(&s->x, why)) == 1 && !prt_xlsx_xml_ends(&s->x, depth))
            if (xmlTextReaderDepth(s->x.reader) == depth + 1 && prt_xlsx_xml_starts(&s->x, "c") && !read_cell(s, why))
                return -1;
        if (rc < 0)
            return -1;
    }
    if (!s->row && !row_number(s, (unsigned long)s->last_row + 1, why))
        return -1;
    s->last_row = s->row;
    if (s->cells.width)
        prt_xlsx_merges_apply(&s->merges, s->row, &s->cells, s->strings);
    return s->cells.width > 0;
}

prt_xlsx_sheet *prt_xlsx_sheet_open(prt_xlsx_zip *z, const char *part, const prt_xlsx_strings *strings,
                                    const prt_xlsx_styles *styles, bool date1904)
{
    prt_xlsx_sheet *s = prt_xcalloc(1, sizeof *s);
    s->zip = z;
    s->part = part ? prt_xstrdup(part) : NULL;
    s->strings = strings;
    s->styles = styles;
    s->date1904 = date1904;
    s->data_depth = -1;
    return s;
}

/* The first call for a row: the merged ranges (a pass of their own), then the rows' pass. */
static bool start(prt_xlsx_sheet *s, char **why)
{
    s->started = true;
    if (!s->part) {
        *why = prt_xlsx_msg("the workbook names no part that holds the sheet: the workbook is damaged; save it again as .xlsx");
        return false;
    }
    return prt_xlsx_merges_read(&s->merges, s->zip, s->part, why) && prt_xlsx_xml_open(&s->x, s->zip, s->part, why);
}

int prt_xlsx_sheet_next_row(prt_xlsx_sheet *s, prt_sheet_row *row, char **why)
{
    if (s->done)
        return 0;
    if (!s->started && !start(s, why)) {
        s->done = true;
        return -1;
    }
    for (;;) {
        int rc = prt_xlsx_xml_read(&s->x, why);
        if (rc <= 0) {
            s->done = true;
            return rc;
        }
        if (s->data_depth < 0) {
            if (prt_xlsx_xml_starts(&s->x, "sheetData") && !xmlTextReaderIsEmptyElement(s->x.reader))
                s->data_depth = xmlTextReaderDepth(s->x.reader);
        } else if (prt_xlsx_xml_ends(&s->x, s->data_depth)) {
            s->data_depth = -1;
        } else if (xmlTextReaderDepth(s->x.reader) == s->data_depth + 1 && prt_xlsx_xml_starts(&s->x, "row")) {
            rc = read_row(s, why);
            if (rc < 0) {
                s->done = true;
                return -1;
            }
            if (rc == 1) {
                *row = (prt_sheet_row){.row = s->row, .ncells = s->cells.width, .first = s->cells.first,
                                       .text = s->cells.text, .len = s->cells.len, .problem = s->cells.problem};
                return 1;
            }
        }
    }
}

void prt_xlsx_sheet_close(prt_xlsx_sheet *s)
{
    if (!s)
        return;
    prt_xlsx_xml_close(&s->x);
    prt_xlsx_merges_free(&s->merges);
    free(s->cells.text);
    free(s->cells.len);
    free(s->cells.problem);
    free(s->cells.dirty);
    prt_pool_free(&s->pool);
    prt_buf_free(&s->value);
    prt_buf_free(&s->scratch);
    prt_buf_free(&s->name);
    free(s->part);
    free(s);
}
