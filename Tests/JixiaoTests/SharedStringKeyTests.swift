import Foundation
import Testing

@testable import Jixiao

/// A workbook's shared strings are cells made once (`GridCell.sharedText`) whose keys are made once; the
/// locator and the builder read a sheet's cells through those keys. Held against the definition: the
/// same cells without the shared box (keys made when asked, `FormText.key` and `FormText.labelKey` of
/// the text) locate the same forms and build the same tables.
@Suite struct SharedStringKeyTests {
  /// The cell as the general path makes it: its own box, no keys kept.
  static func unshared(_ cell: GridCell) -> GridCell {
    GridCell(
      kind: cell.kind, text: cell.text, value: cell.value, formula: cell.formula, problem: cell.problem,
      reference: cell.reference, origin: cell.origin, doubt: cell.doubt)
  }

  static func unshared(_ grid: Grid) -> Grid {
    var copy = Grid(file: grid.file, name: grid.name, isHidden: grid.isHidden, preamble: grid.preamble, merges: grid.merges)
    for row in grid.rows {
      for cell in row where !cell.isEmpty { copy[cell.reference] = unshared(cell) }
    }
    copy.rowLines = grid.rowLines
    return copy
  }

  /// Every workbook among the fixtures, by name.
  static let fixtureWorkbooks: [(String, [UInt8])] = {
    let root = repositoryRoot.appendingPathComponent("Fixtures")
    var books: [(String, [UInt8])] = []
    for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
    where url.pathExtension == "xlsx" {
      if let bytes = try? Data(contentsOf: url) { books.append((url.path, [UInt8](bytes))) }
    }
    return books.sorted { $0.0 < $1.0 }
  }()

  /// Labels as forms print them, and near misses: wrapped, spaced, full-width, with colons, long.
  static let labels: [String] = [
    "项目名称", "项目名称：", "项目名称:", "项目 名称", "项目\n名称", "一级\n指标", "二级指标", "三级指标", "三 级 指 标：", "指标名称",
    "年度指标值", "年度\n指标值", "指标权重（分）", "指标权重(分)", "分值", "分　值", "得分", "总分", "合计", "合 计：", "优", "良 ",
    "年度总体目标", "项目资金（万元）", "项目资金(万元)", "年度资金总额", "其中：财政拨款", "其他资金：", "项目支出绩效自评表",
    "项目支出绩效自评表（2023年度）", "（2023年度）", "\u{FEFF}主管部门", "实施单位\u{00A0}", "填报人：张三", "：", "", " ",
    String(repeating: "指标", count: 40), String(repeating: "长", count: 79) + "：", String(repeating: "长", count: 81),
  ]

