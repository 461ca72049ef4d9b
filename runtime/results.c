/* Reading a results CSV against the plan: every row either lands in the table or is reported. */
#include "csv.h"
#include "escape.h"
#include "hash.h"
#include "planrt.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct prt_results {
    const prt_plan *plan;
    prt_result_row *rows;
    size_t n, cap;
    /* (indicator, period) -> row + 1, open addressing */
    size_t *slots;
    size_t nslots;
    char *strings;              /* all text the rows point into */
    size_t strings_len, strings_cap;
    int *bench_index;           /* storage for the rows' benchmark values */
    double *bench_value;
    size_t nbench, bench_cap;
    const prt_period *wanted;   /* NULL: keep every row */
    int nwanted;
    /* Every row is checked for duplicates, though only the rows of the periods a report needs are
     * kept: one bit per indicator and period (19 periods a year: the year, two halves, four quarters,
     * twelve months) over the plan's years and the year before, or over every year a period can
     * name (1900/01 to 2199/00) when the plan does not say which it covers. */
    unsigned char *seen_bits;
    int base_year;
    size_t slots_per_indicator;
    int col_ref, col_period;
    size_t ncols;               /* the header's fields: a row with another count is not a row */
    const char *data;           /* the file's text, to find a duplicate's first line */
    size_t len;
    const char *path;           /* ... or, when it was read in pieces, the file to read again */
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

static size_t period_slot(const prt_results *r, prt_period p)
{
    size_t within = p.kind == PRT_YEAR ? 0 : p.kind == PRT_HALF ? (size_t)p.index : p.kind == PRT_QUARTER ? 2 + (size_t)p.index : 6 + (size_t)p.index;
    return (size_t)(p.year - r->base_year) * 19 + within;
}

static bool period_wanted(const prt_results *r, prt_period p)
{
    if (!r->wanted)
        return true;
    for (int i = 0; i < r->nwanted; i++)
        if (prt_period_equal(r->wanted[i], p))
            return true;
    return false;
}

/* ---- errors ---- */

void prt_errors_add(prt_errors *e, const char *file, unsigned line, const char *code, const char *fmt, ...)
{
    /* the message quotes fields of the file and its name: whole, and escaped for the terminal */
    prt_buf msg = {0}, full = {0};
    va_list ap;
    va_start(ap, fmt);
    prt_buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    prt_esc_terminal(&full, file);
    if (line)
        prt_buf_printf(&full, ":%u", line);
    prt_buf_puts(&full, ": error: ");
    prt_esc_terminal(&full, prt_buf_str(&msg));
    prt_buf_printf(&full, " [%s]", code);
    prt_buf_free(&msg);
    if (e->n == e->cap) {
        e->cap = e->cap ? e->cap * 2 : 16;
        e->messages = prt_xrealloc(e->messages, e->cap * sizeof *e->messages);
    }
    e->messages[e->n] = prt_buf_take(&full);
    e->n++;
    e->errors++;
}

void prt_errors_print(const prt_errors *e, FILE *out)
{
    for (size_t i = 0; i < e->n; i++)
        fprintf(out, "%s\n", e->messages[i]);
    if (e->errors)
        fprintf(out, "%u error%s in results.\n", e->errors, e->errors == 1 ? "" : "s");
}

void prt_errors_free(prt_errors *e)
{
    for (size_t i = 0; i < e->n; i++)
        free(e->messages[i]);
    free(e->messages);
    memset(e, 0, sizeof *e);
}

/* ---- lookup of references and identifiers ---- */

/* One slot holds all a probe needs, so that a probe is one cache line, not three. */
typedef struct NameSlot {
    const char *key;            /* NULL: empty */
    uint32_t hash;
    int value;                  /* indicator index, or -(input index) - 2 */
} NameSlot;

typedef struct NameIndex {
    NameSlot *slots;
    size_t cap;
    const prt_plan *plan;
    bool built;                 /* the table is filled on the first row that needs it */
    /* owns_ref[i]: looking up indicator i's reference finds i (an identifier elsewhere could be the
     * same text); owns_id[i] likewise.  They let a row be matched to the indicator after the last
     * row's, the order files come in, with one comparison instead of a probe of the table.  NULL
     * when the plan says its names are distinct: every indicator owns both. */
    bool *owns_ref, *owns_id;
} NameIndex;

