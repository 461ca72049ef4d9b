#!/usr/bin/python3
"""Returns as spreadsheet programs write them, made with openpyxl for tests/results_xlsx.sh:
   make.py DIR   writes DIR/good.xlsx, problems.xlsx, nosheet.xlsx, merged.xlsx, dates.xlsx."""
import sys
from openpyxl import Workbook
from openpyxl.styles import numbers

out = sys.argv[1]
HEAD = ["Ref", "Period", "Value", "Rating", "Comment", "benchmark:england"]


def good():
    # tests/eval/good.csv, typed into Excel: 79.5% becomes 0.795 shown as a percentage, 1,020 a number
    wb = Workbook()
    ws = wb.active
    ws.title = "Q4 return"
    ws.append(HEAD)
    ws.append(["S/1", "2019/20", 0.795, "A", 'Below target, because of "staffing";\nsee the action plan', 76.2])
    ws["C2"].number_format = "0.0%"
    ws.append(["S/1", "2018/19", 77, None, None, None])
    ws.append(["S/2", "2019/20", 1020, "G", None, None])
    ws["C4"].number_format = "#,##0"
    ws.append(["concern", "2019/20", "not available", None, None, None])
    ws.append(["S/1", "2020/21 Q1", "not yet available", None, None, None])
    notes = wb.create_sheet("Notes")          # not a return: not read
    notes["A1"] = "Figures checked by the performance team"
    notes["B3"] = 42
    wb.save(f"{out}/good.xlsx")


def problems():
    wb = Workbook()
    ws = wb.active
    ws.title = "Q4"
    ws.append(["ref", "period", "value", "comment"])
    ws.append(["S/1", "2019/20", "=1/0", None])        # a formula: openpyxl saves no value for it
    ws.append(["S/2", "2019/20", 140, "fine"])
    ws["E3"] = "a note beside the table"             # a value outside the header's columns
    ws.append(["concern", "2019/20", "#DIV/0!", None])
    ws["C4"].data_type = "e"                         # an error value, as Excel saves a failed formula
    ws.append(["S/1", "2020/21 Q1", "#N/A", None])
    ws["C5"].data_type = "e"                         # #N/A: not available
    ws.append(["S/1", "2019/20 Q9", 3, None])
    old = wb.create_sheet("Old figures")             # hidden, and still read
    old.sheet_state = "hidden"
    old.append(["ref", "period", "value"])
    old.append(["S/2", "2019/20", 990])
    old.append(["S/1", "2020/21 Q1", 50])             # the same figure twice: R011, a note at the first
    pct = wb.create_sheet("It's 'quoted'")
    pct.append(["ref", "period", "value"])
    pct.append(["S/2", "2020/21", 0.5])
    pct["C2"].number_format = "0%"                    # 50% on a count: R007
    wb.save(f"{out}/problems.xlsx")


def nosheet():
    wb = Workbook()
    ws = wb.active
    ws.title = "Instructions"
    ws["A1"] = "Fill in the value column"
    ws["A2"] = "ref"
    wb.save(f"{out}/nosheet.xlsx")


def merged():
    # the period typed once and merged down the rows it covers, the header starting at column B
    wb = Workbook()
    ws = wb.active
    ws.title = "Return"
    ws["B1"], ws["C1"], ws["D1"] = "period", "ref", "value"
    rows = [("2019/20", "S/1", 81), (None, "S/2", 1200), (None, "concern", 12)]
    for i, (p, r, v) in enumerate(rows, start=2):
        if p:
            ws.cell(row=i, column=2, value=p)
        ws.cell(row=i, column=3, value=r)
        ws.cell(row=i, column=4, value=v)
    ws.merge_cells("B2:B4")
    wb.save(f"{out}/merged.xlsx")


good()
problems()
nosheet()
merged()
