/* xlsx_dump: the .xlsx reader (runtime/xlsx/xlsx_read*.c) on one workbook, for tests/xlsx_read.sh:
 * every sheet (name, hidden), every row given (its number, each cell's column, text and problem) and
 * the planc.* properties (or those named after the file), or the reader's *why with exit status 1.
 *   xlsx_dump [-m] [-q] FILE [PROPERTY...]
 * -m hands the reader the file's bytes instead of its path; -q prints only the counts of sheets, rows
 * and cells (for timing large sheets).  Text is printed in double quotes, its control characters,
 * quote and backslash escaped, so that golden files stay plain text. */
#include "xlsx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void quoted(const char *s, size_t n)
{
    putchar('"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            printf("\\%c", c);
        else if (c == '\n')
            fputs("\\n", stdout);
        else if (c == '\r')
            fputs("\\r", stdout);
        else if (c == '\t')
            fputs("\\t", stdout);
        else if (c < 0x20 || c == 0x7f)
            printf("\\x%02x", c);
        else
            putchar(c);
    }
    putchar('"');
}

static void column(size_t i)
{
    char letters[8];
    size_t n = 0;
    for (size_t col = i + 1; col > 0; col = (col - 1) / 26)
        letters[n++] = (char)('A' + (col - 1) % 26);
    while (n)
        putchar(letters[--n]);
}

static void print_row(const prt_sheet_row *r)
{
    printf("  row %u (%zu cells)\n", r->row, r->ncells);
    for (size_t i = 0; i < r->ncells; i++) {
        if (!r->len[i] && !r->problem[i])
            continue;
        printf("    ");
        column(i);
        putchar(' ');
        quoted(r->text[i], r->len[i]);
        if (strlen(r->text[i]) != r->len[i])
            printf(" (length %zu, but a NUL at %zu)", r->len[i], strlen(r->text[i]));
        if (r->problem[i])
            printf(" problem: %s", r->problem[i]);
        putchar('\n');
    }
}

static void *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *data = NULL;
    size_t cap = 0;
    *len = 0;
    for (;;) {
        if (*len == cap)
            data = realloc(data, cap = cap ? 2 * cap : 65536);
        size_t got = fread(data + *len, 1, cap - *len, f);
        if (!got)
            break;
        *len += got;
    }
    fclose(f);
    return data;
}

/* Prints every sheet and its rows (or, quiet, their counts); false when a sheet broke off. */
static bool print_sheets(prt_workbook *wb, bool quiet)
{
    bool clean = true;
    size_t sheets = 0, rows = 0, cells = 0;
    const char *name;
    bool hidden;
    char *why = NULL;
    while (prt_xlsx_next_sheet(wb, &name, &hidden, &why) == 1) {   /* never -1: see xlsx_read.c */
        sheets++;
        if (!quiet) {
            printf("sheet ");
            quoted(name, strlen(name));
            puts(hidden ? " hidden" : "");
        }
        prt_sheet_row r;
        int rc;
        while ((why = NULL, rc = prt_xlsx_next_row(wb, &r, &why)) == 1) {
            rows++;
            cells += r.ncells;
            if (!quiet)
                print_row(&r);
        }
        if (rc < 0) {
            printf("  error: %s\n", why ? why : "(no reason given)");
            free(why);
            clean = false;
        }
    }
    if (quiet)
        printf("%zu sheets, %zu rows, %zu cells\n", sheets, rows, cells);
    return clean;
}

int main(int argc, char **argv)
{
    bool memory = false, quiet = false;
    int a = 1;
    for (; a < argc && argv[a][0] == '-'; a++) {
        memory |= strcmp(argv[a], "-m") == 0;
        quiet |= strcmp(argv[a], "-q") == 0;
    }
    if (a >= argc) {
        fprintf(stderr, "usage: xlsx_dump [-m] [-q] FILE [PROPERTY...]\n");
        return 2;
    }
    size_t len = 0;
    void *data = memory ? slurp(argv[a], &len) : NULL;
    if (memory && !data) {
        perror(argv[a]);
        return 2;
    }
    char *why = NULL;
    prt_workbook *wb = prt_xlsx_open(argv[a], data, len, &why);
    free(data);   /* the reader keeps its own copy */
    if (!wb) {
        printf("error: %s\n", why);
        free(why);
        return 1;
    }
    bool clean = print_sheets(wb, quiet);
    static const char *const planc_props[] = {"planc.plan", "planc.period", "planc.digest", NULL};
    const char *const *props = a + 1 < argc ? (const char *const *)argv + a + 1 : planc_props;
    for (size_t i = 0; !quiet && props[i]; i++) {
        const char *v = prt_xlsx_property(wb, props[i]);
        if (v) {
            printf("property %s ", props[i]);
            quoted(v, strlen(v));
            putchar('\n');
        }
    }
    prt_xlsx_close(wb);
    return clean ? 0 : 1;
}
