/* The checker's rules for delivery (check_delivery.h): a delivery scheme's bands take every state
 * when they take any (so no state is left unrated), an overdue rule names a band the scheme has, and
 * an activity's statuses, milestones and tallies fit its scheme and the plan's years. */
#include "check_delivery.h"
#include "planrt.h"
#include "strbuf.h"
#include "suggest.h"
#include "symtab.h"
#include "tables.h"
#include "xalloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int delivery_band_index(const Delivery *d, const char *id)
{
    for (size_t i = 0; d && id && i < d->bands.n; i++) {
        const DeliveryBand *b = d->bands.items[i];
        if (strcmp(b->id.name, id) == 0 || (b->abbrev.name && strcmp(b->abbrev.name, id) == 0))
            return (int)i;
    }
    return -1;
}

/* "a, b or c": the scheme's band identifiers */
static void band_list(prt_buf *b, const Delivery *d)
{
    for (size_t i = 0; i < d->bands.n; i++)
        prt_buf_printf(b, "%s%s", i == 0 ? "" : i + 1 == d->bands.n ? " or " : ", ",
                       ((const DeliveryBand *)d->bands.items[i])->id.name);
}

static void check_bands(Diag *diag, Delivery *d)
{
    Symtab seen = {0};
    for (size_t i = 0; i < d->bands.n; i++) {
        DeliveryBand *b = d->bands.items[i];
        DeliveryBand *prev = symtab_put(&seen, b->id.name, b);
        if (prev != b) {
            diag_error(diag, b->id.loc, "E013", "band '%s' is defined twice in delivery scheme '%s'", b->id.name,
                       d->e.id.name);
            diag_note(diag, prev->id.loc, "first defined here");
        }
        if (b->abbrev.name && b->abbrev.name != b->id.name) {
            DeliveryBand *pa = symtab_put(&seen, b->abbrev.name, b);
            if (pa != b) {
                diag_error(diag, b->abbrev.loc, "E013", "band abbreviation '%s' is already used in delivery scheme '%s'",
                           b->abbrev.name, d->e.id.name);
                diag_note(diag, pa->id.loc, "by this band");
            }
        }
        if (b->how == BAND_OTHERWISE && i + 1 != d->bands.n)
            diag_error(diag, b->loc, "E046", "only the last band of delivery scheme '%s' can be 'otherwise'",
                       d->e.id.name);
    }
    symtab_free(&seen);
}

/* The first state and impact (impact 0: none given) that no band takes; false when every one falls in
 * a band.  Asked of the runtime's own rule (delivery.c), so the checker and the rating agree. */
static bool first_gap(const prt_delivery_scheme *table, int *state, int *impact)
{
    for (int s = 1; s < PRT_N_DELIVERY_STATES; s++)
        for (int im = 0; im < PRT_N_IMPACTS; im++)
            if (prt_delivery_band_for(table, (prt_delivery_state)s, (prt_impact)im) < 0) {
                *state = s;
                *impact = im;
                return true;
            }
    return false;
}

/* Every state, with every impact or none, must fall in a band once any band takes states, on the bands
 * as the tables will hold them.  Notes in d->maps_states whether the scheme takes states at all, for
 * its activities' statuses. */
static void check_total(Diag *diag, Delivery *d)
{
    prt_delivery_band *bands = xcalloc(d->bands.n, sizeof *bands);
    for (size_t i = 0; i < d->bands.n; i++)
        bands[i] = delivery_band_table(d->bands.items[i]);
    prt_delivery_scheme table = {.id = d->e.id.name, .nbands = (int)d->bands.n, .bands = bands};
    d->maps_states = prt_delivery_maps_states(&table);
    int s, im;
    if (d->maps_states && first_gap(&table, &s, &im))   /* one is enough to show what is missing */
        diag_error(diag, d->e.id.loc, "E046",
                   "in delivery scheme '%s', state '%s' %s%s falls in no band: name it in a band's 'when', "
                   "or end the scheme with a band 'otherwise'",
                   d->e.id.name, prt_delivery_state_words[s], im ? "with impact " : "with no impact given",
                   im ? prt_impact_words[im] : "");
    free(bands);
}

