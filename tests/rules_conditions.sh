# Band conditions (issue 21, part B), sourced by tests/run.sh after tests/cgen.sh (it uses cgen_same):
# `if improving or same`, `against previous`, `not`, `if forecast met`, a band with only a condition,
# the same edge after a band with a condition; rated at and either side of each edge, explained, in
# the built evaluator, printed back by fmt, compared by diff, and the checker's errors.
RC=tests/rules/conditions
RC_OUT="$OUT/rules_conditions"
mkdir -p "$RC_OUT"

# "REF BAND" for each indicator of the CSV report $1 (the band's identifier; - when not rated)
rc_bands() {
    python3 - "$1" <<'PY'
import csv, sys
for row in csv.DictReader(open(sys.argv[1], newline="")):
    print(row["ref"], row["rating"] or "-")
PY
}

# rc_expect NAME PERIOD: the bands planc eval gives in PERIOD are those on standard input
rc_expect() {
    local name=$1 period=$2
    cat >"$RC_OUT/want"
    "$PLANC" eval $RC/conditions.plan --results $RC/conditions.csv --period "$period" --format csv \
        >"$RC_OUT/eval.csv" 2>/dev/null
    rc_bands "$RC_OUT/eval.csv" >"$RC_OUT/got"
    diff -u "$RC_OUT/want" "$RC_OUT/got" >"$RC_OUT/diff" && ok "$name" || bad "$name" "$(head -12 "$RC_OUT/diff")"
}

"$PLANC" check -q $RC/conditions.plan && ok "conditions: the plan checks" || bad "conditions: the plan checks"

# The target is 100 (P/: 50), so achievement is the result.  Bands, best first:
#   trend:     Green at 100%; Amber at 90% if improving or same; Red Amber at 90%; Red otherwise
#   short:     Green at 100%; Amber (no edge) if improving against previous; Red otherwise
#   outlook:   Green at 100%; Amber (no edge) if forecast met; Red otherwise
#   shortfall: Green within 0 pts; Watch within 5 pts if not improving; Amber within 5 pts; Red otherwise
# T/1 100, exactly at 100%                                          -> green
# T/2 90, exactly at 90%, 85 a year earlier: improving              -> amber
# T/3 90, 90 a year earlier: same (maintained)                      -> amber
# T/4 90, 95 a year earlier: worsening; Amber's edge reached but its condition fails, Red Amber's
#     edge (the same 90%) is reached                                -> ra
# T/5 89.99, 0.01 below 90%, improving: no edge reached but the last -> red
# T/6 90.01, 0.01 above 90%, no result a year earlier: New, no direction, so the condition fails -> ra
# T/7 smaller is better: 10 / 11 = 90.9%, 12 a year earlier: improving -> amber
# S/1 95, 90 in Q1: improving against previous                      -> amber
# S/2 95, 95 in Q1: same, not improving                             -> red
# S/3 95, no Q1: New against the period before                      -> red
# S/4 a year to date: no short-term direction (it grows), 50 / 60 = 83% -> red
# F/1 100                                                           -> green
# F/2 99.99, 0.01 below; forecast (the latest value, a level) 99.99 < 100: miss -> red
# F/3 year to date 50 / 60 = 83%; run rate 50 x 12 / 6 = 100, exactly the annual target: met -> amber
# F/4 year to date 49.99; run rate 99.98, 0.02 short: miss           -> red
# P/1 50: shortfall 0                                               -> green
# P/2 45: shortfall 5, exactly at the edge; 45 a year earlier: same, not improving -> watch
# P/3 45: shortfall 5; 40 a year earlier: improving, Watch fails    -> amber
# P/4 44.99: shortfall 5.01, over the edge                          -> red
# P/5 45: shortfall 5; New: "not improving" needs a direction, fails -> amber
rc_expect "conditions: bands at and around each edge, 2019/20 Q2" "2019/20 Q2" <<'EOF'
T/1 green
T/2 amber
T/3 amber
T/4 ra
T/5 red
T/6 ra
T/7 amber
S/1 amber
S/2 red
S/3 red
S/4 red
F/1 green
F/2 red
F/3 amber
F/4 red
P/1 green
P/2 watch
P/3 amber
P/4 red
P/5 amber
EOF
# At the year end (Q4) there is no forecast (the figure is the year's): F/2 99.99 is Red, "expected to
# reach the target" cannot rescue it
"$PLANC" eval $RC/conditions.plan --results $RC/conditions.csv --period "2019/20 Q4" --format csv \
    >"$RC_OUT/q4.csv" 2>/dev/null
rc_bands "$RC_OUT/q4.csv" | grep -qx 'F/2 red' && ok "conditions: no forecast at the year end, F/2 red" ||
    bad "conditions: no forecast at the year end, F/2 red"

# the explanations, in text: the condition that held, and the better band's that failed and why
golden_cmd "conditions: explained (text)" $RC/conditions.text.expected eval $RC/conditions.plan \
    --results $RC/conditions.csv --period "2019/20 Q2"
golden_cmd "conditions: no year-end forecast explained" $RC/conditions_q4.text.expected eval $RC/conditions.plan \
    --results $RC/conditions.csv --period "2019/20 Q4"
# the built evaluator prints the same bytes
cgen_same "conditions" $RC/conditions.plan $RC/conditions.csv "2019/20 Q2" "2019/20 Q4"

# fmt prints the conditions back as written, and again the same
"$PLANC" fmt $RC/conditions.plan >"$RC_OUT/fmt.plan" 2>&1
cmp -s "$RC_OUT/fmt.plan" $RC/conditions.plan && ok "conditions: fmt prints the plan back unchanged" ||
    bad "conditions: fmt prints the plan back unchanged" "$(diff $RC/conditions.plan "$RC_OUT/fmt.plan" | head -5)"

# diff: each band's condition per scheme, and a band added or removed with its condition
golden_cmd "conditions: diff" $RC/diff.expected diff $RC/conditions.plan $RC/diff_new.plan

# the checker: words that are no condition (E070), a condition on the last band (E071), one that can
# never hold (E072), the forecast with no `forecast` (E073), the same edge after an unconditional band
golden_cmd "conditions: unreadable conditions" $RC/words.expected check --color=never $RC/words.plan
golden_cmd "conditions: misused conditions" $RC/misuse.expected check --color=never $RC/misuse.plan
