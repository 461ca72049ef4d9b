/* planc diff, the delivery part: delivery schemes added, removed and changed (name, bands with their
 * rule, label, abbreviation and colour, the overdue rule), activities added and removed, and for each
 * activity of both plans (matched by identifier) its name, theme, outcomes delivered, owner, progress
 * text, description, resolved scheme, due date, milestones, statuses and progress counts, each as
 * old -> new.  The rows of diff_props.h marked H name what this file compares. */
#include "diff.h"
#include "report_delivery.h"
#include "tables.h"

#include <string.h>

/* The two plans, and their tables for what the runtime resolves (the band a status leads to). */
typedef struct Pair {
    Plan *a, *b;
    const prt_plan *ta, *tb;
} Pair;

static bool same_text(const char *x, const char *y)
{
    return x == y || (x && y && strcmp(x, y) == 0);
}

/* The entity of plan p of kind k that has the identifier id, or NULL. */
static Entity *find_named(Plan *p, const char *id, EntityKind k)
{
    Entity *e = plan_lookup(p, diff_key_in(p, id));
    return e && e->kind == k ? e : NULL;
}

/* ---- texts ---- */

static prt_when when_of(const When *w)
{
    prt_when r = {0, {0, 0, 0}, false};
    if (w->present && w->valid) {
        r.set = true;
        if (w->is_date)
            r.date = w->date;
        else
            r.period = w->period.p;
    }
    return r;
}

static bool same_when(const When *x, const When *y)
{
    prt_when p = when_of(x), q = when_of(y);
    return p.set == q.set && (!p.set || (p.date == q.date && (p.date || prt_period_equal(p.period, q.period))));
}

/* "2023/24 Q3", "30 Nov 2023" or "none" (escaped, in o's pool). */
static const char *when_text(Out *o, const When *w)
{
    prt_buf b = {0};
    const char *t = rpt_when_text(when_of(w), &b);
    const char *r = *t ? diff_esc(o, t) : "none";
    prt_buf_free(&b);
    return r;
}

/* Words of the set bits of `bits` (by the enum words[]), comma-separated, into b. */
static void put_words(prt_buf *b, unsigned bits, const char *const *words, int n)
{
    const char *sep = "";
    for (int i = 0; i < n; i++) {
        if (words[i] && (bits & (1u << i))) {
            prt_buf_printf(b, "%s%s", sep, words[i]);
            sep = ", ";
        }
    }
}

/* A band's rule as the plan says it: "when delayed impact low", "otherwise", "by judgement". */
static const char *rule_text(Out *o, const DeliveryBand *d)
{
    if (d->how == BAND_OTHERWISE)
        return "otherwise";
    if (d->how != BAND_WHEN)
        return "by judgement";
    prt_buf b = {0};
    prt_buf_puts(&b, "when");
    if (d->states) {
        prt_buf_puts(&b, " ");
        put_words(&b, d->states, prt_delivery_state_words, PRT_N_DELIVERY_STATES);
    }
    if (d->impacts) {
        prt_buf_puts(&b, " impact ");
        put_words(&b, d->impacts, prt_impact_words, PRT_N_IMPACTS);
    }
    const char *t = prt_pool_add(&o->text, prt_buf_str(&b), b.len);
    prt_buf_free(&b);
    return t;
}

static bool same_rule(const DeliveryBand *x, const DeliveryBand *y)
{
    return x->how == y->how && (x->how != BAND_WHEN || (x->states == y->states && x->impacts == y->impacts));
}

static const char *colour_text(prt_colour_choice c)
{
    return c == PRT_COLOUR_AUTO ? "by position" : prt_colour_words[c];
}

/* "none", "worsens 1", "at medium" (escaped, in o's pool). */
static const char *overdue_text(Out *o, const Delivery *d)
{
    prt_buf b = {0};
    prt_buf_puts(&b, prt_overdue_rule_words[d->overdue]);
    if (d->overdue == PRT_OVERDUE_WORSENS)
        prt_buf_printf(&b, " %g", d->overdue_n);
    else if (d->overdue == PRT_OVERDUE_AT)
        prt_buf_printf(&b, " %s", d->overdue_band.name ? d->overdue_band.name : "");
    const char *t = diff_esc(o, prt_buf_str(&b));
    prt_buf_free(&b);
    return t;
}

/* ---- delivery schemes ---- */

static const DeliveryBand *find_band(const Delivery *d, const char *id)
{
    for (size_t i = 0; i < d->bands.n; i++) {
        const DeliveryBand *b = d->bands.items[i];
        if (same_text(b->id.name, id))
            return b;
    }
    return NULL;
}

