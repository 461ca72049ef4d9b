/* Building the outcome map as a cgraph graph.  Runs only in the child process of map_render.c. */
#include "map_graph.h"
#include "map_ids.h"

#include "escape.h"
#include "palette.h"
#include "report_delivery.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Band colours come from the one palette (runtime/palette.c), which the HTML report uses too; the
 * rating letters are printed in each node as well, so the map reads without colour at all.  A map
 * drawn without results leaves its indicators white: nothing was rated, not "not rated".  Activities
 * are dashed boxes; with results each is filled as the HTML pack colours it (rpt_delivery_colour: its
 * delivery band, grey without a status, by its state without a band) and the band is written in it. */
#define OUTCOME_FILL "#DCEBFA"
#define NO_RESULTS_FILL "#FFFFFF"

static void set(void *obj, const char *attr, const char *value)
{
    agsafeset(obj, (char *)attr, (char *)value, "");
}

/* Wraps text at about `width` characters on spaces onto b, each word escaped with esc, lines broken
 * with brk; at most `most` characters are kept (then "…"). */
static void wrap_onto(prt_buf *b, const char *text, size_t width, size_t most, void (*esc)(prt_buf *, const char *),
                      const char *brk)
{
    prt_buf word = {0};
    size_t total = 0;
    size_t col = 0;
    const char *p = text ? text : "";
    while (*p) {
        /* the next word */
        const char *w = p;
        while (*w == ' ')
            w++;
        if (!*w)
            break;
        const char *e = w;
        size_t chars = 0;
        while (*e && *e != ' ') {
            if (((unsigned char)*e & 0xC0) != 0x80)
                chars++;
            e++;
        }
        if (total + chars > most) {
            prt_buf_puts(b, " \xE2\x80\xA6");
            break;
        }
        if (col > 0 && col + 1 + chars > width) {
            prt_buf_puts(b, brk);
            col = 0;
        } else if (col > 0) {
            prt_buf_putc(b, ' ');
            col++;
        }
        prt_buf_clear(&word);
        prt_buf_add(&word, w, (size_t)(e - w));
        esc(b, prt_buf_str(&word));
        col += chars;
        total += chars;
        p = e;
    }
    prt_buf_free(&word);
}

/* Wraps text at about `width` characters on spaces into b (emptied first), each word escaped for a
 * Graphviz label (prt_esc_dot), lines broken with the label escape "\n".  Returns b's text. */
static const char *wrap(prt_buf *b, const char *text, size_t width)
{
    prt_buf_clear(b);
    wrap_onto(b, text, width, SIZE_MAX, prt_esc_dot, "\\n");
    return prt_buf_str(b);
}

static const char *dot_arrow(prt_dot d)
{
    switch (d) {
    case PRT_DOT_IMPROVING: return " \xE2\x86\x91";     /* up arrow */
    case PRT_DOT_SAME: return " \xE2\x86\x92";          /* right arrow */
    case PRT_DOT_WORSENING: return " \xE2\x86\x93";     /* down arrow */
    case PRT_DOT_NEW: return " new";
    case PRT_DOT_NOT_COMPARABLE: return " n/c";
    case PRT_DOT_NONE: return "";
    }
    return "";
}

static bool pillar_shown(const MapOptions *o, const Pillar *p)
{
    return (!o->pillar || o->pillar == p) && (!o->theme || (const Entity *)o->theme->e.parent == &p->e);
}

static bool theme_shown(const MapOptions *o, const Theme *t)
{
    return (!o->theme || o->theme == t) && pillar_shown(o, (const Pillar *)t->e.parent);
}

size_t map_count_nodes(const Plan *plan, const MapOptions *o)
{
    size_t n = 0;
    for (size_t i = 0; i < plan->themes.n; i++) {
        const Theme *t = plan->themes.items[i];
        if (!theme_shown(o, t))
            continue;
        n += 1;
        if (o->detail != DETAIL_THEMES)
            n += t->outcomes.n;
        if (o->detail == DETAIL_FULL)
            n += t->activities.n + t->indicators.n;
    }
    return n;
}

