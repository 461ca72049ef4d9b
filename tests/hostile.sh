# The hostile-string test ("Hardening II"), sourced by tests/run.sh.
#
# tests/hostile/corpus.txt holds 60 hostile strings (quotes, */, -->, ]]>, </script>, {{, %0A, ::, CR,
# LF, NUL, invalid UTF-8, very long, right-to-left and zero-width characters, leading =), tagged
# with where they can go.  tests/hostile/gen.py writes kitchen-sink plans using every statement of the
# language that carries a string, results files with every column, and file names (plan, include,
# results, output directory) with hostile bytes; plan k puts corpus string (k * copies + copy + field)
# mod N in each field of each of its copies, so across the plans every string lands in every field it
# can go in.  tests/hostile/run.py runs every command and format on them and parses each output with a
# real parser: gcc and clang -std=c11 -Wall -Werror -pedantic, xmllint (SVG, HTML), headless Chromium
# (no console error, nothing in the DOM that runs or loads), dot -Tcanon, JSON, the SARIF schema,
# Python's csv module (field counts, formula guard), Markdown table cells and raw '<' (the reports, and
# planc lsp's hover, whose every message must also be JSON), GitHub lines against the JSON diagnostics,
# and text (UTF-8, no control character but \n and \t).
#
# "Enumerates the fields from the model": the statements carrying a string are read from
# grammar/parser.y (every alternative of decl_head and stmt with a symbol that derives STRING) and the
# results columns from runtime/results.c's column table; each must be covered by the generator, so a
# new string field without a test fails here.  A failure names the command, the format, and (found by
# running the check again with one field hostile at a time) the field and the corpus string.
# Run alone: PLANC=./planc OUT=tests/out python3 tests/hostile/run.py (HOSTILE_ONLY=diff for some checks).

# Known failures, in files the lead is changing: each a pattern of check names.  A check that fails and
# matches one counts as passed (XFAIL); a pattern no failing check matches any more fails the suite, so
# remove it once fixed.
HOSTILE_KNOWN_FAILURES=(
)

HOSTILE_KNOWN_FAILURES="$(printf '%s\n' "${HOSTILE_KNOWN_FAILURES[@]}")" PLANC="$PLANC" OUT="$OUT" \
    python3 tests/hostile/run.py >"$OUT/hostile.log" 2>&1
hostile_status=$?
while IFS= read -r line; do
    case $line in
    "PASS "*) ok "${line#PASS }" ;;
    "XFAIL "*) ok "known failure: ${line#XFAIL }" ;;
    "XPASS "*) bad "hostile known failure '${line#XPASS }' no longer fails" "remove it from HOSTILE_KNOWN_FAILURES in tests/hostile.sh" ;;
    "FAIL "*) bad "${line#FAIL }" ;;
    esac
done <"$OUT/hostile.log"
[ $hostile_status = 0 ] && ok "hostile-string test ran" || bad "hostile-string test ran" "$(tail -3 "$OUT/hostile.log")"
