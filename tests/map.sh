# Outcome-map tests, sourced by tests/run.sh.

# the graph planc builds, as DOT, without and with ratings
golden_cmd "map: golden DOT" tests/map/tiny.dot.expected map tests/map/tiny.plan -o - -T dot
golden_cmd "map: golden DOT with ratings" tests/map/tiny.rated.dot.expected map tests/map/tiny.plan -o - -T dot \
    --results tests/map/tiny.results.csv --period 2023/24
golden_cmd "map: golden DOT, outcomes only" tests/map/tiny.outcomes.dot.expected map tests/map/tiny.plan -o - -T dot --detail outcomes
golden_cmd "map: golden DOT, one theme" tests/map/tiny.theme.dot.expected map tests/map/tiny.plan -o - -T dot --theme green

# the Barnet map: every pillar, theme and outcome is in the SVG, with its full text
B=plans/our-plan-for-barnet-2023-26
if "$PLANC" map $B.plan -o "$OUT/barnet.svg" --results $B.results.csv --period "2023/24 Q2" 2>"$OUT/map.err"; then
    ok "map: Barnet SVG drawn"
    missing=0
    while IFS= read -r name; do
        esc=$(printf '%s' "$name" | sed -e 's/&/\&amp;/g' -e "s/'/\&#39;/g" -e 's/"/\&quot;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/-/\&#45;/g')
        grep -qF "xlink:title=\"$esc" "$OUT/barnet.svg" || { missing=$((missing + 1)); echo "  missing from the map: $name"; }
    done < <(grep -oE '^\s*(pillar|theme|outcome) [a-z0-9_]+ "([^"\\]|\\.)*"' $B.plan | sed -E 's/^\s*[a-z]+ [a-z0-9_]+ "(.*)"$/\1/; s/\\"/"/g')
    [ $missing = 0 ] && ok "map: every pillar, theme and outcome of Barnet is labelled" || bad "map: Barnet labels" "$missing missing"
    grep -q 'transformation workstream' "$OUT/barnet.svg" && ok "map: transformation workstreams marked" || bad "map: transformation workstreams marked"
    grep -q '(G)' "$OUT/barnet.svg" && ok "map: ratings shown as letters" || bad "map: ratings shown as letters"
    grep -q 'Direction of travel' "$OUT/barnet.svg" && ok "map: key shown" || bad "map: key shown"
else
    bad "map: Barnet SVG drawn" "$(head -3 "$OUT/map.err")"
fi
"$PLANC" map $B.plan -o "$OUT/barnet2.svg" --results $B.results.csv --period "2023/24 Q2" 2>/dev/null
cmp -s "$OUT/barnet.svg" "$OUT/barnet2.svg" && ok "map: SVG is byte-identical run to run" || bad "map: SVG is deterministic"
# (docs/barnet-map.svg is refreshed by `make golden`; it is not compared, since the layout's text widths
# depend on the fonts a machine has)
[ $UPDATE = 1 ] && cp "$OUT/barnet.svg" docs/barnet-map.svg

# PNG and PDF are produced, with the right magic bytes; the format comes from the extension
"$PLANC" map tests/map/tiny.plan -o "$OUT/tiny.png" 2>/dev/null && [ "$(head -c 8 "$OUT/tiny.png" | od -An -c | tr -d ' \n')" = '211PNG\r\n032\n' ] &&
    ok "map: PNG" || bad "map: PNG" "$(head -c 8 "$OUT/tiny.png" | od -An -c)"
"$PLANC" map tests/map/tiny.plan -o "$OUT/tiny.pdf" 2>/dev/null && [ "$(head -c 5 "$OUT/tiny.pdf")" = "%PDF-" ] && ok "map: PDF" || bad "map: PDF"
"$PLANC" map tests/map/tiny.plan -o "$OUT/tiny.out" -T svg 2>/dev/null && grep -q '<svg' "$OUT/tiny.out" && ok "map: -T overrides the extension" || bad "map: -T svg"

