# Regression tests for "Hardening II" (findings 2, 3's neighbour, 5 and 8), sourced by tests/run.sh:
# each asserts that a hole found by reading planc as an attacker would stays closed.  Each failed
# against planc before its fix.  tests/hostile.sh covers the same outputs with 60 strings in every
# field; these name one finding each.
H=tests/hardening
HO=$OUT/hardening
mkdir -p "$HO"

# no byte that a terminal takes as the start of a control sequence or a bell
no_controls() { ! LC_ALL=C grep -q $'[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]' "$1"; }

# --- finding 2: stored XSS through a band label (and names) in the HTML report, eval and the evaluator
"$PLANC" eval $H/xss.plan --results $H/xss.csv --period 2023/24 --format html -o "$HO/report.html" 2>"$HO/err"
if ! grep -q '<img\|<script\|<b>' "$HO/report.html" && grep -q '<th scope="col">&lt;img src=x onerror=alert(1)&gt;</th>' "$HO/report.html"; then
    ok "hardening: HTML summary header escapes band labels (eval)"
else
    bad "hardening: HTML summary header escapes band labels (eval)" "$(grep -o '<th scope="col">[^/]*' "$HO/report.html" | head -3)"
fi
if "$PLANC" build $H/xss.plan -o "$HO/xss_eval" 2>"$HO/err" &&
    "$HO/xss_eval" --results $H/xss.csv --period 2023/24 --format html >"$HO/built.html" &&
    cmp -s "$HO/report.html" "$HO/built.html"; then
    ok "hardening: the built evaluator's HTML report is eval's"
else
    bad "hardening: the built evaluator's HTML report is eval's" "$(head -3 "$HO/err")"
fi

# --- finding 8: no terminal escapes from a results-file comment, whole explanations, Markdown, CSV
"$PLANC" eval $H/xss.plan --results $H/xss.csv --period 2023/24 >"$HO/report.txt" 2>&1 &&
    no_controls "$HO/report.txt" && grep -q $'Comment: a \xEF\xBF\xBD\\[31mred\xEF\xBF\xBD\\[0m comment, and a bell \xEF\xBF\xBD$' "$HO/report.txt" &&
    ok "hardening: text report carries no control characters from a results file" ||
    bad "hardening: text report carries no control characters from a results file" "$(grep Comment "$HO/report.txt" | head -1)"
"$PLANC" eval $H/xss.plan --results $H/xss.csv --period 2023/24 --format csv >"$HO/report.csv" 2>&1
if grep -q "overridden ($(printf 'x%.0s' $(seq 300)))" "$HO/report.csv"; then
    ok "hardening: an override's reason is not cut short in the explanation"
else
    bad "hardening: an override's reason is not cut short in the explanation"
fi
if python3 - "$HO/report.csv" <<'PY'
import csv, re, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
plain = re.compile(r'^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$')
bad = [c for r in rows for c in r if c[:1] in ('=', '+', '-', '@', '\t', '\r') and not plain.match(c)]
assert all(len(r) == len(rows[0]) for r in rows), "ragged rows"
assert not bad, bad
assert "'=1+2" in rows[1] and "'+cmd|' /C calc'!A0" in rows[2], rows[1:3]
PY
then ok "hardening: CSV cells that a spreadsheet would run are guarded"; else bad "hardening: CSV cells that a spreadsheet would run are guarded"; fi
"$PLANC" eval $H/xss.plan --results $H/xss.csv --period 2023/24 --format md >"$HO/report.md" 2>&1
if grep -q '^## \\# Pillar \\<script\\>alert(2)\\</script\\>$' "$HO/report.md" && ! grep -q '[^\\]<script\|[^\\]<img' "$HO/report.md"; then
    ok "hardening: Markdown headings and cells escape names"
else
    bad "hardening: Markdown headings and cells escape names" "$(grep -m2 '^##' "$HO/report.md")"
fi
# the template guards the reference as the report does, and the filled return reads back
"$PLANC" template $H/xss.plan --period 2023/24 -o "$HO/return.csv" 2>"$HO/err"
if grep -q "^\"'=1+2\"," "$HO/return.csv" &&
    sed 's/,,\r$/,12,\r/' "$HO/return.csv" >"$HO/filled.csv" &&
    "$PLANC" eval $H/xss.plan --results "$HO/filled.csv" --period 2023/24 --format csv | grep -q "^\"'=1+2\",i,.*,12,value,"; then
    ok "hardening: a guarded reference in a template reads back"
else
    bad "hardening: a guarded reference in a template reads back" "$(head -3 "$HO/return.csv")"
fi