/* "met, low, high": the bands of d that the other scheme has too, in d's order (escaped). */
static const char *common_order(Out *o, const Delivery *d, const Delivery *other)
{
    prt_buf b = {0};
    for (size_t i = 0; i < d->bands.n; i++) {
        const DeliveryBand *x = d->bands.items[i];
        if (find_band(other, x->id.name))
            prt_buf_printf(&b, "%s%s", b.len ? ", " : "", x->id.name);
    }
    const char *t = diff_esc(o, prt_buf_str(&b));
    prt_buf_free(&b);
    return t;
}

/* A band's symbol as written (issue 21): `star`, `"TEXT"`, or none. */
static const char *symbol_text(Out *o, const BandLook *l)
{
    if (!l->symbol.name)
        return "none";
    return l->symbol_quoted ? diff_quoted(o, l->symbol.name) : diff_esc(o, l->symbol.name);
}

static void compare_band(Out *o, const char *k, const DeliveryBand *x, const DeliveryBand *y)
{
    const char *id = diff_esc(o, y->id.name);
    if (!same_text(x->label, y->label))
        diff_line(o, "%s band %s label: %s -> %s", k, id, diff_quoted(o, x->label), diff_quoted(o, y->label));
    if (!same_text(x->abbrev.name, y->abbrev.name))
        diff_line(o, "%s band %s abbreviation: %s -> %s", k, id, x->abbrev.name ? diff_esc(o, x->abbrev.name) : "none",
                  y->abbrev.name ? diff_esc(o, y->abbrev.name) : "none");
    if (!same_rule(x, y))
        diff_line(o, "%s band %s rule: %s -> %s", k, id, rule_text(o, x), rule_text(o, y));
    if (x->colour_choice != y->colour_choice)
        diff_line(o, "%s band %s colour: %s -> %s", k, id, colour_text(x->colour_choice), colour_text(y->colour_choice));
    const char *sx = symbol_text(o, &x->look), *sy = symbol_text(o, &y->look);
    if (strcmp(sx, sy) != 0)
        diff_line(o, "%s band %s symbol: %s -> %s", k, id, sx, sy);
}

static void compare_scheme(Out *o, const Delivery *x, const Delivery *y)
{
    const char *k = diff_esc(o, y->e.id.name);
    if (!same_text(x->e.name, y->e.name))
        diff_line(o, "%s renamed: %s -> %s", k, diff_quoted(o, x->e.name), diff_quoted(o, y->e.name));
    for (size_t i = 0; i < y->bands.n; i++) {
        const DeliveryBand *by = y->bands.items[i], *bx = find_band(x, by->id.name);
        if (!bx)
            diff_line(o, "%s band added: %s %s (%s)", k, diff_esc(o, by->id.name), diff_quoted(o, by->label),
                      rule_text(o, by));
        else
            compare_band(o, k, bx, by);
    }
    for (size_t i = 0; i < x->bands.n; i++) {
        const DeliveryBand *bx = x->bands.items[i];
        if (!find_band(y, bx->id.name))
            diff_line(o, "%s band removed: %s %s (%s)", k, diff_esc(o, bx->id.name), diff_quoted(o, bx->label),
                      rule_text(o, bx));
    }
    const char *ox = common_order(o, x, y), *oy = common_order(o, y, x);
    if (strcmp(ox, oy) != 0)
        diff_line(o, "%s band order: %s -> %s", k, ox, oy);
    const char *rx = overdue_text(o, x), *ry = overdue_text(o, y);
    if (strcmp(rx, ry) != 0)
        diff_line(o, "%s overdue: %s -> %s", k, rx, ry);
}

static void compare_schemes(Out *o, const Pair *p)
{
    o->section = "Delivery schemes";
    for (size_t i = 0; i < p->b->deliveries.n; i++) {
        const Delivery *y = p->b->deliveries.items[i];
        if (!find_named(p->a, y->e.id.name, ENT_DELIVERY))
            diff_line(o, "added: %s %s", diff_esc(o, y->e.id.name), diff_quoted(o, y->e.name));
    }
    for (size_t i = 0; i < p->a->deliveries.n; i++) {
        const Delivery *x = p->a->deliveries.items[i];
        if (!find_named(p->b, x->e.id.name, ENT_DELIVERY))
            diff_line(o, "removed: %s %s", diff_esc(o, x->e.id.name), diff_quoted(o, x->e.name));
    }
    for (size_t i = 0; i < p->b->deliveries.n; i++) {
        const Delivery *y = p->b->deliveries.items[i];
        const Entity *x = find_named(p->a, y->e.id.name, ENT_DELIVERY);
        if (x)
            compare_scheme(o, (const Delivery *)x, y);
    }
}

