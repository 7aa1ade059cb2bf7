#!/usr/bin/env python3
"""Makes the printed-form fixtures of issue 17 (item 9) under Fixtures/forms/.

Every seed table here is laid out as a unit prints it (title and year, header block, funds block, goals
block, indicator block, total row) in the layouts of ../../../shared/design/forms.md, and written by real
producers:

  openpyxl      .xlsx (inline strings, numbers written with %.16g, formulas whose cached value this script
                inserts, as a producer that calculates would)
  LibreOffice   the same workbooks re-saved (`soffice --headless --convert-to xlsx`): shared strings, its own
                styles, formulas with the value LibreOffice keeps
  python-docx   .docx (w:tbl with gridSpan and vMerge)
  csv module    .csv as Excel saves the active sheet (displayed values, merged cells blank, CRLF), in UTF-8
                with a byte-order mark and in GB18030 (Excel's "CSV (逗号分隔)" on Chinese Windows)

and Fixtures/forms/MANIFEST.json, which says for every table of every file what its reading must score as.

Usage (from anywhere):
  python3 Fixtures/forms/make-forms.py            # write every file (LibreOffice step skipped if soffice is missing)
  python3 Fixtures/forms/make-forms.py --check    # also rescore what each form holds with `swift run jixiao`
                                                  # and compare with the expected results

Needs: pip install openpyxl python-docx; apt-get install libreoffice-calc-nogui (for the LibreOffice copies).
Deterministic: fixed document dates and zip entry times, so a re-run gives identical bytes (see README.md).
"""

import copy
import csv
import datetime
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Border, Font, Side

FORMS = Path(__file__).resolve().parent
ROOT = FORMS.parent.parent
FIXED_TIME = datetime.datetime(2024, 1, 1, 0, 0, 0)
ZIP_TIME = (2024, 1, 1, 0, 0, 0)
AUTHOR = "jixiao Fixtures/forms/make-forms.py"


