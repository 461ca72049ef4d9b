/* The grammar of .plan files.
 * Every block is a list of statements of one grammar; which statement may stand in which block is
 * decided in lower.c, so that a misplaced statement gets a message naming the block rather than a
 * list of expected tokens.  After a syntax error the parser resynchronises at the next statement
 * keyword or at the end of the block, so one run reports every independent mistake. */
%require "3.8"
%define api.pure full
%define api.prefix {plan_}
%define parse.error custom
%define parse.lac full
%define api.location.type {Loc}
%locations
%expect 0
%param {void *scanner}
%parse-param {ParseCtx *ctx}

%code requires {
#include "parse.h"
#include "lower.h"
}

%code provides {
int plan_lex(PLAN_STYPE *yylval, PLAN_LTYPE *yylloc, void *scanner);
int plan_is_keyword(const char *s);
size_t plan_keyword_list(const char **out, size_t max);
}

%code {
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "suggest.h"

#define YYLLOC_DEFAULT(Cur, Rhs, N)                                     \
    do {                                                                \
        if (N) {                                                        \
            (Cur).file = YYRHSLOC(Rhs, 1).file;                         \
            (Cur).begin = YYRHSLOC(Rhs, 1).begin;                       \
            (Cur).end = YYRHSLOC(Rhs, N).end;                           \
        } else {                                                        \
            (Cur).file = YYRHSLOC(Rhs, 0).file;                         \
            (Cur).begin = (Cur).end = YYRHSLOC(Rhs, 0).end;             \
        }                                                               \
    } while (0)

static void plan_error(const Loc *loc, void *scanner, ParseCtx *ctx, const char *msg);
static Stmt *new_stmt(ParseCtx *ctx, StmtKind kind, Loc kw, Loc span);
static void recycle_stmt(ParseCtx *ctx, Stmt *s);
static StmtList list_add(StmtList l, Stmt *s);
static NameRef *name_ident(ParseCtx *ctx, const char *s, Loc loc);
static NameRef *name_ref(ParseCtx *ctx, const char *s, Loc loc);
static void names_append(NameRef *list, NameRef *n);
static Expr *new_expr(ParseCtx *ctx, ExprKind kind, Loc loc, Expr *lhs, Expr *rhs);
static Expr *formula_within_limit(ParseCtx *ctx, Expr *e, Loc loc);
static Value make_value(double num, prt_suffix suffix, const char *word, Loc loc);
static Ident make_ident(const char *name, Loc loc);
static void above_word(ParseCtx *ctx, const char *word, Loc loc);
static void set_band_attrs(Stmt *s, BandAttrs a);
}

%union {
    double num;
    const char *str;
    Ident ident;
    prt_cmp cmp;
    PeriodLit period;
    Value value;
    TargetSpec target;
    Stmt *stmt;
    StmtList list;
    NameRef *names;
    Expr *expr;
    When when;
    BandEdge edge;
    BandAttrs attrs;
}

%token END 0 "end of file"
%token <str> IDENT "identifier" STRING "string"
%token <num> NUMBER "number"
%token <period> PERIOD "period"
%token <when> DATE "date"
%token <cmp> CMP "comparison"
%token POUND "'£'"
%token <num> MONEY "sum of money"
%token KW_ACCUMULATES "'accumulates'" KW_ACTIVITY "'activity'" KW_AMEND "'amend'"
%token KW_ARREARS "'arrears'" KW_AT "'at'" KW_BAND "'band'" KW_BASELINE "'baseline'"
%token KW_BECAUSE "'because'" KW_BENCHMARK "'benchmark'" KW_COMMITTEE "'committee'"
%token KW_CONFIDENCE "'confidence'" KW_INTERVAL "'interval'"
%token KW_CONTRIBUTES "'contributes'" KW_COVERS "'covers'" KW_DECIMALS "'decimals'"
%token KW_DELIVERS "'delivers'" KW_DESCRIPTION "'description'" KW_DIRECTION "'direction'"
%token KW_FORECAST "'forecast'" KW_FORMULA "'formula'"
%token KW_FREQUENCY "'frequency'" KW_FROM "'from'" KW_IN "'in'" KW_INCLUDE "'include'"
%token KW_INDICATOR "'indicator'" KW_INPUT "'input'" KW_JUMP "'jump'" KW_KIND "'kind'" KW_MAINTAIN "'maintain'"
%token KW_MEASURES "'measures'" KW_METHOD "'method'" KW_MONITOR "'monitor'"
%token KW_ORGANISATION "'organisation'" KW_OTHERWISE "'otherwise'" KW_OUTCOME "'outcome'"
%token KW_OWNER "'owner'" KW_PER "'per'" KW_PILLAR "'pillar'" KW_PLAN "'plan'"
%token KW_POLARITY "'polarity'" KW_PROGRESS "'progress'" KW_PTS "'pts'"
%token KW_RATED "'rated'" KW_RATING "'rating'" KW_REPORTED "'reported'" KW_RESTATED "'restated'"
%token KW_RESULT "'result'" KW_REVISED "'revised'" KW_SOURCE "'source'" KW_STALE "'stale'" KW_STATUS "'status'"
%token KW_TARGET "'target'" KW_THEME "'theme'" KW_TO "'to'" KW_TOLERANCE "'tolerance'"
%token KW_TRANSFORMATION "'transformation'" KW_UNIT "'unit'" KW_VERSION "'version'" KW_WITHIN "'within'"
%token KW_COLOUR "'colour'" KW_COMPLETED "'completed'" KW_DELIVERY "'delivery'" KW_DUE "'due'"
%token KW_IF "'if'" KW_IMPACT "'impact'" KW_MILESTONE "'milestone'" KW_OF "'of'" KW_OVERDUE "'overdue'" KW_WHEN "'when'"
%token KW_THRESHOLD "'threshold'" KW_SYMBOL "'symbol'" KW_EXPECT "'expect'"

/* A condition's words end where the next statement starts; `forecast` can be both (`if not forecast
 * met`, a plan's `forecast run_rate`): inside a band's condition it is a word (shift), as a rating
 * scheme has no `forecast` statement. */
%precedence COND_END
%precedence KW_FORECAST

