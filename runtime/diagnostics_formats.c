/* Diagnostics for machines: JSON in the shape of gcc's -fdiagnostics-format=json, SARIF 2.1.0 for
 * code-scanning services, and GitHub Actions workflow commands. */
#include "diagnostics.h"
#include "escape.h"

#include <stdlib.h>
#include <string.h>

/* Every string goes through the runtime's one JSON escaper (valid UTF-8, controls escaped). */
static void json_string(FILE *out, const char *s) { prt_write_escaped(out, prt_esc_json, s ? s : ""); }

static const char *kind(prt_severity s)
{
    return s == PRT_SEV_ERROR ? "error" : s == PRT_SEV_WARNING ? "warning" : "note";
}

/* A location's start and end as line and column (columns in characters, both 1-based; the end is
 * the last character of the range, as gcc's "finish"). */
static bool place_loc(const prt_diag *d, prt_loc loc, const char **file, unsigned *l0, unsigned *c0, unsigned *l1,
                      unsigned *c1)
{
    const prt_source_file *f = prt_sources_get(d->sources, loc.file);
    if (!f || !f->text)
        return false;
    *file = f->path;
    prt_source_line_col(d->sources, loc.file, loc.begin, l0, c0);
    uint32_t last = loc.end > loc.begin ? loc.end - 1 : loc.begin;
    /* step back to the start of the last character */
    while (last > loc.begin && ((unsigned char)f->text[last] & 0xC0) == 0x80)
        last--;
    prt_source_line_col(d->sources, loc.file, last, l1, c1);
    return true;
}

/* The same for a diagnostic or note: at its loc, or at its line and columns in a streamed file (a
 * place without a column covers the line's first character; without a line, it is not a place). */
static bool place(const prt_diag *d, const prt_diagnostic *x, const char **file, unsigned *l0, unsigned *c0,
                  unsigned *l1, unsigned *c1)
{
    if (x->loc.file)
        return place_loc(d, x->loc, file, l0, c0, l1, c1);
    const prt_source_file *f = prt_sources_get(d->sources, x->pos.file);
    if (!f || !x->pos.line)
        return false;
    *file = f->path;
    *l0 = *l1 = x->pos.line;
    *c0 = x->pos.col ? x->pos.col : 1;
    *c1 = x->pos.end_col > *c0 ? x->pos.end_col - 1 : *c0;
    return true;
}

/* The file of a diagnostic about a file as a whole (a results file that cannot be read), or NULL. */
static const char *whole_file(const prt_diag *d, const prt_diagnostic *x)
{
    const prt_source_file *f = x->loc.file ? NULL : prt_sources_get(d->sources, x->pos.file);
    return f && !x->pos.line ? f->path : NULL;
}

/* The message as machines get it: their locations have a file, line and column but no sheet, so a
 * place in a workbook's sheet leads the message ("sheet 'Q3' cell C12: ..."); in b. */
static const char *message_of(const prt_diag *d, const prt_diagnostic *x, prt_buf *b)
{
    if (x->loc.file || !prt_source_sheet_place(d->sources, x->pos, b))
        return x->message;
    prt_buf_puts(b, ": ");
    prt_buf_puts(b, x->message);
    return prt_buf_str(b);
}

static void json_message(FILE *out, const prt_diag *d, const prt_diagnostic *x)
{
    prt_buf m = {0};
    json_string(out, message_of(d, x, &m));
    prt_buf_free(&m);
}

static void json_location(FILE *out, const prt_diag *d, const prt_diagnostic *x)
{
    const char *file;
    unsigned l0, c0, l1, c1;
    if (!place(d, x, &file, &l0, &c0, &l1, &c1)) {
        fputs("[]", out);
        return;
    }
    fputs("[{\"caret\": {\"file\": ", out);
    json_string(out, file);
    fprintf(out, ", \"line\": %u, \"column\": %u}, \"finish\": {\"file\": ", l0, c0);
    json_string(out, file);
    fprintf(out, ", \"line\": %u, \"column\": %u}}]", l1, c1);
}

