/* planc lsp's navigation requests: textDocument/definition, references, prepareRename and rename,
 * answered from the index of names (lsp_index.c) of the analysis that covers the document, so that
 * they reach across included files, open buffers before the disk.  A position on no name, a URI
 * never opened and a document that was never checked answer null (an empty list for references);
 * params of the wrong shape are refused with -32602; a rename the plan cannot take with -32803. */
#include "lsp.h"
#include "parse.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* The lexer's list of keywords (grammar/lexer.l), which no identifier may be. */
int plan_is_keyword(const char *s);

/* The analysis, file and offset of TextDocumentPositionParams: false when params do not have that
 * shape (*malformed) or no analysis covers the document or the position is outside it. */
static bool position_of(const LspServer *s, json_t *params, LspTarget *t, bool *malformed)
{
    const char *uri;
    long long line, character;
    *malformed = !lsp_params_position(params, &uri, &line, &character);
    if (*malformed)
        return false;
    uint32_t file, offset;
    LspAnalysis *a = lsp_analysis_for(s, uri, &file);
    if (!a || !file || file >= a->lp.sources.nfiles)
        return false;
    if (!lsp_offset_at(s, sources_get(&a->lp.sources, file), line, character, &offset))
        return false;
    t->analysis = a;
    t->file = file;
    t->offset = offset;
    return true;
}

bool lsp_target_request(const LspServer *s, const LspMessage *m, LspTarget *t, json_t *none, json_t **reply)
{
    memset(t, 0, sizeof *t);
    bool malformed;
    if (position_of(s, m->params, t, &malformed)) {
        lsp_index_build(&t->index, &t->analysis->lp.plan);
        t->at = lsp_index_at(&t->index, t->file, t->offset);
        if (t->at) {
            json_decref(none);
            return true;
        }
    }
    lsp_target_free(t);
    if (malformed) {
        json_decref(none);
        *reply = lsp_error_response(m->id, LSP_INVALID_PARAMS,
                                    "params must be a TextDocumentPositionParams: textDocument.uri and position");
    } else {
        *reply = lsp_response(m->id, none);
    }
    return false;
}

void lsp_target_free(LspTarget *t)
{
    lsp_index_free(&t->index);
    memset(t, 0, sizeof *t);
}

static int by_place(const void *x, const void *y)
{
    const LspOccurrence *a = *(const LspOccurrence *const *)x, *b = *(const LspOccurrence *const *)y;
    if (a->loc.file != b->loc.file)
        return a->loc.file < b->loc.file ? -1 : 1;
    return a->loc.begin < b->loc.begin ? -1 : a->loc.begin > b->loc.begin;
}

/* The occurrences of t's symbol (declarations when with_decl), by file and place: malloc'd, *n set. */
static const LspOccurrence **occurrences(const LspTarget *t, bool with_decl, bool renamable_only, size_t *n)
{
    const LspOccurrence **list = xmalloc((t->index.n + 1) * sizeof *list);
    *n = 0;
    for (size_t i = 0; i < t->index.n; i++) {
        const LspOccurrence *o = &t->index.items[i];
        if (lsp_occurrence_same(o, t->at) && (with_decl || !o->declaration) && (!renamable_only || o->renamable))
            list[(*n)++] = o;
    }
    qsort(list, *n, sizeof *list, by_place);
    return list;
}

static json_t *locations(const LspServer *s, const LspTarget *t, const LspOccurrence **list, size_t n)
{
    json_t *out = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(out, lsp_location_json(s, &t->analysis->lp.sources, list[i]->loc));
    return out;
}

json_t *lsp_definition(LspServer *s, const LspMessage *m)
{
    LspTarget t;
    json_t *out;
    if (!lsp_target_request(s, m, &t, json_null(), &out))
        return out;
    /* a "REF" leads to the printed reference, a name to the identifier: the declaration written alike */
    size_t n;
    const LspOccurrence **list = occurrences(&t, true, false, &n);
    const LspOccurrence *found = NULL;
    for (size_t i = 0; i < n && !found; i++)
        if (list[i]->declaration && list[i]->renamable == t.at->renamable)
            found = list[i];
    for (size_t i = 0; i < n && !found; i++)
        if (list[i]->declaration)
            found = list[i];
    json_t *result = found ? lsp_location_json(s, &t.analysis->lp.sources, found->loc) : json_null();
    free(list);
    lsp_target_free(&t);
    return lsp_response(m->id, result);
}

json_t *lsp_references(LspServer *s, const LspMessage *m)
{
    LspTarget t;
    json_t *out;
    if (!lsp_target_request(s, m, &t, json_array(), &out))
        return out;
    json_t *decl = json_object_get(json_object_get(m->params, "context"), "includeDeclaration");
    size_t n;
    const LspOccurrence **list = occurrences(&t, json_is_true(decl), false, &n);
    json_t *result = locations(s, &t, list, n);
    free(list);
    lsp_target_free(&t);
    return lsp_response(m->id, result);
}

/* ---- rename ---- */

/* Why name cannot be an identifier by the lexer's rules (NULL when it can). */
static const char *not_an_identifier(const char *name)
{
    size_t n = strlen(name);
    if (n == 0)
        return "an identifier cannot be empty";
    if (n > PLANC_MAX_NAME)
        return "an identifier is at most 128 bytes";
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
        if (!letter && !(i > 0 && c >= '0' && c <= '9'))
            return "an identifier is a letter or '_' followed by letters, digits and '_'";
    }
    if (plan_is_keyword(name))
        return "it is a keyword";
    return NULL;
}

