#!/usr/bin/env python3
"""Prints the printed-form fixtures (Fixtures/forms/, issue 17) to PDF as a unit prints them, and writes the
multi-table document and the benchmark document (issue 18, items 5 and 6).

  forms/   every .xlsx of Fixtures/forms/MANIFEST.json (the openpyxl ones, L1-L8, L10), each sheet set to print
           as offices print a wide form: A4 landscape, fitted to one page wide (so no table is cut into column
           pages), as many pages tall as it needs; then LibreOffice prints it (calc_pdf_Export). Beside each PDF
           its `pdftotext -layout` text (.layout.txt), which the layout-text tests read without poppler.
  document/决算-document.pdf
           a document laid out like a seed 决算: a title page, a contents page, pages of prose, then tables
           (L1 project tables and the L6 unit table) with prose between them; written as HTML and printed by
           LibreOffice (writer_pdf_Export). Its tables are listed in document/MANIFEST.json.

Usage:  python3 Fixtures/pdf/make-pdfs.py [--bench OUT.pdf | --variants OUT [VARIANT...]]
  --bench OUT.pdf   instead, writes a document of 100 pages with 30 tables (not committed: bench/README.md).
  --variants OUT    instead, prints the form fixtures other ways (VARIANTS: rows fitted to their text, the
                    workbook's own column widths, a larger type) under OUT/<variant>/, each with a MANIFEST.json.
Needs: openpyxl; LibreOffice (soffice); poppler-utils (pdftotext) for the .layout.txt files.
A private LibreOffice profile under /tmp keeps the run apart from any other LibreOffice.
"""

import copy
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FORMS = ROOT / "Fixtures" / "forms"


def soffice(args, outdir):
    profile = Path(tempfile.gettempdir()) / f"lo-jixiao-pdf-{os.getuid()}"
    command = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore"] + args + ["--outdir", str(outdir)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)


def layout_text(pdf):
    if shutil.which("pdftotext") is None:
        return
    out = pdf.with_suffix(".layout.txt")
    subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), str(out)], check=True, timeout=120)


# Other ways a unit prints the same workbook (--variants): the reader's rules must not hang on one print.
VARIANTS = {
    # Every row as high as its text needs (LibreOffice's optimal height): nothing overflows into the next row.
    "fitted-rows": {"widen": 4 / 3, "fit_rows": True},
    # The columns as wide as the workbook sets them: texts wrap onto more lines, numbers sit closer.
    "narrow-columns": {"widen": 1.0},
    # A larger type (every font two points up) in columns half again as wide, the rows as much higher as
    # the type is (a row only one line high would print its text over the next: no office prints so).
    "large-type": {"widen": 1.5, "font_step": 2},
}


def print_workbook(source, target, widen=4 / 3, fit_rows=False, font_step=0):
    """The workbook as printed: landscape A4, one page wide, its columns a third wider (as a unit widens
    them before printing, so that no number prints as ### in a column too narrow for it)."""
    book = openpyxl.load_workbook(source)
    for sheet in book.worksheets:
        for dimension in list(sheet.column_dimensions.values()):
            if dimension.width:
                dimension.width = dimension.width * widen
        if fit_rows:
            for dimension in sheet.row_dimensions.values():
                dimension.height = None
        if font_step:
            for dimension in sheet.row_dimensions.values():
                if dimension.height:
                    dimension.height = dimension.height * (11 + font_step) / 11
            for row in sheet.iter_rows():
                for cell in row:
                    font = copy.copy(cell.font)
                    font.sz = (font.sz or 11) + font_step
                    cell.font = font
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    with tempfile.TemporaryDirectory() as work:
        saved = Path(work) / source.name
        book.save(saved)
        soffice(["--convert-to", "pdf:calc_pdf_Export", str(saved)], Path(work))
        shutil.move(Path(work) / (source.stem + ".pdf"), target)


