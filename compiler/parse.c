#include "parse.h"
#include "parser.h"
#define YYSTYPE PLAN_STYPE
#define YYLTYPE PLAN_LTYPE
#include "lexer.h"

#include <stdlib.h>
#include <string.h>

bool parse_file(Arena *arena, Diag *diag, uint32_t file, const char *text, size_t size, size_t start, Stmt **out)
{
    ParseCtx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.arena = arena;
    ctx.diag = diag;
    ctx.file = file;
    ctx.text = text;
    ctx.offset = (uint32_t)start;

    yyscan_t scanner;
    if (plan_lex_init_extra(&ctx, &scanner) != 0) {
        diag_error(diag, (Loc){file, 0, 0}, "E000", "cannot start the scanner");
        return false;
    }
    /* scan_bytes copies the text; the copy lets flex own its buffer while we keep ours for messages */
    YY_BUFFER_STATE buf = plan__scan_bytes(text + start, (int)(size - start), scanner);
    unsigned before = diag->errors;
    int rc = plan_parse(scanner, &ctx);
    plan__delete_buffer(buf, scanner);
    plan_lex_destroy(scanner);
    free(ctx.buf);
    *out = ctx.result;
    return rc == 0 && diag->errors == before;
}
