/* bench/gen: realistic synthetic plans and results, deterministic from a seed, for the benchmarks.
 *   gen INDICATORS ROWS SEED DIR   writes DIR/plan.plan, DIR/plan.json (the same plan as JSON, for
 *   the JSON Schema comparison), DIR/results.csv (ROWS result rows) and DIR/targets.csv.
 *   gen -q QUARTERS INDICATORS SEED DIR   a history: a plan covering the QUARTERS quarters (a target
 *   every year), their results as one return a quarter, DIR/returns/YYYY-YY-Qn.csv (the quarter's
 *   figures, and the year's in Q4), and the same rows again as one file, DIR/results.csv.
 * Plans have pillars, themes, outcomes and indicators with polarity, units, baselines, annual targets
 * and quarterly profiles, tolerances, amendments and derived formulas, in the proportions of the
 * Barnet frameworks; results cover quarters and years, as many years as ROWS needs. */
#define _XOPEN_SOURCE 700   /* mkdir */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static unsigned long long state;

static unsigned rnd(unsigned n)
{
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return (unsigned)((state >> 33) % n);
}

/* What the writers share: the plan's size and years, and the files being written. */
typedef struct gen {
    long n;
    int first, last;      /* financial years the plan covers (first/first+1 ...) */
    int target_years;     /* targets are written for this many years from the first */
    double *bases;        /* each indicator's baseline: results scatter around it */
    FILE *plan, *json, *targets;
} gen;

/* DIR/NAME opened for writing (the path allocated: DIR may be long), or NULL after saying why. */
static FILE *open_in(const char *dir, const char *name)
{
    size_t len = strlen(dir) + strlen(name) + 2;
    char *path = malloc(len);
    if (!path)
        return NULL;
    snprintf(path, len, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f)
        fprintf(stderr, "gen: cannot write %s\n", path);
    free(path);
    return f;
}

static void write_headers(gen *g)
{
    int first = g->first, last = g->last;
    fputs("ref,year,target,polarity,tolerance\n", g->targets);
    fprintf(g->plan, "plan \"Synthetic %ld\" {\n    organisation \"Benchmark Borough\"\n    covers %d/%02d to %d/%02d\n"
                     "    reported quarterly\n    rating rag\n}\n\n",
            g->n, first, (first + 1) % 100, last, (last + 1) % 100);
    fputs("rating rag \"Red / Amber / Green\" {\n    method achievement\n    band green \"Green\" (G) at 100%\n"
          "    band amber \"Amber\" (A) at 90%\n    band red \"Red\" (R) otherwise\n}\n\n",
          g->plan);
    fprintf(g->json, "{\"plan\": {\"name\": \"Synthetic %ld\", \"organisation\": \"Benchmark Borough\", \"covers\": [\"%d/%02d\", "
                     "\"%d/%02d\"], \"reported\": \"quarterly\", \"rating\": \"rag\"},\n \"ratings\": [{\"id\": \"rag\", \"method\": "
                     "\"achievement\", \"bands\": [{\"id\": \"green\", \"at\": 100}, {\"id\": \"amber\", \"at\": 90}, {\"id\": \"red\", "
                     "\"otherwise\": true}]}],\n \"pillars\": [",
            g->n, first, (first + 1) % 100, last, (last + 1) % 100);
}

