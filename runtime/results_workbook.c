/* A workbook's sheets as the results reader's records (results_workbook.h). */
#include "results_workbook.h"
#include "planrt.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

const char *prt_sheets_missing_part(prt_file_kind kind)
{
    if (prt_xlsx)
        return NULL;
    if (kind == PRT_FILE_OLE)
        return "the file is an Excel 97-2003 workbook (.xls) or a password-protected one, and this evaluator "
               "was built without the Excel part: save it as CSV UTF-8, or use planc eval after saving it as .xlsx";
    return "the file is a zip archive, such as an Excel workbook (.xlsx), and this evaluator was built without "
           "the Excel part: build it with `planc build --xlsx`, use `planc eval`, or save the sheet as CSV UTF-8";
}

bool prt_sheets_open(prt_sheets *s, prt_diag *diag, const char *path, const char *data, size_t len, prt_pos at)
{
    memset(s, 0, sizeof *s);
    s->diag = diag;
    s->path = path;
    s->index = -1;
    char *why = NULL;
    s->wb = prt_xlsx ? prt_xlsx->open(path, data, len, &why) : NULL;
    if (!s->wb && diag)
        prt_diag_error_at(diag, at, "R023", "%s", why ? why : "the workbook cannot be read");
    free(why);
    return s->wb != NULL;
}

/* The workbook broke off: said once, and nothing more is read. */
static void broke(prt_sheets *s, prt_pos at, char *why)
{
    if (s->diag)
        prt_diag_error_at(s->diag, at, "R023", "%s", why ? why : "the workbook cannot be read further");
    free(why);
    s->broken = true;
}

bool prt_sheets_next_sheet(prt_sheets *s)
{
    const char *name = NULL;
    bool hidden = false;
    char *why = NULL;
    if (s->broken)
        return false;
    int rc = prt_xlsx->next_sheet(s->wb, &name, &hidden, &why);
    if (rc < 0)
        broke(s, (prt_pos){s->diag ? prt_sources_add_streamed(s->diag->sources, s->path) : 0, 0, 0, 0}, why);
    if (rc <= 0)
        return false;
    s->index++;
    s->file = s->diag ? prt_sources_add_sheet(s->diag->sources, s->path, name) : 0;
    s->header_given = s->is_results = false;
    s->first = s->width = 0;
    return true;
}

unsigned prt_sheets_column(const prt_sheets *s, size_t i) { return (unsigned)(s->first + i + 1); }

static bool blank(const char *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (t[i] != ' ' && t[i] != '\t')
            return false;
    return true;
}

/* Whether a header cell names a column every results file has: such a row is a results header. */
static bool results_column(const char *t, size_t n)
{
    while (n && (*t == ' ' || *t == '\t'))
        t++, n--;
    while (n && (t[n - 1] == ' ' || t[n - 1] == '\t'))
        n--;
    static const char *const names[] = {"ref", "period", "value"};
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        if (n == strlen(names[k])) {
            char lower[8];
            for (size_t i = 0; i < n; i++)
                lower[i] = (char)(t[i] >= 'A' && t[i] <= 'Z' ? t[i] + 32 : t[i]);
            if (memcmp(lower, names[k], n) == 0)
                return true;
        }
    return false;
}

/* The header row: the sheet's first; its cells from the first to the last that is not blank. */
static void take_header(prt_sheets *s, const prt_sheet_row *r)
{
    s->header_given = true;
    s->header_row = r->row;
    size_t first = r->first < r->ncells ? r->first : 0, end = r->ncells;
    while (first < end && blank(r->text[first], r->len[first]))
        first++;
    while (end > first && blank(r->text[end - 1], r->len[end - 1]))
        end--;
    for (size_t i = first; i < end && !s->is_results; i++)
        s->is_results = results_column(r->text[i], r->len[i]);
    s->first = first;
    s->width = end - first;
    s->nresults += s->is_results;
}

/* Cell k of row r, as a place. */
static prt_pos cell_at(const prt_sheets *s, const prt_sheet_row *r, size_t k)
{
    return (prt_pos){s->file, r->row, (unsigned)k + 1, (unsigned)k + 2};
}

/* A row's cells under the header, or false after saying what is wrong with it. */
static bool take_row(prt_sheets *s, const prt_sheet_row *r)
{
    if (s->cap < s->width) {
        s->cap = s->width;
        s->texts = prt_xrealloc(s->texts, s->cap * sizeof *s->texts);
        s->lens = prt_xrealloc(s->lens, s->cap * sizeof *s->lens);
    }
    /* a value left of the header's first column, or right of its last (the row's last cell): only
     * those two are looked at, so a row costs its header's width, never the sheet's */
    size_t outside = r->first < s->first ? r->first : r->ncells > s->first + s->width ? r->ncells - 1 : SIZE_MAX;
    if (outside != SIZE_MAX && !blank(r->text[outside], r->len[outside])) {
        if (s->diag)
            prt_diag_error_at(s->diag, cell_at(s, r, outside), "R003", "the cell has a value, but its column has no "
                              "header in row %u: give the column a header, or clear the cell", s->header_row);
        return false;
    }
    for (size_t i = 0; i < s->width; i++) {
        size_t k = s->first + i;
        bool in = k < r->ncells;
        if (in && r->problem && r->problem[k]) {
            if (s->diag)
                prt_diag_error_at(s->diag, cell_at(s, r, k), "R024", "%s", r->problem[k]);
            return false;
        }
        s->texts[i] = in ? r->text[k] : "";
        s->lens[i] = in ? r->len[k] : 0;
    }
    return true;
}

int prt_sheets_next(prt_sheets *s, prt_csv *c, unsigned *row)
{
    if (s->broken || (s->header_given && !s->is_results))
        return 0;
    for (;;) {
        prt_sheet_row r;
        char *why = NULL;
        int rc = prt_xlsx->next_row(s->wb, &r, &why);
        if (rc < 0)
            broke(s, (prt_pos){s->file, 0, 0, 0}, why);
        if (rc <= 0)
            return 0;
        *row = r.row;
        if (!s->header_given) {
            take_header(s, &r);
            if (!s->is_results)
                return 0;
            prt_csv_set_record(c, (const char *const *)r.text + s->first, r.len + s->first, s->width);
            return 1;
        }
        if (take_row(s, &r)) {
            prt_csv_set_record(c, s->texts, s->lens, s->width);
            return 1;
        }
    }
}

const char *prt_sheets_property(const prt_sheets *s, const char *name)
{
    return s->wb ? prt_xlsx->property(s->wb, name) : NULL;
}

void prt_sheets_close(prt_sheets *s)
{
    if (s->wb)
        prt_xlsx->close(s->wb);
    free(s->texts);
    free(s->lens);
    memset(s, 0, sizeof *s);
}
