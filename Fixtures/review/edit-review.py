#!/usr/bin/env python3
"""Edits a 复核 workbook jixiao wrote as a reviewer would, with openpyxl (which rewrites the shared strings
and the styles): fills the reviewer's columns, sorts the rows, filters some out, restyles a column.
ReviewWorkbookLibreOfficeTests runs it, then has LibreOffice save the result again, and reads it back.

    python3 edit-review.py 复核.xlsx edited.xlsx

- The first indicator row of every table (the smallest 行序 among rows that are no funds, 资金来源 or total
  row) whose 复核得分 is a number of at least 1 gets 复核调整得分 = 复核得分 - 1 and a 复核意见.
- The second indicator row of table 1 gets 复核调整得分 = 权重 + 5 and a 复核意见: out of range.
- The data rows are sorted by 三级指标, descending; the total rows are hidden behind an autofilter.
- Column A is made bold and yellow.
"""
import sys

from openpyxl import load_workbook
from openpyxl.styles import Font, PatternFill

source, target = sys.argv[1], sys.argv[2]
book = load_workbook(source)
sheet = book["复核"]
header = [cell.value for cell in sheet[1]]
column = {name: index for index, name in enumerate(header)}
rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]

structural = {"预算执行率", "资金来源", "总分"}
indicators = {}
for row in rows:
    if row[column["一级指标"]] in structural:
        continue
    indicators.setdefault(row[column["表序"]], []).append(row)
for number, table in indicators.items():
    table.sort(key=lambda row: row[column["行序"]])
    first = table[0]
    score = first[column["复核得分"]]
    if isinstance(score, (int, float)) and score >= 1:
        first[column["复核调整得分"]] = round(score - 1, 2)
        first[column["复核意见"]] = "佐证资料不全，核减 1 分"
    if number == 1 and len(table) > 1:
        second = table[1]
        second[column["复核调整得分"]] = second[column["权重"]] + 5
        second[column["复核意见"]] = "超出权重的调整"

rows.sort(key=lambda row: str(row[column["三级指标"]] or ""), reverse=True)
for offset, values in enumerate(rows, start=2):
    for index, value in enumerate(values, start=1):
        cell = sheet.cell(row=offset, column=index)
        cell.value = value
        # openpyxl takes a string starting with = for a formula; a cell moved by sorting stays text.
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"
    if values[column["一级指标"]] == "总分":
        sheet.row_dimensions[offset].hidden = True

sheet.auto_filter.ref = sheet.dimensions
bold = Font(bold=True)
yellow = PatternFill("solid", fgColor="FFFF00")
for (cell,) in sheet.iter_rows(min_col=1, max_col=1):
    cell.font = bold
    cell.fill = yellow
book.save(target)
