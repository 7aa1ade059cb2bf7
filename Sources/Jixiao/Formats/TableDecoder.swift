/// Turns one decoded record (a JSON object, or the object a CSV reader assembles) into a `Table`.
/// Unknown fields are ignored; a missing required field or an ill-typed text is an `InputError`
/// naming the record, line and field. A number cell that cannot be read is no error of the record:
/// the table keeps it as an `UnreadableNumber`, and the scorer reports it on its row.
public enum TableDecoder {
  public static func decode(_ object: JSONObject, at location: SourceLocation, defaultID: String) throws(InputError) -> Table {
    let fields = JSONFields(object, at: location)
    let name = try fields.requiredText("name")
    guard fields.has("indicators") else {
      throw InputError(
        location.field("indicators"), "the required field \"indicators\" is missing; expected an array of indicator objects")
    }
    let indicatorFields = try fields.objects("indicators") ?? []
    guard indicatorFields.count <= Limits.maximumIndicators else {
      throw InputError(
        fields.location(of: "indicators"),
        "\(indicatorFields.count) indicators in one table; at most \(Limits.maximumIndicators) are read (split the table)")
    }

    let (kind, isTarget) = try decodeKind(fields)
    var numbers = NumberReader()
    var indicators: [Indicator] = []
    indicators.reserveCapacity(indicatorFields.count)
    // Which optional columns any row prints; once a column is found, later rows are not asked again.
    let optionalColumns = Indicator.OptionalColumn.allCases
    var printed = [Bool](repeating: false, count: optionalColumns.count)
    for (offset, item) in indicatorFields.enumerated() {
      for (position, column) in optionalColumns.enumerated() where !printed[position] && item.has(column.rawValue) {
        printed[position] = true
      }
      indicators.append(try decodeIndicator(item, index: offset + 1, numbers: &numbers))
    }
    let columns = Set(zip(optionalColumns, printed).filter(\.1).map(\.0))
    var claimedGrade: Grade?
    if let printed = try fields.text("claimedGrade") {
      guard let grade = self.claimedGrade(printed) else {
        throw InputError(fields.location(of: "claimedGrade"), "expected 优, 良, 中 or 差, found \"\(printed)\"")
      }
      claimedGrade = grade
    }
    let funds = try fields.object("funds").map { (funds) throws(InputError) in try decodeFunds(funds, numbers: &numbers) }
    let claimedTotal = numbers.read(fields, .claimedTotal, at: .table)
    return Table(
      id: try fields.text("id") ?? defaultID,
      kind: kind,
      isTargetTable: isTarget,
      year: try decodeYear(fields),
      name: name,
      department: try fields.text("department"),
      implementer: try fields.text("implementer"),
      funds: funds,
      indicators: indicators,
      claimedTotal: claimedTotal,
      claimedGrade: claimedGrade,
      columns: columns,
      unreadableNumbers: numbers.unreadable,
      location: location)
  }

  static let kinds: [String: (Table.Kind, Bool)] = [
    "project": (.project, false), "unit": (.unit, false),
    "project-target": (.project, true), "unit-target": (.unit, true),
  ]

  /// A printed 自评等级: `.some(nil)` when blank, `nil` when it is no grade.
  static func claimedGrade(_ printed: String) -> Grade?? {
    if CellGrammar.isEmptyMark(printed.trimmingSpaces()) { return .some(nil) }
    return Grade(printed: printed).map { .some($0) }
  }

  /// A printed year (`2023`, `"2023年度"`); `nil` when it has not exactly four digits.
  static func year(_ text: String) -> Int? {
    let digits = CellGrammar.normalize(text).filter { $0.isASCII && $0.isNumber }
    guard digits.count == 4 else { return nil }
    return Int(digits)
  }

  /// The default name of the n-th 资金来源 row that prints none.
  static func sourceName(_ offset: Int) -> String { "资金来源\(offset + 1)" }

  private static func decodeKind(_ fields: JSONFields) throws(InputError) -> (Table.Kind, Bool) {
    guard let text = try fields.text("kind") else { return (.project, false) }
    guard let kind = kinds[text.trimmingSpaces()] else {
      throw InputError(
        fields.location(of: "kind"), "unknown kind \"\(text)\"; expected one of: project, unit, project-target, unit-target")
    }
    return kind
  }

  private static func decodeYear(_ fields: JSONFields) throws(InputError) -> Int? {
    guard let text = try fields.text("year") else { return nil }
    guard let year = year(text) else {
      throw InputError(fields.location(of: "year"), "expected a four-digit year such as 2023 or \"2023年度\", found \"\(text)\"")
    }
    return year
  }

  private static func decodeFunds(_ fields: JSONFields, numbers: inout NumberReader) throws(InputError) -> Funds {
    var sources: [Funds.Source] = []
    for (offset, source) in (try fields.objects("sources") ?? []).enumerated() {
      let place = UnreadableNumber.Place.source(offset + 1)
      sources.append(
        Funds.Source(
          name: try source.text("name") ?? sourceName(offset),
          initialBudget: numbers.read(source, .initialBudget, at: place),
          annualBudget: numbers.read(source, .annualBudget, at: place),
          executed: numbers.read(source, .executed, at: place)))
    }
    return Funds(
      initialBudget: numbers.read(fields, .initialBudget, at: .funds),
      annualBudget: numbers.read(fields, .annualBudget, at: .funds),
      executed: numbers.read(fields, .executed, at: .funds),
      weight: numbers.read(fields, .weight, at: .funds),
      claimedRate: numbers.read(fields, .claimedRate, at: .funds),
      claimedScore: numbers.read(fields, .claimedScore, at: .funds),
      sources: sources)
  }

  private static func decodeIndicator(_ fields: JSONFields, index: Int, numbers: inout NumberReader) throws(InputError)
    -> Indicator
  {
    let place = UnreadableNumber.Place.indicator(index)
    return Indicator(
      index: index,
      level1: try fields.text("level1"),
      level2: try fields.text("level2"),
      name: try fields.requiredText("name"),
      weight: numbers.read(fields, .weight, at: place),
      target: try fields.text("target"),
      actual: try fields.text("actual"),
      claimedCompletion: numbers.read(fields, .claimedCompletion, at: place),
      claimedScore: numbers.read(fields, .claimedScore, at: place),
      ruleText: try fields.text("rule"),
      basis: try fields.text("basis"),
      lastYear: try fields.text("lastYear"),
      evidence: try fields.text("evidence"),
      explanation: try fields.text("explanation"),
      location: fields.location)
  }
}

/// Reads number fields, keeping every refused cell for the table.
struct NumberReader {
  var unreadable: [UnreadableNumber] = []

  mutating func read(_ fields: JSONFields, _ field: NumberField, at place: UnreadableNumber.Place) -> Rational? {
    switch fields.number(field.rawValue, as: field.kind) {
    case .absent: return nil
    case .value(let value): return value
    case .refused(let refusal, let text):
      unreadable.append(UnreadableNumber(place: place, field: field, text: text, refusal: refusal))
      return nil
    }
  }
}
