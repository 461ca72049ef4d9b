# Hostile input ("Hardening II", findings 4 and 7), sourced by tests/run.sh (which defines ok, bad,
# golden_cmd, $PLANC, $OUT): includes stay inside the plan's tree, and long tokens, long CSV fields,
# many unknown names and many includes take time linear in their size.  The big inputs are made here,
# at run time; the time bounds are generous (several times what a slow machine needs), the old
# quadratic code took ten to a hundred times longer.

inp=$OUT/input
mkdir -p "$inp"

# x_bytes N: N bytes 'x' on standard output
x_bytes() { head -c "$1" /dev/zero | tr '\0' x; }

# within NAME SECONDS STATUS PATTERN ARGS...: planc finishes within SECONDS with exit status STATUS and
# prints a line matching PATTERN (grep -E; empty for any output).
within() {
    local name=$1 secs=$2 want=$3 pattern=$4
    shift 4
    timeout "$secs" "$PLANC" "$@" >"$inp/within.out" 2>&1
    local got=$?
    if [ "$got" = 124 ]; then
        bad "input $name" "took longer than $secs s"
    elif [ "$got" != "$want" ]; then
        bad "input $name" "exit status $got, expected $want"
        head -c 600 "$inp/within.out"
    elif [ -n "$pattern" ] && ! grep -qE -- "$pattern" "$inp/within.out"; then
        bad "input $name" "output lacks /$pattern/"
        head -c 600 "$inp/within.out"
    else
        ok "input $name"
    fi
}

# --- finding 7: one long token is scanned in time linear in its length (was 41 s for 10 MB) ---
{ printf '/*'; x_bytes 10000000; printf '*/\nplan "Long comment" { covers 2023/24 }\n'; } >"$inp/long_comment.plan"
within long_comment 10 0 '' check "$inp/long_comment.plan"
{ printf '# '; x_bytes 10000000; printf '\nplan "Long line comment" { covers 2023/24 }\n'; } >"$inp/long_line_comment.plan"
within long_line_comment 10 0 '' check "$inp/long_line_comment.plan"
{ printf 'plan "'; x_bytes 10000000; printf '" { covers 2023/24 }\n'; } >"$inp/long_string.plan"
within long_string 10 0 '' check "$inp/long_string.plan"
{ printf 'plan "x" { covers 2023/24 }\n/*'; x_bytes 10000000; } >"$inp/long_unclosed_comment.plan"
within long_unclosed_comment 10 1 '^[^ ]*long_unclosed_comment.plan:2:1: error: unterminated comment.*\[E004\]' \
    check --color=never "$inp/long_unclosed_comment.plan"
{ printf 'plan "x" { covers 2023/24 description "'; x_bytes 10000000; printf '\n}\n'; } >"$inp/long_unclosed_string.plan"
within long_unclosed_string 10 1 'long_unclosed_string.plan:1:39: error: missing terminating .*\[E006\]' \
    check --color=never "$inp/long_unclosed_string.plan"

# --- finding 7: a long CSV field is read in time linear in its length (a 100 MB field took 8.5 s) ---
# Pieces of 4 KB (the reader's test hook) instead of 1 MiB make the old reparse after every piece
# show on 10 MB: 2,500 reparses of 5 MB on average, a minute; read once now.
{ head -1 tests/eval/good.csv; printf 'S/1,2019/20,79.5%%,A,"'; x_bytes 10000000; printf '",76.2\n'; } >"$inp/long_field.csv"
PLANRT_TEST_CHUNK=4096 within long_csv_field 20 0 '^1 indicators reported; 1 rated' \
    eval tests/eval/small.plan --results "$inp/long_field.csv" --period 2019/20
{ head -1 tests/eval/good.csv; printf 'S/1,2019/20,79.5%%,A,'; x_bytes 10000000; printf ',76.2\n'; } >"$inp/long_unquoted.csv"
PLANRT_TEST_CHUNK=4096 within long_csv_unquoted_field 20 0 '^1 indicators reported; 1 rated' \
    eval tests/eval/small.plan --results "$inp/long_unquoted.csv" --period 2019/20
{ head -1 tests/eval/good.csv; printf 'S/1,2019/20,79.5%%,A,"'; x_bytes 10000000; } >"$inp/long_unclosed.csv"
PLANRT_TEST_CHUNK=4096 within long_csv_unclosed_field 20 1 'long_unclosed.csv:2:1: error: a quoted field is not closed' \
    eval tests/eval/small.plan --results "$inp/long_unclosed.csv" --period 2019/20

# --- finding 7: "did you mean" for 8,000 unknown names among 8,000 declared ones (was 67 s) ---
{
    printf 'plan "Unknown names" { covers 2023/24 }\n'
    printf 'rating rag "RAG" { method achievement band green "G" (G) at 100%%  band red "R" (R) otherwise }\n'
    printf 'pillar p "P" { theme t "T" {\n'
    awk 'BEGIN { for (i = 0; i < 8000; i++) printf "outcome out_%05d \"x\"\n", i
                 for (i = 0; i < 8000; i++) printf "indicator ind_%05d \"R/%05d\" \"x\" { measures outx_%05d polarity bigger }\n", i, i, i }'
    printf '} }\n'
} >"$inp/unknown_names.plan"
within unknown_names 10 1 '^8000 errors, 8000 warnings generated' check --max-errors=0 --color=never "$inp/unknown_names.plan"
grep -q "unknown_names.plan:8004:.*unknown outcome 'outx_00000'; did you mean 'out_00000'?" "$inp/within.out" &&
    ok "input unknown_names suggests" || bad "input unknown_names suggests" "no suggestion for the first unknown name"