%type <list> stmts block
%type <stmt> stmt decl_head rating_head
%type <names> names name
%type <value> value number_value opt_within
%type <target> target
%type <expr> expr term factor
%type <str> opt_note opt_because
%type <ident> opt_abbrev opt_rated word opt_impact
%type <names> words opt_if if_cond cond_words
%type <when> when opt_from opt_completed
%type <value> opt_at
%type <edge> band_edge
%type <attrs> band_attrs


%%

file:
    stmts                               { ctx->result = $1.head; }
    ;

stmts:
    %empty                              { $$.head = $$.tail = NULL; memset(&$$.close, 0, sizeof $$.close); }
  | stmts stmt                          {
                                            $2->full = @2;
                                            if (ctx->lw) {
                                                lower_stmt(ctx->lw, $2);
                                                recycle_stmt(ctx, $2);
                                                parse_release_behind(ctx);
                                                $$ = $1;
                                            } else {
                                                $$ = list_add($1, $2);
                                            }
                                        }
  | stmts ';'                           { $$ = $1; }
  | stmts error                         { $$ = $1; yyerrok; }
  | stmts error skipped_block           { $$ = $1; }
  ;

/* A block follows a declaration's head, which is on the stack just below it ($0): the lowerer opens
 * the declaration before the body's statements arrive. */
block:
    '{'                                 { if (ctx->lw) lower_open(ctx->lw, $<stmt>0); }
    stmts '}'                           { $$ = $3; $$.close = @4; if (ctx->lw) lower_close(ctx->lw, @4.end); }
    ;

/* The block of a statement lost to a syntax error: parsed, and its statements dropped. */
skipped_block:
    '{'                                 { if (ctx->lw) lower_open(ctx->lw, NULL); }
    stmts '}'                           { if (ctx->lw) lower_close(ctx->lw, @4.end); }
    ;

/* A declaration: keyword, identifier, name, and optionally a block of statements. */
decl_head:
    KW_PLAN STRING                      { $$ = new_stmt(ctx, ST_PLAN, @1, @$); $$->str = $2; $$->str_loc = @2; }
  | KW_RATING IDENT STRING              { $$ = new_stmt(ctx, ST_RATING_DECL, @1, @$); $$->ident = make_ident($2, @2); $$->str = $3; $$->str_loc = @3; }
  | KW_BENCHMARK IDENT STRING           { $$ = new_stmt(ctx, ST_BENCHMARK_DECL, @1, @$); $$->ident = make_ident($2, @2); $$->str = $3; $$->str_loc = @3; }
  | KW_INPUT IDENT STRING               { $$ = new_stmt(ctx, ST_INPUT, @1, @$); $$->ident = make_ident($2, @2); $$->str = $3; $$->str_loc = @3; }
  | KW_PILLAR IDENT STRING              { $$ = new_stmt(ctx, ST_PILLAR, @1, @$); $$->ident = make_ident($2, @2); $$->str = $3; $$->str_loc = @3; }
  | KW_THEME IDENT STRING               { $$ = new_stmt(ctx, ST_THEME, @1, @$); $$->ident = make_ident($2, @2); $$->str = $3; $$->str_loc = @3; }
  | KW_OUTCOME IDENT STRING             { $$ = new_stmt(ctx, ST_OUTCOME, @1, @$); $$->ident = make_ident($2, @2); $$->str = $3; $$->str_loc = @3; }
  | KW_ACTIVITY IDENT STRING            { $$ = new_stmt(ctx, ST_ACTIVITY, @1, @$); $$->ident = make_ident($2, @2); $$->str = $3; $$->str_loc = @3; }
  | KW_DELIVERY IDENT STRING            { $$ = new_stmt(ctx, ST_DELIVERY_DECL, @1, @$); $$->ident = make_ident($2, @2); $$->str = $3; $$->str_loc = @3; }
  | KW_INDICATOR STRING                 { $$ = new_stmt(ctx, ST_INDICATOR, @1, @$); $$->str = $2; $$->str_loc = @2; }
  | KW_INDICATOR STRING STRING          { $$ = new_stmt(ctx, ST_INDICATOR, @1, @$); $$->str = $2; $$->str_loc = @2; $$->str2 = $3; $$->str2_loc = @3; }
  | KW_INDICATOR IDENT STRING           { $$ = new_stmt(ctx, ST_INDICATOR, @1, @$); $$->ident = make_ident($2, @2); $$->str = $3; $$->str_loc = @3; }
  | KW_INDICATOR IDENT STRING STRING    { $$ = new_stmt(ctx, ST_INDICATOR, @1, @$); $$->ident = make_ident($2, @2); $$->str = $3; $$->str_loc = @3; $$->str2 = $4; $$->str2_loc = @4; }
  ;

/* `rating ID { ... }`: a scheme declared without a display name (`rating ID` alone selects one). */
rating_head:
    KW_RATING IDENT                     { $$ = new_stmt(ctx, ST_RATING_DECL, @1, @2); $$->ident = make_ident($2, @2); }
  | KW_DELIVERY IDENT                   { $$ = new_stmt(ctx, ST_DELIVERY_DECL, @1, @2); $$->ident = make_ident($2, @2); }
    ;

