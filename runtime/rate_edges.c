/* Rating by a scheme with the edges councils write (issue 21): `per indicator` bands with each
 * indicator's own values, a tolerance that is a band (`within tolerance`), bands above target
 * (`above tolerance`, `above N%`).  docs/rating.md, "Rules as councils write them", states the rules;
 * schemes without these edges are rated by rate.c's rate() exactly as before. */
#include "rate_parts.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define settle prt_settle

bool prt_scheme_has_edges(const prt_scheme *s)
{
    for (int i = 0; s && i < s->nbands; i++)
        if (s->bands[i].edge != PRT_EDGE_METHOD)
            return true;
    return false;
}

double prt_tolerance_for(const prt_indicator *in, const prt_target *t, double target)
{
    if (t && t->has_tolerance)
        return t->tolerance;
    if (!in->has_tolerance)
        return 0;
    return in->tolerance_of_target ? in->tolerance * fabs(target) / 100 : in->tolerance;
}

/* What the bands are compared with, worked out once. */
typedef struct Facts {
    const prt_scheme *s;
    const prt_indicator *in;
    prt_rating *r;              /* its cond_failed notes the conditions that failed */
    double sign;                /* +1 bigger is better, -1 smaller */
    double tol;                 /* 0: no tolerance */
    double figure;              /* the method's: a percentage, or the shortfall in points */
    bool has_figure;
    bool met;
    const char *what;           /* "target" or "targeted improvement" */
    const char *why_figure;     /* what the explanation adds about the figure, or NULL */
    int missing;                /* the first per-indicator band passed for want of a value, -1 */
} Facts;

/* The method's figure: as rate.c's rate() works it out (docs/rating.md, Rating methods). */
static void method_figure(Facts *f, double base, bool has_base)
{
    double result = f->r->value, target = f->r->target_value;
    f->what = "target";
    switch (f->s->method) {
    case PRT_METHOD_POINTS:
        f->figure = f->sign * (target - result);
        if (f->figure < 0)
            f->figure = 0;
        f->has_figure = true;
        return;
    case PRT_METHOD_IMPROVEMENT:
        if (has_base && settle(f->sign * (target - base)) > 0) {
            f->figure = (result - base) / (target - base) * 100;
            f->has_figure = true;
            f->what = "targeted improvement";
            return;
        }
        f->has_figure = prt_achievement(f->sign, result, target, &f->figure);
        f->why_figure = has_base ? "the target asks for no improvement on the baseline" : "no baseline to measure improvement from";
        return;
    case PRT_METHOD_ACHIEVEMENT:
        f->has_figure = prt_achievement(f->sign, result, target, &f->figure);
        return;
    case PRT_METHOD_NONE:
        return;
    }
}

/* The indicator's value for band b in the rating's period: for exactly the period, else (a part of a
 * year) the year's, else the undated one; NULL when there is none. */
static const prt_threshold *threshold_for(const prt_indicator *in, int b, prt_period p)
{
    const prt_threshold *year = NULL, *undated = NULL;
    for (int i = 0; i < in->nthresholds; i++) {
        const prt_threshold *t = &in->thresholds[i];
        if (t->band != b)
            continue;
        if (!t->dated)
            undated = t;
        else if (prt_period_equal(t->period, p))
            return t;
        else if (t->period.kind == PRT_YEAR && p.kind != PRT_YEAR && t->period.year == p.year)
            year = t;
    }
    return year ? year : undated;
}

/* A band written with the method's figure: `at N%`, `within N pts`; without a figure (no ratio can be
 * formed), a met target reaches it and a missed one does not. */
static bool method_reached(const Facts *f, const prt_band *b)
{
    if (b->otherwise)
        return true;
    if (!f->has_figure)
        return f->met;
    if (f->s->method == PRT_METHOD_POINTS)
        return settle(f->figure) <= b->threshold;
    return settle(f->figure) >= b->threshold;
}

/* Whether band i's edge is reached (a per-indicator band without a value is not, and is noted). */
static bool edge_reached(Facts *f, int i)
{
    const prt_band *b = &f->s->bands[i];
    double result = f->r->value, target = f->r->target_value;
    switch (b->edge) {
    case PRT_EDGE_METHOD: return method_reached(f, b);
    case PRT_EDGE_ABOVE: return f->has_figure && f->s->method != PRT_METHOD_POINTS && settle(f->figure) > b->threshold;
    case PRT_EDGE_ABOVE_TOLERANCE: return f->tol > 0 && settle(f->sign * (result - target)) > settle(f->tol);
    case PRT_EDGE_WITHIN_TOLERANCE: {
        double shortfall = f->sign * (target - result);
        return f->tol > 0 && settle(shortfall < 0 ? 0 : shortfall) <= settle(f->tol);
    }
    case PRT_EDGE_PER_INDICATOR: {
        const prt_threshold *t = threshold_for(f->in, i, f->r->period);
        if (!t && f->missing < 0)
            f->missing = i;
        return t && settle(f->sign * (result - t->value)) >= 0;
    }
    }
    return false;
}

