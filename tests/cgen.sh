# The C back end, sourced by tests/run.sh ("Hardening II", findings 1, 3 and 8): every string that
# goes into the generated C is escaped for where it goes (a string literal, a comment, an #include),
# no literal is longer than C11 promises to accept, and no formula is deeper than the back ends evaluate.
CG=$OUT/cgen
mkdir -p "$CG"

# cgen_cc NAME FILE.c: FILE.c compiles with gcc and clang -std=c11 -Wall -Wextra -Werror -pedantic
cgen_cc() {
    local name=$1 src=$2 cc
    for cc in gcc clang; do
        command -v $cc >/dev/null || continue
        if $cc -std=c11 -Wall -Wextra -Werror -pedantic -Iruntime -c "$src" -o "$CG/gen.o" 2>"$CG/cc.log"; then
            ok "$name compiles cleanly with $cc"
        else
            bad "$name compiles cleanly with $cc" "$(grep -m3 -E 'error|warning' "$CG/cc.log" | cut -c1-200)"
        fi
    done
}

# cgen_same NAME PLAN RESULTS PERIOD...: the evaluator planc build makes prints what planc eval prints,
# for each period, in every format and in the audit: the plan's strings went through the C unchanged
cgen_same() {
    local name=$1 plan=$2 results=$3 exe="$CG/eval" period fmt differ=""
    shift 3
    rm -f "$exe"
    if ! "$PLANC" build "$plan" -o "$exe" >"$CG/build.log" 2>&1; then
        bad "$name: planc build" "$(grep -m3 -E 'error|warning' "$CG/build.log" | cut -c1-200)"
        return
    fi
    for period in "$@"; do
        for fmt in text csv json md audit; do
            local opt=(--format "$fmt")
            [ $fmt = audit ] && opt=(--audit --format json)
            "$PLANC" eval "$plan" --results "$results" --period "$period" "${opt[@]}" >"$CG/want" 2>"$CG/want.err"
            local s1=$?
            "$exe" --results "$results" --period "$period" "${opt[@]}" >"$CG/got" 2>"$CG/got.err"
            local s2=$?
            # a diagnostic with no place (a missing return, Q003) begins with the program's name
            perl -i -pe 'BEGIN { $p = shift } s/^\Q$p\E: /planc eval: /' "$exe" "$CG/got.err"
            { [ $s1 = $s2 ] && cmp -s "$CG/want" "$CG/got" && cmp -s "$CG/want.err" "$CG/got.err"; } ||
                differ="$differ $period:$fmt"
        done
    done
    [ -z "$differ" ] && ok "$name: the built evaluator agrees with planc eval" ||
        bad "$name: the built evaluator agrees with planc eval" "differs in:$differ"
}

# (1) the plan's path goes into a comment of the C: a directory named to close the comment and define
# a constructor must stay inside it. (5) The plan in it has hostile text in every string field.
evil="$CG/x*/"$'\n''__attribute__((constructor)) static void pwn(void){__builtin_printf("PWNED");} /*'
mkdir -p "$evil"
cp tests/cgen/hostile.plan tests/cgen/hostile.csv "$evil/"
"$PLANC" compile "$evil/hostile.plan" -o "$CG/evil.c" >"$CG/compile.log" 2>&1 &&
    "$PLANC" compile "$evil/hostile.plan" -o "$CG/evil_lib.c" --library >>"$CG/compile.log" 2>&1
if [ $? = 0 ]; then
    for f in evil.c evil_lib.c evil_lib.h; do
        # the path's text may be in a comment, never in the code the compiler sees
        if ${CC:-cc} -std=c11 -Iruntime -I"$CG" -E -P "$CG/$f" 2>/dev/null | grep -q 'pwn\|PWNED'; then
            bad "compile: the plan's path stays in the comment of $f" "$(grep -m1 -n pwn "$CG/$f")"
        else
            ok "compile: the plan's path stays in the comment of $f"
        fi
    done
    cgen_cc "hostile strings and path" "$CG/evil.c"
    cgen_cc "hostile strings and path (--library)" "$CG/evil_lib.c"
