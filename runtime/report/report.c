/* The report formats by name, and the one entry point that writes a report in any of them: text
 * (report_text.c), CSV (report_csv.c), JSON (report_json.c), Markdown (report_md.c); the HTML pack is
 * report_html.c, the audit report_audit.c. */
#include "report_layout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

bool prt_format_parse(const char *s, prt_format *out)
{
    static const struct {
        const char *name;
        prt_format f;
    } names[] = {{"text", PRT_FORMAT_TEXT}, {"csv", PRT_FORMAT_CSV}, {"json", PRT_FORMAT_JSON}, {"md", PRT_FORMAT_MD},
                 {"html", PRT_FORMAT_HTML}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(s, names[i].name) == 0) {
            *out = names[i].f;
            return true;
        }
    return false;
}
void prt_report(FILE *out, const prt_history *h, prt_format format)
{
    switch (format) {
    case PRT_FORMAT_TEXT: rpt_text_report(out, h); break;
    case PRT_FORMAT_CSV: rpt_csv_report(out, h); break;
    case PRT_FORMAT_JSON: rpt_json_report(out, h); break;
    case PRT_FORMAT_MD: rpt_md_report(out, h); break;
    case PRT_FORMAT_HTML: prt_report_html(out, h, NULL); break;
    }
}
