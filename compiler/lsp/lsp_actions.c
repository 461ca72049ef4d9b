/* planc lsp's textDocument/codeAction: quick fixes from planc's fix-its (the did-you-mean
 * replacement a diagnostic carries, diag_fixit).  Each diagnostic of the request's context is
 * matched, by its range and code, to one of the document's last check; when the client sends none,
 * the last check's diagnostics that touch the request's range are used.  Each one with a fix-it gives
 * a `quickfix` replacing its range; planc attaches at most one fix-it to a diagnostic, so each action
 * is the diagnostic's only fix, and preferred. */
#include "lsp.h"
#include "strbuf.h"

#include <stdlib.h>
#include <string.h>

/* A range's four numbers: start line and character, end line and character. */
static bool range_numbers(json_t *range, json_int_t v[4])
{
    return json_unpack(range, "{s:{s:I, s:I}, s:{s:I, s:I}}", "start", "line", &v[0], "character", &v[1], "end",
                       "line", &v[2], "character", &v[3]) == 0;
}

static bool same_range(json_t *a, json_t *b)
{
    json_int_t x[4], y[4];
    return range_numbers(a, x) && range_numbers(b, y) && memcmp(x, y, sizeof x) == 0;
}

/* The diagnostic as publishDiagnostics gives it, for an action found without the client's. */
static json_t *diagnostic_json(const LspServer *s, const SourceSet *sources, const Diagnostic *d)
{
    return json_pack("{s:o, s:i, s:s, s:o, s:o}", "range", lsp_range_json(s, sources, d->loc), "severity",
                     d->sev == SEV_ERROR ? 1 : d->sev == SEV_WARNING ? 2 : 3, "source", "planc", "code",
                     lsp_json_text(d->code ? d->code : ""), "message", lsp_json_text(d->message));
}

/* "Replace 'oo' with 'o'": the quick fix of d, for the client's diagnostic seen (stolen). */
static json_t *quick_fix(const LspServer *s, const SourceSet *sources, const char *uri, const Diagnostic *d,
                         json_t *seen)
{
    const SourceFile *f = sources_get(sources, d->loc.file);
    prt_buf title = {0};
    prt_buf_puts(&title, "Replace '");
    prt_buf_add(&title, f->text + d->loc.begin, d->loc.end - d->loc.begin);
    prt_buf_printf(&title, "' with '%s'", d->fixit);
    json_t *edit = json_pack("{s:o, s:o}", "range", lsp_range_json(s, sources, d->loc), "newText", lsp_json_text(d->fixit));
    json_t *changes = json_object();
    json_object_set_new(changes, uri, json_pack("[o]", edit));
    json_t *action = json_pack("{s:o, s:s, s:[o], s:b, s:{s:o}}", "title", lsp_json_text(prt_buf_str(&title)), "kind",
                               "quickfix", "diagnostics", seen, "isPreferred", true, "edit", "changes", changes);
    prt_buf_free(&title);
    return action;
}

static bool has_fix(const Diagnostic *d, uint32_t file)
{
    return d->fixit && d->loc.file == file && d->loc.end >= d->loc.begin;
}

/* The fixes of the client's diagnostics: each matched to the last check's by range and code. */
static void fixes_for_sent(const LspServer *s, const LspAnalysis *a, uint32_t file, const char *uri, json_t *sent,
                           json_t *actions)
{
    const SourceSet *sources = &a->lp.sources;
    size_t i;
    json_t *c;
    json_array_foreach(sent, i, c) {
        const char *code = json_string_value(json_object_get(c, "code"));
        json_t *range = json_object_get(c, "range");
        for (size_t k = 0; code && range && k < a->lp.diag.n; k++) {
            const Diagnostic *d = &a->lp.diag.items[k];
            if (!has_fix(d, file) || !d->code || strcmp(d->code, code) != 0)
                continue;
            json_t *mine = lsp_range_json(s, sources, d->loc);
            bool same = same_range(mine, range);
            json_decref(mine);
            if (same) {
                json_array_append_new(actions, quick_fix(s, sources, uri, d, json_incref(c)));
                break;
            }
        }
    }
}

/* The fixes of the last check's diagnostics that touch the range (the client sent none). */
static void fixes_in_range(const LspServer *s, const LspAnalysis *a, uint32_t file, const char *uri, json_t *range,
                           json_t *actions)
{
    const SourceSet *sources = &a->lp.sources;
    json_int_t v[4];
    uint32_t begin, end;
    const SourceFile *f = sources_get(sources, file);
    if (!range_numbers(range, v) || !lsp_offset_at(s, f, v[0], v[1], &begin) || !lsp_offset_at(s, f, v[2], v[3], &end))
        return;
    const Diagnostic **sorted;
    diag_sorted(&a->lp.diag, &sorted);   /* in the order of the text, as the editor lists them */
    for (size_t k = 0; k < a->lp.diag.n; k++) {
        const Diagnostic *d = sorted[k];
        if (has_fix(d, file) && d->loc.begin <= end && d->loc.end >= begin)
            json_array_append_new(actions, quick_fix(s, sources, uri, d, diagnostic_json(s, sources, d)));
    }
    free(sorted);
}

/* Whether the client's context.only, when given, asks for quick fixes. */
static bool wants_quickfix(json_t *only)
{
    if (!json_is_array(only))
        return true;
    size_t i;
    json_t *kind;
    json_array_foreach(only, i, kind) {
        const char *k = json_string_value(kind);
        if (k && (strcmp(k, "quickfix") == 0 || strcmp(k, "") == 0))
            return true;
    }
    return false;
}

json_t *lsp_code_action(LspServer *s, const LspMessage *m)
{
    const char *uri;
    json_t *range, *context = NULL;
    if (json_unpack(m->params, "{s:{s:s}, s:o, s?o}", "textDocument", "uri", &uri, "range", &range, "context",
                    &context) != 0)
        return lsp_error_response(m->id, LSP_INVALID_PARAMS, "textDocument/codeAction: params need textDocument.uri and range");
    json_t *actions = json_array();
    uint32_t file;
    const LspAnalysis *a = lsp_analysis_for(s, uri, &file);
    json_t *sent = json_object_get(context, "diagnostics");
    if (a && file && wants_quickfix(json_object_get(context, "only"))) {
        if (json_is_array(sent) && json_array_size(sent) > 0)
            fixes_for_sent(s, a, file, uri, sent, actions);
        else
            fixes_in_range(s, a, file, uri, range, actions);
    }
    return lsp_response(m->id, actions);
}
