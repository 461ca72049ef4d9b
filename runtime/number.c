/* Numbers as councils write them: thousands separators, a pound sign and m/k/bn after it, read
 * the same way in a plan and in a results file (number.h). */
#include "number.h"
#include "strbuf.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define POUND "\xC2\xA3"
#define LARGEST 1e15

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

/* The power of ten a multiplier after a sum of money stands for: m, k, bn; -1 for another word. */
static int multiplier(const char *s, size_t n)
{
    if (n == 1 && s[0] == 'k')
        return 3;
    if (n == 1 && s[0] == 'm')
        return 6;
    if (n == 2 && s[0] == 'b' && s[1] == 'n')
        return 9;
    return -1;
}

/* The digits of s[0..n) without their separators and with the power of ten, as strtod reads them
 * (so that 2.5m is exactly 2500000, not 2.5 times 10^6 rounded twice).  Allocated: a number's text
 * may be long. */
static double digits_value(const char *s, size_t n, int power)
{
    char *d = prt_xmalloc(n + 8);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != ',')
            d[k++] = s[i];
    if (power)
        k += (size_t)snprintf(d + k, 8, "e%d", power);
    d[k] = '\0';
    errno = 0;
    double v = strtod(d, NULL);
    if (errno == ERANGE || !isfinite(v))
        v = HUGE_VAL;
    free(d);
    return v;
}

size_t prt_number_scan(const char *s, size_t n, double *out, bool *currency, const char **why)
{
    size_t i = 0;
    *why = NULL;
    *currency = n >= 2 && memcmp(s, POUND, 2) == 0;
    if (*currency)
        i = 2;
    size_t start = i;                   /* the sign and the digits */
    if (i < n && (s[i] == '-' || s[i] == '+'))
        i++;
    if (i == n || !is_digit(s[i]))
        return 0;
    int group = -1;                     /* digits since the last separator; -1 before any */
    while (i < n && (is_digit(s[i]) || s[i] == ',')) {
        if (s[i] == ',') {
            if (group == 0 || (group > 0 && group != 3) || i + 1 == n || !is_digit(s[i + 1])) {
                *why = "thousands separators come after every three digits, as in 1,250,000";
                return 0;
            }
            if (group < 0) {
                size_t lead = 0;        /* the digits before the first separator: one to three */
                for (size_t k = i; k > start && is_digit(s[k - 1]); k--)
                    lead++;
                if (lead > 3) {
                    *why = "thousands separators come after every three digits, as in 1,250,000";
                    return 0;
                }
            }
            group = 0;
        } else if (group >= 0) {
            group++;
        }
        i++;
    }
    if (group >= 0 && group != 3) {
        *why = "thousands separators come after every three digits, as in 1,250,000";
        return 0;
    }
    if (i < n && s[i] == '.') {
        i++;
        if (i == n || !is_digit(s[i])) {
            *why = "a decimal point must be followed by digits";
            return 0;
        }
        while (i < n && is_digit(s[i]))
            i++;
    }
    size_t end = i;
    int power = 0;
    if (*currency && i < n && is_letter(s[i])) {
        size_t w = i;
        while (w < n && (is_letter(s[w]) || is_digit(s[w])))
            w++;
        power = multiplier(s + i, w - i);
        if (power < 0) {
            *why = "a sum of money may end in m (million), k (thousand) or bn (billion), and nothing else";
            return 0;
        }
        i = w;
    }
    double v = digits_value(s + start, end - start, power);
    if (fabs(v) > LARGEST) {
        *why = "it is too large; the largest is 10^15";
        return 0;
    }
    *out = v;
    return i;
}
