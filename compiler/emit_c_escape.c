/* Writing a plan's text into generated C as string literals, comment text and #include names
 * (emit_c_escape.h says what each form guarantees). */
#include "emit_c_escape.h"

#include <stdlib.h>
#include <string.h>

/* Bytes of a literal per line: lines stay short (C11 promises 4095 characters a logical line too). */
enum { BYTES_PER_LINE = 64, CHARS_PER_LINE = 12 };

static bool printable(unsigned char c) { return c >= 0x20 && c < 0x7F; }

/* One byte inside a string literal or a character constant. Three-digit octal escapes, so that no
 * escape runs into the character after it; '?' escaped so no two make a trigraph (gcc -std=c11
 * replaces trigraphs). */
static void literal_byte(FILE *out, unsigned char c, char quote)
{
    if (c == (unsigned char)quote || c == '\\')
        fprintf(out, "\\%c", c);
    else if (c == '?')
        fputs("\\?", out);
    else if (!printable(c))
        fprintf(out, "\\%03o", c);
    else
        fputc(c, out);
}

/* A literal of at most C_LITERAL_MAX bytes as adjacent pieces, one a line. */
static void string_literal(FILE *out, const char *s, size_t n, const char *indent)
{
    fputc('"', out);
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && i % BYTES_PER_LINE == 0)
            fprintf(out, "\"\n%s\"", indent);
        literal_byte(out, (unsigned char)s[i], '"');
    }
    fputc('"', out);
}

/* A longer string as a compound literal: (const char[]){'a', 'b', ..., '\0'}. */
static void char_array(FILE *out, const char *s, size_t n, const char *indent)
{
    fputs("(const char[]){", out);
    for (size_t i = 0; i <= n; i++) {
        if (i > 0)
            fputc(',', out);
        if (i % CHARS_PER_LINE == 0)
            fprintf(out, "\n%s    ", indent);
        else
            fputc(' ', out);
        fputc('\'', out);
        literal_byte(out, i < n ? (unsigned char)s[i] : 0, '\'');
        fputc('\'', out);
    }
    fprintf(out, "\n%s}", indent);
}

void c_string_bytes(FILE *out, const char *s, size_t n, const char *indent)
{
    string_literal(out, s, n, indent);
}

void c_string(FILE *out, const char *s, const char *indent)
{
    if (!s) {
        fputs("NULL", out);
        return;
    }
    size_t n = strlen(s);
    if (n <= C_LITERAL_MAX)
        string_literal(out, s, n, indent);
    else
        char_array(out, s, n, indent);
}

void c_comment_text(FILE *out, const char *s)
{
    unsigned char prev = 0;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        bool delimiter = (c == '/' && prev == '*') || (c == '*' && prev == '/');
        bool trigraph = c == '?' && prev == '?';
        if (!printable(c) || c == '\\' || delimiter || trigraph) {
            fprintf(out, "\\x%02X", c);
            prev = 0;   /* the escape ends in a hex digit, which starts no delimiter or trigraph */
        } else {
            fputc(c, out);
            prev = c;
        }
    }
}

bool c_include_name_ok(const char *name)
{
    if (!*name)
        return false;
    for (const char *p = name; *p; p++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-+", *p))
            return false;
    return true;
}
