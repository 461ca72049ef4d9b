# Command-line tests, sourced by tests/run.sh (which defines ok, bad, run_planc, $OUT, $UPDATE).
# golden NAME ARGS...: planc's output and exit status must equal tests/cli/NAME.expected.
golden() {
    local name=$1
    shift
    golden_cmd "cli $name" "tests/cli/$name.expected" "$@"
}

# expect_status NAME STATUS PATTERN ARGS...: exit status and a line matching PATTERN (grep -E).
expect_status() {
    local name=$1 want=$2 pattern=$3
    shift 3
    "$PLANC" "$@" >"$OUT/cli.out" 2>&1
    local got=$?
    if [ "$got" != "$want" ]; then
        bad "cli $name" "exit status $got, expected $want"
        head -5 "$OUT/cli.out"
    elif [ -n "$pattern" ] && ! grep -qE -- "$pattern" "$OUT/cli.out"; then
        bad "cli $name" "output lacks /$pattern/"
        head -5 "$OUT/cli.out"
    else
        ok "cli $name"
    fi
}

golden usage_no_command
golden help --help
golden check_help check --help
golden unknown_command frobnicate
golden check_no_files check
golden check_unknown_option check --frobnicate x.plan
golden check_bad_max_errors check --max-errors=many x.plan
golden missing_file check tests/no-such-file.plan
golden directory_input check tests
golden summary check --summary --color=never tests/check/ok_full_language.plan
# seed 000's "Monitor" targets (`target monitor in 2019/20` with a polarity) are monitored, not targeted
golden summary_monitor_targets check --summary --color=never plans/barnet-corporate-plan-2019-20.plan
expect_status version 0 '^planc [0-9]+\.[0-9]+\.[0-9]+$' --version
expect_status quiet 1 '' check -q tests/check/e021_missing_polarity.plan
[ -s "$OUT/cli.out" ] && bad "cli quiet prints nothing" || ok "cli quiet prints nothing"
expect_status werror 1 'error: .*\[W004\]' check --werror --color=never tests/check/w004_target_worse_than_baseline.plan
expect_status warnings_alone_pass 0 'warning' check --color=never tests/check/w004_target_worse_than_baseline.plan
expect_status several_files 1 'e021_missing_polarity.*E021' check --color=never tests/check/ok_minimal.plan tests/check/e021_missing_polarity.plan
expect_status io_error_wins 2 'E040' check --color=never tests/check/e021_missing_polarity.plan tests/no-such-file.plan
expect_status color_always 1 $'\033\\[1;31merror' check --color=always tests/check/e021_missing_polarity.plan
expect_status bad_color_word 2 'auto, always or never' check --color=sometimes x.plan

