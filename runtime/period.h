/* UK financial-year periods: a year runs April to March and is written 2023/24; its parts are
 * quarters (Q1 = April-June), halves (H1 = April-September) and months (Apr ... Mar). */
#ifndef PLANRT_PERIOD_H
#define PLANRT_PERIOD_H

#include <stdbool.h>
#include <stddef.h>

typedef enum { PRT_YEAR, PRT_HALF, PRT_QUARTER, PRT_MONTH } prt_period_kind;

typedef struct prt_period {
    /* four bytes: a plan holds a period for every target, amendment and result */
    short year;                 /* the calendar year the financial year starts in: 2023 for 2023/24 */
    unsigned char kind;         /* a prt_period_kind */
    unsigned char index;        /* 1-based: Q1..Q4, H1..H2, months 1 (Apr) .. 12 (Mar); 0 for a year */
} prt_period;

/* Parses "2023/24", "2023/24 Q2", "2023/24 H1", "2023/24 Jun" (spaces or tabs between the parts);
 * "2023-24" is the same year, as council reports write it.
 * Returns false with a reason in *why when the text is not a valid period. */
bool prt_period_parse(const char *text, size_t len, prt_period *out, const char **why);
/* Writes the canonical form ("2023/24 Q2") into buf; returns buf. */
char *prt_period_format(prt_period p, char *buf, size_t size);
/* The canonical form by value, for a caller that needs no buffer of its own: prt_period_text(p).s is
 * valid to the end of the full expression that holds the call (C11 6.2.4p8), as in
 * printf("%s", prt_period_text(p).s).  The longest form, "-32768/-67 Jun", fits. */
typedef struct prt_period_str {
    char s[24];
} prt_period_str;
prt_period_str prt_period_text(prt_period p);
/* Orders periods by when they end, then shorter first; 0 when equal. */
int prt_period_compare(prt_period a, prt_period b);
bool prt_period_equal(prt_period a, prt_period b);
/* The periods of a year: the year, two halves, four quarters, twelve months. */
enum { PRT_PERIODS_A_YEAR = 19 };
/* p's place among its year's PRT_PERIODS_A_YEAR: the year 0, the halves 1-2, the quarters 3-6, the
 * months 7-18 (inline: the results reader asks it of every row). */
static inline size_t prt_period_within_year(prt_period p)
{
    return p.kind == PRT_YEAR      ? 0
           : p.kind == PRT_HALF    ? (size_t)p.index
           : p.kind == PRT_QUARTER ? 2 + (size_t)p.index
                                   : 6 + (size_t)p.index;
}
/* The first and last month (1 = April of the year, 12 = March) the period spans. */
void prt_period_months(prt_period p, int *first, int *last);
/* Whether inner lies within outer (a period contains itself). */
bool prt_period_within(prt_period inner, prt_period outer);
/* The same period a year earlier. */
prt_period prt_period_last_year(prt_period p);
/* The period `quarters` quarters before p, for reporting in arrears (p must be a quarter or a year). */
prt_period prt_period_minus_quarters(prt_period p, int quarters);
prt_period prt_period_year_of(prt_period p);
/* The period n periods of the same kind before p (n may be negative: after): the quarter before
 * 2023/24 Q1 is 2022/23 Q4.  A history of N periods up to p is prt_period_back(p, N-1) .. p. */
prt_period prt_period_back(prt_period p, int n);

/* Days, for due and completion dates: an int yyyymmdd (20231130), which orders as the days do. */
/* Parses "2023-11-30" (ISO 8601, a real day from 1900 to 2199).  False with a reason otherwise. */
bool prt_date_parse(const char *text, size_t len, int *out, const char **why);
/* The first and the last day of a period. */
int prt_period_first_day(prt_period p);
int prt_period_last_day(prt_period p);
/* The financial-year month that holds a day, as a period ("2023/24 Nov"). */
prt_period prt_date_period(int date);
/* "2023-11-30" and "30 Nov 2023". */
typedef struct prt_date_str {
    char s[24];
} prt_date_str;
prt_date_str prt_date_iso(int date);
prt_date_str prt_date_text(int date);

#endif
