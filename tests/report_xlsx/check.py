# Reads a report workbook (planc eval --format xlsx) back with openpyxl and compares it with the same
# run's CSV, JSON and HTML reports.  Run with /usr/bin/python3 (Debian's, which has openpyxl).
#   check.py report XLSX CSV JSON HTML   the whole workbook against the other formats
#   check.py hostile XLSX JSON            hostile strings: none a formula, each back exactly
# Prints one line per check, "PASS what" or "FAIL what: why"; exits 0 either way (tests/report_xlsx.sh
# counts the lines).
import csv
import io
import json
import re
import sys
import zipfile

import openpyxl
from openpyxl.utils import get_column_letter

CELL_MAX = 32767
results = []


def verdict(what, problems):
    problems = [p for p in problems if p]
    results.append("PASS %s" % what if not problems else "FAIL %s: %s" % (what, " | ".join(problems[:3])))


def cells_of(ws):
    """The sheet's rows as lists of cells, header first."""
    return [list(r) for r in ws.iter_rows()]


def no_formulas(wb):
    bad = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f" or (isinstance(c.value, str) and c.data_type != "s"):
                    bad.append("%s!%s holds %r as %s" % (ws.title, c.coordinate, str(c.value)[:30], c.data_type))
    return bad


def number_in(text):
    """The figure in a report's text ("£1,234.5", "72.5%", "18 weeks", "-£5"), None when none."""
    m = re.search(r"-?[0-9][0-9,]*(\.[0-9]+)?", text)
    if not m:
        return None
    v = float(m.group(0).replace(",", ""))
    return -abs(v) if text.startswith("-") else v


def same(cell, text, what):
    """A cell against the CSV's text: a number against the figure in it (to the CSV's rounding),
    a string exactly, a blank cell against ""."""
    v = cell.value
    if v is None:
        return None if text == "" else "%s: blank, the CSV says %r" % (what, text)
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        n = number_in(text)
        m = re.search(r"\.([0-9]+)", text)
        tolerance = 0.5 * 10 ** -(len(m.group(1)) if m else 0) + 1e-9   # the CSV rounds to its digits
        if n is None or abs(v - n) > tolerance:
            return "%s: %r, the CSV says %r" % (what, v, text)
        return None
    if hasattr(v, "strftime"):
        return None if v.strftime("%Y-%m-%d") == text else "%s: %s, the CSV says %r" % (what, v, text)
    return None if v == text else "%s: %r, the CSV says %r" % (what, v[:80], text[:80])


def csv_rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for r in rows:   # the CSV's formula guard: a leading ' before =, +, -, @ is not the text's
        for k, v in r.items():
            if v and v[0] == "'" and v[1:2] in ("=", "+", "-", "@", "\t", "\r"):
                r[k] = v[1:]
    return rows


# The pillar sheets' columns and the CSV column each says (None: checked otherwise).
INDICATOR_COLUMNS = {
    "Indicator": "indicator", "Theme": "theme", "Outcome": "outcome", "Polarity": "polarity", "Period": "period",
    "Rating": "rating_label", "Percent": "percent", "Explanation": "explanation", "Last year": "last_year",
    "DOT long term": "dot", "DOT long term: why": "dot_explanation", "DOT short term": "dot_short",
    "DOT short term: why": "dot_short_explanation", "Benchmark": "benchmark", "Forecast": "forecast",
    "Annual target": "annual_target", "Forecast to miss": "forecast_miss", "Forecast: why": "forecast_explanation",
    "Quality": "quality", "Quality: why": "quality_explanation", "Provisional": "provisional",
    "Exception": "exception", "Comment": "comment", "Owner": "owner", "Committee": "committee", "Source": "source",
    "Theme owner": "theme_owner", "Rating of record": "published_rating", "Overridden": "overridden",
}
ACTIVITY_COLUMNS = {
    "Activity": None, "Pillar": "pillar", "Theme": "theme", "Outcome": "outcome", "Period": "period",
    "State": "state", "Impact": "impact", "Band": "band_label", "On target": "on_target", "Overdue": "overdue",
    "Complete": "percent_complete", "Due": "due", "Completed": "completed", "Milestones": "milestones",
    "Explanation": "explanation", "Exception": "exception", "Comment": "comment", "Count stated": "tally",
    "Owner": "owner", "Theme owner": "theme_owner", "Provisional": "provisional", "Undated": "undated",
    "Rating of record": "published",
}


