import Foundation
import Testing

@testable import Jixiao

/// Issue 17 item 5 beyond the indicator block: what a printed form prints in its funds, header, goals,
/// remarks, corner and sign-off is read into a field, reported, or listed by `jixiao extract` — never lost.
@Suite struct NothingDroppedTests {
  static func table(_ form: String) throws -> Table {
    try only(TableReader.read(Array(form.utf8), file: "form.csv")) { if case .table(let table) = $0 { table } else { nil } }
  }

  static func extracted(_ form: String) throws -> ExtractedTable {
    try only(TableReader.extract(Array(form.utf8), file: "form.csv")) { if case .table(let table) = $0 { table } else { nil } }
  }

  /// The one table of what was read.
  static func only<Record, Found>(_ records: [Record], _ table: (Record) -> Found?) throws -> Found {
    guard records.count == 1, let found = table(records[0]) else {
      Issue.record("one table expected, got \(records)")
      throw Failure()
    }
    return found
  }

  struct Failure: Error {}

  static func findings(_ table: Table) -> [Finding] { Scorer(profile: defaultProfile).score(table).findings }

  // MARK: Funds block

  /// A funds column no field holds (资金总额（万元）) is reported once for the table, with its header and
  /// column; the columns beside it are read.
  @Test func aFundsColumnNoFieldHoldsIsReportedOnce() throws {
    let table = try Self.table(
      """
      项目支出绩效自评表
      项目名称,测试项目
      项目资金（万元）,,全年预算数,全年执行数,资金总额（万元）
      ,年度资金总额,100,90,100
      ,其中：财政拨款,100,90,100
      一级指标,二级指标,三级指标,分值,得分
      产出指标,数量指标,培训人次,90,90
      总分,,,100,

      """)
    #expect(table.funds?.annualBudget == Rational(100) && table.funds?.executed == Rational(90))
    let ignored = Self.findings(table).filter { $0.code == .columnIgnored }
    #expect(ignored.count == 1)
    #expect(ignored.first?.message.contains("资金总额（万元）") == true && ignored.first?.message.contains("资金块第 E 列") == true)
    #expect(ignored.first?.message.contains("如它是全年预算数、全年执行数等的另一种写法") == true)
  }

