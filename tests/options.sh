# The one option parser (runtime/options.c), sourced by tests/run.sh (which defines ok, bad,
# golden_cmd, $PLANC, $OUT): every command's --help, --name=value and --name value alike, the same
# messages for every mistake, "--" and "-", and the man page naming every option of every table.
S=tests/eval/small.plan
R=tests/eval/good.csv
OPT=$OUT/options
mkdir -p "$OPT"
opt_golden() { # opt_golden NAME ARGS...: output and status equal tests/cli/NAME.expected
    local name=$1
    shift
    golden_cmd "options $name" "tests/cli/$name.expected" "$@"
}

# --help of every command, and of an evaluator planc build made
for cmd in check eval compile build diff fmt map template; do
    opt_golden "${cmd}_help" $cmd --help
done
opt_golden eval_help_short eval -h
if "$PLANC" build $S -o "$OPT/small_eval" >"$OPT/build.log" 2>&1; then
    PLANC="$OPT/small_eval" opt_golden evaluator_help --help
    PLANC="$OPT/small_eval" opt_golden evaluator_unknown_option --results $R --period 2019/20 --colour
    PLANC="$OPT/small_eval" opt_golden evaluator_needs_value --results $R --period
    PLANC="$OPT/small_eval" opt_golden evaluator_bad_format --results $R --period 2019/20 --format xml
    PLANC="$OPT/small_eval" opt_golden evaluator_required --results $R
    PLANC="$OPT/small_eval" opt_golden evaluator_unexpected $S --results $R --period 2019/20
else
    bad "options: build an evaluator" "$(head -3 "$OPT/build.log")"
fi

# same_output NAME "ARGS A" "ARGS B": both command lines give the same output and status
same_output() {
    local name=$1
    "$PLANC" $2 >"$OPT/a.out" 2>&1
    echo "exit: $?" >>"$OPT/a.out"
    "$PLANC" $3 >"$OPT/b.out" 2>&1
    echo "exit: $?" >>"$OPT/b.out"
    if ! cmp -s "$OPT/a.out" "$OPT/b.out"; then
        bad "options $name" "'$2' and '$3' differ"
        diff "$OPT/a.out" "$OPT/b.out" | head -5
    elif grep -q 'error: \(unknown option\|.* needs a value\)' "$OPT/a.out"; then
        bad "options $name" "both refused: $(head -1 "$OPT/a.out")"
    else
        ok "options $name"
    fi
}
E="eval $S"
same_output "eval --results=" "$E --results $R --period 2019/20" "$E --results=$R --period=2019/20"
same_output "eval --format=" "$E --results $R --period 2019/20 --format json" "$E --results $R --period 2019/20 --format=json"
same_output "eval --map=" "$E --results $R --period 2019/20 --format html --map tests/map/tiny.plan" \
    "$E --results $R --period 2019/20 --format=html --map=tests/map/tiny.plan"
same_output "eval -o, -oFILE, --output=" "$E --results $R --period 2019/20 -o $OPT/e1.txt" "$E --results $R --period 2019/20 -o$OPT/e2.txt"
cmp -s "$OPT/e1.txt" "$OPT/e2.txt" && ok "options eval -oFILE writes FILE" || bad "options eval -oFILE writes FILE"
same_output "eval --output=" "$E --results $R --period 2019/20 --output $OPT/e3.txt" "$E --results $R --period 2019/20 --output=$OPT/e4.txt"
cmp -s "$OPT/e3.txt" "$OPT/e4.txt" && cmp -s "$OPT/e1.txt" "$OPT/e3.txt" && ok "options eval --output= writes FILE" ||
    bad "options eval --output= writes FILE"
same_output "eval --diagnostics-format= --color=" "$E --results $R --period 2019/20 --diagnostics-format json --color never" \
    "$E --results $R --period 2019/20 --diagnostics-format=json --color=never"
same_output "eval --include-dir=, -I" "$E --results $R --period 2019/20 --include-dir tests" "$E --results $R --period 2019/20 -Itests"
M="map tests/map/tiny.plan -o - -T dot"
same_output "map -T" "map tests/map/tiny.plan -o - -T dot" "map tests/map/tiny.plan --output=- -Tdot"
same_output "map --detail=" "$M --detail outcomes" "$M --detail=outcomes"
same_output "map --pillar=" "$M --pillar people" "$M --pillar=people"
same_output "map --theme=" "$M --theme green" "$M --theme=green"
same_output "map --results= --period=" "$M --results tests/map/tiny.results.csv --period 2023/24" \
    "$M --results=tests/map/tiny.results.csv --period=2023/24"
same_output "map --timeout=" "$M --timeout 30" "$M --timeout=30"
same_output "map --diagnostics-format= --color=" "$M --diagnostics-format sarif --color always" "$M --diagnostics-format=sarif --color=always"
same_output "map --include-dir=" "$M --include-dir tests" "$M --include-dir=tests"
same_output "map --split=" "map tests/map/tiny.plan -o $OPT/split1 --split pillar -T dot" "map tests/map/tiny.plan -o $OPT/split2 --split=pillar -T dot"
same_output "check --max-errors" "check --max-errors 1 --color=never tests/check/five_independent_mistakes.plan" \
    "check --max-errors=1 --color=never tests/check/five_independent_mistakes.plan"
