/// The header of a flat CSV (one indicator a row): the field each column holds, by the schema's headers
/// (`TableSchema`), and the columns jixiao does not read.
struct FlatCSVHeader: Sendable {
  /// The fields a flat CSV's columns may hold: the table's, an indicator's, and the funds block's 年初预算数
  /// (its other amounts are the funds row's 目标值 and 业绩值, `FlatCSVTable.fundsColumns`).
  static let readable: [TableField] =
    TableField.allCases.filter { $0.place == .table || $0.place == .indicator } + [
      .fundsInitialBudget
    ]

  /// Header keys (`TableSchema.headerKey`) mapped to fields.
  static let fieldsByHeader = TableSchema.headers(of: readable)

  /// By column, the field it holds; nil for a column jixiao does not read.
  let fields: [TableField?]
  /// By column, its header as printed.
  let texts: [String]
  /// By field, its column; nil when the header lacks it. An array, not a dictionary: every cell of every
  /// row is looked up.
  let positions: [Int?]
  /// By column, what a row's cell in it is to the table.
  let roles: [Role]
  /// By column, whether its field holds a number (`FieldValue.number`).
  let holdsNumber: [Bool]
  /// Some column holds no field jixiao reads (its role is `unknown`).
  let hasUnknownColumns: Bool

  enum Role: Sendable {
    /// A column jixiao does not read (`column.ignored` when a table fills it).
    case unknown
    /// A field of the table (项目名称, 年度, 总分 …), read from the first row that fills it.
    case table(TableField)
    /// A field of each indicator row.
    case indicator(TableField)
    /// Read only on a structural row (the funds row's 年初预算数), or a second column for a field (refused).
    case other
  }

  init(_ texts: [String]) {
    self.texts = texts
    var fields: [TableField?] = []
    var positions = [Int?](repeating: nil, count: TableField.allCases.count)
    for (offset, header) in texts.enumerated() {
      let field = Self.fieldsByHeader[TableSchema.headerKey(header)]
      fields.append(field)
      if let field, positions[field.rawValue] == nil { positions[field.rawValue] = offset }
    }
    self.fields = fields
    self.positions = positions
    holdsNumber = fields.map { field in
      guard let field, case .number = field.value else { return false }
      return true
    }
    roles = fields.enumerated().map { column, field in
      guard let field else { return .unknown }
      guard positions[field.rawValue] == column else { return .other }
      switch field.place {
      case .table: return .table(field)
      case .indicator: return .indicator(field)
      default: return .other
      }
    }
    hasUnknownColumns = fields.contains(nil)
  }

  var width: Int { texts.count }

  /// The columns that hold a field another column holds already: each as the first and the later.
  var repeatedColumns: [(first: Int, later: Int)] {
    fields.enumerated().compactMap { offset, field in
      guard let field, let first = positions[field.rawValue], first != offset else { return nil }
      return (first, offset)
    }
  }
}

/// The rows of one table of a flat CSV as one retained copy of their fields' bytes, which the table's texts
/// are ranges of (`TableText`): a table costs one allocation for all its text, as a JSON Lines record does.
/// Every row has the header's width. Immutable once made, hence safe to hand to a worker.
struct FlatCSVRows: @unchecked Sendable {
  /// The rows' fields, each followed by a comma, row after row.
  let record: RecordBytes
  /// By row, where it starts in `record`, its line and whether it is plain: one array, appended to once a row.
  let heads: [Head]
  /// By row and column (`row * width + column`), where the field ends (at its comma) from its row's start.
  let ends: [Int]
  let width: Int

  struct Head {
    /// Where the row starts in `record`.
    let start: Int
    /// The line the row starts on.
    let line: Int
    /// Whether the row's fields are plain JSON text (`CSVParser.Fields.isPlainJSON`).
    let plain: Bool
  }

  var count: Int { heads.count }

  func line(_ row: Int) -> Int { heads[row].line }

  func range(_ row: Int, _ column: Int) -> Range<Int> {
    let field = row * width + column
    let start = heads[row].start
    return start + (column == 0 ? 0 : ends[field - 1] + 1)..<start + ends[field]
  }