  /// A funds block none of whose columns is a funds field gives the table no funds (an empty one would
  /// count the profile's funds weight and score it zero), and says so at the block's label.
  @Test func aFundsBlockWithNoColumnReadIsNoFundsBlock() throws {
    let table = try Self.table(
      """
      项目支出绩效自评表
      项目名称,测试项目
      "年度预算
      （万元）",资金来源,资金总额（万元）
      ,上级安排,50
      ,本级安排,20
      一级指标,二级指标,三级指标,分值,得分
      产出指标,数量指标,培训人次,100,100
      总分,,,100,100

      """)
    #expect(table.funds == nil)
    let result = Scorer(profile: defaultProfile).score(table)
    #expect(result.funds == nil)
    #expect(
      result.findings.contains { $0.code == .cellUnparseable && $0.message.contains("资金块“年度预算（万元）”（A3）") })
    #expect(result.findings.contains { $0.code == .columnIgnored && $0.message.contains("资金总额（万元）") })
    #expect(!result.findings.contains { $0.code == .weightsSum || $0.code == .fundsNoBudget })
  }

  /// A funds block whose columns are known but left blank is the table's, blank: the unit left it empty.
  @Test func aBlankFundsBlockOfKnownColumnsStays() throws {
    let table = try Self.table(
      """
      项目支出绩效自评表
      项目名称,测试项目
      项目资金（万元）,,全年预算数,全年执行数,分值
      ,年度资金总额,,,
      一级指标,二级指标,三级指标,分值,得分
      产出指标,数量指标,培训人次,90,90
      总分,,,100,

      """)
    #expect(table.funds != nil)
    #expect(!Self.findings(table).contains { $0.code == .columnIgnored })
  }

  /// A source row's amounts under the headers L3 and L4 print (调整后预算数, 全年预算数(A), 全年执行数(B)) are
  /// the source's, as the total row's are the block's; a second label of a row is kept, and a number under
  /// no header is reported.
  @Test func sourceRowsAreReadUnderEveryHeaderOfTheBlock() throws {
    let form = """
      项目支出绩效自评表
      项目名称,测试项目
      项目资金（万元）,,年初预算数,调整后预算数,全年执行数(B),分值,执行率,得分,
      ,年度资金总额,10,12,12,10,100%,10,
      ,其中：财政拨款,10,12,12,—,—,—,
      财政资金,上级安排,0,0,0,,100%,,5

      一级指标,二级指标,三级指标,分值,得分
      产出指标,数量指标,培训人次,90,90
      总分,,,100,100

      """
    let table = try Self.table(form)
    let sources = try #require(table.funds?.sources)
    #expect(sources.map(\.name) == ["财政拨款", "财政资金"])
    #expect(sources.map(\.annualBudget) == [Rational(12), .zero] && sources.map(\.executed) == [Rational(12), .zero])
    #expect(
      Self.findings(table).contains { $0.code == .cellUnparseable && $0.message.contains("I6") && $0.message.contains("“5”") })
    let listed = try Self.extracted(form).unreadTexts.map { "\($0.part)|\($0.text)" }
    #expect(listed == ["资金块“财政资金”|上级安排", "资金块“财政资金”“执行率”|100%"], "\(listed)")
  }

  /// A row printing only a level's name that no indicator is under (a note saved from a merged cell into
  /// the 一级指标 column) is reported; a level name heading the rows below it, or printed again on them, is
  /// structure.
  @Test func aLevelNameOverNoIndicatorIsReported() throws {
    let table = try Self.table(
      """
      项目支出绩效自评表
      项目名称,测试项目
      一级指标,二级指标,三级指标,分值,得分
      产出指标,,,,
      ,数量指标,培训人次,50,50
      效益指标,,,,
      效益指标,社会效益指标,就业人数,50,50
      注：另附说明,,,,
      总分,,,100,100

      """)
    #expect(table.indicators.map(\.level1) == ["产出指标", "效益指标"])
    let reported = Self.findings(table).filter { $0.code == .cellUnparseable && $0.location == .table }
    #expect(
      reported.map(\.message).count == 1 && reported.first?.message.contains("注：另附说明") == true, "\(reported.map(\.message))")
  }

  // MARK: Header, goals, remarks, corner, sign-off

  /// A form that prints, besides its fields, a form number beside its title, a phone number in its header
  /// block, its goals, a remark and who filled it in.
  static let talkativeForm = """
    项目支出绩效自评表,,公开14表
    （2023年度）
    项目名称,测试项目
    联系电话,0908-1234567
    项目负责人,
    项目资金（万元）,,全年预算数,全年执行数,分值,执行率,得分
    ,年度资金总额,10,10,10,100%,10
    年度总体目标,预期目标,,实际完成情况
    ,培训 100 人次,,完成培训 100 人次
    一级指标,二级指标,三级指标,分值,得分
    产出指标,数量指标,培训人次,90,90
    其他需要说明事项,无
    总分,,,100,100
    填报人：张三,,联系电话,0908-7654321

    """

  /// What no field holds and no score depends on is listed by extract with its cell, and is no finding.
  @Test func extractListsWhatNoFieldHoldsWithItsCell() throws {
    let extracted = try Self.extracted(Self.talkativeForm)
    let listed = extracted.unreadTexts.map { "\($0.part)|\($0.text)|\($0.location.field ?? "")" }
    #expect(
      listed == [
        "表角|公开14表|C1", "表头“联系电话”|0908-1234567|B4", "备注“其他需要说明事项”|无|B12", "表尾|填报人：张三|A14",
        "表尾“联系电话”|0908-7654321|D14",
      ], "\(listed)")
    let json = String(decoding: ExtractJSON.document([extracted]), as: UTF8.self)
    #expect(json.contains("表头“联系电话”的“0908-1234567”（B4）"))
    // The goals are fields of the table now, each with its cell, not texts no field holds.
    #expect(!json.contains("完成培训 100 人次”（D9）"))
    #expect(json.contains(#""goals":{"expected":"培训 100 人次","actual":"完成培训 100 人次"}"#))
    #expect(json.contains(#""goals.expected":"B9""#) && json.contains(#""goals.actual":"D9""#))

    let table = try Self.table(Self.talkativeForm)
    #expect(table.name == "测试项目" && table.funds?.annualBudget == Rational(10))
    #expect(table.goals == Goals(expected: "培训 100 人次", actual: "完成培训 100 人次"))
    let reading = Self.findings(table).filter {
      ($0.code == .cellUnparseable || $0.code == .columnIgnored) && $0.location == .table
    }
    #expect(reading.isEmpty, "\(reading.map(\.message))")
  }

  /// A Word form's paragraphs above its table that are neither its title nor its year are listed, with the
  /// paragraph they are.
  @Test func paragraphsAboveAWordTableAreListed() throws {
    typealias Word = DocumentErrorTests
    let body =
      Word.paragraph("附件2") + Word.paragraph("项目支出绩效自评表") + Word.paragraph("（2023年度）")
      + Word.table(
        Word.row(Word.cell("项目名称"), Word.cell("测试项目"), Word.cell(""), Word.cell(""), Word.cell("")),
        Word.row(Word.cell("一级指标"), Word.cell("二级指标"), Word.cell("三级指标"), Word.cell("分值"), Word.cell("得分")),
        Word.row(Word.cell("产出指标"), Word.cell("数量指标"), Word.cell("培训人次"), Word.cell("100"), Word.cell("100")))
    let extracted = TableReader.extract(Word.document(body), file: "t.docx").compactMap {
      if case .table(let table) = $0 { table } else { nil }
    }
    let listed = extracted.first?.unreadTexts.map { "\($0.part)|\($0.text)|\($0.location.field ?? "")" }
    #expect(listed == ["表上方段落|附件2|表1, paragraph 1 above the table"], "\(listed ?? [])")
  }

  /// A sign-off row below the total row (a 联系电话 label first) is the form's, not the start of another
  /// table, nor a row that cannot be placed.
  @Test func aSignOffRowIsNoTableAndNoUnplacedRow() throws {
    let form = """
      项目支出绩效自评表
      项目名称,测试项目
      一级指标,二级指标,三级指标,分值,得分
      产出指标,数量指标,培训人次,100,100
      总分,,,100,100
      联系电话：,0908-7654321,填报日期：2024年1月5日

      """
    let table = try Self.table(form)
    #expect(!Self.findings(table).contains { $0.code == .cellUnparseable && $0.message.contains("0908") })
    let listed = try Self.extracted(form).unreadTexts.map(\.text)
    #expect(listed == ["0908-7654321", "填报日期：2024年1月5日"])
  }

  /// A row between the table's parts (after its remarks, before its total row) is reported, as is one below
  /// the total row that signs nothing.
  @Test func aRowBetweenPartsIsReported() throws {
    let table = try Self.table(
      """
      项目支出绩效自评表
      项目名称,测试项目
      一级指标,二级指标,三级指标,分值,得分
      产出指标,数量指标,培训人次,100,100
      其他需要说明事项,无
      附：另见说明
      总分,,,100,100

      """)
    #expect(
      Self.findings(table).contains { $0.code == .cellUnparseable && $0.message.contains("A6") && $0.message.contains("附：另见说明") })
  }

  /// A row below the total row that signs nothing is still reported.
  @Test func aStrayRowBelowTheTotalIsStillReported() throws {
    let table = try Self.table(FormReadingTests.form)
    #expect(Self.findings(table).contains { $0.code == .cellUnparseable && $0.message.contains("杂项") })
  }
}