static Agnode_t *node(Agraph_t *g, const char *prefix, const char *id)
{
    prt_buf name = {0};
    prt_buf_printf(&name, "%s:%s", prefix, id);
    Agnode_t *n = agnode(g, name.data, 1);
    prt_buf_free(&name);
    return n;
}

/* A cluster's name, "cluster_p_ID" (identifiers only: no escaping needed, cgraph quotes names). */
static Agraph_t *cluster(Agraph_t *g, const char *kind, const char *id, int create)
{
    prt_buf name = {0};
    prt_buf_printf(&name, "cluster_%s_%s", kind, id);
    Agraph_t *sg = agsubg(g, name.data, create);
    prt_buf_free(&name);
    return sg;
}

/* What the map drew, for its key: the key explains these and nothing else. */
typedef struct Drawn {
    bool outcomes, indicators, activities, transformation;
    bool measures, delivers, contributes;
    bool rated_indicators;             /* indicator boxes filled by a rating */
    bool rated_activities;             /* activity boxes filled by their delivery */
    bool *delivery_schemes;            /* per delivery scheme of the plan: an activity filled by its bands */
    bool colour_kinds[RPT_N_COLOUR_KINDS];   /* activities filled otherwise: no status, by state */
} Drawn;

/* What each step of drawing needs: the graph, what to show, what was drawn, and two scratch strings
 * (a label being composed, and its wrapped form). */
typedef struct Drawing {
    Agraph_t *g;
    const Plan *plan;
    const MapOptions *o;
    prt_buf buf, text;
    Drawn drawn;
} Drawing;

/* ---- the key ---- */

/* The key is the graph's own label, under the title: an HTML-like table (so that it takes no place in
 * the layout's ranks), a row per kind of thing it explains, each box drawn as the map draws what it
 * stands for.  Text in it is escaped as markup and cut short (KEY_TEXT characters, the title
 * KEY_TITLE): Graphviz reads no HTML label longer than 16384 bytes back from a DOT file, so a label
 * that would still be longer than KEY_MOST falls back to the title alone. */
enum { KEY_TEXT = 100, KEY_TITLE = 400, KEY_MOST = 16000 };

static void key_text(prt_buf *html, const char *s)
{
    wrap_onto(html, s, SIZE_MAX, KEY_TEXT, prt_esc_markup, "");
}

/* A row of the key: its heading, then its cells (key_cell), then key_row_end. */
static void key_row(prt_buf *html, const char *heading)
{
    prt_buf_puts(html, "<tr><td border=\"0\"><table border=\"0\" cellborder=\"1\" cellspacing=\"4\" cellpadding=\"6\"><tr>"
                       "<td border=\"0\"><font point-size=\"14\">");
    key_text(html, heading);
    prt_buf_puts(html, "</font></td>");
}

static void key_row_end(prt_buf *html)
{
    prt_buf_puts(html, "</tr></table></td></tr>");
}

/* A cell: `attrs` are the cell's own (bgcolor, style, border, colour; trusted text), ink the text's
 * colour or NULL; text is escaped. */
static void key_cell(prt_buf *html, const char *attrs, const char *ink, const char *text)
{
    prt_buf_printf(html, "<td %s><font point-size=\"14\"", attrs);
    if (ink)
        prt_buf_printf(html, " color=\"%s\"", ink);
    prt_buf_puts(html, ">");
    key_text(html, text);
    prt_buf_puts(html, "</font></td>");
}

/* A band's cell: "(A) Amber", filled in its colour; `style` draws its border as the boxes it fills. */
static void key_band(prt_buf *html, const prt_colour *c, const char *style, const char *abbrev, const char *label,
                     const char *symbol)
{
    prt_buf attrs = {0}, text = {0};
    prt_buf_printf(&attrs, "bgcolor=\"%s\"%s%s%s", c->fill, style ? " style=\"" : "", style ? style : "", style ? "\"" : "");
    if (symbol)   /* issue 21: the band's symbol, as the boxes show it */
        prt_buf_printf(&text, "%s ", symbol);
    if (abbrev)
        prt_buf_printf(&text, "(%s) ", abbrev);
    prt_buf_puts(&text, label);
    key_cell(html, attrs.data, c->text, text.data);
    prt_buf_free(&attrs);
    prt_buf_free(&text);
}

