/// One worksheet part (`xl/worksheets/sheet1.xml`) into a grid: `<sheetData>` rows and cells, each cell
/// by its type (`t`) and style (`s`), and `<mergeCells>`.
struct WorksheetReader {
  let file: String
  let sheetName: String
  let strings: SharedStrings
  let styles: CellStyles
  let uses1904: Bool
  let limits: SpreadsheetReader.Limits

  /// Whether `read` takes `XMLReader.plainCell()`, `plainStartTag(named:reading:)` for rows and merged
  /// areas, `plainStartTag(notNamed:)` and `plainEndTag()` for the elements it ignores where it can; off
  /// only to test them against the general path.
  var usesPlainCells = true

  /// Whether `read` places a shared string's cell by the string's index (`Grid.setShared`), not by setting
  /// its cell through the grid's subscript; off only to test it against the subscript.
  var usesSharedSlots = true

  /// Whether `read` places a number read again (its value's text and style those of one of the last
  /// numbers placed) as the slot of that number's cell (`RecentNumbers`), not by making its cell again; off
  /// only to test it against making every cell.
  var usesRecentNumbers = true

  /// Whether `read` takes `XMLReader.compactCell()` before `plainCell()`, and goes on taking it for the
  /// cells that follow; off only to test it against `plainCell()`.
  var usesCompactCells = true

  /// The elements `read` does something with; the others it steps over (their content included).
  private static let handledElements: [StaticString] = ["row", "c", "mergeCell", "extLst"]

