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

Usage:  python3 Fixtures/pdf/make-pdfs.py [--bench OUT.pdf]
  --bench OUT.pdf   instead, writes a document of 100 pages with 30 tables (not committed: bench/README.md).
Needs: openpyxl; LibreOffice (soffice); poppler-utils (pdftotext) for the .layout.txt files.
A private LibreOffice profile under /tmp keeps the run apart from any other LibreOffice.
"""

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


def print_workbook(source, target):
    """The workbook as printed: landscape A4, one page wide."""
    book = openpyxl.load_workbook(source)
    for sheet in book.worksheets:
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    with tempfile.TemporaryDirectory() as work:
        copy = Path(work) / source.name
        book.save(copy)
        soffice(["--convert-to", "pdf:calc_pdf_Export", str(copy)], Path(work))
        shutil.move(Path(work) / (source.stem + ".pdf"), target)


def forms():
    manifest = json.loads((FORMS / "MANIFEST.json").read_text(encoding="utf-8"))
    entries = []
    for file in manifest["files"]:
        path = Path(file["path"])
        if file["format"] != "xlsx" or "libreoffice" in path.parts:
            continue
        target = HERE / "forms" / (path.stem + ".pdf")
        target.parent.mkdir(parents=True, exist_ok=True)
        print_workbook(ROOT / path, target)
        layout_text(target)
        entries.append({
            "path": str(target.relative_to(ROOT)),
            "printedFrom": str(path),
            "layout": file["layout"],
            "tables": [{"expected": t["expected"], "expectedResult": t["expectedResult"]} for t in file["tables"]],
        })
    return entries


# The document: prose and tables as a 决算 prints them.

PROSE = (
    "根据《中华人民共和国预算法》和财政部关于部门决算公开的要求，现将本部门2023年度部门决算公开如下。"
    "本部门主要职责是贯彻落实国家和自治区关于工业和信息化发展的方针政策，拟订并组织实施行业规划和产业政策，"
    "推动产业结构调整和优化升级，承担工业和信息化领域的统筹协调工作。"
)


def html_table(table):
    """One self-evaluation table in HTML, laid out as the L1 national form."""
    t = table
    funds = t.get("funds") or {}
    rows = []
    esc = html.escape
    rows.append(f'<tr><td>项目名称</td><td colspan="8">{esc(t.get("projectName", t.get("unit", "")))}</td></tr>')
    rows.append(f'<tr><td>主管部门</td><td colspan="3">{esc(t.get("department", ""))}</td><td>实施单位</td><td colspan="4">{esc(t.get("implementingUnit", t.get("department", "")))}</td></tr>')
    if funds:
        def show(key):
            value = funds.get(key)
            return "" if value is None else esc(str(value))
        rows.append('<tr><td rowspan="2">项目资金（万元）</td><td></td><td>年初预算数</td><td>全年预算数</td><td>全年执行数</td><td>分值</td><td>执行率</td><td colspan="2">得分</td></tr>')
        rows.append(f'<tr><td>年度资金总额</td><td>{show("initialBudget")}</td><td>{show("annualBudget")}</td><td>{show("executed")}</td><td>{show("weight")}</td><td>{show("claimedRate")}</td><td colspan="2">{show("claimedScore")}</td></tr>')
    rows.append('<tr><td>一级指标</td><td>二级指标</td><td colspan="2">三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td><td>偏差原因分析及改进措施</td></tr>')
    for item in t["indicators"]:
        values = [item.get("level1"), item.get("level2"), item.get("name"), item.get("target"), item.get("actual"),
                  item.get("weight"), item.get("claimedScore"), item.get("explanation")]
        cells = []
        for index, value in enumerate(values):
            span = ' colspan="2"' if index == 2 else ""
            cells.append(f"<td{span}>{'' if value is None else esc(str(value))}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    total = t.get("claimedTotal")
    grade = t.get("claimedGrade", "")
    rows.append(f'<tr><td colspan="6">总分</td><td>100</td><td>{esc(str(total)) if total is not None else ""}</td><td>{esc(grade or "")}</td></tr>')
    title = "项目支出绩效自评表"
    year = t.get("year", 2023)
    return (f'<p class="title">{title}</p><p class="year">（{year}年度）</p>'
            f'<table>{"".join(rows)}</table>')


def main():
    entries = forms()
    (HERE / "forms" / "MANIFEST.json").write_text(
        json.dumps({"about": "The form fixtures printed to PDF by make-pdfs.py; each table's expected result as in Fixtures/forms/MANIFEST.json.",
                    "files": entries}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