static bool has_tolerance_band(const prt_scheme *s)
{
    for (int i = 0; i < s->nbands; i++)
        if (s->bands[i].edge == PRT_EDGE_WITHIN_TOLERANCE)
            return true;
    return false;
}

/* ---- explanations ---- */

/* "2 pts" for a percentage, "2" otherwise, and " (5% of 200)" when the tolerance is a share of the
 * target: "within the tolerance of 10 of the target (5% of 200)". */
static const char *tolerance_text(prt_pool *pool, const Facts *f, const char *between)
{
    const char *pts = f->in->unit == PRT_UNIT_PERCENT ? " pts" : "";
    char t[64];
    if (f->in->tolerance_of_target && !(f->r->target && f->r->target->has_tolerance))
        return prt_pool_printf(pool, "%g%s%s (%g%% of %s)", settle(f->tol), pts, between, f->in->tolerance,
                               prt_format_value(f->in, f->r->target_value, t, sizeof t));
    return prt_pool_printf(pool, "%g%s%s", settle(f->tol), pts, between);
}

/* The nearest band before i with a number of its own (at, above), or -1: the monitor band, given and
 * never reached, has none. */
static int numbered_before(const prt_scheme *s, int i)
{
    while (--i >= 0)
        if (!s->bands[i].otherwise && !s->bands[i].monitor &&
            (s->bands[i].edge == PRT_EDGE_METHOD || s->bands[i].edge == PRT_EDGE_ABOVE))
            return i;
    return -1;
}

/* "95% of target achieved (band 90% to 100%)": whole percents unless rounding would cross an edge. */
static const char *explain_percent(prt_pool *pool, const Facts *f, int band)
{
    const prt_band *b = &f->s->bands[band];
    int p = numbered_before(f->s, band);
    double upper = p >= 0 ? f->s->bands[p].threshold : 0;
    const char *range = prt_band_range(pool, false, b->edge == PRT_EDGE_ABOVE, b->otherwise, b->threshold, p >= 0, upper);
    double shown = floor(f->figure + 0.5);
    bool cross = (p >= 0 && shown >= upper) || (b->edge == PRT_EDGE_ABOVE && shown <= b->threshold) ||
                 (!b->otherwise && shown < b->threshold);
    if (cross && b->edge == PRT_EDGE_ABOVE && floor(f->figure * 10) / 10 <= b->threshold)
        return prt_pool_printf(pool, "%.9g%% of %s achieved (band %s)", settle(f->figure), f->what, range);
    if (cross)
        return prt_pool_printf(pool, "%.1f%% of %s achieved (band %s)", floor(f->figure * 10) / 10, f->what, range);
    return prt_pool_printf(pool, "%.0f%% of %s achieved (band %s)", shown, f->what, range);
}

/* The facts behind a band reached by the method's figure, or by a met or missed target without one. */
static const char *explain_method(prt_pool *pool, const Facts *f, int band)
{
    const prt_band *b = &f->s->bands[band];
    if (!f->has_figure)
        return prt_pool_printf(pool, "the target is %s (no percentage can be formed from %g and %g)",
                               f->met ? "met" : "not met", f->r->value, f->r->target_value);
    if (f->s->method == PRT_METHOD_POINTS) {
        int p = numbered_before(f->s, band);
        if (b->otherwise && p >= 0)
            return prt_pool_printf(pool, "%.1f pts below target (band: %s)", f->figure,
                                   prt_band_range(pool, true, false, true, 0, true, f->s->bands[p].threshold));
        if (b->otherwise)
            return prt_pool_printf(pool, "%.1f pts below target", f->figure);
        return prt_pool_printf(pool, "%.1f pts below target (band: %s)", f->figure,
                               prt_band_range(pool, true, false, false, b->threshold, false, 0));
    }
    const char *text = explain_percent(pool, f, band);
    return f->why_figure ? prt_pool_printf(pool, "%s; %s", text, f->why_figure) : text;
}

/* Why the last band: the band before it (the monitor band skipped) that was not reached, in its own
 * terms; when that band's edge was reached and only its condition failed, the condition's explanation
 * (condition.c) says why, and the method's figure is given here. */
