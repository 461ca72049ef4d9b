/* The band colours (palette.h).  Chosen for colour-blind safety and for contrast with their text:
 * green and red differ in lightness as well as hue (a dark green, a darker crimson), so they stay
 * apart for deuteranopes and in greyscale print, and the ambers are light with dark text, so Amber
 * never looks like Red (the tables had a yellow Amber and the map an orange one, next to a
 * vermillion Red).  Every pair of fill and text has a contrast ratio of at least 4.5:1 (WCAG AA);
 * the rating is always written as text too. */
#include "palette.h"

enum { GREEN, AMBER_FIRST, AMBER_LAST = AMBER_FIRST + 5, RED, GREY, BLUE, N_COLOURS };

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
    /* BRAG's Blue, for results better than the target by more than its tolerance: a mid blue that
     * white text reads on at 5.9:1, and that greyscale prints darker than green */
    [BLUE] = {"blue", "#2166AC", "#FFFFFF"},
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

/* Whether a band is above target (BRAG's Blue: an `above ...` edge, before the scheme's target band);
 * such a band with no colour of its own is blue. */
static bool above_target(const prt_scheme *s, int band)
{
    return band < s->target_band;
}

const prt_colour *prt_palette_band(const prt_scheme *s, int band)
{
    if (!s || band < 0 || band >= s->nbands)
        return &colours[GREY];
    const prt_band *b = &s->bands[band];
    if (b->colour != PRT_COLOUR_AUTO)
        return prt_palette_named(b->colour);
    if (b->monitor)
        return &colours[GREY];
    if (above_target(s, band))
        return &colours[BLUE];
    /* by position from the target band among the bands that rate (the monitor band takes no place):
     * the target band green, the last red, the ambers between */
    int t = s->target_band > 0 && s->target_band < s->nbands ? s->target_band : 0;
    int pos = 0, n = 0;
    for (int i = t; i < s->nbands; i++)
        if (!s->bands[i].monitor) {
            pos += i < band;
            n++;
        }
    if (pos == 0)
        return &colours[GREEN];
    if (pos == n - 1)
        return &colours[RED];
    return &colours[amber_for(pos, n - 2)];
}

bool prt_palette_in_plan(const prt_plan *plan, const prt_colour *c)
{
    if (c != &colours[BLUE])
        return true;
    for (int i = 0; i < plan->nschemes; i++)
        for (int b = 0; b < plan->schemes[i].nbands; b++)
            if (prt_palette_band(&plan->schemes[i], b) == c)
                return true;
    for (int i = 0; i < plan->ndelivery; i++)
        for (int b = 0; b < plan->delivery[i].nbands; b++)
            if (prt_palette_delivery(&plan->delivery[i], b) == c)
                return true;
    return false;
}

const prt_colour *prt_palette_named(prt_colour_choice c)
{
    switch (c) {
    case PRT_COLOUR_GREEN: return &colours[GREEN];
    case PRT_COLOUR_AMBER: return &colours[AMBER_FIRST + 2];
    case PRT_COLOUR_RED: return &colours[RED];
    case PRT_COLOUR_BLUE: return &colours[BLUE];
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
