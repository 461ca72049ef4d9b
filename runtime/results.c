/* Reading a results CSV against the plan: every row either lands in the table or is reported. */
#include "csv.h"
#include "escape.h"
#include "name_index.h"
#include "number.h"
#include "planrt.h"
#include "row_table.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include "results_delivery.h"
#include "results_workbook.h"

#include <sys/stat.h>
#include <sys/types.h>

/* One file of the history, as the reader needs it while later files are read: where a repeated
 * row's first is looked for (duplicates are rare, so the file is read again rather than every row's
 * place kept), and which file it is on disk (the same file named twice is read once, R016). */
typedef struct FileRec {
    char *path;                 /* as named (a directory's entries joined to it); owned */
    const char *data;           /* the text, when it was handed over in memory and is still being read */
    size_t len;
    uint32_t file;              /* the file in diag's sources */
    size_t ncols;               /* the header's fields: a row with another count is not a row; 0: no rows read */
    int col_ref, col_period;
    int sheet;                  /* a workbook's worksheet (its index among them), whose path is the workbook's; -1 */
    bool has_id;                /* dev and ino are known */
    dev_t dev;
    ino_t ino;
} FileRec;

struct prt_results {
    const prt_plan *plan;
    prt_result_row *rows;       /* a row replaced by a restatement stays, dead (indicator and input -1) */
    size_t n, cap;
    prt_row_table table;        /* (indicator, period) -> row + 1 */
    prt_pool strings;           /* all text the rows point into */
    int *bench_index;           /* storage for the rows' benchmark values, row after row */
    double *bench_value;
    size_t nbench, bench_cap;
    /* the rows kept: those of the years keep_from to keep_to (a history's periods, the year before for
     * the direction of travel, and the years its arrears reach back), or every row when keep_all */
    bool keep_all;
    int keep_from, keep_to;
    /* Every row is checked for duplicates, though only the rows of the periods a report needs are
     * kept: one bit per indicator and period (19 periods a year: the year, two halves, four quarters,
     * twelve months) over the plan's years and the year before, or over every year a period can
     * name (1900/01 to 2199/00) when the plan does not say which it covers. */
    unsigned char *seen_bits;
    int base_year;
    size_t period_slots;
    FileRec *files;             /* the files read so far, in order; freed once the reading ends */
    size_t nfiles, files_cap;
    /* delivery rows (activities and milestones): all kept, whatever the period, being few, and a
     * milestone's completion years ago still counting today */
    prt_delivery_row *drows;
    size_t nd, dcap;
    prt_delivery_names *dnames; /* built on the first reference that is not an indicator's */
    prt_delivery_seen *dseen;
};


/* Where the records come from: a buffer in memory, or a file read a piece at a time so that memory
 * does not grow with the file. */
typedef struct Source {
    prt_csv csv;
    FILE *f;                    /* NULL: all the text is in the buffer */
    char *buf;
    size_t cap;
    bool nul;                   /* a NUL byte was read */
    unsigned too_long;          /* nonzero: the line of a record longer than PRT_MAX_RECORD_BYTES */
    size_t piece;               /* how much to read at a time */
    bool failed;                /* a read error */
    prt_sheets *sheets;         /* not NULL: the records are a workbook's sheet's rows (results_workbook.h) */
} Source;

enum { CHUNK = 1 << 20 };

/* Reads the next piece of the file behind the unfinished record at s->csv.p, which goes to the front
 * of the buffer.  At least as much is read as is kept, so the buffer doubles while one record grows.
 * Returns how much was kept; the new text follows it. */
static size_t read_more(Source *s)
{
    size_t keep = (size_t)(s->csv.end - s->csv.p);
    if (s->csv.p != s->buf)
        memmove(s->buf, s->csv.p, keep);
    size_t want = keep > s->piece ? keep : s->piece;
    if (s->cap - keep < want) {
        s->cap = s->cap * 2 > keep + want ? s->cap * 2 : keep + want;
        s->buf = prt_xrealloc(s->buf, s->cap);
    }
    size_t got = fread(s->buf + keep, 1, want, s->f);
    if (got == 0 && ferror(s->f))
        s->failed = true;
    if (got && memchr(s->buf + keep, '\0', got))
        s->nul = true;
    s->csv.p = s->buf;
    s->csv.end = s->buf + keep + got;
    s->csv.more = got > 0 && !s->nul;
    return keep;
}

/* Whether a line end outside quotes is in [p, end), *quoted saying whether p is inside a quoted field
 * (and updated).  A doubled quote turns the state over twice, as it should; a stray quote in an
 * unquoted field may make this say "no" where the reader would end the (malformed) record, which only
 * means more is read before the reader looks again. */
static bool line_end_after(const char *p, const char *end, bool *quoted)
{
    for (; p < end; p++) {
        if (*p == '"')
            *quoted = !*quoted;
        else if (!*quoted && (*p == '\n' || *p == '\r'))
            return true;
    }
    return false;
}

/* A record cut off by the end of the buffer is read again only once the text behind it holds a line
 * end that may close it: the new text is looked through, not the record reparsed from its start after
 * every piece (a 100 MB field took 8.5 s that way). */
static int next_record(Source *s, unsigned *line, const char **why)
{
    if (s->sheets)
        return prt_sheets_next(s->sheets, &s->csv, line);
    for (;;) {
        int rc = prt_csv_next(&s->csv, line, why);
        if (rc != 2)
            return rc;
        bool quoted = false;
        line_end_after(s->csv.p, s->csv.end, &quoted);      /* the quote state at the text's end */
        for (;;) {
            size_t keep = read_more(s);
            if (s->nul)
                return 0;
            /* a row is a few hundred bytes (a spreadsheet cell holds 32,767 characters at most): a record
             * that grows past the limit is a runaway input, such as an endless pipe with no line end */
            if ((size_t)(s->csv.end - s->csv.p) > PRT_MAX_RECORD_BYTES) {
                s->too_long = *line ? *line : 1;
                return 0;
            }
            if (!s->csv.more || line_end_after(s->csv.p + keep, s->csv.end, &quoted))
                break;
        }
    }
}

static bool is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

/* Where field i of the record just read is: its line (a quoted field may start lines below the
 * record's first) and its columns in characters, the field's extent to the end of its first line.
 * Worked out from the record's text (at a problem, and for each kept row's value). */
static prt_pos csv_field_pos(const prt_csv *c, uint32_t file, unsigned line, size_t i)
{
    prt_pos pos = {file, line, 1, 1};
    const char *s = c->record;
    size_t b = c->raw_begin[i], e = c->raw_end[i];
    if (c->ascii && c->one_line) {
        /* every byte a character, no line end before the field or in it: the common case, and the
         * one every kept row pays for (its value's place) */
        pos.col = (unsigned)b + 1;
        pos.end_col = (unsigned)e + 1;
        return pos;
    }
    for (size_t k = 0; k < b; k++) {
        if (s[k] == '\r' && k + 1 < b && s[k + 1] == '\n')
            continue;   /* CRLF ends one line */
        if (s[k] == '\n' || s[k] == '\r') {
            pos.line++;
            pos.col = 1;
        } else if (!is_cont((unsigned char)s[k])) {
            pos.col++;
        }
    }
    pos.end_col = pos.col;
    for (size_t k = b; k < e && s[k] != '\n' && s[k] != '\r'; k++)
        if (!is_cont((unsigned char)s[k]))
            pos.end_col++;
    return pos;
}

/* Where the record just read is, as a whole: its first line, from the first column to the line's end. */
static prt_pos csv_row_pos(const prt_csv *c, uint32_t file, unsigned line)
{
    prt_pos pos = {file, line, 1, 1};
    for (const char *s = c->record; s < c->p && *s != '\n' && *s != '\r'; s++)
        if (!is_cont((unsigned char)*s))
            pos.end_col++;
    return pos;
}

static size_t period_slot(const prt_results *r, prt_period p)
{
    return (size_t)(p.year - r->base_year) * PRT_PERIODS_A_YEAR + prt_period_within_year(p);
}

static bool period_wanted(const prt_results *r, prt_period p)
{
    return r->keep_all || (p.year >= r->keep_from && p.year <= r->keep_to);
}

/* ---- the row table ---- */

/* Where the first row for (indicator, period) is, found by reading the files again: duplicates are
 * rare, and this keeps the bitmap to one bit a row. */
static char *field(prt_csv *c, size_t i, size_t *len);

/* Whether the record just read is a row for (indicator, p), as the reader saw it: the same reference
 * or identifier and the same period (a row whose field count is wrong it did not read, and its fields
 * past the count are not this row's). */
static bool same_row(prt_csv *csv, const FileRec *f, const prt_indicator *in, prt_period p)
{
    if (csv->nfields != f->ncols)
        return false;
    size_t per_len;
    char *ref = field(csv, (size_t)f->col_ref, NULL), *per = field(csv, (size_t)f->col_period, &per_len);
    prt_period q;
    return ((in->ref && strcmp(ref, in->ref) == 0) || (in->id && strcmp(ref, in->id) == 0)) &&
           prt_period_parse(per, per_len, &q, NULL) && prt_period_equal(q, p);
}

/* The same in a workbook's sheet: the workbook is opened again, quietly, and read to the sheet. */
static bool first_row_in_sheet(const prt_results *r, const FileRec *f, int indicator, prt_period p, unsigned before,
                               prt_pos *found)
{
    prt_sheets sh;
    prt_csv csv;
    prt_csv_init(&csv, "", 0);
    bool hit = false;
    if (prt_sheets_open(&sh, NULL, f->path, f->data, f->len, (prt_pos){0, 0, 0, 0})) {
        while (sh.index < f->sheet && prt_sheets_next_sheet(&sh))
            ;
        unsigned at;
        bool header = true;
        while (!hit && sh.index == f->sheet && prt_sheets_next(&sh, &csv, &at) == 1 && (before == 0 || at < before)) {
            if (!header && same_row(&csv, f, &r->plan->indicators[indicator], p)) {
                *found = (prt_pos){f->file, at, prt_sheets_column(&sh, (size_t)f->col_ref),
                                   prt_sheets_column(&sh, (size_t)f->col_ref) + 1};
                hit = true;
            }
            header = false;
        }
    }
    prt_sheets_close(&sh);
    prt_csv_free(&csv);
    return hit;
}

