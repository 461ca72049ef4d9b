/* The SVG charts of the committee pack (chart.h): the frame, axis and period labels they share, the
 * trend of one indicator and the bands of one pillar.  Coordinates print as %.1f, so the output is
 * the same from run to run and from compiler to compiler. */
#include "chart.h"

#include "escape.h"
#include "palette.h"
#include "report_cells.h"

#include <math.h>
#include <string.h>

/* ---- the frame every chart shares ---- */

/* The plot area inside the margins, and the horizontal slot of each period. */
typedef struct Frame {
    double left, top, width, height;
    double slot;
    int n;                             /* periods */
    int label_every;                   /* a label under every k-th period, counted back from the last */
} Frame;

enum { TOP = 10, RIGHT = 10, LABELS = 30, MAX_SLOTS = 10, LABEL_WIDTH = 44 };

/* A frame for n periods: slots of slot_max up to ten periods; a longer history keeps the width of
 * ten and thins its labels out, so a chart of 40 quarters is no wider than one of 10. */
static Frame frame(int n, double left, double slot_max, double height)
{
    Frame f = {left, TOP, 0, height, slot_max, n, 1};
    if (n > MAX_SLOTS)
        f.slot = slot_max * MAX_SLOTS / n;
    f.width = f.slot * n;
    f.label_every = (int)ceil(LABEL_WIDTH / f.slot);
    if (f.label_every < 1)
        f.label_every = 1;
    return f;
}

static double frame_x(const Frame *f, int i)
{
    return f->left + f->slot * (i + 0.5);
}

static double frame_bottom(const Frame *f)
{
    return f->top + f->height;
}

/* The root element: a role and the ids of its title and description for assistive technology. */
static void svg_open(prt_buf *b, const char *cls, const char *id, const Frame *f)
{
    double w = ceil(f->left + f->width + RIGHT), h = ceil(frame_bottom(f) + LABELS);
    prt_buf_printf(b,
                   "<svg class=\"%s\" id=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
                   "aria-labelledby=\"%s-t %s-d\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                   "font-family=\"Helvetica,Arial,sans-serif\" font-size=\"10\">\n",
                   cls, id, id, id, w, h, w, h);
}

static void title_and_desc(prt_buf *b, const char *id, const char *title, const char *desc)
{
    prt_buf_printf(b, "<title id=\"%s-t\">", id);
    prt_esc_markup(b, title);
    prt_buf_printf(b, "</title>\n<desc id=\"%s-d\">", id);
    prt_esc_markup(b, desc);
    prt_buf_puts(b, "</desc>\n");
}

/* Under each labelled slot, the period on two lines ("2024/25", "Q3"); the report's own period (the
 * last) is always labelled. */
static void period_labels(prt_buf *b, const Frame *f, const prt_history *h)
{
    double y = frame_bottom(f) + 12;
    for (int i = 0; i < f->n; i++) {
        if ((f->n - 1 - i) % f->label_every != 0)
            continue;
        prt_period_str s = prt_period_text(h->ev[i]->period);
        char *part = strchr(s.s, ' ');
        double x = frame_x(f, i);
        prt_buf_printf(b, "<text class=\"period\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", x, y);
        if (part) {
            *part++ = '\0';
            prt_buf_printf(b, "<tspan x=\"%.1f\">", x);
            prt_esc_markup(b, s.s);
            prt_buf_printf(b, "</tspan><tspan x=\"%.1f\" dy=\"11\">", x);
            prt_esc_markup(b, part);
            prt_buf_puts(b, "</tspan>");
        } else {
            prt_esc_markup(b, s.s);
        }
        prt_buf_puts(b, "</text>\n");
    }
}

/* "8 quarters", "1 year": how far back a chart goes. */
static const char *periods_word(prt_period p, int n)
{
    static const char *const words[][2] = {
        [PRT_YEAR] = {"year", "years"},
        [PRT_HALF] = {"half-year", "half-years"},
        [PRT_QUARTER] = {"quarter", "quarters"},
        [PRT_MONTH] = {"month", "months"},
    };
    return words[p.kind <= PRT_MONTH ? p.kind : PRT_YEAR][n != 1];
}

/* ---- the value axis ---- */

/* A scale of round numbers from lo to hi in steps of step (a few ticks). */
typedef struct Scale {
    double lo, hi, step;
    int decimals;
} Scale;

enum { MAX_TICKS = 8, TICK_TEXT = 48 };

static double nice_step(double range)
{
    double raw = range / 4;
    double e = pow(10, floor(log10(raw)));
    double f = raw / e;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * e;
}

