import Foundation
import Testing

@testable import Jixiao

/// Every .xlsx (openpyxl's and LibreOffice's), .docx and form CSV of `Fixtures/forms/`, located and checked
/// against `MANIFEST.json`: each table's anchors (a Word form's title and year may be paragraphs above its
/// table), and each indicator's names, target, actual, weight and claimed score against the table the
/// manifest names.
@Suite struct FormLocatorFixtureTests {
  struct ManifestTable: @unchecked Sendable {
    var sheet: String?
    var anchors: [String: Any]
    var expected: String
  }

  struct ManifestFile: Sendable, CustomTestStringConvertible {
    var path: String
    var format: String
    var tables: [ManifestTable]
    var testDescription: String { path }
  }

  static let files: [ManifestFile] = {
    let url = repositoryRoot.appendingPathComponent("Fixtures/forms/MANIFEST.json")
    guard let data = try? Data(contentsOf: url), let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let files = root["files"] as? [[String: Any]]
    else { return [] }
    return files.compactMap { file in
      guard let path = file["path"] as? String, let format = file["format"] as? String, ["xlsx", "docx", "csv"].contains(format),
        let tables = file["tables"] as? [[String: Any]]
      else { return nil }
      return ManifestFile(
        path: path, format: format,
        tables: tables.map {
          // A document's tables are numbered; their grids are named 表1, 表2….
          ManifestTable(
            sheet: $0["sheet"] as? String ?? ($0["table"] as? Int).map { "表\($0)" },
            anchors: $0["anchors"] as? [String: Any] ?? [:], expected: $0["expected"] as? String ?? "")
        })
    }
  }()

  @Test func theManifestListsEveryWorkbookDocumentAndCSV() {
    // Both producers' workbooks (11 each), the two Word documents (L1, L6) and the four CSV files.
    #expect(Self.files.filter { $0.format == "xlsx" }.count == 22)
    #expect(Self.files.filter { $0.format == "docx" }.count == 2)
    #expect(Self.files.filter { $0.format == "csv" }.count == 4)
  }

  static func grids(_ file: ManifestFile) throws -> [Grid] {
    let bytes = [UInt8](try Data(contentsOf: repositoryRoot.appendingPathComponent(file.path)))
    switch file.format {
    case "xlsx": return try SpreadsheetReader.read(bytes: bytes, file: file.path)
    case "docx": return try DocumentReader.read(bytes: bytes, file: file.path)
    default: return [try CSVGridReader.read(bytes: bytes, file: file.path)]
    }
  }

