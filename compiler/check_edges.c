/* The checker's rules for the band edges of issue 21 (check_edges.h): the order of a scheme's edges,
 * and each indicator's per-indicator values and tolerance against the scheme that rates it. */
#include "check_edges.h"
#include "planrt.h"
#include "suggest.h"

#include <stdlib.h>
#include <string.h>

static bool is_above(const Band *b)
{
    return b->how == BAND_ABOVE || b->how == BAND_ABOVE_TOLERANCE;
}

bool band_has_number(const Band *b)
{
    return b->how == BAND_AT || b->how == BAND_WITHIN || b->how == BAND_ABOVE;
}

bool rating_needs_method(const Rating *r)
{
    for (size_t i = 0; i < r->bands.n; i++)
        if (band_has_number(r->bands.items[i]))
            return true;
    return false;
}

/* How a band's number is written, for messages: "at 90%", "above 110%", "within 5 pts". */
static const char *edge_word(const Band *b)
{
    return b->how == BAND_ABOVE ? "above" : b->how == BAND_WITHIN ? "within" : "at";
}

static const char *edge_unit(const Band *b)
{
    return b->how == BAND_WITHIN ? " pts" : "%";
}

void check_band_order(Diag *diag, const Rating *r, size_t i)
{
    const Band *b = r->bands.items[i], *p = NULL;
    for (size_t k = i; k-- > 0 && !p;)
        if (band_has_number(r->bands.items[k]))
            p = r->bands.items[k];
    bool points = r->method == PRT_METHOD_POINTS;
    if (!p || (b->how == BAND_ABOVE && p->how != BAND_ABOVE) || (points && p->how == BAND_ABOVE))
        return;   /* an above band after another kind, or with points: check_rating_edges says so */
    double d = b->threshold.num - p->threshold.num;
    /* the same edge as the band before is reachable when that band has a condition, which can fail
     * (`at 90% if improving`, then `at 90%`) */
    if (b->how == p->how && d == 0 && p->cond.kind != PRT_COND_NONE)
        return;
    if (b->how == p->how && d == 0) {
        diag_error(diag, b->loc, "E060", "band '%s' can never be reached: band '%s' before it has the same edge ('%s %g%s')",
                   b->id.name, p->id.name, edge_word(b), b->threshold.num, edge_unit(b));
        diag_note(diag, p->loc, "band '%s' is here", p->id.name);
        return;
    }
    /* `at N%` after `above N%` is the same number taken inclusively: reachable at exactly N */
    bool ordered = points ? d > 0 : b->how != p->how ? d <= 0 : d < 0;
    if (!ordered) {
        diag_error(diag, b->threshold.loc, "E028",
                   "rating thresholds are out of order: band '%s' at %g must be %s than band '%s' at %g", b->id.name,
                   b->threshold.num, points ? "wider" : "lower", p->id.name, p->threshold.num);
        diag_note(diag, p->threshold.loc, "band '%s' is here", p->id.name);
    }
}

/* A second band with the same edge (`within tolerance` twice) takes nothing the first left. */
static void check_repeated_edge(Diag *diag, const Rating *r, size_t i)
{
    const Band *b = r->bands.items[i];
    if (b->how != BAND_WITHIN_TOLERANCE && b->how != BAND_ABOVE_TOLERANCE)
        return;
    for (size_t k = 0; k < i; k++) {
        const Band *p = r->bands.items[k];
        if (p->how == b->how && p->cond.kind == PRT_COND_NONE) {
            diag_error(diag, b->loc, "E060", "band '%s' can never be reached: band '%s' before it is also '%s'",
                       b->id.name, p->id.name, b->how == BAND_WITHIN_TOLERANCE ? "within tolerance" : "above tolerance");
            diag_note(diag, p->loc, "band '%s' is here", p->id.name);
            return;
        }
    }
}

