#!/usr/bin/env python3
"""Writes Tests/Document/, the Word documents DocumentReaderTests read:

- python-docx.docx: made with python-docx — a title and year above a 自评表 whose title row spans
  every column, 一级/二级 merged down (vMerge), a rectangle merged across and down, a line break, a tab
  and two paragraphs in one cell, empty cells; paragraphs between it and a second table; a third table
  with a table inside a cell.
- libreoffice.docx: the same document opened and saved again by LibreOffice (headless), which writes
  its own runs, grid and merge markup. Skipped, with a message, without soffice.
- libreoffice-changes.docx: written by LibreOffice from libreoffice-changes.fodt (OpenDocument, by hand
  below): tracked changes (an insertion and a deletion in a cell), fields (a fixed date, a page
  number), merged cells and a nested table, as LibreOffice writes them into WordprocessingML.
- handmade.docx: written part by part below for what none of these producers writes: the strict
  namespace, old Word's hMerge, gridBefore/gridAfter, a row and a paragraph mark deleted as tracked
  changes, moved text, nested complex fields, a simple field, content controls (one showing its
  placeholder), symbols, a non-breaking hyphen, xml:space, AlternateContent, ruby, an equation.
"""
import pathlib, shutil, subprocess, tempfile, zipfile

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

out = pathlib.Path(__file__).resolve().parent

doc = docx.Document()
doc.add_paragraph("项目支出绩效自评表")
doc.add_paragraph("（2023年度）")
doc.add_paragraph("")
doc.add_paragraph("单位：万元")

headers = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
form = doc.add_table(rows=11, cols=8)
form.style = "Table Grid"
form.cell(0, 0).merge(form.cell(0, 7)).text = "绩效指标"
for column, header in enumerate(headers):
    form.cell(1, column).text = header
rows = [
    ["培训人数", "≥500人", "520人", "20", "20", ""],
    ["合格率", "≥95%", "98.5%", "20", "19.7", None],
    ["完成时间", "2023年12月31日前", "2023年11月30日", "10", "10", ""],
    ["就业率", "≥80%", "85%", "30", "30", ""],
    ["服务对象满意度", "≥90%", "93%", "10", "10", ""],
    ["培训机构满意度", "≥90%", "88%", "10", "5.7", "部分机构场地不足"],
]
for offset, (name, target, actual, weight, score, reason) in enumerate(rows):
    row = offset + 2
    for column, text in zip(range(2, 8), [name, target, actual, weight, score, reason]):
        if text is not None:
            form.cell(row, column).text = text
# A line break, a tab and a second paragraph in one cell.
cell = form.cell(3, 7)
run = cell.paragraphs[0].add_run("第一行")
run.add_break()
run.add_text("第二行")
second = cell.add_paragraph("原因")
second.add_run().add_tab()
second.add_run("见附件")
form.cell(2, 0).merge(form.cell(4, 0)).text = "产出指标（50分）"
form.cell(2, 1).merge(form.cell(3, 1)).text = "数量指标"
form.cell(4, 1).text = "时效指标"
form.cell(5, 0).merge(form.cell(7, 0)).text = "效益指标（50分）"
form.cell(5, 1).text = "社会效益指标"
form.cell(6, 1).merge(form.cell(7, 1)).text = "满意度指标"
form.cell(8, 0).merge(form.cell(8, 4)).text = "总分"
form.cell(8, 5).text = "100"
form.cell(8, 6).text = "95.4"
form.cell(8, 7).text = "优"
# A rectangle: two columns across (gridSpan) and two rows down (vMerge).
form.cell(9, 0).merge(form.cell(10, 1)).text = "其他需要说明事项"
form.cell(9, 2).merge(form.cell(10, 7)).text = "无"

doc.add_paragraph("说明：金额单位为万元。")
doc.add_paragraph("  ")
doc.add_paragraph("项目资金情况")
funds = doc.add_table(rows=2, cols=3)
for column, text in enumerate(["年初预算数", "全年预算数", "全年执行数"]):
    funds.cell(0, column).text = text
for column, text in enumerate(["100", "120", "118.5"]):
    funds.cell(1, column).text = text

doc.add_paragraph("附表")
outer = doc.add_table(rows=1, cols=2)
outer.cell(0, 0).text = "外层左"
holder = outer.cell(0, 1)
holder.paragraphs[0].add_run("内表之前")
inner = holder.add_table(rows=2, cols=2)
inner.cell(0, 0).text = "内1"
inner.cell(0, 1).text = "内2"
inner.cell(1, 0).merge(inner.cell(1, 1)).text = "内合并"
holder.add_paragraph("内表之后")
doc.add_paragraph("结尾")
doc.save(out / "python-docx.docx")

soffice = shutil.which("soffice")


def convert(source: pathlib.Path, target: pathlib.Path):
    if not soffice:
        print(f"soffice not found: {target.name} left as it is")
        return
    with tempfile.TemporaryDirectory() as work:
        staged = pathlib.Path(work) / (target.stem + source.suffix)
        shutil.copy(source, staged)
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{work}/profile", "--convert-to",
                        "docx:MS Word 2007 XML", "--outdir", f"{work}/out", str(staged)], check=True, capture_output=True)
        shutil.copy(pathlib.Path(work) / "out" / (target.stem + ".docx"), target)


