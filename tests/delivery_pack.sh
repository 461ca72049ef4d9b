# Delivery in the committee pack and in the outcome map (issue 15), sourced by tests/run.sh: goldens of
# the map (DOT) and the pack of tests/delivery at 2023/24 Q2 and Q4, the activities' fills and the
# key's entries, hostile names and commentary escaped in HTML and DOT, and the pack printed.
DP=tests/delivery
DP_PLAN=$DP/council.plan
DP_RESULTS=$DP/returns

# the map: activities filled by their delivery band, the key explaining what the map drew
golden_cmd "delivery map: no results" tests/map/delivery.dot.expected map $DP_PLAN -o - -T dot
golden_cmd "delivery map: 2023/24 Q2" tests/map/delivery.q2.dot.expected map $DP_PLAN -o - -T dot \
    --results $DP_RESULTS --period "2023/24 Q2"
golden_cmd "delivery map: 2023/24 Q4" tests/map/delivery.q4.dot.expected map $DP_PLAN -o - -T dot \
    --results $DP_RESULTS --period "2023/24 Q4"
# fill of one activity's box in a DOT file: dp_fill FILE ID
dp_fill() { sed -n "/\"a:$2\"/,/\\]/p" "$1" | sed -n 's/.*fillcolor="\([^"]*\)".*/\1/p'; }
"$PLANC" map $DP_PLAN --results $DP_RESULTS --period "2023/24 Q2" -o "$OUT/dmap.q2.dot" -T dot 2>/dev/null
"$PLANC" map $DP_PLAN --results $DP_RESULTS --period "2023/24 Q4" -o "$OUT/dmap.q4.dot" -T dot 2>/dev/null
# Q2: delayed medium impact and a milestone overdue, worsened a band: red; Q4: overridden to low: amber
[ "$(dp_fill "$OUT/dmap.q2.dot" leisure_contract)" = "#A50026" ] && [ "$(dp_fill "$OUT/dmap.q4.dot" leisure_contract)" = "#FFE08A" ] &&
    [ "$(dp_fill "$OUT/dmap.q2.dot" carers_strategy)" = "#FFE08A" ] && [ "$(dp_fill "$OUT/dmap.q4.dot" carers_strategy)" = "#1B7837" ] &&
    [ "$(dp_fill "$OUT/dmap.q2.dot" wellbeing_plan)" = "#1B7837" ] &&
    ok "delivery map: activities filled by their band" ||
    bad "delivery map: activities filled by their band" "$(grep -A1 '"a:' "$OUT/dmap.q2.dot" | head -6)"
grep -q 'R, overdue' "$OUT/dmap.q2.dot" && ok "delivery map: the band and 'overdue' in the label" || bad "delivery map: band in the label"
missing=""
for entry in 'Boxes:' '>outcome<' 'indicator (filled by its rating)' 'activity, dashed (filled by its delivery)' \
    'Activities, Delivery of commissioning intentions:' '(RA) Delayed: medium impact' 'Activities, Progress of commitments:' \
    'Satisfactory progress' 'measures (grey' 'delivers (dashed'; do
    grep -qF "$entry" "$OUT/dmap.q2.dot" || missing="$missing [$entry]"
done
[ -z "$missing" ] && ok "delivery map: the key explains boxes, delivery bands and lines" || bad "delivery map: key entries" "missing$missing"
# only what the map drew: no transformation theme nor contributes-to edge here, no delivery without results
! grep -qE 'transformation workstream|contributes to \(' "$OUT/dmap.q2.dot" &&
    ! grep -q 'Activities, ' $DP/../map/delivery.dot.expected && ok "delivery map: the key names only what is drawn" ||
    bad "delivery map: the key names only what is drawn"

# hostile names and commentary: escaped in the DOT, the SVG and the pack; no scheme: colours by state
DH=$DP/pack-hostile
golden_cmd "delivery map: hostile names, by state" tests/map/delivery.hostile.dot.expected map $DH.plan -o - -T dot \
    --results $DH.csv --period "2023/24 Q2"
if "$PLANC" map $DH.plan --results $DH.csv --period "2023/24 Q2" -o "$OUT/dhostile.svg" 2>/dev/null &&
    python3 -c "import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])" "$OUT/dhostile.svg" &&
    ! grep -qE '<script|<img|<svg onload' "$OUT/dhostile.svg"; then
    ok "delivery map: hostile names drawn escaped, the SVG well-formed"
