/* The rating engine, case by case: each case is a small plan and a results file, evaluated for a
 * period, with the band, direction of travel and flags it must give.  Prints PASS/FAIL lines. */
#include "case_plan.h"
#include "strbuf.h"

static int failures;

static const char *header =
    "plan \"Cases\" { covers 2018/19 to 2020/21; rating barnet_2016 }\n"
    "rating barnet_2016 \"Improvement\" { method improvement\n"
    "  band green (G) at 100%; band green_amber (GA) at 80%; band red_amber (RA) at 65%; band red (R) otherwise }\n"
    "rating rag3 \"Achievement\" { method achievement\n"
    "  band green (G) at 100%; band amber (A) at 90%; band red (R) otherwise }\n"
    "rating points_off \"Points\" { method points\n"
    "  band green (G) within 0 pts; band amber (A) within 5 pts; band red (R) otherwise }\n"
    "benchmark england \"England average\"\n"
    "input population \"Population\" { unit count }\n"
    "pillar p \"P\" { theme t \"T\" {\n";

typedef struct Case {
    const char *name;
    const char *indicators;     /* inside the theme; the one under test is `x` */
    const char *results;        /* CSV rows after the header ref,period,value,... */
    const char *columns;        /* header, NULL for the default */
    const char *period;
    const char *band;           /* expected band id, "-" for not rated */
    const char *dot;            /* expected direction of travel, "" for none; NULL: not checked */
    int exception;              /* -1: not checked */
    /* over time (issue 14); NULL: not checked */
    const char *dot_short;      /* expected short-term direction of travel */
    const char *quality;        /* the data-quality codes expected, space-separated ("" for none) */
    const char *forecast;       /* "miss", "meet" or "none" */
    const char *plan_extra;     /* statements added to the plan header */
} Case;

