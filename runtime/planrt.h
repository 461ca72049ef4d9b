/* planrt: the runtime library that rates a plan's indicators for a period.
 *
 * A plan reaches the runtime as constant tables (prt_plan): generated C code defines them as static
 * data, and `planc eval` builds the very same tables in memory.  Everything that rates — targets in
 * force, rating methods, direction of travel, summaries, the report formats — lives here once, so the
 * two paths cannot disagree. */
#ifndef PLANRT_H
#define PLANRT_H

#include "diagnostics.h"
#include "period.h"
#include "planrt_names.h"
#include "strbuf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define PLANRT_VERSION "0.1.0"

/* ---- the plan, as tables ---- */

/* prt_polarity, prt_unit_kind, prt_frequency, prt_accumulation, prt_method, prt_target_kind, prt_cmp
 * and prt_result_status, with their names, come from the lists in planrt_names.h. */

/* A band's edge besides the method's own (`at N%`, `within N pts`, `otherwise`, the default): the
 * rules councils write (docs/rating.md, "Rules as councils write them"). */
typedef enum {
    PRT_EDGE_METHOD,                   /* at N% / within N pts / otherwise: as threshold and otherwise say */
    PRT_EDGE_PER_INDICATOR,            /* the indicator's own `threshold BAND VALUE` (inclusive) */
    PRT_EDGE_WITHIN_TOLERANCE,         /* short of the target by no more than the tolerance */
    PRT_EDGE_ABOVE_TOLERANCE,          /* better than the target by more than the tolerance */
    PRT_EDGE_ABOVE                     /* the method's figure > threshold (strict) */
} prt_edge;

typedef struct prt_band {
    const char *id, *label, *abbrev;   /* abbrev may be NULL */
    double threshold;                  /* at N% (improvement, achievement) or within N pts (points); above N% */
    bool otherwise;                    /* also a band with a condition and no edge (`band a if same`) */
    prt_condition cond;                /* `if ...` (planrt_names.h): given only when it holds */
    prt_edge edge;
    /* issue 21, presentation: how the band is drawn, and the monitor band */
    prt_colour_choice colour;          /* AUTO: by position (palette.c) */
    const char *symbol;                /* a glyph printed beside the label (UTF-8, at most 4 characters), NULL */
    bool monitor;                      /* `monitor`: not a rating; given to the scheme's unrated indicators */
} prt_band;

typedef struct prt_scheme {
    const char *id, *name;
    prt_method method;
    int nbands;
    const prt_band *bands;             /* best first; those before target_band are above target */
    int target_band;                   /* the first band that is not `above ...`: bands up to it are on target */
} prt_scheme;

/* An indicator's own value for a `per indicator` band: `threshold BAND VALUE [in PERIOD]`. */
typedef struct prt_threshold {
    int band;                          /* index into the indicator's scheme's bands */
    bool dated;                        /* false: for every period without a value of its own */
    prt_period period;
    double value;
    const char *note;                  /* NULL when none */
} prt_threshold;

typedef struct prt_target {
    prt_period period;
    prt_target_kind kind;
    prt_cmp op;                        /* PRT_TARGET_THRESHOLD */
    double value;                      /* VALUE, THRESHOLD */
    int benchmark;                     /* BENCHMARK: index into plan->benchmarks */
    bool has_tolerance;
    double tolerance;
    const char *note;
    bool within_interval;              /* met when the result's confidence interval holds it (rate.c) */
    const char *reason;                /* `because "..."`: why it asks for less than before; NULL */
} prt_target;

/* `expect VALUE in PERIOD`: the level a contextual indicator is shown against, in place of a target. */
typedef struct prt_expect {
    prt_period period;
    double value;
    const char *note;
} prt_expect;

typedef struct prt_amendment {
    prt_period period;                 /* the target amended */
    prt_target to;
    prt_period from;                   /* in force for reports of periods ending at or after its start */
    const char *reason;
} prt_amendment;

typedef struct prt_revision {
    prt_period period;                 /* results from this period on are not comparable with earlier ones */
    const char *reason;
} prt_revision;

typedef struct prt_bench_value {
    int benchmark;
    prt_period period;
    double value;
    const char *note;
} prt_bench_value;

typedef struct prt_plan_result {       /* a result written in the plan itself */
    prt_period period;
    prt_result_status status;
    double value;
    bool restated;
    double original;
    const char *rated;                 /* rating of record (band id or abbreviation) or NULL */
    const char *note;
    bool has_interval;                 /* `interval LOWER to UPPER`: the survey's confidence interval */
    double lower, upper;
} prt_plan_result;