/* The first row for (indicator, p) in file f before line `before` (0: anywhere in it), if there is one. */
static bool first_row_in(const prt_results *r, const FileRec *f, int indicator, prt_period p, unsigned before,
                         prt_pos *found)
{
    if (f->ncols == 0)
        return false;           /* its header was not read: none of its rows were */
    if (f->sheet >= 0)
        return first_row_in_sheet(r, f, indicator, p, before, found);
    prt_csv csv;
    char *text = NULL;
    size_t tlen = 0;
    if (!f->data)
        text = prt_read_file(f->path, &tlen);   /* read in pieces: read it again, whole, for this rare case */
    prt_csv_init(&csv, f->data ? f->data : text ? text : "", f->data ? f->len : tlen);
    unsigned at;
    const char *why;
    int rc;
    bool header = true, hit = false;
    const prt_indicator *in = &r->plan->indicators[indicator];
    while (!hit && (rc = prt_csv_next(&csv, &at, &why)) != 0 && (before == 0 || at < before)) {
        if (rc < 0 || header) {
            header = false;
            continue;
        }
        if (same_row(&csv, f, in, p)) {
            *found = csv_field_pos(&csv, f->file, at, (size_t)f->col_ref);
            hit = true;
        }
    }
    prt_csv_free(&csv);
    free(text);
    return hit;
}

/* The first row for (indicator, p) in the files read so far, the current one (the last) up to `line`. */
static prt_pos first_row_of(const prt_results *r, int indicator, prt_period p, unsigned line)
{
    prt_pos found = {0, 0, 0, 0};
    for (size_t k = 0; k < r->nfiles; k++)
        if (first_row_in(r, &r->files[k], indicator, p, k + 1 == r->nfiles ? line : 0, &found))
            return found;
    return (prt_pos){r->files[r->nfiles - 1].file, 1, 0, 0};
}

/* The bit that says whether a row for (indicator, period) has come: period after period, so that a
 * period's rows in plan order test neighbouring bits rather than one cache line each. */
static size_t seen_slot(const prt_results *r, int indicator, prt_period p)
{
    return period_slot(r, p) * (size_t)r->plan->nindicators + (size_t)indicator;
}

static bool seen(const prt_results *r, int indicator, prt_period p)
{
    size_t slot = seen_slot(r, indicator, p);
    return (r->seen_bits[slot >> 3] >> (slot & 7)) & 1u;
}

static void mark_seen(prt_results *r, int indicator, prt_period p)
{
    size_t slot = seen_slot(r, indicator, p);
    r->seen_bits[slot >> 3] |= (unsigned char)(1u << (slot & 7));
}

static const prt_result_row *find_row(const prt_results *r, int indicator, prt_period p)
{
    size_t at = r ? prt_row_table_get(&r->table, indicator, p) : 0;
    return at ? &r->rows[at - 1] : NULL;
}

const prt_result_row *prt_results_find(const prt_results *r, int indicator, prt_period period)
{
    return find_row(r, indicator, period);
}

/* Text kept for the evaluation: in the pool, where it never moves. */
static const char *keep(prt_results *r, const char *s) { return prt_pool_add(&r->strings, s, strlen(s)); }

/* ---- values ---- */

/* Field i of the record without its surrounding blanks, and its length if len is given: the reader
 * knows every field's length, so no strlen on the inner loop. */
static inline char *field(prt_csv *c, size_t i, size_t *len)
{
    char *s = c->fields[i];
    size_t n = c->lens[i];
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    if (len)
        *len = n;
    return s;
}

/* Parses "72.5", "72.5%", "7.2pts", "£191,000", "£2.5m", "-3", "1,798" with the plan's own number
 * reader (number.c); false if it is not a number, with the reason in *why when there is one. */
static bool parse_number(const char *s, double *out, prt_suffix *suffix, const char **why)
{
    bool currency;
    size_t n = strlen(s);
    size_t used = prt_number_scan(s, n, out, &currency, why);
    if (!used)
        return false;
    *suffix = currency ? PRT_SUFFIX_CURRENCY : PRT_SUFFIX_NONE;
    s += used;
    while (*s == ' ')
        s++;
    if (*s == '%' && !currency) {
        *suffix = PRT_SUFFIX_PERCENT;
        s++;
    } else if ((strcmp(s, "pts") == 0 || strcmp(s, "%pts") == 0 || strcmp(s, "points") == 0) && !currency) {
        *suffix = PRT_SUFFIX_POINTS;
        s += strlen(s);
    }
    return *s == '\0';
}

/* The plain numbers nearly every row holds ("3774.2", "-12", "69"): fifteen significant digits at
 * most, so the digits are an exact integer and the power of ten exact, and their quotient, rounded
 * once, is the double strtod would give.  Anything else goes to parse_number. */
static bool plain_number(const char *s, size_t n, double *out)
{
    static const double tens[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    size_t i = 0;
    bool neg = false;
    if (i < n && (s[i] == '-' || s[i] == '+'))
        neg = s[i++] == '-';
    uint64_t m = 0;
    int digits = 0, frac = 0;
    size_t first = i;
    while (i < n && s[i] >= '0' && s[i] <= '9') {
        m = m * 10 + (uint64_t)(s[i++] - '0');
        digits++;
    }
    if (i == first)
        return false;
    if (i < n && s[i] == '.') {
        i++;
        size_t f = i;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            m = m * 10 + (uint64_t)(s[i++] - '0');
            digits++;
            frac++;
        }
        if (i == f)
            return false;
    }
    if (i != n || digits > 15)
        return false;
    double v = (double)m / tens[frac];
    *out = neg ? -v : v;
    return true;
}

/* Whether s is well-formed UTF-8 (no overlong forms, no surrogates): reports and JSON carry the
 * text on, and must not pass on bytes that are not characters. */
static bool valid_utf8(const unsigned char *s)
{
    while (*s) {
        unsigned char c = *s;
        int n = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
        if (n < 0 || (n == 1 && c < 0xC2) || (n == 3 && c > 0xF4))
            return false;
        for (int k = 1; k <= n; k++)
            if ((s[k] & 0xC0) != 0x80)
                return false;
        if (n == 2 && ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0)))
            return false;
        if (n == 3 && ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90)))
            return false;
        s += n + 1;
    }
    return true;
}

/* ---- the file ---- */

/* indicator, unit and target are written by `planc template` for the people filling the file in,
 * and ignored when it comes back */
enum {
    COL_REF, COL_PERIOD, COL_VALUE, COL_RATING, COL_OVERRIDE, COL_REASON, COL_COMMENT, COL_DOT, COL_RESTATED,
    COL_PROVISIONAL, COL_STATUS, COL_IMPACT, COL_COMPLETED, COL_LOWER, COL_UPPER, COL_INDICATOR, COL_UNIT,
    COL_TARGET, COL__FIXED
};
static const char *const column_names[COL__FIXED] = {
    "ref", "period", "value", "rating", "override", "reason", "comment", "dot", "restated", "provisional",
    "status", "impact", "completed", "lower", "upper", "indicator", "unit", "target",
};

static bool dot_word(const char *s)
{
    prt_dot d;
    return !*s || prt_dot_parse(s, &d);
}

/* ---- one read ---- */

/* The state of one read of a results file: where the text comes from and where problems go, the
 * columns the header named, and what the last row settled that the next is likely to share. */
typedef struct Reader {
    const prt_plan *plan;
    prt_results *r;
    Source *src;
    prt_csv *csv;               /* &src->csv */
    prt_diag *diag;
    uint32_t file;              /* the file in diag's sources */
    prt_name_index *names;           /* the history's, shared by its files */
    const unsigned char *units;      /* ... and each indicator's unit (a prt_unit_kind) */
    int col[COL__FIXED];        /* the column of each fixed field, -1 when absent */
    int *bench_col;             /* per column: the benchmark it holds, -1 for the fixed ones */
    size_t ncols;
    unsigned line;              /* the line the current record starts on */
    int last_indicator;         /* the last row's indicator, where the next row's is looked for first */
    /* rows come grouped by period: the text of the last period parsed, and what it gave */
    char last_ptext[16];
    size_t last_ptext_len;      /* (size_t)-1: none yet */
    prt_period last_period;
    bool last_keep;
} Reader;

/* A field's place: its line and columns in a CSV file, its cell in a workbook's sheet. */
static prt_pos field_pos(const Reader *rd, size_t i)
{
    if (rd->src->sheets) {
        unsigned col = prt_sheets_column(rd->src->sheets, i);
        return (prt_pos){rd->file, rd->line, col, col + 1};
    }
    return csv_field_pos(rd->csv, rd->file, rd->line, i);
}

static prt_pos row_pos(const Reader *rd)
{
    return rd->src->sheets ? (prt_pos){rd->file, rd->line, 0, 0} : csv_row_pos(rd->csv, rd->file, rd->line);
}
static prt_pos line_pos(const Reader *rd, unsigned line) { return (prt_pos){rd->file, line, 0, 0}; }
static prt_pos file_pos(const Reader *rd) { return (prt_pos){rd->file, 0, 0, 0}; }

