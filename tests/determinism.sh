#!/bin/bash
# Every output is byte-identical between two planc builds (gcc's and clang's, in CI): diagnostics,
# reports in every format, the audit, generated C, and maps as DOT and SVG.
# usage: tests/determinism.sh PLANC_A PLANC_B; ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
A=$1
B=$2
OUT=tests/out/determinism
# reports say when they were produced: the same date for both
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1764547200}
mkdir -p "$OUT"
pass=0
fail=0
same() { # NAME ARGS... (with @OUT@ standing for the output file)
    local name=$1
    shift
    "$A" "${@//@OUT@/$OUT/a}" >"$OUT/a.stdout" 2>&1
    "$B" "${@//@OUT@/$OUT/b}" >"$OUT/b.stdout" 2>&1
    if cmp -s "$OUT/a.stdout" "$OUT/b.stdout" && { [ ! -e "$OUT/a" ] || cmp -s "$OUT/a" "$OUT/b"; }; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $name: the two builds differ"
    fi
    rm -f "$OUT/a" "$OUT/b"
}
for f in tests/check/*.plan tests/bad/plans/*.plan plans/*.plan; do
    same "check $f" check --color=never "$f"
done
for plan in plans/*.plan tests/eval/small.plan; do
    results=${plan%.plan}.results.csv
    [ -f "$results" ] || results=tests/eval/good.csv
    for period in 2016/17 "2017/18 Q2" 2019/20 "2023/24 Q2"; do
        for fmt in text csv json md; do
            same "eval $plan $period $fmt" eval "$plan" --results "$results" --period "$period" --format $fmt
        done
        same "audit $plan $period" eval "$plan" --results "$results" --period "$period" --audit
    done
    same "compile $plan" compile "$plan" -o @OUT@
    same "map dot $plan" map "$plan" -o @OUT@ -T dot
    same "map svg $plan" map "$plan" -o @OUT@ -T svg
done
# reports over time: eight quarters of returns, every format and the committee pack
for fmt in text csv json md html; do
    same "history $fmt" eval tests/history/council.plan --results tests/history/returns --period "2024/25 Q4" \
        --history 8 --format $fmt
done
same "history Barnet pack" eval plans/our-plan-for-barnet-2023-26.plan --period "2023/24 Q2" --history 2 \
    --results plans/our-plan-for-barnet-2023-26.returns --format html
echo "$pass passed, $fail failed"
[ $fail = 0 ]