/// Issue 17: hidden sheets (Excel's hidden and veryHidden) are read, and say so; a template's blank form
/// kept on one is no table.
@Suite struct HiddenSheetTests {
  static let template = """
    项目支出绩效自评表
    项目名称,
    一级指标,二级指标,三级指标,分值,年度指标值,实际完成值,得分
    总分,,,,,,
    """

  /// A table on a hidden sheet is scored with `sheet.hidden` naming the sheet; the visible one beside it
  /// without; a blank template on another hidden sheet and a list of choices are no table and no rejection.
  @Test func aHiddenSheetsTableIsReadAndSaid() throws {
    let bytes = ExampleWorkbook.bytes(sheets: [
      ("可见", ExampleWorkbook.form, false), ("往年", ExampleWorkbook.form.replacingOccurrences(of: "示例项目", with: "往年项目"), true),
      ("模板", Self.template, true), ("下拉选项", "优\n良\n中\n差", true),
    ])
    let records = TableReader.read(bytes, file: "t.xlsx")
    let tables = records.compactMap { if case .table(let table) = $0 { table } else { nil } }
    #expect(records.count == 2 && tables.map(\.name) == ["示例项目", "往年项目"], "\(records)")
    let scorer = Scorer(profile: defaultProfile)
    let hidden = tables.map { scorer.score($0).findings.filter { $0.code == .sheetHidden } }
    #expect(hidden[0].isEmpty)
    #expect(hidden[1].count == 1 && hidden[1].first?.message.contains("“往年”") == true && hidden[1].first?.severity == .info)
    #expect(tables[1].location.field == "往年!A1")
  }