/* Formulas as reverse Polish code, so the interpreter needs no compiler.  Generated code also gets
 * a C function per formula; both must agree, which the differential test checks. */
typedef enum { PRT_OP_NUM, PRT_OP_INDICATOR, PRT_OP_INPUT, PRT_OP_NEG, PRT_OP_ADD, PRT_OP_SUB, PRT_OP_MUL, PRT_OP_DIV } prt_opcode;
typedef struct prt_op {
    prt_opcode op;
    double num;
    int index;                         /* indicator or input */
} prt_op;

/* The most bands a rating scheme has: the summaries keep a count per band (prt_counts) and a column
 * per band.  planc's checker rejects a scheme with more (E044), so no band is ever left uncounted;
 * real schemes have three to six (RAG, Barnet's five). */
#define PRT_MAX_BANDS 8
/* The most periods one report covers (--history N): ten years of months.  Memory grows with
 * indicators x periods; this stops a typo from asking for a million. */
#define PRT_MAX_HISTORY 120
/* The most values a formula's code holds at once (the interpreter's stack, the generated function's
 * temporaries in flight).  planc's checker rejects deeper formulas (E038), so every back end can
 * evaluate every formula that checks clean; 64 nested parentheses (E010) can need 131. */
#define PRT_MAX_FORMULA_DEPTH 64
/* The longest row of a results file read: far beyond any real one, it stops a runaway input (R015). */
#define PRT_MAX_RECORD_BYTES (16 << 20)

/* The values a formula reads: every indicator's and input's value for the period being rated. */
typedef struct prt_values {
    const double *indicator;
    const bool *has_indicator;
    const double *input;
    const bool *has_input;
} prt_values;

/* Returns false (with a reason) when the value cannot be computed: a missing operand, division by zero. */
typedef bool (*prt_formula_fn)(const prt_values *v, double *out, const char **why);

typedef struct prt_indicator {
    const char *id;                    /* may be NULL */
    const char *ref;                   /* as printed; may be NULL */
    const char *name;
    const char *kind;                  /* cpi, spi, kpi, outcome or NULL */
    int theme;                         /* index into plan->themes */
    prt_polarity polarity;
    prt_polarity direction;            /* monitor only: a direction of travel asked for, which way is better */
    prt_unit_kind unit;
    double unit_per;
    const char *unit_custom;
    int decimals;                      /* -1: as given */
    prt_frequency frequency;
    prt_accumulation accumulates;
    int arrears;
    int scheme;                        /* index into plan->schemes, -1 for none */
    bool has_tolerance;
    double tolerance;
    bool has_baseline;
    double baseline;
    prt_period baseline_period;
    int ntargets, namendments, nrevisions, nbench, nresults, nformula;
    const prt_target *targets;
    const prt_amendment *amendments;
    const prt_revision *revisions;
    const prt_bench_value *bench;
    const prt_plan_result *results;
    const prt_op *formula;             /* nformula ops; NULL when not derived */
    prt_formula_fn formula_fn;         /* generated code only; NULL in the interpreter */
    const char *owner, *committee, *source;   /* as the plan gives them; NULL when not given */
    int outcome;                       /* the first outcome it measures (index into plan->outcomes), -1 for none */
    double jump;                       /* Q002's multiple for this indicator; 0: the plan's */
    bool tolerance_of_target;          /* `tolerance N% of target`: the tolerance is N% of the target in force */
    int nthresholds;
    const prt_threshold *thresholds;   /* per-indicator band values */
    int nexpects;                      /* `expect`: a contextual indicator's expected levels */
    const prt_expect *expects;
} prt_indicator;

typedef struct prt_theme {
    const char *id, *name;
    int pillar;
    bool transformation;
    const char *owner;                 /* NULL when not given */
} prt_theme;

typedef struct prt_outcome {
    const char *id, *name;
    int theme;                         /* index into plan->themes */
} prt_outcome;

typedef struct prt_pillar {
    const char *id, *name;
} prt_pillar;

typedef struct prt_named {
    const char *id, *name;
} prt_named;


/* ---- delivery: activities, milestones and the schemes that rate them ---- */

/* When something is due or was done: a day (2023-11-30), or a period (due by its last day). */
typedef struct prt_when {
    int date;                          /* yyyymmdd; 0 when a period is meant */
    prt_period period;                 /* when date is 0 and set */
    bool set;
} prt_when;

