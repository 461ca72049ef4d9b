/* Reading .xlsx workbooks: the prt_xlsx_part functions of workbook.h.  Opening reads what the whole
 * workbook shares (its package, shared strings, styles and custom properties); each sheet's rows are
 * streamed when asked for (xlsx_sheet.c).  The pieces are in xlsx_read.h. */
#include "xlsx.h"
#include "xlsx_read.h"

#include <stdlib.h>
#include <string.h>

struct prt_workbook {
    prt_xlsx_zip zip;
    prt_xlsx_package package;
    prt_xlsx_strings strings;
    prt_xlsx_styles styles;
    size_t next;                /* the next sheet's index in package.sheets */
    prt_xlsx_sheet *sheet;      /* the current one's rows, or NULL */
};

prt_workbook *prt_xlsx_open(const char *path, const void *data, size_t len, char **why)
{
    *why = prt_xlsx_ole_why(path, data, len);
    if (*why)
        return NULL;
    prt_workbook *wb = prt_xcalloc(1, sizeof *wb);
    if (!prt_xlsx_zip_open(&wb->zip, path, data, len, why)) {
        free(wb);
        return NULL;
    }
    if (!prt_xlsx_package_read(&wb->package, &wb->zip, why) ||
        !prt_xlsx_strings_read(&wb->strings, &wb->zip, wb->package.strings_part, why) ||
        !prt_xlsx_styles_read(&wb->styles, &wb->zip, wb->package.styles_part, why) ||
        !prt_xlsx_properties_read(&wb->package, &wb->zip, why)) {
        prt_xlsx_close(wb);
        return NULL;
    }
    return wb;
}

int prt_xlsx_next_sheet(prt_workbook *wb, const char **name, bool *hidden, char **why)
{
    (void)why;   /* everything a sheet can lack is found when its rows are read */
    prt_xlsx_sheet_close(wb->sheet);
    wb->sheet = NULL;
    if (wb->next >= wb->package.nsheets)
        return 0;
    const prt_xlsx_sheet_ref *ref = &wb->package.sheets[wb->next++];
    wb->sheet = prt_xlsx_sheet_open(&wb->zip, ref->part, &wb->strings, &wb->styles, wb->package.date1904);
    *name = ref->name;
    *hidden = ref->hidden;
    return 1;
}

int prt_xlsx_next_row(prt_workbook *wb, prt_sheet_row *row, char **why)
{
    return wb->sheet ? prt_xlsx_sheet_next_row(wb->sheet, row, why) : 0;
}

const char *prt_xlsx_property(prt_workbook *wb, const char *name)
{
    for (size_t i = 0; i < wb->package.nprops; i++)
        if (strcmp(wb->package.prop_names[i], name) == 0)
            return wb->package.prop_values[i];
    return NULL;
}

void prt_xlsx_close(prt_workbook *wb)
{
    if (!wb)
        return;
    prt_xlsx_sheet_close(wb->sheet);
    prt_xlsx_styles_free(&wb->styles);
    prt_xlsx_strings_free(&wb->strings);
    prt_xlsx_package_free(&wb->package);
    prt_xlsx_zip_close(&wb->zip);
    free(wb);
}
