/* The pieces every report format shares (report_cells.c): cell texts in the indicator's unit, the
 * summary rows, and which themes have indicators.  Internal to the runtime's reports. */
#ifndef PLANRT_REPORT_CELLS_H
#define PLANRT_REPORT_CELLS_H

#include "escape.h"
#include "planrt.h"

/* The widest table is the summary: a name, two counts, a share per band, four more counts. */
enum { RPT_MAX_COLS = 7 + PRT_MAX_BANDS };

/* Numbers print with the given decimals, or (decimals < 0) with at most two, trailing zeros dropped. */
char *rpt_number(double v, int decimals, char *buf, size_t size);
const char *rpt_polarity_text(prt_polarity p);
const char *rpt_status_text(prt_result_status s);

/* The cell texts below are built in a builder the caller owns and reuses from row to row. */
const char *rpt_target_text(const prt_evaluation *ev, const prt_rating *r, prt_buf *b);
const char *rpt_result_text(const prt_evaluation *ev, const prt_rating *r, prt_buf *b);
/* Last year's value in the indicator's unit ("" when none): bounded, so a small buffer holds it. */
char *rpt_last_year_text(const prt_evaluation *ev, const prt_rating *r, char *buf, size_t size);
const char *rpt_benchmark_text(const prt_evaluation *ev, const prt_rating *r, prt_buf *b);

/* The builders one report row needs for its cells. */
typedef struct RptRowText {
    prt_buf target, result, benchmark, note;
} RptRowText;
void rpt_row_text_free(RptRowText *t);

/* Rounded the way the reports round: half up, to a whole percent; "63% (41)". */
int rpt_pct(int part, int whole);
char *rpt_share(int part, int whole, char *buf, size_t size);

/* ---- the summary table ---- */
const prt_scheme *rpt_summary_scheme(const prt_evaluation *ev);
/* The bands the summaries count (all of them: E044 keeps schemes within PRT_MAX_BANDS). */
int rpt_summary_bands(const prt_scheme *s);
/* One row of the summary: the pillar's name, then counts and shares (bounded, in num). */
typedef struct RptSummaryRow {
    const char *cell[RPT_MAX_COLS];
    char num[RPT_MAX_COLS][32];
} RptSummaryRow;
int rpt_summary_row(const prt_evaluation *ev, const char *name, const prt_counts *k, RptSummaryRow *row);
int rpt_summary_header(const prt_evaluation *ev, const char *cells[RPT_MAX_COLS]);

/* Whether any indicator belongs to the theme (themes without one are left out of the reports). */
bool rpt_theme_has_indicators(const prt_plan *plan, int th);

#endif
