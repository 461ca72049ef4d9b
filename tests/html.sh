# The HTML report, sourced by tests/run.sh: opened in headless Chromium, it raises no console error,
# its tables have a row per pillar and per indicator, and a screenshot is kept in tests/out.
for case in "tests/eval/small.plan tests/eval/good.csv 2019/20" \
            "plans/our-plan-for-barnet-2023-26.plan plans/our-plan-for-barnet-2023-26.results.csv 2023/24_Q2"; do
    set -- $case
    plan=$1 results=$2 period=${3//_/ }
    name=$(basename "${plan%.plan}")
    "$PLANC" map "$plan" --results "$results" --period "$period" -o "$OUT/$name.map.svg" 2>/dev/null
    if ! "$PLANC" eval "$plan" --results "$results" --period "$period" --format html --map "$OUT/$name.map.svg" -o "$OUT/$name.html" \
        2>"$OUT/$name.eval.err"; then
        bad "html report $name" "eval failed"
        continue
    fi
    # the same report from the compiled evaluator, byte for byte
    "$PLANC" build "$plan" -o "$OUT/$name.eval" 2>/dev/null &&
        "$OUT/$name.eval" --results "$results" --period "$period" --format html --map "$OUT/$name.map.svg" >"$OUT/$name.built.html" 2>"$OUT/$name.built.err" &&
        cmp -s "$OUT/$name.html" "$OUT/$name.built.html" && ok "html report $name: eval and the built evaluator agree" ||
        bad "html report $name: eval and the built evaluator agree"
    if ! command -v chromium >/dev/null; then
        bad "html report $name in Chromium" "chromium is not installed (make deps installs it)"
        continue
    fi
    rm -rf "$OUT/chromium-profile"
    flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
           --disable-component-update --disable-sync --user-data-dir=$OUT/chromium-profile"
    timeout 120 chromium $flags --enable-logging=stderr --v=0 --dump-dom "file://$(pwd)/$OUT/$name.html" \
        >"$OUT/$name.dom.html" 2>"$OUT/$name.chromium.log"
    if grep -qiE 'CONSOLE\(|Uncaught|SyntaxError' "$OUT/$name.chromium.log"; then
        bad "html report $name: no console errors" "$(grep -iE 'CONSOLE\(|Uncaught' "$OUT/$name.chromium.log" | head -3)"
    else
        ok "html report $name: no console errors"
    fi
    indicators=$("$PLANC" eval "$plan" --results "$results" --period "$period" --format json 2>/dev/null | grep -c '^    {"ref"')
    pillars=$("$PLANC" eval "$plan" --results "$results" --period "$period" --format json 2>/dev/null | grep -c '^      {"id".*"counts"' )
    themes=$(grep -c '<th scope="col">Ref</th>' "$OUT/$name.dom.html")
    summary_rows=$(sed -n '/<table id="summary">/,/<\/table>/p' "$OUT/$name.dom.html" | grep -c '<tr')
    # a row per indicator (the pack groups them by outcome: a table per group, each with its header row)
    rows=$(grep -c '<tr class="indicator"' "$OUT/$name.dom.html")
    themes_with_pillar=$("$PLANC" eval "$plan" --results "$results" --period "$period" --format json 2>/dev/null | grep -c '"pillar":')
    npillars=$((pillars - themes_with_pillar))
    if [ "$summary_rows" = $((npillars + 2)) ] && [ "$rows" = "$indicators" ]; then
        ok "html report $name: $summary_rows summary rows and $indicators indicator rows in the rendered page"
    else
        bad "html report $name: row counts" "summary $summary_rows (pillars $npillars), indicator rows $rows, tables $themes, indicators $indicators"
    fi
    timeout 120 chromium $flags --screenshot="$OUT/$name.png" --window-size=1280,1800 "file://$(pwd)/$OUT/$name.html" \
        >/dev/null 2>&1
    [ -s "$OUT/$name.png" ] && ok "html report $name: screenshot saved" || bad "html report $name: screenshot"
done
