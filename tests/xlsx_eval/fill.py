#!/usr/bin/python3
"""Fills in a return as a person would: fill.py TEMPLATE.xlsx TEMPLATE.csv VALUES.csv OUT.xlsx OUT.csv.
   Each row of the templates whose ref and period VALUES.csv gives gets that value: typed into the
   workbook as a spreadsheet program stores it (72.5% as 0.725 formatted as a percentage, 1,020 as the
   number 1020, words as text), and written into the CSV template's value field as the text it is."""
import csv
import sys
from openpyxl import load_workbook

template_xlsx, template_csv, values_csv, out_xlsx, out_csv = sys.argv[1:6]
with open(values_csv, encoding="utf-8-sig", newline="") as f:
    rows = list(csv.DictReader(f))
values = {}
for r in rows:
    low = {k.lower(): v for k, v in r.items()}
    values[(low["ref"], low["period"])] = low["value"]


def typed(cell, text):
    t = text.strip()
    plain = t.replace(",", "").replace("£", "")
    try:
        if t.endswith("%"):
            cell.value = float(plain[:-1]) / 100
            cell.number_format = "0.0##%"
        else:
            cell.value = int(plain) if plain.lstrip("-").isdigit() else float(plain)
    except ValueError:
        cell.value = t


wb = load_workbook(template_xlsx)
filled = 0
for ws in wb.worksheets:
    head = [str(c.value).strip().lower() if c.value is not None else "" for c in ws[1]]
    if "ref" not in head or "value" not in head:
        continue
    ref, per, val, unit = (head.index(c) + 1 for c in ("ref", "period", "value", "unit"))
    for row in range(2, ws.max_row + 1):
        key = (ws.cell(row, ref).value, ws.cell(row, per).value)
        if key in values:
            typed(ws.cell(row, val), values[key])
            filled += 1
        elif ws.cell(row, unit).value not in (None, "", "percentage complete"):
            typed(ws.cell(row, val), "not available")
wb.save(out_xlsx)

with open(template_csv, encoding="utf-8-sig", newline="") as f:
    table = list(csv.reader(f))
head = [h.lower() for h in table[0]]
ref, per, val, unit = (head.index(c) for c in ("ref", "period", "value", "unit"))
for r in table[1:]:
    if (r[ref], r[per]) in values:
        r[val] = values[(r[ref], r[per])]
    elif r[unit] not in ("", "percentage complete"):
        r[val] = "not available"
with open(out_csv, "w", encoding="utf-8", newline="") as f:
    csv.writer(f, lineterminator="\r\n").writerows(table)
print(filled)