stmt:
    decl_head                           { $$ = $1; }
  | decl_head block                     { $$ = $1; $$->has_block = true; $$->body = $2.head; $$->close = $2.close; }
  | rating_head block                   { $$ = $1; $$->has_block = true; $$->body = $2.head; $$->close = $2.close; }
  | KW_INCLUDE STRING                   { $$ = new_stmt(ctx, ST_INCLUDE, @1, @$); $$->str = $2; $$->str_loc = @2; }
  | KW_RATING IDENT                     { $$ = new_stmt(ctx, ST_RATING_USE, @1, @$); $$->ident = make_ident($2, @2); }
  | KW_DELIVERY IDENT                   { $$ = new_stmt(ctx, ST_DELIVERY_USE, @1, @$); $$->ident = make_ident($2, @2); }
  | KW_DUE when                         { $$ = new_stmt(ctx, ST_DUE, @1, @$); $$->when = $2; }
  | KW_MILESTONE IDENT STRING opt_from KW_DUE when opt_completed
                                        {
                                            $$ = new_stmt(ctx, ST_MILESTONE, @1, @$);
                                            $$->ident = make_ident($2, @2);
                                            $$->str = $3; $$->str_loc = @3;
                                            $$->when2 = $4;
                                            $$->when = $6;
                                            $$->when3 = $7;
                                        }
  | KW_OVERDUE word                     { $$ = new_stmt(ctx, ST_OVERDUE, @1, @$); $$->ident = $2; }
  | KW_OVERDUE word number_value        { $$ = new_stmt(ctx, ST_OVERDUE, @1, @$); $$->ident = $2; $$->value = $3; }
  | KW_OVERDUE KW_AT IDENT              { $$ = new_stmt(ctx, ST_OVERDUE, @1, @$); $$->ident = make_ident("at", @2); $$->word2 = make_ident($3, @3); }
  | KW_PROGRESS number_value KW_OF number_value KW_IN PERIOD opt_note
                                        {
                                            $$ = new_stmt(ctx, ST_TALLY, @1, @$);
                                            $$->value = $2;
                                            $$->value2 = $4;
                                            $$->period = $6;
                                            $$->note = $7; $$->note_loc = @7;
                                        }
  | KW_STATUS word KW_IN PERIOD opt_at opt_impact opt_rated opt_note
                                        {
                                            $$ = new_stmt(ctx, ST_STATUS, @1, @$);
                                            $$->ident = $2;
                                            $$->period = $4;
                                            $$->value = $5;
                                            $$->word2 = $6;
                                            $$->rated = $7;
                                            $$->note = $8; $$->note_loc = @8;
                                        }
  | KW_BENCHMARK IDENT value KW_IN PERIOD opt_note
                                        {
                                            $$ = new_stmt(ctx, ST_BENCHMARK_VALUE, @1, @$);
                                            $$->ident = make_ident($2, @2);
                                            $$->value = $3;
                                            $$->period = $5;
                                            $$->note = $6; $$->note_loc = @6;
                                        }
  | KW_ORGANISATION STRING              { $$ = new_stmt(ctx, ST_ORGANISATION, @1, @$); $$->str = $2; $$->str_loc = @2; }
  | KW_COVERS PERIOD                    { $$ = new_stmt(ctx, ST_COVERS, @1, @$); $$->period = $2; $$->period2 = $2; }
  | KW_COVERS PERIOD KW_TO PERIOD       { $$ = new_stmt(ctx, ST_COVERS, @1, @$); $$->period = $2; $$->period2 = $4; }
  | KW_REPORTED word                    { $$ = new_stmt(ctx, ST_REPORTED, @1, @$); $$->ident = $2; }
  | KW_DESCRIPTION STRING               { $$ = new_stmt(ctx, ST_DESCRIPTION, @1, @$); $$->str = $2; $$->str_loc = @2; }
  | KW_PROGRESS STRING                  { $$ = new_stmt(ctx, ST_PROGRESS, @1, @$); $$->str = $2; $$->str_loc = @2; }
  | KW_OWNER STRING                     { $$ = new_stmt(ctx, ST_OWNER, @1, @$); $$->str = $2; $$->str_loc = @2; }
  | KW_COMMITTEE STRING                 { $$ = new_stmt(ctx, ST_COMMITTEE, @1, @$); $$->str = $2; $$->str_loc = @2; }
  | KW_SOURCE STRING                    { $$ = new_stmt(ctx, ST_SOURCE, @1, @$); $$->str = $2; $$->str_loc = @2; }
  | KW_TRANSFORMATION                   { $$ = new_stmt(ctx, ST_TRANSFORMATION, @1, @$); }
  | KW_CONTRIBUTES KW_TO names          { $$ = new_stmt(ctx, ST_CONTRIBUTES, @1, @$); $$->names = $3; }
  | KW_DELIVERS names                   { $$ = new_stmt(ctx, ST_DELIVERS, @1, @$); $$->names = $2; }
  | KW_MEASURES names                   { $$ = new_stmt(ctx, ST_MEASURES, @1, @$); $$->names = $2; }
  | KW_STATUS word                      { $$ = new_stmt(ctx, ST_STATUS, @1, @$); $$->ident = $2; }
  | KW_KIND word                        { $$ = new_stmt(ctx, ST_KIND, @1, @$); $$->ident = $2; }
  | KW_KIND KW_OUTCOME                  { $$ = new_stmt(ctx, ST_KIND, @1, @$); $$->ident = make_ident("outcome", @2); }
  | KW_POLARITY word                    { $$ = new_stmt(ctx, ST_POLARITY, @1, @$); $$->ident = $2; }
  | KW_POLARITY KW_MONITOR              { $$ = new_stmt(ctx, ST_POLARITY, @1, @$); $$->ident = make_ident("monitor", @2); }
  | KW_UNIT word                        { $$ = new_stmt(ctx, ST_UNIT, @1, @$); $$->ident = $2; }
  | KW_UNIT word KW_PER NUMBER          {
                                            $$ = new_stmt(ctx, ST_UNIT, @1, @$);
                                            $$->ident = $2;
                                            $$->value = make_value($4, PRT_SUFFIX_NONE, NULL, @4);
                                        }
  | KW_UNIT STRING                      { $$ = new_stmt(ctx, ST_UNIT, @1, @$); $$->str = $2; $$->str_loc = @2; }
  | KW_DECIMALS NUMBER                  { $$ = new_stmt(ctx, ST_DECIMALS, @1, @$); $$->value = make_value($2, PRT_SUFFIX_NONE, NULL, @2); }
  | KW_FREQUENCY word                   { $$ = new_stmt(ctx, ST_FREQUENCY, @1, @$); $$->ident = $2; }
  | KW_ACCUMULATES word                 { $$ = new_stmt(ctx, ST_ACCUMULATES, @1, @$); $$->ident = $2; }
  | KW_ARREARS NUMBER                   { $$ = new_stmt(ctx, ST_ARREARS, @1, @$); $$->value = make_value($2, PRT_SUFFIX_NONE, NULL, @2); }
  | KW_ARREARS NUMBER word              { $$ = new_stmt(ctx, ST_ARREARS, @1, @$); $$->value = make_value($2, PRT_SUFFIX_WORD, $3.name, @2); $$->ident = $3; }
  | KW_TOLERANCE value                  { $$ = new_stmt(ctx, ST_TOLERANCE, @1, @$); $$->value = $2; }
  | KW_TOLERANCE value KW_OF KW_TARGET  { $$ = new_stmt(ctx, ST_TOLERANCE, @1, @$); $$->value = $2; $$->of_target = true; }
  | KW_THRESHOLD IDENT value opt_note   {
                                            /* a per-indicator band's value for every period without its own */
                                            $$ = new_stmt(ctx, ST_THRESHOLD, @1, @$);
                                            $$->ident = make_ident($2, @2);
                                            $$->value = $3;
                                            $$->note = $4; $$->note_loc = @4;
                                        }
  | KW_THRESHOLD IDENT value KW_IN PERIOD opt_note
                                        {
                                            $$ = new_stmt(ctx, ST_THRESHOLD, @1, @$);
                                            $$->ident = make_ident($2, @2);
                                            $$->value = $3;
                                            $$->period = $5;
                                            $$->note = $6; $$->note_loc = @6;
                                        }
  | KW_BASELINE value KW_IN PERIOD opt_note
                                        {
                                            $$ = new_stmt(ctx, ST_BASELINE, @1, @$);
                                            $$->value = $2;
                                            $$->period = $4;
                                            $$->note = $5; $$->note_loc = @5;
                                        }
  | KW_TARGET target KW_IN PERIOD opt_within opt_note opt_because
                                        {
                                            $$ = new_stmt(ctx, ST_TARGET, @1, @$);
                                            $$->target = $2;
                                            $$->period = $4;
                                            $$->value2 = $5;
                                            $$->note = $6; $$->note_loc = @6;
                                            $$->str = $7; $$->str_loc = @7;   /* why the target is what it is */
                                        }
  | KW_TARGET target KW_IN PERIOD KW_WITHIN KW_CONFIDENCE KW_INTERVAL opt_note
                                        {
                                            /* met when the result's confidence interval holds the target (docs/rating.md) */
                                            $$ = new_stmt(ctx, ST_TARGET, @1, @$);
                                            $$->target = $2;
                                            $$->period = $4;
                                            $$->interval = true;
                                            $$->interval_loc = (Loc){@5.file, @5.begin, @7.end};
                                            $$->note = $8; $$->note_loc = @8;
                                        }
  | KW_EXPECT value KW_IN PERIOD opt_note
                                        {
                                            /* a contextual indicator's expected level, shown in place of a target */
                                            $$ = new_stmt(ctx, ST_EXPECT, @1, @$);
                                            $$->value = $2;
                                            $$->period = $4;
                                            $$->note = $5; $$->note_loc = @5;
                                        }
  | KW_AMEND PERIOD KW_TO target KW_FROM PERIOD KW_BECAUSE STRING
                                        {
                                            $$ = new_stmt(ctx, ST_AMEND, @1, @$);
                                            $$->period = $2;
                                            $$->target = $4;
                                            $$->period2 = $6;
                                            $$->note = $8; $$->note_loc = @8;
                                        }
  | KW_REVISED KW_IN PERIOD KW_BECAUSE STRING
                                        {
                                            $$ = new_stmt(ctx, ST_REVISED, @1, @$);
                                            $$->period = $3;
                                            $$->note = $5; $$->note_loc = @5;
                                        }
  | KW_RESULT value KW_IN PERIOD opt_rated opt_note
                                        {
                                            $$ = new_stmt(ctx, ST_RESULT, @1, @$);
                                            $$->value = $2;
                                            $$->period = $4;
                                            $$->rated = $5;
                                            $$->note = $6; $$->note_loc = @6;
                                        }
  | KW_RESULT value KW_IN PERIOD KW_INTERVAL value KW_TO value opt_rated opt_note
                                        {
                                            /* the survey's confidence interval around the result */
                                            $$ = new_stmt(ctx, ST_RESULT, @1, @$);
                                            $$->value = $2;
                                            $$->period = $4;
                                            $$->lower = $6;
                                            $$->upper = $8;
                                            $$->rated = $9;
                                            $$->note = $10; $$->note_loc = @10;
                                        }
  | KW_RESULT value KW_IN PERIOD opt_rated KW_RESTATED KW_FROM value KW_BECAUSE STRING
                                        {
                                            $$ = new_stmt(ctx, ST_RESULT, @1, @$);
                                            $$->value = $2;
                                            $$->period = $4;
                                            $$->rated = $5;
                                            $$->value2 = $8;
                                            $$->note = $10; $$->note_loc = @10;
                                        }
  | KW_RESULT word KW_IN PERIOD opt_rated opt_note
                                        {
                                            /* result not_available in 2019/20: a status, no value */
                                            $$ = new_stmt(ctx, ST_RESULT, @1, @$);
                                            $$->ident = $2;
                                            $$->period = $4;
                                            $$->rated = $5;
                                            $$->note = $6; $$->note_loc = @6;
                                        }
  | KW_DIRECTION word                   { $$ = new_stmt(ctx, ST_DIRECTION, @1, @$); $$->ident = $2; }
  | KW_DIRECTION KW_MONITOR             { $$ = new_stmt(ctx, ST_DIRECTION, @1, @$); $$->ident = make_ident("monitor", @2); }
  | KW_VERSION STRING                   { $$ = new_stmt(ctx, ST_VERSION, @1, @$); $$->str = $2; $$->str_loc = @2; }
  | KW_FORECAST word                    { $$ = new_stmt(ctx, ST_FORECAST, @1, @$); $$->ident = $2; }
  | KW_JUMP number_value                { $$ = new_stmt(ctx, ST_JUMP, @1, @$); $$->value = $2; }
  | KW_STALE number_value               { $$ = new_stmt(ctx, ST_STALE, @1, @$); $$->value = $2; }
  | KW_FORMULA expr                     { $$ = new_stmt(ctx, ST_FORMULA, @1, @$); $$->expr = formula_within_limit(ctx, $2, @2); }
  | KW_METHOD word                      { $$ = new_stmt(ctx, ST_METHOD, @1, @$); $$->ident = $2; }
  | KW_BAND IDENT opt_note opt_abbrev KW_AT value opt_if band_attrs
                                        {
                                            $$ = new_stmt(ctx, ST_BAND, @1, @$);
                                            $$->ident = make_ident($2, @2);
                                            $$->str = $3; $$->str_loc = @3;
                                            $$->abbrev = $4;
                                            $$->band = BAND_AT;
                                            $$->value = $6;
                                            $$->cond = $7; $$->cond_loc = @7;
                                            set_band_attrs($$, $8);
                                        }
  | KW_BAND IDENT opt_note opt_abbrev KW_WITHIN value opt_if band_attrs
                                        {
                                            $$ = new_stmt(ctx, ST_BAND, @1, @$);
                                            $$->ident = make_ident($2, @2);
                                            $$->str = $3; $$->str_loc = @3;
                                            $$->abbrev = $4;
                                            $$->band = BAND_WITHIN;
                                            $$->value = $6;
                                            $$->cond = $7; $$->cond_loc = @7;
                                            set_band_attrs($$, $8);
                                        }
  | KW_BAND IDENT opt_note opt_abbrev band_edge opt_if band_attrs
                                        {
                                            /* the edges of issue 21 (docs/rating.md, "Rules as councils write them") */
                                            $$ = new_stmt(ctx, ST_BAND, @1, @$);
                                            $$->ident = make_ident($2, @2);
                                            $$->str = $3; $$->str_loc = @3;
                                            $$->abbrev = $4;
                                            $$->band = $5.how;
                                            $$->value = $5.value;
                                            $$->cond = $6; $$->cond_loc = @6;
                                            set_band_attrs($$, $7);
                                        }
  | KW_BAND IDENT opt_note opt_abbrev KW_OTHERWISE opt_if band_attrs
                                        {
                                            $$ = new_stmt(ctx, ST_BAND, @1, @$);
                                            $$->ident = make_ident($2, @2);
                                            $$->str = $3; $$->str_loc = @3;
                                            $$->abbrev = $4;
                                            $$->band = BAND_OTHERWISE;
                                            $$->cond = $6; $$->cond_loc = @6;
                                            set_band_attrs($$, $7);
                                        }
  | KW_BAND IDENT opt_note opt_abbrev if_cond band_attrs
                                        {
                                            /* no edge: the condition alone decides (issue 21) */
                                            $$ = new_stmt(ctx, ST_BAND, @1, @$);
                                            $$->ident = make_ident($2, @2);
                                            $$->str = $3; $$->str_loc = @3;
                                            $$->abbrev = $4;
                                            $$->band = BAND_IF;
                                            $$->cond = $5; $$->cond_loc = @5;
                                            set_band_attrs($$, $6);
                                        }
  | KW_BAND IDENT opt_note opt_abbrev KW_WHEN words band_attrs
                                        {
                                            $$ = new_stmt(ctx, ST_BAND, @1, @$);
                                            $$->ident = make_ident($2, @2);
                                            $$->str = $3; $$->str_loc = @3;
                                            $$->abbrev = $4;
                                            $$->band = BAND_WHEN;
                                            $$->names = $6;
                                            set_band_attrs($$, $7);
                                        }
  | KW_BAND IDENT opt_note opt_abbrev KW_WHEN words KW_IMPACT words band_attrs
                                        {
                                            $$ = new_stmt(ctx, ST_BAND, @1, @$);
                                            $$->ident = make_ident($2, @2);
                                            $$->str = $3; $$->str_loc = @3;
                                            $$->abbrev = $4;
                                            $$->band = BAND_WHEN;
                                            $$->names = $6;
                                            $$->names2 = $8;
                                            set_band_attrs($$, $9);
                                        }
  | KW_BAND IDENT opt_note opt_abbrev KW_WHEN KW_IMPACT words band_attrs
                                        {
                                            $$ = new_stmt(ctx, ST_BAND, @1, @$);
                                            $$->ident = make_ident($2, @2);
                                            $$->str = $3; $$->str_loc = @3;
                                            $$->abbrev = $4;
                                            $$->band = BAND_WHEN;
                                            $$->names2 = $7;
                                            set_band_attrs($$, $8);
                                        }
  | KW_BAND IDENT opt_note opt_abbrev band_attrs
                                        {
                                            $$ = new_stmt(ctx, ST_BAND, @1, @$);
                                            $$->ident = make_ident($2, @2);
                                            $$->str = $3; $$->str_loc = @3;
                                            $$->abbrev = $4;
                                            $$->band = BAND_JUDGED;
                                            set_band_attrs($$, $5);
                                        }
  | KW_BAND IDENT opt_note opt_abbrev KW_MONITOR band_attrs
                                        {
                                            /* the band of a rating scheme's reported but unrated indicators */
                                            $$ = new_stmt(ctx, ST_BAND, @1, @$);
                                            $$->ident = make_ident($2, @2);
                                            $$->str = $3; $$->str_loc = @3;
                                            $$->abbrev = $4;
                                            $$->band = BAND_MONITOR;
                                            set_band_attrs($$, $6);
                                        }
  ;

