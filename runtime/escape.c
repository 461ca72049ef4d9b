/* The output escaping functions declared in escape.h: one per output language. */
#include "escape.h"

#include <stdarg.h>
#include <string.h>

#define REPLACEMENT "\xEF\xBF\xBD"   /* U+FFFD */

size_t prt_utf8_char(const char *str, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    size_t n;
    uint32_t c, min;
    if (s[0] >= 0xC2 && s[0] <= 0xDF)
        n = 2, c = s[0] & 0x1F, min = 0x80;
    else if (s[0] >= 0xE0 && s[0] <= 0xEF)
        n = 3, c = s[0] & 0x0F, min = 0x800;
    else if (s[0] >= 0xF0 && s[0] <= 0xF4)
        n = 4, c = s[0] & 0x07, min = 0x10000;
    else
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)   /* also stops at the NUL */
            return 0;
        c = c << 6 | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return n;
}

/* Walks s a character at a time: fn gets each well-formed character (its bytes and code point);
 * a malformed byte is given as U+FFFD, one byte at a time. */
typedef void (*each_fn)(prt_buf *b, const char *bytes, size_t n, uint32_t cp, void *user);

static void each_char(prt_buf *b, const char *s, each_fn fn, void *user)
{
    while (s && *s) {
        uint32_t cp;
        size_t n = prt_utf8_char(s, &cp);
        if (n == 0) {
            fn(b, REPLACEMENT, 3, 0xFFFD, user);
            s++;
        } else {
            fn(b, s, n, cp, user);
            s += n;
        }
    }
}

