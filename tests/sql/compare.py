"""Compares an engine's ratings (CSV from tests/sql.sh's queries) with `planc eval --format csv`, for
tests/sql.sh: usage compare.py EVAL.csv ENGINE.csv.  Numbers are compared as the evaluator's CSV
prints them: the engine gives every digit, and this formats them as report_cells.c's rpt_number does
(result: %.2f without trailing zeros; percent: %.1f).  Prints each difference; exit 1 if any."""
import csv
import sys

COLUMNS = ["ref", "id", "period", "target", "result", "status", "rating", "rating_label", "percent", "dot",
           "overridden"]


def number(text, decimals):
    if text in ("", None):
        return ""
    s = "%.*f" % (decimals if decimals >= 0 else 2, float(text))
    if decimals < 0 and "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


def unformula(text):
    # prt_esc_csv's apostrophe before a text a spreadsheet would run as a formula
    return text[1:] if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@", "\t", "\r") else text


def rows(path, engine):
    with open(path, newline="", encoding="utf-8-sig") as f:
        out = []
        for r in csv.DictReader(f):
            row = {c: unformula(r.get(c) or "") for c in COLUMNS}
            if engine:
                row["result"] = number(row["result"], -1)
                row["percent"] = number(row["percent"], 1)
            out.append(row)
        return sorted(out, key=lambda r: (r["ref"], r["id"]))


def main():
    want, got = rows(sys.argv[1], False), rows(sys.argv[2], True)
    bad = 0
    if len(want) != len(got):
        print(f"  {len(want)} rows from planc eval, {len(got)} from the engine")
        bad = 1
    for w, g in zip(want, got):
        for c in COLUMNS:
            if w[c] != g[c]:
                print(f"  {w['ref'] or w['id']} {c}: planc eval {w[c]!r}, SQL {g[c]!r}")
                bad = 1
    sys.exit(bad)


main()
