# planc template's workbook (issue 18), sourced by tests/run.sh: openpyxl (Debian's python3-openpyxl,
# /usr/bin/python3) reads every workbook back, and tests/template_xlsx.py holds it to the CSV template
# of the same plan and period: sheets and their order, the header, every row's reference cells, the
# protection, the validations and lists, the input messages, the frozen panes, the properties.
TX=$OUT/template_xlsx
mkdir -p "$TX"
TXG=tests/template_xlsx

# tx_check NAME ARGS...: runs template_xlsx.py, one ok/bad per line it prints
tx_check() {
    local name=$1 line
    shift
    /usr/bin/python3 tests/template_xlsx.py "$@" >"$TX/check.out" 2>&1
    [ -s "$TX/check.out" ] || bad "$name" "template_xlsx.py printed nothing: $(tail -2 "$TX/check.out")"
    while IFS= read -r line; do
        case $line in
        "PASS "*) ok "$name: ${line#PASS }" ;;
        "FAIL "*) bad "$name: ${line#FAIL }" ;;
        *) bad "$name" "$line" ;;
        esac
    done <"$TX/check.out"
}

if ! /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
    echo "SKIP tests/template_xlsx.sh: /usr/bin/python3 has no openpyxl (make deps)"
else
    # the plans: the Barnet plan, the small one, one with activities, one with long lists and odd names
    for spec in "plans/our-plan-for-barnet-2023-26.plan|2023/24 Q3" "plans/barnet-corporate-plan-2019-20.plan|2019/20 Q2" \
        "tests/eval/small.plan|2019/20" "tests/delivery/council.plan|2023/24 Q3" "$TXG/lists.plan|2023/24 Q3"; do
        plan=${spec%%|*} period=${spec#*|}
        "$PLANC" template "$plan" --period "$period" -o "$TX/t.csv"
        "$PLANC" template "$plan" --period "$period" -o "$TX/t.xlsx" && ok "template $plan: workbook written" ||
            bad "template $plan: workbook written"
        tx_check "template $plan" check "$TX/t.xlsx" "$TX/t.csv" pillar "$SOURCE_DATE_EPOCH"
        "$PLANC" template "$plan" --period "$period" --sheets one -o "$TX/one.xlsx"
        tx_check "template $plan --sheets one" check "$TX/one.xlsx" "$TX/t.csv" one
        # the same plan gives the same bytes (SOURCE_DATE_EPOCH is set by run.sh)
        "$PLANC" template "$plan" --period "$period" -o "$TX/again.xlsx"
        cmp -s "$TX/t.xlsx" "$TX/again.xlsx" && ok "template $plan: byte-identical twice" ||
            bad "template $plan: byte-identical twice" "the two workbooks differ"
    done

    # tx_py NAME CODE: a Python assertion on the workbooks in $TX (prints nothing when it holds)
    tx_py() {
        local name=$1 why
        why=$(cd "$TX" && /usr/bin/python3 -c "import openpyxl, zipfile
$2" 2>&1)
        [ -z "$why" ] && ok "$name" || bad "$name" "$(echo "$why" | tail -2)"
    }
    # the details the generic check cannot know: a count is whole, money may be negative, a count with
    # decimals is not whole; the Lists sheet holds the long list; the sheets named like the workbook's
    # own; a delivery scheme by judgement lists its bands as the status; the version property
    "$PLANC" template $TXG/lists.plan --period "2023/24 Q3" -o "$TX/lists.xlsx"
    "$PLANC" template tests/eval/small.plan --period 2019/20 -o "$TX/small.xlsx"
    tx_py "template: a count's value is whole" "
ws = openpyxl.load_workbook('small.xlsx')['People']
f = {str(v.sqref): v for v in ws.data_validations.dataValidation}
assert 'INT(F3)' in f['F3'].formula1 and '<=100' in f['F2'].formula1, (f['F3'].formula1, f['F2'].formula1)
assert f['G2'].formula1 == '\"G,A,R\"', f['G2'].formula1
assert 'Target for 2019/20: 80%' in f['F2'].prompt and f['F2'].promptTitle == 'S/1', (f['F2'].prompt, f['F2'].promptTitle)
assert 'not available' in f['F2'].error, f['F2'].error"
    tx_py "template: money may be negative, a count with decimals need not be whole" "
wb = openpyxl.load_workbook('lists.xlsx')
ws = wb['Instructions (2)']
f = {str(v.sqref): v.formula1 for v in ws.data_validations.dataValidation}
assert 'ISNUMBER(F2),TRUE' in f['F2'] and 'F4>=0' in f['F4'] and 'INT' not in f['F4'], f"
    tx_py "template: long lists on the hidden Lists sheet; sheet names kept distinct" "
wb = openpyxl.load_workbook('lists.xlsx')
assert wb.sheetnames == ['Instructions', 'Instructions (2)', 'Lists (2)', 'Inputs', 'Lists'], wb.sheetnames
assert wb['Lists'].sheet_state == 'hidden'
ws = wb['Instructions (2)']
f = {str(v.sqref): v.formula1 for v in ws.data_validations.dataValidation}
assert f['G2'] == \"'Lists'!\$A\$2:\$A\$9\", f['G2']
assert [r[0] for r in wb['Lists'].iter_rows(min_row=2, max_row=3, values_only=True)] == ['exceeded_by_far_beyond_every_expectation', 'exceeded_comfortably_above_the_target_set']
assert f['K5'] == '\"G,fair,poor\"' and f['K6'].startswith('\"Not started,On track'), (f['K5'], f['K6'])
assert f['F6'] == 'LEN(F6)=0' and 'F5<=100' in f['F5'], (f['F5'], f['F6'])
assert ws['B2'].value == '=SUM(A1) overspend' and ws['B2'].data_type == 's', ws['B2'].data_type
c = {n: ws.cell(2, n).protection.locked for n in range(6, 14)}
assert c == {6: False, 7: False, 8: False, 9: False, 10: False, 11: True, 12: True, 13: True}, c
c = {n: ws.cell(5, n).protection.locked for n in range(6, 14)}
assert not any(c.values()), c
c = {n: ws.cell(6, n).protection.locked for n in range(6, 14)}
assert c == {6: False, 7: True, 8: True, 9: False, 10: False, 11: False, 12: False, 13: False}, c
x = zipfile.ZipFile('lists.xlsx').read('docProps/custom.xml').decode()
assert 'name=\"planc.version\"><vt:lpwstr>v2 = draft<' in x and 'Lists &amp; &lt;limits&gt;' in x, x
assert wb.properties.title == 'Data return for 2023/24 Q3: Lists & <limits>', wb.properties.title"
    tx_py "template: the Instructions sheet" "
ws = openpyxl.load_workbook('small.xlsx')['Instructions']
t = [c.value for c in ws['A'] if c.value]
assert t[0] == 'Data return: Small' and 'Organisation: Test' in t and 'Period: 2019/20' in t, t
j = ' '.join(t)
for w in ('fnv1a64:', 'not available', 'override needs its reason', 'provisional', 'On track', \"planc eval PLAN --results FILE.xlsx --period '2019/20'\"):
    assert w in j, w"

    # last year's figure in the input message: from --results, and from the plan's own results
    "$PLANC" template tests/delivery/council.plan --period "2024/25 Q3" --results tests/delivery/returns -o "$TX/hist.xlsx"
    tx_py "template --results: last year's figure in the input message" "
ws = openpyxl.load_workbook('hist.xlsx')['Caring for People']
v = [d for d in ws.data_validations.dataValidation if str(d.sqref) == 'F2'][0]
assert v.prompt.startswith('Target for 2024/25 Q3: 82%\nLast year (2023/24 Q3): 81%'), v.prompt"
    "$PLANC" template plans/barnet-corporate-plan-2018-19.plan --period "2018/19 Q2" -o "$TX/own.xlsx"
    tx_py "template: last year's figure from the plan's own results" "
wb = openpyxl.load_workbook('own.xlsx')
p = [d.prompt for ws in wb.worksheets for d in ws.data_validations.dataValidation if d.prompt and 'Last year (2017/18 Q2): 185' in d.prompt]
assert p, 'no input message gives last year'"

    # the format: --format, else -o's extension in any case; to a pipe; refused on a terminal
    "$PLANC" template tests/eval/small.plan --period 2019/20 -o "$TX/upper.XLSX"
    "$PLANC" template tests/eval/small.plan --period 2019/20 --format xlsx -o "$TX/noext"
    "$PLANC" template tests/eval/small.plan --period 2019/20 --format xlsx | cat >"$TX/piped"
    "$PLANC" template tests/eval/small.plan --period 2019/20 --format csv -o "$TX/csv.xlsx"
    for f in upper.XLSX noext piped; do
        [ "$(head -c 2 "$TX/$f")" = PK ] && cmp -s "$TX/$f" "$TX/small.xlsx" && ok "template: $f is the workbook" ||
            bad "template: $f is the workbook"
    done
    "$PLANC" template tests/eval/small.plan --period 2019/20 >"$TX/small.csv"
    cmp -s "$TX/csv.xlsx" "$TX/small.csv" && ok "template --format csv -o x.xlsx: the CSV" || bad "template --format csv -o x.xlsx: the CSV"
    if script -qc true /dev/null >/dev/null 2>&1; then
        script -qec "$PLANC template tests/eval/small.plan --period 2019/20 --format xlsx; echo exit: \$?" /dev/null |
            tr -d '\r' >"$TX/tty.out"
        [ $UPDATE = 1 ] && cp "$TX/tty.out" $TXG/tty.expected
        cmp -s "$TX/tty.out" $TXG/tty.expected && ok "template: no workbook onto a terminal" ||
            bad "template: no workbook onto a terminal" "$(cat "$TX/tty.out")"
    else
        echo "SKIP template: no workbook onto a terminal (no script(1))"
    fi
fi

# the errors (golden; no openpyxl needed)
golden_cmd "template --sheets with a CSV" $TXG/sheets-csv.expected template tests/eval/small.plan --period 2019/20 --sheets one
golden_cmd "template --results with a CSV" $TXG/results-csv.expected template tests/eval/small.plan --period 2019/20 -o "$TX/x.csv" --results tests/delivery/returns
golden_cmd "template --format bad" $TXG/format-bad.expected template tests/eval/small.plan --period 2019/20 --format ods
golden_cmd "template --results with problems" $TXG/results-bad.expected template tests/delivery/council.plan --period "2024/25 Q3" --results tests/delivery/tpl-errors.csv -o "$TX/x.xlsx"
[ ! -e "$TX/x.xlsx" ] && ok "template --results with problems: no workbook" || bad "template --results with problems: no workbook"
golden_cmd "template --results missing" $TXG/results-missing.expected template tests/eval/small.plan --period 2019/20 --results "$TX/none.csv" -o "$TX/x.xlsx"
golden_cmd "template --results json" $TXG/results-json.expected template tests/delivery/council.plan --period "2024/25 Q3" --results tests/delivery/tpl-errors.csv -o "$TX/x.xlsx" --diagnostics-format json
cp tests/eval/small.plan "$TX/over.csv"
golden_cmd "template output over --results" $TXG/over-results.expected template tests/eval/small.plan --period 2019/20 --format xlsx --results "$TX/over.csv" -o "$TX/over.csv"
SOURCE_DATE_EPOCH=yesterday golden_cmd "template SOURCE_DATE_EPOCH bad" $TXG/epoch-bad.expected template tests/eval/small.plan --period 2019/20 -o "$TX/x.xlsx"
TMPDIR=/nonexistent/dir golden_cmd "template no temporary" $TXG/tmpdir.expected template tests/eval/small.plan --period 2019/20 -o "$TX/x.xlsx"
# a reference no cell can hold
{ sed -n '1,/^pillar/p' tests/eval/small.plan | sed '$d'
  printf 'pillar p "P" {\n    theme t "T" {\n        indicator long "%s" "Long" {\n            polarity bigger\n            unit count\n            frequency quarterly\n        }\n    }\n}\n' "$(head -c 40000 /dev/zero | tr '\0' x)"; } >"$TX/longref.plan"
golden_cmd "template a reference too long for a cell" $TXG/longref.expected template "$TX/longref.plan" --period 2019/20 -o "$TX/x.xlsx"