static void key_boxes(prt_buf *html, const Drawn *w)
{
    if (!w->outcomes && !w->indicators && !w->activities && !w->transformation)
        return;
    key_row(html, "Boxes:");
    if (w->outcomes)
        key_cell(html, "bgcolor=\"" OUTCOME_FILL "\" style=\"rounded\"", NULL, "outcome");
    if (w->indicators)
        key_cell(html, "bgcolor=\"" NO_RESULTS_FILL "\"", NULL,
                 w->rated_indicators ? "indicator (filled by its rating)" : "indicator");
    if (w->activities)
        key_cell(html, "style=\"dashed\"", NULL,
                 w->rated_activities ? "activity, dashed (filled by its delivery)" : "activity, dashed");
    if (w->transformation)
        key_cell(html, "border=\"3\" color=\"#0072B2\"", NULL, "transformation workstream (a theme)");
    key_row_end(html);
}

/* The bands of the indicators' summary scheme, and "not rated". */
static void key_indicator_bands(prt_buf *html, const prt_evaluation *ev)
{
    const prt_scheme *s = ev->band_scheme >= 0 ? &ev->plan->schemes[ev->band_scheme] : NULL;
    key_row(html, "Indicators:");
    for (int b = 0; s && b < s->nbands; b++)
        key_band(html, prt_palette_band(s, b), NULL, prt_band_short(s, b), s->bands[b].label, s->bands[b].symbol);
    key_band(html, prt_palette_unrated(), NULL, NULL, "not rated", NULL);
    key_row_end(html);
}

/* A row per delivery scheme whose bands fill an activity, then one for the other fills used. */
static void key_delivery(prt_buf *html, const prt_plan *plan, const Drawn *w)
{
    for (int k = 0; k < plan->ndelivery; k++) {
        if (!w->delivery_schemes[k])
            continue;
        const prt_delivery_scheme *s = &plan->delivery[k];
        prt_buf heading = {0};
        prt_buf_printf(&heading, "Activities, %s:", s->name ? s->name : s->id);
        key_row(html, heading.data);
        prt_buf_free(&heading);
        for (int b = 0; b < s->nbands; b++)
            key_band(html, prt_palette_delivery(s, b), "dashed", s->bands[b].abbrev, s->bands[b].label, s->bands[b].symbol);
        key_row_end(html);
    }
    bool any = false;
    for (int k = 0; k < RPT_N_COLOUR_KINDS; k++)
        any |= w->colour_kinds[k];
    if (!any)
        return;
    key_row(html, "Activities:");
    for (int k = 0; k < RPT_N_COLOUR_KINDS; k++)
        if (w->colour_kinds[k])
            key_band(html, rpt_colour_kind_colour((RptColourKind)k), "dashed", NULL, rpt_colour_kind_text((RptColourKind)k), NULL);
    key_row_end(html);
}

static void key_lines(prt_buf *html, const Drawn *w)
{
    if (!w->measures && !w->delivers && !w->contributes)
        return;
    key_row(html, "Lines:");
    if (w->measures)
        key_cell(html, "border=\"0\"", "#666666", "\xE2\x80\x94\xE2\x96\xB8 measures (grey, indicator to outcome)");
    if (w->delivers)
        key_cell(html, "border=\"0\"", "#666666", "- - \xE2\x96\xB8 delivers (dashed, activity to outcome)");
    if (w->contributes)
        key_cell(html, "border=\"0\"", "#0072B2", "\xE2\x80\x94\xE2\x96\xB8 contributes to (blue, outcome to outcome)");
    key_row_end(html);
}

/* The title, and under it the key of what the map drew; the title alone when it drew nothing the key
 * explains. */
