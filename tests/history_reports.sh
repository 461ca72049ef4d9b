# The report formats over time (issue 14, part D), sourced by tests/run.sh: the two-year fixture in
# every format for one period and for eight, and one assertion per feature (outcome groups in plan
# order, owner lines, a CSV row per indicator and period, a JSON history per indicator).
hist_plan=tests/history/council.plan
hist_results=()
for f in tests/history/returns/*.csv; do
    hist_results+=(--results "$f")
done
for n in 1 8; do
    for fmt in text csv json md; do
        golden_cmd "history report $fmt, $n periods" "tests/history/reports/council-$n.$fmt.expected" \
            eval "$hist_plan" "${hist_results[@]}" --period "2024/25 Q4" --history $n --format $fmt
    done
done

"$PLANC" eval "$hist_plan" "${hist_results[@]}" --period "2024/25 Q4" --history 8 >"$OUT/history.txt" 2>"$OUT/history.err"
# the line numbers of the outcome headings, in the order printed
groups=$(grep -n '^  Outcome: \|^  Other indicators' "$OUT/history.txt" | cut -d: -f3- | paste -sd '|')
if [ "$groups" = " More residents are physically active| Residents are satisfied with local services| Fewer households are homeless| A cleaner borough" ]; then
    ok "history report: outcome headings in plan order"
else
    bad "history report: outcome headings in plan order" "$groups"
fi
if grep -q '^      Owner: Head of Leisure · Committee: Adults and Health Committee · Source: Leisure operator returns$' "$OUT/history.txt" &&
    grep -q '^  Owner: Cabinet Member for Housing$' "$OUT/history.txt"; then
    ok "history report: owner lines of indicators and themes"
else
    bad "history report: owner lines of indicators and themes"
fi

"$PLANC" eval "$hist_plan" "${hist_results[@]}" --period "2024/25 Q4" --history 8 --format csv >"$OUT/history.csv" 2>"$OUT/history.err"
rows=$(tail -n +2 "$OUT/history.csv" | cut -d, -f1 | sort | uniq -c | awk '{print $1}' | sort -u | paste -sd ' ')
nind=$(tail -n +2 "$OUT/history.csv" | cut -d, -f1 | sort -u | wc -l)
if [ "$rows" = 8 ] && [ "$nind" = 7 ]; then
    ok "history report: CSV has 8 rows per indicator"
else
    bad "history report: CSV has 8 rows per indicator" "rows per indicator: $rows, indicators: $nind"
fi

"$PLANC" eval "$hist_plan" "${hist_results[@]}" --period "2024/25 Q4" --history 8 --format json >"$OUT/history.json" 2>"$OUT/history.err"
if python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
periods = ["2023/24 Q1", "2023/24 Q2", "2023/24 Q3", "2023/24 Q4", "2024/25 Q1", "2024/25 Q2", "2024/25 Q3", "2024/25 Q4"]
assert d["periods"] == periods, d["periods"]
assert [s["period"] for s in d["summary_history"]] == periods
for i in d["indicators"]:
    assert [e["period"] for e in i["history"]] == periods, i["ref"]
assert isinstance(d["exceptions"], list)
' "$OUT/history.json"; then
    ok "history report: JSON history of 8 periods per indicator"
else
    bad "history report: JSON history of 8 periods per indicator"
fi

# the evaluator planc build makes prints the same history, byte for byte, in every format (its
# warnings name itself where planc's say "planc eval")
if "$PLANC" build "$hist_plan" -o "$OUT/history_eval" >"$OUT/history_build.log" 2>&1; then
    differ=""
    for fmt in text csv json md html; do
        "$PLANC" eval "$hist_plan" "${hist_results[@]}" --period "2024/25 Q4" --history 8 --format $fmt \
            >"$OUT/hist_want" 2>"$OUT/hist_want.err"
        "$OUT/history_eval" "${hist_results[@]}" --period "2024/25 Q4" --history 8 --format $fmt \
            >"$OUT/hist_got" 2>"$OUT/hist_got.err"
        perl -i -pe 'BEGIN { $p = shift } s/^\Q$p\E: /planc eval: /' "$OUT/history_eval" "$OUT/hist_got.err"
        cmp -s "$OUT/hist_want" "$OUT/hist_got" && cmp -s "$OUT/hist_want.err" "$OUT/hist_got.err" || differ="$differ $fmt"
    done
    [ -z "$differ" ] && ok "history report: the built evaluator prints the same 8 periods in every format" ||
        bad "history report: the built evaluator prints the same 8 periods in every format" "differs in:$differ"
else
    bad "history report: planc build" "$(head -3 "$OUT/history_build.log")"
fi

# the date a report says it was produced: --date is checked, and so is SOURCE_DATE_EPOCH
golden_cmd "history: --date not a date" tests/history/reports/bad_date.expected \
    eval "$hist_plan" --results tests/history/returns --period "2024/25 Q4" --date 2025-13-01
SOURCE_DATE_EPOCH=yesterday golden_cmd "history: SOURCE_DATE_EPOCH not a number" \
    tests/history/reports/bad_epoch.expected eval "$hist_plan" --results tests/history/returns --period "2024/25 Q4"
golden_cmd "history: --date names the day" tests/history/reports/date_given.expected \
    eval "$hist_plan" --results tests/history/returns/2024-25-Q4.csv --period "2024/25 Q4" --date 2026-01-31 --format json
