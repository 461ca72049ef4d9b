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
/* The same without the band's symbol (HTML prints it in a span of its own). */
const char *rpt_result_text_bare(const prt_evaluation *ev, const prt_rating *r, prt_buf *b);
/* Reported and not rated, less those shown in the scheme's monitor band (counted under its label):
 * the summaries' "Monitor/NYA", or "NYA" when the scheme has a monitor band. */
/* Whether a band of the plan has a symbol: CSV's `symbol` column and JSON's `symbol` fields are
 * written only then, so that the reports of plans without symbols stay as they were. */
bool rpt_plan_has_symbols(const prt_plan *plan);
int rpt_unrated_rest(const prt_scheme *s, const prt_counts *k);
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
/* The same, a band's symbol before its label ("★ Blue") in labels[b] (text and Markdown). */
int rpt_summary_header_with(const prt_evaluation *ev, const char *cells[RPT_MAX_COLS], prt_buf labels[PRT_MAX_BANDS]);


/* ---- issue 14: reports over time ---- */

/* The direction-of-travel columns the plan's `direction` asks for (text, Markdown, HTML): one "DOT"
 * column (long or short term) or both.  Returns how many (1 or 2). */
int rpt_dot_headers(const prt_plan *plan, const char *head[2]);
/* The cells under those headers: the direction's name, "(from baseline)" when the comparison was
 * with the plan's baseline. */
int rpt_dot_cells(const prt_plan *plan, const prt_rating *r, prt_buf cells[2]);
/* Whether the direction the plan's basis shows is worsening (an exception). */
bool rpt_worsening(const prt_plan *plan, const prt_rating *r);

/* The value cell with its provisional marker: "2660 (G)", "2660 (G) (provisional)" or, short,
 * "2660 (G) p" (the columns of a series). */
const char *rpt_value_cell(const prt_evaluation *ev, const prt_rating *r, bool short_marker, prt_buf *b);
/* "Forecast 410000 against 420000 (miss)", "" when the rating has no forecast. */
const char *rpt_forecast_text(const prt_evaluation *ev, const prt_rating *r, prt_buf *b);
/* Whether any rating of any period in the history has a forecast (the column is then printed). */
bool rpt_history_has_forecast(const prt_history *h);
/* Whether any rating of any period in the history has a data-quality flag. */
bool rpt_history_has_quality(const prt_history *h);
/* The codes of the rating's quality flags, separated by sep ("Q001 Q003"); "" when none. */
const char *rpt_quality_codes(const prt_rating *r, const char *sep, prt_buf *b);
/* "restated from 2700: corrected count", "" when not restated. */
const char *rpt_restated_text(const prt_evaluation *ev, const prt_rating *r, prt_buf *b);
/* "Owner: ... · Committee: ... · Source: ...", only the parts the plan gives; "" when none. */
const char *rpt_owner_text(const prt_indicator *in, prt_buf *b);

/* Why a rating is an exception, each reason one short text ("below target, no commentary",
 * "worsening", "forecast to miss the annual target", "missing return (Q003)", "doubtful data
 * (Q001)"); returns how many (at most RPT_MAX_REASONS), the texts in reasons (reason_buf holds
 * the composed ones and must live as long as they are used). */
enum { RPT_MAX_REASONS = 5 };
int rpt_exception_reasons(const prt_plan *plan, const prt_rating *r, const char *reasons[RPT_MAX_REASONS],
                          prt_buf *reason_buf);
/* The reasons joined with "; " ("" when none). */
const char *rpt_exception_text(const prt_plan *plan, const prt_rating *r, prt_buf *b);

/* The plan's indicators grouped for the reports: by theme, inside a theme by the outcome they measure
 * (outcomes in plan order), then "Other indicators" (no outcome, or one outside the plan's list), each
 * group in plan order.  Built once per report in time linear in the plan (two counting sorts), so
 * that no format scans every indicator for every theme and outcome. */
typedef struct RptGroup {
    int outcome;                 /* index into plan->outcomes, -1 for "Other indicators" */
    int n;
    const int *indicators;       /* n indicator indices, in plan order */
} RptGroup;
typedef struct RptGroups {
    int *order;                  /* every indicator with a theme, by theme, group and plan order */
    RptGroup *groups;            /* the groups, theme after theme */
    int *theme_first;            /* per theme: its first group; theme_first[th + 1] - theme_first[th] groups */
} RptGroups;
void rpt_groups_make(RptGroups *g, const prt_plan *plan);
void rpt_groups_free(RptGroups *g);
/* Theme th's groups (*out), and how many: 0 when the theme has no indicators. */
int rpt_theme_groups(const RptGroups *g, int th, const RptGroup **out);
/* The heading of a theme's group: the outcome's name; "Other indicators" when the theme has outcome
 * groups too; NULL for a theme whose indicators measure no outcome (no heading). */
const char *rpt_group_name(const prt_plan *plan, int ngroups, const RptGroup *group);
/* Whether any indicator belongs to the theme (themes without one are left out of the reports). */
bool rpt_theme_has_indicators(const RptGroups *g, int th);

/* The change since the previous period, for the summary: "Since 2024/25 Q3: Green 3 (+1), Amber 1
 * (-1), Red 0 (0); improved or same 4 (+2), worsened 1 (-1)", each label escaped with esc. */
void rpt_change_line(prt_buf *b, const prt_evaluation *prev, const prt_evaluation *cur,
                     void (*esc)(prt_buf *, const char *));

#endif
