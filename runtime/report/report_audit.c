/* The audit: the ratings and directions of travel of record that the plan's declared method does not
 * reproduce, with the computation. */
#include "report_cells.h"
#include "report_delivery.h"

#include <string.h>

/* The activities' ratings of record (a return's `rating`, a plan's `status ... rated X`) against the
 * band the activity's scheme finds before any override: a line per mismatch, then the count (none when
 * no activity has a rating of record). */
static void audit_delivery(FILE *out, const prt_evaluation *ev)
{
    const prt_plan *plan = ev->plan;
    int published = 0, agree = 0;
    prt_buf line = {0};
    for (int ai = 0; ai < plan->nactivities; ai++) {
        const prt_activity *a = &plan->activities[ai];
        const prt_delivery *d = &ev->delivery[ai];
        int found;
        if (!rpt_delivery_audited(plan, d))
            continue;
        published++;
        if (rpt_delivery_reproduced(plan, d, &found)) {
            agree++;
            continue;
        }
        const prt_delivery_band *b = found >= 0 ? &plan->delivery[a->scheme].bands[found] : NULL;
        prt_buf_puts(&line, "  ");
        prt_esc_terminal(&line, a->name ? a->name : a->id);
        prt_buf_puts(&line, " (");
        prt_esc_terminal(&line, a->id);
        prt_buf_puts(&line, "): published ");
        prt_esc_terminal(&line, d->published);
        prt_buf_puts(&line, ", the delivery scheme gives ");
        prt_esc_terminal(&line, b ? b->label : "no rating");
        if (b && b->abbrev) {
            prt_buf_puts(&line, " (");
            prt_esc_terminal(&line, b->abbrev);
            prt_buf_puts(&line, ")");
        }
        prt_buf_puts(&line, ": ");
        prt_esc_terminal(&line, d->explanation);
        prt_buf_puts(&line, "\n");
        prt_buf_flush(&line, out);
    }
    prt_buf_free(&line);
    if (!published)
        return;   /* no rating of record to audit: the audit reads as it did before activities */
    fprintf(out, "%d of %d delivery ratings of record reproduced by the delivery schemes.\n", agree, published);
}

void prt_audit(FILE *out, const prt_evaluation *ev)
{
    const prt_plan *plan = ev->plan;
    int published = 0, agree = 0, dots = 0, dots_agree = 0;
    prt_buf line = {0};
    fprintf(out, "Audit of published ratings for %s\n", prt_period_text(ev->period).s);
    for (int i = 0; i < plan->nindicators; i++) {
        const prt_indicator *in = &plan->indicators[i];
        const prt_rating *r = &ev->ratings[i];
        const prt_scheme *s = in->scheme >= 0 ? &plan->schemes[in->scheme] : NULL;
        if (r->published_rating && s) {
            published++;
            int pb_band = prt_scheme_find_band(s, r->published_rating);
            int computed = r->overridden ? r->computed_band : r->band;
            if (pb_band == computed) {
                agree++;
            } else {
                /* the published rating comes from the results file: escaped like everything else */
                prt_buf_puts(&line, "  ");
                prt_esc_terminal(&line, prt_indicator_label(in));
                prt_buf_puts(&line, ": published ");
                prt_esc_terminal(&line, r->published_rating);
                prt_buf_puts(&line, ", the plan's method gives ");
                prt_esc_terminal(&line, computed >= 0 ? prt_band_short(s, computed) : "no rating");
                prt_buf_puts(&line, " (");
                prt_esc_terminal(&line, r->explanation);
                prt_buf_puts(&line, ")\n");
                prt_buf_flush(&line, out);
            }
        }
        if (r->published_dot && r->published_dot[0]) {
            dots++;
            prt_dot pd;
            if (prt_dot_parse(r->published_dot, &pd) && pd == r->dot) {
                dots_agree++;
            } else {
                prt_buf_puts(&line, "  ");
                prt_esc_terminal(&line, prt_indicator_label(in));
                prt_buf_puts(&line, ": published direction of travel '");
                prt_esc_terminal(&line, r->published_dot);
                prt_buf_printf(&line, "', computed '%s' (", r->dot == PRT_DOT_NONE ? "none" : prt_dot_name(r->dot));
                prt_esc_terminal(&line, r->dot_explanation);
                prt_buf_puts(&line, ")\n");
                prt_buf_flush(&line, out);
            }
        }
    }
    prt_buf_free(&line);
    fprintf(out, "%d of %d published ratings reproduced by the declared method", agree, published);
    if (dots)
        fprintf(out, "; %d of %d published directions of travel reproduced", dots_agree, dots);
    fputs(".\n", out);
    if (plan->nactivities)
        audit_delivery(out, ev);
}
