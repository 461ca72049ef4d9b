/* Unit tests of the pieces below the parser: financial periods, suggestions, interning.
 * Prints a PASS or FAIL line per check; exits 1 if any failed. */
#include "arena.h"
#include "load.h"
#include "number.h"
#include "options.h"
#include "period.h"
#include "planrt.h"
#include "row_table.h"
#include "suggest.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static int failures;
static void test_options(void);
static void test_history_report(void);
static void test_results_history(void);
static void test_rate_edges_missing_threshold(void);
static void test_lsp_completion_keywords(void);
static void test_row_table(void);

static void check(int cond, const char *what)
{
    printf("%s %s\n", cond ? "PASS" : "FAIL", what);
    if (!cond)
        failures++;
}

static int parses_as(const char *text, const char *canonical)
{
    prt_period p;
    char buf[32];
    if (!prt_period_parse(text, strlen(text), &p, NULL))
        return 0;
    return strcmp(prt_period_format(p, buf, sizeof buf), canonical) == 0;
}

static int rejects(const char *text)
{
    prt_period p;
    const char *why = NULL;
    return !prt_period_parse(text, strlen(text), &p, &why) && why != NULL;
}

static prt_period P(const char *text)
{
    prt_period p = {0, PRT_YEAR, 0};
    prt_period_parse(text, strlen(text), &p, NULL);
    return p;
}

/* Values in each unit as the reports print them: prt_format_value reads the unit's prefix and suffix
 * from the list in planrt_names.h.  A currency value that rounds to zero from below printed "-£"
 * (the sign taken off a number that had none left). */
