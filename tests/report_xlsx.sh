# The report as a workbook (--format xlsx, runtime/xlsx/xlsx_report*.c), sourced by tests/run.sh.
# Debian's openpyxl (/usr/bin/python3) reads each workbook back and tests/report_xlsx/check.py compares
# it with the same run's CSV (cell by cell), JSON (summary, properties) and HTML (band colours): the
# Barnet plan over two quarters, the delivery fixture over four, the history fixture over eight, money.
# Then: the same bytes twice, -o x.xlsx alone, standard output to a pipe, strings that look like
# formulas or like Excel's escapes, a comment longer than a cell holds, and each refusal's message.
RX=tests/report_xlsx
RX_OUT=$OUT/report_xlsx
mkdir -p "$RX_OUT"

# report_xlsx_check NAME ARGS...: the workbook, CSV, JSON and HTML reports of one run, compared
report_xlsx_check() {
    local name=$1
    shift
    local f
    for f in csv json html xlsx; do
        if ! "$PLANC" eval "$@" --format $f -o "$RX_OUT/$name.$f" 2>"$RX_OUT/$name.$f.err"; then
            bad "report xlsx $name: eval --format $f" "$(head -3 "$RX_OUT/$name.$f.err")"
            return
        fi
    done
    /usr/bin/python3 $RX/check.py report "$RX_OUT/$name.xlsx" "$RX_OUT/$name.csv" "$RX_OUT/$name.json" \
        "$RX_OUT/$name.html" >"$RX_OUT/$name.check" 2>&1
    local line n=0
    while IFS= read -r line; do
        case $line in
        "PASS "*) ok "report xlsx $name: ${line#PASS }" ;;
        "FAIL "*) bad "report xlsx $name: ${line#FAIL }" ;;
        *) continue ;;
        esac
        n=$((n + 1))
    done <"$RX_OUT/$name.check"
    [ $n -ge 8 ] && ok "report xlsx $name: checked" || bad "report xlsx $name: checked" "$(tail -3 "$RX_OUT/$name.check")"
}

if ! /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
    ok "report xlsx: skipped, /usr/bin/python3 has no openpyxl (make deps installs python3-openpyxl)"
else
    BARNET=(plans/our-plan-for-barnet-2023-26.plan --results plans/our-plan-for-barnet-2023-26.returns --period "2023/24 Q2")
    report_xlsx_check barnet-h2 "${BARNET[@]}" --history 2
    report_xlsx_check barnet "${BARNET[@]}"
    report_xlsx_check delivery-h4 tests/delivery/council.plan --results tests/delivery/returns --period "2023/24 Q4" --history 4
    report_xlsx_check history-h8 tests/history/council.plan --results tests/history/returns --period "2024/25 Q4" --history 8
    report_xlsx_check money tests/numbers/money.plan --results tests/numbers/money.csv --period 2023/24

    # the same input, the same bytes (SOURCE_DATE_EPOCH is set by run.sh)
    "$PLANC" eval "${BARNET[@]}" --history 2 --format xlsx -o "$RX_OUT/again.xlsx" 2>/dev/null
    cmp -s "$RX_OUT/barnet-h2.xlsx" "$RX_OUT/again.xlsx" && ok "report xlsx: byte-identical twice" ||
        bad "report xlsx: byte-identical twice" "two runs gave different workbooks"

    # -o x.xlsx without --format is a workbook; so is standard output into a pipe
    "$PLANC" eval "${BARNET[@]}" -o "$RX_OUT/by-name.xlsx" 2>/dev/null
    cmp -s "$RX_OUT/barnet.xlsx" "$RX_OUT/by-name.xlsx" && ok "report xlsx: -o x.xlsx alone writes the workbook" ||
        bad "report xlsx: -o x.xlsx alone writes the workbook" "$(head -c 60 "$RX_OUT/by-name.xlsx" | od -c | head -2)"
    "$PLANC" eval "${BARNET[@]}" --format xlsx 2>/dev/null | cat >"$RX_OUT/piped.xlsx"
    cmp -s "$RX_OUT/barnet.xlsx" "$RX_OUT/piped.xlsx" && ok "report xlsx: to a pipe" ||
        bad "report xlsx: to a pipe" "the piped workbook differs from -o's"

    # strings: kept as typed, never formulas; a comment longer than a cell holds, cut with "…"
    /usr/bin/python3 - "$RX_OUT/long.csv" <<'EOF'
