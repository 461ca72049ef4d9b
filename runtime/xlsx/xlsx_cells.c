/* Cell values as a person sees them (xlsx_read.h, workbook.h): a number as Excel's General format
 * shows it (15 significant digits), a percentage-formatted one as "72.5%", a date-formatted one as
 * "2023-11-30" in the 1900 or the 1904 date system; and cell references ("C12") both ways. */
#include "xlsx_read.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Whether v is a decimal number as a workbook writes one ("-1.5E-3"): strtod alone would also take
 * "inf", "nan" and hexadecimal. */
static bool decimal(const char *v)
{
    const char *p = v;
    if (*p == '-' || *p == '+')
        p++;
    size_t digits = 0;
    while (is_digit(*p))
        p++, digits++;
    if (*p == '.')
        for (p++; is_digit(*p); p++)
            digits++;
    if (!digits)
        return false;
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '-' || *p == '+')
            p++;
        if (!is_digit(*p))
            return false;
        while (is_digit(*p))
            p++;
    }
    while (*p == ' ')
        p++;
    return *p == '\0';
}

/* x in General format: "%.15g", and no negative zero. */
static void general(prt_buf *out, double x)
{
    char text[64];
    snprintf(text, sizeof text, "%.15g", x);
    prt_buf_puts(out, strcmp(text, "-0") == 0 ? "0" : text);
}

/* Days since 1970-01-01 as a civil date (Howard Hinnant's algorithm, proleptic Gregorian). */
static void civil(long days, long *y, int *m, int *d)
{
    days += 719468;
    long era = (days >= 0 ? days : days - 146096) / 146097;
    long doe = days - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

/* The date of a serial number, or false when it has none (negative, or after 9999-12-31).  1900
 * system: serial 60 is 1900-02-29, which never was (Lotus 1-2-3's error, kept by Excel), so serials
 * before it count from 1899-12-31 and later ones from 1899-12-30; 1904 system: from 1904-01-01.  The
 * time of day (the fraction) is dropped. */
static bool serial_date(prt_buf *out, double x, bool date1904)
{
    if (!(x >= 0) || x >= 3e6)
        return false;
    long serial = (long)floor(x);
    long days;   /* since 1970-01-01 */
    if (date1904)
        days = serial - 24107;
    else if (serial == 60) {
        prt_buf_puts(out, "1900-02-29");
        return true;
    } else
        days = serial + (serial < 60 ? -25568 : -25569);
    if (days > 2932896)   /* 9999-12-31 */
        return false;
    long y;
    int m, d;
    civil(days, &y, &m, &d);
    prt_buf_printf(out, "%04ld-%02d-%02d", y, m, d);
    return true;
}

/* The General text of a decimal written plainly (no exponent) with at most 15 significant digits and
 * its first one at 10^-4 or above, made from its own digits: "%.15g" of its double gives exactly
 * these (15 digits survive the trip through a double), leading zeros and the fraction's trailing ones
 * dropped.  A workbook's numbers are mostly such ("3774.2"), and printf's formatting of doubles was the
 * largest item of reading a million-row workbook after the XML parser.  False for any other decimal,
 * which general() formats. */
static bool general_plain(prt_buf *out, const char *v)
{
    const char *p = v;
    bool negative = *p == '-';
    if (*p == '-' || *p == '+')
        p++;
    const char *ib = p;
    while (is_digit(*p))
        p++;
    const char *ie = p, *fb = p, *fe = p;
    if (*p == '.') {
        fb = ++p;
        while (is_digit(*p))
            p++;
        fe = p;
    }
    while (*p == ' ')
        p++;
    if (*p)
        return false;                   /* an exponent */
    while (ib < ie && *ib == '0')
        ib++;
    while (fe > fb && fe[-1] == '0')
        fe--;
    if (ib < ie) {
        if (ie - ib + (fe - fb) > 15)   /* also an integer part of 16 digits: General shows 1E+15 */
            return false;
    } else {
        const char *f = fb;
        while (f < fe && *f == '0')
            f++;
        if (f == fe) {                  /* zero, and no negative zero */
            prt_buf_putc(out, '0');
            return true;
        }
        if (f - fb > 3 || fe - f > 15)  /* below 10^-4 General shows 1E-05 */
            return false;
    }
    if (negative)
        prt_buf_putc(out, '-');
    if (ib < ie)
        prt_buf_add(out, ib, (size_t)(ie - ib));
    else
        prt_buf_putc(out, '0');
    if (fe > fb) {
        prt_buf_putc(out, '.');
        prt_buf_add(out, fb, (size_t)(fe - fb));
    }
    return true;
}

bool prt_xlsx_number_text(prt_buf *out, const char *v, prt_xlsx_shown shown, bool date1904)
{
    while (*v == ' ')
        v++;
    if (!decimal(v))
        return false;
    if (shown != PRT_XLSX_DATE && shown != PRT_XLSX_PERCENT && general_plain(out, v))
        return true;
    double x = strtod(v, NULL);
    if (!isfinite(x))
        return false;
    if (shown == PRT_XLSX_DATE && serial_date(out, x, date1904))
        return true;
    if (shown == PRT_XLSX_PERCENT && isfinite(x * 100)) {
        general(out, x * 100);
        prt_buf_putc(out, '%');
        return true;
    }
    general(out, x);
    return true;
}

void prt_xlsx_iso_date_text(prt_buf *out, const char *v)
{
    size_t n = strlen(v);
    bool date = n >= 10 && v[4] == '-' && v[7] == '-';
    for (size_t i = 0; date && i < 10; i++)
        date = i == 4 || i == 7 || (v[i] >= '0' && v[i] <= '9');
    prt_buf_add(out, v, date ? 10 : n);
}

bool prt_xlsx_parse_ref(const char *ref, unsigned long *col, unsigned long *row)
{
    const char *p = ref;
    unsigned long c = 0, r = 0;
    for (; (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'); p++) {
        if (c > 1000000)
            return false;
        c = c * 26 + (unsigned long)((*p | 0x20) - 'a' + 1);
    }
    for (; *p >= '0' && *p <= '9'; p++) {
        if (r > 100000000)
            return false;
        r = r * 10 + (unsigned long)(*p - '0');
    }
    if (*p || p == ref || (r == 0 && p[-1] >= '0' && p[-1] <= '9'))
        return false;   /* not a reference, or row 0 */
    *col = c;
    *row = r;
    return true;
}

void prt_xlsx_column_name(prt_buf *b, unsigned long col)
{
    char letters[16];
    size_t n = 0;
    while (col > 0 && n < sizeof letters) {
        letters[n++] = (char)('A' + (col - 1) % 26);
        col = (col - 1) / 26;
    }
    while (n)
        prt_buf_putc(b, letters[--n]);
}
