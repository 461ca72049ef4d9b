# The rules of issue 21 together (tests/rules/combined), sourced by tests/run.sh after the three parts'
# files: a BRAG scheme whose bands are an edge above target by the tolerance, a method edge, each
# indicator's own floor with a trend condition, a monitor band and `otherwise`, with symbols and
# colours; every band worked out by hand, explained, built (the evaluator agrees), drawn and printed.
RX=tests/rules/combined
RX_OUT="$OUT/rules_combined"
mkdir -p "$RX_OUT"

"$PLANC" check -q $RX/brag_trend.plan && ok "combined rules: the plan checks" || bad "combined rules: the plan checks"

# Target 100 (C/8: 10, smaller is better), tolerance 2, floor (threshold amber) 90 (C/8: 13).
# Bands, best first: Exceeded above tolerance; On target at 100%; Amber per indicator if improving or
# same (against the same quarter a year earlier); Monitoring (given, not reached); Off target otherwise.
# C/1 102.01: better than the target by 2.01, more than 2               -> blue
# C/2 102: better by exactly 2, not more; 102% >= 100%                   -> green
# C/3 98: 2 short, within the tolerance, no within-tolerance band: today's rule, on target -> green
# C/4 95: below target, 95 >= floor 90, 90 a year earlier: improving      -> amber
# C/5 90: exactly the floor (included), 90 a year earlier: same           -> amber
# C/6 95: above the floor but 96 a year earlier: worsening, condition fails -> red
# C/7 89.99: 0.01 below the floor, although improving                     -> red
# C/8 12.5 (smaller): 2.5 over the target 10, beyond the tolerance; 12.5 <= floor 13; 14 a year
#     earlier: improving                                                   -> amber
# M/1 monitor only: the monitor band, not rated                           -> grey
"$PLANC" eval $RX/brag_trend.plan --results $RX/brag_trend.csv --period "2023/24 Q2" --format csv >"$RX_OUT/eval.csv" 2>&1
python3 - "$RX_OUT/eval.csv" >"$RX_OUT/got" <<'PY'
import csv, sys
for row in csv.DictReader(open(sys.argv[1], newline="")):
    print(row["ref"], row["rating"] or "-", row.get("symbol", ""))
PY
cat >"$RX_OUT/want" <<'EOF2'
C/1 blue ★
C/2 green ✓
C/3 green ✓
C/4 amber ▲
C/5 amber ▲
C/6 red ✗
C/7 red ✗
C/8 amber ▲
M/1 grey ○
EOF2
diff -u "$RX_OUT/want" "$RX_OUT/got" >"$RX_OUT/diff" && ok "combined rules: bands and symbols at and around each edge" ||
    bad "combined rules: bands and symbols at and around each edge" "$(head -14 "$RX_OUT/diff")"

golden_cmd "combined rules: the text report" $RX/brag_trend.text.expected \
    eval $RX/brag_trend.plan --results $RX/brag_trend.csv --period "2023/24 Q2"

# the counts: on or above target are Exceeded and On target (C/1; C/2, C/3: 3 of 8 rated); Monitoring apart
"$PLANC" eval $RX/brag_trend.plan --results $RX/brag_trend.csv --period "2023/24 Q2" --format json >"$RX_OUT/eval.json" 2>&1
"$PLANC" eval $RX/brag_trend.plan --results $RX/brag_trend.csv --period "2023/24 Q2" |
    grep -q '8 rated: 38% (3) on or above target, 63% (5) below target' &&
    ok "combined rules: the band above target counts as on target" ||
    bad "combined rules: the band above target counts as on target"

# the map: each band's symbol in the key, the blue band's colour
"$PLANC" map $RX/brag_trend.plan --results $RX/brag_trend.csv --period "2023/24 Q2" -T dot -o "$RX_OUT/map.dot" 2>&1
{ grep -q '★' "$RX_OUT/map.dot" && grep -q '✗' "$RX_OUT/map.dot" && grep -q '○' "$RX_OUT/map.dot" &&
  grep -qi '#2166AC' "$RX_OUT/map.dot"; } && ok "combined rules: the map's key shows the symbols and the blue band" ||
    bad "combined rules: the map's key shows the symbols and the blue band"

# the built evaluator prints the same bytes as planc eval
cgen_same "combined rules" $RX/brag_trend.plan $RX/brag_trend.csv "2023/24 Q2" "2023/24 Q1"

# fmt prints it back, and the result checks the same
"$PLANC" fmt $RX/brag_trend.plan >"$RX_OUT/fmt.plan" 2>&1 && "$PLANC" fmt "$RX_OUT/fmt.plan" >"$RX_OUT/fmt2.plan" 2>&1 &&
    cmp -s "$RX_OUT/fmt.plan" "$RX_OUT/fmt2.plan" && "$PLANC" check -q "$RX_OUT/fmt.plan" &&
    ok "combined rules: fmt round-trips" || bad "combined rules: fmt round-trips"
