#!/bin/bash
# check, eval, compile and map on every bundled plan under valgrind: no leak and no memory error in
# planc's own code.  The map's Graphviz child process is not followed (--child-silent-after-fork):
# its leaks are Graphviz 2.43's and end with the child.  Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
PLANC=${PLANC:-./planc}
VG="valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect --error-exitcode=99 --child-silent-after-fork=yes"
OUT=tests/out/valgrind
mkdir -p "$OUT"
pass=0
fail=0
run() { # NAME ARGS...: planc under valgrind must not report (status 99)
    local name=$1
    shift
    $VG "$PLANC" "$@" >"$OUT/out" 2>"$OUT/err"
    if [ $? = 99 ] || grep -q '^==[0-9]*==' "$OUT/err"; then
        fail=$((fail + 1))
        echo "FAIL $name"
        grep '^==' "$OUT/err" | head -20
    else
        pass=$((pass + 1))
    fi
}
for plan in plans/*.plan; do
    name=$(basename "${plan%.plan}")
    results=${plan%.plan}.results.csv
    run "check $name" check "$plan"
    run "compile $name" compile "$plan" -o "$OUT/$name.c"
    run "map $name" map "$plan" -o "$OUT/$name.svg"
    for period in $(grep -oE '^("[^"]*"|[^,]*),"?(19|20)[0-9]{2}/[0-9]{2}( Q[1-4])?' "$results" |
                    grep -oE '(19|20)[0-9]{2}/[0-9]{2}( Q[1-4])?$' | sort -u | tr ' ' '_'); do
        period=${period//_/ }
        for fmt in text json; do
            run "eval $name $period $fmt" eval "$plan" --results "$results" --period "$period" --format $fmt
        done
        run "audit $name $period" eval "$plan" --results "$results" --period "$period" --audit
    done
done
for f in tests/check/*.plan tests/bad/plans/*.plan; do
    run "check $f" check "$f"
done
for f in tests/eval/bad/*.csv tests/bad/results/*.csv; do
    run "eval $f" eval tests/eval/small.plan --results "$f" --period 2019/20
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]
