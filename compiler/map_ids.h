/* The discipline the map opens its Graphviz graph with: identifiers in creation order (map_ids.c). */
#ifndef PLANC_MAP_IDS_H
#define PLANC_MAP_IDS_H

#include <graphviz/cgraph.h>

extern Agdisc_t map_disc;

#endif
