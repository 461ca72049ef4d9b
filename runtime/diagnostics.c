/* The diagnostic engine: collecting errors, warnings and notes, and printing them as gcc does. */
#include "diagnostics.h"
#include "escape.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Source lines longer than this are shown as a window around the caret. */
enum { SHOWN_LINE_MAX = 160 };

void prt_diag_init(prt_diag *d, prt_source_set *sources)
{
    memset(d, 0, sizeof *d);
    d->sources = sources;
    d->max_errors = 50;
    d->tool = "planrt";
}

static void free_diagnostic(prt_diagnostic *x)
{
    free(x->message);
    free(x->fixit);
    for (size_t i = 0; i < x->nnotes; i++)
        free(x->notes[i].message);
    free(x->notes);
}

void prt_diag_free(prt_diag *d)
{
    for (size_t i = 0; i < d->n; i++)
        free_diagnostic(&d->items[i]);
    free(d->items);
    d->items = NULL;
    d->n = d->cap = 0;
}

static char *vformat(const char *fmt, va_list ap)
{
    if (!fmt)
        fmt = "";   /* no caller passes none; said so, gcc -O1 stops warning that one might */
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        n = 0;
    char *s = prt_xmalloc((size_t)n + 1);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

/* Adds a diagnostic (or a note to the last one kept) at loc or, for a streamed file, at pos. */
static void add(prt_diag *d, prt_severity sev, prt_loc loc, prt_pos pos, const char *code, const char *fmt, va_list ap)
{
    if (sev == PRT_SEV_NOTE) {
        if (!d->last_kept || d->n == 0)
            return;
        prt_diagnostic *parent = &d->items[d->n - 1];
        parent->notes = prt_xrealloc(parent->notes, (parent->nnotes + 1) * sizeof *parent->notes);
        prt_diagnostic *note = &parent->notes[parent->nnotes++];
        memset(note, 0, sizeof *note);
        note->sev = PRT_SEV_NOTE;
        note->loc = loc;
        note->pos = pos;
        note->message = vformat(fmt, ap);
        return;
    }
    d->last_kept = false;
    if (d->stopped)
        return;
    if (sev == PRT_SEV_WARNING && d->werror)
        sev = PRT_SEV_ERROR;
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        d->items = prt_xrealloc(d->items, d->cap * sizeof *d->items);
    }
    prt_diagnostic *x = &d->items[d->n++];
    memset(x, 0, sizeof *x);
    x->sev = sev;
    x->loc = loc;
    x->pos = pos;
    x->code = code;
    x->message = vformat(fmt, ap);
    d->last_kept = true;
    if (sev == PRT_SEV_ERROR)
        d->errors++;
    else
        d->warnings++;
    if (d->max_errors && d->errors >= d->max_errors)
        d->stopped = true;
}

static const prt_loc no_loc;
static const prt_pos no_pos;

void prt_diag_report(prt_diag *d, prt_severity sev, prt_loc loc, const char *code, const char *fmt, va_list ap)
{
    add(d, sev, loc, no_pos, code, fmt, ap);
}

void prt_diag_error_at(prt_diag *d, prt_pos pos, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(d, PRT_SEV_ERROR, no_loc, pos, code, fmt, ap);
    va_end(ap);
}

void prt_diag_warning_at(prt_diag *d, prt_pos pos, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(d, PRT_SEV_WARNING, no_loc, pos, code, fmt, ap);
    va_end(ap);
}

void prt_diag_note_at(prt_diag *d, prt_pos pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(d, PRT_SEV_NOTE, no_loc, pos, NULL, fmt, ap);
    va_end(ap);
}

void prt_diag_error(prt_diag *d, prt_loc loc, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    prt_diag_report(d, PRT_SEV_ERROR, loc, code, fmt, ap);
    va_end(ap);
}

void prt_diag_warning(prt_diag *d, prt_loc loc, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    prt_diag_report(d, PRT_SEV_WARNING, loc, code, fmt, ap);
    va_end(ap);
}

