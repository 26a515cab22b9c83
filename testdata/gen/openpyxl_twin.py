#!/usr/bin/python3
"""Write testdata/messy/openpyxl.xlsx: the sample programme as openpyxl writes it.

Issue 3 asks for at least one test workbook that excelize did not write. This
one is written by openpyxl (Debian's python3-openpyxl; PyPI is not needed) from
the committed testdata/sample.csv, and the result is committed: `go run
./testdata/gen` does not run this script. Run it again, from the module root,
after the sample changes:

    /usr/bin/python3 testdata/gen/openpyxl_twin.py

Its differences from the excelize twins: openpyxl's own XML (inline strings,
styles, explicit cell types), sheet "Programme 2023" with a title row and a
blank row above the header, real datetime.date and datetime.time cells, and
integer declared lengths and capacities. The document properties are fixed;
the zip entries carry the time of the run, so two runs differ in bytes but
not in content.
"""

import csv
import datetime
import os
import sys

import openpyxl
from openpyxl.styles import Alignment, Font

ROOT = os.getcwd()
SAMPLE = os.path.join(ROOT, "testdata", "sample.csv")
OUT = os.path.join(ROOT, "testdata", "messy", "openpyxl.xlsx")


def main():
    if not os.path.exists(SAMPLE):
        sys.exit("openpyxl_twin: run from the module root")
    with open(SAMPLE, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, sessions = rows[0], rows[1:]

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Programme 2023"
    ws["A1"] = "IGF 2023 Kyoto – sessions (exported with openpyxl)"
    ws["A1"].font = Font(bold=True, size=14)
    top = 3
    for c, h in enumerate(header, start=1):
        cell = ws.cell(row=top, column=c, value=h)
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(sessions, start=top + 1):
        for c, (h, v) in enumerate(zip(header, row), start=1):
            if v == "":
                continue
            if h == "date":
                cell = ws.cell(row=r, column=c, value=datetime.date.fromisoformat(v))
                cell.number_format = "yyyy-mm-dd"
            elif h in ("start", "end"):
                hh, mm = v.split(":")
                cell = ws.cell(row=r, column=c, value=datetime.time(int(hh), int(mm)))
                cell.number_format = "hh:mm"
            elif h in ("declared_minutes", "Capacity"):
                ws.cell(row=r, column=c, value=int(v))
            else:
                cell = ws.cell(row=r, column=c, value=v)
                if "\n" in v:
                    cell.alignment = wrap
    ws.freeze_panes = ws.cell(row=top + 1, column=1)

    fixed = datetime.datetime(2023, 9, 28, 12, 0, 0)
    wb.properties.creator = "docket testdata"
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.save(OUT)
    print("openpyxl_twin: %d sessions -> %s (openpyxl %s)" % (len(sessions), os.path.relpath(OUT, ROOT), openpyxl.__version__))


if __name__ == "__main__":
    main()
