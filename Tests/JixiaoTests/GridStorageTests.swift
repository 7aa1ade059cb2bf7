import Foundation
import Testing

@testable import Jixiao

/// `Grid`'s cells kept as slots (`GridStorage`) against their definition: rows of cells, each cell set
/// through the subscript as an array of rows would keep it.
@Suite struct GridStorageTests {
  /// The definition: rows as arrays, grown to reach a cell set, padded with empty cells; an empty cell set
  /// beyond a row's end leaves the row as it is.
  struct ModelGrid {
    var rows: [[GridCell]] = []

    subscript(reference: CellReference) -> GridCell {
      get {
        guard reference.row < rows.count, reference.column < rows[reference.row].count else { return .empty(reference) }
        return rows[reference.row][reference.column]
      }
      set {
        let (row, column) = (reference.row, reference.column)
        if newValue.isEmpty && (row >= rows.count || column >= rows[row].count) { return }
        while rows.count <= row { rows.append([]) }
        while rows[row].count <= column { rows[row].append(.empty(CellReference(row: row, column: rows[row].count))) }
        var cell = newValue
        cell.reference = reference
        rows[row][column] = cell
      }
    }
  }

  /// A cell of every sort a reader makes: texts, numbers, unreadable cells, an empty cell that knows where
  /// it was printed, an empty text with a formula, cells in doubt; placed anywhere (its own reference is
  /// not where it goes).
  static func randomCell(_ random: inout SplitMix) -> GridCell {
    let nowhere = CellReference(row: 0, column: 0)
    switch Int.random(in: 0..<9, using: &random) {
    case 0, 1: return .empty(nowhere)
    case 2: return GridCell(kind: .text, text: ["甲", "项目名称", "a b", "三级指标"].randomElement(using: &random)!, reference: nowhere)
    case 3:
      let value = ["1", "10", "4607.61", "0"].randomElement(using: &random)!
      return GridCell(kind: .number, text: value, value: value, reference: nowhere)
    case 4: return GridCell(kind: .unreadable, text: "#REF!", problem: "the cell holds the error value #REF!", reference: nowhere)
    case 5:
      return GridCell(
        kind: .empty, text: "", reference: nowhere,
        origin: SourceLocation(file: "a.pdf", line: Int.random(in: 1...9, using: &random)))
    case 6: return GridCell(kind: .empty, text: "", formula: "A1", reference: nowhere)
    case 7: return GridCell(kind: .text, text: "截止到", reference: nowhere, doubt: "placed by position")
    default: return GridCell.sharedText(["自评表", "", "指标"].randomElement(using: &random)!)
    }
  }