void prt_diag_fixit(prt_diag *d, const char *text)
{
    if (!d->last_kept || d->n == 0)
        return;
    prt_diagnostic *x = &d->items[d->n - 1];
    free(x->fixit);
    x->fixit = prt_xstrdup(text);
}

void prt_diag_note(prt_diag *d, prt_loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    prt_diag_report(d, PRT_SEV_NOTE, loc, NULL, fmt, ap);
    va_end(ap);
}

static const char *sev_name(prt_severity s)
{
    switch (s) {
    case PRT_SEV_ERROR: return "error";
    case PRT_SEV_WARNING: return "warning";
    case PRT_SEV_NOTE: return "note";
    }
    return "error";
}

static const char *sev_color(prt_severity s)
{
    switch (s) {
    case PRT_SEV_ERROR: return "\033[1;31m";
    case PRT_SEV_WARNING: return "\033[1;35m";
    case PRT_SEV_NOTE: return "\033[1;36m";
    }
    return "";
}

static bool is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

/* A character as the snippet shows it.  Control characters, C1 controls, invalid UTF-8 and the
 * bidirectional overrides (which reorder what a terminal shows, "Trojan Source") are shown as '?':
 * nothing in a plan can move the cursor, recolour the terminal or hide text.  Returns the bytes
 * the character takes; *shown is NULL for '?'. */