/* A list of words (states, impacts): plain identifiers, which the lowerer checks against their set. */
words:
    IDENT                               { $$ = name_ident(ctx, $1, @1); }
  | words ',' IDENT                     {
                                            NameRef *n = $1;
                                            while (n->next)
                                                n = n->next;
                                            n->next = name_ident(ctx, $3, @3);
                                            $$ = $1;
                                        }
  ;

/* A rating band's condition, `if improving or same against previous`, `if not forecast met`: a run of
 * words the lowerer reads (lower_band_condition), so that they are not reserved; `forecast` is a
 * keyword elsewhere and is taken here as a word. */
opt_if:
    %empty                              { $$ = NULL; }
  | if_cond                             { $$ = $1; }
  ;

if_cond:
    KW_IF cond_words %prec COND_END     { $$ = $2; }
  ;

cond_words:
    IDENT                               { $$ = name_ident(ctx, $1, @1); }
  | KW_FORECAST                         { $$ = name_ident(ctx, "forecast", @1); }
  | cond_words IDENT                    { $$ = $1; names_append($1, name_ident(ctx, $2, @2)); }
  | cond_words KW_FORECAST              { $$ = $1; names_append($1, name_ident(ctx, "forecast", @2)); }
  ;

/* `per indicator`, `within tolerance`, `above tolerance`, `above N%`: 'above' is a plain word, so that
 * it stays free as a name; any other word there is an error naming the edges. */
