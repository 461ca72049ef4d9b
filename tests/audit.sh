# The audit in every format and the reports on the ratings of record (issue 16), sourced by
# tests/run.sh (which defines ok, bad, golden_cmd, $PLANC, $OUT).  tests/audit/hostile.plan has names
# every format must escape, ratings of record the method does and does not reproduce, an override
# beside a rating of record and one alone; seed 001 (plans/barnet-corporate-plan-2016-17) is the
# audit of a real report.
au_plan=tests/audit/hostile.plan
au_csv=tests/audit/hostile.csv
au_p16=plans/barnet-corporate-plan-2016-17
au_seed=(eval $au_p16.plan --results $au_p16.results.csv --period 2016/17)

# --- the audit in every format: goldens (the text audit's golden is tests/seeds/audit-2016-17.expected) ---
for fmt in md csv json html; do
    golden_cmd "audit: seed 001 as $fmt" tests/audit/seed001.audit.$fmt.expected "${au_seed[@]}" --audit --format $fmt
    golden_cmd "audit: hostile names as $fmt" tests/audit/hostile.audit.$fmt.expected \
        eval $au_plan --results $au_csv --period 2019/20 --audit --format $fmt
done
golden_cmd "audit: hostile names as text" tests/audit/hostile.audit.text.expected \
    eval $au_plan --results $au_csv --period 2019/20 --audit

# --- JSON: valid, with the counts and each mismatch's fields ---
"$PLANC" "${au_seed[@]}" --audit --format json >"$OUT/au_seed.json" 2>&1
if jq -e '.period == "2016/17" and .ratings == {"published": 65, "reproduced": 53}
          and .directions.published == 0 and .delivery.published == 0 and (.mismatches | length) == 12
          and (.mismatches[0] | .id == "bh_kpi1" and .ref == "BH/KPI1 (LY: BH/C4)" and .published == "GA"
               and .computed == "red_amber" and .computed_label == "Red Amber" and (.explanation | startswith("Red Amber: 76%")))
          and ([.mismatches[] | select(.ref == "KPI 2.1 - 2.3")][0] | .computed == null and .computed_label == null)' \
    "$OUT/au_seed.json" >/dev/null; then
    ok "audit json: seed 001's counts and mismatches"
else
    bad "audit json: seed 001's counts and mismatches" "$(head -c 300 "$OUT/au_seed.json")"
fi
"$PLANC" eval $au_plan --results $au_csv --period 2019/20 --audit --format json >"$OUT/au_hostile.json" 2>&1
if python3 -m json.tool "$OUT/au_hostile.json" >/dev/null &&
    jq -e '(.mismatches[0].name == "Share <script>alert(1)</script> | \"quoted\", a\\b") and .ratings.reproduced == 1
           and (.direction_mismatches[0] | .published == "Improving" and .computed == "Worsening")' \
        "$OUT/au_hostile.json" >/dev/null; then
    ok "audit json: valid, the hostile name read back whole, the direction's mismatch"
else
    bad "audit json: valid, the hostile name read back whole, the direction's mismatch" "$(head -c 300 "$OUT/au_hostile.json")"
fi

# --- CSV: a header and a row per mismatch, every field read back as written ---
"$PLANC" eval $au_plan --results $au_csv --period 2019/20 --audit --format csv >"$OUT/au_hostile.csv" 2>&1
au_rows=$(python3 -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1], newline=""))); print(len(r), r[0][0], r[1][3], r[3][1], sep="|")' "$OUT/au_hostile.csv")
[ "$au_rows" = "4|kind|Share <script>alert(1)</script> | \"quoted\", a\\b|'=S/4" ] &&
    ok "audit csv: a header and three mismatches; the name whole, the formula guarded" ||
    bad "audit csv: a header and three mismatches; the name whole, the formula guarded" "$au_rows"

# --- where -o says, atomically: no text audit on standard output, an HTML page in the file ---
rm -f "$OUT/au_r.html"
"$PLANC" "${au_seed[@]}" --format html --audit -o "$OUT/au_r.html" >"$OUT/au_stdout" 2>&1
au_status=$?
if [ $au_status = 0 ] && [ ! -s "$OUT/au_stdout" ] && head -1 "$OUT/au_r.html" | grep -qx '<!DOCTYPE html>' &&
    [ "$(grep -c '<tr class="mismatch">' "$OUT/au_r.html")" = 12 ] && tail -1 "$OUT/au_r.html" | grep -qx '</html>'; then
    ok "audit: --format html --audit -o writes the HTML page to the file, nothing to standard output"