  static func expectSame(_ grid: Grid, _ model: ModelGrid, _ comment: String) {
    #expect(grid.rows == model.rows, "\(comment)")
    #expect(grid.rowCount == model.rows.count && grid.columnCount == model.rows.map(\.count).max() ?? 0, "\(comment)")
    for row in 0...(model.rows.count + 1) {
      let modelRow = row < model.rows.count ? model.rows[row] : []
      #expect(grid.count(ofRow: row) == modelRow.count, "\(comment): row \(row)")
      #expect(Array(grid.cells(inRow: row)) == modelRow, "\(comment): row \(row)")
      for column in 0...(modelRow.count + 2) {
        let reference = CellReference(row: row, column: column)
        let cell = grid[reference]
        #expect(cell == model[reference] && cell.reference == reference, "\(comment): \(reference)")
        #expect(grid.isEmpty(at: reference) == cell.isEmpty, "\(comment): \(reference)")
        #expect(grid.text(row: row, column: column) == cell.text, "\(comment): \(reference)")
        if column < modelRow.count { #expect(grid.cells(inRow: row).isEmpty(at: column) == cell.isEmpty) }
      }
    }
  }

  /// Cells set in any order, over and over (rows grown where they lie and moved to the end, cells
  /// replaced, empty cells set within and beyond rows) give the rows the arrays give.
  @Test func cellsSetInAnyOrderAreTheRowsOfArrays() {
    var random = SplitMix(seed: 101)
    for round in 0..<60 {
      var grid = Grid(file: "t", name: "s")
      var model = ModelGrid()
      for step in 0..<Int.random(in: 1..<150, using: &random) {
        let reference = CellReference(
          row: Int.random(in: 0..<(round % 3 == 0 ? 4 : 25), using: &random),
          column: Int.random(in: 0..<(Bool.random(using: &random) ? 6 : 70), using: &random))
        let cell = Self.randomCell(&random)
        grid[reference] = cell
        model[reference] = cell
        if step % 37 == 0 { Self.expectSame(grid, model, "round \(round), step \(step)") }
      }
      Self.expectSame(grid, model, "round \(round)")
    }
  }

  /// Grids are equal, and hash alike, by their cells, however the cells are kept: set in another order,
  /// a shared string's cell by its index or through the subscript, a number's slot given again or its cell
  /// set again. One cell changed in any field makes them differ.
  /// A cell's formula, problem, origin and doubt are kept in a box of their own, made only for a cell that has one
  /// (a workbook keeps a box for each of its shared strings while it is read): each reads back as set, alone or
  /// with the others, and a cell that has none keeps no such box.
  @Test func rareFieldsReadBackAndCostNothingWhenAbsent() {
    let at = CellReference(row: 1, column: 2)
    let origin = SourceLocation(file: "a.pdf", line: 3, field: "page 1")
    #expect(GridCell.sharedText("三级指标").content.rare == nil)
    #expect(GridCell(kind: .number, text: "6", value: "6", reference: at).content.rare == nil)
    let lone: [GridCell] = [
      GridCell(kind: .number, text: "6", value: "6", formula: "A1*2", reference: at),
      GridCell(kind: .unreadable, text: "#REF!", problem: "an error value", reference: at),
      GridCell(kind: .text, text: "x", reference: at, origin: origin),
      GridCell(kind: .text, text: "x", reference: at, doubt: "placed by guess"),
    ]
    #expect(lone.allSatisfy { $0.content.rare != nil })
    #expect(lone[0].formula == "A1*2" && lone[0].problem == nil && lone[0].origin == nil && lone[0].doubt == nil)
    #expect(lone[1].problem == "an error value" && lone[1].formula == nil)
    #expect(lone[2].origin == origin && lone[2].doubt == nil)
    #expect(lone[3].doubt == "placed by guess" && lone[3].origin == nil)
    var all = lone[0]
    all.problem = "p"
    all.origin = origin
    all.doubt = "d"
    #expect(all.formula == "A1*2" && all.problem == "p" && all.origin == origin && all.doubt == "d")
    all.formula = nil
    all.problem = nil
    all.origin = nil
    all.doubt = nil
    #expect(all.content.rare == nil && all == GridCell(kind: .number, text: "6", value: "6", reference: at))
  }

  @Test func equalityAndHashingAreByTheCells() {
    let strings = ["三级指标", "指标值", ""].map(GridCell.sharedText)
    let cells: [(CellReference, GridCell)] = [
      (CellReference(row: 0, column: 0), strings[0]), (CellReference(row: 0, column: 3), strings[1]),
      (
        CellReference(row: 2, column: 1),
        GridCell(kind: .number, text: "6", value: "6", reference: CellReference(row: 0, column: 0))
      ),
      (
        CellReference(row: 2, column: 2),
        GridCell(kind: .number, text: "6", value: "6", reference: CellReference(row: 0, column: 0))
      ),
      (CellReference(row: 3, column: 0), strings[0]),
    ]
    var inOrder = Grid(file: "t", name: "s", isHidden: false, sharing: strings)
    for (reference, cell) in cells {
      if let index = strings.firstIndex(where: { $0 == cell }) {
        inOrder.setShared(index, at: reference)
      } else if reference.column == 2 {
        inOrder.set(inOrder.slot(at: CellReference(row: 2, column: 1)), at: reference)
      } else {
        inOrder[reference] = cell
      }
    }
    var reversed = Grid(file: "t", name: "s")
    for (reference, cell) in cells.reversed() { reversed[reference] = cell }
    #expect(inOrder == reversed && inOrder.hashValue == reversed.hashValue)
    #expect(inOrder.rows == reversed.rows)

    var changes: [(inout Grid) -> Void] = [
      { $0[2, 2] = GridCell(kind: .number, text: "6.0", value: "6", reference: CellReference(row: 0, column: 0)) },
      { $0[2, 2] = GridCell(kind: .text, text: "6", value: "6", reference: CellReference(row: 0, column: 0)) },
      { $0[2, 2] = GridCell(kind: .number, text: "6", value: "6", formula: "B3", reference: CellReference(row: 0, column: 0)) },
      { $0[0, 0] = GridCell(kind: .text, text: "三级指标", reference: CellReference(row: 0, column: 0), doubt: "by position") },
      {
        $0[0, 0] = GridCell(
          kind: .text, text: "三级指标", reference: CellReference(row: 0, column: 0), origin: SourceLocation(file: "t"))
      },
      {
        $0[2, 0] = GridCell(
          kind: .empty, text: "", reference: CellReference(row: 0, column: 0), origin: SourceLocation(file: "t"))
      },
      { $0[0, 1] = GridCell(kind: .empty, text: "", formula: "A1", reference: CellReference(row: 0, column: 0)) },
      { $0[4, 0] = strings[1] },
    ]
    changes.append { $0[0, 4] = .empty(CellReference(row: 0, column: 0)) }
    for (index, change) in changes.enumerated() {
      var changed = reversed
      change(&changed)
      if index == changes.count - 1 {
        // An empty cell beyond a row's end is no change.
        #expect(changed == inOrder && changed.hashValue == inOrder.hashValue)
      } else {
        #expect(changed != inOrder, "change \(index)")
      }
    }
  }

  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

  /// Styles 0 General, 1 `0%`, 2 `0.00`, 3 a date, 4 `#,##0`.
  static let styles = try! CellStyles(
    bytes: Array(
      #"<styleSheet xmlns="\#(main)"><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="2"/><xf numFmtId="14"/><xf numFmtId="3"/></cellXfs></styleSheet>"#
        .utf8), file: "t.xlsx", entry: "xl/styles.xml")

  static func read(_ xml: [UInt8], recentNumbers: Bool) throws(InputError) -> Grid {
    var reader = WorksheetReader(
      file: "t.xlsx", sheetName: "表1", strings: PlainCellPathTests.strings, styles: styles, uses1904: false, limits: .standard)
    reader.usesRecentNumbers = recentNumbers
    return try reader.read(bytes: xml, entry: "xl/worksheets/sheet1.xml", isHidden: false)
  }

  /// A number read again is the cell its value's text and style make: under another style it is
  /// another cell, and more distinct numbers than are kept are made again. Random sheets of numbers
  /// (some not numbers, some beyond the date range, some repeated within and across rows, some cells
  /// out of order) read the same with and without `RecentNumbers`.
  @Test func numbersReadAgainAreTheCellsTheirValuesMake() throws {
    let fixed = #"""
      <worksheet xmlns="\#(Self.main)"><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1"><v>1</v></c><c r="C1" s="2"><v>1</v></c><c r="D1"><v>1</v></c><c r="E1" s="1"><v>1</v></c><c r="F1" s="3"><v>1</v></c><c r="G1" s="3"><v>1</v></c></row></sheetData></worksheet>
      """#
    let grid = try Self.read(Array(fixed.utf8), recentNumbers: true)
    let texts = grid.cells(inRow: 0).map(\.text)
    #expect(Array(texts.prefix(5)) == ["1", "100%", "1.00", "1", "100%"] && texts[5] == texts[6] && texts[5] != "1")
    #expect(
      grid[0, 5].kind == .date
        && grid[0, 6]
          == GridCell(kind: .date, text: texts[5], value: grid[0, 5].value, reference: CellReference(row: 0, column: 6))
    )
    #expect(grid == (try Self.read(Array(fixed.utf8), recentNumbers: false)))

    var random = SplitMix(seed: 7)
    let values = ["1", "2", "10", "0", "-3", "4607.61", "0.5", "1e3", "x", "", " 7", "3000000", "-1", "12", "1.50", "99999999"]
    for round in 0..<80 {
      var rows = ""
      for row in 1...Int.random(in: 1...6, using: &random) {
        rows += #"<row r="\#(row)">"#
        for _ in 0..<Int.random(in: 0...12, using: &random) {
          let column = CellReference.columnName(Int.random(in: 0..<10, using: &random))
          let style = Int.random(in: -1..<6, using: &random)
          let value = values[Int.random(in: 0..<(round % 2 == 0 ? 4 : values.count), using: &random)]
          rows += #"<c r="\#(column)\#(row)"\#(style < 0 ? "" : #" s="\#(style)""#)><v>\#(value)</v></c>"#
        }
        rows += "</row>"
      }
      let xml = Array(#"<worksheet xmlns="\#(Self.main)"><sheetData>\#(rows)</sheetData></worksheet>"#.utf8)
      let general = Result { () throws(InputError) in try Self.read(xml, recentNumbers: false) }
      let recent = Result { () throws(InputError) in try Self.read(xml, recentNumbers: true) }
      switch (general, recent) {
      case (.success(let expected), .success(let found)):
        #expect(expected == found, "\(rows)")
        #expect(expected.rows == found.rows, "\(rows)")
      case (.failure(let expected), .failure(let found)): #expect(expected == found, "\(rows)")
      default: Issue.record("one read it, the other refused it: \(rows)")
      }
    }
  }
}