band_edge:
    KW_PER KW_INDICATOR                 { memset(&$$, 0, sizeof $$); $$.how = BAND_PER_INDICATOR; }
  | KW_WITHIN KW_TOLERANCE              { memset(&$$, 0, sizeof $$); $$.how = BAND_WITHIN_TOLERANCE; }
  | IDENT KW_TOLERANCE                  { memset(&$$, 0, sizeof $$); $$.how = BAND_ABOVE_TOLERANCE; above_word(ctx, $1, @1); }
  | IDENT value                         { memset(&$$, 0, sizeof $$); $$.how = BAND_ABOVE; $$.value = $2; above_word(ctx, $1, @1); }
  ;

/* What a band looks like: `colour C` and `symbol NAME` or `symbol "TEXT"`, each at most once, in that
 * order (the lowerer checks the words). */
band_attrs:
    %empty                              { memset(&$$, 0, sizeof $$); $$.colour.loc = $$.symbol.loc = @$; }
  | KW_COLOUR IDENT                     { memset(&$$, 0, sizeof $$); $$.colour = make_ident($2, @2); $$.symbol.loc = @$; }
  | KW_SYMBOL IDENT                     { memset(&$$, 0, sizeof $$); $$.colour.loc = @$; $$.symbol = make_ident($2, @2); }
  | KW_SYMBOL STRING                    { memset(&$$, 0, sizeof $$); $$.colour.loc = @$; $$.symbol = make_ident($2, @2); $$.symbol_quoted = true; }
  | KW_COLOUR IDENT KW_SYMBOL IDENT     { memset(&$$, 0, sizeof $$); $$.colour = make_ident($2, @2); $$.symbol = make_ident($4, @4); }
  | KW_COLOUR IDENT KW_SYMBOL STRING    {
                                            memset(&$$, 0, sizeof $$);
                                            $$.colour = make_ident($2, @2);
                                            $$.symbol = make_ident($4, @4);
                                            $$.symbol_quoted = true;
                                        }
  ;

