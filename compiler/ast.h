/* The plan model: what a plan says, typed and linked, after lowering the parse tree (lower.c) and
 * before checking (check.c).  Everything is allocated in the plan's arena. */
#ifndef PLANC_AST_H
#define PLANC_AST_H

#include "arena.h"
#include "syntax.h"
#include "symtab.h"

typedef struct PtrVec {
    void **items;
    uint32_t n, cap;            /* 32 bits: an indicator has six of these */
} PtrVec;

void vec_push(Arena *a, PtrVec *v, void *item);
#define VEC_AT(v, T, i) ((T *)(v).items[i])

typedef enum {
    ENT_RATING, ENT_BENCHMARK, ENT_INPUT, ENT_PILLAR, ENT_THEME, ENT_OUTCOME, ENT_ACTIVITY, ENT_INDICATOR,
    ENT_DELIVERY
} EntityKind;

/* What every named thing has; it is the first member of each, so an Entity * can be cast. */
typedef struct Entity {
    Ident id;                   /* may be absent for an indicator known only by its reference */
    const char *name;
    struct Entity *parent;      /* theme of an outcome, pillar of a theme ... */
    Loc name_loc;
    Loc loc;                    /* the declaring keyword */
    uint32_t end;               /* where its declaration ends in loc.file, its block's '}' included (planc lsp's
                                 * outline); 0 when the declaration never closed (a syntax error) */
    unsigned char kind;         /* an EntityKind */
    bool duplicate;             /* its identifier was taken: reported, and left out of the name table */
} Entity;

const char *entity_kind_name(EntityKind k);
/* How a diagnostic names it: the identifier, else the reference. */
const char *entity_label(const Entity *e);

/* Polarity, unit, frequency, accumulation, rating method and result status are the runtime's own
 * enums (prt_polarity ..., one list each in planrt_names.h): the tables pass them on as they are. */
/* The set of names only the compiler knows, one list each like the runtime's (planrt_names.h):
 * X(ENUM, word); the runtime sees an indicator's kind as its word. */
#define INDICATOR_KINDS(X) X(NONE, NULL) X(CPI, "cpi") X(SPI, "spi") X(KPI, "kpi") X(OUTCOME, "outcome")
#define INDICATOR_KIND_ENUM(e, word) KIND_##e,
typedef enum { INDICATOR_KINDS(INDICATOR_KIND_ENUM) } IndicatorKind;
#define N_INDICATOR_KINDS (0 INDICATOR_KINDS(PRT_NAMES_ONE))
extern const char *const indicator_kind_words[N_INDICATOR_KINDS];

typedef struct Unit {
    double per;                 /* PRT_UNIT_RATE: per how many */
    const char *custom;         /* PRT_UNIT_CUSTOM */
    Loc loc;
    unsigned char kind;         /* a prt_unit_kind */
} Unit;

/* How a band is drawn, as written (`colour C symbol NAME`), and what it resolves to. */
typedef struct BandLook {
    Ident colour;               /* name NULL: by position */
    prt_colour_choice colour_choice;
    Ident symbol;               /* a name, or the text when quoted; name NULL: none */
    bool symbol_quoted;
    const char *glyph;          /* what the reports print: the name's glyph or the text; NULL */
} BandLook;

typedef struct Band {
    Ident id;
    const char *label;
    Ident abbrev;
    BandThreshold how;
    Value threshold;
    Loc loc;
    prt_condition cond;         /* `if ...` as the lowerer read it (kind PRT_COND_NONE: none) */
    Loc cond_loc;               /* `if` to the condition's last word */
    BandLook look;              /* colour and symbol (issue 21) */
} Band;

typedef struct Rating {
    Entity e;
    prt_method method;
    Loc method_loc;
    PtrVec bands;               /* Band *, best first */
} Rating;

typedef struct Benchmark {
    Entity e;
    const char *source;
} Benchmark;

typedef struct Input {
    Entity e;
    Unit unit;
    const char *source;
} Input;

typedef struct Outcome {
    Entity e;
    NameRef *contributes;
    const char *description;
    PtrVec contributes_to;      /* Outcome *, resolved by the checker */
    unsigned measured_by;       /* how many indicators measure it */
} Outcome;