same_output "check --color" "check --color always tests/check/e021_missing_polarity.plan" "check --color=always tests/check/e021_missing_polarity.plan"
same_output "check --diagnostics-format" "check --diagnostics-format json tests/check/e021_missing_polarity.plan" \
    "check --diagnostics-format=json tests/check/e021_missing_polarity.plan"
same_output "check -I" "check -I tests --color=never tests/include/confined/escape.plan" \
    "check --include-dir=tests --color=never tests/include/confined/escape.plan"
same_output "template --period=" "template $S --period 2019/20 -o -" "template $S --period=2019/20 --output=-"
same_output "diff --format=" "diff $S $S --format md" "diff $S $S --format=md"
same_output "fmt --check --" "fmt --check $S" "fmt --check -- $S"

# every mistake in one style: the message, then "Try 'planc CMD --help'."; exit status 2
opt_golden eval_flag_with_value eval $S --results $R --period 2019/20 --audit=yes
opt_golden map_bad_T map $S -o x.svg -Tjpeg
opt_golden map_bad_color map $S -o x.svg --color=sometimes
opt_golden template_needs_period template $S -o -
opt_golden template_bad_diagnostics_format template $S --period 2019/20 --diagnostics-format xml
opt_golden diff_one_plan diff $S
opt_golden check_unknown_short check -x $S
opt_golden check_max_errors_range check --max-errors=100001 $S
opt_golden fmt_needs_files fmt --check
opt_golden compile_needs_o compile $S --library

# "--" ends the options: a file named -x.plan is a file; "-" is an argument, not an option
cp $S "$OPT/-x.plan"
P=$(cd "$(dirname "$PLANC")" && pwd)/$(basename "$PLANC")
(cd "$OPT" && "$P" check -- -x.plan >dashdash.out 2>&1) && ok "options check -- -x.plan" ||
    bad "options check -- -x.plan" "$(head -2 "$OPT/dashdash.out")"
(cd "$OPT" && "$P" eval --results "$OLDPWD/$R" --period 2019/20 -- -x.plan >dashdash.out 2>&1) &&
    ok "options eval -- -x.plan" || bad "options eval -- -x.plan" "$(head -2 "$OPT/dashdash.out")"
(cd "$OPT" && "$P" fmt -- -x.plan >dashdash.out 2>&1) && ok "options fmt -- -x.plan" ||
    bad "options fmt -- -x.plan" "$(head -2 "$OPT/dashdash.out")"
(cd "$OPT" && "$P" check -x.plan >dashdash.out 2>&1)
[ $? = 2 ] && grep -q "unknown option '-x.plan'" "$OPT/dashdash.out" && ok "options -x.plan without -- is an option" ||
    bad "options -x.plan without -- is an option" "$(head -2 "$OPT/dashdash.out")"
"$PLANC" check --color=never - >"$OPT/dash.out" 2>&1
grep -q "cannot read '-'" "$OPT/dash.out" && ok "options - is an argument" || bad "options - is an argument" "$(head -2 "$OPT/dash.out")"

# the man page names every option of every command's table in that command's entry
man_entry() { # the lines of man/planc.1's entry for command $1: its SYNOPSIS lines and its COMMANDS item
    awk -v cmd="$1" '
        /^\.B planc / { syn = ($3 == cmd) } syn && !/^\.B planc / && /^\.(br|SH)/ { syn = 0 } syn { print }
        /^\.SH COMMANDS/ { in_cmds = 1; next } /^\.SH/ { in_cmds = 0 }
        in_cmds && /^\.RS/ { depth++ } in_cmds && /^\.RE/ { depth-- }
        in_cmds && depth == 0 && prev == ".TP" { item = ($1 == ".B" && $2 == cmd) }
        in_cmds && item { print } { prev = $0 }' man/planc.1 | sed 's/\\-/-/g'
}
for cmd in check eval compile build diff fmt map template; do
    man_entry $cmd >"$OPT/man_$cmd"
    missing=""
    for o in $("$PLANC" $cmd --help | grep -oE '^  (-[A-Za-z], |    )?--?[a-zA-Z][-a-zA-Z]*' | grep -oE -- '--?[a-zA-Z][-a-zA-Z]*$'); do
        case $o in --help) continue ;; esac
        grep -qE -- "(^|[^-a-zA-Z])$o([^-a-zA-Z]|$)" "$OPT/man_$cmd" || missing="$missing $o"
    done
    [ -s "$OPT/man_$cmd" ] && [ -z "$missing" ] && ok "options man page lists every option of $cmd" ||
        bad "options man page lists every option of $cmd" "missing:$missing"
done