def fixture(name):
    return json.loads((ROOT / "Fixtures" / name / "table.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------------------------
# The grid: cells as a unit's spreadsheet holds them, and their text as Excel displays it.


class Cell:
    def __init__(self, value=None, fmt=None, *, formula=None, rich=None, bold=False, size=None, wrap=True,
                 rotate=None, halign=None):
        self.value = value  # str, int, float, datetime.date or None; for a formula, its cached result
        self.fmt = fmt  # an Excel number format, None for General
        self.formula = formula  # "=SUM(H12:H19)+I6"
        self.rich = rich  # [(text, {"b": True, "color": "FFFF0000", "sz": 16})]: rich-text runs
        self.bold = bold
        self.size = size
        self.wrap = wrap
        self.rotate = rotate  # 255: vertical (stacked) text, as the rotated 绩效指标 label
        self.halign = halign


def general(number):
    """Excel's General format for the numbers used here (at most 11 significant characters)."""
    if isinstance(number, int):
        return str(number)
    return "%.10g" % number


def display(cell):
    """The cell's text as Excel shows it (and as Excel writes it to CSV)."""
    if cell is None or cell.value is None:
        return ""
    if cell.rich:
        return "".join(text for text, _ in cell.rich)
    value = cell.value
    if isinstance(value, str):
        return value
    if isinstance(value, datetime.date):
        if cell.fmt == 'yyyy"年"m"月"d"日"':
            return f"{value.year}年{value.month}月{value.day}日"
        raise ValueError(f"no display for date format {cell.fmt}")
    fmt = cell.fmt
    if fmt is None:
        return general(value)
    fixed = {
        "0": "{:.0f}", "0.00": "{:.2f}", "#,##0.00": "{:,.2f}", '0.00"分"': "{:.2f}分", '0.00" 分"': "{:.2f} 分",
    }
    if fmt in fixed:
        return fixed[fmt].format(value)
    percent = {"0%": 0, "0.0%": 1, "0.00%": 2}
    if fmt in percent:
        return f"{value * 100:.{percent[fmt]}f}%"
    raise ValueError(f"no display for number format {fmt}")


class Placement:
    """Where one table sits on its sheet, and what it must read as."""

    def __init__(self, sheet, first_row, width):
        self.sheet = sheet
        self.first_row = first_row
        self.last_row = first_row
        self.width = width
        self.title_rows = 0
        self.anchors = {}
        self.read = None  # the table as its cells hold it, in the input schema
        self.expected = None  # fixture id, or path of the JSON the form holds


class Sheet:
    def __init__(self, name):
        self.name = name
        self.cells = {}
        self.merges = []
        self.widths = {}
        self.heights = {}
        self.tables = []

    def put(self, row, col, cell):
        self.cells[(row, col)] = cell
        return cell

    def merge(self, row, col, last_row, last_col, cell):
        self.put(row, col, cell)
        if (last_row, last_col) != (row, col):
            self.merges.append((row, col, last_row, last_col))
        return cell

    @property
    def max_row(self):
        return max(r for r, _ in self.cells)

    @property
    def max_col(self):
        return max(c for _, c in self.cells)


def col_letter(col):
    return openpyxl.utils.get_column_letter(col)


def ref(row, col):
    return f"{col_letter(col)}{row}"


# ---------------------------------------------------------------------------------------------------------
# Values of the JSON as a spreadsheet stores them.

NUMBER = re.compile(r"^(-?[0-9][0-9,]*(?:\.[0-9]+)?)(\s*)(分|%)?$")


def number_cell(text, numbers=True):
    """A printed number (`12.00`, `13.5`, `9.86 分`, `1,782.65`, `98.59%`) as a number cell whose display is
    exactly the printed text; anything else stays text."""
    if text is None:
        return Cell(None)
    if not numbers:
        return Cell(text)
    match = NUMBER.match(text)
    if not match:
        return Cell(text)
    digits, space, suffix = match.groups()
    plain = digits.replace(",", "")
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    if suffix == "%":
        cell = Cell(float(Decimal(plain) / 100), {0: "0%", 1: "0.0%", 2: "0.00%"}[decimals])
    elif suffix == "分":
        cell = Cell(float(plain), f'0.00"{space}分"' if decimals == 2 else None)
        if decimals != 2:
            return Cell(text)
    elif "," in digits:
        cell = Cell(float(plain), "#,##0.00" if decimals == 2 else None)
    elif decimals == 2 and plain.endswith("0"):
        cell = Cell(float(plain), "0.00")
    elif decimals == 0:
        cell = Cell(int(plain))
    else:
        cell = Cell(float(plain))
    if display(cell) != text:
        return Cell(text)
    return cell


DATE = re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")


def date_cell(text):
    """A bare date (`2023年12月31 日`, no 前, no =) as a date serial formatted yyyy年m月d日; else text."""
    match = DATE.match(text or "")
    if not match:
        return Cell(text)
    year, month, day = map(int, match.groups())
    return Cell(datetime.date(year, month, day), 'yyyy"年"m"月"d"日"')


SPLIT = re.compile(r"^(>=|<=|≥|≤|=|＝|>|<)?\s*([0-9][0-9.,]*)\s*(.*)$")
SPLIT_OPERATOR = {">=": "≥", "≥": "≥", "<=": "≤", "≤": "≤", "=": "＝", "＝": "＝", ">": ">", "<": "<", None: "＝"}


def split_target(text):
    """`>=1 人` → (≥, 1, 人); qualitative text or a date → (定性, text, blank), as split-target forms print."""
    match = SPLIT.match(text or "")
    if not match or re.search(r"[年月日]", text):
        return Cell("定性"), Cell(re.sub(r"\s+", "", text or "")), Cell(None)
    operator, digits, unit = match.groups()
    return Cell(SPLIT_OPERATOR[operator]), number_cell(digits), Cell(unit.strip() or None)


def joined_target(cells):
    operator, value, unit = (display(c) for c in cells)
    return ("" if operator == "定性" else operator) + value + unit


def grade_of(total_text):
    match = re.match(r"^\s*([0-9.]+)", total_text or "")
    if not match:
        return None
    total = Decimal(match.group(1))
    return "优" if total >= 90 else "良" if total >= 80 else "中" if total >= 60 else "差"


# ---------------------------------------------------------------------------------------------------------
# Layout of one form on a sheet.


def spans(total, parts):
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


class Form:
    """One table laid out as printed. `spec` says which layout; `table` is the JSON (a fixture's, or what a
    derived form holds)."""

    def __init__(self, table, spec):
        self.t = table
        self.spec = spec

    # The indicator block's columns decide the width; the blocks above are spread over it.
    def columns(self):
        return ([("label", "label")] if self.spec.get("label") else []) + self.spec["cols"]

    def build(self, sheet, r0):
        spec, t = self.spec, self.t
        cols = self.columns()
        width = len(cols)
        place = Placement(sheet, r0, width)
        read = copy.deepcopy({k: v for k, v in t.items() if k != "source"})
        row = r0

        # Title and year.
        title, year = spec["title"], spec["year"].format(year=t["year"])
        if spec.get("title_mode") == "one-cell":
            sheet.merge(row, 1, row, width, Cell(title + "\n" + year, rich=[
                (title + "\n", {"b": True, "sz": 16}), (year, {"sz": 11})], halign="center"))
            sheet.heights[row] = 42
            place.anchors["title"] = ref(row, 1)
            place.anchors["year"] = ref(row, 1)
            row += 1
            place.title_rows = 1
        else:
            sheet.merge(row, 1, row, width, Cell(title, bold=True, size=16, halign="center"))
            place.anchors["title"] = ref(row, 1)
            row += 1
            sheet.merge(row, 1, row, width, Cell(year, halign="center"))
            place.anchors["year"] = ref(row, 1)
            row += 1
            place.title_rows = 2
        if spec.get("corner"):
            # A form number or the unit in a corner, on its own row above the header block.
            sheet.merge(row, 1, row, width - 2, Cell(spec["corner"][0], halign="left"))
            sheet.merge(row, width - 1, row, width, Cell(spec["corner"][1], halign="right"))
            row += 1

        label_span = 2 if width >= 9 else 1
        place.anchors["headerRow"] = row
        for line in spec["header"]:
            if len(line) == 1:
                (label, key), = line
                sheet.merge(row, 1, row, label_span, Cell(label, bold=True))
                sheet.merge(row, label_span + 1, row, width, Cell(t.get(key)))
            else:
                (label1, key1), (label2, key2) = line
                rest = width - label_span
                label2_span = 2 if width >= 12 else 1
                value1 = (rest - label2_span) // 2
                value2 = rest - label2_span - value1
                c = label_span + 1
                sheet.merge(row, 1, row, label_span, Cell(label1, bold=True))
                sheet.merge(row, c, row, c + value1 - 1, Cell(t.get(key1)))
                c += value1
                sheet.merge(row, c, row, c + label2_span - 1, Cell(label2, bold=True))
                c += label2_span
                sheet.merge(row, c, row, c + value2 - 1, Cell(t.get(key2)))
            row += 1

        if spec.get("funds") and t.get("funds"):
            row = self.funds_block(sheet, row, width, label_span, place, read)
        if spec.get("goals") and t.get("goals"):
            row = self.goals_block(sheet, row, width, label_span, place, read)
        if spec.get("unit_budget"):
            row = self.unit_budget_rows(sheet, row, width, label_span, place)
        row = self.indicator_block(sheet, row, cols, place, read)
        if spec.get("note_row"):
            sheet.merge(row, 1, row, label_span, Cell("其他需要说明事项", bold=True))
            sheet.merge(row, label_span + 1, row, width, Cell(spec["note_row"]))
            place.anchors["noteRow"] = row
            row += 1
        if spec.get("total"):
            row = self.total_row(sheet, row, cols, place, read)
        # Every cell of the table's rectangle exists (blank cells carry the border).
        for r in range(r0, row):
            for c in range(1, width + 1):
                sheet.cells.setdefault((r, c), Cell(None))
        place.last_row = row - 1
        place.read = read
        sheet.tables.append(place)
        return row

    def funds_block(self, sheet, row, width, label_span, place, read):
        spec, funds = self.spec["funds"], self.t["funds"]
        if spec.get("mode") == "target-row":
            return self.target_funds_row(sheet, row, width, label_span, place, read)
        numbers = self.spec.get("numbers", True)
        heads = spec["heads"]
        name_span = 1 if width <= 10 else 2
        value_spans = spans(width - label_span - name_span, len(heads))
        starts = []
        c = label_span + name_span + 1
        for s in value_spans:
            starts.append(c)
            c += s
        keys = spec.get("keys", ["initialBudget", "annualBudget", "executed", "weight", "claimedRate", "claimedScore"])
        sources = funds.get("sources") or []
        n_rows = 1 + 1 + len(sources)
        sheet.merge(row, 1, row + n_rows - 1, label_span, Cell(spec["label"], bold=True))
        place.anchors["funds"] = ref(row, 1)
        sheet.merge(row, label_span + 1, row, label_span + name_span, Cell(spec.get("name_head")))
        for head, start, s in zip(heads, starts, value_spans):
            sheet.merge(row, start, row, start + s - 1, Cell(head, bold=True))
        row += 1

        def values_row(r, name, values, is_total):
            sheet.merge(r, label_span + 1, r, label_span + name_span, Cell(name))
            shown = {}
            for key, start, s in zip(keys, starts, value_spans):
                text = values.get(key)
                if key in ("initialBudget", "annualBudget", "executed"):
                    cell = number_cell(text, numbers) if text is not None else Cell("—")
                elif is_total:
                    cell = number_cell(text, numbers) if text is not None else Cell(None)
                else:
                    cell = Cell(spec.get("source_dash", "—"))
                if is_total and key == "claimedRate" and spec.get("rate_formula"):
                    a, b = ref(r, starts[keys.index("annualBudget")]), ref(r, starts[keys.index("executed")])
                    cached = float(Decimal(values["executed"].replace(",", ""))) / float(Decimal(values["annualBudget"].replace(",", "")))
                    cell = Cell(cached, "0.00%", formula=f"={b}/{a}")
                sheet.merge(r, start, r, start + s - 1, cell)
                shown[key] = cell
            return shown

        total_first = spec.get("total_position", "first") == "first"
        total_row = row if total_first else row + len(sources)
        shown = values_row(total_row, spec["total_name"], funds, True)
        place.anchors["fundsTotalRow"] = total_row
        for key, cell in shown.items():
            read["funds"][key] = display(cell) or None
        if spec.get("weight_in_label"):
            read["funds"]["weight"] = spec["weight_in_label"]
        self.funds_score_cell = ref(total_row, starts[keys.index("claimedScore")]) if "claimedScore" in keys else None
        self.funds_score_value = shown.get("claimedScore")
        r = row + (1 if total_first else 0)
        for i, source in enumerate(sources):
            name = source["name"]
            if i == 0 and spec.get("first_source_prefix"):
                name = spec["first_source_prefix"] + name
            cells = values_row(r, name, source, False)
            for key in ("initialBudget", "annualBudget", "executed"):
                if key in cells:
                    text = display(cells[key])
                    read["funds"]["sources"][i][key] = None if text in ("—", "") else text
            r += 1
        return row + n_rows - 1

    def target_funds_row(self, sheet, row, width, label_span, place, read):
        """Seed 003's project target tables print the funds on one row:
        项目资金（万元）| 年度预算总额： | 50.12 | 其中：财政拨款 | 0.00 | 其他资金： | 50.12."""
        funds = self.t["funds"]
        sources = {s["name"]: s for s in funds.get("sources", [])}
        cells = [Cell("年度\n预算\n总额："), number_cell(funds.get("annualBudget")), Cell("其中：\n财政拨款"),
                 number_cell(sources["财政拨款"].get("annualBudget")), Cell("其他\n资金："),
                 number_cell(sources["其他资金"].get("annualBudget"))]
        sheet.merge(row, 1, row, label_span, Cell(self.spec["funds"]["label"], bold=True))
        place.anchors["funds"] = ref(row, 1)
        c = label_span + 1
        for cell, s in zip(cells, spans(width - label_span, len(cells))):
            sheet.merge(row, c, row, c + s - 1, cell)
            c += s
        read["funds"]["annualBudget"] = display(cells[1])
        for source in read["funds"]["sources"]:
            source["annualBudget"] = display(cells[3] if source["name"] == "财政拨款" else cells[5])
        return row + 1

    def unit_budget_rows(self, sheet, row, width, label_span, place):
        """Seed 003's unit target table: 年度预算（万元） | 资金来源 | 资金总额（万元）, then its source rows. The
        fixture's JSON leaves this block out (its rows have no total); it changes nothing in the result."""
        rows = self.spec["unit_budget"]
        sheet.merge(row, 1, row + len(rows), label_span, Cell("年度预算\n（万元）", bold=True))
        place.anchors["funds"] = ref(row, 1)
        rest = width - label_span
        first, second = spans(rest, 2)
        sheet.merge(row, label_span + 1, row, label_span + first, Cell("资金来源", bold=True))
        sheet.merge(row, label_span + first + 1, row, width, Cell("资金总额（万元）", bold=True))
        group_span = max(1, first // 2)
        r = row + 1
        for group, name, amount in rows:
            if group is not None:
                length = 1
                while r - row - 1 + length < len(rows) and rows[r - row - 1 + length][0] is None:
                    length += 1
                sheet.merge(r, label_span + 1, r + length - 1, label_span + group_span, Cell(group))
            sheet.merge(r, label_span + group_span + 1, r, label_span + first, Cell(name))
            sheet.merge(r, label_span + first + 1, r, width, number_cell(amount))
            r += 1
        return r

    def goals_block(self, sheet, row, width, label_span, place, read):
        spec, goals = self.spec["goals"], self.t["goals"]
        place.anchors["goals"] = ref(row, 1)
        rest = width - label_span
        if spec.get("single"):
            sheet.merge(row, 1, row, label_span, Cell(spec["label"], bold=True))
            sheet.merge(row, label_span + 1, row, width, Cell(goals.get("expected")))
            sheet.heights[row] = 60
            return row + 1
        left = rest // 2
        sheet.merge(row, 1, row + 1, label_span, Cell(spec["label"], bold=True))
        sheet.merge(row, label_span + 1, row, label_span + left, Cell(spec["heads"][0], bold=True))
        sheet.merge(row, label_span + left + 1, row, width, Cell(spec["heads"][1], bold=True))
        sheet.merge(row + 1, label_span + 1, row + 1, label_span + left, Cell(goals.get("expected"), halign="left"))
        sheet.merge(row + 1, label_span + left + 1, row + 1, width, Cell(goals.get("actual"), halign="left"))
        sheet.heights[row + 1] = 90
        return row + 2

    def indicator_block(self, sheet, row, cols, place, read):
        spec, t = self.spec, self.t
        numbers = spec.get("numbers", True)
        rows = spec.get("rows") or t["indicators"]
        two_rows = any(isinstance(head, tuple) for head, _ in cols)
        header_rows = 2 if two_rows else 1
        place.anchors["indicatorHeaderRow"] = row if header_rows == 1 else [row, row + 1]
        first = row + header_rows
        last = first + len(rows) - 1
        place.anchors["firstIndicatorRow"] = first
        place.anchors["lastIndicatorRow"] = last

        # Header row(s).
        c = 1
        i = 0
        while i < len(cols):
            head, key = cols[i]
            if key == "label":
                if spec["label"].get("span_header"):
                    pass  # the label cell starts on the header row, below
                else:
                    sheet.merge(row, c, row + header_rows - 1, c, Cell(None))
                i += 1
                c += 1
                continue
            if isinstance(head, tuple):
                group = head[0]
                j = i
                while j < len(cols) and isinstance(cols[j][0], tuple) and cols[j][0][0] == group:
                    sheet.put(row + 1, c + (j - i), Cell(cols[j][0][1], bold=True))
                    j += 1
                sheet.merge(row, c, row, c + (j - i) - 1, Cell(group, bold=True))
                c += j - i
                i = j
                continue
            sheet.merge(row, c, row + header_rows - 1, c, Cell(head, bold=True))
            i += 1
            c += 1

        # Label column (rotated 绩效指标), merged or only on its first row.
        label = spec.get("label")
        if label:
            top = row if label.get("span_header") else first
            cell = Cell(label["text"], bold=True, rotate=255 if label.get("rotate") else None)
            if label.get("merge", True):
                sheet.merge(top, 1, last, 1, cell)
            else:
                sheet.put(top, 1, cell)

        read_items = []
        for offset, item in enumerate(rows):
            r = first + offset
            out = {}
            for c, (head, key) in enumerate(cols, start=1):
                if key in ("label", "level1", "level2"):
                    continue
                cell = self.indicator_cell(item, key, numbers, offset)
                if key.startswith("target."):
                    sheet.put(r, c, cell)
                    out.setdefault("target_cells", []).append(cell)
                    continue
                sheet.put(r, c, cell)
                out[key] = cell
            if not item.get("role"):
                entry = {}
                for key in ("level1", "level2"):
                    if item.get(key) is not None:
                        entry[key] = item[key]
                entry["name"] = display(out["name"])
                for key, cell in out.items():
                    if key in ("name", "target_cells"):
                        continue
                    text = display(cell)
                    if key == "weight" and self.spec.get("weight_percent") and text.endswith("%"):
                        # A 权重 column printed in % gives each indicator's share of 100 points: 15% is 15.
                        text = text[:-1]
                    entry[self.field(key)] = text if text != "" else None
                if "target_cells" in out:
                    entry["target"] = joined_target(out["target_cells"])
                read_items.append(entry)
        # Keep the JSON's keys for columns the form prints, in the JSON's order.
        read["indicators"] = read_items

        # Levels: merged over their rows, or printed on the first row only.
        for key in ("level1", "level2"):
            if key not in [k for _, k in cols]:
                continue
            c = [k for _, k in cols].index(key) + 1
            start = 0
            while start < len(rows):
                value = rows[start].get(key)
                parent = rows[start].get("level1")
                end = start
                while end + 1 < len(rows) and rows[end + 1].get(key) == value and (
                        key == "level1" or rows[end + 1].get("level1") == parent):
                    end += 1
                text = value
                if key == "level1" and spec.get("level_points") and value:
                    weights = [Decimal(x["weight"]) for x in rows[start:end + 1] if not x.get("role")]
                    text = f"{value}（{sum(weights):f}分）".replace(".0分", "分")
                if spec.get("merge_levels", True):
                    sheet.merge(first + start, c, first + end, c, Cell(text))
                else:
                    sheet.put(first + start, c, Cell(text))
                    for r in range(first + start + 1, first + end + 1):
                        sheet.put(r, c, Cell(None))
                start = end + 1
        self.indicator_rows = (first, last)
        return last + 1

    FIELDS = {"score": "claimedScore", "completion": "claimedCompletion"}

    def field(self, key):
        return self.FIELDS.get(key, key)

    def indicator_cell(self, item, key, numbers, offset):
        spec = self.spec
        if key == "name":
            rich = spec.get("rich_name", {}).get(offset)
            if rich:
                return Cell(item["name"], rich=rich)
            return Cell(item["name"])
        if key.startswith("target."):
            parts = split_target(item.get("target"))
            return parts[["target.op", "target.value", "target.unit"].index(key)]
        value = item.get(self.field(key))
        if key == "weight" and spec.get("weight_percent") and value is not None:
            return Cell(float(Decimal(value) / 100), "0%")
        if key in ("weight", "score"):
            return number_cell(value, numbers)
        if key == "completion":
            return number_cell(value, numbers and spec.get("rates", True))
        if key in spec.get("date_keys", ()):
            return date_cell(value)
        if key == "actual" and spec.get("percent_actuals"):
            return number_cell(value, True)
        return Cell(value)

    def total_row(self, sheet, row, cols, place, read):
        spec, t = self.spec, self.t
        total = spec["total"]
        keys = [k for _, k in cols]
        width = len(cols)
        score_col = keys.index("score") + 1
        weight_col = keys.index("weight") + 1 if "weight" in keys else None
        first_value = weight_col or score_col
        sheet.merge(row, 1, row, first_value - 1, Cell(total.get("label", "总分"), bold=True))
        place.anchors["totalRow"] = row
        rows = [x for x in (spec.get("rows") or t["indicators"]) if not x.get("role")]
        if weight_col:
            weights = sum(Decimal(x["weight"]) for x in rows if x.get("weight") is not None)
            if t.get("funds", {}).get("weight") and not spec["funds"].get("weight_in_label"):
                weights += Decimal(t["funds"]["weight"])
            weight_cell = Cell(int(weights) if weights == int(weights) else float(weights))
            if total.get("weight_percent"):
                weight_cell = Cell(None)
            sheet.put(row, weight_col, weight_cell)
            if weight_cell.value is not None:
                place.anchors["weightSum"] = ref(row, weight_col)
            if score_col - weight_col > 1:
                sheet.merge(row, weight_col + 1, row, score_col - 1, Cell(None))
        claimed = t.get("claimedTotal")
        if total.get("formula"):
            first, last = self.indicator_rows
            cached = 0.0
            for offset, item in enumerate(spec.get("rows") or t["indicators"]):
                cell = sheet.cells[(first + offset, score_col)]
                if isinstance(cell.value, (int, float)):
                    cached += cell.value
            formula = f"=SUM({ref(first, score_col)}:{ref(last, score_col)})"
            if self.funds_score_cell and isinstance(self.funds_score_value.value, (int, float)):
                formula += f"+{self.funds_score_cell}"
                cached = self.funds_score_value.value + cached
            match = NUMBER.match(claimed)
            fmt = f'0.00"{match.group(2)}分"' if match.group(3) == "分" else "0.00"
            cell = Cell(cached, fmt, formula=formula)
            if display(cell) != claimed:
                raise SystemExit(f"{t['id']}: the SUM shows {display(cell)}, the table prints {claimed}")
        else:
            cell = number_cell(claimed, spec.get("numbers", True)) if claimed else Cell(None)
        sheet.put(row, score_col, cell)
        place.anchors["claimedTotal"] = ref(row, score_col)
        read["claimedTotal"] = display(cell) or None
        if score_col < width:
            grade = grade_of(claimed) if total.get("grade") and claimed else None
            sheet.merge(row, score_col + 1, row, width, Cell(grade))
            if grade:
                read["claimedGrade"] = grade
                place.anchors["grade"] = ref(row, score_col + 1)
        return row + 1


# ---------------------------------------------------------------------------------------------------------
# The layouts (forms.md), each as a spec for Form.

FUNDS_NATIONAL = {
    "label": "项目资金\n（万元）", "heads": ["年初预算\n数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    "total_name": "年度资金总额", "first_source_prefix": "其中：",
}
GOALS_NATIONAL = {"label": "年度\n总体\n目标", "heads": ["预期目标", "实际完成情况"]}
HEADER_PROJECT = [[("项目名称", "name")], [("主管部门", "department"), ("实施单位", "implementer")]]


def spec_L1(**extra):
    spec = {
        "layout": "L1", "title": "项目支出绩效自评表", "year": "（{year}年度）", "header": HEADER_PROJECT,
        "funds": FUNDS_NATIONAL, "goals": GOALS_NATIONAL,
        "label": {"text": "年度绩效指标完成情况", "rotate": True, "span_header": True},
        "cols": [("一级\n指标", "level1"), ("二级指标", "level2"), ("三级指标", "name"), ("年度\n指标值", "target"),
                 ("实际完成值", "actual"), ("分值", "weight"), ("得分", "score"), ("偏差原因分析及改\n进措施", "explanation")],
        "total": {"label": "总分"},
    }
    spec.update(extra)
    return spec


def spec_L2(**extra):
    spec = {
        "layout": "L2", "title": "项目支出绩效自评表", "year": "({year}年度)", "header": HEADER_PROJECT,
        "funds": FUNDS_NATIONAL, "goals": GOALS_NATIONAL,
        "label": {"text": "绩效指标", "span_header": True},
        "cols": [("一级指标", "level1"), ("二级指标", "level2"), ("三级指标", "name"),
                 (("年度指标值", "指标性质"), "target.op"), (("年度指标值", "指标值"), "target.value"),
                 (("年度指标值", "度量单位"), "target.unit"), ("实际完成值", "actual"), ("分  值", "weight"),
                 ("得  分", "score"), ("偏差原因分析及改进措施", "explanation")],
        "total": {"label": "总分"},
    }
    spec.update(extra)
    return spec


def spec_L3(**extra):
    spec = {
        "layout": "L3", "title": "项目支出绩效自评表", "year": "（{year}年度）", "title_mode": "one-cell",
        "corner": ("公开14表", "金额单位：万元"),
        "header": [[("项目名称", "name")], [("主管部门", "department"), ("实施单位", "implementer")]],
        "funds": {"label": "项目资金\n（万元）", "heads": ["年初预算数", "调整后预算数", "全年执行数", "权重", "执行率", "得分"],
                  "total_name": "年度资金总额", "first_source_prefix": "其中：", "source_dash": None},
        "goals": {"label": "年度总体目标", "heads": ["预期目标", "实际完成情况"]},
        "cols": [("一级指标", "level1"), ("二级指标", "level2"), ("三级指标", "name"), ("指标性质", "target.op"),
                 ("指标值", "target.value"), ("度量单位", "target.unit"), ("完成值", "actual"), ("权重", "weight"),
                 ("得分", "score"), ("未完成原因分析", "explanation")],
        "total": {"label": "总  分", "grade": True},
    }
    spec.update(extra)
    return spec


def spec_L4(**extra):
    spec = {
        "layout": "L4", "title": "绩效目标自评表", "year": "{year} 年度",
        "header": [[("项目名称", "name")], [("主管部门", "department"), ("实施单位", "implementer")],
                   [("项目负责人", None), ("联系电话", None)]],
        "funds": {"label": "项目资金（万元）", "heads": ["年初预算数", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"],
                  "total_name": "年度资金总额", "first_source_prefix": "其中：", "source_dash": None},
        "goals": {"label": "年度总体目标", "heads": ["预期目标", "实际完成情况"]},
        "cols": [("一级指标", "level1"), ("二级指标", "level2"), ("三级指标", "name"), ("分值", "weight"),
                 ("年度指标值", "target"), ("全年实际值", "actual"), ("得分", "score"),
                 ("未完成原因及拟采取的改进措施", "explanation")],
        "level_points": True, "note_row": "无",
        "total": {"label": "总分", "grade": True},
    }
    spec.update(extra)
    return spec


def spec_L5(**extra):
    spec = {
        "layout": "L5", "title": "项目支出绩效自评表", "year": "({year}年度)", "header": HEADER_PROJECT,
        "funds": {**FUNDS_NATIONAL, "heads": ["年初预\n算数", "全年预算数", "全年执行\n数", "分值", "执行率", "得分"]},
        "goals": {"label": "年度总体目标", "heads": ["预期目标", "实际完成情况"]},
        "label": {"text": "年度绩效指标完成情况", "rotate": True},
        "cols": [("一级指\n标", "level1"), ("二级指\n标", "level2"), ("三级指标", "name"), ("权重", "weight"),
                 ("目标值", "target"), ("业绩值", "actual"), ("完成率", "completion"), ("指标\n得分", "score"),
                 ("指标值设\n定依据", "basis"), ("上年完\n成情况", "lastYear"), ("赋分规则", "rule"),
                 ("佐证资料", "evidence"), ("偏差原因\n分析及改\n进措施", "explanation")],
        "total": {"label": "总分"},
    }
    spec.update(extra)
    return spec


UNIT_COLS_004 = [("一级指标", "level1"), ("二级指标", "level2"), ("三级指标", "name"), ("预期指标值", "target"),
                 ("指标值设定依据", "basis"), ("实际完成指标值", "actual"), ("分值权重", "weight"), ("得分", "score")]
UNIT_COLS_002 = [("一级指标", "level1"), ("二级指标", "level2"), ("三级指标", "name"), ("预期指标值", "target"),
                 ("指标值设定依据", "basis"), ("分值权重", "weight"), ("实际完成指标值", "actual"), ("得分", "score")]


def spec_L6_004():
    return {
        "layout": "L6", "title": "部门（单位）整体支出绩效目标自评表", "year": "（{year} 年度）",
        "header": [[("部门（单位）名称", "name")]],
        "funds": {"label": "部门资金（万元）", "name_head": "资金来源",
                  "heads": ["年初预算数", "全年预算数", "全年执行数", "分值权重", "执行率", "得分"],
                  "total_name": "年度总资金", "first_source_prefix": "其中:", "source_dash": "-"},
        "goals": {"label": "年度总体目标", "heads": ["预期目标", "实际完成情况"]},
        "cols": UNIT_COLS_004, "percent_actuals": True,
        "total": {"label": "总分"},
    }


def spec_L6_002():
    return {
        "layout": "L6", "title": "单位整体支出绩效自评表", "year": "（{year}年度）",
        "header": [[("单位名称", "name")]],
        "funds": {"label": "部门资金（万元）", "name_head": "资金来源",
                  "heads": ["年初预算数", "全年预算数", "全年执行数", "分值权重", "执行率", "得分"],
                  "total_name": "合计", "total_position": "last", "source_dash": "-"},
        "goals": {"label": "年度总体目标", "heads": ["预期目标", "实际完成情况"]},
        "cols": UNIT_COLS_002,
        "total": {"label": "总分"},
    }


def spec_L7_unit():
    return {
        "layout": "L7", "title": "单位整体绩效目标表", "year": "({year} 年)",
        "header": [[("单位名称（盖章）", "name")], [("单位联系人", None), ("联系电话：", None)]],
        "goals": {"label": "年度绩效目标", "single": True},
        "unit_budget": [("财政资金（万元）", "上级安排", "0.00"), (None, "本级安排", "545.70"), ("其他资金（万元）", "其他", "501.12")],
        "cols": [("一级指标", "level1"), ("二级指标", "level2"), ("三级指标", "name"), ("指标值", "target"),
                 ("指标设定依据", "basis"), ("分值权重", "weight")],
    }


def spec_L7_project():
    return {
        "layout": "L7", "title": "项目支出绩效目标表", "year": "({year} 年）",
        "header": [[("预算单位", "department")], [("项目名称", "name"), ("项目负责人", None)]],
        "funds": {"mode": "target-row", "label": "项目资金\n（万元）"},
        "goals": {"label": "项目总体目标", "single": True},
        "cols": [("一级\n指标", "level1"), ("二级\n指标", "level2"), ("三级\n指标", "name"), ("指标值", "target"),
                 ("指标值设\n置依据", "basis"), ("上年\n完成值", "lastYear"), ("指标分值\n权重", "weight"),
                 ("指标赋\n分规则", "rule"), ("佐证\n资料", "evidence")],
    }


def spec_L8():
    return {
        "layout": "L8", "title": "项目支出绩效自评表", "year": "（{year}年度）", "header": HEADER_PROJECT,
        "funds": {"label": "预算执行情况（20分）", "heads": ["年初预算数", "全年预算数", "全年执行数", "执行率", "得分（20分*执行率）"],
                  "keys": ["initialBudget", "annualBudget", "executed", "claimedRate", "claimedScore"],
                  "total_name": "年度资金总额", "first_source_prefix": "其中：", "weight_in_label": "20"},
        "goals": {"label": "年度绩效目标", "heads": ["年初设定目标", "全年实际完成情况"]},
        "label": {"text": "年度绩效指标完成情况", "rotate": True},
        "cols": [("一级指标", "level1"), ("二级指标", "level2"), ("三级指标", "name"), ("年初目标值(A)", "target"),
                 ("实际完成值(B)", "actual"), ("得分", "score"), ("偏差原因分析及改进措施", "explanation")],
        "total": {"label": "总分", "formula": True},
        "date_keys": ("target",),
    }


def spec_L10():
    return {
        "layout": "L10", "title": "项目支出绩效自评表", "year": "（{year}年度）", "header": HEADER_PROJECT,
        "funds": FUNDS_NATIONAL, "goals": GOALS_NATIONAL,
        "cols": [("一级指标", "level1"), ("二级指标", "level2"), ("三级指标", "name"), ("指标值", "target"),
                 ("完成值", "actual"), ("权重", "weight"), ("得分", "score"), ("偏差原因分析及改进措施", "explanation")],
        "weight_percent": True,
        "total": {"label": "总分", "weight_percent": True},
    }


# ---------------------------------------------------------------------------------------------------------
# Writers.

THIN = Side(style="thin", color="FF000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def write_xlsx(path, sheets, store_below=0):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    formulas = {}
    for sheet in sheets:
        ws = wb.create_sheet(sheet.name)
        in_table = set()
        for place in sheet.tables:
            for r in range(place.first_row, place.last_row + 1):
                for c in range(1, place.width + 1):
                    in_table.add((r, c))
        for (r, c), cell in sorted(sheet.cells.items()):
            x = ws.cell(row=r, column=c)
            if cell.formula:
                x.value = cell.formula
                formulas[(ws.title, ref(r, c))] = cell.value
            elif cell.rich:
                x.value = CellRichText([TextBlock(InlineFont(**font), text) for text, font in cell.rich])
            else:
                x.value = cell.value
                if isinstance(cell.value, str):
                    x.data_type = "s"  # text such as `=1 人` is a printed actual, not a formula
            if cell.fmt:
                x.number_format = cell.fmt
            if cell.bold or cell.size:
                x.font = Font(bold=cell.bold, size=cell.size)
            x.alignment = Alignment(wrap_text=cell.wrap, vertical="center", text_rotation=cell.rotate or 0,
                                    horizontal=cell.halign or "center")
            if (r, c) in in_table:
                x.border = BORDER
        for r1, c1, r2, c2 in sheet.merges:
            ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
        for c, w in sheet.widths.items():
            ws.column_dimensions[col_letter(c)].width = w
        for r, h in sheet.heights.items():
            ws.row_dimensions[r].height = h
    wb.properties.creator = AUTHOR
    wb.properties.created = FIXED_TIME
    buffer = io.BytesIO()
    wb.save(buffer)
    sheet_files = {s.name: f"xl/worksheets/sheet{i}.xml" for i, s in enumerate(sheets, start=1)}

    def patch(name, data):
        if name == "docProps/core.xml":
            return re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2024-01-01T00:00:00Z", data)
        for (sheet_name, cell_ref), cached in formulas.items():
            if sheet_files[sheet_name] == name:
                pattern = rb'(<c r="' + cell_ref.encode() + rb'"[^>]*>)(<f>[^<]*</f>)<v\s*/>|(<c r="' + \
                    cell_ref.encode() + rb'"[^>]*>)(<f>[^<]*</f>)<v>\s*</v>'
                value = repr(float(cached)).encode()
                data, count = re.subn(pattern, lambda m: (m.group(1) or m.group(3)) + (m.group(2) or m.group(4)) +
                                      b"<v>" + value + b"</v>", data)
                if count != 1:
                    raise SystemExit(f"{path}: could not give {cell_ref} its cached value")
        return data

    rezip(buffer.getvalue(), path, patch, store_below)


def rezip(data, path, patch=lambda name, data: data, store_below=0):
    """Rewrites a zip with fixed entry times (openpyxl and python-docx stamp the time of saving). Entries
    smaller than `store_below` bytes are stored instead of deflated."""
    source = zipfile.ZipFile(io.BytesIO(data))
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, ZIP_TIME)
            content = patch(info.filename, source.read(info.filename))
            entry.compress_type = zipfile.ZIP_STORED if len(content) < store_below else zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            out.writestr(entry, content)


def stamp_zip_times(path):
    """Overwrites only the DOS time and date of every local and central header (LibreOffice stamps the time of
    conversion); the entries' bytes, compression and order stay LibreOffice's."""
    data = bytearray(path.read_bytes())
    dos_time = 0
    dos_date = ((ZIP_TIME[0] - 1980) << 9) | (ZIP_TIME[1] << 5) | ZIP_TIME[2]
    stamp = dos_time.to_bytes(2, "little") + dos_date.to_bytes(2, "little")
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        infos = archive.infolist()
    end = data.rfind(b"PK\x05\x06")
    central = int.from_bytes(data[end + 16:end + 20], "little")
    offset = central
    for info in infos:
        assert data[offset:offset + 4] == b"PK\x01\x02"
        data[offset + 12:offset + 16] = stamp
        local = int.from_bytes(data[offset + 42:offset + 46], "little")
        assert data[local:local + 4] == b"PK\x03\x04"
        data[local + 10:local + 14] = stamp
        name_len, extra_len, comment_len = (int.from_bytes(data[offset + k:offset + k + 2], "little") for k in (28, 30, 32))
        offset += 46 + name_len + extra_len + comment_len
    path.write_bytes(bytes(data))


def grid_text(sheet):
    """The sheet as Excel's CSV holds it: displayed text, merged cells blank, every row as wide as the sheet."""
    rows = []
    for r in range(1, sheet.max_row + 1):
        rows.append([display(sheet.cells.get((r, c))) for c in range(1, sheet.max_col + 1)])
    return rows


def write_csv(path, sheet, encoding):
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in grid_text(sheet):
        writer.writerow(row)
    text = buffer.getvalue()
    data = (b"\xef\xbb\xbf" + text.encode("utf-8")) if encoding == "utf-8-sig" else text.encode(encoding)
    path.write_bytes(data)
    return text


def csv_lines(text):
    """The line each record starts on (a quoted cell with a line break spans lines)."""
    starts = []
    reader = csv.reader(io.StringIO(text, newline=""))
    line = 1
    for _ in iter(lambda: next(reader, None), None):
        starts.append(line)
        line = reader.line_num + 1
    return starts


def set_cell_text(cell, source):
    paragraph = cell.paragraphs[0]
    if source.rich:
        for text, font in source.rich:
            run = paragraph.add_run(text)
            run.bold = font.get("b")
            if font.get("color"):
                run.font.color.rgb = RGBColor.from_string(font["color"][-6:])
            if font.get("sz"):
                run.font.size = Pt(font["sz"])
    else:
        # A line break becomes w:br inside the run (python-docx), as Word stores Shift+Enter.
        run = paragraph.add_run(display(source))
        run.bold = source.bold or None
        if source.size:
            run.font.size = Pt(source.size)
    if source.halign == "center" or source.halign is None:
        for p in cell.paragraphs:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if source.rotate:
        properties = cell._tc.get_or_add_tcPr()
        direction = OxmlElement("w:textDirection")
        direction.set(qn("w:val"), "tbRlV")
        properties.append(direction)


def write_docx(path, placements, titles_outside=False):
    document = docx.Document()
    properties = document.core_properties
    properties.author = AUTHOR
    properties.last_modified_by = AUTHOR
    properties.created = FIXED_TIME
    properties.modified = FIXED_TIME
    properties.revision = 1
    properties.comments = ""
    for index, place in enumerate(placements):
        sheet = place.sheet
        first = place.first_row
        if index:
            document.add_page_break()
        if titles_outside:
            for r in range(place.first_row, place.first_row + place.title_rows):
                paragraph = document.add_paragraph()
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                source = sheet.cells[(r, 1)]
                run = paragraph.add_run(display(source))
                run.bold = source.bold or None
                if source.size:
                    run.font.size = Pt(source.size)
            first += place.title_rows
        rows = place.last_row - first + 1
        table = document.add_table(rows=rows, cols=place.width)
        table.style = "Table Grid"
        merged = set()
        for r1, c1, r2, c2 in sheet.merges:
            if first <= r1 <= place.last_row:
                table.cell(r1 - first, c1 - 1).merge(table.cell(r2 - first, c2 - 1))
                for r in range(r1, r2 + 1):
                    for c in range(c1, c2 + 1):
                        merged.add((r, c))
                merged.discard((r1, c1))
        for r in range(first, place.last_row + 1):
            for c in range(1, place.width + 1):
                if (r, c) in merged:
                    continue
                source = sheet.cells.get((r, c))
                if source is not None and source.value is not None:
                    set_cell_text(table.cell(r - first, c - 1), source)
    buffer = io.BytesIO()
    document.save(buffer)
    rezip(buffer.getvalue(), path)


# ---------------------------------------------------------------------------------------------------------
# The files.


def stack(sheet, forms, gaps):
    """Lays several tables on one sheet, `gaps[i]` blank rows after table i."""
    row = 1
    for index, form in enumerate(forms):
        row = form.build(sheet, row)
        row += gaps[index] if index < len(gaps) else 0
    return sheet


def widths(sheet, values):
    for c, w in enumerate(values, start=1):
        sheet.widths[c] = w


def L1():
    ids = ["004-employee-funds", "004-industry-chain-relocation", "004-central-industrial-foundation",
           "004-industrial-energy-saving", "004-strategic-emerging-industries", "004-textile-garment-fund",
           "004-work-team-subsidy"]
    rich = {6: [("保障雇用人员待遇，", {"b": True}), ("稳定人员队伍", {"color": "FFFF0000"})]}
    first = Sheet("自评表1")
    forms = [
        Form(fixture(ids[0]), spec_L1(rich_name=rich, date_keys=("target",), total={"label": "总分", "formula": True},
                                      funds={**FUNDS_NATIONAL, "rate_formula": True})),
        Form(fixture(ids[1]), spec_L1()),
        Form(fixture(ids[2]), spec_L1()),
    ]
    stack(first, forms, gaps=[1, 0])
    widths(first, [5, 10, 12, 22, 14, 14, 8, 9, 20])
    sheets = [first]
    for index, name in enumerate(ids[3:], start=2):
        sheet = Sheet(f"自评表{index}")
        Form(fixture(name), spec_L1()).build(sheet, 1)
        widths(sheet, [5, 10, 12, 22, 14, 14, 8, 9, 20])
        sheets.append(sheet)
    return sheets


def L2():
    sheets = []
    for index, name in enumerate(["004-industrial-energy-saving", "004-strategic-emerging-industries"], start=1):
        sheet = Sheet(f"Sheet{index}")
        Form(fixture(name), spec_L2()).build(sheet, 1)
        widths(sheet, [6, 10, 12, 22, 8, 9, 9, 14, 7, 7, 20])
        sheets.append(sheet)
    return sheets


def L3():
    sheet = Sheet("项目支出绩效自评表")
    forms = [Form(fixture("004-central-industrial-foundation"), spec_L3()),
             Form(fixture("004-textile-garment-fund"), spec_L3())]
    stack(sheet, forms, gaps=[2])
    widths(sheet, [10, 12, 22, 8, 9, 9, 14, 7, 9, 20])
    return [sheet]


def L4():
    sheets = []
    for index, name in enumerate(["004-work-team-subsidy", "004-industry-chain-relocation"], start=1):
        table = fixture(name)
        sheet = Sheet(table["name"][:28])
        Form(table, spec_L4()).build(sheet, 1)
        widths(sheet, [12, 12, 22, 7, 14, 14, 8, 24])
        sheets.append(sheet)
    return sheets


def L5_000():
    sheet = Sheet("项目支出绩效自评表")
    names = ["000-investment-promotion", "000-office-renovation", "000-tajikistan-forum", "000-scrap-vehicle-review"]
    forms = [Form(fixture(name), spec_L5()) for name in names]
    stack(sheet, forms, gaps=[1, 1, 1])
    widths(sheet, [5, 8, 8, 20, 6, 11, 11, 7, 6, 9, 9, 11, 9, 12])
    return [sheet]


def L5_002():
    names = ["002-official-car-rental", "002-training-funds", "002-expo-events", "002-trade-in-subsidy",
             "002-project-preliminary-fees", "002-airport-economy-study", "002-talent-digital-commerce",
             "002-autumn-consumption", "002-food-festival-contest", "002-central-asia-trade-mission",
             "002-office-operation-support", "002-office-operation-subsidy"]
    sheets = []
    for index, name in enumerate(names, start=1):
        sheet = Sheet(f"项目{index}")
        spec = spec_L5(merge_levels=False, label={"text": "年度绩效指标完成情况", "merge": False},
                       date_keys=("actual",), year="（{year}年度）")
        spec["total"] = {"label": "总分", "grade": True}
        Form(fixture(name), spec).build(sheet, 1)
        widths(sheet, [10, 8, 8, 20, 6, 11, 11, 7, 6, 9, 9, 11, 9, 12])
        sheets.append(sheet)
    return sheets


def L6():
    first, second = Sheet("整体支出绩效自评表"), Sheet("单位整体")
    Form(fixture("004-unit"), spec_L6_004()).build(first, 1)
    spec = spec_L6_002()
    Form(fixture("002-unit"), spec).build(second, 1)
    for sheet in (first, second):
        widths(sheet, [10, 12, 24, 12, 16, 12, 10, 10])
    return [first, second]


def L7():
    sheets = []
    sheet = Sheet("单位整体绩效目标表")
    Form(fixture("003-unit-targets"), spec_L7_unit()).build(sheet, 1)
    widths(sheet, [12, 12, 24, 12, 16, 10])
    sheets.append(sheet)
    for index, name in enumerate(["003-surplus-funds-targets", "003-aid-xinjiang-investment-targets",
                                  "003-commerce-work-funds-targets"], start=1):
        sheet = Sheet(f"项目支出绩效目标表{index}")
        Form(fixture(name), spec_L7_project()).build(sheet, 1)
        sheets.append(sheet)
        widths(sheet, [9, 9, 18, 12, 12, 10, 9, 12, 10])
    return sheets


def L8():
    table = fixture("004-employee-funds")
    form_table = copy.deepcopy(table)
    form_table["id"] = "L8-004-employee-funds"
    form_table["funds"]["weight"] = "20"
    form_table["funds"]["claimedScore"] = "19.72"
    for item in form_table["indicators"]:
        item.pop("weight", None)
    claims = sum(Decimal(x["claimedScore"]) for x in form_table["indicators"]) + Decimal("19.72")
    form_table["claimedTotal"] = f"{claims:.2f}"
    sheet = Sheet("Sheet1")
    Form(form_table, spec_L8()).build(sheet, 1)
    widths(sheet, [5, 12, 12, 22, 16, 16, 9, 20])
    return [sheet], form_table


def L10():
    table = fixture("004-industry-chain-relocation")
    table["id"] = "L10-004-industry-chain-relocation"
    sheet = Sheet("Sheet1")
    Form(table, spec_L10()).build(sheet, 1)
    widths(sheet, [12, 12, 24, 14, 14, 8, 8, 22])
    return [sheet]


SYNTHETIC = {
    "id": "synthetic-star-and-qizhong",
    "kind": "project",
    "year": 2023,
    "name": "（合成示例）职业技能培训补贴项目",
    "department": "示例县人力资源和社会保障局",
    "implementer": "示例县就业服务中心",
    "funds": {
        "initialBudget": "100.00", "annualBudget": "100.00", "executed": "95.00", "weight": "10",
        "claimedRate": "95.00%", "claimedScore": "9.50",
        "sources": [{"name": "当年财政拨款", "initialBudget": "100.00", "annualBudget": "100.00", "executed": "95.00"},
                    {"name": "其他资金", "initialBudget": "0.00", "annualBudget": "0.00", "executed": "0.00"}],
    },
    "goals": {"expected": "全年完成职业技能培训3000人次，培训合格率不低于95%，参训人员就业率不低于60%。",
              "actual": "全年完成职业技能培训2900人次，其中线上1800人次、线下1100人次；培训合格率96%，就业率66%。"},
    "claimedTotal": "98.00",
}
SYNTHETIC_ROWS = [
    {"level1": "产出指标", "level2": "数量指标", "name": "★培训人次", "weight": "30", "target": ">=3000人次",
     "actual": "=2900人次", "claimedScore": "28.5", "explanation": "线上课程上线推迟", "role": "parent"},
    {"level1": "产出指标", "level2": "数量指标", "name": "线上培训人次", "weight": "15", "target": ">=2000人次",
     "actual": "=1800人次", "claimedScore": "13.5", "explanation": "线上课程上线推迟"},
    {"level1": "产出指标", "level2": "数量指标", "name": "线下培训人次", "weight": "15", "target": ">=1000人次",
     "actual": "=1100人次", "claimedScore": "15", "explanation": None},
    {"level1": "产出指标", "level2": "质量指标", "name": "培训合格率", "weight": "20", "target": ">=95%",
     "actual": "=96%", "claimedScore": "20", "explanation": None},
    {"level1": "产出指标", "level2": "质量指标", "name": "其中：线上培训合格率", "weight": None, "target": ">=95%",
     "actual": "=97%", "claimedScore": None, "explanation": None, "role": "detail"},
    {"level1": "产出指标", "level2": "质量指标", "name": "其中：线下培训合格率", "weight": None, "target": ">=95%",
     "actual": "=95%", "claimedScore": None, "explanation": None, "role": "detail"},
    {"level1": "效益指标", "level2": "社会效益指标", "name": "参训人员就业率", "weight": "20", "target": ">=60%",
     "actual": "=66%", "claimedScore": "20", "explanation": None},
    {"level1": "满意度指标", "level2": "满意度指标", "name": "参训人员满意度", "weight": "20", "target": ">=90%",
     "actual": "=93%", "claimedScore": "20", "explanation": None},
]


def synthetic():
    table = copy.deepcopy(SYNTHETIC)
    table["indicators"] = [{k: v for k, v in x.items() if k != "role"} for x in SYNTHETIC_ROWS if not x.get("role")]
    sheet = Sheet("自评表")
    Form(table, spec_L1(rows=SYNTHETIC_ROWS)).build(sheet, 1)
    widths(sheet, [5, 10, 12, 22, 14, 14, 8, 9, 20])
    return [sheet], table


# ---------------------------------------------------------------------------------------------------------


def producer_versions():
    lo = "LibreOffice (not run)"
    soffice = shutil.which("soffice")
    if soffice:
        out = subprocess.run([soffice, "--version"], capture_output=True, text=True).stdout.strip()
        lo = out.split(" ")[0] + " " + out.split(" ")[1] if out else "LibreOffice"
    return {"openpyxl": f"openpyxl {openpyxl.__version__}", "python-docx": f"python-docx {docx.__version__}",
            "libreoffice": lo, "csv": f"Python {sys.version.split()[0]} csv module"}


def convert_with_libreoffice(paths, outdir):
    soffice = shutil.which("soffice")
    if not soffice:
        print("soffice not found: the LibreOffice copies are left as they are", file=sys.stderr)
        return False
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        command = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "xlsx",
                   "--outdir", str(outdir)] + [str(p) for p in paths]
        subprocess.run(command, check=True, capture_output=True)
    for path in paths:
        stamp_zip_times(outdir / path.name)
    return True


def docx_anchors(place, titles_outside):
    """The table's anchors in the Word table's own rows (row 1 is its first row) and grid columns."""
    first = place.first_row + (place.title_rows if titles_outside else 0)
    out = {}
    for key, value in place.anchors.items():
        if titles_outside and key in ("title", "year"):
            out[key] = f"paragraph {1 if key == 'title' else place.title_rows} above the table"
        elif isinstance(value, str):
            match = re.match(r"([A-Z]+)(\d+)$", value)
            out[key] = f"{match.group(1)}{int(match.group(2)) - first + 1}"
        elif isinstance(value, list):
            out[key] = [v - first + 1 for v in value]
        else:
            out[key] = value - first + 1
    return out


def entry(place, expected, csv_starts=None):
    anchors = dict(place.anchors)
    out = {"sheet": place.sheet.name if csv_starts is None else None,
           "rows": [place.first_row, place.last_row], "anchors": anchors}
    if csv_starts is not None:
        out["lines"] = [csv_starts[place.first_row - 1], csv_starts[place.last_row - 1]]
        header = anchors["indicatorHeaderRow"]
        anchors["indicatorHeaderLine"] = csv_starts[(header if isinstance(header, int) else header[0]) - 1]
        anchors["firstIndicatorLine"] = csv_starts[anchors["firstIndicatorRow"] - 1]
    out.update(expected)
    return out


def main():
    check = "--check" in sys.argv
    versions = producer_versions()
    files = []  # manifest entries
    reads = []  # (label, read JSON, expected result path)

    def expect_fixture(place, name):
        place.expected = name
        reads.append((f"{current[0]}!{place.sheet.name}@{place.first_row}", place.read, ROOT / "Fixtures" / name / "expected.json"))
        return {"expected": name, "expectedResult": f"Fixtures/{name}/expected.json"}

    def expect_json(place, relative, twin):
        path = FORMS / relative
        form = f"Fixtures/forms/{current[0]}"
        source = {"form": form, "sheet": place.sheet.name, "rows": f"{place.first_row}-{place.last_row}"}
        if twin:
            source["twin"] = f"Fixtures/{twin}/table.json"
        write_json(path, {"id": place.read["id"], "source": source, **{k: v for k, v in place.read.items() if k != "id"}})
        reads.append((f"{current[0]}!{place.sheet.name}@{place.first_row}", place.read, path.with_suffix(".expected.json")))
        out = {"expected": f"Fixtures/forms/{relative}",
               "expectedResult": f"Fixtures/forms/{Path(relative).with_suffix('.expected.json')}"}
        if twin:
            out["twin"] = twin
        return out

    def add(path, producer, layout, sheets, expectations, hard_cases, fmt="xlsx", csv_text=None):
        tables = []
        places = [p for s in sheets for p in s.tables] if fmt != "csv" else sheets[0].tables
        starts = csv_lines(csv_text) if csv_text is not None else None
        for place, expected in zip(places, expectations):
            tables.append(entry(place, expected, starts))
        files.append({"path": f"Fixtures/forms/{path}", "producer": producer, "format": fmt, "layout": layout,
                      "sheets": [s.name for s in sheets] if fmt == "xlsx" else None, "hardCases": hard_cases,
                      "tables": tables})

    xlsx_written = []

    current = [None]

    written_sheets = {}

    def xlsx(relative, sheets, store_below=0):
        current[0] = relative
        path = FORMS / relative
        write_xlsx(path, sheets, store_below)
        xlsx_written.append(path)
        written_sheets[path] = sheets
        return path

    # L1: the seed 004 project tables, as 004 prints them.
    sheets = L1()
    xlsx("L1/L1-national.xlsx", sheets)
    expectations = [expect_fixture(p, p.read["id"]) for s in sheets for p in s.tables]
    l1_cases = ["three tables on sheet 自评表1 (one blank row after the first, none after the second) and one table per sheet on 自评表2-5",
                "一级/二级 as vertical merges; rotated label 年度绩效指标完成情况 (text rotation 255) merged down the header and indicator rows",
                "merged title and year cells; header cells with line breaks (一级\\n指标, 年度\\n指标值, 年初预算\\n数, 偏差原因分析及改\\n进措施)",
                "amounts, weights and scores stored as numbers with formats (12 as 0.00 → 12.00; 9.86 as 0.00\" 分\" → 9.86 分; 100.00% as 1 with 0.00%)",
                "004-employee-funds: 执行率 a formula =F..(执行数)/E..(全年预算数) cached 0.985925…, shown 98.59% (0.00%); 总分 a formula =SUM(得分)+funds 得分 cached 97.89999999999999, shown 97.90 分",
                "004-employee-funds: 项目完成时间 target a date serial (45291, yyyy\"年\"m\"月\"d\"日\" → 2023年12月31日); #7 三级指标 in two rich-text runs (bold, red)",
                "openpyxl writes every string inline (t=\"inlineStr\") with numeric character references, and numbers with %.16g (9.86 → 9.859999999999999)"]
    add("L1/L1-national.xlsx", versions["openpyxl"], "L1", sheets, expectations, l1_cases)
    l1_sheets = sheets

    # L2: split target, two header rows.
    sheets = L2()
    xlsx("L2/L2-split-target.xlsx", sheets)
    expectations = [expect_fixture(p, p.read["id"]) for s in sheets for p in s.tables]
    add("L2/L2-split-target.xlsx", versions["openpyxl"], "L2", sheets, expectations,
        ["年度指标值 merged over 指标性质 · 指标值 · 度量单位 on a second header row; the other headers merged down both rows",
         "指标性质 ≥ ≤ ＝ 定性; 指标值 a number cell where numeric (3, 100, 106); a deadline or text target is 定性 with the text in 指标值",
         "label column 绩效指标 (not rotated) merged over both header rows and every indicator row", "one table per sheet"])

    # L3: Sichuan.
    sheets = L3()
    xlsx("L3/L3-sichuan.xlsx", sheets)
    expectations = [expect_fixture(p, p.read["id"]) for s in sheets for p in s.tables]
    add("L3/L3-sichuan.xlsx", versions["openpyxl"], "L3", sheets, expectations,
        ["title and year in one merged cell as rich text with a line break (项目支出绩效自评表\\n（2023年度）)",
         "a corner row: 公开14表 left, 金额单位：万元 right, above the header block",
         "funds columns 年初预算数 | 调整后预算数 (= annualBudget) | 全年执行数 | 权重 | 执行率 | 得分; first source row 其中：财政拨款 / 当年财政拨款; source rows leave 权重/执行率/得分 blank",
         "split target without a group header (指标性质 · 指标值 · 度量单位 · 完成值 · 权重 · 得分 · 未完成原因分析)",
         "total label with spaces (总  分) and the grade in the last cell (derived from the printed total, as a unit prints it)",
         "two tables on one sheet, two blank rows apart"])

    # L4: 衔接资金 / 绩效目标自评表.
    sheets = L4()
    xlsx("L4/L4-xianjie.xlsx", sheets)
    expectations = [expect_fixture(p, p.read["id"]) for s in sheets for p in s.tables]
    add("L4/L4-xianjie.xlsx", versions["openpyxl"], "L4", sheets, expectations,
        ["分值 before 年度指标值; 全年实际值; 未完成原因及拟采取的改进措施",
         "level labels with points: 产出指标（40分） (the points are the level's weights, summed)",
         "funds headers 全年预算数(A) | 全年执行数(B) | 执行率(B/A); 项目负责人 / 联系电话 row left blank",
         "其他需要说明事项 row before the total; grade in the total row", "year printed `2023 年度`, title 绩效目标自评表",
         "sheet names are the project names"])

    # L5: Xinjiang project tables, seed 000 (merged) and 002 (blank below, as its tab text shows).
    sheets = L5_000()
    xlsx("L5/L5-xinjiang-000.xlsx", sheets)
    expectations = [expect_fixture(p, p.read["id"]) for s in sheets for p in s.tables]
    l5_cases = ["four tables stacked on one sheet, one blank row apart", "14 columns; 一级/二级 merged; rotated label merged over the indicator rows (header cell above it blank)",
                "完成率 printed `100` (a number, General) as seed 000 prints it",
                "header cells broken as the PDF prints them (一级指\\n标, 指标\\n得分, 偏差原因\\n分析及改\\n进措施)"]
    add("L5/L5-xinjiang-000.xlsx", versions["openpyxl"], "L5", sheets, expectations, l5_cases)
    l5_sheets = sheets

    sheets = L5_002()
    xlsx("L5/L5-xinjiang-002.xlsx", sheets)
    expectations = [expect_fixture(p, p.read["id"]) for s in sheets for p in s.tables]
    add("L5/L5-xinjiang-002.xlsx", versions["openpyxl"], "L5", sheets, expectations,
        ["one table per sheet (12 sheets)", "一级/二级 and the label column NOT merged: printed on the first row of their group, blank below (as seed 002's tab text)",
         "完成率 stored as numbers formatted 0% (1 → 100%, 1.16 → 116%)", "amounts with thousands separators (4300 as #,##0.00 → 4,300.00)",
         "bare-date actuals as date serials (2024年12月1日 …); actuals with `=` stay text", "grade in the total row"])

    # L6: Xinjiang unit tables.
    sheets = L6()
    xlsx("L6/L6-xinjiang-unit.xlsx", sheets)
    expectations = [expect_fixture(p, p.read["id"]) for s in sheets for p in s.tables]
    add("L6/L6-xinjiang-unit.xlsx", versions["openpyxl"], "L6", sheets, expectations,
        ["004-unit: 执行率 0.5103 formatted 0.00% (51.03%); actuals stored as percent numbers (0.001 as 0.0% → 0.1%, 0.4812 → 48.12%, 1 as 0% → 100%)",
         "004-unit: funds rows 资金来源 with 年度总资金 first and 其中:中央安排（万元） …; 002-unit: 上级资金, 本级资金, 其他资金, then 合计 LAST",
         "002-unit: 分值权重 before 实际完成指标值; 总分 row with the weight sum and the score cell left blank (no claimed total)",
         "002-unit: amounts 9372.57 as #,##0.00 (9,372.57); rate 1 as 0% (100%)", "no project name: 部门（单位）名称 / 单位名称"])
    l6_sheets = sheets

    # L7: target tables.
    sheets = L7()
    xlsx("L7/L7-targets.xlsx", sheets)
    expectations = [expect_fixture(p, p.read["id"]) for s in sheets for p in s.tables]
    # The unit table's 年度预算 block has no column jixiao reads (资金来源 | 资金总额（万元））: its reading reports
    # the column and the block, which the fixture's JSON (without the block) does not print.
    expectations[0]["readingFindings"] = ["cell.unparseable", "column.ignored"]
    add("L7/L7-targets.xlsx", versions["openpyxl"], "L7", sheets, expectations,
        ["targets only (kind from the title: 单位整体绩效目标表 → unit-target, 项目支出绩效目标表 → project-target); no funds block scored, no total",
         "headers as seed 003 prints them: 指标设定依据 / 指标值设置依据, 上年完成值, 分值权重 / 指标分值权重, 指标赋分规则",
         "header block 单位名称（盖章）, 单位联系人 | 联系电话： (blank), 预算单位 (= department), 项目负责人 (blank)",
         "project tables: funds on one row (项目资金（万元）| 年度预算总额：| 50.12 | 其中：财政拨款 | 0.00 | 其他资金：| 50.12); goals as one row 项目总体目标",
         "unit table: a 年度预算（万元） block (资金来源 | 资金总额（万元）, 上级安排/本级安排/其他) that the fixture's JSON leaves out: no column of it is a funds field, so the table has no funds and its reading reports the block and the column (`readingFindings`)"])

    # L8: older form, no weight column, funds worth 20.
    sheets, l8_table = L8()
    xlsx("L8/L8-older.xlsx", sheets)
    place = sheets[0].tables[0]
    expectations = [expect_json(place, "L8/004-employee-funds.json", "004-employee-funds")]
    add("L8/L8-older.xlsx", versions["openpyxl"], "L8", sheets, expectations,
        ["no weight column: 年初目标值(A) · 实际完成值(B) · 得分", "funds block 预算执行情况（20分）: the funds weight is in the label; 得分（20分*执行率）",
         "总分 a formula =SUM(得分)+funds 得分 with its cached value", "项目完成时间 target a date serial"])

    # L10: weights printed as %.
    sheets = L10()
    xlsx("L10/L10-percent-weights.xlsx", sheets)
    place = sheets[0].tables[0]
    expectations = [expect_fixture(place, "004-industry-chain-relocation")]
    add("L10/L10-percent-weights.xlsx", versions["openpyxl"], "L10", sheets, expectations,
        ["权重 stored as fractions formatted 0% (0.15 → 15%); the funds block keeps 分值 10 in points",
         "指标值 · 完成值 headers; no label column", "total row: the weight cell left blank"])

    # Synthetic: a ★ parent row and 其中 rows.
    sheets, synthetic_table = synthetic()
    xlsx("synthetic/star-and-qizhong.xlsx", sheets, store_below=1024)
    place = sheets[0].tables[0]
    expectations = [expect_json(place, "synthetic/star-and-qizhong.json", None)]
    add("synthetic/star-and-qizhong.xlsx", versions["openpyxl"], "L1", sheets, expectations,
        ["★培训人次 (a parent whose two children 线上/线下培训人次 carry its weight and score): count the children, not the parent",
         "zip entries below 1 KB stored (method 0), the others deflated, in one archive",
         "其中：线上培训合格率 / 其中：线下培训合格率 (no weight, no score): details of the row above, not indicators"])

    # CSV as Excel saves the active sheet.
    for relative, sheet, layout in [("L1/L1-national", l1_sheets[0], "L1"), ("L5/L5-xinjiang-000", l5_sheets[0], "L5")]:
        sources = [p for p in sheet.tables]
        expectations = [{k: v for k, v in m.items() if k in ("expected", "expectedResult", "twin")}
                        for f in files if f["path"].endswith(relative + ".xlsx") for m in f["tables"]][:len(sources)]
        text = write_csv(FORMS / f"{relative}.csv", sheet, "utf-8-sig")
        add(f"{relative}.csv", versions["csv"], layout, [sheet], expectations,
            ["Excel's CSV UTF-8: byte-order mark, CRLF between rows, LF inside quoted cells with line breaks",
             "merged cells blank; every row as wide as the sheet", "numbers as displayed (98.59%, 12.00, 9.86 分, 2023年12月31日)"],
            fmt="csv", csv_text=text)
        write_csv(FORMS / f"{relative}.gb18030.csv", sheet, "gb18030")
        add(f"{relative}.gb18030.csv", versions["csv"], layout, [sheet], expectations,
            ["as the UTF-8 file, encoded GB18030 without a byte-order mark (Excel's CSV (逗号分隔) on Chinese Windows)"],
            fmt="csv", csv_text=text)

    # Word.
    l1_docx = [l1_sheets[0].tables[0], l1_sheets[0].tables[1]]
    write_docx(FORMS / "L1/L1-national.docx", l1_docx)
    files.append({"path": "Fixtures/forms/L1/L1-national.docx", "producer": versions["python-docx"], "format": "docx",
                  "layout": "L1", "sheets": None,
                  "hardCases": ["two tables (w:tbl), a page break between; title and year are the first two rows of each table (gridSpan over 9 columns)",
                                "一级/二级 and the rotated label as vMerge restart/continue; funds label and goals label vMerge; w:textDirection tbRlV on the label",
                                "line breaks in header cells as w:br; #7 三级指标 in two runs (bold, red)",
                                "numbers as the spreadsheet displays them (98.59%, 9.86 分, 2023年12月31日)"],
                  "tables": [dict(table=i + 1, rows=[1, p.last_row - p.first_row + 1], anchors=docx_anchors(p, False), expected=p.expected,
                                  expectedResult=f"Fixtures/{p.expected}/expected.json") for i, p in enumerate(l1_docx)]})
    l6_docx = [s.tables[0] for s in l6_sheets]
    write_docx(FORMS / "L6/L6-xinjiang-unit.docx", l6_docx, titles_outside=True)
    files.append({"path": "Fixtures/forms/L6/L6-xinjiang-unit.docx", "producer": versions["python-docx"], "format": "docx",
                  "layout": "L6", "sheets": None,
                  "hardCases": ["title and year as centred paragraphs ABOVE each table, not in it (as Word documents print them)",
                                "002-unit: 合计 is the last funds row; 总分 score blank", "vMerge for 一级/二级 and the block labels; gridSpan"],
                  "tables": [dict(table=i + 1, rows=[1, p.last_row - p.first_row + 1 - p.title_rows],
                                  anchors=docx_anchors(p, True), expected=p.expected,
                                  expectedResult=f"Fixtures/{p.expected}/expected.json") for i, p in enumerate(l6_docx)]})

    # LibreOffice copies of every workbook.
    lo_dir = FORMS / "libreoffice"
    if convert_with_libreoffice(xlsx_written, lo_dir):
        pass
    for path in xlsx_written:
        original = next(f for f in files if f["path"] == f"Fixtures/forms/{path.relative_to(FORMS)}")
        copy_entry = copy.deepcopy(original)
        copy_entry["path"] = f"Fixtures/forms/libreoffice/{path.name}"
        copy_entry["producer"] = versions["libreoffice"] + " (soffice --headless --convert-to xlsx of " + original["path"] + ")"
        copy_entry["hardCases"] = ["shared strings (rich-text runs kept as <r> runs, line breaks as &#10;), LibreOffice's own styles and number-format ids",
                                   "formulas (<f aca=\"false\">) with the cached value LibreOffice wrote (97.9); numbers in shortest form (9.86)",
                                   "date format written yyyy\\年m\\月d\\日 (escaped literals) for yyyy\"年\"m\"月\"d\"日\"",
                                   "zip entries with data descriptors: CRC and sizes are 0 in the local headers, right in the central directory"]
        files.append(copy_entry)

    manifest = {
        "about": "Printed-form fixtures of issue 17 (item 9). For every file: its producer, layout, and the tables it holds "
                 "in order. `expected` is a fixture id (the form holds exactly that fixture's table.json, and its reading "
                 "must score as Fixtures/<id>/expected.json) or the path of a JSON file beside the form holding exactly what "
                 "the form holds (its expected result beside it as .expected.json, hand-checked in NOTES.md); "
                 "`readingFindings` are the findings the form's reading adds to that result, for what the form prints "
                 "that no field holds. `rows` are the "
                 "sheet rows (1-based) the table spans; `anchors` name the cells of its parts (see README.md). For CSV, "
                 "`rows` are record numbers and `lines` the lines they start on. Made by Fixtures/forms/make-forms.py.",
        "files": files,
    }
    write_json(FORMS / "MANIFEST.json", manifest, compact_lists=True)
    write_anchor_section(files)

    if check:
        problems = []
        for path, sheets in written_sheets.items():
            problems += verify_workbook(path, sheets)
            if (lo_dir / path.name).exists():
                problems += verify_workbook(lo_dir / path.name, sheets)
        for problem in problems:
            print(problem)
        print(f"read back {2 * len(written_sheets)} workbooks: {len(problems)} cells differ from the grid")
        run_check(reads)
        if problems:
            sys.exit(1)


def write_anchor_section(files):
    """Rewrites the generated part of README.md: where each table's parts are, from the manifest."""
    readme = FORMS / "README.md"
    if not readme.exists():
        return
    lines = ["| file | sheet / table | rows | expected | title | header row | funds | goals | indicator header | "
             "indicators | total row | claimed total |", "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for f in files:
        if f["path"].startswith("Fixtures/forms/libreoffice/"):
            continue
        for index, table in enumerate(f["tables"], start=1):
            a = table.get("anchors", {})
            where = table.get("sheet") or (f"table {table['table']}" if "table" in table else "—")
            rows = table["rows"]
            if "lines" in table:
                rows_text = f"{rows[0]}–{rows[1]} (lines {table['lines'][0]}–{table['lines'][1]})"
            else:
                rows_text = f"{rows[0]}–{rows[1]}"
            header = a.get("indicatorHeaderRow")
            header = "–".join(map(str, header)) if isinstance(header, list) else header
            expected = table["expected"].replace("Fixtures/forms/", "")
            cells = [f["path"].replace("Fixtures/forms/", ""), where, rows_text, expected, a.get("title"), a.get("headerRow"),
                     a.get("funds"), a.get("goals"), header,
                     f"{a['firstIndicatorRow']}–{a['lastIndicatorRow']}" if "firstIndicatorRow" in a else None,
                     a.get("totalRow"), a.get("claimedTotal")]
            lines.append("| " + " | ".join("—" if c is None else str(c) for c in cells) + " |")
    section = "\n".join(lines)
    text = readme.read_text(encoding="utf-8")
    begin, end = "<!-- anchors:begin (written by make-forms.py) -->", "<!-- anchors:end -->"
    head, rest = text.split(begin)
    _, tail = rest.split(end)
    readme.write_text(head + begin + "\n" + section + "\n" + end + tail, encoding="utf-8")


def write_json(path, value, compact_lists=False):
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(value, ensure_ascii=False, indent=2)
    if compact_lists:
        # Short lists of numbers on one line ("rows": [1, 20]).
        text = re.sub(r"\[\s+(\d+),\s+(\d+)\s+\]", r"[\1, \2]", text)
    path.write_text(text + "\n", encoding="utf-8")


def subset(result):
    """The parts of a result that expected.json files hold (Tests/JixiaoTests/GoldenFixtureTests.swift)."""
    out = {"id": result["id"]}
    if result.get("funds") is not None:
        out["funds"] = {"score": result["funds"]["score"], "verified": result["funds"]["verified"]}
    out["indicators"] = [{"index": x["index"], "name": x["name"], "score": x["score"], "verified": x["verified"]}
                         for x in result["indicators"]]
    out["recomputedTotal"] = result["recomputedTotal"]
    out["unverifiedPoints"] = result["unverifiedPoints"]
    out["claimedGrade"] = result.get("claimedGrade")
    out["recomputedGrade"] = result.get("recomputedGrade")
    out["findings"] = [f["code"] + (f"@{f['where']}" if f.get("where") not in (None, "table") else "")
                       for f in result["findings"]]
    return out


def comparable(expected):
    keep = dict(expected)
    keep.pop("id", None)
    if keep.get("claimedGrade") is None:
        keep.pop("claimedGrade", None)
    keep["findings"] = sorted(keep.get("findings", []))
    return keep


def verify_workbook(path, sheets):
    """Reads a written workbook back (cached values for formulas) and compares every cell with the grid."""
    book = openpyxl.load_workbook(path, data_only=True)
    problems = []
    for sheet in sheets:
        ws = book[sheet.name]
        for (r, c), cell in sorted(sheet.cells.items()):
            got = ws.cell(row=r, column=c).value
            want = "".join(t for t, _ in cell.rich) if cell.rich else cell.value
            if isinstance(want, datetime.date) and isinstance(got, datetime.datetime):
                got = got.date()
            if isinstance(want, (int, float)) and isinstance(got, (int, float)) and abs(want - got) < 1e-9:
                continue
            if got != want:
                problems.append(f"{path.relative_to(ROOT)} {sheet.name}!{ref(r, c)}: {got!r} instead of {want!r}")
            fmt = ws.cell(row=r, column=c).number_format
            def literal(code):
                # LibreOffice writes yyyy"年"m"月"d"日" as yyyy\年m\月d\日: the same format.
                return code.replace("\\", "").replace('"', "")

            if cell.value is not None and literal(cell.fmt or "General") != literal(fmt):
                problems.append(f"{path.relative_to(ROOT)} {sheet.name}!{ref(r, c)}: format {fmt!r} instead of {cell.fmt!r}")
    return problems


def run_check(reads):
    with tempfile.TemporaryDirectory() as work:
        lines = Path(work) / "forms.jsonl"
        with open(lines, "w", encoding="utf-8") as out:
            for label, read, _ in reads:
                record = dict(read)
                record["id"] = label
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        result = subprocess.run(["swift", "run", "-q", "jixiao", "rescore", str(lines), "--format", "json"],
                                cwd=ROOT, capture_output=True, text=True)
        results = json.loads(result.stdout)
    if results.get("rejected"):
        raise SystemExit(f"rejected: {results['rejected']}")
    by_id = {r["id"]: r for r in results["results"]}
    failures = 0
    for label, read, expected_path in reads:
        got = subset(by_id[label])
        if not expected_path.exists() or "--write-expected" in sys.argv and "Fixtures/forms" in str(expected_path):
            if "Fixtures/forms" in str(expected_path):
                got["id"] = read["id"]
                write_json(expected_path, got)
                print(f"wrote {expected_path.relative_to(ROOT)}")
                continue
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        if comparable(got) != comparable(expected):
            failures += 1
            print(f"MISMATCH {label} ({read['id']}) against {expected_path.relative_to(ROOT)}")
            print("  got     ", json.dumps(comparable(got), ensure_ascii=False))
            print("  expected", json.dumps(comparable(expected), ensure_ascii=False))
    print(f"checked {len(reads)} tables, {failures} mismatches")
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
