/* The properties `planc diff` compares: one X-macro per struct of the model (compiler/ast.h), one row per
 * field.  The diff is built from these rows, and tests/diff_props.sh holds them to ast.h: a field of a
 * struct there that is in no row below and not in DIFF_NOT_PROPERTIES fails the test, and so does a row
 * that tests/diff/mutations.tsv does not change (each mutation must make diff exit 1 with a line naming
 * the property, old -> new).  Keep one row per line: the test reads this file.
 *
 *   V(Struct, field, "label")  a value: text_Struct_field(Cmp *, const LoadedPlan *, const void *) gives
 *                              its text as the plan wrote it; two texts that differ are a change
 *                              ("KEY label: old -> new")
 *   L(Struct, field, "label")  a list or a part with lines of its own: list_Struct_field(Cmp *, key, x, y)
 *   H(Struct, field, "label")  compared by hand-written code that names it (the delivery part,
 *                              diff_delivery.c, and the parts of a value such as a unit's per) */
#ifndef PLANC_DIFF_PROPS_H
#define PLANC_DIFF_PROPS_H

#define DIFF_PlanHeader(V, L, H)                                                                            \
    V(PlanHeader, name, "title")                                                                            \
    V(PlanHeader, organisation, "organisation")                                                             \
    V(PlanHeader, first, "covers from")                                                                     \
    V(PlanHeader, last, "covers to")                                                                        \
    V(PlanHeader, reported, "reported")                                                                     \
    V(PlanHeader, rating, "rating scheme")                                                                  \
    V(PlanHeader, delivery, "delivery scheme")                                                              \
    V(PlanHeader, description, "description")                                                               \
    V(PlanHeader, version, "version")                                                                       \
    V(PlanHeader, dot_basis, "direction of travel")                                                         \
    V(PlanHeader, forecast, "forecast")                                                                     \
    V(PlanHeader, jump, "jump")                                                                             \
    V(PlanHeader, stale_years, "stale")

/* The lists of the plan, in the order diff prints them: each is added, removed and (matched by
 * identifier) changed. */
#define DIFF_Plan(V, L, H)                                                                                  \
    L(Plan, header, "plan header")                                                                          \
    L(Plan, pillars, "pillar")                                                                              \
    L(Plan, themes, "theme")                                                                                \
    L(Plan, outcomes, "outcome")                                                                            \
    L(Plan, ratings, "rating scheme")                                                                       \
    L(Plan, benchmarks, "benchmark")                                                                        \
    L(Plan, inputs, "input")                                                                                \
    L(Plan, indicators, "indicator")                                                                        \
    H(Plan, deliveries, "delivery scheme")                                                                  \
    H(Plan, activities, "activity")

/* What every entity has (its identifier is what matches it: see DIFF_NOT_PROPERTIES). */
#define DIFF_Entity(V, L, H)                                                                                \
    V(Entity, name, "renamed")                                                                              \
    V(Entity, parent, "moved")

#define DIFF_Pillar(V, L, H)                                                                            \
    V(Pillar, description, "description")

#define DIFF_Theme(V, L, H)                                                                                 \
    V(Theme, transformation, "transformation")                                                              \
    V(Theme, delivery, "delivery scheme")                                                                   \
    V(Theme, owner, "owner")                                                                                \
    V(Theme, description, "description")

#define DIFF_Outcome(V, L, H)                                                                               \
    V(Outcome, contributes, "contributes to")                                                               \
    V(Outcome, description, "description")

#define DIFF_Rating(V, L, H)                                                                                \
    V(Rating, method, "method")                                                                             \
    L(Rating, bands, "band")

/* A band of a rating scheme (matched by identifier; the scheme's list says its order). */
#define DIFF_Band(V, L, H)                                                                                  \
    V(Band, label, "label")                                                                                 \
    V(Band, abbrev, "abbreviation")                                                                         \
    V(Band, how, "rule")                                                                                    \
    V(Band, threshold, "threshold")                                                                         \
    V(Band, cond, "condition")                                                                              \
    H(Band, look, "colour") /* and "symbol": diff_model.c, compare_look */

#define DIFF_Benchmark(V, L, H)                                                                         \
    V(Benchmark, source, "source")

#define DIFF_Input(V, L, H)                                                                                 \
    V(Input, unit, "unit")                                                                                  \
    V(Input, source, "source")

/* A unit is one value: text_Indicator_unit and text_Input_unit print its kind, per and text together. */
#define DIFF_Unit(V, L, H)                                                                                  \
    H(Unit, kind, "unit")                                                                                   \
    H(Unit, per, "unit")                                                                                    \
    H(Unit, custom, "unit")

