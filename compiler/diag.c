/* The diagnostic engine: collecting errors, warnings and notes, and printing them as gcc does. */
#include "diag.h"
#include "escape.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* Source lines longer than this are shown as a window around the caret. */
enum { SHOWN_LINE_MAX = 160 };

void diag_init(Diag *d, SourceSet *sources)
{
    memset(d, 0, sizeof *d);
    d->sources = sources;
    d->max_errors = 50;
}

static void free_diagnostic(Diagnostic *x)
{
    free(x->message);
    free(x->fixit);
    for (size_t i = 0; i < x->nnotes; i++)
        free(x->notes[i].message);
    free(x->notes);
}

void diag_free(Diag *d)
{
    for (size_t i = 0; i < d->n; i++)
        free_diagnostic(&d->items[i]);
    free(d->items);
    d->items = NULL;
    d->n = d->cap = 0;
}

static char *vformat(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        n = 0;
    char *s = xmalloc((size_t)n + 1);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

void diag_report(Diag *d, Severity sev, Loc loc, const char *code, const char *fmt, va_list ap)
{
    if (sev == SEV_NOTE) {
        if (!d->last_kept || d->n == 0)
            return;
        Diagnostic *parent = &d->items[d->n - 1];
        parent->notes = xrealloc(parent->notes, (parent->nnotes + 1) * sizeof *parent->notes);
        Diagnostic *note = &parent->notes[parent->nnotes++];
        memset(note, 0, sizeof *note);
        note->sev = SEV_NOTE;
        note->loc = loc;
        note->message = vformat(fmt, ap);
        return;
    }
    d->last_kept = false;
    if (d->stopped)
        return;
    if (sev == SEV_WARNING && d->werror)
        sev = SEV_ERROR;
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        d->items = xrealloc(d->items, d->cap * sizeof *d->items);
    }
    Diagnostic *x = &d->items[d->n++];
    memset(x, 0, sizeof *x);
    x->sev = sev;
    x->loc = loc;
    x->code = code;
    x->message = vformat(fmt, ap);
    d->last_kept = true;
    if (sev == SEV_ERROR)
        d->errors++;
    else
        d->warnings++;
    if (d->max_errors && d->errors >= d->max_errors)
        d->stopped = true;
}

void diag_error(Diag *d, Loc loc, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_report(d, SEV_ERROR, loc, code, fmt, ap);
    va_end(ap);
}

void diag_warning(Diag *d, Loc loc, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_report(d, SEV_WARNING, loc, code, fmt, ap);
    va_end(ap);
}

void diag_fixit(Diag *d, const char *text)
{
    if (!d->last_kept || d->n == 0)
        return;
    Diagnostic *x = &d->items[d->n - 1];
    free(x->fixit);
    x->fixit = xstrdup(text);
}

void diag_note(Diag *d, Loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_report(d, SEV_NOTE, loc, NULL, fmt, ap);
    va_end(ap);
}

static const char *sev_name(Severity s)
{
    switch (s) {
    case SEV_ERROR: return "error";
    case SEV_WARNING: return "warning";
    case SEV_NOTE: return "note";
    }
    return "error";
}

static const char *sev_color(Severity s)
{
    switch (s) {
    case SEV_ERROR: return "\033[1;31m";
    case SEV_WARNING: return "\033[1;35m";
    case SEV_NOTE: return "\033[1;36m";
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
static void print_snippet(const Diag *d, FILE *out, Loc loc, bool color, const char *fixit)
{
    const SourceFile *f = sources_get(d->sources, loc.file);
    if (!f)
        return;
    uint32_t lb, le;
    source_line_extent(d->sources, loc.file, loc.begin, &lb, &le);
    uint32_t begin = loc.begin < lb ? lb : loc.begin;
    uint32_t end = loc.end > le ? le : loc.end;
    if (end < begin)
        end = begin;
    /* the window shown: whole line when short, otherwise around the caret */
    uint32_t wb = lb, we = le;
    if (le - lb > SHOWN_LINE_MAX) {
        wb = begin > lb + SHOWN_LINE_MAX / 2 ? begin - SHOWN_LINE_MAX / 2 : lb;
        while (wb > lb && is_cont((unsigned char)f->text[wb]))
            wb--;
        we = wb + SHOWN_LINE_MAX < le ? wb + SHOWN_LINE_MAX : le;
        while (we < le && is_cont((unsigned char)f->text[we]))
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
        size_t n = display_unit(f->text, i, we, &shown);
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
    pad_to(out, f->text, wb, begin);
    if (color)
        fputs("\033[1;32m", out);
    fputc('^', out);
    bool first = true;
    for (uint32_t i = begin; i < end;) {
        const char *shown;
        i += (uint32_t)display_unit(f->text, i, end, &shown);
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
        pad_to(out, f->text, wb, begin);
        if (color)
            fputs("\033[32m", out);
        prt_write_escaped(out, prt_esc_terminal, fixit);
        if (color)
            fputs("\033[0m", out);
        fputc('\n', out);
    }
}

static void print_one(const Diag *d, FILE *out, const Diagnostic *x, bool color)
{
    const SourceFile *f = sources_get(d->sources, x->loc.file);
    if (color)
        fputs("\033[1m", out);
    if (f) {
        unsigned line, col;
        source_line_col(d->sources, x->loc.file, x->loc.begin, &line, &col);
        prt_write_escaped(out, prt_esc_terminal, f->path);
        fprintf(out, ":%u:%u: ", line, col);
    } else {
        fputs("planc: ", out);
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
}

/* Source order reads best: by file (in the order files were read), then offset; diagnostics without
 * a place come last.  The sort is stable so that two at one place keep the order they were found in. */
static int by_place(const void *a, const void *b)
{
    const Diagnostic *x = *(const Diagnostic *const *)a, *y = *(const Diagnostic *const *)b;
    uint32_t fx = x->loc.file ? x->loc.file : UINT32_MAX, fy = y->loc.file ? y->loc.file : UINT32_MAX;
    if (fx != fy)
        return fx < fy ? -1 : 1;
    if (x->loc.begin != y->loc.begin)
        return x->loc.begin < y->loc.begin ? -1 : 1;
    return x < y ? -1 : x > y;
}

void diag_sorted(const Diag *d, const Diagnostic ***out)
{
    const Diagnostic **order = xmalloc((d->n ? d->n : 1) * sizeof *order);
    for (size_t i = 0; i < d->n; i++)
        order[i] = &d->items[i];
    qsort(order, d->n, sizeof *order, by_place);
    *out = order;
}

void diag_print_text(const Diag *d, FILE *out, bool color)
{
    const Diagnostic **order;
    diag_sorted(d, &order);
    for (size_t i = 0; i < d->n; i++) {
        if (d->hide_warnings && order[i]->sev != SEV_ERROR)
            continue;
        print_one(d, out, order[i], color);
        for (size_t j = 0; j < order[i]->nnotes; j++)
            print_one(d, out, &order[i]->notes[j], color);
    }
    free(order);
    if (d->stopped)
        fprintf(out, "planc: fatal error: too many errors emitted, stopping now (limit %u)\n", d->max_errors);
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