  /// The cell's bytes, `bytes` being the record's.
  @inline(__always)
  func cell(_ row: Int, _ column: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    let range = range(row, column)
    return UnsafeBufferPointer(start: bytes.baseAddress! + range.lowerBound, count: range.count)
  }

  /// The cell as a text of the record.
  func text(_ row: Int, _ column: Int) -> TableText { TableText(record, range(row, column), plain: heads[row].plain) }

  /// One row's cells, its start and ends looked up once: `range` and `cell` of the row, without the
  /// look-ups each cell would repeat. `ends` are those of all rows (`ends`), `bytes` the record's.
  struct RowCells {
    let start: Int
    /// The row's field ends, from its start.
    let ends: UnsafeBufferPointer<Int>
    let bytes: UnsafeBufferPointer<UInt8>
    let plain: Bool

    init(_ rows: FlatCSVRows, _ row: Int, ends: UnsafeBufferPointer<Int>, bytes: UnsafeBufferPointer<UInt8>) {
      let head = rows.heads[row]
      start = head.start
      self.ends = UnsafeBufferPointer(rebasing: ends[row * rows.width..<(row + 1) * rows.width])
      self.bytes = bytes
      plain = head.plain
    }

    @inline(__always)
    func range(_ column: Int) -> Range<Int> {
      start + (column == 0 ? 0 : ends[column - 1] + 1)..<start + ends[column]
    }

    @inline(__always)
    func cell(_ column: Int) -> UnsafeBufferPointer<UInt8> {
      let range = range(column)
      return UnsafeBufferPointer(start: bytes.baseAddress! + range.lowerBound, count: range.count)
    }
  }

  /// The rows of a table as the assembler gathers them, row by row.
  struct Gathering {
    private var bytes: [UInt8] = []
    private var heads: [Head] = []
    private var ends: [Int] = []

    /// The rows gathered.
    var count: Int { heads.count }
    /// Their bytes, each row followed by a comma.
    var byteCount: Int { bytes.count }

    /// Copies a row's fields.
    mutating func append(_ row: CSVParser.Fields) {
      heads.append(Head(start: bytes.count, line: row.line, plain: row.isPlainJSON))
      bytes.append(contentsOf: row.bytes)
      bytes.append(UInt8(ascii: ","))
      ends.append(contentsOf: row.ends)
    }

    /// The rows gathered, their bytes copied once into the table's record; the gathering is emptied, its
    /// byte buffer kept for the next table.
    mutating func take(width: Int) -> FlatCSVRows {
      defer { removeAll() }
      return FlatCSVRows(
        record: bytes.withUnsafeBufferPointer(RecordBytes.copying), heads: heads, ends: ends, width: width)
    }

    /// Empties the gathering. The next table is likely about as long as this one: its arrays get room for as
    /// many rows at once, not grown (and copied) row by row.
    mutating func removeAll() {
      bytes.removeAll(keepingCapacity: true)
      let (rowCount, endCount) = (heads.count, ends.count)
      (heads, ends) = ([], [])
      heads.reserveCapacity(rowCount)
      ends.reserveCapacity(endCount)
    }
  }
}

/// The rows of one table of a flat CSV, made into a `Table` by a `TableBuilder` (in a batch worker, so that
/// reading cells runs on every core). Three kinds of row: the funds row (一级指标 预算执行率, evaluation-format.md:
/// 目标值 = 全年预算数, 业绩值 = 全年执行数), a total row copied from the form (一级, 二级 or 三级指标 总分/合计: its
/// 得分 is the claimed total), and indicator rows. A table cell (项目名称, 年度, 总分 …) is read from the first row
/// that fills it.
struct FlatCSVTable: Sendable {
  let file: String
  let header: FlatCSVHeader
  let rows: FlatCSVRows
  let firstLine: Int
  let sourceEncoding: SourceEncoding

  /// The funds row's columns: an indicator's column read as the funds block's field.
  static let fundsColumns: [(TableField, TableField)] = [
    (.fundsInitialBudget, .fundsInitialBudget), (.target, .fundsAnnualBudget), (.actual, .fundsExecuted),
    (.weight, .fundsWeight), (.claimedCompletion, .fundsClaimedRate), (.claimedScore, .fundsClaimedScore),
  ]

