# Rating-engine tests, sourced by tests/run.sh: bad results files, golden reports for every bundled
# plan, the audit, and the differential test (planc eval against the evaluator planc build makes).

# The diagnostics of planc eval and of a built evaluator are the same but for the program's name, which
# begins a diagnostic with no place in a file (a missing return, Q003).
same_diagnostics() {
    perl -pe 'BEGIN { $p = shift } s/^\Q$p\E: /planc eval: /' "$3" "$2" | cmp -s "$1" -
}

# every malformed results file gets its diagnostics and exit status 1 (2 when unreadable)
for f in tests/eval/bad/*.csv; do
    golden_cmd "results $f" "${f%.csv}.expected" eval tests/eval/small.plan --results "$f" --period 2019/20
done
for fmt in text csv json md; do
    golden_cmd "results good.csv as $fmt" "tests/eval/good.$fmt.expected" eval tests/eval/small.plan \
        --results tests/eval/good.csv --period 2019/20 --format "$fmt"
done
# a rating of record as published reports write it: the band's label in any case ("Amber", "GREEN")
golden_cmd "eval: ratings of record written as labels" tests/eval/rating_labels.expected eval tests/eval/small.plan \
    --results tests/eval/rating_labels.csv --period 2019/20 --audit
# directions of travel of record as reports print them: any case, "N/A" (none), "New method" (not comparable)
golden_cmd "eval: directions of travel of record as printed" tests/eval/dot_words.expected eval tests/eval/small.plan \
    --results tests/eval/dot_words.csv --period 2019/20 --audit
# periods as council reports write them (2019-20): the same as 2019/20, in a return and on the command line
golden_cmd "eval: periods written 2019-20" tests/eval/period_dashes.expected eval tests/eval/small.plan \
    --results tests/eval/period_dashes.csv --period 2019-20 --format csv
golden_cmd "eval: results file missing" tests/eval/missing_results.expected eval tests/eval/small.plan --results tests/eval/none.csv --period 2019/20
golden_cmd "eval: results is a directory with no .csv file" tests/eval/directory_results.expected eval tests/eval/small.plan --results tests/include --period 2019/20
golden_cmd "eval: period outside the plan" tests/eval/period_outside.expected eval tests/eval/small.plan --results tests/eval/good.csv --period 2025/26
golden_cmd "eval: malformed period" tests/eval/period_malformed.expected eval tests/eval/small.plan --results tests/eval/good.csv --period 2019
golden_cmd "eval: unknown format" tests/eval/unknown_format.expected eval tests/eval/small.plan --results tests/eval/good.csv --period 2019/20 --format xml
golden_cmd "eval: plan with errors" tests/eval/plan_errors.expected eval tests/check/e021_missing_polarity.plan --results tests/eval/good.csv --period 2023/24
golden_cmd "eval: output over an input" tests/eval/output_is_input.expected eval tests/eval/small.plan --results tests/eval/good.csv --period 2019/20 -o tests/eval/good.csv

# -o writes the file whole; an error leaves an existing file untouched
cp tests/eval/good.csv "$OUT/keep.txt"
"$PLANC" eval tests/eval/small.plan --results tests/eval/bad/duplicate_row.csv --period 2019/20 -o "$OUT/keep.txt" >/dev/null 2>&1
cmp -s tests/eval/good.csv "$OUT/keep.txt" && ok "eval: failed run leaves the output alone" || bad "eval: failed run leaves the output alone"
"$PLANC" eval tests/eval/small.plan --results tests/eval/good.csv --period 2019/20 -o "$OUT/report.txt" >/dev/null 2>&1
head -n -1 tests/eval/good.text.expected | cmp -s - "$OUT/report.txt" && ok "eval: -o writes the report" || bad "eval: -o writes the report"
ls "$OUT" | grep -q '\.tmp\.' && bad "eval: no temporary files left" || ok "eval: no temporary files left"

# the bundled plans: a golden report for every period their results cover, and the audit
mkdir -p tests/eval/plans
for plan in plans/*.plan; do
    results=${plan%.plan}.results.csv
    [ -f "$results" ] || continue
    name=$(basename "${plan%.plan}")
    # the plan's years: periods before them only serve last year's comparisons
    first=$(grep -oE 'covers [0-9]{4}' "$plan" | head -1 | cut -c8-)
    last=$(grep -oE 'covers [0-9]{4}/[0-9]{2} to [0-9]{4}' "$plan" | head -1 | grep -oE '[0-9]{4}$')
    last=${last:-$first}
    for period in $(grep -oE '^("[^"]*"|[^,]*),"?(19|20)[0-9]{2}/[0-9]{2}( Q[1-4]| H[12])?' "$results" |
                    grep -oE '(19|20)[0-9]{2}/[0-9]{2}( Q[1-4]| H[12])?$' | sort -u | tr ' ' '_'); do
        period=${period//_/ }
        year=${period%%/*}
        { [ "$year" -lt "$first" ] || [ "$year" -gt "$last" ]; } && continue
        tag=$(echo "$period" | tr '/ ' '-_')
        golden_cmd "report $name $period" "tests/eval/plans/$name.$tag.expected" eval "$plan" --results "$results" --period "$period"
        golden_cmd "audit $name $period" "tests/eval/plans/$name.$tag.audit.expected" eval "$plan" --results "$results" --period "$period" --audit
        # differential: the compiled evaluator prints exactly what planc eval prints
        exe="$OUT/eval_$name"
        [ -x "$exe" ] || "$PLANC" build "$plan" -o "$exe" >"$OUT/build.log" 2>&1 || { bad "build $name" "$(head -3 "$OUT/build.log")"; continue; }
        for fmt in text csv json md; do
            "$PLANC" eval "$plan" --results "$results" --period "$period" --format $fmt >"$OUT/d1" 2>"$OUT/e1"
            s1=$?
            "$exe" --results "$results" --period "$period" --format $fmt >"$OUT/d2" 2>"$OUT/e2"
            s2=$?
            same_diagnostics "$OUT/e1" "$OUT/e2" "$exe" && cmp -s "$OUT/d1" "$OUT/d2" && [ $s1 = $s2 ] && ok "differential $name $period $fmt" ||
                bad "differential $name $period $fmt" "planc eval and the built evaluator differ"
        done
    done
done

# generated C compiles without a warning, with gcc and clang, as a program and as a library
for plan in plans/*.plan tests/check/ok_full_language.plan; do
    name=$(basename "${plan%.plan}")
    "$PLANC" compile "$plan" -o "$OUT/gen_$name.c" >/dev/null 2>&1 || { bad "compile $name"; continue; }
    "$PLANC" compile "$plan" -o "$OUT/genlib_$name.c" --library >/dev/null 2>&1 || { bad "compile --library $name"; continue; }
    for cc in gcc clang; do
        command -v $cc >/dev/null || continue
        if $cc -std=c11 -Wall -Wextra -Werror -pedantic -Iruntime -c "$OUT/gen_$name.c" -o "$OUT/gen.o" 2>"$OUT/cc.log" &&
            $cc -std=c11 -Wall -Wextra -Werror -pedantic -Iruntime -c "$OUT/genlib_$name.c" -o "$OUT/gen.o" 2>>"$OUT/cc.log"; then
            ok "generated C for $name compiles cleanly with $cc"
        else
            bad "generated C for $name compiles cleanly with $cc" "$(head -3 "$OUT/cc.log")"
        fi
    done
done
"$PLANC" compile tests/check/ok_full_language.plan -o "$OUT/det_a.c" && "$PLANC" compile tests/check/ok_full_language.plan -o "$OUT/det_b.c"
cmp -s "$OUT/det_a.c" "$OUT/det_b.c" && ok "generated C is deterministic" || bad "generated C is deterministic"
golden_cmd "compile golden" tests/eval/small.c.expected compile tests/eval/small.plan -o -
golden_cmd "compile: output over the plan" tests/eval/compile_over_plan.expected compile tests/eval/small.plan -o tests/eval/small.plan

# differential on random plans and results (tests/unit/gen_random.c): every kind of target, method,
# tolerance, amendment, revision, benchmark and formula, rated by both paths
GEN=${GEN:-build/gen_random}
if [ -x "$GEN" ]; then
    for seed in 1 2 3 4 5 6 7 8 9 10 11 12; do
        "$GEN" $seed "$OUT/rand$seed.plan" "$OUT/rand$seed.csv"
        if ! "$PLANC" check -q "$OUT/rand$seed.plan" || ! "$PLANC" build "$OUT/rand$seed.plan" -o "$OUT/rand$seed" >"$OUT/build.log" 2>&1; then
            bad "random plan $seed builds" "$(head -3 "$OUT/build.log")"
            continue
        fi
        same=1
        for period in 2020/21 "2021/22 Q2" 2021/22 "2020/21 Q4"; do
            for fmt in text csv json md; do
                "$PLANC" eval "$OUT/rand$seed.plan" --results "$OUT/rand$seed.csv" --period "$period" --format $fmt >"$OUT/d1" 2>"$OUT/e1"
                s1=$?
                "$OUT/rand$seed" --results "$OUT/rand$seed.csv" --period "$period" --format $fmt >"$OUT/d2" 2>"$OUT/e2"
                s2=$?
                if ! cmp -s "$OUT/d1" "$OUT/d2" || ! same_diagnostics "$OUT/e1" "$OUT/e2" "$OUT/rand$seed" || [ $s1 != $s2 ] || [ $s1 != 0 ]; then
                    same=0
                    echo "  seed $seed, $period, $fmt: exit $s1 and $s2"
                    diff "$OUT/d1" "$OUT/d2" | head -5
                fi
            done
        done
        [ $same = 1 ] && ok "differential random plan $seed" || bad "differential random plan $seed"
    done
else
    bad "random plans" "$GEN is not built"
fi

# the library form: a program of our own embeds the generated evaluator and gets the same report
mkdir -p "$OUT/embed"
if "$PLANC" compile tests/eval/small.plan -o "$OUT/embed/plan_eval.c" --library &&
    ${CC:-cc} -std=c11 -Iruntime -I"$OUT/embed" tests/eval/embed.c "$OUT/embed/plan_eval.c" "${PLANRT_LIB:-build/libplanrt.a}" -lm \
        -o "$OUT/embed/embed" 2>"$OUT/embed/cc.log"; then
    "$OUT/embed/embed" tests/eval/good.csv 2019/20 >"$OUT/embed/out"
    # the same report, with the date the program gives (h->produced) as SOURCE_DATE_EPOCH gives planc's
    SOURCE_DATE_EPOCH=1764547200 "$PLANC" eval tests/eval/small.plan --results tests/eval/good.csv --period 2019/20 2>/dev/null >"$OUT/embed/want"
    cmp -s "$OUT/embed/out" "$OUT/embed/want" && ok "compile --library embeds" || bad "compile --library embeds" "reports differ"
else
    bad "compile --library embeds" "$(head -3 "$OUT/embed/cc.log")"
fi

# the data return: a template per period, which, once filled in, goes back into eval as it is
golden_cmd "template small 2019/20" tests/eval/template.2019-20.expected template tests/eval/small.plan --period 2019/20
golden_cmd "template small 2019/20 Q2" tests/eval/template.2019-20_Q2.expected template tests/eval/small.plan --period "2019/20 Q2"
golden_cmd "template map plan" tests/eval/template.tiny.expected template tests/map/tiny.plan --period 2023/24
golden_cmd "template: period outside the plan" tests/eval/template_outside.expected template tests/eval/small.plan --period 2030/31
"$PLANC" template tests/eval/small.plan --period 2019/20 -o "$OUT/return.csv" &&
    sed -E '2,$ s/,,\r$/,42,\r/' "$OUT/return.csv" >"$OUT/filled.csv" &&
    "$PLANC" eval tests/eval/small.plan --results "$OUT/filled.csv" --period 2019/20 >"$OUT/filled.out" 2>&1 &&
    grep -q '42' "$OUT/filled.out" && ok "template: filled in, it goes back into eval" || bad "template round trip" "$(head -3 "$OUT/filled.out")"
"$PLANC" template tests/eval/small.plan --period 2019/20 -o "$OUT/return.csv" &&
    "$PLANC" eval tests/eval/small.plan --results "$OUT/return.csv" --period 2019/20 >"$OUT/empty.out" 2>&1
[ $? = 1 ] && grep -q 'R006' "$OUT/empty.out" && ok "template: values left empty are errors, not dropped" || bad "template: empty values"

# results files are read a piece at a time: with pieces of 4, 7 and 64 bytes (record and CRLF
# boundaries falling everywhere) every file gives exactly what it gives read in one piece
for f in tests/eval/good.csv tests/eval/bad/*.csv tests/bad/results/*.csv plans/*.results.csv; do
    plan=tests/eval/small.plan period=2019/20
    case $f in plans/*)
        plan=${f%.results.csv}.plan
        period=$(grep -oE 'covers [0-9]{4}/[0-9]{2}' "$plan" | head -1 | cut -c8-) ;;
    esac
    "$PLANC" eval "$plan" --results "$f" --period "$period" --format json >"$OUT/whole" 2>&1
    s0=$?
    same=1
    for piece in 4 7 64; do
        PLANRT_TEST_CHUNK=$piece "$PLANC" eval "$plan" --results "$f" --period "$period" --format json >"$OUT/pieces" 2>&1
        [ $? = $s0 ] && cmp -s "$OUT/whole" "$OUT/pieces" || same=0
    done
    [ $same = 1 ] && ok "results read in pieces: $f" || bad "results read in pieces: $f"
done
golden_cmd "duplicates found when the plan covers no years" tests/eval/no_covers_duplicate.expected eval tests/eval/no_covers.plan \
    --results tests/eval/no_covers_duplicate.csv --period "2150/51 Q2"

# A reference that is another indicator's identifier: the reader's in-order shortcut must give way to
# the table (references first), in planc eval and in the built evaluator alike.
golden_cmd "a reference shared with another indicator's identifier" tests/eval/shared_name.expected eval \
    tests/eval/shared_name.plan --results tests/eval/shared_name.csv --period 2019/20
"$PLANC" compile tests/eval/shared_name.plan -o "$OUT/shared_name.c" >/dev/null 2>&1
grep -q '\.names_distinct = false' "$OUT/shared_name.c" && ok "compile: names not distinct said in the tables" ||
    bad "compile: names not distinct said in the tables"
if "$PLANC" build tests/eval/shared_name.plan -o "$OUT/shared_name_eval" >/dev/null 2>&1; then
    "$OUT/shared_name_eval" --results tests/eval/shared_name.csv --period 2019/20 >"$OUT/sn1" 2>&1
    "$PLANC" eval tests/eval/shared_name.plan --results tests/eval/shared_name.csv --period 2019/20 >"$OUT/sn2" 2>&1
    cmp -s "$OUT/sn1" "$OUT/sn2" && ok "shared name: built evaluator agrees" || bad "shared name: built evaluator agrees"
else
    bad "shared name: built evaluator agrees" "planc build failed"
fi