/* How a number does not suit its indicator's unit, if it does not. */
typedef enum { FITS, WRONG_SUFFIX, NOT_A_PERCENTAGE, NEGATIVE } Misfit;

static Misfit unit_misfit(prt_unit_kind unit, double value, prt_suffix suf)
{
    if (!prt_suffix_fits_unit(suf, unit))
        return WRONG_SUFFIX;
    if (unit == PRT_UNIT_PERCENT && suf != PRT_SUFFIX_POINTS && (value < 0 || value > 100))
        return NOT_A_PERCENTAGE;
    if (prt_unit_forms[unit].nonnegative && value < 0)
        return NEGATIVE;
    return FITS;
}

/* Whether a value (in column col: the value, or an interval's bound) suits its indicator's unit;
 * reports it (at the field) when not. */
static bool number_fits(const Reader *rd, int col, int indicator, double value, const char *vtext, prt_suffix suf)
{
    Misfit misfit = indicator < 0 ? FITS : unit_misfit((prt_unit_kind)rd->units[indicator], value, suf);
    if (misfit == FITS)
        return true;
    /* the indicator's record is read only now: for every row it was a cache miss, the packed unit is not */
    const prt_indicator *in = &rd->plan->indicators[indicator];
    prt_pos at = field_pos(rd, (size_t)rd->col[col]);
    if (misfit == WRONG_SUFFIX)
        prt_diag_error_at(rd->diag, at, "R007", "'%s' is written %s, but the unit of '%s' is %s", vtext,
                          prt_suffix_texts[suf], prt_indicator_label(in),
                          in->unit == PRT_UNIT_CUSTOM ? in->unit_custom : prt_unit_words[in->unit]);
    else if (misfit == NOT_A_PERCENTAGE)
        prt_diag_error_at(rd->diag, at, "R007", "%s is outside 0-100%% for percentage indicator '%s'", vtext,
                          prt_indicator_label(in));
    else
        prt_diag_error_at(rd->diag, at, "R007", "%s is negative, which '%s' cannot be", vtext, prt_indicator_label(in));
    return false;
}

/* ---- the header ---- */

/* Says so when column i repeats an earlier one (`same` tells which columns are the same). */
static bool column_repeated(Reader *rd, size_t i, const char *name, bool (*same)(const Reader *, size_t, size_t))
{
    for (size_t j = 0; j < i; j++)
        if (same(rd, i, j)) {
            prt_diag_error_at(rd->diag, field_pos(rd, i), "R002", "column '%s' appears twice", name);
            prt_diag_note_at(rd->diag, field_pos(rd, j), "the first '%s' column is here", name);
            return true;
        }
    return false;
}

static bool same_fixed(const Reader *rd, size_t i, size_t j)
{
    return prt_same_nocase(field(rd->csv, i, NULL), field(rd->csv, j, NULL));
}

static bool same_benchmark(const Reader *rd, size_t i, size_t j) { return rd->bench_col[i] == rd->bench_col[j]; }

/* Reads header column i; false after reporting a column that is not one. */
static bool header_column(Reader *rd, size_t i)
{
    char *name = field(rd->csv, i, NULL);
    rd->bench_col[i] = -1;
    for (int k = 0; k < COL__FIXED; k++)
        if (prt_same_nocase(name, column_names[k])) {
            if (column_repeated(rd, i, column_names[k], same_fixed))
                return false;
            rd->col[k] = (int)i;
            return true;
        }
    if (strncmp(name, "benchmark:", 10) == 0) {
        for (int b = 0; b < rd->plan->nbenchmarks; b++)
            if (strcmp(rd->plan->benchmarks[b].id, name + 10) == 0)
                rd->bench_col[i] = b;
        if (rd->bench_col[i] < 0) {
            prt_diag_error_at(rd->diag, field_pos(rd, i), "R002", "column '%s' names no benchmark the plan declares",
                              name);
            return false;
        }
        /* a benchmark's column twice is as ambiguous as any other column twice */
        return !column_repeated(rd, i, name, same_benchmark);
    }
    const char *near = prt_closest_word(name, column_names, COL__FIXED);
    if (near)
        prt_diag_error_at(rd->diag, field_pos(rd, i), "R002", "unknown column '%s'; did you mean '%s'?", name, near);
    else
        prt_diag_error_at(rd->diag, field_pos(rd, i), "R002",
                          "unknown column '%s'; the columns are ref, period, value, rating, override, reason, "
                          "comment, dot, restated, provisional, status, impact, completed, lower, upper, "
                          "benchmark:ID, and indicator, unit and target (ignored)",
                          name);
    return false;
}

/* Reads the header row; false when rows cannot be read by it (everything said). */
static bool read_header(Reader *rd)
{
    const char *why = NULL;
    if (rd->src->nul)
        return false;           /* said once the reading ends */
    int rc = next_record(rd->src, &rd->line, &why);
    if (rc == 0 && rd->src->sheets)
        return false;           /* a sheet of notes or lists, not of results: not read */
    if (rc == 0 && !rd->src->nul && !rd->src->too_long) {
        prt_diag_error_at(rd->diag, file_pos(rd), "R001", "the file is empty: it needs a header row (ref,period,value,...)");
        return false;
    }
    if (rc <= 0) {
        if (rc < 0)
            prt_diag_error_at(rd->diag, row_pos(rd), "R003", "%s", why);
        return false;
    }
    rd->ncols = rd->csv->nfields;
    rd->bench_col = prt_xrealloc(NULL, (rd->ncols ? rd->ncols : 1) * sizeof *rd->bench_col);
    bool ok = true;
    for (size_t i = 0; i < rd->ncols; i++)
        ok &= header_column(rd, i);
    for (int k = 0; k < COL_RATING; k++)
        if (rd->col[k] < 0) {
            prt_diag_error_at(rd->diag, row_pos(rd), "R001", "the header has no '%s' column", column_names[k]);
            ok = false;
        }
    FileRec *f = &rd->r->files[rd->r->nfiles - 1];
    f->ncols = ok ? rd->ncols : 0;
    f->col_ref = rd->col[COL_REF];
    f->col_period = rd->col[COL_PERIOD];
    return ok;
}

/* ---- one row ---- */

/* Whether the row is text with the header's number of fields. */
static bool row_shape(Reader *rd)
{
    const prt_csv *csv = rd->csv;
    bool bad_text = false;
    for (size_t i = 0; i < csv->nfields && !bad_text && !csv->ascii; i++)
        bad_text = !valid_utf8((const unsigned char *)csv->fields[i]);
    if (bad_text) {
        prt_diag_error_at(rd->diag, row_pos(rd), "R014", "the row is not valid UTF-8 text (save the file as UTF-8)");
        return false;
    }
    if (csv->nfields != rd->ncols) {
        prt_diag_error_at(rd->diag, row_pos(rd), "R003", "the row has %zu fields; the header has %zu", csv->nfields,
                          rd->ncols);
        return false;
    }
    return true;
}

static bool read_delivery_row(Reader *rd, const char *ref, int activity, int milestone);

/* The reference names no indicator or input: an activity or a milestone, read as a delivery row
 * (true, done), or nothing the plan defines (false, said). */
static bool delivery_ref(Reader *rd, const char *ref, size_t ref_len, prt_pos at)
{
    prt_results *r = rd->r;
    if (!r->dnames)
        r->dnames = prt_delivery_names_new(rd->plan);
    int a, m;
    if (prt_delivery_names_find(r->dnames, ref, ref_len, &a, &m))
        return read_delivery_row(rd, ref, a, m);
    const char *near = prt_delivery_names_closest(r->dnames, ref);
    if (near)
        prt_diag_error_at(rd->diag, at, "R004", "unknown reference '%s'; did you mean '%s'?", ref, near);
    else
        prt_diag_error_at(rd->diag, at, "R004", "unknown indicator reference '%s'", ref);
    return false;
}

/* A reference that starts with = + - @ is written by planc's CSV outputs (template, reports) with an
 * apostrophe before it, so that a spreadsheet does not run it as a formula; a spreadsheet drops the
 * apostrophe on saving, a text editor keeps it.  Either way it reads back as the reference. */
static bool guarded_ref(prt_name_index *ix, int previous, const char *ref, size_t n, prt_named_ref *who)
{
    return n > 1 && ref[0] == '\'' && strchr("=+-@\t\r", ref[1]) && prt_name_index_find(ix, previous, ref + 1, n - 1, who);
}

/* The indicator or input the row's reference names (an activity's or milestone's row is read here
 * whole, and false returned: nothing more to do with it). */
static bool row_names(Reader *rd, prt_result_row *row, const char **ref_out)
{
    size_t ref_len;
    size_t c = (size_t)rd->col[COL_REF];
    char *ref = field(rd->csv, c, &ref_len);
    prt_named_ref who;
    if (!*ref) {
        prt_diag_error_at(rd->diag, field_pos(rd, c), "R004", "the row has no reference");
        return false;
    }
    if (!prt_name_index_find(rd->names, rd->last_indicator, ref, ref_len, &who) &&
        !guarded_ref(rd->names, rd->last_indicator, ref, ref_len, &who)) {
        delivery_ref(rd, ref, ref_len, field_pos(rd, c));
        return false;
    }
    rd->last_indicator = who.input ? -1 : who.index;
    row->indicator = who.input ? -1 : who.index;
    row->input = who.input ? who.index : -1;
    *ref_out = ref;
    return true;
}

