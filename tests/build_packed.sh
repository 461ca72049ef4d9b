# planc build's packed tables (issue 20), sourced by tests/run.sh: a large plan's C holds its tables as
# a stream of digits and a string pool (runtime/packed.h), a small plan's stays readable; the packed
# evaluator prints what planc eval prints, byte for byte, for every bundled plan, the delivery fixture,
# hostile and long strings and the deepest formula; the C compiles with -pedantic; $CFLAGS comes after
# planc's -O2; a damaged stream is refused.
PK=$OUT/packed
mkdir -p "$PK"

# pk_same NAME PLAN RESULTS PERIOD [EVAL OPTIONS...]: the evaluator built with --tables packed prints
# what planc eval prints (output, diagnostics but for the program's name, status) in every format and the audit
pk_same() {
    local name=$1 plan=$2 results=$3 period=$4 exe="$PK/eval" fmt differ=""
    shift 4
    rm -f "$exe"
    if ! "$PLANC" build --tables packed "$plan" -o "$exe" >"$PK/build.log" 2>&1; then
        bad "packed: $name: planc build" "$(grep -m3 -E 'error|warning' "$PK/build.log" | cut -c1-200)"
        return
    fi
    for fmt in text csv json md html audit; do
        local opt=(--format "$fmt")
        [ $fmt = audit ] && opt=(--audit --format json)
        "$PLANC" eval "$plan" --results "$results" --period "$period" "$@" "${opt[@]}" >"$PK/want" 2>"$PK/want.err"
        local s1=$?
        "$exe" --results "$results" --period "$period" "$@" "${opt[@]}" >"$PK/got" 2>"$PK/got.err"
        local s2=$?
        perl -i -pe 'BEGIN { $p = shift } s/^\Q$p\E: /planc eval: /' "$exe" "$PK/got.err"
        { [ $s1 = $s2 ] && cmp -s "$PK/want" "$PK/got" && cmp -s "$PK/want.err" "$PK/got.err"; } ||
            differ="$differ $fmt"
    done
    [ -z "$differ" ] && ok "packed: $name: the evaluator prints what planc eval prints" ||
        bad "packed: $name: the evaluator prints what planc eval prints" "differs in:$differ"
}

# pk_cc NAME FILE.c: the C compiles with gcc and clang -std=c11 -Wall -Wextra -Werror -pedantic
pk_cc() {
    local name=$1 src=$2 cc
    for cc in gcc clang; do
        command -v $cc >/dev/null || continue
        if $cc -std=c11 -Wall -Wextra -Werror -pedantic -Iruntime -c "$src" -o "$PK/gen.o" 2>"$PK/cc.log"; then
            ok "packed: $name compiles cleanly with $cc"
        else
            bad "packed: $name compiles cleanly with $cc" "$(grep -m3 -E 'error|warning' "$PK/cc.log" | cut -c1-200)"
        fi
    done
}

