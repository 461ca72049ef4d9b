#!/bin/bash
# The test suite: golden diagnostics, the bundled plans, the command line, unit tests, coverage of
# every diagnostic code.  Prints one line per failure and ends with "N passed, N failed".
#   tests/run.sh            run against ./planc (or $PLANC)
#   tests/run.sh --update   rewrite the golden files from the current output (review the diff!)
set -u
cd "$(dirname "$0")/.."
PLANC=${PLANC:-./planc}
# reports say when they were produced: one fixed date (2025-12-01), so golden files stay the same
export SOURCE_DATE_EPOCH=1764547200
UNIT=${UNIT:-build/test_unit}
UPDATE=0
[ "${1:-}" = "--update" ] && UPDATE=1
pass=0
fail=0
OUT=tests/out
rm -rf "$OUT"
mkdir -p "$OUT"

ok() { pass=$((pass + 1)); [ -n "${VERBOSE:-}" ] && echo "PASS $1"; return 0; }
bad() { fail=$((fail + 1)); echo "FAIL $1${2:+: $2}"; }

# Runs planc with the arguments, writes its output and exit status to $1, in the golden format.
run_planc() {
    local out=$1
    shift
    "$PLANC" "$@" >"$out" 2>&1
    echo "exit: $?" >>"$out"
}

# golden_cmd NAME EXPECTED ARGS...: planc's output and exit status must equal the file EXPECTED
# (rewritten from the current output with --update).
golden_cmd() {
    local name=$1 expected=$2
    shift 2
    local actual="$OUT/$(echo "$name" | tr -c 'A-Za-z0-9.\n-' '_').actual"
    run_planc "$actual" "$@"
    [ $UPDATE = 1 ] && cp "$actual" "$expected"
    if [ ! -f "$expected" ]; then
        bad "$name" "no golden file $expected"
    elif cmp -s "$actual" "$expected"; then
        ok "$name"
    else
        bad "$name" "output differs from $expected"
        diff -u "$expected" "$actual" | head -20
    fi
}

