/// The rows of an indicator block printed as flowing text: each row is found by its run of values — the
/// columns from the one after the name to the last number column, each piece taken by what its column
/// holds (`TextColumn.accepts`) — and what prints between two runs is split into the previous row's
/// remaining text columns, the row's levels (pieces that join into a level name: `时效指` / `标`) and its
/// name (the rest, its pieces joined: `新疆远西电力建设有限` / `公司支付标准`).
struct BodyReader {
  struct Placed {
    var column: Int
    var cell: (text: String, line: DocumentText.Line, column: Int, doubt: String?)?
  }

  let stream: [FlowingCells.Piece]
  let columns: [TextColumn]
  let nameColumn: Int
  let headers: [String]

  /// The columns of the run: after the name, to the last number or rate column.
  var run: Range<Int> {
    let last = columns.lastIndex { $0 == .number || $0 == .rate } ?? (columns.count - 1)
    return (nameColumn + 1)..<max(nameColumn + 1, last + 1)
  }

  /// Where the run of values starts at or after a piece, if anywhere.
  func runStart(from start: Int) -> Int? {
    let run = run
    guard !run.isEmpty else { return nil }
    var position = start
    while position + run.count <= stream.count {
      if run.enumerated().allSatisfy({ columns[$0.element].accepts(stream[position + $0.offset].text) }) { return position }
      position += 1
    }
    return nil
  }

  /// Pieces that join into a level name, from a piece on: the piece after them, and the name.
  func level(from start: Int, before end: Int) -> (next: Int, name: String)? {
    var joined = ""
    var position = start
    while position < end, joined.unicodeScalars.count < 10 {
      let piece = FormText.key(stream[position].text)
      guard piece.unicodeScalars.count <= 9 else { return nil }
      joined += piece
      position += 1
      if PartReader.levelNames.contains(joined) {
        // The longest level name the pieces make (成本指标 is a prefix of none; 满意度 of 满意度指标).
        if position < end, PartReader.levelNames.contains(joined + FormText.key(stream[position].text)) { continue }
        return (position, joined)
      }
    }
    return nil
  }

  mutating func rows() -> [[Placed]] {
    var rows: [[Placed]] = []
    var position = 0
    var previousTrailing: [Placed]? = nil
    let level1Column = columns.firstIndex(of: .level1)
    let level2Column = columns.firstIndex(of: .level2)
    let trailingColumns = Array(run.upperBound..<columns.count)
    while let start = runStart(from: position) {
      // Between the last row's values and this row's: the last row's wrapped text, then levels, then the name.
      var levels: [String] = []
      var levelStart: Int?
      var cursor = position
      var nameStart = position
      search: while cursor < start {
        if let found = level(from: cursor, before: start) {
          if levelStart == nil { levelStart = cursor }
          levels.append(found.name)
          cursor = found.next
          nameStart = cursor
          while cursor < start, let more = level(from: cursor, before: start) {
            levels.append(more.name)
            cursor = more.next
            nameStart = cursor
          }
          break search
        }
        cursor += 1
      }
      let leftover = stream[position..<(levelStart ?? position)]
      if !leftover.isEmpty, var trailing = previousTrailing, var last = rows.popLast() {
        let free = trailingColumns.filter { column in !trailing.contains { $0.column == column } }
        if let column = free.first ?? trailingColumns.last, let first = leftover.first {
          let text = leftover.map(\.text).joined()
          if let index = trailing.firstIndex(where: { $0.column == column }), let existing = trailing[index].cell {
            trailing[index].cell = (
              existing.text + text, existing.line, column, "wrapped text below the row's values, joined to the column it follows"
            )
          } else {
            trailing.append(
              Placed(
                column: column,
                cell: (text, first.line, column, "wrapped text below the row's values, placed in the next text column")))
          }
          last.removeAll { trailingColumns.contains($0.column) }
          last += trailing
        }
        rows.append(last)
      }
      var row: [Placed] = []
      let namePieces = stream[nameStart..<start]
      if let first = namePieces.first {
        var name = ""
        var line = first.line.number
        for piece in namePieces {
          if !name.isEmpty, piece.line.number == line { name += " " }
          name += piece.text
          line = piece.line.number
        }
        row.append(Placed(column: nameColumn, cell: (name, first.line, nameColumn, nil)))
      }
      let levelLine = levelStart.map { stream[$0].line } ?? stream[start].line
      switch levels.count {
      case 0: break
      case 1:
        let isLevel1 = PartReader.level1Names.contains(levels[0]) && level1Column != nil
        if let column = isLevel1 ? level1Column : (level2Column ?? level1Column) {
          row.append(Placed(column: column, cell: (levels[0], levelLine, column, nil)))
        }
      default:
        if let column = level1Column { row.append(Placed(column: column, cell: (levels[0], levelLine, column, nil))) }
        if let column = level2Column { row.append(Placed(column: column, cell: (levels[1], levelLine, column, nil))) }
      }
      for (offset, column) in run.enumerated() {
        let piece = stream[start + offset]
        row.append(Placed(column: column, cell: (piece.text, piece.line, column, nil)))
      }
      // The rest of the last value's line: the remaining text columns, one piece each.
      position = start + run.count
      var trailing: [Placed] = []
      let lastLine = stream[position - 1].line.number
      var columnsLeft = trailingColumns[...]
      while position < stream.count, stream[position].line.number == lastLine, let column = columnsLeft.first {
        if runStart(from: position) == position { break }
        trailing.append(Placed(column: column, cell: (stream[position].text, stream[position].line, column, nil)))
        columnsLeft = columnsLeft.dropFirst()
        position += 1
      }
      row += trailing
      previousTrailing = trailing
      rows.append(row)
    }
    // After the last row: its wrapped text, up to the total row.
    if position < stream.count, var last = rows.popLast() {
      let leftover = stream[position...]
      let used = Set(last.map(\.column))
      if let column = (Array(run.upperBound..<columns.count).first { !used.contains($0) }) ?? columns.indices.last,
        let first = leftover.first
      {
        last.append(
          Placed(
            column: column,
            cell: (
              leftover.map(\.text).joined(), first.line, column,
              "wrapped text below the row's values, placed in the next text column"
            )))
      }
      rows.append(last)
    }
    return rows
  }
}