/* Returns whether key was new (the checker has made names unique, but a reference may be another
 * indicator's identifier: then the first keeps it). */
static bool index_put(NameIndex *ix, const char *key, int value)
{
    if (!key)
        return false;
    size_t n = strlen(key);
    uint32_t h = prt_hash_bytes(key, n);
    size_t mask = ix->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        NameSlot *s = &ix->slots[i];
        if (!s->key) {
            *s = (NameSlot){key, h, value};
            return true;
        }
        if (s->hash == h && strcmp(s->key, key) == 0)
            return false;
    }
}

/* Whether key (NUL-terminated) is the n bytes at s. */
static bool same_text(const char *key, const char *s, size_t n)
{
    return key && strncmp(key, s, n) == 0 && key[n] == '\0';
}

static void index_fill(NameIndex *ix);

static bool index_get(NameIndex *ix, const char *key, size_t n, int *value)
{
    if (!ix->built)
        index_fill(ix);
    uint32_t h = prt_hash_bytes(key, n);
    size_t mask = ix->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const NameSlot *s = &ix->slots[i];
        if (!s->key)
            return false;
        if (s->hash == h && same_text(s->key, key, n)) {
            *value = s->value;
            return true;
        }
    }
}

/* The indicator a row names: the one after the previous row's when that is it, else from the table. */
static bool index_find(NameIndex *ix, const prt_plan *plan, int previous, const char *key, size_t n, int *value)
{
    int next = previous + 1;
    if (next >= 0 && next < plan->nindicators) {
        const prt_indicator *in = &plan->indicators[next];
        bool ref = !ix->owns_ref || ix->owns_ref[next], id = !ix->owns_id || ix->owns_id[next];
        if ((ref && same_text(in->ref, key, n)) || (id && same_text(in->id, key, n))) {
            *value = next;
            return true;
        }
    }
    return index_get(ix, key, n, value);
}

/* The table of every indicator's reference and identifier and every input's identifier. */
/* A reference that starts with = + - @ is written by planc's CSV outputs (template, reports) with an
 * apostrophe before it, so that a spreadsheet does not run it as a formula; a spreadsheet drops the
 * apostrophe on saving, a text editor keeps it.  Either way it reads back as the reference. */
static bool guarded_ref(NameIndex *ix, const prt_plan *plan, int previous, const char *ref, size_t n, int *who)
{
    return n > 1 && ref[0] == '\'' && strchr("=+-@\t\r", ref[1]) && index_find(ix, plan, previous, ref + 1, n - 1, who);
}

static void index_fill(NameIndex *ix)
{
    const prt_plan *plan = ix->plan;
    size_t need = 2 * ((size_t)plan->nindicators * 2 + (size_t)plan->ninputs) + 16;
    ix->cap = 16;
    while (ix->cap < need)
        ix->cap *= 2;
    ix->slots = calloc(ix->cap, sizeof *ix->slots);
    if (!ix->slots)
        prt_out_of_memory();
    for (int i = 0; i < plan->nindicators; i++) {
        bool r = index_put(ix, plan->indicators[i].ref, i);
        bool d = index_put(ix, plan->indicators[i].id, i);
        if (ix->owns_ref) {
            ix->owns_ref[i] = r;
            ix->owns_id[i] = d;
        }
    }
    for (int i = 0; i < plan->ninputs; i++)
        index_put(ix, plan->inputs[i].id, -i - 2);
    ix->built = true;
}

/* A plan whose names are distinct needs no table while rows come in its order; one whose names are
 * not is told which indicator owns each name before the first row. */
static void index_build(NameIndex *ix, const prt_plan *plan)
{
    memset(ix, 0, sizeof *ix);
    ix->plan = plan;
    if (!plan->names_distinct) {
        size_t n = plan->nindicators > 0 ? (size_t)plan->nindicators : 1;
        ix->owns_ref = prt_xrealloc(NULL, n * sizeof *ix->owns_ref);
        ix->owns_id = prt_xrealloc(NULL, n * sizeof *ix->owns_id);
        index_fill(ix);
    }
}

static void index_free(NameIndex *ix)
{
    free(ix->slots);
    free(ix->owns_ref);
    free(ix->owns_id);
}

