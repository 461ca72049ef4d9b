# Reads a workbook planc template wrote back with openpyxl (Debian's python3-openpyxl: run it with
# /usr/bin/python3) and holds it to the CSV template of the same plan and period.  Used by
# tests/template_xlsx.sh and tests/hostile/run.py.  Prints "PASS name" or "FAIL name: why" lines;
# exit status 3 when openpyxl is missing (the caller skips).
#   template_xlsx.py check BOOK.xlsx TEMPLATE.csv pillar|one [EPOCH]   every assertion below
#   template_xlsx.py rows BOOK.xlsx TEMPLATE.csv                       the rows and strings only
import csv
import datetime
import io
import re
import sys
import zipfile

try:
    import openpyxl
except ImportError:
    sys.exit(3)

COLUMNS = ["ref", "indicator", "period", "unit", "target", "value", "override", "reason", "comment", "provisional"]
DELIVERY = ["status", "impact", "completed"]
INPUTS = {"value", "override", "reason", "comment", "provisional", "status", "impact", "completed"}
HEADER_WORDS = {"ref", "period", "value"}
results = []


def check(name, good, why=""):
    results.append(("PASS %s" % name) if good else ("FAIL %s: %s" % (name, why)))


def csv_rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return rows[0], [[unguard(c) for c in r[:5]] for r in rows[1:]]


def unguard(cell):
    """A CSV cell as written before the formula guard's apostrophe (docs/results.md)."""
    if cell.startswith("'") and cell[1:2] in ("=", "+", "-", "@", "\t", "\r"):
        return cell[1:]
    return cell


def text(v):
    return "" if v is None else v


def data_sheets(wb):
    return [ws for ws in wb.worksheets if ws.title not in ("Instructions",) and ws.sheet_state == "visible"]


def sheet_rows(ws):
    return [[text(c) for c in r[:5]] for r in ws.iter_rows(min_row=2, values_only=True)]


def custom_properties(path):
    with zipfile.ZipFile(path) as z:
        xml = z.read("docProps/custom.xml").decode("utf-8")
    props = {}
    for name, value in re.findall(r'<property [^>]*name="([^"]*)"[^>]*>\s*<vt:lpwstr>(.*?)</vt:lpwstr>', xml, re.S):
        props[name] = value.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    return props


def check_rows(wb, csv_path, mode):
    """Every data sheet's reference cells are the CSV template's rows: in order on the one sheet; on the
    pillar sheets, each sheet's rows in the CSV's order and all of them together the CSV's."""
    head, rows = csv_rows(csv_path)
    sheets = data_sheets(wb)
    got = [sheet_rows(ws) for ws in sheets]
    if mode == "one":
        check("one sheet 'Return' holds the CSV's rows in order", [ws.title for ws in sheets] == ["Return"] and got[0] == rows,
              "sheets %r; first difference %r" % ([ws.title for ws in sheets], first_difference(got[0] if got else [], rows)))
    else:
        flat = [r for g in got for r in g]
        in_order = all(subsequence(g, rows) for g in got)
        check("pillar sheets hold the CSV's rows", sorted(flat) == sorted(rows) and in_order,
              "%d rows against %d; in order %s; %r" % (len(flat), len(rows), in_order, first_difference(sorted(flat), sorted(rows))))
    return head, rows, sheets