/* A band of a delivery scheme: `band ID "LABEL" (ABBR) when STATES impact IMPACTS colour C`. */
typedef struct DeliveryBand {
    Ident id;
    const char *label;
    Ident abbrev;
    BandThreshold how;          /* BAND_WHEN, BAND_OTHERWISE or BAND_JUDGED (a rating scheme's form: an error) */
    unsigned states, impacts;   /* bits by prt_delivery_state and prt_impact; 0: any */
    Ident colour;
    prt_colour_choice colour_choice;
    Loc loc;
    BandLook look;              /* its symbol (the colour stays in colour, colour_choice) */
} DeliveryBand;

typedef struct Delivery {
    Entity e;
    PtrVec bands;               /* DeliveryBand *, best first */
    prt_overdue_rule overdue;
    double overdue_n;           /* worsens N */
    Ident overdue_band;         /* at BAND */
    Loc overdue_loc;
    int overdue_index;          /* resolved by the checker: N, or the band's index */
    bool maps_states;           /* found by the checker: some band is chosen by state (not all by judgement) */
} Delivery;

typedef struct Milestone {
    Ident id;
    const char *name;
    When start, due, completed;
    Loc loc;
} Milestone;

/* `status WORD [in PERIOD [at N%] [impact I] [rated BAND] ["NOTE"]]` */
typedef struct StatusLine {
    Ident word;                 /* a state, or a band of the activity's scheme (the checker decides) */
    PeriodLit period;           /* !period.loc.file: undated */
    bool dated;
    Value percent;
    Ident impact_word, rated;
    const char *note;
    Loc loc;
    /* resolved by the checker */
    prt_delivery_state state;
    prt_impact impact;
    int band;
} StatusLine;

typedef struct Tally {
    PeriodLit period;
    Value done, total;
    const char *what;
    Loc loc;
} Tally;

typedef struct Activity {
    Entity e;
    NameRef *delivers;
    const char *progress, *owner, *description;
    Ident delivery;             /* `delivery ID`: a scheme other than the theme's or the plan's */
    When due;
    PtrVec milestones;          /* Milestone * */
    PtrVec statuses;            /* StatusLine * */
    PtrVec tallies;             /* Tally * */
    PtrVec delivered;           /* Outcome * */
    Delivery *scheme;           /* resolved by the checker: its own, its theme's or the plan's */
} Activity;

typedef struct Target {
    TargetSpec spec;
    PeriodLit period;
    const Value *tolerance;     /* `within`, NULL when not given (most targets: a pointer, not a Value) */
    const char *note;
    const char *reason;         /* `because "..."`: why the target is lower than before (W004 then silent) */
    Loc loc;
    Loc interval_loc;           /* `within confidence interval`, when within_interval */
    bool within_interval;       /* met when the result's confidence interval holds the target */
} Target;

typedef struct Amendment {
    PeriodLit period;           /* the period whose target changed */
    TargetSpec to;
    PeriodLit from;             /* when the change took effect */
    const char *reason;
    Loc loc;
} Amendment;

typedef struct Revision {
    PeriodLit period;
    const char *reason;
    Loc loc;
} Revision;

typedef struct BenchValue {
    Ident bench;
    Value value;
    PeriodLit period;
    const char *note;
    Loc loc;
} BenchValue;

/* `threshold BAND VALUE [in PERIOD] ["NOTE"]`: the indicator's own value for a `per indicator` band. */
typedef struct Threshold {
    Ident band;
    Value value;
    PeriodLit period;           /* !period.loc.file: undated (every period without its own) */
    const char *note;
    Loc loc;
    int band_index;             /* resolved by the checker: the band of the indicator's scheme, -1 */
} Threshold;

typedef struct ResultRec {
    prt_result_status status;
    Value value;                /* PRT_RESULT_VALUE only */
    PeriodLit period;
    Ident rated;
    Value original;             /* present when the result was restated */
    Value lower, upper;         /* `interval LOWER to UPPER`: the survey's confidence interval, when present */
    const char *reason, *note;
    Loc loc;
} ResultRec;

/* `expect VALUE in PERIOD ["NOTE"]`: the level a contextual indicator is shown against. */
typedef struct Expect {
    Value value;
    PeriodLit period;
    const char *note;
    Loc loc;
} Expect;

