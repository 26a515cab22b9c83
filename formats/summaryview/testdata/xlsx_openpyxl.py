"""Load an xlsx report with openpyxl and print, as JSON, what a client sees:
per sheet, the charts (kind, title, series references) and a few cells.

Used by TestXLSXReportOpenpyxl: python3 xlsx_openpyxl.py FILE CELL...
where each CELL is SHEET!A1. openpyxl (2.5 and later; Debian 12 has
3.0.9) keeps the charts it loads in ws._charts: a chart it cannot read is
missing from the list, which is what the test looks for.
"""
import json
import sys

import openpyxl


def text(rich):
    if rich is None:
        return ""
    return "".join(r.t or "" for p in rich.p for r in (p.r or []))


def ref(r):
    if r is None:
        return ""
    for kind in ("numRef", "strRef"):
        inner = getattr(r, kind, None)
        if inner is not None:
            return inner.f or ""
    return ""


def main():
    path, cells = sys.argv[1], sys.argv[2:]
    wb = openpyxl.load_workbook(path)
    out = {"version": openpyxl.__version__, "sheets": wb.sheetnames, "charts": {}, "cells": {}}
    for ws in wb.worksheets:
        charts = []
        for c in getattr(ws, "_charts", []):
            title = text(c.title.tx.rich) if c.title is not None and c.title.tx is not None else ""
            series = [{"name": ref(s.tx), "categories": ref(s.cat), "values": ref(s.val)} for s in c.series]
            charts.append({"kind": type(c).__name__, "title": title, "series": series})
        out["charts"][ws.title] = charts
    for spec in cells:
        sheet, cell = spec.split("!")
        c = wb[sheet][cell]
        out["cells"][spec] = {"value": c.value, "type": c.data_type, "format": c.number_format}
    json.dump(out, sys.stdout, default=str)


main()