/* ---- milestones ---- */

static const Milestone *find_milestone(const Activity *a, const char *id)
{
    for (size_t i = 0; i < a->milestones.n; i++) {
        const Milestone *m = a->milestones.items[i];
        if (same_text(m->id.name, id))
            return m;
    }
    return NULL;
}

static void compare_milestone(Out *o, const char *k, const Milestone *x, const Milestone *y)
{
    if (!same_text(x->name, y->name))
        diff_line(o, "%s renamed: %s -> %s", k, diff_quoted(o, x->name), diff_quoted(o, y->name));
    if (!same_when(&x->start, &y->start))
        diff_line(o, "%s from: %s -> %s", k, when_text(o, &x->start), when_text(o, &y->start));
    if (!same_when(&x->due, &y->due))
        diff_line(o, "%s due: %s -> %s", k, when_text(o, &x->due), when_text(o, &y->due));
    if (!same_when(&x->completed, &y->completed))
        diff_line(o, "%s completed: %s -> %s", k, when_text(o, &x->completed), when_text(o, &y->completed));
}

/* "extra_care.site" (escaped, in o's pool). */
static const char *milestone_key(Out *o, const Activity *a, const Milestone *m)
{
    prt_buf b = {0};
    prt_buf_printf(&b, "%s.%s", a->e.id.name, m->id.name);
    const char *t = diff_esc(o, prt_buf_str(&b));
    prt_buf_free(&b);
    return t;
}

static void compare_milestones(Out *o, const Activity *x, const Activity *y)
{
    for (size_t i = 0; i < y->milestones.n; i++) {
        const Milestone *my = y->milestones.items[i], *mx = find_milestone(x, my->id.name);
        const char *k = milestone_key(o, y, my);
        if (!mx)
            diff_line(o, "milestone added: %s %s due %s", k, diff_quoted(o, my->name), when_text(o, &my->due));
        else
            compare_milestone(o, k, mx, my);
    }
    for (size_t i = 0; i < x->milestones.n; i++) {
        const Milestone *mx = x->milestones.items[i];
        if (!find_milestone(y, mx->id.name))
            diff_line(o, "milestone removed: %s %s", milestone_key(o, x, mx), diff_quoted(o, mx->name));
    }
}

/* ---- statuses ---- */

/* The status of activity a for the period of `like` (or its undated status when `like` is undated). */
static const StatusLine *find_status(const Activity *a, const StatusLine *like)
{
    for (size_t i = 0; i < a->statuses.n; i++) {
        const StatusLine *s = a->statuses.items[i];
        if (s->dated == like->dated && (!s->dated || prt_period_equal(s->period.p, like->period.p)))
            return s;
    }
    return NULL;
}

/* "status for 2023/24 Q2", "undated status" (escaped, in o's pool). */
static const char *status_key(Out *o, const char *k, const StatusLine *s)
{
    prt_buf b = {0};
    if (s->dated)
        prt_buf_printf(&b, "%s status for %s", k, prt_period_text(s->period.p).s);
    else
        prt_buf_printf(&b, "%s undated status", k);
    const char *t = prt_pool_add(&o->text, prt_buf_str(&b), b.len);
    prt_buf_free(&b);
    return t;
}

/* The index of scheme d among its plan's (the tables keep that order), -1. */
static int scheme_index(const Plan *p, const Delivery *d)
{
    for (size_t i = 0; d && i < p->deliveries.n; i++)
        if (p->deliveries.items[i] == d)
            return (int)i;
    return -1;
}

/* The band of the activity's scheme that the status leads to (named by judgement, or its state's and
 * impact's), before any overdue rule; "none". */
static const char *band_text(Out *o, const Plan *p, const prt_plan *t, const Activity *a, const StatusLine *s)
{
    int d = scheme_index(p, a->scheme);
    if (d < 0)
        return "none";
    int band = s->band >= 0 ? s->band : prt_delivery_band_for(&t->delivery[d], s->state, s->impact);
    return band >= 0 && band < t->delivery[d].nbands ? diff_esc(o, t->delivery[d].bands[band].id) : "none";
}

/* "60%" or "none". */
static const char *percent_text(char *buf, size_t size, const Value *v)
{
    if (!v->present)
        return "none";
    snprintf(buf, size, "%g%%", v->num);
    return buf;
}

