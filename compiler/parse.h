/* Parsing one file: the state shared by the flex scanner and the bison parser. */
#ifndef PLANC_PARSE_H
#define PLANC_PARSE_H

#include "arena.h"
#include "diag.h"
#include "syntax.h"

/* Limits that keep hostile input from exhausting the stack or the terminal. */
#define PLANC_MAX_NESTING 64          /* blocks inside blocks, and parentheses in a formula */
#define PLANC_MAX_FORMULA_NODES 4096  /* operands and operators in one formula (E043) */
#define PLANC_MAX_NAME 128            /* bytes in an identifier */
#define PLANC_MAX_NUMBER 1e15         /* the largest magnitude of a number */

typedef struct StmtList {
    Stmt *head, *tail;
    Loc close;                  /* for a block: its closing brace */
} StmtList;

/* A comment, kept for the formatter. */
typedef struct Comment {
    uint32_t begin, end;        /* byte offsets */
} Comment;

typedef struct Lowerer Lowerer;

typedef struct ParseCtx {
    Arena *arena;
    Lowerer *lw;                /* lowering as it parses; NULL to build the whole tree (the formatter) */
    Stmt *free_stmts;           /* lowered statements, for reuse */
    size_t input_pos, input_end;/* what of text the scanner has read, and where it stops */
    bool release_behind;        /* text is mapped: give back the pages the scanner has passed ... */
    size_t released;            /* ... this many bytes so far */
    Diag *diag;
    uint32_t file;
    const char *text;           /* the whole file, for messages that quote it */
    uint32_t offset;            /* the scanner's position, in bytes from the start of the file */
    Loc open_braces[PLANC_MAX_NESTING];
    int brace_depth;            /* may exceed the array; only the first entries are remembered */
    int paren_depth;
    bool eof_in_block;          /* the file ended inside a block: '}' were made up to close it */
    bool eof_reported;
    Loc eof_block, eof_loc;
    bool too_deep;              /* the nesting limit was hit: the scanner ends the file there */
    Stmt *result;               /* the file's statements */
    Comment *comments;          /* every comment, in order (when keep_comments) */
    size_t ncomments, comments_cap;
    bool keep_comments;
    /* scratch for building strings with escapes */
    char *buf;
    size_t buf_len, buf_cap;
    Loc str_begin;
    bool str_bad_utf8;
} ParseCtx;

/* Parses text[start..size) of file `file`, handing each statement to the lowerer as it is recognised.
 * The text is only read.  With release_behind (text mapped from its file), the pages the scanner
 * has passed are given back as it goes: a later read of them brings them in again from the file, so
 * memory holds the model and a window of text rather than the model and the whole text.
 * Returns false if any syntax error was reported. */
bool parse_file(Arena *arena, Diag *diag, uint32_t file, const char *text, size_t size, size_t start, Lowerer *lw,
                bool release_behind);
/* For the grammar's actions: gives back mapped text the scanner has left behind (see parse_file). */
void parse_release_behind(ParseCtx *ctx);

/* Parses the whole file into a tree of statements (*out, arena-owned), with its comments (a malloc'd
 * array the caller frees): what the formatter needs. */
bool parse_file_with_comments(Arena *arena, Diag *diag, uint32_t file, const char *text, size_t size, size_t start,
                              Stmt **out, Comment **comments, size_t *ncomments);

#endif