/* The target band is the one a met target gets; `at 110%` there would put a result that meets its
 * target below target (a BRAG Blue written `at` instead of `above`). A warning: a council may mean it. */
static void target_band_above_100(Diag *diag, const Rating *r, const Band *b)
{
    if (b->how != BAND_AT || b->threshold.num <= 100 || r->method == PRT_METHOD_POINTS)
        return;
    diag_warning(diag, b->threshold.loc, "W060",
                 "band '%s' at %g%% is the scheme's target band, so a result that just meets its target is counted "
                 "below target; a band above target is written 'above %g%%'", b->id.name, b->threshold.num,
                 b->threshold.num);
}

void check_rating_edges(Diag *diag, const Rating *r)
{
    const Band *below = NULL;   /* the first band that is not above target */
    for (size_t i = 0; i < r->bands.n; i++) {
        const Band *b = r->bands.items[i];
        if (b->how == BAND_ABOVE && r->method == PRT_METHOD_POINTS)
            diag_error(diag, b->loc, "E060", "'above N%%' compares a percentage; with method points write 'above tolerance'");
        if (is_above(b) && below) {
            diag_error(diag, b->loc, "E060",
                       "band '%s' is above target, so it must come before band '%s', which is not", b->id.name,
                       below->id.name);
            diag_note(diag, below->loc, "band '%s' is here", below->id.name);
        } else if (!is_above(b) && !below) {
            below = b;
            target_band_above_100(diag, r, b);
        }
        check_repeated_edge(diag, r, i);
    }
}

/* ---- an indicator's values ---- */

static int band_index(const Rating *r, const char *name)
{
    for (size_t i = 0; i < r->bands.n; i++) {
        const Band *b = r->bands.items[i];
        if (b->id.name == name || b->abbrev.name == name || strcmp(b->id.name, name) == 0)
            return (int)i;
    }
    return -1;
}

/* "did you mean": the closest band of r, among the per-indicator ones when per_indicator. */
static const char *closest_band(const Rating *r, const char *name, bool per_indicator)
{
    const char *names[PRT_MAX_BANDS * 2] = {0};
    size_t n = 0;
    for (size_t i = 0; i < r->bands.n && n < PRT_MAX_BANDS; i++) {
        const Band *b = r->bands.items[i];
        if (!per_indicator || b->how == BAND_PER_INDICATOR)
            names[n++] = b->id.name;
    }
    const char *best = suggest_word(name, names, n);
    if (!best && per_indicator && n)
        return names[0];   /* any is closer than a band that takes no value */
    return best;
}

/* Threshold t names a per-indicator band of the indicator's scheme (E061): band_index is set. */
static void resolve_threshold(Diag *diag, const Indicator *in, Threshold *t)
{
    const Rating *r = in->scheme;
    if (!r) {
        if (!in->rating.name)   /* an unknown scheme has had its E012 */
            diag_error(diag, t->band.loc, "E061", "'threshold %s': indicator '%s' has no rating scheme", t->band.name,
                       entity_label(&in->e));
        return;
    }
    int i = band_index(r, t->band.name);
    if (i < 0) {
        const char *best = closest_band(r, t->band.name, false);
        diag_error(diag, t->band.loc, "E061", "rating scheme '%s' has no band '%s'%s%s%s", r->e.id.name, t->band.name,
                   best ? "; did you mean '" : "", best ? best : "", best ? "'?" : "");
        if (best)
            diag_fixit(diag, best);
        return;
    }
    const Band *b = r->bands.items[i];
    if (b->how != BAND_PER_INDICATOR) {
        const char *best = closest_band(r, t->band.name, true);
        diag_error(diag, t->band.loc, "E061", "band '%s' of rating scheme '%s' is not 'per indicator', so it takes no "
                   "threshold%s%s%s", b->id.name, r->e.id.name, best ? "; did you mean '" : "", best ? best : "",
                   best ? "'?" : "");
        return;
    }
    t->band_index = i;
}