static const Case cases[] = {
    {"improvement: all of the targeted improvement is green",
     "indicator x \"X\" { polarity bigger; baseline 100 in 2018/19; target 200 in 2019/20 }", "x,2019/20,200", NULL,
     "2019/20", "green", NULL, -1, NULL, NULL, NULL, NULL},
    {"improvement: exactly 80% is green amber (edges belong to the higher band)",
     "indicator x \"X\" { polarity bigger; baseline 100 in 2018/19; target 200 in 2019/20 }", "x,2019/20,180", NULL,
     "2019/20", "green_amber", NULL, -1, NULL, NULL, NULL, NULL},
    {"improvement: 79.9% is red amber",
     "indicator x \"X\" { polarity bigger; baseline 100 in 2018/19; target 200 in 2019/20 }", "x,2019/20,179.9", NULL,
     "2019/20", "red_amber", NULL, -1, NULL, NULL, NULL, NULL},
    {"improvement: exactly 65% is red amber",
     "indicator x \"X\" { polarity bigger; baseline 100 in 2018/19; target 200 in 2019/20 }", "x,2019/20,165", NULL,
     "2019/20", "red_amber", NULL, -1, NULL, NULL, NULL, NULL},
    {"improvement: 64% is red",
     "indicator x \"X\" { polarity bigger; baseline 100 in 2018/19; target 200 in 2019/20 }", "x,2019/20,164", NULL,
     "2019/20", "red", NULL, -1, NULL, NULL, NULL, NULL},
    {"improvement: 0.1 + 0.2 style rounding does not push 80% below the edge",
     "indicator x \"X\" { polarity bigger; unit percent; baseline 0.1 in 2018/19; target 0.6 in 2019/20 }",
     "x,2019/20,0.5", NULL, "2019/20", "green_amber", NULL, -1, NULL, NULL, NULL, NULL},
    {"improvement, smaller is better: 80% of a reduction is green amber",
     "indicator x \"X\" { polarity smaller; baseline 20 in 2018/19; target 10 in 2019/20 }", "x,2019/20,12", NULL,
     "2019/20", "green_amber", NULL, -1, NULL, NULL, NULL, NULL},
    {"improvement, smaller is better: getting worse is red",
     "indicator x \"X\" { polarity smaller; baseline 20 in 2018/19; target 10 in 2019/20 }", "x,2019/20,21", NULL,
     "2019/20", "red", NULL, -1, NULL, NULL, NULL, NULL},
    {"improvement: last year's result is the baseline when none is declared",
     "indicator x \"X\" { polarity bigger; target 200 in 2019/20 }", "x,2019/20,190\nx,2018/19,100", NULL, "2019/20",
     "green_amber", "Improving", -1, NULL, NULL, NULL, NULL},
    {"improvement: a target no better than the baseline is rated by achievement (met)",
     "indicator x \"X\" { polarity bigger; baseline 12 in 2018/19; target 10 in 2019/20 }", "x,2019/20,10", NULL,
     "2019/20", "green", NULL, -1, NULL, NULL, NULL, NULL},
    {"improvement: a target no better than the baseline is rated by achievement (90%)",
     "indicator x \"X\" { polarity bigger; baseline 12 in 2018/19; target 10 in 2019/20 }", "x,2019/20,9", NULL,
     "2019/20", "green_amber", NULL, -1, NULL, NULL, NULL, NULL},
    {"achievement: 90% of target is amber",
     "indicator x \"X\" { polarity bigger; rating rag3; target 100 in 2019/20 }", "x,2019/20,90", NULL, "2019/20",
     "amber", NULL, -1, NULL, NULL, NULL, NULL},
    {"achievement: 89.9% of target is red",
     "indicator x \"X\" { polarity bigger; rating rag3; target 100 in 2019/20 }", "x,2019/20,89.9", NULL, "2019/20",
     "red", NULL, -1, NULL, NULL, NULL, NULL},
    {"achievement, smaller is better: target / result",
     "indicator x \"X\" { polarity smaller; rating rag3; target 10 in 2019/20 }", "x,2019/20,11", NULL, "2019/20",
     "amber", NULL, -1, NULL, NULL, NULL, NULL},
    {"achievement, smaller is better: a result of 0 meets a target of 0",
     "indicator x \"X\" { polarity smaller; rating rag3; target 0 in 2019/20 }", "x,2019/20,0", NULL, "2019/20",
     "green", NULL, -1, NULL, NULL, NULL, NULL},
    {"points: 3 points short is amber",
     "indicator x \"X\" { polarity bigger; unit percent; rating points_off; target 80% in 2019/20 }", "x,2019/20,77%",
     NULL, "2019/20", "amber", NULL, -1, NULL, NULL, NULL, NULL},
    {"points: exactly 5 points short is amber",
     "indicator x \"X\" { polarity bigger; unit percent; rating points_off; target 80% in 2019/20 }", "x,2019/20,75%",
     NULL, "2019/20", "amber", NULL, -1, NULL, NULL, NULL, NULL},
    {"points: 6 points short is red",
     "indicator x \"X\" { polarity bigger; unit percent; rating points_off; target 80% in 2019/20 }", "x,2019/20,74",
     NULL, "2019/20", "red", NULL, -1, NULL, NULL, NULL, NULL},
    {"tolerance: within the survey's confidence interval counts as met",
     "indicator x \"X\" { polarity bigger; unit percent; rating rag3; tolerance 4.4 pts; target 81% in 2019/20 }",
     "x,2019/20,77", NULL, "2019/20", "green", NULL, -1, NULL, NULL, NULL, NULL},
    {"tolerance: just outside the interval is rated by the method",
     "indicator x \"X\" { polarity bigger; unit percent; rating rag3; tolerance 4.4 pts; target 81% in 2019/20 }",
     "x,2019/20,76.5", NULL, "2019/20", "amber", NULL, -1, NULL, NULL, NULL, NULL},
    {"tolerance on one target only ('within')",
     "indicator x \"X\" { polarity bigger; unit percent; rating rag3; target 81% in 2019/20 within 3 pts }",
     "x,2019/20,79", NULL, "2019/20", "green", NULL, -1, NULL, NULL, NULL, NULL},
    {"threshold: '>= 20000' met exactly is green",
     "indicator x \"X\" { polarity bigger; rating rag3; target >= 20000 in 2019/20 }", "x,2019/20,20000", NULL,
     "2019/20", "green", NULL, -1, NULL, NULL, NULL, NULL},
    {"threshold: '< 18 weeks' at exactly 18 is missed, and never green",
     "indicator x \"X\" { polarity smaller; unit weeks; rating rag3; target < 18 weeks in 2019/20 }",
     "x,2019/20,18", NULL, "2019/20", "amber", NULL, -1, NULL, NULL, NULL, NULL},
    {"threshold: '< 18 weeks' at 32 weeks is red",
     "indicator x \"X\" { polarity smaller; unit weeks; rating rag3; target < 18 weeks in 2019/20 }",
     "x,2019/20,32", NULL, "2019/20", "red", NULL, -1, NULL, NULL, NULL, NULL},
    {"monitor target: reported, not rated, with a direction of travel",
     "indicator x \"X\" { polarity smaller; target monitor in 2019/20 }", "x,2019/20,34\nx,2018/19,36", NULL, "2019/20",
     "-", "Improving", 0, NULL, NULL, NULL, NULL},
    {"monitor-only with 'direction smaller': a direction of travel all the same",
     "indicator x \"X\" { polarity monitor; direction smaller }", "x,2019/20,34\nx,2018/19,36", NULL, "2019/20", "-",
     "Improving", 0, NULL, NULL, NULL, NULL},
    {"monitor-only polarity: not rated and no direction of travel",
     "indicator x \"X\" { polarity monitor }", "x,2019/20,34\nx,2018/19,36", NULL, "2019/20", "-", "", 0, NULL, NULL, NULL, NULL},
    {"amendment: the amended target is in force after it took effect",
     "indicator x \"X\" { polarity bigger; rating rag3; target 900 in 2019/20\n"
     "  amend 2019/20 to 1126 from 2019/20 Q3 because \"extended\" }",
     "x,2019/20,1020", NULL, "2019/20", "amber", NULL, -1, NULL, NULL, NULL, NULL},
    {"amendment: the original target is in force before it took effect",
     "indicator x \"X\" { polarity bigger; rating rag3; frequency quarterly; target 900 in 2019/20\n"
     "  amend 2019/20 to 1126 from 2019/20 Q3 because \"extended\" }",
     "x,2019/20 Q2,1000", NULL, "2019/20 Q2", "green", NULL, -1, NULL, NULL, NULL, NULL},
    {"cumulative profile: the quarter's own target, not the year's",
     "indicator x \"X\" { polarity bigger; rating rag3; frequency quarterly; accumulates year_to_date\n"
     "  target 200 in 2019/20 Q2; target 500 in 2019/20 }",
     "x,2019/20 Q2,200", NULL, "2019/20 Q2", "green", NULL, -1, NULL, NULL, NULL, NULL},
    {"cumulative profile: no quarterly target, no rating",
     "indicator x \"X\" { polarity bigger; rating rag3; frequency quarterly; accumulates year_to_date\n"
     "  target 500 in 2019/20 }",
     "x,2019/20 Q2,200", NULL, "2019/20 Q2", "-", NULL, -1, NULL, NULL, NULL, NULL},
    {"snapshot: the year's target holds in each quarter",
     "indicator x \"X\" { polarity bigger; unit percent; rating rag3; frequency quarterly; target 95% in 2019/20 }",
     "x,2019/20 Q2,94", NULL, "2019/20 Q2", "amber", NULL, -1, NULL, NULL, NULL, NULL},
    {"direction of travel: same when equal as printed",
     "indicator x \"X\" { polarity bigger; decimals 1; target monitor in 2019/20 }", "x,2019/20,72.04\nx,2018/19,72.0",
     NULL, "2019/20", "-", "Same", -1, NULL, NULL, NULL, NULL},
    {"direction of travel: smaller is better and smaller is improving",
     "indicator x \"X\" { polarity smaller }", "x,2019/20,5\nx,2018/19,6", NULL, "2019/20", "-", "Improving", -1, NULL, NULL, NULL, NULL},
    {"direction of travel: bigger is better and smaller is worsening",
     "indicator x \"X\" { polarity bigger }", "x,2019/20,5\nx,2018/19,6", NULL, "2019/20", "-", "Worsening", -1, NULL, NULL, NULL, NULL},
    {"direction of travel: new with no result last year",
     "indicator x \"X\" { polarity bigger }", "x,2019/20,5", NULL, "2019/20", "-", "New", -1, NULL, NULL, NULL, NULL},
    {"direction of travel: not comparable across a method change",
     "indicator x \"X\" { polarity smaller; revised in 2019/20 because \"ONS population estimates\" }",
     "x,2019/20,528.3\nx,2018/19,334.4", NULL, "2019/20", "-", "Not comparable", -1, NULL, NULL, NULL, NULL},
    {"direction of travel: a restated result in the plan is last year's result",
     "indicator x \"X\" { polarity smaller; result 334.4 in 2018/19 restated from 381.4 because \"recalculated\" }",
     "x,2019/20,340", NULL, "2019/20", "-", "Worsening", -1, NULL, NULL, NULL, NULL},
    {"override: the manual rating replaces the computed one",
     "indicator x \"X\" { polarity bigger; rating rag3; target 100 in 2019/20 }",
     "x,2019/20,50,R,G,Agreed by the board", "ref,period,value,rating,override,reason", "2019/20", "green", NULL, -1, NULL, NULL, NULL, NULL},
    {"exception: below target without commentary",
     "indicator x \"X\" { polarity bigger; rating rag3; target 100 in 2019/20 }", "x,2019/20,50", NULL, "2019/20", "red",
     NULL, 1, NULL, NULL, NULL, NULL},
    {"exception: below target with commentary is not one",
     "indicator x \"X\" { polarity bigger; rating rag3; target 100 in 2019/20 }", "x,2019/20,50,Staff shortages",
     "ref,period,value,comment", "2019/20", "red", NULL, 0, NULL, NULL, NULL, NULL},
    {"benchmark target: resolved from the results file",
     "indicator x \"X\" { polarity bigger; unit percent; rating rag3; target benchmark england in 2019/20 }",
     "x,2019/20,70,76.2", "ref,period,value,benchmark:england", "2019/20", "amber", NULL, -1, NULL, NULL, NULL, NULL},
    {"benchmark target: resolved from the plan's own value",
     "indicator x \"X\" { polarity bigger; unit percent; rating rag3; target benchmark england in 2019/20\n"
     "  benchmark england 76.2% in 2018/19 }",
     "x,2019/20,77", NULL, "2019/20", "green", NULL, -1, NULL, NULL, NULL, NULL},
    {"benchmark target: no value anywhere, not rated",
     "indicator x \"X\" { polarity bigger; unit percent; rating rag3; target benchmark england in 2019/20 }",
     "x,2019/20,77", NULL, "2019/20", "-", NULL, -1, NULL, NULL, NULL, NULL},
    {"maintain: the target is the baseline",
     "indicator x \"X\" { polarity bigger; unit percent; rating rag3; baseline 80% in 2018/19; target maintain in 2019/20 }",
     "x,2019/20,79", NULL, "2019/20", "amber", NULL, -1, NULL, NULL, NULL, NULL},
    {"derived: a formula over an indicator and an input",
     "indicator adm \"Admissions\" { polarity smaller; unit count }\n"
     "indicator x \"X\" { polarity smaller; rating rag3; unit rate per 100000; target 500 in 2019/20\n"
     "  formula adm / population * 100000 }",
     "adm,2019/20,100\npopulation,2019/20,25000", NULL, "2019/20", "green", NULL, -1, NULL, NULL, NULL, NULL},
    {"derived: division by zero is not available, not a crash",
     "indicator adm \"Admissions\" { polarity smaller; unit count }\n"
     "indicator x \"X\" { polarity smaller; rating rag3; target 500 in 2019/20; formula adm / population * 100000 }",
     "adm,2019/20,100\npopulation,2019/20,0", NULL, "2019/20", "-", NULL, -1, NULL, NULL, NULL, NULL},
    {"arrears: a year's report takes the quarter a quarter behind",
     "indicator x \"X\" { polarity bigger; rating rag3; frequency quarterly; arrears 1; target 100 in 2019/20 Q3 }",
     "x,2019/20 Q3,100", NULL, "2019/20", "green", NULL, -1, NULL, NULL, NULL, NULL},
    {"not available: reported, not rated",
     "indicator x \"X\" { polarity bigger; rating rag3; target 100 in 2019/20 }", "x,2019/20,not available", NULL,
     "2019/20", "-", "", -1, NULL, NULL, NULL, NULL},
    /* ---- over time ---- */
    {"DOT: the baseline stands in for the year before the plan (no longer New)",
     "indicator x \"X\" { polarity bigger; rating rag3; baseline 90 in 2017/18; target 100 in 2018/19 }",
     "x,2018/19,95", NULL, "2018/19", "amber", "Improving", -1, "Improving", NULL, NULL, NULL},
    {"DOT: short term against the quarter before, long term against a year earlier",
     "indicator x \"X\" { polarity bigger; rating rag3; target 100 in 2019/20 }",
     "x,2018/19 Q2,99\nx,2019/20 Q1,97\nx,2019/20 Q2,98", NULL, "2019/20 Q2", "amber", "Worsening", -1, "Improving",
     NULL, NULL, NULL},
    {"DOT: the quarter before Q1 is last year's Q4",
     "indicator x \"X\" { polarity smaller; rating rag3; target 100 in 2019/20 }",
     "x,2018/19 Q4,90\nx,2019/20 Q1,95", NULL, "2019/20 Q1", "green", "New", -1, "Worsening", NULL, NULL, NULL},
    {"year: with no row for the year, the Q4 row is the year's figure",
     "indicator x \"X\" { polarity bigger; rating rag3; frequency quarterly; target 100 in 2019/20 }",
     "x,2019/20 Q4,100", NULL, "2019/20", "green", NULL, -1, NULL, NULL, NULL, NULL},
    {"year to date: at Q4 the year's target applies (only an annual target)",
     "indicator x \"X\" { polarity bigger; rating rag3; accumulates year_to_date; target 400 in 2019/20 }",
     "x,2019/20 Q4,380", NULL, "2019/20 Q4", "amber", NULL, -1, NULL, NULL, NULL, NULL},
    {"year to date: at Q2 only an annual target: not rated",
     "indicator x \"X\" { polarity bigger; rating rag3; accumulates year_to_date; target 400 in 2019/20 }",
     "x,2019/20 Q2,180", NULL, "2019/20 Q2", "-", NULL, -1, NULL, NULL, "none", NULL},
    {"Q001: 0.88 for a percentage targeted at 88%",
     "indicator x \"X\" { polarity bigger; unit percent; rating rag3; target 88% in 2019/20 }",
     "x,2019/20,0.88", NULL, "2019/20", "red", NULL, -1, NULL, "Q001", NULL, NULL},
    {"Q001: 0.5% is not a fraction when the target is 1%",
     "indicator x \"X\" { polarity smaller; unit percent; rating rag3; target 1% in 2019/20 }",
     "x,2019/20,0.5", NULL, "2019/20", "green", NULL, -1, NULL, "", NULL, NULL},
    {"Q002: a fourfold jump with little history",
     "indicator x \"X\" { polarity smaller; rating rag3; target 3000 in 2019/20 }",
     "x,2019/20 Q1,2700\nx,2019/20 Q2,10800", NULL, "2019/20 Q2", "red", NULL, -1, NULL, "Q002", NULL, NULL},
    {"Q002: a threefold change is within the default multiple with little history",
     "indicator x \"X\" { polarity smaller; rating rag3; target 3000 in 2019/20 }",
     "x,2019/20 Q1,2700\nx,2019/20 Q2,8000", NULL, "2019/20 Q2", "red", NULL, -1, NULL, "", NULL, NULL},
    {"Q002: a change beyond three times the usual change",
     "indicator x \"X\" { polarity bigger; rating rag3; target 100 in 2019/20 }",
     "x,2018/19 Q3,100\nx,2018/19 Q4,102\nx,2019/20 Q1,101\nx,2019/20 Q2,110", NULL, "2019/20 Q2", "green", NULL,
     -1, NULL, "Q002", NULL, NULL},
    {"Q003: a quarterly indicator with no return in a quarter",
     "indicator x \"X\" { polarity bigger; rating rag3; frequency quarterly; target 100 in 2019/20 }\n"
     "indicator y \"Y\" { polarity bigger }",
     "y,2019/20 Q2,5", NULL, "2019/20 Q2", "-", NULL, -1, NULL, "Q003", NULL, NULL},
    {"Q003: an annual indicator is not due in a quarter",
     "indicator x \"X\" { polarity bigger; rating rag3; frequency annual; target 100 in 2019/20 }\n"
     "indicator y \"Y\" { polarity bigger }",
     "y,2019/20 Q2,5", NULL, "2019/20 Q2", "-", NULL, -1, NULL, "", NULL, NULL},
    {"Q004: a benchmark two years old",
     "indicator x \"X\" { polarity bigger; rating rag3; benchmark england 50 in 2017/18; target benchmark england in 2019/20 }",
     "x,2019/20,60", NULL, "2019/20", "green", NULL, -1, NULL, "Q004", NULL, NULL},
    {"Q004: last year's benchmark is not stale",
     "indicator x \"X\" { polarity bigger; rating rag3; benchmark england 50 in 2018/19; target benchmark england in 2019/20 }",
     "x,2019/20,60", NULL, "2019/20", "green", NULL, -1, NULL, "", NULL, NULL},
    {"Q005: overridden two quarters running",
     "indicator x \"X\" { polarity bigger; rating rag3; target 100 in 2019/20 }",
     "x,2019/20 Q1,80,A,recovery plan\nx,2019/20 Q2,81,A,recovery plan", "ref,period,value,override,reason",
     "2019/20 Q2", "amber", NULL, -1, NULL, "Q005", NULL, NULL},
    {"forecast profile: last year's shape says the year will fall short",
     "indicator x \"X\" { polarity bigger; rating rag3; accumulates year_to_date; target 400 in 2019/20 }",
     "x,2018/19 Q2,200\nx,2018/19 Q4,380\nx,2019/20 Q2,200", NULL, "2019/20 Q2", "-", NULL, -1, NULL, NULL, "miss",
     "forecast profile"},
    {"forecast profile: without last year, the run rate (210 over 6 months is 420)",
     "indicator x \"X\" { polarity bigger; rating rag3; accumulates year_to_date; target 400 in 2019/20 }",
     "x,2019/20 Q2,210", NULL, "2019/20 Q2", "-", NULL, -1, NULL, NULL, "meet", "forecast profile"},
    {"forecast run_rate: 180 over 6 months is 360, short of 400",
     "indicator x \"X\" { polarity bigger; rating rag3; accumulates year_to_date; target 400 in 2019/20 }",
     "x,2018/19 Q2,100\nx,2018/19 Q4,380\nx,2019/20 Q2,180", NULL, "2019/20 Q2", "-", NULL, -1, NULL, NULL, "miss",
     "forecast run_rate"},
    {"forecast: a snapshot is forecast at its latest value (smaller is better)",
     "indicator x \"X\" { polarity smaller; rating rag3; target 50 in 2019/20 }",
     "x,2019/20 Q3,55", NULL, "2019/20 Q3", "amber", NULL, -1, NULL, NULL, "miss", "forecast profile"},
    {"forecast: none at the year's last quarter",
     "indicator x \"X\" { polarity bigger; rating rag3; accumulates year_to_date; target 400 in 2019/20 }",
     "x,2019/20 Q4,390", NULL, "2019/20 Q4", "amber", NULL, -1, NULL, NULL, "none", "forecast profile"},
    {"stale 3: a two-year-old benchmark is allowed",
     "indicator x \"X\" { polarity bigger; rating rag3; benchmark england 50 in 2017/18; target benchmark england in 2019/20 }",
     "x,2019/20,60", NULL, "2019/20", "green", NULL, -1, NULL, "", NULL, "stale 3"},
    {"jump 5: a fourfold change is within the plan's multiple",
     "indicator x \"X\" { polarity smaller; rating rag3; target 3000 in 2019/20 }",
     "x,2019/20 Q1,2700\nx,2019/20 Q2,10800", NULL, "2019/20 Q2", "red", NULL, -1, NULL, "", NULL, "jump 5"},
    {"an indicator's jump overrides the plan's",
     "indicator x \"X\" { polarity smaller; rating rag3; jump 2; target 3000 in 2019/20 }",
     "x,2019/20 Q1,2700\nx,2019/20 Q2,8200", NULL, "2019/20 Q2", "red", NULL, -1, NULL, "Q002", NULL, "jump 5"},
    {"DOT: no short-term direction for a year-to-date quarter",
     "indicator x \"X\" { polarity bigger; rating rag3; accumulates year_to_date; target 200 in 2019/20 Q2 }",
     "x,2019/20 Q1,90\nx,2019/20 Q2,200", NULL, "2019/20 Q2", "green", NULL, -1, "", NULL, NULL, NULL},
};

