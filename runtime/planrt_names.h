/* The sets of names a plan is written in (polarities, units, frequencies ...), each defined once as an
 * X-macro list.  Each list expands into the runtime's enum (prt_polarity, prt_unit_kind ...) and into
 * the tables in names.c: the word a plan writes, the C enumerator the generated code writes, the text
 * a report shows.  The compiler, the runtime and the docs test (tests/names.sh) all read these lists,
 * so adding a unit or a polarity is one edit here (and a line in docs/language.md, which the test
 * holds to the list).
 *
 * A member whose word is NULL is never written in a plan ("none", a target given as a number). */
#ifndef PLANRT_NAMES_H
#define PLANRT_NAMES_H

#include <stdbool.h>

/* X(ENUM, word, report text, text in a diff) */
#define PRT_POLARITIES(X)                                                                                   \
    X(NONE, NULL, "", "none")                                                                             \
    X(BIGGER, "bigger", "Bigger is better", "bigger is better")                                           \
    X(SMALLER, "smaller", "Smaller is better", "smaller is better")                                       \
    X(MONITOR, "monitor", "Monitor only", "monitor only")

/* X(ENUM, word, text in a data return, before a value, after a value, singular word after a number
 *   (`6 week`; the plural is the word), never negative)
 * RATE ("rate per N") and CUSTOM (a string) carry more than a word: the lowerer and the template
 * give them their own lines. */
#define PRT_UNITS(X)                                                                                        \
    X(NONE, NULL, "", "", "", NULL, false)                                                                \
    X(PERCENT, "percent", "percent", "", "%", NULL, false)                                                \
    X(COUNT, "count", "count", "", "", NULL, true)                                                        \
    X(SCORE, "score", "score", "", "", NULL, false)                                                       \
    X(CURRENCY, "currency", "currency (\xC2\xA3)", "\xC2\xA3", "", NULL, false)                           \
    X(DAYS, "days", "days", "", " days", "day", true)                                                     \
    X(WEEKS, "weeks", "weeks", "", " weeks", "week", true)                                                \
    X(RATE, "rate", "rate", "", "", NULL, true)                                                           \
    X(POINTS, "points", "percentage points", "", " pts", NULL, false)                                     \
    X(CUSTOM, NULL, "", "", "", NULL, false)

/* X(ENUM, word) */
#define PRT_FREQUENCIES(X)                                                                                  \
    X(NONE, NULL)                                                                                         \
    X(MONTHLY, "monthly")                                                                                 \
    X(QUARTERLY, "quarterly")                                                                             \
    X(BIANNUAL, "biannual")                                                                               \
    X(ANNUAL, "annual")

/* X(ENUM, word) */
#define PRT_ACCUMULATIONS(X)                                                                                \
    X(SNAPSHOT, "snapshot")                                                                               \
    X(YEAR_TO_DATE, "year_to_date")                                                                       \
    X(ROLLING_12_MONTHS, "rolling_12_months")

/* X(ENUM, word) */
#define PRT_METHODS(X)                                                                                      \
    X(NONE, NULL)                                                                                         \
    X(IMPROVEMENT, "improvement")                                                                         \
    X(ACHIEVEMENT, "achievement")                                                                         \
    X(POINTS, "points")

/* X(ENUM, word after `result`, report text) */
#define PRT_RESULT_STATUSES(X)                                                                              \
    X(NONE, NULL, "No result")                                                                            \
    X(VALUE, NULL, "")                                                                                    \
    X(NOT_AVAILABLE, "not_available", "Not available")                                                   \
    X(NOT_YET_AVAILABLE, "not_yet_available", "Not yet available")

/* X(ENUM, word after `target`): the words are the grammar's own keywords */
#define PRT_TARGET_KINDS(X)                                                                                 \
    X(VALUE, NULL)                                                                                        \
    X(THRESHOLD, NULL)                                                                                    \
    X(MONITOR, "monitor")                                                                                 \
    X(MAINTAIN, "maintain")                                                                               \
    X(BENCHMARK, "benchmark")

/* X(ENUM, operator as written) */
#define PRT_CMPS(X)                                                                                         \
    X(GE, ">=")                                                                                           \
    X(GT, ">")                                                                                            \
    X(LE, "<=")                                                                                           \
    X(LT, "<")

/* How a number is written: bare, `72%`, `3 pts`, `£100`, or with a word (`6 weeks`); the plan and a
 * results file say it the same way.  X(ENUM, how a message says it, the units it fits as a mask of
 * PRT_UNIT_BIT; every suffix fits an indicator whose unit is not given; a word is compared with the
 * unit's own words by the caller) */