  /// Workbooks as openpyxl and LibreOffice save them, with a list of choices on a hidden sheet: one table,
  /// from the visible sheet, not said to be hidden.
  @Test(arguments: ["openpyxl.xlsx", "libreoffice.xlsx"])
  func aHiddenListOfChoicesIsNoTable(file: String) throws {
    let bytes = try Array(Data(contentsOf: SpreadsheetReaderTests.directory.appendingPathComponent(file)))
    #expect(try SpreadsheetReader.read(bytes: bytes, file: file).contains { $0.isHidden })
    let records = TableReader.read(bytes, file: file)
    guard records.count == 1, case .table(let table) = records[0] else {
      Issue.record("\(records)")
      return
    }
    #expect(!Scorer(profile: defaultProfile).score(table).findings.contains { $0.code == .sheetHidden })
  }

  /// Extract lists the hidden sheet with what no field holds: the JSON, rescored, is no longer hidden.
  @Test func extractSaysTheSheetIsHidden() throws {
    let bytes = ExampleWorkbook.bytes(csv: ExampleWorkbook.form, hidden: true)
    let extracted = TableReader.extract(bytes, file: "t.xlsx").compactMap {
      if case .table(let table) = $0 { table } else { nil }
    }
    let json = String(decoding: ExtractJSON.document(extracted), as: UTF8.self)
    #expect(json.contains("工作表“自评表”是隐藏的"))
    #expect(extracted.first?.unreadableCount == 0)
  }
}

/// Issue 17 item 5: a sheet of a workbook that is not blank and holds no form is said on a table of the
/// workbook (`sheet.no-form`), never skipped silently; a blank or hidden one is not.
@Suite struct SheetWithoutFormTests {
  static func findings(_ sheets: [(name: String, csv: String, hidden: Bool)]) -> [[Finding]] {
    TableReader.read(ExampleWorkbook.bytes(sheets: sheets), file: "t.xlsx").compactMap {
      guard case .table(let table) = $0 else { return nil }
      return Scorer(profile: defaultProfile).score(table).findings.filter { $0.code == .sheetNoForm }
    }
  }

  @Test func aSheetOfInstructionsIsSaidOnTheTableBeforeIt() {
    let found = Self.findings([
      ("自评表", ExampleWorkbook.form, false), ("说明", "填表说明：金额单位为万元\n,各项指标按年度填报", false),
      ("第二张", ExampleWorkbook.form, false), ("空白", "", false), ("下拉选项", "优\n良", true),
    ])
    #expect(found.count == 2)
    #expect(
      found.first?.map(\.message) == [
        "同一工作簿的工作表“说明”中没有找到自评表或绩效目标表（A1 格为“填表说明：金额单位为万元”），未读入；若它是要复核的表，请按打印的样子排版（标题、项目名称、指标表头三级指标），或写成 JSON"
      ])
    #expect(found.last?.isEmpty == true)
    #expect(found.first?.first?.severity == .info)
  }

  @Test func sheetsBeforeTheFirstTableAreSaidOnIt() {
    let found = Self.findings([
      ("封面", "2023年度绩效自评材料", false), ("备注", ",,,注：另附说明", false), ("自评表", ExampleWorkbook.form, false),
    ])
    let messages = found.first?.map(\.message) ?? []
    #expect(found.count == 1 && messages.count == 2)
    #expect(messages.first?.contains("“封面”中没有找到自评表或绩效目标表（A1 格为“2023年度绩效自评材料”）") == true)
    #expect(messages.last?.contains("“备注”中没有找到自评表或绩效目标表（D1 格为“注：另附说明”）") == true)
  }

  @Test func extractListsTheSheet() throws {
    let bytes = ExampleWorkbook.bytes(sheets: [("自评表", ExampleWorkbook.form, false), ("说明", "填表说明", false)])
    let extracted = TableReader.extract(bytes, file: "t.xlsx").compactMap {
      if case .table(let table) = $0 { table } else { nil }
    }
    let json = String(decoding: ExtractJSON.document(extracted), as: UTF8.self)
    #expect(json.contains("工作表“说明”中没有自评表或绩效目标表，未读入（说明!A1：“填表说明”）"))
    #expect(extracted.first?.unreadableCount == 0)
  }
}