else
    bad "delivery map: hostile names drawn escaped"
fi
for k in 'no status' 'complete or on track (no delivery scheme)' 'not started, delayed or overdue' 'at risk, off track or high impact'; do
    grep -qF "$k" "$OUT/dhostile.svg" || { bad "delivery map: key of state colours" "no '$k'"; k=; break; }
done
[ -n "$k" ] && ok "delivery map: key of state colours (no scheme)"
golden_cmd "delivery pack: hostile names" $DP/pack-hostile.html.expected eval $DH.plan --results $DH.csv --period "2023/24 Q2" --format html
"$PLANC" eval $DH.plan --results $DH.csv --period "2023/24 Q2" --format html -o "$OUT/dhostile.html" 2>/dev/null
# the markup of the page is balanced (no name or comment closed a cell, a row or a table) and none is live
dp_balanced() {
    python3 - "$1" <<'PY'
import sys
from html.parser import HTMLParser
VOID = {"meta", "br", "img", "hr", "input", "link"}
class P(HTMLParser):
    def __init__(s):
        super().__init__(); s.stack = []; s.bad = []
    def handle_starttag(s, t, a):
        if t in ("script", "img", "iframe"): s.bad.append("live <%s>" % t)
        if t not in VOID: s.stack.append(t)
    def handle_endtag(s, t):
        if not s.stack or s.stack[-1] != t: s.bad.append("</%s> closes <%s>" % (t, s.stack[-1] if s.stack else "nothing"))
        else: s.stack.pop()
p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read())
bad = p.bad + (["unclosed %s" % p.stack] if p.stack else [])
print("\n".join(bad[:5])); sys.exit(1 if bad else 0)
PY
}
dp_balanced "$OUT/dhostile.html" >"$OUT/dhostile.check" 2>&1 && ok "delivery pack: hostile names escaped, the page balanced" ||
    bad "delivery pack: hostile names escaped" "$(head -3 "$OUT/dhostile.check")"
grep -q 'On track <span class="marker">(provisional)</span>' "$OUT/dhostile.html" &&
    grep -q '<li class="ms-overdue">&lt;img src=x onerror=alert(1)&gt; milestone: overdue (due 2023/24 Q1)</li>' "$OUT/dhostile.html" &&
    grep -q '<td class="band-red">Delayed, high impact <span class="marker">(overdue)</span>' "$OUT/dhostile.html" &&
    ok "delivery pack: provisional and overdue marked, colours by state" || bad "delivery pack: markers and colours by state"

# the pack: a quarter, and four with the strip of bands
golden_cmd "delivery pack: 2023/24 Q2" $DP/pack-q2.html.expected eval $DP_PLAN --results $DP_RESULTS --period "2023/24 Q2" --format html
golden_cmd "delivery pack: 2023/24 Q4 over 4 quarters" $DP/pack-q4.4.html.expected eval $DP_PLAN --results $DP_RESULTS \
    --period "2023/24 Q4" --history 4 --format html
"$PLANC" eval $DP_PLAN --results $DP_RESULTS --period "2023/24 Q4" --history 4 --format html -o "$OUT/dpack4.html" 2>/dev/null
dp_count() { grep -o "$1" "$2" | wc -l; }
[ "$(dp_count '<table class="delivery"' "$OUT/dpack4.html")" = 3 ] && [ "$(dp_count '<tr class="activity"' "$OUT/dpack4.html")" = 6 ] &&
    [ "$(dp_count '<tr class="strip">' "$OUT/dpack4.html")" = 6 ] && [ "$(dp_count 'class="delivery-line"' "$OUT/dpack4.html")" = 6 ] &&
    grep -q '<h3>Delivery exceptions</h3>' "$OUT/dpack4.html" && grep -q 'id="delivery-exceptions"' "$OUT/dpack4.html" &&
    grep -q '<td class="band-amber1">Delayed: low impact (A) <span class="marker">(overdue)</span>' "$OUT/dpack4.html" &&
    grep -q '<span class="band-red">2023/24 Q2: R</span>' "$OUT/dpack4.html" &&
    ok "delivery pack: tables per theme, delivery lines, strips of bands, delivery exceptions" ||
    bad "delivery pack: delivery sections"
