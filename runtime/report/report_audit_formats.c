/* The audit (report_audit.h) as CSV (a row per mismatch, for a spreadsheet), JSON (the counts and the
 * mismatches, for a script) and HTML (a page of its own in the committee pack's style).  Every text
 * from the plan or the results goes through the format's one escaping function. */
#include "report_audit.h"
#include "palette.h"

/* ---- CSV ---- */

static const char *const csv_head[] = {"kind", "ref", "id", "name", "published", "computed", "computed_label",
                                       "explanation"};
enum { CSV_NCOLS = sizeof csv_head / sizeof csv_head[0] };

void rpt_audit_csv(FILE *out, const Audit *a)
{
    for (int c = 0; c < CSV_NCOLS; c++)
        prt_csv_field(out, csv_head[c], c == CSV_NCOLS - 1);
    for (int k = 0; k < a->n; k++) {
        const AuditItem *it = &a->items[k];
        const char *cells[CSV_NCOLS] = {rpt_audit_kind_word(it->kind), rpt_audit_ref(a, it), rpt_audit_id(a, it),
                                        rpt_audit_name(a, it), it->published, rpt_audit_computed(a, it),
                                        rpt_audit_computed_label(a, it), it->explanation};
        for (int c = 0; c < CSV_NCOLS; c++)
            prt_csv_field(out, cells[c] ? cells[c] : "", c == CSV_NCOLS - 1);
    }
}

/* ---- JSON ---- */

static void json_str(FILE *out, const char *s) { prt_write_escaped(out, prt_esc_json, s); }

static void json_count(FILE *out, const char *name, int published, int reproduced, bool last)
{
    fprintf(out, "  \"%s\": {\"published\": %d, \"reproduced\": %d}%s\n", name, published, reproduced, last ? "" : ",");
}

/* One mismatch: which indicator or activity, what was published, what the method gives and why.  The
 * computed answer is null when the method gives none. */
static void json_item(FILE *out, const Audit *a, const AuditItem *it)
{
    bool none = it->kind == AUDIT_DIRECTION ? it->dot == PRT_DOT_NONE : it->band < 0;
    fputs("    {\"id\": ", out);
    json_str(out, rpt_audit_id(a, it));
    if (it->kind != AUDIT_DELIVERY) {
        fputs(", \"ref\": ", out);
        json_str(out, a->ev->plan->indicators[it->index].ref);
    }
    fputs(", \"name\": ", out);
    json_str(out, rpt_audit_name(a, it));
    fputs(", \"published\": ", out);
    json_str(out, it->published);
    fputs(", \"computed\": ", out);
    json_str(out, rpt_audit_computed_id(a, it));
    if (it->kind != AUDIT_DIRECTION) {
        fputs(", \"computed_label\": ", out);
        json_str(out, none ? NULL : rpt_audit_computed_label(a, it));
    }
    fputs(", \"explanation\": ", out);
    json_str(out, it->explanation);
    fputc('}', out);
}

static void json_items(FILE *out, const Audit *a, const char *name, AuditKind kind, bool last)
{
    bool any = false;
    fprintf(out, "  \"%s\": [", name);
    for (int k = 0; k < a->n; k++)
        if (a->items[k].kind == kind) {
            fputs(any ? ",\n" : "\n", out);
            json_item(out, a, &a->items[k]);
            any = true;
        }
    fprintf(out, "%s]%s\n", any ? "\n  " : "", last ? "" : ",");
}

void rpt_audit_json(FILE *out, const Audit *a)
{
    fputs("{\n  \"period\": ", out);
    json_str(out, prt_period_text(a->ev->period).s);
    fputs(",\n", out);
    json_count(out, "ratings", a->published, a->reproduced, false);
    json_count(out, "directions", a->dots, a->dots_reproduced, false);
    json_count(out, "delivery", a->delivery, a->delivery_reproduced, false);
    json_items(out, a, "mismatches", AUDIT_RATING, false);
    json_items(out, a, "direction_mismatches", AUDIT_DIRECTION, false);
    json_items(out, a, "delivery_mismatches", AUDIT_DELIVERY, true);
    fputs("}\n", out);
}

/* ---- HTML ---- */

static void html_text(FILE *out, const char *s) { prt_write_escaped(out, prt_esc_markup, s); }

