/* Reading .xlsx workbooks (a stub until the reader lands). */
#include "xlsx.h"

#include <stdlib.h>

prt_workbook *prt_xlsx_open(const char *path, const void *data, size_t len, char **why)
{
    (void)path, (void)data, (void)len;
    *why = prt_xstrdup("reading .xlsx is not built yet");
    return NULL;
}
int prt_xlsx_next_sheet(prt_workbook *wb, const char **name, bool *hidden, char **why)
{
    (void)wb, (void)name, (void)hidden, (void)why;
    return 0;
}
int prt_xlsx_next_row(prt_workbook *wb, prt_sheet_row *row, char **why)
{
    (void)wb, (void)row, (void)why;
    return 0;
}
const char *prt_xlsx_property(prt_workbook *wb, const char *name)
{
    (void)wb, (void)name;
    return NULL;
}
void prt_xlsx_close(prt_workbook *wb) { (void)wb; }