def palette_of(html):
    """The HTML report's colours: class name -> (fill, text), and the class of each indicator's and
    activity's rating cell, by its index in the plan."""
    colours = {m.group(1): (m.group(2).upper(), m.group(3).upper())
               for m in re.finditer(r"\.band-(\w+)\{background:(#\w+);color:(#\w+)\}", html)}
    rows = {}
    for kind in ("indicator", "activity"):
        for m in re.finditer(r'<tr class="%s" id="%s-(\d+)">(.*?)</tr>' % (kind, kind), html, re.S):
            band = re.search(r'<td class="band-(\w+)">', m.group(2))
            rows[(kind, int(m.group(1)))] = colours[band.group(1)] if band else None
    return rows


def fill_problem(cell, colours, what):
    if colours is None:
        return "%s: the HTML report has no coloured cell for it" % what
    fill, text = colours
    rgb = lambda c: c.rgb[-6:].upper() if c is not None and isinstance(c.rgb, str) else "(none)"
    got_fill, got_text = rgb(cell.fill.fgColor), rgb(cell.font.color)
    if cell.fill.fill_type != "solid" or got_fill != fill[1:] or got_text != text[1:]:
        return "%s: fill %s text %s, the HTML report's %s on %s" % (what, got_fill, got_text, text, fill)
    return None


def check_table_shape(ws, what):
    p = []
    if ws.freeze_panes != "C2":
        p.append("%s: frozen at %r, not C2 (the header and Ref, name)" % (what, ws.freeze_panes))
    want = "A1:%s%d" % (get_column_letter(ws.max_column), ws.max_row)
    if ws.auto_filter.ref != want:
        p.append("%s: autofilter %r, not %r" % (what, ws.auto_filter.ref, want))
    return p


def check_indicator_row(head, row, periods, colours, what):
    """One indicator's row against its CSV rows (one per period, the report's last)."""
    cur = periods[-1]
    cell = dict(zip(head, row))
    p = [same(cell[h], cur[c], "%s %s" % (what, h)) for h, c in INDICATOR_COLUMNS.items() if h in cell]
    if cur["status"] == "value":
        v = cell["Result"].value
        p.append(None if isinstance(v, (int, float)) else "%s Result: %r is not a number" % (what, v))
        p.append(same(cell["Result"], cur["result"], what + " Result"))
    else:
        p.append(same(cell["Result"], cur["status"], what + " Result"))
    target = cell["Target"]
    if isinstance(target.value, (int, float)):
        p.append(same(target, cur["target"], what + " Target"))
    else:
        p.append(None if (target.value or "") == cur["target"] else "%s Target: %r, the CSV says %r" % (what, target.value, cur["target"]))
    p.append(None if bool(cell["Restated"].value) == (cur["restated"] == "yes") else what + " Restated")
    p.append(fill_problem(cell["Rating"], colours, what + " Rating"))
    p.append(fill_problem(cell["Result"], colours, what + " Result"))
    if len(periods) > 1:
        for r in periods:
            res = cell.get(r["period"])
            if res is None:
                p.append("%s: no column for %s" % (what, r["period"]))
                continue
            p.append(same(res, r["result"] if r["status"] == "value" else r["status"], "%s %s" % (what, r["period"])))
            p.append(same(cell[r["period"] + " rating"], r["rating_label"], "%s %s rating" % (what, r["period"])))
    return p