/* The row's period, within the plan's years; *keep_row: whether a report needs its period. */
static bool row_period(Reader *rd, prt_result_row *row, bool *keep_row)
{
    size_t len, c = (size_t)rd->col[COL_PERIOD];
    char *text = field(rd->csv, c, &len);
    const char *why = NULL;
    /* rows come grouped by period: the text is most often the last row's, already parsed */
    if (len == rd->last_ptext_len && memcmp(text, rd->last_ptext, len) == 0) {
        row->period = rd->last_period;
        *keep_row = rd->last_keep;
    } else if (!prt_period_parse(text, len, &row->period, &why)) {
        prt_diag_error_at(rd->diag, field_pos(rd, c), "R005", "invalid period '%s': %s", text, why);
        return false;
    } else {
        *keep_row = period_wanted(rd->r, row->period);
        if (len < sizeof rd->last_ptext) {
            memcpy(rd->last_ptext, text, len);
            rd->last_ptext_len = len;
            rd->last_period = row->period;
            rd->last_keep = *keep_row;
        }
    }
    /* last year's results are needed for the direction of travel, so one year before counts too */
    const prt_plan *plan = rd->plan;
    if (plan->first_year && (row->period.year < plan->first_year - 1 || row->period.year > plan->last_year)) {
        prt_diag_error_at(rd->diag, field_pos(rd, c), "R005",
                          "period %s is outside the plan (%d/%02d to %d/%02d, and the year before)",
                          prt_period_text(row->period).s, plan->first_year,
                          (plan->first_year + 1) % 100, plan->last_year, (plan->last_year + 1) % 100);
        return false;
    }
    return true;
}

/* The row's value: a number that suits the unit, or a word saying there is none. */
static bool row_value(Reader *rd, prt_result_row *row)
{
    size_t len, c = (size_t)rd->col[COL_VALUE];
    char *text = field(rd->csv, c, &len);
    prt_suffix suf = PRT_SUFFIX_NONE;
    const char *why;
    if (plain_number(text, len, &row->value)) {
        row->status = PRT_RESULT_VALUE;
    } else if (prt_same_nocase(text, "not available") || prt_same_nocase(text, "n/a") || strcmp(text, "#N/A") == 0) {
        row->status = PRT_RESULT_NOT_AVAILABLE;
        return true;
    } else if (prt_same_nocase(text, "not yet available") || prt_same_nocase(text, "nya")) {
        row->status = PRT_RESULT_NOT_YET_AVAILABLE;
        return true;
    } else if (!*text) {
        prt_diag_error_at(rd->diag, field_pos(rd, c), "R006",
                          "the value is empty; write a number, 'not available' or 'not yet available'");
        return false;
    } else if (!parse_number(text, &row->value, &suf, &why)) {
        if (why)
            prt_diag_error_at(rd->diag, field_pos(rd, c), "R006", "'%s' is not a number: %s", text, why);
        else
            prt_diag_error_at(rd->diag, field_pos(rd, c), "R006", "'%s' is not a number (nor 'not available')", text);
        return false;
    } else {
        row->status = PRT_RESULT_VALUE;
    }
    return number_fits(rd, COL_VALUE, row->indicator, row->value, text, suf);
}

/* Field c of the row when the header has the column and the field is not empty, else NULL. */
static char *optional_field(Reader *rd, int c)
{
    char *v = c >= 0 ? field(rd->csv, (size_t)c, NULL) : NULL;
    return v && *v ? v : NULL;
}

/* ---- the confidence interval: the lower and upper columns ---- */

/* One bound, text in column col: a number in the indicator's unit (R006, R007). */
static bool interval_bound(Reader *rd, int col, const char *text, int indicator, double *out)
{
    prt_suffix suf = PRT_SUFFIX_NONE;
    const char *why = NULL;
    if (!plain_number(text, strlen(text), out) && !parse_number(text, out, &suf, &why)) {
        if (why)
            prt_diag_error_at(rd->diag, field_pos(rd, (size_t)rd->col[col]), "R006",
                              "'%s' in the '%s' column is not a number: %s", text, column_names[col], why);
        else
            prt_diag_error_at(rd->diag, field_pos(rd, (size_t)rd->col[col]), "R006",
                              "'%s' in the '%s' column is not a number", text, column_names[col]);
        return false;
    }
    return number_fits(rd, col, indicator, *out, text, suf);
}

/* The interval a survey gives around the value: both bounds or neither, for an indicator's value,
 * lower <= value <= upper (R022). */
static bool row_interval(Reader *rd, prt_result_row *row)
{
    char *lower = optional_field(rd, rd->col[COL_LOWER]), *upper = optional_field(rd, rd->col[COL_UPPER]);
    if (!lower && !upper)
        return true;
    int given = lower ? COL_LOWER : COL_UPPER;
    prt_pos at = field_pos(rd, (size_t)rd->col[given]);
    if (!lower || !upper) {
        prt_diag_error_at(rd->diag, at, "R022", "'%s' is given without '%s': an interval needs both bounds",
                          column_names[given], column_names[lower ? COL_UPPER : COL_LOWER]);
        return false;
    }
    if (row->indicator < 0 || row->status != PRT_RESULT_VALUE) {
        prt_diag_error_at(rd->diag, at, "R022", "an interval is given, but the row has no %s",
                          row->indicator < 0 ? "indicator (an input's value has none)" : "value for it to hold");
        return false;
    }
    const prt_indicator *in = &rd->plan->indicators[row->indicator];
    double lo, up;
    if (!interval_bound(rd, COL_LOWER, lower, row->indicator, &lo) ||
        !interval_bound(rd, COL_UPPER, upper, row->indicator, &up))
        return false;
    if (lo > row->value || row->value > up) {
        char a[64], b[64], v[64];
        prt_diag_error_at(rd->diag, at, "R022",
                          "the interval %s to %s does not hold the value %s: the lower bound comes first, and the "
                          "value lies between the two",
                          prt_format_value(in, lo, a, sizeof a), prt_format_value(in, up, b, sizeof b),
                          prt_format_value(in, row->value, v, sizeof v));
        return false;
    }
    row->has_interval = true;
    row->lower = lo;
    row->upper = up;
    return true;
}

/* A rating or override: a band of the indicator's scheme.  Kept (in *kept) when the row is. */
static bool row_band(Reader *rd, const prt_result_row *row, int column, const char *ref, bool keep_row,
                     const char **kept)
{
    char *v = optional_field(rd, rd->col[column]);
    if (!v)
        return true;
    const prt_plan *plan = rd->plan;
    const prt_indicator *in = row->indicator >= 0 ? &plan->indicators[row->indicator] : NULL;
    const prt_scheme *scheme = in && in->scheme >= 0 ? &plan->schemes[in->scheme] : NULL;
    prt_pos at = field_pos(rd, (size_t)rd->col[column]);
    if (!scheme) {
        prt_diag_error_at(rd->diag, at, "R008", "%s '%s' given, but '%s' has no rating scheme", column_names[column], v,
                          in ? prt_indicator_label(in) : ref);
        return false;
    }
    if (prt_scheme_find_band(scheme, v) < 0) {
        const char *cands[3 * PRT_MAX_BANDS];
        size_t n = 0;
        for (int b = 0; b < scheme->nbands && b < PRT_MAX_BANDS; b++) {
            cands[n++] = scheme->bands[b].id;
            if (scheme->bands[b].abbrev)
                cands[n++] = scheme->bands[b].abbrev;
            if (scheme->bands[b].label)
                cands[n++] = scheme->bands[b].label;
        }
        const char *near = prt_closest_word(v, cands, n);
        if (near)
            prt_diag_error_at(rd->diag, at, "R008", "rating scheme '%s' has no band '%s'; did you mean '%s'?", scheme->id,
                              v, near);
        else
            prt_diag_error_at(rd->diag, at, "R008", "rating scheme '%s' has no band '%s'", scheme->id, v);
        return false;
    }
    if (keep_row)
        *kept = keep(rd->r, v);
    return true;
}

/* The rating, override, reason, comment and direction of travel: checked, and kept when the row is. */
static bool row_texts(Reader *rd, prt_result_row *row, const char *ref, bool keep_row)
{
    bool ok = row_band(rd, row, COL_RATING, ref, keep_row, &row->rating);
    bool override_ok = row_band(rd, row, COL_OVERRIDE, ref, keep_row, &row->override);
    char *reason = optional_field(rd, rd->col[COL_REASON]);
    ok &= override_ok;
    /* an override that is a band needs its reason (one that is not is wrong already) */
    if (override_ok && optional_field(rd, rd->col[COL_OVERRIDE]) && !reason) {
        prt_diag_error_at(rd->diag, field_pos(rd, (size_t)rd->col[COL_OVERRIDE]), "R009",
                          "a rating override needs its reason in the 'reason' column");
        ok = false;
    }
    char *comment = optional_field(rd, rd->col[COL_COMMENT]);
    char *dot = optional_field(rd, rd->col[COL_DOT]);
    if (dot && !dot_word(dot)) {
        prt_diag_error_at(rd->diag, field_pos(rd, (size_t)rd->col[COL_DOT]), "R010",
                          "unknown direction of travel '%s'; write improving, same, worsening, new, not comparable, "
                          "n/a or new method",
                          dot);
        ok = false;
    }
    if (keep_row) {
        row->reason = reason ? keep(rd->r, reason) : NULL;
        row->comment = comment ? keep(rd->r, comment) : NULL;
        row->dot = dot ? keep(rd->r, dot) : NULL;
    }
    return ok;
}

/* The benchmark columns: numbers, appended to the table's benchmark values when the row is kept
 * (the row's are then the last row->nbench of them). */
