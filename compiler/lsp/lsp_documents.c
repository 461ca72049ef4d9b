/* planc lsp's open documents: the editor's buffers by URI, their text as any bytes, replaced whole or
 * edited by ranges whose positions count UTF-16 code units (LSP 3.17's default) or bytes (when the
 * client and server agreed on utf-8).  Lines end at "\n", "\r\n" or "\r", as the protocol says. */
#include "lsp.h"
#include "xalloc.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

static void free_list(char **items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(items[i]);
    free(items);
}

static void document_free(LspDocument *doc)
{
    free(doc->uri);
    free(doc->path);
    free(doc->real);
    free(doc->text);
    free_list(doc->published, doc->npublished);
    free_list(doc->loaded, doc->nloaded);
    lsp_analysis_free(doc->analysis);
    free(doc);
}

void lsp_documents_free(LspDocuments *docs)
{
    for (size_t i = 0; i < docs->n; i++)
        document_free(docs->items[i]);
    free(docs->items);
    memset(docs, 0, sizeof *docs);
}

LspDocument *lsp_document_find(const LspDocuments *docs, const char *uri)
{
    for (size_t i = 0; i < docs->n; i++)
        if (strcmp(docs->items[i]->uri, uri) == 0)
            return docs->items[i];
    /* the same file written another way (file:///a%20b and file:///a b, file://localhost/...) */
    char *path = lsp_uri_to_path(uri);
    LspDocument *found = NULL;
    for (size_t i = 0; path && i < docs->n && !found; i++)
        if (docs->items[i]->path && strcmp(docs->items[i]->path, path) == 0)
            found = docs->items[i];
    free(path);
    return found;
}

LspDocument *lsp_document_by_real(const LspDocuments *docs, const char *real)
{
    for (size_t i = 0; i < docs->n; i++)
        if (docs->items[i]->real && strcmp(docs->items[i]->real, real) == 0)
            return docs->items[i];
    return NULL;
}

/* Makes room for len bytes and a NUL. */
static void reserve(LspDocument *doc, size_t len)
{
    if (len + 1 > doc->cap) {
        doc->cap = len + 1 > 2 * doc->cap ? len + 1 : 2 * doc->cap;
        doc->text = xrealloc(doc->text, doc->cap);
    }
}

void lsp_document_replace(LspDocument *doc, const char *text, size_t len)
{
    reserve(doc, len);
    memcpy(doc->text, text, len);
    doc->text[len] = '\0';
    doc->len = len;
}

LspDocument *lsp_document_open(LspDocuments *docs, const char *uri, const char *text, size_t len, long long version)
{
    LspDocument *doc = lsp_document_find(docs, uri);
    if (!doc) {
        doc = xcalloc(1, sizeof *doc);
        doc->uri = xstrdup(uri);
        doc->path = lsp_uri_to_path(uri);
        if (doc->path) {
            doc->real = realpath(doc->path, NULL);
            if (!doc->real)
                doc->real = xstrdup(doc->path);
        }
        if (docs->n == docs->cap) {
            docs->cap = docs->cap ? 2 * docs->cap : 8;
            docs->items = xrealloc(docs->items, docs->cap * sizeof *docs->items);
        }
        docs->items[docs->n++] = doc;
    }
    lsp_document_replace(doc, text, len);
    doc->version = version;
    return doc;
}

void lsp_document_close(LspDocuments *docs, LspDocument *doc)
{
    for (size_t i = 0; i < docs->n; i++)
        if (docs->items[i] == doc) {
            memmove(docs->items + i, docs->items + i + 1, (docs->n - i - 1) * sizeof *docs->items);
            docs->n--;
            document_free(doc);
            return;
        }
}

/* The byte offset of line `line`'s start, or len when the text has fewer lines. */
static size_t line_start(const char *text, size_t len, long long line)
{
    size_t i = 0;
    for (long long l = 0; l < line && i < len; i++) {
        if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
            i++;
        if (text[i] == '\n' || text[i] == '\r')
            l++;
        if (l == line)
            return i + 1;
    }
    return line <= 0 ? 0 : len;
}

/* The byte offset of (line, character): clamped to the line's end and to the text's. */
static size_t offset_of(const char *text, size_t len, long long line, long long character, bool utf8)
{
    size_t i = line_start(text, len, line);
    long long units = 0;
    while (i < len && text[i] != '\n' && text[i] != '\r') {
        size_t step = utf8 ? 1 : lsp_utf8_sequence(text + i, len - i);
        step = step ? step : 1;   /* a byte that is no character counts one unit */
        long long u = step == 4 ? 2 : 1;
        if (units + u > character)
            break;                /* (inside a surrogate pair: before the character) */
        units += u;
        i += step;
    }
    return i;
}

bool lsp_document_edit(LspDocument *doc, long long line1, long long char1, long long line2, long long char2,
                       const char *text, size_t len, bool utf8)
{
    size_t a = offset_of(doc->text, doc->len, line1, char1, utf8);
    size_t b = offset_of(doc->text, doc->len, line2, char2, utf8);
    if (b < a)
        return false;
    size_t new_len = doc->len - (b - a) + len;
    reserve(doc, new_len);
    memmove(doc->text + a + len, doc->text + b, doc->len - b + 1);
    memcpy(doc->text + a, text, len);
    doc->len = new_len;
    return true;
}