else
    bad "audit: --format html --audit -o writes the HTML page to the file, nothing to standard output" "status $au_status"
fi
cp tests/eval/good.csv "$OUT/au_keep.csv"
"$PLANC" eval tests/eval/small.plan --results tests/eval/bad/duplicate_row.csv --period 2019/20 --audit --format json \
    -o "$OUT/au_keep.csv" >/dev/null 2>&1
cmp -s tests/eval/good.csv "$OUT/au_keep.csv" && ok "audit: a failed run leaves -o's file alone" ||
    bad "audit: a failed run leaves -o's file alone"

# --- HTML: no markup from the plan or the results gets through ---
"$PLANC" eval $au_plan --results $au_csv --period 2019/20 --audit --format html >"$OUT/au_hostile.html" 2>&1
if ! grep -q '<script>\|<b>\|<i>' "$OUT/au_hostile.html" && grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$OUT/au_hostile.html"; then
    ok "audit html: the hostile names are escaped"
else
    bad "audit html: the hostile names are escaped"
fi
# the checks tests/html.sh makes of the pack: Chromium renders it with no console error, every row there
if command -v chromium >/dev/null; then
    rm -rf "$OUT/au-chromium"
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
        --disable-component-update --disable-sync --user-data-dir="$OUT/au-chromium" --enable-logging=stderr --v=0 \
        --dump-dom "file://$(pwd)/$OUT/au_r.html" >"$OUT/au_r.dom.html" 2>"$OUT/au_r.chromium.log"
    if grep -qiE 'CONSOLE\(|Uncaught|SyntaxError' "$OUT/au_r.chromium.log"; then
        bad "audit html: no console errors in Chromium" "$(grep -iE 'CONSOLE\(|Uncaught' "$OUT/au_r.chromium.log" | head -3)"
    elif [ "$(grep -c '<tr class="mismatch">' "$OUT/au_r.dom.html")" = 12 ]; then
        ok "audit html: Chromium renders it with no console error, the 12 mismatches in its table"
    else
        bad "audit html: Chromium renders the 12 mismatches" "$(grep -c '<tr class="mismatch">' "$OUT/au_r.dom.html")"
    fi
else
    bad "audit html in Chromium" "chromium is not installed (make deps installs it)"
fi

# --- --ratings record: the band of record, the method's beside it, the override giving way ---
golden_cmd "ratings of record: hostile plan, text" tests/audit/hostile.record.text.expected \
    eval $au_plan --results $au_csv --period 2019/20 --ratings record
"$PLANC" eval $au_plan --results $au_csv --period 2019/20 --ratings record --format json >"$OUT/au_record.json" 2>&1
if jq -e '.ratings_basis == "record" and .summary.total.bands == {"green": 2, "amber": 2, "red": 0}
          and (.indicators | map({(.id): [.rating, .computed_rating, .of_record]}) | add) ==
              {"share": ["amber", "red", true], "visits": ["green", "green", true], "calls": ["green", "amber", false],
               "waits": ["amber", "red", true]}
          and ([.indicators[] | select(.id == "visits")][0].explanation | test("the override Amber .* gives way to it"))' \
    "$OUT/au_record.json" >/dev/null; then
    ok "ratings of record: JSON bands of record, computed beside them, an override alone applies, one beside a rating of record gives way"
else
    bad "ratings of record: JSON bands of record, computed beside them, an override alone applies, one beside a rating of record gives way" \
        "$(jq -c '[.ratings_basis, .summary.total.bands]' "$OUT/au_record.json" 2>&1 | head -c 300)"
fi
"$PLANC" eval $au_plan --results $au_csv --period 2019/20 --format json >"$OUT/au_computed.json" 2>&1
jq -e '.ratings_basis == "computed" and .summary.total.bands == {"green": 1, "amber": 1, "red": 2}
       and ([.indicators[] | has("computed_rating")] | any | not)' "$OUT/au_computed.json" >/dev/null &&
    ok "ratings computed (the default): the method's bands, the override applied" ||
    bad "ratings computed (the default): the method's bands, the override applied"
