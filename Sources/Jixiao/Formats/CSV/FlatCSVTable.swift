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
    roles = fields.enumerated().map { column, field in
      guard let field else { return .unknown }
      guard positions[field.rawValue] == column else { return .other }
      switch field.place {
      case .table: return .table(field)
      case .indicator: return .indicator(field)
      default: return .other
      }
    }
  }

  var width: Int { texts.count }

  /// The columns that hold a field another column holds already: each as the first and the later.
  var repeatedColumns: [(first: Int, later: Int)] {
    fields.enumerated().compactMap { offset, field in
      guard let field, let first = positions[field.rawValue], first != offset else { return nil }
      return (first, offset)
    }
  }

  /// Whether a row prints `field`: the header has it and the row's cell is not blank.
  func prints(_ row: [String], _ field: TableField) -> Bool {
    guard let index = positions[field.rawValue], index < row.count else { return false }
    return !row[index].isBlankText
  }

  /// The cell of `field` in a row, nil when blank or when the header lacks it.
  func cell(_ row: [String], _ field: TableField) -> String? {
    guard let index = positions[field.rawValue], index < row.count else { return nil }
    let value = row[index]
    return value.isBlankText ? nil : value
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
  let rows: [(cells: [String], line: Int)]
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
    fill(&builder)
    return builder.build()
  }

  /// The table with each value's line and column (`jixiao extract`).
  func extract() -> TableReader.Extraction {
    var builder = makeBuilder(recordingProvenance: true)
    fill(&builder)
    return TableReader.Extraction(builder)
  }

  private func makeBuilder(recordingProvenance: Bool) -> TableBuilder {
    TableBuilder(
      location: SourceLocation(file: file, line: firstLine), defaultID: defaultID, sourceEncoding: sourceEncoding,
      recordingProvenance: recordingProvenance)
  }

  private func fill(_ builder: inout TableBuilder) {
    var filledUnknown = [Bool](repeating: false, count: header.width)
    var levels = LevelFill()
    let recordsProvenance = builder.recordsProvenance
    for (offset, (cells, line)) in rows.enumerated() {
      /// Where a cell is, made only when the builder keeps provenance.
      func location(_ column: Int, line: Int = line) -> SourceLocation? {
        guard recordsProvenance else { return nil }
        let header = header.texts[column].trimmingSpaces()
        let named = header.isEmpty ? "" : " (\(header))"
        return SourceLocation(
          file: file, line: line, field: "line \(line), column \(CSVTableAssembler.columnLetters(column))\(named)")
      }
      let kind = kind(of: cells)
      var rowLevels: (level1: Int?, level2: Int?) = (nil, nil)
      if kind == .indicator {
        builder.beginIndicator(at: SourceLocation(file: file, line: line))
        rowLevels = levels.row(
          offset, printsLevel1: header.prints(cells, .level1), printsLevel2: header.prints(cells, .level2),
          sameLevel1: { above in header.cell(rows[above].cells, .level1) == header.cell(cells, .level1) },
          printsOwnCell: {
            header.roles.indices.contains { column in
              guard case .indicator(let field) = header.roles[column], field != .level1, field != .level2 else { return false }
              return !cells[column].isBlankText
            }
          })
      } else {
        levels.end()
      }
      // Only cells a table prints are set: a blank one would give the table a column it does not fill.
      for (column, role) in header.roles.enumerated() {
        switch role {
        case .unknown:
          if !filledUnknown[column], !cells[column].isBlankText { filledUnknown[column] = true }
        case .table(let field):
          guard !builder.hasValue(field), !cells[column].isBlankText else { continue }
          builder.set(field, .text(cells[column]), at: location(column))
        case .indicator(.level1), .indicator(.level2):
          guard case .indicator(let field) = role, let from = field == .level1 ? rowLevels.level1 : rowLevels.level2 else {
            continue
          }
          if recordsProvenance {
            builder.set(field, .text(rows[from].cells[column]), at: location(column, line: rows[from].line))
          } else {
            builder.set(field, printed: rows[from].cells[column])
          }
        case .indicator(let field):
          guard kind == .indicator, !cells[column].isBlankText else { continue }
          if recordsProvenance {
            builder.set(field, .text(cells[column]), at: location(column))
          } else {
            builder.set(field, printed: cells[column])
          }
        case .other: continue
        }
      }
      switch kind {
      case .funds:
        builder.beginFunds()
        for (column, field) in Self.fundsColumns {
          if let position = header.positions[column.rawValue], let cell = header.cell(cells, column) {
            builder.set(field, .text(cell), at: location(position))
          }
        }
        noteUnread(cells, in: .funds, except: Self.fundsColumns.map(\.0) + [.level1], into: &builder) { location($0) }
      case .total:
        if let position = header.positions[TableField.claimedScore.rawValue], let score = header.cell(cells, .claimedScore),
          !builder.hasValue(.claimedTotal)
        {
          builder.set(.claimedTotal, .text(score), at: location(position))
        }
        // The weight cell repeats the sum of the weights, which `weights.sum` computes itself.
        noteUnread(
          cells, in: .total, except: [.level1, .level2, .indicatorName, .weight, .claimedScore], gradeTo: true, into: &builder
        ) { location($0) }
      case .indicator: break
      }
    }
    for (column, filled) in filledUnknown.enumerated() where filled {
      let text = header.texts[column].trimmingSpaces()
      builder.ignoreColumn(
        header: text.isEmpty ? "（无列名）" : text, column: "第 \(CSVTableAssembler.columnLetters(column)) 列")
    }
  }

  private enum RowKind { case funds, total, indicator }

  private func kind(of cells: [String]) -> RowKind {
    if header.cell(cells, .level1)?.trimmingSpaces() == Self.fundsLevel1 { return .funds }
    for field in [TableField.indicatorName, .level1, .level2] {
      if let label = header.cell(cells, field), TableSchema.isTotalRowLabel(label) { return .total }
    }
    return .indicator
  }

  /// The indicator cells of a structural row that it does not read, each reported; with `gradeTo`, a cell
  /// that reads as a grade (优, 良, 中, 差) is the claimed grade instead.
  private func noteUnread(
    _ cells: [String], in row: ReadingNote.StructuralRow, except read: [TableField], gradeTo: Bool = false,
    into builder: inout TableBuilder, _ location: (Int) -> SourceLocation?
  ) {
    for (column, cell) in cells.enumerated() where !cell.isBlankText {
      guard let field = header.fields[column], field.place == .indicator, !read.contains(field),
        header.positions[field.rawValue] == column
      else { continue }
      if gradeTo, case .some(.some) = TableBuilder.claimedGrade(cell) {
        if !builder.hasValue(.claimedGrade) { builder.set(.claimedGrade, .text(cell), at: location(column)) }
        continue
      }
      builder.ignoreCell(row: row, header: header.texts[column].trimmingSpaces(), text: cell)
    }
  }
}
