/* Text as a workbook can hold it (xlsx_text.h). */
#include "xlsx_text.h"

#include "escape.h"

#include <stdint.h>

const char *xlsx_text(prt_buf *b, const char *s, size_t max, bool *cut)
{
    prt_buf_clear(b);
    size_t units = 0;
    bool left_out = false;
    for (s = s ? s : ""; *s;) {
        uint32_t cp;
        size_t n = prt_utf8_char(s, &cp);
        const char *bytes = s;
        if (n == 0 || (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F) {
            bytes = "\xEF\xBF\xBD";            /* U+FFFD */
            cp = 0xFFFD;
            n = n ? n : 1;
        }
        size_t need = cp > 0xFFFF ? 2 : 1;   /* a character beyond the BMP is two UTF-16 units */
        if (max && units + need > max) {
            left_out = true;
            break;
        }
        units += need;
        prt_buf_add(b, bytes, bytes == s ? n : 3);
        s += n;
    }
    if (cut)
        *cut = left_out;
    return prt_buf_str(b);
}
