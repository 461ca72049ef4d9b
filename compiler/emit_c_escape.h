/* Writing a plan's text into generated C: every byte string goes out as a C string literal, as text
 * inside a comment, or as an #include name, in a form that cannot end the construct it is in, whatever
 * its bytes (a plan's strings and its path come from whoever wrote them). */
#ifndef PLANC_EMIT_C_ESCAPE_H
#define PLANC_EMIT_C_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The longest string literal C11 (5.2.4.1) promises a compiler accepts, after concatenation;
 * gcc and clang -pedantic warn past it (-Woverlength-strings). */
#define C_LITERAL_MAX 4095

/* An expression of type const char * for s: a string literal, split over lines, when s fits in
 * C_LITERAL_MAX bytes; otherwise a compound literal array of character constants (a static object,
 * so it may stand in a file-scope initialiser); NULL for NULL. `indent` starts continuation lines. */
void c_string(FILE *out, const char *s, const char *indent);

/* The n bytes at s (NULs among them, n <= C_LITERAL_MAX) as one string literal, split over lines. */
void c_string_bytes(FILE *out, const char *s, size_t n, const char *indent);

/* s as text inside a block comment: printable ASCII as it is, every other byte, and the '*' or '/'
 * that would make a comment delimiter with the byte before it, the '?' that would make a trigraph,
 * and '\', as \xHH. Nothing written can end the comment or the line. */
void c_comment_text(FILE *out, const char *s);

/* Whether `name` can be written between the quotes of #include "..." and mean that file on every
 * compiler: C has no escapes there; a double quote or newline cannot be in it, a single quote, a backslash
 * or a comment opener is undefined (C11 6.4.7), non-ASCII implementation-defined.  So: letters, digits
 * and . _ - + only, not empty. */
bool c_include_name_ok(const char *name);

#endif