static const char *explain_otherwise(prt_pool *pool, const Facts *f, int band)
{
    int pi = band - 1;
    while (pi >= 0 && f->s->bands[pi].monitor)
        pi--;
    const prt_band *prev = pi >= 0 && !(pi < 32 && (f->r->cond_failed >> pi & 1u)) ? &f->s->bands[pi] : NULL;
    char v[64], t[64];
    prt_format_value(f->in, f->r->value, v, sizeof v);
    if (prev && prev->edge == PRT_EDGE_PER_INDICATOR) {
        const prt_threshold *th = threshold_for(f->in, pi, f->r->period);
        if (th)
            return prt_pool_printf(pool, "%s is worse than the threshold for %s, %s", v, prev->label,
                                   prt_format_value(f->in, th->value, t, sizeof t));
    }
    if (prev && prev->edge == PRT_EDGE_WITHIN_TOLERANCE && f->tol > 0)
        return prt_pool_printf(pool, "%s is short of the target %s by more than the tolerance of %s", v,
                               prt_format_value(f->in, f->r->target_value, t, sizeof t), tolerance_text(pool, f, ""));
    return explain_method(pool, f, band);
}

static const char *explain_edge(prt_pool *pool, const Facts *f, int band)
{
    const prt_band *b = &f->s->bands[band];
    char v[64], t[64];
    switch (b->edge) {
    case PRT_EDGE_PER_INDICATOR: {
        const prt_threshold *th = threshold_for(f->in, band, f->r->period);
        return prt_pool_printf(pool, "%s is at or better than the threshold for %s, %s", prt_format_value(f->in, f->r->value, v, sizeof v),
                               b->label, prt_format_value(f->in, th ? th->value : 0, t, sizeof t));
    }
    case PRT_EDGE_WITHIN_TOLERANCE:
        return prt_pool_printf(pool, "within the tolerance of %s", tolerance_text(pool, f, " of the target"));
    case PRT_EDGE_ABOVE_TOLERANCE:
        return prt_pool_printf(pool, "better than the target by more than the tolerance of %s", tolerance_text(pool, f, ""));
    case PRT_EDGE_ABOVE:
        return explain_method(pool, f, band);
    case PRT_EDGE_METHOD:
        break;
    }
    return b->otherwise ? explain_otherwise(pool, f, band) : explain_method(pool, f, band);
}

/* "Red: ...", and the per-indicator band that had no value for the period, when one was passed. */
static void explain(prt_pool *pool, prt_rating *r, const Facts *f, const char *text)
{
    r->explanation = prt_pool_printf(pool, "%s: %s", f->s->bands[r->band].label, text);
    if (f->missing >= 0 && f->missing != r->band)
        r->explanation = prt_pool_printf(pool, "%s; no threshold for %s in %s", r->explanation,
                                         f->s->bands[f->missing].label, prt_period_text(r->period).s);
}

/* The first band from `first` whose edge is reached and whose condition (`if ...`) holds; the last
 * band takes every result. */
static int band_from(Facts *f, int first)
{
    for (int i = first; i < f->s->nbands; i++)
        if (!f->s->bands[i].monitor && edge_reached(f, i) && prt_band_condition_holds(f->s, i, f->r))
            return i;
    return f->s->nbands - 1;
}

void prt_rate_edges(prt_pool *pool, prt_rating *r, const prt_scheme *s, const prt_indicator *in, double base,
                    bool has_base)
{
    Facts f = {s, in, r, in->polarity == PRT_POL_SMALLER ? -1 : 1, 0, 0, false, false, "target", NULL, -1};
    const prt_target *t = r->target;
    double result = r->value, target = r->target_value;
    bool threshold = t->kind == PRT_TARGET_THRESHOLD;
    f.tol = prt_tolerance_for(in, t, target);
    f.met = threshold ? prt_threshold_met(t->op, result, target) : settle(f.sign * (result - target)) >= 0;
    method_figure(&f, base, has_base);
    r->percent = f.has_figure ? f.figure : f.met ? 100 : 0;
    /* a scheme without a `within tolerance` band keeps today's rule: within the tolerance is on target */
    if (!f.met && f.tol > 0 && !has_tolerance_band(s) && settle(f.sign * (target - result)) <= settle(f.tol)) {
        r->band = prt_band_when_met(s, s->target_band, r);
        r->explanation = prt_pool_printf(pool, "%s: within the tolerance of %s", s->bands[r->band].label,
                                         tolerance_text(pool, &f, " of the target"));
        return;
    }
    /* above target first; then a threshold met is on target, and one missed never is */
    int above = band_from(&f, 0);
    if (above < s->target_band) {
        r->band = above;
        explain(pool, r, &f, explain_edge(pool, &f, above));
        return;
    }
    f.missing = -1;
    if (threshold && f.met) {
        r->band = prt_band_when_met(s, s->target_band, r);
        explain(pool, r, &f, "the target is met");
        return;
    }
    int first = threshold && s->nbands > s->target_band + 1 ? s->target_band + 1 : s->target_band;
    r->band = band_from(&f, first);
    explain(pool, r, &f, explain_edge(pool, &f, r->band));
}
