/* The band colours (palette.h).  Chosen for colour-blind safety and for contrast with their text:
 * green and red differ in lightness as well as hue (a dark green, a darker crimson), so they stay
 * apart for deuteranopes and in greyscale print, and the ambers are light with dark text, so Amber
 * never looks like Red (the tables had a yellow Amber and the map an orange one, next to a
 * vermillion Red).  Every pair of fill and text has a contrast ratio of at least 4.5:1 (WCAG AA);
 * the rating is always written as text too. */
#include "palette.h"

enum { GREEN, AMBER_FIRST, AMBER_LAST = AMBER_FIRST + 5, RED, GREY, N_COLOURS };

static const prt_colour colours[N_COLOURS] = {
    [GREEN] = {"green", "#1B7837", "#FFFFFF"},
    /* amber shades, light to dark, for the bands between the first and the last */
    [AMBER_FIRST + 0] = {"amber1", "#FFE08A", "#000000"},
    [AMBER_FIRST + 1] = {"amber2", "#FFCB5C", "#000000"},
    [AMBER_FIRST + 2] = {"amber3", "#FBB540", "#000000"},
    [AMBER_FIRST + 3] = {"amber4", "#F5A02E", "#000000"},
    [AMBER_FIRST + 4] = {"amber5", "#EE8C22", "#000000"},
    [AMBER_FIRST + 5] = {"amber6", "#E3781A", "#000000"},
    [RED] = {"red", "#A50026", "#FFFFFF"},
    [GREY] = {"none", "#D9D9D9", "#000000"},
};

/* The amber shade of middle band j (1 .. m) of m: one middle band gets the middle amber; more are
 * spread from the lightest to the darkest, in order. */
static int amber_for(int j, int m)
{
    enum { SHADES = AMBER_LAST - AMBER_FIRST + 1 };
    if (m <= 1)
        return AMBER_FIRST + 2;
    /* rounded half up, in integers: (j-1) * (SHADES-1) / (m-1) */
    return AMBER_FIRST + (2 * (j - 1) * (SHADES - 1) + (m - 1)) / (2 * (m - 1));
}

const prt_colour *prt_palette_band(const prt_scheme *s, int band)
{
    if (!s || band < 0 || band >= s->nbands)
        return &colours[GREY];
    /* the target band and the bands above target (issue 21) are green; the ambers lie between it and
     * the last band */
    int t = s->target_band > 0 && s->target_band < s->nbands ? s->target_band : 0;
    if (band <= t)
        return &colours[GREEN];
    if (band == s->nbands - 1)
        return &colours[RED];
    return &colours[amber_for(band - t, s->nbands - 2 - t)];
}

const prt_colour *prt_palette_named(prt_colour_choice c)
{
    switch (c) {
    case PRT_COLOUR_GREEN: return &colours[GREEN];
    case PRT_COLOUR_AMBER: return &colours[AMBER_FIRST + 2];
    case PRT_COLOUR_RED: return &colours[RED];
    case PRT_COLOUR_GREY:
    case PRT_COLOUR_AUTO: break;
    }
    return &colours[GREY];
}

const prt_colour *prt_palette_delivery(const prt_delivery_scheme *s, int band)
{
    if (!s || band < 0 || band >= s->nbands)
        return &colours[GREY];
    if (s->bands[band].colour != PRT_COLOUR_AUTO)
        return prt_palette_named(s->bands[band].colour);
    if (band == 0)
        return &colours[GREEN];
    if (band == s->nbands - 1)
        return &colours[RED];
    return &colours[amber_for(band, s->nbands - 2)];
}

const prt_colour *prt_palette_unrated(void)
{
    return &colours[GREY];
}

const prt_colour *prt_palette_all(size_t *n)
{
    *n = N_COLOURS;
    return colours;
}
