/* planc lsp, the Language Server Protocol 3.17 server: the interfaces between its layers.  The
 * transport frames messages (Content-Length), rpc reads and writes JSON-RPC 2.0 through jansson, the
 * server runs the protocol's state machine, documents holds the editor's open buffers, diagnostics
 * checks them and publishes what planc finds, uri turns file:// URIs into paths and back. */
#ifndef PLANC_LSP_H
#define PLANC_LSP_H

#include "load.h"
#include "plan_load.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* ---- transport (lsp_transport.c) ---- */

/* The largest message body the server takes: a bigger one is skipped, and refused with a message. */
#define LSP_MAX_MESSAGE_BYTES ((size_t)64 << 20)
/* The largest header line: the headers are a few dozen bytes; past this they are malformed. */
#define LSP_MAX_HEADER_LINE 4096

/* Where the bytes come from: a file descriptor (planc lsp) or memory (the fuzzer). */
typedef struct LspInput {
    /* reads up to n bytes into buf: the count, 0 at the end, -1 on an error */
    ssize_t (*read)(void *ctx, char *buf, size_t n);
    /* whether read would return at once (more input is waiting) */
    bool (*ready)(void *ctx);
    void *ctx;
} LspInput;

typedef struct LspOutput {
    /* writes all n bytes; false when they could not be written (the client is gone) */
    bool (*write)(void *ctx, const char *buf, size_t n);
    void *ctx;
} LspOutput;

typedef struct LspTransport {
    LspInput in;
    LspOutput out;
    char *buf;                  /* bytes read and not yet taken: buf[start..end) */
    size_t start, end, cap;
    bool eof;
    bool resync;                /* the last header was malformed: skip to the next "Content-Length:" */
    size_t max_body;
} LspTransport;

typedef enum {
    LSP_READ_OK,                /* *body holds the message */
    LSP_READ_EOF,               /* the input ended between messages */
    LSP_READ_BAD_HEADER,        /* a malformed header block, skipped; *why says what was wrong */
    LSP_READ_TOO_LARGE,         /* a body over max_body, skipped; *why says so */
    LSP_READ_TRUNCATED          /* the input ended inside a message: nothing more can come */
} LspReadStatus;

void lsp_transport_init(LspTransport *t, LspInput in, LspOutput out);
void lsp_transport_free(LspTransport *t);
/* The next message: on LSP_READ_OK *body (malloc'd, NUL after it) and *len; otherwise *why (malloc'd)
 * says what was wrong.  The caller frees both. */
LspReadStatus lsp_read_message(LspTransport *t, char **body, size_t *len, char **why);
/* Whether a message can be read without waiting (bytes buffered, or the input ready). */
bool lsp_transport_pending(LspTransport *t);
/* Frames and writes one body; false when the client is gone. */
bool lsp_write_message(LspTransport *t, const char *body, size_t len);
/* Standard input and output as the transport's ends. */
LspInput lsp_input_fd(int *fd);
LspOutput lsp_output_fd(int *fd);

/* ---- JSON-RPC (lsp_rpc.c) ---- */

enum {
    LSP_PARSE_ERROR = -32700,
    LSP_INVALID_REQUEST = -32600,
    LSP_METHOD_NOT_FOUND = -32601,
    LSP_INVALID_PARAMS = -32602,
    LSP_INTERNAL_ERROR = -32603,
    LSP_SERVER_NOT_INITIALIZED = -32002,
    LSP_REQUEST_CANCELLED = -32800
};

typedef enum { LSP_MSG_REQUEST, LSP_MSG_NOTIFICATION, LSP_MSG_RESPONSE } LspMessageKind;

typedef struct LspMessage {
    LspMessageKind kind;
    json_t *root;               /* owned: the whole message */
    json_t *id;                 /* borrowed from root: a request's id (string or integer) */
    const char *method;         /* borrowed from root; NULL for a response */
    json_t *params;             /* borrowed from root; NULL when absent */
} LspMessage;

/* Parses and validates one body.  True with *msg filled (free with lsp_message_free); false with
 * *error set to the error response to send (id null when the id could not be read). */
bool lsp_message_parse(const char *body, size_t len, LspMessage *msg, json_t **error);
void lsp_message_free(LspMessage *msg);
/* Messages to send (new references). id is borrowed; NULL means null. */
json_t *lsp_response(json_t *id, json_t *result);          /* steals result */
json_t *lsp_error_response(json_t *id, int code, const char *message);
json_t *lsp_notification(const char *method, json_t *params); /* steals params */
/* Writes and releases msg; false when the client is gone. */
bool lsp_send(LspTransport *t, json_t *msg);
/* A JSON string of text, which may hold any bytes: what is not UTF-8 becomes U+FFFD. */
json_t *lsp_json_text(const char *text);
/* window/logMessage (type 1 error, 3 info) */
bool lsp_log(LspTransport *t, int type, const char *message);

/* ---- URIs (lsp_uri.c) ---- */

/* The path of a file:// URI (malloc'd), percent-decoded; NULL for another scheme, a host other than
 * "" or "localhost", or a path holding a NUL. */
