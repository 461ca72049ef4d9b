/* planc lsp's URIs: a file:// URI (RFC 8089) into the path it names, percent-decoded, and a path back
 * into a URI with every byte but the unreserved ones and '/' percent-encoded, as VS Code writes them. */
#include "lsp.h"
#include "strbuf.h"
#include "xalloc.h"

#include <string.h>
#include <strings.h>

static int hex_value(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

char *lsp_uri_to_path(const char *uri)
{
    if (strncasecmp(uri, "file://", 7) != 0)
        return NULL;
    const char *p = uri + 7;
    if (strncasecmp(p, "localhost/", 10) == 0)
        p += 9;
    if (*p != '/')
        return NULL;    /* another host, or no path */
    prt_buf out = {0};
    for (; *p && *p != '?' && *p != '#'; p++) {
        if (*p != '%') {
            prt_buf_putc(&out, *p);
            continue;
        }
        int hi = hex_value(p[1]), lo = hi < 0 ? -1 : hex_value(p[2]);
        if (lo < 0 || (hi == 0 && lo == 0)) {
            prt_buf_free(&out);
            return NULL;    /* a malformed escape, or %00: no path can hold a NUL */
        }
        prt_buf_putc(&out, (char)(hi * 16 + lo));
        p += 2;
    }
    return prt_buf_take(&out);
}

char *lsp_uri_from_path(const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    prt_buf out = {0};
    prt_buf_puts(&out, "file://");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        unsigned char c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("-._~/", c)) {
            prt_buf_putc(&out, (char)c);
        } else {
            prt_buf_putc(&out, '%');
            prt_buf_putc(&out, hex[c >> 4]);
            prt_buf_putc(&out, hex[c & 15]);
        }
    }
    return prt_buf_take(&out);
}