void check_delivery_scheme(Plan *plan, Diag *diag, Delivery *d)
{
    (void)plan;
    if (d->bands.n == 0) {
        diag_error(diag, d->e.id.loc, "E046", "delivery scheme '%s' has no band", d->e.id.name);
        return;
    }
    if (d->bands.n > PRT_MAX_BANDS) {
        const DeliveryBand *extra = d->bands.items[PRT_MAX_BANDS];
        diag_error(diag, extra->loc, "E044", "delivery scheme '%s' has %zu bands; the limit is %d", d->e.id.name,
                   (size_t)d->bands.n, PRT_MAX_BANDS);
        diag_note(diag, d->e.id.loc, "summaries count activities by band, in a column per band");
    }
    check_bands(diag, d);
    check_total(diag, d);
    d->overdue_index = 0;
    if (d->overdue == PRT_OVERDUE_WORSENS) {
        d->overdue_index = (int)fmin(d->overdue_n, (double)PRT_MAX_BANDS);
    } else if (d->overdue == PRT_OVERDUE_AT) {   /* the grammar gives `overdue at` its band */
        int k = delivery_band_index(d, d->overdue_band.name);
        if (k < 0) {
            prt_buf list = {0};
            band_list(&list, d);
            diag_error(diag, d->overdue_band.loc, "E046", "'overdue at %s': delivery scheme '%s' has no such band (%s)",
                       d->overdue_band.name, d->e.id.name, prt_buf_str(&list));
            prt_buf_free(&list);
            d->overdue = PRT_OVERDUE_NONE;
        }
        d->overdue_index = k < 0 ? 0 : k;
    }
}

/* ---- activities ---- */

static bool plan_has_years(const Plan *p)
{
    return p->header.first.valid && p->header.last.valid;
}

static void years_text(const Plan *p, prt_buf *b)
{
    prt_buf_printf(b, "%s to %s", prt_period_text(p->header.first.p).s, prt_period_text(p->header.last.p).s);
}

static int when_first_day(const When *w) { return w->is_date ? w->date : prt_period_first_day(w->period.p); }
static int when_last_day(const When *w) { return w->is_date ? w->date : prt_period_last_day(w->period.p); }

static bool when_usable(const When *w) { return w->present && (w->is_date ? w->valid : w->period.valid); }

/* A due or completion date must fall in the plan's years. */
static void check_when_in_plan(const Plan *p, Diag *diag, const When *w, const char *what)
{
    if (!when_usable(w) || !plan_has_years(p))
        return;
    int first = prt_period_first_day(p->header.first.p), last = prt_period_last_day(p->header.last.p);
    if (when_last_day(w) < first || when_first_day(w) > last) {
        prt_buf years = {0};
        years_text(p, &years);
        diag_error(diag, w->loc, "E048", "%s is outside the plan, which covers %s", what, prt_buf_str(&years));
        prt_buf_free(&years);
    }
}

static void check_milestones(Plan *plan, Diag *diag, Activity *a)
{
    Symtab seen = {0};
    for (size_t i = 0; i < a->milestones.n; i++) {
        Milestone *m = a->milestones.items[i];
        Milestone *prev = symtab_put(&seen, m->id.name, m);
        if (prev != m) {
            diag_error(diag, m->id.loc, "E013", "milestone '%s' is defined twice in activity '%s'", m->id.name,
                       a->e.id.name);
            diag_note(diag, prev->id.loc, "first defined here");
        }
        check_when_in_plan(plan, diag, &m->due, "the due date");
        check_when_in_plan(plan, diag, &m->completed, "the completion date");
        if (when_usable(&m->start) && when_usable(&m->due) && when_last_day(&m->due) < when_first_day(&m->start))
            diag_error(diag, m->due.loc, "E048", "milestone '%s' is due before it starts", m->id.name);
        if (when_usable(&m->start) && when_usable(&m->completed) &&
            when_last_day(&m->completed) < when_first_day(&m->start))
            diag_error(diag, m->completed.loc, "E048", "milestone '%s' is completed before it starts", m->id.name);
    }
    symtab_free(&seen);
}

/* "'x' is neither a delivery state (...) nor a band of 'y'", with the closest word */
static void unknown_status(Diag *diag, const StatusLine *st, const Delivery *d)
{
    const char *cands[PRT_N_DELIVERY_STATES + 2 * PRT_MAX_BANDS + 8];
    size_t n = 0;
    prt_buf states = {0};
    for (int s = 1; s < PRT_N_DELIVERY_STATES; s++) {
        cands[n++] = prt_delivery_state_words[s];
        prt_buf_printf(&states, "%s%s", s == 1 ? "" : s + 1 == PRT_N_DELIVERY_STATES ? " or " : ", ",
                       prt_delivery_state_words[s]);
    }
    for (size_t i = 0; d && i < d->bands.n && n + 2 < sizeof cands / sizeof cands[0]; i++) {
        const DeliveryBand *b = d->bands.items[i];
        cands[n++] = b->id.name;
        if (b->abbrev.name)
            cands[n++] = b->abbrev.name;
    }
    const char *s = suggest_word(st->word.name, cands, n);
    prt_buf msg = {0};
    if (d)
        prt_buf_printf(&msg, "'%s' is neither a delivery state (%s) nor a band of delivery scheme '%s'", st->word.name,
                       prt_buf_str(&states), d->e.id.name);
    else
        prt_buf_printf(&msg, "'%s' is not a delivery state (%s)", st->word.name, prt_buf_str(&states));
    if (s) {
        diag_error(diag, st->word.loc, "E047", "%s; did you mean '%s'?", prt_buf_str(&msg), s);
        diag_fixit(diag, s);
    } else {
        diag_error(diag, st->word.loc, "E047", "%s", prt_buf_str(&msg));
    }
    prt_buf_free(&msg);
    prt_buf_free(&states);
}