opt_impact:
    %empty                              { $$ = make_ident(NULL, @$); }
  | KW_IMPACT IDENT                     { $$ = make_ident($2, @2); }
  ;

opt_at:
    %empty                              { $$ = make_value(0, PRT_SUFFIX_NONE, NULL, @$); $$.present = false; }
  | KW_AT value                         { $$ = $2; }
  ;

when:
    PERIOD                              { memset(&$$, 0, sizeof $$); $$.period = $1; $$.loc = @1; $$.valid = $1.valid; $$.present = true; }
  | DATE                                { $$ = $1; }
  ;

opt_from:
    %empty                              { memset(&$$, 0, sizeof $$); }
  | KW_FROM when                        { $$ = $2; }
  ;

opt_completed:
    %empty                              { memset(&$$, 0, sizeof $$); }
  | KW_COMPLETED when                   { $$ = $2; }
  ;

word:
    IDENT                               { $$ = make_ident($1, @1); }
  ;

names:
    name                                { $$ = $1; }
  | names ',' name                      {
                                            NameRef *n = $1;
                                            while (n->next)
                                                n = n->next;
                                            n->next = $3;
                                            $$ = $1;
                                        }
  ;

name:
    IDENT                               { $$ = name_ident(ctx, $1, @1); }
  | STRING                              { $$ = name_ref(ctx, $1, @1); }
  ;

opt_note:
    %empty                              { $$ = NULL; }
  | STRING                              { $$ = $1; }
  ;

/* a target's stated reason: `target 40% in 2018/19 because "..."` (a lower target on purpose) */
opt_because:
    %empty                              { $$ = NULL; }
  | KW_BECAUSE STRING                   { $$ = $2; }
  ;

opt_abbrev:
    %empty                              { $$ = make_ident(NULL, @$); }
  | '(' IDENT ')'                       { $$ = make_ident($2, @2); }
  ;

opt_rated:
    %empty                              { $$ = make_ident(NULL, @$); }
  | KW_RATED IDENT                      { $$ = make_ident($2, @2); }
  ;

opt_within:
    %empty                              { $$ = make_value(0, PRT_SUFFIX_NONE, NULL, @$); $$.present = false; }
  | KW_WITHIN value                     { $$ = $2; }
  ;

target:
    value                               { memset(&$$, 0, sizeof $$); $$.kind = PRT_TARGET_VALUE; $$.value = $1; $$.loc = @$; }
  | CMP value                           { memset(&$$, 0, sizeof $$); $$.kind = PRT_TARGET_THRESHOLD; $$.op = $1; $$.value = $2; $$.loc = @$; }
  | KW_MONITOR                          { memset(&$$, 0, sizeof $$); $$.kind = PRT_TARGET_MONITOR; $$.loc = @$; }
  | KW_MAINTAIN                         { memset(&$$, 0, sizeof $$); $$.kind = PRT_TARGET_MAINTAIN; $$.loc = @$; }
  | KW_BENCHMARK IDENT                  { memset(&$$, 0, sizeof $$); $$.kind = PRT_TARGET_BENCHMARK; $$.bench = make_ident($2, @2); $$.loc = @$; }
  ;

value:
    number_value                        { $$ = $1; }
  | number_value '%'                    { $$ = $1; $$.suffix = PRT_SUFFIX_PERCENT; $$.loc = @$; }
  | number_value KW_PTS                 { $$ = $1; $$.suffix = PRT_SUFFIX_POINTS; $$.loc = @$; }
  | number_value IDENT                  {
                                            $$ = $1;
                                            /* `5 points` is the long form of `5 pts` */
                                            $$.suffix = strcmp($2, "points") == 0 ? PRT_SUFFIX_POINTS : PRT_SUFFIX_WORD;
                                            $$.word = $2;
                                            $$.loc = @$;
                                        }
  | POUND number_value                  { $$ = $2; $$.suffix = PRT_SUFFIX_CURRENCY; $$.loc = @$; }
  | MONEY                               { $$ = make_value($1, PRT_SUFFIX_CURRENCY, NULL, @1); }
  ;

