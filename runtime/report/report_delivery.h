/* The delivery pieces every report format shares (report_delivery.c): the texts of an activity's
 * rating, due date, milestones and exception, the summary line of delivery counts, and which themes
 * have activities.  Internal to the runtime's reports. */
#ifndef PLANRT_REPORT_DELIVERY_H
#define PLANRT_REPORT_DELIVERY_H

#include "escape.h"
#include "palette.h"
#include "planrt.h"

/* The rating as a report prints it: "Delayed: low impact (A)"; without a scheme the state
 * ("Delayed, low impact"); "No status". */
const char *rpt_delivery_rating_text(const prt_plan *plan, const prt_delivery *d, prt_buf *b);
/* The band's abbreviation, else its label; the state without a scheme; "" with no status. */
const char *rpt_delivery_short_text(const prt_plan *plan, const prt_delivery *d, prt_buf *b);
/* "2023/24 Q3", "30 Nov 2023"; "" when not set. */
const char *rpt_when_text(prt_when w, prt_buf *b);
/* The activity's milestones as they stand: "Cabinet decision (due 30 Nov 2023): complete 10 Jan 2024;
 * Service opens (due 2024/25 Q1): overdue"; "" when it has none. */
const char *rpt_milestones_text(const prt_plan *plan, const prt_delivery *d, prt_buf *b);
/* Why the activity is an exception: "delayed, low impact; overdue: milestone 'X' was due ..."; "" when
 * it is not one. */
const char *rpt_delivery_exception_text(const prt_plan *plan, const prt_delivery *d, prt_buf *b);
/* "12 of 14 activities completed or on target (86%); 2 overdue" ("" with no activity).  With the
 * plan's default delivery scheme the on-target band's label names what counts. */
const char *rpt_delivery_line(const prt_plan *plan, const prt_delivery_counts *k, prt_buf *b);
/* "30 of 33 actions of the implementation plan completed or on target (91%)", "" when none. */
const char *rpt_tally_text(const prt_tally *t, prt_buf *b);
/* The plan's activities grouped by theme (plan order within each), built once per report in time
 * linear in the plan, so that no format scans every activity for every theme. */
typedef struct RptActivities {
    int *order;                  /* activity indices, theme after theme */
    int *theme_first;            /* per theme: where its activities start in order (nthemes + 1 entries) */
} RptActivities;
void rpt_activities_make(RptActivities *g, const prt_plan *plan);
void rpt_activities_free(RptActivities *g);
/* Theme th's activities (*out) and how many. */
int rpt_theme_activities(const RptActivities *g, int th, const int **out);
/* Whether the plan has an activity with a status, in any period of the history. */
bool rpt_history_has_delivery(const prt_history *h);

/* ---- reports (text, md, csv, json) ---- */

/* The plan's default delivery scheme, whose bands the summaries count; NULL when it has none. */
const prt_delivery_scheme *rpt_delivery_summary_scheme(const prt_plan *plan);
/* The band the activity is rated in for the period, NULL when it has none (no status, no scheme). */
const prt_delivery_band *rpt_delivery_band(const prt_plan *plan, const prt_delivery *d);
/* The rating cell of a one-period table: the rating text, then "(undated)" for the plan's standing
 * status and "(provisional)" for a return that may still change. */
const char *rpt_delivery_rating_cell(const prt_plan *plan, const prt_delivery *d, prt_buf *b);
/* A cell of the history's series: the short text, "p" after it when provisional ("RA p"). */
const char *rpt_delivery_series_cell(const prt_plan *plan, const prt_delivery *d, prt_buf *b);
/* The percentage complete, "60%"; "" when not given (bounded: a small buffer holds it). */
char *rpt_percent_complete(const prt_delivery *d, char *buf, size_t size);
/* A day as ISO 8601 ("2024-01-18"), "" for 0; a `when` as its day, or its period ("2024/25 Q1"). */
char *rpt_iso_date(int yyyymmdd, char *buf, size_t size);
char *rpt_when_iso(prt_when w, char *buf, size_t size);

/* The delivery summary (text and Markdown): Pillar, a count per band of the default scheme, then the
 * delivery line.  Returns the number of columns. */
enum { RPT_DELIVERY_COLS = 2 + PRT_MAX_BANDS };
int rpt_delivery_summary_header(const prt_plan *plan, const char *cells[RPT_DELIVERY_COLS]);
typedef struct RptDeliveryRow {
    const char *cell[RPT_DELIVERY_COLS];
    char num[PRT_MAX_BANDS][32];
    prt_buf line;                      /* the caller frees it */
} RptDeliveryRow;
int rpt_delivery_summary_row(const prt_plan *plan, const char *name, const prt_delivery_counts *k,
                             RptDeliveryRow *row);

/* The audit of a rating of record: whether the activity has one that can be compared (a published
 * rating and a scheme), and if so whether it names the band found before any override (*found). */
bool rpt_delivery_audited(const prt_plan *plan, const prt_delivery *d);
bool rpt_delivery_reproduced(const prt_plan *plan, const prt_delivery *d, int *found);

/* ---- pack and map ---- */

/* How the HTML pack and the map colour an activity: by its band (prt_palette_delivery); grey with no
 * status; and with a status but no band (no scheme, or a scheme that takes no state) by its state:
 * green complete or on track, amber not started, delayed or overdue, red at risk, off track or with
 * a high impact. */
typedef enum {
    RPT_COLOUR_BAND, RPT_COLOUR_NO_STATUS, RPT_COLOUR_ON, RPT_COLOUR_SLIPPING, RPT_COLOUR_AT_RISK, RPT_N_COLOUR_KINDS
} RptColourKind;
RptColourKind rpt_delivery_colour_kind(const prt_plan *plan, const prt_delivery *d);
/* The colour of the activity, as above. */
const prt_colour *rpt_delivery_colour(const prt_plan *plan, const prt_delivery *d);
/* The colour and the key's words for a kind other than RPT_COLOUR_BAND ("no status", "complete or on
 * track (no delivery scheme)" ...). */
const prt_colour *rpt_colour_kind_colour(RptColourKind k);
const char *rpt_colour_kind_text(RptColourKind k);

#endif