#define DIFF_Indicator(V, L, H)                                                                             \
    V(Indicator, ref, "reference")                                                                          \
    V(Indicator, kind, "kind")                                                                              \
    V(Indicator, measures, "measures")                                                                      \
    V(Indicator, polarity, "polarity")                                                                      \
    V(Indicator, direction, "direction")                                                                    \
    V(Indicator, unit, "unit")                                                                              \
    V(Indicator, decimals, "decimals")                                                                      \
    V(Indicator, frequency, "frequency")                                                                    \
    V(Indicator, accumulates, "accumulates")                                                                \
    V(Indicator, arrears, "arrears")                                                                        \
    V(Indicator, source, "source")                                                                          \
    V(Indicator, owner, "owner")                                                                            \
    V(Indicator, committee, "committee")                                                                    \
    V(Indicator, description, "description")                                                               \
    V(Indicator, rating, "rating scheme")                                                                   \
    V(Indicator, jump, "jump")                                                                              \
    V(Indicator, tolerance, "tolerance")                                                                    \
    H(Indicator, tolerance_of_target, "tolerance")                                                          \
    V(Indicator, baseline, "baseline")                                                                      \
    V(Indicator, baseline_period, "baseline period")                                                        \
    V(Indicator, formula, "formula")                                                                        \
    L(Indicator, targets, "target")                                                                         \
    L(Indicator, amendments, "amendment")                                                                   \
    L(Indicator, revisions, "revision")                                                                     \
    L(Indicator, benchmarks, "benchmark")                                                                   \
    L(Indicator, results, "result")                                                                         \
    L(Indicator, thresholds, "threshold")                                                                   \
    L(Indicator, expects, "expected value")

/* The items of an indicator's lists, matched by period (and benchmark): the rest are their values. */
#define DIFF_Target(V, L, H)                                                                                \
    V(Target, spec, "")                                                                                     \
    V(Target, tolerance, "within")                                                                          \
    V(Target, within_interval, "within confidence interval")                                                \
    V(Target, reason, "because")                                                                            \
    V(Target, note, "note")

#define DIFF_Amendment(V, L, H)                                                                             \
    V(Amendment, to, "")                                                                                    \
    V(Amendment, from, "from")                                                                              \
    V(Amendment, reason, "because")

#define DIFF_Revision(V, L, H)                                                                          \
    V(Revision, reason, "because")

#define DIFF_BenchValue(V, L, H)                                                                            \
    V(BenchValue, value, "")                                                                                \
    V(BenchValue, note, "note")

/* A per-indicator band's value, matched by band and period. */
#define DIFF_Threshold(V, L, H)                                                                             \
    V(Threshold, value, "")                                                                                 \
    V(Threshold, note, "note")

#define DIFF_Expect(V, L, H)                                                                                \
    V(Expect, value, "")                                                                                  \
    V(Expect, note, "note")

#define DIFF_ResultRec(V, L, H)                                                                             \
    V(ResultRec, status, "status")                                                                          \
    V(ResultRec, value, "")                                                                                 \
    V(ResultRec, rated, "rated")                                                                            \
    V(ResultRec, original, "restated from")                                                                 \
    V(ResultRec, lower, "interval from")                                                                    \
    V(ResultRec, upper, "interval to")                                                                      \
    V(ResultRec, reason, "because")                                                                         \
    V(ResultRec, note, "note")

/* Delivery (diff_delivery.c). */
#define DIFF_Delivery(V, L, H)                                                                              \
    H(Delivery, bands, "band")                                                                              \
    H(Delivery, overdue, "overdue")                                                                         \
    H(Delivery, overdue_n, "overdue")                                                                       \
    H(Delivery, overdue_band, "overdue")

#define DIFF_DeliveryBand(V, L, H)                                                                          \
    H(DeliveryBand, label, "label")                                                                         \
    H(DeliveryBand, abbrev, "abbreviation")                                                                 \
    H(DeliveryBand, how, "rule")                                                                            \
    H(DeliveryBand, states, "rule")                                                                         \
    H(DeliveryBand, impacts, "rule")                                                                        \
    H(DeliveryBand, colour, "colour")                                                                       \
    H(DeliveryBand, colour_choice, "colour")                                                              \
    H(DeliveryBand, look, "symbol") /* its symbol; the colour is colour_choice */

#define DIFF_Activity(V, L, H)                                                                              \
    H(Activity, delivers, "delivers")                                                                       \
    H(Activity, progress, "progress")                                                                       \
    H(Activity, owner, "owner")                                                                             \
    H(Activity, description, "description")                                                             \
    H(Activity, delivery, "delivery scheme")                                                                \
    H(Activity, due, "due")                                                                                 \
    H(Activity, milestones, "milestone")                                                                    \
    H(Activity, statuses, "status")                                                                         \
    H(Activity, tallies, "progress")

#define DIFF_Milestone(V, L, H)                                                                             \
    H(Milestone, name, "renamed")                                                                           \
    H(Milestone, start, "from")                                                                             \
    H(Milestone, due, "due")                                                                                \
    H(Milestone, completed, "completed")

#define DIFF_StatusLine(V, L, H)                                                                            \
    H(StatusLine, word, "status")                                                                           \
    H(StatusLine, percent, "complete")                                                                      \
    H(StatusLine, impact_word, "impact")                                                                    \
    H(StatusLine, rated, "rated")                                                                           \
    H(StatusLine, note, "note")