number_value:
    NUMBER                              { $$ = make_value($1, PRT_SUFFIX_NONE, NULL, @1); }
  | '-' NUMBER                          { $$ = make_value(-$2, PRT_SUFFIX_NONE, NULL, @$); }
  ;

expr:
    term                                { $$ = $1; }
  | expr '+' term                       { $$ = new_expr(ctx, EXPR_ADD, @$, $1, $3); }
  | expr '-' term                       { $$ = new_expr(ctx, EXPR_SUB, @$, $1, $3); }
  ;

term:
    factor                              { $$ = $1; }
  | term '*' factor                     { $$ = new_expr(ctx, EXPR_MUL, @$, $1, $3); }
  | term '/' factor                     { $$ = new_expr(ctx, EXPR_DIV, @$, $1, $3); }
  ;

factor:
    NUMBER                              { $$ = new_expr(ctx, EXPR_NUM, @$, NULL, NULL); $$->num = $1; }
  | IDENT                               { $$ = new_expr(ctx, EXPR_NAME, @$, NULL, NULL); $$->name = *name_ident(ctx, $1, @1); }
  | STRING                              { $$ = new_expr(ctx, EXPR_NAME, @$, NULL, NULL); $$->name = *name_ref(ctx, $1, @1); }
  | '(' expr ')'                        { $$ = $2; }
  | '-' factor                          { $$ = new_expr(ctx, EXPR_NEG, @$, $2, NULL); }
  ;

%%

/* While lowering as it parses, a statement is done with once lowered: its node is reused for the next,
 * so the tree's memory is that of the statements being parsed, not of the file. */
static Stmt *new_stmt(ParseCtx *ctx, StmtKind kind, Loc kw, Loc span)
{
    Stmt *s = ctx->free_stmts;
    if (s) {
        ctx->free_stmts = s->next;
        memset(s, 0, sizeof *s);
    } else {
        s = arena_alloc(ctx->arena, sizeof *s);
    }
    s->kind = kind;
    s->loc = kw;
    s->span = span;
    return s;
}

static void recycle_stmt(ParseCtx *ctx, Stmt *s)
{
    s->next = ctx->free_stmts;
    ctx->free_stmts = s;
}

static StmtList list_add(StmtList l, Stmt *s)
{
    if (!s)
        return l;
    if (l.tail)
        l.tail->next = s;
    else
        l.head = s;
    l.tail = s;
    return l;
}

static NameRef *name_ident(ParseCtx *ctx, const char *s, Loc loc)
{
    NameRef *n = arena_alloc(ctx->arena, sizeof *n);
    n->name = s;
    n->loc = loc;
    return n;
}

/* Adds n at the end of list (a band's condition: a few words). */
static void names_append(NameRef *list, NameRef *n)
{
    while (list->next)
        list = list->next;
    list->next = n;
}

static NameRef *name_ref(ParseCtx *ctx, const char *s, Loc loc)
{
    NameRef *n = name_ident(ctx, arena_intern(ctx->arena, s, strlen(s)), loc);
    n->is_ref = true;
    return n;
}

static Expr *new_expr(ParseCtx *ctx, ExprKind kind, Loc loc, Expr *lhs, Expr *rhs)
{
    Expr *e = arena_alloc(ctx->arena, sizeof *e);
    e->kind = kind;
    e->loc = loc;
    e->lhs = lhs;
    e->rhs = rhs;
    return e;
}

/* The checker, the formatter and the back ends walk a formula recursively; `a + b + c ...` nests as
 * deep as it is long, so a formula of a million terms would overflow their stacks.  A formula of more
 * than PLANC_MAX_FORMULA_NODES operands and operators is refused here (E043), counted without
 * recursion, and dropped so that nothing walks it. */
static Expr *formula_within_limit(ParseCtx *ctx, Expr *e, Loc loc)
{
    size_t cap = 64, n = 0, count = 0;
    const Expr **stack = prt_xmalloc(cap * sizeof *stack);
    if (e)
        stack[n++] = e;
    while (n && count <= PLANC_MAX_FORMULA_NODES) {
        const Expr *x = stack[--n];
        count++;
        if (n + 2 > cap) {
            cap *= 2;
            stack = prt_xrealloc(stack, cap * sizeof *stack);
        }
        if (x->lhs)
            stack[n++] = x->lhs;
        if (x->rhs)
            stack[n++] = x->rhs;
    }
    free(stack);
    if (count <= PLANC_MAX_FORMULA_NODES)
        return e;
    diag_error(ctx->diag, loc, "E043", "the formula has more than %d operands and operators; split it into derived indicators",
               PLANC_MAX_FORMULA_NODES);
    return NULL;
}

static Value make_value(double num, prt_suffix suffix, const char *word, Loc loc)
{
    Value v;
    memset(&v, 0, sizeof v);
    v.num = num;
    v.suffix = suffix;
    v.word = word;
    v.loc = loc;
    v.present = true;
    return v;
}

static Ident make_ident(const char *name, Loc loc)
{
    Ident i = {name, loc};
    return i;
}

/* The word before a band's `tolerance` or number must be 'above' (E001 otherwise, as a syntax error). */
static void above_word(ParseCtx *ctx, const char *word, Loc loc)
{
    if (strcmp(word, "above") != 0)
        diag_error(ctx->diag, loc, "E001", "expected 'at', 'within', 'above', 'per indicator' or 'otherwise' before "
                   "identifier '%s'", word);
}

/* A band's `colour` (word2, where the delivery bands have always kept it) and `symbol`. */
static void set_band_attrs(Stmt *s, BandAttrs a)
{
    s->word2 = a.colour;
    s->symbol = a.symbol;
    s->symbol_quoted = a.symbol_quoted;
}

