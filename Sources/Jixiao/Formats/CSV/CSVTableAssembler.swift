/// Groups the rows of a flat CSV (one indicator a row) into tables, each made by `FlatCSVTable` in a batch
/// worker. Rows with the same table id (or, without an id column, the same project name and year) that
/// follow each other form one table; a key cell left blank (a merged cell saved as CSV) is the one above it.
struct CSVTableAssembler {
  let file: String
  /// The encoding the rows were read in, for the tables emitted next.
  var sourceEncoding = SourceEncoding.utf8
  /// The header once read; nil before it, and when it refused the file.
  private var header: FlatCSVHeader?
  /// The header's columns of the key cells (table id, 项目名称, 年度), and how many cells a row needs to hold
  /// them: looked up once, not on every row.
  private var keyColumns: (id: Int?, name: Int?, year: Int?) = (nil, nil, nil)
  private var keyWidth = 0
  private var sawHeader = false
  /// The key cells of the row above, which a blank key cell repeats, and the key they make.
  private var above: (id: String?, name: String?, year: String?)
  private var aboveKey = GroupKey.nameAndYear("", "")
  private var current: Group?
  /// The rows of the current table, while it is read without error.
  private var gathered = FlatCSVRows.Gathering()
  /// The keys of the tables already emitted: a table whose rows come back later is refused, not split.
  private(set) var emittedKeys = Set<GroupKey>()
  /// A bad row whose table cannot be told refuses the table above it and the next one to start.
  private var unplaced: (error: InputError, carried: Bool)?

  /// What tells the rows of one table from another's: its id, or else its name and year, compared
  /// exactly (a hash alone could take two tables for one).
  enum GroupKey: Hashable, CustomStringConvertible {
    case id(String)
    case nameAndYear(String, String)

    var description: String {
      switch self {
      case .id(let id): id
      case .nameAndYear(let name, let year): year.isEmpty ? name : "\(name) \(year)"
      }
    }
  }

  private struct Group {
    var key: GroupKey
    var firstLine: Int
    /// No row of the table has refused it (yet).
    var isWhole: Bool {
      guard case .none = error else { return false }
      return true
    }
    var error: InputError?
  }

  init(file: String) {
    self.file = file
  }

  enum Output {
    case table(FlatCSVTable)
    case rejected(InputError)
  }

  mutating func add(_ row: CSVParser.Fields, _ emit: (Output) -> Void) {
    if let reason = row.error {
      let error = InputError(SourceLocation(file: file, line: row.line), reason)
      guard sawHeader else {
        // Without its header no row can be read: the file is refused once, not row by row.
        sawHeader = true
        emit(
          .rejected(
            InputError(
              error.location,
              Message(
                en: "the header row cannot be read: \(reason.english); no row of this file is read",
                zh: "表头行无法读取：\(reason.chinese)；该文件的行均未读取"))))
        return
      }
      reject(row, error, emit)
      return
    }
    guard sawHeader else {
      readHeader((0..<row.count).map(row.string), line: row.line, emit)
      return
    }
    // Only the header's width is needed: binding the header would copy it (and retain its arrays) on every row.
    guard let width = header?.width else { return }
    // A row of blank cells (Excel saves a few below the table) is no row of any table.
    guard (0..<row.count).contains(where: { !TableText.isBlank(row[$0]) }) else { return }
    guard row.count == width else {
      let error = InputError(
        SourceLocation(file: file, line: row.line),
        Message(
          en: "the row has \(row.count) cells, the header has \(width); check for a missing or extra comma",
          zh: "该行有 \(row.count) 个单元格，表头有 \(width) 个；请检查是否少了或多了逗号"))
      reject(row, error, emit)
      return
    }
    guard let key = groupKey(row) else { return }  // A row as wide as the header has its key cells.
    if key == .above, current != nil {
      // The table being read is the row above's (its key is `aboveKey`, as every group's is when it starts):
      // the row goes on with it.
      unplaced = nil
    } else {
      startGroupIfNeeded(aboveKey, line: row.line, emit)
    }
    // The rows gathered are the current table's, while it is whole.
    guard current?.isWhole == true else { return }
    if gathered.count >= Limits.maximumIndicators + 1 {
      current?.error = InputError(
        SourceLocation(file: file, line: row.line),
        Message(
          en: "more than \(Limits.maximumIndicators) indicators in one table", zh: "一张表的指标超过 \(Limits.maximumIndicators) 个"))
    } else if gathered.byteCount + row.bytes.count >= Limits.maximumDocumentBytes {
      // The table's texts are ranges of one copy of its rows, counted in 32 bits.
      current?.error = InputError(
        SourceLocation(file: file, line: row.line),
        Message(
          en: "the rows of one table are longer than \(Limits.maximumDocumentBytes >> 20) MiB; split the table",
          zh: "一张表的行超过 \(Limits.maximumDocumentBytes >> 20) MiB；请拆分该表"))
    } else {
      gathered.append(row)
    }
  }

