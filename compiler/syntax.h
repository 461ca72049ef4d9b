/* The parse tree: what the grammar recognises, before any rule about which statement belongs where.
 * Every block (the file itself, a plan, a pillar, an indicator...) is a list of statements of one
 * uniform shape; lower.c turns the lists into the typed plan model of ast.h and reports statements
 * that are out of place, so the grammar stays small and its errors stay about syntax. */
#ifndef PLANC_SYNTAX_H
#define PLANC_SYNTAX_H

#include "source.h"
#include "../runtime/period.h"
#include "../runtime/planrt_names.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct Ident {
    const char *name;           /* interned; NULL when absent */
    Loc loc;
} Ident;

/* A name in a list (`measures a, b`) or a formula: an identifier, or an indicator's "REF". */
typedef struct NameRef {
    const char *name;
    Loc loc;
    bool is_ref;
    struct NameRef *next;
} NameRef;

/* Small types and this order keep a Value at 32 bytes: the model holds several per target. */
typedef struct Value {
    double num;
    const char *word;           /* for PRT_SUFFIX_WORD: weeks, days ... */
    Loc loc;
    unsigned char suffix;       /* a prt_suffix (planrt_names.h) */
    bool present;
} Value;

typedef struct PeriodLit {
    prt_period p;
    Loc loc;
    bool valid;                 /* false after a malformed period, already reported */
} PeriodLit;

/* A due or completion date: a period (due by its last day) or a day, `2023-11-30`. */
typedef struct When {
    PeriodLit period;           /* when !is_date */
    int date;                   /* yyyymmdd, when is_date */
    Loc loc;
    bool is_date;
    bool valid;                 /* false: absent, or malformed (already reported) */
    bool present;
} When;

/* target kinds and comparisons are the runtime's prt_target_kind and prt_cmp (planrt_names.h) */

typedef struct TargetSpec {
    union {                     /* which one, kind says: read the other and get nonsense */
        Value value;            /* PRT_TARGET_VALUE, PRT_TARGET_THRESHOLD */
        Ident bench;            /* PRT_TARGET_BENCHMARK */
    };
    Loc loc;
    unsigned char kind;         /* a prt_target_kind */
    unsigned char op;           /* a prt_cmp, for PRT_TARGET_THRESHOLD */
} TargetSpec;

typedef enum { EXPR_NUM, EXPR_NAME, EXPR_NEG, EXPR_ADD, EXPR_SUB, EXPR_MUL, EXPR_DIV } ExprKind;

typedef struct Expr {
    ExprKind kind;
    Loc loc;
    double num;                 /* EXPR_NUM */
    NameRef name;               /* EXPR_NAME */
    struct Expr *lhs, *rhs;     /* rhs NULL for EXPR_NEG */
} Expr;

typedef enum {
    ST_INCLUDE, ST_PLAN, ST_RATING_DECL, ST_RATING_USE, ST_BENCHMARK_DECL, ST_BENCHMARK_VALUE,
    ST_INPUT, ST_PILLAR, ST_THEME, ST_OUTCOME, ST_ACTIVITY, ST_INDICATOR,
    ST_ORGANISATION, ST_COVERS, ST_REPORTED, ST_DESCRIPTION, ST_PROGRESS, ST_OWNER, ST_COMMITTEE,
    ST_SOURCE, ST_TRANSFORMATION, ST_CONTRIBUTES, ST_DELIVERS, ST_MEASURES, ST_STATUS, ST_KIND,
    ST_POLARITY, ST_UNIT, ST_DECIMALS, ST_FREQUENCY, ST_ACCUMULATES, ST_ARREARS, ST_TOLERANCE,
    ST_BASELINE, ST_TARGET, ST_AMEND, ST_REVISED, ST_RESULT, ST_FORMULA, ST_METHOD, ST_BAND, ST_DIRECTION,
    ST_VERSION, ST_FORECAST, ST_JUMP, ST_STALE,
    ST_DELIVERY_DECL, ST_DELIVERY_USE, ST_DUE, ST_MILESTONE, ST_OVERDUE, ST_TALLY,
    ST_THRESHOLD,
    ST_EXPECT,
    ST__COUNT
} StmtKind;

/* A band's rule: a rating scheme's `at N%` / `within N pts` / `otherwise`, or only `if CONDITION`
 * (BAND_IF: no edge, the condition alone decides), or `monitor` (the band of unrated indicators); a
 * delivery scheme's `when STATES [impact IMPACTS]`, `otherwise`, or nothing (a band given by
 * judgement). */
typedef enum { BAND_AT, BAND_WITHIN, BAND_OTHERWISE, BAND_WHEN, BAND_JUDGED, BAND_IF, BAND_MONITOR,
               /* the edges councils write (issue 21): `per indicator`, `within tolerance`,
                * `above tolerance`, `above N%` */
               BAND_PER_INDICATOR, BAND_WITHIN_TOLERANCE, BAND_ABOVE_TOLERANCE, BAND_ABOVE } BandThreshold;

/* A rating band's edge as the grammar reads it (band_edge): which, and its number for `above N%`. */
typedef struct BandEdge {
    unsigned char how;          /* a BandThreshold */
    Value value;
} BandEdge;

/* How a band is drawn: `colour C`, `symbol NAME` or `symbol "TEXT"` (the parser's band_attrs). */
typedef struct BandAttrs {
    Ident colour;               /* name NULL when not given */
    Ident symbol;               /* a symbol's name, or its text when quoted; name NULL when not given */
    bool symbol_quoted;
} BandAttrs;

typedef struct Stmt {
    StmtKind kind;
    Loc loc;                    /* the keyword */
    Loc span;                   /* the whole statement head, for carets */
    Loc full;                   /* the whole statement, block included (the formatter places comments by it) */
    Loc close;                  /* its block's closing brace */
    Ident ident;                /* the declared or selected identifier, or a word argument */
    const char *str;            /* first string argument */
    Loc str_loc;
    const char *str2;           /* second string (indicator name after its reference) */
    Loc str2_loc;
    const char *note;           /* trailing note or reason */
    Loc note_loc;
    Ident abbrev;               /* band (GA) */
    BandThreshold band;
    NameRef *names;             /* measures / delivers / contributes to */
    Value value;                /* numeric argument */
    Value value2;               /* restated from / within tolerance */
    Value lower, upper;         /* result ... interval LOWER to UPPER: a survey's confidence interval */
    Loc interval_loc;           /* target ... within confidence interval: those three words */
    bool interval;              /* ... given */
    PeriodLit period, period2;  /* covers A to B; amend A ... from B */
    TargetSpec target;
    Ident rated;                /* result ... rated G */
    Ident word2;                /* a band's colour; a status's impact; `overdue at BAND` */
    NameRef *names2;            /* a delivery band's impacts */
    NameRef *cond;              /* a rating band's `if WORDS`: the words, which the lowerer reads; NULL */
    Loc cond_loc;               /* `if` to the last word */
    Ident symbol;               /* a band's `symbol NAME`, or its "TEXT" when symbol_quoted */
    bool symbol_quoted;
    When when, when2, when3;    /* due; a milestone's from and completed */
    Expr *expr;                 /* formula */
    bool of_target;             /* tolerance N% of target */
    bool has_block;
    struct Stmt *body;          /* block contents */
    struct Stmt *next;
} Stmt;

const char *stmt_keyword(StmtKind k);

#endif
