/// Reads one decoded JSON table object into a `Table`: each member the schema knows is handed to a
/// `TableBuilder`, in document order; unknown members are ignored (evaluation-format.md). A value its field
/// cannot take is no error of the record (the builder keeps a note, and the scorer reports it on its row);
/// what rejects the record is a shape the format does not allow — no `indicators`, a funds block that is
/// no object, an indicator or source that is no object — or a table without any indicator.
public enum TableDecoder {
  public static func decode(_ object: JSONObject, at location: SourceLocation, defaultID: String) throws(InputError) -> Table {
    let fields = JSONFields(object, at: location)
    let indicatorsMember = TableSchema.Container.indicators.member
    guard fields.has(indicatorsMember) else {
      throw InputError(
        location.field(indicatorsMember),
        "the required field \"indicators\" is missing; expected an array of indicator objects")
    }
    var builder = TableBuilder(location: location, defaultID: defaultID)
    builder.indicatorsLocation = fields.location(of: indicatorsMember)
    for member in object.members {
      if let field = TableSchema.field(member: member.key, in: .table) {
        builder.set(field, value(member.value))
        continue
      }
      switch member.key {
      case TableSchema.Container.funds.member:
        try readFunds(of: fields, into: &builder)
      case indicatorsMember:
        for indicator in try elements(of: fields, at: indicatorsMember, limit: Limits.maximumIndicators) {
          builder.beginIndicator(at: indicator.location)
          set(indicator, in: .indicator, into: &builder)
        }
      default: continue
      }
    }
    return try builder.build().get()
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
    for member in object.object.members {
      if let field = TableSchema.field(member: member.key, in: place) { builder.set(field, value(member.value)) }
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
        parent.location(of: key), "\(objects.count) indicators in one table; at most \(limit) are read (split the table)")
    }
    return objects
  }
}
