/* The stable diagnostic codes and what each means (docs/diagnostics.md says the same at length);
 * SARIF output lists them as its rules. */
#include "diag_codes.h"

#include <string.h>

static const DiagCode codes[] = {
    {"E001", "syntax error; the parser resynchronises at the next statement or block end"},
    {"E002", "bytes that are not valid UTF-8 (in code, strings or comments)"},
    {"E003", "a NUL byte"},
    {"E004", "a /* comment never closed"},
    {"E005", "an unknown escape in a string"},
    {"E006", "a string not closed on its line"},
    {"E007", "a malformed period"},
    {"E008", "a malformed or out-of-range number"},
    {"E009", "an identifier over 128 bytes"},
    {"E010", "nesting beyond 64 blocks or parentheses"},
    {"E011", "a character that has no place in the language"},
    {"E012", "unknown name (with \"did you mean\")"},
    {"E013", "a name, reference, band or abbreviation defined twice (note: the first definition)"},
    {"E014", "a single-valued statement (polarity, unit ...) given twice in one block"},
    {"E015", "an unknown word for a polarity, unit, frequency, accumulation, kind, status, method, result status, direction of travel, forecast rule, delivery state, impact, overdue rule or colour"},
    {"E016", "a malformed unit, decimals, arrears, jump or stale value"},
    {"E017", "an indicator with neither identifier nor reference, or an empty reference"},
    {"E018", "a second plan header"},
    {"E019", "a name of the wrong kind ('living' is a theme, not a rating scheme)"},
    {"E020", "a statement in a block where it does not belong ('outcome' cannot appear in a pillar; it belongs in a theme)"},
    {"E021", "an indicator without a polarity"},
    {"E022", "a target (or amendment) on a monitor-only indicator"},
    {"E023", "a value out of range: a percentage outside 0–100, a negative count, rate or tolerance"},
    {"E024", "a value written in a form that does not fit the unit (50% for a count, £20 for a count)"},
    {"E025", "a target for a period outside the years the plan covers; a plan that ends before it starts"},
    {"E026", "a target whose period does not fit the indicator's frequency (a quarterly target on an annual indicator)"},
    {"E027", "two targets, or two results, for the same period"},
    {"E028", "a rating scheme without a method or with fewer than two bands, thresholds out of order, otherwise not last, band thresholds written for another method"},
    {"E029", "a result (or an activity's status) rated with a band its rating (or delivery) scheme does not define"},
    {"E030", "an amendment of a target that does not exist, or taking effect outside that target's year"},
    {"E031", "a formula cycle, or a formula that uses its own indicator"},
    {"E032", "a formula that adds or subtracts different units"},
    {"E033", "an include cycle, or includes nested over 16 deep"},
    {"E034", "an included file that cannot be read"},
    {"E035", "a plan header that does not say which years it covers"},
    {"E036", "an indicator with targets but no rating scheme (none selected, no default)"},
    {"E037", "a formula that divides by a literal zero"},
    {"E038", "a formula nested more than 64 deep (holding more than 64 values at once as it is evaluated)"},
    {"E039", "a control character in a string (tab excepted), or a line break in a name"},
    {"E040", "a plan file named on the command line that cannot be read (exit status 2)"},
    {"E041", "an include from outside the plan's directory tree and the --include-dir directories"},
    {"E042", "an include of a file under /proc, /sys or /dev, never allowed"},
    {"E043", "a formula of more than 4096 operands and operators"},
    {"E044", "a rating or delivery scheme of more than 8 bands"},
    {"E045", "a malformed date (2023-02-30): dates are written 2023-11-30"},
    {"E046", "a delivery scheme with no band, 'otherwise' not last, a state that falls in no band, a threshold on a delivery band (or 'when' on a rating band), an overdue rule naming no band of the scheme"},
    {"E047", "an activity's status that is neither a delivery state nor a band of its scheme, two statuses for one period, a status outside the plan, a percentage complete outside 0-100%, a progress count that is not whole or counts more done than there are"},
    {"E048", "a due or completion date outside the plan's years, a milestone due or completed before it starts"},
    {"E049", "'within confidence interval' on a 'monitor' target, or a result's interval that does not hold the result"},
    {"E070", "a rating band's condition that cannot be read (after 'if': improving, same or worsening joined by 'or', 'not', 'against last_year' or 'against previous', or 'forecast met'), or a condition on a delivery band"},
    {"E071", "a condition on the last band of a rating scheme, which must take every result"},
    {"E072", "a band condition that can never hold ('not improving or same or worsening')"},
    {"E073", "a band condition 'forecast met' in a scheme used by an indicator while the plan declares no 'forecast'"},
    {"E060", "a rating scheme's edges that cannot all be reached: a band above target ('above tolerance', 'above N%') after one that is not, 'above N%' with method points, a band with the same edge as an unconditional band before it, a second 'within tolerance' or 'above tolerance'"},
    {"E061", "a 'threshold BAND' that names no band of the indicator's scheme, or one that is not 'per indicator' (with the closest name), in an indicator with no scheme, or twice for one band and period"},
    {"E062", "an indicator's per-indicator thresholds in the wrong order for its polarity in a period, or one after the target band as good as the target (never reached)"},
    {"E063", "a value missing for a scheme that needs it: no tolerance for a scheme with 'within tolerance' or 'above tolerance', no 'threshold BAND' for a 'per indicator' band in a period with a target"},
    {"E064", "'tolerance N of target' without a percentage: a tolerance of the target is written 'tolerance 5% of target'"},
    {"E080", "a band's symbol written as text that is empty, longer than 4 characters or holds a control character"},
    {"E081", "a monitor band that is a scheme's first band, a second monitor band in a scheme, or one in a delivery scheme"},
    {"E082", "an expected value ('expect') for a period that also has a target, a second one for a period, or one outside the plan"},
    {"E090", "a construct the SQL back end (planc compile --target sql) does not compile yet: a band condition on the short-term direction (against previous), a band edge other than at N%, within N pts and otherwise, a monitor band, a per-indicator threshold, expect, maintain without a baseline when the tolerance is a share of the target, formulas over formulas more than 16 deep or nested beyond what the engines parse, a plan without covers (docs/warehouse.md)"},
    {"W001", "an outcome that no indicator measures"},
    {"W002", "a theme with no outcome"},
    {"W003", "an indicator that measures no outcome"},
    {"W004", "a target worse than the baseline for the polarity (or, with no baseline, worse than last year's result): seed 001's adoptions, target 10 against 12; not given when the target states its reason (`because \"...\"`) or the method was `revised` after the figure compared with"},
    {"W005", "a cumulative (year-to-date) profile that falls from one quarter to the next, or whose Q4 differs from the annual target"},
    {"W006", "a benchmark value three or more years older than the baseline"},
    {"W007", "a pillar with no theme"},
    {"W008", "direction on an indicator that is not monitor-only (its polarity already sets the direction)"},
    {"W009", "a year-to-date indicator reported in-year with only an annual target for a year, and no forecast in the plan header: its in-year returns are not rated"},
    {"W010", "a file with no plan header (a file of shared declarations is meant to be included, not checked alone)"},
    {"W060", "a rating scheme's target band (its first band not above target) at more than 100%: a result that meets its target is counted below target ('above N%' writes a band above target)"},
};

const DiagCode *diag_code_find(const char *code)
{
    for (size_t i = 0; code && i < sizeof codes / sizeof codes[0]; i++)
        if (strcmp(codes[i].code, code) == 0)
            return &codes[i];
    return NULL;
}

const DiagCode *diag_codes(size_t *n)
{
    *n = sizeof codes / sizeof codes[0];
    return codes;
}