#define PRT_SUFFIXES(X)                                                                                     \
    X(NONE, "", ~0u)                                                                                      \
    X(PERCENT, "as a percentage", PRT_UNIT_BIT(PERCENT))                                                  \
    X(POINTS, "in percentage points", PRT_UNIT_BIT(POINTS) | PRT_UNIT_BIT(PERCENT))                       \
    X(CURRENCY, "in pounds", PRT_UNIT_BIT(CURRENCY))                                                      \
    X(WORD, "with a word", 0u)
#define PRT_UNIT_BIT(u) (1u << PRT_UNIT_##u)

/* Which direction of travel a report prints (the plan's `direction`): against the same period last
 * year, against the previous period, or both as two columns.  X(ENUM, word) */
#define PRT_DOT_BASES(X)                                                                                    \
    X(LONG_TERM, "long_term")                                                                             \
    X(SHORT_TERM, "short_term")                                                                           \
    X(BOTH, "both")

/* How a year-end figure is forecast in-year for an indicator with an annual target (the plan's
 * `forecast`; docs/rating.md).  X(ENUM, word) */
#define PRT_FORECAST_RULES(X)                                                                               \
    X(NONE, "none")                                                                                       \
    X(PROFILE, "profile")                                                                                 \
    X(RUN_RATE, "run_rate")

/* Data-quality flags: doubtful data that is reported, never silently rated.  Each is a warning from
 * eval and a flag in every report.  X(ENUM, code, what it means) */
#define PRT_QUALITY_FLAGS(X)                                                                                \
    X(FRACTION, "Q001", "a percentage that looks like a fraction (0.88 for 88%)")                          \
    X(JUMP, "Q002", "a change far beyond the indicator's usual change")                                   \
    X(MISSING, "Q003", "no return for a period in which the indicator is due")                            \
    X(STALE_BENCHMARK, "Q004", "a benchmark older than the period by more than the plan allows")          \
    X(REPEATED_OVERRIDE, "Q005", "a rating overridden in two consecutive periods")

/* Delivery: the state an activity or milestone is in (a plan's `status`, a return's `status` column),
 * the impact a delay has, what an overdue milestone does to a delivery scheme's band, and the report
 * colour a delivery band asks for (auto: by its position, as a rating scheme's bands).
 * X(ENUM, word, report text) */
#define PRT_DELIVERY_STATES(X)                                                                              \
    X(NONE, NULL, "No status")                                                                            \
    X(NOT_STARTED, "not_started", "Not started")                                                          \
    X(ON_TRACK, "on_track", "On track")                                                                   \
    X(AT_RISK, "at_risk", "At risk")                                                                      \
    X(OFF_TRACK, "off_track", "Off track")                                                                \
    X(DELAYED, "delayed", "Delayed")                                                                      \
    X(COMPLETE, "complete", "Complete")
#define PRT_IMPACTS(X)                                                                                      \
    X(NONE, NULL, "")                                                                                     \
    X(LOW, "low", "low impact")                                                                           \
    X(MEDIUM, "medium", "medium impact")                                                                  \
    X(HIGH, "high", "high impact")
/* X(ENUM, word) */
#define PRT_OVERDUE_RULES(X)                                                                                \
    X(NONE, "none")                                                                                       \
    X(WORSENS, "worsens")                                                                                 \
    X(AT, "at")
#define PRT_COLOURS(X)                                                                                      \
    X(AUTO, NULL)                                                                                         \
    X(GREEN, "green")                                                                                     \
    X(AMBER, "amber")                                                                                     \
    X(RED, "red")                                                                                         \
    X(GREY, "grey")                                                                                       \
    X(BLUE, "blue")
/* Every member has its enumerator and at least one more column, so `...` is never empty (which
 * ISO C would not allow, and generated code is compiled with -pedantic). */
