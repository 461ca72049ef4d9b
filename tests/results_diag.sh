# Results problems through the one diagnostic engine (sourced from tests/run.sh): every format from
# planc eval, planc map and a built evaluator, the note at the first of two rows (R011), and the one
# results pipeline (an out-of-plan period is refused by map as by eval).
RD="$OUT/results_diag"
mkdir -p "$RD"
RD_PLAN=tests/eval/small.plan
RD_BAD=tests/eval/bad/duplicate_row.csv

# the out-of-plan period: planc map drew the map with no rating and exited 0 while eval said no (exit 2)
"$PLANC" map "$RD_PLAN" --results tests/eval/good.csv --period 2030/31 -o "$RD/outside.svg" >"$RD/outside.out" 2>&1
status=$?
if [ $status = 2 ] && grep -q "^planc map: error: period 2030/31 is outside the plan, which covers 2019/20 to 2020/21" "$RD/outside.out" &&
    [ ! -e "$RD/outside.svg" ]; then
    ok "results: map refuses a period outside the plan as eval does"
else
    bad "results: map refuses a period outside the plan as eval does" "exit $status: $(head -1 "$RD/outside.out")"
fi
golden_cmd "results: eval's out-of-plan period" tests/cli/results_outside_plan_eval.expected \
    eval "$RD_PLAN" --results tests/eval/good.csv --period 2030/31

# the option values are checked
golden_cmd "results: a bad --diagnostics-format" tests/cli/results_bad_diagnostics_format.expected \
    eval "$RD_PLAN" --results "$RD_BAD" --period 2019/20 --diagnostics-format=xml
golden_cmd "results: a bad --color" tests/cli/results_bad_color.expected \
    map "$RD_PLAN" --results "$RD_BAD" --period 2019/20 -o "$RD/x.svg" --color=sometimes

# rd_formats NAME CMD...: the duplicate row through CMD in every format, each checked by a parser
rd_formats() {
    local name=$1
    shift
    "$@" --diagnostics-format=json >"$RD/$name.json" 2>"$RD/$name.err"
    local status=$?
    if [ $status = 1 ] && python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
e = d[0]
assert e["kind"] == "error" and e["code"] == "R011", e
assert e["locations"][0]["caret"]["line"] == 3 and e["locations"][0]["caret"]["column"] == 1, e
n = e["children"][0]
assert n["kind"] == "note" and n["locations"][0]["caret"]["line"] == 2, n
' "$RD/$name.json" 2>"$RD/$name.py"; then
        ok "results: $name --diagnostics-format=json (R011 with its note at the first row)"
    else
        bad "results: $name --diagnostics-format=json" "exit $status: $(tail -1 "$RD/$name.py")"
    fi
    "$@" --diagnostics-format=sarif >"$RD/$name.sarif" 2>/dev/null
    if [ ! -d tests/sarif/node_modules ]; then
        bad "results: $name SARIF is valid" "tests/sarif/node_modules is missing: run make deps"
    elif node tests/sarif/validate.js "$RD/$name.sarif" >"$RD/$name.sarif.log" 2>&1 &&
        grep -q '"ruleId": "R011"' "$RD/$name.sarif" && grep -q '"relatedLocations"' "$RD/$name.sarif" &&
        grep -q '"id": "R011"' "$RD/$name.sarif"; then
        ok "results: $name SARIF is valid, with R011 as a rule and the first row as a related location"
    else
        bad "results: $name SARIF is valid" "$(head -3 "$RD/$name.sarif.log")"
    fi
    "$@" --diagnostics-format=github >"$RD/$name.gh" 2>/dev/null
    if grep -q "^::error file=$RD_BAD,line=3,col=1,endLine=3,endColumn=6,title=R011::a second row for 'share' in 2019/20%0Anote: $RD_BAD:2:1: the first row" "$RD/$name.gh"; then
        ok "results: $name --diagnostics-format=github"
    else
        bad "results: $name --diagnostics-format=github" "$(head -1 "$RD/$name.gh")"
    fi
    "$@" --color=always >/dev/null 2>"$RD/$name.color"
    if grep -q $'\033\\[1;31merror:' "$RD/$name.color" && grep -q $'\033\\[1;36mnote:' "$RD/$name.color"; then
        ok "results: $name --color=always"
    else
        bad "results: $name --color=always" "$(head -1 "$RD/$name.color")"
    fi
}
rd_formats eval "$PLANC" eval "$RD_PLAN" --results "$RD_BAD" --period 2019/20
rd_formats map "$PLANC" map "$RD_PLAN" --results "$RD_BAD" --period 2019/20 -o "$RD/map.svg"
if "$PLANC" build "$RD_PLAN" -o "$RD/evaluator" >"$RD/build.log" 2>&1; then
    rd_formats evaluator "$RD/evaluator" --results "$RD_BAD" --period 2019/20
    # the evaluator's text is planc eval's, but for the program's name
    "$RD/evaluator" --results "$RD_BAD" --period 2019/20 >"$RD/evaluator.txt" 2>&1
    "$PLANC" eval "$RD_PLAN" --results "$RD_BAD" --period 2019/20 >"$RD/eval.txt" 2>&1
    cmp -s "$RD/evaluator.txt" "$RD/eval.txt" && ok "results: the evaluator reports as planc eval does" ||
        bad "results: the evaluator reports as planc eval does" "$(diff "$RD/eval.txt" "$RD/evaluator.txt" | head -3)"
