#!/usr/bin/env python3
"""Writes the malformed-input corpus and its manifest. Each case: the input file and what jixiao must
do with it (tables scored, records rejected with line/field/message, findings raised). Run it to
regenerate; the files are committed, the test reads MANIFEST.jsonl."""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
cases = []

def table(indicators=None, **extra):
    t = {"name": "测试项目", "year": 2024, "indicators": indicators if indicators is not None else [ind()]}
    t.update(extra)
    return t

def ind(**fields):
    i = {"name": "次数", "weight": 10, "target": ">=5次", "actual": "5次", "claimedScore": 10}
    i.update(fields)
    return {k: v for k, v in i.items() if v is not ...}

def case(name, content, tables=0, rejected=(), findings=(), note="", absent=()):
    path = os.path.join(HERE, name)
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    entry = {"file": name, "tables": tables, "rejected": list(rejected), "findings": list(findings), "note": note}
    if absent: entry["absent"] = list(absent)
    cases.append(entry)

def rej(contains, line=None, field=None):
    r = {"contains": contains}
    if line is not None: r["line"] = line
    if field is not None: r["field"] = field
    return r

J = lambda obj: json.dumps(obj, ensure_ascii=False)

# Files and encodings
case("empty.json", "", rejected=[rej("empty", line=1)], note="an empty file")
case("whitespace-only.json", "  \n\t\n", rejected=[rej("empty")], note="only whitespace")
case("empty.jsonl", "", note="an empty JSON Lines file is no record")
case("bom.json", b"\xef\xbb\xbf" + J(table()).encode(), tables=1, note="a UTF-8 byte-order mark")
case("bom.jsonl", b"\xef\xbb\xbf" + J(table()).encode() + b"\n", tables=1, note="a BOM before the first line")
case("crlf.jsonl", (J(table()) + "\r\n") * 3, tables=3, note="CRLF line ends")
case("crlf-pretty.json", json.dumps(table(), ensure_ascii=False, indent=2).replace("\n", "\r\n"), tables=1, note="a pretty document with CRLF")
case("truncated.json", J(table())[:-20], rejected=[rej("unexpected end of input")], note="a document cut short")
case("truncated-last-line.jsonl", J(table()) + "\n" + J(table())[:40], tables=1, rejected=[rej("end of input", line=2)], note="the last line cut short")
case("garbage-lines.jsonl", "\n".join([J(table()), "not json at all", J(table()), "{\"name\": ", "]", J(table())]) + "\n", tables=3,
     rejected=[rej("unexpected text", line=2), rej("end of input", line=4), rej("unexpected", line=5)], note="garbage between good lines")
case("array-line.jsonl", "[1, 2, 3]\n" + J(table()) + "\n", tables=1, rejected=[rej("expected one table object", line=1)], note="an array on a JSONL line")
case("scalar-document.json", "42", rejected=[rej("expected a table object")], note="a number as the document")
case("trailing-garbage.json", J(table()) + " }", rejected=[rej("after the end")], note="text after the object")
case("invalid-utf8.json", J(table(name="x")).encode().replace(b'"x"', b'"\xff\xfe"'), rejected=[rej("not valid UTF-8")], note="invalid UTF-8 in a string")
case("invalid-utf8.jsonl", J(table()).encode() + b"\n" + J(table(name="y")).encode().replace(b'"y"', b'"\xc3"') + b"\n" + J(table()).encode() + b"\n",
     tables=2, rejected=[rej("not valid UTF-8", line=2)], note="invalid UTF-8 on one line of three")
case("nul-in-string.json", J(table(name="a")).encode().replace(b'"a"', b'"a\x00b"'), rejected=[rej("control character")], note="a raw NUL byte inside a string")
case("nul-escaped.json", J(table(name="a\u0000b")), tables=1, note="an escaped NUL is text")
case("nul-outside.json", b"\x00" + J(table()).encode(), rejected=[rej("unexpected byte 0x0")], note="a NUL before the document")
case("lone-surrogate.json", J(table()).replace('"测试项目"', '"\\ud800"'), rejected=[rej("surrogate")], note="a lone surrogate escape")
case("bad-escape.json", J(table()).replace('"测试项目"', '"a\\qb"'), rejected=[rej("unknown escape")], note="an unknown escape")

