/// Every field of a table, declared once: its JSON member, how messages name it, the headers a printed form
/// or a CSV gives it, its kind of value and its place. Readers map what they read to fields here (a JSON
/// member by name, a column by its header) and hand the values to a `TableBuilder`, which applies each
/// field's one rule.
public enum TableSchema {
  public static let declarations: [FieldDeclaration] = [
    // The table.
    declare(.id, .table, "id", "表编号", ["表编号", "表id", "tableId", "id"], .text),
    declare(.kind, .table, "kind", "类型", ["类型", "表类型", "kind"], .tableKind),
    declare(.year, .table, "year", "年度", ["年度", "year"], .year),
    declare(.name, .table, "name", "项目名称", ["项目名称", "单位名称", "部门（单位）名称", "部门名称", "单位名称（盖章）", "部门名称（盖章）", "name"], .name),
    declare(.department, .table, "department", "主管部门", ["主管部门", "预算单位", "预算部门", "主管单位", "department"], .text),
    declare(.implementer, .table, "implementer", "实施单位", ["实施单位", "implementer"], .text),
    declare(.claimedTotal, .table, "claimedTotal", "自评总分", ["总分", "自评总分", "claimedTotal"], .number(.points)),
    declare(.claimedGrade, .table, "claimedGrade", "自评等级", ["等级", "自评等级", "claimedGrade"], .grade),
    // The funds block.
    declare(.fundsInitialBudget, .funds, "initialBudget", "年初预算数", ["年初预算数", "initialBudget"], .number(.amount)),
    declare(
      .fundsAnnualBudget, .funds, "annualBudget", "全年预算数", ["全年预算数", "全年预算数(A)", "调整后预算数", "annualBudget"],
      .number(.amount)),
    declare(.fundsExecuted, .funds, "executed", "全年执行数", ["全年执行数", "全年执行数(B)", "executed"], .number(.amount)),
    declare(.fundsWeight, .funds, "weight", "权重", ["分值", "权重", "分值权重", "weight"], .number(.points)),
    declare(.fundsClaimedRate, .funds, "claimedRate", "执行率", ["执行率", "执行率(B/A)", "claimedRate"], .number(.rate)),
    declare(.fundsClaimedScore, .funds, "claimedScore", "自评得分", ["得分", "claimedScore"], .number(.points)),
    // The unit the amounts are printed in (`金额单位：元` in a form's corner): no header of its own.
    declare(.fundsUnit, .funds, "unit", "金额单位", ["unit"], .text),
    // A source row of the funds block.
    declare(.sourceName, .source, "name", "资金来源", ["资金来源", "name"], .text),
    declare(.sourceInitialBudget, .source, "initialBudget", "年初预算数", ["年初预算数", "initialBudget"], .number(.amount)),
    declare(
      .sourceAnnualBudget, .source, "annualBudget", "全年预算数", ["全年预算数", "全年预算数(A)", "调整后预算数", "annualBudget"],
      .number(.amount)),
    declare(.sourceExecuted, .source, "executed", "全年执行数", ["全年执行数", "全年执行数(B)", "executed"], .number(.amount)),
    // The goals block (年度总体目标): long texts no score depends on, kept and echoed.
    declare(
      .goalsExpected, .goals, "expected", "预期目标", ["预期目标", "年度目标", "年初设定目标", "绩效目标", "目标", "expected"], .text),
    declare(
      .goalsActual, .goals, "actual", "实际完成情况",
      ["实际完成情况", "全年实际完成情况", "实际完成", "完成情况", "年度总体目标完成情况", "actual"], .text),
    // An indicator.
    declare(.level1, .indicator, "level1", "一级指标", ["一级指标", "level1"], .level),
    declare(.level2, .indicator, "level2", "二级指标", ["二级指标", "level2"], .level),
    declare(.indicatorName, .indicator, "name", "三级指标", ["三级指标", "指标名称", "indicator"], .name),
    declare(
      .weight, .indicator, "weight", "权重",
      ["权重", "分值", "分值权重", "指标分值", "指标权重(分)", "权重(%)", "指标分值权重", "权重分值", "权重占比(%)", "weight"],
      .number(.points)),
    declare(
      .target, .indicator, "target", "目标值", ["目标值", "年度指标值", "指标值", "预期指标值", "年初目标值(A)", "target"], .cell),
    declare(
      .actual, .indicator, "actual", "实际值",
      ["业绩值", "实际完成值", "实际完成指标值", "全年实际值", "完成值", "全年完成值", "实际完成值(B)", "actual"], .cell),
    declare(.claimedCompletion, .indicator, "claimedCompletion", "完成率", ["完成率", "claimedCompletion"], .number(.rate)),
    declare(
      .claimedScore, .indicator, "claimedScore", "自评得分", ["指标得分", "得分", "自评得分", "单项得分", "折算得分", "claimedScore"],
      .number(.points)),
    declare(.rule, .indicator, "rule", "赋分规则", ["赋分规则", "指标赋分规则", "rule"], .text),
    declare(.basis, .indicator, "basis", "指标值设定依据", ["指标值设定依据", "指标设定依据", "指标值设置依据", "basis"], .text),
    declare(.lastYear, .indicator, "lastYear", "上年完成情况", ["上年完成情况", "上年完成值", "lastYear"], .text),
    declare(.evidence, .indicator, "evidence", "佐证资料", ["佐证资料", "evidence"], .text),
    declare(
      .explanation, .indicator, "explanation", "偏差原因分析及改进措施",
      ["偏差原因分析及改进措施", "偏差原因分析", "偏差原因", "未完成原因分析", "未完成原因及拟采取的改进措施", "explanation"], .text),
  ]