  func read(bytes: [UInt8], entry: String, isHidden: Bool) throws(InputError) -> Grid {
    var grid = Grid(file: file, name: sheetName, isHidden: isHidden, sharing: strings.cells)
    var reader = XMLReader(bytes: bytes, file: file, entry: entry)
    var row = -1
    var column = -1
    var cells = 0
    /// Whether unprefixed names are SpreadsheetML's, as of the reader's `defaultNamespaceChanges`.
    var checkedNamespace = (changes: -1, isMain: false)
    /// The reference a general-path `<c>` gives, if any; an error when its text is no reference.
    func reference(_ text: String?) throws(InputError) -> CellReference? {
      guard let text else { return nil }
      guard let parsed = CellReference(text) else {
        throw InputError(
          grid.location(of: CellReference(row: max(row, 0), column: column + 1)),
          Message(en: "the cell reference \"\(text)\" is not one", zh: "单元格引用 \"\(text)\" 无效"))
      }
      return parsed
    }
    /// Where a cell read by either path goes: at its reference (or the next place in the row), within limits.
    func advance(to given: CellReference?) throws(InputError) -> CellReference {
      let reference = given ?? CellReference(row: max(row, 0), column: column + 1)
      guard reference.column < CellReference.columnLimit, reference.row < CellReference.rowLimit else {
        throw InputError(
          grid.location(of: reference),
          Message(en: "the cell lies beyond Excel's last row or column", zh: "该单元格超出 Excel 的最后一行或最后一列"))
      }
      row = max(row, reference.row)
      column = reference.column
      return reference
    }
    /// Counts a cell that holds something against the sheet's limit.
    func count(at reference: CellReference) throws(InputError) {
      cells += 1
      guard cells <= limits.maximumCellsPerSheet else {
        throw InputError(
          grid.location(of: reference),
          Message(
            en: "the sheet has more than \(limits.maximumCellsPerSheet) cells that hold something",
            zh: "该工作表的非空单元格超过 \(limits.maximumCellsPerSheet) 个"))
      }
    }
    /// Places a cell read by either path.
    func place(_ given: CellReference?, _ read: (CellReference) throws(InputError) -> GridCell) throws(InputError) {
      let reference = try advance(to: given)
      let cell = try read(reference)
      if !cell.isEmpty {
        try count(at: reference)
        grid[reference] = cell
      }
    }
    /// Places the cell of the shared string at `index`, which the workbook has.
    func placeShared(_ given: CellReference?, _ index: Int) throws(InputError) {
      guard usesSharedSlots else { return try place(given) { reference in strings.cell(index, at: reference)! } }
      let reference = try advance(to: given)
      // An empty string's cell is empty.
      guard !strings.cells[index].isEmpty else { return }
      try count(at: reference)
      grid.setShared(index, at: reference)
    }
    var recentNumbers = RecentNumbers()
    /// Places a number cell without a formula, as `place` with `cell(type: .number, …)` does; `key` is its
    /// value's bytes and its style (`RecentNumbers.Key`), nil when they make none.
    func placeNumber(_ given: CellReference?, key: RecentNumbers.Key?, value: String?, style: Int?) throws(InputError) {
      guard usesRecentNumbers, let key else {
        return try place(given) { reference in
          cell(type: .number, value: value, inline: nil, formula: nil, style: style, at: reference)
        }
      }
      let reference = try advance(to: given)
      let number = cell(type: .number, value: value, inline: nil, formula: nil, style: style, at: reference)
      guard !number.isEmpty else { return }
      try count(at: reference)
      grid[reference] = number
      recentNumbers.remember(key, slot: grid.slot(at: reference))
    }
    /// Places a number read again (`RecentNumbers`), as `placeNumber` does: the cell its value made before.
    func placeNumber(_ given: CellReference?, readAgain slot: GridStorage.Slot) throws(InputError) {
      let reference = try advance(to: given)
      try count(at: reference)
      grid.set(slot, at: reference)
    }
    func startRow(number: String?) throws(InputError) {
      if let number {
        guard let value = Int(number), value >= 1, value <= CellReference.rowLimit else {
          throw InputError(
            grid.location(of: CellReference(row: max(row, 0), column: 0)),
            Message(
              en: "the row number \"\(number)\" is not one from 1 to \(CellReference.rowLimit)",
              zh: "行号 \"\(number)\" 不在 1 到 \(CellReference.rowLimit) 之间"))

        }
        row = value - 1
      } else {
        row += 1
      }
      column = -1
    }
    func mergeCell(_ reference: String?) {
      // A merged area that cannot be read or overlaps another is left out: its cells stay as they are.
      if let range = reference.flatMap({ CellRange($0) }) { grid.merge(range) }
    }
    do throws(InputError) {
      while true {
        if usesPlainCells {
          if checkedNamespace.changes != reader.defaultNamespaceChanges {
            checkedNamespace = (reader.defaultNamespaceChanges, SpreadsheetML.isMainNamespace(reader.defaultNamespace))
          }
          if checkedNamespace.isMain {
            switch reader.nextTagLead() {
            case UInt8(ascii: "c"):
              if usesCompactCells, var compact = reader.compactCell() {
                // A row of LibreOffice's print area is mostly these three shapes: read them one after the other.
                while true {
                  // A cell is made before it is placed (at its own reference, which `advance` keeps), so that the closure
                  // holds the cell alone: a closure over the sheet reader here had it copied for every cell of the loop.
                  if let index = compact.sharedIndex {
                    if index < strings.cells.count {
                      try placeShared(compact.reference, index)
                    } else {
                      let made = cell(
                        type: .shared, value: String(index), inline: nil, formula: nil, style: compact.style,
                        at: compact.reference)
                      try place(compact.reference) { _ in made }
                    }
                  } else if let number = compact.number {
                    let key =
                      usesRecentNumbers ? reader.withBytes(of: number) { RecentNumbers.Key($0, style: compact.style) } : nil
                    if let key, let slot = recentNumbers.slot(of: key) {
                      try placeNumber(compact.reference, readAgain: slot)
                    } else {
                      try placeNumber(compact.reference, key: key, value: reader.text(of: number), style: compact.style)
                    }
                  } else {
                    // A styled cell without a value (LibreOffice writes every one of the print area) is empty.
                    _ = try advance(to: compact.reference)
                  }
                  guard let next = reader.compactCell() else { break }
                  compact = next
                }
                continue
              }
              if let plain = reader.plainCell() {
                if plain.value == nil {
                  // A styled cell without a value (LibreOffice writes every one of the print area) is empty.
                  _ = try advance(to: plain.reference)
                } else if let index = plain.sharedIndex, index < strings.cells.count {
                  try placeShared(plain.reference, index)
                } else {
                  let type = reader.withType(of: plain, CellType.init(bytes:)) ?? .number
                  if type == .number {
                    let key =
                      usesRecentNumbers ? reader.withValue(of: plain) { RecentNumbers.Key($0, style: plain.style) } ?? nil : nil
                    if let key, let slot = recentNumbers.slot(of: key) {
                      try placeNumber(plain.reference, readAgain: slot)
                    } else {
                      try placeNumber(plain.reference, key: key, value: reader.value(of: plain), style: plain.style)
                    }
                  } else {
                    let value = reader.value(of: plain)
                    try place(plain.reference) { reference in
                      cell(type: type, value: value, inline: nil, formula: nil, style: plain.style, at: reference)
                    }
                  }
                }
                continue
              }
            case UInt8(ascii: "r"):
              if let tag = reader.plainStartTag(named: "row", reading: "r") {
                // A row's `r` of plain digits is read from its bytes; anything else as the general path reads its text.
                if let number = tag.value, let value = reader.digits(of: number, maximumDigits: 7), value >= 1,
                  value <= CellReference.rowLimit
                {
                  row = value - 1
                  column = -1
                } else if let number = tag.value {
                  try startRow(number: reader.text(of: number))
                } else {
                  try startRow(number: nil)
                }
                continue
              }
            case UInt8(ascii: "m"):
              if let tag = reader.plainStartTag(named: "mergeCell", reading: "ref") {
                // A merged area that cannot be read or overlaps another is left out: its cells stay as they are.
                if let value = tag.value, let range = reader.withBytes(of: value, CellRange.init(bytes:)) { grid.merge(range) }
                continue
              }
            case UInt8(ascii: "/"):
              if reader.plainEndTag() { continue }
            default:
              break
            }
            if reader.plainStartTag(notNamed: Self.handledElements) { continue }
          }
        }
        guard let event = try reader.next() else { break }
        guard case .start(let tag) = event else { continue }
        if SpreadsheetML.isMain(tag.name, "row") {
          try startRow(number: tag["r"])
        } else if SpreadsheetML.isMain(tag.name, "c") {
          // The cell is read before it is placed, at the place `advance` gives it (which placing it keeps), so that
          // no closure holds the XML reader: one that did kept it boxed, and every fast path above read it there.
          let at = try advance(to: try reference(tag["r"]))
          let made = try readCell(tag, at: at, reader: &reader)
          try place(at) { _ in made }
        } else if SpreadsheetML.isMain(tag.name, "mergeCell") {
          // A merged area that cannot be read or overlaps another is left out: its cells stay as they are.
          mergeCell(tag["ref"])
        } else if SpreadsheetML.isMain(tag.name, "extLst") {
          try reader.skipElement()
        }
      }
    } catch  where error.location.field == entry {
      // The XML reader names the part; the sheet's name is what the user knows.
      throw InputError(SourceLocation(file: file, field: "\(sheetName) (\(entry))"), error.message)
    }
    return grid
  }

