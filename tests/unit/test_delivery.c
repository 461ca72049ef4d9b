/* The delivery rules, case by case (docs/rating.md, "Delivery"): each case is an activity in a small
 * plan with two delivery schemes, and a return, rated for a period, with the band, whether it is
 * overdue, on target and an exception.  Prints PASS/FAIL lines. */
#include "case_plan.h"
#include "strbuf.h"

static int failures;

static const char *header =
    "plan \"Cases\" { covers 2023/24 to 2024/25; delivery four }\n"
    "delivery four \"Four bands\" {\n"
    "  band met \"Met\" (G) when not_started, on_track, complete\n"
    "  band low \"Low\" (A) when delayed impact low\n"
    "  band medium \"Medium\" (RA) when delayed impact medium\n"
    "  band high \"High\" (R) otherwise\n"
    "  overdue worsens 1 }\n"
    "delivery floor \"Overdue is at best medium\" {\n"
    "  band met \"Met\" when on_track, complete, not_started; band medium \"Medium\" when delayed\n"
    "  band high \"High\" otherwise; overdue at medium }\n"
    "delivery lenient \"Overdue changes nothing\" {\n"
    "  band met \"Met\" when on_track, complete, not_started; band high \"High\" otherwise }\n"
    "delivery judged \"By judgement\" { band good \"Good\"; band fair \"Fair\" }\n"
    "pillar p \"P\" { theme t \"T\" {\n";

typedef struct Case {
    const char *name;
    const char *activity;       /* statements inside activity x */
    const char *results;        /* rows after the header ref,period,value,status,impact,completed,override,reason */
    const char *period;
    const char *band;           /* expected band id, "-" for none */
    int overdue, on_target, exception;
    const char *explains;       /* a part of the explanation expected, or NULL */
} Case;

static const Case cases[] = {
    {"a state falls in the band that takes it", "", "x,2023/24 Q2,,on_track,,,,", "2023/24 Q2", "met", 0, 1, 0, "Met: On track"},
    {"a state with its impact", "", "x,2023/24 Q2,,delayed,medium,,,", "2023/24 Q2", "medium", 0, 0, 1, "Delayed, medium impact"},
    {"a state with no impact where the bands ask for one falls to otherwise", "", "x,2023/24 Q2,,delayed,,,,", "2023/24 Q2", "high", 0, 0, 1, NULL},
    {"a return beats the plan's status", "status on_track in 2023/24 Q2", "x,2023/24 Q2,,at_risk,,,,", "2023/24 Q2", "high", 0, 0, 1, NULL},
    {"the plan's status when no return gives one", "status delayed in 2023/24 Q2 impact low", "x,2023/24 Q1,,on_track,,,,", "2023/24 Q2", "low", 0, 0, 1, NULL},
    {"a return without a status keeps the plan's", "status delayed in 2023/24 Q2 impact low", "x,2023/24 Q2,50,,,,,", "2023/24 Q2", "low", 0, 0, 1, NULL},
    {"no status: not rated, not an exception", "", "x,2023/24 Q1,,on_track,,,,", "2023/24 Q2", "-", 0, 0, 0, "No status for 2023/24 Q2"},
    {"the undated status stands for any period", "status on_track", "x,2023/24 Q1,,delayed,low,,,", "2024/25 Q3", "met", 0, 1, 0, "undated"},
    {"a dated status beats the undated one", "status on_track; status delayed in 2024/25 Q3 impact low", "x,2023/24 Q1,,delayed,low,,,", "2024/25 Q3", "low", 0, 0, 1, NULL},
    {"an overdue milestone worsens the band by the scheme's rule", "milestone m \"Cabinet\" due 2023-11-30", "x,2023/24 Q3,,delayed,low,,,", "2023/24 Q3", "medium", 1, 0, 1, "1 band worse than Low"},
    {"worsening stops at the last band", "milestone m \"Cabinet\" due 2023/24 Q1", "x,2023/24 Q2,,at_risk,,,,", "2023/24 Q2", "high", 1, 0, 1, NULL},
    {"a milestone due later is not overdue", "milestone m \"Cabinet\" due 2023/24 Q4", "x,2023/24 Q3,,on_track,,,,", "2023/24 Q3", "met", 0, 1, 0, NULL},
    {"a milestone due in the period rated and not done is overdue", "milestone m \"Cabinet\" due 2023/24 Q3", "x,2023/24 Q3,,on_track,,,,", "2023/24 Q3", "low", 1, 0, 1, NULL},
    {"a milestone completed in the plan is not overdue", "milestone m \"Cabinet\" due 2023/24 Q1 completed 2023-06-01", "x,2023/24 Q3,,on_track,,,,", "2023/24 Q3", "met", 0, 1, 0, NULL},
    {"a milestone completed later than the period rated is overdue then", "milestone m \"Cabinet\" due 2023/24 Q1 completed 2024-01-05", "x,2023/24 Q3,,on_track,,,,", "2023/24 Q3", "low", 1, 0, 1, NULL},
    {"a return's completion a year before still counts", "milestone m \"Cabinet\" due 2023/24 Q2",
     "x.m,2023/24 Q2,,complete,,2023-09-01,,\nx,2024/25 Q2,,on_track,,,,", "2024/25 Q2", "met", 0, 1, 0, NULL},
    {"a milestone's state complete without a date counts", "milestone m \"Cabinet\" due 2023/24 Q2",
     "x.m,2023/24 Q2,,complete,,,,\nx,2023/24 Q3,,on_track,,,,", "2023/24 Q3", "met", 0, 1, 0, NULL},
    {"an activity past its due date and not complete is overdue", "due 2023/24 Q2", "x,2023/24 Q3,,on_track,,,,", "2023/24 Q3", "low", 1, 0, 1, "the activity was due 2023/24 Q2"},
    {"an activity complete after its due date is not overdue", "due 2023/24 Q2", "x,2023/24 Q3,,complete,,2023-10-02,,", "2023/24 Q3", "met", 0, 1, 0, NULL},
    {"an overdue activity with no status is an exception", "due 2023/24 Q2", "x,2023/24 Q1,,on_track,,,,", "2023/24 Q3", "-", 1, 0, 1, NULL},
    {"overdue at a band lifts a better band to it", "delivery floor; milestone m \"M\" due 2023/24 Q1", "x,2023/24 Q2,,on_track,,,,", "2023/24 Q2", "medium", 1, 0, 1, "Medium at best"},
    {"overdue at a band leaves a worse band", "delivery floor; milestone m \"M\" due 2023/24 Q1", "x,2023/24 Q2,,at_risk,,,,", "2023/24 Q2", "high", 1, 0, 1, NULL},
    {"with no overdue rule the band stays, the activity still overdue", "delivery lenient; milestone m \"M\" due 2023/24 Q1", "x,2023/24 Q2,,on_track,,,,", "2023/24 Q2", "met", 1, 1, 1, "overdue: milestone 'M'"},
    {"a band named by judgement is never moved", "milestone m \"M\" due 2023/24 Q1", "x,2023/24 Q2,,low,,,,", "2023/24 Q2", "low", 1, 0, 1, "as assessed"},
    {"an override replaces the band and keeps the one it replaced", "", "x,2023/24 Q2,,at_risk,,,low,agreed at Cabinet", "2023/24 Q2", "low", 0, 0, 1, "overridden (from High)"},
    {"a judged scheme takes its bands", "delivery judged", "x,2023/24 Q2,,good,,,,", "2023/24 Q2", "good", 0, 1, 0, NULL},
    {"a judged band named in any case", "delivery judged", "x,2023/24 Q2,,FAIR,,,,", "2023/24 Q2", "fair", 0, 0, 1, NULL},
    {"a state written as people write it", "", "x,2023/24 Q2,,On Track,,,,", "2023/24 Q2", "met", 0, 1, 0, NULL},
    {"a percentage complete with the state", "", "x,2023/24 Q2,45%,on_track,,,,", "2023/24 Q2", "met", 0, 1, 0, NULL},
};