#define PRT_NAMES_ENUM_POL(e, ...) PRT_POL_##e,
#define PRT_NAMES_ENUM_UNIT(e, ...) PRT_UNIT_##e,
#define PRT_NAMES_ENUM_FREQ(e, ...) PRT_FREQ_##e,
#define PRT_NAMES_ENUM_ACC(e, ...) PRT_ACC_##e,
#define PRT_NAMES_ENUM_METHOD(e, ...) PRT_METHOD_##e,
#define PRT_NAMES_ENUM_RESULT(e, ...) PRT_RESULT_##e,
#define PRT_NAMES_ENUM_TARGET(e, ...) PRT_TARGET_##e,
#define PRT_NAMES_ENUM_CMP(e, ...) PRT_CMP_##e,
#define PRT_NAMES_ENUM_SUFFIX(e, ...) PRT_SUFFIX_##e,
#define PRT_NAMES_ENUM_DOT_BASIS(e, ...) PRT_DOT_BASIS_##e,
#define PRT_NAMES_ENUM_FORECAST(e, ...) PRT_FORECAST_##e,
#define PRT_NAMES_ENUM_QUALITY(e, ...) PRT_QUALITY_##e,
#define PRT_NAMES_ENUM_STATE(e, ...) PRT_STATE_##e,
#define PRT_NAMES_ENUM_IMPACT(e, ...) PRT_IMPACT_##e,
#define PRT_NAMES_ENUM_OVERDUE(e, ...) PRT_OVERDUE_##e,
#define PRT_NAMES_ENUM_COLOUR(e, ...) PRT_COLOUR_##e,
#define PRT_NAMES_ONE(e, ...) +1

typedef enum { PRT_POLARITIES(PRT_NAMES_ENUM_POL) } prt_polarity;
typedef enum { PRT_UNITS(PRT_NAMES_ENUM_UNIT) } prt_unit_kind;
typedef enum { PRT_FREQUENCIES(PRT_NAMES_ENUM_FREQ) } prt_frequency;
typedef enum { PRT_ACCUMULATIONS(PRT_NAMES_ENUM_ACC) } prt_accumulation;
typedef enum { PRT_METHODS(PRT_NAMES_ENUM_METHOD) } prt_method;
typedef enum { PRT_RESULT_STATUSES(PRT_NAMES_ENUM_RESULT) } prt_result_status;
typedef enum { PRT_TARGET_KINDS(PRT_NAMES_ENUM_TARGET) } prt_target_kind;
typedef enum { PRT_CMPS(PRT_NAMES_ENUM_CMP) } prt_cmp;
typedef enum { PRT_SUFFIXES(PRT_NAMES_ENUM_SUFFIX) } prt_suffix;
typedef enum { PRT_DOT_BASES(PRT_NAMES_ENUM_DOT_BASIS) } prt_dot_basis;
typedef enum { PRT_FORECAST_RULES(PRT_NAMES_ENUM_FORECAST) } prt_forecast_rule;
typedef enum { PRT_QUALITY_FLAGS(PRT_NAMES_ENUM_QUALITY) } prt_quality_flag;
typedef enum { PRT_DELIVERY_STATES(PRT_NAMES_ENUM_STATE) } prt_delivery_state;
typedef enum { PRT_IMPACTS(PRT_NAMES_ENUM_IMPACT) } prt_impact;
typedef enum { PRT_OVERDUE_RULES(PRT_NAMES_ENUM_OVERDUE) } prt_overdue_rule;
typedef enum { PRT_COLOURS(PRT_NAMES_ENUM_COLOUR) } prt_colour_choice;

/* How many members each set has: macros, not enumerators, so that a switch need not name them, and
 * named PRT_N_... so that no member (PRT_UNIT_COUNT is the unit `count`) can collide with them. */
#define PRT_N_POLARITIES (0 PRT_POLARITIES(PRT_NAMES_ONE))
#define PRT_N_UNITS (0 PRT_UNITS(PRT_NAMES_ONE))
#define PRT_N_FREQUENCIES (0 PRT_FREQUENCIES(PRT_NAMES_ONE))
#define PRT_N_ACCUMULATIONS (0 PRT_ACCUMULATIONS(PRT_NAMES_ONE))
#define PRT_N_METHODS (0 PRT_METHODS(PRT_NAMES_ONE))
#define PRT_N_RESULT_STATUSES (0 PRT_RESULT_STATUSES(PRT_NAMES_ONE))
#define PRT_N_TARGET_KINDS (0 PRT_TARGET_KINDS(PRT_NAMES_ONE))
#define PRT_N_CMPS (0 PRT_CMPS(PRT_NAMES_ONE))
#define PRT_N_SUFFIXES (0 PRT_SUFFIXES(PRT_NAMES_ONE))
#define PRT_N_DOT_BASES (0 PRT_DOT_BASES(PRT_NAMES_ONE))
#define PRT_N_FORECAST_RULES (0 PRT_FORECAST_RULES(PRT_NAMES_ONE))
#define PRT_N_QUALITY_FLAGS (0 PRT_QUALITY_FLAGS(PRT_NAMES_ONE))
#define PRT_N_DELIVERY_STATES (0 PRT_DELIVERY_STATES(PRT_NAMES_ONE))
#define PRT_N_IMPACTS (0 PRT_IMPACTS(PRT_NAMES_ONE))
#define PRT_N_OVERDUE_RULES (0 PRT_OVERDUE_RULES(PRT_NAMES_ONE))
#define PRT_N_COLOURS (0 PRT_COLOURS(PRT_NAMES_ONE))

