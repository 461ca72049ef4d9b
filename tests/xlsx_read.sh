# The .xlsx reader (runtime/xlsx/xlsx_read*.c) through build/xlsx_dump (sourced by tests/run.sh):
# workbooks written at test time by openpyxl, and by Python's zipfile what openpyxl cannot write and
# the hostile files (tests/xlsx/make_workbooks.py); golden files of what the reader gives for each
# (tests/xlsx/NAME.expected).  Skipped when /usr/bin/python3 has no openpyxl (make deps installs it).
XLSX=${XLSX:-build/xlsx_dump}
xlsx_books="$OUT/xlsx"

# xlsx_golden NAME[@CASE] [VAR=VALUE...] [-- DUMP-OPTIONS...]: xlsx_dump's output for NAME.xlsx must
# equal tests/xlsx/NAME[_CASE].expected, and libxml2 and libzip must print nothing of their own.
xlsx_golden() {
    local file=${1%%@*} name=${1/@/_}
    local expected="tests/xlsx/$name.expected" actual="$OUT/xlsx_$name.actual"
    shift
    local vars=()
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do vars+=("$1"); shift; done
    [ "${1:-}" = "--" ] && shift
    env "${vars[@]}" "$XLSX" "$@" "$xlsx_books/$file.xlsx" >"$actual" 2>"$actual.err"
    echo "exit: $?" >>"$actual"
    [ $UPDATE = 1 ] && cp "$actual" "$expected"
    if [ ! -f "$expected" ]; then
        bad "xlsx $name" "no golden file $expected"
    elif ! cmp -s "$actual" "$expected"; then
        bad "xlsx $name" "output differs from $expected"
        diff -u "$expected" "$actual" | head -20
    elif [ -s "$actual.err" ]; then
        bad "xlsx $name" "printed on standard error: $(head -c 200 "$actual.err")"
    else
        ok "xlsx $name"
    fi
}

if ! /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
    echo "SKIP xlsx reader: /usr/bin/python3 has no openpyxl (make deps installs python3-openpyxl)"
elif [ ! -x "$XLSX" ]; then
    bad "xlsx reader" "$XLSX is not built (make $XLSX)"
elif ! /usr/bin/python3 tests/xlsx/make_workbooks.py "$xlsx_books" >"$OUT/xlsx_make.log" 2>&1; then
    bad "xlsx reader: the test workbooks" "$(tail -3 "$OUT/xlsx_make.log")"
else
    # workbooks as people save them
    for name in values formats date1904 sheets merged shared cached norefs properties strict utf16 styles_edge; do
        xlsx_golden $name
    done
    # files that are not .xlsx workbooks, each named with what to do
    for name in xls encrypted ods xlsb docx zip truncated random text nonexistent bad_crc bad_method; do
        xlsx_golden $name
    done
    # hostile or broken workbooks: refused with a reason, the sheets before (and after) a broken one read
    for name in laughs xxe late_dtd utf16_dtd dtd_styles notwf notwf_strings missing_part no_rel \
        out_of_order repeated_row empty_rows_out_of_order beyond_xfd beyond_row beyond_row_cell beyond_norefs \
        cells_out_of_order cell_wrong_row bad_ref bad_row bad_string long_cell long_string \
        merge_bad merge_beyond merge_area merge_long merge_overlap attributes_256 attributes_257 attributes_text attributes_utf16 \
        bad_encoding; do
        xlsx_golden $name
    done
    # caps, lowered for the test: declared and counted sizes of a part, counts of strings and ranges
    for name in bomb bomb_lying many_strings many_merges; do
        xlsx_golden $name PLANRT_XLSX_MAX_PART_BYTES=1048576
    done
    xlsx_golden bomb_lying@uncapped   # under the default cap, the sheet whose headers lie is read whole
    grep -q 'root:' "$OUT/xlsx_xxe.actual" && bad "xlsx xxe" "the external entity was read" || ok "xlsx xxe: no file read"

    # General format against Python's "%.15g" of the same <v> texts, 3,030 of them, edge cases and random
    "$XLSX" "$xlsx_books/general.xlsx" | sed -n 's/^    A "\(.*\)"$/\1/p' >"$OUT/xlsx_general.actual"
    if [ "$(wc -l <"$OUT/xlsx_general.actual")" -ne 3030 ]; then
        bad "xlsx general: numbers as General shows them" "$(wc -l <"$OUT/xlsx_general.actual") values read, not 3030"
    elif cmp -s "$OUT/xlsx_general.actual" "$xlsx_books/general.values"; then
        ok "xlsx general: numbers as General shows them, as Python's %.15g"
    else
        bad "xlsx general: numbers as General shows them" "$(diff "$xlsx_books/general.values" "$OUT/xlsx_general.actual" | head -6 | tr '\n' ' ')"
    fi

    # the same from the file's bytes (open with data) as from its path
    differ=""
    for f in "$xlsx_books"/*.xlsx; do
        case $f in */empty_rows.xlsx | */rows_100k.xlsx) continue ;; esac
        cmp -s <("$XLSX" "$f" 2>&1) <("$XLSX" -m "$f" 2>&1) || differ="$differ $(basename "$f")"
    done
    [ -z "$differ" ] && ok "xlsx: bytes read as the path" || bad "xlsx: bytes read as the path" "differ:$differ"

    # time linear in the file: a million empty rows give no row, and 100,000 rows read, each well
    # within a generous bound (a sanity check, not a benchmark: figures in $OUT/xlsx_times.txt)
    for name in empty_rows rows_100k; do
        start=$(date +%s%N)
        xlsx_golden $name -- -q
        ms=$((($(date +%s%N) - start) / 1000000))
        echo "$name: $ms ms" >>"$OUT/xlsx_times.txt"
        [ $ms -lt 20000 ] && ok "xlsx $name: read in $ms ms" || bad "xlsx $name: read in linear time" "took $ms ms"
    done
    last=$("$XLSX" "$xlsx_books/rows_100k.xlsx" | tail -5 | tr '\n' '|')
    [ "$last" = '  row 100000 (4 cells)|    A "indicator 0"|    B "2023/24 Q3"|    C "25000"|    D "10%"|' ] &&
        ok "xlsx rows_100k: the last row" || bad "xlsx rows_100k: the last row" "$last"
fi