# Types and required fields
case("missing-name.json", J({"indicators": [ind()]}), tables=1, findings=["name.missing"], note="no project name: a finding, the table is scored")
case("missing-indicators.json", J({"name": "x"}), rejected=[rej('"indicators" is missing', field="indicators")], note="no indicators")
case("indicator-without-name.json", J(table([ind(), {"weight": 5}])), tables=1, findings=["name.missing@2"], note="an indicator without a name: a finding on its row, the row unverified, the table scored")
case("null-name.json", J({"name": None, "indicators": [ind()]}), tables=1, findings=["name.missing"], note="null as the project name")
case("empty-name.json", J({"name": "  ", "indicators": [ind()]}), tables=1, findings=["name.missing"], note="a blank project name")
case("no-indicator.json", J({"name": "x", "indicators": [{}, {"evidence": None}]}), rejected=[rej("no indicator", field="indicators")], note="indicators with nothing in them: no indicator to score")
case("indicators-empty.json", J({"name": "x", "indicators": [], "funds": {"annualBudget": "10", "executed": "10"}}), rejected=[rej("no indicator", field="indicators")], note="a funds block and no indicator")
case("indicators-object.json", J({"name": "x", "indicators": {"a": 1}}), rejected=[rej("expected an array", field="indicators")], note="an object where an array is expected")
case("indicator-number.json", J({"name": "x", "indicators": [5]}), rejected=[rej("expected an object", field="indicators[1]")], note="a number where an indicator is expected")
case("weight-text.json", J(table([ind(weight="abc")])), tables=1, findings=["cell.unparseable@1"], note="text as a weight: the cell is refused, the table scored")
case("weight-bool.json", J(table([ind(weight=True)])), tables=1, findings=["cell.unparseable@1"], note="true as a weight")
case("weight-array.json", J(table([ind(weight=[10])])), tables=1, findings=["cell.unparseable@1"], note="an array as a weight")
case("name-object.json", J({"name": {"zh": "x"}, "indicators": [ind()]}), tables=1, findings=["name.missing"], note="an object as the name")
case("indicator-name-object.json", J(table([ind(name={"zh": "x"}), ind(name="b")])), tables=1, findings=["name.missing@1"], note="an object as an indicator's name")
case("level-array.json", J(table([ind(level1=["产出指标"])])), tables=1, findings=["cell.unparseable@1"], note="an array as a level: the cell is refused, the table scored")
case("kind-unknown.json", J(table(kind="programme")), tables=1, findings=["cell.unparseable"], note="an unknown kind: read as a project table, with a finding")
case("year-bad.json", J(table(year="明年")), tables=1, findings=["cell.unparseable"], note="a year that is not one")
case("grade-bad.json", J(table(claimedGrade="甲等")), tables=1, findings=["cell.unparseable"], note="an unknown grade")
case("funds-array.json", J(table(funds=[1])), rejected=[rej("expected an object", field="funds")], note="an array as the funds block")
case("duplicate-keys.json", '{"name": "a", "name": "b", "indicators": []}', rejected=[rej("appears twice")], note="a key twice in one object")
case("deep-nesting.json", '{"name": "x", "indicators": [], "extra": ' + "[" * 500 + "]" * 500 + "}", rejected=[rej("nesting deeper than 64")], note="500 levels of nesting in an unknown field")
case("unknown-fields.json", J(table(colour="red", extra={"a": [1, {"b": None}]})), tables=1, note="unknown fields are ignored")

