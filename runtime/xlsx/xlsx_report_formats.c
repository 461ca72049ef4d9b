/* The report workbook's cell formats (made once, reused cell after cell) and the writing of one cell:
 * strings always as strings, cut to what a cell holds; numbers in their unit's number format. */
#include "xlsx_report.h"

#include <stdlib.h>
#include <string.h>

/* The formats made so far for band colours, number styles and shares; few, so a list is searched. */
typedef struct XrNumberEntry {
    XrNumberStyle style;
    lxw_format *format;
} XrNumberEntry;

struct XrFormatCache {
    XrNumberEntry *numbers;
    size_t nnumbers, cap;
    const prt_colour *band_colour[32];
    lxw_format *band[32];
    int nbands;
    lxw_format *share[101];            /* by the percentage shown */
};

void xr_formats_make(XReport *x)
{
    x->cache = prt_xcalloc(1, sizeof *x->cache);
    x->title = workbook_add_format(x->wb);
    format_set_bold(x->title);
    format_set_font_size(x->title, 14);
    x->heading = workbook_add_format(x->wb);
    format_set_bold(x->heading);
    x->header = workbook_add_format(x->wb);
    format_set_bold(x->header);
    format_set_text_wrap(x->header);
    format_set_align(x->header, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(x->header, 0xEEEEEE);
    format_set_bottom(x->header, LXW_BORDER_THIN);
    x->text = workbook_add_format(x->wb);
    format_set_align(x->text, LXW_ALIGN_VERTICAL_TOP);
    x->wrap = workbook_add_format(x->wb);
    format_set_text_wrap(x->wrap);
    format_set_align(x->wrap, LXW_ALIGN_VERTICAL_TOP);
    /* an exception reads as one in every format: here in bold dark red, beside its words */
    x->exception = workbook_add_format(x->wb);
    format_set_bold(x->exception);
    format_set_font_color(x->exception, 0x9C0006);
    format_set_text_wrap(x->exception);
    format_set_align(x->exception, LXW_ALIGN_VERTICAL_TOP);
    x->date = workbook_add_format(x->wb);
    format_set_num_format(x->date, "yyyy-mm-dd");
    format_set_align(x->date, LXW_ALIGN_VERTICAL_TOP);
}

void xr_formats_free(XReport *x)
{
    if (x->cache)
        free(x->cache->numbers);
    free(x->cache);
    x->cache = NULL;
}

static void band_colours(lxw_format *f, const prt_colour *c)
{
    format_set_pattern(f, LXW_PATTERN_SOLID);
    format_set_bg_color(f, prt_xlsx_colour(c->fill));
    format_set_font_color(f, prt_xlsx_colour(c->text));
}

lxw_format *xr_band_format(XReport *x, const prt_colour *c)
{
    XrFormatCache *k = x->cache;
    for (int i = 0; i < k->nbands; i++)
        if (k->band_colour[i] == c)
            return k->band[i];
    lxw_format *f = workbook_add_format(x->wb);
    band_colours(f, c);
    format_set_text_wrap(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (k->nbands < (int)(sizeof k->band / sizeof k->band[0])) {   /* the palette has fewer colours */
        k->band_colour[k->nbands] = c;
        k->band[k->nbands++] = f;
    }
    return f;
}

/* A literal for a number format: "..." with any '"' doubled away (units' words have none). */
static void quoted(prt_buf *b, const char *s)
{
    if (!s || !*s)
        return;
    prt_buf_putc(b, '"');
    for (; *s; s++)
        if (*s != '"')
            prt_buf_putc(b, *s);
    prt_buf_putc(b, '"');
}

static lxw_format *make_number_format(XReport *x, const XrNumberStyle *st)
{
    const prt_unit_form *form = &prt_unit_forms[st->unit];
    prt_buf nf = {0};
    quoted(&nf, form->prefix);
    prt_buf_puts(&nf, st->grouped ? "#,##0" : "0");
    if (st->decimals > 0)
        prt_buf_putc(&nf, '.');
    for (int d = 0; d < st->decimals; d++)
        prt_buf_putc(&nf, '0');
    quoted(&nf, form->suffix);
    lxw_format *f = workbook_add_format(x->wb);
    format_set_num_format(f, prt_buf_str(&nf));   /* copied by libxlsxwriter */
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (st->fill)
        band_colours(f, st->fill);
    prt_buf_free(&nf);
    return f;
}

lxw_format *xr_number_format(XReport *x, const XrNumberStyle *st)
{
    XrFormatCache *k = x->cache;
    for (size_t i = 0; i < k->nnumbers; i++) {
        const XrNumberStyle *e = &k->numbers[i].style;
        if (e->unit == st->unit && e->grouped == st->grouped && e->decimals == st->decimals && e->fill == st->fill)
            return k->numbers[i].format;
    }
    if (k->nnumbers == k->cap) {
        k->cap = k->cap ? k->cap * 2 : 16;
        k->numbers = prt_xrealloc(k->numbers, k->cap * sizeof *k->numbers);
    }
    k->numbers[k->nnumbers] = (XrNumberEntry){*st, make_number_format(x, st)};
    return k->numbers[k->nnumbers++].format;
}

XrNumberStyle xr_indicator_style(const prt_indicator *in, double v)
{
    XrNumberStyle st = {.unit = in->unit, .decimals = in->decimals};
    /* money and counts are read by their thousands; the other units as the reports print them */
    st.grouped = in->unit == PRT_UNIT_CURRENCY || in->unit == PRT_UNIT_COUNT;
    if (st.decimals > 15)
        st.decimals = 15;                  /* all a double holds */
    if (st.decimals < 0) {
        char buf[64];
        const char *dot = strchr(rpt_number(v, -1, buf, sizeof buf), '.');
        st.decimals = dot ? (int)strlen(dot + 1) : 0;
    }
    return st;
}

lxw_format *xr_share_format(XReport *x, int percent)
{
    if (percent < 0 || percent > 100)
        percent = percent < 0 ? 0 : 100;
    XrFormatCache *k = x->cache;
    if (!k->share[percent]) {
        char nf[32];
        snprintf(nf, sizeof nf, "\"%d%% (\"0\")\"", percent);
        k->share[percent] = workbook_add_format(x->wb);
        format_set_num_format(k->share[percent], nf);
    }
    return k->share[percent];
}

/* ---- cells ---- */

void xr_check(XReport *x, lxw_error err)
{
    if (err != LXW_NO_ERROR && x->failed == LXW_NO_ERROR)
        x->failed = err;
}

void xr_string(XReport *x, lxw_worksheet *ws, int row, int col, const char *s, lxw_format *fmt)
{
    if (!s || !*s) {
        if (fmt)
            xr_check(x, worksheet_write_blank(ws, (lxw_row_t)row, (lxw_col_t)col, fmt));
        return;
    }
    xr_check(x, worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, prt_xlsx_text(&x->cell, s, PRT_XLSX_CELL_MAX, PRT_XLSX_CELL, NULL), fmt));
}

void xr_number(XReport *x, lxw_worksheet *ws, int row, int col, double v, lxw_format *fmt)
{
    xr_check(x, worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, v, fmt));
}

void xr_date(XReport *x, lxw_worksheet *ws, int row, int col, int yyyymmdd)
{
    if (!yyyymmdd)
        return;
    lxw_datetime d = {.year = yyyymmdd / 10000, .month = yyyymmdd / 100 % 100, .day = yyyymmdd % 100};
    xr_check(x, worksheet_write_datetime(ws, (lxw_row_t)row, (lxw_col_t)col, &d, x->date));
}

void xr_table_header(XReport *x, lxw_worksheet *ws, const char *const *heads, const double *widths, int n,
                     int frozen_cols)
{
    for (int c = 0; c < n; c++) {
        xr_string(x, ws, 0, c, heads[c], x->header);
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
    }
    worksheet_freeze_panes(ws, 1, (lxw_col_t)frozen_cols);
}