  @Test(arguments: files)
  func everyTableIsFoundWithEveryAnchor(file: ManifestFile) throws {
    let grids = try Self.grids(file)
    if file.format == "csv" { #expect(CSVGridReader.isPrintedForm(grids[0])) }
    var located: [(Grid, PrintedForm)] = []
    for grid in grids { located += FormLocator().forms(in: grid).map { (grid, $0) } }
    try #require(located.count == file.tables.count, "\(located.map { "\($0.1.sheet) \($0.1.rows)" })")
    for ((grid, form), table) in zip(located, file.tables) {
      let context = Comment(rawValue: "\(file.path) \(table.sheet ?? "") \(table.expected)")
      if let sheet = table.sheet { #expect(form.sheet == sheet, context) }
      try checkAnchors(form, grid: grid, table, context)
      try checkIndicators(form, table, context)
      #expect(form.unplacedRows.isEmpty, "\(context): \(form.unplacedRows)")
      #expect(form.unnamedColumns.isEmpty, "\(context): \(form.unnamedColumns)")
    }
  }

  private func row(_ anchors: [String: Any], _ name: String) -> Int? { (anchors[name] as? Int).map { $0 - 1 } }
  private func cell(_ anchors: [String: Any], _ name: String) -> CellReference? {
    (anchors[name] as? String).flatMap { CellReference($0) }
  }

  private func checkAnchors(_ form: PrintedForm, grid: Grid, _ table: ManifestTable, _ context: Comment) throws {
    let anchors = table.anchors
    let expected = try expectedTable(table.expected)
    checkPrinted(form, form.title, anchors["title"], grid: grid, "title", context)
    checkPrinted(form, form.year?.printed, anchors["year"], grid: grid, "year", context)
    #expect(form.year?.year == expected["year"] as? Int, context)
    #expect(form.header.first?.label.reference.row == row(anchors, "headerRow"), context)
    #expect(form.funds?.label.cell.reference == cell(anchors, "funds"), context)
    #expect(form.funds?.totalRow == row(anchors, "fundsTotalRow"), context)
    #expect(form.goals?.label.reference == cell(anchors, "goals"), context)
    let headerRows =
      anchors["indicatorHeaderRow"] as? [Int] ?? [anchors["indicatorHeaderRow"] as! Int, anchors["indicatorHeaderRow"] as! Int]
    #expect(form.indicators?.headerRows == (headerRows[0] - 1)...(headerRows[1] - 1), context)
    #expect(form.indicators?.rows.first?.row == row(anchors, "firstIndicatorRow"), context)
    #expect(form.indicators?.rows.last?.row == row(anchors, "lastIndicatorRow"), context)
    #expect(form.notes.first?.label.reference.row == row(anchors, "noteRow"), context)
    #expect(form.total?.label.reference.row == row(anchors, "totalRow"), context)
    for (name, found) in [
      ("weightSum", form.total?.weightSum), ("claimedTotal", form.total?.claimedTotal), ("grade", form.total?.grade),
    ] {
      if let reference = cell(anchors, name) {
        #expect(found?.reference == reference, "\(context) \(name)")
      } else {
        let printed = found?.text ?? ""
        #expect(printed.isEmpty, "\(context) \(name) is not printed")
      }
    }
    if let line = anchors["indicatorHeaderLine"] as? Int { #expect(grid.rowLines[headerRows[0] - 1] == line, context) }
    if let line = anchors["firstIndicatorLine"] as? Int, let first = row(anchors, "firstIndicatorRow") {
      #expect(grid.rowLines[first] == line, context)
      #expect(form.location(of: CellReference(row: first, column: 0)).line == line, context)
    }
    // The total row's claimed total equals the table's, as a decimal.
    if let claimed = expected["claimedTotal"] as? String, let total = form.total?.claimedTotal {
      #expect(sameNumber(total.text, claimed), "\(context) claimed total \(total.text) vs \(claimed)")
    }
  }

  /// A title or year against its anchor: a cell (`A1`), or a paragraph above the table (`paragraph 1 above
  /// the table`), whose text is the preamble's and whose location says so.
  private func checkPrinted(
    _ form: PrintedForm, _ printed: PrintedText?, _ anchor: Any?, grid: Grid, _ name: String, _ context: Comment
  ) {
    let anchor = anchor as? String
    if let reference = anchor.flatMap({ CellReference($0) }) {
      #expect(printed?.cell?.reference == reference, "\(context) \(name)")
    } else if let anchor {
      #expect(printed?.paragraph != nil, "\(context) \(name) is a paragraph above the table")
      guard let printed, let index = printed.paragraph else { return }
      #expect(form.location(of: printed).field == "\(form.sheet), \(anchor)", "\(context) \(name)")
      #expect(form.location(of: printed) == grid.location(ofPreambleParagraph: index), "\(context) \(name)")
      #expect(printed.text == grid.preamble[index], "\(context) \(name)")
    } else {
      #expect(printed == nil, "\(context) \(name) is not printed")
    }
  }

  private func checkIndicators(_ form: PrintedForm, _ table: ManifestTable, _ context: Comment) throws {
    let block = try #require(form.indicators, context)
    let expected = try #require(try expectedTable(table.expected)["indicators"] as? [[String: Any]], context)
    let rows = block.indicatorRows
    try #require(rows.count == expected.count, "\(context): \(rows.map(\.row))")
    let lookup = TestHeaderLookup(block)
    for (row, indicator) in zip(rows, expected) {
      let place = "\(context) row \(row.row + 1)"
      #expect(sameText(row.level1?.name, indicator["level1"]), "\(place) level1 \(row.level1?.name ?? "-")")
      #expect(sameText(row.level2?.name, indicator["level2"]), "\(place) level2 \(row.level2?.name ?? "-")")
      #expect(sameText(row.cells[block.nameColumn].text, indicator["name"]), "\(place) name")
      #expect(sameText(lookup.target(row), indicator["target"]), "\(place) target \(lookup.target(row) ?? "-")")
      #expect(sameText(lookup.text(row, TestHeaderLookup.actual), indicator["actual"]), "\(place) actual")
      #expect(sameNumberOrText(lookup.text(row, TestHeaderLookup.weight), indicator["weight"]), "\(place) weight")
      #expect(sameNumberOrText(lookup.text(row, TestHeaderLookup.score), indicator["claimedScore"]), "\(place) score")
    }
  }

  private func expectedTable(_ expected: String) throws -> [String: Any] {
    let path = expected.contains("/") ? expected : "Fixtures/\(expected)/table.json"
    let data = try Data(contentsOf: repositoryRoot.appendingPathComponent(path))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// Printed text against the JSON's: spaces aside, and the operators a form prints full-width (≥ ≦ ＝)
  /// as the JSON writes them.
  private func sameText(_ printed: String?, _ expected: Any?) -> Bool {
    let printed = Self.fold(printed ?? "")
    guard let expected = expected as? String else { return printed.isEmpty }
    return printed == Self.fold(expected)
  }

  private func sameNumberOrText(_ printed: String?, _ expected: Any?) -> Bool {
    guard let printed, let expected = expected as? String else { return sameText(printed, expected) }
    return sameNumber(printed, expected) || sameText(printed, expected)
  }

  /// Two numbers as decimals: `12.00` is `12`, `9.86 分` is `9.86`, a weight `15%` is 15 (docs/rules.md).
  private func sameNumber(_ printed: String, _ expected: String) -> Bool {
    func decimal(_ text: String) -> Rational? {
      var text = Self.fold(text)
      for suffix in ["分", "%"] where text.hasSuffix(suffix) { text.removeLast() }
      return Rational(decimalText: Substring(text.replacing(",", with: "")))
    }
    guard let left = decimal(printed), let right = decimal(expected) else { return false }
    return left == right
  }

  static func fold(_ text: String) -> String {
    var folded = ""
    for scalar in text.unicodeScalars where !scalar.properties.isWhitespace {
      switch scalar {
      case "≥", "≧": folded += ">="
      case "≤", "≦": folded += "<="
      case "＝": folded += "="
      default: folded.unicodeScalars.append(scalar)
      }
    }
    return folded
  }
}

/// Test-only: which column of a located indicator block holds the target, actual, weight and claimed score,
/// by the headers forms.md lists. The product maps columns to fields through the table schema.
struct TestHeaderLookup {
  static let target: Set = ["年度指标值", "指标值", "目标值", "预期指标值", "年初目标值(A)"]
  static let actual: Set = ["实际完成值", "业绩值", "实际完成指标值", "全年实际值", "完成值", "全年完成值", "实际完成值(B)"]
  static let weight: Set = ["分值", "权重", "分值权重", "指标分值", "指标权重(分)", "权重(%)", "指标分值权重"]
  static let score: Set = ["得分", "指标得分", "自评得分", "单项得分", "折算得分"]

  let block: IndicatorBlock

  init(_ block: IndicatorBlock) { self.block = block }

  func index(_ keys: Set<String>) -> Int? { block.columns.firstIndex { keys.contains($0.key) } }

  func text(_ row: IndicatorRow, _ keys: Set<String>) -> String? {
    index(keys).map { row.cells[$0].text }
  }

  /// The target; a split target (指标性质 · 指标值 · 度量单位) joined, its 定性 mark dropped.
  func target(_ row: IndicatorRow) -> String? {
    guard let nature = block.columns.firstIndex(where: { $0.key == "指标性质" }) else { return text(row, Self.target) }
    let parts = (nature..<min(nature + 3, block.columns.count)).map { row.cells[$0].text }
    return (parts[0] == "定性" ? "" : parts[0]) + parts.dropFirst().joined()
  }
}