def check_pillars(wb, csvrows, js, colours, nperiods):
    inds = [r for r in csvrows if r.get("record", "indicator") == "indicator"]
    by_index = [inds[i:i + nperiods] for i in range(0, len(inds), nperiods)]
    pillars = [p["name"] for p in js["summary"]["pillars"]]
    seen, numbers = 0, 0
    for name in pillars:
        ws = wb[name]
        rows = cells_of(ws)
        head = [c.value for c in rows[0]]
        verdict("sheet '%s': header row frozen, autofilter on the table" % name, check_table_shape(ws, name))
        mine = [(i, g) for i, g in enumerate(by_index) if g[-1]["pillar"] == name]
        p = [] if len(mine) == len(rows) - 1 else ["%d rows, the CSV has %d indicators" % (len(rows) - 1, len(mine))]
        refs = [r[0].value for r in rows[1:]]
        for i, g in mine:
            ref = g[-1]["ref"] or g[-1]["id"]
            if ref not in refs:
                p.append("no row for %s" % ref)
                continue
            row = rows[1 + refs.index(ref)]
            p += check_indicator_row(head, row, g, colours.get(("indicator", i)), ref)
            seen += 1
            numbers += isinstance(dict(zip(head, row))["Result"].value, (int, float))
        verdict("sheet '%s': every indicator's cells as the CSV report's, bands in the HTML report's colours" % name, p)
    verdict("every indicator has its row (%d), %d results as numbers" % (seen, numbers),
            [] if seen == len(by_index) and numbers > 0 else ["%d of %d rows" % (seen, len(by_index))])


def check_delivery(wb, csvrows, colours, nperiods):
    acts = [r for r in csvrows if r.get("record") == "activity"]
    if not acts:
        verdict("no Delivery sheet without activities", [] if "Delivery" not in wb.sheetnames else ["it has one"])
        return
    ws = wb["Delivery"]
    rows = cells_of(ws)
    head = [c.value for c in rows[0]]
    verdict("sheet 'Delivery': header row frozen, autofilter on the table", check_table_shape(ws, "Delivery"))
    groups = [acts[i:i + nperiods] for i in range(0, len(acts), nperiods)]
    ids = [r[0].value for r in rows[1:]]
    p = [] if len(groups) == len(rows) - 1 else ["%d rows, the CSV has %d activities" % (len(rows) - 1, len(groups))]
    for i, g in enumerate(groups):
        cur = g[-1]
        if cur["id"] not in ids:
            p.append("no row for %s" % cur["id"])
            continue
        cell = dict(zip(head, rows[1 + ids.index(cur["id"])]))
        p.append(None if cell["Activity"].value == (cur["activity"] or cur["id"]) else cur["id"] + " Activity")
        p += [same(cell[h], cur[c], "%s %s" % (cur["id"], h)) for h, c in ACTIVITY_COLUMNS.items() if c]
        p.append(fill_problem(cell["Rating"], colours.get(("activity", i)), cur["id"] + " Rating"))
        if nperiods > 1:
            p += [None if cell.get(r["period"]) is not None else "%s: no column %s" % (cur["id"], r["period"]) for r in g]
    verdict("sheet 'Delivery': every activity's cells as the CSV report's, ratings in the HTML report's colours", p)


def check_summary(wb, js):
    ws = wb["Summary"]
    col_a = [r[0].value for r in ws.iter_rows() if r[0].value is not None]
    p = [] if col_a[0] == js["plan"] else ["A1 is %r" % col_a[0]]
    if js.get("organisation") and js["organisation"] not in col_a:
        p.append("no organisation")
    if not any(isinstance(v, str) and v.startswith("Performance for " + js["period"]) for v in col_a):
        p.append("no period line")
    if js["provisional"] != any(isinstance(v, str) and v.startswith("Some figures are provisional") for v in col_a):
        p.append("the provisional note is %s" % ("missing" if js["provisional"] else "there without cause"))
    rows = cells_of(ws)
    head = next(i for i, r in enumerate(rows) if r[0].value == "Pillar")
    names = [p["name"] for p in js["summary"]["pillars"]] + ["Total"]
    for k, name in enumerate(names):
        r = rows[head + 1 + k]
        counts = js["summary"]["pillars"][k]["counts"] if name != "Total" else js["summary"]["total"]
        if r[0].value != name or r[1].value != counts["reported"] or r[2].value != counts["rated"]:
            p.append("summary row %d: %r %r %r" % (k, r[0].value, r[1].value, r[2].value))
        if not all(isinstance(c.value, (int, float)) for c in r[1:] if c.value is not None):
            p.append("summary row %d holds text where a count belongs" % k)
    verdict("Summary: the plan, the period, the summary table's counts as numbers", p)