static const char *impact_text(const StatusLine *s)
{
    return s->impact_word.name ? s->impact_word.name : "none";
}

/* "delayed, impact low, at 40%, rated A" (escaped, in o's pool). */
static const char *status_text(Out *o, const StatusLine *s)
{
    prt_buf b = {0};
    char pc[32];
    prt_buf_puts(&b, s->word.name ? s->word.name : "");
    if (s->impact_word.name)
        prt_buf_printf(&b, ", impact %s", s->impact_word.name);
    if (s->percent.present)
        prt_buf_printf(&b, ", at %s", percent_text(pc, sizeof pc, &s->percent));
    if (s->rated.name)
        prt_buf_printf(&b, ", rated %s", s->rated.name);
    const char *t = diff_esc(o, prt_buf_str(&b));
    prt_buf_free(&b);
    return t;
}

static void compare_status(Out *o, const Pair *p, const char *k, const Activity *ax, const Activity *ay,
                           const StatusLine *x, const StatusLine *y)
{
    if (!same_text(x->word.name, y->word.name))
        diff_line(o, "%s: %s -> %s", k, diff_esc(o, x->word.name), diff_esc(o, y->word.name));
    if (!same_text(x->impact_word.name, y->impact_word.name))
        diff_line(o, "%s impact: %s -> %s", k, diff_esc(o, impact_text(x)), diff_esc(o, impact_text(y)));
    /* the band a state leads to (two bands named by judgement: the status line above says it) */
    const char *bx = band_text(o, p->a, p->ta, ax, x), *by = band_text(o, p->b, p->tb, ay, y);
    if (strcmp(bx, by) != 0 && (x->band < 0 || y->band < 0))
        diff_line(o, "%s band: %s -> %s", k, bx, by);
    if (x->percent.present != y->percent.present || x->percent.num != y->percent.num) {
        char t1[32], t2[32];
        diff_line(o, "%s complete: %s -> %s", k, percent_text(t1, sizeof t1, &x->percent),
                  percent_text(t2, sizeof t2, &y->percent));
    }
    if (!same_text(x->rated.name, y->rated.name))
        diff_line(o, "%s rated: %s -> %s", k, x->rated.name ? diff_esc(o, x->rated.name) : "none",
                  y->rated.name ? diff_esc(o, y->rated.name) : "none");
    if (!same_text(x->note, y->note))
        diff_line(o, "%s note: %s -> %s", k, diff_quoted(o, x->note), diff_quoted(o, y->note));
}

static void compare_statuses(Out *o, const Pair *p, const char *k, const Activity *x, const Activity *y)
{
    for (size_t i = 0; i < y->statuses.n; i++) {
        const StatusLine *sy = y->statuses.items[i], *sx = find_status(x, sy);
        if (!sx)
            diff_line(o, "%s added: %s", status_key(o, k, sy), status_text(o, sy));
        else
            compare_status(o, p, status_key(o, k, sy), x, y, sx, sy);
    }
    for (size_t i = 0; i < x->statuses.n; i++) {
        const StatusLine *sx = x->statuses.items[i];
        if (!find_status(y, sx))
            diff_line(o, "%s removed (was %s)", status_key(o, k, sx), status_text(o, sx));
    }
}

/* ---- progress counts ---- */

static const Tally *find_tally(const Activity *a, prt_period period)
{
    for (size_t i = 0; i < a->tallies.n; i++) {
        const Tally *t = a->tallies.items[i];
        if (prt_period_equal(t->period.p, period))
            return t;
    }
    return NULL;
}

/* "30 of 33 actions completed or on target" (escaped, in o's pool). */
static const char *tally_text(Out *o, const Tally *t)
{
    prt_buf b = {0};
    prt_buf_printf(&b, "%g of %g", t->done.num, t->total.num);
    if (t->what)
        prt_buf_printf(&b, " %s", t->what);
    const char *r = diff_esc(o, prt_buf_str(&b));
    prt_buf_free(&b);
    return r;
}

static void compare_tallies(Out *o, const char *k, const Activity *x, const Activity *y)
{
    for (size_t i = 0; i < y->tallies.n; i++) {
        const Tally *ty = y->tallies.items[i], *tx = find_tally(x, ty->period.p);
        const char *p = prt_period_text(ty->period.p).s;
        const char *t2 = tally_text(o, ty);
        if (!tx)
            diff_line(o, "%s progress for %s added: %s", k, p, t2);
        else if (strcmp(tally_text(o, tx), t2) != 0)
            diff_line(o, "%s progress for %s: %s -> %s", k, p, tally_text(o, tx), t2);
    }
    for (size_t i = 0; i < x->tallies.n; i++) {
        const Tally *tx = x->tallies.items[i];
        if (!find_tally(y, tx->period.p))
            diff_line(o, "%s progress for %s removed (was %s)", k, prt_period_text(tx->period.p).s, tally_text(o, tx));
    }
}

