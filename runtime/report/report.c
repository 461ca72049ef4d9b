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
                 {"html", PRT_FORMAT_HTML}, {"xlsx", PRT_FORMAT_XLSX}};
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
    case PRT_FORMAT_XLSX: break;    /* a workbook: prt_run hands it to the Excel part */
    }
}

bool prt_format_of_path(const char *path, prt_format *out)
{
    static const struct {
        const char *ext;
        prt_format f;
    } exts[] = {{".txt", PRT_FORMAT_TEXT}, {".csv", PRT_FORMAT_CSV}, {".json", PRT_FORMAT_JSON},
                {".md", PRT_FORMAT_MD},    {".html", PRT_FORMAT_HTML}, {".htm", PRT_FORMAT_HTML},
                {".xlsx", PRT_FORMAT_XLSX}};
    size_t n = path ? strlen(path) : 0;
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
        size_t e = strlen(exts[i].ext);
        if (n > e && path[n - e - 1] != '/' && prt_same_nocase(path + n - e, exts[i].ext)) {
            *out = exts[i].f;
            return true;
        }
    }
    return false;
}