# --split pillar: one map per pillar and an index
rm -rf "$OUT/split"
"$PLANC" map tests/map/tiny.plan --split pillar -o "$OUT/split" 2>/dev/null && [ -s "$OUT/split/people.svg" ] && [ -s "$OUT/split/planet.svg" ] && [ -s "$OUT/split/index.svg" ] &&
    ok "map: --split pillar" || bad "map: --split pillar" "$(ls "$OUT/split" 2>&1)"

# errors: a clear message, the status, and no file left behind
golden_cmd "map: unknown format" tests/map/unknown_format.expected map tests/map/tiny.plan -o "$OUT/x.gif"
golden_cmd "map: unknown -T" tests/map/unknown_T.expected map tests/map/tiny.plan -o "$OUT/x.svg" -T jpeg
golden_cmd "map: unknown pillar" tests/map/unknown_pillar.expected map tests/map/tiny.plan -o "$OUT/x.svg" --pillar nowhere
golden_cmd "map: unknown theme" tests/map/unknown_theme.expected map tests/map/tiny.plan -o "$OUT/x.svg" --theme nowhere
golden_cmd "map: output is the input" tests/map/output_is_input.expected map tests/map/tiny.plan -o tests/map/tiny.plan -T svg
golden_cmd "map: plan with errors" tests/map/plan_errors.expected map tests/check/e021_missing_polarity.plan -o "$OUT/x.svg"
golden_cmd "map: unwritable output" tests/map/unwritable.expected map tests/map/tiny.plan -o /nonexistent-dir/x.svg
[ -e "$OUT/x.svg" ] || [ -e "$OUT/x.gif" ] && bad "map: no output after errors" || ok "map: no output after errors"

# the size limit and the time limit
{ printf 'plan "Too big" { covers 2023/24 }\npillar p "P" {\n theme t "T" {\n'
  for i in $(seq 1 601); do printf '  outcome o%d "Outcome %d"\n' $i $i; done
  printf ' }\n}\n'; } >"$OUT/toobig.plan"
"$PLANC" map "$OUT/toobig.plan" -o "$OUT/toobig.svg" >"$OUT/toobig.err" 2>&1
[ $? = 2 ] && grep -q 'would have 602 boxes; the most planc draws on one page is 600' "$OUT/toobig.err" && [ ! -e "$OUT/toobig.svg" ] &&
    ok "map: size limit" || bad "map: size limit" "$(cat "$OUT/toobig.err")"
"$PLANC" map "$OUT/toobig.plan" -o "$OUT/toobig.svg" --detail themes 2>/dev/null && ok "map: --detail themes fits the limit" || bad "map: --detail themes"
cp tests/map/tiny.plan "$OUT/keep.svg"
start=$(date +%s)
PLANC_MAP_TEST=stall "$PLANC" map tests/map/tiny.plan -o "$OUT/keep.svg" -T svg --timeout 1 >"$OUT/stall.err" 2>&1
status=$?
took=$(( $(date +%s) - start ))
[ $status = 2 ] && [ $took -le 5 ] && grep -q 'took longer than 1 seconds' "$OUT/stall.err" && cmp -s tests/map/tiny.plan "$OUT/keep.svg" &&
    ok "map: time limit stops the layout and keeps the old file" || bad "map: time limit" "status $status after ${took}s: $(cat "$OUT/stall.err")"
PLANC_MAP_TEST=crash "$PLANC" map tests/map/tiny.plan -o "$OUT/crash.svg" >"$OUT/crash.err" 2>&1
[ $? = 2 ] && grep -q 'Graphviz crashed' "$OUT/crash.err" && [ ! -e "$OUT/crash.svg" ] &&
    ok "map: a crash in the layout is an error, not planc's crash" || bad "map: crash" "$(cat "$OUT/crash.err")"
ls "$OUT" | grep -q '\.tmp\.' && bad "map: no temporary files left" || ok "map: no temporary files left"
