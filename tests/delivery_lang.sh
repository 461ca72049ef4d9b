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

# "did you mean" over activity names stays linear: a return of 20,000 unknown references against 5,000
# activities (3 minutes at 50,000 against 20,000 before the suggestions had a budget), and one reference
# of 15 MB (measured again for every activity before), each reported within a generous bound
python3 - "$DL" <<'PY'
import sys
d = sys.argv[1]
with open(d + "/many.plan", "w") as f:
    f.write('plan "Many" {\n    covers 2023/24\n}\npillar p "P" {\n    theme t "T" {\n')
    for i in range(5000):
        f.write('        activity activity_number_%d "Activity %d"\n' % (i, i))
    f.write("    }\n}\n")
with open(d + "/unknown.csv", "w") as f:
    f.write("ref,period,value,status\n")
    for i in range(20000):
        f.write("activity_numbr_%d,2023/24 Q1,,on_track\n" % i)
with open(d + "/huge_ref.csv", "w") as f:
    f.write("ref,period,value,status\n" + "x" * (15 << 20) + ",2023/24 Q1,,on_track\n")
PY
for dl_csv in unknown huge_ref; do
    timeout 20 "$PLANC" eval "$DL/many.plan" --results "$DL/$dl_csv.csv" --period "2023/24 Q1" -o "$DL/$dl_csv.txt" \
        >"$DL/$dl_csv.err" 2>&1
    dl_status=$?
    [ $dl_status = 1 ] && grep -q "R004" "$DL/$dl_csv.err" && ok "delivery: unknown references in $dl_csv.csv are reported in linear time" ||
        bad "delivery: unknown references in $dl_csv.csv are reported in linear time" "exit $dl_status (124: over 20 s)"
done
grep -q "did you mean 'activity_number_0'" "$DL/unknown.err" && ok "delivery: the first unknown references still get a suggestion" ||
    bad "delivery: the first unknown references still get a suggestion"