  /// The cell whose `<c>` tag was just read, through its `</c>`.
  private func readCell(_ tag: XMLStartTag, at reference: CellReference, reader: inout XMLReader) throws(InputError) -> GridCell {
    let type = tag["t"].map(CellType.init) ?? .number
    var value: String?
    var formula: String?
    var inline: String?
    let depth = reader.depth
    while let event = try reader.next() {
      switch event {
      case .start(let child) where SpreadsheetML.isMain(child.name, "v"):
        value = try reader.elementText()
      case .start(let child) where SpreadsheetML.isMain(child.name, "f"):
        formula = try reader.elementText()
      case .start(let child) where SpreadsheetML.isMain(child.name, "is"):
        inline = try SpreadsheetML.readStringItem(&reader)
      case .start:
        try reader.skipElement()
      case .end where reader.depth < depth:
        return cell(
          type: type, value: value, inline: inline, formula: formula, style: tag["s"].flatMap { Int($0) }, at: reference)
      default:
        break
      }
    }
    return cell(type: type, value: value, inline: inline, formula: formula, style: tag["s"].flatMap { Int($0) }, at: reference)
  }

  private func text(_ text: String, formula: String?, at reference: CellReference) -> GridCell {
    GridCell(kind: text.isEmpty ? .empty : .text, text: text, formula: formula, reference: reference)
  }

