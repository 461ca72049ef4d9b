/* The checker's rules for the band edges councils write (issue 21): `per indicator` bands and the
 * indicators' `threshold` statements, `within tolerance`, `above tolerance`, `above N%`
 * (check_edges.c; docs/rating.md, "Rules as councils write them"). */
#ifndef PLANC_CHECK_EDGES_H
#define PLANC_CHECK_EDGES_H

#include "ast.h"
#include "diag.h"

/* Whether some band of r is written with the method's figure (`at`, `within N pts`, `above N%`): a
 * scheme whose bands are all per indicator or by tolerance needs no method. */
bool rating_needs_method(const Rating *r);
/* Whether band b has a number of its own (`at N%`, `within N pts`, `above N%`). */
bool band_has_number(const Band *b);
/* Band i's number against the band with a number before it: out of order (E028), or the same edge
 * as before, which no result can reach (E060). */
void check_band_order(Diag *diag, const Rating *r, size_t i);
/* The scheme's edges as a whole: above bands first, `above N%` only with a percentage method, one
 * band per tolerance edge (E060). */
void check_rating_edges(Diag *diag, const Rating *r);
/* After the indicator's scheme is resolved: its `threshold` statements name per-indicator bands of it
 * (E061), it gives every value the scheme needs (E063), in order and reachable (E062), and its
 * `tolerance N% of target` is a percentage (E064). */
void check_indicator_edges(Plan *plan, Diag *diag, Indicator *in);

#endif