else
    bad "results: planc build" "$(head -3 "$RD/build.log")"
fi

# a clean run: the report alone on standard output, an empty SARIF log when the report goes to a file
"$PLANC" eval "$RD_PLAN" --results tests/eval/good.csv --period 2019/20 --diagnostics-format=sarif >"$RD/clean.txt" 2>&1
head -c 1 "$RD/clean.txt" | grep -q '{' && bad "results: a clean report is not mixed with diagnostics" ||
    ok "results: a clean report is not mixed with diagnostics"
"$PLANC" eval "$RD_PLAN" --results tests/eval/good.csv --period 2019/20 --diagnostics-format=sarif -o "$RD/clean.report" >"$RD/clean.sarif" 2>&1
node tests/sarif/validate.js "$RD/clean.sarif" >/dev/null 2>&1 && grep -q '"results": \[\]' "$RD/clean.sarif" &&
    ok "results: an empty SARIF log when the report goes to a file" ||
    bad "results: an empty SARIF log when the report goes to a file" "$(head -2 "$RD/clean.sarif")"

# errors in the plan itself come out in the format asked for, from eval, map and template alike
# (before, only check had the formats: the others printed text whatever was asked)
for cmd in "eval --results tests/eval/good.csv --period 2019/20" "map -o $RD/plan_errors.svg" "template --period 2019/20"; do
    name=${cmd%% *}
    # shellcheck disable=SC2086
    "$PLANC" $cmd tests/check/e001_syntax.plan --diagnostics-format=sarif >"$RD/plan_errors.$name.sarif" 2>"$RD/plan_errors.$name.err"
    status=$?
    if [ $status = 1 ] && [ ! -s "$RD/plan_errors.$name.err" ] && [ -d tests/sarif/node_modules ] &&
        node tests/sarif/validate.js "$RD/plan_errors.$name.sarif" >/dev/null 2>&1 &&
        grep -q '"ruleId": "E001"' "$RD/plan_errors.$name.sarif"; then
        ok "results: $name reports the plan's errors as SARIF"
    else
        bad "results: $name reports the plan's errors as SARIF" "exit $status"
    fi
    # shellcheck disable=SC2086
    "$PLANC" $cmd tests/check/e001_syntax.plan --diagnostics-format=github >"$RD/plan_errors.$name.gh" 2>&1
    if grep -q '^::error file=tests/check/e001_syntax.plan,line=[0-9]*,col=[0-9]*,.*title=E001::' "$RD/plan_errors.$name.gh"; then
        ok "results: $name reports the plan's errors as GitHub commands"
    else
        bad "results: $name reports the plan's errors as GitHub commands" "$(head -2 "$RD/plan_errors.$name.gh")"
    fi
done