  /// The 一级指标 that marks the funds row.
  static let fundsLevel1 = "预算执行率"

  var defaultID: String { "\(TableReader.baseName(file)):\(firstLine)" }

  func build() -> Result<Table, InputError> {
    var builder = makeBuilder(recordingProvenance: false)
    fill(&builder, byDefinition: false)
    return builder.build()
  }

  /// `build`'s definition: every cell handed to the builder as its text (`TableBuilder.Value.text`), as the
  /// general JSON path hands a string, where `build` hands a number's bytes and a text as a range of the
  /// record. `FlatCSVTableTests` holds the two equal.
  func buildByDefinition() -> Result<Table, InputError> {
    var builder = makeBuilder(recordingProvenance: false)
    fill(&builder, byDefinition: true)
    return builder.build()
  }

  /// The table with each value's line and column (`jixiao extract`).
  func extract() -> TableReader.Extraction {
    var builder = makeBuilder(recordingProvenance: true)
    fill(&builder, byDefinition: true)
    return TableReader.Extraction(builder)
  }

  private func makeBuilder(recordingProvenance: Bool) -> TableBuilder {
    TableBuilder(
      location: SourceLocation(file: file, line: firstLine), defaultID: defaultID, sourceEncoding: sourceEncoding,
      recordingProvenance: recordingProvenance)
  }

  /// Fills `builder` from the rows. `byDefinition`, every cell is set as its text (`Value.text`), with its
  /// place when the builder keeps provenance; else a number is handed over as its bytes and a text as a
  /// range of the record.
  private func fill(_ builder: inout TableBuilder, byDefinition: Bool) {
    rows.record.withBytes { bytes in
      rows.ends.withUnsafeBufferPointer { ends in
        fill(&builder, bytes: bytes, ends: ends, byDefinition: byDefinition || builder.recordsProvenance)
      }
    }
  }

