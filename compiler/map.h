/* The outcome map: pillars, themes, outcomes, activities and indicators drawn through libgvc, with a
 * rating overlay when results are given.  Graphviz runs in a child process (map_render.c) so that its
 * crashes, leaks and long layouts never take planc down. */
#ifndef PLANC_MAP_H
#define PLANC_MAP_H

#include "ast.h"
#include "planrt.h"

#include <stdbool.h>
#include <stddef.h>

/* Beyond this many nodes dot's layout of clustered graphs gets slow and fragile (Graphviz 2.43). */
#define MAP_MAX_NODES 600

typedef enum { DETAIL_FULL, DETAIL_OUTCOMES, DETAIL_THEMES } MapDetail;

typedef struct MapOptions {
    MapDetail detail;
    const Pillar *pillar;       /* only this pillar, or NULL */
    const Theme *theme;         /* only this theme, or NULL */
    const prt_evaluation *ev;   /* ratings to show, or NULL */
    const char *title;          /* NULL: the plan's name */
} MapOptions;

/* How many nodes the map would have (to refuse one too big before any layout). */
size_t map_count_nodes(const Plan *plan, const MapOptions *opt);

/* Lays out and renders the map in a child process.  format is svg, png, pdf or dot (dot: the graph
 * as built, without layout).  On success *data (malloc'd) holds the output.  On failure returns
 * false with a message; Graphviz's own messages are passed to warn() as they come. */
bool map_render(const Plan *plan, const MapOptions *opt, const char *format, unsigned timeout_seconds,
                char **data, size_t *len, char *why, size_t why_size);

#endif
