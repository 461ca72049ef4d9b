/* Text as a workbook can hold it (planc template's workbook): libxlsxwriter escapes XML itself, but
 * the text must be valid UTF-8 without the control characters XML cannot carry, and Excel counts its
 * limits (a cell's 32,767 characters, a validation message's 255, a title's 32) in UTF-16 units. */
#ifndef PLANC_XLSX_TEXT_H
#define PLANC_XLSX_TEXT_H

#include "strbuf.h"

#include <stdbool.h>
#include <stddef.h>

/* The most a cell holds, in UTF-16 units. */
#define XLSX_CELL_MAX 32767

/* s (NULL: "") into b, replacing its contents: a byte that is not part of a well-formed UTF-8
 * character, and a control character other than tab, line feed and carriage return (what XML 1.0
 * carries), become U+FFFD; cut at a
 * character's start to at most max UTF-16 units (max 0: no limit).  Returns the text; *cut (when
 * not NULL) says whether anything was left out. */
const char *xlsx_text(prt_buf *b, const char *s, size_t max, bool *cut);

#endif