#define DIFF_Tally(V, L, H)                                                                                 \
    H(Tally, done, "progress")                                                                              \
    H(Tally, total, "progress")                                                                             \
    H(Tally, what, "progress")

/* Fields that are not properties: N(Struct, field) why.  A field whose change is an addition and a
 * removal (an identifier, a period that matches two items) is identity; the rest are where the plan
 * says it, what the checker worked out from the properties, or the bookkeeping of containers. */
#define DIFF_NOT_PROPERTIES(N)                                                                              \
    N(PtrVec, items) /* a container: its items are compared */                                              \
    N(PtrVec, n)                                                                                            \
    N(PtrVec, cap)                                                                                          \
    N(Entity, id) /* identity: entities are matched by identifier */                                        \
    N(Entity, name_loc) /* source locations */                                                              \
    N(Entity, loc)                                                                                          \
    N(Entity, end) /* a source location: where the declaration ends */                                    \
    N(Entity, kind) /* identity: an identifier of another kind is another entity */                         \
    N(Entity, duplicate) /* an error: diff only reads plans without errors */                               \
    N(Unit, loc)                                                                                            \
    N(Band, id) /* identity */                                                                              \
    N(BandLook, colour) /* compared as Band.look, DeliveryBand.look */                                     \
    N(BandLook, colour_choice)                                                                            \
    N(BandLook, symbol)                                                                                   \
    N(BandLook, symbol_quoted)                                                                            \
    N(BandLook, glyph)                                                                                    \
    N(Expect, period) /* identity */                                                                      \
    N(Expect, loc)                                                                                        \
    N(Band, loc)                                                                                            \
    N(Band, cond_loc)                                                                                       \
    N(Rating, method_loc)                                                                                   \
    N(Outcome, contributes_to) /* resolved from contributes */                                              \
    N(Outcome, measured_by) /* counted from the indicators' measures */                                     \
    N(DeliveryBand, id) /* identity */                                                                      \
    N(DeliveryBand, loc)                                                                                    \
    N(Delivery, overdue_loc)                                                                                \
    N(Delivery, overdue_index) /* resolved from overdue_n and overdue_band */                               \
    N(Delivery, maps_states) /* worked out from the bands' rules */                                         \
    N(Milestone, id) /* identity */                                                                         \
    N(Milestone, loc)                                                                                       \
    N(StatusLine, period) /* identity: a status is matched by its period */                                 \
    N(StatusLine, dated)                                                                                    \
    N(StatusLine, loc)                                                                                      \
    N(StatusLine, state) /* resolved from word and impact_word */                                           \
    N(StatusLine, impact)                                                                                   \
    N(StatusLine, band)                                                                                     \
    N(Tally, period) /* identity */                                                                         \
    N(Tally, loc)                                                                                           \
    N(Activity, delivered) /* resolved from delivers */                                                     \
    N(Activity, scheme) /* resolved from delivery (and the theme's and plan's): compared as delivery */     \
    N(Target, period) /* identity */                                                                        \
    N(Target, loc)                                                                                          \
    N(Target, interval_loc) /* where `within confidence interval` stands */ \
    N(Amendment, period) /* identity */                                                                     \
    N(Amendment, loc)                                                                                       \
    N(Revision, period) /* identity */                                                                      \
    N(Revision, loc)                                                                                        \
    N(BenchValue, bench) /* identity, with period */                                                        \
    N(BenchValue, period)                                                                                   \
    N(BenchValue, loc)                                                                                      \
    N(ResultRec, period) /* identity */                                                                     \
    N(Threshold, band) /* identity, with period */                                                          \
    N(Threshold, period)                                                                                    \
    N(Threshold, loc)                                                                                       \
    N(Threshold, band_index) /* the checker's */                                                            \
    N(ResultRec, loc)                                                                                       \
    N(Indicator, ref_loc)                                                                                   \
    N(Indicator, kind_loc)                                                                                  \
    N(Indicator, polarity_loc)                                                                              \
    N(Indicator, direction_loc)                                                                             \
    N(Indicator, frequency_loc)                                                                             \
    N(Indicator, formula_loc)                                                                               \
    N(Indicator, polarity_given) /* for the checker's messages */                                           \
    N(Indicator, scheme) /* resolved from rating (and the plan's): compared as rating */                    \
    N(Indicator, measured) /* resolved from measures */                                                     \
    N(Theme, outcomes) /* children: each reports its own move */                                            \
    N(Theme, activities)                                                                                    \
    N(Theme, indicators)                                                                                    \
    N(Pillar, themes)                                                                                       \
    N(PlanHeader, present) /* always: a plan without a header has errors */                                 \
    N(PlanHeader, loc)                                                                                      \
    N(Plan, arena) /* memory */                                                                             \
    N(Plan, syntax_errors) /* an error */                                                                   \
    N(Plan, digest) /* a hash of the text, not a property */

#endif