/* A band of a delivery scheme: which states (and impacts) it takes.  A band with neither and not
 * `otherwise` is given by judgement only (a return names it; no state leads to it). */
typedef struct prt_delivery_band {
    const char *id, *label, *abbrev;   /* abbrev may be NULL */
    unsigned states;                   /* a bit per prt_delivery_state (1u << state); 0: any state */
    unsigned impacts;                  /* a bit per prt_impact; 0: any impact (or none) */
    bool otherwise;
    prt_colour_choice colour;          /* AUTO: by position, as a rating scheme's bands */
    const char *symbol;                /* a glyph printed beside the label, NULL */
} prt_delivery_band;

typedef struct prt_delivery_scheme {
    const char *id, *name;
    int nbands;
    const prt_delivery_band *bands;    /* best first; the first is "completed or on target" */
    prt_overdue_rule overdue;          /* what an overdue milestone does to a band found from a state */
    int overdue_n;                     /* WORSENS: by how many bands; AT: the band it is at least */
} prt_delivery_scheme;

typedef struct prt_milestone {
    const char *id, *name;
    prt_when start, due, completed;    /* completed: as the plan records it */
} prt_milestone;

/* A status written in the plan: `status delayed in 2023/24 Q2 at 40% impact low rated A "..."`. */
typedef struct prt_activity_status {
    prt_period period;
    bool dated;                        /* false: `status S` with no period (every period without another) */
    prt_delivery_state state;          /* NONE when a band was named instead */
    prt_impact impact;
    int band;                          /* a band of the activity's scheme named by judgement, -1 */
    bool has_percent;
    double percent;                    /* complete, 0-100 */
    const char *rated;                 /* the rating of record as published (a band), NULL */
    const char *note;                  /* commentary */
} prt_activity_status;

/* A count the source states without naming the items: "30 of 33 actions completed or on target". */
typedef struct prt_tally {
    prt_period period;
    int done, total;
    const char *what;                  /* NULL: "actions" */
} prt_tally;

typedef struct prt_activity {
    const char *id, *name;
    int theme;                         /* index into plan->themes */
    int outcome;                       /* the first outcome it delivers, -1 for none */
    int scheme;                        /* index into plan->delivery, -1 for none */
    const char *owner, *description, *progress;   /* NULL when not given */
    prt_when due;
    int nmilestones, nstatuses, ntallies;
    const prt_milestone *milestones;
    const prt_activity_status *statuses;   /* in the order written */
    const prt_tally *tallies;
} prt_activity;

typedef struct prt_plan {
    const char *name, *organisation;
    int first_year, last_year;         /* covers first_year/.. to last_year/.. (0: not given) */
    int default_scheme;                /* the plan's rating scheme, -1 for none; summaries use its bands */
    int npillars, nthemes, nindicators, nschemes, nbenchmarks, ninputs;
    /* every indicator's reference and identifier name it alone (no reference is another indicator's
     * identifier, none is given twice): a results reader can then match a row to the indicator it
     * expects by comparing one string, and needs its table of names only for rows out of order */
    bool names_distinct;
    const prt_pillar *pillars;
    const prt_theme *themes;
    const prt_indicator *indicators;
    const prt_scheme *schemes;
    const prt_named *benchmarks;
    const prt_named *inputs;
    /* outcomes in plan order: reports group a theme's indicators by the outcome each measures */
    int noutcomes;
    const prt_outcome *outcomes;
    const char *version;               /* the plan's `version "..."`, NULL when not given */
    const char *digest;                /* a digest of the plan's text ("fnv1a64:..."), so a report names the plan it came from */
    prt_dot_basis dot_basis;           /* `direction`: which direction of travel reports print */
    prt_forecast_rule forecast;        /* `forecast`: how a year-end figure is forecast in-year */
    double jump;                       /* `jump N`: Q002 flags a change over N times the usual change (0: 3) */
    int stale_years;                   /* `stale N` as N + 1: Q004 flags a benchmark more than N years old; 0: not given (1 year) */
    /* delivery: the schemes, the plan's default (-1 none) and the activities in plan order */
    int ndelivery, default_delivery, nactivities;
    const prt_delivery_scheme *delivery;
    const prt_activity *activities;
} prt_plan;

/* ---- results ---- */

