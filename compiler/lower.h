/* Lowering: from the statements of one file to the plan model.  Reports statements out of place,
 * properties given twice, unknown words (polarity, unit, frequency ...) and duplicate names.
 *
 * It is driven by the parser, statement by statement, as they are recognised: a declaration with a
 * block is opened when its head is complete (so the entity exists, named and placed, before its body),
 * each statement of the body is lowered into it, and the block is closed at its '}'.  A statement is
 * no longer needed once lowered, so the parse tree of a whole file never exists at once: memory
 * is the model's, not the model's plus the tree's (issue 7). */
#ifndef PLANC_LOWER_H
#define PLANC_LOWER_H

#include "ast.h"
#include "diag.h"

/* Called for each `include` at the top level, in order, so the loader can read that file. */
typedef void (*IncludeFn)(void *user, const Stmt *include);

typedef struct Lowerer Lowerer;

Lowerer *lowerer_new(Plan *plan, Diag *diag, IncludeFn on_include, void *user);
/* Frees it, dropping any block an aborted parse left open. */
void lowerer_free(Lowerer *lw);
/* A declaration whose block follows: creates its entity; the body's statements go into it.
 * NULL: a block whose head was lost to a syntax error; its statements are dropped. */
void lower_open(Lowerer *lw, const Stmt *head);
/* The end of the block last opened; end is the byte after its '}' (or after the whole statement, for a
 * declaration without a block), kept as its entity's end for planc lsp's outline. */
void lower_close(Lowerer *lw, uint32_t end);
/* A complete statement of the current block (a declaration with a block was already opened and closed). */
void lower_stmt(Lowerer *lw, const Stmt *s);
/* Whether a statement of kind stmt may stand in the block of a declaration of kind block (ST__COUNT:
 * the top level of a file): the table misplaced statements are reported from, which planc lsp's
 * completion offers keywords by. */
bool lower_allows(StmtKind stmt, StmtKind block);

#endif