/* The committee pack's rules (report_html.c) that this page uses, and a class per palette colour. */
static const char audit_style[] =
    "body{font-family:Helvetica,Arial,sans-serif;margin:2em;color:#111;max-width:80em}\n"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "table{border-collapse:collapse;margin:.5em 0 1em;width:100%}\n"
    "th,td{border:1px solid #999;padding:.3em .5em;text-align:left;vertical-align:top}\n"
    "th{background:#eee}\n"
    ".explain{font-size:.85em;color:#333}\n"
    "@page{size:A4 landscape;margin:10mm}\n"
    "@media print{body{margin:0;max-width:none;font-size:8pt}h1{font-size:16pt}th,td{padding:.15em .3em}\n"
    "tr{break-inside:avoid}}\n";

static void html_head(FILE *out, const Audit *a)
{
    const prt_plan *plan = a->ev->plan;
    const char *period = prt_period_text(a->ev->period).s;
    fputs("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>", out);
    html_text(out, plan->name ? plan->name : "Plan");
    fprintf(out, ": audit of published ratings for %s</title>\n<style>\n%s", period, audit_style);
    size_t n;
    const prt_colour *c = prt_palette_all(&n);
    for (size_t i = 0; i < n; i++)
        if (prt_palette_in_plan(plan, &c[i]))
            fprintf(out, ".band-%s{background:%s;color:%s}\n", c[i].name, c[i].fill, c[i].text);
    fputs("</style>\n</head>\n<body>\n<h1>", out);
    html_text(out, plan->name ? plan->name : "Plan");
    fprintf(out, ": audit of published ratings for %s</h1>\n", period);
    if (plan->organisation) {
        fputs("<p class=\"organisation\">", out);
        html_text(out, plan->organisation);
        fputs("</p>\n", out);
    }
}

static void html_cell(FILE *out, const char *cls, const char *s)
{
    fprintf(out, "<td%s%s%s>", cls ? " class=\"band-" : "", cls ? cls : "", cls ? "\"" : "");
    html_text(out, s);
    fputs("</td>", out);
}

/* A table of the mismatches of one kind; nothing when there is none. */
static void html_table(FILE *out, const Audit *a, AuditKind kind, const char *caption)
{
    bool any = false;
    for (int k = 0; k < a->n; k++) {
        const AuditItem *it = &a->items[k];
        if (it->kind != kind)
            continue;
        if (!any)
            fprintf(out, "<table class=\"audit\">\n<caption>%s</caption>\n<tr><th scope=\"col\">Ref</th>"
                         "<th scope=\"col\">Name</th><th scope=\"col\">Published</th><th scope=\"col\">Computed</th>"
                         "<th scope=\"col\">Explanation</th></tr>\n",
                    caption);
        any = true;
        fputs("<tr class=\"mismatch\">", out);
        html_cell(out, NULL, rpt_audit_ref(a, it));
        html_cell(out, NULL, rpt_audit_name(a, it));
        html_cell(out, rpt_audit_colour(a, it, it->published_band), it->published);
        html_cell(out, rpt_audit_colour(a, it, it->band), rpt_audit_computed_label(a, it));
        fputs("<td class=\"explain\">", out);
        html_text(out, it->explanation);
        fputs("</td></tr>\n", out);
    }
    if (any)
        fputs("</table>\n", out);
}

void rpt_audit_html(FILE *out, const Audit *a)
{
    html_head(out, a);
    fprintf(out, "<p class=\"counts\">%d of %d published ratings reproduced by the declared method", a->reproduced,
            a->published);
    if (a->dots)
        fprintf(out, "; %d of %d published directions of travel reproduced", a->dots_reproduced, a->dots);
    fputs(".</p>\n", out);
    html_table(out, a, AUDIT_RATING, "Ratings of record the plan&#39;s method does not reproduce");
    html_table(out, a, AUDIT_DIRECTION, "Directions of travel of record not reproduced");
    if (a->delivery) {
        fprintf(out, "<p class=\"counts\">%d of %d delivery ratings of record reproduced by the delivery schemes.</p>\n",
                a->delivery_reproduced, a->delivery);
        html_table(out, a, AUDIT_DELIVERY, "Delivery ratings of record the delivery schemes do not reproduce");
    }
    fputs("</body>\n</html>\n", out);
}