static bool is_c0_c1_del(uint32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

/* ---- HTML and XML ---- */

static void markup_char(prt_buf *b, const char *bytes, size_t n, uint32_t cp, void *user)
{
    (void)user;
    switch (cp) {
    case '&': prt_buf_puts(b, "&amp;"); return;
    case '<': prt_buf_puts(b, "&lt;"); return;
    case '>': prt_buf_puts(b, "&gt;"); return;
    case '"': prt_buf_puts(b, "&quot;"); return;
    case '\t': case '\n': case '\r': prt_buf_add(b, bytes, n); return;
    }
    /* XML 1.0 has no C0 controls at all, HTML reports C1 controls and DEL as parse errors, and the
     * two noncharacters U+FFFE and U+FFFF are not XML characters */
    if (is_c0_c1_del(cp) || cp == 0xFFFE || cp == 0xFFFF)
        prt_buf_puts(b, REPLACEMENT);
    else
        prt_buf_add(b, bytes, n);
}

void prt_esc_markup(prt_buf *b, const char *s) { each_char(b, s, markup_char, NULL); }

/* ---- JSON ---- */

static void json_char(prt_buf *b, const char *bytes, size_t n, uint32_t cp, void *user)
{
    (void)user;
    switch (cp) {
    case '"': prt_buf_puts(b, "\\\""); return;
    case '\\': prt_buf_puts(b, "\\\\"); return;
    case '\n': prt_buf_puts(b, "\\n"); return;
    case '\r': prt_buf_puts(b, "\\r"); return;
    case '\t': prt_buf_puts(b, "\\t"); return;
    }
    /* controls as \u escapes; U+2028 and U+2029 too, so the text can also be embedded in JavaScript */
    if (cp < 0x20 || cp == 0x7F || cp == 0x2028 || cp == 0x2029)
        prt_buf_printf(b, "\\u%04x", (unsigned)cp);
    else
        prt_buf_add(b, bytes, n);
}

void prt_esc_json(prt_buf *b, const char *s)
{
    if (!s) {
        prt_buf_puts(b, "null");
        return;
    }
    prt_buf_putc(b, '"');
    each_char(b, s, json_char, NULL);
    prt_buf_putc(b, '"');
}

/* ---- SQL ---- */

/* A character of an SQL string literal: a quote doubled; everything else as it is (a line break is
 * part of the literal in every engine).  A C string holds no NUL, so none reaches the literal. */
static void sql_char(prt_buf *b, const char *bytes, size_t n, uint32_t cp, void *user)
{
    (void)user;
    if (cp == '\'')
        prt_buf_puts(b, "\'\'");
    else
        prt_buf_add(b, bytes, n);
}

void prt_esc_sql(prt_buf *b, const char *s)
{
    if (!s) {
        prt_buf_puts(b, "NULL");
        return;
    }
    prt_buf_putc(b, '\'');
    each_char(b, s, sql_char, NULL);
    prt_buf_putc(b, '\'');
}

/* A character of an SQL delimited identifier: a double quote doubled. */
static void sql_name_char(prt_buf *b, const char *bytes, size_t n, uint32_t cp, void *user)
{
    (void)user;
    if (cp == '"')
        prt_buf_puts(b, "\"\"");
    else
        prt_buf_add(b, bytes, n);
}

void prt_esc_sql_name(prt_buf *b, const char *s)
{
    prt_buf_putc(b, '"');
    each_char(b, s ? s : "", sql_name_char, NULL);
    prt_buf_putc(b, '"');
}

/* ---- CSV ---- */

/* A plain decimal number, such as a negative value planc wrote itself: "-12", "-0.5", "+3e2". */
static bool plain_number(const char *s)
{
    if (*s == '-' || *s == '+')
        s++;
    bool digits = false;
    while (*s >= '0' && *s <= '9')
        s++, digits = true;
    if (*s == '.')
        for (s++; *s >= '0' && *s <= '9'; s++)
            digits = true;
    if (digits && (*s == 'e' || *s == 'E')) {
        s++;
        if (*s == '-' || *s == '+')
            s++;
        if (!(*s >= '0' && *s <= '9'))
            return false;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    return digits && !*s;
}

static void csv_char(prt_buf *b, const char *bytes, size_t n, uint32_t cp, void *user)
{
    (void)user;
    if (cp == '"')
        prt_buf_puts(b, "\"\"");
    else if (is_c0_c1_del(cp) && cp != '\t' && cp != '\n' && cp != '\r')
        prt_buf_puts(b, REPLACEMENT);
    else
        prt_buf_add(b, bytes, n);
}

void prt_esc_csv(prt_buf *b, const char *s)
{
    if (!s)
        s = "";
    bool guard = s[0] && strchr("=+-@\t\r", s[0]) && !plain_number(s);
    /* the common case, printable ASCII, in one pass: copied whole, or quoted with its quotes doubled */
    bool comma_or_quote = false;
    const unsigned char *p = (const unsigned char *)s;
    for (; *p >= 0x20 && *p < 0x7F; p++)
        comma_or_quote |= *p == ',' || *p == '"';
    if (!*p) {
        size_t n = (size_t)(p - (const unsigned char *)s);
        if (!guard && !comma_or_quote) {
            prt_buf_add(b, s, n);
            return;
        }
        prt_buf_putc(b, '"');
        if (guard)
            prt_buf_putc(b, '\'');
        for (const char *q; (q = memchr(s, '"', n)) != NULL; n -= (size_t)(q + 1 - s), s = q + 1)
            prt_buf_add(b, s, (size_t)(q + 1 - s)), prt_buf_putc(b, '"');
        prt_buf_add(b, s, n);
        prt_buf_putc(b, '"');
        return;
    }
    bool quote = guard || strpbrk(s, ",\"\n\r") != NULL;
    if (quote)
        prt_buf_putc(b, '"');
    if (guard)
        prt_buf_putc(b, '\'');
    each_char(b, s, csv_char, NULL);
    if (quote)
        prt_buf_putc(b, '"');
}

/* ---- Markdown ---- */

static bool alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static void md_char(prt_buf *b, const char *bytes, size_t n, uint32_t cp, void *user)
{
    /* an underscore inside a word (digital_inclusion) cannot open or close emphasis in CommonMark
     * and is left as it is, for a readable source; one at a word's edge is escaped */
    const char *const *at = user;
    bool intraword = cp == '_' && *at > at[1] && alnum((*at)[-1]) && alnum((*at)[1]);
    if (cp == '\n' || cp == '\r' || cp == '\t')
        prt_buf_putc(b, ' ');
    else if (cp < 0x80 && strchr("\\`*_[]<>|~#&!", (int)cp) && !intraword)
        prt_buf_putc(b, '\\'), prt_buf_add(b, bytes, n);
    else if (is_c0_c1_del(cp))
        prt_buf_puts(b, REPLACEMENT);
    else
        prt_buf_add(b, bytes, n);
}

void prt_esc_md(prt_buf *b, const char *s)
{
    /* md_char looks at the bytes around an underscore: the walk's position and the text's start */
    const char *at[2] = {s, s};
    while (s && *s) {
        uint32_t cp;
        size_t n = prt_utf8_char(s, &cp);
        at[0] = s;
        if (n == 0)
            md_char(b, REPLACEMENT, 3, 0xFFFD, at), s++;
        else
            md_char(b, s, n, cp, at), s += n;
    }
}

/* ---- a terminal ---- */

static void terminal_char(prt_buf *b, const char *bytes, size_t n, uint32_t cp, void *user)
{
    (void)user;
    if (cp == '\n' || cp == '\r')
        prt_buf_putc(b, ' ');
    else if (is_c0_c1_del(cp) && cp != '\t')
        prt_buf_puts(b, REPLACEMENT);
    else
        prt_buf_add(b, bytes, n);
}

void prt_esc_terminal(prt_buf *b, const char *s)
{
    /* the common case, printable ASCII, copied whole */
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    while (*p >= 0x20 && *p < 0x7F)
        p++;
    if (!*p) {
        prt_buf_add(b, s ? s : "", (size_t)(p - (const unsigned char *)(s ? s : "")));
        return;
    }
    each_char(b, s, terminal_char, NULL);
}

/* ---- Graphviz DOT ---- */

static void dot_char(prt_buf *b, const char *bytes, size_t n, uint32_t cp, void *user)
{
    (void)user;
    if (cp == '\\')
        prt_buf_puts(b, "\\\\");
    else if (cp == '"')
        prt_buf_puts(b, "&#34;");
    else if (cp == '&')
        prt_buf_puts(b, "&amp;");
    else if (cp == '\n')
        prt_buf_puts(b, "\\n");
    else if (cp == '\r' || cp == '\t')
        prt_buf_putc(b, ' ');
    else if (is_c0_c1_del(cp) || cp == 0xFFFE || cp == 0xFFFF)
        prt_buf_puts(b, REPLACEMENT);
    else
        prt_buf_add(b, bytes, n);
}

void prt_esc_dot(prt_buf *b, const char *s) { each_char(b, s, dot_char, NULL); }

/* ---- GitHub workflow commands ---- */

static void github_char(prt_buf *b, const char *bytes, size_t n, uint32_t cp, void *user)
{
    bool property = *(bool *)user;
    /* the runner's own escaping (@actions/core escapeData and escapeProperty); other controls are
     * percent-encoded as well, so that nothing can end the command line */
    if (cp == '%' || cp == '\r' || cp == '\n' || (property && (cp == ':' || cp == ',')) ||
        (cp < 0x20 && cp != '\t') || cp == 0x7F)
        prt_buf_printf(b, "%%%02X", (unsigned)cp);
    else if (is_c0_c1_del(cp))
        prt_buf_puts(b, REPLACEMENT);   /* a C1 control (CSI, NEL ...), which the log would show raw */
    else
        prt_buf_add(b, bytes, n);
}

void prt_esc_github(prt_buf *b, const char *s, bool property) { each_char(b, s, github_char, &property); }

/* ---- URIs ---- */

void prt_esc_uri(prt_buf *b, const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    if (!path)
        path = "";
    if (path[0] == '/')
        prt_buf_puts(b, "file://");
    else if (path[0] == '.' && path[1] == '/')
        path += 2;   /* repository-relative: the path as given, without a leading "./" */
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        unsigned c = *p;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || strchr("-._~/", (int)c))
            prt_buf_putc(b, (char)c);
        else
            prt_buf_putc(b, '%'), prt_buf_putc(b, hex[c >> 4]), prt_buf_putc(b, hex[c & 15]);
    }
}

void prt_write_escaped(FILE *out, void (*fn)(prt_buf *, const char *), const char *s)
{
    prt_buf b = {0};
    fn(&b, s);
    if (b.len)
        fwrite(b.data, 1, b.len, out);
    prt_buf_free(&b);
}

void prt_errorf(const char *fmt, ...)
{
    prt_buf msg = {0}, out = {0};
    va_list ap;
    va_start(ap, fmt);
    prt_buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    if (msg.len && msg.data[msg.len - 1] == '\n')
        msg.data[--msg.len] = '\0';
    prt_esc_terminal(&out, prt_buf_str(&msg));
    prt_buf_putc(&out, '\n');
    prt_buf_flush(&out, stderr);
    prt_buf_free(&msg);
    prt_buf_free(&out);
}