static bool row_benchmarks(Reader *rd, prt_result_row *row, bool keep_row)
{
    prt_results *r = rd->r;
    bool ok = true;
    for (size_t i = 0; i < rd->ncols; i++) {
        char *b = rd->bench_col[i] >= 0 ? optional_field(rd, (int)i) : NULL;
        double bv;
        prt_suffix bs;
        if (!b)
            continue;
        const char *why;
        if (!parse_number(b, &bv, &bs, &why)) {
            prt_diag_error_at(rd->diag, field_pos(rd, i), "R006", "benchmark value '%s' is not a number%s%s", b,
                              why ? ": " : "", why ? why : "");
            ok = false;
            continue;
        }
        if (!keep_row)
            continue;
        if (r->nbench == r->bench_cap) {
            r->bench_cap = r->bench_cap ? r->bench_cap * 2 : 64;
            r->bench_index = prt_xrealloc(r->bench_index, r->bench_cap * sizeof *r->bench_index);
            r->bench_value = prt_xrealloc(r->bench_value, r->bench_cap * sizeof *r->bench_value);
        }
        r->bench_index[r->nbench] = rd->bench_col[i];
        r->bench_value[r->nbench] = bv;
        r->nbench++;
        row->nbench++;
    }
    return ok;
}

/* The `provisional` column: whether the figure may still change. */
static bool row_provisional(Reader *rd, prt_result_row *row)
{
    static const char *const yes[] = {"yes", "y", "true", "1", "provisional"}, *const no[] = {"no", "n", "false", "0"};
    char *v = optional_field(rd, rd->col[COL_PROVISIONAL]);
    if (!v)
        return true;
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        if (prt_same_nocase(v, yes[i]))
            return row->provisional = true;
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        if (prt_same_nocase(v, no[i]))
            return true;
    prt_diag_error_at(rd->diag, field_pos(rd, (size_t)rd->col[COL_PROVISIONAL]), "R018",
                      "'%s' does not say whether the figure is provisional; write yes, y, true, 1 or provisional, "
                      "or no, n, false, 0 (or leave it empty)",
                      v);
    return false;
}

/* A second row for the same indicator and period: an error there, a note at the first. */
static void report_repeat(Reader *rd, const prt_result_row *row, const char *ref)
{
    prt_pos first = first_row_of(rd->r, row->indicator, row->period, rd->line);
    const prt_period_str period = prt_period_text(row->period);
    prt_diag_error_at(rd->diag, field_pos(rd, (size_t)rd->col[COL_REF]), "R011", "a second row for '%s' in %s", ref,
                      period.s);
    prt_diag_note_at(rd->diag, first, "the first row for '%s' in %s is here", ref, period.s);
}

/* The row kept for the same indicator or input and period as row, or NULL.  An input's is looked
 * for by a scan, inputs being few and their restatements rare. */
static prt_result_row *stored_row(prt_results *r, const prt_result_row *row)
{
    if (row->indicator >= 0)
        return (prt_result_row *)find_row(r, row->indicator, row->period);
    for (size_t k = r->n; k-- > 0;)
        if (r->rows[k].indicator < 0 && r->rows[k].input == row->input && prt_period_equal(r->rows[k].period, row->period))
            return &r->rows[k];
    return NULL;
}

/* The plan's own result for the indicator in period p, or NULL. */
static const prt_plan_result *plan_result(const prt_indicator *in, prt_period p)
{
    for (int i = 0; i < in->nresults; i++)
        if (prt_period_equal(in->results[i].period, p))
            return &in->results[i];
    return NULL;
}

/* A row with a `restated` reason: it replaces the figure given before (an earlier row, in this file or
 * an earlier one, or the plan's own result), which it keeps as its original (the first figure, when
 * restated twice).  False after R017 when there is no figure to restate.  Inputs are not checked
 * for repeats, so an input's restatement replaces an earlier value when one is kept. */
static bool row_restates(Reader *rd, prt_result_row *row, const char *ref, const char *reason, bool keep_row)
{
    prt_results *r = rd->r;
    const prt_result_row *old = keep_row ? stored_row(r, row) : NULL;
    const prt_plan_result *planned = row->indicator >= 0 ? plan_result(&rd->plan->indicators[row->indicator], row->period) : NULL;
    if (old) {
        row->original = old->restated ? old->original : old->value;
        row->original_status = old->restated ? old->original_status : old->status;
    } else if (row->indicator >= 0 && !seen(r, row->indicator, row->period)) {
        if (!planned) {
            prt_diag_error_at(rd->diag, field_pos(rd, (size_t)rd->col[COL_RESTATED]), "R017",
                              "the row restates a figure for '%s' in %s that no earlier row gives", ref,
                              prt_period_text(row->period).s);
            return false;
        }
        row->original = planned->value;
        row->original_status = planned->status;
    }
    if (row->indicator >= 0)
        mark_seen(r, row->indicator, row->period);
    row->restated = true;
    if (keep_row)
        row->restate_reason = keep(r, reason);
    return true;
}

/* Whether the row takes its place in the history: a first figure, or a restatement of one.  A second
 * figure that does not say it restates the first is R011. */
static bool row_history(Reader *rd, prt_result_row *row, const char *ref, bool keep_row)
{
    char *reason = optional_field(rd, rd->col[COL_RESTATED]);
    if (reason)
        return row_restates(rd, row, ref, reason, keep_row);
    if (row->indicator < 0)
        return true;
    if (seen(rd->r, row->indicator, row->period)) {
        report_repeat(rd, row, ref);
        return false;
    }
    mark_seen(rd->r, row->indicator, row->period);
    return true;
}

/* Adds a row to the table and to the (indicator, period) lookup. */
static void store_row(prt_results *r, const prt_result_row *row)
{
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 256;
        r->rows = prt_big_grow(r->rows, r->cap * sizeof *r->rows, cap * sizeof *r->rows);
        r->cap = cap;
    }
    r->rows[r->n++] = *row;
    if (row->indicator >= 0)
        prt_row_table_put(&r->table, row->indicator, row->period, r->n - 1);
}

/* Keeps a row; a restatement takes the place of the row it restates, which stays in the table dead
 * (found by no lookup), so that every row's benchmark values stay where link_benchmarks looks. */
static void keep_row_of(prt_results *r, const prt_result_row *row)
{
    prt_result_row *old = row->restated ? stored_row(r, row) : NULL;
    if (old)
        old->indicator = old->input = -1;
    store_row(r, row);
}

/* ---- delivery rows ---- */

/* The `status` column of a delivery row: a state, or a band of the activity's scheme (an activity's
 * row only; a milestone has a state, never a band). */
static bool delivery_status(Reader *rd, prt_delivery_row *d, const prt_delivery_scheme *scheme)
{
    char *v = optional_field(rd, rd->col[COL_STATUS]);
    if (!v)
        return true;
    d->state = prt_delivery_state_parse(v);
    if (d->state != PRT_STATE_NONE && d->milestone < 0 && scheme && !prt_delivery_maps_states(scheme)) {
        prt_buf words = {0};
        for (int i = 0; i < scheme->nbands; i++)
            prt_buf_printf(&words, "%s%s", i ? ", " : "", scheme->bands[i].id);
        prt_diag_error_at(rd->diag, field_pos(rd, (size_t)rd->col[COL_STATUS]), "R019",
                          "delivery scheme '%s' rates by judgement: write one of its bands (%s), not a state",
                          scheme->id, prt_buf_str(&words));
        prt_buf_free(&words);
        return false;
    }
    if (d->state != PRT_STATE_NONE)
        return true;
    if (d->milestone < 0 && (d->band = prt_delivery_band_find(scheme, v)) >= 0)
        return true;
    const char *cands[PRT_N_DELIVERY_STATES + 2 * PRT_MAX_BANDS];
    size_t n = 0;
    prt_buf words = {0};
    for (int i = 1; i < PRT_N_DELIVERY_STATES; i++) {
        cands[n++] = prt_delivery_state_words[i];
        prt_buf_printf(&words, "%s%s", i > 1 ? ", " : "", prt_delivery_state_words[i]);
    }
    for (int i = 0; scheme && d->milestone < 0 && i < scheme->nbands && i < PRT_MAX_BANDS; i++) {
        cands[n++] = scheme->bands[i].id;
        prt_buf_printf(&words, ", %s", scheme->bands[i].id);
        if (scheme->bands[i].abbrev)
            cands[n++] = scheme->bands[i].abbrev;
    }
    const char *near = prt_closest_word(v, cands, n);
    prt_pos at = field_pos(rd, (size_t)rd->col[COL_STATUS]);
    if (near)
        prt_diag_error_at(rd->diag, at, "R019", "unknown status '%s'; did you mean '%s'?", v, near);
    else
        prt_diag_error_at(rd->diag, at, "R019", "unknown status '%s'; write one of %s", v, prt_buf_str(&words));
    prt_buf_free(&words);
    return false;
}

/* The value column of a delivery row: an activity's percentage complete (or empty); a milestone's
 * is empty. */
static bool delivery_value(Reader *rd, prt_delivery_row *d)
{
    size_t len, c = (size_t)rd->col[COL_VALUE];
    char *text = field(rd->csv, c, &len);
    prt_suffix suf = PRT_SUFFIX_NONE;
    if (!*text)
        return true;
    if (d->milestone >= 0) {
        prt_diag_error_at(rd->diag, field_pos(rd, c), "R019",
                          "a milestone's row takes no value: its 'status' and 'completed' columns say how it stands");
        return false;
    }
    const char *why;
    if (!plain_number(text, len, &d->percent) && (!parse_number(text, &d->percent, &suf, &why) ||
                                                   (suf != PRT_SUFFIX_NONE && suf != PRT_SUFFIX_PERCENT))) {
        prt_diag_error_at(rd->diag, field_pos(rd, c), "R006",
                          "an activity's value is its percentage complete: '%s' is not one (leave it empty if none)",
                          text);
        return false;
    }
    if (d->percent < 0 || d->percent > 100) {
        prt_diag_error_at(rd->diag, field_pos(rd, c), "R007", "a percentage complete of %g is outside 0-100", d->percent);
        return false;
    }
    d->has_percent = true;
    return true;
}