/* ---- the row table ---- */

/* The line of the first row for (indicator, period) before `line`, found by reading the text again:
 * duplicates are rare, and this keeps the bitmap to one bit a row. */
static char *field(prt_csv *c, size_t i, size_t *len);

static uint32_t first_line_of(prt_results *r, int indicator, prt_period p, uint32_t line)
{
    prt_csv csv;
    char *text = NULL;
    size_t tlen = 0;
    if (!r->data && r->path)
        text = prt_read_file(r->path, &tlen);   /* read in pieces: read it again, whole, for this rare case */
    prt_csv_init(&csv, r->data ? r->data : text ? text : "", r->data ? r->len : tlen);
    unsigned at;
    const char *why;
    int rc;
    uint32_t found = 1;
    bool header = true;
    while ((rc = prt_csv_next(&csv, &at, &why)) != 0 && at < line) {
        if (rc < 0 || header) {
            header = false;
            continue;
        }
        /* the same reference or identifier and the same period, as the reader saw them (a row whose
         * field count is wrong it did not read, and its fields past the count are not this row's) */
        if (csv.nfields == r->ncols) {
            const prt_indicator *in = &r->plan->indicators[indicator];
            size_t per_len;
            char *ref = field(&csv, (size_t)r->col_ref, NULL), *per = field(&csv, (size_t)r->col_period, &per_len);
            prt_period q;
            if (((in->ref && strcmp(ref, in->ref) == 0) || (in->id && strcmp(ref, in->id) == 0)) &&
                prt_period_parse(per, per_len, &q, NULL) && prt_period_equal(q, p)) {
                found = at;
                break;
            }
        }
    }
    prt_csv_free(&csv);
    free(text);
    return found;
}

static uint32_t seen_bit(prt_results *r, int indicator, prt_period p, uint32_t line)
{
    size_t slot = (size_t)indicator * r->slots_per_indicator + period_slot(r, p);
    unsigned char bit = (unsigned char)(1u << (slot & 7));
    if (r->seen_bits[slot >> 3] & bit)
        return first_line_of(r, indicator, p, line);
    r->seen_bits[slot >> 3] |= bit;
    return 0;
}

static size_t period_key(int indicator, prt_period p)
{
    uint64_t h = (uint64_t)(unsigned)indicator * 0x9E3779B97F4A7C15ull;
    h ^= (uint64_t)(unsigned)(p.year * 64 + (int)p.kind * 16 + p.index) * 0xC2B2AE3D27D4EB4Full;
    return (size_t)(h ^ (h >> 29));
}

static void rows_rehash(prt_results *r)
{
    size_t cap = r->nslots ? r->nslots * 2 : 1024;
    free(r->slots);
    r->slots = prt_xrealloc(NULL, cap * sizeof *r->slots);
    memset(r->slots, 0, cap * sizeof *r->slots);
    r->nslots = cap;
    for (size_t k = 0; k < r->n; k++) {
        size_t i = period_key(r->rows[k].indicator, r->rows[k].period) & (cap - 1);
        while (r->slots[i])
            i = (i + 1) & (cap - 1);
        r->slots[i] = k + 1;
    }
}

static const prt_result_row *find_row(const prt_results *r, int indicator, prt_period p)
{
    if (!r || !r->nslots)
        return NULL;
    size_t mask = r->nslots - 1;
    for (size_t i = period_key(indicator, p) & mask; r->slots[i]; i = (i + 1) & mask) {
        const prt_result_row *row = &r->rows[r->slots[i] - 1];
        if (row->indicator == indicator && prt_period_equal(row->period, p))
            return row;
    }
    return NULL;
}

const prt_result_row *prt_results_find(const prt_results *r, int indicator, prt_period period)
{
    return find_row(r, indicator, period);
}

/* Text kept for the evaluation is copied into one growing block; rows hold offsets until the end. */
static size_t keep(prt_results *r, const char *s)
{
    size_t n = strlen(s) + 1;
    if (r->strings_len + n > r->strings_cap) {
        r->strings_cap = (r->strings_len + n) * 2;
        r->strings = prt_xrealloc(r->strings, r->strings_cap);
    }
    memcpy(r->strings + r->strings_len, s, n);
    size_t at = r->strings_len;
    r->strings_len += n;
    return at + 1;  /* 0 stands for NULL */
}

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

