/// Turns the rows of a flat CSV (one indicator a row) into table records. Rows with the same table id
/// (or, without an id column, the same project name and year) that follow each other form one table;
/// the row whose 一级指标 is 预算执行率 is the funds block (目标值 = 全年预算数, 业绩值 = 全年执行数).
struct CSVTableAssembler {
  enum Column: Int, CaseIterable {
    case tableID, name, department, implementer, year, kind, level1, level2, indicator, weight, target, actual
    case completion, score, rule, basis, lastYear, evidence, explanation, initialBudget, claimedTotal, claimedGrade
  }

  /// The header names of each column, Chinese as tables print them and the JSON field name; the first
  /// names the column in messages.
  static let synonyms: [(Column, [String])] = [
    (.tableID, ["表编号", "表id", "tableId", "id"]),
    (.name, ["项目名称", "单位名称", "部门（单位）名称", "name"]),
    (.department, ["主管部门", "department"]),
    (.implementer, ["实施单位", "implementer"]),
    (.year, ["年度", "year"]),
    (.kind, ["类型", "表类型", "kind"]),
    (.level1, ["一级指标", "level1"]),
    (.level2, ["二级指标", "level2"]),
    (.indicator, ["三级指标", "指标名称", "indicator"]),
    (.weight, ["权重", "分值", "分值权重", "weight"]),
    (.target, ["目标值", "年度指标值", "预期指标值", "指标值", "target"]),
    (.actual, ["业绩值", "实际完成值", "实际完成指标值", "actual"]),
    (.completion, ["完成率", "claimedCompletion"]),
    (.score, ["指标得分", "得分", "自评得分", "claimedScore"]),
    (.rule, ["赋分规则", "rule"]),
    (.basis, ["指标值设定依据", "指标设定依据", "basis"]),
    (.lastYear, ["上年完成情况", "lastYear"]),
    (.evidence, ["佐证资料", "evidence"]),
    (.explanation, ["偏差原因分析及改进措施", "偏差原因", "explanation"]),
    (.initialBudget, ["年初预算数", "initialBudget"]),
    (.claimedTotal, ["总分", "自评总分", "claimedTotal"]),
    (.claimedGrade, ["等级", "自评等级", "claimedGrade"]),
  ]

  /// Header names mapped to columns.
  static let headerNames: [String: Column] = {
    var names: [String: Column] = [:]
    for (column, headers) in synonyms {
      for header in headers { names[header] = column }
    }
    return names
  }()

  static let fundsLevel1 = "预算执行率"

