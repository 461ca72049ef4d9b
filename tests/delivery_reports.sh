# Delivery in the text, Markdown, CSV and JSON reports and in the audit (issue 15), sourced by
# tests/run.sh: the commissioning fixture (tests/delivery) for one period and for four, the audit of a
# return whose rating of record disagrees (tests/delivery/reports/audit.csv), a plan with no delivery
# scheme whose names and commentary hold what every format must escape (tests/delivery/reports/hostile.*),
# and the built evaluator printing the same bytes.
dlv_plan=tests/delivery/council.plan
dlv_dir=tests/delivery/reports
for fmt in text md csv json; do
    golden_cmd "delivery report $fmt, 2023/24 Q2" "tests/delivery/out-q2.$fmt.expected" \
        eval "$dlv_plan" --results tests/delivery/returns --period "2023/24 Q2" --format $fmt
    golden_cmd "delivery report $fmt, 4 periods to 2023/24 Q4" "tests/delivery/out-q4-h4.$fmt.expected" \
        eval "$dlv_plan" --results tests/delivery/returns --period "2023/24 Q4" --history 4 --format $fmt
    golden_cmd "delivery report $fmt, no scheme, hostile text" "tests/delivery/out-hostile.$fmt.expected" \
        eval "$dlv_dir/hostile.plan" --results "$dlv_dir/hostile.csv" --period "2023/24 Q2" --format $fmt
done
golden_cmd "delivery audit: a rating of record that disagrees" tests/delivery/out-audit.expected \
    eval "$dlv_plan" --results "$dlv_dir/audit.csv" --period "2023/24 Q2" --audit
golden_cmd "delivery audit over the fixture's returns" tests/delivery/out-audit-q4.expected \
    eval "$dlv_plan" --results tests/delivery/returns --period "2023/24 Q4" --audit

"$PLANC" eval "$dlv_plan" --results "$dlv_dir/audit.csv" --period "2023/24 Q2" --audit >"$OUT/dlv_audit.txt" 2>&1
if grep -q "^  Refresh the carers' strategy (carers_strategy): published G, the delivery scheme gives Delayed: low impact (A): " "$OUT/dlv_audit.txt" &&
    grep -q '^3 of 4 delivery ratings of record reproduced by the delivery schemes\.$' "$OUT/dlv_audit.txt"; then
    ok "delivery audit: the mismatch and the count"
else
    bad "delivery audit: the mismatch and the count" "$(cat "$OUT/dlv_audit.txt")"
fi

# JSON: valid, an activity with every field and a history entry per period, delivery counts per pillar
"$PLANC" eval "$dlv_plan" --results tests/delivery/returns --period "2023/24 Q4" --history 4 --format json \
    >"$OUT/dlv.json" 2>"$OUT/dlv.err"
if python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
acts = {a["id"]: a for a in d["activities"]}
assert len(acts) == 6, list(acts)
fields = {"period", "has_status", "undated", "from_return", "state", "impact", "band", "band_label", "rating",
          "state_band", "computed_band", "judged", "overridden", "override_reason", "overdue", "overdue_moved",
          "milestones_overdue", "on_target", "exception", "exception_reason", "percent_complete", "completed",
          "provisional", "comment", "published", "explanation", "tally", "milestones"}
for a in acts.values():
    assert fields <= set(a), fields - set(a)
    assert [e["period"] for e in a["history"]] == d["periods"], a["id"]
    for e in a["history"]:
        assert fields <= set(e)
h = acts["homes_programme"]
assert h["band"] == "low" and h["computed_band"] == "medium" and h["overridden"], h
m = acts["extra_care"]["milestones"]
assert [x["id"] for x in m] == ["site", "planning", "open"] and m[1]["completed"] == "2024-01-18", m
assert acts["wellbeing_plan"]["history"][1]["tally"]["done"] == 30
assert acts["temporary_accommodation"]["undated"] is True
t = d["summary"]["delivery"]
assert t["activities"] == 6 and t["bands"]["met"] == 3, t
assert all("delivery" in p for p in d["summary"]["pillars"])
assert all("delivery" in s for s in d["summary_history"])
assert [x["id"] for x in d["delivery_exceptions"]] == ["leisure_contract", "homes_programme"], d["delivery_exceptions"]
' "$OUT/dlv.json"; then
    ok "delivery report: JSON activities with every field, 4 periods each"