  /// The JSON members that hold a part of the table rather than a value: the funds object in the table,
  /// the array of source objects in the funds object, the array of indicator objects in the table.
  public enum Container: Int, CaseIterable, Sendable {
    case funds, sources, indicators, goals

    /// The case's name (`TableSchemaTests`), spelt out: `"\(self)"` reflected on the type, four conformance
    /// look-ups that each scan the whole binary (1 M instructions on the first table read).
    public var member: String {
      switch self {
      case .funds: "funds"
      case .sources: "sources"
      case .indicators: "indicators"
      case .goals: "goals"
      }
    }
    /// The object the member belongs to.
    public var parent: FieldPlace { self == .sources ? .funds : .table }
    /// The place of the object (or of each element of the array) it holds.
    public var holds: FieldPlace {
      switch self {
      case .funds: .funds
      case .sources: .source
      case .indicators: .indicator
      case .goals: .goals
      }
    }
  }

  /// The labels of a total row (总分行): the row of a printed form that carries the claimed total, not an
  /// indicator (forms.md, "Total row").
  public static let totalRowLabels: Set<String> = ["总分", "合计", "得分合计", "总计", "合计得分"]

  /// Whether a cell is a total row's label (after `headerKey`). Asked of a level or name cell on every row:
  /// a label that starts with none of 总, 合, 得 is answered without normalizing it, and most are told so
  /// by their first bytes (`startsWithNoTotalWord`).
  public static func isTotalRowLabel(_ text: String) -> Bool {
    if text.utf8.withContiguousStorageIfAvailable(startsWithNoTotalWord) == true { return false }
    // The first scalar the key keeps: a byte-order mark before 合计 (a CSV saved by Excel) is dropped by
    // `headerKey` as spaces are, so it must not hide the label here either.
    guard let first = text.unicodeScalars.first(where: { !FormText.isWhitespace($0) && $0 != "\u{FEFF}" }),
      "总合得".unicodeScalars.contains(first)
    else { return false }
    return totalRowLabels.contains(headerKey(text))
  }

