#!/bin/bash
# planc eval against the evaluator planc build makes (issue 20), run by bench/run or by hand:
#   bench/eval.sh [INDICATORS]      (default 10^5; needs ./planc and build/bench-gen, as bench/run makes)
# At 10^6 and 10^7 result rows: both programs' seconds side by side, their ratio beside the 1.5x limit,
# and plan_eval's rows/s beside the 15 M target.  Each of 3 rounds runs one program, then the other, so
# that both meet the same machine; the least of the 3 is kept, as wall time and as CPU time (user +
# system: on a shared machine the wall clock counts other programs' turns too).
set -u
cd "$(dirname "$0")/.."
N=${1:-100000}
W=build/bench
PERIOD="2000/01 Q1"
LIMIT=1.5 TARGET=15000000
[ -x ./planc ] || make -s planc >/dev/null || exit 1
[ -x build/bench-gen ] || cc -std=c11 -O2 -o build/bench-gen bench/gen.c || exit 1

run_once() { # prints "wall cpu" seconds of one run of the command
    /usr/bin/time -f '%e %U %S' "$@" 2>&1 >/dev/null | tail -1 | awk '{ printf "%s %.2f\n", $1, $2 + $3 }'
}
least() { awk -v a="$1" -v b="$2" 'BEGIN { print (b < a ? b : a) }'; }

echo "## planc eval against the built evaluator (issue 20)"
echo
echo "| indicators | result rows | planc eval s (CPU) | plan_eval s (CPU) | planc / plan_eval (CPU) | limit | plan_eval rows/s | target | same bytes (cmp) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---|"
for rows in 1000000 10000000; do
    d=$W/eval$N-$rows
    mkdir -p "$d"
    [ -f "$d/results.csv" ] || build/bench-gen "$N" $rows 2 "$d" 2>/dev/null
    [ "$d/plan_eval" -nt build/libplanrt.a ] || ./planc build "$d/plan.plan" -o "$d/plan_eval" || exit 1
    ./planc eval "$d/plan.plan" --results "$d/results.csv" --period "$PERIOD" --format csv >"$d/planc.eval.csv" 2>/dev/null
    "$d/plan_eval" --results "$d/results.csv" --period "$PERIOD" --format csv >"$d/plan_eval.csv" 2>/dev/null
    same=no
    cmp -s "$d/planc.eval.csv" "$d/plan_eval.csv" && same=yes
    pw=999 pc=999 ew=999 ec=999
    for _ in 1 2 3; do
        read -r w c < <(run_once ./planc eval "$d/plan.plan" --results "$d/results.csv" --period "$PERIOD" --format csv)
        pw=$(least "$pw" "$w") pc=$(least "$pc" "$c")
        read -r w c < <(run_once "$d/plan_eval" --results "$d/results.csv" --period "$PERIOD" --format csv)
        ew=$(least "$ew" "$w") ec=$(least "$ec" "$c")
    done
    awk -v n="$N" -v r=$rows -v pw="$pw" -v pc="$pc" -v ew="$ew" -v ec="$ec" -v lim=$LIMIT -v tgt=$TARGET -v same=$same 'BEGIN {
        printf "| %d | %d | %.2f (%.2f) | %.2f (%.2f) | %.2f (%.2f) | %.1f | %.1f M | %.0f M | %s |\n",
               n, r, pw, pc, ew, ec, pw / (ew > 0 ? ew : 0.01), pc / (ec > 0 ? ec : 0.01), lim,
               r / (ew > 0 ? ew : 0.01) / 1e6, tgt / 1e6, same }'
done
echo
echo "Commands: \`planc eval plan.plan --results results.csv --period \"$PERIOD\" --format csv\` against"
echo "\`plan_eval --results results.csv --period \"$PERIOD\" --format csv\` (\`planc build plan.plan -o plan_eval\`);"
echo "best of 3 alternating rounds.  rows/s is from plan_eval's wall time."