  private func cell(type: CellType, value: String?, inline: String?, formula: String?, style: Int?, at reference: CellReference)
    -> GridCell
  {
    func unreadable(_ text: String, _ problem: String) -> GridCell {
      GridCell(kind: .unreadable, text: text, formula: formula, problem: problem, reference: reference)
    }
    func text(_ text: String) -> GridCell { self.text(text, formula: formula, at: reference) }
    if type == .inlineString { return text(inline ?? "") }
    // `<v/>` and `<v></v>` (openpyxl's formulas) hold no value either.
    guard let value, !value.isEmpty else {
      if let formula {
        return unreadable(
          "",
          "the formula =\(formula) has no saved result (the file was written without calculating it): open it in Excel, WPS or LibreOffice and save it again"
        )
      }
      return .empty(reference)
    }
    switch type {
    case .shared:
      guard let index = Int(value.trimmingSpaces()), let string = strings[index] else {
        return unreadable(value, "the cell points to shared string \(value), which the workbook does not have")
      }
      return text(string)
    case .string:
      return text(OOXMLText.decode(value))
    case .boolean:
      switch value.trimmingSpaces() {
      case "1", "true": return GridCell(kind: .boolean, text: "TRUE", value: "TRUE", formula: formula, reference: reference)
      case "0", "false": return GridCell(kind: .boolean, text: "FALSE", value: "FALSE", formula: formula, reference: reference)
      default: return unreadable(value, "the cell is marked true/false but holds \(value)")
      }
    case .error:
      return unreadable(value, "the cell holds the error value \(value)")
    case .date:
      // An ISO 8601 date as written (strict OOXML); shown as stored.
      return GridCell(kind: .date, text: value, value: value, formula: formula, reference: reference)
    case .number:
      if styles.isGeneral(style) && SheetNumber.isPlainText(value) {
        return GridCell(kind: .number, text: value, value: value, formula: formula, reference: reference)
      }
      let format = styles.format(style)
      guard let number = SheetNumber(value.trimmingSpaces()) else {
        return unreadable(value, "the cell is marked as a number but holds \(value)")
      }
      guard let printed = format.print(number, uses1904: uses1904) else {
        return unreadable(number.plainText, "the number \(number.plainText) has a date format but is no date (Excel shows ####)")
      }
      if let date = printed.date {
        let showsTime = format.showsTime || date.elapsedSeconds % 86_400 != 0
        return GridCell(
          kind: .date, text: printed.text, value: date.isoText(withTime: showsTime), formula: formula, reference: reference)
      }
      return GridCell(kind: .number, text: printed.text, value: number.plainText, formula: formula, reference: reference)
    case .inlineString:
      return text(inline ?? "")
    case .unknown(let type):
      return unreadable(value, "the cell has the unknown type \"\(type)\"")
    }
  }
}

/// The last numbers a sheet's reader placed without a formula, by their value's text and style, with the
/// slots of their cells: a form repeats its numbers (a weight and its score, an amount across columns),
/// and a cell is a function of its value's text and style (`WorksheetReader.cell`), so a number read
/// again is the cell placed before.
struct RecentNumbers {
  /// A number's value, as its bytes (at most 15), and its style: compared as three words.
  struct Key: Equatable {
    var low: UInt64
    /// The bytes after the eighth, and the byte count in the top byte.
    var high: UInt64
    var style: Int

    init?(_ bytes: UnsafeBufferPointer<UInt8>, style: Int?) {
      guard bytes.count < 16 else { return nil }
      var low: UInt64 = 0
      var high = UInt64(bytes.count) << 56
      for index in bytes.indices {
        if index < 8 {
          low |= UInt64(bytes[index]) << (8 * index)
        } else {
          high |= UInt64(bytes[index]) << (8 * (index - 8))
        }
      }
      (self.low, self.high, self.style) = (low, high, style ?? -1)
    }
  }

  private var entries: [(key: Key, slot: GridStorage.Slot)] = []
  private var next = 0
  static let capacity = 8

  func slot(of key: Key) -> GridStorage.Slot? {
    for entry in entries where entry.key == key { return entry.slot }
    return nil
  }

  /// Keeps a number's slot in place of the oldest kept.
  mutating func remember(_ key: Key, slot: GridStorage.Slot) {
    // Room for all at the first: growing one by one took four allocations a sheet.
    if entries.isEmpty { entries.reserveCapacity(Self.capacity) }
    if entries.count < Self.capacity {
      entries.append((key, slot))
    } else {
      entries[next] = (key, slot)
      next = (next + 1) % Self.capacity
    }
  }
}

/// A cell's type (`t`) as SpreadsheetML names it; `number` when a cell has none.
enum CellType: Hashable {
  case shared, string, inlineString, boolean, error, date, number
  case unknown(String)

  init(_ text: String) {
    switch text {
    case "s": self = .shared
    case "str": self = .string
    case "inlineStr": self = .inlineString
    case "b": self = .boolean
    case "e": self = .error
    case "d": self = .date
    case "n": self = .number
    default: self = .unknown(text)
    }
  }

  /// `init(_:)` on the text's bytes, without making a string for the usual types: every cell of a sheet has one.
  init(bytes: UnsafeBufferPointer<UInt8>) {
    if bytes.count == 1 {
      switch bytes[0] {
      case UInt8(ascii: "s"): self = .shared
      case UInt8(ascii: "n"): self = .number
      case UInt8(ascii: "b"): self = .boolean
      case UInt8(ascii: "e"): self = .error
      case UInt8(ascii: "d"): self = .date
      default: self.init(String(decoding: bytes, as: UTF8.self))
      }
    } else {
      self.init(String(decoding: bytes, as: UTF8.self))
    }
  }
}
