#!/bin/bash
# Compares two planc binaries on every plan, results file and bad input in the repository: each
# command, in each output format, must print the same bytes and exit with the same status.  For
# refactoring ("behaviour stays the same"); not part of `make check`, as it needs a second binary.
#   tests/same_outputs.sh OLD_PLANC NEW_PLANC     (from the repository's root; lists each difference)
set -u
OLD=$(realpath "$1") NEW=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
same=0 differ=0

# run NAME ARGS...: runs both binaries; output files go to $work/o (the same path for both)
run() {
    local name=$1
    shift
    local b
    for b in old new; do
        rm -rf "$work/o" && mkdir "$work/o"
        local bin=$OLD
        [ $b = new ] && bin=$NEW
        (cd "$work/o" && "$bin" "$@" >"$work/$b.out" 2>"$work/$b.err"; echo "exit $?" >>"$work/$b.err") </dev/null
        find "$work/o" -type f -print0 | sort -z | xargs -0 -r cat >"$work/$b.files"
    done
    case "$name" in *sarif*) sarif_rules_dropped "$work/old.out"; sarif_rules_dropped "$work/new.out";; esac
    if cmp -s "$work/old.out" "$work/new.out" && cmp -s "$work/old.err" "$work/new.err" &&
        cmp -s "$work/old.files" "$work/new.files"; then
        same=$((same + 1))
    else
        differ=$((differ + 1))
        echo "DIFFERS: $name"
        [ -n "${SHOW:-}" ] && diff <(cat "$work/old.err" "$work/old.out") <(cat "$work/new.err" "$work/new.out") | head -${SHOW}
    fi
}

# SARIF lists every rule planc has; a new diagnostic code changes that list in every log, so the logs
# are compared without it
sarif_rules_dropped() {
    python3 -c 'import json,sys
try: d=json.load(open(sys.argv[1]))
except Exception: sys.exit(0)
for r in d.get("runs", []): r.get("tool", {}).get("driver", {}).pop("rules", None)
json.dump(d, open(sys.argv[1], "w"), sort_keys=True)' "$1"
}

root=$(pwd)
plans=$(find plans tests -name '*.plan' -not -path 'tests/out/*' | sort)
for p in $plans; do
    P=$root/$p
    for f in text json sarif github; do
        run "check --diagnostics-format=$f $p" check --color=never --diagnostics-format=$f "$P"
    done
    run "check --summary $p" check --summary "$P"
    run "fmt $p" fmt "$P"
    run "compile $p" compile "$P" -o plan.c
    run "map -T dot $p" map "$P" -T dot -o map.dot
    run "template $p" template "$P" --period 2019/20 -o t.csv
done
for csv in plans/*.results.csv; do
    p=${csv%.results.csv}.plan
    for period in $(cut -d, -f2 "$csv" | sed 1d | sort -u | tr ' ' '_'); do
        period=${period//_/ }
        for f in text csv json md html; do
            run "eval $p $period $f" eval "$root/$p" --results "$root/$csv" --period "$period" --format $f
        done
        run "eval --audit $p $period" eval "$root/$p" --results "$root/$csv" --period "$period" --audit
        run "map -T svg with results $p $period" map "$root/$p" --results "$root/$csv" --period "$period" -T svg -o m.svg
    done
done
for csv in $(find tests -name '*.csv' -not -path 'tests/out/*' | sort); do
    run "eval small.plan $csv" eval "$root/tests/eval/small.plan" --results "$root/$csv" --period 2019/20
done
run "diff 2018-19 2019-20" diff "$root/plans/barnet-corporate-plan-2018-19.plan" "$root/plans/barnet-corporate-plan-2019-20.plan"
run "diff md 2016-17 2018-19" diff --format md "$root/plans/barnet-corporate-plan-2016-17.plan" "$root/plans/barnet-corporate-plan-2018-19.plan"
echo "$same same, $differ differ"