/* The impact and completion date of a delivery row. */
static bool delivery_impact_completed(Reader *rd, prt_delivery_row *d)
{
    bool ok = true;
    char *v = optional_field(rd, rd->col[COL_IMPACT]);
    if (v && (d->impact = prt_impact_parse(v)) == PRT_IMPACT_NONE) {
        prt_diag_error_at(rd->diag, field_pos(rd, (size_t)rd->col[COL_IMPACT]), "R020",
                          "unknown impact '%s'; write low, medium or high", v);
        ok = false;
    } else if (v && d->band >= 0) {
        prt_diag_error_at(rd->diag, field_pos(rd, (size_t)rd->col[COL_IMPACT]), "R020",
                          "an impact goes with a state (delayed, at_risk ...), not with a band");
        ok = false;
    }
    v = optional_field(rd, rd->col[COL_COMPLETED]);
    const char *why = NULL;
    if (!v)
        return ok;
    prt_pos at = field_pos(rd, (size_t)rd->col[COL_COMPLETED]);
    if (!prt_date_parse(v, strlen(v), &d->completed, &why)) {
        prt_diag_error_at(rd->diag, at, "R021", "invalid completion date '%s': %s", v, why);
        return false;
    }
    if (d->completed > prt_period_last_day(d->period)) {
        prt_diag_error_at(rd->diag, at, "R021", "completed on %s, after the end of %s, the period the row reports",
                          prt_date_text(d->completed).s, prt_period_text(d->period).s);
        return false;
    }
    const prt_activity *a = &rd->plan->activities[d->activity];
    const prt_when *start = d->milestone >= 0 ? &a->milestones[d->milestone].start : NULL;
    int first = !start || !start->set ? 0 : start->date ? start->date : prt_period_first_day(start->period);
    if (first && d->completed < first) {
        prt_diag_error_at(rd->diag, at, "R021", "milestone '%s' completed on %s, before it started (%s)",
                          a->milestones[d->milestone].id, prt_date_text(d->completed).s,
                          start->date ? prt_date_text(start->date).s : prt_period_text(start->period).s);
        return false;
    }
    return ok;
}

/* The rating of record and override of a delivery row: bands of the activity's delivery scheme. */
static bool delivery_bands(Reader *rd, prt_delivery_row *d, const prt_delivery_scheme *scheme, const char *ref)
{
    bool ok = true;
    static const int cols[2] = {COL_RATING, COL_OVERRIDE};
    for (int k = 0; k < 2; k++) {
        char *v = optional_field(rd, rd->col[cols[k]]);
        if (!v)
            continue;
        prt_pos at = field_pos(rd, (size_t)rd->col[cols[k]]);
        int band = d->milestone < 0 ? prt_delivery_band_find(scheme, v) : -1;
        if (band < 0) {
            if (d->milestone >= 0)
                prt_diag_error_at(rd->diag, at, "R008", "%s '%s' given for a milestone, which is not rated", column_names[cols[k]], v);
            else if (!scheme)
                prt_diag_error_at(rd->diag, at, "R008", "%s '%s' given, but '%s' has no delivery scheme", column_names[cols[k]], v, ref);
            else
                prt_diag_error_at(rd->diag, at, "R008", "delivery scheme '%s' has no band '%s'", scheme->id, v);
            ok = false;
        } else if (k == 0) {
            d->rating = keep(rd->r, v);
        } else {
            d->override = band;
        }
    }
    char *reason = optional_field(rd, rd->col[COL_REASON]);
    if (d->override >= 0 && !reason) {
        prt_diag_error_at(rd->diag, field_pos(rd, (size_t)rd->col[COL_OVERRIDE]), "R009",
                          "a rating override needs its reason in the 'reason' column");
        ok = false;
    }
    d->reason = reason ? keep(rd->r, reason) : NULL;
    return ok;
}

/* The interval's columns on an activity's or a milestone's row: there they mean nothing (R022). */
static bool no_interval_columns(Reader *rd)
{
    bool ok = true;
    for (int c = COL_LOWER; c <= COL_UPPER; c++)
        if (optional_field(rd, rd->col[c])) {
            prt_diag_error_at(rd->diag, field_pos(rd, (size_t)rd->col[c]), "R022",
                              "the '%s' column is for an indicator's confidence interval, not activities and milestones",
                              column_names[c]);
            ok = false;
        }
    return ok;
}

/* A row for an activity or a milestone: checked, and kept unless a repeat (R011) or wrong. */
static bool read_delivery_row(Reader *rd, const char *ref, int activity, int milestone)
{
    prt_results *r = rd->r;
    prt_result_row period_row;
    bool keep_row;
    memset(&period_row, 0, sizeof period_row);
    if (!row_period(rd, &period_row, &keep_row))
        return true;
    prt_delivery_row d;
    memset(&d, 0, sizeof d);
    d.activity = activity;
    d.milestone = milestone;
    d.period = period_row.period;
    d.band = d.override = -1;
    d.line = rd->line;
    d.at = field_pos(rd, (size_t)rd->col[COL_REF]);
    const prt_activity *a = &rd->plan->activities[activity];
    const prt_delivery_scheme *scheme = a->scheme >= 0 ? &rd->plan->delivery[a->scheme] : NULL;
    bool ok = delivery_status(rd, &d, scheme);
    ok &= delivery_value(rd, &d);
    ok &= delivery_impact_completed(rd, &d);
    ok &= delivery_bands(rd, &d, scheme, ref);
    ok &= no_interval_columns(rd);
    prt_result_row flags;
    memset(&flags, 0, sizeof flags);
    ok &= row_provisional(rd, &flags);
    if (!ok)
        return true;
    d.provisional = flags.provisional;
    char *comment = optional_field(rd, rd->col[COL_COMMENT]);
    d.comment = comment ? keep(r, comment) : NULL;
    if (!r->dseen)
        r->dseen = prt_delivery_seen_new();
    bool restates = optional_field(rd, rd->col[COL_RESTATED]) != NULL;
    size_t before = prt_delivery_seen_get(r->dseen, activity, milestone, d.period);
    if (!before && restates) {
        prt_diag_error_at(rd->diag, field_pos(rd, (size_t)rd->col[COL_RESTATED]), "R017",
                          "the row restates a status for '%s' in %s that no earlier row gives", ref,
                          prt_period_text(d.period).s);
        return true;
    }
    if (before && !restates) {
        const prt_period_str period = prt_period_text(d.period);
        prt_diag_error_at(rd->diag, d.at, "R011", "a second row for '%s' in %s", ref, period.s);
        prt_diag_note_at(rd->diag, r->drows[before - 1].at, "the first row for '%s' in %s is here", ref, period.s);
        return true;
    }
    if (before)
        r->drows[before - 1].activity = -1;     /* restated: the earlier row is dead */
    prt_delivery_seen_set(r->dseen, activity, milestone, d.period, r->nd + 1);
    if (r->nd == r->dcap) {
        r->dcap = r->dcap ? r->dcap * 2 : 64;
        r->drows = prt_xrealloc(r->drows, r->dcap * sizeof *r->drows);
    }
    r->drows[r->nd++] = d;
    return true;
}

const prt_delivery_row *prt_results_delivery_rows(const prt_results *r, size_t *n)
{
    *n = r ? r->nd : 0;
    return r ? r->drows : NULL;
}

/* The delivery columns on an indicator's row: there they mean nothing, so they are an error. */
static bool no_delivery_columns(Reader *rd)
{
    static const struct {
        int col;
        const char *code;
    } cols[] = {{COL_STATUS, "R019"}, {COL_IMPACT, "R020"}, {COL_COMPLETED, "R021"}};
    bool ok = true;
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
        if (optional_field(rd, rd->col[cols[i].col])) {
            prt_diag_error_at(rd->diag, field_pos(rd, (size_t)rd->col[cols[i].col]), cols[i].code,
                              "the '%s' column is for activities and milestones, not indicators",
                              column_names[cols[i].col]);
            ok = false;
        }
    return ok;
}

/* Reads the record just read as a row: stored, or reported and left out. */
static void read_row(Reader *rd)
{
    prt_results *r = rd->r;
    /* copied from an empty row, not memset: for 144 bytes a memset is a `rep stos`, whose start-up
     * showed in the profile (every row pays it); a copy is a few vector moves */
    static const prt_result_row empty_row;
    prt_result_row row = empty_row;
    row.line = rd->line;
    const char *ref;
    bool keep_row;
    if (!row_shape(rd) || !row_names(rd, &row, &ref) || !row_period(rd, &row, &keep_row) || !row_value(rd, &row))
        return;
    /* every row is checked; only the rows of the periods rated are kept */
    size_t bench_first = r->nbench;
    bool ok = row_texts(rd, &row, ref, keep_row);
    ok &= no_delivery_columns(rd);
    ok &= row_interval(rd, &row);
    ok &= row_benchmarks(rd, &row, keep_row);
    ok &= row_provisional(rd, &row);
    if (!ok || !row_history(rd, &row, ref, keep_row)) {
        r->nbench = bench_first;    /* the values of a row left out are not kept */
        return;
    }
    if (keep_row) {
        row.at = field_pos(rd, (size_t)rd->col[COL_VALUE]);
        keep_row_of(r, &row);
    }
}

/* ---- the files ---- */

/* One reading of a history: the table the files go into, where problems go, and the names, looked up
 * alike in every file. */
typedef struct Reading {
    prt_results *r;
    prt_diag *diag;
    prt_name_index names;
    /* each indicator's unit, packed: every row's value is checked against it, and the indicator's
     * own record, read for that, was a cache miss a row */
    unsigned char *units;
    bool unreadable;            /* an input could not be read (R000): no table is handed back */
} Reading;