def first_difference(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return (i, x, y)
    return ("lengths", len(a), len(b))


def subsequence(part, whole):
    it = iter(whole)
    return all(any(x == y for y in it) for x in part)


def check_sheet(ws, delivery, rows):
    want = COLUMNS + (DELIVERY if delivery else [])
    header = [text(c.value) for c in ws[1]][:len(want)]
    check("%s: header" % ws.title, header == want and ws.max_column == len(want), "%r" % header)
    check("%s: protected" % ws.title, ws.protection.sheet and not ws.protection.password, "protection off")
    check("%s: frozen header and ref, indicator" % ws.title, ws.freeze_panes == "C2", ws.freeze_panes)
    check("%s: autofilter on the header" % ws.title, (ws.auto_filter.ref or "").startswith("A1:"), ws.auto_filter.ref)
    locked_refs = all(ws.cell(r, c).protection.locked and ws.cell(r, c).fill.fgColor.rgb not in (None, "00000000")
                      for r in range(2, ws.max_row + 1) for c in range(1, 6))
    check("%s: reference cells locked and shaded" % ws.title, locked_refs)
    open_values = all(not ws.cell(r, 6).protection.locked for r in range(2, ws.max_row + 1))
    check("%s: value cells unlocked" % ws.title, open_values)
    dv = {}
    for v in ws.data_validations.dataValidation:
        for cell in str(v.sqref).split():
            dv.setdefault(cell, []).append(v)
    problems = []
    for r in range(2, ws.max_row + 1):
        ref, unit, target = text(ws.cell(r, 1).value), text(ws.cell(r, 4).value), text(ws.cell(r, 5).value)
        problems += value_problems(r, ref, unit, target, dv.get("F%d" % r, []))
    check("%s: value checks and input messages" % ws.title, not problems, "; ".join(problems[:3]))
    return dv


def value_problems(r, ref, unit, target, vs):
    if len(vs) != 1 or vs[0].type != "custom":
        return ["row %d (%s): %d validations on the value, type %s" % (r, ref, len(vs), vs[0].type if vs else None)]
    v = vs[0]
    f = v.formula1 or ""
    p = []
    if unit == "percent" and "<=100" not in f:
        p.append("row %d: a percentage's check %r" % (r, f))
    if unit == "count" and ">=0" not in f:
        p.append("row %d: a count's check %r" % (r, f))
    if unit not in ("percentage complete", "") and not all(w in f for w in ('"not available"', '"n/a"', "ISNA(")):
        p.append("row %d: the words for no value are not allowed: %r" % (r, f))
    if target and target not in (v.prompt or "") and len(target) < 100:
        p.append("row %d: the input message %r lacks the target %r" % (r, v.prompt, target))
    if len(v.prompt or "") > 255 or len(v.promptTitle or "") > 32:
        p.append("row %d: an input message over Excel's limits" % r)
    return p


def check_lists(wb, ws, dv, delivery):
    """The drop-downs: override on rows with a scheme, provisional everywhere, status and impact on delivery
    rows; a list is literal (in quotes) or a range of the hidden Lists sheet."""
    problems = []
    for r in range(2, ws.max_row + 1):
        for col in ("G", "J") + (("K", "L") if delivery else ()):
            for v in dv.get("%s%d" % (col, r), []):
                items = list_items(wb, v)
                if v.type != "list" or not items:
                    problems.append("%s%d: %s %r" % (col, r, v.type, v.formula1))
                if col == "L" and items != ["low", "medium", "high"]:
                    problems.append("impact list %r" % items)
                if col == "J" and items != ["yes", "no"]:
                    problems.append("provisional list %r" % items)
        if not dv.get("J%d" % r):
            problems.append("J%d: no provisional list" % r)
    check("%s: drop-down lists" % ws.title, not problems, "; ".join(problems[:3]))


def list_items(wb, v):
    f = v.formula1 or ""
    if f.startswith('"'):
        return f.strip('"').split(",")
    m = re.match(r"'?([^'!]+)'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$", f)
    if not m:
        return []
    ws = wb[m.group(1)]
    return [text(ws["%s%d" % (m.group(2), i)].value) for i in range(int(m.group(3)), int(m.group(5)) + 1)]


def main():
    what, book, csv_path = sys.argv[1:4]
    wb = openpyxl.load_workbook(book)
    mode = sys.argv[4] if len(sys.argv) > 4 else "pillar"
    head, rows, sheets = check_rows(wb, csv_path, mode)
    props = custom_properties(book)
    first = text(wb["Instructions"]["A1"].value) if "Instructions" in wb.sheetnames else None
    name = props.get("planc.plan", "")
    if len(name) >= 250 and name.endswith("\u2026"):
        name = name[:-1]            # a property cut at Excel's 255 characters ends with an ellipsis
    check("Instructions first, naming the plan as the property does", wb.sheetnames[0] == "Instructions" and
          first is not None and (first == "Data return: " + name or (len(name) >= 250 and first.startswith("Data return: " + name))),
          "%r %r %r" % (wb.sheetnames[:1], (first or "")[:80], name[:80]))
    if what == "rows":
        return
    delivery = "status" in head
    for ws in sheets:
        dv = check_sheet(ws, delivery, rows)
        check_lists(wb, ws, dv, delivery)
    hidden = [ws.title for ws in wb.worksheets if ws.sheet_state != "visible"]
    check("only the Lists sheet is hidden, and last", hidden in ([], ["Lists"]) and (not hidden or wb.sheetnames[-1] == "Lists"), hidden)
    for ws in wb.worksheets:
        top = next((r for r in ws.iter_rows(values_only=True) if any(c is not None for c in r)), ())
        if ws.title in ("Instructions", "Lists"):
            check("%s has no results header" % ws.title, not (HEADER_WORDS & {text(c).strip().lower() for c in top if isinstance(c, str)}), top)
    check("custom properties", props.get("planc.digest", "").startswith("fnv1a64:") and props.get("planc.period") and
          props.get("planc.generator", "").startswith("planc ") and "planc.plan" in props, props)
    if len(sys.argv) > 5:
        created = wb.properties.created.replace(tzinfo=datetime.timezone.utc).timestamp()
        check("created at SOURCE_DATE_EPOCH", int(created) == int(sys.argv[5]), wb.properties.created)


if __name__ == "__main__":
    main()
    print("\n".join(results))
    sys.exit(1 if any(r.startswith("FAIL") for r in results) else 0)