  /// A bad row rejects the table it belongs to, told by its key; when the row is too short to hold its key
  /// cells, the tables on either side of it, since it may belong to either.
  private mutating func reject(_ row: CSVParser.Fields, _ error: InputError, _ emit: (Output) -> Void) {
    guard header != nil else { return }
    guard groupKey(row) != nil else {
      let unplacedError = InputError(
        error.location,
        error.message
          + Message(
            en: " (its table cannot be told, so the tables next to it are refused with it)", zh: "（无法判断该行属于哪张表，因此其前后的表一并拒绝）"))
      if current != nil, current?.error == nil { current?.error = unplacedError }
      if let earlier = unplaced, !earlier.carried { emit(.rejected(earlier.error)) }
      unplaced = (unplacedError, current != nil)
      return
    }
    startGroupIfNeeded(aboveKey, line: error.location.line ?? 0, emit)
    if current?.error == nil { current?.error = error }
  }

  private mutating func startGroupIfNeeded(_ key: GroupKey, line: Int, _ emit: (Output) -> Void) {
    guard current?.key != key else {
      unplaced = nil  // The bad row lay inside this table, which it already refused.
      return
    }
    flush(emit)
    current = Group(key: key, firstLine: line)
    if emittedKeys.contains(key) {
      current?.error = InputError(
        SourceLocation(file: file, line: line),
        Message(
          en: "the rows of table \"\(key)\" are not together; sort the file by table id (or 项目名称 and 年度)",
          zh: "表 \"\(key)\" 的行不连续；请按表格 id（或项目名称和年度）排序"))
    }
    if let unplaced {
      if current?.error == nil { current?.error = unplaced.error }
      self.unplaced = nil
    }
  }

  /// The rest of the file cannot be read. The table being read may go on in it, so it is refused with
  /// the file; the tables before it were whole and stand.
  mutating func abandon(_ error: InputError, _ emit: (Output) -> Void) {
    if current != nil, current?.error == nil {
      current?.error = error
      finish(emit)
    } else {
      finish(emit)
      emit(.rejected(error))
    }
  }

  mutating func finish(_ emit: (Output) -> Void) {
    flush(emit)
    if let unplaced, !unplaced.carried { emit(.rejected(unplaced.error)) }
    unplaced = nil
  }

  private mutating func readHeader(_ fields: [String], line: Int, _ emit: (Output) -> Void) {
    sawHeader = true
    let read = FlatCSVHeader(fields)
    let location = SourceLocation(file: file, line: line)
    guard read.positions[TableField.indicatorName.rawValue] != nil,
      read.positions[TableField.id.rawValue] != nil || read.positions[TableField.name.rawValue] != nil
    else {
      var message: Message
      if fields.count == 1, fields[0].contains("\t") {
        message = Message(
          en: "the header is separated by tabs, not commas (Excel's Unicode 文本); save the file as CSV UTF-8",
          zh: "表头以制表符而非逗号分隔（Excel 的“Unicode 文本”）；请将文件存为 CSV UTF-8")
      } else {
        let seen = fields.prefix(6).joined(separator: ",") + (fields.count > 6 ? ",…" : "")
        message = Message(
          en: "the header needs a 三级指标 column and a 项目名称 (or table id) column; found \(seen)",
          zh: "表头须有“三级指标”列和“项目名称”（或表格 id）列；实为 \(seen)")
      }
      if sourceEncoding == .gb18030 {
        // GB18030 decodes most double-byte text (Big5, Shift-JIS) into wrong characters without an error.
        message += Message(
          en: " (the file was read as \(sourceEncoding.rawValue); if it is in another encoding, save it as CSV UTF-8)",
          zh: "（该文件按 \(sourceEncoding.rawValue) 读取；如果是其他编码，请存为 CSV UTF-8）")
      }
      emit(.rejected(InputError(location, message)))
      return
    }
    let repeated = read.repeatedColumns.map { first, later in
      let (firstName, laterName) = (fields[first].trimmingSpaces(), fields[later].trimmingSpaces())
      let (firstColumn, laterColumn) = (Self.columnLetters(first), Self.columnLetters(later))
      let field = read.fields[first]!.declaration.headers[0]
      return Message(
        en: "\(firstName) (column \(firstColumn)) and \(laterName) (column \(laterColumn)) both give the \(field)",
        zh: "\(firstName)（\(firstColumn) 列）和\(laterName)（\(laterColumn) 列）都给出\(field)")
    }
    guard repeated.isEmpty else {
      // An auditor must not have to guess which of two columns counts, as with a JSON member given twice.
      emit(
        .rejected(
          InputError(
            location,
            Message(en: "the header has two columns for one field: ", zh: "表头中有两列对应同一字段：")
              + Message.joined(repeated, separator: Message(en: "; ", zh: "；"))
              + Message(en: "; keep one and delete or rename the other", zh: "；请保留一列，删除或改名另一列"))))

      return
    }
    header = read
    keyColumns = (
      read.positions[TableField.id.rawValue], read.positions[TableField.name.rawValue], read.positions[TableField.year.rawValue]
    )
    keyWidth = [keyColumns.id, keyColumns.name, keyColumns.year].compactMap { $0.map { $0 + 1 } }.max() ?? 0
  }

