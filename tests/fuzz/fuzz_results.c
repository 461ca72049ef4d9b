/* libFuzzer: the results reader (CSV, and a zip through the Excel part: a workbook's sheets as rows) and the rating engine on
 * arbitrary bytes, against a fixed plan that uses every method, tolerances, thresholds, amendments, benchmarks and a formula, and has an
 * indicator whose reference is a spreadsheet formula ('=1+2 in planc's CSV) and whose name is hostile.
 * Every report format is written, so the reader's text reaches every escaper. */
#include "check.h"
#include "diag.h"
#include "load.h"
#include "planrt.h"
#include "tables.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char plan_text[] =
    "plan \"Fuzz\" { covers 2019/20 to 2020/21; rating imp; delivery four }\n"
    "rating imp \"I\" { method improvement; band green (G) at 100%; band ga (GA) at 80%; band red (R) otherwise }\n"
    "rating ach \"A\" { method achievement; band green (G) at 100%; band amber (A) at 90%; band red (R) otherwise }\n"
    "rating pp \"P\" { method points; band green (G) within 0 pts; band amber (A) within 5 pts; band red (R) otherwise }\n"
    "benchmark eng \"England\"\ninput pop \"Population\" { unit count }\n"
    "delivery four \"D\" { band met (G) when not_started, on_track, complete colour green;\n"
    "  band low (A) when delayed impact low; band mid (RA) when impact medium; band high (R) otherwise; overdue worsens 1 }\n"
    "delivery judged \"J\" { band good \"Good\" colour green; band poor \"Poor\" }\n"
    "pillar p \"P\" { theme t \"T\" { outcome o \"O\"\n"
    " indicator a \"A\" \"Percent\" { measures o; polarity bigger; unit percent; frequency quarterly; tolerance 2 pts;\n"
    "   baseline 50% in 2018/19; target 60% in 2019/20; target benchmark eng in 2020/21 }\n"
    " indicator b \"B\" \"Count\" { measures o; polarity smaller; unit count; rating ach; arrears 1; frequency quarterly;\n"
    "   accumulates year_to_date; target 10 in 2019/20 Q1; target 20 in 2019/20 Q2; target < 30 in 2019/20;\n"
    "   amend 2019/20 to 25 from 2019/20 Q3 because \"x\"; revised in 2020/21 because \"y\" }\n"
    " indicator c \"C\" \"Points\" { measures o; polarity bigger; unit percent; rating pp; target maintain in 2019/20;\n"
    "   baseline 40% in 2018/19; target 45% in 2020/21 }\n"
    " indicator d \"D\" \"Rate\" { measures o; polarity smaller; unit rate per 100000; formula b / pop * 100000;\n"
    "   target 500 in 2019/20 }\n"
    " indicator e \"E\" \"Monitor\" { measures o; polarity monitor }\n"
    /* activities, so that delivery rows (ref = activity or activity.milestone; status, impact,
     * completed) reach the delivery reader and rating: a scheme with every rule and overdue, a judged one */
    " activity act \"Act\" { delivers o; delivery four; due 2020/21 Q2;\n"
    "   milestone m1 \"M1\" from 2019/20 Q1 due 2019/20 Q3 completed 2019-12-02; milestone m2 \"M2\" due 2020-06-30;\n"
    "   status on_track in 2019/20 Q1 at 10% \"n\"; progress 3 of 5 in 2019/20 \"w\" }\n"
    " activity jud \"Jud\" { delivers o; delivery judged; status good in 2019/20 }\n"
    " activity und \"Und\" { delivers o; status delayed }\n"
    /* a reference planc's CSV outputs guard with an apostrophe, and a name every writer must escape */
    " indicator f \"=1+2\" \"</script> \\\" ]]> */ {{x}} \xe2\x80\xae | # [a](b)\" { measures o; polarity bigger; unit count;\n"
    "   target 3 in 2019/20 }\n} }\n";

/* built once and kept for the whole run (static, so still reachable when the run ends) */
static const prt_plan *tables;
static Plan plan;
static SourceSet sources;
static Diag diag;

/* The problems a read reports: an engine of their own, every one kept. */
typedef struct Problems {
    SourceSet sources;
    Diag diag;
} Problems;

static void problems_init(Problems *p)
{
    sources_init(&p->sources);
    prt_diag_init(&p->diag, &p->sources);
    p->diag.max_errors = 0;
}

static void problems_free(Problems *p)
{
    diag_free(&p->diag);
    sources_free(&p->sources);
}

/* The errors and the report for one period, as text, to compare two ways of reading the same bytes. */
static char *outcome(const prt_results *res, const Problems *err)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f)
        return NULL;
    prt_diag_print_text(&err->diag, f, false);
    prt_period p;
    prt_period_parse("2019/20 Q2", 10, &p, NULL);
    prt_history *h = prt_history_evaluate(tables, res, p, 1);
    prt_report(f, h, PRT_FORMAT_CSV);
    prt_history_free(h);
    fclose(f);
    return text;
}