static Scale scale_for(double lo, double hi)
{
    if (!(hi > lo)) {
        double pad = fabs(lo) > 0 ? fabs(lo) * 0.1 : 1;
        lo -= pad;
        hi += pad;
    }
    Scale s = {lo, hi, hi - lo, 0};
    double step = nice_step(hi - lo);
    /* a range no double can step through (far apart, or too close) keeps its ends as the only ticks */
    if (!isfinite(step) || step <= 0 || (hi - lo) / step > MAX_TICKS - 2)
        return s;
    s.step = step;
    s.lo = floor(lo / step) * step;
    s.hi = ceil(hi / step) * step;
    s.decimals = step >= 1 ? 0 : (int)ceil(-log10(step) - 1e-9);
    if (s.decimals > 6)
        s.decimals = 6;
    return s;
}

static double scale_y(const Frame *f, const Scale *s, double v)
{
    return f->top + f->height * (s->hi - v) / (s->hi - s->lo);
}

/* A tick's text: the number with the unit's sign (£, %), leaving out words (" weeks") that would
 * crowd the axis; the description says the unit in full. */
static void tick_text(const prt_indicator *in, const Scale *s, double v, char *buf, size_t size)
{
    char n[TICK_TEXT - 8];
    rpt_number(v, s->decimals, n, sizeof n);
    const prt_unit_form *form = &prt_unit_forms[in->unit];
    bool sign_first = form->prefix[0] && n[0] == '-';
    snprintf(buf, size, "%s%s%s%s", sign_first ? "-" : "", form->prefix, n + sign_first,
             strlen(form->suffix) == 1 ? form->suffix : "");
}

typedef struct Ticks {
    int n;
    double value[MAX_TICKS];
    char text[MAX_TICKS][TICK_TEXT];
    size_t widest;
} Ticks;

static Ticks ticks_for(const prt_indicator *in, const Scale *s)
{
    Ticks t = {0};
    double first = s->lo / s->step;
    for (int k = 0; k < MAX_TICKS; k++) {
        /* from the step's multiple, so that a tick at zero is exactly zero */
        double v = first == floor(first) ? (first + k) * s->step : s->lo + k * s->step;
        if (v > s->hi + s->step * 1e-9)
            break;
        t.value[t.n] = v;
        tick_text(in, s, v, t.text[t.n], sizeof t.text[t.n]);
        size_t len = strlen(t.text[t.n]);
        if (len > t.widest)
            t.widest = len;
        t.n++;
    }
    return t;
}

/* Grid lines at the ticks, their numbers to the left, and the base line. */
static void value_axis(prt_buf *b, const Frame *f, const Scale *s, const Ticks *t)
{
    prt_buf_puts(b, "<g class=\"axis\">\n");
    for (int k = 0; k < t->n; k++) {
        double y = scale_y(f, s, t->value[k]);
        prt_buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#DDDDDD\"/>", f->left, y,
                       f->left + f->width, y);
        prt_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">", f->left - 4, y + 3.5);
        prt_esc_markup(b, t->text[k]);
        prt_buf_puts(b, "</text>\n");
    }
    prt_buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#666666\"/>\n</g>\n", f->left,
                   frame_bottom(f), f->left + f->width, frame_bottom(f));
}

/* ---- an indicator's trend ---- */

static const prt_rating *rating_at(const prt_history *h, int i, int indicator)
{
    return &h->ev[i]->ratings[indicator];
}

static bool has_value(const prt_rating *r)
{
    return r->status == PRT_RESULT_VALUE;
}

int prt_chart_trend_points(const prt_history *h, int indicator)
{
    int n = 0;
    for (int i = 0; i < h->n; i++)
        n += has_value(rating_at(h, i, indicator));
    return n;
}

/* The values' and targets' extent, which the axis must show. */
static void trend_range(const prt_history *h, int indicator, double *lo, double *hi)
{
    *lo = INFINITY, *hi = -INFINITY;
    for (int i = 0; i < h->n; i++) {
        const prt_rating *r = rating_at(h, i, indicator);
        if (has_value(r))
            *lo = fmin(*lo, r->value), *hi = fmax(*hi, r->value);
        if (r->has_target)
            *lo = fmin(*lo, r->target_value), *hi = fmax(*hi, r->target_value);
    }
}

static const char *band_text(const prt_plan *plan, const prt_rating *r)
{
    const prt_indicator *in = &plan->indicators[r->indicator];
    return r->band >= 0 ? prt_band_name(&plan->schemes[in->scheme], r->band) : "not rated";
}

/* The sentence a screen reader reads: every period's value and band, then the targets as they
 * changed. */