/* Every set has its words and its C enumerators ("PRT_UNIT_PERCENT"), indexed by the enum. */
extern const char *const prt_polarity_words[PRT_N_POLARITIES], *const prt_polarity_c_names[PRT_N_POLARITIES];
extern const char *const prt_unit_words[PRT_N_UNITS], *const prt_unit_c_names[PRT_N_UNITS];
extern const char *const prt_frequency_words[PRT_N_FREQUENCIES], *const prt_frequency_c_names[PRT_N_FREQUENCIES];
extern const char *const prt_accumulation_words[PRT_N_ACCUMULATIONS], *const prt_accumulation_c_names[PRT_N_ACCUMULATIONS];
extern const char *const prt_method_words[PRT_N_METHODS], *const prt_method_c_names[PRT_N_METHODS];
extern const char *const prt_result_status_words[PRT_N_RESULT_STATUSES], *const prt_result_status_c_names[PRT_N_RESULT_STATUSES];
extern const char *const prt_target_kind_words[PRT_N_TARGET_KINDS], *const prt_target_kind_c_names[PRT_N_TARGET_KINDS];
extern const char *const prt_cmp_words[PRT_N_CMPS], *const prt_cmp_c_names[PRT_N_CMPS];
extern const char *const prt_dot_basis_words[PRT_N_DOT_BASES], *const prt_dot_basis_c_names[PRT_N_DOT_BASES];
extern const char *const prt_forecast_rule_words[PRT_N_FORECAST_RULES], *const prt_forecast_rule_c_names[PRT_N_FORECAST_RULES];
extern const char *const prt_delivery_state_words[PRT_N_DELIVERY_STATES], *const prt_delivery_state_c_names[PRT_N_DELIVERY_STATES];
extern const char *const prt_delivery_state_texts[PRT_N_DELIVERY_STATES];   /* "On track" */
extern const char *const prt_impact_words[PRT_N_IMPACTS], *const prt_impact_c_names[PRT_N_IMPACTS];
extern const char *const prt_impact_texts[PRT_N_IMPACTS];                   /* "low impact" */
extern const char *const prt_overdue_rule_words[PRT_N_OVERDUE_RULES], *const prt_overdue_rule_c_names[PRT_N_OVERDUE_RULES];
extern const char *const prt_colour_words[PRT_N_COLOURS], *const prt_colour_c_names[PRT_N_COLOURS];
/* The data-quality flags' codes ("Q001") and what each means. */
extern const char *const prt_quality_codes[PRT_N_QUALITY_FLAGS], *const prt_quality_texts[PRT_N_QUALITY_FLAGS];

/* What reports and messages show for each member. */
extern const char *const prt_polarity_texts[PRT_N_POLARITIES];      /* "Bigger is better" */
extern const char *const prt_polarity_diff_texts[PRT_N_POLARITIES]; /* "bigger is better", "none" */
extern const char *const prt_result_status_texts[PRT_N_RESULT_STATUSES];

typedef struct prt_unit_form {
    const char *text;                  /* in a data return: "currency (£)" */
    const char *prefix, *suffix;       /* around a formatted value: "£", "%", " weeks" */
    const char *singular;              /* "week" for `6 week`; NULL when only the plural is written */
    bool nonnegative;                  /* a value below zero is an error */
} prt_unit_form;
extern const prt_unit_form prt_unit_forms[PRT_N_UNITS];

/* "as a percentage", "in pounds": how a message says a value was written. */
extern const char *const prt_suffix_texts[PRT_N_SUFFIXES];
/* Whether a value written so fits the unit (PRT_SUFFIX_WORD: never; the caller compares the word). */
bool prt_suffix_fits_unit(prt_suffix suffix, prt_unit_kind unit);

/* A rating band's condition (`if improving or same`, `if not forecast met`, docs/rating.md): the band
 * is given only to a result whose edge is reached and whose condition holds.  Here, beside the names,
 * because the compiler's model keeps it as the runtime's tables do. */
typedef enum { PRT_COND_NONE, PRT_COND_DIRECTION, PRT_COND_FORECAST } prt_cond_kind;

typedef struct prt_condition {
    prt_cond_kind kind;
    unsigned char dirs;                /* DIRECTION: the directions written, a bit (1 << prt_dot) each */
    bool negated;                      /* `not`: holds for a direction (a forecast) other than those written */
    bool previous;                     /* `against previous`: the short-term direction, else last year's */
} prt_condition;

#endif
