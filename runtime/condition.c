/* Band conditions (issue 21): whether a band's `if improving or same`, `if not forecast met` holds
 * for a rating, how the plan writes it, and what it adds to the rating's explanation.  The rating
 * computes the directions of travel and the year-end forecast before the band (rate.c), so that the
 * band search can ask.  docs/rating.md ("Rules as councils write them") states the rules. */
#include "rate_parts.h"

static const prt_dot directions[] = {PRT_DOT_IMPROVING, PRT_DOT_SAME, PRT_DOT_WORSENING};
static const char *const direction_words[] = {"improving", "same", "worsening"};

/* A direction a condition can ask about: New, Not comparable and none are no direction at all. */
static bool is_direction(prt_dot d)
{
    return d == PRT_DOT_IMPROVING || d == PRT_DOT_SAME || d == PRT_DOT_WORSENING;
}

static prt_dot asked_direction(const prt_condition *c, const prt_rating *r)
{
    return c->previous ? r->dot_short : r->dot;
}

/* Without the figure it asks about (a direction, a forecast) a condition is false, under `not` as
 * well: "not improving" means same or worsening, which needs a direction. */
bool prt_condition_holds(const prt_condition *c, const prt_rating *r)
{
    switch (c->kind) {
    case PRT_COND_NONE: return true;
    case PRT_COND_DIRECTION: {
        prt_dot d = asked_direction(c, r);
        if (!is_direction(d))
            return false;
        bool written = (c->dirs >> d) & 1u;
        return written != c->negated;
    }
    case PRT_COND_FORECAST:
        if (!r->has_forecast)
            return false;
        return !r->forecast_miss != c->negated;
    }
    return false;
}

const char *prt_condition_text(prt_pool *pool, const prt_condition *c)
{
    if (c->kind == PRT_COND_NONE)
        return "";
    prt_buf b = {0};
    if (c->negated)
        prt_buf_printf(&b, "not ");
    if (c->kind == PRT_COND_FORECAST)
        prt_buf_printf(&b, "forecast met");
    else {
        bool first = true;
        for (size_t i = 0; i < sizeof directions / sizeof directions[0]; i++)
            if ((c->dirs >> directions[i]) & 1u) {
                prt_buf_printf(&b, "%s%s", first ? "" : " or ", direction_words[i]);
                first = false;
            }
        if (c->previous)
            prt_buf_printf(&b, " against previous");
    }
    const char *text = prt_pool_add(pool, prt_buf_str(&b), b.len);
    prt_buf_free(&b);
    return text;
}

/* Why c holds or fails for r: "improved on 2018/19 Q3", "no direction against last year (New)",
 * the forecast's own explanation, "no year-end forecast". */
static const char *condition_reason(prt_pool *pool, const prt_condition *c, const prt_rating *r)
{
    if (c->kind == PRT_COND_FORECAST)
        return r->has_forecast ? r->forecast_explanation : "no year-end forecast";
    prt_dot d = asked_direction(c, r);
    const char *against = c->previous ? "the previous period" : "last year";
    const char *why = c->previous ? r->dot_short_explanation : r->dot_explanation;
    if (d == PRT_DOT_NONE)   /* the direction's own words say why there is none */
        return why[0] ? why : prt_pool_printf(pool, "no direction against %s", against);
    if (!is_direction(d))
        return prt_pool_printf(pool, "no direction against %s (%s)", against, prt_dot_name(d));
    bool baseline = c->previous ? r->prior_is_baseline : r->previous_is_baseline;
    prt_period then = c->previous ? r->prior_period : r->previous_period;
    const char *verb = d == PRT_DOT_IMPROVING ? "improved on" : d == PRT_DOT_WORSENING ? "worsened on" : "the same as";
    if (baseline)
        return prt_pool_printf(pool, "%s the baseline", verb);
    return prt_pool_printf(pool, "%s %s", verb, prt_period_text(then).s);
}

const char *prt_condition_explain(prt_pool *pool, const prt_rating *r, const prt_scheme *s, const char *explanation)
{
    if (r->band >= 0 && r->band < s->nbands && s->bands[r->band].cond.kind != PRT_COND_NONE) {
        const prt_condition *c = &s->bands[r->band].cond;
        explanation = prt_pool_printf(pool, "%s; if %s: %s", explanation, prt_condition_text(pool, c),
                                      condition_reason(pool, c, r));
    }
    for (int i = 0; i < s->nbands && i < r->band; i++)
        if (r->cond_failed >> i & 1u) {
            const prt_band *b = &s->bands[i];
            explanation = prt_pool_printf(pool, "%s; band %s needs %s: %s", explanation, b->label,
                                          prt_condition_text(pool, &b->cond), condition_reason(pool, &b->cond, r));
        }
    return explanation;
}
