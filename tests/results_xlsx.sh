# Returns as workbooks (issue 18), sourced by tests/run.sh: planc eval and built evaluators reading
# .xlsx returns through the Excel part, and what an evaluator built without it says.
mkdir -p "$OUT/results_xlsx"
X=$OUT/results_xlsx

# --- an evaluator built without the Excel part: needs only libc and libm, and says what to do ---
if "$PLANC" build tests/eval/small.plan -o "$X/small_eval" >"$X/build.out" 2>&1; then
    printf 'PK\003\004not really a workbook' >"$X/return.xlsx"
    out=$("$X/small_eval" --results "$X/return.xlsx" --period 2019/20 2>&1; echo "exit: $?")
    printf '%s\n' "$out" | sed "s|$X/||" >"$X/no_part.actual"
    [ "$UPDATE" = 1 ] && cp "$X/no_part.actual" tests/xlsx/no_part.expected
    cmp -s "$X/no_part.actual" tests/xlsx/no_part.expected && ok "xlsx: evaluator without the part refuses a workbook" ||
        bad "xlsx: evaluator without the part refuses a workbook" "$(diff tests/xlsx/no_part.expected "$X/no_part.actual" | head -5)"
    printf '\320\317\021\340\241\261\032\341' >"$X/old.xls"
    out=$("$X/small_eval" --results "$X/old.xls" --period 2019/20 2>&1; echo "exit: $?")
    printf '%s\n' "$out" | sed "s|$X/||" >"$X/no_part_xls.actual"
    [ "$UPDATE" = 1 ] && cp "$X/no_part_xls.actual" tests/xlsx/no_part_xls.expected
    cmp -s "$X/no_part_xls.actual" tests/xlsx/no_part_xls.expected && ok "xlsx: evaluator without the part refuses an .xls" ||
        bad "xlsx: evaluator without the part refuses an .xls" "$(diff tests/xlsx/no_part_xls.expected "$X/no_part_xls.actual" | head -5)"
    out=$("$X/small_eval" --results tests/eval/good.csv --period 2019/20 --format xlsx -o "$X/r.xlsx" 2>&1; echo "exit: $?")
    printf '%s\n' "$out" | sed "s|$X/||" >"$X/no_part_report.actual"
    [ "$UPDATE" = 1 ] && cp "$X/no_part_report.actual" tests/xlsx/no_part_report.expected
    cmp -s "$X/no_part_report.actual" tests/xlsx/no_part_report.expected && [ ! -e "$X/r.xlsx" ] &&
        ok "xlsx: evaluator without the part refuses --format xlsx, writing nothing" ||
        bad "xlsx: evaluator without the part refuses --format xlsx, writing nothing"
    # what it links: libc and libm, no spreadsheet, zip or XML library
    if command -v ldd >/dev/null; then
        libs=$(ldd "$X/small_eval" | grep -cE 'xlsxwriter|libzip|libxml2|libz\.' || true)
        [ "$libs" = 0 ] && ok "xlsx: an evaluator built without --xlsx links no Excel library" ||
            bad "xlsx: an evaluator built without --xlsx links no Excel library" "$(ldd "$X/small_eval")"
    fi
else
    bad "xlsx: build small.plan" "$(cat "$X/build.out")"
fi

# --- planc eval: the report's format follows -o's extension; refusals of --format xlsx ---
golden_cmd "xlsx: --audit cannot be a workbook" tests/xlsx/audit_refused.expected \
    eval tests/eval/small.plan --results tests/eval/good.csv --period 2019/20 --audit --format xlsx -o "$X/a.xlsx"
golden_cmd "xlsx: --map cannot go in a workbook" tests/xlsx/map_refused.expected \
    eval tests/eval/small.plan --results tests/eval/good.csv --period 2019/20 --map docs/barnet-map.svg -o "$X/m.xlsx"
"$PLANC" eval tests/eval/small.plan --results tests/eval/good.csv --period 2019/20 -o "$X/by-name.json" >/dev/null 2>&1
head -c 1 "$X/by-name.json" | grep -q '{' && ok "xlsx: -o FILE.json without --format writes JSON" ||
    bad "xlsx: -o FILE.json without --format writes JSON"
"$PLANC" eval tests/eval/small.plan --results tests/eval/good.csv --period 2019/20 --format text -o "$X/forced.json" >/dev/null 2>&1
head -c 1 "$X/forced.json" | grep -q '{' && bad "xlsx: --format wins over -o's extension" || ok "xlsx: --format wins over -o's extension"
# a workbook is binary: not onto a terminal (script(1) gives the command one)
if command -v script >/dev/null; then
    script -qec "$PLANC eval tests/eval/small.plan --results tests/eval/good.csv --period 2019/20 --format xlsx" /dev/null \
        >"$X/tty.out" 2>&1
    grep -q "an .xlsx workbook is binary: give -o FILE.xlsx, or redirect standard output" "$X/tty.out" &&
        ok "xlsx: a workbook is not written onto a terminal" || bad "xlsx: a workbook is not written onto a terminal" "$(cat "$X/tty.out")"
fi
