#!/usr/bin/env python3
"""Structural checks of the committee pack (tests/pack.sh): python3 check.py PACK.html RESULTS.csv N MAP.svg

- one <svg class="trend"> per indicator with two or more values in the history (counted from the
  results file: the rows of the N periods up to the last one that carry a value), none for the others;
- every chart (trend and bands) is well-formed XML (xml.etree), has role="img", a <title> and a <desc>
  whose ids its aria-labelledby names, and a desc that is a sentence, not empty;
- the palette: the colours of the pack's band classes are the ones `planc map -T svg` fills its key
  with, and neither uses the colours of before (a yellow and an orange Amber next to a vermillion Red).
Prints one line per problem; exit status 1 when there is any."""
import csv
import os
import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def read_rows(path):
    """The rows of a results file, or of every .csv file of a directory in name order; a later row
    for the same indicator and period (a restatement) replaces the earlier one."""
    files = [os.path.join(path, f) for f in sorted(os.listdir(path)) if f.lower().endswith(".csv")] \
        if os.path.isdir(path) else [path]
    rows = {}
    for f in files:
        for r in csv.DictReader(open(f, encoding="utf-8")):
            rows[(r["ref"], r["period"])] = r
    return list(rows.values())


def periods_with_values(path, n):
    rows = read_rows(path)
    periods = []
    for r in rows:
        if r["period"] not in periods:
            periods.append(r["period"])
    kept = set(periods[-n:])
    counts = {}
    for r in rows:
        if r["period"] in kept and r["value"].strip():
            counts[r["ref"]] = counts.get(r["ref"], 0) + 1
    return counts


def check_charts(page, problems):
    blocks = re.findall(r'<svg class="(trend|bands)".*?</svg>', page, re.S)
    texts = re.findall(r'<svg class="(?:trend|bands)".*?</svg>', page, re.S)
    for kind, text in zip(blocks, texts):
        try:
            root = ET.fromstring(text)
        except ET.ParseError as e:
            problems.append("%s chart is not well-formed XML: %s" % (kind, e))
            continue
        sid = root.get("id")
        title, desc = root.find(SVG + "title"), root.find(SVG + "desc")
        if root.get("role") != "img":
            problems.append("%s: no role=img" % sid)
        if title is None or desc is None or not (title.text or "").strip() or len((desc.text or "").strip()) < 20:
            problems.append("%s: no <title> or no <desc> sentence" % sid)
            continue
        if root.get("aria-labelledby") != "%s %s" % (title.get("id"), desc.get("id")):
            problems.append("%s: aria-labelledby does not name its title and desc" % sid)
    return blocks


def check_palette(page, map_svg, problems):
    map_svg = map_svg.upper()   # Graphviz writes colours in lower case
    css = dict(re.findall(r"\.band-([a-z0-9]+)\{background:(#[0-9A-F]{6});", page))
    for name in ("green", "amber3", "red", "none"):
        if name not in css:
            problems.append("the pack has no class band-%s" % name)
        elif css[name] not in map_svg:
            problems.append("band-%s's colour %s is not in the map" % (name, css[name]))
    for old in ("#F0E442", "#E69F00", "#D55E00", "#009E73"):
        if old in page.upper() or old in map_svg:
            problems.append("colour of before %s still used" % old)


def main():
    pack, results, n, map_path = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    page = open(pack, encoding="utf-8").read()
    problems = []
    kinds = check_charts(page, problems)
    want = sum(1 for c in periods_with_values(results, n).values() if c >= 2)
    if kinds.count("trend") != want:
        problems.append("%d trend charts, want %d" % (kinds.count("trend"), want))
    check_palette(page, open(map_path, encoding="utf-8").read(), problems)
    for p in problems:
        print(p)
    print("%d trend charts, %d band charts" % (kinds.count("trend"), kinds.count("bands")))
    return 1 if problems else 0


sys.exit(main())