# the audit is the same on either basis: it always compares the rating of record with the method
"$PLANC" eval $au_plan --results $au_csv --period 2019/20 --ratings record --audit --format json >"$OUT/au_record_audit.json" 2>&1
cmp -s "$OUT/au_hostile.json" "$OUT/au_record_audit.json" && ok "ratings of record: the audit still compares them" ||
    bad "ratings of record: the audit still compares them" "$(diff "$OUT/au_hostile.json" "$OUT/au_record_audit.json" | head -5)"
# CSV: the basis and the computed band in the last two columns
python3 - "$PLANC" $au_plan $au_csv >"$OUT/au_csv_basis" 2>&1 <<'PY'
import csv, io, subprocess, sys
planc, plan, results = sys.argv[1:4]
for basis in ("computed", "record"):
    out = subprocess.run([planc, "eval", plan, "--results", results, "--period", "2019/20", "--ratings", basis,
                          "--format", "csv"], capture_output=True, text=True).stdout
    rows = list(csv.reader(io.StringIO(out, newline="")))
    print(basis, rows[0][-2:], [(r[1], r[10], r[-2], r[-1]) for r in rows[1:]])
PY
grep -qxF "computed ['basis', 'computed_rating'] [('share', 'red', 'computed', 'red'), ('visits', 'amber', 'computed', 'green'), ('calls', 'green', 'computed', 'amber'), ('waits', 'red', 'computed', 'red')]" "$OUT/au_csv_basis" &&
    grep -qxF "record ['basis', 'computed_rating'] [('share', 'amber', 'record', 'red'), ('visits', 'green', 'record', 'green'), ('calls', 'green', 'record', 'amber'), ('waits', 'amber', 'record', 'red')]" "$OUT/au_csv_basis" &&
    ok "ratings: the CSV's basis and computed_rating columns" || bad "ratings: the CSV's basis and computed_rating columns" "$(cat "$OUT/au_csv_basis")"
# every format says which basis it uses, under the title
au_missing=""
for basis in computed record; do
    au_line="Ratings: computed by the plan's method"
    [ $basis = record ] && au_line="Ratings: of record where published, else computed by the plan's method"
    for fmt in text md html; do
        "$PLANC" eval $au_plan --results $au_csv --period 2019/20 --ratings $basis --format $fmt 2>&1 | grep -qF "$au_line" ||
            au_missing+=" $basis:$fmt"
    done
done
[ -z "$au_missing" ] && ok "ratings: text, Markdown and HTML say which basis they use" ||
    bad "ratings: text, Markdown and HTML say which basis they use" "missing in$au_missing"
golden_cmd "ratings: an unknown basis" tests/audit/ratings_unknown.expected \
    eval $au_plan --results $au_csv --period 2019/20 --ratings published

# --- the evaluator planc build makes prints the same bytes: the audit in every format, the reports of record ---
if "$PLANC" build $au_p16.plan -o "$OUT/au_eval" >"$OUT/au_build.log" 2>&1; then
    au_differ=""
    for args in "--audit --format text" "--audit --format md" "--audit --format csv" "--audit --format json" \
        "--audit --format html" "--ratings record --format text" "--ratings record --format csv" \
        "--ratings record --format json" "--ratings record --format md" "--ratings record --format html"; do
        # shellcheck disable=SC2086
        "$PLANC" "${au_seed[@]}" $args >"$OUT/au_want" 2>&1
        # shellcheck disable=SC2086
        "$OUT/au_eval" --results $au_p16.results.csv --period 2016/17 $args >"$OUT/au_got" 2>&1
        cmp -s "$OUT/au_want" "$OUT/au_got" || au_differ+=" [$args]"
    done
    [ -z "$au_differ" ] && ok "audit: the built evaluator prints the same audit in every format, and the reports of record" ||
        bad "audit: the built evaluator prints the same audit in every format, and the reports of record" "differs in:$au_differ"
else
    bad "audit: planc build" "$(head -3 "$OUT/au_build.log")"
fi
