/* The HTML report: the committee pack a performance team sends to Cabinet. */
#include "report_cells.h"

#include <string.h>

static void html_text(FILE *out, const char *s) { prt_write_escaped(out, prt_esc_markup, s); }

static void html_cell(FILE *out, const char *tag, const char *cls, const char *s)
{
    fprintf(out, "<%s%s%s%s>", tag, cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
    html_text(out, s);
    fprintf(out, "</%s>", tag);
}

/* The band's class: first band "on", last "off", others "mid1", "mid2" (colours in the style sheet). */
static const char *band_class(const prt_scheme *s, int band)
{
    if (!s || band < 0)
        return "none";
    if (band == 0)
        return "on";
    if (band == s->nbands - 1)
        return "off";
    return band == 1 ? "mid1" : "mid2";
}

void prt_report_html(FILE *out, const prt_history *h, const char *map_svg)
{
    const prt_evaluation *ev = prt_history_last(h);
    const prt_plan *plan = ev->plan;
    const prt_period_str pb = prt_period_text(ev->period);
    fputs("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>", out);
    html_text(out, plan->name ? plan->name : "Plan");
    fprintf(out, ": performance for %s</title>\n", pb.s);
    fputs("<style>\n"
          "body{font-family:Helvetica,Arial,sans-serif;margin:2em;color:#111;max-width:80em}\n"
          "table{border-collapse:collapse;margin:1em 0;width:100%}\n"
          "th,td{border:1px solid #999;padding:.3em .5em;text-align:left;vertical-align:top}\n"
          "th{background:#eee}td.num{text-align:right}\n"
          ".on{background:#009E73;color:#fff}.mid1{background:#F0E442}.mid2{background:#E69F00}"
          ".off{background:#D55E00;color:#fff}.none{background:#fff}\n"
          ".explain{font-size:.85em;color:#333}\n"
          "figure{margin:1em 0;overflow:auto}figure svg{max-width:100%;height:auto}\n"
          "@media print{body{margin:0}h2{break-before:page}table{font-size:9pt}}\n"
          "</style>\n</head>\n<body>\n<h1>", out);
    html_text(out, plan->name ? plan->name : "Plan");
    fprintf(out, "</h1>\n<p>Performance for <strong>%s</strong>. Ratings are given as text and as colour.</p>\n", pb.s);
    if (plan->organisation) {
        fputs("<p>", out);
        html_text(out, plan->organisation);
        fputs("</p>\n", out);
    }
    if (map_svg) {
        fputs("<figure>\n", out);
        /* the SVG as Graphviz wrote it (its text escaped by planc and Graphviz), after its XML prologue */
        const char *svg = strstr(map_svg, "<svg");
        fputs(svg ? svg : map_svg, out);
        fputs("\n<figcaption>The outcome map, coloured by rating</figcaption>\n</figure>\n", out);
    }
    fputs("<h2>Summary</h2>\n<table id=\"summary\">\n<thead><tr>", out);
    const char *head[RPT_MAX_COLS];
    int nc = rpt_summary_header(ev, head);
    for (int c = 0; c < nc; c++) {
        fputs("<th scope=\"col\">", out);
        html_text(out, head[c]);
        fputs("</th>", out);
    }
    fputs("</tr></thead>\n<tbody>\n", out);
    RptSummaryRow row;
    for (int p = 0; p <= plan->npillars; p++) {
        int n = rpt_summary_row(ev, p < plan->npillars ? plan->pillars[p].name : "Total",
                            p < plan->npillars ? &ev->pillar_counts[p] : &ev->total, &row);
        fputs("<tr>", out);
        html_cell(out, "th", NULL, row.cell[0]);
        for (int c = 1; c < n; c++)
            html_cell(out, "td", "num", row.cell[c]);
        fputs("</tr>\n", out);
    }
    fputs("</tbody>\n</table>\n", out);
    RptRowText rt = {0};
    for (int p = 0; p < plan->npillars; p++) {
        fputs("<h2>", out);
        html_text(out, plan->pillars[p].name);
        fputs("</h2>\n", out);
        for (int th = 0; th < plan->nthemes; th++) {
            if (plan->themes[th].pillar != p || !rpt_theme_has_indicators(plan, th))
                continue;
            fputs("<h3>", out);
            html_text(out, plan->themes[th].name);
            fputs(plan->themes[th].transformation ? " (transformation workstream)</h3>\n" : "</h3>\n", out);
            fputs("<table class=\"indicators\">\n<thead><tr><th scope=\"col\">Ref</th><th scope=\"col\">Indicator</th>"
                  "<th scope=\"col\">Polarity</th><th scope=\"col\">Period</th><th scope=\"col\">Target</th>"
                  "<th scope=\"col\">Result (rating)</th><th scope=\"col\">Last year</th><th scope=\"col\">DOT</th>"
                  "<th scope=\"col\">Benchmark</th><th scope=\"col\">Comment</th></tr></thead>\n<tbody>\n",
                  out);
            for (int i = 0; i < plan->nindicators; i++) {
                const prt_indicator *in = &plan->indicators[i];
                if (in->theme != th)
                    continue;
                const prt_rating *r = &ev->ratings[i];
                const prt_scheme *s = in->scheme >= 0 ? &plan->schemes[in->scheme] : NULL;
                char ly[64];
                fputs("<tr>", out);
                html_cell(out, "th", NULL, in->ref ? in->ref : in->id);
                html_cell(out, "td", NULL, in->name);
                html_cell(out, "td", NULL, rpt_polarity_text(in->polarity));
                html_cell(out, "td", NULL, prt_period_text(r->period).s);
                html_cell(out, "td", "num", rpt_target_text(ev, r, &rt.target));
                fprintf(out, "<td class=\"%s\">", band_class(s, r->band));
                html_text(out, rpt_result_text(ev, r, &rt.result));
                if (r->band >= 0) {
                    fputs(" ", out);
                    html_text(out, prt_band_name(s, r->band));
                }
                fputs("<div class=\"explain\">", out);
                html_text(out, r->explanation);
                fputs("</div></td>", out);
                html_cell(out, "td", "num", rpt_last_year_text(ev, r, ly, sizeof ly));
                html_cell(out, "td", NULL, prt_dot_name(r->dot));
                html_cell(out, "td", NULL, rpt_benchmark_text(ev, r, &rt.benchmark));
                html_cell(out, "td", NULL, r->comment ? r->comment : r->exception ? "Below target: no commentary" : "");
                fputs("</tr>\n", out);
            }
            fputs("</tbody>\n</table>\n", out);
        }
    }
    rpt_row_text_free(&rt);
    int exceptions = 0;
    for (int i = 0; i < plan->nindicators; i++)
        exceptions += ev->ratings[i].below_target;
    fprintf(out, "<h2>Below target</h2>\n<p>%d indicator%s below target.</p>\n<ul id=\"exceptions\">\n", exceptions,
            exceptions == 1 ? " is" : "s are");
    for (int i = 0; i < plan->nindicators; i++) {
        const prt_rating *r = &ev->ratings[i];
        if (!r->below_target)
            continue;
        fputs("<li><strong>", out);
        html_text(out, prt_indicator_label(&plan->indicators[i]));
        fputs("</strong>: ", out);
        html_text(out, r->explanation);
        fputs(". ", out);
        html_text(out, r->comment ? r->comment : "No commentary was given.");
        fputs("</li>\n", out);
    }
    fputs("</ul>\n</body>\n</html>\n", out);
}
