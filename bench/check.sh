#!/bin/bash
# planc check's speed (issues 7 and 20), run by bench/run:  bench/check.sh [MAX_INDICATORS]
# For plans of 10^3 indicators up to MAX (default 10^5), a markdown table of `planc check -q` in MiB/s
# beside the target (150 MiB/s) and beside its limit: grammar/lexer.l's rules with empty actions as a
# flex scanner of their own (bench/limit_scanner.py), which reads the text and does nothing else.
# Seconds are wall-clock, best of 3; the CPU columns (user + system, best of 3) are steadier on a
# shared machine.  Needs make, cc, flex and python3.
set -u
cd "$(dirname "$0")/.."
MAX=${1:-100000}
TARGET=150
W=build/bench
mkdir -p "$W"
make -s planc >/dev/null || exit 1
[ -x build/bench-gen ] && [ build/bench-gen -nt bench/gen.c ] || cc -std=c11 -O2 -o build/bench-gen bench/gen.c || exit 1

# the limit scanner, regenerated whenever grammar/lexer.l or its generator changes
limit=$W/limit_scan
if [ ! -x $limit ] || [ grammar/lexer.l -nt $limit ] || [ bench/limit_scanner.py -nt $limit ]; then
    python3 bench/limit_scanner.py grammar/lexer.l $W/limit.l &&
        flex -Cf -o $W/limit.c $W/limit.l &&
        cc -std=c11 -D_XOPEN_SOURCE=700 -O2 -Wall -Werror -Wno-unused-function -o $limit $W/limit.c || exit 1
fi

# best_of_3 COMMAND...: "wall cpu peak_kb", the least of each over three runs
best_of_3() {
    local out
    for _ in 1 2 3; do
        out=$(/usr/bin/time -f 'TIME %e %U %S %M' "$@" 2>&1 >/dev/null | grep '^TIME ')
        echo "$out"
    done | awk 'BEGIN { w = c = k = 1e9 }
        { if ($2 < w) w = $2; if ($3 + $4 < c) c = $3 + $4; if ($5 < k) k = $5 }
        END { printf "%.3f %.3f %d\n", w, c, k }'
}
plan_dir() { # the directory of a generated plan of N indicators, made once
    local d=$W/n$1
    mkdir -p "$d"
    [ -f "$d/plan.plan" ] || build/bench-gen "$1" "$(($1 * 10))" 1 "$d" >/dev/null 2>&1
    echo "$d"
}

read -r _ _ base_kb < <(best_of_3 ./planc check -q plans/our-plan-for-barnet-2023-26.plan)
echo "Start-up: checking the Barnet plan (27 KB) peaks at $((base_kb / 1024)) MiB: the program and its libraries."
echo
echo "| indicators | plan MiB | planc s | MiB/s | / $TARGET | limit s | limit MiB/s | planc / limit | planc CPU s | limit CPU s | CPU planc / limit | peak MiB | peak / input | (peak - start-up) / input | command |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
n=1000
while [ $n -le "$MAX" ]; do
    d=$(plan_dir $n)
    read -r ps pc kb < <(best_of_3 ./planc check -q "$d/plan.plan")
    read -r ls lc _ < <(best_of_3 $limit "$d/plan.plan")
    awk -v n=$n -v bytes="$(stat -c %s "$d/plan.plan")" -v ps="$ps" -v pc="$pc" -v ls="$ls" -v lc="$lc" \
        -v kb="$kb" -v base="$base_kb" -v t=$TARGET 'BEGIN {
        mb = bytes / 1048576
        # a run shorter than the clock shows counts as 10 ms
        if (ps < 0.01) ps = 0.01; if (ls < 0.01) ls = 0.01; if (pc < 0.01) pc = 0.01; if (lc < 0.01) lc = 0.01
        printf "| %d | %.1f | %.3f | %.1f | %.2f | %.3f | %.1f | %.2f | %.2f | %.2f | %.2f | %.0f | %.2f× | %.2f× | `planc check -q plan.plan` against `limit_scan plan.plan` (best of 3) |\n",
               n, mb, ps, mb / ps, mb / ps / t, ls, mb / ls, ps / ls, pc, lc, pc / lc, kb / 1024, (kb / 1024) / mb, ((kb - base) / 1024) / mb }'
    n=$((n * 10))
done
echo
echo "Targets: MiB/s ≥ $TARGET (the column / $TARGET ≥ 1), planc / limit ≤ 3, peak / input ≤ 3."
