# Checks that a yearly history report rates each year against that year's own target
# (tests/history_plans.sh):  python3 targets_by_year.py PLAN REPORT.csv REPORT.json YEAR...
# The plan's `target ... in YEAR` statements are read from its text; every (indicator, year) row of
# the CSV report and every entry of the JSON report must carry that target: a number equal to the
# plan's, "Maintain"/"Monitor", or the named benchmark; empty when the plan sets none for the year.
# Before the report formats print a history (JSON without "history"), only the report's own year is
# there to check; once they do, every indicator must have one entry for every YEAR.
import csv
import json
import re
import sys

plan_path, csv_path, json_path, years = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
text = open(plan_path, encoding="utf-8").read()
benchmarks = dict(re.findall(r'^benchmark\s+(\w+)\s+"([^"]*)"', text, re.M))
targets = {}    # (indicator id, year) -> the target as the plan writes it
indicator = None
for line in text.splitlines():
    m = re.match(r'\s*indicator\s+(\w+)\s', line)
    if m:
        indicator = m.group(1)
        continue
    m = re.match(r'\s*target\s+(.+?)\s+in\s+(\d{4}/\d{2})\b', line)
    if m and indicator:
        targets[(indicator, m.group(2))] = m.group(1)

problems = []


def number(s):
    try:
        return float(s.replace(",", "").replace("%", "").replace("£", "").strip())
    except ValueError:
        return None


def check(where, ind, year, shown):
    """shown: the report's target for the indicator and year (text, number or None)."""
    want = targets.get((ind, year))
    shown_text = "" if shown is None else str(shown)
    if want is None:
        ok = shown_text == ""
    elif shown is None and where == "JSON" and not re.match(r"[-\d.]", want):
        ok = True    # a history entry may carry only target values: none for maintain, monitor, benchmark
    elif want == "maintain" or want == "monitor":
        ok = shown_text == want.capitalize()
    elif want.startswith("benchmark "):
        ok = shown_text.startswith(benchmarks.get(want.split()[1], "?"))
    else:
        ok = number(shown_text) is not None and abs(number(shown_text) - number(want)) < 1e-9
    if not ok:
        problems.append(f"{where}: {ind} in {year}: the report says {shown_text!r}, the plan {want!r}")


periods = {}    # indicator -> the years the report gives it
with open(csv_path, encoding="utf-8", newline="") as f:
    for row in csv.DictReader(f):
        check("CSV", row["id"], row["period"], row["target"])
        periods.setdefault(row["id"], []).append(row["period"])
with open(json_path, encoding="utf-8") as f:
    report = json.load(f)
has_history = any("history" in i for i in report["indicators"])
for ind in report["indicators"]:
    entries = ind["history"] if has_history else [ind]
    for e in entries:
        shown = e.get("target")
        check("JSON", ind["id"], e["period"], shown)
    if has_history and [e["period"] for e in entries] != years:
        problems.append(f"JSON: {ind['id']}: history {[e['period'] for e in entries]}, not {years}")
    if has_history and periods.get(ind["id"]) != years:
        problems.append(f"CSV: {ind['id']}: rows for {periods.get(ind['id'])}, not {years}")
checked = sum(len(v) for v in periods.values())
for p in problems[:10]:
    print(p)
print(f"{checked} CSV rows checked, history {'printed' if has_history else 'not printed yet'}, {len(problems)} problems")
sys.exit(1 if problems else 0)