static void title_and_key(Drawing *d, const char *title)
{
    const Drawn *w = &d->drawn;
    const prt_evaluation *ev = d->o->ev;
    prt_buf html = {0};
    key_boxes(&html, w);
    if (ev && w->rated_indicators)
        key_indicator_bands(&html, ev);
    if (ev)
        key_delivery(&html, ev->plan, w);
    key_lines(&html, w);
    if (ev && w->rated_indicators)
        prt_buf_puts(&html, "<tr><td border=\"0\"><font point-size=\"14\">Direction of travel: \xE2\x86\x91 improving, "
                            "\xE2\x86\x92 same, \xE2\x86\x93 worsening, new, n/c not comparable</font></td></tr>");
    if (!html.len) {
        prt_buf_free(&html);
        return;   /* the plain title open_graph gave stays */
    }
    prt_buf all = {0};
    prt_buf_puts(&all, "<table border=\"0\" cellborder=\"0\" cellspacing=\"2\" cellpadding=\"2\">"
                       "<tr><td><font point-size=\"28\">");
    wrap_onto(&all, title, 80, KEY_TITLE, prt_esc_markup, "<br/>");
    prt_buf_puts(&all, "</font></td></tr>");
    prt_buf_add(&all, html.data, html.len);
    prt_buf_puts(&all, "</table>");
    if (all.len < KEY_MOST)
        agsafeset(d->g, "label", agstrdup_html(d->g, all.data), "");
    prt_buf_free(&all);
    prt_buf_free(&html);
}

/* Edges from one box to each outcome in `to`, where the map shows both.  With `loose`, an edge that
 * leaves its theme does not constrain the layout (outcomes in other themes are far apart). */
static void edges_to_outcomes(Agraph_t *g, const MapOptions *o, const Entity *from, const char *prefix,
                              const char *id, const PtrVec *to, const char *tooltip, const char *style,
                              const char *color, bool loose, bool *drawn)
{
    if (!theme_shown(o, (const Theme *)from->parent))
        return;
    for (size_t k = 0; k < to->n; k++) {
        const Outcome *oc = to->items[k];
        if (!theme_shown(o, (const Theme *)oc->e.parent))
            continue;
        Agedge_t *e = agedge(g, node(g, prefix, id), node(g, "o", oc->e.id.name), NULL, 1);
        *drawn = true;
        if (color)
            set(e, "color", color);
        if (style)
            set(e, "style", style);
        set(e, "tooltip", tooltip);
        if (loose && from->parent != oc->e.parent)
            set(e, "constraint", "false");
    }
}

/* The graph and its defaults: left to right, the title on top (and the key, with results). */
static Agraph_t *open_graph(Drawing *d)
{
    const char *title = d->o->title ? d->o->title : d->plan->header.name ? d->plan->header.name : "Outcome map";
    Agraph_t *g = agopen("outcome_map", Agdirected, &map_disc);
    set(g, "label", wrap(&d->buf, title, 80));
    set(g, "labelloc", "t");
    set(g, "fontsize", "28");
    set(g, "fontname", "Helvetica");
    set(g, "rankdir", "LR");
    set(g, "newrank", "true");
    set(g, "nodesep", "0.15");
    set(g, "ranksep", "0.5");
    set(g, "compound", "true");
    agattr(g, AGNODE, "fontname", "Helvetica");
    agattr(g, AGNODE, "fontsize", "11");
    agattr(g, AGEDGE, "color", "#666666");
    agattr(g, AGEDGE, "arrowsize", "0.6");
    return g;
}

static Agraph_t *pillar_cluster(Drawing *d, const Pillar *p)
{
    Agraph_t *pg = cluster(d->g, "p", p->e.id.name, 1);
    set(pg, "label", wrap(&d->buf, p->e.name, 60));
    set(pg, "style", "filled");
    set(pg, "fillcolor", "#F2F2F2");
    set(pg, "color", "#999999");
    set(pg, "fontsize", "22");
    set(pg, "fontname", "Helvetica-Bold");
    set(pg, "tooltip", wrap(&d->buf, p->e.name, SIZE_MAX));
    return pg;
}