static size_t display_unit(const char *text, uint32_t i, uint32_t end, const char **shown)
{
    uint32_t cp;
    size_t n = prt_utf8_char(text + i, &cp);
    if (n == 0 || i + n > end) {
        *shown = NULL;
        return 1;
    }
    bool hidden = (cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
                  (cp >= 0x2066 && cp <= 0x2069);
    *shown = hidden ? NULL : text + i;
    return n;
}

/* Blanks under [from, to) of the shown line: one per character shown, tabs echoed. */
static void pad_to(FILE *out, const char *text, uint32_t from, uint32_t to)
{
    for (uint32_t i = from; i < to;) {
        const char *shown;
        size_t n = display_unit(text, i, to, &shown);
        fputc(shown && *shown == '\t' ? '\t' : ' ', out);
        i += (uint32_t)n;
    }
}

/* Prints the source line and a caret line under [begin, end) clipped to that line.  Tabs are echoed
 * in the caret line so that the caret sits under the right character whatever the tab width. */
static void show_line(FILE *out, const char *text, uint32_t lb, uint32_t le, uint32_t begin, uint32_t end, bool color,
                      const char *fixit)
{
    begin = begin < lb ? lb : begin;
    end = end > le ? le : end;
    if (end < begin)
        end = begin;
    /* the window shown: whole line when short, otherwise around the caret */
    uint32_t wb = lb, we = le;
    if (le - lb > SHOWN_LINE_MAX) {
        wb = begin > lb + SHOWN_LINE_MAX / 2 ? begin - SHOWN_LINE_MAX / 2 : lb;
        while (wb > lb && is_cont((unsigned char)text[wb]))
            wb--;
        we = wb + SHOWN_LINE_MAX < le ? wb + SHOWN_LINE_MAX : le;
        while (we < le && is_cont((unsigned char)text[we]))
            we++;
        if (end > we)
            end = we;
    }
    if (begin > we)
        begin = we;
    fputs("    ", out);
    if (wb > lb)
        fputs("...", out);
    for (uint32_t i = wb; i < we;) {
        const char *shown;
        size_t n = display_unit(text, i, we, &shown);
        if (shown)
            fwrite(shown, 1, n, out);
        else
            fputc('?', out);
        i += (uint32_t)n;
    }
    if (we < le)
        fputs("...", out);
    fputc('\n', out);
    fputs("    ", out);
    if (wb > lb)
        fputs("   ", out);
    pad_to(out, text, wb, begin);
    if (color)
        fputs("\033[1;32m", out);
    fputc('^', out);
    bool first = true;
    for (uint32_t i = begin; i < end;) {
        const char *shown;
        i += (uint32_t)display_unit(text, i, end, &shown);
        if (!first)
            fputc('~', out);
        first = false;
    }
    if (color)
        fputs("\033[0m", out);
    fputc('\n', out);
    if (fixit) {
        /* the fix under the range it replaces, as gcc prints its fix-it hints */
        fputs("    ", out);
        if (wb > lb)
            fputs("   ", out);
        pad_to(out, text, wb, begin);
        if (color)
            fputs("\033[32m", out);
        prt_write_escaped(out, prt_esc_terminal, fixit);
        if (color)
            fputs("\033[0m", out);
        fputc('\n', out);
    }
}

/* The snippet of a range in a file held in memory. */
static void print_snippet(const prt_diag *d, FILE *out, prt_loc loc, bool color, const char *fixit)
{
    const prt_source_file *f = prt_sources_get(d->sources, loc.file);
    if (!f || !f->text)
        return;
    uint32_t lb, le;
    prt_source_line_extent(d->sources, loc.file, loc.begin, &lb, &le);
    show_line(out, f->text, lb, le, loc.begin, loc.end, color, fixit);
}

/* The snippet of a place in a streamed file: its line is read again (a row is at most
 * PRT_MAX_RECORD_BYTES, and a longer line is not shown). */
static void print_pos_snippet(const prt_diag *d, FILE *out, prt_pos pos, bool color)
{
    size_t len;
    const char *text = pos.col ? prt_source_reread_line(d->sources, pos.file, pos.line, (size_t)16 << 20, &len) : NULL;
    if (!text)
        return;
    uint32_t begin = (uint32_t)prt_source_reread_column(d->sources, pos.file, pos.col);
    uint32_t end = pos.end_col > pos.col ? (uint32_t)prt_source_reread_column(d->sources, pos.file, pos.end_col) : begin;
    show_line(out, text, 0, (uint32_t)len, begin, end, color, NULL);
}

static void print_one(const prt_diag *d, FILE *out, const prt_diagnostic *x, bool color)
{
    const prt_source_file *f = prt_sources_get(d->sources, x->loc.file);
    if (color)
        fputs("\033[1m", out);
    const prt_source_file *pf = f ? NULL : prt_sources_get(d->sources, x->pos.file);
    if (f) {
        unsigned line, col;
        prt_source_line_col(d->sources, x->loc.file, x->loc.begin, &line, &col);
        prt_write_escaped(out, prt_esc_terminal, f->path);
        fprintf(out, ":%u:%u: ", line, col);
    } else if (pf && pf->sheet) {
        /* a workbook's cell, as a person names it: "return.xlsx: sheet 'Q3' cell C12: " */
        prt_buf place = {0};
        prt_source_sheet_place(d->sources, x->pos, &place);
        prt_write_escaped(out, prt_esc_terminal, pf->path);
        fputs(": ", out);
        prt_write_escaped(out, prt_esc_terminal, prt_buf_str(&place));
        fputs(": ", out);
        prt_buf_free(&place);
    } else if (pf) {
        prt_write_escaped(out, prt_esc_terminal, pf->path);
        if (x->pos.line)
            fprintf(out, ":%u", x->pos.line);
        if (x->pos.line && x->pos.col)
            fprintf(out, ":%u", x->pos.col);
        fputs(": ", out);
    } else {
        fprintf(out, "%s: ", d->tool);
    }
    if (color)
        fprintf(out, "%s%s:\033[0m\033[1m ", sev_color(x->sev), sev_name(x->sev));
    else
        fprintf(out, "%s: ", sev_name(x->sev));
    /* messages quote names, strings and file names: no terminal escape gets through them */
    prt_write_escaped(out, prt_esc_terminal, x->message);
    if (x->code)
        fprintf(out, " [%s]", x->code);
    if (color)
        fputs("\033[0m", out);
    fputc('\n', out);
    if (f)
        print_snippet(d, out, x->loc, color, x->fixit);
    else if (pf && x->pos.line)
        print_pos_snippet(d, out, x->pos, color);
}

/* Source order reads best: by file (in the order files were read), then offset; diagnostics without
 * a place come last.  The sort is stable so that two at one place keep the order they were found in. */
static uint32_t place_file(const prt_diagnostic *x)
{
    return x->loc.file ? x->loc.file : x->pos.file ? x->pos.file : UINT32_MAX;
}

static int by_place(const void *a, const void *b)
{
    const prt_diagnostic *x = *(const prt_diagnostic *const *)a, *y = *(const prt_diagnostic *const *)b;
    uint32_t fx = place_file(x), fy = place_file(y);
    if (fx != fy)
        return fx < fy ? -1 : 1;
    /* a file is either held (offsets) or streamed (lines and columns): one of these decides */
    if (x->loc.begin != y->loc.begin)
        return x->loc.begin < y->loc.begin ? -1 : 1;
    if (x->pos.line != y->pos.line)
        return x->pos.line < y->pos.line ? -1 : 1;
    if (x->pos.col != y->pos.col)
        return x->pos.col < y->pos.col ? -1 : 1;
    return x < y ? -1 : x > y;
}

void prt_diag_sorted(const prt_diag *d, const prt_diagnostic ***out)
{
    const prt_diagnostic **order = prt_xmalloc((d->n ? d->n : 1) * sizeof *order);
    for (size_t i = 0; i < d->n; i++)
        order[i] = &d->items[i];
    qsort(order, d->n, sizeof *order, by_place);
    *out = order;
}

void prt_diag_print_text(const prt_diag *d, FILE *out, bool color)
{
    const prt_diagnostic **order;
    prt_diag_sorted(d, &order);
    for (size_t i = 0; i < d->n; i++) {
        if (d->hide_warnings && order[i]->sev != PRT_SEV_ERROR)
            continue;
        print_one(d, out, order[i], color);
        for (size_t j = 0; j < order[i]->nnotes; j++)
            print_one(d, out, &order[i]->notes[j], color);
    }
    free(order);
    if (d->stopped)
        fprintf(out, "%s: fatal error: too many errors emitted, stopping now (limit %u)\n", d->tool, d->max_errors);
    unsigned warnings = d->hide_warnings ? 0 : d->warnings;
    if (d->errors || warnings) {
        if (d->errors && warnings)
            fprintf(out, "%u error%s, %u warning%s generated.\n", d->errors, d->errors == 1 ? "" : "s",
                    warnings, warnings == 1 ? "" : "s");
        else if (d->errors)
            fprintf(out, "%u error%s generated.\n", d->errors, d->errors == 1 ? "" : "s");
        else
            fprintf(out, "%u warning%s generated.\n", warnings, warnings == 1 ? "" : "s");
    }
}

bool prt_diag_format_parse(const char *s, prt_diag_format *out)
{
    static const char *const names[] = {"text", "json", "sarif", "github"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!s || strcmp(s, names[i]) == 0) {
            *out = s ? (prt_diag_format)i : PRT_DIAG_TEXT;
            return true;
        }
    return false;
}

bool prt_diag_color_parse(const char *s, FILE *out, bool *color)
{
    if (!s || strcmp(s, "auto") == 0)
        *color = isatty(fileno(out)) && !getenv("NO_COLOR");
    else if (strcmp(s, "always") == 0 || strcmp(s, "never") == 0)
        *color = s[0] == 'a';
    else
        return false;
    return true;
}

void prt_diag_print(const prt_diag *d, prt_diag_format format, bool color)
{
    switch (format) {
    case PRT_DIAG_TEXT: prt_diag_print_text(d, stderr, color); break;
    case PRT_DIAG_JSON: prt_diag_print_json(d, stdout); break;
    case PRT_DIAG_SARIF: prt_diag_print_sarif(d, stdout); break;
    case PRT_DIAG_GITHUB: prt_diag_print_github(d, stdout); break;
    }
}
