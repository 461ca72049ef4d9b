/* Text as OOXML stores it (xlsx_read.h): the _xHHHH_ escapes with which a workbook writes characters
 * XML cannot hold (a carriage return as _x000D_, an underscore before "x0041_" as _x005F_), and
 * counting characters for Excel's limit on a cell. */
#include "xlsx_read.h"

#include <string.h>

/* The UTF-16 code unit of an escape at s ("_x000D_"), or -1 when s holds none. */
static long escape_at(const char *s, size_t left)
{
    if (left < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_')
        return -1;
    long v = 0;
    for (int i = 2; i < 6; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* Writes code point c as UTF-8 at out; the bytes written. */
static size_t put_utf8(char *out, unsigned long c)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | c >> 6);
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | c >> 12);
        out[1] = (char)(0x80 | (c >> 6 & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | c >> 18);
    out[1] = (char)(0x80 | (c >> 12 & 0x3F));
    out[2] = (char)(0x80 | (c >> 6 & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

void prt_xlsx_unescape(prt_buf *b)
{
    if (!b->data || !memchr(b->data, '_', b->len))
        return;
    /* every escape is 7 bytes and becomes at most 3 (a pair of them 14, at most 4): done in place */
    char *s = b->data;
    size_t in = 0, out = 0, n = b->len;
    while (in < n) {
        long u = escape_at(s + in, n - in);
        if (u < 0) {
            s[out++] = s[in++];
            continue;
        }
        in += 7;
        unsigned long c = (unsigned long)u;
        if (u >= 0xD800 && u <= 0xDBFF) {
            long low = escape_at(s + in, n - in);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                c = 0x10000 + (((unsigned long)u - 0xD800) << 10) + ((unsigned long)low - 0xDC00);
                in += 7;
            } else {
                c = 0xFFFD;
            }
        } else if (u == 0 || (u >= 0xDC00 && u <= 0xDFFF)) {
            c = 0xFFFD;
        }
        out += put_utf8(s + out, c);
    }
    b->len = out;
    s[out] = '\0';
}

size_t prt_xlsx_chars(const char *s, size_t n)
{
    size_t chars = 0;
    for (size_t i = 0; i < n; i++)
        chars += ((unsigned char)s[i] & 0xC0) != 0x80;
    return chars;
}
