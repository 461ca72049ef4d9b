#!/bin/bash
# planc build (issue 20), run by bench/run or by hand:  bench/build.sh [MAX_INDICATORS]
# Seconds and peak memory of `planc build` (planc and the C compiler it runs: /usr/bin/time's %M is the
# largest of the process and its children) from 10^3 indicators to MAX (default and at most 10^5),
# beside the targets (5 s, 300 MB at 10^5) as ratios; and, side by side in the same run, the same
# build with the tables as C structs (--tables readable, the form before issue 20).
# Needs build/bench-gen (bench/run makes it) and /usr/bin/time.
set -u
cd "$(dirname "$0")/.."
MAX=${1:-100000}
W=build/bench
LIMIT_S=5 LIMIT_MB=300
mkdir -p "$W"
[ -x build/bench-gen ] || cc -std=c11 -O2 -o build/bench-gen bench/gen.c || exit 1
make -s planc >/dev/null || exit 1

measure() { # prints "seconds peak_kb" for the command
    /usr/bin/time -f '%e %M' "$@" 2>&1 >/dev/null | tail -1
}
plan_dir() { # the directory of a generated plan of N indicators, made once (as bench/run makes it)
    local d=$W/n$1
    mkdir -p "$d"
    [ -f "$d/plan.plan" ] || build/bench-gen "$1" "$(($1 * 10))" 1 "$d" 2>/dev/null
    echo "$d"
}
mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1048576 }'; }

echo "## planc build (issue 20): the evaluator's C and the C compiler"
echo
echo "Packed tables (the default above 200 indicators) against the same plan's tables as C structs"
echo "(\`--tables readable\`), one after the other in this run; peak MB (10^6 bytes) is planc's or the C compiler's."
echo
echo "| indicators | C MiB | seconds | limit | s / limit | peak MB | limit | MB / limit | readable C MiB | readable s | readable peak MB | command |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
n=1000
while [ $n -le "$MAX" ] && [ $n -le 100000 ]; do
    d=$(plan_dir $n)
    ./planc compile "$d/plan.plan" -o "$d/plan_eval.c" || exit 1
    ./planc compile --tables readable "$d/plan.plan" -o "$d/plan_readable.c" || exit 1
    read -r s kb < <(measure ./planc build "$d/plan.plan" -o "$d/plan_eval")
    read -r rs rkb < <(measure ./planc build --tables readable "$d/plan.plan" -o "$d/plan_readable")
    awk -v n=$n -v c="$(mb "$d/plan_eval.c")" -v s="$s" -v kb="$kb" -v ls=$LIMIT_S -v lm=$LIMIT_MB \
        -v rc="$(mb "$d/plan_readable.c")" -v rs="$rs" -v rkb="$rkb" 'BEGIN {
        printf "| %d | %s | %.2f | %d | %.2f | %.0f | %d | %.2f | %s | %.2f | %.0f | `planc build plan.plan -o plan_eval` against `--tables readable` |\n",
               n, c, s, ls, s / ls, kb * 1.024 / 1000, lm, kb * 1.024 / 1000 / lm, rc, rs, rkb * 1.024 / 1000 }'
    n=$((n * 10))
done