static Agraph_t *theme_cluster(Drawing *d, Agraph_t *pg, const Theme *t)
{
    Agraph_t *tg = cluster(pg, "t", t->e.id.name, 1);
    prt_buf_clear(&d->text);
    prt_buf_printf(&d->text, "%s%s", t->e.name, t->transformation ? " \xE2\x80\x94 transformation workstream" : "");
    set(tg, "label", wrap(&d->buf, d->text.data, 50));
    set(tg, "style", "rounded,filled");
    set(tg, "fillcolor", "#FFFFFF");
    set(tg, "fontsize", "16");
    set(tg, "color", t->transformation ? "#0072B2" : "#999999");
    set(tg, "penwidth", t->transformation ? "3" : "1");
    set(tg, "tooltip", wrap(&d->buf, d->text.data, SIZE_MAX));
    d->drawn.transformation |= t->transformation;
    return tg;
}

static void outcome_node(Drawing *d, Agraph_t *tg, const Outcome *oc)
{
    Agnode_t *n = node(tg, "o", oc->e.id.name);
    set(n, "label", wrap(&d->buf, oc->e.name, 34));
    set(n, "shape", "box");
    set(n, "style", "rounded,filled");
    set(n, "fillcolor", OUTCOME_FILL);
    set(n, "tooltip", wrap(&d->buf, oc->e.name, SIZE_MAX));
    d->drawn.outcomes = true;
}

/* With results, an activity's box is filled as its delivery is coloured, with its band (or state) in
 * the label and the rating's explanation in the tooltip; the key notes what it used. */
static void activity_rated(Drawing *d, Agnode_t *n, const Activity *a, size_t index)
{
    const prt_plan *plan = d->o->ev->plan;
    const prt_delivery *dl = &d->o->ev->delivery[index];
    const prt_colour *c = rpt_delivery_colour(plan, dl);
    RptColourKind kind = rpt_delivery_colour_kind(plan, dl);
    d->drawn.rated_activities = true;
    if (kind == RPT_COLOUR_BAND)
        d->drawn.delivery_schemes[plan->activities[index].scheme] = true;
    else
        d->drawn.colour_kinds[kind] = true;
    prt_buf short_text = {0};
    prt_buf_clear(&d->text);
    prt_buf_printf(&d->text, "%s%s", dl->has_status ? rpt_delivery_short_text(plan, dl, &short_text) : "no status",
                   dl->overdue ? ", overdue" : "");
    /* the name wrapped, and the band on a line of its own */
    wrap(&d->buf, a->e.name, 30);
    prt_buf_puts(&d->buf, "\\n");
    prt_esc_dot(&d->buf, d->text.data);
    set(n, "label", d->buf.data);
    set(n, "style", "dashed,filled");
    set(n, "fillcolor", c->fill);
    set(n, "fontcolor", c->text);
    prt_buf_clear(&d->text);
    prt_buf_printf(&d->text, "%s | %s | %s", a->e.name, rpt_delivery_rating_text(plan, dl, &short_text),
                   dl->explanation);
    set(n, "tooltip", wrap(&d->buf, d->text.data, SIZE_MAX));
    prt_buf_free(&short_text);
}

/* An activity's box: dashed, its name; rated as above when results are given.  Named by its
 * identifier; `index` is its place in the plan (and in the evaluation's deliveries). */
static void activity_node(Drawing *d, Agraph_t *tg, const Activity *a, size_t index)
{
    Agnode_t *n = node(tg, "a", a->e.id.name);
    set(n, "shape", "box");
    set(n, "fontsize", "9");
    d->drawn.activities = true;
    if (d->o->ev) {
        activity_rated(d, n, a, index);
        return;
    }
    set(n, "label", wrap(&d->buf, a->e.name, 30));
    set(n, "style", "dashed");
}

