/* planc lsp's textDocument/formatting: the buffer laid out by the code of `planc fmt` (format_text),
 * answered as one TextEdit that replaces the lines that changed, or no edit when the buffer is laid
 * out already.  A buffer that does not parse is not formatted, as `planc fmt` refuses it: the answer
 * is null, and a window/logMessage says why.  FormattingOptions (tab size, spaces) are not read:
 * fmt has one layout, four spaces a level, and an editor's settings must not make another. */
#include "lsp.h"
#include "format.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static bool line_start(const char *text, size_t at)
{
    return at == 0 || text[at - 1] == '\n';
}

/* The one edit that turns old into new: the lines from the first that differs to the last that
 * differs.  Both ends are line starts, so that no edit splits a character or a CR LF pair. */
static json_t *minimal_edit(const LspServer *s, const SourceSet *sources, uint32_t file, const char *old,
                            size_t old_len, const char *new, size_t new_len)
{
    size_t shorter = old_len < new_len ? old_len : new_len;
    size_t head = 0;
    while (head < shorter && old[head] == new[head])
        head++;
    while (head > 0 && old[head - 1] != '\n')
        head--;
    size_t tail = 0;
    while (tail < shorter - head && old[old_len - 1 - tail] == new[new_len - 1 - tail])
        tail++;
    while (tail > 0 && !(line_start(old, old_len - tail) && line_start(new, new_len - tail)))
        tail--;
    Loc loc = {file, (uint32_t)head, (uint32_t)(old_len - tail)};
    json_t *text = json_stringn(new + head, new_len - tail - head);
    if (!text)
        text = lsp_json_text(new + head);   /* not UTF-8: cannot happen for text that parsed */
    return json_pack("{s:o, s:o}", "range", lsp_range_json(s, sources, loc), "newText", text);
}

/* Why the buffer is not formatted: its first syntax error, "LINE:COL: MESSAGE". */
static void log_refusal(LspServer *s, const Diag *diag)
{
    prt_buf why = {0};
    prt_buf_puts(&why, "planc lsp: textDocument/formatting: the plan does not parse, so it is not formatted "
                       "(planc fmt formats only a plan that parses)");
    const Diagnostic **sorted;
    diag_sorted(diag, &sorted);
    for (size_t i = 0; i < diag->n; i++) {
        if (sorted[i]->sev != SEV_ERROR)
            continue;
        unsigned line = 0, col = 0;
        if (sorted[i]->loc.file)
            source_line_col(diag->sources, sorted[i]->loc.file, sorted[i]->loc.begin, &line, &col);
        prt_buf_printf(&why, ": %u:%u: %s", line, col, sorted[i]->message);
        break;
    }
    free(sorted);
    if (!s->gone && !lsp_log(&s->transport, 1, prt_buf_str(&why)))
        s->gone = true;
    prt_buf_free(&why);
}

/* The edits that format doc: an array (empty when it is formatted), or null when it does not parse. */
static json_t *format_document(LspServer *s, const LspDocument *doc)
{
    SourceSet sources;
    sources_init(&sources);
    Diag diag;
    diag_init(&diag, &sources);
    char *copy = xmalloc(doc->len + 2);
    memcpy(copy, doc->text, doc->len);
    copy[doc->len] = copy[doc->len + 1] = '\0';
    uint32_t file = sources_add(&sources, doc->path ? doc->path : doc->uri, copy, doc->len);
    size_t len = 0;
    char *formatted = format_text(&diag, file, copy, doc->len, &len);
    json_t *result;
    if (!formatted) {
        log_refusal(s, &diag);
        result = json_null();
    } else if (len == doc->len && memcmp(formatted, doc->text, len) == 0) {
        result = json_array();
    } else {
        result = json_pack("[o]", minimal_edit(s, &sources, file, copy, doc->len, formatted, len));
    }
    free(formatted);
    diag_free(&diag);
    sources_free(&sources);
    return result;
}

json_t *lsp_formatting(LspServer *s, const LspMessage *m)
{
    const char *uri;
    if (json_unpack(m->params, "{s:{s:s}}", "textDocument", "uri", &uri) != 0)
        return lsp_error_response(m->id, LSP_INVALID_PARAMS, "textDocument/formatting: params need textDocument.uri");
    const LspDocument *doc = lsp_document_find(&s->docs, uri);
    if (!doc)
        return lsp_response(m->id, json_null());   /* only an open buffer is formatted */
    return lsp_response(m->id, format_document(s, doc));
}