typedef struct prt_result_row {
    int indicator;                     /* -1 for an input's value */
    int input;
    prt_period period;
    prt_result_status status;
    double value;
    const char *rating;                /* rating of record, as published */
    const char *override;              /* manual rating */
    const char *reason;                /* why overridden */
    const char *comment;
    const char *dot;                   /* direction of travel as published */
    unsigned line;                     /* where in the file */
    prt_pos at;                        /* the value's place, for warnings about it (file in diag's sources) */
    /* (the small fields together: a kept row is 144 bytes, not 160 with padding between them, and a
     * report keeps a million) */
    bool provisional;                  /* the `provisional` column: the figure may still change */
    bool restated;                     /* the `restated` column: this row replaces an earlier figure */
    bool has_interval;                 /* the `lower` and `upper` columns: the survey's confidence interval */
    prt_result_status original_status; /* the status of the figure restated */
    int nbench;
    double original;                   /* ... and its value */
    const char *restate_reason;        /* the `restated` column's text: why */
    int *bench_index;
    double *bench_value;
    double lower, upper;
} prt_result_row;

typedef struct prt_results prt_results;

/* The codes of results problems (R000-R018) and what each means: SARIF's rules for them. */
const prt_diag_code *prt_results_codes(size_t *n);

/* Reads a results CSV file against the plan.  Returns NULL only if the file cannot be read (an
 * error is reported); rows with problems are reported and left out, nothing is dropped silently.
 * Problems go to diag, at the line and column of the field at fault: the file is added to diag's
 * sources as a streamed file (its text is not kept; a line is read again to show it). */
prt_results *prt_results_read(const prt_plan *plan, const char *path, prt_diag *diag);
prt_results *prt_results_parse(const prt_plan *plan, const char *path, const char *data, size_t len, prt_diag *diag);
/* The same, keeping only the rows a report for period p needs (every row is still checked), so that
 * memory does not grow with the history in the file. */
prt_results *prt_results_read_for(const prt_plan *plan, const char *path, prt_period p, prt_diag *diag);
/* The history: several files (or directories, each read as its *.csv files in name order) merged as
 * one.  A figure given twice is R011 unless the later row is a restatement (the `restated` column
 * gives its reason).  Keeps the rows that reports of the n periods up to p need (n >= 1).  NULL when
 * a file or directory cannot be read (R000 said; the others are still read, for their problems). */
prt_results *prt_results_read_history(const prt_plan *plan, const char *const *paths, size_t npaths, prt_period p,
                                      int n, prt_diag *diag);
void prt_results_free(prt_results *r);
const prt_result_row *prt_results_find(const prt_results *r, int indicator, prt_period period);

/* A return's row for an activity (its ref is the activity's identifier) or one of its milestones
 * ("activity.milestone").  The value column is the percentage complete, and may be empty. */
typedef struct prt_delivery_row {
    int activity;
    int milestone;                     /* -1: the activity's own row */
    prt_period period;
    prt_delivery_state state;          /* the `status` column, when it names a state */
    prt_impact impact;
    int band;                          /* the `status` column, when it names a band of the scheme; -1 */
    int override;                      /* the `override` column: a band, -1 */
    const char *reason;                /* why overridden */
    const char *rating;                /* the rating of record, as published */
    const char *comment;
    bool has_percent;
    double percent;
    int completed;                     /* the `completed` column: yyyymmdd, 0 */
    bool provisional;
    unsigned line;
    prt_pos at;                        /* the row's place */
} prt_delivery_row;
/* Every delivery row kept, in the order read; a row a later restatement replaced has activity -1. */
const prt_delivery_row *prt_results_delivery_rows(const prt_results *r, size_t *n);
/* A whole file, NUL-terminated (malloc'd; NULL if it cannot be read). */
char *prt_read_file(const char *path, size_t *len);
/* The value of a declared input (a row whose ref is the input's identifier). */
bool prt_results_input(const prt_results *r, int input, prt_period p, double *out);

/* ---- evaluation ---- */

/* What a target met "within confidence interval" made of the result's interval: no such target (NONE),
 * the interval holds the target (met), it does not (rated by the method), or no bounds were given. */
typedef enum { PRT_INTERVAL_NONE, PRT_INTERVAL_CONTAINS, PRT_INTERVAL_EXCLUDES, PRT_INTERVAL_NOT_GIVEN } prt_interval_use;
/* "contains target", "excludes target", "not given"; "" for NONE: the reports' word for it. */
const char *prt_interval_name(prt_interval_use u);

