/* The report as a workbook (a stub until the writer lands). */
#include "xlsx.h"

bool prt_xlsx_report(FILE *out, const prt_history *h, char **why)
{
    (void)out, (void)h;
    *why = prt_xstrdup("the .xlsx report is not built yet");
    return false;
}