# Hostile input made on the fly: each gets a clear diagnostic and no crash.
gen=$OUT/generated
mkdir -p "$gen"
python_free_repeat() { # repeat STRING N: prints STRING N times, without python
    local s=$1 n=$2 out=""
    while [ "$n" -gt 0 ]; do
        if [ $((n % 2)) = 1 ]; then out=$out$s; fi
        s=$s$s
        n=$((n / 2))
    done
    printf '%s' "$out"
}
{ printf 'plan "Long line" { covers 2023/24 description "'; python_free_repeat x 1048576; printf '" }\n'; } >"$gen/long_line.plan"
expect_status long_line_accepted 0 '' check "$gen/long_line.plan"
{ printf 'plan "Long name" { covers 2023/24 }\npillar '; python_free_repeat p 1048576; printf ' "P" { }\n'; } >"$gen/long_name.plan"
expect_status long_identifier 1 'identifier is 1048576 bytes long; the limit is 128 \[E009\]' check --color=never "$gen/long_name.plan"
python_free_repeat '{' 10000 >"$gen/braces.plan"
expect_status nested_braces 1 'blocks are nested more than 64 deep \[E010\]' check --color=never "$gen/braces.plan"
{ printf 'pillar p "P" { theme t "T" { indicator i "I" { polarity bigger; formula '; python_free_repeat '(' 10000; printf 'a'; python_free_repeat ')' 10000; printf ' } } }\n'; } >"$gen/parens.plan"
expect_status nested_parentheses 1 'parentheses are nested more than 64 deep \[E010\]' check --color=never "$gen/parens.plan"
{ printf 'plan "Errors" { covers 2023/24 }\n'; python_free_repeat $'@\n' 200; } >"$gen/many_errors.plan"
expect_status error_limit 1 'too many errors emitted, stopping now \(limit 50\)' check --color=never "$gen/many_errors.plan"
[ "$(grep -c 'error: unexpected' "$OUT/cli.out")" = 50 ] && ok "cli error limit counts 50" || bad "cli error limit counts 50"
expect_status error_limit_raised 1 '^200 errors generated' check --color=never --max-errors=0 "$gen/many_errors.plan"
# Plans are mapped, not read (compiler/load.c): a file ending exactly at a page boundary still has its
# two NULs after it, and text given back behind the scanner comes back from the file when a message
# quotes it after the whole file (7 MB) has been read.
{ printf 'plan "Page" { covers 2023/24 }\n#'; python_free_repeat x $((4096 - 33)); printf '\n'; } >"$gen/page.plan"
[ "$(wc -c <"$gen/page.plan")" = 4096 ] && expect_status mapped_page_size 0 '' check "$gen/page.plan" ||
    bad "cli mapped_page_size" "the file is not 4096 bytes"
{
    printf 'plan "Big" { covers 2023/24 to 2024/25; rating r }\n'
    printf 'rating r "R" { method achievement; band g (G) at 100%%; band r (R) otherwise }\n'
    printf 'pillar p "P" { polarty bigger\n theme t "T" {\n'
    awk 'BEGIN { for (i = 0; i < 60000; i++) printf "  indicator i%d \"REF/%d\" \"Indicator %d of a long plan\" { polarity bigger; unit count; target %d in 2023/24 }\n", i, i, i, i }'
    printf '  indicator last "Last" { polarity upwards }\n } }\n'
} >"$gen/big.plan"
expect_status mapped_release_quotes_start 1 '^ *pillar p "P" \{ polarty bigger$' check --color=never "$gen/big.plan"
expect_status mapped_release_quotes_end 1 'unknown polarity .upwards.' check --color=never "$gen/big.plan"
[ "$(wc -c <"$gen/big.plan")" -gt 6000000 ] && ok "cli mapped big plan is over 6 MB" || bad "cli mapped big plan is over 6 MB"
expect_status mapped_release_two_errors 1 '^2 errors generated' check --color=never "$gen/big.plan"
truncate -s 1100M "$gen/huge.plan" 2>/dev/null &&
    expect_status file_over_limit 2 "cannot read '.*huge.plan': it is larger than the limit of 1024 MiB \[E040\]" check --color=never "$gen/huge.plan"
rm -f "$gen/huge.plan"
head -c 65536 /dev/urandom >"$gen/random.plan" 2>/dev/null || : >"$gen/random.plan"
"$PLANC" check "$gen/random.plan" >/dev/null 2>&1
status=$?
[ $status = 0 ] || [ $status = 1 ] && ok "cli random bytes" || bad "cli random bytes" "exit status $status"