# every bundled plan, at the last period its results hold
for plan in plans/*.plan; do
    results=${plan%.plan}.results.csv
    [ -f "$results" ] || continue
    period=$(grep -oE '^("[^"]*"|[^,]*),"?(19|20)[0-9]{2}/[0-9]{2}( Q[1-4]| H[12])?' "$results" |
             grep -oE '(19|20)[0-9]{2}/[0-9]{2}( Q[1-4]| H[12])?$' | sort | tail -1)
    pk_same "$(basename "$plan")" "$plan" "$results" "$period"
done
pk_same "delivery fixture, 4 quarters" tests/delivery/council.plan tests/delivery/returns "2023/24 Q4" --history 4
pk_same "history fixture, 8 quarters" tests/history/council.plan tests/history/returns "2023/24 Q4" --history 8
pk_same "hostile strings" tests/cgen/hostile.plan tests/cgen/hostile.csv "2020/21 Q3"
pk_same "the deepest formula" tests/cgen/deep.plan tests/cgen/deep.csv 2019/20
"$PLANC" compile --tables packed tests/cgen/hostile.plan -o "$PK/hostile.c" >/dev/null 2>&1 &&
    pk_cc "hostile strings" "$PK/hostile.c"
"$PLANC" compile --tables packed tests/cgen/deep.plan -o "$PK/deep.c" >/dev/null 2>&1 && pk_cc "the deepest formula" "$PK/deep.c"

# strings of 4,095 bytes (a piece of the pool to itself, as a literal), 4,096 and 5,000 (a piece as an
# array of characters), with quotes, backslashes, trigraph starts and UTF-8, beside short ones
s4095=$(printf 'g%.0s' $(seq 4095))
s4096=$(printf 'r%.0s' $(seq 4096))
s5000=$(for i in $(seq 625); do printf '%s' 'ab\"c\\é?'; done)
{
    cat <<EOF
plan "Long strings" {
    organisation "Test Borough"
    covers 2019/20 to 2020/21
    reported quarterly
    rating rag
}
rating rag "Red / Amber / Green" {
    method achievement
    band green "$s4095" (G) at 100%
    band amber "Amber" (A) at 90%
    band red "Red" (R) otherwise
}
pillar p "$s5000" {
    theme t "Living well" {
        outcome o "Residents are well"
        indicator long "$s4096" "$s5000" {
            measures o; polarity bigger; unit percent
            target 80% in 2019/20 "$s4095"
        }
EOF
    # enough short ones to fill several pieces of the pool around the long ones
    for i in $(seq 300); do
        printf '        indicator i%d "R/%d" "Indicator %d ??/ \\"quoted\\" é" {\n' $i $i $i
        printf '            measures o; polarity smaller; unit count; target %d.%d in 2019/20 "note %d"\n        }\n' $i $((i % 10)) $i
    done
    echo "    }"
    echo "}"
} >"$PK/long.plan"
{
    echo "ref,period,value"
    echo "long,2019/20,81.5"
    for i in $(seq 300); do echo "i$i,2019/20,$((i * 3 % 400)).25"; done
} >"$PK/long.csv"
if "$PLANC" compile "$PK/long.plan" -o "$PK/long.c" >"$PK/compile.log" 2>&1; then
    grep -q 'packed_data\[\]' "$PK/long.c" && ok "packed: a plan of over 200 indicators is packed by default" ||
        bad "packed: a plan of over 200 indicators is packed by default"
    pk_cc "long strings" "$PK/long.c"
else
    bad "packed: compile long strings" "$(head -3 "$PK/compile.log")"
fi
pk_same "long strings, 301 indicators" "$PK/long.plan" "$PK/long.csv" 2019/20
"$PLANC" compile "$PK/long.plan" -o "$PK/long2.c" >/dev/null 2>&1
cmp -s "$PK/long.c" "$PK/long2.c" && ok "packed: the C is the same every time" || bad "packed: the C is the same every time"
"$PLANC" compile --tables readable "$PK/long.plan" -o "$PK/long_readable.c" >/dev/null 2>&1
grep -q 'static const prt_indicator indicators\[\]' "$PK/long_readable.c" && ! grep -q packed_data "$PK/long_readable.c" &&
    ok "packed: --tables readable keeps a large plan's structs" || bad "packed: --tables readable keeps a large plan's structs"

# a small plan stays readable: its indicators as structs, to read
"$PLANC" compile plans/our-plan-for-barnet-2023-26.plan -o "$PK/small.c" >/dev/null 2>&1
grep -q 'static const prt_indicator indicators\[\]' "$PK/small.c" && ! grep -q packed_data "$PK/small.c" &&
    ok "packed: a small plan's C is readable" || bad "packed: a small plan's C is readable"

# the options: packed is for programs, and for C
golden_cmd "packed: --tables packed with --library" tests/build_packed/library.expected \
    compile --tables packed --library tests/eval/small.plan -o "$PK/lib.c"
golden_cmd "packed: --tables with --target sql" tests/build_packed/sql.expected \
    compile --tables packed --target sql --dialect sqlite tests/eval/small.plan -o "$PK/x.sql"
golden_cmd "packed: --tables with an unknown form" tests/build_packed/unknown.expected \
    compile --tables compact tests/eval/small.plan -o "$PK/x.c"

# $CFLAGS comes after planc's -std=c11 -O2 (the user's -O0 wins), and after $CC's own flags
# (the wrapper runs the suite's own compiler: under check-sanitize, clang with the sanitizers, which
# the instrumented libplanrt.a needs at link time)
{
    echo '#!/bin/bash'
    echo 'echo "$*" >"$(dirname "$0")/cc.args"'
    printf 'exec %s "$@"\n' "${CC:-cc}"
} >"$PK/cc"
chmod +x "$PK/cc"
if CC="$PK/cc -DFROM_CC" CFLAGS="-O0  -g" "$PLANC" build tests/eval/small.plan -o "$PK/small_eval" >"$PK/build.log" 2>&1 &&
    grep -qE '^-DFROM_CC -std=c11 -O2 -O0 -g -I' "$PK/cc.args" && [ -x "$PK/small_eval" ]; then
    ok "build: \$CFLAGS come after planc's -O2"
else
    bad "build: \$CFLAGS come after planc's -O2" "$(cat "$PK/cc.args" "$PK/build.log" 2>/dev/null | head -3)"
fi

# a damaged stream (the C edited: one digit too many promised) is refused, not read past its end
sed 's/^static const size_t packed_ndata = \([0-9]*\);/static const size_t packed_ndata = \1 + 1;/' "$PK/long.c" >"$PK/damaged.c"
if ! cmp -s "$PK/long.c" "$PK/damaged.c" &&
    ${CC:-cc} -std=c11 -Iruntime "$PK/damaged.c" "${PLANRT_LIB:-build/libplanrt.a}" -lm -o "$PK/damaged" 2>"$PK/cc.log"; then
    "$PK/damaged" --results "$PK/long.csv" --period 2019/20 >"$PK/damaged.out" 2>&1
    st=$?
    sed -i "s|^$PK/||" "$PK/damaged.out"
    [ $st = 2 ] && cmp -s "$PK/damaged.out" tests/build_packed/damaged.expected &&
        ok "packed: damaged tables are refused" ||
        bad "packed: damaged tables are refused" "status $st: $(head -2 "$PK/damaged.out")"
else
    bad "packed: damaged tables are refused" "could not make the damaged evaluator: $(head -2 "$PK/cc.log")"
fi