convert(out / "python-docx.docx", out / "libreoffice.docx")
convert(out / "libreoffice-changes.fodt", out / "libreoffice-changes.docx")

W = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M = "http://purl.oclc.org/ooxml/officeDocument/math"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def tc(body, properties=""):
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{body}</w:tc>"


def p(*runs):
    return "<w:p>" + "".join(runs) + "</w:p>"


def r(text):
    return f"<w:r><w:t>{text}</w:t></w:r>"


GRID = "<w:tblGrid>" + '<w:gridCol w:w="1000"/>' * 4 + "</w:tblGrid>"
body = (
    p(r("手工表")) +
    # hMerge: A1 restart + B1 continue; gridBefore 1 in row 2, gridAfter 1; vMerge combined with a horizontal span.
    f"<w:tbl><w:tblPr/>{GRID}"
    "<w:tr>" + tc(p(r("横向合并")), '<w:hMerge w:val="restart"/>') + tc(p(r("被盖住")), "<w:hMerge/>")
    + tc(p(r("C1")), '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>') + "</w:tr>"
    '<w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>' + tc(p(r("B2")))
    + tc(p(), '<w:gridSpan w:val="2"/><w:vMerge w:val="continue"/>') + "</w:tr>"
    # A row deleted as a tracked change.
    '<w:tr><w:trPr><w:del w:id="1" w:author="x" w:date="2024-01-01T00:00:00Z"/></w:trPr>' + tc(p(r("删除的行"))) + tc(p(r("删除的行"))) + "</w:tr>"
    "<w:tr>" + tc(
        # A deleted paragraph mark joins the paragraph with the next; moved text counts where it went.
        '<w:p><w:pPr><w:rPr><w:del w:id="2" w:author="x" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr>' + r("接") + "</w:p>"
        + p(r("续"), '<w:moveFrom w:id="3" w:author="x"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom>',
            '<w:moveTo w:id="4" w:author="x"><w:r><w:t>新位置</w:t></w:r></w:moveTo>'),
        '<w:tcPrChange w:id="5" w:author="x"><w:tcPr><w:gridSpan w:val="3"/></w:tcPr></w:tcPrChange>')
    # Nested complex fields: an IF whose condition holds a MERGEFIELD; only the outer result shows.
    + tc(p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>'
           '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>MERGEFIELD 分值</w:instrText></w:r>'
           '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>20</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
           '<w:r><w:instrText xml:space="preserve"> = 20 "满分" "扣分" </w:instrText></w:r>'
           '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>满分</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'))
    + tc(p('<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>3</w:t></w:r></w:fldSimple>', r("页")))
    + tc(p('<w:r><w:t xml:space="preserve">  留空格  </w:t></w:r>', "<w:r><w:t>  去空格  </w:t></w:r>")) + "</w:tr>"
    "<w:tr>"
    # Content controls: one filled in, one still showing its placeholder, one around a whole cell.
    + tc(p('<w:sdt><w:sdtPr><w:alias w:val="实际完成值"/></w:sdtPr><w:sdtContent><w:r><w:t>98%</w:t></w:r></w:sdtContent></w:sdt>'))
    + tc(p('<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>单击或点击此处输入文字。</w:t></w:r></w:sdtContent></w:sdt>'))
    + '<w:sdt><w:sdtPr/><w:sdtContent>' + tc(p(r("控件单元格"))) + "</w:sdtContent></w:sdt>"
    # Symbols, a non-breaking hyphen, a soft hyphen, AlternateContent, ruby and an equation.
    + tc(p('<w:r><w:sym w:font="Symbol" w:char="F0B3"/><w:t>90</w:t><w:sym w:font="Wingdings 2" w:char="F052"/>'
           '<w:t>2023</w:t><w:noBreakHyphen/><w:t>2024</w:t><w:softHyphen/><w:sym w:font="Webdings" w:char="F021"/></w:r>'
           f'<mc:AlternateContent xmlns:mc="{MC}"><mc:Choice Requires="w14"><w:r><w:t>新版</w:t></w:r></mc:Choice>'
           "<mc:Fallback><w:r><w:t>旧版</w:t></w:r></mc:Fallback></mc:AlternateContent>"
           '<w:ruby><w:rubyPr/><w:rt><w:r><w:t>jì</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>绩</w:t></w:r></w:rubyBase></w:ruby>'
           f'<m:oMath xmlns:m="{M}"><m:f><m:num><m:r><m:t>B</m:t></m:r></m:num><m:den><m:r><m:t>A</m:t></m:r></m:den></m:f></m:oMath>'))
    + "</w:tr></w:tbl>"
    + p(r("之后"))
    + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>'
)
parts = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/main.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    "_rels/.rels": f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
    'Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="word/main.xml"/></Relationships>',
    "word/main.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>',
}
with zipfile.ZipFile(out / "handmade.docx", "w", zipfile.ZIP_DEFLATED) as z:
    for name, text in parts.items():
        z.writestr(name, text.encode())
for path in sorted(out.glob("*.docx")):
    print(path.name, path.stat().st_size, "bytes")