char *lsp_uri_to_path(const char *uri);
/* The file:// URI of an absolute path (malloc'd), percent-encoded as VS Code writes them. */
char *lsp_uri_from_path(const char *path);

/* ---- documents (lsp_documents.c) ---- */

typedef struct LspDocument {
    char *uri;                  /* as the client wrote it: diagnostics are published to this */
    char *path;                 /* the file it names (NULL: not a file:// URI) */
    char *real;                 /* its real path when it exists on disk, else path */
    char *text;                 /* any bytes, with a NUL after them */
    size_t len, cap;
    long long version;
    char **published;           /* the URIs this document's last check published to */
    size_t npublished;
    char **loaded;              /* the real paths of the files its last check loaded */
    size_t nloaded;
    struct LspAnalysis *analysis;   /* owned: what its last check found (NULL before the first) */
} LspDocument;

typedef struct LspDocuments {
    LspDocument **items;
    size_t n, cap;
} LspDocuments;

void lsp_documents_free(LspDocuments *docs);
/* Opens (or reopens, replacing) the document at uri with text; returns it. */
LspDocument *lsp_document_open(LspDocuments *docs, const char *uri, const char *text, size_t len, long long version);
LspDocument *lsp_document_find(const LspDocuments *docs, const char *uri);
/* The open document whose file has the real path real, or NULL. */
LspDocument *lsp_document_by_real(const LspDocuments *docs, const char *real);
/* Removes the document (the caller has used what it needed of it). */
void lsp_document_close(LspDocuments *docs, LspDocument *doc);
/* Replaces the whole text. */
void lsp_document_replace(LspDocument *doc, const char *text, size_t len);
/* Replaces the range from (line1, char1) to (line2, char2), in UTF-16 code units or (utf8) bytes;
 * positions past a line's end or the text's end are clamped to them.  False when the range is reversed. */
bool lsp_document_edit(LspDocument *doc, long long line1, long long char1, long long line2, long long char2,
                       const char *text, size_t len, bool utf8);
/* How many UTF-16 code units (or, utf8, bytes) the n bytes at s make: a byte that does not begin a
 * valid UTF-8 sequence counts one. */
size_t lsp_units(const char *s, size_t n, bool utf8);
/* The length of the valid UTF-8 sequence at text (n bytes left), or 0 if none starts there. */
size_t lsp_utf8_sequence(const char *text, size_t n);

/* ---- the server (lsp_server.c) ---- */

typedef enum { LSP_STATE_STARTING, LSP_STATE_RUNNING, LSP_STATE_SHUT_DOWN, LSP_STATE_EXITED } LspState;

typedef struct LspServer {
    LspTransport transport;
    LspState state;
    bool utf8;                  /* positions in bytes (the client offered utf-8), else UTF-16 units */
    bool gone;                  /* the client cannot be written to */
    int exit_code;              /* after exit: 0 if shutdown came first, else 1 */
    LspDocuments docs;
    const IncludeDirs *dirs;
    json_t *cancelled;          /* ids of requests cancelled before they were handled (an array) */
    const char *doc_base;       /* where docs/diagnostics.md is, for codeDescription (a directory) */
} LspServer;

void lsp_server_init(LspServer *s, LspInput in, LspOutput out, const IncludeDirs *dirs);
void lsp_server_free(LspServer *s);
/* Handles one message body (what the fuzzer drives). */
void lsp_server_handle(LspServer *s, const char *body, size_t len);
/* Reads and handles messages until exit or the end of input; returns the exit status. */
int lsp_server_run(LspServer *s);

/* ---- diagnostics (lsp_diagnostics.c) ---- */

/* Checks doc (with the files it includes, open buffers before the disk) and publishes the
 * diagnostics of every file it loaded, clearing those it published before and finds clean now. */
void lsp_diagnostics_publish(LspServer *s, LspDocument *doc);
/* Publishes an empty list for every URI doc's last check published to (doc is closing). */
void lsp_diagnostics_clear(LspServer *s, LspDocument *doc);

/* ---- analyses (lsp_analysis.c) ---- */

/* What one check of a document found: the model, the files (the document's own is 1, then what it
 * includes, in load order) and the diagnostics.  Kept with the document until its next check, so that
 * requests answer from the model as the diagnostics describe it.  The model may be partial: a plan
 * with syntax errors keeps the statements that parsed. */
typedef struct LspAnalysis {
    LoadedPlan lp;
    bool loaded;                /* the document itself could be read (always, for a buffer) */
    bool checked;               /* the checker ran (the load did not stop at too many errors) */
} LspAnalysis;

/* Loads and checks doc (its includes from open buffers before the disk); the caller owns the result. */
LspAnalysis *lsp_analysis_run(LspServer *s, const LspDocument *doc);
void lsp_analysis_free(LspAnalysis *a);
/* The analysis that covers the file at uri and, in *file, its index there: an open plan that includes
 * the file (it sees the file in context, with the names declared elsewhere), else the file's own when
 * it is open and was checked; NULL (and *file 0) when none does. */
