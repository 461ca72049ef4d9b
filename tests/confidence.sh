# Targets met within a survey's confidence interval (issue 16), sourced by tests/run.sh after
# tests/cgen.sh (it uses cgen_same): the plan's `within confidence interval` and `interval L to U`,
# the results' lower and upper columns, the rating and its explanation in every format, and seed 002.
CI=tests/confidence
CI_SEED=plans/barnet-corporate-plan-2018-19.plan

# the language: checked (E049, E024 on a bound), and printed back by fmt
golden_cmd "confidence: misuses refused" $CI/e049.expected check --color=never $CI/e049.plan
golden_cmd "confidence: fmt prints the modifier and the bounds back" $CI/fmt.expected fmt $CI/survey.plan
"$PLANC" fmt $CI/survey.plan >"$OUT/ci_fmt.plan" 2>&1
"$PLANC" fmt "$OUT/ci_fmt.plan" 2>&1 | cmp -s - "$OUT/ci_fmt.plan" && ok "confidence: fmt is stable" ||
    bad "confidence: fmt is stable"

# the rating: held, missed, not given, inclusive bounds whichever the polarity, an amended target,
# bounds from the results file; every format, and the built evaluator the same
for fmt in text csv json; do
    golden_cmd "confidence: survey targets, $fmt" $CI/survey.$fmt.expected eval $CI/survey.plan \
        --results $CI/survey.csv --period 2016/17 --format $fmt
done
cgen_same "confidence intervals" $CI/survey.plan $CI/survey.csv 2016/17

# the results file: bounds checked where they are written (R022, R006, R007), a misspelt column named
golden_cmd "confidence: bad bounds in a return" $CI/bad-bounds.expected eval $CI_SEED --results $CI/bad-bounds.csv \
    --period 2016/17
golden_cmd "confidence: a misspelt bound's column" $CI/bad-column.expected eval $CI_SEED --results $CI/bad-column.csv \
    --period 2016/17

# seed 002: AC/S15, 79.6% against 80.1% "(within confidence interval)", published Green.  The seed
# prints no interval, so the plan's own results rate it on the value alone and say so
"$PLANC" eval $CI_SEED --results plans/barnet-corporate-plan-2018-19.results.csv --period 2016/17 >"$OUT/ci_seed.txt" 2>/dev/null
grep -A1 '^  AC/S15 ' "$OUT/ci_seed.txt" | grep -q 'Green Amber: .*; interval not given: rated on the value alone$' &&
    ok "confidence: seed 002 without bounds says the interval was not applied" ||
    bad "confidence: seed 002 without bounds says the interval was not applied"
"$PLANC" eval $CI_SEED --results plans/barnet-corporate-plan-2018-19.results.csv --period 2016/17 --format json \
    >"$OUT/ci_seed.json" 2>/dev/null
python3 - "$OUT/ci_seed.json" <<'PY' && ok "confidence: seed 002 JSON says 'not given'" || bad "confidence: seed 002 JSON says 'not given'"
import json, sys
r = {i["ref"]: i for i in json.load(open(sys.argv[1]))["indicators"]}
s15 = r["AC/S15 (ASCOF 4A) (Annual)"]
assert s15["interval"] == "not given" and s15["lower"] is None, s15
assert r["AC/S1 (Annual)"]["interval"] is None    # 2016/17's target of 61% is not a survey interval's
PY
"$PLANC" eval $CI_SEED --results plans/barnet-corporate-plan-2018-19.results.csv --period 2016/17 --format csv \
    2>/dev/null | grep '^AC/S15 ' | grep -q ',,,not given,' && ok "confidence: seed 002 CSV says 'not given'" ||
    bad "confidence: seed 002 CSV says 'not given'"
# ... and with bounds (illustrative, labelled so in the fixture's comment column): an interval that
# holds 80.1% gives the published Green; one that stops short leaves the method's Green Amber
"$PLANC" eval $CI_SEED --results $CI/barnet-ac-s15-holds.csv --period 2016/17 2>/dev/null | grep -A1 '^  AC/S15 ' |
    tr '\n' ' ' | grep -q '79.6% (G) .*Green: 79.6% (interval 77.2%-82%) contains the target 80.1% ' &&
    ok "confidence: seed 002 AC/S15 is Green as published when the interval holds the target" ||
    bad "confidence: seed 002 AC/S15 is Green as published when the interval holds the target"
"$PLANC" eval $CI_SEED --results $CI/barnet-ac-s15-misses.csv --period 2016/17 2>/dev/null | grep -A1 '^  AC/S15 ' |
    grep -q 'Green Amber: 99% .*; the interval 78.1%-80% does not contain the target 80.1%$' &&
    ok "confidence: seed 002 AC/S15 is rated by the method when the interval misses the target" ||
    bad "confidence: seed 002 AC/S15 is rated by the method when the interval misses the target"