/* The codes of the flags set on r, space-separated, into buf. */
static const char *quality_codes(const prt_rating *r, char *buf, size_t size)
{
    buf[0] = '\0';
    for (int f = 0; f < PRT_N_QUALITY_FLAGS; f++)
        if (r->quality & (1u << f))
            snprintf(buf + strlen(buf), size - strlen(buf), "%s%s", buf[0] ? " " : "", prt_quality_codes[f]);
    return buf;
}

static void run_case(const Case *c)
{
    prt_buf text = {0};
    if (c->plan_extra) {
        /* the header's plan statement, with more statements in it */
        const char *close = strchr(header, '}');
        prt_buf_printf(&text, "%.*s; %s %s%s\n} }\n", (int)(close - header), header, c->plan_extra, close, c->indicators);
    } else {
        prt_buf_printf(&text, "%s%s\n} }\n", header, c->indicators);
    }
    CasePlan cp;
    bool ok = case_plan_load(&cp, prt_buf_str(&text));
    prt_buf_free(&text);
    char detail[512] = "";
    prt_evaluation *ev = NULL;
    if (ok) {
        char csv[2048];
        snprintf(csv, sizeof csv, "%s\n%s\n", c->columns ? c->columns : "ref,period,value", c->results);
        ev = case_plan_evaluate(&cp, csv, c->period);
        ok = ev != NULL;
    }
    if (!ok) {
        snprintf(detail, sizeof detail, "%s", cp.error);
    } else {
        const prt_plan *t = cp.tables;
        int xi = -1;
        for (int i = 0; i < t->nindicators; i++)
            if (t->indicators[i].id && strcmp(t->indicators[i].id, "x") == 0)
                xi = i;
        const prt_rating *r = &ev->ratings[xi];
        const prt_scheme *s = t->indicators[xi].scheme >= 0 ? &t->schemes[t->indicators[xi].scheme] : NULL;
        const char *band = r->band >= 0 ? s->bands[r->band].id : "-";
        char codes[64];
        if (strcmp(band, c->band) != 0) {
            ok = false;
            snprintf(detail, sizeof detail, "band %s, expected %s (%s)", band, c->band, r->explanation);
        } else if (c->dot && strcmp(prt_dot_name(r->dot), c->dot) != 0) {
            ok = false;
            snprintf(detail, sizeof detail, "DOT '%s', expected '%s' (%s)", prt_dot_name(r->dot), c->dot, r->dot_explanation);
        } else if (c->exception >= 0 && r->exception != (c->exception == 1)) {
            ok = false;
            snprintf(detail, sizeof detail, "exception %d, expected %d", r->exception, c->exception);
        } else if (c->dot_short && strcmp(prt_dot_name(r->dot_short), c->dot_short) != 0) {
            ok = false;
            snprintf(detail, sizeof detail, "short-term DOT '%s', expected '%s' (%s)", prt_dot_name(r->dot_short),
                     c->dot_short, r->dot_short_explanation);
        } else if (c->quality && strcmp(quality_codes(r, codes, sizeof codes), c->quality) != 0) {
            ok = false;
            snprintf(detail, sizeof detail, "data-quality flags '%s', expected '%s'", codes, c->quality);
        } else if (c->forecast && strcmp(!r->has_forecast ? "none" : r->forecast_miss ? "miss" : "meet", c->forecast) != 0) {
            ok = false;
            snprintf(detail, sizeof detail, "forecast %s, expected %s (%s)",
                     !r->has_forecast ? "none" : r->forecast_miss ? "miss" : "meet", c->forecast, r->forecast_explanation);
        }
    }
    prt_evaluation_free(ev);
    printf("%s rating: %s%s%s\n", ok ? "PASS" : "FAIL", c->name, ok ? "" : ": ", detail);
    failures += !ok;
    case_plan_free(&cp);
}

