/* The report as a workbook (--format xlsx): a "Summary" sheet, a sheet per pillar, a "Delivery" sheet
 * when the plan has activities (xlsx_report_*.c), and document properties that name the plan, the
 * period and the plan's digest, so that a report is traceable to its plan.  The same input gives the
 * same bytes: the workbook's creation time is the day the report says it was produced. */
#include "xlsx_report.h"

#include <stdlib.h>
#include <string.h>

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), so that no
 * time zone or non-standard timegm() enters the file. */
static long long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* Midnight (UTC) of the day the report was produced ("2025-12-01": --date, else SOURCE_DATE_EPOCH,
 * else today, as run.c decides); 0 (libxlsxwriter's "now") when it has none. */
static time_t created_time(const char *produced)
{
    int y, m, d;
    if (!produced || sscanf(produced, "%4d-%2d-%2d", &y, &m, &d) != 3)
        return 0;
    return (time_t)(days_from_civil(y, m, d) * 86400);
}

/* The title ("Our Plan: performance for 2023/24 Q2", as the HTML report's) and the custom properties
 * the template writer gives a return: planc.plan, planc.period, planc.digest, planc.version. */
static void properties(XReport *x, prt_buf *title)
{
    const prt_plan *plan = x->h->plan;
    prt_period_str period = prt_period_text(prt_history_last(x->h)->period);
    prt_buf_printf(title, "%s: performance for %s", plan->name ? plan->name : "Plan", period.s);
    lxw_doc_properties props = {
        .title = (char *)prt_buf_str(title),
        .subject = "Performance report",
        .comments = "Written by planc " PLANRT_VERSION,
        .created = created_time(x->h->produced),
    };
    xr_check(x, workbook_set_properties(x->wb, &props));
    const char *names[] = {"planc.plan", "planc.period", "planc.digest", "planc.version"};
    const char *values[] = {plan->name, period.s, plan->digest, plan->version};
    prt_buf cut = {0};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (values[i] && *values[i])   /* libxlsxwriter copies the value */
            xr_check(x, workbook_set_custom_property_string(x->wb, names[i], prt_xlsx_text(&cut, values[i], 255, PRT_XLSX_ELLIPSIS, NULL)));
    prt_buf_free(&cut);
}

bool prt_xlsx_report(FILE *out, const prt_history *h, char **why)
{
    prt_xlsx_out o;
    if (!prt_xlsx_out_open(&o, why))
        return false;
    XReport x = {.h = h, .wb = o.wb, .L = rpt_layout_make(h)};
    prt_buf title = {0};
    xr_formats_make(&x);
    properties(&x, &title);
    xr_summary_sheet(&x);
    for (int p = 0; p < h->plan->npillars; p++)
        xr_pillar_sheet(&x, p);
    if (h->plan->nactivities)
        xr_delivery_sheet(&x);
    bool ok;
    if (x.failed) {
        prt_xlsx_out_abandon(&o);
        prt_buf b = {0};
        prt_buf_printf(&b, "cannot write the workbook: %s", lxw_strerror(x.failed));
        *why = prt_buf_take(&b);
        ok = false;
    } else {
        ok = prt_xlsx_out_finish(&o, out, why);   /* the sheet names and the title are used until here */
    }
    xr_formats_free(&x);
    prt_xlsx_names_free(&x.names);
    prt_buf_free(&x.cell);
    prt_buf_free(&title);
    rpt_layout_free(&x.L);
    return ok;
}