  /// The text's first character is no space and none of 总, 合, 得, as its first bytes show: printable
  /// ASCII, or a character of three bytes led by E4…E9 (CJK ideographs; no space is among them) other than
  /// those three. False says nothing.
  static func startsWithNoTotalWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let lead = bytes.first else { return false }
    if lead > 0x20, lead < 0x7F { return true }
    guard lead >= 0xE4, lead <= 0xE9, bytes.count >= 3 else { return false }
    let character = UInt32(lead) << 16 | UInt32(bytes[1]) << 8 | UInt32(bytes[2])
    return character != 0xE6_80BB && character != 0xE5_9088 && character != 0xE5_BE97  // 总, 合, 得
  }

  /// Per field, its place and kind of value, apart from the declarations (whose strings would be retained
  /// and released on each look-up).
  static let places: [FieldPlace] = declarations.map(\.place)
  static let values: [FieldValue] = declarations.map(\.value)

  /// What is looked up for every value read, held by each builder and decoder: an array it holds costs a
  /// load, a global a call that checks it was made.
  struct Lookup: Sendable {
    private let places = TableSchema.places
    private let values = TableSchema.values
    static let shared = Lookup()

    @inline(__always) func place(_ field: TableField) -> FieldPlace { places[field.rawValue] }
    @inline(__always) func value(_ field: TableField) -> FieldValue { values[field.rawValue] }

    @inline(__always) func isNumber(_ field: TableField) -> Bool {
      if case .number = values[field.rawValue] { return true }
      return false
    }
  }

  /// The field of a JSON member in an object of `place`, or nil for a member the schema does not know.
  public static func field(member: String, in place: FieldPlace) -> TableField? {
    membersByPlace[place.rawValue][member]
  }

  private static let membersByPlace: [[String: TableField]] = FieldPlace.allCases.map { place in
    Dictionary(uniqueKeysWithValues: declarations.filter { $0.place == place }.map { ($0.member, $0.field) })
  }

  /// A header as compared: without spaces and line breaks (a printed header wraps), full-width brackets and
  /// percent signs folded to ASCII. The form locator compares its headers and labels by the same key
  /// (`FormText.key`, which defines it with a fast path for the many cells that hold nothing to fold).
  public static func headerKey(_ header: String) -> String { FormText.key(header) }

  /// Every header a form may print for the fields at `places`, as declared: a reader keys them as it keys
  /// the text it finds.
  static func headers(at places: Set<FieldPlace>) -> [String] {
    declarations.filter { places.contains($0.place) }.flatMap(\.headers)
  }

  /// The fields among `fields` by the key of each of their headers. Two fields that share a header among
  /// the same fields would make a header ambiguous: `TableSchemaTests` proves the layouts have none.
  public static func headers(of fields: some Sequence<TableField>) -> [String: TableField] {
    var result: [String: TableField] = [:]
    for field in fields {
      for header in field.declaration.headers where result[headerKey(header)] == nil {
        result[headerKey(header)] = field
      }
    }
    return result
  }

  private static func declare(
    _ field: TableField, _ place: FieldPlace, _ member: String, _ label: String, _ headers: [String], _ value: FieldValue
  ) -> FieldDeclaration {
    FieldDeclaration(field: field, place: place, member: member, label: label, headers: headers, value: value)
  }
}

extension NumberField {
  /// The number field of a schema field, by its member (`weight` of the funds block and of an indicator alike).
  init?(_ field: TableField) {
    guard case .number = field.value else { return nil }
    self.init(rawValue: field.declaration.member)
  }
}

extension Indicator.OptionalColumn {
  /// The optional column a field is, if it is one: an indicator's field whose member is the column's name
  /// (`TableSchemaTests` holds the two together). A switch, not a look-up: it is asked for every value read.
  @inline(__always) init?(_ field: TableField) {
    switch field {
    case .evidence: self = .evidence
    case .explanation: self = .explanation
    case .claimedCompletion: self = .claimedCompletion
    case .rule: self = .rule
    case .basis: self = .basis
    case .lastYear: self = .lastYear
    default: return nil
    }
  }

  /// Its bit in a set of columns.
  var bit: UInt8 {
    switch self {
    case .evidence: 1
    case .explanation: 2
    case .claimedCompletion: 4
    case .rule: 8
    case .basis: 16
    case .lastYear: 32
    }
  }
}