# Determinism: the same input gives byte-identical diagnostics on every run.
for plan in tests/check/five_independent_mistakes.plan plans/*.plan; do
    "$PLANC" check --color=never "$plan" >"$OUT/det1" 2>&1
    "$PLANC" check --color=never "$plan" >"$OUT/det2" 2>&1
    cmp -s "$OUT/det1" "$OUT/det2" && ok "deterministic $plan" || bad "deterministic $plan"
done

# diagnostics for machines
golden diagnostics_json check --diagnostics-format=json tests/check/five_independent_mistakes.plan tests/check/e013_duplicates.plan
golden diagnostics_sarif check --diagnostics-format=sarif tests/check/five_independent_mistakes.plan tests/check/e013_duplicates.plan
golden diagnostics_github check --diagnostics-format=github tests/check/five_independent_mistakes.plan tests/check/e013_duplicates.plan
golden diagnostics_bad_format check --diagnostics-format=xml tests/check/ok_minimal.plan

# the editor grammars know every keyword of the language
for kw in $(grep -oE '^"[a-z_]+" +\{ return KW_' grammar/lexer.l | sed -E 's/^"([a-z_]+)".*/\1/'); do
    grep -qw "$kw" editors/vim/syntax/plan.vim && grep -q "|$kw|\|($kw|\||$kw)" editors/vscode/syntaxes/plan.tmLanguage.json ||
        { bad "editors know keyword '$kw'"; continue; }
    ok "editors know keyword '$kw'"
done

# bash completion: commands, and a command's options
if bash -c 'source editors/bash-completion/planc; COMP_WORDS=(planc te); COMP_CWORD=1; _planc; [ "${COMPREPLY[*]}" = template ] &&
        COMP_WORDS=(planc map x.plan --detail ""); COMP_CWORD=4; _planc; [ "${COMPREPLY[*]}" = "full outcomes themes" ]' 2>/dev/null; then
    ok "bash completion"
else
    bad "bash completion"
fi

# the SARIF output is valid against the official SARIF 2.1.0 schema
"$PLANC" check --diagnostics-format=sarif tests/check/five_independent_mistakes.plan tests/check/e013_duplicates.plan \
    tests/check/w004_target_worse_than_baseline.plan tests/include/cycle-a.plan >"$OUT/check.sarif"
if [ ! -d tests/sarif/node_modules ]; then
    bad "SARIF is valid against its schema" "tests/sarif/node_modules is missing: run make deps"
elif node tests/sarif/validate.js "$OUT/check.sarif" >"$OUT/sarif.log" 2>&1; then
    ok "SARIF is valid against its schema"
else
    bad "SARIF is valid against its schema" "$(head -5 "$OUT/sarif.log")"
fi
printf '{"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}' | node tests/sarif/validate.js >/dev/null 2>&1 &&
    bad "the SARIF validator rejects an invalid log" || ok "the SARIF validator rejects an invalid log"
golden diagnostics_json_fixits check --diagnostics-format=json tests/check/e015_unknown_words.plan

# an unreadable file: as root every file is readable, so the check runs as nobody where it can
if [ "$(id -u)" = 0 ] && command -v runuser >/dev/null; then
    mkdir -p "$OUT/unreadable" && chmod 755 "$OUT" "$OUT/unreadable"
    cp tests/check/ok_minimal.plan "$OUT/unreadable/secret.plan" && chmod 000 "$OUT/unreadable/secret.plan"
    runuser -u nobody -- "$PLANC" check "$OUT/unreadable/secret.plan" >"$OUT/unreadable.out" 2>&1
    [ $? = 2 ] && grep -q "cannot read '.*secret.plan': Permission denied \[E040\]" "$OUT/unreadable.out" &&
        ok "cli unreadable file" || bad "cli unreadable file" "$(cat "$OUT/unreadable.out")"
else
    chmod 000 "$OUT/unreadable.plan" 2>/dev/null
    cp tests/check/ok_minimal.plan "$OUT/unreadable.plan" && chmod 000 "$OUT/unreadable.plan"
    "$PLANC" check "$OUT/unreadable.plan" >"$OUT/unreadable.out" 2>&1
    [ $? = 2 ] && grep -q 'Permission denied' "$OUT/unreadable.out" && ok "cli unreadable file" || bad "cli unreadable file"
fi