/* An indicator's box: reference and name, with results its value, band and direction of travel,
 * filled in its band's colour; the tooltip gives target, result and the rating's explanation.
 * Named by its position in the plan, never by an address. */
static void indicator_node(Drawing *d, Agraph_t *tg, size_t index)
{
    const Indicator *in = d->plan->indicators.items[index];
    const prt_evaluation *ev = d->o->ev;
    char id[32];
    snprintf(id, sizeof id, "%zu", index);
    Agnode_t *n = node(tg, "i", id);
    prt_buf *text = &d->text;
    prt_buf_clear(text);
    prt_buf_printf(text, "%s%s%s", in->ref ? in->ref : "", in->ref ? " \xC2\xB7 " : "", in->e.name);
    const prt_rating *r = ev ? &ev->ratings[index] : NULL;
    const prt_indicator *tab = ev ? &ev->plan->indicators[index] : NULL;
    const prt_scheme *s = tab && tab->scheme >= 0 ? &ev->plan->schemes[tab->scheme] : NULL;
    int band = r ? prt_rating_shown_band(s, r) : -1;   /* its rating, or the monitor band */
    if (r) {
        char v[64];
        const char *sym = prt_band_symbol(s, band);
        if (r->status == PRT_RESULT_VALUE)
            prt_buf_printf(text, " \xE2\x80\x94 %s%s%s%s%s%s%s", prt_format_value(tab, r->value, v, sizeof v),
                           band >= 0 ? " (" : "", sym ? sym : "", sym ? " " : "", band >= 0 ? prt_band_short(s, band) : "",
                           band >= 0 ? ")" : "", dot_arrow(r->dot));
        else
            prt_buf_printf(text, " \xE2\x80\x94 %s", r->status == PRT_RESULT_NONE ? "no result" : "not available");
    }
    set(n, "label", wrap(&d->buf, text->data, 30));
    set(n, "shape", "box");
    set(n, "style", "filled");
    const prt_colour *c = prt_palette_band(s, band);
    set(n, "fillcolor", r ? c->fill : NO_RESULTS_FILL);
    if (r)
        set(n, "fontcolor", c->text);
    set(n, "fontsize", "10");
    d->drawn.indicators = true;
    d->drawn.rated_indicators |= r != NULL;
    prt_buf_clear(text);
    if (r) {
        char target[64] = "", v[64] = "";
        if (r->has_target)
            prt_format_value(tab, r->target_value, target, sizeof target);
        if (r->status == PRT_RESULT_VALUE)
            prt_format_value(tab, r->value, v, sizeof v);
        prt_buf_printf(text, "%s | target: %s | result: %s | %s", in->e.name, target[0] ? target : "none",
                       v[0] ? v : "none", r->explanation);
    } else {
        prt_buf_puts(text, in->e.name);
    }
    set(n, "tooltip", wrap(&d->buf, text->data, SIZE_MAX));
}

/* A theme's boxes, as much of them as the detail asks for. */
static void theme_boxes(Drawing *d, Agraph_t *tg, const Theme *t)
{
    if (d->o->detail == DETAIL_THEMES) {
        /* an invisible point keeps an otherwise empty cluster on the page */
        Agnode_t *n = node(tg, "t", t->e.id.name);
        set(n, "shape", "point");
        set(n, "style", "invis");
        return;
    }
    for (size_t k = 0; k < t->outcomes.n; k++)
        outcome_node(d, tg, t->outcomes.items[k]);
    if (d->o->detail != DETAIL_FULL)
        return;
    for (size_t index = 0; index < d->plan->activities.n; index++)
        if (((const Activity *)d->plan->activities.items[index])->e.parent == &t->e)
            activity_node(d, tg, d->plan->activities.items[index], index);
    for (size_t index = 0; index < d->plan->indicators.n; index++)
        if (((const Indicator *)d->plan->indicators.items[index])->e.parent == &t->e)
            indicator_node(d, tg, index);
}

