#!/usr/bin/env python3
"""Writes Tests/Archive/xlsx/, the workbooks SpreadsheetReaderTests read:

- openpyxl.xlsx: made with openpyxl — a form's title and indicator block with merged cells, percent,
  thousands and date formats, formulas (openpyxl saves no results), a boolean, an error value, rich text,
  a hidden sheet, a chart sheet, a second visible sheet.
- libreoffice.xlsx: the same workbook opened and saved again by LibreOffice (headless), which computes
  the formulas and writes its own styles and shared strings. Skipped, with a message, without soffice.
- handmade.xlsx: written part by part below for what neither producer writes: inline strings, a
  prefixed main namespace, cells and rows without references, the 1904 date system, `_x000D_` escapes,
  phonetic runs, Chinese built-in and custom date formats, a currency format with sections, a shared
  string index that does not exist, a formula without a result, a strict-OOXML date cell.
"""
import datetime, pathlib, shutil, subprocess, tempfile, zipfile

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

out = pathlib.Path(__file__).resolve().parent / "xlsx"
out.mkdir(exist_ok=True)

wb = Workbook()
ws = wb.active
ws.title = "绩效自评表"
ws["A1"] = "项目支出绩效自评表"
ws.merge_cells("A1:H1")
ws["A2"] = "（2024年度）"
ws.merge_cells("A2:H2")
ws["A3"] = "项目名称"
ws["B3"] = "职业技能培训补贴"
ws.merge_cells("B3:D3")
ws["E3"] = "年度预算"
ws["F3"] = 1782.65
ws["F3"].number_format = "#,##0.00"
for column, header in zip("ABCDEFGH", ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "完成率"]):
    ws[f"{column}4"] = header
ws["A5"] = "产出指标（50分）"
ws.merge_cells("A5:A7")
ws["B5"] = "数量指标"
ws.merge_cells("B5:B6")
ws["C5"] = "培训人数"
ws["D5"] = "≥500人"
ws["E5"] = 520
ws["F5"] = 20
ws["G5"] = 20
ws["H5"] = 1
ws["H5"].number_format = "0%"
ws["C6"] = CellRichText(["合格", TextBlock(InlineFont(b=True), "率")])
ws["D6"] = "≥95%"
ws["E6"] = 0.985
ws["E6"].number_format = "0.00%"
ws["F6"] = 20
ws["G6"] = "=F6*E6"
ws["H6"] = "#REF!"
ws["B7"] = "时效指标"
ws["C7"] = "完成时间"
ws["D7"] = "2024年12月31日前"
ws["E7"] = datetime.date(2024, 11, 30)
ws["E7"].number_format = "yyyy/m/d"
ws["F7"] = 10
ws["G7"] = 10
ws["H7"] = True
ws["A8"] = "总分"
ws["F8"] = "=SUM(F5:F7)"
ws["G8"] = "=SUM(G5:G7)"
ws["H8"] = 0.1 + 0.2  # stored as 0.30000000000000004
ws["A9"] = datetime.datetime(2024, 3, 1, 8, 30)
ws["A9"].number_format = "yyyy-mm-dd h:mm"

hidden = wb.create_sheet("下拉选项")
hidden["A1"] = "优"
hidden["A2"] = "良"
hidden.sheet_state = "hidden"
wb.create_chartsheet("图表")
other = wb.create_sheet("Sheet3")
other["B2"] = -1234.5
other["B2"].number_format = "#,##0.00;[Red]-#,##0.00"
other["C3"] = 0
other["C3"].number_format = '0.00;-0.00;"零"'
other["D4"] = 12345678
other["D4"].number_format = "#,##0,"
wb.save(out / "openpyxl.xlsx")

soffice = shutil.which("soffice")
if soffice:
    with tempfile.TemporaryDirectory() as work:
        shutil.copy(out / "openpyxl.xlsx", pathlib.Path(work) / "libreoffice.xlsx")
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{work}/profile", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                        "--outdir", f"{work}/out", f"{work}/libreoffice.xlsx"], check=True, capture_output=True)
        shutil.copy(pathlib.Path(work) / "out" / "libreoffice.xlsx", out / "libreoffice.xlsx")