typedef enum { PRT_DOT_NONE, PRT_DOT_IMPROVING, PRT_DOT_SAME, PRT_DOT_WORSENING, PRT_DOT_NEW, PRT_DOT_NOT_COMPARABLE } prt_dot;

typedef struct prt_rating {
    int indicator;
    prt_period period;                 /* the period the result refers to (after arrears) */
    prt_result_status status;          /* NONE: no result for the period */
    double value;
    bool has_target;
    const prt_target *target;          /* the target in force, after amendments */
    double target_value;               /* resolved (maintain, benchmark) */
    bool amended;
    const char *amend_reason;
    int band;                          /* index into the scheme's bands, -1 when not rated */
    bool overridden;
    int computed_band;                 /* before an override */
    bool below_target;
    double percent;                    /* the method's figure, when there is one */
    const char *explanation;           /* never NULL; text in the evaluation's pool */
    bool has_previous;
    double previous;
    prt_period previous_period;
    prt_dot dot;
    const char *dot_explanation;       /* never NULL ("" when there is none) */
    const char *comment;
    const char *published_rating;      /* rating of record, from the results or the plan */
    bool of_record;                    /* band is the rating of record (--ratings record), not the method's */
    const char *method_explanation;    /* never NULL: the method's explanation, before an override or the record */
    const char *published_dot;
    bool exception;                    /* below target and no commentary */
    double benchmark_value;
    const char *benchmark_name;
    bool has_benchmark;
    prt_period benchmark_period;       /* when the benchmark's value was measured: the target's benchmark when the target is one */
    /* long term: previous is last year's result, or the baseline when the plan's first year is this
     * one (the baseline counts as the year before the plan starts) */
    bool previous_is_baseline;
    /* short term: against the previous period of the same kind (the quarter before) */
    bool has_prior;
    double prior;
    prt_period prior_period;
    bool prior_is_baseline;
    prt_dot dot_short;
    const char *dot_short_explanation; /* never NULL ("" when there is none) */
    /* the year-end forecast for an annual target rated in-year (the plan's `forecast`) */
    bool has_forecast;
    double forecast;
    double annual_target;
    bool forecast_miss;                /* forecast to miss the annual target: an exception */
    const char *forecast_explanation;  /* never NULL */
    /* the bands better than the band found whose edge was reached but whose condition failed, a bit
     * (1u << band) each: the explanation says why */
    unsigned cond_failed;
    /* data quality: a bit per prt_quality_flag, and what each found (NULL where not set) */
    unsigned quality;
    const char *quality_explanation[PRT_N_QUALITY_FLAGS];
    bool provisional;
    bool restated;
    double original;
    const char *restate_reason;
    const prt_result_row *row;         /* the results row rated, or NULL (plan result, derived, none) */
    /* the result's confidence interval (results' lower and upper, or the plan's `interval`), and what
     * a target "within confidence interval" made of it */
    bool has_interval;
    double lower, upper;
    prt_interval_use interval;
    /* shown, not rated: the scheme's monitor band for a monitor-only or contextual indicator reported
     * (band stays -1), and a contextual indicator's expected level for the period */
    bool monitoring;
    const prt_expect *expected;        /* NULL when none */
} prt_rating;

typedef struct prt_counts {
    int reported, rated, monitor_nya, with_dot, improved_same, worsened, on_target, below_target;
    int band[PRT_MAX_BANDS];           /* by band index; schemes have at most PRT_MAX_BANDS (E044) */
} prt_counts;


/* A milestone as it stands at the end of the period rated. */
typedef struct prt_milestone_status {
    prt_delivery_state state;          /* the latest return's, at or before the period; NONE */
    bool complete;
    int completed;                     /* yyyymmdd when known, else 0 */
    bool overdue;                      /* due by the end of the period and not complete */
    const char *comment;               /* the period's return's */
} prt_milestone_status;