/* What name is already bound to in the namespace of t's symbol (an entity, or a band of its scheme),
 * other than the symbol itself; NULL when it is free. */
static const char *bound_elsewhere(const LspTarget *t, const char *name)
{
    static const char *const taken[] = {
        [ENT_RATING] = "a rating scheme of that name already exists",
        [ENT_BENCHMARK] = "a benchmark of that name already exists",
        [ENT_INPUT] = "an input of that name already exists",
        [ENT_PILLAR] = "a pillar of that name already exists",
        [ENT_THEME] = "a theme of that name already exists",
        [ENT_OUTCOME] = "an outcome of that name already exists",
        [ENT_ACTIVITY] = "an activity of that name already exists",
        [ENT_INDICATOR] = "an indicator of that name already exists",
        [ENT_DELIVERY] = "a delivery scheme of that name already exists",
    };
    for (size_t i = 0; i < t->index.n; i++) {
        const LspOccurrence *o = &t->index.items[i];
        if (!o->declaration || !o->renamable || lsp_occurrence_same(o, t->at))
            continue;
        bool same_space = t->at->band < 0 ? o->band < 0 : o->band >= 0 && o->entity == t->at->entity;
        const char *id = lsp_symbol_ident(o);
        if (same_space && id && strcmp(id, name) == 0)
            return o->band >= 0 ? "the scheme has a band of that name" : taken[o->entity->kind];
    }
    /* a band's abbreviation is looked up as its name too (`rated G`) */
    if (t->at->band >= 0) {
        const Rating *r = (const Rating *)t->at->entity;
        for (uint32_t i = 0; i < r->bands.n; i++) {
            const Band *b = r->bands.items[i];
            if ((int)i != t->at->band && b->abbrev.name && strcmp(b->abbrev.name, name) == 0)
                return "the scheme has a band abbreviated so, and 'rated' would name either";
        }
    }
    return NULL;
}

/* Whether the symbol at t can be renamed: an identifier (not a "REF" nor an (ABBR)) with one. */
static bool renamable(const LspTarget *t)
{
    return t->at->renamable && lsp_symbol_ident(t->at) != NULL;
}

json_t *lsp_prepare_rename(LspServer *s, const LspMessage *m)
{
    LspTarget t;
    json_t *out;
    if (!lsp_target_request(s, m, &t, json_null(), &out))
        return out;
    json_t *result = json_null();
    if (renamable(&t))
        result = json_pack("{s:o, s:o}", "range", lsp_range_json(s, &t.analysis->lp.sources, t.at->loc),
                           "placeholder", lsp_json_text(lsp_symbol_ident(t.at)));
    lsp_target_free(&t);
    return lsp_response(m->id, result);
}

/* changes: {uri: [TextEdit]} for every renamable occurrence of t's symbol. */
static json_t *rename_changes(const LspServer *s, const LspTarget *t, const char *name)
{
    const SourceSet *sources = &t->analysis->lp.sources;
    json_t *changes = json_object();
    size_t n;
    const LspOccurrence **list = occurrences(t, true, true, &n);
    for (size_t i = 0; i < n; i++) {
        char *uri = lsp_uri_of(s, sources_get(sources, list[i]->loc.file)->path);
        json_t *edits = json_object_get(changes, uri);
        if (!edits) {
            edits = json_array();
            json_object_set_new(changes, uri, edits);
        }
        json_array_append_new(edits, json_pack("{s:o, s:s}", "range", lsp_range_json(s, sources, list[i]->loc),
                                               "newText", name));
        free(uri);
    }
    free(list);
    return changes;
}

static json_t *refuse(const LspMessage *m, const char *fmt, const char *a, const char *b)
{
    prt_buf text = {0};
    prt_buf_printf(&text, fmt, a, b);
    json_t *out = lsp_error_response(m->id, LSP_REQUEST_FAILED, prt_buf_str(&text));
    prt_buf_free(&text);
    return out;
}

json_t *lsp_rename(LspServer *s, const LspMessage *m)
{
    const char *name;
    if (json_unpack(m->params, "{s:s}", "newName", &name) != 0)
        return lsp_error_response(m->id, LSP_INVALID_PARAMS, "rename: params need newName, a string");
    LspTarget t;
    json_t *reply;
    if (!lsp_target_request(s, m, &t, json_null(), &reply)) {
        if (!json_is_null(json_object_get(reply, "result")))
            return reply;   /* the params' error */
        json_decref(reply);
        return lsp_error_response(m->id, LSP_REQUEST_FAILED, "there is no name to rename at this position");
    }
    if (!renamable(&t)) {
        lsp_target_free(&t);
        return lsp_error_response(m->id, LSP_REQUEST_FAILED,
                                  "a printed reference or a band's abbreviation is renamed by editing its text");
    }
    json_t *out;
    const char *why = not_an_identifier(name), *taken = NULL;
    if (why && strlen(name) > PLANC_MAX_NAME)
        out = refuse(m, "cannot rename: %s%s", why, "");   /* not echoing a name of any length */
    else if (why)
        out = refuse(m, "cannot rename to '%s': %s", name, why);
    else if ((taken = bound_elsewhere(&t, name)) != NULL)
        out = refuse(m, "cannot rename to '%s': %s", name, taken);
    else
        out = lsp_response(m->id, json_pack("{s:o}", "changes", rename_changes(s, &t, name)));
    lsp_target_free(&t);
    return out;
}
