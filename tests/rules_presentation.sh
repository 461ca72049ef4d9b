# Issue 21, part C (presentation), sourced by tests/run.sh: band colours (blue) and symbols in every
# output, the monitor band, and contextual indicators (`expect`).  Fixtures in tests/rules/presentation.
RP=tests/rules/presentation
RP_OUT="$OUT/rules_presentation"
mkdir -p "$RP_OUT"

# brag.plan, 2023/24, method achievement, bands Exceeded above 110% (blue, star), Green at 100% (tick),
# Amber at 90% (amber, triangle_up), Monitoring (monitor, ring), Red otherwise (symbol "<&>"):
#   P/1 111 against 100: 111% >= 110            -> Exceeded, "111 (★ B)"
#   P/2  95 against 100:  95% in [90, 100)      -> Amber, "95 (▲ A)"
#   P/3  50, polarity monitor                    -> not rated, shown as Monitoring "50 (○ M)"
#   P/4 310, expect 300, no target               -> "expected 300", "contextual: 310 against an expected
#                                                   300 (+3.3%)" (10 / 300 = 3.33%), Monitoring
#   P/5  80 against 100:  80% < 90               -> Red
# The summary: 5 reported, 3 rated; Monitoring 2 (a count, not a share of the rated); NYA 0.
for fmt in text md csv json html; do
    golden_cmd "rules presentation: brag $fmt" "$RP/brag.$fmt.expected" \
        eval "$RP/brag.plan" --results "$RP/brag.csv" --period 2023/24 --format "$fmt"
done
"$PLANC" eval "$RP/brag.plan" --results "$RP/brag.csv" --period 2023/24 >"$RP_OUT/brag.txt" 2>&1
for want in '111 (★ B)' '95 (▲ A)' '50 (○ M)' 'expected 300  310 (○ M)' \
    'contextual: 310 against an expected 300 (+3.3%)' '80 (<&> R)'; do
    grep -qF -- "$want" "$RP_OUT/brag.txt" && ok "rules presentation: text shows '$want'" ||
        bad "rules presentation: text shows '$want'"
done

# HTML: the symbol in an aria-hidden span beside the label; the hostile symbol and label escaped; the
# blue band's style only where a band is blue
"$PLANC" eval "$RP/brag.plan" --results "$RP/brag.csv" --period 2023/24 --format html >"$RP_OUT/brag.html" 2>&1
grep -qF '<span class="symbol" aria-hidden="true">★</span> Exceeded' "$RP_OUT/brag.html" &&
    ok "rules presentation: HTML symbol hidden from screen readers" ||
    bad "rules presentation: HTML symbol hidden from screen readers"
grep -qF '<span class="symbol" aria-hidden="true">&lt;&amp;&gt;</span> Red &lt;b&gt;&amp;&quot;x&quot;' "$RP_OUT/brag.html" &&
    ! grep -qF '<b>&"x"' "$RP_OUT/brag.html" && ok "rules presentation: HTML escapes a hostile symbol and label" ||
    bad "rules presentation: HTML escapes a hostile symbol and label"
grep -qF '.band-blue{background:#2166AC;color:#FFFFFF}' "$RP_OUT/brag.html" &&
    ok "rules presentation: HTML styles the blue band" || bad "rules presentation: HTML styles the blue band"
"$PLANC" eval "$RP/contextual.plan" --results "$RP/contextual.csv" --period "2023/24 Q1" --format html >"$RP_OUT/ctx.html" 2>&1
grep -q 'band-blue' "$RP_OUT/ctx.html" && bad "rules presentation: no blue style without a blue band" ||
    ok "rules presentation: no blue style without a blue band"

# the map: the rating line of a node and the key show the symbols; DOT escapes the hostile text
"$PLANC" map "$RP/brag.plan" --results "$RP/brag.csv" --period 2023/24 -T dot -o "$RP_OUT/brag.dot" 2>/dev/null
grep -qF '★ (B) Exceeded' "$RP_OUT/brag.dot" && grep -qF '111 (★ B)' "$RP_OUT/brag.dot" &&
    ok "rules presentation: the map's key and node show the symbol" ||
    bad "rules presentation: the map's key and node show the symbol"
grep -qF '&lt;&amp;&gt; (R) Red &lt;b&gt;&amp;&quot;x&quot;' "$RP_OUT/brag.dot" &&
    ok "rules presentation: DOT escapes a hostile symbol and label" ||
    bad "rules presentation: DOT escapes a hostile symbol and label"

# contextual.plan (quarterly, no monitor band): Q1 950 against the quarter's expected 1,000
# (-50 / 1000 = -5.0%); Q2 1000 against the year's 4,000 (no Q2 value: -3000 / 4000 = -75.0%); not rated
for q in Q1 Q2; do
    golden_cmd "rules presentation: contextual $q" "$RP/contextual_$q.expected" \
        eval "$RP/contextual.plan" --results "$RP/contextual.csv" --period "2023/24 $q"
done

# fmt prints the new syntax and round-trips it
for plan in brag contextual; do
    "$PLANC" fmt "$RP/$plan.plan" >"$RP_OUT/$plan.fmt.plan" 2>&1 &&
        "$PLANC" fmt "$RP_OUT/$plan.fmt.plan" >"$RP_OUT/$plan.fmt2.plan" 2>&1 &&
        cmp -s "$RP_OUT/$plan.fmt.plan" "$RP_OUT/$plan.fmt2.plan" &&
        grep -qF 'symbol "<&>"' "$RP_OUT/brag.fmt.plan" &&
        "$PLANC" check "$RP_OUT/$plan.fmt.plan" >/dev/null 2>&1 &&
        ok "rules presentation: fmt round-trips $plan" || bad "rules presentation: fmt round-trips $plan"
done
grep -qF 'band grey "Monitoring" (M) monitor symbol ring' "$RP_OUT/brag.fmt.plan" &&
    grep -qF 'expect 300 in 2023/24 "the forecast"' "$RP_OUT/brag.fmt.plan" &&
    ok "rules presentation: fmt writes monitor, symbol and expect" ||
    bad "rules presentation: fmt writes monitor, symbol and expect"

# diff: colours, symbols and expected values
golden_cmd "rules presentation: diff" "$RP/diff.expected" diff "$RP/brag.plan" "$RP/brag_changed.plan"

# the built evaluator prints the same bytes as planc eval
cgen_same "rules presentation: brag" "$RP/brag.plan" "$RP/brag.csv" 2023/24
cgen_same "rules presentation: contextual" "$RP/contextual.plan" "$RP/contextual.csv" "2023/24 Q1" "2023/24 Q2"