# --- golden diagnostics: each FILE.plan has FILE.expected (output and exit status) ---
for plan in tests/check/*.plan tests/include/cycle-a.plan tests/include/missing.plan tests/include/device.plan; do
    golden_cmd "$plan" "${plan%.plan}.expected" check --color=never "$plan"
done

# --- the bad-input corpus: malformed plans and results files, each with its diagnostics and status ---
for plan in tests/bad/plans/*.plan; do
    golden_cmd "bad input $plan" "${plan%.plan}.expected" check --color=never "$plan"
done
for csv in tests/bad/results/*.csv; do
    golden_cmd "bad input $csv" "${csv%.csv}.expected" eval tests/eval/small.plan --results "$csv" --period 2019/20
done

# --- every bundled plan checks clean (warnings allowed, no errors) ---
for plan in plans/*.plan; do
    if "$PLANC" check --color=never "$plan" >"$OUT/plan.out" 2>&1; then
        ok "$plan"
    else
        bad "$plan" "does not check clean"
        grep -m5 'error' "$OUT/plan.out"
    fi
done

# --- the command line ---
. tests/cli.sh

# --- the rating engine ---
. tests/eval.sh

# --- the published Barnet frameworks reproduced (issue 5) ---
. tests/seeds.sh

# --- the formatter ---
. tests/fmt.sh

# --- the HTML report ---
. tests/html.sh
. tests/pack.sh
. tests/delivery_pack.sh

# --- the outcome maps ---
. tests/map.sh

# --- replacing files keeps them (Hardening II, finding 6) ---
. tests/files.sh

# --- make install and pkg-config ---
. tests/install.sh

# --- the C back end: escaping, long strings, formula depth ---
. tests/cgen.sh
# --- hostile input: includes confined, linear time on long input (Hardening II) ---
. tests/input.sh

# --- hostile strings in every field, file name, command and format ---
. tests/hostile.sh

# --- one regression test for each hole of "Hardening II" ---
. tests/hardening.sh

# --- named limits, at the limit and one past it ---
. tests/limits.sh

# --- the one option parser: --help, --name=value, the same messages everywhere, the man page ---
. tests/options.sh
. tests/help.sh

# --- every word of each set of names accepted, and listed in docs/language.md ---
. tests/names.sh

# --- the plan language of issue 14: report settings in the header, the digest ---
. tests/language14.sh

# --- the shape of the source: function lengths, file openings ---
. tests/structure.sh

# --- results problems in every diagnostics format, one results pipeline ---
. tests/results_diag.sh
. tests/results_history.sh
. tests/delivery_diff.sh
. tests/diff_props.sh

# --- the report formats over time: history, grouping, ownership, exceptions (issue 14) ---
. tests/history_reports.sh
# --- reports over time of the bundled Barnet plans (seed 002's years, seed 004's returns) ---
. tests/history_plans.sh
. tests/delivery_lang.sh
# --- delivery in the text, Markdown, CSV and JSON reports and the audit (issue 15) ---
. tests/delivery_reports.sh
. tests/audit.sh
. tests/confidence.sh
. tests/numbers.sh
. tests/rules_conditions.sh
. tests/rules_edges.sh
. tests/rules_presentation.sh
. tests/rules_combined.sh
. tests/lsp.sh
. tests/lsp_edit.sh
. tests/editors.sh
. tests/build_packed.sh
. tests/bench_limit.sh

# --- workbooks (issue 18): the reader, returns read by eval, reports, templates ---
. tests/xlsx_read.sh
. tests/results_xlsx.sh
. tests/report_xlsx.sh
. tests/template_xlsx.sh

# --- the plan compiled to SQL, run on SQLite, PostgreSQL and DuckDB (issue 19) ---
. tests/sql.sh

# --- unit tests: the binary prints PASS/FAIL lines ---
if [ -x "$UNIT" ]; then
    "$UNIT" >"$OUT/unit.out" 2>&1
    status=$?
    while read -r verdict what; do
        case $verdict in
        PASS) ok "unit $what" ;;
        FAIL) bad "unit $what" ;;
        esac
    done <"$OUT/unit.out"
    [ $status = 0 ] || [ "$(grep -c ^FAIL "$OUT/unit.out")" != 0 ] || bad "unit tests" "exited with $status"
else
    bad "unit tests" "$UNIT is not built"
fi

# --- every diagnostic code the sources can emit has a golden test that shows it ---
codes=$(grep -ohE '"[EWRQ][0-9]{3}"' compiler/*.c grammar/*.l grammar/*.y runtime/*.c runtime/report/*.c runtime/planrt_names.h | tr -d '"' | sort -u)
for code in $codes; do
    if cat tests/check/*.expected tests/include/*.expected tests/cli/*.expected tests/eval/*.expected tests/eval/bad/*.expected tests/bad/*/*.expected tests/history/reports/*.expected tests/delivery/*.expected tests/confidence/*.expected tests/rules/*/*.expected tests/xlsx/*.expected tests/sql/*.expected tests/sql/refuse/*.expected 2>/dev/null | grep -q "\[$code\]"; then
        ok "diagnostic $code is tested"
    else
        bad "diagnostic $code is tested" "no golden file shows [$code]"
    fi
    case $code in
    R* | Q*) grep -q "^| $code |" docs/diagnostics.md docs/results.md docs/rating.md && ok "diagnostic $code is documented" ||
        bad "diagnostic $code is documented" "no row for it in docs/diagnostics.md, results.md or rating.md" ;;
    *) grep -q "\"$code\"" compiler/diag_codes.c && ok "diagnostic $code is described" ||
        bad "diagnostic $code is described" "compiler/diag_codes.c has no entry (SARIF rules)" ;;
    esac
done

echo "$pass passed, $fail failed"
[ $fail = 0 ]