/* Indicator k, the i-th of theme t: its statement in the plan, its object in the JSON, its targets. */
static void write_indicator(gen *g, long t, long i, long k)
{
    FILE *p = g->plan, *j = g->json;
    int first = g->first;
    int percent = rnd(2), bigger = rnd(3) != 0, quarterly = rnd(3) != 0;
    double base = percent ? 40 + rnd(400) / 10.0 : 100 + rnd(5000);
    double target = bigger ? base * 1.1 : base * 0.9;
    g->bases[k] = base;
    if (percent && target > 100)
        target = 100;
    fprintf(p, "\n        indicator i%ld \"REF/%ld\" \"Indicator %ld, measured every %s\" {\n", k, k, k,
            quarterly ? "quarter" : "year");
    fprintf(p, "            kind %s\n            measures o%ld_%u\n            polarity %s\n            unit %s\n"
               "            frequency %s\n            baseline %.1f in %d/%02d\n",
            rnd(2) ? "kpi" : "outcome", t, rnd(3), bigger ? "bigger" : "smaller", percent ? "percent" : "count",
            quarterly ? "quarterly" : "annual", base, first - 1, first % 100);
    fprintf(j, "%s\n    {\"id\": \"i%ld\", \"ref\": \"REF/%ld\", \"name\": \"Indicator %ld, measured every %s\", "
               "\"kind\": \"%s\", \"measures\": [\"o%ld_0\"], \"polarity\": \"%s\", \"unit\": \"%s\", "
               "\"frequency\": \"%s\", \"baseline\": {\"value\": %.1f, \"period\": \"%d/%02d\"}, \"targets\": [",
            i ? "," : "", k, k, k, quarterly ? "quarter" : "year", "kpi", t, bigger ? "bigger" : "smaller",
            percent ? "percent" : "count", quarterly ? "quarterly" : "annual", base, first - 1, first % 100);
    double tol = percent && rnd(4) == 0 ? 2.5 : 0;
    if (tol > 0)
        fputs("            tolerance 2.5 pts\n", p);
    for (int y = first; y <= g->last && y < first + g->target_years; y++) {
        fprintf(g->targets, "REF/%ld,%d/%02d,%.1f,%s,%.1f\n", k, y, (y + 1) % 100, target, bigger ? "bigger" : "smaller", tol);
        fprintf(p, "            target %.1f%s in %d/%02d\n", target, percent ? "%" : "", y, (y + 1) % 100);
        fprintf(j, "%s{\"value\": %.1f, \"period\": \"%d/%02d\"}", y > first ? ", " : "", target, y, (y + 1) % 100);
    }
    fputs("]}", j);
    if (rnd(10) == 0)
        fprintf(p, "            amend %d/%02d to %.1f%s from %d/%02d Q3 because \"revised in year\"\n", first,
                (first + 1) % 100, target, percent ? "%" : "", first, (first + 1) % 100);
    fputs("        }\n", p);
}

/* Pillars of four themes, themes of three outcomes and seven indicators. */
static void write_plan(gen *g)
{
    FILE *p = g->plan, *j = g->json;
    long per_theme = 7, themes = (g->n + per_theme - 1) / per_theme, per_pillar = 4;
    long k = 0;
    write_headers(g);
    for (long t = 0; t < themes; t++) {
        long pillar = t / per_pillar;
        if (t % per_pillar == 0) {
            if (t)
                fputs("}\n\n", p), fputs("]},", j);
            fprintf(p, "pillar p%ld \"Pillar %ld\" {\n", pillar, pillar);
            fprintf(j, "\n  {\"id\": \"p%ld\", \"name\": \"Pillar %ld\", \"themes\": [", pillar, pillar);
        }
        fprintf(p, "    theme t%ld \"Theme %ld: a key area of focus\" {\n", t, t);
        fprintf(j, "%s\n   {\"id\": \"t%ld\", \"name\": \"Theme %ld: a key area of focus\", \"outcomes\": [", t % per_pillar ? "," : "", t, t);
        for (int o = 0; o < 3; o++) {
            fprintf(p, "        outcome o%ld_%d \"Residents see outcome %d of theme %ld improve\"\n", t, o, o, t);
            fprintf(j, "%s{\"id\": \"o%ld_%d\", \"text\": \"Residents see outcome %d of theme %ld improve\"}", o ? ", " : "", t, o, o, t);
        }
        fputs("], \"indicators\": [", j);
        for (long i = 0; i < per_theme && k < g->n; i++, k++)
            write_indicator(g, t, i, k);
        fputs("    }\n", p);
        fputs("]}", j);
    }
    fputs("}\n", p);
    fputs("]}\n ]\n}\n", j);
}

/* One row, into buf: indicator i's figure for quarter q (1-4) of year y, or for the year itself (q 5).
 * A row is a reference, a period and a number: 64 bytes hold it. */
static void format_row(char buf[64], const gen *g, long i, int y, int q)
{
    double v = g->bases[i] * (0.8 + rnd(400) / 1000.0);
    if (v > 100 && g->bases[i] <= 100)
        v = 100;   /* percentages stay percentages */
    if (q <= 4)
        snprintf(buf, 64, "REF/%ld,%d/%02d Q%d,%.1f\n", i, y, (y + 1) % 100, q, v);
    else
        snprintf(buf, 64, "REF/%ld,%d/%02d,%.1f\n", i, y, (y + 1) % 100, v);
}