import sys
long = "=comment " + "é😀x" * 12000   # 36,009 characters, 48,009 UTF-16 units
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write('Ref,Period,Value,Comment\nS/1,2019/20,79.5%%,"%s"\nS/2,2019/20,1020,"_x0041_ stays"\n' % long)
EOF
    if "$PLANC" eval $RX/strings.plan --results "$RX_OUT/long.csv" --period 2019/20 -o "$RX_OUT/strings.xlsx" 2>"$RX_OUT/strings.err"; then
        /usr/bin/python3 - "$RX_OUT/strings.xlsx" >"$RX_OUT/strings.check" 2>&1 <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["Summary", "People- -a-b--"], wb.sheetnames
assert wb["Summary"]["A1"].value == "=Strings _x0041_" and wb["Summary"]["A1"].data_type == "s"
ws = wb.worksheets[1]
head = [c.value for c in ws[1]]
rows = {r[0].value: dict(zip(head, r)) for r in ws.iter_rows(min_row=2)}
name = rows["S/1"]["Indicator"]
assert name.value == "=1+2 formula, _x0041_ and _x00e9_ kept as typed" and name.data_type == "s", name.value
assert rows["S/2"]["Indicator"].value == "@SUM(1,1) and an emoji \U0001F600"
assert rows["S/2"]["Comment"].value == "_x0041_ stays", rows["S/2"]["Comment"].value
c = rows["S/1"]["Comment"].value
units = len(c.encode("utf-16-le")) // 2
want = "=comment " + "é😀x" * 12000
assert c.endswith("\u2026") and want.startswith(c[:-1]) and 32765 <= units <= 32767, (units, c[-5:])
assert rows["S/1"]["Comment"].data_type == "s"
# Excel reads "_xHHHH_" in a string as the character U+HHHH (openpyxl 3.0.9 does not): kept literal by
# writing its '_' as "_x005F_"
import zipfile
sst = zipfile.ZipFile(sys.argv[1]).read("xl/sharedStrings.xml").decode("utf-8")
assert "_x005F_x0041_ stays" in sst and "_x0041_ stays" not in sst.replace("_x005F_x0041_", ""), "unescaped _x0041_"
print("ok")
EOF
        [ "$(cat "$RX_OUT/strings.check")" = ok ] && ok "report xlsx: strings as typed, never formulas; a long comment cut at 32,767" ||
            bad "report xlsx: strings as typed, never formulas; a long comment cut at 32,767" "$(tail -3 "$RX_OUT/strings.check")"
    else
        bad "report xlsx: strings as typed" "$(head -3 "$RX_OUT/strings.err")"
    fi
fi

# the refusals, each with its message
golden_cmd "report xlsx: --audit is not written as xlsx" $RX/audit.expected \
    eval plans/our-plan-for-barnet-2023-26.plan --results plans/our-plan-for-barnet-2023-26.returns \
    --period "2023/24 Q2" --format xlsx --audit -o "$RX_OUT/audit.xlsx"
golden_cmd "report xlsx: --map is not written as xlsx" $RX/map.expected \
    eval plans/our-plan-for-barnet-2023-26.plan --results plans/our-plan-for-barnet-2023-26.returns \
    --period "2023/24 Q2" --map "$RX_OUT/none.svg" -o "$RX_OUT/map.xlsx"
TMPDIR="$RX_OUT/no such dir" golden_cmd "report xlsx: no temporary file, a clear error" $RX/no-tmpdir.expected \
    eval tests/eval/small.plan --results tests/eval/good.csv --period 2019/20 -o "$RX_OUT/no-tmp.xlsx"
if command -v script >/dev/null; then
    script -qec "$PLANC eval tests/eval/small.plan --results tests/eval/good.csv --period 2019/20 --format xlsx; echo \"exit: \$?\"" \
        /dev/null 2>&1 | tr -d '\r' >"$RX_OUT/terminal.actual"
    [ $UPDATE = 1 ] && cp "$RX_OUT/terminal.actual" $RX/terminal.expected
    if cmp -s "$RX_OUT/terminal.actual" $RX/terminal.expected; then
        ok "report xlsx: not onto a terminal"
    else
        bad "report xlsx: not onto a terminal" "$(diff $RX/terminal.expected "$RX_OUT/terminal.actual" | head -5)"
    fi
else
    ok "report xlsx: not onto a terminal (skipped: no script(1))"
fi