else:
    print("soffice not found: libreoffice.xlsx left as it is")

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
parts = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/></Types>',
    "_rels/.rels": f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{TYPE}officeDocument" Target="/xl/workbook.xml"/></Relationships>',
    "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{PKG}">'
    f'<Relationship Id="r1" Type="{TYPE}worksheet" Target="worksheets/a%20sheet.xml"/>'
    f'<Relationship Id="r2" Type="{TYPE}sharedStrings" Target="sharedStrings.xml"/>'
    f'<Relationship Id="r3" Type="{TYPE}styles" Target="../xl/styles.xml"/></Relationships>',
    "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<x:workbook xmlns:x="{MAIN}" xmlns:r="{REL}">'
    '<x:workbookPr date1904="1"/><x:sheets><x:sheet name="手写" sheetId="1" r:id="r1"/></x:sheets></x:workbook>',
    "xl/sharedStrings.xml": f'<sst xmlns="{MAIN}" count="3" uniqueCount="3">'
    '<si><t>第一行_x000D_\n第二行</t></si>'
    '<si><r><rPr><b/></rPr><t xml:space="preserve">满意度 </t></r><r><t>调查</t></r><rPh sb="0" eb="1"><t>まんぞく</t></rPh><phoneticPr fontId="1"/></si>'
    '<si><t>A &amp; B &lt;C&gt;</t></si></sst>',
    "xl/styles.xml": f'<styleSheet xmlns="{MAIN}"><numFmts count="4">'
    '<numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'
    '<numFmt numFmtId="165" formatCode="[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy"/>'
    '<numFmt numFmtId="166" formatCode="&quot;¥&quot;#,##0.00_);[Red]\\(&quot;¥&quot;#,##0.00\\)"/>'
    '<numFmt numFmtId="167" formatCode="0.0%"/></numFmts>'
    '<cellStyleXfs count="1"><xf numFmtId="10"/></cellStyleXfs>'
    '<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="167"/>'
    '<xf numFmtId="31"/><xf numFmtId="20"/></cellXfs></styleSheet>',
    "xl/worksheets/a sheet.xml": f'<worksheet xmlns="{MAIN}"><sheetData>'
    '<row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c><c t="inlineStr"><is><t>内联</t></is></c>'
    '<c t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c></row>'
    # 1904 system: serial 0 is 1904-01-01; 43830 is 2024-01-01.
    '<row><c s="1"><v>43830</v></c><c s="2"><v>43830</v></c><c s="5"><v>0</v></c><c s="6"><v>0.5</v></c></row>'
    '<row r="4"><c r="B4" s="3"><v>-1234.5</v></c><c r="C4" s="3"><v>1234.5</v></c><c r="D4" s="4"><v>0.1234</v></c>'
    '<c r="E4" s="4"><v>1.2345E-1</v></c><c r="F4"><v>-0.30000000000000004</v></c><c r="G4"><v>1E+3</v></c></row>'
    '<row r="6"><c r="A6" t="s"><v>7</v></c><c r="B6"><f>A1+1</f></c><c r="C6" t="d"><v>2024-05-06</v></c>'
    '<c r="D6" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E6" t="b"><v>0</v></c><c r="F6" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>'
    '<c r="G6"><v>abc</v></c><c r="H6" s="1"><v>-1</v></c></row>'
    '</sheetData><mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="B6:C7"/></mergeCells>'
    '<extLst><ext uri="x"><c r="Z9"><v>9</v></c></ext></extLst></worksheet>',
}
with zipfile.ZipFile(out / "handmade.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for name, text in parts.items():
        z.writestr(name, text.encode())
for path in sorted(out.glob("*.xlsx")):
    print(path.name, path.stat().st_size, "bytes")