/* Describes the token the parser could not accept, quoting identifiers and strings. */
/* At most 40 bytes of a token's text, cut back to a character boundary, "..." when cut. */
static void quote_text(prt_buf *b, const char *text, size_t len, const char *quote)
{
    size_t n = len > 40 ? 40 : len;
    while (n < len && n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
        n--;
    prt_buf_add(b, text, n);
    if (n < len)
        prt_buf_printf(b, "...%s", quote);
}

static void describe_token(const yypcontext_t *pctx, ParseCtx *ctx, prt_buf *b)
{
    yysymbol_kind_t tok = yypcontext_token(pctx);
    const Loc *loc = yypcontext_location(pctx);
    size_t len = loc->end > loc->begin ? loc->end - loc->begin : 0;
    const char *text = ctx->text + loc->begin;
    switch (tok) {
    case YYSYMBOL_IDENT:
        prt_buf_puts(b, "identifier '");
        quote_text(b, text, len, "");
        prt_buf_putc(b, '\'');
        break;
    case YYSYMBOL_STRING:
        prt_buf_puts(b, "string ");
        quote_text(b, text, len, "\"");
        break;
    case YYSYMBOL_NUMBER:
    case YYSYMBOL_MONEY:
    case YYSYMBOL_PERIOD:
        prt_buf_printf(b, "%s '", yysymbol_name(tok));
        quote_text(b, text, len, "");
        prt_buf_putc(b, '\'');
        break;
    case YYSYMBOL_CMP:
    case YYSYMBOL_YYUNDEF:
        prt_buf_putc(b, '\'');
        quote_text(b, text, len, "");
        prt_buf_putc(b, '\'');
        break;
    default:
        prt_buf_puts(b, yysymbol_name(tok));
        break;
    }
}

static int yyreport_syntax_error(const yypcontext_t *pctx, void *scanner, ParseCtx *ctx)
{
    (void)scanner;
    if (ctx->too_deep)
        return 0;   /* the nesting limit ended the file early: its error says all */
    enum { MAX_LISTED = 6 };
    yysymbol_kind_t expected[YYNTOKENS];
    int n = yypcontext_expected_tokens(pctx, expected, YYNTOKENS);
    if (n < 0)
        n = 0;
    prt_buf gotb = {0}, wantb = {0};
    describe_token(pctx, ctx, &gotb);
    /* long lists of tokens read badly: name what they have in common instead */
    bool statement = false, target = false, closing = false;
    for (int i = 0; i < n; i++) {
        statement |= expected[i] == YYSYMBOL_KW_POLARITY;
        target |= expected[i] == YYSYMBOL_KW_MAINTAIN;
        closing |= expected[i] == YYSYMBOL_YYEOF || strcmp(yysymbol_name(expected[i]), "'}'") == 0;
    }
    if (target)
        prt_buf_puts(&wantb, "a target (a number, a comparison such as '>= 20000', 'monitor', 'maintain' or 'benchmark ID')");
    else if (statement)
        prt_buf_printf(&wantb, "a statement%s", closing ? " or the end of the block" : "");
    else if (n > 0 && n <= MAX_LISTED)
        for (int i = 0; i < n; i++)
            prt_buf_printf(&wantb, "%s%s", i == 0 ? "" : i == n - 1 ? " or " : ", ", yysymbol_name(expected[i]));
    const char *got = prt_buf_str(&gotb), *want = prt_buf_str(&wantb);
    Loc loc = *yypcontext_location(pctx);
    /* a misspelt keyword where a statement should start: say which one was meant */
    if (statement && yypcontext_token(pctx) == YYSYMBOL_IDENT) {
        const char *words[80];
        size_t nwords = plan_keyword_list(words, sizeof words / sizeof words[0]);
        size_t len = loc.end - loc.begin;
        char word[PLANC_MAX_NAME + 1];
        if (len <= PLANC_MAX_NAME) {
            memcpy(word, ctx->text + loc.begin, len);
            word[len] = '\0';
            const char *best = suggest_word(word, words, nwords);
            if (best) {
                diag_error(ctx->diag, loc, "E001", "unknown statement '%s'; did you mean '%s'?", word, best);
                diag_fixit(ctx->diag, best);
                prt_buf_free(&gotb);
                prt_buf_free(&wantb);
                return 0;
            }
        }
    }
    if (yypcontext_token(pctx) == YYSYMBOL_YYEOF || (ctx->eof_in_block && loc.begin == ctx->eof_loc.begin)) {
        if (ctx->eof_reported) {
            prt_buf_free(&gotb);
            prt_buf_free(&wantb);
            return 0;
        }
        ctx->eof_reported = true;
        if (want[0] && !ctx->eof_in_block)
            diag_error(ctx->diag, loc, "E001", "unexpected end of file; expected %s", want);
        else
            diag_error(ctx->diag, loc, "E001", "unexpected end of file: a block is not closed");
        if (ctx->eof_in_block)
            diag_note(ctx->diag, ctx->eof_block, "the block opened here needs a '}'");
    } else if (want[0]) {
        /* a keyword where a name should be: say why it is not taken as one */
        yysymbol_kind_t tok = yypcontext_token(pctx);
        bool keyword = yysymbol_name(tok)[0] == '\'' && loc.end > loc.begin && loc.end - loc.begin < 32;
        char word[32] = "";
        if (keyword) {
            memcpy(word, ctx->text + loc.begin, loc.end - loc.begin);
            word[loc.end - loc.begin] = '\0';
            keyword = plan_is_keyword(word) && strstr(want, "identifier");
        }
        if (keyword)
            diag_error(ctx->diag, loc, "E001", "expected %s before %s ('%s' is a keyword and cannot be a name)", want,
                       got, word);
        else
            diag_error(ctx->diag, loc, "E001", "expected %s before %s", want, got);
    } else {
        diag_error(ctx->diag, loc, "E001", "unexpected %s", got);
    }
    prt_buf_free(&gotb);
    prt_buf_free(&wantb);
    return 0;
}

static void plan_error(const Loc *loc, void *scanner, ParseCtx *ctx, const char *msg)
{
    (void)scanner;
    /* bison calls this only for "memory exhausted"; syntax errors go to yyreport_syntax_error */
    diag_error(ctx->diag, *loc, "E010", "the parser ran out of room (%s): the input is nested too deeply", msg);
}
