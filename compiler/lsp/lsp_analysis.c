/* planc lsp's analyses: what the last check of an open document found, kept for the requests that
 * follow (hover, definition, completion ...): the plan model, the files it was loaded from and the
 * diagnostics, as one LoadedPlan.  Also the one place where positions are converted between the
 * protocol's (line and character, in the agreed encoding) and planc's (file and byte offset). */
#include "lsp.h"
#include "check.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* A check stops after this many errors: a buffer of random bytes must not publish a million. */
#define LSP_MAX_ERRORS 200

/* The load overlay: an open document's text for the file at real (or, not on disk, path). */
static char *buffer_text(void *user, const char *path, const char *real, size_t *size)
{
    const LspServer *s = user;
    const LspDocument *doc = lsp_document_by_real(&s->docs, real ? real : path);
    if (!doc)
        return NULL;
    char *copy = xmalloc(doc->len + 2);
    memcpy(copy, doc->text, doc->len);
    copy[doc->len] = copy[doc->len + 1] = '\0';
    *size = doc->len;
    return copy;
}

LspAnalysis *lsp_analysis_run(LspServer *s, const LspDocument *doc)
{
    LspAnalysis *a = xcalloc(1, sizeof *a);
    sources_init(&a->lp.sources);
    diag_init(&a->lp.diag, &a->lp.sources);
    a->lp.diag.max_errors = LSP_MAX_ERRORS;
    plan_model_init(&a->lp.plan);
    Plan *plan = &a->lp.plan;
    Diag *diag = &a->lp.diag;
    if (doc->path) {
        LoadOverlay overlay = {.text = buffer_text, .user = s};
        a->loaded = load_plan_overlay(plan, &a->lp.sources, diag, doc->path, s->dirs, &overlay) == LOAD_OK;
    } else {
        load_plan_text(plan, &a->lp.sources, diag, doc->uri, doc->text, doc->len);   /* untitled: no includes */
        a->loaded = true;
    }
    if (a->loaded && !diag->stopped) {
        check_plan(plan, diag);
        a->checked = true;
    }
    return a;
}

void lsp_analysis_free(LspAnalysis *a)
{
    if (!a)
        return;
    loaded_plan_free(&a->lp);
    free(a);
}

char *lsp_real_of(const char *path)
{
    char *real = realpath(path, NULL);
    return real ? real : xstrdup(path);
}

char *lsp_uri_of(const LspServer *s, const char *path)
{
    /* a buffer that is not a file (untitled:...) was loaded under its URI: that is its name */
    const LspDocument *buffer = lsp_document_find(&s->docs, path);
    if (buffer && !buffer->path)
        return xstrdup(buffer->uri);
    char *real = lsp_real_of(path);
    const LspDocument *doc = lsp_document_by_real(&s->docs, real);
    char *uri = doc ? xstrdup(doc->uri) : lsp_uri_from_path(real);
    free(real);
    return uri;
}

/* The index in root's last analysis of the file at real (the document's own file is 1), or 0: the real
 * paths of the files it loaded are kept with it (doc->loaded, in load order), so no request resolves
 * them again. */
static uint32_t file_in(const LspDocument *root, const char *real)
{
    for (size_t i = 0; i < root->nloaded; i++)
        if (strcmp(root->loaded[i], real) == 0)
            return (uint32_t)i + 1;
    return 0;
}

LspAnalysis *lsp_analysis_for(const LspServer *s, const char *uri, uint32_t *file)
{
    const LspDocument *own = lsp_document_find(&s->docs, uri);
    char *path = own ? NULL : lsp_uri_to_path(uri);
    char *real = own ? (own->real ? xstrdup(own->real) : NULL) : path ? lsp_real_of(path) : NULL;
    free(path);
    LspAnalysis *found = NULL;
    *file = 0;
    /* a plan that includes the file sees it in context: its names, its schemes, its years */
    for (size_t i = 0; real && i < s->docs.n && !found; i++) {
        const LspDocument *root = s->docs.items[i];
        if (root == own || !root->analysis)
            continue;
        uint32_t f = file_in(root, real);
        if (f > 1) {
            found = root->analysis;
            *file = f;
        }
    }
    free(real);
    if (!found && own && own->analysis && own->analysis->lp.sources.nfiles > 1) {
        found = own->analysis;
        *file = 1;
    }
    return found;
}

json_t *lsp_position_json(const LspServer *s, const SourceSet *sources, uint32_t file, uint32_t offset)
{
    const SourceFile *f = sources_get(sources, file);
    if (offset > f->size)
        offset = (uint32_t)f->size;
    unsigned line, col;
    uint32_t begin, end;
    source_line_col(sources, file, offset, &line, &col);
    source_line_extent(sources, file, offset, &begin, &end);
    size_t character = offset > begin ? lsp_units(f->text + begin, offset - begin, s->utf8) : 0;
    return json_pack("{s:i, s:I}", "line", line ? line - 1 : 0, "character", (json_int_t)character);
}

json_t *lsp_range_json(const LspServer *s, const SourceSet *sources, Loc loc)
{
    if (!loc.file)
        return json_pack("{s:{s:i, s:i}, s:{s:i, s:i}}", "start", "line", 0, "character", 0, "end", "line", 0,
                         "character", 0);
    return json_pack("{s:o, s:o}", "start", lsp_position_json(s, sources, loc.file, loc.begin), "end",
                     lsp_position_json(s, sources, loc.file, loc.end > loc.begin ? loc.end : loc.begin));
}

json_t *lsp_location_json(const LspServer *s, const SourceSet *sources, Loc loc)
{
    char *uri = lsp_uri_of(s, sources_get(sources, loc.file ? loc.file : 1)->path);
    json_t *j = json_pack("{s:o, s:o}", "uri", lsp_json_text(uri), "range", lsp_range_json(s, sources, loc));
    free(uri);
    return j;
}

bool lsp_offset_at(const LspServer *s, const SourceFile *f, long long line, long long character, uint32_t *offset)
{
    if (line < 0 || character < 0)
        return false;
    const char *text = f->text, *end = f->text + f->size, *p = text;
    for (long long l = 0; l < line; l++) {
        while (p < end && *p != '\n' && *p != '\r')
            p++;
        if (p == end)
            return false;
        p += (*p == '\r' && p + 1 < end && p[1] == '\n') ? 2 : 1;
    }
    /* walk the line, counting units, stopping at its end (a character past it means the end) */
    long long units = 0;
    while (p < end && *p != '\n' && *p != '\r' && units < character) {
        size_t n = lsp_utf8_sequence(p, (size_t)(end - p));
        size_t step = n ? n : 1;
        units += (long long)lsp_units(p, step, s->utf8);
        p += step;
    }
    *offset = (uint32_t)(p - text);
    return true;
}

bool lsp_params_position(json_t *params, const char **uri, long long *line, long long *character)
{
    json_int_t l, c;
    if (json_unpack(params, "{s:{s:s}, s:{s:I, s:I}}", "textDocument", "uri", uri, "position", "line", &l,
                    "character", &c) != 0)
        return false;
    *line = l;
    *character = c;
    return true;
}
