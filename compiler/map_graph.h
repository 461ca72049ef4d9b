/* The map as a cgraph graph (used only inside the child process). */
#ifndef PLANC_MAP_GRAPH_H
#define PLANC_MAP_GRAPH_H

#include "map.h"

#include <graphviz/cgraph.h>

Agraph_t *map_graph(const Plan *plan, const MapOptions *opt);

#endif