# Numbers
case("nan.json", '{"name": "x", "indicators": [{"name": "a", "weight": NaN}]}', rejected=[rej("unexpected 'N'")], note="NaN is not JSON")
case("infinity.json", '{"name": "x", "indicators": [{"name": "a", "weight": Infinity}]}', rejected=[rej("unexpected 'I'")], note="Infinity is not JSON")
case("nan-string.json", J(table([ind(weight="NaN")])), tables=1, findings=["cell.unparseable@1"], note="NaN as text")
case("1e400.json", '{"name": "x", "indicators": [{"name": "a", "weight": 1e400}]}', tables=1, findings=["number.out-of-range@1"], note="1e400")
case("30-digits.json", '{"name": "x", "indicators": [{"name": "a", "weight": 123456789012345678901234567890}]}', tables=1, findings=["number.out-of-range@1"], note="a 30-digit number")
case("30-digit-cell.json", J(table([ind(target=">=123456789012345678901234567890次")])), tables=1, findings=["cell.unparseable@1"], note="a 30-digit number in a target")
case("leading-zero.json", '{"name": "x", "indicators": [{"name": "a", "weight": 010}]}', rejected=[rej("cannot start with 0")], note="a JSON number with a leading zero")
case("negative-weight.json", J(table([ind(weight=-5), ind(name="b", weight=105)])), tables=1, findings=["weights.zero@1"], note="a negative weight")
case("zero-weight.json", J(table([ind(weight=0, claimedScore=0), ind(name="b", weight=100, claimedScore=100)])), tables=1, findings=["weights.zero@1"], note="a weight of 0")
case("huge-weight.json", J(table([ind(weight="999999999999")])), tables=1, findings=["weights.sum"], note="an absurd weight, below the limit of 10^12")
case("weight-1e30.json", '{"name": "x", "indicators": [{"name": "a", "weight": 1e30, "target": ">=5次", "actual": "5次", "claimedScore": 10}]}', tables=1, findings=["number.out-of-range@1"], note="a weight of 1e30")
case("weight-1e17-text.json", J(table([ind(weight="100000000000000000")])), tables=1, findings=["number.out-of-range@1"], note="a weight of 10^17 as text")
case("score-comma.json", J(table([ind(claimedScore="10,0")])), tables=1, findings=["cell.unparseable@1"], note="a claimed score 10,0: refused, never read as 100")
case("weight-space.json", J(table([ind(weight="1 0")])), tables=1, findings=["cell.unparseable@1"], note="a weight 1 0: refused, never read as 10")
case("weight-percent.json", J(table([ind(weight="10％")])), tables=1, findings=["cell.unparseable@1"], note="a weight 10％: % is for rates only")
case("budget-grouping.json", J(table(funds={"annualBudget": "1,0000", "executed": "5", "weight": 10, "claimedScore": 10})), tables=1, findings=["cell.unparseable@funds"], note="a budget 1,0000: separators group by three")
case("total-text.json", J(table(claimedTotal="九十分")), tables=1, findings=["cell.unparseable"], note="a claimed total in words")
case("weights-sum-overflow.json", J(table([ind(weight="0.0000000000000000000000000001"), ind(name="b", weight="999999999999.3")])), tables=1, findings=["number.out-of-range"], note="weights whose sum cannot be held exactly")
case("weights-sum-zero.json", J(table([ind(weight=0, claimedScore=0), ind(name="b", weight=0, claimedScore=0)])), tables=1, findings=["weights.sum", "weights.zero@1", "weights.zero@2"], note="weights summing to 0")
case("zero-budget.json", J(table(funds={"annualBudget": "0", "executed": "5", "weight": 10, "claimedScore": 10})), tables=1, findings=["funds.no-budget@funds"], note="a budget of 0")
case("negative-budget.json", J(table(funds={"annualBudget": "-100", "executed": "5", "weight": 10})), tables=1, findings=["funds.no-budget@funds"], note="a negative budget")
case("negative-executed.json", J(table(funds={"annualBudget": "100", "executed": "-5", "weight": 10, "claimedScore": 10})), tables=1, findings=["score.over-claimed@funds"], note="negative spending scores 0")
case("no-executed.json", J(table(funds={"annualBudget": "100", "weight": 10, "claimedScore": 10})), tables=1, findings=["cell.unparseable@funds"], note="no executed amount")