/* The widest node of the model, one per indicator: fields are grouped by size so that none pads. */
typedef struct Indicator {
    Entity e;
    const char *ref;            /* as printed in the report; NULL if none */
    NameRef *measures;
    const char *source, *owner, *committee, *description;
    Expr *formula;
    Unit unit;
    const Value *tolerance;     /* NULL when not given */
    Value baseline;
    PtrVec targets;             /* Target * */
    PtrVec amendments;          /* Amendment * */
    PtrVec revisions;           /* Revision * */
    PtrVec benchmarks;          /* BenchValue * */
    PtrVec results;             /* ResultRec * */
    PtrVec thresholds;          /* Threshold *: values of `per indicator` bands */
    PtrVec expects;             /* Expect * */
    Ident rating;               /* scheme other than the plan's default */
    PeriodLit baseline_period;
    Loc ref_loc, kind_loc, polarity_loc, direction_loc, frequency_loc, formula_loc;
    unsigned char kind;         /* an IndicatorKind */
    unsigned char polarity;     /* a prt_polarity */
    unsigned char direction;    /* a prt_polarity: monitor only, which way the direction of travel counts as improving */
    unsigned char frequency;    /* a prt_frequency */
    unsigned char accumulates;  /* a prt_accumulation */
    unsigned char arrears;      /* quarters */
    double jump;                /* `jump N`: the Q002 multiple for this indicator; 0 when not given (the plan's) */
    signed char decimals;       /* -1: not given */
    bool polarity_given;        /* even if the word was unknown (already reported) */
    bool tolerance_of_target;   /* `tolerance N% of target` */
    /* resolved by the checker */
    Rating *scheme;
    PtrVec measured;            /* Outcome * */
} Indicator;

typedef struct Theme {
    Entity e;
    bool transformation;
    Ident delivery;             /* `delivery ID`: the delivery scheme of its activities */
    const char *owner, *description;
    PtrVec outcomes, activities, indicators;
} Theme;

typedef struct Pillar {
    Entity e;
    const char *description;
    PtrVec themes;
} Pillar;

/* The most years `stale N` allows: far beyond any benchmark's life, and small enough for an int. */
#define PLANC_MAX_STALE_YEARS 100

typedef struct PlanHeader {
    bool present;
    Loc loc;
    const char *name;
    const char *organisation;
    PeriodLit first, last;      /* covers first to last */
    prt_frequency reported;
    Ident rating;
    Ident delivery;             /* `delivery ID`: the default delivery scheme */
    const char *description;
    const char *version;        /* `version "TEXT"`, NULL when not given */
    prt_dot_basis dot_basis;    /* `direction`: which direction of travel reports print */
    prt_forecast_rule forecast; /* `forecast`: how a year-end figure is forecast in-year */
    double jump;                /* `jump N` (N > 1); 0 when not given */
    int stale_years;            /* `stale N` (N >= 0) as N + 1, the tables' form; 0 when not given */
} PlanHeader;

typedef struct Plan {
    Arena arena;
    PlanHeader header;
    PtrVec ratings, benchmarks, inputs, pillars, deliveries;
    /* every entity of each kind, in source order, wherever it was declared */
    PtrVec themes, outcomes, activities, indicators;

    bool syntax_errors;         /* some statements were lost to syntax errors */
    /* "fnv1a64:" and 16 hex digits over the bytes of every file of the plan in load order, so that a
     * report names the text it came from; set by plan_digest_sources (plan_load.c), NULL before */
    const char *digest;
} Plan;

/* The names: identifier -> Entity (one namespace) and printed reference -> Indicator, kept on the
 * plan's interned strings (arena_intern_slot).  name must be interned in the plan's arena, or NULL.
 * declare binds name to e unless it is bound already, and returns what it is bound to. */
Entity *plan_lookup(const Plan *p, const char *name);
Entity *plan_declare(Plan *p, const char *name, Entity *e);
Indicator *plan_lookup_ref(const Plan *p, const char *ref);
Indicator *plan_declare_ref(Plan *p, const char *ref, Indicator *in);

/* The indicator's target for exactly period p, or NULL. */
const Target *indicator_target(const Indicator *in, prt_period p);

void plan_model_init(Plan *p);
void plan_model_free(Plan *p);

#endif
