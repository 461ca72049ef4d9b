/* planc lsp's JSON-RPC 2.0 layer: a message body parsed by jansson and sorted into request,
 * notification or response (or refused with the error JSON-RPC prescribes), and the messages the
 * server sends, serialised and framed. */
#include "lsp.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

json_t *lsp_error_response(json_t *id, int code, const char *message)
{
    return json_pack("{s:s, s:O, s:{s:i, s:o}}", "jsonrpc", "2.0", "id", id ? id : json_null(), "error", "code", code,
                     "message", lsp_json_text(message));
}

json_t *lsp_response(json_t *id, json_t *result)
{
    return json_pack("{s:s, s:O, s:o}", "jsonrpc", "2.0", "id", id ? id : json_null(), "result",
                     result ? result : json_null());
}

json_t *lsp_notification(const char *method, json_t *params)
{
    return json_pack("{s:s, s:s, s:o}", "jsonrpc", "2.0", "method", method, "params", params);
}

/* The id of a message, if it has one JSON-RPC allows (a string or an integer); NULL otherwise. */
static json_t *valid_id(json_t *root)
{
    json_t *id = json_object_get(root, "id");
    return json_is_string(id) || json_is_integer(id) ? id : NULL;
}

static bool refuse(json_t **error, json_t *id, int code, const char *message)
{
    *error = lsp_error_response(id, code, message);
    return false;
}

bool lsp_message_parse(const char *body, size_t len, LspMessage *msg, json_t **error)
{
    memset(msg, 0, sizeof *msg);
    *error = NULL;
    json_error_t jerr;
    /* JSON_ALLOW_NUL: a document's text may hold NUL bytes (\u0000), as any bytes */
    json_t *root = json_loadb(body, len, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &jerr);
    if (!root) {
        char text[256 + JSON_ERROR_TEXT_LENGTH];
        snprintf(text, sizeof text, "parse error at byte %d: %s", jerr.position, jerr.text);
        return refuse(error, NULL, LSP_PARSE_ERROR, text);
    }
    if (!json_is_object(root)) {
        bool batch = json_is_array(root);
        json_decref(root);
        return refuse(error, NULL, LSP_INVALID_REQUEST,
                      batch ? "batches are not part of the Language Server Protocol" : "a message must be a JSON object");
    }
    json_t *id = valid_id(root);
    json_t *has_id = json_object_get(root, "id");
    json_t *method = json_object_get(root, "method");
    json_t *params = json_object_get(root, "params");
    const char *problem = NULL;
    if (!json_is_string(json_object_get(root, "jsonrpc")) ||
        strcmp(json_string_value(json_object_get(root, "jsonrpc")), "2.0") != 0)
        problem = "\"jsonrpc\" must be \"2.0\"";
    else if (has_id && !id && !json_is_null(has_id))
        problem = "\"id\" must be a string or an integer";
    else if (method && !json_is_string(method))
        problem = "\"method\" must be a string";
    else if (!method && (!has_id || (!json_object_get(root, "result") && !json_object_get(root, "error"))))
        problem = "a message needs a \"method\" (or, as a response, an \"id\" and a \"result\" or \"error\")";
    else if (params && !json_is_object(params) && !json_is_array(params))
        problem = "\"params\" must be an object or an array";
    if (problem) {
        bool ok = refuse(error, id, LSP_INVALID_REQUEST, problem);
        json_decref(root);
        return ok;
    }
    msg->root = root;
    msg->id = id;
    msg->method = method ? json_string_value(method) : NULL;
    msg->params = params;
    msg->kind = !method ? LSP_MSG_RESPONSE : has_id ? LSP_MSG_REQUEST : LSP_MSG_NOTIFICATION;
    if (msg->kind == LSP_MSG_REQUEST && !id) {
        lsp_message_free(msg);
        return refuse(error, NULL, LSP_INVALID_REQUEST, "a request's \"id\" must be a string or an integer");
    }
    return true;
}

void lsp_message_free(LspMessage *msg)
{
    json_decref(msg->root);
    memset(msg, 0, sizeof *msg);
}

bool lsp_send(LspTransport *t, json_t *msg)
{
    if (!msg)
        return true;    /* jansson could not build it (out of memory): nothing to send */
    char *text = json_dumps(msg, JSON_COMPACT);
    json_decref(msg);
    if (!text)
        return true;
    bool ok = lsp_write_message(t, text, strlen(text));
    free(text);
    return ok;
}

/* The length of the valid UTF-8 sequence at s (n bytes left), or 0 if none starts there. */
size_t lsp_utf8_sequence(const char *text, size_t n)
{
    const unsigned char *s = (const unsigned char *)text;
    if (n == 0)
        return 0;
    unsigned c = s[0];
    size_t len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (len == 0 || len > n)
        return 0;
    for (size_t i = 1; i < len; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    /* no overlong forms, no surrogates, nothing past U+10FFFF */
    if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F) || (c == 0xF0 && s[1] < 0x90) ||
        (c == 0xF4 && s[1] > 0x8F))
        return 0;
    return len;
}

size_t lsp_units(const char *s, size_t n, bool utf8)
{
    if (utf8)
        return n;
    size_t units = 0;
    for (size_t i = 0; i < n;) {
        size_t len = lsp_utf8_sequence(s + i, n - i);
        units += len == 4 ? 2 : 1;
        i += len ? len : 1;
    }
    return units;
}

json_t *lsp_json_text(const char *text)
{
    size_t n = strlen(text);
    prt_buf out = {0};
    for (size_t i = 0; i < n;) {
        size_t len = lsp_utf8_sequence(text + i, n - i);
        if (len) {
            prt_buf_add(&out, text + i, len);
            i += len;
        } else {
            prt_buf_puts(&out, "\xEF\xBF\xBD");
            i++;
        }
    }
    json_t *s = json_stringn(prt_buf_str(&out), out.len);
    prt_buf_free(&out);
    return s;
}

bool lsp_log(LspTransport *t, int type, const char *message)
{
    return lsp_send(t, lsp_notification("window/logMessage", json_pack("{s:i, s:o}", "type", type, "message",
                                                                         lsp_json_text(message))));
}
