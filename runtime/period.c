/* UK financial-year periods (period.h): parsing, formatting, the months a period spans, comparing. */
#include "period.h"

#include <stdio.h>
#include <string.h>

static const char *const month_names[12] = {
    "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar",
};

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_blank(char c) { return c == ' ' || c == '\t'; }

/* The year is written 2023/24, or 2023-24 as council reports write it (the same year). */
bool prt_period_parse(const char *s, size_t len, prt_period *out, const char **why)
{
    const char *dummy;
    if (!why)
        why = &dummy;
    size_t i = 0;
    while (i < len && is_blank(s[i]))
        i++;
    if (len - i < 7 || !is_digit(s[i]) || !is_digit(s[i + 1]) || !is_digit(s[i + 2]) || !is_digit(s[i + 3]) ||
        (s[i + 4] != '/' && s[i + 4] != '-') || !is_digit(s[i + 5]) || !is_digit(s[i + 6])) {
        *why = "a period is written like 2023/24, 2023/24 Q2, 2023/24 H1 or 2023/24 Jun";
        return false;
    }
    int y = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
    int y2 = (s[i + 5] - '0') * 10 + (s[i + 6] - '0');
    i += 7;
    if (i < len && is_digit(s[i])) {
        *why = "a financial year is written with two digits after the slash, like 2023/24";
        return false;
    }
    if ((y + 1) % 100 != y2) {
        *why = "a financial year runs April to March: the part after the slash must be the next year";
        return false;
    }
    if (y < 1900 || y > 2199) {
        *why = "the year is out of range (1900/01 to 2199/00)";
        return false;
    }
    prt_period p = {y, PRT_YEAR, 0};
    while (i < len && is_blank(s[i]))
        i++;
    size_t rest = len - i;
    /* trailing blanks after the part are allowed */
    while (rest > 0 && is_blank(s[i + rest - 1]))
        rest--;
    if (rest == 0) {
        *out = p;
        return true;
    }
    const char *r = s + i;
    if (rest == 2 && (r[0] == 'Q' || r[0] == 'q') && r[1] >= '1' && r[1] <= '4') {
        p.kind = PRT_QUARTER;
        p.index = r[1] - '0';
    } else if (rest == 2 && (r[0] == 'H' || r[0] == 'h') && r[1] >= '1' && r[1] <= '2') {
        p.kind = PRT_HALF;
        p.index = r[1] - '0';
    } else {
        bool found = false;
        if (rest == 3)
            for (int m = 0; m < 12; m++)
                if (strncmp(r, month_names[m], 3) == 0) {
                    p.kind = PRT_MONTH;
                    p.index = m + 1;
                    found = true;
                }
        if (!found) {
            *why = "the part of a year is Q1 to Q4, H1, H2, or a month Apr ... Mar";
            return false;
        }
    }
    *out = p;
    return true;
}

/* "2023/24" and its part, written by hand for years 0 to 9998 (snprintf was a tenth of the time of
 * a report of 100,000 indicators, four periods a row); NULs the end; false when it does not fit. */
static bool format_fast(prt_period p, char *buf, size_t size)
{
    if (p.year < 0 || p.year > 9998 || size < 16)
        return false;
    char *o = buf;
    int y = p.year, y2 = (p.year + 1) % 100;
    char digits[4];
    int nd = 0;
    do
        digits[nd++] = (char)('0' + y % 10);
    while ((y /= 10) > 0);
    while (nd > 0)
        *o++ = digits[--nd];
    *o++ = '/';
    *o++ = (char)('0' + y2 / 10);
    *o++ = (char)('0' + y2 % 10);
    switch (p.kind) {
    case PRT_YEAR: break;
    case PRT_QUARTER:
    case PRT_HALF:
        if (p.index > 9)
            return false;
        *o++ = ' ';
        *o++ = p.kind == PRT_QUARTER ? 'Q' : 'H';
        *o++ = (char)('0' + p.index);
        break;
    case PRT_MONTH:
        if (p.index < 1 || p.index > 12)
            return false;
        *o++ = ' ';
        memcpy(o, month_names[p.index - 1], 3);
        o += 3;
        break;
    default: return false;
    }
    *o = '\0';
    return true;
}

char *prt_period_format(prt_period p, char *buf, size_t size)
{
    if (format_fast(p, buf, size))
        return buf;
    int y2 = (p.year + 1) % 100;
    switch (p.kind) {
    case PRT_YEAR: snprintf(buf, size, "%d/%02d", p.year, y2); break;
    case PRT_QUARTER: snprintf(buf, size, "%d/%02d Q%d", p.year, y2, p.index); break;
    case PRT_HALF: snprintf(buf, size, "%d/%02d H%d", p.year, y2, p.index); break;
    case PRT_MONTH: snprintf(buf, size, "%d/%02d %s", p.year, y2, month_names[(p.index - 1) % 12]); break;
    }
    return buf;
}

prt_period_str prt_period_text(prt_period p)
{
    prt_period_str text;
    prt_period_format(p, text.s, sizeof text.s);
    return text;
}

