# The HTML committee pack (issue 14, part E), sourced by tests/run.sh: goldens of the pack over one
# and eight quarters, its charts checked as XML with a title and a description each, its palette
# the map's, and the pack loaded, counted and printed in headless Chromium (A4 landscape, a page for
# the front, one per pillar and one for the exceptions).  Looking at the pages: docs/testing.md.
PK=tests/pack
PK_PLAN=tests/history/council.plan
PK_RESULTS=tests/history/returns
PK_PERIOD="2024/25 Q4"
golden_cmd "pack: one quarter" $PK/council.1.html.expected eval $PK_PLAN --results $PK_RESULTS --period "$PK_PERIOD" --format html
golden_cmd "pack: eight quarters" $PK/council.8.html.expected eval $PK_PLAN --results $PK_RESULTS --period "$PK_PERIOD" \
    --history 8 --format html

"$PLANC" map $PK_PLAN --results $PK_RESULTS --period "$PK_PERIOD" -o "$OUT/pack.map.svg" 2>/dev/null
for n in 1 8; do
    "$PLANC" eval $PK_PLAN --results $PK_RESULTS --period "$PK_PERIOD" --history $n --format html -o "$OUT/pack$n.html" \
        2>"$OUT/pack$n.err"
    if python3 $PK/check.py "$OUT/pack$n.html" $PK_RESULTS $n "$OUT/pack.map.svg" >"$OUT/pack$n.check" 2>&1; then
        ok "pack: $n quarter(s): charts well-formed with title and desc, one trend per indicator with 2+ values, the map's palette"
    else
        bad "pack: $n quarter(s): structure" "$(head -5 "$OUT/pack$n.check")"
    fi
done
# the same pack from a built evaluator, byte for byte
"$PLANC" build $PK_PLAN -o "$OUT/pack.eval" 2>/dev/null &&
    "$OUT/pack.eval" --results $PK_RESULTS --period "$PK_PERIOD" --history 8 --format html >"$OUT/pack8.built.html" 2>"$OUT/pack8.built.err" &&
    cmp -s "$OUT/pack8.html" "$OUT/pack8.built.html" && ok "pack: eval and the built evaluator agree" ||
    bad "pack: eval and the built evaluator agree"

# Headless Chromium from its command line (as tests/html.sh): no Node package to install, and
# --dump-dom, --enable-logging and --print-to-pdf give all this test needs.  Missing Chromium or
# poppler-utils skips the test, except in CI (CI=true), where it fails.
pack_browser() {
    local html=$1 pages_want=$2 charts_want=$3 name=$4
    rm -rf "$OUT/pack-profile"
    local flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
                 --disable-component-update --disable-sync --user-data-dir=$OUT/pack-profile"
    timeout 120 chromium $flags --enable-logging=stderr --v=0 --dump-dom "file://$(pwd)/$html" \
        >"$OUT/$name.dom.html" 2>"$OUT/$name.chromium.log"
    if grep -qiE 'CONSOLE\(|Uncaught|SyntaxError' "$OUT/$name.chromium.log"; then
        bad "pack $name: no console errors" "$(grep -iE 'CONSOLE\(|Uncaught' "$OUT/$name.chromium.log" | head -3)"
    else
        ok "pack $name: no console errors"
    fi
    local charts
    charts=$(grep -o '<svg class="trend"' "$OUT/$name.dom.html" | wc -l)
    [ "$charts" = "$charts_want" ] && ok "pack $name: $charts trend charts in the DOM" ||
        bad "pack $name: trend charts in the DOM" "$charts, want $charts_want"
    rm -f "$OUT/$name.pdf" "$OUT/$name"-*.png
    timeout 120 chromium $flags --no-pdf-header-footer --print-to-pdf="$OUT/$name.pdf" "file://$(pwd)/$html" \
        >/dev/null 2>&1
    pdftoppm -r 30 -png "$OUT/$name.pdf" "$OUT/$name" 2>/dev/null
    local pages size
    pages=$(ls "$OUT/$name"-*.png 2>/dev/null | wc -l)
    size=$(pdfinfo "$OUT/$name.pdf" 2>/dev/null | sed -n 's/^Page size: *\([0-9.]* x [0-9.]*\).*/\1/p')
    # at least: a pillar longer than a page runs on to more
    [ "$pages" -ge "$pages_want" ] && [ "$size" = "841.92 x 594.96" ] &&
        ok "pack $name: printed on $pages A4 landscape pages" ||
        bad "pack $name: printed pages" "$pages pages of $size, want at least $pages_want of 841.92 x 594.96 (A4 landscape)"
}
if command -v chromium >/dev/null && command -v pdftoppm >/dev/null; then
    # pages: the front, each of the two pillars, the exceptions
    pack_browser "$OUT/pack8.html" 4 7 pack8
elif [ "${CI:-}" = true ]; then
    bad "pack in Chromium" "chromium or pdftoppm is not installed (make deps installs them)"
else
    echo "SKIP pack in Chromium: chromium or pdftoppm (poppler-utils) is not installed (make deps)"
fi
