/* Which kept results row holds (indicator, period), for the results reader (results.c): a table
 * indexed by period and indicator when a report bounds the years kept, a hash table otherwise. */
#ifndef PLANRT_ROW_TABLE_H
#define PLANRT_ROW_TABLE_H

#include "period.h"

#include <stddef.h>
#include <stdint.h>

/* One slot of the hash table holds its key, so that neither a probe nor growing the table reads the
 * rows themselves (144 bytes each, scattered over the whole array). */
typedef struct prt_row_slot {
    int indicator;
    prt_period period;
    uint32_t row;               /* the row's index + 1; 0: empty */
} prt_row_slot;

typedef struct prt_row_table {
    /* Direct: an entry (row index + 1, 0 for none) per period of the years from_year to
     * from_year + nyears - 1 and indicator, period after period.  Files list a period's rows in plan
     * order, so row i+1's entry is next to row i's: no random probe a row, and only the pages of
     * periods that have rows are ever touched (the table is calloc'd: fresh pages read as zero). */
    uint32_t *direct;
    int from_year, nyears;
    size_t nindicators;
    /* Hashed, when the years are not bounded (every row kept) or too many for a direct table */
    prt_row_slot *slots;
    size_t nslots, used;
} prt_row_table;

/* An empty hashed table. */
void prt_row_table_init(prt_row_table *t);
/* An empty table for the rows of years from..to of a plan of n indicators: direct when it is of a
 * reasonable size, hashed otherwise. */
void prt_row_table_init_years(prt_row_table *t, size_t nindicators, int from, int to);
void prt_row_table_free(prt_row_table *t);
/* Records that row `row` (an index) holds (indicator, p), in place of any row that held it. */
void prt_row_table_put(prt_row_table *t, int indicator, prt_period p, size_t row);
/* The index + 1 of the row holding (indicator, p), 0 for none. */
size_t prt_row_table_get(const prt_row_table *t, int indicator, prt_period p);

#endif
