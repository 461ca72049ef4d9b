#!/usr/bin/python3
"""The Excel benchmark's helpers (bench/run --xlsx), with openpyxl (Debian python3-openpyxl):
     xlsx_peer.py write RESULTS.csv OUT.xlsx   the results as a workbook, numbers as numbers
     xlsx_peer.py read  IN.xlsx                openpyxl reading every cell (read-only mode, the fastest
                                               it has): the peer planc's reader is measured against;
                                               prints the number of rows read"""
import csv
import sys
from openpyxl import Workbook, load_workbook

if sys.argv[1] == "write":
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Return")
    with open(sys.argv[2], newline="") as f:
        for i, row in enumerate(csv.reader(f)):
            if i and row[2]:
                try:
                    row[2] = float(row[2])
                except ValueError:
                    pass
            ws.append(row)
    wb.save(sys.argv[3])
else:
    wb = load_workbook(sys.argv[2], read_only=True)
    n = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            n += 1
    print(n)
