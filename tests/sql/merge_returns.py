"""Merges returns (results CSVs whose columns differ) into one CSV with every column, for tests/sql.sh:
usage merge_returns.py OUT.csv IN.csv...  A row keeps its values; a column it lacks is empty."""
import csv
import sys

rows, columns = [], []
for path in sys.argv[2:]:
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        columns += [c for c in reader.fieldnames if c not in columns]
        rows += list(reader)
with open(sys.argv[1], "w", newline="", encoding="utf-8") as f:
    writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