/* The file read a few bytes at a time (records cut anywhere) must give what the whole buffer gives. */
static void same_in_pieces(const uint8_t *data, size_t size)
{
    if (size == 0 || memchr(data, '\0', size))
        return;   /* a NUL stops a streamed read at its piece, the whole-buffer one before any row: both report R013 */
    static char path[64];
    if (!path[0])
        snprintf(path, sizeof path, "/tmp/planc-fuzz-%ld.csv", (long)getpid());
    FILE *f = fopen(path, "wb");
    if (!f)
        return;
    fwrite(data, 1, size, f);
    fclose(f);
    char piece[16];
    snprintf(piece, sizeof piece, "%u", 4u + data[size - 1] % 29u);
    setenv("PLANRT_TEST_CHUNK", piece, 1);
    Problems err, whole_err;
    problems_init(&err);
    problems_init(&whole_err);
    prt_results *res = prt_results_read(tables, path, &err.diag);
    unsetenv("PLANRT_TEST_CHUNK");
    prt_results *whole = prt_results_parse(tables, path, (const char *)data, size, &whole_err.diag);   /* same name in messages */
    char *a = outcome(whole, &whole_err), *b = outcome(res, &err);
    if (a && b && strcmp(a, b) != 0) {
        fprintf(stderr, "read whole:\n%s\nread in pieces of %s bytes:\n%s\n", a, piece, b);
        __builtin_trap();
    }
    free(a);
    free(b);
    prt_results_free(res);
    problems_free(&err);
    prt_results_free(whole);
    problems_free(&whole_err);
    remove(path);
}

/* Writes n bytes to a file of this process's own (name "a" or "b"); its path, or NULL. */
static const char *temp_file(const char *name, const uint8_t *data, size_t n)
{
    static char paths[2][64];
    char *path = paths[name[0] == 'b'];
    snprintf(path, 64, "/tmp/planc-fuzz-%ld-%s.csv", (long)getpid(), name);
    FILE *f = fopen(path, "wb");
    if (!f)
        return NULL;
    fwrite(data, 1, n, f);
    fclose(f);
    return path;
}

/* The multi-file mode: input with the marker in it is two returns files, read as one history (a row
 * of the second may repeat or restate one of the first), and reported over histories of 1 to 5. */
static void as_two_files(const uint8_t *data, size_t size)
{
    static const char marker[] = "\n=====\n";
    const uint8_t *cut = NULL;
    for (size_t i = 0; !cut && i + sizeof marker - 1 <= size; i++)
        if (memcmp(data + i, marker, sizeof marker - 1) == 0)
            cut = data + i;
    if (!cut)
        return;
    size_t first = (size_t)(cut - data), rest = size - first - (sizeof marker - 1);
    const char *paths[2] = {temp_file("a", data, first + 1), temp_file("b", cut + sizeof marker - 1, rest)};
    if (!paths[0] || !paths[1])
        return;
    FILE *sink = fopen("/dev/null", "w");
    for (int n = 1; n <= 5 && sink; n += 2) {
        Problems err;
        problems_init(&err);
        prt_period p;
        prt_period_parse("2020/21 Q4", 10, &p, NULL);
        prt_results *res = prt_results_read_history(tables, paths, 2, p, n, &err.diag);
        prt_diag_print_text(&err.diag, sink, false);    /* the notes read the first file again */
        if (res) {
            prt_history *h = prt_history_evaluate(tables, res, p, n);
            prt_report(sink, h, PRT_FORMAT_JSON);
            prt_history_free(h);
        }
        prt_results_free(res);
        problems_free(&err);
    }
    if (sink)
        fclose(sink);
    remove(paths[0]);
    remove(paths[1]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!tables) {
        prt_xlsx_enable();      /* a zip in the input reaches the workbook reader, and its sheets the rows' */
        sources_init(&sources);
        diag_init(&diag, &sources);
        plan_model_init(&plan);
        load_plan_text(&plan, &sources, &diag, "fuzz.plan", plan_text, sizeof plan_text - 1);
        check_plan(&plan, &diag);
        if (diag.errors) {
            diag_print_text(&diag, stderr, false);
            __builtin_trap();
        }
        tables = plan_tables(&plan);
    }
    Problems err;
    problems_init(&err);
    prt_results *res = prt_results_parse(tables, "fuzz.csv", (const char *)data, size, &err.diag);
    static const char *const periods[] = {"2019/20", "2019/20 Q2", "2020/21", "2020/21 Q4", "2019/20 Q3"};
    FILE *sink = fopen("/dev/null", "w");
    for (size_t i = 0; i <= PRT_FORMAT_HTML && sink; i++) {   /* one period for each report format */
        prt_period p;
        prt_period_parse(periods[i], strlen(periods[i]), &p, NULL);
        prt_history *h = prt_history_evaluate(tables, res, p, 1 + (int)i);   /* histories of 1 to 5 periods */
        prt_report(sink, h, (prt_format)i);
        prt_audit(sink, prt_history_last(h));
        prt_history_free(h);
    }
    if (sink)
        fclose(sink);
    same_in_pieces(data, size);
    as_two_files(data, size);
    prt_results_free(res);
    problems_free(&err);
    return 0;
}