  private func fill(
    _ builder: inout TableBuilder, bytes: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int>, byDefinition: Bool
  ) {
    // By column, whether a row fills it; read only for a column of role `unknown`, so made only when there is one.
    var filledUnknown = header.hasUnknownColumns ? [Bool](repeating: false, count: header.width) : []
    var levels = LevelFill()
    let recordsProvenance = builder.recordsProvenance
    // The table's fields set, as `builder.hasValue` tells them (only cells that are not blank are set): asking
    // the builder would copy it, once a cell.
    var given: UInt64 = 0
    func hasValue(_ field: TableField) -> Bool { given & 1 << UInt64(field.rawValue) != 0 }
    // The optional columns the rows fill, marked once (`setPlainNumber` leaves them to the reader).
    var columns: UInt8 = 0
    let positions = header.positions
    let level1Column = positions[TableField.level1.rawValue]
    let level2Column = positions[TableField.level2.rawValue]
    for row in 0..<rows.count {
      let line = rows.line(row)
      let cells = FlatCSVRows.RowCells(rows, row, ends: ends, bytes: bytes)
      // This row's cells through `cells`; another row's (a level filled from above) as `rows` gives them.
      func cell(_ column: Int, row from: Int = row) -> UnsafeBufferPointer<UInt8> {
        from == row ? cells.cell(column) : rows.cell(from, column, in: bytes)
      }
      func text(_ column: Int, row from: Int = row) -> TableText {
        from == row ? TableText(rows.record, cells.range(column), plain: cells.plain) : rows.text(from, column)
      }
      func string(_ column: Int, row from: Int = row) -> String { String(decoding: cell(column, row: from), as: UTF8.self) }
      func isBlank(_ column: Int) -> Bool { TableText.isBlank(cell(column)) }
      /// Whether the row prints the header's column `column` (nil: the header lacks it).
      func prints(_ column: Int?) -> Bool { column.map { !isBlank($0) } ?? false }
      /// Where a cell is, made only when the builder keeps provenance.
      func location(_ column: Int, line: Int = line) -> SourceLocation? {
        guard recordsProvenance else { return nil }
        let header = header.texts[column].trimmingSpaces()
        let named = header.isEmpty ? "" : " (\(header))"
        return SourceLocation(
          file: file, line: line, field: "line \(line), column \(CSVTableAssembler.columnLetters(column))\(named)")
      }
      /// An indicator's cell `column` of row `from` (this row, or the one a level is filled from).
      func setIndicator(_ field: TableField, _ column: Int, from: Int, into builder: inout TableBuilder) {
        if byDefinition {
          return builder.set(field, .text(string(column, row: from)), at: location(column, line: rows.line(from)))
        }
        let (range, plain) = from == row ? (cells.range(column), cells.plain) : (rows.range(from, column), rows.heads[from].plain)
        // Within a cell's length in bytes, so in characters too: read on its bytes, as the direct decoder does.
        if range.count <= Limits.maximumCellLength {
          if let optional = Indicator.OptionalColumn(field) { columns |= optional.bit }
          let cell = UnsafeBufferPointer(start: bytes.baseAddress! + range.lowerBound, count: range.count)
          builder.setIndicatorCell(field, rows.record, range, cell, plain: plain)
        } else if !header.holdsNumber[column] {
          builder.set(field, indicatorText: text(column, row: from))
        } else {
          if let optional = Indicator.OptionalColumn(field) { columns |= optional.bit }
          let plain = cell(column, row: from)
          if !builder.setPlainNumber(field, utf8: plain) { builder.set(field, printed: string(column, row: from)) }
        }
      }
      let kind = kind(of: cells)
      var rowLevels: (level1: Int?, level2: Int?) = (nil, nil)
      if kind == .indicator {
        builder.beginIndicator(at: SourceLocation(file: file, line: line))
        rowLevels = levels.row(
          row, printsLevel1: prints(level1Column), printsLevel2: prints(level2Column),
          sameLevel1: { above in
            guard let column = level1Column else { return true }
            let (mine, theirs) = (cell(column), UnsafeBufferPointer(rebasing: bytes[rows.range(above, column)]))
            let (mineBlank, theirsBlank) = (TableText.isBlank(mine), TableText.isBlank(theirs))
            return mineBlank || theirsBlank ? mineBlank == theirsBlank : Self.sameText(mine, theirs)
          },
          printsOwnCell: {
            header.roles.indices.contains { column in
              guard case .indicator(let field) = header.roles[column], field != .level1, field != .level2 else { return false }
              return !isBlank(column)
            }
          })
      } else {
        levels.end()
      }
      // Only cells a table prints are set: a blank one would give the table a column it does not fill.
      for (column, role) in header.roles.enumerated() {
        switch role {
        case .unknown:
          if !filledUnknown[column], !isBlank(column) { filledUnknown[column] = true }
        case .table(let field):
          guard !hasValue(field), !isBlank(column) else { continue }
          given |= 1 << UInt64(field.rawValue)
          if byDefinition {
            builder.set(field, .text(string(column)), at: location(column))
          } else if TableBuilder.keptAsPrinted(field) {
            builder.set(field, text: text(column))
          } else {
            builder.set(field, printed: string(column))
          }
        case .indicator(.level1), .indicator(.level2):
          guard case .indicator(let field) = role, let from = field == .level1 ? rowLevels.level1 : rowLevels.level2 else {
            continue
          }
          setIndicator(field, column, from: from, into: &builder)
        case .indicator(let field):
          guard kind == .indicator, !isBlank(column) else { continue }
          setIndicator(field, column, from: row, into: &builder)
        case .other: continue
        }
      }
      switch kind {
      case .funds:
        builder.beginFunds()
        for (column, field) in Self.fundsColumns {
          if let position = positions[column.rawValue], !isBlank(position) {
            builder.set(field, .text(string(position)), at: location(position))
          }
        }
        noteUnread(
          row, in: .funds, except: Self.fundsColumns.map(\.0) + [.level1], into: &builder, given: &given,
          string: { string($0) }, location: { location($0) })
      case .total:
        if let position = positions[TableField.claimedScore.rawValue], !isBlank(position), !hasValue(.claimedTotal) {
          given |= 1 << UInt64(TableField.claimedTotal.rawValue)
          builder.set(.claimedTotal, .text(string(position)), at: location(position))
        }
        // The weight cell repeats the sum of the weights, which `weights.sum` computes itself.
        noteUnread(
          row, in: .total, except: [.level1, .level2, .indicatorName, .weight, .claimedScore], gradeTo: true, into: &builder,
          given: &given, string: { string($0) }, location: { location($0) })
      case .indicator: break
      }
    }
    builder.markColumns(columns)
    for (column, filled) in filledUnknown.enumerated() where filled {
      let text = header.texts[column].trimmingSpaces()
      builder.ignoreColumn(
        header: text.isEmpty ? "（无列名）" : text, column: "第 \(CSVTableAssembler.columnLetters(column)) 列")
    }
  }