# Cells
case("target-operator-only.json", J(table([ind(target=">=")])), tables=1, findings=["cell.unparseable@1"], note="a target of only an operator")
case("target-percent-only.json", J(table([ind(target="%")])), tables=1, findings=["qualitative.unclassified@1"], note="a target of only %: text, and 5次 reads as no band")
case("target-negative.json", J(table([ind(target="≥-5%", actual="-3%")])), tables=1, note="a negative target met")
case("impossible-date-feb30.json", J(table([ind(target="2024年2月30日前", actual="2024年2月1日")])), tables=1, findings=["cell.unparseable@1"], note="2月30日")
case("impossible-month-13.json", J(table([ind(target="2024年13月1日前", actual="2024年1月1日")])), tables=1, findings=["cell.unparseable@1"], note="13月")
case("actual-impossible-date.json", J(table([ind(target="2024年3月1日前", actual="2024年2月31日")])), tables=1, findings=["cell.unparseable@1"], note="an impossible actual date")
case("long-cell.json", J(table([ind(target="有" * 5000)])), tables=1, findings=["cell.unparseable@1"], note="a 5,000-character cell: refused for its cell, never cut")
case("target-empty-weighted.json", J(table([ind(target="")])), tables=1, findings=["cell.unparseable@1"], note="a blank target with a weight")
case("incompatible-units.json", J(table([ind(target=">=1辆", actual="=1%")])), tables=1, findings=["unit.incompatible@1"], note="辆 against %")
case("no-weight.json", J(table([ind(weight=None)])), tables=1, findings=["weights.missing@1"], note="no weight")

# CSV
H = "项目名称,主管部门,年度,一级指标,二级指标,三级指标,权重,目标值,业绩值,指标得分\n"
ROW = lambda n, name="次数": f"{n},局,2024,产出指标,数量指标,{name},10,>=1次,1次,10\n"
case("csv-header-only.csv", H, note="a header and no rows")
case("csv-unbalanced-quotes.csv", H + ROW("甲") + '乙,局,2024,产出指标,数量指标,"次数,10,>=1次,1次,10\n' + ROW("丙"), tables=1,
     rejected=[rej("never closed", line=3)], note="an unclosed quote swallows the rest; the table before it is read")
case("csv-ragged.csv", H + ROW("甲") + "乙,局,2024,产出指标\n" + ROW("丙") + ROW("丁") + "丁,局,2024,产出指标,数量指标,天数,10,>=1天,1天,10,extra\n", tables=2,
     rejected=[rej("4 cells, the header has 10", line=3), rej("11 cells", line=6)], note="short and long rows reject their table")
case("csv-unknown-headers.csv", "甲,乙,丙\n1,2,3\n", rejected=[rej("三级指标", line=1)], note="no column jixiao can use")
case("csv-bom-crlf.csv", b"\xef\xbb\xbf" + (H + ROW("甲") + ROW("乙")).replace("\n", "\r\n").encode(), tables=2, note="BOM and CRLF")
case("csv-embedded-newline.csv", H + '甲,局,2024,产出指标,数量指标,"次\n数",10,>=1次,1次,10\n' + ROW("乙"), tables=2, note="a newline inside a quoted cell")
case("csv-invalid-utf8.csv", H.encode() + ROW("甲").encode() + "乙,局,2024,产出指标,数量指标,".encode() + b"\xff\xfe,10,>=1,1,10\n" + ROW("丙").encode(),
     tables=2, rejected=[rej("not valid UTF-8", line=3)], note="invalid UTF-8 in one row")
case("csv-quote-in-field.csv", H + '甲,局,2024,产出指标,数量指标,"次"数,10,>=1次,1次,10\n', rejected=[rej("after a closing quote", line=2)], note="text after a closing quote")
case("csv-apart.csv", H + ROW("甲") + ROW("乙") + ROW("甲", "天数"), tables=2, rejected=[rej("not together", line=4)], note="a table's rows apart")
case("csv-bad-number.csv", H + "甲,局,2024,产出指标,数量指标,次数,十,>=1次,1次,10\n", tables=1, findings=["cell.unparseable@1"], note="a weight in words")

# CSV line ends, quotes, encodings and headers (issue 16)
case("csv-cr-only.csv", (H + ROW("甲") + ROW("甲", "天数") + ROW("乙")).replace("\n", "\r"), tables=2, note="old-Mac line ends: a lone CR")
case("csv-mixed-line-ends.csv", H.replace("\n", "\r") + ROW("甲").replace("\n", "\r\n") + '乙,局,2024,产出指标,数量指标,"次\r数",10,>=1次,1次,10\n' + ROW("丙").replace("\n", "\r") + "丁,局,2024,产出指标\n",
     tables=3, rejected=[rej("4 cells", line=6)], note="CR, CRLF and LF in one file; a CR inside a quoted cell is text and a line")
