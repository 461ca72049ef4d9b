"""Compares an engine's ratings (CSV from tests/sql.sh's queries) with `planc eval --format csv`, for
tests/sql.sh: usage compare.py EVAL.csv ENGINE.csv [delivery].  Without `delivery` the indicator rows
(view ratings), with it the activity rows (view delivery_ratings; the CSV's exception text is compared
as whether there is one, the view's yes or no).  Numbers are compared as the evaluator's CSV
prints them: the engine gives every digit, and this formats them as report_cells.c's rpt_number does
(result: %.2f without trailing zeros; percent: %.1f).  Prints each difference; exit 1 if any."""
import csv
import sys

COLUMNS = ["ref", "id", "period", "target", "result", "status", "rating", "rating_label", "percent", "dot",
           "overridden", "forecast", "annual_target", "forecast_miss"]
DELIVERY_COLUMNS = ["ref", "id", "period", "state", "impact", "band", "band_label", "on_target", "overdue",
                    "percent_complete", "completed", "exception", "comment"]
DELIVERY = len(sys.argv) > 3 and sys.argv[3] == "delivery"


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
            if not engine and (r.get("record") == "activity") != DELIVERY:
                continue
            row = {c: unformula(r.get(c) or "") for c in (DELIVERY_COLUMNS if DELIVERY else COLUMNS)}
            if engine and DELIVERY:
                row["percent_complete"] = number(row["percent_complete"], -1)
            elif DELIVERY:
                row["exception"] = "yes" if row["exception"] else "no"
            elif engine:
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
        for c in (DELIVERY_COLUMNS if DELIVERY else COLUMNS):
            if w[c] != g[c]:
                print(f"  {w['ref'] or w['id']} {c}: planc eval {w[c]!r}, SQL {g[c]!r}")
                bad = 1
    sys.exit(bad)


main()