/* An activity's delivery rating for one period. */
typedef struct prt_delivery {
    int activity;
    prt_period period;
    bool has_status;                   /* a return, a dated status or the undated one */
    bool undated;                      /* the plan's undated `status` */
    bool from_return;                  /* the results file's row */
    prt_delivery_state state;
    prt_impact impact;
    int band;                          /* index into the scheme's bands; -1 not rated */
    int state_band;                    /* the band the state leads to, before overdue and override; -1 */
    int computed_band;                 /* the band found, before an override (the audit's); -1 */
    bool judged;                       /* the band was named, not found from a state */
    bool overridden;
    const char *override_reason;
    bool overdue;                      /* a milestone, or the activity, past due and not complete */
    bool overdue_moved;                /* ... and the scheme's `overdue` rule moved the band */
    int noverdue;                      /* milestones overdue */
    bool on_target;                    /* the scheme's first band (no scheme: complete or on track) */
    bool exception;                    /* not on target, or overdue */
    bool has_percent;
    double percent;
    int completed;                     /* yyyymmdd, 0 */
    bool provisional;
    const char *comment;               /* the period's commentary (else the plan's progress), NULL */
    const char *published;             /* the rating of record, NULL */
    const char *explanation;           /* never NULL */
    const prt_delivery_row *row;       /* the return rated, NULL */
    const prt_tally *tally;            /* the tally stated for the period, NULL */
    prt_milestone_status *milestones;  /* one per milestone of the activity */
} prt_delivery;

typedef struct prt_delivery_counts {
    int activities, with_status, on_target, exceptions, overdue, complete;
    int band[PRT_MAX_BANDS];           /* by band of the plan's default delivery scheme */
    int state[PRT_N_DELIVERY_STATES];
} prt_delivery_counts;

/* Which band a report gives an indicator: the one its plan's method computes (an override applied),
 * or its rating of record where the results or the plan publish one (--ratings record). */
typedef enum { PRT_RATINGS_COMPUTED, PRT_RATINGS_RECORD } prt_ratings_basis;

typedef struct prt_evaluation {
    const prt_plan *plan;
    prt_period period;
    prt_ratings_basis basis;
    prt_rating *ratings;               /* one per indicator, in plan order */
    size_t nratings;                   /* their count, kept so that freeing them needs no plan */
    prt_counts *pillar_counts;         /* one per pillar */
    prt_counts *theme_counts;          /* one per theme */
    prt_counts total;
    int band_scheme;                   /* the scheme whose bands the summaries count (-1 none) */
    prt_pool strings;                  /* the ratings' explanations */
    prt_delivery *delivery;            /* one per activity, in plan order */
    prt_delivery_counts *pillar_delivery, *theme_delivery, delivery_total;
    prt_milestone_status *milestone_status;   /* the storage the deliveries point into */
} prt_evaluation;

prt_evaluation *prt_evaluate(const prt_plan *plan, const prt_results *results, prt_period period);
/* The same on a basis: PRT_RATINGS_RECORD gives each indicator its rating of record where there is one. */
prt_evaluation *prt_evaluate_on(const prt_plan *plan, const prt_results *results, prt_period period,
                                prt_ratings_basis basis);
/* The band of delivery scheme d that a state and impact fall in (the first that takes them), -1. */
int prt_delivery_band_for(const prt_delivery_scheme *d, prt_delivery_state s, prt_impact im);
/* Whether any band of d is found from a state (else every band is given by judgement). */
bool prt_delivery_maps_states(const prt_delivery_scheme *d);
void prt_evaluation_free(prt_evaluation *ev);

/* A report over time: the n periods of p's kind up to p, oldest first, each rated with the target in
 * force then.  A one-period report is a history of one. */
typedef struct prt_history {
    const prt_plan *plan;
    int n;
    prt_evaluation **ev;               /* ev[n-1] is the report's period */
    const char *produced;              /* the date the report was produced ("2026-11-30"), or NULL */
    prt_ratings_basis basis;           /* the basis every period was rated on */
    bool provisional;                  /* some figure in it is provisional */
} prt_history;

prt_history *prt_history_evaluate(const prt_plan *plan, const prt_results *results, prt_period p, int n);
prt_history *prt_history_evaluate_on(const prt_plan *plan, const prt_results *results, prt_period p, int n,
                                     prt_ratings_basis basis);
void prt_history_free(prt_history *h);
/* The report's own period: h->ev[h->n - 1]. */
const prt_evaluation *prt_history_last(const prt_history *h);

/* XLSX is written by the Excel part (workbook.h) through prt_run; prt_report writes nothing for it. */
typedef enum { PRT_FORMAT_TEXT, PRT_FORMAT_CSV, PRT_FORMAT_JSON, PRT_FORMAT_MD, PRT_FORMAT_HTML, PRT_FORMAT_XLSX } prt_format;
bool prt_format_parse(const char *s, prt_format *out);
/* The format an output file's name asks for by its extension (.txt, .csv, .json, .md, .html or .htm,
 * .xlsx, any case); false for any other name, and for NULL or "-". */
