/// Groups the rows of a flat CSV (one indicator a row) into tables, each made by `FlatCSVTable` in a batch
/// worker. Rows with the same table id (or, without an id column, the same project name and year) that
/// follow each other form one table; a key cell left blank (a merged cell saved as CSV) is the one above it.
struct CSVTableAssembler {
  let file: String
  /// The encoding the rows were read in, for the tables emitted next.
  var sourceEncoding = SourceEncoding.utf8
  /// The header once read; nil before it, and when it refused the file.
  private var header: FlatCSVHeader?
  private var sawHeader = false
  /// The key cells of the row above, which a blank key cell repeats.
  private var above: (id: String?, name: String?, year: String?)
  private var current: Group?
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
    var rows: [(cells: [String], line: Int)] = []
    var error: InputError?
  }

  init(file: String) {
    self.file = file
  }

  enum Output {
    case table(FlatCSVTable)
    case rejected(InputError)
  }

  mutating func add(_ row: CSVParser.Row, _ emit: (Output) -> Void) {
    switch row {
    case .malformed(let fields, let line, let reason):
      let error = InputError(SourceLocation(file: file, line: line), reason)
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
      reject(fields, error, emit)
    case .fields(let fields, let line):
      guard sawHeader else {
        readHeader(fields, line: line, emit)
        return
      }
      guard let header else { return }
      // A row of blank cells (Excel saves a few below the table) is no row of any table.
      guard fields.contains(where: { !$0.isBlankText }) else { return }
      guard fields.count == header.width else {
        let error = InputError(
          SourceLocation(file: file, line: line),
          Message(
            en: "the row has \(fields.count) cells, the header has \(header.width); check for a missing or extra comma",
            zh: "该行有 \(fields.count) 个单元格，表头有 \(header.width) 个；请检查是否少了或多了逗号"))
        reject(fields, error, emit)
        return
      }
      guard let key = groupKey(fields) else { return }  // A row as wide as the header has its key cells.
      startGroupIfNeeded(key, line: line, emit)
      if current!.rows.count >= Limits.maximumIndicators + 1, current?.error == nil {
        current?.error = InputError(
          SourceLocation(file: file, line: line),
          Message(
            en: "more than \(Limits.maximumIndicators) indicators in one table", zh: "一张表的指标超过 \(Limits.maximumIndicators) 个"))
      }
      if current?.error == nil { current?.rows.append((fields, line)) }
    }
  }

  /// A bad row rejects the table it belongs to, told by its key; when the row is too short to hold its key
  /// cells, the tables on either side of it, since it may belong to either.
  private mutating func reject(_ fields: [String], _ error: InputError, _ emit: (Output) -> Void) {
    guard header != nil else { return }
    guard let key = groupKey(fields) else {
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
    startGroupIfNeeded(key, line: error.location.line ?? 0, emit)
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
  /// rows below its first blank. A row that fills a key cell differently starts from its own cells.
  private mutating func groupKey(_ fields: [String]) -> GroupKey? {
    guard let header else { return nil }
    for field in [TableField.id, .name, .year] {
      if let index = header.positions[field.rawValue], index >= fields.count { return nil }
    }
    var id = header.cell(fields, .id)
    var name = header.cell(fields, .name)
    var year = header.cell(fields, .year)
    func agrees(_ cell: String?, _ above: String?) -> Bool { cell == nil || cell == above }
    if agrees(id, above.id), agrees(name, above.name), agrees(year, above.year) {
      (id, name, year) = (id ?? above.id, name ?? above.name, year ?? above.year)
    }
    above = (id, name, year)
    if let id { return .id(id) }
    return .nameAndYear(name ?? "", year ?? "")
  }

  private mutating func flush(_ emit: (Output) -> Void) {
    guard let group = current else { return }
    current = nil
    emittedKeys.insert(group.key)
    if let error = group.error {
      emit(.rejected(error))
      return
    }
    emit(
      .table(
        FlatCSVTable(file: file, header: header!, rows: group.rows, firstLine: group.firstLine, sourceEncoding: sourceEncoding)))
  }
}