# --- finding 4: includes stay in the plan's tree (and --include-dir's), never /proc, /sys or /dev ---
golden_cmd "input include /proc" tests/include/proc.expected check --color=never tests/include/proc.plan
golden_cmd "input include ../ escape" tests/include/escape.expected check --color=never tests/include/confined/escape.plan
golden_cmd "input include ../ with --include-dir" tests/include/escape-allowed.expected \
    check --color=never --include-dir tests/include tests/include/confined/escape.plan
golden_cmd "input include /proc with --include-dir /proc" tests/include/proc-include-dir.expected \
    check --color=never --include-dir /proc --include-dir=/ tests/include/proc.plan
golden_cmd "input include-dir missing" tests/include/include-dir-missing.expected \
    check --include-dir tests/include/no-such-dir tests/include/confined/escape.plan
golden_cmd "input include-dir without a directory" tests/include/include-dir-empty.expected eval tests/eval/small.plan --include-dir

# A secret outside the plan's tree, reached by an absolute path, a ../ path and a symbolic link: refused,
# and not a byte of it in the output.
conf=$inp/confined
mkdir -p "$conf/sub"
abs_inp=$(cd "$inp" && pwd)
echo 'SECRET-TOKEN-4f1d rating' >"$inp/secret.plan"
ln -sf ../secret.plan "$conf/link.plan"
ln -sf "$abs_inp/secret.plan" "$conf/abs-link.plan"
printf 'benchmark outside "Outside"\n' >"$inp/shared.plan"
ln -sf ../shared.plan "$conf/shared-link.plan"
printf 'rating inside "Inside" { method achievement\n band green "G" (G) at 100%%\n band red "R" (R) otherwise }\n' >"$conf/sub/inside.plan"
plan_with() { # plan_with FILE INCLUDE...: a plan including each
    local f=$1
    shift
    { for i in "$@"; do printf 'include "%s"\n' "$i"; done; printf 'plan "Confined" { covers 2023/24; rating inside }\n'; } >"$f"
}
secret_free() { # secret_free NAME: the last output quotes nothing of the secret
    grep -q SECRET "$inp/within.out" && bad "input $1 quotes nothing of the file" || ok "input $1 quotes nothing of the file"
}
plan_with "$conf/abs.plan" "$abs_inp/secret.plan" sub/inside.plan
within include_absolute_outside 10 1 "abs.plan:1:9: error: cannot include '.*/secret.plan': it is outside the plan's directory.*\[E041\]" \
    check --color=never "$conf/abs.plan"
secret_free include_absolute_outside
plan_with "$conf/dotdot.plan" ../secret.plan sub/inside.plan
within include_dotdot 10 1 "dotdot.plan:1:9: error: cannot include '.*/confined/../secret.plan': it is outside.*\[E041\]" \
    check --color=never "$conf/dotdot.plan"
secret_free include_dotdot
plan_with "$conf/symlink.plan" link.plan abs-link.plan sub/inside.plan
within include_symlink 10 1 "^2 errors generated" check --color=never "$conf/symlink.plan"
grep -q "symlink.plan:2:9: error: cannot include '.*abs-link.plan': it is outside.*\[E041\]" "$inp/within.out" &&
    ok "input include_symlink absolute" || bad "input include_symlink absolute" "$(head -3 "$inp/within.out")"
secret_free include_symlink
plan_with "$conf/environ.plan" /proc/self/environ /proc/version ../../../../../../../../dev/null sub/inside.plan
within include_system 10 1 "^3 errors generated" check --color=never --include-dir / "$conf/environ.plan"
[ "$(grep -c 'E042' "$inp/within.out")" = 2 ] && grep -q "dev/null': it is not a regular file \[E034\]" "$inp/within.out" &&
    ok "input include_system each refused" || bad "input include_system each refused" "$(head -9 "$inp/within.out")"
plan_with "$conf/inside-abs.plan" "$abs_inp/confined/sub/inside.plan"
within include_absolute_inside 10 0 '' check "$conf/inside-abs.plan"
plan_with "$conf/shared.plan" ../shared.plan shared-link.plan sub/inside.plan
within include_dir_refused_without 10 1 '^2 errors generated' check "$conf/shared.plan"
within include_dir_widens 10 0 '' check --include-dir "$inp" "$conf/shared.plan"
within include_dir_widens_twice 10 0 '' check --include-dir="$conf" --include-dir="$inp/.." "$conf/shared.plan"
# every command that loads a plan takes the option
plan_with "$conf/rated.plan" ../secret.plan
within include_dir_eval 10 1 'E041' eval "$conf/rated.plan" --results tests/eval/good.csv --period 2019/20
within include_dir_template 10 1 'E041' template "$conf/rated.plan" --period 2023/24
within include_dir_compile 10 1 'E041' compile "$conf/rated.plan" -o "$inp/rated.c"
within include_dir_diff 10 2 'E041' diff "$conf/rated.plan" "$conf/rated.plan"
within include_dir_map 10 1 'E041' map "$conf/rated.plan" -o "$inp/rated.dot"
for cmd in eval template compile build diff map; do
    "$PLANC" $cmd --help | grep -q -- '--include-dir' && ok "input $cmd --help names --include-dir" ||
        bad "input $cmd --help names --include-dir"
done
