/* planc lsp's protocol state machine: initialize, then initialized and the document notifications,
 * then shutdown, then exit (status 0 after shutdown, 1 without).  A request before initialize is
 * refused with -32002, one after shutdown with -32600, an unknown one with -32601; unknown
 * notifications are ignored.  Messages are handled one at a time; the ones already waiting are read
 * first, so that a $/cancelRequest among them cancels a request not yet answered (-32800). */
#include "lsp.h"
#include "driver.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

void lsp_server_init(LspServer *s, LspInput in, LspOutput out, const IncludeDirs *dirs)
{
    memset(s, 0, sizeof *s);
    lsp_transport_init(&s->transport, in, out);
    s->state = LSP_STATE_STARTING;
    s->exit_code = 1;
    s->dirs = dirs;
    s->cancelled = json_array();
}

void lsp_server_free(LspServer *s)
{
    lsp_documents_free(&s->docs);
    lsp_transport_free(&s->transport);
    json_decref(s->cancelled);
}

static void reply(LspServer *s, json_t *msg)
{
    if (!s->gone && !lsp_send(&s->transport, msg))
        s->gone = true;
    else if (s->gone)
        json_decref(msg);
}

static void log_error(LspServer *s, const char *method, const char *what)
{
    prt_buf text = {0};
    prt_buf_printf(&text, "planc lsp: %s%s%s", method ? method : "", method ? ": " : "", what);
    reply(s, lsp_notification("window/logMessage",
                             json_pack("{s:i, s:o}", "type", 1, "message", lsp_json_text(prt_buf_str(&text)))));
    prt_buf_free(&text);
}

/* Whether the id was cancelled (and forgets it). */
static bool take_cancelled(LspServer *s, json_t *id)
{
    size_t i;
    json_t *v;
    json_array_foreach(s->cancelled, i, v) {
        if (json_equal(v, id)) {
            json_array_remove(s->cancelled, i);
            return true;
        }
    }
    return false;
}

/* Whether the client offered utf-8 in capabilities.general.positionEncodings. */
static bool offers_utf8(json_t *params)
{
    json_t *list = json_object_get(json_object_get(json_object_get(params, "capabilities"), "general"),
                                   "positionEncodings");
    size_t i;
    json_t *v;
    json_array_foreach(list, i, v) {
        if (json_is_string(v) && strcmp(json_string_value(v), "utf-8") == 0)
            return true;
    }
    return false;
}

static json_t *initialize(LspServer *s, json_t *params)
{
    s->utf8 = offers_utf8(params);
    s->state = LSP_STATE_RUNNING;
    /* exactly what is implemented: open/close and incremental changes (2), pushed diagnostics */
    json_t *result = json_pack("{s:{s:s, s:{s:b, s:i}}, s:{s:s, s:s}}", "capabilities", "positionEncoding",
                               s->utf8 ? "utf-8" : "utf-16", "textDocumentSync", "openClose", 1, "change", 2,
                               "serverInfo", "name", "planc", "version", PLANC_VERSION);
    json_t *caps = json_object_get(result, "capabilities");
    /* ',' starts the next name of a list, '/' the second half of a year (docs/editors.md, "Editing") */
    json_object_set_new(caps, "completionProvider", json_pack("{s:[s, s]}", "triggerCharacters", ",", "/"));
    json_object_set_new(caps, "documentFormattingProvider", json_true());
    json_object_set_new(caps, "codeActionProvider", json_pack("{s:[s]}", "codeActionKinds", "quickfix"));
    json_object_set_new(caps, "hoverProvider", json_true());
    json_object_set_new(caps, "definitionProvider", json_true());
    json_object_set_new(caps, "referencesProvider", json_true());
    json_object_set_new(caps, "documentSymbolProvider", json_true());
    json_object_set_new(caps, "renameProvider", json_pack("{s:b}", "prepareProvider", 1));
    return result;
}

