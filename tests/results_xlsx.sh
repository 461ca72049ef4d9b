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

# --- returns written by a spreadsheet library (openpyxl), read by planc eval ---
if /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
    /usr/bin/python3 tests/xlsx_eval/make.py "$X"
    # tests/eval/good.csv typed into a workbook reads as the CSV does: the same report, byte for byte
    # (the CSV's comment spans a line end, which a cell holds as LF; the file's own are CRLF)
    tr -d '\r' <tests/eval/good.csv >"$X/good-lf.csv"
    for fmt in text csv json; do
        "$PLANC" eval tests/eval/small.plan --results "$X/good.xlsx" --period 2019/20 --format $fmt >"$X/good.$fmt" 2>&1
        "$PLANC" eval tests/eval/small.plan --results "$X/good-lf.csv" --period 2019/20 --format $fmt >"$X/good-csv.$fmt" 2>&1
        cmp -s "$X/good.$fmt" "$X/good-csv.$fmt" && ok "xlsx: a workbook return gives the CSV's report ($fmt)" ||
            bad "xlsx: a workbook return gives the CSV's report ($fmt)" "$(diff "$X/good-csv.$fmt" "$X/good.$fmt" | head -5)"
    done
    # problems at their cells, in every diagnostics format; a hidden sheet read; a duplicate's first cell noted
    golden_cmd "xlsx: problems in a workbook, at their cells" tests/xlsx/eval_problems.expected \
        eval tests/eval/small.plan --results "$X/problems.xlsx" --period 2019/20
    for f in json sarif github; do
        golden_cmd "xlsx: problems in a workbook ($f)" tests/xlsx/eval_problems_$f.expected \
            eval tests/eval/small.plan --results "$X/problems.xlsx" --period 2019/20 --diagnostics-format $f
    done
    golden_cmd "xlsx: a workbook with no return in it" tests/xlsx/eval_nosheet.expected \
        eval tests/eval/small.plan --results "$X/nosheet.xlsx" --period 2019/20
    golden_cmd "xlsx: merged period cells, a header from column B" tests/xlsx/eval_merged.expected \
        eval tests/eval/small.plan --results "$X/merged.xlsx" --period 2019/20 --format csv
    # a directory of returns: its .xlsx files with its .csv files; Excel's ~$ lock file is not one
    mkdir -p "$X/returns"
    cp "$X/good.xlsx" "$X/returns/2019-20.xlsx"
    printf 'not a workbook' >"$X/returns/~\$2019-20.xlsx"
    printf 'ref,period,value\nS/2,2020/21,1100\n' >"$X/returns/2020-21.csv"
    golden_cmd "xlsx: a directory of .xlsx and .csv returns" tests/xlsx/eval_directory.expected \
        eval tests/eval/small.plan --results "$X/returns" --period 2020/21 --history 2 --format csv
    # a return made by planc template from another version of the plan, or for another plan: R025
    "$PLANC" template tests/eval/small.plan --period 2019/20 -o "$X/template.xlsx" >/dev/null 2>&1
    "$PLANC" template tests/eval/small.plan --period 2019/20 -o "$X/template.csv" >/dev/null 2>&1
    /usr/bin/python3 tests/xlsx_eval/fill.py "$X/template.xlsx" "$X/template.csv" "$X/good-lf.csv" "$X/filled.xlsx" \
        "$X/filled.csv" >/dev/null
    # openpyxl 3.0.9 drops custom properties when it saves (Excel and LibreOffice keep them): put the
    # template's back, with another digest
    /usr/bin/python3 - "$X/filled.xlsx" "$X/template.xlsx" "$X/older.xlsx" <<'PY'
import re, sys, zipfile
filled, template, dst = sys.argv[1:4]
custom = re.sub(rb"fnv1a64:[0-9a-f]+", b"fnv1a64:0123456789abcdef", zipfile.ZipFile(template).read("docProps/custom.xml"))
with zipfile.ZipFile(filled) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        if item.filename != "docProps/custom.xml":
            zout.writestr(item, zin.read(item.filename))
    zout.writestr("docProps/custom.xml", custom)
