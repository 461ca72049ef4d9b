/* bench/gen: realistic synthetic plans and results, deterministic from a seed, for the benchmarks.
 *   gen INDICATORS ROWS SEED DIR   writes DIR/plan.plan, DIR/plan.json (the same plan as JSON, for
 *   the JSON Schema comparison) and DIR/results.csv (ROWS result rows).
 * Plans have pillars, themes, outcomes and indicators with polarity, units, baselines, annual targets
 * and quarterly profiles, tolerances, amendments and derived formulas, in the proportions of the
 * Barnet frameworks; results cover quarters and years, as many years as ROWS needs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long state;

static unsigned rnd(unsigned n)
{
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return (unsigned)((state >> 33) % n);
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: gen INDICATORS ROWS SEED DIR\n");
        return 2;
    }
    long n = atol(argv[1]), rows = atol(argv[2]);
    state = strtoull(argv[3], NULL, 10) * 2654435761u + 7;
    char path[4096];
    snprintf(path, sizeof path, "%s/plan.plan", argv[4]);
    FILE *p = fopen(path, "w");
    snprintf(path, sizeof path, "%s/plan.json", argv[4]);
    FILE *j = fopen(path, "w");
    snprintf(path, sizeof path, "%s/results.csv", argv[4]);
    FILE *r = fopen(path, "w");
    /* the targets again, flat, for the SQL the evaluator is compared with */
    snprintf(path, sizeof path, "%s/targets.csv", argv[4]);
    FILE *tg = fopen(path, "w");
    if (!p || !j || !r || !tg || n < 1) {
        fprintf(stderr, "gen: cannot write into %s\n", argv[4]);
        return 2;
    }
    fputs("ref,year,target,polarity,tolerance\n", tg);
    /* enough financial years for the rows: five periods (four quarters and the year) an indicator a year */
    long years = rows / (n * 5) + 2;
    if (years > 190)
        years = 190;
    int first = 2000, last = first + (int)years - 1;
    fprintf(p, "plan \"Synthetic %ld\" {\n    organisation \"Benchmark Borough\"\n    covers %d/%02d to %d/%02d\n"
               "    reported quarterly\n    rating rag\n}\n\n",
            n, first, (first + 1) % 100, last, (last + 1) % 100);
    fputs("rating rag \"Red / Amber / Green\" {\n    method achievement\n    band green \"Green\" (G) at 100%\n"
          "    band amber \"Amber\" (A) at 90%\n    band red \"Red\" (R) otherwise\n}\n\n",
          p);
    fprintf(j, "{\"plan\": {\"name\": \"Synthetic %ld\", \"organisation\": \"Benchmark Borough\", \"covers\": [\"%d/%02d\", "
               "\"%d/%02d\"], \"reported\": \"quarterly\", \"rating\": \"rag\"},\n \"ratings\": [{\"id\": \"rag\", \"method\": "
               "\"achievement\", \"bands\": [{\"id\": \"green\", \"at\": 100}, {\"id\": \"amber\", \"at\": 90}, {\"id\": \"red\", "
               "\"otherwise\": true}]}],\n \"pillars\": [",
            n, first, (first + 1) % 100, last, (last + 1) % 100);
    long per_theme = 7, themes = (n + per_theme - 1) / per_theme, per_pillar = 4;
    long k = 0;
    double *bases = malloc((size_t)n * sizeof *bases);   /* results scatter around each baseline */
    if (!bases)
        return 2;
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
        for (long i = 0; i < per_theme && k < n; i++, k++) {
            int percent = rnd(2), bigger = rnd(3) != 0, quarterly = rnd(3) != 0;
            double base = percent ? 40 + rnd(400) / 10.0 : 100 + rnd(5000);
            double target = bigger ? base * 1.1 : base * 0.9;
            bases[k] = base;
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
            for (int y = first; y <= last && y < first + 3; y++) {
                fprintf(tg, "REF/%ld,%d/%02d,%.1f,%s,%.1f\n", k, y, (y + 1) % 100, target, bigger ? "bigger" : "smaller", tol);
                fprintf(p, "            target %.1f%s in %d/%02d\n", target, percent ? "%" : "", y, (y + 1) % 100);
                fprintf(j, "%s{\"value\": %.1f, \"period\": \"%d/%02d\"}", y > first ? ", " : "", target, y, (y + 1) % 100);
            }
            fputs("]}", j);
            if (rnd(10) == 0)
                fprintf(p, "            amend %d/%02d to %.1f%s from %d/%02d Q3 because \"revised in year\"\n", first,
                        (first + 1) % 100, target, percent ? "%" : "", first, (first + 1) % 100);
            fputs("        }\n", p);
        }
        fputs("    }\n", p);
        fputs("]}", j);
    }
    fputs("}\n", p);
    fputs("]}\n ]\n}\n", j);

    /* results: indicator by indicator, year by year, the quarters then the year */
    fputs("ref,period,value\n", r);
    long written = 0;
    for (int y = first - 1; y <= last && written < rows; y++)
        for (int q = 1; q <= 5 && written < rows; q++)
            for (long i = 0; i < n && written < rows; i++, written++) {
                double v = bases[i] * (0.8 + rnd(400) / 1000.0);
                if (v > 100 && bases[i] <= 100)
                    v = 100;   /* percentages stay percentages */
                if (q <= 4)
                    fprintf(r, "REF/%ld,%d/%02d Q%d,%.1f\n", i, y, (y + 1) % 100, q, v);
                else
                    fprintf(r, "REF/%ld,%d/%02d,%.1f\n", i, y, (y + 1) % 100, v);
            }
    free(bases);
    fclose(tg);
    fclose(p);
    fclose(j);
    fclose(r);
    fprintf(stderr, "gen: %ld indicators, %ld result rows, years %d/%02d to %d/%02d\n", n, written, first,
            (first + 1) % 100, last, (last + 1) % 100);
    return 0;
}