static void reader_init(Reader *rd, Reading *rg, Source *src)
{
    memset(rd, 0, sizeof *rd);
    rd->plan = rg->r->plan;
    rd->r = rg->r;
    rd->src = src;
    rd->csv = &src->csv;
    rd->diag = rg->diag;
    rd->file = rg->r->files[rg->r->nfiles - 1].file;
    for (int i = 0; i < COL__FIXED; i++)
        rd->col[i] = -1;
    rd->last_indicator = -1;
    rd->last_ptext_len = (size_t)-1;
    rd->names = &rg->names;
    rd->units = rg->units;
}

static prt_results *results_new(const prt_plan *plan)
{
    prt_results *r = prt_xrealloc(NULL, sizeof *r);
    memset(r, 0, sizeof *r);
    r->plan = plan;
    r->keep_all = true;
    r->base_year = plan->first_year ? plan->first_year - 1 : 1900;
    r->period_slots = (size_t)((plan->first_year ? plan->last_year : 2199) - r->base_year + 1) * PRT_PERIODS_A_YEAR;
    size_t indicators = plan->nindicators > 0 ? (size_t)plan->nindicators : 1;
    r->seen_bits = prt_xcalloc(r->period_slots * indicators / 8 + 1, 1);
    return r;
}

/* The years of the rows a report of the n periods up to p reads: its periods, the year before the
 * first (last year's figures, the quarter before), and as far back as the longest arrears reach. */
static void keep_years(prt_results *r, prt_period p, int n)
{
    int arrears = 0;
    for (int i = 0; i < r->plan->nindicators; i++)
        if (r->plan->indicators[i].arrears > arrears)
            arrears = r->plan->indicators[i].arrears;
    prt_period first = prt_period_back(p, n > 1 ? n - 1 : 0);
    r->keep_all = false;
    r->keep_from = first.year - 1 - (arrears + 3) / 4;
    r->keep_to = p.year;
    prt_row_table_free(&r->table);
    prt_row_table_init_years(&r->table, (size_t)r->plan->nindicators, r->keep_from, r->keep_to);
}

/* Adds the file about to be read to the files read. */
static FileRec *add_file(prt_results *r, prt_diag *diag, const char *path)
{
    if (r->nfiles == r->files_cap) {
        r->files_cap = r->files_cap ? r->files_cap * 2 : 8;
        r->files = prt_xrealloc(r->files, r->files_cap * sizeof *r->files);
    }
    FileRec *f = &r->files[r->nfiles++];
    memset(f, 0, sizeof *f);
    f->path = prt_xstrdup(path);
    f->file = prt_sources_add_streamed(diag->sources, path);
    f->col_ref = f->col_period = -1;
    f->sheet = -1;
    return f;
}

static void free_files(prt_results *r)
{
    for (size_t k = 0; k < r->nfiles; k++)
        free(r->files[k].path);
    free(r->files);
    r->files = NULL;
    r->nfiles = r->files_cap = 0;
}

/* The rows' benchmark values, stored one row after another, are handed to the rows once the
 * arrays have stopped moving. */
static void link_benchmarks(prt_results *r)
{
    if (r->nbench == 0)
        return;                 /* no row has any: their pointers are NULL already */
    size_t first = 0;
    for (size_t k = 0; k < r->n; k++) {
        prt_result_row *row = &r->rows[k];
        row->bench_index = row->nbench ? r->bench_index + first : NULL;
        row->bench_value = row->nbench ? r->bench_value + first : NULL;
        first += (size_t)row->nbench;
    }
}

/* What stopped the reading, said once it has ended. */
static void report_end(Reader *rd)
{
    if (rd->src->nul)
        prt_diag_error_at(rd->diag, file_pos(rd), "R013", "the file contains a NUL byte: it is not a CSV text file");
    if (rd->src->too_long)
        prt_diag_error_at(rd->diag, line_pos(rd, rd->src->too_long), "R015",
                          "the row is longer than %d MiB; nothing after it was read", PRT_MAX_RECORD_BYTES >> 20);
    if (rd->src->failed)
        prt_diag_error_at(rd->diag, file_pos(rd), "R000", "cannot read the results: a read error");
}

/* Reads the file last added to the files read, its text coming from src. */
static void parse(Reading *rg, Source *src)
{
    Reader rd;
    reader_init(&rd, rg, src);
    if (read_header(&rd)) {
        const char *why = NULL;
        int rc;
        while ((rc = next_record(src, &rd.line, &why)) != 0) {
            if (rc < 0)
                prt_diag_error_at(rg->diag, row_pos(&rd), "R003", "%s", why);
            else
                read_row(&rd);
        }
    }
    report_end(&rd);
    free(rd.bench_col);
}

static void reading_begin(Reading *rg, const prt_plan *plan, prt_diag *diag)
{
    rg->r = results_new(plan);
    rg->diag = diag;
    rg->unreadable = false;
    prt_name_index_build(&rg->names, plan);
    rg->units = prt_xrealloc(NULL, plan->nindicators > 0 ? (size_t)plan->nindicators : 1);
    for (int i = 0; i < plan->nindicators; i++)
        rg->units[i] = (unsigned char)plan->indicators[i].unit;
}

/* The table once every file is read, or NULL (freed) when an input could not be read. */
static prt_results *reading_end(Reading *rg)
{
    prt_name_index_free(&rg->names);
    free(rg->units);
    free_files(rg->r);
    link_benchmarks(rg->r);
    if (rg->unreadable) {
        prt_results_free(rg->r);
        return NULL;
    }
    return rg->r;
}

/* ---- workbooks ---- */

/* A return made by planc template from another version of the plan (its planc.digest property):
 * its rows may no longer match the plan's indicators and targets, which is worth a look. */
static void check_made_for(Reading *rg, const prt_sheets *sh, prt_pos at)
{
    const char *digest = prt_sheets_property(sh, "planc.digest"), *name = prt_sheets_property(sh, "planc.plan");
    const prt_plan *plan = rg->r->plan;
    if (!digest || !plan->digest || strcmp(digest, plan->digest) == 0)
        return;
    if (name && plan->name && strcmp(name, plan->name) != 0)
        prt_diag_warning_at(rg->diag, at, "R025", "the return was made by planc template for the plan '%s', not '%s'",
                            name, plan->name);
    else
        prt_diag_warning_at(rg->diag, at, "R025",
                            "the return was made by planc template from another version of the plan (%s; this plan "
                            "is %s): check that its rows still match the plan's indicators",
                            digest, plan->digest);
}

/* Reads a workbook's sheets, those whose first row is a results header, each as a file of its own (the
 * workbook at path, or the len bytes at data); `at` is the workbook as a whole, for what concerns it. */
static void read_workbook(Reading *rg, const char *path, const char *data, size_t len, prt_file_kind kind, prt_pos at)
{
    const char *missing = prt_sheets_missing_part(kind);
    if (missing) {
        prt_diag_error_at(rg->diag, at, "R023", "%s", missing);
        return;
    }
    prt_sheets sh;
    if (prt_sheets_open(&sh, rg->diag, path, data, len, at)) {
        check_made_for(rg, &sh, at);
        while (prt_sheets_next_sheet(&sh)) {
            FileRec *f = add_file(rg->r, rg->diag, path);
            f->file = sh.file;  /* the sheet, not the workbook */
            f->sheet = sh.index;
            f->data = data;
            f->len = len;
            Source src;
            memset(&src, 0, sizeof src);
            src.sheets = &sh;
            prt_csv_init(&src.csv, "", 0);
            parse(rg, &src);
            prt_csv_free(&src.csv);
        }
        if (sh.nresults == 0 && !sh.broken)
            prt_diag_error_at(rg->diag, at, "R001",
                              "no sheet of the workbook is a return: none has a header row (ref, period, value, ...) "
                              "as its first row");
    }
    prt_sheets_close(&sh);
}

prt_results *prt_results_parse(const prt_plan *plan, const char *path, const char *data, size_t len, prt_diag *diag)
{
    Reading rg;
    reading_begin(&rg, plan, diag);
    prt_file_kind kind = prt_file_kind_of(data, len);
    if (kind != PRT_FILE_TEXT) {
        FileRec *wb = add_file(rg.r, diag, path);
        read_workbook(&rg, path, data, len, kind, (prt_pos){wb->file, 0, 0, 0});
        return reading_end(&rg);
    }
    FileRec *f = add_file(rg.r, diag, path);
    f->data = data;     /* the caller's text: read again for a repeated row's first while it is read */
    f->len = len;
    Source src;
    memset(&src, 0, sizeof src);
    prt_csv_init(&src.csv, data, len);
    src.nul = memchr(data, '\0', len) != NULL;
    parse(&rg, &src);
    prt_csv_free(&src.csv);
    return reading_end(&rg);
}

/* A file that could not be read, as a place for the diagnostic that says so. */
static prt_pos unread_file(prt_diag *diag, const char *path)
{
    return (prt_pos){prt_sources_add_streamed(diag->sources, path), 0, 0, 0};
}

/* The file read before that is the same file on disk as st, or NULL. */
static const FileRec *read_before(const prt_results *r, const struct stat *st)
{
    for (size_t k = 0; k < r->nfiles; k++)
        if (r->files[k].has_id && r->files[k].dev == st->st_dev && r->files[k].ino == st->st_ino)
            return &r->files[k];
    return NULL;
}

/* Whether the open file f at path was read before under another name (or the same): R016, and it is
 * not read again.  Otherwise it is added to the files read. */
static bool add_unless_read(Reading *rg, FILE *f, const char *path)
{
    struct stat st;
    bool known = fstat(fileno(f), &st) == 0;
    const FileRec *twin = known ? read_before(rg->r, &st) : NULL;
    if (twin) {
        prt_diag_error_at(rg->diag, unread_file(rg->diag, path), "R016",
                          "'%s' is the file '%s' named again; it is read once", path, twin->path);
        return false;
    }
    FileRec *rec = add_file(rg->r, rg->diag, path);
    rec->has_id = known;
    rec->dev = known ? st.st_dev : 0;
    rec->ino = known ? st.st_ino : 0;
    return true;
}