# every usage error of every command: a clear message and exit status 2, no output file
S=tests/eval/small.plan
R=tests/eval/good.csv
golden eval_no_plan eval --results $R --period 2019/20
golden eval_needs_results eval $S --period 2019/20
golden eval_option_needs_value eval $S --results $R --period
golden eval_unknown_option eval $S --results $R --period 2019/20 --colour
golden eval_two_plans eval $S $S --results $R --period 2019/20
golden eval_missing_map eval $S --results $R --period 2019/20 --format html --map tests/no-such-map.svg
golden compile_no_output compile $S
golden compile_o_needs_name compile $S -o
golden compile_unknown_option compile $S -o x.c --optimise
golden compile_two_plans compile $S $S -o x.c
golden build_over_plan build $S -o $S
golden map_no_output map $S
golden map_option_needs_value map $S -o x.svg --pillar
golden map_unknown_option map $S -o x.svg --colour
golden map_two_plans map $S $S -o x.svg
golden map_bad_split map $S --split theme -o "$OUT/split_bad"
golden map_bad_detail map $S -o x.svg --detail some
golden map_results_without_period map $S -o x.svg --results $R
golden map_bad_timeout map $S -o x.svg --timeout 0
golden map_bad_period map $S -o x.svg --results $R --period 2019
golden map_output_is_results map $S -o $R -T svg --results $R --period 2019/20
golden map_results_errors map $S -o "$OUT/never.svg" --results tests/eval/bad/duplicate_row.csv --period 2019/20
golden map_split_not_a_directory map $S --split pillar -o tests/eval/good.csv/maps
golden template_usage template $S
golden template_unknown_option template $S --period 2019/20 --colour
golden template_two_plans template $S $S --period 2019/20
golden template_bad_period template $S --period 2019
golden template_over_plan template $S --period 2019/20 -o $S
golden template_unwritable template $S --period 2019/20 -o /nonexistent-dir/return.csv
golden fmt_usage fmt
golden fmt_unknown_option fmt --tidy $S
golden fmt_check_and_write fmt --check -w $S
golden fmt_missing_file fmt tests/no-such-file.plan
golden diff_usage diff $S
golden diff_three_plans diff $S $S $S
golden diff_unknown_option diff $S $S --colour
golden diff_bad_format diff $S $S --format html
golden check_bad_diagnostics_format_value check --diagnostics-format= $S
[ -e x.svg ] || [ -e x.c ] || [ -e "$OUT/never.svg" ] && bad "usage errors leave no output" || ok "usage errors leave no output"

# planc build when the C compiler cannot be run, or fails: an error, and no executable left
CC=/nonexistent/cc "$PLANC" build $S -o "$OUT/never_built" >"$OUT/cc_missing.out" 2>&1
[ $? = 2 ] && grep -q "cannot run '/nonexistent/cc'" "$OUT/cc_missing.out" && [ ! -e "$OUT/never_built" ] &&
    ok "build: a C compiler that cannot be run" || bad "build: a C compiler that cannot be run" "$(cat "$OUT/cc_missing.out")"
CC=false "$PLANC" build $S -o "$OUT/never_built" >"$OUT/cc_false.out" 2>&1
[ $? = 2 ] && grep -q "the C compiler 'false' failed (status 1)" "$OUT/cc_false.out" && [ ! -e "$OUT/never_built" ] &&
    ls "$OUT" | grep -qv 'never_built.build-' && ok "build: a failing C compiler" || bad "build: a failing C compiler" "$(cat "$OUT/cc_false.out")"

# the scanner's keyword rules and the keyword list behind "did you mean" name the same words
rules=$(grep -oE '^"[a-z_]+" +\{ return KW_' grammar/lexer.l | sed -E 's/^"([a-z_]+)".*/\1/' | sort | tr '\n' ' ')
list=$(sed -n '/^static const char \*const keywords\[\] = {/,/^};/p' grammar/lexer.l | grep -oE '"[a-z_]+"' | tr -d '"' | sort | tr '\n' ' ')
[ -n "$rules" ] && [ "$rules" = "$list" ] && ok "keyword rules and keyword list agree" || bad "keyword rules and keyword list agree" "rules: $rules; list: $list"