dp_balanced "$OUT/dpack4.html" >"$OUT/dpack4.check" 2>&1 && ok "delivery pack: the page balanced" || bad "delivery pack: the page balanced" "$(head -3 "$OUT/dpack4.check")"
# a plan without activities: the pack has no delivery (its goldens in tests/pack.sh are unchanged)
"$PLANC" eval tests/history/council.plan --results tests/history/returns --period "2024/25 Q4" --format html 2>/dev/null |
    grep -qE 'delivery|class="chip' && bad "delivery pack: none without activities" || ok "delivery pack: none without activities"
# the built evaluator writes the same pack
"$PLANC" build $DP_PLAN -o "$OUT/dpack.eval" 2>/dev/null &&
    "$OUT/dpack.eval" --results $DP_RESULTS --period "2023/24 Q4" --history 4 --format html >"$OUT/dpack4.built.html" 2>/dev/null &&
    cmp -s "$OUT/dpack4.html" "$OUT/dpack4.built.html" && ok "delivery pack: eval and the built evaluator agree" ||
    bad "delivery pack: eval and the built evaluator agree"

# printed in headless Chromium (as tests/pack.sh): A4 landscape, the delivery tables in the DOM, and
# the front page with its delivery line still on one page
if command -v chromium >/dev/null && command -v pdftotext >/dev/null; then
    rm -rf "$OUT/dpack-profile"
    dflags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
            --disable-component-update --disable-sync --user-data-dir=$OUT/dpack-profile"
    timeout 120 chromium $dflags --dump-dom "file://$(pwd)/$OUT/dpack4.html" >"$OUT/dpack4.dom.html" 2>/dev/null
    [ "$(dp_count '<table class="delivery"' "$OUT/dpack4.dom.html")" = 3 ] && ok "delivery pack: delivery tables in Chromium's DOM" ||
        bad "delivery pack: delivery tables in Chromium's DOM"
    timeout 120 chromium $dflags --no-pdf-header-footer --print-to-pdf="$OUT/dpack4.pdf" "file://$(pwd)/$OUT/dpack4.html" >/dev/null 2>&1
    dsize=$(pdfinfo "$OUT/dpack4.pdf" 2>/dev/null | sed -n 's/^Page size: *\([0-9.]* x [0-9.]*\).*/\1/p')
    front=$(pdftotext -f 1 -l 1 "$OUT/dpack4.pdf" - 2>/dev/null)
    [ "$dsize" = "841.92 x 594.96" ] && grep -q '^Summary' <<<"$front" && grep -q 'Delivery: 4 of 6 activities' <<<"$front" &&
        pdftotext "$OUT/dpack4.pdf" - 2>/dev/null | grep -q 'Delivery exceptions' &&
        ok "delivery pack: printed on A4 landscape, the front page on one page" ||
        bad "delivery pack: printed" "page size $dsize; front page: $(head -c 300 <<<"$front")"
elif [ "${CI:-}" = true ]; then
    bad "delivery pack in Chromium" "chromium or pdftotext is not installed (make deps installs them)"
else
    echo "SKIP delivery pack in Chromium: chromium or pdftotext (poppler-utils) is not installed (make deps)"
fi

# a long title: the key's HTML label stays short enough for Graphviz to read the DOT back (it reads no
# HTML string over 16384 bytes), the title cut short in it
{ printf 'plan "'; for i in $(seq 1 700); do printf '<&>\\" '; done; printf '" { covers 2023/24 }\n'
  printf 'pillar p "P" {\n theme t "T" {\n  outcome o "O"\n  activity a "A" { delivers o }\n }\n}\n'; } >"$OUT/dlong.plan"
if command -v dot >/dev/null; then
    "$PLANC" map "$OUT/dlong.plan" -o "$OUT/dlong.dot" -T dot 2>/dev/null && dot -Tcanon "$OUT/dlong.dot" >/dev/null 2>"$OUT/dlong.err" &&
        grep -q 'Boxes:' "$OUT/dlong.dot" && grep -q '…' "$OUT/dlong.dot" &&
        ok "delivery map: a long title keeps the key readable by Graphviz" ||
        bad "delivery map: a long title keeps the key readable by Graphviz" "$(head -2 "$OUT/dlong.err")"
fi