static void test_unit_values(void)
{
    static const struct {
        prt_unit_kind unit;
        double v;
        const char *shown;
    } cases[] = {
        {PRT_UNIT_PERCENT, 72.5, "72.5%"},
        {PRT_UNIT_POINTS, 3.5, "3.5 pts"},
        {PRT_UNIT_CURRENCY, 191000, "\xC2\xA3" "191,000"},
        {PRT_UNIT_CURRENCY, -5, "-\xC2\xA3" "5"},
        /* money as councils print it: thousands separators in the whole part only (issue 16) */
        {PRT_UNIT_CURRENCY, 999, "\xC2\xA3" "999"},
        {PRT_UNIT_CURRENCY, 17950000, "\xC2\xA3" "17,950,000"},
        {PRT_UNIT_CURRENCY, -1234567.25, "-\xC2\xA3" "1,234,567.25"},
        {PRT_UNIT_CURRENCY, 1e15, "\xC2\xA3" "1,000,000,000,000,000"},
        {PRT_UNIT_CURRENCY, -0.001, "\xC2\xA3" "0"},
        {PRT_UNIT_WEEKS, 18, "18 weeks"},
        {PRT_UNIT_DAYS, 2, "2 days"},
        {PRT_UNIT_COUNT, 1100, "1100"},
        {PRT_UNIT_NONE, -0.001, "0"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        prt_indicator in = {.unit = cases[i].unit, .decimals = -1};
        char buf[64], what[128];
        prt_format_value(&in, cases[i].v, buf, sizeof buf);
        const char *word = prt_unit_words[cases[i].unit];
        snprintf(what, sizeof what, "unit value: %s %g is shown as %s", word ? word : "none", cases[i].v, cases[i].shown);
        check(strcmp(buf, cases[i].shown) == 0, what);
    }
}

/* Numbers as councils write them, read by the one function the plan's scanner and the results
 * reader share (runtime/number.c, issue 16): what each form is worth, and what is refused. */
static void test_written_numbers(void)
{
    static const struct {
        const char *text;
        double v;          /* the value; for a refused form, unused */
        bool ok, currency;
    } cases[] = {
        {"1,798", 1798, true, false},
        {"\xC2\xA3" "61,200,000", 61200000, true, true},
        {"\xC2\xA3" "2.5m", 2500000, true, true},
        {"\xC2\xA3" "1.1m", 1100000, true, true},
        {"\xC2\xA3" "250k", 250000, true, true},
        {"\xC2\xA3" "1.2bn", 1200000000, true, true},
        {"\xC2\xA3" "-5,000.50", -5000.5, true, true},
        {"1,00,000", 0, false, false},
        {"1000,000", 0, false, false},
        {"1,0000", 0, false, false},
        {"0,5", 0, false, false},
        {"\xC2\xA3" "2.5x", 0, false, true},
        {"\xC2\xA3" "2.5mn", 0, false, true},
        {"\xC2\xA3" "2bn", 2e9, true, true},
        {"\xC2\xA3" "2000000bn", 0, false, true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double v = -1;
        bool currency = false;
        const char *why = NULL;
        size_t n = strlen(cases[i].text);
        size_t used = prt_number_scan(cases[i].text, n, &v, &currency, &why);
        bool ok = used == n;
        char what[160];
        snprintf(what, sizeof what, "written number: %s %s", cases[i].text, cases[i].ok ? "is read" : "is refused, with a reason");
        check(cases[i].ok ? ok && v == cases[i].v && currency == cases[i].currency : !ok && why != NULL, what);
    }
}

int main(void)
{
    test_written_numbers();
    test_history_report();
    test_rate_edges_missing_threshold();
    test_row_table();
    check(parses_as("2023/24", "2023/24"), "period: a financial year");
    check(parses_as("2023/24 Q2", "2023/24 Q2"), "period: a quarter");
    check(parses_as("2023/24\tH1", "2023/24 H1"), "period: a half year after a tab");
    check(parses_as("2019/20 Mar", "2019/20 Mar"), "period: a month");
    check(parses_as("1999/00", "1999/00"), "period: the turn of the century");
    check(rejects("2023/25"), "period: the second year must follow the first");
    check(rejects("2023/24 Q5"), "period: no fifth quarter");
    check(rejects("2023/24 H3"), "period: no third half");
    check(rejects("2023/24 Foo"), "period: unknown part");
    check(rejects("2023/245"), "period: three digits after the slash");
    check(rejects("23/24"), "period: a two-digit year");
    check(prt_period_compare(P("2023/24 Q1"), P("2023/24 Q2")) < 0, "period: Q1 before Q2");
    check(prt_period_compare(P("2023/24 Q4"), P("2023/24")) < 0, "period: Q4 sorts before the year it ends");
    check(prt_period_compare(P("2022/23"), P("2023/24 Q1")) < 0, "period: a year before the next year's Q1");
    check(prt_period_compare(P("2023/24 Jun"), P("2023/24 Q1")) < 0, "period: June before Q1 (shorter first)");
    check(prt_period_equal(prt_period_last_year(P("2023/24 Q2")), P("2022/23 Q2")), "period: same quarter last year");
    check(prt_period_equal(prt_period_minus_quarters(P("2023/24 Q1"), 1), P("2022/23 Q4")),
          "period: one quarter in arrears crosses the year");
    check(prt_period_equal(prt_period_minus_quarters(P("2023/24 Q3"), 2), P("2023/24 Q1")),
          "period: two quarters in arrears");
    check(prt_period_within(P("2023/24 Q3"), P("2023/24")), "period: Q3 within its year");
    check(prt_period_within(P("2023/24 Sep"), P("2023/24 H1")), "period: September within H1");
    check(!prt_period_within(P("2023/24 Oct"), P("2023/24 H1")), "period: October not within H1");
    check(!prt_period_within(P("2024/25 Q1"), P("2023/24")), "period: next year's Q1 not within this year");
    int first, last;
    prt_period_months(P("2023/24 Q4"), &first, &last);
    check(first == 10 && last == 12, "period: Q4 is January to March");

    check(edit_distance("activ_lives", "active_lives", 5) == 1, "suggest: one insertion");
    check(edit_distance("biger", "bigger", 5) == 1, "suggest: one deletion");
    check(edit_distance("quartelry", "quarterly", 5) == 1, "suggest: a transposition counts once");
    check(edit_distance("abc", "xyzuvw", 2) == 3, "suggest: capped at the limit plus one");
    const char *words[] = {"bigger", "smaller", "monitor"};
    check(suggest_word("smalle", words, 3) == words[1], "suggest: closest word");
    check(suggest_word("completely_different", words, 3) == NULL, "suggest: nothing close");
    check(suggest_word("MONITOR", words, 3) == words[2], "suggest: a word differing only in case, however many letters");

    Arena a;
    arena_init(&a);
    const char *x = arena_intern(&a, "pillar_one", 10);
    const char *y = arena_intern(&a, "pillar_one and more", 10);
    const char *z = arena_intern(&a, "pillar_two", 10);
    check(x == y, "intern: equal strings share one copy");
    check(x != z, "intern: different strings differ");
    for (int i = 0; i < 10000; i++) {
        char buf[16];
        int n = snprintf(buf, sizeof buf, "name%d", i);
        arena_intern(&a, buf, (size_t)n);
    }
    check(arena_intern(&a, "name9999", 8) == arena_intern(&a, "name9999", 8), "intern: survives growth");
    check(arena_intern(&a, "pillar_one", 10) == x, "intern: old entries survive growth");
    arena_free(&a);

    /* a mapped plan truncated by another program: planc reports it and stops with status 2 */
    char path[] = "/tmp/planc-unit-XXXXXX";
    int fd = mkstemp(path);
    check(fd >= 0, "map: a temporary file");
    if (fd >= 0) {
        char page[8192];
        memset(page, '#', sizeof page);
        check(write(fd, page, sizeof page) == (ssize_t)sizeof page, "map: the file written");
        close(fd);
        fflush(stdout);
        char errpath[] = "/tmp/planc-unit-err-XXXXXX";
        int errfd = mkstemp(errpath);
        pid_t pid = fork();
        if (pid == 0) {
            dup2(errfd, STDERR_FILENO);
            size_t size = 0, len = 0;
            char why[128];
            char *text = map_text_file(path, &size, &len, why, sizeof why);
            if (!text || size != sizeof page)
                _exit(3);
            if (truncate(path, 0) != 0)
                _exit(4);
            volatile char c = text[size - 1];   /* past the new end of the file: SIGBUS */
            (void)c;
            _exit(0);
        }
        int status = 0;
        waitpid(pid, &status, 0);
        check(WIFEXITED(status) && WEXITSTATUS(status) == 2, "map: a truncated file is reported, not a crash (status 2)");
        char said[256] = "";
        ssize_t got = pread(errfd, said, sizeof said - 1, 0);
        said[got > 0 ? got : 0] = '\0';
        check(strstr(said, "a plan file was truncated while planc was reading it") != NULL,
              "map: ... with the message saying so");
        close(errfd);
        unlink(errpath);
        unlink(path);
    }

    /* Hardening II, finding 7: a pipe or a device over the limit is read no further than the byte
     * that passes it (check /dev/zero read 2 GiB before it stopped at 1 GiB).  A child writes far more
     * than the limit into a FIFO; what the reader left in it says how much it took. */
    {
        enum { LIMIT = 64 * 1024, WRITTEN = 1024 * 1024 };
        char dir[] = "/tmp/planc-unit-fifo-XXXXXX";
        char fifo[64] = "";
        int made = mkdtemp(dir) != NULL;
        if (made) {
            snprintf(fifo, sizeof fifo, "%s/fifo", dir);
            made = mkfifo(fifo, 0600) == 0;
        }
        check(made, "read limit: a FIFO");
        int keep = made ? open(fifo, O_RDONLY | O_NONBLOCK) : -1;  /* holds what the reader leaves */
        fflush(stdout);
        pid_t pid = made ? fork() : -1;
        if (pid == 0) {
            signal(SIGPIPE, SIG_DFL);
            int w = open(fifo, O_WRONLY);
            static char chunk[4096];
            memset(chunk, 'x', sizeof chunk);
            for (size_t done = 0; w >= 0 && done < WRITTEN; done += sizeof chunk)
                if (write(w, chunk, sizeof chunk) != (ssize_t)sizeof chunk)
                    _exit(1);
            _exit(0);
        }
        size_t size = 0;
        char why[128] = "";
        char *text = pid > 0 ? read_text_file_max(fifo, LIMIT, &size, why, sizeof why) : NULL;
        check(pid > 0 && text == NULL && strstr(why, "larger than the limit of 65536 bytes") != NULL,
              "read limit: a FIFO over the limit is refused");
        free(text);
        size_t left = 0;
        if (keep >= 0) {
            fcntl(keep, F_SETFL, 0);    /* blocking: read to the writer's end */
            char drain[65536];
            ssize_t n;
            while ((n = read(keep, drain, sizeof drain)) > 0)
                left += (size_t)n;
            close(keep);
        }
        if (pid > 0)
            waitpid(pid, NULL, 0);
        check(WRITTEN - left <= LIMIT + 1, "read limit: ... after reading at most one byte past the limit");
        if (made) {
            unlink(fifo);
            rmdir(dir);
        }
    }
    test_options();
    test_results_history();
    test_unit_values();
    test_lsp_completion_keywords();
    return failures ? 1 : 0;
}

/* ---- the option parser (runtime/options.c) ---- */

typedef struct OptVals {
    bool flag;
    const char *text, *choice;
    long number;
    prt_opt_list list;
} OptVals;

/* Parses the words (NULL-terminated, after a program name) by a small table into v; the status. */
static int parse_words(OptVals *v, prt_command *cmd, const char *const *words)
{
    static const char *const colours[] = {"red", "green", NULL};
    static prt_option table[5];
    table[0] = (prt_option){.name = "flag", .short_name = 'f', .kind = PRT_OPT_FLAG, .dest = &v->flag, .help = "f"};
    table[1] = (prt_option){.name = "text", .short_name = 't', .kind = PRT_OPT_STRING, .dest = &v->text, .help = "t"};
    table[2] = (prt_option){.name = "colour", .kind = PRT_OPT_STRING, .choices = colours, .dest = &v->choice, .help = "c"};
    table[3] = (prt_option){.name = "n", .kind = PRT_OPT_INT, .min = 1, .max = 9, .dest = &v->number, .help = "n"};
    table[4] = (prt_option){.name = "dir", .short_name = 'I', .kind = PRT_OPT_LIST, .dest = &v->list, .help = "d"};
    *v = (OptVals){0};
    *cmd = (prt_command){.prog = "unit", .synopsis = "X", .options = table, .noptions = 5, .args = "A B...",
                         .min_args = 1, .max_args = 3};
    char *argv[16] = {"unit"};
    int argc = 1;
    for (; words[argc - 1] && argc < 15; argc++)
        argv[argc] = (char *)words[argc - 1];
    fflush(stdout);
    return prt_options_parse(cmd, argc, argv, 1);
}

static void test_options(void)
{
    OptVals v;
    prt_command cmd;
    int st = parse_words(&v, &cmd, (const char *const[]){"a", "--text", "x", "--colour=green", "-f", "--n=3", "b", NULL});
    check(st == -1 && v.flag && strcmp(v.text, "x") == 0 && strcmp(v.choice, "green") == 0 && v.number == 3 &&
              cmd.narg == 2 && strcmp(cmd.arg[1], "b") == 0, "options: --name value, --name=value, flags, arguments between");
    prt_command_free(&cmd);
    st = parse_words(&v, &cmd, (const char *const[]){"-tVALUE", "-Ione", "--dir", "two", "-I", "three", "a", NULL});
    check(st == -1 && strcmp(v.text, "VALUE") == 0 && v.list.n == 3 && strcmp(v.list.items[2], "three") == 0,
          "options: -tVALUE and a repeatable option kept in order");
    prt_command_free(&cmd);
    check(v.list.items == NULL, "options: prt_command_free frees the lists");
    st = parse_words(&v, &cmd, (const char *const[]){"--", "-f", "-", NULL});
    check(st == -1 && !v.flag && cmd.narg == 2 && strcmp(cmd.arg[0], "-f") == 0 && strcmp(cmd.arg[1], "-") == 0,
          "options: -- ends the options and - is an argument");
    prt_command_free(&cmd);
    const char *const *const mistakes[] = {
        (const char *const[]){"a", "--colour", "blue", NULL}, (const char *const[]){"a", "--n=10", NULL},
        (const char *const[]){"a", "--n", "x", NULL},         (const char *const[]){"a", "--text", NULL},
        (const char *const[]){"a", "--flag=1", NULL},         (const char *const[]){"a", "--fla", NULL},
        (const char *const[]){"a", "-fx", NULL},              (const char *const[]){NULL},
        (const char *const[]){"a", "b", "c", "d", NULL},
    };
    bool all = true;
    for (size_t i = 0; i < sizeof mistakes / sizeof mistakes[0]; i++) {
        all = all && parse_words(&v, &cmd, mistakes[i]) == 2;
        prt_command_free(&cmd);
    }
    check(all, "options: bad choice, out of range, not a number, no value, flag with a value, unknown, counts: status 2");
    st = parse_words(&v, &cmd, (const char *const[]){"--bogus", "--help", NULL});
    check(st == 2, "options: a mistake before --help is still a mistake");
    prt_command_free(&cmd);
    st = parse_words(&v, &cmd, (const char *const[]){"--help", "--bogus", NULL});   /* the help goes to stdout */
    prt_command_free(&cmd);
    check(st == 0, "options: --help stops parsing with status 0");
}

/* ---- the report formats over time (runtime/report.c, issue 14) ---- */

/* The report of h in format f, as one string (malloc'd). */
static char *report_text(const prt_history *h, prt_format f)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    prt_report(out, h, f);
    fclose(out);
    return text;
}

/* Whether a comes before b in s, both present. */
static bool in_order(const char *s, const char *a, const char *b)
{
    const char *x = strstr(s, a), *y = strstr(s, b);
    return x && y && x < y;
}

static int count_of(const char *s, const char *what)
{
    int n = 0;
    for (const char *p = strstr(s, what); p; p = strstr(p + 1, what))
        n++;
    return n;
}

/* A plan of three indicators in one theme with two outcomes, given in plan order A, B: the first
 * indicator measures B, the second none, the third A; two periods rated by hand with every field of
 * issue 14 set on the first indicator's last rating. */
static void test_history_report(void)
{
    static const prt_band bands[] = {{"green", "Green", "G", 100, false, {PRT_COND_NONE, 0, false, false}, PRT_EDGE_METHOD, .symbol = NULL},
                                     {"amber", "Amber", "A", 90, false, {PRT_COND_NONE, 0, false, false}, PRT_EDGE_METHOD, .symbol = NULL},
                                     {"red", "Red", "R", 0, true, {PRT_COND_NONE, 0, false, false}, PRT_EDGE_METHOD, .symbol = NULL}};
    static const prt_scheme scheme = {"rag", "RAG", PRT_METHOD_ACHIEVEMENT, 3, bands, 0};
    static const prt_pillar pillar = {"p", "Pillar"};
    static const prt_theme theme = {"t", "Theme", 0, false, "Theme *owner*"};
    static const prt_outcome outcomes[] = {{"a", "Outcome A", 0}, {"b", "Outcome B", 0}};
    prt_indicator ins[3] = {
        {.ref = "X/1", .name = "First", .polarity = PRT_POL_BIGGER, .unit = PRT_UNIT_COUNT, .decimals = -1,
         .scheme = 0, .owner = "=HYPERLINK(1)", .committee = "Scrutiny", .source = "Survey", .outcome = 1},
        {.ref = "X/2", .name = "Second", .polarity = PRT_POL_BIGGER, .unit = PRT_UNIT_COUNT, .decimals = -1,
         .scheme = 0, .outcome = -1},
        {.ref = "X/3", .name = "Third", .polarity = PRT_POL_BIGGER, .unit = PRT_UNIT_COUNT, .decimals = -1,
         .scheme = 0, .outcome = 0},
    };
    prt_plan plan = {.name = "Plan", .default_scheme = 0, .npillars = 1, .nthemes = 1, .nindicators = 3,
                     .nschemes = 1, .pillars = &pillar, .themes = &theme, .indicators = ins, .schemes = &scheme,
                     .noutcomes = 2, .outcomes = outcomes, .version = "v2", .digest = "fnv1a64:0123",
                     .dot_basis = PRT_DOT_BASIS_BOTH};
    prt_rating ratings[2][3];
    prt_counts counts[2][2];
    prt_evaluation evs[2];
    prt_evaluation *ev[2] = {&evs[0], &evs[1]};
    for (int k = 0; k < 2; k++) {
        for (int i = 0; i < 3; i++)
            ratings[k][i] = (prt_rating){.indicator = i, .period = P(k ? "2024/25 Q2" : "2024/25 Q1"),
                                         .status = PRT_RESULT_VALUE, .value = 100 + 10 * k + i, .band = 0,
                                         .explanation = "rated", .dot_explanation = "", .dot_short_explanation = "",
                                         .forecast_explanation = ""};
        memset(counts[k], 0, sizeof counts[k]);
        counts[k][0].rated = 3 - k;
        counts[k][0].band[0] = 3 - 2 * k;
        evs[k] = (prt_evaluation){.plan = &plan, .period = ratings[k][0].period, .ratings = ratings[k],
                                  .pillar_counts = &counts[k][0], .theme_counts = &counts[k][0],
                                  .total = counts[k][0], .band_scheme = 0};
    }
    prt_rating *r = &ratings[1][0];
    r->band = 2, r->below_target = true, r->exception = true, r->dot = PRT_DOT_WORSENING;
    r->dot_short = PRT_DOT_IMPROVING, r->has_forecast = true, r->forecast = 90, r->annual_target = 120;
    r->forecast_miss = true, r->forecast_explanation = "run rate of 45 a quarter";
    r->quality = 1u << PRT_QUALITY_FRACTION | 1u << PRT_QUALITY_MISSING;
    r->quality_explanation[PRT_QUALITY_FRACTION] = "0.88 looks like 88%";
    r->provisional = true, r->restated = true, r->original = 95, r->restate_reason = "typo";
    prt_history h = {.plan = &plan, .n = 2, .ev = ev, .produced = "2025-12-01", .provisional = true};

    char *text = report_text(&h, PRT_FORMAT_TEXT);
    check(strstr(text, "Produced 2025-12-01; plan version v2; plan fnv1a64:0123") != NULL,
          "history report: text header has the date, version and digest");
    check(strstr(text, "Some figures are provisional") && strstr(text, "(R) p "),
          "history report: text says figures are provisional and marks the value");
    check(in_order(text, "DOT short term", "DOT long term") && strstr(text, "Improving  ") && strstr(text, "Worsening"),
          "history report: text has both directions under direction both");
    check(in_order(text, "Outcome: Outcome A", "X/3") && in_order(text, "X/3", "Outcome: Outcome B") &&
              in_order(text, "Outcome: Outcome B", "X/1  ") && in_order(text, "X/1  ", "Other indicators") &&
              in_order(text, "Other indicators", "X/2  "),
          "history report: text groups a theme's indicators by outcome in plan order, then the others");
    check(strstr(text, "Owner: =HYPERLINK(1) \xC2\xB7 Committee: Scrutiny \xC2\xB7 Source: Survey") &&
              strstr(text, "Owner: Theme *owner*"), "history report: text has the owner lines");
    check(strstr(text, "Q001 Q003") && strstr(text, "Q001: 0.88 looks like 88%") &&
              strstr(text, "Q003: no return for a period"), "history report: text has the quality codes and notes");
    check(strstr(text, "90 against 120 (miss)") && strstr(text, "Forecast: run rate of 45 a quarter"),
          "history report: text has the forecast column and its note");
    check(strstr(text, "2024/25 Q2 restated from 95: typo") != NULL, "history report: text says what was restated");
    check(strstr(text, "Since 2024/25 Q1: rated 2 (-1), Green 1 (-2)") != NULL,
          "history report: text summary has the change since the previous period");
    check(in_order(text, "\nExceptions\n", "below target, no commentary; worsening; forecast to miss the annual "
                                           "target; missing return (Q003); doubtful data (Q001)"),
          "history report: text lists the exceptions with their reasons");
    free(text);

    text = report_text(&h, PRT_FORMAT_CSV);
    check(count_of(text, "\r\n") == 1 + 3 * 2 && count_of(text, "\r\nX/1,") == 2,
          "history report: CSV has a row per indicator and period");
    check(strstr(text, ",\"'=HYPERLINK(1)\",Scrutiny,Survey,Theme *owner*,b,Outcome B,,,,computed,") != NULL,
          "history report: CSV has the owner fields, formula-guarded, and the outcome");
    check(strstr(text, ",Worsening,") && strstr(text, ",Improving,") && strstr(text, ",Q001 Q003,"),
          "history report: CSV has both directions and the quality codes");
    free(text);

    text = report_text(&h, PRT_FORMAT_JSON);
    check(count_of(text, "\"history\": [{\"period\": \"2024/25 Q1\"") == 3 &&
              strstr(text, "\"summary_history\": [") && strstr(text, "\"produced\": \"2025-12-01\""),
          "history report: JSON has a history per indicator, the summaries by period and the date");
    check(strstr(text, "{\"code\": \"Q001\", \"text\": ") && strstr(text, "\"exceptions\": [\n    {\"id\": null, \"ref\": \"X/1\"") &&
              strstr(text, "\"forecast\": {\"value\": 90, \"annual_target\": 120, \"miss\": true"),
          "history report: JSON has quality flags, exceptions and the forecast");
    free(text);

    text = report_text(&h, PRT_FORMAT_MD);
    check(strstr(text, "| DOT short term | DOT long term | Forecast | Quality |") &&
              in_order(text, "#### Outcome A", "#### Outcome B") && in_order(text, "#### Outcome B", "#### Other indicators"),
          "history report: Markdown has the columns and the outcome headings in plan order");
    check(strstr(text, "Owner: Theme \\*owner\\*") && strstr(text, "- **X/1**: Owner: ") &&
              strstr(text, "## Exceptions"), "history report: Markdown escapes the owner and has the notes and exceptions");
    free(text);
}

/* The results history (runtime/results.c): two files read as one, the restatement in the second
 * replacing the figure in the first (twice: the original is the first figure), the provisional flag,
 * the value's place, and the rows kept by the history's years. */
static char *write_temp(const char *dir, const char *name, const char *text)
{
    char *path = malloc(strlen(dir) + strlen(name) + 2);
    sprintf(path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    return path;
}

static void test_results_history(void)
{
    static const prt_indicator ind[] = {{.id = "x", .ref = "X/1", .name = "X", .unit = PRT_UNIT_COUNT, .decimals = -1,
                                         .scheme = -1, .outcome = -1}};
    static const prt_theme theme[] = {{.id = "t", .name = "T"}};
    static const prt_pillar pillar[] = {{.id = "p", .name = "P"}};
    prt_plan plan = {.name = "H", .first_year = 2019, .last_year = 2024, .default_scheme = -1, .npillars = 1,
                     .nthemes = 1, .nindicators = 1, .names_distinct = true, .pillars = pillar, .themes = theme,
                     .indicators = ind};
    char dir[] = "/tmp/planc-unit-XXXXXX";
    if (!mkdtemp(dir)) {
        check(0, "results history: a temporary directory");
        return;
    }
    char *a = write_temp(dir, "a.csv", "ref,period,value,provisional\nX/1,2021/22 Q1,5,\nX/1,2023/24 Q1,10,yes\n"
                                       "X/1,2023/24 Q2,20,\n");
    char *b = write_temp(dir, "b.csv", "ref,period,value,restated\nx,2023/24 Q2,25,Recount\n"
                                       "x,2023/24 Q2,27,Recount again\n");
    const char *paths[] = {a, b};
    prt_source_set sources;
    prt_diag diag;
    prt_sources_init(&sources);
    prt_diag_init(&diag, &sources);
    prt_results *r = prt_results_read_history(&plan, paths, 2, P("2024/25 Q2"), 6, &diag);
    check(r && diag.errors == 0, "results history: two files read as one");
    const prt_result_row *q1 = prt_results_find(r, 0, P("2023/24 Q1")), *q2 = prt_results_find(r, 0, P("2023/24 Q2"));
    check(q1 && q1->provisional && !q1->restated, "results history: provisional 'yes'");
    check(q1 && q1->at.line == 3 && q1->at.col == 16 && q1->at.end_col == 18, "results history: the value's place");
    check(q2 && q2->value == 27 && q2->restated && q2->original == 20 && q2->original_status == PRT_RESULT_VALUE &&
              q2->restate_reason && strcmp(q2->restate_reason, "Recount again") == 0 && !q2->provisional,
          "results history: restated twice, the original is the first figure");
    check(!prt_results_find(r, 0, P("2021/22 Q1")), "results history: a row before the years kept is checked, not kept");
    prt_results_free(r);
    r = prt_results_read_history(&plan, paths, 2, P("2024/25 Q2"), 9, &diag);
    check(r && prt_results_find(r, 0, P("2021/22 Q1")), "results history: a longer history keeps an earlier year");
    prt_results_free(r);
    prt_diag_free(&diag);
    prt_sources_free(&sources);
    remove(a);
    remove(b);
    rmdir(dir);
    free(a);
    free(b);
}

/* Issue 21: a `per indicator` band with no value for the period cannot be reached, and the explanation
 * says so (the checker refuses such a plan where it sees a target, so only tables reach this); a band
 * above target is on target, not below it. */
static void test_rate_edges_missing_threshold(void)
{
    static const prt_band bands[] = {{"blue", "Blue", "B", 110, false, .edge = PRT_EDGE_ABOVE},
                                     {"green", "Green", "G", 0, false, .edge = PRT_EDGE_PER_INDICATOR},
                                     {"amber", "Amber", "A", 0, false, .edge = PRT_EDGE_PER_INDICATOR},
                                     {"red", "Red", "R", 0, true, .edge = PRT_EDGE_METHOD}};
    static const prt_scheme scheme = {"floors", "Floors", PRT_METHOD_ACHIEVEMENT, 4, bands, 1};
    static const prt_threshold th[] = {{1, false, {0, PRT_YEAR, 0}, 100, NULL},
                                       {2, true, {2023, PRT_QUARTER, 1}, 80, NULL}};
    static const prt_target targets[] = {{.period = {2023, PRT_YEAR, 0}, .kind = PRT_TARGET_VALUE, .value = 100}};
    static const prt_plan_result results[] = {{.period = {2023, PRT_QUARTER, 1}, .status = PRT_RESULT_VALUE, .value = 85},
                                              {.period = {2023, PRT_QUARTER, 2}, .status = PRT_RESULT_VALUE, .value = 85},
                                              {.period = {2023, PRT_QUARTER, 3}, .status = PRT_RESULT_VALUE, .value = 111}};
    static const prt_theme theme = {"t", "Theme", 0, false, NULL};
    static const prt_pillar pillar = {"p", "Pillar"};
    prt_indicator in = {.ref = "X/1", .name = "X", .polarity = PRT_POL_BIGGER, .unit = PRT_UNIT_COUNT, .decimals = -1,
                        .frequency = PRT_FREQ_QUARTERLY, .scheme = 0, .outcome = -1, .ntargets = 1, .targets = targets,
                        .nresults = 3, .results = results, .nthresholds = 2, .thresholds = th};
    prt_plan plan = {.name = "Plan", .first_year = 2023, .last_year = 2023, .default_scheme = 0, .npillars = 1,
                     .nthemes = 1, .nindicators = 1, .nschemes = 1, .names_distinct = true, .pillars = &pillar,
                     .themes = &theme, .indicators = &in, .schemes = &scheme};
    prt_evaluation *ev = prt_evaluate(&plan, NULL, P("2023/24 Q1"));
    check(ev->ratings[0].band == 2, "rate edges: 85 reaches Q1's Amber value 80");
    prt_evaluation_free(ev);
    ev = prt_evaluate(&plan, NULL, P("2023/24 Q2"));
    const prt_rating *r = &ev->ratings[0];
    check(r->band == 3 && strstr(r->explanation, "no threshold for Amber in 2023/24 Q2") != NULL,
          "rate edges: no Amber value for Q2: Red, and the explanation says why");
    check(r->below_target && ev->total.below_target == 1, "rate edges: Red is below target");
    prt_evaluation_free(ev);
    ev = prt_evaluate(&plan, NULL, P("2023/24 Q3"));
    r = &ev->ratings[0];
    check(r->band == 0 && !r->below_target && !r->exception && ev->total.on_target == 1,
          "rate edges: above 110% is Blue, on target");
    prt_evaluation_free(ev);
}

/* planc lsp's completion offers each keyword of lexer.l somewhere: as a statement of the blocks that
 * take it, or after the words it follows (lsp_complete.c's list of the others).  A keyword added to
 * the language and to neither fails here, so that completion is taught it. */
int plan_is_keyword(const char *s);
size_t plan_keyword_list(const char **out, size_t max);
bool lsp_complete_keyword_known(const char *keyword);

static void test_lsp_completion_keywords(void)
{
    const char *words[200];
    size_t n = plan_keyword_list(words, sizeof words / sizeof words[0]);
    size_t unknown = 0;
    for (size_t i = 0; i < n; i++)
        if (!lsp_complete_keyword_known(words[i])) {
            printf("  completion does not know the keyword '%s'\n", words[i]);
            unknown++;
        }
    check(n > 60 && unknown == 0, "lsp completion: every keyword of lexer.l starts a statement or is listed");
    check(!lsp_complete_keyword_known("measure") && !lsp_complete_keyword_known("contributes to"),
          "lsp completion: a word that is not a keyword is not known");
}

/* The results reader's row table (runtime/row_table.c): direct over a report's years, a row outside
 * them kept in its hash table beside; hashed when no years bound it or they are too many; a row put
 * again for the same indicator and period takes the place of the first. */
static void test_row_table(void)
{
    prt_row_table t;
    prt_row_table_init_years(&t, 3, 2022, 2023);
    check(t.direct != NULL, "row table: direct over two years");
    prt_row_table_put(&t, 0, P("2023/24 Q1"), 0);
    prt_row_table_put(&t, 1, P("2023/24 Q1"), 1);
    prt_row_table_put(&t, 2, P("2022/23 Mar"), 2);
    prt_row_table_put(&t, 2, P("2022/23"), 3);
    prt_row_table_put(&t, 1, P("2023/24 Q1"), 4);
    prt_row_table_put(&t, 0, P("2019/20 H2"), 5);
    check(prt_row_table_get(&t, 0, P("2023/24 Q1")) == 1 && prt_row_table_get(&t, 2, P("2022/23 Mar")) == 3 &&
              prt_row_table_get(&t, 2, P("2022/23")) == 4,
          "row table: direct entries found");
    check(prt_row_table_get(&t, 1, P("2023/24 Q1")) == 5, "row table: a row put again replaces the first");
    check(prt_row_table_get(&t, 0, P("2019/20 H2")) == 6 && t.used == 1,
          "row table: a row outside the years goes to the hash table");
    check(!prt_row_table_get(&t, 0, P("2023/24 Q2")) && !prt_row_table_get(&t, 2, P("2024/25 Q1")) &&
              !prt_row_table_get(&t, 3, P("2023/24 Q1")) && !prt_row_table_get(&t, -1, P("2023/24 Q1")),
          "row table: no row for another period, a later year, or an indicator out of range");
    prt_row_table_free(&t);

    prt_row_table_init_years(&t, 100000, 1900, 2199);
    check(t.direct == NULL, "row table: three centuries of 100,000 indicators are hashed");
    prt_row_table_free(&t);

    prt_row_table_init(&t);
    int ok = 1;
    for (int i = 0; i < 5000; i++)
        prt_row_table_put(&t, i % 1000, prt_period_minus_quarters(P("2023/24 Q4"), i / 1000), (size_t)i);
    prt_row_table_put(&t, 7, P("2023/24 Q4"), 9999);
    for (int i = 0; i < 5000 && ok; i++) {
        size_t want = i == 7 ? 10000 : (size_t)i + 1;
        ok = prt_row_table_get(&t, i % 1000, prt_period_minus_quarters(P("2023/24 Q4"), i / 1000)) == want;
    }
    check(ok && t.used == 5000, "row table: hashed, 5,000 rows through growth, one replaced");
    check(!prt_row_table_get(&t, 1000, P("2023/24 Q4")), "row table: hashed, an absent row");
    prt_row_table_free(&t);
}