# --- finding 5: GitHub workflow commands from a file name that holds a line break and a command
gdir="$HO/x
::warning file=pwned.plan::injected"
mkdir -p "$gdir"
# an error with a note (E013: the first definition), whose location is written into the message
printf 'plan "G" { covers 2023/24 }\npillar p "P" { theme t "T" { outcome o "O"\n  outcome o "O again"\n  indicator i "I" { measures o; polarity bigger } } }\n' >"$gdir/g.plan"
"$PLANC" check --diagnostics-format=github "$gdir/g.plan" >"$HO/gh.out" 2>&1
ndiag=$("$PLANC" check --diagnostics-format=json "$gdir/g.plan" 2>&1 | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))')
# one line, and one command, for each diagnostic
if [ "$ndiag" -ge 1 ] && [ "$(wc -l <"$HO/gh.out")" = "$ndiag" ] && [ "$(grep -c '^::' "$HO/gh.out")" = "$ndiag" ] &&
    grep -q '%0Anote: .*x%0A::warning file=pwned.plan::injected/g.plan:2:' "$HO/gh.out" && ! grep -q '^::warning file=pwned' "$HO/gh.out" &&
    grep -q 'file=.*%0A%3A%3Awarning file=pwned.plan%3A%3Ainjected/g.plan' "$HO/gh.out"; then
    ok "hardening: a file name cannot add a GitHub workflow command"
else
    bad "hardening: a file name cannot add a GitHub workflow command" "$(head -3 "$HO/gh.out")"
fi

# --- finding 8: SARIF URIs are percent-encoded
sdir="$HO/a b%c#d"
mkdir -p "$sdir"
cp "$gdir/g.plan" "$sdir/g.plan"
(cd "$HO" && "$OLDPWD/$PLANC" check --diagnostics-format=sarif "a b%c#d/g.plan" >sarif.out 2>&1)
if grep -q '"uri": "a%20b%25c%23d/g.plan"' "$HO/sarif.out"; then
    ok "hardening: SARIF artifact URIs are percent-encoded"
else
    bad "hardening: SARIF artifact URIs are percent-encoded" "$(grep -o '"uri": "[^"]*"' "$HO/sarif.out" | head -1)"
fi

# --- finding 8: map -T dot re-reads when a name holds a quote, a backslash and an ampersand
if "$PLANC" map tests/map/tiny.plan -T dot -o "$HO/tiny.dot" 2>"$HO/err" && dot -Tcanon "$HO/tiny.dot" >/dev/null 2>"$HO/dot.err"; then
    ok "hardening: map -T dot is read back by dot"
else
    bad "hardening: map -T dot is read back by dot" "$(head -2 "$HO/dot.err")"
fi

# --- a formula of a million terms: refused (E043), not a crash of the recursive walks
python3 -c "import sys; sys.stdout.write('plan \"L\" { covers 2023/24 }\ninput x \"X\"\npillar p \"P\" { theme t \"T\" { outcome o \"O\"\nindicator big \"B\" { measures o; polarity bigger; formula ' + ' + '.join(['x'] * 1000000) + ' } } }\n')" >"$HO/million.plan"
"$PLANC" check "$HO/million.plan" >"$HO/million.out" 2>&1
status=$?
[ $status = 1 ] && grep -q 'E043' "$HO/million.out" && ok "hardening: a million-term formula is E043, not a crash" ||
    bad "hardening: a million-term formula is E043, not a crash" "exit status $status"

# --- finding 6, planc build: the executable replaces -o like every other output
bdir="$HO/build"
mkdir -p "$bdir"
: >"$bdir/real"
chmod 700 "$bdir/real"
ln -sf real "$bdir/link"
if "$PLANC" build tests/eval/small.plan -o "$bdir/link" 2>"$HO/err" && [ -L "$bdir/link" ] &&
    [ "$(stat -c %a "$bdir/real")" = 700 ] && "$bdir/link" --results tests/eval/good.csv --period 2019/20 >/dev/null &&
    [ "$(ls -A "$bdir" | wc -l)" = 2 ]; then
    ok "hardening: build writes through a symlink, keeps the mode and leaves nothing behind"
else
    bad "hardening: build writes through a symlink, keeps the mode and leaves nothing behind" "$(ls -la "$bdir"; head -2 "$HO/err")"
fi
mkfifo "$bdir/fifo"
"$PLANC" build tests/eval/small.plan -o "$bdir/fifo" >"$HO/build.out" 2>&1
status=$?
[ $status = 2 ] && [ -p "$bdir/fifo" ] && grep -q 'named pipe' "$HO/build.out" && [ "$(ls -A "$bdir" | wc -l)" = 3 ] &&
    ok "hardening: build refuses a named pipe as its output" || bad "hardening: build refuses a named pipe as its output" "$(cat "$HO/build.out")"

# --- finding 7: a results row that never ends (an endless pipe) stops at the record limit (R015)
(printf 'ref,period,value\n'; yes x | tr -d '\n') | timeout 60 "$PLANC" eval tests/eval/small.plan --results /dev/stdin \
    --period 2019/20 >"$HO/row_too_long.out" 2>&1
echo "exit: $?" >>"$HO/row_too_long.out"
[ $UPDATE = 1 ] && cp "$HO/row_too_long.out" tests/cli/row_too_long.expected
cmp -s "$HO/row_too_long.out" tests/cli/row_too_long.expected && ok "hardening: an endless results row is refused at 16 MiB (R015)" ||
    bad "hardening: an endless results row is refused at 16 MiB (R015)" "$(head -2 "$HO/row_too_long.out")"
