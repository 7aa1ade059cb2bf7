/// Reads one decoded JSON table object into a `Table`: each member the schema knows is handed to a
/// `TableBuilder`, in document order; unknown members are ignored (evaluation-format.md). A value its field
/// cannot take is no error of the record (the builder keeps a note, and the scorer reports it on its row);
/// what rejects the record is a shape the format does not allow — no `indicators`, a funds block that is
/// no object, an indicator or source that is no object — or a table without any indicator.
public enum TableDecoder {
  public static func decode(_ object: JSONObject, at location: SourceLocation, defaultID: String) throws(InputError) -> Table {
    var builder = TableBuilder(location: location, defaultID: defaultID)
    try fill(&builder, from: object, at: location)
    return try builder.build().get()
  }

  /// `decode`, each value kept as written with its line and column (`jixiao extract`).
  static func extract(_ object: JSONObject, at location: SourceLocation, defaultID: String) -> TableReader.Extraction {
    var builder = TableBuilder(location: location, defaultID: defaultID, recordingProvenance: true)
    do {
      try fill(&builder, from: object, at: location)
    } catch {
      return .rejected(error)
    }
    return TableReader.Extraction(builder)
  }

  private static func fill(_ builder: inout TableBuilder, from object: JSONObject, at location: SourceLocation) throws(InputError)
  {
    let fields = JSONFields(object, at: location)
    let indicatorsMember = TableSchema.Container.indicators.member
    guard fields.has(indicatorsMember) else {
      throw InputError(
        location.field(indicatorsMember),
        Message(
          en: "the required field \"indicators\" is missing; expected an array of indicator objects",
          zh: "缺少必填字段 \"indicators\"；应为指标对象的数组"))
    }
    builder.indicatorsLocation = fields.location(of: indicatorsMember)
    let recording = builder.recordsProvenance
    for member in object.members {
      if let field = TableSchema.field(member: member.key, in: .table) {
        if recording {
          setAsWritten(field, member, file: location.file, into: &builder)
        } else {
          builder.set(field, value(member.value))
        }
        continue
      }
      switch member.key {
      case TableSchema.Container.funds.member:
        try readFunds(of: fields, into: &builder)
      case TableSchema.Container.goals.member:
        switch member.value {
        case .null: continue
        case .object(let goals):
          builder.beginGoals()
          set(JSONFields(goals, at: fields.location(of: member.key)), in: .goals, into: &builder)
        default:
          // No score depends on the goals: a value of another shape costs a note, never the table, and
          // extract writes it back as the expected goals, which rescored cost the same note.
          builder.beginGoals()
          if recording {
            setAsWritten(.goalsExpected, member, file: location.file, into: &builder)
          } else {
            builder.set(.goalsExpected, .other(member.value.serialized()))
          }
        }
      case indicatorsMember:
        for indicator in try elements(of: fields, at: indicatorsMember, limit: Limits.maximumIndicators) {
          builder.beginIndicator(at: indicator.location)
          set(indicator, in: .indicator, into: &builder)
        }
      default: continue
      }
    }
  }

  /// A member's value handed to a builder that keeps provenance: as written (a value of another type as
  /// its JSON text, which `ExtractJSON` prints back), with the member's line and column. A rescore's builder
  /// is handed the value alone, the path as it was before extract (no copy of the file name per member).
  private static func setAsWritten(
    _ field: TableField, _ member: JSONObject.Member, file: String, into builder: inout TableBuilder
  ) {
    let written: TableBuilder.Value =
      switch member.value {
      case .bool, .array, .object: .other(member.value.serialized())
      default: value(member.value)
      }
    let place = SourceLocation(file: file, line: member.line, field: "line \(member.line), column \(member.column)")
    builder.set(field, written, at: place)
  }

  /// A member's value as the builder takes it.
  static func value(_ value: JSONValue) -> TableBuilder.Value {
    switch value {
    case .null: .null
    case .string(let text): .text(text)
    case .number(let literal): .number(literal)
    case .bool(let flag): .other(flag ? "true" : "false")
    case .array: .other("[…]")
    case .object: .other("{…}")
    }
  }

  /// Every member of an object of `place` the schema knows; containers are not among them.
  private static func set(_ object: JSONFields, in place: FieldPlace, into builder: inout TableBuilder) {
    let recording = builder.recordsProvenance
    for member in object.object.members {
      guard let field = TableSchema.field(member: member.key, in: place) else { continue }
      if recording {
        setAsWritten(field, member, file: object.location.file, into: &builder)
      } else {
        builder.set(field, value(member.value))
      }
    }
  }

  private static func readFunds(of table: JSONFields, into builder: inout TableBuilder) throws(InputError) {
    let key = TableSchema.Container.funds.member
    guard let funds = try table.object(key) else { return }
    builder.beginFunds()
    set(funds, in: .funds, into: &builder)
    for source in try elements(of: funds, at: TableSchema.Container.sources.member, limit: nil) {
      builder.beginSource()
      set(source, in: .source, into: &builder)
    }
  }

  /// The objects of an array member (`null` holds none), each located by its path and line.
  private static func elements(of parent: JSONFields, at key: String, limit: Int?) throws(InputError)
    -> [JSONFields]
  {
    let objects = try parent.objects(key) ?? []
    if let limit, objects.count > limit {
      throw InputError(
        parent.location(of: key),
        Message(
          en: "\(objects.count) indicators in one table; at most \(limit) are read (split the table)",
          zh: "一张表有 \(objects.count) 个指标；最多读取 \(limit) 个（请拆分该表）"))

    }
    return objects
  }
}
