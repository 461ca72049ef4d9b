/* The core's side of the seam with the Excel part (workbook.h): where the part installs itself, and
 * telling a workbook from a text file by its first bytes. */
#include "workbook.h"

#include <string.h>

const prt_xlsx_part *prt_xlsx;

prt_file_kind prt_file_kind_of(const void *head, size_t len)
{
    if (len >= 4 && memcmp(head, "PK\3\4", 4) == 0)
        return PRT_FILE_ZIP;
    if (len >= 8 && memcmp(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
        return PRT_FILE_OLE;
    return PRT_FILE_TEXT;
}