static bool same_word(const char *a, const char *b)
{
    while (*a && *b && tolower((unsigned char)*a) == tolower((unsigned char)*b))
        a++, b++;
    return *a == '\0' && *b == '\0';
}

typedef enum { SUF_NONE, SUF_PERCENT, SUF_POINTS, SUF_POUND } Suffix;

/* Parses "72.5", "72.5%", "7.2pts", "£191,000", "-3", "1,798"; false if it is not a number. */
static bool parse_number(const char *s, double *out, Suffix *suffix)
{
    char digits[64];
    size_t n = 0;
    *suffix = SUF_NONE;
    if (strncmp(s, "\xC2\xA3", 2) == 0) {
        *suffix = SUF_POUND;
        s += 2;
    }
    if (*s == '-' || *s == '+')
        digits[n++] = *s++;
    if (!isdigit((unsigned char)*s))
        return false;
    int group = -1;     /* digits since the last thousands comma, -1 before any comma */
    bool point = false;
    for (; *s; s++) {
        if (isdigit((unsigned char)*s)) {
            if (n + 1 >= sizeof digits)
                return false;
            digits[n++] = *s;
            if (group >= 0 && !point)
                group++;
        } else if (*s == ',' && !point) {
            if (group >= 0 && group != 3)
                return false;
            group = 0;
        } else if (*s == '.' && !point) {
            if (group >= 0 && group != 3)
                return false;
            point = true;
            digits[n++] = '.';
            if (!isdigit((unsigned char)s[1]))
                return false;
        } else {
            break;
        }
    }
    if (group >= 0 && !point && group != 3)
        return false;
    digits[n] = '\0';
    while (*s == ' ')
        s++;
    if (*s == '%' && *suffix == SUF_NONE) {
        *suffix = SUF_PERCENT;
        s++;
    } else if ((strcmp(s, "pts") == 0 || strcmp(s, "%pts") == 0 || strcmp(s, "points") == 0) && *suffix == SUF_NONE) {
        *suffix = SUF_POINTS;
        s += strlen(s);
    }
    if (*s)
        return false;
    errno = 0;
    double v = strtod(digits, NULL);
    if (errno == ERANGE || !isfinite(v) || fabs(v) > 1e15)
        return false;
    *out = v;
    return true;
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
    COL_REF, COL_PERIOD, COL_VALUE, COL_RATING, COL_OVERRIDE, COL_REASON, COL_COMMENT, COL_DOT, COL_INDICATOR,
    COL_UNIT, COL_TARGET, COL__FIXED
};
static const char *const column_names[COL__FIXED] = {
    "ref", "period", "value", "rating", "override", "reason", "comment", "dot", "indicator", "unit", "target",
};

static bool dot_word(const char *s)
{
    static const char *const words[] = {"improving", "same", "worsening", "new", "not comparable", ""};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (same_word(s, words[i]))
            return true;
    return false;
}

/* Whether a value suits its indicator's unit; reports it when not. */
static bool number_fits(const prt_indicator *in, const prt_result_row *row, const char *vtext, Suffix suf,
                        prt_errors *err, const char *path, unsigned line)
{
    if (!in)
        return true;
    if (suf == SUF_PERCENT && in->unit != PRT_UNIT_PERCENT && in->unit != PRT_UNIT_NONE) {
        prt_errors_add(err, path, line, "R007", "'%s' is a percentage, but '%s' is not measured in percent", vtext,
                       prt_indicator_label(in));
        return false;
    }
    if (in->unit == PRT_UNIT_PERCENT && suf != SUF_POINTS && (row->value < 0 || row->value > 100)) {
        prt_errors_add(err, path, line, "R007", "%s is outside 0-100%% for percentage indicator '%s'", vtext,
                       prt_indicator_label(in));
        return false;
    }
    if (prt_unit_forms[in->unit].nonnegative && row->value < 0) {
        prt_errors_add(err, path, line, "R007", "%s is negative, which '%s' cannot be", vtext, prt_indicator_label(in));
        return false;
    }
    return true;
}