def forms(folder=HERE / "forms", variant=None):
    manifest = json.loads((FORMS / "MANIFEST.json").read_text(encoding="utf-8"))
    entries = []
    for file in manifest["files"]:
        path = Path(file["path"])
        if file["format"] != "xlsx" or "libreoffice" in path.parts:
            continue
        target = folder / (path.stem + ".pdf")
        target.parent.mkdir(parents=True, exist_ok=True)
        print_workbook(ROOT / path, target, **(VARIANTS[variant] if variant else {}))
        if variant is None:
            layout_text(target)
        entries.append({
            "path": str(target.relative_to(ROOT)) if target.is_relative_to(ROOT) else str(target),
            "printedFrom": str(path),
            "layout": file["layout"],
            "tables": [{key: t[key] for key in ("expected", "expectedResult", "readingFindings") if key in t}
                       for t in file["tables"]],
        })
    return entries


# The document: prose and tables as a 决算 prints them.

PROSE = (
    "根据《中华人民共和国预算法》和财政部关于部门决算公开的要求，现将本部门2023年度部门决算公开如下。"
    "本部门主要职责是贯彻落实国家和自治区关于工业和信息化发展的方针政策，拟订并组织实施行业规划和产业政策，"
    "推动产业结构调整和优化升级，承担工业和信息化领域的统筹协调工作。"
)


def runs(values):
    """Lengths of the runs of equal values, each at its first index (a merged cell's rowspan)."""
    spans = {}
    index = 0
    while index < len(values):
        end = index
        while end + 1 < len(values) and values[end + 1] == values[index]:
            end += 1
        spans[index] = end - index + 1
        index = end + 1
    return spans


def text(value):
    return "" if value is None else html.escape(str(value))