/* What a call printed on standard error (at most size - 1 bytes), through a temporary file. */
static int stderr_of_session_open(const prt_run_options *opt, char *buf, size_t size)
{
    static const prt_plan plan = {.name = "Empty", .first_year = 2019, .last_year = 2020, .default_scheme = -1};
    fflush(stderr);
    int saved = dup(STDERR_FILENO);
    FILE *tmp = tmpfile();
    dup2(fileno(tmp), STDERR_FILENO);
    prt_session s;
    int status = prt_session_open(&s, &plan, opt);
    prt_session_close(&s);
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    rewind(tmp);
    size_t n = fread(buf, 1, size - 1, tmp);
    buf[n] = '\0';
    fclose(tmp);
    return status;
}

/* The pipeline's own checks of the option values, for a program that fills prt_run_options itself
 * (the command lines' tables refuse these words before the pipeline sees them). */
static void session_open_refuses(const char *name, prt_run_options opt, const char *message)
{
    char got[512];
    opt.progname = "embedder";
    static const char *const results[] = {"results.csv"};
    opt.results = results;
    opt.nresults = 1;
    if (!opt.period)
        opt.period = "2019/20";
    int status = stderr_of_session_open(&opt, got, sizeof got);
    bool ok = status == 2 && strcmp(got, message) == 0;
    printf("%s session: %s%s%s\n", ok ? "PASS" : "FAIL", name, ok ? "" : ": got ", ok ? "" : got);
    failures += !ok;
}

int main(void)
{
    session_open_refuses("an unknown --diagnostics-format", (prt_run_options){.diagnostics_format = "xml"},
                         "embedder: error: --diagnostics-format takes text, json, sarif or github\n");
    session_open_refuses("an unknown --color", (prt_run_options){.color = "sometimes"},
                         "embedder: error: --color takes auto, always or never\n");
    session_open_refuses("a period outside the plan", (prt_run_options){.period = "2030/31"},
                         "embedder: error: period 2030/31 is outside the plan, which covers 2019/20 to 2020/21\n");
    {
        /* an embedder that names no results file (the command lines' tables require --results) */
        char got[512];
        prt_run_options opt = {.progname = "embedder", .period = "2019/20"};
        int status = stderr_of_session_open(&opt, got, sizeof got);
        bool ok = status == 2 && strcmp(got, "embedder: error: --results is required\n") == 0;
        printf("%s session: no results file%s%s\n", ok ? "PASS" : "FAIL", ok ? "" : ": got ", ok ? "" : got);
        failures += !ok;
    }
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        run_case(&cases[i]);
    return failures ? 1 : 0;
}