  private enum RowKind { case funds, total, indicator }

  /// Two cells are the same text as `String` compares them (canonical equivalence), on their bytes where
  /// those decide it: equal bytes are equal texts, and different ASCII bytes different texts.
  static func sameText(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
    if left.elementsEqual(right) { return true }
    if !left.contains(where: { $0 >= 0x80 }), !right.contains(where: { $0 >= 0x80 }) { return false }
    return String(decoding: left, as: UTF8.self) == String(decoding: right, as: UTF8.self)
  }

  private static let fundsLevel1Bytes = Array(fundsLevel1.utf8)

  /// The funds row, a total row, or an indicator row, by its level and name cells.
  private func kind(of cells: FlatCSVRows.RowCells) -> RowKind {
    func cell(_ column: Int) -> UnsafeBufferPointer<UInt8> { cells.cell(column) }
    func string(_ column: Int) -> String { String(decoding: cell(column), as: UTF8.self) }
    if let column = header.positions[TableField.level1.rawValue] {
      let level1 = cell(column)
      // `trimmingSpaces() == fundsLevel1` of a cell that is not blank, on its bytes when they decide it: nothing
      // to trim, and no byte EF or above. 预算执行率 is CJK ideographs that decompose to nothing, so a text
      // canonically equal to it in other bytes holds a compatibility ideograph (U+F900…, U+2F800…: EF or F0 …).
      if String.hasNothingToTrim(level1), !level1.contains(where: { $0 >= 0xEF }) {
        if level1.count == Self.fundsLevel1Bytes.count, level1.elementsEqual(Self.fundsLevel1Bytes) { return .funds }
      } else if !TableText.isBlank(level1), string(column).trimmingSpaces() == Self.fundsLevel1 {
        return .funds
      }
    }
    func isTotalLabel(_ field: TableField) -> Bool {
      guard let column = header.positions[field.rawValue] else { return false }
      let label = cell(column)
      // Most labels start with a character no total label does: no string is made for them.
      if TableSchema.startsWithNoTotalWord(label) || TableText.isBlank(label) { return false }
      return TableSchema.isTotalRowLabel(string(column))
    }
    return isTotalLabel(.indicatorName) || isTotalLabel(.level1) || isTotalLabel(.level2) ? .total : .indicator
  }

  /// The indicator cells of a structural row that it does not read, each reported; with `gradeTo`, a cell
  /// that reads as a grade (优, 良, 中, 差) is the claimed grade instead.
  private func noteUnread(
    _ row: Int, in structural: ReadingNote.StructuralRow, except read: [TableField], gradeTo: Bool = false,
    into builder: inout TableBuilder, given: inout UInt64, string: (Int) -> String, location: (Int) -> SourceLocation?
  ) {
    for column in 0..<header.width {
      guard let field = header.fields[column], field.place == .indicator, !read.contains(field),
        header.positions[field.rawValue] == column
      else { continue }
      let cell = string(column)
      guard !cell.isBlankText else { continue }
      if gradeTo, case .some(.some) = TableBuilder.claimedGrade(cell) {
        if given & 1 << UInt64(TableField.claimedGrade.rawValue) == 0 {
          given |= 1 << UInt64(TableField.claimedGrade.rawValue)
          builder.set(.claimedGrade, .text(cell), at: location(column))
        }
        continue
      }
      builder.ignoreCell(row: structural, header: header.texts[column].trimmingSpaces(), text: cell)
    }
  }
}
