/* planc lsp's diagnostics: a document checked from its buffer (the files it includes from their open
 * buffers when they have one, else from the disk, confined as `planc check` confines them), and what
 * planc finds published per file as textDocument/publishDiagnostics: code, severity, message, range
 * (in the position encoding agreed), the note: lines as relatedInformation, and a codeDescription
 * link to the code's row in docs/diagnostics.md. */
#include "lsp.h"
#include "check.h"
#include "plan_load.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static json_t *code_link(const LspServer *s, const char *code)
{
    prt_buf path = {0};
    prt_buf_printf(&path, "%s/diagnostics.md", s->doc_base ? s->doc_base : PLANC_DOC_DIR);
    char *uri = lsp_uri_from_path(prt_buf_str(&path));
    prt_buf_free(&path);
    prt_buf href = {0};
    prt_buf_printf(&href, "%s#%s", uri, code);
    free(uri);
    json_t *link = json_pack("{s:o}", "href", lsp_json_text(prt_buf_str(&href)));
    prt_buf_free(&href);
    return link;
}

static json_t *related(const LspServer *s, const SourceSet *sources, const Diagnostic *d, uint32_t root)
{
    json_t *list = json_array();
    for (size_t i = 0; i < d->nnotes; i++) {
        const Diagnostic *note = &d->notes[i];
        Loc loc = note->loc.file ? note->loc : d->loc;
        uint32_t file = loc.file ? loc.file : root;
        char *uri = lsp_uri_of(s, sources_get(sources, file)->path);
        json_array_append_new(list, json_pack("{s:{s:s, s:o}, s:o}", "location", "uri", uri, "range",
                                              lsp_range_json(s, sources, loc), "message", lsp_json_text(note->message)));
        free(uri);
    }
    return list;
}

static json_t *diagnostic_json(const LspServer *s, const SourceSet *sources, const Diagnostic *d, uint32_t root)
{
    json_t *j = json_pack("{s:o, s:i, s:s, s:o}", "range", lsp_range_json(s, sources, d->loc), "severity",
                          d->sev == SEV_ERROR ? 1 : d->sev == SEV_WARNING ? 2 : 3, "source", "planc", "message",
                          lsp_json_text(d->message));
    if (d->code) {
        json_object_set_new(j, "code", lsp_json_text(d->code));
        json_object_set_new(j, "codeDescription", code_link(s, d->code));
    }
    if (d->nnotes)
        json_object_set_new(j, "relatedInformation", related(s, sources, d, root));
    return j;
}

static void publish(LspServer *s, const char *uri, json_t *list)
{
    json_t *params = json_pack("{s:s, s:o}", "uri", uri, "diagnostics", list);
    const LspDocument *doc = lsp_document_find(&s->docs, uri);
    if (doc)
        json_object_set_new(params, "version", json_integer(doc->version));
    if (!s->gone && !lsp_send(&s->transport, lsp_notification("textDocument/publishDiagnostics", params)))
        s->gone = true;
}

static bool listed(char **items, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(items[i], s) == 0)
            return true;
    return false;
}

static void free_list(char **items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(items[i]);
    free(items);
}

/* Publishes diag's diagnostics per file (the document's own always, others when they have some or
 * had before); the URIs published to become doc->published. */
static void publish_all(LspServer *s, LspDocument *doc, const SourceSet *sources, const Diag *diag)
{
    size_t nfiles = sources->nfiles > 1 ? sources->nfiles : 2;
    json_t **lists = xcalloc(nfiles, sizeof *lists);
    for (size_t f = 1; f < nfiles; f++)
        lists[f] = json_array();
    const Diagnostic **sorted;
    diag_sorted(diag, &sorted);
    for (size_t i = 0; i < diag->n; i++) {
        uint32_t file = sorted[i]->loc.file ? sorted[i]->loc.file : 1;
        json_array_append_new(lists[file], diagnostic_json(s, sources, sorted[i], 1));
    }
    free(sorted);
    char **now = xcalloc(nfiles, sizeof *now);
    size_t nnow = 0;
    for (size_t f = 1; f < nfiles; f++) {
        /* file 1 is the document itself (or, unreadable, nothing: its diagnostics are its own) */
        char *uri = f == 1 ? xstrdup(doc->uri) : lsp_uri_of(s, sources->files[f].path);
        if (f == 1 || json_array_size(lists[f]) > 0 || listed(doc->published, doc->npublished, uri)) {
            publish(s, uri, json_incref(lists[f]));
            now[nnow++] = uri;
        } else {
            free(uri);
        }
        json_decref(lists[f]);
    }
    for (size_t i = 0; i < doc->npublished; i++)
        if (!listed(now, nnow, doc->published[i]))
            publish(s, doc->published[i], json_array());
    free(lists);
    free_list(doc->published, doc->npublished);
    doc->published = now;
    doc->npublished = nnow;
}

void lsp_diagnostics_publish(LspServer *s, LspDocument *doc)
{
    LspAnalysis *a = lsp_analysis_run(s, doc);
    const SourceSet *sources = &a->lp.sources;
    publish_all(s, doc, sources, &a->lp.diag);
    free_list(doc->loaded, doc->nloaded);
    doc->nloaded = sources->nfiles > 1 ? sources->nfiles - 1 : 0;
    doc->loaded = xcalloc(doc->nloaded + 1, sizeof *doc->loaded);
    for (size_t f = 1; f < sources->nfiles; f++)
        doc->loaded[f - 1] = lsp_real_of(sources->files[f].path);
    lsp_analysis_free(doc->analysis);
    doc->analysis = a;
}

void lsp_diagnostics_clear(LspServer *s, LspDocument *doc)
{
    for (size_t i = 0; i < doc->npublished; i++)
        publish(s, doc->published[i], json_array());
}
