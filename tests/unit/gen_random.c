/* Writes a random plan and a results file for it, deterministic from a seed, for the differential
 * test: usage gen_random SEED PLAN_OUT RESULTS_OUT [--sql].  The plans use every kind of target, method,
 * tolerance, amendment, revision, benchmark and formula, and always check clean.  With --sql, only what
 * the SQL back end compiles (tests/sql.sh): formulas (over an indicator and the input 'pop') as
 * without it, but no benchmark as a target, a baseline always (for 'maintain'); the random draws stay
 * the same, so a seed gives the same plan otherwise. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long state;

static unsigned rnd(unsigned n)
{
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return (unsigned)((state >> 33) % n);
}

static double value(int percent)
{
    if (percent)
        return rnd(1001) / 10.0;
    return (double)rnd(5000) + rnd(10) / 10.0 * rnd(2);
}

int main(int argc, char **argv)
{
    bool sql = argc == 5 && strcmp(argv[4], "--sql") == 0;
    if (argc != 4 && !sql) {
        fprintf(stderr, "usage: gen_random SEED PLAN RESULTS [--sql]\n");
        return 2;
    }
    state = strtoull(argv[1], NULL, 10) * 2654435761u + 1;
    FILE *p = fopen(argv[2], "w"), *r = fopen(argv[3], "w");
    if (!p || !r)
        return 2;
    static const char *const schemes[] = {"imp", "ach", "pp"};
    static int is_percent[4096];
    fprintf(p, "plan \"Random %s\" { organisation \"Generated\"; covers 2020/21 to 2021/22; reported quarterly; rating %s }\n",
            argv[1], schemes[rnd(3)]);
    fputs("rating imp \"Improvement\" { method improvement; band green (G) at 100%; band green_amber (GA) at 80%;\n"
          "  band red_amber (RA) at 65%; band red (R) otherwise }\n"
          "rating ach \"Achievement\" { method achievement; band green (G) at 100%; band amber (A) at 90%; band red (R) otherwise }\n"
          "rating pp \"Points\" { method points; band green (G) within 0 pts; band amber (A) within 5 pts; band red (R) otherwise }\n"
          "benchmark eng \"England\"\ninput pop \"Population\" { unit count }\n",
          p);
    fputs("ref,period,value,rating,override,reason,comment,benchmark:eng\n", r);
    int n = 0;
    int npillars = 1 + (int)rnd(3);
    for (int pi = 0; pi < npillars; pi++) {
        fprintf(p, "pillar p%d \"Pillar %d\" {\n", pi, pi);
        int nthemes = 1 + (int)rnd(3);
        for (int ti = 0; ti < nthemes; ti++) {
            fprintf(p, "  theme t%d_%d \"Theme %d.%d\" {\n    outcome o%d_%d \"Outcome\"\n", pi, ti, pi, ti, pi, ti);
            int nind = 1 + (int)rnd(6);
            for (int k = 0; k < nind; k++, n++) {
                int percent = rnd(2), pol = (int)rnd(5); /* 0-1 bigger, 2-3 smaller, 4 monitor */
                int quarterly = rnd(2), ytd = quarterly && !percent && rnd(2);
                int operand = n > 0 ? (int)rnd((unsigned)n) : 0;
                int derived = n > 1 && !percent && !is_percent[operand] && rnd(5) == 0;
                is_percent[n] = percent;
                fprintf(p, "    indicator i%d \"R/%d\" \"Indicator %d, \\\"quoted\\\" £\" {\n      measures o%d_%d; polarity %s; unit %s\n",
                        n, n, n, pi, ti, pol < 2 ? "bigger" : pol < 4 ? "smaller" : "monitor", percent ? "percent" : "count");
                if (rnd(3) == 0)
                    fprintf(p, "      rating %s\n", schemes[rnd(3)]);
                if (rnd(2))
                    fprintf(p, "      decimals %u\n", rnd(3));
                fprintf(p, "      frequency %s\n", quarterly ? "quarterly" : "annual");
                if (ytd)
                    fputs("      accumulates year_to_date\n", p);
                if (rnd(3) == 0)
                    fprintf(p, "      arrears 1\n");
                if (rnd(3) == 0)
                    fprintf(p, "      tolerance %.1f %s\n", rnd(50) / 10.0, percent ? "pts" : "");
                if (rnd(2) || sql)
                    fprintf(p, "      baseline %g in 2019/20\n", value(percent));
                if (rnd(4) == 0)
                    fprintf(p, "      revised in 2021/22 because \"method changed\"\n");
                if (rnd(3) == 0)
                    fprintf(p, "      benchmark eng %g in 2020/21\n", value(percent));
                if (derived)
                    fprintf(p, "      formula i%d * 2 + pop / %u\n", operand, 1 + rnd(3));
                for (int y = 2020; y <= 2021 && pol != 4; y++) {
                    int kind = (int)rnd(7);
                    double v = value(percent);
                    if (kind == 0)
                        fprintf(p, "      target monitor in %d/%02d\n", y, (y + 1) % 100);
                    else if (kind == 1)
                        fprintf(p, "      target maintain in %d/%02d\n", y, (y + 1) % 100);
                    else if (kind == 2 && !sql)
                        fprintf(p, "      target benchmark eng in %d/%02d\n", y, (y + 1) % 100);
                    else if (kind == 2)
                        fprintf(p, "      target %g in %d/%02d\n", v, y, (y + 1) % 100);
                    else if (kind == 3)
                        fprintf(p, "      target %s %g in %d/%02d\n", rnd(2) ? ">=" : "<", v, y, (y + 1) % 100);
                    else
                        fprintf(p, "      target %g in %d/%02d%s\n", v, y, (y + 1) % 100, rnd(4) ? "" : " within 2");
                    if (kind >= 3 && rnd(4) == 0)
                        fprintf(p, "      amend %d/%02d to %g from %d/%02d Q%u because \"changed\"\n", y, (y + 1) % 100,
                                value(percent), y, (y + 1) % 100, 1 + rnd(4));
                    if (quarterly)
                        for (int q = 1; q <= 4; q++)
                            if (rnd(3) == 0)
                                fprintf(p, "      target %g in %d/%02d Q%d\n", value(percent), y, (y + 1) % 100, q);
                }
                fputs("    }\n", p);
                /* results: last year and both plan years, annual and quarterly */
                for (int y = 2019; y <= 2021; y++)
                    for (int q = 0; q <= 4; q++) {
                        if (rnd(4) == 0 || (q && !quarterly))
                            continue;
                        char per[16];
                        if (q)
                            snprintf(per, sizeof per, "%d/%02d Q%d", y, (y + 1) % 100, q);
                        else
                            snprintf(per, sizeof per, "%d/%02d", y, (y + 1) % 100);
                        unsigned st = rnd(12);
                        const char *rating = pol == 4 ? "" : (const char *[]){"", "G", "R", ""}[rnd(4)];
                        const char *bench_sch_ok = rnd(2) ? "61.5" : "";
                        if (st == 0)
                            fprintf(r, "R/%d,%s,not available,,,,,%s\n", n, per, bench_sch_ok);
                        else if (st == 1)
                            fprintf(r, "i%d,%s,not yet available,,,,,\n", n, per);
                        else if (st == 2 && pol != 4)
                            fprintf(r, "R/%d,%s,%g%s,,R,Agreed at board,,\n", n, per, value(percent), percent ? "%" : "");
                        else
                            fprintf(r, "R/%d,%s,%g,%s,,,%s,%s\n", n, per, value(percent), rating,
                                    rnd(3) ? "" : "\"Comment, with \"\"quotes\"\"\"", bench_sch_ok);
                    }
            }
            fputs("  }\n", p);
        }
        fputs("}\n", p);
    }
    for (int y = 2020; y <= 2021; y++)
        fprintf(r, "pop,%d/%02d,%u,,,,,\n", y, (y + 1) % 100, rnd(3) ? 250000 + rnd(1000) : 0);
    fclose(p);
    fclose(r);
    return 0;
}
