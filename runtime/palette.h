/* The one palette of band colours: the HTML report's tables, its charts, the map's boxes and the
 * map's key all take their colours from here, so a band looks the same wherever planc draws it. */
#ifndef PLANRT_PALETTE_H
#define PLANRT_PALETTE_H

#include "planrt.h"

/* A colour for a rating: the fill, the text colour that reads on it, and a name for style sheets
 * (a CSS class "band-NAME"). */
typedef struct prt_colour {
    const char *name, *fill, *text;
} prt_colour;

/* The colour of a band: the one its `colour` names, else by its position in the scheme: the first
 * green, the last red, the ones between amber shades, lightest first (the monitor band, grey, takes
 * no place).  No scheme or band -1 (monitor, not rated): grey. */
const prt_colour *prt_palette_band(const prt_scheme *s, int band);
/* The colour of a delivery band: the one its `colour` names, else by position as for a rating scheme. */
const prt_colour *prt_palette_delivery(const prt_delivery_scheme *s, int band);
/* The colour a `colour` word names (green, the middle amber, red, blue); AUTO and grey: grey. */
const prt_colour *prt_palette_named(prt_colour_choice c);
/* Not rated (monitor only, no result): grey. */
const prt_colour *prt_palette_unrated(void);
/* Every colour of the palette, in a fixed order (for a style sheet). */
const prt_colour *prt_palette_all(size_t *n);
/* Whether a style sheet for the plan needs colour c: every colour but blue always (the style sheets
 * stay as they were), blue when a band of the plan is drawn in it. */
bool prt_palette_in_plan(const prt_plan *plan, const prt_colour *c);

#endif