static bool same_when(const Threshold *a, const Threshold *b)
{
    if (!a->period.loc.file || !b->period.loc.file)
        return !a->period.loc.file && !b->period.loc.file;
    return prt_period_equal(a->period.p, b->period.p);
}

/* Two values for one band and period: which one applies would be a guess (E061). */
static void check_duplicate(Diag *diag, const Indicator *in, size_t i)
{
    const Threshold *t = in->thresholds.items[i];
    for (size_t k = 0; k < i; k++) {
        const Threshold *p = in->thresholds.items[k];
        if (p->band_index == t->band_index && same_when(p, t)) {
            diag_error(diag, t->loc, "E061", "indicator '%s' has two thresholds for band '%s'%s%s",
                       entity_label(&in->e), t->band.name, t->period.loc.file ? " in " : "",
                       t->period.loc.file ? prt_period_text(t->period.p).s : "");
            diag_note(diag, p->loc, "the first is here");
            return;
        }
    }
}

/* The indicator's value for band b in period p: for exactly p, else (a part of a year) the year's,
 * else the undated one; NULL when none (the runtime's rule, rate.c). */
static const Threshold *value_for(const Indicator *in, int b, prt_period p)
{
    const Threshold *year = NULL, *undated = NULL;
    for (size_t i = 0; i < in->thresholds.n; i++) {
        const Threshold *t = in->thresholds.items[i];
        if (t->band_index != b)
            continue;
        if (!t->period.loc.file)
            undated = t;
        else if (prt_period_equal(t->period.p, p))
            return t;
        else if (t->period.p.kind == PRT_YEAR && p.kind != PRT_YEAR && t->period.p.year == p.year)
            year = t;
    }
    return year ? year : undated;
}

static bool is_rated(const Target *t)
{
    return t->spec.kind != PRT_TARGET_MONITOR;
}

/* Whether the scheme rates this indicator: a polarity, and a target that is not `monitor`. */
static bool rated_by_scheme(const Indicator *in)
{
    if (!in->scheme || (in->polarity != PRT_POL_BIGGER && in->polarity != PRT_POL_SMALLER))
        return false;
    for (size_t i = 0; i < in->targets.n; i++)
        if (is_rated(in->targets.items[i]))
            return true;
    return false;
}

/* A band `within tolerance` or `above tolerance` needs the indicator's tolerance (or each target's own). */
static void check_tolerance_given(Diag *diag, const Indicator *in)
{
    const Rating *r = in->scheme;
    const Band *needs = NULL;
    for (size_t i = 0; i < r->bands.n && !needs; i++) {
        const Band *b = r->bands.items[i];
        if (b->how == BAND_WITHIN_TOLERANCE || b->how == BAND_ABOVE_TOLERANCE)
            needs = b;
    }
    if (!needs || in->tolerance)
        return;
    for (size_t i = 0; i < in->targets.n; i++) {
        const Target *t = in->targets.items[i];
        if (is_rated(t) && !t->tolerance) {
            diag_error(diag, in->e.loc, "E063", "indicator '%s' has no tolerance, which band '%s' of rating scheme '%s' "
                       "needs ('%s'): add 'tolerance N' or 'tolerance N%% of target'", entity_label(&in->e),
                       needs->id.name, r->e.id.name,
                       needs->how == BAND_WITHIN_TOLERANCE ? "within tolerance" : "above tolerance");
            return;
        }
    }
}