  /// A column as a spreadsheet names it: A, …, Z, AA, ….
  static func columnLetters(_ offset: Int) -> String {
    var letters = ""
    var rest = offset + 1
    while rest > 0 {
      rest -= 1
      letters = String(UnicodeScalar(UInt8(ascii: "A") + UInt8(rest % 26))) + letters
      rest /= 26
    }
    return letters
  }

  /// nil when the row is too short to hold the cells its key is made of. A row whose key cells are blank
  /// or the same as the row above's goes on with the table above: a merged 项目名称 saved as CSV leaves the
  /// rows below its first blank. A row that fills a key cell differently starts from its own cells. Cells
  /// are compared with the row above's by their bytes: a string is made only for a row that changes them.
  /// The row's key is then `aboveKey`.
  private mutating func groupKey(_ row: CSVParser.Fields) -> RowKey? {
    guard header != nil, row.count >= keyWidth else { return nil }
    let columns = keyColumns
    /// The cell's bytes, nil when blank or when the header lacks it.
    func cell(_ column: Int?) -> UnsafeBufferPointer<UInt8>? {
      guard let column else { return nil }
      let bytes = row[column]
      return TableText.isBlank(bytes) ? nil : bytes
    }
    let (id, name, year) = (cell(columns.0), cell(columns.1), cell(columns.2))
    /// 0: blank, or the bytes above; 1: a text `String` takes for the one above, in other bytes; 2: another.
    func agreement(_ cell: UnsafeBufferPointer<UInt8>?, _ above: String?) -> Int {
      guard let cell else { return 0 }
      guard let above else { return 2 }
      if above.hasSameBytes(as: cell) { return 0 }
      return above == String(decoding: cell, as: UTF8.self) ? 1 : 2
    }
    let agreements = (agreement(id, above.id), agreement(name, above.name), agreement(year, above.year))
    if agreements == (0, 0, 0) { return .above }
    func string(_ cell: UnsafeBufferPointer<UInt8>?) -> String? { cell.map { String(decoding: $0, as: UTF8.self) } }
    if agreements.0 < 2, agreements.1 < 2, agreements.2 < 2 {
      above = (string(id) ?? above.id, string(name) ?? above.name, string(year) ?? above.year)
    } else {
      above = (string(id), string(name), string(year))
    }
    if let id = above.id {
      aboveKey = .id(id)
    } else {
      aboveKey = .nameAndYear(above.name ?? "", above.year ?? "")
    }
    return .changed
  }

  /// A row's key against the row above's: the same cells, or cells that changed `aboveKey`.
  private enum RowKey { case above, changed }

  private mutating func flush(_ emit: (Output) -> Void) {
    guard let group = current else { return }
    current = nil
    emittedKeys.insert(group.key)
    if let error = group.error {
      gathered.removeAll()
      emit(.rejected(error))
      return
    }
    emit(
      .table(
        FlatCSVTable(
          file: file, header: header!, rows: gathered.take(width: header!.width), firstLine: group.firstLine,
          sourceEncoding: sourceEncoding)))
  }
}