static void json_one(FILE *out, const prt_diag *d, const prt_diagnostic *x)
{
    fputs("{\"kind\": ", out);
    json_string(out, kind(x->sev));
    fputs(", \"message\": ", out);
    json_message(out, d, x);
    if (x->code) {
        fputs(", \"code\": ", out);
        json_string(out, x->code);
    }
    fputs(", \"locations\": ", out);
    json_location(out, d, x);
    if (x->fixit) {
        /* gcc's fix-it: replace [start, next) with string */
        const prt_source_file *f = prt_sources_get(d->sources, x->loc.file);
        unsigned l0, c0, l1, c1;
        if (f) {
            prt_source_line_col(d->sources, x->loc.file, x->loc.begin, &l0, &c0);
            prt_source_line_col(d->sources, x->loc.file, x->loc.end, &l1, &c1);
            fputs(", \"fixits\": [{\"start\": {\"file\": ", out);
            json_string(out, f->path);
            fprintf(out, ", \"line\": %u, \"column\": %u}, \"next\": {\"file\": ", l0, c0);
            json_string(out, f->path);
            fprintf(out, ", \"line\": %u, \"column\": %u}, \"string\": ", l1, c1);
            json_string(out, x->fixit);
            fputs("}]", out);
        }
    }
    fputs(", \"children\": [", out);
    for (size_t i = 0; i < x->nnotes; i++) {
        if (i)
            fputs(", ", out);
        json_one(out, d, &x->notes[i]);
    }
    fputs("]}", out);
}

void prt_diag_print_json(const prt_diag *d, FILE *out)
{
    const prt_diagnostic **order;
    prt_diag_sorted(d, &order);
    fputc('[', out);
    size_t k = 0;
    for (size_t i = 0; i < d->n; i++) {
        if (d->hide_warnings && order[i]->sev != PRT_SEV_ERROR)
            continue;
        fputs(k++ ? ",\n " : "\n ", out);
        json_one(out, d, order[i]);
    }
    fputs(k ? "\n]\n" : "]\n", out);
    free(order);
}

/* A file as a SARIF artifact URI: repository-relative paths stay relative (without a leading
 * "./"), absolute ones become file:// URIs, and every other byte is percent-encoded. */
static void sarif_uri(FILE *out, const char *file)
{
    prt_buf b = {0};
    prt_esc_uri(&b, file);
    json_string(out, prt_buf_str(&b));
    prt_buf_free(&b);
}

static void sarif_region(FILE *out, const prt_diag *d, const prt_diagnostic *x)
{
    const char *file;
    unsigned l0, c0, l1, c1;
    if (!place(d, x, &file, &l0, &c0, &l1, &c1)) {
        if ((file = whole_file(d, x)) != NULL) {
            fputs("{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ", out);
            sarif_uri(out, file);
            fputs("}}}", out);
        }
        return;
    }
    fputs("{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ", out);
    sarif_uri(out, file);
    /* SARIF's endColumn is exclusive */
    fprintf(out, "}, \"region\": {\"startLine\": %u, \"startColumn\": %u, \"endLine\": %u, \"endColumn\": %u}}", l0, c0,
            l1, c1 + 1);
    fputc('}', out);
}