else
    bad "compile: a plan with hostile strings in a hostile directory" "$(head -3 "$CG/compile.log")"
fi
cgen_same "hostile strings and path" "$evil/hostile.plan" "$evil/hostile.csv" 2019/20 "2020/21 Q3"
cat "$CG/got" "$CG/got.err" | grep -q PWNED && bad "build: the plan's path runs no code" || ok "build: the plan's path runs no code"

# (3) formulas: the deepest one every back end evaluates (64 values held at once) compiles, and the
# evaluator gives planc eval's values; one deeper is E038 (tests/check/e038_formula_too_deep.plan)
if "$PLANC" compile tests/cgen/deep.plan -o "$CG/deep.c" >"$CG/compile.log" 2>&1; then
    cgen_cc "the deepest formula" "$CG/deep.c"
else
    bad "compile the deepest formula" "$(head -3 "$CG/compile.log")"
fi
cgen_same "the deepest formula" tests/cgen/deep.plan tests/cgen/deep.csv 2019/20
"$PLANC" eval tests/cgen/deep.plan --results tests/cgen/deep.csv --period 2019/20 --format csv >"$CG/deep.csv"
grep -q '^,deepest,.*,-43969,' "$CG/deep.csv" && ok "the deepest formula's value" || bad "the deepest formula's value" "$(grep deepest "$CG/deep.csv")"
"$PLANC" compile tests/check/e038_formula_too_deep.plan -o "$CG/too_deep.c" >/dev/null 2>&1
[ $? = 1 ] && [ ! -e "$CG/too_deep.c" ] && ok "compile refuses a formula too deep" || bad "compile refuses a formula too deep"

# (8) strings longer than the 4,095 bytes C11 promises in a literal: a 5,000-byte name with quotes,
# backslashes and UTF-8, a reference of 4,096 and a band label of 4,095 bytes, a 13,000-byte pillar name and note
long_name=$(for i in $(seq 625); do printf '%s' 'ab\"c\\é?'; done)
long_ref=$(printf 'r%.0s' $(seq 4096))
long_label=$(printf 'g%.0s' $(seq 4095))
long_note=$(for i in $(seq 1000); do printf '%s' '??/*/ ¿€ü'; done)
cat >"$CG/long.plan" <<EOF
plan "Long strings" {
    organisation "Test Borough"
    covers 2019/20 to 2020/21
    reported quarterly
    rating rag
}
rating rag "Red / Amber / Green" {
    method achievement
    band green "$long_label" (G) at 100%
    band amber "Amber" (A) at 90%
    band red "Red" (R) otherwise
}
pillar p "$long_note" {
    theme t "Living well" {
        outcome o "Residents are well"
        indicator share "$long_ref" "$long_name" {
            measures o; polarity bigger; unit percent
            target 80% in 2019/20 "$long_note"
        }
    }
}
EOF
if "$PLANC" compile "$CG/long.plan" -o "$CG/long.c" >"$CG/compile.log" 2>&1; then
    cgen_cc "strings over 4,095 bytes" "$CG/long.c"
else
    bad "compile strings over 4,095 bytes" "$(head -3 "$CG/compile.log")"
fi
cgen_same "strings over 4,095 bytes" "$CG/long.plan" tests/cgen/long.csv 2019/20
"$PLANC" eval "$CG/long.plan" --results tests/cgen/long.csv --period 2019/20 --format json | grep -qF "$long_note" &&
    ok "a 13,000-byte name is reported whole" || bad "a 13,000-byte name is reported whole"

# (8) an #include names the library's header: a name it cannot carry is refused, and nothing written
golden_cmd "compile --library: a header name an #include cannot carry" tests/cgen/include_name.expected \
    compile tests/eval/small.plan -o "$CG/café.c" --library
[ ! -e "$CG/café.c" ] && [ ! -e "$CG/café.h" ] && ok "compile --library: nothing written for café.c" ||
    bad "compile --library: nothing written for café.c"