else
    bad "delivery report: JSON activities with every field, 4 periods each"
fi
if "$PLANC" eval "$dlv_dir/hostile.plan" --results "$dlv_dir/hostile.csv" --period "2023/24 Q2" --format json 2>/dev/null |
    python3 -m json.tool >/dev/null; then
    ok "delivery report: JSON with hostile names and commentary parses"
else
    bad "delivery report: JSON with hostile names and commentary parses"
fi

# CSV: one table (every row as wide as the header), a row per activity and period, and no field that
# a spreadsheet would run as a formula
"$PLANC" eval "$dlv_dir/hostile.plan" --results "$dlv_dir/hostile.csv" --period "2023/24 Q2" --format csv \
    >"$OUT/dlv_hostile.csv" 2>/dev/null
"$PLANC" eval "$dlv_plan" --results tests/delivery/returns --period "2023/24 Q4" --history 4 --format csv \
    >"$OUT/dlv.csv" 2>/dev/null
if python3 -c '
import csv, sys
for path, nact in ((sys.argv[1], 3), (sys.argv[2], 24)):
    rows = list(csv.reader(open(path, newline="")))
    head = rows[0]
    assert all(len(r) == len(head) for r in rows), path
    acts = [r for r in rows[1:] if r[head.index("record")] == "activity"]
    assert len(acts) == nact, (path, len(acts))
    for r in rows[1:]:
        for f in r:
            assert not f or f[0] not in "=+-@" or f.lstrip("-").replace(".", "").isdigit(), (path, f)
' "$OUT/dlv_hostile.csv" "$OUT/dlv.csv"; then
    ok "delivery report: CSV is one table with a row per activity and period, formulas guarded"
else
    bad "delivery report: CSV is one table with a row per activity and period, formulas guarded"
fi

# Markdown: a bar in a name or commentary never opens a cell
if ! grep -q '[^\\]| with a bar' <("$PLANC" eval "$dlv_dir/hostile.plan" --results "$dlv_dir/hostile.csv" \
    --period "2023/24 Q2" --format md 2>/dev/null); then
    ok "delivery report: Markdown escapes the bars in names"
else
    bad "delivery report: Markdown escapes the bars in names"
fi

# the evaluator planc build makes prints the same delivery, byte for byte, in every format and the audit
if "$PLANC" build "$dlv_plan" -o "$OUT/delivery_eval" >"$OUT/delivery_build.log" 2>&1; then
    differ=""
    for fmt in text csv json md html audit; do
        args=(--format $fmt)
        [ $fmt = audit ] && args=(--audit)
        "$PLANC" eval "$dlv_plan" --results tests/delivery/returns --period "2023/24 Q4" --history 4 "${args[@]}" \
            >"$OUT/dlv_want" 2>"$OUT/dlv_want.err"
        "$OUT/delivery_eval" --results tests/delivery/returns --period "2023/24 Q4" --history 4 "${args[@]}" \
            >"$OUT/dlv_got" 2>"$OUT/dlv_got.err"
        perl -i -pe 'BEGIN { $p = shift } s/^\Q$p\E: /planc eval: /' "$OUT/delivery_eval" "$OUT/dlv_got.err"
        cmp -s "$OUT/dlv_want" "$OUT/dlv_got" && cmp -s "$OUT/dlv_want.err" "$OUT/dlv_got.err" || differ="$differ $fmt"
    done
    [ -z "$differ" ] && ok "delivery report: the built evaluator prints the same in every format" ||
        bad "delivery report: the built evaluator prints the same in every format" "differs in:$differ"
else
    bad "delivery report: planc build" "$(head -3 "$OUT/delivery_build.log")"
fi
