/* The pieces the report formats share (report_layout.c): the layout of the indicator and activity
 * tables of the text and Markdown reports, their cells and notes, the title lines, and each format's
 * entry point (report_text.c, report_csv.c, report_json.c, report_md.c).  Internal to the runtime. */
#ifndef PLANRT_REPORT_LAYOUT_H
#define PLANRT_REPORT_LAYOUT_H

#include "report_cells.h"
#include "report_delivery.h"

/* Which columns an indicator table has: Ref, Indicator, Polarity, Period, Target, the result (one
 * column, or one per period of the history), Last year, the direction(s) of travel, the forecast and
 * the quality flags when any rating has them, Benchmark. */
typedef struct Layout {
    const prt_history *h;
    int nseries;                       /* 0: one Result column (a one-period report) */
    prt_period_str *series_head;       /* the periods, oldest first */
    int ndot;
    const char *dot_head[2];
    bool forecast, quality;
    int ncols;
    RptGroups groups;                  /* each theme's indicators by outcome */
    RptActivities acts;                /* each theme's activities */
} Layout;

/* The builders one indicator row needs; reused from row to row. */
typedef struct RowBufs {
    RptRowText rt;
    prt_buf *series;                   /* nseries */
    prt_buf dot[2], forecast, quality, scratch;
    char last_year[64];
    prt_period_str period;
} RowBufs;

/* The builders an activity row needs; reused from row to row. */
typedef struct ActBufs {
    prt_buf rating, due, milestones, scratch;
    prt_buf *series;                   /* nseries */
    int nseries;
    char percent[64];
} ActBufs;

Layout rpt_layout_make(const prt_history *h);
void rpt_layout_free(Layout *L);
bool rpt_theme_shown(const Layout *L, int th);
void rpt_rowbufs_init(RowBufs *rb, const Layout *L);
void rpt_rowbufs_free(RowBufs *rb, const Layout *L);
void rpt_indicator_header(const Layout *L, const char **cells);
void rpt_indicator_cells(const Layout *L, int i, RowBufs *rb, const char **cells);
void rpt_indicator_notes(const Layout *L, int i, bool markdown, prt_buf *b, RowBufs *rb);
void rpt_theme_line(FILE *out, const prt_evaluation *ev, const prt_counts *k, const char *indent,
                       void (*esc)(prt_buf *, const char *));
void rpt_header_lines(prt_buf *b, const prt_history *h, void (*esc)(prt_buf *, const char *));
void rpt_period_line(prt_buf *b, const prt_history *h);
void rpt_actbufs_init(ActBufs *ab, const Layout *L);
void rpt_actbufs_free(ActBufs *ab);
int rpt_activity_ncols(const Layout *L, bool markdown);
void rpt_activity_header(const Layout *L, bool markdown, const char **cells);
void rpt_activity_cells(const Layout *L, int ai, bool markdown, ActBufs *ab, const char **cells);
void rpt_activity_notes(const Layout *L, int ai, bool markdown, prt_buf *b, ActBufs *ab);

void rpt_text_report(FILE *out, const prt_history *h);
void rpt_csv_report(FILE *out, const prt_history *h);
void rpt_json_report(FILE *out, const prt_history *h);
void rpt_md_report(FILE *out, const prt_history *h);

#endif
