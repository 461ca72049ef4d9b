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