static const char *band_id(const prt_plan *t, const prt_delivery *d)
{
    int s = t->activities[d->activity].scheme;
    return s >= 0 && d->band >= 0 ? t->delivery[s].bands[d->band].id : "-";
}

static void run_case(const Case *c)
{
    prt_buf text = {0};
    prt_buf_printf(&text, "%sactivity x \"X\" { %s }\n} }\n", header, c->activity);
    CasePlan cp;
    bool ok = case_plan_load(&cp, prt_buf_str(&text));
    prt_buf_free(&text);
    char detail[1024] = "";
    prt_evaluation *ev = NULL;
    if (ok) {
        char csv[2048];
        snprintf(csv, sizeof csv, "ref,period,value,status,impact,completed,override,reason\n%s\n", c->results);
        ev = case_plan_evaluate(&cp, csv, c->period);
        ok = ev != NULL;
    }
    if (!ok) {
        snprintf(detail, sizeof detail, "%s", cp.error);
    } else {
        const prt_plan *t = cp.tables;
        const prt_delivery *d = &ev->delivery[0];
        if (strcmp(band_id(t, d), c->band) != 0) {
            ok = false;
            snprintf(detail, sizeof detail, "band %s, expected %s (%s)", band_id(t, d), c->band, d->explanation);
        } else if (d->overdue != (c->overdue == 1) || d->on_target != (c->on_target == 1) ||
                   d->exception != (c->exception == 1)) {
            ok = false;
            snprintf(detail, sizeof detail, "overdue %d on target %d exception %d, expected %d %d %d (%s)", d->overdue,
                     d->on_target, d->exception, c->overdue, c->on_target, c->exception, d->explanation);
        } else if (c->explains && !strstr(d->explanation, c->explains)) {
            ok = false;
            snprintf(detail, sizeof detail, "explanation '%s' does not say '%s'", d->explanation, c->explains);
        }
    }
    prt_evaluation_free(ev);
    printf("%s delivery: %s%s%s\n", ok ? "PASS" : "FAIL", c->name, ok ? "" : ": ", detail);
    failures += !ok;
    case_plan_free(&cp);
}

int main(void)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        run_case(&cases[i]);
    return failures ? 1 : 0;
}