bool prt_format_of_path(const char *path, prt_format *out);
void prt_report(FILE *out, const prt_history *h, prt_format format);
/* The HTML report (the committee pack), with an SVG map (the text of `planc map -T svg`) embedded when
 * map_svg is not NULL. */
void prt_report_html(FILE *out, const prt_history *h, const char *map_svg);
/* The ratings of record that differ from what the declared method computes, as text. */
void prt_audit(FILE *out, const prt_evaluation *ev);
/* The same in a report format: text, Markdown, CSV (a row per mismatch), JSON or an HTML page. */
void prt_audit_report(FILE *out, const prt_evaluation *ev, prt_format format);
/* The line a report prints under its title to say which ratings it gives ("Ratings: ..."). */
const char *prt_ratings_basis_text(prt_ratings_basis basis);

typedef struct prt_run_options {
    const char *progname;
    const char *const *results;        /* --results, repeatable: files or directories of returns */
    size_t nresults;
    const char *period, *output;
    long history;                      /* --history N: the N periods up to --period (0 or 1: just it) */
    const char *date;                  /* --date YYYY-MM-DD: the date a report says it was produced */
    const char **results_owned;        /* what prt_run_options_free frees (prt_run_take's list) */
    const char *map;                   /* --map: an SVG to embed in the HTML report */
    prt_format format;
    bool audit;
    prt_ratings_basis ratings;         /* --ratings computed|record */
    const char *positional;            /* planc eval's PLAN argument */
    /* --diagnostics-format (text, json, sarif, github) and --color (auto, always, never) for the
     * problems found in the results; NULL means text and auto */
    const char *diagnostics_format, *color;
} prt_run_options;

/* One rating of a results file, the pipeline `planc eval`, `planc map --results` and every generated
 * evaluator share: the period checked, the results read and their problems reported, the period rated. */
/* The period text names, checked against the plan's years: false after saying why ("PROG: error:
 * invalid period ..." or "... is outside the plan, which covers ..."), as every command that takes
 * --period says it. */
bool prt_plan_period(const prt_plan *plan, const char *text, const char *progname, prt_period *out);

typedef struct prt_session {
    const prt_plan *plan;
    const prt_run_options *opt;
    prt_period period;
    prt_diag_format diagnostics_format;
    bool color;
    prt_results *results;
    prt_history *history;              /* after prt_session_rate returned 0 */
    prt_evaluation *evaluation;        /* the report's period: history's last (owned by history) */
    char produced[16];                 /* the date the report says it was produced: --date, else SOURCE_DATE_EPOCH, else today */
} prt_session;

/* What can be checked before anything is read: the options' formats, the period (one, and within
 * the plan), an output that is not one of the inputs.  Returns -1 to go on, else the exit status (2)
 * after saying why.  prt_session_close is called in every case. */
int prt_session_open(prt_session *s, const prt_plan *plan, const prt_run_options *opt);
/* Reads the results for the period, reports their problems (opt's --diagnostics-format and --color:
 * text on standard error; the machine formats on standard output, written when there are problems
 * or the report goes to a file) and rates the period.  Returns 0, 1 (problems in the results, nothing
 * rated: a report missing rows would mislead) or 2 (the file cannot be read). */
int prt_session_rate(prt_session *s);
void prt_session_close(prt_session *s);
/* Both in one, for a caller with nothing to do between (planc map). */
int prt_rate_results(prt_session *s, const prt_plan *plan, const prt_run_options *opt);

/* Reads the results, rates the period and writes the report (or the audit).
 * Returns the exit status: 0 done, 1 errors in the results, 2 usage or I/O failure. */
int prt_run(const prt_plan *plan, const prt_run_options *opt);
/* Parses the evaluator's options (options.h: prt_run_option_table) from argv[first..]; no positional
 * argument.  -1 to go on, else an exit status (0 after --help). */
int prt_parse_options(int argc, char **argv, int first, prt_run_options *opt);
/* Frees what prt_parse_options (prt_run_take) allocated in opt. */
void prt_run_options_free(prt_run_options *opt);

/* The whole command line of a generated evaluator:
 *   plan_eval --results FILE --period P [--format text|csv|json|md|html] [--map FILE.svg] [--audit]
 *             [--ratings computed|record] [-o FILE]
 *             [--diagnostics-format FORMAT] [--color WHEN] */