static void trend_desc(prt_buf *d, const prt_history *h, int indicator)
{
    const prt_indicator *in = &h->plan->indicators[indicator];
    char v[64];
    const char *unit = in->unit == PRT_UNIT_CUSTOM ? in->unit_custom : prt_unit_forms[in->unit].text;
    prt_buf_printf(d, "Values%s%s: ", unit && unit[0] ? " in " : "", unit && unit[0] ? unit : "");
    for (int i = 0; i < h->n; i++) {
        const prt_rating *r = rating_at(h, i, indicator);
        prt_buf_printf(d, "%s%s ", i ? "; " : "", prt_period_text(h->ev[i]->period).s);
        if (has_value(r))
            prt_buf_printf(d, "%s, %s", prt_format_value(in, r->value, v, sizeof v), band_text(h->plan, r));
        else
            prt_buf_puts(d, "no value");
    }
    bool any = false;
    for (int i = 0; i < h->n; i++) {
        const prt_rating *r = rating_at(h, i, indicator), *before = i ? rating_at(h, i - 1, indicator) : NULL;
        if (!r->has_target || (before && before->has_target && before->target_value == r->target_value))
            continue;
        prt_buf_printf(d, "%s%s from %s", any ? "; " : ". Target: ", prt_format_value(in, r->target_value, v, sizeof v),
                       prt_period_text(h->ev[i]->period).s);
        any = true;
    }
    prt_buf_puts(d, any ? "." : ". No target.");
}

/* The target as a step: a level across each period's slot, a break where there is none. */
static void target_step(prt_buf *b, const Frame *f, const Scale *s, const prt_history *h, int indicator)
{
    bool open = false;
    for (int i = 0; i < h->n; i++) {
        const prt_rating *r = rating_at(h, i, indicator);
        if (!r->has_target) {
            open = false;
            continue;
        }
        double y = scale_y(f, s, r->target_value), x0 = frame_x(f, i) - f->slot / 2;
        if (!open)
            prt_buf_printf(b, " M%.1f %.1f", x0, y);
        else
            prt_buf_printf(b, " V%.1f", y);
        prt_buf_printf(b, " H%.1f", x0 + f->slot);
        open = true;
    }
}

/* The values as a line, broken where a period has none. */
static void value_line(prt_buf *b, const Frame *f, const Scale *s, const prt_history *h, int indicator)
{
    bool open = false;
    for (int i = 0; i < h->n; i++) {
        const prt_rating *r = rating_at(h, i, indicator);
        if (!has_value(r)) {
            open = false;
            continue;
        }
        prt_buf_printf(b, " %c%.1f %.1f", open ? 'L' : 'M', frame_x(f, i), scale_y(f, s, r->value));
        open = true;
    }
}

/* A point per value, filled with its band's colour, its own title giving period, value and band. */
static void value_points(prt_buf *b, const Frame *f, const Scale *s, const prt_history *h, int indicator)
{
    const prt_indicator *in = &h->plan->indicators[indicator];
    const prt_scheme *sch = in->scheme >= 0 ? &h->plan->schemes[in->scheme] : NULL;
    char v[64];
    for (int i = 0; i < h->n; i++) {
        const prt_rating *r = rating_at(h, i, indicator);
        if (!has_value(r))
            continue;
        prt_buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\" stroke=\"#222222\"><title>",
                       frame_x(f, i), scale_y(f, s, r->value), prt_palette_band(sch, r->band)->fill);
        prt_buf_printf(b, "%s: %s, ", prt_period_text(h->ev[i]->period).s, prt_format_value(in, r->value, v, sizeof v));
        prt_esc_markup(b, band_text(h->plan, r));
        prt_buf_puts(b, "</title></circle>\n");
    }
}

/* The paths' d attributes: an empty path is left out (a d of "" is an error in SVG). */
static void trend_paths(prt_buf *b, const Frame *f, const Scale *s, const prt_history *h, int indicator)
{
    prt_buf d = {0};
    target_step(&d, f, s, h, indicator);
    if (d.len)
        prt_buf_printf(b, "<path class=\"target\" d=\"%s\" fill=\"none\" stroke=\"#444444\" stroke-dasharray=\"5 3\"/>\n",
                       d.data + 1);
    prt_buf_clear(&d);
    value_line(&d, f, s, h, indicator);
    if (d.len)
        prt_buf_printf(b, "<path class=\"values\" d=\"%s\" fill=\"none\" stroke=\"#0072B2\" stroke-width=\"2\"/>\n",
                       d.data + 1);
    prt_buf_free(&d);
}

