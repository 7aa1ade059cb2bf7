import Foundation
import Testing

@testable import Jixiao

/// How a printed form becomes records: by the batch's reader, each table one record; what the form prints
/// that no field holds is reported, never dropped.
@Suite struct FormReadingTests {
  /// A form CSV: a title, a name, an indicator block with a column no field holds, a total row, and a row
  /// below the total row that belongs to no part.
  static let form = """
    项目支出绩效自评表
    项目名称,测试项目
    一级指标,二级指标,三级指标,分值,得分,备用列
    产出指标,数量指标,培训人次,100,100,某值
    总分,,,100,100,
    杂项,附注

    """

  static func results(_ text: String, file: String = "form.csv") -> [TableReader.Record] {
    TableReader.read(Array(text.utf8), file: file)
  }

  @Test func aFormCSVIsReadAsAForm() throws {
    let records = Self.results(Self.form)
    guard records.count == 1, case .table(let table) = records[0] else {
      Issue.record("one table expected, got \(records)")
      return
    }
    #expect(table.name == "测试项目")
    #expect(table.indicators.map(\.name) == ["培训人次"])
    #expect(table.claimedTotal == Rational(100))
    let findings = Scorer(profile: defaultProfile).score(table).findings
    #expect(findings.contains { $0.code == .columnIgnored && $0.message.contains("备用列") && $0.message.contains("第 F 列") })
    #expect(findings.contains { $0.code == .cellUnparseable && $0.message.contains("杂项") && $0.message.contains("A6") })
  }

  /// A flat CSV (its first row a header of indicator columns) is still read as one.
  @Test func aFlatCSVIsNoForm() {
    #expect(!CSVGridReader.isPrintedForm(firstBlock: Array("一级指标,二级指标,三级指标,分值\n".utf8)))
    #expect(CSVGridReader.isPrintedForm(firstBlock: Array(Self.form.utf8)))
  }

  /// `isPrintedForm(firstBlock:)` reads the block piece by piece up to its first record that holds
  /// something; the definition is the grid of the whole block. The first record is put past a piece
  /// boundary, across one (a quoted cell with a line end in it), after a byte-order mark, in GB18030 and
  /// in UTF-16, with each line end.
  @Test func theFirstRecordReadPieceByPieceDecidesAsTheWholeGrid() throws {
    let piece = CSVGridReader.firstRecordPiece
    var texts: [String] = []
    for first in [Self.form, "一级指标,二级指标,三级指标,分值\n产出指标,数量指标,培训人次,100\n", "\"项目支出\n绩效自评表\",\n项目名称,测试项目\n"] {
      for blankRows in [0, piece / 4 - 1, piece / 4, piece / 4 + 1, piece / 2 + 3] {
        texts.append(String(repeating: ",,,\n", count: blankRows) + first)
      }
      texts.append(String(repeating: " ", count: piece - 3) + "," + first)
    }
    texts +=
      texts.map { $0.replacingOccurrences(of: "\n", with: "\r\n") } + texts.map { $0.replacingOccurrences(of: "\n", with: "\r") }
    var inputs: [[UInt8]] = []
    for text in texts {
      inputs.append(Array(text.utf8))
      inputs.append([0xEF, 0xBB, 0xBF] + Array(text.utf8))
      inputs.append(Array(try #require(text.data(using: CSVTextDecoder.gb18030))))
      inputs.append([0xFF, 0xFE] + Array(try #require(text.data(using: .utf16LittleEndian))))
    }
    var printedForms = 0
    for bytes in inputs {
      let expected = CSVGridReader.isPrintedForm(try CSVGridReader.read(bytes: bytes, file: "form.csv"))
      #expect(CSVGridReader.isPrintedForm(firstBlock: bytes) == expected, "\(bytes.prefix(64))")
      if expected { printedForms += 1 }
    }
    // Both answers are tried: the forms (the first and third texts, also after a row of spaces, which is a
    // corner row above the form) and the flat header.
    #expect(printedForms == inputs.count * 2 / 3)
  }

  @Test func aFormWithoutIndicatorsIsOneRejection() {
    let records = Self.results("项目支出绩效自评表\n项目名称,测试项目\n")
    #expect(records.count == 1)
    guard case .rejected(let error) = records.first else { return #expect(Bool(false), "\(records)") }
    #expect(error.location.file == "form.csv")
  }

  @Test func aWorkbookThatCannotBeReadIsOneRejectionNamingIt() {
    let records = TableReader.read(Array("not a workbook".utf8), file: "broken.xlsx")
    #expect(records.count == 1)
    guard case .rejected(let error) = records.first else { return #expect(Bool(false), "\(records)") }
    #expect(error.location.file == "broken.xlsx")
  }

  /// The batch reads a workbook whole and gives every table of every sheet as a record, in order.
  @Test func theBatchReadsEveryTableOfAWorkbook() {
    let path = repositoryRoot.appendingPathComponent("Fixtures/forms/L1/L1-national.xlsx").path
    var records: [TableReader.Record] = []
    RecordReader(path: path, format: nil).read { records += $0.decode() }
    let expected = FormFixtureTests.manifest.first { $0.path == "Fixtures/forms/L1/L1-national.xlsx" }?.tables.count
    #expect(records.count == expected)
    #expect(records.allSatisfy { if case .table = $0 { true } else { false } })
  }

  @Test func theFileNameSaysTheFormat() {
    #expect(TableReader.format(forPath: "a/表.XLSX") == .xlsx)
    #expect(TableReader.format(forPath: "表.docx") == .docx)
    #expect(TableReader.baseName("a/表.xlsx") == "表")
  }
}

extension FormReadingTests {
  /// Each value is set with the cell it is printed in: sheet and cell, or for a CSV file, line and cell.
  @Test func everyValueSaysWhereItIsPrinted() throws {
    let bytes = try Array(Data(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/forms/L1/L1-national.xlsx")))
    let grid = try SpreadsheetReader.read(bytes: bytes, file: "L1-national.xlsx")[0]
    let form = try #require(FormLocator().forms(in: grid).first)
    let reader = PrintedFormTable(form: form, number: 1)
    var builder = reader.makeBuilder(recordingProvenance: true)
    reader.fill(&builder)
    let provenance = try #require(builder.provenance)
    func fields(_ field: TableField) -> [String] { provenance.filter { $0.field == field }.compactMap(\.location.field) }
    // MANIFEST.json: year A2, funds total row 6, indicators from row 12, weight sum G20 and claimed total H20.
    #expect(fields(.year) == ["自评表1!A2"])
    #expect(fields(.claimedTotal) == ["自评表1!H20"])
    #expect(fields(.weight).first == "自评表1!G12")
    #expect(fields(.fundsAnnualBudget).first?.hasSuffix("6") == true)

    let csv = Array(Self.form.utf8)
    let csvForm = try #require(FormLocator().forms(in: CSVGridReader.read(bytes: csv, file: "form.csv")).first)
    let csvReader = PrintedFormTable(form: csvForm, number: 1)
    var csvBuilder = csvReader.makeBuilder(recordingProvenance: true)
    csvReader.fill(&csvBuilder)
    let weight = try #require(csvBuilder.provenance?.first { $0.field == .weight })
    #expect(weight.location.line == 4 && weight.location.field == "D4")
  }
}