int prt_main(const prt_plan *plan, int argc, char **argv);
/* A plan's tables packed for a fast C compile (packed.h; planc build writes them for a large plan): the
 * plan's own fields and small tables as they are, its themes, outcomes, indicators and activities as a
 * stream of numbers and a string pool. */
typedef struct prt_packed {
    const prt_plan *head;              /* everything but themes, outcomes, indicators and activities */
    const char *const *data;           /* the stream, in pieces of PRT_PACK_CHUNK digits */
    size_t ndata;                      /* digits in all */
    const char *const *strings;        /* the string pool's pieces */
    const prt_formula_fn *formulas;    /* the derived indicators' functions, in the indicators' order */
} prt_packed;
/* The plan the packed tables describe, malloc'd (strings point into the pool): free it with
 * prt_plan_unpacked_free.  NULL when the tables are damaged (edited by hand). */
prt_plan *prt_plan_unpack(const prt_packed *packed);
void prt_plan_unpacked_free(prt_plan *plan);
/* prt_main for packed tables (status 2, after saying so, when they are damaged). */
int prt_main_packed(const prt_packed *packed, int argc, char **argv);
/* Installs the Excel part (workbook.h): .xlsx returns and --format xlsx.  Defined in libplanrt_xlsx.a,
 * which a generated evaluator links only when asked (planc build --xlsx; cc -DPLANRT_XLSX). */
void prt_xlsx_enable(void);

/* The period an indicator's result refers to in a report for period p (reported in arrears). */
prt_period prt_result_period(const prt_indicator *in, prt_period p);
/* Whether the indicator reports for period p, by its frequency. */
bool prt_indicator_due(const prt_indicator *in, prt_period p);
/* The target in force for the indicator in period p (amendments applied), or NULL. */
const prt_target *prt_target_in_force(const prt_indicator *in, prt_period p, bool *amended);

/* Evaluates reverse Polish formula code; false with a reason when an operand is missing or a
 * division by zero occurs. */
bool prt_formula_eval(const prt_op *ops, int nops, const prt_values *v, double *out, const char **why);

/* ---- helpers shared with planc ---- */
const char *prt_band_name(const prt_scheme *s, int band);      /* label */
const char *prt_band_short(const prt_scheme *s, int band);     /* abbreviation, else id */
int prt_scheme_find_band(const prt_scheme *s, const char *name); /* by id or abbreviation, else by label, any case; -1 */
/* Whether band (>= 0) is on or above target: at or before the scheme's target band. */
bool prt_band_on_target(const prt_scheme *s, int band);
/* A band's range in the words of every explanation (docs/rating.md), in pool: percentages "T% or more",
 * "T% to U%" (has_upper), "below U%" (below: a band with no edge of its own, under the edge U of the
 * band above), "more than T%" (above: an `above` band); points (the `points` method) "within T pts",
 * "more than U pts" (below).  planc's hover words a band the same way through it. */
const char *prt_band_range(prt_pool *pool, bool points, bool above, bool below, double threshold, bool has_upper,
                           double upper);
const char *prt_indicator_label(const prt_indicator *in);       /* ref, else id */
int prt_scheme_monitor_band(const prt_scheme *s);               /* the `monitor` band's index, -1 */
/* The band an indicator is shown in: its rating, else the monitor band when r->monitoring; -1. */
int prt_rating_shown_band(const prt_scheme *s, const prt_rating *r);
/* A band's symbol (a glyph reports print beside its label), NULL when it has none. */
const char *prt_band_symbol(const prt_scheme *s, int band);
/* Formats a value in the indicator's unit: "72.5%", "£100,000", "18 weeks". */
char *prt_format_value(const prt_indicator *in, double v, char *buf, size_t size);
const char *prt_dot_name(prt_dot d);
/* Whether band b's condition holds for r, whose directions and forecast are already found (true for a
 * band without one). */
bool prt_condition_holds(const prt_condition *c, const prt_rating *r);
/* A condition as the plan writes it after `if` ("improving or same against previous"), in pool. */
const char *prt_condition_text(prt_pool *pool, const prt_condition *c);
/* A direction of travel as a results file's `dot` column writes it (any case): improving, same,
 * worsening, new, not comparable; "N/A" (na, not applicable, none) for none; "New method" for not
 * comparable.  False for anything else. */
bool prt_dot_parse(const char *s, prt_dot *out);
/* Writes one CSV field (quoted when it must be), then a comma, or CRLF after the last of a row. */
void prt_csv_field(FILE *out, const char *s, bool last);

#endif