  @Test func aSharedStringsKeysAreItsTextsKeys() throws {
    var texts = Self.labels
    for (name, bytes) in Self.fixtureWorkbooks {
      let archive = try ZipArchive(bytes: bytes, file: name)
      guard let entry = archive.entry(named: "xl/sharedStrings.xml") else { continue }
      let strings = try SharedStrings(bytes: try archive.contents(of: entry), file: name, entry: entry.name)
      texts += strings.strings
    }
    var random = SplitMix(seed: 17)
    let pieces = ["指标", "（", "）", "(", ")", "：", ":", " ", "\n", "\u{3000}", "％", "%", "名称", "分", "a", "\u{2028}"]
    texts += (0..<2_000).map { _ in
      (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }
    for text in texts {
      let cell = GridCell.sharedText(text)
      #expect(cell.key == FormText.key(text), "\(text.debugDescription)")
      #expect(cell.labelKey == FormText.labelKey(text), "\(text.debugDescription)")
      #expect(cell == Self.unshared(cell), "\(text.debugDescription)")
      #expect(cell.isEmpty == text.isEmpty)
      var moved = cell
      moved.text = text + "：x"
      #expect(moved.labelKey == FormText.labelKey(text + "：x"), "a cell whose text is set keeps no stale key")
    }
  }

  /// The cells of a table of strings made a chunk at a time on workers (`SharedStrings.cells(of:jobs:)`) are
  /// the cells made one by one, in order, with the same keys, verdicts and table texts, for any number of
  /// workers and a count of strings that does not fill the last chunk.
  @Test func cellsMadeOnWorkersAreTheCellsMadeInOrder() throws {
    var texts = Self.labels
    for (name, bytes) in Self.fixtureWorkbooks {
      let archive = try ZipArchive(bytes: bytes, file: name)
      guard let entry = archive.entry(named: "xl/sharedStrings.xml") else { continue }
      texts += try SharedStrings.texts(bytes: try archive.contents(of: entry), file: name, entry: entry.name)
    }
    texts += (0..<1_000).map { "指标\($0)" }
    #expect(texts.count > 3 * 256 && texts.count % 256 != 0)
    let expected = texts.map(GridCell.sharedText)
    for jobs in [1, 2, 3, 8] {
      let cells = SharedStrings.cells(of: texts, jobs: jobs)
      #expect(cells == expected, "jobs \(jobs)")
      for (cell, one) in zip(cells, expected)
      where cell != one || cell.key != one.key || cell.labelKey != one.labelKey
        || cell.standardVerdict != one.standardVerdict || cell.tableText != one.tableText
      {
        Issue.record("jobs \(jobs): \(one.text.debugDescription)")
      }
    }
    for (name, bytes) in Self.fixtureWorkbooks.prefix(6) {
      let archive = try ZipArchive(bytes: bytes, file: name)
      guard let entry = archive.entry(named: "xl/sharedStrings.xml") else { continue }
      let contents = try archive.contents(of: entry)
      let one = try SharedStrings(bytes: contents, file: name, entry: entry.name)
      let two = try SharedStrings(bytes: contents, file: name, entry: entry.name, jobs: 2)
      #expect(one.cells == two.cells, "\(name)")
    }
  }

  /// A shared string's verdict is told when first asked, by any of several threads asking at once: whichever
  /// thread asks first, and whatever else its cell was asked before, each part of the cell is the
  /// definition's (`FormText.key`, `FormText.labelKey`, `FormGrid.verdict(of:labelKey:vocabulary:)`,
  /// `TableText(_:)`), and the name header told when the string is read is the verdict's.
  @Test func aSharedStringsPartsAreTheDefinitionsAskedInAnyOrderOnAnyThread() async {
    let texts =
      (Self.labels + (0..<100).map { "指标\($0)：" }
      + [FormVocabulary.standard.nameHeaders, FormVocabulary.standard.headerLabels].flatMap { $0.map(\.text) })
      .filter { !$0.isEmpty }
    for order in 0..<5 {
      let cells = texts.map(GridCell.sharedText)
      let failures = await withTaskGroup(of: [String].self) { group in
        for worker in 0..<4 {
          group.addTask {
            zip(cells, texts).filter { !Self.partsAreDefined($0.0, $0.1, order: (order + worker) % 5) }.map(\.1)
          }
        }
        return await group.reduce(into: Set<String>()) { $0.formUnion($1) }
      }
      #expect(failures.isEmpty, "order \(order): \(failures.sorted())")
    }
  }

  /// Whether a shared string's cell has the definition's parts, asked starting with the `order`th.
  static func partsAreDefined(_ cell: GridCell, _ text: String, order: Int) -> Bool {
    let verdict = FormGrid.verdict(of: text, labelKey: { FormText.labelKey(text) }, vocabulary: .standard)
    var checks: [() -> Bool] = [
      { cell.key == FormText.key(text) }, { cell.labelKey == FormText.labelKey(text) },
      { cell.standardVerdict == verdict }, { cell.tableText == TableText(text) },
      { cell.content.standardIsNameHeader == verdict.isNameHeader },
    ]
    for _ in 0..<order { checks.append(checks.removeFirst()) }
    return checks.allSatisfy { $0() }
  }

  /// Each sheet of every fixture workbook, and the same sheets with their labels swapped for other
  /// labels (shared by several cells, as in a year's workbook), located and built with shared cells and
  /// without.
  @Test func sharedCellsLocateAndBuildAsUnsharedOnes() throws {
    var random = SplitMix(seed: 23)
    var compared = 0
    for (name, bytes) in Self.fixtureWorkbooks {
      let grids = try SpreadsheetReader.read(bytes: bytes, file: name)
      var mutated: [Grid] = []
      for grid in grids {
        var copy = grid
        let pool = Self.labels.map(GridCell.sharedText)
        for row in grid.rows {
          for cell in row where cell.kind == .text && Int.random(in: 0..<6, using: &random) == 0 {
            var label = pool.randomElement(using: &random)!
            label.reference = cell.reference
            copy[cell.reference] = label
          }
        }
        mutated.append(copy)
      }
      for grid in grids + mutated {
        let fast = FormLocator().forms(in: grid)
        let general = FormLocator().forms(in: Self.unshared(grid))
        #expect(fast == general, "\(name) \(grid.name)")
        for (index, (one, other)) in zip(fast, general).enumerated() {
          let built = PrintedFormTable(form: one, number: index + 1).build()
          let expected = PrintedFormTable(form: other, number: index + 1).build()
          #expect(built == expected, "\(name) \(grid.name) form \(index + 1)")
          compared += 1
        }
      }
    }
    #expect(compared > 20)
  }

  /// A shared string's verdict (title, name header, the anchor it begins a row with) is the definition's
  /// under the standard vocabulary, for every text a fixture workbook shares, labels and near misses.
  @Test func aSharedStringsVerdictIsItsTextsVerdict() throws {
    let vocabulary = FormVocabulary.standard
    var texts = Self.labels + vocabulary.fundsLabelPrefixes + vocabulary.noteLabelPrefixes
    texts += [vocabulary.headerLabels, vocabulary.goalsLabels, vocabulary.totalLabels, vocabulary.nameHeaders].flatMap {
      $0.map(\.text)
    }
    texts += ["其他需要说明事项", "备注：", "项目资金（万元）：", "合计", "三级指标", "部门（单位）整体支出绩效（目标）自评表（2024年度）", "绩效目标表"]
    for (name, bytes) in Self.fixtureWorkbooks {
      let archive = try ZipArchive(bytes: bytes, file: name)
      guard let entry = archive.entry(named: "xl/sharedStrings.xml") else { continue }
      texts += try SharedStrings(bytes: try archive.contents(of: entry), file: name, entry: entry.name).strings
    }
    var anchors: Set<String> = []
    for text in texts {
      let verdict = GridCell.sharedText(text).standardVerdict
      guard !text.isEmpty else {
        #expect(verdict == nil, "an empty string is an empty cell")
        continue
      }
      let definition = FormGrid.verdict(of: text, labelKey: { FormText.labelKey(text) }, vocabulary: vocabulary)
      #expect(verdict == definition, "\(text.debugDescription)")
      anchors.insert("\(definition.anchor)")
      if definition.isTitle { anchors.insert("title") }
      if definition.isNameHeader { anchors.insert("name header") }
    }
    #expect(anchors.count == 8, "every verdict is among the texts: \(anchors.sorted())")
  }

  /// Shared strings' verdicts are the standard vocabulary's: a locator with other words tells each cell
  /// itself, and finds in shared cells what it finds in unshared ones.
  @Test func anotherVocabularyTellsSharedCellsItself() {
    let words = FormVocabulary(
      titleWords: ["考核表"], headerLabels: ["项目名称"], fundsLabelPrefixes: ["项目资金"], fundsTotalLabels: ["合计"],
      goalsLabels: ["年度总体目标"], nameHeaders: ["考核指标"], level1Headers: ["一级指标"], level2Headers: ["二级指标"],
      projectNameHeaders: [], weightHeaders: ["分值"], scoreHeaders: ["得分"], rotatedLabelWords: ["指标"],
      totalLabels: ["总分"], noteLabelPrefixes: ["备注"], grades: ["优"])
    let rows = [
      ["项目支出考核表"], ["项目名称", "道路维护"], ["一级指标", "二级指标", "考核指标", "分值", "得分"],
      ["产出指标", "数量指标", "维护里程", "10", "9"], ["总分", "", "", "10", "9"],
    ]
    var grid = Grid(file: "考核.xlsx", name: "Sheet1")
    for (row, texts) in rows.enumerated() {
      for (column, text) in texts.enumerated() where !text.isEmpty {
        var cell = GridCell.sharedText(text)
        cell.reference = CellReference(row: row, column: column)
        grid[cell.reference] = cell
      }
    }
    let locator = FormLocator(vocabulary: words)
    let forms = locator.forms(in: grid)
    #expect(forms == locator.forms(in: Self.unshared(grid)))
    #expect(forms.count == 1)
    #expect(forms.first?.title?.text == "项目支出考核表")
    #expect(forms.first?.indicators?.rows.count == 1)
    #expect(forms.first?.total != nil)
  }
}

/// `FormGrid.filled` against its definition, on every sheet of the fixture workbooks (rows full, rows
/// with gaps under merged areas, blank rows) and on rows padded with empty cells.
@Suite struct FormGridFastPathTests {
  @Test func aRowsFilledCellsAreAsDefined() throws {
    var grids: [Grid] = []
    for (name, bytes) in SharedStringKeyTests.fixtureWorkbooks { grids += try SpreadsheetReader.read(bytes: bytes, file: name) }
    var padded = Grid(file: "padded.csv", name: "padded")
    padded[CellReference(row: 0, column: 3)] = GridCell(kind: .text, text: "项目名称", reference: CellReference(row: 0, column: 3))
    padded[CellReference(row: 2, column: 0)] = GridCell(kind: .text, text: "合计", reference: CellReference(row: 2, column: 0))
    padded[CellReference(row: 2, column: 1)] = GridCell(
      kind: .number, text: "1", value: "1", reference: CellReference(row: 2, column: 1))
    grids.append(padded)
    var partial = 0
    for grid in grids {
      let view = FormGrid(grid, vocabulary: .standard)
      for row in 0..<grid.rowCount {
        let definition = grid.rows[row].filter { !$0.isEmpty }
        #expect(view.filled(row) == definition, "\(grid.file) \(grid.name) row \(row + 1)")
        if !definition.isEmpty && definition.count < grid.rows[row].count { partial += 1 }
      }
    }
    #expect(partial > 10, "rows with gaps are among those compared")
  }
}
