# Issue 21, part A: the band edges councils write (per indicator, within tolerance, above tolerance,
# above N%, tolerance N% of target), sourced by tests/run.sh after tests/cgen.sh (it uses cgen_same).
# Every indicator of tests/rules/edges/edges.plan is rated at and either side of its edges; the bands
# expected are worked out by hand below.
RE_DIR=tests/rules/edges
RE_OUT="$OUT/rules_edges"
mkdir -p "$RE_OUT"

# re_expect PERIOD "REF=BAND ..." : planc eval's CSV gives each REF that band (the `rating` column)
re_expect() {
    local period=$1 want=$2 got pair ref band
    "$PLANC" eval "$RE_DIR/edges.plan" --results "$RE_DIR/edges.csv" --period "$period" --format csv \
        >"$RE_OUT/eval.csv" 2>"$RE_OUT/eval.err"
    for pair in $want; do
        ref=${pair%=*} band=${pair#*=}
        got=$(awk -F, -v r="$ref" '$1 == r { print $11 }' "$RE_OUT/eval.csv")
        [ "$got" = "$band" ] && ok "rules edges: $ref in $period is $band" ||
            bad "rules edges: $ref in $period is $band" "got '${got}'"
    done
}

# E/1 share, bigger, per indicator: green 90%, amber 85% (87% in Q2 only, its own value); target 90%.
# E/2 waits, smaller, per indicator: green 10 days, amber 12 days (for 2023/24, so every quarter of it).
# E/3 sat, tolerance 2 pts as a band (green at 100% of 80%, amber within tolerance).
# E/4 homes, tolerance 5% of target = 5% x 200 = 10, as a band.
# E/5 visits, BRAG: blue when better than 100 by more than 10; no tolerance band, so today's rule:
#     short by no more than 10 is green (on target); else amber at 90%.
# E/6 delay, smaller, BRAG: blue when below 20 by more than 2; short by up to 2 is green.
# E/7 loans, star above 110% (strict), green at 100%, amber at 90%.
# E/8 fees, today's rule with tolerance 5% of 200 = 10: short by up to 10 is green.
re_expect "2023/24 Q1" "E/1=amber E/2=amber E/3=green E/4=amber E/5=green E/6=green E/7=green E/8=green"
#   E/1 85 = amber's 85 exactly (inclusive); E/2 12 = amber's 12 exactly; E/3 80 = 100% of 80;
#   E/4 190: short by 10 = the tolerance (inclusive); E/5 110: better by exactly 10, not more: 110% green;
#   E/6 18: better by exactly 2, not more: green; E/7 110 = 110%, not more than 110%: green;
#   E/8 190: short by 10 = the tolerance: green (today's rule)
re_expect "2023/24 Q2" "E/1=red E/2=red E/3=amber E/4=red E/5=blue E/6=blue E/7=star E/8=amber"
#   E/1 86.99 < Q2's own amber 87 (the undated 85 does not apply); E/2 12.01 > 12; E/3 78: short by 2 =
#   the tolerance; E/4 189.99: short by 10.01 > 10; E/5 110.01: better by 10.01 > 10; E/6 17.99: better by
#   2.01 > 2; E/7 110.01 > 110%; E/8 189.99: short by 10.01, 94.995% >= 90%: amber
re_expect "2023/24 Q3" "E/1=red E/2=amber E/3=red E/4=green E/5=green E/6=green E/7=amber E/8=amber"
#   E/1 84.99 < 85; E/2 11.99 <= 12; E/3 77.99: short by 2.01 > 2; E/4 200 = 100%; E/5 90: short by 10 =
#   the tolerance: green; E/6 22: short by 2: green; E/7 99.99% >= 90%; E/8 180: short by 20, 90%: amber
re_expect "2023/24 Q4" "E/1=green E/2=green E/3=amber E/4=amber E/5=red E/6=amber E/7=green E/8=red"
#   E/1 90 = green's 90; E/2 10 = green's 10; E/3 79.99: short by 0.01; E/4 195: short by 5;
#   E/5 89.99: short by 10.01, 89.99% < 90%: red; E/6 22.01: short by 2.01, 20/22.01 = 90.9%: amber;
#   E/7 100 = 100%; E/8 179.99: 89.995% < 90%: red
re_expect "2023/24" "E/1=amber E/2=amber E/3=green E/4=green E/5=green E/6=green E/7=red E/8=green"
#   E/1 89.99 < 90, >= 85; E/2 10.01 > 10, <= 12; E/3 80.01; E/4 210 (better by 10, not more: there is no
#   above band in tolerband anyway); E/5 100; E/6 20; E/7 89.99% < 90%; E/8 200

# the explanations, the on-target counts (above bands are on target) and every format
golden_cmd "rules edges: eval 2023/24 Q2" "$RE_DIR/edges_q2.expected" eval "$RE_DIR/edges.plan" \
    --results "$RE_DIR/edges.csv" --period "2023/24 Q2"
golden_cmd "rules edges: eval 2023/24 Q4 as JSON" "$RE_DIR/edges_q4_json.expected" eval "$RE_DIR/edges.plan" \
    --results "$RE_DIR/edges.csv" --period "2023/24 Q4" --format json
# the built evaluator prints the same bytes
cgen_same "rules edges" "$RE_DIR/edges.plan" "$RE_DIR/edges.csv" "2023/24 Q1" "2023/24 Q2" "2023/24 Q3" "2023/24 Q4" 2023/24

# planc fmt prints the new syntax as written (the plan is in fmt's layout)
if "$PLANC" fmt "$RE_DIR/edges.plan" >"$RE_OUT/fmt.plan" 2>"$RE_OUT/fmt.err" && cmp -s "$RE_DIR/edges.plan" "$RE_OUT/fmt.plan"; then
    ok "rules edges: fmt round-trips the edges, thresholds and tolerance of target"
else
    bad "rules edges: fmt round-trips the edges, thresholds and tolerance of target" "$(diff "$RE_DIR/edges.plan" "$RE_OUT/fmt.plan" | head -5)"
fi

# planc diff: thresholds per indicator, edges per scheme
# (homes's tolerance is the plan's first 'tolerance 5% of target')
perl -0pe 's{threshold amber 85% "the floor"}{threshold amber 86% "the floor"}; s{\(S\) above 110%}{(S) above 120%};
    s{\(A\) within tolerance}{(A) at 95%}; s{tolerance 5% of target}{tolerance 4% of target}' \
    "$RE_DIR/edges.plan" >"$RE_OUT/changed.plan"
golden_cmd "rules edges: diff" "$RE_DIR/diff.expected" diff "$RE_DIR/edges.plan" "$RE_OUT/changed.plan"
