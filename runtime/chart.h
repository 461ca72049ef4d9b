/* Every SVG chart planc writes, in one place: an indicator's trend over the history and the bands of
 * a pillar across it, for the HTML committee pack (report_html.c).  The charts are plain SVG (no
 * script), coloured from the one palette (palette.h), with a <title> and a <desc> that says the
 * values in words for screen readers; every number is printed with a fixed format, so the same
 * history gives the same bytes. */
#ifndef PLANRT_CHART_H
#define PLANRT_CHART_H

#include "planrt.h"
#include "strbuf.h"

/* How many periods of the history give the indicator a value (a trend is drawn from two). */
int prt_chart_trend_points(const prt_history *h, int indicator);
/* The indicator's values as a line with points coloured by band, the target as a step, period labels
 * and an axis with a few ticks.  Appended to b as <svg class="trend" ...>; its ids start "trend-N-"
 * (N the indicator's index), so they are unique in a document. */
void prt_chart_trend(prt_buf *b, const prt_history *h, int indicator);
/* The pillar's indicators by band in each period of the history, as stacked bars (a small multiple:
 * every pillar's chart has the same scale).  pillar == plan->npillars: the whole plan.  Appended to b
 * as <svg class="bands" ...> with ids starting "bands-N-". */
void prt_chart_bands(prt_buf *b, const prt_history *h, int pillar);

#endif