case("csv-unclosed-quote-row-start.csv", H + ROW("甲") + ROW("甲", "天数") + '"甲,局,2024,产出指标,数量指标,人数,10,>=1人,1人,10\n' + ROW("甲", "户数") + ROW("乙"),
     rejected=[rej("never closed", line=4)], note="a row opens a quote that never closes: its table is refused, not scored from the rows above")
case("csv-nul.csv", H + ROW("甲") + "乙,局,2024,产出指标,数量指标,次\0数,10,>=1次,1次,10\n" + ROW("丙"), tables=2, rejected=[rej("NUL byte", line=3)], note="a raw NUL in a cell")
case("csv-duplicate-columns.csv", H.replace("\n", ",年度指标值\n") + ROW("甲").replace("\n", ",>=5次\n"), rejected=[rej("目标值 (column H) and 年度指标值 (column K)", line=1)],
     note="目标值 and 年度指标值: two columns for one field")
case("csv-unreadable-header.csv", H.replace("三级指标", "三级\0指标") + ROW("甲") + ROW("乙"), rejected=[rej("the header row cannot be read", line=1)], note="a header with a NUL: the file is refused once")
case("csv-gbk.csv", (H + ROW("甲") + ROW("乙")).replace("\n", "\r\n").encode("gb18030"), tables=2, note="GBK with CRLF, as Excel on Chinese Windows saves CSV")
case("csv-utf16le.csv", b"\xff\xfe" + (H + ROW("甲") + ROW("乙")).encode("utf-16-le"), tables=2, note="UTF-16LE with its byte-order mark")
case("csv-utf16be.csv", b"\xfe\xff" + (H + ROW("甲") + ROW("乙")).encode("utf-16-be"), tables=2, note="UTF-16BE with its byte-order mark")
case("csv-utf16-tabs.csv", b"\xff\xfe" + (H + ROW("甲")).replace(",", "\t").encode("utf-16-le"), rejected=[rej("separated by tabs", line=1)], note="Excel's Unicode text: UTF-16 and tabs")
case("csv-latin1.csv", ("name,year,indicator,weight,target,actual\n" + "t1,2024,x,100,>=1,1\n" + "t2,2024,x,50,>=1,1\n" + "t2,2024,café,50,>=1,1\n" + "t3,2024,x,100,>=1,1\n").encode("latin-1"),
     tables=1, rejected=[rej("neither UTF-8 nor GB18030", line=4)], note="Latin-1: refused once at its first non-ASCII line, with the table being read; the whole table above is read")
case("csv-big5.csv", "項目名稱,年度,三級指標,權重,目標值,業績值\n甲,2024,次數,100,>=1次,1次\n".encode("big5"), rejected=[rej("read as GB18030", line=1)], note="Big5 reads as GB18030 into wrong characters: the header is not found, said once")

# Reading as units fill tables in (issue 17): a bad row costs its row, columns belong to each table
case("weights-110.json", J(table([ind(weight=60, claimedScore=60), ind(name="b", weight=50, target=">=10次", actual="5次", claimedScore=40)], claimedTotal=100, claimedGrade="优")),
     tables=1, findings=["weights.sum", "score.over-claimed@2"], absent=["total.over-claimed", "grade.inflated"], note="weights adding up to 110: the items are compared, the total and grade are not (a total over 100)")
case("level-points.json", J(table([ind(level1="产出指标（50分）", level2="数量指标", weight=30), ind(name="b", level1="产出指标（50分）", level2="质量指标", weight=15)])),
     tables=1, findings=["weights.level-sum"], absent=["structure.misplaced-level2"], note="产出指标（50分）: the level 产出 with its points, checked against its indicators")
HC = "项目名称,年度,一级指标,二级指标,三级指标,权重,目标值,业绩值,指标得分,佐证资料\n"
case("csv-blank-indicator-name.csv", HC + "甲,2024,产出指标,数量指标,次数,50,>=1次,1次,50,资料\n" + "甲,2024,产出指标,数量指标,,50,>=1次,1次,50,资料\n",
     tables=1, findings=["name.missing@2"], note="a blank 三级指标: a finding on its row, the table scored")