/* Every per-indicator band has a value for each period the indicator has a target for (E063). */
static bool check_values_given(Diag *diag, const Indicator *in)
{
    const Rating *r = in->scheme;
    for (size_t b = 0; b < r->bands.n; b++) {
        const Band *band = r->bands.items[b];
        if (band->how != BAND_PER_INDICATOR)
            continue;
        for (size_t i = 0; i < in->targets.n; i++) {
            const Target *t = in->targets.items[i];
            if (!is_rated(t) || !t->period.valid || value_for(in, (int)b, t->period.p))
                continue;
            diag_error(diag, t->loc, "E063", "indicator '%s' has no threshold for band '%s' (per indicator) in %s, "
                       "where it has a target: add 'threshold %s VALUE in %s'", entity_label(&in->e), band->id.name,
                       prt_period_text(t->period.p).s, band->id.name, prt_period_text(t->period.p).s);
            return false;
        }
    }
    return true;
}

/* Whether value a is better than b for the polarity (strictly, or as good when inclusive). */
static bool better(prt_polarity pol, double a, double b, bool inclusive)
{
    double d = pol == PRT_POL_SMALLER ? b - a : a - b;
    return inclusive ? d >= 0 : d > 0;
}

/* In the target's period, successive per-indicator values get strictly worse, and none after the
 * target band is as good as a value target (a result there meets the target): E062, once. */
static bool check_order_in(Diag *diag, const Indicator *in, const Target *t)
{
    const Rating *r = in->scheme;
    prt_polarity pol = (prt_polarity)in->polarity;
    const Threshold *prev = NULL;
    const Band *prev_band = NULL;
    size_t target_band = 0;
    while (target_band < r->bands.n && is_above(r->bands.items[target_band]))
        target_band++;
    bool target_band_met = target_band < r->bands.n &&
                           ((const Band *)r->bands.items[target_band])->how != BAND_PER_INDICATOR;
    for (size_t b = 0; b < r->bands.n; b++) {
        const Band *band = r->bands.items[b];
        const Threshold *v = band->how == BAND_PER_INDICATOR ? value_for(in, (int)b, t->period.p) : NULL;
        if (!v)
            continue;
        if (prev && !better(pol, prev->value.num, v->value.num, false)) {
            diag_error(diag, v->value.loc, "E062", "thresholds out of order for '%s' (%s is better) in %s: band '%s' at "
                       "%g must be worse than band '%s' at %g", entity_label(&in->e), prt_polarity_words[pol],
                       prt_period_text(t->period.p).s, band->id.name, v->value.num, prev_band->id.name, prev->value.num);
            diag_note(diag, prev->value.loc, "band '%s' is here", prev_band->id.name);
            return false;
        }
        if (b > target_band && target_band_met && t->spec.kind == PRT_TARGET_VALUE &&
            better(pol, v->value.num, t->spec.value.num, true)) {
            diag_error(diag, v->value.loc, "E062", "band '%s' can never be reached by '%s' in %s: its threshold %g is as "
                       "good as the target %g, and a result that meets the target is on target", band->id.name,
                       entity_label(&in->e), prt_period_text(t->period.p).s, v->value.num, t->spec.value.num);
            diag_note(diag, t->loc, "the target is here");
            return false;
        }
        prev = v;
        prev_band = band;
    }
    return true;
}

void check_indicator_edges(Plan *plan, Diag *diag, Indicator *in)
{
    (void)plan;
    if (in->tolerance && in->tolerance_of_target && in->tolerance->suffix != PRT_SUFFIX_PERCENT)
        diag_error(diag, in->tolerance->loc, "E064", "a tolerance of the target is a percentage of it: write "
                   "'tolerance 5%% of target'");
    for (size_t i = 0; i < in->thresholds.n; i++) {
        resolve_threshold(diag, in, in->thresholds.items[i]);
        if (((Threshold *)in->thresholds.items[i])->band_index >= 0)
            check_duplicate(diag, in, i);
    }
    if (!rated_by_scheme(in))
        return;
    check_tolerance_given(diag, in);
    if (!check_values_given(diag, in))
        return;
    for (size_t i = 0; i < in->targets.n; i++) {
        const Target *t = in->targets.items[i];
        if (is_rated(t) && t->period.valid && !check_order_in(diag, in, t))
            return;
    }
}