def check_properties(path, wb, js):
    with zipfile.ZipFile(path) as z:
        custom = z.read("docProps/custom.xml").decode("utf-8")
    props = dict(re.findall(r'name="([^"]+)"[^>]*><vt:lpwstr>([^<]*)</vt:lpwstr>', custom))
    p = []
    for name, want in (("planc.plan", js["plan"]), ("planc.period", js["period"]), ("planc.digest", js["digest"])):
        if props.get(name) != want:
            p.append("%s is %r, not %r" % (name, props.get(name), want))
    if wb.properties.title != "%s: performance for %s" % (js["plan"], js["period"]):
        p.append("title %r" % wb.properties.title)
    verdict("document properties: title, planc.plan, planc.period, planc.digest", p)


def report(xlsx, csv_path, json_path, html_path):
    wb = openpyxl.load_workbook(xlsx)
    js = json.load(open(json_path, encoding="utf-8"))
    csvrows = csv_rows(csv_path)
    nperiods = len(js["periods"]) or 1
    colours = palette_of(open(html_path, encoding="utf-8").read())
    want = ["Summary"] + [p["name"] for p in js["summary"]["pillars"]] + (["Delivery"] if js.get("activities") else [])
    verdict("sheets in order: %s" % ", ".join(want), [] if wb.sheetnames == want else ["%r" % wb.sheetnames])
    verdict("every string a string, no formula", no_formulas(wb))
    check_summary(wb, js)
    check_pillars(wb, csvrows, js, colours, nperiods)
    check_delivery(wb, csvrows, colours, nperiods)
    check_properties(xlsx, wb, js)


def cut(s):
    """A text as a cell holds it: at most CELL_MAX UTF-16 units, else cut with "…"."""
    units = len(s.encode("utf-16-le")) // 2
    if units <= CELL_MAX:
        return s
    out, used = [], 0
    for ch in s:
        u = 2 if ord(ch) > 0xFFFF else 1
        if used + u > CELL_MAX - 1:
            break
        out.append(ch)
        used += u
    return "".join(out) + "\u2026"


def excel_strings(path):
    """The workbook's strings as Excel reads them: xl/sharedStrings.xml, each "_xHHHH_" the character
    U+HHHH (ECMA-376's escape, which libxlsxwriter writes for control characters and planc for a
    literal "_x": openpyxl 3.0.9 only drops "x005F_")."""
    import xml.etree.ElementTree as ET
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    root = ET.fromstring(zipfile.ZipFile(path).read("xl/sharedStrings.xml"))
    unescape = lambda s: re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), s)
    return {unescape("".join(t.text or "" for t in si.iter(ns + "t"))) for si in root.iter(ns + "si")}


def hostile(xlsx, json_path):
    wb = openpyxl.load_workbook(xlsx)
    js = json.load(open(json_path, encoding="utf-8"))
    strings = excel_strings(xlsx)
    p = no_formulas(wb)
    fields = ("name", "comment", "explanation", "owner", "committee", "source", "dot_explanation")
    checked, longest = 0, 0
    for kind in ("indicators", "activities"):
        for item in js.get(kind) or []:
            for f in fields:
                v = item.get(f)
                if isinstance(v, str) and v:
                    checked += 1
                    longest = max(longest, len(v))
                    if cut(v) not in strings:
                        p.append("%s %s %r does not come back exactly" % (kind, f, v[:60]))
    if any(len(v.encode("utf-16-le")) // 2 > CELL_MAX for v in strings):
        p.append("a cell holds more than Excel's 32,767 characters")
    verdict("hostile strings come back exactly (%d, the longest %d characters), none a formula" % (checked, longest), p)


if __name__ == "__main__":
    if sys.argv[1] == "report":
        report(*sys.argv[2:6])
    else:
        hostile(*sys.argv[2:4])
    print("\n".join(results))
