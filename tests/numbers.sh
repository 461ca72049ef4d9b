# Numbers as councils write them, every benchmark printed, and a target's reason (issue 16), sourced
# by tests/run.sh.  tests/numbers/money.plan writes money with separators and m/k/bn and gives an
# indicator two benchmarks; reasons.plan has targets below last year's with a reason, with a plain
# note, and after a revised method; bad_numbers.* hold the malformed forms.
num_dir=tests/numbers

# a plan reads the forms a results file reads (before: syntax errors at ',' and 'm')
golden_cmd "numbers: a plan with 1,798, £61,200,000, £2.5m, £3,250k and £2bn checks clean" \
    "$num_dir/money.check.expected" check --color=never "$num_dir/money.plan"
# malformed forms are E008 at their place, saying what is wrong; in a results file R006, the same words
golden_cmd "numbers: 1,00,000, 1,0000, 12,34 and £2.5x in a plan" "$num_dir/bad_numbers.expected" \
    check --color=never "$num_dir/bad_numbers.plan"
golden_cmd "numbers: 1,00,000 and £2.5x in a results file" "$num_dir/bad_numbers_results.expected" \
    eval "$num_dir/money.plan" --results "$num_dir/bad_numbers.csv" --period 2023/24 --color=never
# fmt keeps the form the author wrote
golden_cmd "numbers: fmt keeps £2.5m and 1,798 as written" "$num_dir/money.fmt.expected" fmt "$num_dir/money.plan"

# money with separators and every benchmark, in every format
for fmt in text md csv json html; do
    golden_cmd "numbers: money and benchmarks as $fmt" "$num_dir/money.$fmt.expected" \
        eval "$num_dir/money.plan" --results "$num_dir/money.csv" --period 2023/24 --format $fmt
done
"$PLANC" eval "$num_dir/money.plan" --results "$num_dir/money.csv" --period 2023/24 --format json >"$OUT/num.json" 2>&1
if python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
fin = d["indicators"][0]
b = fin["benchmarks"]
assert [x["id"] for x in b] == ["england", "london"], b
assert b[1]["value"] == 59500000 and b[1]["text"] == "\u00a359,500,000" and b[1]["period"] == "2023/24", b
assert fin["target"] == "\u00a32,500,000" and fin["target_value"] == 2500000 and fin["result"] == 2750000, fin
assert d["indicators"][1]["benchmarks"] == [], d["indicators"][1]
' "$OUT/num.json" 2>"$OUT/num.err"; then
    ok "numbers: JSON has every benchmark in the order the indicator gives them, money as numbers and as printed"
else
    bad "numbers: JSON has every benchmark in the order the indicator gives them, money as numbers and as printed" "$(tail -3 "$OUT/num.err")"
fi
"$PLANC" eval "$num_dir/money.plan" --results "$num_dir/money.csv" --period 2023/24 >"$OUT/num.txt" 2>&1
grep -q '^      Benchmarks: England £1,990,000,000; London £59,500,000$' "$OUT/num.txt" &&
    ok "numbers: text lists the benchmarks the column cuts" ||
    bad "numbers: text lists the benchmarks the column cuts" "$(grep -n 'London' "$OUT/num.txt")"

# the built evaluator prints the same money and benchmarks
if "$PLANC" build "$num_dir/money.plan" -o "$OUT/num_eval" >"$OUT/num_build.log" 2>&1; then
    differ=""
    for fmt in text md csv json html; do
        "$PLANC" eval "$num_dir/money.plan" --results "$num_dir/money.csv" --period 2023/24 --format $fmt >"$OUT/num_want" 2>&1
        "$OUT/num_eval" --results "$num_dir/money.csv" --period 2023/24 --format $fmt >"$OUT/num_got" 2>&1
        cmp -s "$OUT/num_want" "$OUT/num_got" || differ="$differ $fmt"
    done
    [ -z "$differ" ] && ok "numbers: the built evaluator prints the same money and benchmarks" ||
        bad "numbers: the built evaluator prints the same money and benchmarks" "differs in:$differ"
else
    bad "numbers: planc build" "$(head -3 "$OUT/num_build.log")"
fi

# W004: a reason silences it, a plain note does not, nor is it given after a revised method
golden_cmd "numbers: W004 only for the target without a reason" "$num_dir/reasons.check.expected" \
    check --color=never "$num_dir/reasons.plan"
golden_cmd "numbers: a target's reason in the explanation" "$num_dir/reasons.text.expected" \
    eval "$num_dir/reasons.plan" --results "$num_dir/reasons.csv" --period 2023/24
"$PLANC" eval "$num_dir/reasons.plan" --results "$num_dir/reasons.csv" --period 2023/24 --format json >"$OUT/num_r.json" 2>&1
if python3 -c '
import json, sys
d = {i["ref"]: i for i in json.load(open(sys.argv[1]))["indicators"]}
assert d["ADO/01"]["target_reason"] == "fewer children are waiting for adoption", d["ADO/01"]
assert d["ADO/01"]["explanation"].endswith("; the target\u0027s reason: fewer children are waiting for adoption")
assert d["ADO/02"]["target_reason"] is None
' "$OUT/num_r.json" 2>"$OUT/num_r.err"; then
    ok "numbers: JSON gives the target's reason"
else
    bad "numbers: JSON gives the target's reason" "$(tail -3 "$OUT/num_r.err")"
fi
golden_cmd "numbers: fmt keeps a target's reason" "$num_dir/reasons.fmt.expected" fmt "$num_dir/reasons.plan"
# the Barnet plans are faithful transcriptions: no W004 left (their lower targets give their reason)
w004=$(for p in plans/*.plan; do "$PLANC" check --color=never "$p" 2>&1 | grep '\[W004\]'; done)
[ -z "$w004" ] && ok "numbers: no W004 on the Barnet plans" || bad "numbers: no W004 on the Barnet plans" "$w004"