def html_table(t):
    """One self-evaluation table as the L1 national form prints it: merged levels, funds with sources."""
    funds = t.get("funds") or {}
    rows = []
    rows.append(f'<tr><td>项目名称</td><td colspan="8">{text(t.get("name"))}</td></tr>')
    rows.append(f'<tr><td>主管部门</td><td colspan="3">{text(t.get("department"))}</td><td>实施单位</td><td colspan="4">{text(t.get("implementer"))}</td></tr>')
    sources = funds.get("sources") or []
    rows.append(f'<tr><td rowspan="{2 + len(sources)}">项目资金（万元）</td><td></td><td>年初预算数</td><td>全年预算数</td><td>全年执行数</td><td>分值</td><td>执行率</td><td colspan="2">得分</td></tr>')
    rows.append("<tr><td>年度资金总额</td>" + "".join(f"<td>{text(funds.get(k))}</td>" for k in ["initialBudget", "annualBudget", "executed", "weight", "claimedRate"]) + f'<td colspan="2">{text(funds.get("claimedScore"))}</td></tr>')
    for number, source in enumerate(sources):
        name = ("其中：" if number == 0 else "") + source["name"]
        rows.append(f"<tr><td>{text(name)}</td>" + "".join(f"<td>{text(source.get(k)) or '—'}</td>" for k in ["initialBudget", "annualBudget", "executed"]) + '<td>—</td><td>—</td><td colspan="2">—</td></tr>')
    goals = t.get("goals") or {}
    rows.append('<tr><td rowspan="2">年度总体目标</td><td colspan="4">预期目标</td><td colspan="4">实际完成情况</td></tr>')
    rows.append(f'<tr><td colspan="4">{text(goals.get("expected"))}</td><td colspan="4">{text(goals.get("actual"))}</td></tr>')
    rows.append("<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td><td colspan=\"2\">偏差原因分析及改进措施</td></tr>")
    items = t["indicators"]
    level1 = runs([i.get("level1") for i in items])
    level2 = runs([(i.get("level1"), i.get("level2")) for i in items])
    for index, item in enumerate(items):
        cells = []
        if index in level1:
            cells.append(f'<td rowspan="{level1[index]}">{text(item.get("level1"))}</td>')
        if index in level2:
            cells.append(f'<td rowspan="{level2[index]}">{text(item.get("level2"))}</td>')
        for key in ["name", "target", "actual", "weight", "claimedScore"]:
            cells.append(f"<td>{text(item.get(key))}</td>")
        cells.append(f'<td colspan="2">{text(item.get("explanation"))}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    weights = sum(float(i["weight"]) for i in items if i.get("weight") not in (None, ""))
    rows.append(f'<tr><td colspan="5">总分</td><td>{weights:g}</td><td>{text(t.get("claimedTotal"))}</td><td colspan="2">{text(t.get("claimedGrade"))}</td></tr>')
    return (f'<p class="title">项目支出绩效自评表</p><p class="year">（{t.get("year", 2023)}年度）</p>'
            f'<table>{"".join(rows)}</table>')


STYLE = """<style>
body { font-family: 'Noto Sans CJK SC', 'Noto Serif CJK SC', sans-serif; font-size: 10.5pt; }
p { text-indent: 2em; line-height: 1.6; }
p.title { text-align: center; font-size: 16pt; text-indent: 0; font-weight: bold; }
p.year { text-align: center; text-indent: 0; }
p.cover { text-align: center; font-size: 22pt; text-indent: 0; margin-top: 6em; }
p.page { page-break-before: always; }
table { border-collapse: collapse; width: 100%; font-size: 8pt; }
td { border: 1px solid black; padding: 2pt; vertical-align: middle; text-align: center; }
</style>"""

DOCUMENT_TABLES = ["004-employee-funds", "004-industry-chain-relocation", "004-central-industrial-foundation",
                   "004-work-team-subsidy"]


def document_html(tables, prose_pages=3):
    parts = [f"<html><head><meta charset=\"utf-8\">{STYLE}</head><body>"]
    parts.append('<p class="cover">乌鲁木齐高新技术产业开发区（新市区）工业和信息化局</p>'
                 '<p class="cover">2023年度部门决算</p>')
    parts.append('<p class="title" style="page-break-before: always">目录</p>' + "".join(
        f'<p>第{n}部分　{title}</p>' for n, title in enumerate(["部门概况", "部门决算表", "部门决算情况说明", "名词解释", "附件：绩效自评表"], 1)))
    for page in range(prose_pages):
        parts.append(f'<p class="title" style="page-break-before: always">第{page + 1}部分　部门决算情况说明</p>')
        parts += [f"<p>{PROSE}</p>" for _ in range(6)]
    for number, table in enumerate(tables):
        parts.append(f'<p style="page-break-before: always">附件{number + 1}：</p>')
        parts.append(f"<p>本项目绩效自评情况如下：{PROSE[:60]}</p>")
        parts.append(html_table(table))
    parts.append("</body></html>")
    return "".join(parts)


def write_document(target, table_ids, prose_pages=3):
    tables = [json.loads((ROOT / "Fixtures" / i / "table.json").read_text(encoding="utf-8")) for i in table_ids]
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / (target.stem + ".html")
        source.write_text(document_html(tables, prose_pages), encoding="utf-8")
        soffice(["--convert-to", "pdf:writer_pdf_Export", "--infilter=HTML (StarWriter)", str(source)], Path(work))
        shutil.move(Path(work) / (target.stem + ".pdf"), target)


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "--variants":
        # The form fixtures printed each other way, under OUT/<variant>/, with a manifest per variant.
        out = Path(sys.argv[2]).resolve()
        for variant in sys.argv[3:] or VARIANTS:
            folder = out / variant
            entries = forms(folder, variant)
            (folder / "MANIFEST.json").write_text(json.dumps({
                "about": f"The form fixtures printed by make-pdfs.py --variants ({variant}); each table's expected result as in Fixtures/forms/MANIFEST.json.",
                "files": entries}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return
    if len(sys.argv) == 3 and sys.argv[1] == "--bench":
        # 30 tables (the four document tables over and over) after 68 parts of prose: 100 pages.
        write_document(Path(sys.argv[2]), (DOCUMENT_TABLES * 8)[:30], prose_pages=68)
        return
    document = HERE / "document" / "决算-document.pdf"
    document.parent.mkdir(parents=True, exist_ok=True)
    write_document(document, DOCUMENT_TABLES)
    layout_text(document)
    (HERE / "document" / "MANIFEST.json").write_text(json.dumps({
        "about": "A document laid out like a seed 决算 (cover, contents, prose, then tables), made by make-pdfs.py; its tables in order.",
        "files": [{"path": str(document.relative_to(ROOT)), "tables": [
            {"expected": i, "expectedResult": f"Fixtures/{i}/expected.json"} for i in DOCUMENT_TABLES]}]},
        ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    entries = forms()
    (HERE / "forms" / "MANIFEST.json").write_text(
        json.dumps({"about": "The form fixtures printed to PDF by make-pdfs.py; each table's expected result as in Fixtures/forms/MANIFEST.json.",
                    "files": entries}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