/* ---- activities ---- */

static const char *scheme_name(const Activity *a)
{
    return a->scheme ? a->scheme->e.id.name : "none";
}

/* "theme care": the theme of an activity (escaped, in o's pool). */
static const char *parent_text(Out *o, const Entity *e)
{
    if (!e->parent || !e->parent->id.name)
        return "none";
    prt_buf b = {0};
    prt_buf_printf(&b, "%s %s", entity_kind_name(e->parent->kind), e->parent->id.name);
    const char *t = diff_esc(o, prt_buf_str(&b));
    prt_buf_free(&b);
    return t;
}

/* "independence, wellbeing": the outcomes an activity delivers, as listed (escaped, in o's pool). */
static const char *delivers_text(Out *o, const NameRef *n)
{
    if (!n)
        return "none";
    prt_buf b = {0};
    for (; n; n = n->next)
        prt_buf_printf(&b, "%s%s", b.len ? ", " : "", n->name);
    const char *t = diff_esc(o, prt_buf_str(&b));
    prt_buf_free(&b);
    return t;
}

static void compare_activity(Out *o, const Pair *p, const Activity *x, const Activity *y)
{
    const char *k = diff_esc(o, y->e.id.name);
    if (!same_text(x->e.name, y->e.name))
        diff_line(o, "%s renamed: %s -> %s", k, diff_quoted(o, x->e.name), diff_quoted(o, y->e.name));
    const char *tx = parent_text(o, &x->e), *ty = parent_text(o, &y->e);
    if (strcmp(tx, ty) != 0)
        diff_line(o, "%s moved: %s -> %s", k, tx, ty);
    const char *dx = delivers_text(o, x->delivers), *dy = delivers_text(o, y->delivers);
    if (strcmp(dx, dy) != 0)
        diff_line(o, "%s delivers: %s -> %s", k, dx, dy);
    if (!same_text(x->owner, y->owner))
        diff_line(o, "%s owner: %s -> %s", k, diff_quoted(o, x->owner), diff_quoted(o, y->owner));
    if (!same_text(x->progress, y->progress))
        diff_line(o, "%s progress: %s -> %s", k, diff_quoted(o, x->progress), diff_quoted(o, y->progress));
    if (!same_text(x->description, y->description))
        diff_line(o, "%s description: %s -> %s", k, diff_quoted(o, x->description), diff_quoted(o, y->description));
    if (!same_text(scheme_name(x), scheme_name(y)))
        diff_line(o, "%s delivery scheme: %s -> %s", k, diff_esc(o, scheme_name(x)), diff_esc(o, scheme_name(y)));
    if (!same_when(&x->due, &y->due))
        diff_line(o, "%s due: %s -> %s", k, when_text(o, &x->due), when_text(o, &y->due));
    compare_milestones(o, x, y);
    compare_statuses(o, p, k, x, y);
    compare_tallies(o, k, x, y);
}

static void compare_activities(Out *o, const Pair *p)
{
    o->section = "Activities added and removed";
    for (size_t i = 0; i < p->b->activities.n; i++) {
        const Activity *y = p->b->activities.items[i];
        if (!find_named(p->a, y->e.id.name, ENT_ACTIVITY))
            diff_line(o, "added: %s %s", diff_esc(o, y->e.id.name), diff_quoted(o, y->e.name));
    }
    for (size_t i = 0; i < p->a->activities.n; i++) {
        const Activity *x = p->a->activities.items[i];
        if (!find_named(p->b, x->e.id.name, ENT_ACTIVITY))
            diff_line(o, "removed: %s %s", diff_esc(o, x->e.id.name), diff_quoted(o, x->e.name));
    }
    o->section = "Activities changed";
    for (size_t i = 0; i < p->b->activities.n; i++) {
        const Activity *y = p->b->activities.items[i];
        const Entity *x = find_named(p->a, y->e.id.name, ENT_ACTIVITY);
        if (x)
            compare_activity(o, p, (const Activity *)x, y);
    }
}

void diff_delivery(Out *o, Plan *a, Plan *b)
{
    Pair p = {a, b, plan_tables(a), plan_tables(b)};
    compare_schemes(o, &p);
    compare_activities(o, &p);
}
