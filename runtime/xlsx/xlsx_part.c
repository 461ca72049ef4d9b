/* prt_xlsx_enable(): installs the Excel part's reader and report writer in the core runtime
 * (workbook.h), so that results readers take .xlsx returns and --format xlsx writes a workbook. */
#include "xlsx.h"

static const prt_xlsx_part part = {
    .open = prt_xlsx_open,
    .next_sheet = prt_xlsx_next_sheet,
    .next_row = prt_xlsx_next_row,
    .property = prt_xlsx_property,
    .close = prt_xlsx_close,
    .report = prt_xlsx_report,
};

void prt_xlsx_enable(void) { prt_xlsx = &part; }
