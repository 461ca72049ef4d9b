/* The drop-down lists of planc template's workbook: a rating scheme's bands for an override, a
 * delivery scheme's bands and the delivery states for a status, the impacts, yes and no.  Each is
 * written into its validation when Excel allows it, else into a column of the hidden Lists sheet. */
#include "xlsx_template_parts.h"

#include <stdlib.h>
#include <string.h>

/* Excel's limit on a list written in the validation: 255 characters, commas included. */
#define LITERAL_MAX 255

static void add(XtList *l, const char *word)
{
    l->items = prt_xrealloc(l->items, (l->n + 1) * sizeof *l->items);
    l->items[l->n++] = word ? word : "";
}

/* Decides how the list is written: literally when it fits and no word holds a comma or a quote. */
static bool settle(XtList *l)
{
    size_t len = l->n ? l->n - 1 : 0;
    l->literal = l->n > 0;
    for (size_t i = 0; i < l->n; i++) {
        len += strlen(l->items[i]);
        if (!*l->items[i] || strpbrk(l->items[i], ",\""))
            l->literal = false;
    }
    if (len > LITERAL_MAX)
        l->literal = false;
    return !l->literal;
}

/* A band as prt_scheme_find_band and the delivery reader accept it: the abbreviation, else the id. */
static const char *band_word(const char *id, const char *abbrev) { return abbrev && *abbrev ? abbrev : id; }

static void states(XtList *l)
{
    for (int s = 1; s < PRT_N_DELIVERY_STATES; s++)
        add(l, prt_delivery_state_texts[s]);
}

bool xt_lists_make(XtWriter *w)
{
    const prt_plan *plan = w->t->plan;
    bool sheet = false;
    w->scheme_bands = prt_xcalloc((size_t)plan->nschemes + 1, sizeof *w->scheme_bands);
    for (int s = 0; s < plan->nschemes; s++) {
        for (int b = 0; b < plan->schemes[s].nbands; b++)
            add(&w->scheme_bands[s], band_word(plan->schemes[s].bands[b].id, plan->schemes[s].bands[b].abbrev));
        sheet |= settle(&w->scheme_bands[s]);
    }
    w->delivery_bands = prt_xcalloc((size_t)plan->ndelivery + 1, sizeof *w->delivery_bands);
    w->delivery_status = prt_xcalloc((size_t)plan->ndelivery + 1, sizeof *w->delivery_status);
    for (int d = 0; d < plan->ndelivery; d++) {
        const prt_delivery_scheme *ds = &plan->delivery[d];
        for (int b = 0; b < ds->nbands; b++)
            add(&w->delivery_bands[d], band_word(ds->bands[b].id, ds->bands[b].abbrev));
        sheet |= settle(&w->delivery_bands[d]);
        /* a scheme that rates by judgement takes its bands as the status, never a state */
        if (prt_delivery_maps_states(ds))
            states(&w->delivery_status[d]);
        else
            for (int b = 0; b < ds->nbands; b++)
                add(&w->delivery_status[d], band_word(ds->bands[b].id, ds->bands[b].abbrev));
        sheet |= settle(&w->delivery_status[d]);
    }
    states(&w->states);
    for (int i = 1; i < PRT_N_IMPACTS; i++)
        add(&w->impacts, prt_impact_words[i]);
    add(&w->yes_no, "yes");
    add(&w->yes_no, "no");
    /* each is settled, whatever the others need */
    sheet |= settle(&w->states);
    sheet |= settle(&w->impacts);
    sheet |= settle(&w->yes_no);
    return sheet;
}

/* Writes list l into column col of the Lists sheet (below its title row) and names the range. */
static void write_list(XtWriter *w, lxw_worksheet *ws, const char *sheet, lxw_col_t col, XtList *l)
{
    for (size_t i = 0; i < l->n; i++)
        xt_string(w, ws, (lxw_row_t)(i + 1), col, l->items[i], NULL);
    char first[LXW_MAX_CELL_NAME_LENGTH], last[LXW_MAX_CELL_NAME_LENGTH];
    lxw_rowcol_to_cell_abs(first, 1, col, 1, 1);
    lxw_rowcol_to_cell_abs(last, (lxw_row_t)l->n, col, 1, 1);
    prt_buf b = {0};
    prt_buf_printf(&b, "='%s'!%s:%s", sheet, first, last);
    l->range = prt_buf_take(&b);
}

void xt_lists_write(XtWriter *w, lxw_worksheet *ws, const char *name)
{
    const prt_plan *plan = w->t->plan;
    /* a title first, so that no list's first word is taken for a results header */
    xt_string(w, ws, 0, 0, "Lists for the drop-downs of the return (do not edit)", w->bold);
    lxw_col_t col = 0;
    XtList *fixed[] = {&w->states, &w->impacts, &w->yes_no};
    for (size_t k = 0; k < sizeof fixed / sizeof fixed[0]; k++)
        if (!fixed[k]->literal && fixed[k]->n)
            write_list(w, ws, name, col++, fixed[k]);
    for (int s = 0; s < plan->nschemes; s++)
        if (!w->scheme_bands[s].literal && w->scheme_bands[s].n)
            write_list(w, ws, name, col++, &w->scheme_bands[s]);
    for (int d = 0; d < plan->ndelivery; d++) {
        if (!w->delivery_bands[d].literal && w->delivery_bands[d].n)
            write_list(w, ws, name, col++, &w->delivery_bands[d]);
        if (!w->delivery_status[d].literal && w->delivery_status[d].n)
            write_list(w, ws, name, col++, &w->delivery_status[d]);
    }
}

static void list_free(XtList *l)
{
    free(l->items);
    free(l->range);
    memset(l, 0, sizeof *l);
}

void xt_lists_free(XtWriter *w)
{
    const prt_plan *plan = w->t->plan;
    for (int s = 0; w->scheme_bands && s < plan->nschemes; s++)
        list_free(&w->scheme_bands[s]);
    for (int d = 0; w->delivery_bands && d < plan->ndelivery; d++) {
        list_free(&w->delivery_bands[d]);
        list_free(&w->delivery_status[d]);
    }
    free(w->scheme_bands);
    free(w->delivery_bands);
    free(w->delivery_status);
    list_free(&w->states);
    list_free(&w->impacts);
    list_free(&w->yes_no);
}