case("csv-weight-with-unit.csv", HC + "甲,2024,产出指标,数量指标,次数,10（分）,>=1次,1次,10,资料\n" + "甲,2024,产出指标,数量指标,天数,90,>=1天,1天,90,资料\n",
     tables=1, findings=["cell.unparseable@1"], note="a weight 10（分）: refused for its cell, the row unverified, the table scored")
case("csv-merged-name.csv", HC + "甲,2024,预算执行率,,,10,100,90,9,\n" + ",2024,产出指标,数量指标,次数,90,>=1次,1次,90,资料\n" + ",2024,总分,,,100,,,99,\n",
     tables=1, absent=["weights.sum", "name.missing"], note="项目名称 blank below its first row (a merged cell saved as CSV): one table, its total row read as the claimed total")
case("csv-total-row.csv", HC + "甲,2024,产出指标,数量指标,次数,100,>=1次,1次,100,资料\n" + "甲,2024,,,合计,100,,,100,优\n",
     tables=1, absent=["name.missing", "weights.sum"], note="a 合计 row copied from the form: the claimed total and grade, no indicator")
case("csv-ignored-column.csv", "项目名称,三级指标,权重,指标性质,指标值,度量单位,业绩值\n甲,次数,100,≧,735,人次,800人次\n乙,次数,100,,>=1次,,1次\n",
     tables=2, findings=["column.ignored"], note="指标性质 and 度量单位 are not read: said once for the table that fills them")
case("csv-evidence-per-table.csv", HC + "甲,2024,产出指标,数量指标,次数,100,>=1次,1次,100,资料\n" + "乙,2024,产出指标,数量指标,次数,50,>=1次,1次,50,\n" + "乙,2024,产出指标,数量指标,天数,50,>=1天,1天,50,\n",
     tables=2, absent=["evidence.missing@1", "evidence.missing@2"], note="佐证资料 filled in one table only: the other table has no such column and no evidence.missing")
case("csv-level-points.csv", HC + "甲,2024,产出指标（50分）,数量指标,次数,50,>=1次,1次,50,资料\n" + "甲,2024,效益指标(30分),社会效益指标,影响,30,有效,有效,30,资料\n"
     + "甲,2024,满意度指标,满意度指标,满意度,20,>=90%,95%,20,资料\n",
     tables=1, absent=["structure.missing-level1", "weights.level-sum"], note="levels printed with their points read as 产出 and 效益")

# Printed forms saved as CSV: what the form prints that no field holds is reported or kept, never dropped.
FORM = "项目支出绩效自评表\r\n项目名称,测试项目\r\n"
INDICATORS = "一级指标,二级指标,三级指标,分值,年度指标值,实际完成值,得分\r\n产出指标,数量指标,次数,100,>=1次,1次,100\r\n总分,,,100,,,100\r\n"
case("form-unplaced-row.csv", FORM + "年度总体目标,培训 100 人次\r\n" + INDICATORS.replace("总分", "注：另附说明,,,,,,\r\n总分") + ",,,,,,,杂项\r\n",
     tables=1, findings=["cell.unparseable"], note="a form's row in no part (a remark across the block, a cell below the total row): reported cell by cell, the table scored")
case("form-funds-unread.csv", FORM + "年度预算（万元）,资金来源,资金总额（万元）\r\n,上级安排,10\r\n" + INDICATORS,
     tables=1, findings=["cell.unparseable", "column.ignored"], absent=["funds.no-budget"],
     note="a funds block none of whose columns jixiao reads: no funds (not an empty block scored zero), said at its label and its column")
case("form-sign-off.csv", FORM + "联系电话,0908-1234567\r\n" + INDICATORS + "填报人：张三,,联系电话：,0908-7654321\r\n",
     tables=1, absent=["cell.unparseable"], note="a phone number in the header block and who filled the form in, below its total: kept (jixiao extract lists them), no finding")

with open(os.path.join(HERE, "MANIFEST.jsonl"), "w", encoding="utf-8") as f:
    for c in cases:
        f.write(json.dumps(c, ensure_ascii=False) + "\n")
print(len(cases), "cases")
