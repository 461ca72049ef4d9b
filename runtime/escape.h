/* One escaping function per output language.  Every string that planc or a generated evaluator
 * writes into one of these languages goes through its function here, whatever its source (plan,
 * results file, file name, command line); tests/hostile.sh checks each output with a real parser.
 *
 * All of them take NUL-terminated text (NULL is taken as ""), append to a prt_buf, and write only
 * valid UTF-8: a byte that is not part of a well-formed UTF-8 character becomes U+FFFD, as do the
 * control characters the language cannot carry. */
#ifndef PLANRT_ESCAPE_H
#define PLANRT_ESCAPE_H

#include "strbuf.h"

#include <stdbool.h>
#include <stdint.h>

/* The length (1-4) of the well-formed UTF-8 character at s, its code point in *cp; 0 when the bytes
 * there are not one (overlong, surrogate, beyond U+10FFFF, cut short). */
size_t prt_utf8_char(const char *s, uint32_t *cp);

/* HTML and XML (SVG) text and double-quoted attribute values: & < > " as references. */
void prt_esc_markup(prt_buf *b, const char *s);
/* A JSON string, with its quotes ("null" for NULL). */
void prt_esc_json(prt_buf *b, const char *s);
/* An SQL string literal with its quotes ('it''s'), standard SQL as SQLite, PostgreSQL and DuckDB read
 * it (PostgreSQL with standard_conforming_strings, its default): a quote is doubled, nothing else is
 * special.  NULL is written as the SQL NULL. */
void prt_esc_sql(prt_buf *b, const char *s);
/* An SQL delimited identifier with its double quotes ("benchmark:england"), as the three engines read
 * it: a double quote is doubled, nothing else is special. */
void prt_esc_sql_name(prt_buf *b, const char *s);
/* A CSV field (RFC 4180), quoted when it must be.  A text that a spreadsheet would run as a formula
 * (first character = + - @, tab or CR, and not a plain number) gets a leading apostrophe, as OWASP
 * recommends against CSV injection. */
void prt_esc_csv(prt_buf *b, const char *s);
/* Markdown inline text (a table cell, a heading, a sentence): its punctuation backslash-escaped,
 * so no text becomes markup, a link or raw HTML; line breaks become spaces. */
void prt_esc_md(prt_buf *b, const char *s);
/* Text for a terminal: no escape sequence can get through (C0 and C1 controls and DEL become
 * U+FFFD, tab excepted); line breaks become spaces, so the text stays on its line. */
void prt_esc_terminal(prt_buf *b, const char *s);
/* A Graphviz label or tooltip value as handed to cgraph, which quotes it for DOT itself.  Graphviz
 * reads the value as an escString (a backslash starts an escape, so it is doubled; a line break is
 * written \n) and turns character references into characters; a quote and an ampersand are
 * therefore written as references (cgraph's DOT writer does not write a \" that reads back). */
void prt_esc_dot(prt_buf *b, const char *s);
/* A GitHub Actions workflow command's message (property false) or property value (true). */
void prt_esc_github(prt_buf *b, const char *s, bool property);
/* A path as a URI reference (RFC 3986): relative paths stay relative, absolute ones become file://
 * URIs; every byte other than the unreserved characters and '/' is percent-encoded. */
void prt_esc_uri(prt_buf *b, const char *path);

/* A command's message on standard error: formatted whole, then escaped for the terminal (file names
 * and option values may hold anything), ending with one line break. */
void prt_errorf(const char *fmt, ...) PRT_PRINTF(1, 2);

/* Convenience: escape with fn into a scratch builder and write it to out. */
void prt_write_escaped(FILE *out, void (*fn)(prt_buf *, const char *), const char *s);

#endif