void prt_period_months(prt_period p, int *first, int *last)
{
    switch (p.kind) {
    case PRT_YEAR: *first = 1; *last = 12; return;
    case PRT_HALF: *first = (p.index - 1) * 6 + 1; *last = p.index * 6; return;
    case PRT_QUARTER: *first = (p.index - 1) * 3 + 1; *last = p.index * 3; return;
    case PRT_MONTH: *first = *last = p.index; return;
    }
    *first = 1;
    *last = 12;
}

int prt_period_compare(prt_period a, prt_period b)
{
    int af, al, bf, bl;
    prt_period_months(a, &af, &al);
    prt_period_months(b, &bf, &bl);
    long ae = a.year * 12L + al, be = b.year * 12L + bl;
    if (ae != be)
        return ae < be ? -1 : 1;
    long as = a.year * 12L + af, bs = b.year * 12L + bf;
    if (as != bs)
        return as > bs ? -1 : 1;       /* the shorter (later-starting) period first */
    return 0;
}

bool prt_period_equal(prt_period a, prt_period b)
{
    return a.year == b.year && a.kind == b.kind && a.index == b.index;
}

bool prt_period_within(prt_period inner, prt_period outer)
{
    if (inner.year != outer.year)
        return false;
    int i0, i1, o0, o1;
    prt_period_months(inner, &i0, &i1);
    prt_period_months(outer, &o0, &o1);
    return i0 >= o0 && i1 <= o1;
}

prt_period prt_period_last_year(prt_period p)
{
    p.year -= 1;
    return p;
}

prt_period prt_period_minus_quarters(prt_period p, int quarters)
{
    if (p.kind == PRT_YEAR) {
        p.year -= (quarters + 3) / 4;
        return p;
    }
    if (p.kind != PRT_QUARTER)
        return p;
    int q = p.year * 4 + (p.index - 1) - quarters;
    p.year = q / 4;
    p.index = q % 4 + 1;
    return p;
}

prt_period prt_period_year_of(prt_period p)
{
    p.kind = PRT_YEAR;
    p.index = 0;
    return p;
}

prt_period prt_period_back(prt_period p, int n)
{
    int per_year = p.kind == PRT_YEAR ? 1 : p.kind == PRT_HALF ? 2 : p.kind == PRT_QUARTER ? 4 : 12;
    if (per_year == 1) {
        p.year = (short)(p.year - n);
        return p;
    }
    /* count in periods from year 0, flooring so that going back across a year boundary works */
    long k = (long)p.year * per_year + (p.index - 1) - n;
    long year = k >= 0 ? k / per_year : -((-k + per_year - 1) / per_year);
    p.year = (short)year;
    p.index = (unsigned char)(k - year * per_year + 1);
    return p;
}

/* ---- days ---- */

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

bool prt_date_parse(const char *s, size_t len, int *out, const char **why)
{
    const char *dummy;
    if (!why)
        why = &dummy;
    while (len > 0 && is_blank(s[len - 1]))
        len--;
    while (len > 0 && is_blank(*s)) {
        s++;
        len--;
    }
    static const char shape[] = "dddd-dd-dd";
    bool ok = len == 10;
    for (size_t i = 0; ok && i < 10; i++)
        ok = shape[i] == 'd' ? is_digit(s[i]) : s[i] == '-';
    if (!ok) {
        *why = "a date is written like 2023-11-30 (year, month, day)";
        return false;
    }
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
    if (y < 1900 || y > 2199) {
        *why = "the year is out of range (1900 to 2199)";
        return false;
    }
    if (m < 1 || m > 12) {
        *why = "there is no such month";
        return false;
    }
    if (d < 1 || d > days_in(y, m)) {
        *why = "there is no such day in that month";
        return false;
    }
    *out = y * 10000 + m * 100 + d;
    return true;
}

/* Financial-year month fm (1 = April) of year y as a calendar year and month. */
static void calendar_month(int y, int fm, int *cy, int *cm)
{
    *cm = (fm + 2) % 12 + 1;
    *cy = fm >= 10 ? y + 1 : y;
}

int prt_period_first_day(prt_period p)
{
    int first, last, cy, cm;
    prt_period_months(p, &first, &last);
    calendar_month(p.year, first, &cy, &cm);
    return cy * 10000 + cm * 100 + 1;
}

int prt_period_last_day(prt_period p)
{
    int first, last, cy, cm;
    prt_period_months(p, &first, &last);
    calendar_month(p.year, last, &cy, &cm);
    return cy * 10000 + cm * 100 + days_in(cy, cm);
}

prt_period prt_date_period(int date)
{
    int y = date / 10000, m = date / 100 % 100;
    int fm = (m + 8) % 12 + 1;          /* April is 1 */
    return (prt_period){(short)(m >= 4 ? y : y - 1), PRT_MONTH, (unsigned char)fm};
}

prt_date_str prt_date_iso(int date)
{
    prt_date_str r;
    snprintf(r.s, sizeof r.s, "%04d-%02d-%02d", date / 10000 % 10000, date / 100 % 100, date % 100);
    return r;
}

prt_date_str prt_date_text(int date)
{
    static const char *const names[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    prt_date_str r;
    int m = date / 100 % 100;
    snprintf(r.s, sizeof r.s, "%d %s %04d", date % 100, names[(m >= 1 && m <= 12 ? m : 1) - 1], date / 10000 % 10000);
    return r;
}