static void check_status_word(Diag *diag, StatusLine *st, const Activity *a)
{
    const Delivery *d = a->scheme;
    for (int s = 1; s < PRT_N_DELIVERY_STATES; s++)
        if (strcmp(st->word.name, prt_delivery_state_words[s]) == 0) {
            st->state = (prt_delivery_state)s;
            if (d && d->bands.n && !d->maps_states && st->dated)
                diag_error(diag, st->word.loc, "E047",
                           "delivery scheme '%s' rates by judgement: name one of its bands, not a state",
                           d->e.id.name);
            return;
        }
    st->band = delivery_band_index(d, st->word.name);
    if (st->band < 0) {
        unknown_status(diag, st, d);
        return;
    }
    if (st->impact != PRT_IMPACT_NONE)
        diag_error(diag, st->impact_word.loc, "E047", "an impact goes with a state ('delayed impact low'), not a band");
}

static void check_statuses(Plan *plan, Diag *diag, Activity *a)
{
    for (size_t i = 0; i < a->statuses.n; i++) {
        StatusLine *st = a->statuses.items[i];
        check_status_word(diag, st, a);
        if (st->dated && st->period.valid && plan_has_years(plan) &&
            (st->period.p.year < plan->header.first.p.year || st->period.p.year > plan->header.last.p.year)) {
            prt_buf years = {0};
            years_text(plan, &years);
            diag_error(diag, st->period.loc, "E047", "a status for %s is outside the plan, which covers %s",
                       prt_period_text(st->period.p).s, prt_buf_str(&years));
            prt_buf_free(&years);
        }
        for (size_t k = 0; k < i && st->dated && st->period.valid; k++) {
            const StatusLine *o = a->statuses.items[k];
            if (o->dated && o->period.valid && prt_period_equal(o->period.p, st->period.p)) {
                diag_error(diag, st->loc, "E047", "activity '%s' has two statuses for %s", a->e.id.name,
                           prt_period_text(st->period.p).s);
                diag_note(diag, o->loc, "the first is here");
                break;
            }
        }
        if (st->percent.present &&
            ((st->percent.suffix != PRT_SUFFIX_NONE && st->percent.suffix != PRT_SUFFIX_PERCENT) ||
             st->percent.num < 0 || st->percent.num > 100))
            diag_error(diag, st->percent.loc, "E047", "a percentage complete is written from 0%% to 100%%");
        if (st->rated.name && delivery_band_index(a->scheme, st->rated.name) < 0) {
            if (a->scheme)
                diag_error(diag, st->rated.loc, "E029", "'%s' is not a band of delivery scheme '%s'", st->rated.name,
                           a->scheme->e.id.name);
            else
                diag_error(diag, st->rated.loc, "E029",
                           "activity '%s' has no delivery scheme to be rated by: select one with 'delivery ID' here, "
                           "in its theme or in the plan header",
                           a->e.id.name);
        }
    }
}

static void check_tallies(Plan *plan, Diag *diag, Activity *a)
{
    for (size_t i = 0; i < a->tallies.n; i++) {
        const Tally *t = a->tallies.items[i];
        const Value *d = &t->done, *n = &t->total;
        if (d->num < 0 || n->num < 1 || d->num != floor(d->num) || n->num != floor(n->num) || d->suffix ||
            n->suffix)
            diag_error(diag, t->loc, "E047", "progress is counted in whole items: 'progress 30 of 33 in PERIOD'");
        else if (d->num > n->num)
            diag_error(diag, d->loc, "E047", "progress of %g of %g: more done than there are", d->num, n->num);
        if (t->period.valid && plan_has_years(plan) &&
            (t->period.p.year < plan->header.first.p.year || t->period.p.year > plan->header.last.p.year))
            diag_error(diag, t->period.loc, "E047", "progress for %s is outside the plan", prt_period_text(t->period.p).s);
    }
}

void check_activity_delivery(Plan *plan, Diag *diag, Activity *a)
{
    check_when_in_plan(plan, diag, &a->due, "the due date");
    check_milestones(plan, diag, a);
    check_statuses(plan, diag, a);
    check_tallies(plan, diag, a);
}