/* Edges: only between nodes the map shows. */
static void all_edges(Drawing *d)
{
    const Plan *plan = d->plan;
    const MapOptions *o = d->o;
    for (size_t i = 0; i < plan->indicators.n && o->detail == DETAIL_FULL; i++) {
        const Indicator *in = plan->indicators.items[i];
        char id[32];
        snprintf(id, sizeof id, "%zu", i);
        edges_to_outcomes(d->g, o, &in->e, "i", id, &in->measured, "measures", NULL, NULL, false,
                          &d->drawn.measures);
    }
    for (size_t i = 0; i < plan->activities.n && o->detail == DETAIL_FULL; i++) {
        const Activity *a = plan->activities.items[i];
        edges_to_outcomes(d->g, o, &a->e, "a", a->e.id.name, &a->delivered, "delivers", "dashed", NULL, false,
                          &d->drawn.delivers);
    }
    for (size_t i = 0; i < plan->outcomes.n && o->detail != DETAIL_THEMES; i++) {
        const Outcome *oc = plan->outcomes.items[i];
        edges_to_outcomes(d->g, o, &oc->e, "o", oc->e.id.name, &oc->contributes_to, "contributes to", NULL, "#0072B2",
                          true, &d->drawn.contributes);
    }
}

/* An invisible edge that orders ranks but pulls nothing into line (weight 0). */
static void invisible_edge(Agraph_t *g, Agnode_t *from, Agnode_t *to)
{
    Agedge_t *e = agedge(g, from, to, NULL, 1);
    set(e, "style", "invis");
    set(e, "weight", "0");
}

/* Pillars side by side: an invisible head node per pillar comes before the first boxes of its
 * pillar (those nothing points to) and after the last boxes of the pillar before it (those that
 * point nowhere), so each pillar takes its own band of ranks, left to right, instead of all of
 * them stacking into one very tall column. */
static void pillars_side_by_side(Drawing *d)
{
    Agraph_t *g = d->g, *prev_pillar = NULL;
    for (size_t pi = 0; pi < d->plan->pillars.n; pi++) {
        const Pillar *p = d->plan->pillars.items[pi];
        if (!pillar_shown(d->o, p))
            continue;
        Agraph_t *pg = cluster(g, "p", p->e.id.name, 0);
        if (!pg)
            continue;
        if (!prev_pillar) {
            prev_pillar = pg;   /* the first pillar needs nothing before it */
            continue;
        }
        Agnode_t *head = node(pg, "h", p->e.id.name);
        set(head, "shape", "point");
        set(head, "style", "invis");
        set(head, "width", "0");
        for (Agnode_t *n = agfstnode(pg); n; n = agnxtnode(pg, n))
            if (n != head && !agfstin(g, n))
                invisible_edge(g, head, n);
        for (Agnode_t *n = agfstnode(prev_pillar); n; n = agnxtnode(prev_pillar, n))
            if (!agfstout(g, n))
                invisible_edge(g, n, head);
        prev_pillar = pg;
    }
}

Agraph_t *map_graph(const Plan *plan, const MapOptions *o)
{
    Drawing d = {NULL, plan, o, {0}, {0}, {0}};
    if (o->ev)
        d.drawn.delivery_schemes = xcalloc((size_t)o->ev->plan->ndelivery + 1, sizeof *d.drawn.delivery_schemes);
    d.g = open_graph(&d);
    for (size_t pi = 0; pi < plan->pillars.n; pi++) {
        const Pillar *p = plan->pillars.items[pi];
        if (!pillar_shown(o, p))
            continue;
        Agraph_t *pg = pillar_cluster(&d, p);
        for (size_t ti = 0; ti < p->themes.n; ti++) {
            const Theme *t = p->themes.items[ti];
            if (theme_shown(o, t))
                theme_boxes(&d, theme_cluster(&d, pg, t), t);
        }
    }
    all_edges(&d);
    pillars_side_by_side(&d);
    title_and_key(&d, o->title ? o->title : plan->header.name ? plan->header.name : "Outcome map");
    free(d.drawn.delivery_schemes);
    prt_buf_free(&d.buf);
    prt_buf_free(&d.text);
    return d.g;
}
