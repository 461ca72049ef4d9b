"""Compares an engine's delivery counts (tests/sql.sh's summary query: level, level_ix, what, n) with the
delivery summary of `planc eval --format json`, for tests/sql.sh: usage compare_summary.py EVAL.json
ENGINE.csv.  A theme or pillar without activities has no rows in the views; the report's zeros stand.
Prints each difference; exit 1 if any."""
import csv
import json
import sys


def counts(level, ix, delivery, out):
    for what, n in delivery.items():
        if what == "bands":
            for band, k in n.items():
                out[(level, ix, "band_" + band)] = k
        elif what == "states":
            for state, k in n.items():
                out[(level, ix, "state_" + state)] = k
        elif isinstance(n, int):
            out[(level, ix, what)] = n


def want(path):
    with open(path, encoding="utf-8") as f:
        summary = json.load(f)["summary"]
    out = {}
    counts("plan", "", summary.get("delivery", {}), out)
    for level in ("pillars", "themes"):
        for ix, item in enumerate(summary[level]):
            counts(level[:-1], str(ix), item.get("delivery", {}), out)
    return out


def got(path):
    with open(path, newline="", encoding="utf-8") as f:
        return {(r["level"], r["level_ix"], r["what"]): int(r["n"]) for r in csv.DictReader(f)}


def main():
    w, g = want(sys.argv[1]), got(sys.argv[2])
    bad = 0
    if not w:
        print("  no delivery summary in the JSON report")
        bad = 1
    for key in sorted(set(w) | set(g)):
        if w.get(key, 0) != g.get(key, 0):
            print(f"  {' '.join(key)}: planc eval {w.get(key, 0)}, SQL {g.get(key, 0)}")
            bad = 1
    sys.exit(bad)


main()