static prt_results *parse(const prt_plan *plan, const char *path, Source *src, const char *data, size_t len,
                          prt_errors *err, const prt_period *wanted, int nwanted)
{
    prt_results *r = prt_xrealloc(NULL, sizeof *r);
    memset(r, 0, sizeof *r);
    r->plan = plan;
    r->wanted = wanted;
    r->nwanted = nwanted;
    r->data = data;
    r->len = len;
    r->base_year = plan->first_year ? plan->first_year - 1 : 1900;
    r->slots_per_indicator = (size_t)((plan->first_year ? plan->last_year : 2199) - r->base_year + 1) * 19;
    r->seen_bits = calloc(r->slots_per_indicator * (size_t)(plan->nindicators > 0 ? plan->nindicators : 1) / 8 + 1, 1);
    if (!r->seen_bits)
        prt_out_of_memory();
    NameIndex names = {0};
    index_build(&names, plan);

    r->path = path;
    prt_csv *csvp = &src->csv;
#define csv (*csvp)
    unsigned line;
    const char *why = NULL;
    int col[COL__FIXED];
    for (int i = 0; i < COL__FIXED; i++)
        col[i] = -1;
    int *bench_col = NULL;     /* benchmark index per column, -1 for fixed columns */
    size_t ncols = 0;
    bool header_ok = false;
    bool nul_reported = false;
    int rc = src->nul ? 0 : next_record(src, &line, &why);
    if (src->nul) {
        prt_errors_add(err, path, 0, "R013", "the file contains a NUL byte: it is not a CSV text file");
        nul_reported = true;
        goto done;
    }
    if (rc == 0) {
        prt_errors_add(err, path, 0, "R001", "the file is empty: it needs a header row (ref,period,value,...)");
        goto done;
    }
    if (rc < 0) {
        prt_errors_add(err, path, line, "R003", "%s", why);
        goto done;
    }
    ncols = r->ncols = csv.nfields;
    bench_col = prt_xrealloc(NULL, (ncols ? ncols : 1) * sizeof *bench_col);
    header_ok = true;
    for (size_t i = 0; i < ncols; i++) {
        char *name = field(&csv, i, NULL);
        bench_col[i] = -1;
        bool known = false;
        for (int k = 0; k < COL__FIXED; k++)
            if (same_word(name, column_names[k])) {
                if (col[k] >= 0) {
                    prt_errors_add(err, path, line, "R002", "column '%s' appears twice", column_names[k]);
                    header_ok = false;
                }
                col[k] = (int)i;
                known = true;
            }
        if (!known && strncmp(name, "benchmark:", 10) == 0) {
            for (int b = 0; b < plan->nbenchmarks; b++)
                if (strcmp(plan->benchmarks[b].id, name + 10) == 0)
                    bench_col[i] = b;
            known = bench_col[i] >= 0;
            if (!known) {
                prt_errors_add(err, path, line, "R002", "column '%s' names no benchmark the plan declares", name);
                header_ok = false;
                continue;
            }
            /* a benchmark's column twice is as ambiguous as any other column twice */
            for (size_t j = 0; j < i; j++)
                if (bench_col[j] == bench_col[i]) {
                    prt_errors_add(err, path, line, "R002", "column '%s' appears twice", name);
                    header_ok = false;
                }
        }
        if (!known) {
            prt_errors_add(err, path, line, "R002",
                           "unknown column '%s'; the columns are ref, period, value, rating, override, reason, "
                           "comment, dot, benchmark:ID, and indicator, unit and target (ignored)",
                           name);
            header_ok = false;
        }
    }
    for (int k = 0; k < COL_RATING; k++)
        if (col[k] < 0) {
            prt_errors_add(err, path, line, "R001", "the header has no '%s' column", column_names[k]);
            header_ok = false;
        }
    if (!header_ok)
        goto done;
    r->col_ref = col[COL_REF];
    r->col_period = col[COL_PERIOD];
    int last_who = -1;
    char last_ptext[16] = {0};
    size_t last_ptext_len = (size_t)-1;          /* nothing parsed yet: matches no text */
    prt_period last_period = {0, PRT_YEAR, 0};
    bool last_keep = false;

    while ((rc = next_record(src, &line, &why)) != 0) {
        if (rc < 0) {
            prt_errors_add(err, path, line, "R003", "%s", why);
            continue;
        }
        bool bad_text = false;
        for (size_t i = 0; i < csv.nfields && !bad_text && !csv.ascii; i++)
            bad_text = !valid_utf8((const unsigned char *)csv.fields[i]);
        if (bad_text) {
            prt_errors_add(err, path, line, "R014", "the row is not valid UTF-8 text (save the file as UTF-8)");
            continue;
        }
        if (csv.nfields != ncols) {
            prt_errors_add(err, path, line, "R003", "the row has %zu fields; the header has %zu", csv.nfields, ncols);
            continue;
        }
        size_t ref_len, ptext_len, vtext_len;
        char *ref = field(&csv, (size_t)col[COL_REF], &ref_len);
        char *ptext = field(&csv, (size_t)col[COL_PERIOD], &ptext_len);
        char *vtext = field(&csv, (size_t)col[COL_VALUE], &vtext_len);
        int who;
        if (!*ref) {
            prt_errors_add(err, path, line, "R004", "the row has no reference");
            continue;
        }
        if (!index_find(&names, plan, last_who, ref, ref_len, &who) &&
            !guarded_ref(&names, plan, last_who, ref, ref_len, &who)) {
            prt_errors_add(err, path, line, "R004", "unknown indicator reference '%s'", ref);
            continue;
        }
        last_who = who;
        prt_result_row row;
        memset(&row, 0, sizeof row);
        row.line = line;
        row.indicator = who >= 0 ? who : -1;
        row.input = who >= 0 ? -1 : -who - 2;
        const char *pwhy = NULL;
        /* rows come grouped by period: the text is most often the last row's, already parsed */
        bool keep_row;
        if (ptext_len == last_ptext_len && memcmp(ptext, last_ptext, ptext_len) == 0) {
            row.period = last_period;
            keep_row = last_keep;
        } else if (!prt_period_parse(ptext, ptext_len, &row.period, &pwhy)) {
            prt_errors_add(err, path, line, "R005", "invalid period '%s': %s", ptext, pwhy);
            continue;
        } else {
            keep_row = period_wanted(r, row.period);
            if (ptext_len < sizeof last_ptext) {
                memcpy(last_ptext, ptext, ptext_len);
                last_ptext_len = ptext_len;
                last_period = row.period;
                last_keep = keep_row;
            }
        }
        /* last year's results are needed for the direction of travel, so one year before counts too */
        if (plan->first_year && (row.period.year < plan->first_year - 1 || row.period.year > plan->last_year)) {
            char pb[32];
            prt_errors_add(err, path, line, "R005", "period %s is outside the plan (%d/%02d to %d/%02d, and the year before)",
                           prt_period_format(row.period, pb, sizeof pb), plan->first_year,
                           (plan->first_year + 1) % 100, plan->last_year, (plan->last_year + 1) % 100);
            continue;
        }
        const prt_indicator *in = row.indicator >= 0 ? &plan->indicators[row.indicator] : NULL;
        /* every row is checked; only the rows of the periods rated are kept (keep_row, above) */
        Suffix suf = SUF_NONE;
        if (plain_number(vtext, vtext_len, &row.value)) {
            row.status = PRT_RESULT_VALUE;
            if (!number_fits(in, &row, vtext, suf, err, path, line))
                continue;
        } else if (same_word(vtext, "not available") || same_word(vtext, "n/a")) {
            row.status = PRT_RESULT_NOT_AVAILABLE;
        } else if (same_word(vtext, "not yet available") || same_word(vtext, "nya")) {
            row.status = PRT_RESULT_NOT_YET_AVAILABLE;
        } else if (!*vtext) {
            prt_errors_add(err, path, line, "R006", "the value is empty; write a number, 'not available' or 'not yet available'");
            continue;
        } else if (!parse_number(vtext, &row.value, &suf)) {
            prt_errors_add(err, path, line, "R006", "'%s' is not a number (nor 'not available')", vtext);
            continue;
        } else {
            row.status = PRT_RESULT_VALUE;
            if (!number_fits(in, &row, vtext, suf, err, path, line))
                continue;
        }
        const prt_scheme *scheme = in && in->scheme >= 0 ? &plan->schemes[in->scheme] : NULL;
        bool bad = false;
        size_t keep_rating = 0, keep_override = 0, keep_reason = 0, keep_comment = 0, keep_dot = 0;
        const int text_cols[] = {COL_RATING, COL_OVERRIDE};
        for (int t = 0; t < 2; t++) {
            int c = col[text_cols[t]];
            char *v = c >= 0 ? field(&csv, (size_t)c, NULL) : NULL;
            if (!v || !*v)
                continue;
            if (!scheme) {
                prt_errors_add(err, path, line, "R008", "%s '%s' given, but '%s' has no rating scheme",
                               column_names[text_cols[t]], v, in ? prt_indicator_label(in) : ref);
                bad = true;
            } else if (prt_scheme_find_band(scheme, v) < 0) {
                prt_errors_add(err, path, line, "R008", "rating scheme '%s' has no band '%s'", scheme->id, v);
                bad = true;
            } else if (t == 0) {
                keep_rating = keep_row ? keep(r, v) : 0;
            } else {
                keep_override = keep_row ? keep(r, v) : 1;   /* remembered for the reason check */
            }
        }
        char *reason = col[COL_REASON] >= 0 ? field(&csv, (size_t)col[COL_REASON], NULL) : NULL;
        if (keep_override && (!reason || !*reason)) {
            prt_errors_add(err, path, line, "R009", "a rating override needs its reason in the 'reason' column");
            bad = true;
        }
        if (reason && *reason && keep_row)
            keep_reason = keep(r, reason);
        char *comment = col[COL_COMMENT] >= 0 ? field(&csv, (size_t)col[COL_COMMENT], NULL) : NULL;
        if (comment && *comment && keep_row)
            keep_comment = keep(r, comment);
        char *dot = col[COL_DOT] >= 0 ? field(&csv, (size_t)col[COL_DOT], NULL) : NULL;
        if (dot && *dot) {
            if (!dot_word(dot)) {
                prt_errors_add(err, path, line, "R010",
                               "unknown direction of travel '%s'; write improving, same, worsening, new or not comparable", dot);
                bad = true;
            }
            if (keep_row)
                keep_dot = keep(r, dot);
        }
        size_t bench_first = r->nbench;
        for (size_t i = 0; i < ncols; i++) {
            if (bench_col[i] < 0)
                continue;
            char *b = field(&csv, i, NULL);
            if (!*b)
                continue;
            double bv;
            Suffix bs;
            if (!parse_number(b, &bv, &bs)) {
                prt_errors_add(err, path, line, "R006", "benchmark value '%s' is not a number", b);
                bad = true;
                continue;
            }
            if (!keep_row)
                continue;
            if (r->nbench == r->bench_cap) {
                r->bench_cap = r->bench_cap ? r->bench_cap * 2 : 64;
                r->bench_index = prt_xrealloc(r->bench_index, r->bench_cap * sizeof *r->bench_index);
                r->bench_value = prt_xrealloc(r->bench_value, r->bench_cap * sizeof *r->bench_value);
            }
            r->bench_index[r->nbench] = bench_col[i];
            r->bench_value[r->nbench] = bv;
            r->nbench++;
        }
        if (bad)
            continue;
        if (row.indicator >= 0) {
            uint32_t first_line = seen_bit(r, row.indicator, row.period, line);
            if (first_line) {
                char pb[32];
                prt_errors_add(err, path, line, "R011", "a second row for '%s' in %s (the first is on line %u)", ref,
                               prt_period_format(row.period, pb, sizeof pb), first_line);
                r->nbench = bench_first;
                continue;
            }
        }
        if (!keep_row)
            continue;
        row.rating = (const char *)(uintptr_t)keep_rating;
        row.override = (const char *)(uintptr_t)keep_override;
        row.reason = (const char *)(uintptr_t)keep_reason;
        row.comment = (const char *)(uintptr_t)keep_comment;
        row.dot = (const char *)(uintptr_t)keep_dot;
        row.bench_index = (int *)(uintptr_t)bench_first;
        row.nbench = (int)(r->nbench - bench_first);
        if (r->n == r->cap) {
            r->cap = r->cap ? r->cap * 2 : 256;
            r->rows = prt_xrealloc(r->rows, r->cap * sizeof *r->rows);
        }
        r->rows[r->n++] = row;
        if (row.indicator >= 0) {
            if ((r->n + 1) * 2 > r->nslots)
                rows_rehash(r);
            else {
                size_t mask = r->nslots - 1;
                size_t i = period_key(row.indicator, row.period) & mask;
                while (r->slots[i])
                    i = (i + 1) & mask;
                r->slots[i] = r->n;
            }
        }
    }
done:
    r->data = NULL;   /* the caller's text: not to be read after this */
    /* offsets become pointers now that the blocks have stopped moving */
    for (size_t k = 0; k < r->n; k++) {
        prt_result_row *row = &r->rows[k];
        const char **texts[] = {&row->rating, &row->override, &row->reason, &row->comment, &row->dot};
        for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
            uintptr_t off = (uintptr_t)*texts[t];
            *texts[t] = off ? r->strings + off - 1 : NULL;
        }
        size_t first = (size_t)(uintptr_t)row->bench_index;
        row->bench_index = row->nbench ? r->bench_index + first : NULL;
        row->bench_value = row->nbench ? r->bench_value + first : NULL;
    }
    if (src->nul && !nul_reported)
        prt_errors_add(err, path, 0, "R013", "the file contains a NUL byte: it is not a CSV text file");
    if (src->too_long)
        prt_errors_add(err, path, src->too_long, "R015", "the row is longer than %d MiB; nothing after it was read",
                       PRT_MAX_RECORD_BYTES >> 20);
    if (src->failed)
        prt_errors_add(err, path, 0, "R000", "cannot read the results: a read error");