void prt_diag_print_sarif(const prt_diag *d, FILE *out)
{
    const prt_diagnostic **order;
    prt_diag_sorted(d, &order);
    fputs("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n"
          "  \"runs\": [{\n    \"tool\": {\"driver\": {\"name\": ", out);
    json_string(out, d->tool);
    if (d->tool_version) {
        fputs(", \"version\": ", out);
        json_string(out, d->tool_version);
    }
    fputs(",\n      \"informationUri\": \"https://example.invalid/planc/docs/diagnostics.md\",\n      \"rules\": [", out);
    size_t n = d->nrules;
    const prt_diag_code *codes = d->rules;
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ",\n        {\"id\": " : "\n        {\"id\": ", out);
        json_string(out, codes[i].code);
        fputs(", \"shortDescription\": {\"text\": ", out);
        json_string(out, codes[i].summary);
        fprintf(out, "}, \"defaultConfiguration\": {\"level\": \"%s\"}}", codes[i].code[0] == 'W' ? "warning" : "error");
    }
    fputs("\n      ]}},\n    \"results\": [", out);
    size_t k = 0;
    for (size_t i = 0; i < d->n; i++) {
        const prt_diagnostic *x = order[i];
        if (d->hide_warnings && x->sev != PRT_SEV_ERROR)
            continue;
        fputs(k++ ? ",\n      {" : "\n      {", out);
        if (x->code) {
            fputs("\"ruleId\": ", out);
            json_string(out, x->code);
            fputs(", ", out);
        }
        fprintf(out, "\"level\": \"%s\", \"message\": {\"text\": ", x->sev == PRT_SEV_ERROR ? "error" : "warning");
        json_message(out, d, x);
        fputs("}, \"locations\": [", out);
        sarif_region(out, d, x);
        fputs("]", out);
        if (x->nnotes) {
            fputs(", \"relatedLocations\": [", out);
            for (size_t j = 0; j < x->nnotes; j++) {
                const char *file;
                unsigned a, b, c, e;
                if (!place(d, &x->notes[j], &file, &a, &b, &c, &e))
                    continue;
                if (j)
                    fputs(", ", out);
                /* a related location is a location with a message */
                fputs("{\"message\": {\"text\": ", out);
                json_message(out, d, &x->notes[j]);
                fputs("}, \"physicalLocation\": {\"artifactLocation\": {\"uri\": ", out);
                sarif_uri(out, file);
                fprintf(out, "}, \"region\": {\"startLine\": %u, \"startColumn\": %u, \"endLine\": %u, \"endColumn\": %u}}}",
                        a, b, c, e + 1);
            }
            fputs("]", out);
        }
        fputc('}', out);
    }
    fputs(k ? "\n    ]\n  }]\n}\n" : "]\n  }]\n}\n", out);
    free(order);
}

/* Workflow-command escaping: the message escapes %, CR and LF; properties also : and ,. */
static void gh_escape(FILE *out, const char *s, bool property)
{
    prt_buf b = {0};
    prt_esc_github(&b, s ? s : "", property);
    prt_buf_flush(&b, out);
    prt_buf_free(&b);
}

static void gh_message(FILE *out, const prt_diag *d, const prt_diagnostic *x)
{
    prt_buf m = {0};
    gh_escape(out, message_of(d, x, &m), false);
    prt_buf_free(&m);
}

void prt_diag_print_github(const prt_diag *d, FILE *out)
{
    const prt_diagnostic **order;
    prt_diag_sorted(d, &order);
    for (size_t i = 0; i < d->n; i++) {
        const prt_diagnostic *x = order[i];
        if (d->hide_warnings && x->sev != PRT_SEV_ERROR)
            continue;
        const char *file;
        unsigned l0, c0, l1, c1;
        fprintf(out, "::%s ", x->sev == PRT_SEV_ERROR ? "error" : "warning");
        if (place(d, x, &file, &l0, &c0, &l1, &c1)) {
            fputs("file=", out);
            gh_escape(out, file, true);
            fprintf(out, ",line=%u,col=%u,endLine=%u,endColumn=%u,", l0, c0, l1, c1 + 1);
        } else if ((file = whole_file(d, x)) != NULL) {
            fputs("file=", out);
            gh_escape(out, file, true);
            fputc(',', out);
        }
        fputs("title=", out);
        gh_escape(out, x->code ? x->code : "planc", true);
        fputs("::", out);
        gh_message(out, d, x);
        for (size_t j = 0; j < x->nnotes; j++) {
            const char *nf;
            unsigned a, b, c, e;
            fputs("%0Anote: ", out);
            if (place(d, &x->notes[j], &nf, &a, &b, &c, &e)) {
                gh_escape(out, nf, false);
                fprintf(out, ":%u:%u: ", a, b);
            }
            gh_message(out, d, &x->notes[j]);
        }
        fputc('\n', out);
    }
    free(order);
}