static void read_file(Reading *rg, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        const char *why = strerror(errno);
        prt_diag_error_at(rg->diag, unread_file(rg->diag, path), "R000", "cannot read the results: %s", why);
        rg->unreadable = true;
        return;
    }
    Source src;
    memset(&src, 0, sizeof src);
    src.f = f;
    src.cap = CHUNK;
    /* a test hook: tiny pieces put record boundaries everywhere a piece can end */
    const char *chunk = getenv("PLANRT_TEST_CHUNK");
    if (chunk && atoi(chunk) > 0)
        src.cap = atoi(chunk) < 4 ? 4 : (size_t)atoi(chunk);   /* the first piece holds a byte-order mark */
    src.piece = src.cap;
    /* ... and the first piece holds the longest magic number a workbook is told by (an .xls's eight
     * bytes): the file's kind must not depend on how it is read */
    if (src.cap < 8)
        src.cap = 8;
    src.buf = prt_xrealloc(NULL, src.cap);
    size_t got = fread(src.buf, 1, src.cap, f);
    prt_file_kind kind;
    if (got == 0 && ferror(f)) {
        int saved = errno;
        prt_diag_error_at(rg->diag, unread_file(rg->diag, path), "R000", "cannot read the results: %s",
                          strerror(saved ? saved : EIO));
        rg->unreadable = true;
    } else if (!add_unless_read(rg, f, path)) {
        /* read before, under another name (R016 said) */
    } else if ((kind = prt_file_kind_of(src.buf, got)) != PRT_FILE_TEXT) {
        read_workbook(rg, path, NULL, 0, kind, (prt_pos){rg->r->files[rg->r->nfiles - 1].file, 0, 0, 0});
    } else {
        src.nul = got && memchr(src.buf, '\0', got) != NULL;
        prt_csv_init(&src.csv, src.buf, got);       /* skips a byte-order mark */
        src.csv.more = got == src.cap && !src.nul;
        parse(rg, &src);
        prt_csv_free(&src.csv);
    }
    fclose(f);
    free(src.buf);
}

/* Whether a directory entry's name is a results file's: ends in .csv or .xlsx (any case), not hidden,
 * and not the lock file Excel keeps beside a workbook it has open ("~$q3.xlsx"). */
static bool csv_name(const char *name)
{
    size_t n = strlen(name);
    if (name[0] == '.' || strncmp(name, "~$", 2) == 0)
        return false;
    return (n > 4 && prt_same_nocase(name + n - 4, ".csv")) || (n > 5 && prt_same_nocase(name + n - 5, ".xlsx"));
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* dir/name, without a second slash when dir ends in one. */
static char *join_path(const char *dir, const char *name)
{
    size_t d = strlen(dir), n = strlen(name);
    bool slash = d > 0 && dir[d - 1] == '/';
    char *path = prt_xrealloc(NULL, d + !slash + n + 1);
    memcpy(path, dir, d);
    if (!slash)
        path[d++] = '/';
    memcpy(path + d, name, n + 1);
    return path;
}

/* The paths of a directory's results files (regular files whose names csv_name accepts), in byte
 * order of name; NULL when it cannot be listed (errno says why). */
static char **directory_files(const char *dir, size_t *n)
{
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    char **paths = NULL;
    size_t cap = 0;
    struct dirent *e;
    *n = 0;
    while ((e = readdir(d)) != NULL) {
        if (!csv_name(e->d_name))
            continue;
        char *path = join_path(dir, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
            free(path);
            continue;
        }
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            paths = prt_xrealloc(paths, cap * sizeof *paths);
        }
        paths[(*n)++] = path;
    }
    closedir(d);
    /* every path starts with the same dir/, so ordering the paths orders the names */
    if (*n)
        qsort(paths, *n, sizeof *paths, by_name);
    return paths ? paths : prt_xrealloc(NULL, sizeof *paths);
}

/* A directory of returns: its results files, one after another in name order. */
static void read_directory(Reading *rg, const char *dir)
{
    size_t n = 0;
    char **paths = directory_files(dir, &n);
    if (!paths || n == 0) {
        const char *why = paths ? NULL : strerror(errno);
        if (why)
            prt_diag_error_at(rg->diag, unread_file(rg->diag, dir), "R000", "cannot read the results: %s", why);
        else
            prt_diag_error_at(rg->diag, unread_file(rg->diag, dir), "R000",
                              "the directory '%s' holds no .csv or .xlsx results files", dir);
        rg->unreadable = true;
    }
    for (size_t i = 0; i < n; i++) {
        read_file(rg, paths[i]);
        free(paths[i]);
    }
    free(paths);
}

static void read_path(Reading *rg, const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        read_directory(rg, path);
    else
        read_file(rg, path);
}

prt_results *prt_results_read(const prt_plan *plan, const char *path, prt_diag *diag)
{
    Reading rg;
    reading_begin(&rg, plan, diag);
    read_path(&rg, path);
    return reading_end(&rg);
}

prt_results *prt_results_read_for(const prt_plan *plan, const char *path, prt_period p, prt_diag *diag)
{
    return prt_results_read_history(plan, &path, 1, p, 1, diag);
}

prt_results *prt_results_read_history(const prt_plan *plan, const char *const *paths, size_t npaths, prt_period p,
                                      int n, prt_diag *diag)
{
    Reading rg;
    reading_begin(&rg, plan, diag);
    keep_years(rg.r, p, n);
    for (size_t i = 0; i < npaths; i++)
        read_path(&rg, paths[i]);
    rg.unreadable |= npaths == 0;
    return reading_end(&rg);
}

char *prt_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = CHUNK, n = 0, got;
    char *buf = prt_xrealloc(NULL, cap + 1);
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            buf = prt_xrealloc(buf, (cap *= 2) + 1);
    }
    bool failed = ferror(f);
    fclose(f);
    if (failed) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

void prt_results_free(prt_results *r)
{
    if (!r)
        return;
    prt_big_free(r->rows, r->cap * sizeof *r->rows);
    prt_row_table_free(&r->table);
    free(r->drows);
    prt_delivery_names_free(r->dnames);
    prt_delivery_seen_free(r->dseen);
    prt_pool_free(&r->strings);
    free(r->bench_index);
    free(r->bench_value);
    free(r->seen_bits);
    free_files(r);
    free(r);
}

/* Input values are rows with indicator -1; they are looked up by a scan, there being few. */
bool prt_results_input(const prt_results *r, int input, prt_period p, double *out)
{
    if (!r)
        return false;
    for (size_t k = 0; k < r->n; k++)
        if (r->rows[k].indicator < 0 && r->rows[k].input == input && prt_period_equal(r->rows[k].period, p) &&
            r->rows[k].status == PRT_RESULT_VALUE) {
            *out = r->rows[k].value;
            return true;
        }
    return false;
}

/* docs/results.md and docs/diagnostics.md say the same at length. */
static const prt_diag_code results_codes[] = {
    {"R000", "a results file or directory that cannot be read, or a directory with no .csv file (exit status 2)"},
    {"R001", "a results file that is empty, or whose header lacks ref, period or value; a workbook with no sheet of results"},
    {"R002", "an unknown or repeated column, or benchmark:ID for an undeclared benchmark"},
    {"R003", "malformed CSV: a quote not closed, text after a closing quote, a quote inside an unquoted field, a row with the wrong number of fields, a workbook's cell with a value outside the header's columns"},
    {"R004", "a row with no reference, or one the plan does not define"},
    {"R005", "a malformed period, or one outside the plan (and the year before it)"},
    {"R006", "a value that is empty or not a number"},
    {"R007", "a value out of range: a percentage outside 0-100, a negative count, a % on an indicator not in percent"},
    {"R008", "a rating or override that is not a band of the indicator's rating scheme, or given for an indicator without one"},
    {"R009", "an override without its reason"},
    {"R010", "an unknown direction of travel in the dot column"},
    {"R011", "a second row for the same indicator and period (note: the first)"},
    {"R013", "a NUL byte: the file is not text"},
    {"R014", "a row that is not valid UTF-8"},
    {"R015", "a row longer than 16 MiB; nothing after it is read"},
    {"R016", "the same file named twice (given and inside a given directory, or by two names): it is read once"},
    {"R017", "a restatement (the restated column) of a figure no earlier row nor the plan gives"},
    {"R018", "a provisional column that is not yes, y, true, 1, provisional, no, n, false, 0 or empty"},
    {"R019", "a status that is neither a delivery state nor a band of the activity's scheme, a state where the scheme rates by judgement, a value on a milestone's row, or a status on an indicator's row"},
    {"R020", "an impact that is not low, medium or high, one given with a band, or one on an indicator's row"},
    {"R021", "a completion date that is not a day, after the period the row reports, before the milestone starts, or on an indicator's row"},
    {"R022", "a confidence interval's lower or upper bound without the other, that does not hold the value, on a row with no value, or on an activity's row"},
    {"R023", "a workbook that cannot be read: .xls, .ods, .xlsb, password-protected, corrupt, over a size limit, or given to an evaluator built without the Excel part"},
    {"R024", "a workbook's cell whose value cannot be taken: an error such as #DIV/0! (#N/A is 'not available'), or a formula with no saved value"},
    {"R025", "a return made by planc template from another version of the plan, or for another plan (a warning)"},
};

const prt_diag_code *prt_results_codes(size_t *n)
{
    *n = sizeof results_codes / sizeof results_codes[0];
    return results_codes;
}