#undef csv
    free(bench_col);
    index_free(&names);
    return r;
}

prt_results *prt_results_parse(const prt_plan *plan, const char *path, const char *data, size_t len, prt_errors *err)
{
    Source src;
    memset(&src, 0, sizeof src);
    prt_csv_init(&src.csv, data, len);
    src.nul = memchr(data, '\0', len) != NULL;
    prt_results *r = parse(plan, path, &src, data, len, err, NULL, 0);
    prt_csv_free(&src.csv);
    return r;
}

static prt_results *read_file(const prt_plan *plan, const char *path, prt_errors *err, const prt_period *wanted,
                              int nwanted);

prt_results *prt_results_read(const prt_plan *plan, const char *path, prt_errors *err)
{
    return read_file(plan, path, err, NULL, 0);
}

/* The periods a report for p reads: p, each indicator's period in arrears, and a year before each. */
prt_results *prt_results_read_for(const prt_plan *plan, const char *path, prt_period p, prt_errors *err)
{
    prt_period wanted[64];
    int n = 0;
    for (int i = -1; i < plan->nindicators && n + 2 <= 64; i++) {
        prt_period q = i < 0 ? p : prt_result_period(&plan->indicators[i], p);
        bool have = false;
        for (int k = 0; k < n && !have; k++)
            have = prt_period_equal(wanted[k], q);
        if (!have) {
            wanted[n++] = q;
            wanted[n++] = prt_period_last_year(q);
        }
    }
    if (n + 2 > 64)
        return read_file(plan, path, err, NULL, 0);   /* arrears of every length: keep everything */
    prt_results *r = read_file(plan, path, err, wanted, n);
    if (r)
        r->wanted = NULL;   /* the array lives on this stack frame */
    return r;
}

static prt_results *read_file(const prt_plan *plan, const char *path, prt_errors *err, const prt_period *wanted,
                              int nwanted)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        prt_errors_add(err, path, 0, "R000", "cannot read the results: %s", strerror(errno));
        return NULL;
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
    src.buf = prt_xrealloc(NULL, src.cap);
    size_t got = fread(src.buf, 1, src.cap, f);
    if (got == 0 && ferror(f)) {
        int saved = errno;
        prt_errors_add(err, path, 0, "R000", "cannot read the results: %s", strerror(saved ? saved : EIO));
        fclose(f);
        free(src.buf);
        return NULL;
    }
    src.nul = got && memchr(src.buf, '\0', got) != NULL;
    prt_csv_init(&src.csv, src.buf, got);       /* skips a byte-order mark */
    src.csv.more = got == src.cap && !src.nul;
    prt_results *r = parse(plan, path, &src, NULL, 0, err, wanted, nwanted);
    fclose(f);
    free(src.buf);
    prt_csv_free(&src.csv);
    return r;
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
    free(r->rows);
    free(r->slots);
    free(r->strings);
    free(r->bench_index);
    free(r->bench_value);
    free(r->seen_bits);
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