LspAnalysis *lsp_analysis_for(const LspServer *s, const char *uri, uint32_t *file);
/* A file's real path (its path when it is not on disk), malloc'd. */
char *lsp_real_of(const char *path);
/* The URI a file is known by: its open document's, else a file:// URI of its real path (malloc'd). */
char *lsp_uri_of(const LspServer *s, const char *path);
/* Protocol positions of planc's places, in the agreed encoding (new references). */
json_t *lsp_position_json(const LspServer *s, const SourceSet *sources, uint32_t file, uint32_t offset);
json_t *lsp_range_json(const LspServer *s, const SourceSet *sources, Loc loc);   /* no place: 0:0 */
json_t *lsp_location_json(const LspServer *s, const SourceSet *sources, Loc loc);   /* {uri, range} */
/* The byte offset in f of a protocol position: a character past its line's end means the end; false
 * for a negative position or a line past the last. */
bool lsp_offset_at(const LspServer *s, const SourceFile *f, long long line, long long character, uint32_t *offset);
/* A TextDocumentPositionParams' uri, line and character; false when params do not have that shape. */
bool lsp_params_position(json_t *params, const char **uri, long long *line, long long *character);

/* ---- editing: completion (lsp_complete.c), formatting (lsp_format.c), quick fixes (lsp_actions.c) ---- */

/* Each answers its request: the response to send (a result, null, or a JSON-RPC error for params
 * of the wrong shape). */
json_t *lsp_completion(LspServer *s, const LspMessage *m);
json_t *lsp_formatting(LspServer *s, const LspMessage *m);
json_t *lsp_code_action(LspServer *s, const LspMessage *m);
/* Whether completion knows the keyword: it starts a statement, or it is one of those it offers only
 * inside statements (the unit tests hold lexer.l's keywords to this). */
bool lsp_complete_keyword_known(const char *keyword);
/* ---- navigation (lsp_index.c, lsp_navigate.c, lsp_hover.c, lsp_symbols.c) ---- */

/* LSP 3.17's RequestFailed: a request understood but refused (a rename to a name already bound). */
#define LSP_REQUEST_FAILED (-32803)

/* One place where a name is written: its declaration or a reference to it.  A band is a symbol of
 * its rating scheme: entity is the scheme and band its index there. */
typedef struct LspOccurrence {
    Loc loc;                    /* the name as written (a "REF" with its quotes) */
    const Entity *entity;       /* what it names (a band: its scheme) */
    int band;                   /* the band's index in the scheme, or -1: the entity itself */
    bool declaration;           /* where it is declared: an identifier, an indicator's printed reference */
    bool renamable;             /* written as the identifier a rename changes (not a "REF", not a band's (ABBR)) */
} LspOccurrence;

/* Every occurrence of every name of one plan model, in every file it was loaded from. */
typedef struct LspIndex {
    LspOccurrence *items;
    size_t n, cap;
} LspIndex;

/* Walks the model once; names that resolve to nothing are left out. */
void lsp_index_build(LspIndex *ix, const Plan *plan);
void lsp_index_free(LspIndex *ix);
/* The occurrence at byte offset of file (the offset just after a name counts as on it), or NULL. */
const LspOccurrence *lsp_index_at(const LspIndex *ix, uint32_t file, uint32_t offset);
/* Whether two occurrences name the same symbol. */
bool lsp_occurrence_same(const LspOccurrence *a, const LspOccurrence *b);
/* The rating scheme an indicator is rated by: the checker's, else as the checker would find it (the
 * indicator's `rating`, else the plan's), for a model the checker did not reach; NULL when none. */
const Rating *lsp_scheme_of(const Plan *plan, const Indicator *in);
/* The identifier a symbol is declared with (a band's id), or NULL (an indicator known by its "REF"). */
const char *lsp_symbol_ident(const LspOccurrence *o);

/* The name under a request's position: its analysis, the file and offset asked about, the index of
 * the analysis and the occurrence there (NULL when the position is on no name). */
typedef struct LspTarget {
    LspAnalysis *analysis;
    uint32_t file, offset;
    LspIndex index;
    const LspOccurrence *at;
} LspTarget;

/* Fills t for a request with TextDocumentPositionParams.  False, with *reply the response to send
 * instead: -32602 when params do not have that shape, else a result of none (null, or [] for
 * references) when no analysis covers the document, or the position is outside it or on no name.
 * none is stolen. */
bool lsp_target_request(const LspServer *s, const LspMessage *m, LspTarget *t, json_t *none, json_t **reply);
void lsp_target_free(LspTarget *t);

/* The requests: each returns the whole response message to send (a result or an error). */
json_t *lsp_hover(LspServer *s, const LspMessage *m);
json_t *lsp_definition(LspServer *s, const LspMessage *m);
json_t *lsp_references(LspServer *s, const LspMessage *m);
json_t *lsp_document_symbols(LspServer *s, const LspMessage *m);
json_t *lsp_prepare_rename(LspServer *s, const LspMessage *m);
json_t *lsp_rename(LspServer *s, const LspMessage *m);

#endif