PY
    golden_cmd "xlsx: a return made from another version of the plan" tests/xlsx/eval_other_version.expected \
        eval tests/eval/small.plan --results "$X/older.xlsx" --period 2019/20 --format csv
    "$PLANC" template plans/our-plan-for-barnet-2023-26.plan --period "2023/24 Q2" --sheets one -o "$X/barnet.xlsx" >/dev/null 2>&1
    "$PLANC" eval tests/eval/small.plan --results "$X/barnet.xlsx" --period 2019/20 >"$X/other_plan.out" 2>&1
    grep -q "the return was made by planc template for the plan 'Our Plan for Barnet', not 'Small' \[R025\]" \
        "$X/other_plan.out" && ok "xlsx: a return made for another plan is said to be" ||
        bad "xlsx: a return made for another plan is said to be" "$(head -3 "$X/other_plan.out")"
    # an evaluator built with --xlsx reads the workbook as planc eval does
    if "$PLANC" build tests/eval/small.plan --xlsx -o "$X/small_eval_xlsx" >"$X/build_xlsx.out" 2>&1; then
        "$X/small_eval_xlsx" --results "$X/problems.xlsx" --period 2019/20 >"$X/built.out" 2>&1
        "$PLANC" eval tests/eval/small.plan --results "$X/problems.xlsx" --period 2019/20 >"$X/planc.out" 2>&1
        cmp -s "$X/built.out" "$X/planc.out" && ok "xlsx: planc build --xlsx reads a workbook as planc eval does" ||
            bad "xlsx: planc build --xlsx reads a workbook as planc eval does" "$(diff "$X/planc.out" "$X/built.out" | head -5)"
        "$X/small_eval_xlsx" --results tests/eval/good.csv --period 2019/20 -o "$X/built.xlsx" >/dev/null 2>&1 &&
            /usr/bin/python3 -c "import openpyxl,sys; openpyxl.load_workbook(sys.argv[1])" "$X/built.xlsx" &&
            ok "xlsx: planc build --xlsx writes a workbook report" || bad "xlsx: planc build --xlsx writes a workbook report"
    else
        bad "xlsx: planc build --xlsx" "$(cat "$X/build_xlsx.out")"
    fi
    # the round trip: the template, filled in by a spreadsheet library, rates as the filled CSV template
    B=plans/our-plan-for-barnet-2023-26
    "$PLANC" template $B.plan --period "2023/24 Q2" -o "$X/q2.xlsx" >/dev/null 2>&1
    "$PLANC" template $B.plan --period "2023/24 Q2" -o "$X/q2.csv" >/dev/null 2>&1
    /usr/bin/python3 tests/xlsx_eval/fill.py "$X/q2.xlsx" "$X/q2.csv" $B.results.csv "$X/q2-filled.xlsx" \
        "$X/q2-filled.csv" >"$X/filled.count"
    for fmt in csv json; do
        "$PLANC" eval $B.plan --results "$X/q2-filled.xlsx" --period "2023/24 Q2" --format $fmt >"$X/rt-xlsx.$fmt" 2>&1
        "$PLANC" eval $B.plan --results "$X/q2-filled.csv" --period "2023/24 Q2" --format $fmt >"$X/rt-csv.$fmt" 2>&1
        [ "$(cat "$X/filled.count")" -gt 20 ] && cmp -s "$X/rt-xlsx.$fmt" "$X/rt-csv.$fmt" &&
            ok "xlsx: template -> filled by openpyxl -> eval gives the CSV path's report ($fmt)" ||
            bad "xlsx: template -> filled by openpyxl -> eval gives the CSV path's report ($fmt)" \
                "$(diff "$X/rt-csv.$fmt" "$X/rt-xlsx.$fmt" | head -5)"
    done
    # hostile: a workbook that cannot be read writes nothing, and says so at the file
    /usr/bin/python3 - "$X/bomb.xlsx" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("xl/workbook.xml", '<!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><workbook>&b;</workbook>')
PY
    PLANRT_XLSX_MAX_PART_BYTES=1000 "$PLANC" eval tests/eval/small.plan --results "$X/bomb.xlsx" --period 2019/20 \
        -o "$X/bomb-report.txt" >"$X/bomb.out" 2>&1
    st=$?
    [ $st = 1 ] && [ ! -e "$X/bomb-report.txt" ] && grep -q "\[R023\]" "$X/bomb.out" &&
        ok "xlsx: a hostile workbook is refused, nothing written" || bad "xlsx: a hostile workbook is refused, nothing written" "$(cat "$X/bomb.out")"
else
    echo "SKIP xlsx returns: /usr/bin/python3 has no openpyxl (make deps installs python3-openpyxl)"
fi

# a file's kind does not depend on how it is read: read in pieces smaller than an .xls's eight-byte
# magic number (the CSV reader's test hook), it is still told for the workbook it is
printf '\320\317\021\340\241\261\032\341abc' >"$X/small-pieces.xls"
"$PLANC" eval tests/eval/small.plan --results "$X/small-pieces.xls" --period 2019/20 >"$X/whole.out" 2>&1
for piece in 4 5 7; do
    PLANRT_TEST_CHUNK=$piece "$PLANC" eval tests/eval/small.plan --results "$X/small-pieces.xls" --period 2019/20 \
        >"$X/pieces.out" 2>&1
    grep -q "\[R023\]" "$X/whole.out" && cmp -s "$X/whole.out" "$X/pieces.out" &&
        ok "xlsx: an .xls read in pieces of $piece bytes is told as read whole" ||
        bad "xlsx: an .xls read in pieces of $piece bytes is told as read whole" "$(head -2 "$X/pieces.out")"
done