static void handle_request(LspServer *s, LspMessage *m)
{
    if (take_cancelled(s, m->id)) {
        reply(s, lsp_error_response(m->id, LSP_REQUEST_CANCELLED, "the request was cancelled"));
        return;
    }
    bool is_init = strcmp(m->method, "initialize") == 0;
    if (s->state == LSP_STATE_STARTING && !is_init) {
        reply(s, lsp_error_response(m->id, LSP_SERVER_NOT_INITIALIZED, "the server is not initialized"));
    } else if (s->state == LSP_STATE_SHUT_DOWN) {
        reply(s, lsp_error_response(m->id, LSP_INVALID_REQUEST, "the server is shut down; only exit is accepted"));
    } else if (is_init && s->state != LSP_STATE_STARTING) {
        reply(s, lsp_error_response(m->id, LSP_INVALID_REQUEST, "the server is already initialized"));
    } else if (is_init) {
        if (m->params && !json_is_object(m->params))
            reply(s, lsp_error_response(m->id, LSP_INVALID_PARAMS, "initialize: params must be an object"));
        else
            reply(s, lsp_response(m->id, initialize(s, m->params)));
    } else if (strcmp(m->method, "shutdown") == 0) {
        s->state = LSP_STATE_SHUT_DOWN;
        reply(s, lsp_response(m->id, json_null()));
    } else if (strcmp(m->method, "textDocument/completion") == 0) {
        reply(s, lsp_completion(s, m));
    } else if (strcmp(m->method, "textDocument/formatting") == 0) {
        reply(s, lsp_formatting(s, m));
    } else if (strcmp(m->method, "textDocument/codeAction") == 0) {
        reply(s, lsp_code_action(s, m));
    } else if (strcmp(m->method, "textDocument/hover") == 0) {
        reply(s, lsp_hover(s, m));
    } else if (strcmp(m->method, "textDocument/definition") == 0) {
        reply(s, lsp_definition(s, m));
    } else if (strcmp(m->method, "textDocument/references") == 0) {
        reply(s, lsp_references(s, m));
    } else if (strcmp(m->method, "textDocument/documentSymbol") == 0) {
        reply(s, lsp_document_symbols(s, m));
    } else if (strcmp(m->method, "textDocument/prepareRename") == 0) {
        reply(s, lsp_prepare_rename(s, m));
    } else if (strcmp(m->method, "textDocument/rename") == 0) {
        reply(s, lsp_rename(s, m));
    } else {
        prt_buf text = {0};
        prt_buf_printf(&text, "unknown method '%s'", m->method);
        reply(s, lsp_error_response(m->id, LSP_METHOD_NOT_FOUND, prt_buf_str(&text)));
        prt_buf_free(&text);
    }
}

/* Checks again what an edit of doc changes: every open document whose last check loaded doc's file
 * (doc is included there), or doc itself when none did. */
static void recheck(LspServer *s, const char *real, LspDocument *doc)
{
    bool included = false;
    for (size_t i = 0; i < s->docs.n && !s->gone; i++) {
        LspDocument *root = s->docs.items[i];
        if (root == doc || !real)
            continue;
        for (size_t k = 0; k < root->nloaded; k++)
            if (strcmp(root->loaded[k], real) == 0) {
                lsp_diagnostics_publish(s, root);
                included = true;
                break;
            }
    }
    if (doc && !included)
        lsp_diagnostics_publish(s, doc);
}

static void did_open(LspServer *s, json_t *params)
{
    const char *uri, *text;
    size_t len;
    json_int_t version = 0;
    json_error_t err;
    if (json_unpack_ex(params, &err, 0, "{s:{s:s, s?I, s:s%}}", "textDocument", "uri", &uri, "version", &version,
                       "text", &text, &len) != 0) {
        log_error(s, "textDocument/didOpen", err.text);
        return;
    }
    LspDocument *doc = lsp_document_open(&s->docs, uri, text, len, version);
    recheck(s, doc->real, doc);
}

/* Applies one entry of contentChanges; false (with a message logged) if it is malformed. */
static bool apply_change(LspServer *s, LspDocument *doc, json_t *change)
{
    const char *text;
    size_t len;
    json_int_t l1, c1, l2, c2;
    json_error_t err;
    if (json_object_get(change, "range") == NULL) {
        if (json_unpack_ex(change, &err, 0, "{s:s%}", "text", &text, &len) != 0) {
            log_error(s, "textDocument/didChange", err.text);
            return false;
        }
        lsp_document_replace(doc, text, len);
        return true;
    }
    if (json_unpack_ex(change, &err, 0, "{s:{s:{s:I, s:I}, s:{s:I, s:I}}, s:s%}", "range", "start", "line", &l1,
                       "character", &c1, "end", "line", &l2, "character", &c2, "text", &text, &len) != 0) {
        log_error(s, "textDocument/didChange", err.text);
        return false;
    }
    if (!lsp_document_edit(doc, l1, c1, l2, c2, text, len, s->utf8)) {
        log_error(s, "textDocument/didChange", "a range that ends before it starts");
        return false;
    }
    return true;
}

static void did_change(LspServer *s, json_t *params)
{
    const char *uri;
    json_int_t version = 0;
    json_t *changes;
    json_error_t err;
    if (json_unpack_ex(params, &err, 0, "{s:{s:s, s?I}, s:o}", "textDocument", "uri", &uri, "version", &version,
                       "contentChanges", &changes) != 0) {
        log_error(s, "textDocument/didChange", err.text);
        return;
    }
    if (!json_is_array(changes)) {
        log_error(s, "textDocument/didChange", "contentChanges must be an array");
        return;
    }
    LspDocument *doc = lsp_document_find(&s->docs, uri);
    if (!doc) {
        log_error(s, "textDocument/didChange", "the document is not open");
        return;
    }
    size_t i;
    json_t *change;
    json_array_foreach(changes, i, change) {
        if (!apply_change(s, doc, change))
            break;
    }
    doc->version = version;
    recheck(s, doc->real, doc);
}