  let file: String
  /// The encoding the rows were read in, for the tables emitted next.
  var sourceEncoding = SourceEncoding.utf8
  /// By column (its raw value), where its cell is in a row; nil when the header lacks it. An array, not
  /// a dictionary: every cell of every row is looked up.
  private var positions = [Int?](repeating: nil, count: Column.allCases.count)
  private var headerWidth = 0
  private var sawHeader = false
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
    var rows: [([String], Int)] = []
    var error: InputError?
  }

  init(file: String) {
    self.file = file
  }

  enum Output {
    case table(JSONObject, SourceLocation, defaultID: String, encoding: SourceEncoding)
    case rejected(InputError)
  }

  mutating func add(_ row: CSVParser.Row, _ emit: (Output) -> Void) {
    switch row {
    case .malformed(let fields, let line, let reason):
      let error = InputError(SourceLocation(file: file, line: line), reason)
      guard sawHeader else {
        // Without its header no row can be read: the file is refused once, not row by row.
        sawHeader = true
        emit(.rejected(InputError(error.location, "the header row cannot be read: \(reason); no row of this file is read")))
        return
      }
      reject(fields, error, emit)
    case .fields(let fields, let line):
      guard sawHeader else {
        readHeader(fields, line: line, emit)
        return
      }
      guard headerWidth > 0 else { return }
      guard fields.count == headerWidth else {
        let error = InputError(
          SourceLocation(file: file, line: line),
          "the row has \(fields.count) cells, the header has \(headerWidth); check for a missing or extra comma")
        reject(fields, error, emit)
        return
      }
      guard let key = groupKey(fields) else { return }  // A row as wide as the header has its key cells.
      startGroupIfNeeded(key, line: line, emit)
      if current!.rows.count >= Limits.maximumIndicators + 1, current?.error == nil {
        current?.error = InputError(
          SourceLocation(file: file, line: line), "more than \(Limits.maximumIndicators) indicators in one table")
      }
      if current?.error == nil { current?.rows.append((fields, line)) }
    }
  }

  /// A bad row rejects the table it belongs to, told by its key; when the row is too short to hold its key
  /// cells, the tables on either side of it, since it may belong to either.
  private mutating func reject(_ fields: [String], _ error: InputError, _ emit: (Output) -> Void) {
    guard headerWidth > 0 else { return }
    guard let key = groupKey(fields) else {
      let unplacedError = InputError(
        error.location, error.message + " (its table cannot be told, so the tables next to it are refused with it)")
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
        "the rows of table \"\(key)\" are not together; sort the file by table id (or 项目名称 and 年度)")
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
    var repeated: [String] = []
    for (offset, header) in fields.enumerated() {
      guard let column = Self.headerNames[header.trimmingSpaces()] else { continue }  // Ignored, as unknown JSON fields are.
      if let earlier = positions[column.rawValue] {
        repeated.append(
          "\(fields[earlier].trimmingSpaces()) (column \(Self.columnLetters(earlier))) and \(header.trimmingSpaces()) (column \(Self.columnLetters(offset))) both give the \(Self.synonyms.first { $0.0 == column }!.1[0])"
        )
      } else {
        positions[column.rawValue] = offset
      }
    }
    headerWidth = fields.count
    let location = SourceLocation(file: file, line: line)
    guard positions[Column.indicator.rawValue] != nil,
      positions[Column.tableID.rawValue] != nil || positions[Column.name.rawValue] != nil
    else {
      headerWidth = 0
      var message: String
      if fields.count == 1, fields[0].contains("\t") {
        message = "the header is separated by tabs, not commas (Excel's Unicode 文本); save the file as CSV UTF-8"
      } else {
        let seen = fields.prefix(6).joined(separator: ",")
        message =
          "the header needs a 三级指标 column and a 项目名称 (or table id) column; found \(seen)\(fields.count > 6 ? ",…" : "")"
      }
      if sourceEncoding == .gb18030 {
        // GB18030 decodes most double-byte text (Big5, Shift-JIS) into wrong characters without an error.
        message += " (the file was read as \(sourceEncoding.rawValue); if it is in another encoding, save it as CSV UTF-8)"
      }
      emit(.rejected(InputError(location, message)))
      return
    }
    guard repeated.isEmpty else {
      // An auditor must not have to guess which of two columns counts, as with a JSON member given twice.
      headerWidth = 0
      emit(
        .rejected(
          InputError(
            location,
            "the header has two columns for one field: \(repeated.joined(separator: "; ")); keep one and delete or rename the other"
          )))
      return
    }
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

  private func cell(_ fields: [String], _ column: Column) -> String? {
    guard let index = positions[column.rawValue], index < fields.count else { return nil }
    let value = fields[index]
    return value.trimmingSpaces().isEmpty ? nil : value
  }

  /// nil when the row is too short to hold the cells its key is made of.
  private func groupKey(_ fields: [String]) -> GroupKey? {
    if let id = cell(fields, .tableID) { return .id(id) }
    for column in [Column.tableID, .name, .year] {
      if let index = positions[column.rawValue], index >= fields.count { return nil }
    }
    return .nameAndYear(cell(fields, .name) ?? "", cell(fields, .year) ?? "")
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
        assemble(group), SourceLocation(file: file, line: group.firstLine), defaultID: defaultID(group),
        encoding: sourceEncoding))
  }

  private func defaultID(_ group: Group) -> String {
    "\(TableReader.baseName(file)):\(group.firstLine)"
  }

  private func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

  private func assemble(_ group: Group) -> JSONObject {
    var members: [JSONObject.Member] = []
    members.reserveCapacity(10)
    func add(_ key: String, _ value: JSONValue, _ line: Int) {
      members.append(.init(key: key, value: value, line: line))
    }
    // Table-level cells: the first row that has them.
    for (column, key) in [
      (Column.tableID, "id"), (.name, "name"), (.department, "department"), (.implementer, "implementer"),
      (.year, "year"), (.kind, "kind"), (.claimedTotal, "claimedTotal"), (.claimedGrade, "claimedGrade"),
    ] {
      if let (value, line) = group.rows.lazy.compactMap({ row in self.cell(row.0, column).map { ($0, row.1) } }).first {
        add(key, .string(value), line)
      }
    }
    var indicators: [JSONValue] = []
    indicators.reserveCapacity(group.rows.count)
    for (fields, line) in group.rows {
      if cell(fields, .level1)?.trimmingSpaces() == Self.fundsLevel1 {
        var funds: [JSONObject.Member] = []
        for (column, key) in [
          (Column.initialBudget, "initialBudget"), (.target, "annualBudget"), (.actual, "executed"), (.weight, "weight"),
          (.completion, "claimedRate"), (.score, "claimedScore"),
        ] {
          funds.append(.init(key: key, value: text(cell(fields, column)), line: line))
        }
        add("funds", .object(JSONObject(members: funds, line: line)), line)
        continue
      }
      var item: [JSONObject.Member] = []
      item.reserveCapacity(13)
      let itemColumns: [(Column, String)] = [
        (.level1, "level1"), (.level2, "level2"), (.indicator, "name"), (.weight, "weight"), (.target, "target"),
        (.actual, "actual"), (.completion, "claimedCompletion"), (.score, "claimedScore"), (.rule, "rule"),
        (.basis, "basis"), (.lastYear, "lastYear"), (.evidence, "evidence"), (.explanation, "explanation"),
      ]
      for (column, key) in itemColumns where positions[column.rawValue] != nil {
        item.append(.init(key: key, value: text(cell(fields, column)), line: line))
      }
      indicators.append(.object(JSONObject(members: item, line: line)))
    }
    add("indicators", .array(indicators), group.firstLine)
    return JSONObject(members: members, line: group.firstLine)
  }
}
