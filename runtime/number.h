/* Numbers as councils write them ("1,798", "£17,950,000", "£2.5m"): one reader for the plan's
 * scanner (grammar/lexer.l) and the results reader (results.c), so both accept the same forms. */
#ifndef PLANRT_NUMBER_H
#define PLANRT_NUMBER_H

#include <stdbool.h>
#include <stddef.h>

/* Reads the number at the start of s[0..n): an optional '£', an optional sign, digits with
 * thousands separators in groups of three, an optional decimal part, and after a '£' an optional
 * multiplier m (million), k (thousand) or bn (billion).  Returns how many bytes it read (what
 * follows, such as '%' or ' pts', is the caller's), with the value in *out and whether a '£' was
 * written in *currency; 0 with a reason in *why when the text starts as a number but is malformed
 * or larger than 10^15 (and *why NULL when it does not start as a number at all). */
size_t prt_number_scan(const char *s, size_t n, double *out, bool *currency, const char **why);

#endif