/* results: indicator by indicator, year by year from the year before the plan, the quarters then the year */
static long write_results(gen *g, FILE *r, long rows)
{
    char row[64];
    fputs("ref,period,value\n", r);
    long written = 0;
    for (int y = g->first - 1; y <= g->last && written < rows; y++)
        for (int q = 1; q <= 5 && written < rows; q++)
            for (long i = 0; i < g->n && written < rows; i++, written++) {
                format_row(row, g, i, y, q);
                fputs(row, r);
            }
    return written;
}

/* The history's returns: a file a quarter under DIR/returns (the year's figures in its Q4 file), and
 * every row again in all (one file of the whole history, the same figures). */
static long write_returns(gen *g, const char *dir, FILE *all, int quarters)
{
    size_t len = strlen(dir) + 64;
    char *path = malloc(len), row[64];
    long written = 0;
    if (!path)
        return -1;
    snprintf(path, len, "%s/returns", dir);
    if (mkdir(path, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "gen: cannot make %s: %s\n", path, strerror(errno));
        free(path);
        return -1;
    }
    fputs("ref,period,value\n", all);
    for (int k = 0; k < quarters && written >= 0; k++) {
        int y = g->first + k / 4, q = k % 4 + 1;
        snprintf(path, len, "%s/returns/%d-%02d-Q%d.csv", dir, y, (y + 1) % 100, q);
        FILE *r = fopen(path, "w");
        if (!r) {
            fprintf(stderr, "gen: cannot write %s\n", path);
            written = -1;
            break;
        }
        fputs("ref,period,value\n", r);
        for (int part = q; part <= (q == 4 ? 5 : q); part++)
            for (long i = 0; i < g->n; i++, written++) {
                format_row(row, g, i, y, part);
                fputs(row, r);
                fputs(row, all);
            }
        fclose(r);
    }
    free(path);
    return written;
}

int main(int argc, char **argv)
{
    int quarters = 0;
    long rows = 0;
    const char *count, *seed, *dir;
    if (argc == 6 && strcmp(argv[1], "-q") == 0 && (quarters = atoi(argv[2])) > 0) {
        count = argv[3], seed = argv[4], dir = argv[5];
    } else if (argc == 5 && strcmp(argv[1], "-q") != 0) {
        count = argv[1], rows = atol(argv[2]), seed = argv[3], dir = argv[4];
    } else {
        fprintf(stderr, "usage: gen INDICATORS ROWS SEED DIR\n       gen -q QUARTERS INDICATORS SEED DIR\n");
        return 2;
    }
    gen g = {.n = atol(count)};
    state = strtoull(seed, NULL, 10) * 2654435761u + 7;
    long years;
    if (quarters) {
        years = (quarters + 3) / 4;
        g.target_years = (int)years;
    } else {
        /* enough financial years for the rows: five periods (four quarters and the year) an indicator a year */
        years = rows / (g.n * 5 > 0 ? g.n * 5 : 1) + 2;
        if (years > 190)
            years = 190;
        g.target_years = 3;
    }
    g.first = 2000, g.last = g.first + (int)years - 1;
    g.plan = open_in(dir, "plan.plan");
    g.json = open_in(dir, "plan.json");
    g.targets = open_in(dir, "targets.csv");   /* the targets again, flat, for the SQL the evaluator is compared with */
    FILE *r = open_in(dir, "results.csv");
    g.bases = g.n > 0 ? malloc((size_t)g.n * sizeof *g.bases) : NULL;
    if (!g.plan || !g.json || !g.targets || !r || !g.bases) {
        fprintf(stderr, "gen: cannot write into %s\n", dir);
        return 2;
    }
    write_plan(&g);
    long written = quarters ? write_returns(&g, dir, r, quarters) : write_results(&g, r, rows);
    free(g.bases);
    fclose(g.targets);
    fclose(g.plan);
    fclose(g.json);
    fclose(r);
    if (written < 0)
        return 2;
    fprintf(stderr, "gen: %ld indicators, %ld result rows, years %d/%02d to %d/%02d\n", g.n, written, g.first,
            (g.first + 1) % 100, g.last, (g.last + 1) % 100);
    return 0;
}
