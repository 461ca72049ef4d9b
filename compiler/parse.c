/* Parsing one file: the scanner fed from the mapped text, the parser driven, the pages behind the
 * scanner given back as it goes. */
/* madvise is not in POSIX proper; glibc shows it under _DEFAULT_SOURCE */
#define _DEFAULT_SOURCE
#include "parse.h"
#include "xalloc.h"
#include "parser.h"
#define YYSTYPE PLAN_STYPE
#define YYLTYPE PLAN_LTYPE
#include "lexer.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* Called after each statement: every megabyte the scanner moves on, the pages more than 256 KB behind
 * it go back to the kernel (they come back from the file if a message quotes them). */
void parse_release_behind(ParseCtx *ctx)
{
    enum { STEP = 1 << 20, KEEP = 256 << 10 };
    if (!ctx->release_behind || ctx->offset < ctx->released + STEP + KEEP)
        return;
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t upto = (ctx->offset - KEEP) / page * page;
    madvise((void *)(uintptr_t)(ctx->text + ctx->released), upto - ctx->released, MADV_DONTNEED);
    ctx->released = upto;
}

static bool parse(Arena *arena, Diag *diag, uint32_t file, const char *text, size_t size, size_t start, Lowerer *lw,
                  bool release_behind, Stmt **out, Comment **comments, size_t *ncomments)
{
    ParseCtx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.keep_comments = comments != NULL;
    ctx.arena = arena;
    ctx.lw = lw;
    ctx.diag = diag;
    ctx.file = file;
    ctx.text = text;
    ctx.offset = (uint32_t)start;
    ctx.input_pos = start;
    ctx.input_end = size;
    ctx.release_behind = release_behind;

    yyscan_t scanner;
    if (plan_lex_init_extra(&ctx, &scanner) != 0)
        xalloc_die();   /* the only way it fails */
    /* 64 KB at a time through YY_INPUT (lexer.l): flex's buffer stays in the cache */
    YY_BUFFER_STATE buf = plan__create_buffer(NULL, 64 * 1024, scanner);
    plan__switch_to_buffer(buf, scanner);
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
    if (out)
        *out = ctx.result;
    return rc == 0 && diag->errors == before;
}

bool parse_file(Arena *arena, Diag *diag, uint32_t file, const char *text, size_t size, size_t start, Lowerer *lw,
                bool release_behind)
{
    return parse(arena, diag, file, text, size, start, lw, release_behind, NULL, NULL, NULL);
}

bool parse_file_with_comments(Arena *arena, Diag *diag, uint32_t file, const char *text, size_t size, size_t start,
                              Stmt **out, Comment **comments, size_t *ncomments)
{
    return parse(arena, diag, file, text, size, start, NULL, false, out, comments, ncomments);
}