static void did_close(LspServer *s, json_t *params)
{
    const char *uri;
    json_error_t err;
    if (json_unpack_ex(params, &err, 0, "{s:{s:s}}", "textDocument", "uri", &uri) != 0) {
        log_error(s, "textDocument/didClose", err.text);
        return;
    }
    LspDocument *doc = lsp_document_find(&s->docs, uri);
    if (!doc)
        return;
    lsp_diagnostics_clear(s, doc);
    char *real = doc->real ? xstrdup(doc->real) : NULL;
    lsp_document_close(&s->docs, doc);
    recheck(s, real, NULL);   /* the plans that include it read it from the disk again */
    free(real);
}

static void handle_notification(LspServer *s, LspMessage *m)
{
    if (strcmp(m->method, "exit") == 0) {
        s->exit_code = s->state == LSP_STATE_SHUT_DOWN ? 0 : 1;
        s->state = LSP_STATE_EXITED;
        return;
    }
    if (s->state != LSP_STATE_RUNNING)
        return;     /* before initialize and after shutdown, notifications are dropped */
    if (strcmp(m->method, "$/cancelRequest") == 0)
        take_cancelled(s, json_object_get(m->params, "id"));   /* answered already: nothing to do */
    else if (strcmp(m->method, "textDocument/didOpen") == 0)
        did_open(s, m->params);
    else if (strcmp(m->method, "textDocument/didChange") == 0)
        did_change(s, m->params);
    else if (strcmp(m->method, "textDocument/didClose") == 0)
        did_close(s, m->params);
    /* initialized, didSave and any other notification: nothing to do */
}

static void handle_message(LspServer *s, LspMessage *m)
{
    if (m->kind == LSP_MSG_REQUEST)
        handle_request(s, m);
    else if (m->kind == LSP_MSG_NOTIFICATION)
        handle_notification(s, m);
    /* responses: the server sends no requests, so there is nothing to match them to */
}

void lsp_server_handle(LspServer *s, const char *body, size_t len)
{
    LspMessage m;
    json_t *error;
    if (!lsp_message_parse(body, len, &m, &error)) {
        reply(s, error);
        return;
    }
    handle_message(s, &m);
    lsp_message_free(&m);
}

/* One message read ahead: parsed, or the error to answer it with, or a transport problem to log. */
typedef struct Pending {
    LspMessage msg;
    bool parsed;
    json_t *error;
    char *problem;
} Pending;

/* How many messages are read ahead of the one being handled, at most. */
#define READ_AHEAD 64

/* Reads one message into p; false when no more can come (the input ended). */
static bool read_one(LspServer *s, Pending *p)
{
    memset(p, 0, sizeof *p);
    char *body, *why;
    size_t len = 0;
    LspReadStatus status = lsp_read_message(&s->transport, &body, &len, &why);
    if (status == LSP_READ_OK) {
        p->parsed = lsp_message_parse(body, len, &p->msg, &p->error);
        free(body);
        return true;
    }
    if (status == LSP_READ_BAD_HEADER || status == LSP_READ_TOO_LARGE) {
        p->problem = why;
        return true;
    }
    if (status == LSP_READ_TRUNCATED)
        log_error(s, NULL, "the input ended inside a message");
    free(why);
    return false;
}

/* Whether one of the n messages at q is a request with this id. */
static bool requested(const Pending *q, size_t n, json_t *id)
{
    for (size_t i = 0; i < n; i++)
        if (q[i].parsed && q[i].msg.kind == LSP_MSG_REQUEST && json_equal(q[i].msg.id, id))
            return true;
    return false;
}

/* Notes the ids that the $/cancelRequest notifications among the n messages cancel: requests read
 * before them and not answered yet (a cancel for an answered request has nothing left to do). */
static void note_cancels(LspServer *s, const Pending *q, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!q[i].parsed || q[i].msg.kind != LSP_MSG_NOTIFICATION || strcmp(q[i].msg.method, "$/cancelRequest") != 0)
            continue;
        json_t *id = json_object_get(q[i].msg.params, "id");
        if ((json_is_string(id) || json_is_integer(id)) && requested(q, i, id))
            json_array_append(s->cancelled, id);
    }
}

static void handle_pending(LspServer *s, Pending *p)
{
    if (p->parsed) {
        if (s->state != LSP_STATE_EXITED)
            handle_message(s, &p->msg);
        lsp_message_free(&p->msg);
    } else if (p->error) {
        reply(s, p->error);
    } else if (p->problem) {
        log_error(s, NULL, p->problem);
        free(p->problem);
    }
}

int lsp_server_run(LspServer *s)
{
    Pending q[READ_AHEAD];
    bool more = true;
    while (more && s->state != LSP_STATE_EXITED && !s->gone) {
        size_t n = 0;
        more = read_one(s, &q[n]);
        n += more;
        while (more && n < READ_AHEAD && lsp_transport_pending(&s->transport)) {
            more = read_one(s, &q[n]);
            n += more;
        }
        note_cancels(s, q, n);
        for (size_t i = 0; i < n; i++)
            handle_pending(s, &q[i]);
        json_array_clear(s->cancelled);
    }
    if (s->state != LSP_STATE_EXITED)
        s->exit_code = s->state == LSP_STATE_SHUT_DOWN ? 0 : 1;   /* the input ended without exit */
    return s->exit_code;
}