void prt_chart_trend(prt_buf *b, const prt_history *h, int indicator)
{
    const prt_indicator *in = &h->plan->indicators[indicator];
    double lo, hi;
    trend_range(h, indicator, &lo, &hi);
    if (!isfinite(lo))
        lo = hi = 0;
    Scale s = scale_for(lo, hi);
    Ticks t = ticks_for(in, &s);
    Frame f = frame(h->n, 8 + 6.0 * (double)t.widest, 46, 70);
    char id[32];
    snprintf(id, sizeof id, "trend-%d", indicator);
    svg_open(b, "trend", id, &f);
    prt_buf title = {0}, desc = {0};
    prt_buf_printf(&title, "%s%s%s: trend over %d %s", in->ref ? in->ref : "", in->ref ? " " : "", in->name, h->n,
                   periods_word(h->ev[h->n - 1]->period, h->n));
    trend_desc(&desc, h, indicator);
    title_and_desc(b, id, title.data, desc.data);
    prt_buf_free(&title);
    prt_buf_free(&desc);
    value_axis(b, &f, &s, &t);
    trend_paths(b, &f, &s, h, indicator);
    value_points(b, &f, &s, h, indicator);
    period_labels(b, &f, h);
    prt_buf_puts(b, "</svg>\n");
}

/* ---- a pillar's bands ---- */

static const prt_counts *counts_of(const prt_evaluation *ev, int pillar)
{
    return pillar < ev->plan->npillars ? &ev->pillar_counts[pillar] : &ev->total;
}

/* The tallest bar: of any pillar in any period, so that the pillars' small multiples share one scale;
 * of the total's own bars for the whole plan's chart. */
static int tallest_bar(const prt_history *h, int pillar)
{
    int most = 1, total = h->plan->npillars;
    for (int i = 0; i < h->n; i++)
        for (int p = pillar == total ? total : 0; p <= total && (pillar == total || p < total); p++) {
            int v = counts_of(h->ev[i], p)->reported;
            most = v > most ? v : most;
        }
    return most;
}

/* One period's counts in words: "2024/25 Q3: Green 2, Amber 1, Red 0, not rated 1". */
static void bands_words(prt_buf *d, const prt_evaluation *ev, int pillar)
{
    const prt_scheme *s = rpt_summary_scheme(ev);
    const prt_counts *k = counts_of(ev, pillar);
    prt_buf_printf(d, "%s:", prt_period_text(ev->period).s);
    for (int band = 0; band < rpt_summary_bands(s); band++)
        prt_buf_printf(d, " %s %d,", s->bands[band].label, k->band[band]);
    prt_buf_printf(d, " not rated %d", k->reported - k->rated);
}

/* One segment of a stacked bar, from y up by count, with its title. */
static double bar_segment(prt_buf *b, const Frame *f, int i, double y, double unit, int count, const prt_colour *c,
                          const char *what)
{
    if (count <= 0)
        return y;
    double height = unit * count, width = f->slot * 0.6;
    prt_buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" stroke=\"#FFFFFF\"><title>",
                   frame_x(f, i) - width / 2, y - height, width, height, c->fill);
    prt_esc_markup(b, what);
    prt_buf_printf(b, " %d</title></rect>\n", count);
    return y - height;
}

static void bands_bars(prt_buf *b, const Frame *f, const prt_history *h, int pillar, int most)
{
    double unit = f->height / most;
    for (int i = 0; i < h->n; i++) {
        const prt_scheme *s = rpt_summary_scheme(h->ev[i]);
        const prt_counts *k = counts_of(h->ev[i], pillar);
        double y = frame_bottom(f);
        for (int band = 0; band < rpt_summary_bands(s); band++)
            y = bar_segment(b, f, i, y, unit, k->band[band], prt_palette_band(s, band), s->bands[band].label);
        bar_segment(b, f, i, y, unit, k->reported - k->rated, prt_palette_unrated(), "not rated");
    }
}

void prt_chart_bands(prt_buf *b, const prt_history *h, int pillar)
{
    const prt_plan *plan = h->plan;
    int most = tallest_bar(h, pillar);
    Frame f = frame(h->n, 24, 28, 80);
    char id[32];
    snprintf(id, sizeof id, "bands-%d", pillar);
    svg_open(b, "bands", id, &f);
    prt_buf title = {0}, desc = {0};
    prt_buf_printf(&title, "%s: indicators by band over %d %s", pillar < plan->npillars ? plan->pillars[pillar].name : "All pillars",
                   h->n, periods_word(h->ev[h->n - 1]->period, h->n));
    for (int i = 0; i < h->n; i++) {
        prt_buf_puts(&desc, i ? "; " : "");
        bands_words(&desc, h->ev[i], pillar);
    }
    prt_buf_puts(&desc, ".");
    title_and_desc(b, id, title.data, desc.data);
    prt_buf_free(&title);
    prt_buf_free(&desc);
    Scale s = {0, most, most, 0};
    Ticks t = {2, {0, most}, {"0", ""}, 1};
    snprintf(t.text[1], sizeof t.text[1], "%d", most);
    value_axis(b, &f, &s, &t);
    bands_bars(b, &f, h, pillar, most);
    period_labels(b, &f, h);
    prt_buf_puts(b, "</svg>\n");
}
