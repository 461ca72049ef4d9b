#include "parse.h"
#include "xalloc.h"
#include "parser.h"
#define YYSTYPE PLAN_STYPE
#define YYLTYPE PLAN_LTYPE
#include "lexer.h"

#include <stdlib.h>
#include <string.h>

static bool parse(Arena *arena, Diag *diag, uint32_t file, const char *text, size_t size, size_t start, Stmt **out,
                  Comment **comments, size_t *ncomments)
{
    ParseCtx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.keep_comments = comments != NULL;
    ctx.arena = arena;
    ctx.diag = diag;
    ctx.file = file;
    ctx.text = text;
    ctx.offset = (uint32_t)start;

    yyscan_t scanner;
    if (plan_lex_init_extra(&ctx, &scanner) != 0)
        xalloc_die();   /* the only way it fails */
    /* scan_bytes copies the text; the copy lets flex own its buffer while we keep ours for messages */
    YY_BUFFER_STATE buf = plan__scan_bytes(text + start, (int)(size - start), scanner);
    unsigned before = diag->errors;
    int rc = plan_parse(scanner, &ctx);
    if (ctx.eof_in_block && !ctx.eof_reported) {
        diag_error(diag, ctx.eof_loc, "E001", "unexpected end of file: a block is not closed");
        diag_note(diag, ctx.eof_block, "the block opened here needs a '}'");
    }
    plan__delete_buffer(buf, scanner);
    plan_lex_destroy(scanner);
    free(ctx.buf);
    if (comments) {
        *comments = ctx.comments;
        *ncomments = ctx.ncomments;
    }
    *out = ctx.result;
    return rc == 0 && diag->errors == before;
}

bool parse_file(Arena *arena, Diag *diag, uint32_t file, const char *text, size_t size, size_t start, Stmt **out)
{
    return parse(arena, diag, file, text, size, start, out, NULL, NULL);
}

bool parse_file_with_comments(Arena *arena, Diag *diag, uint32_t file, const char *text, size_t size, size_t start,
                              Stmt **out, Comment **comments, size_t *ncomments)
{
    return parse(arena, diag, file, text, size, start, out, comments, ncomments);
}
