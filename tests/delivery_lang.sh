# Delivery in the language and the returns (issue 15), sourced by tests/run.sh: a plan with delivery
# schemes, activities, milestones and counts checks clean, formats to itself, and compiles; the
# returns' delivery rows are read, and each wrong one is an R-error at its field.
DL=$OUT/delivery_lang
mkdir -p "$DL"
DP=tests/delivery/council.plan

"$PLANC" check --color=never "$DP" >"$DL/check.out" 2>&1 && ! grep -q error "$DL/check.out" &&
    ok "delivery: the example plan checks" || bad "delivery: the example plan checks" "$(head -3 "$DL/check.out")"

# fmt: the formatted plan checks the same and formats to itself
"$PLANC" fmt "$DP" >"$DL/fmt.plan" 2>"$DL/fmt.err"
"$PLANC" fmt "$DL/fmt.plan" >"$DL/fmt2.plan" 2>>"$DL/fmt.err"
cmp -s "$DL/fmt.plan" "$DL/fmt2.plan" && ok "delivery: fmt is idempotent" || bad "delivery: fmt is idempotent"
for s in "delivery four_band" "band met \"On track or met\" (G) when not_started, on_track, complete" \
    "band low \"Delayed: low impact\" (A) when delayed impact low" "overdue worsens 1" \
    "band good \"Good progress\" colour green" "due 2024-03-31" \
    "milestone planning \"Planning consent\" from 2023/24 Q2 due 2023-12-31" \
    "milestone site \"Site acquired\" due 2023/24 Q2 completed 2023-08-14" \
    "status on_track in 2023/24 Q1 at 10% \"Site negotiations under way.\"" \
    "progress 30 of 33 in 2023/24 Q2 \"actions completed or on target\"" "status on_track"; do
    grep -qF "$s" "$DL/fmt.plan" && ok "delivery: fmt keeps '$s'" || bad "delivery: fmt keeps '$s'"
done
"$PLANC" eval "$DP" --results tests/delivery/returns --period "2023/24 Q4" --format json >"$DL/a.json" 2>/dev/null
"$PLANC" eval "$DL/fmt.plan" --results tests/delivery/returns --period "2023/24 Q4" --format json >"$DL/b.json" 2>/dev/null
sed 's/fnv1a64:[0-9a-f]*//' "$DL/a.json" >"$DL/a2.json"
sed 's/fnv1a64:[0-9a-f]*//' "$DL/b.json" >"$DL/b2.json"
[ -s "$DL/a2.json" ] && cmp -s "$DL/a2.json" "$DL/b2.json" && ok "delivery: the formatted plan rates the same" ||
    bad "delivery: the formatted plan rates the same"

# a keyword of delivery is not a name: the message says so
printf 'plan "P" {\n    covers 2023/24\n}\ndelivery progress "P" {\n    band a "A"\n}\n' >"$DL/kw.plan"
"$PLANC" check --color=never "$DL/kw.plan" >"$DL/kw.out" 2>&1
grep -q "'progress' is a keyword and cannot be a name" "$DL/kw.out" && ok "delivery: a keyword as a scheme's name is refused" ||
    bad "delivery: a keyword as a scheme's name is refused"

# the returns' delivery rows: every wrong one is an R-error at its field, with the closest word
golden_cmd "delivery: wrong delivery rows" tests/eval/delivery_rows_bad.expected eval "$DP" \
    --results tests/eval/delivery_rows_bad.csv --period "2023/24 Q4" --color=never

# the C back end carries the delivery tables: the built evaluator rates as planc eval does
if "$PLANC" build "$DP" -o "$DL/council-eval" >"$DL/build.out" 2>&1; then
    "$DL/council-eval" --results tests/delivery/returns --period "2023/24 Q4" --history 4 --format json >"$DL/built.json" 2>/dev/null
    "$PLANC" eval "$DP" --results tests/delivery/returns --period "2023/24 Q4" --history 4 --format json >"$DL/eval.json" 2>/dev/null
    [ -s "$DL/eval.json" ] && cmp -s "$DL/built.json" "$DL/eval.json" && ok "delivery: the built evaluator prints the same JSON" ||
        bad "delivery: the built evaluator prints the same JSON"
else
    bad "delivery: planc build" "$(head -3 "$DL/build.out")"
fi
# a delivery row may restate an earlier one (the `restated` column); restating nothing is R017, a
# second row that does not say it restates is R011 with a note at the row it repeats
golden_cmd "delivery: restated delivery rows" tests/eval/delivery_restated.expected eval "$DP" \
    --results tests/eval/delivery_restated.csv --period "2023/24 Q2" --color=never
# a rating of record for an activity with no delivery scheme (R008)
golden_cmd "delivery: a rating where there is no delivery scheme" tests/eval/delivery_rows_no_scheme.expected eval \
    tests/delivery/reports/hostile.plan --results tests/eval/delivery_rows_no_scheme.csv --period "2023/24 Q3" --color=never
