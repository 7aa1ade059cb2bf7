/// The result of a re-score as JSON (evaluation-format.md): decimals as strings with 2 places,
/// completion as a percent string (`"2.00%"`).
public enum ResultJSON {
  public static func encode(_ result: TableResult) -> String {
    let buffer = ByteBuffer(capacity: estimatedLength(result))
    var writer = FixedOrderWriter(appendingTo: buffer)
    write(result, into: &writer)
    writer.finish()
    return buffer.text
  }

  /// One JSON Lines record: the result and its newline, as UTF-8, written in the array returned.
  public static func line(_ result: TableResult) -> [UInt8] {
    ByteBuffer.array(capacity: estimatedLength(result)) { buffer in
      var writer = FixedOrderWriter(appendingTo: buffer)
      write(result, into: &writer)
      writer.fixed("\n")
      writer.finish()
    }
  }

  /// A line's bytes, guessed from the counts of its parts: over the length of the lines of a year of
  /// tables (by about half), so that a line is written where it is handed out; a longer one is copied once.
  static func estimatedLength(_ result: TableResult) -> Int {
    1_024 + 512 * result.indicators.count + 256 * result.findings.count
  }

  // Written in a fixed order (`FixedOrderWriter.member`): each literal is the text before a value, the comma, the
  // quoted name and the colon, so that the layout reads as the line it writes. Its definition, the same
  // members through keyed `JSONWriter` calls, is kept in the tests and compared with it (`ResultLayoutTests`).
  static func write(_ result: TableResult, into writer: inout FixedOrderWriter) {
    writer.member(#"{"id":"#, result.id)
    writer.member(#","name":"#, result.name)
    writer.member(#","department":"#, result.department)
    writer.member(#","year":"#, result.year)
    writer.member(#","kind":"#, literal: result.kind.jsonText(target: result.isTargetTable))
    writer.member(#","profile":{"name":"#, result.profileName)
    writer.member(#","hash":"#, result.profileHash)
    writer.member(#"},"claimedTotal":"#, result.claimedTotal)
    writer.member(#","recomputedTotal":"#, result.recomputedTotal)
    writer.member(#","overClaimed":"#, result.overClaimed)
    writer.member(#","unverifiedPoints":"#, result.unverifiedPoints)
    writer.member(#","claimedGrade":"#, literal: result.claimedGrade?.jsonText)
    writer.member(#","recomputedGrade":"#, literal: result.recomputedGrade?.jsonText)
    if let weights = result.weightsOffScale { writer.member(#","weightsOffScale":"#, points: weights) }
    if let engineTotal = result.engineTotal {
      writer.member(#","engineTotal":"#, engineTotal)
      writer.member(#","engineGrade":"#, literal: result.engineGrade?.jsonText)
    }
    if let funds = result.funds {
      writer.member(#","funds":{"weight":"#, funds.weight)
      writer.member(#","annualBudget":"#, points: funds.annualBudget)
      writer.member(#","executed":"#, points: funds.executed)
      writer.member(#","rate":"#, percent: funds.rate)
      writer.member(#","claimedRate":"#, percent: funds.claimedRate)
      writer.member(#","score":"#, funds.score)
      writer.member(#","claimedScore":"#, funds.claimedScore)
      writer.member(#","verified":"#, funds.verified)
      writeReview(funds.review, into: &writer)
      writer.fixed("}")
    } else {
      writer.fixed(#","funds":null"#)
    }
    writer.fixed(#","indicators":["#)
    // Read in place through a pointer: a loop over the array, or an element passed as an argument, copied
    // each result (a dozen strings retained and released).
    result.indicators.withUnsafeBufferPointer { items in
      guard let first = items.baseAddress else { return }
      for position in items.indices {
        if position > 0 { writer.fixed(",") }
        writeIndicator(first + position, into: &writer)
      }
    }
    writer.fixed(#"],"findings":["#)
    // Taken once for the table: each access to the static is a call to make sure it is made.
    let codes = FindingCode.quotedCatalogue
    // In place, as the indicators: a loop over the array copied each finding's location and detail.
    result.findings.withUnsafeBufferPointer { items in
      guard let first = items.baseAddress else { return }
      for position in items.indices {
        if position > 0 { writer.fixed(",") }
        writeFinding(first + position, codes: codes, into: &writer)
      }
    }
    writer.member(#"],"source":"#, result.location)
    if result.sourceEncoding.wasTranscoded { writer.member(#","sourceEncoding":"#, result.sourceEncoding.rawValue) }
    writer.fixed("}")
  }

  /// `codes`: `FindingCode.quotedCatalogue`.
  static func writeFinding(_ finding: UnsafePointer<Finding>, codes: QuotedTexts, into writer: inout FixedOrderWriter) {
    if let position = finding.pointee.code.cataloguePosition {
      writer.member(#"{"code":"#, json: codes.text(at: Int(position)))
    } else {
      writer.member(#"{"code":"#, finding.pointee.code.rawValue)
    }
    writer.member(#","severity":"#, literal: finding.pointee.severity.jsonText)
    switch finding.pointee.location {
    case .table: writer.fixed(#","where":"table","indicator":null"#)
    case .funds: writer.fixed(#","where":"funds","indicator":null"#)
    case .indicator(let index, _):
      // `location.key`, the index as a string, without making one.
      writer.member(#","where":"#, quoted: index)
      // The name read on its own: bound with the index, the location was copied and destroyed twice.
      writer.member(#","indicator":"#, finding.pointee.location.indicatorName)
    }
    writer.member(#","message":"#, messageOf: finding)
    writer.fixed("}")
  }

  static func writeIndicator(_ item: UnsafePointer<IndicatorResult>, into writer: inout FixedOrderWriter) {
    // The row's texts read in place (`Indicator.readInPlace`): read through the result, each was retained.
    item.pointee.indicator.readInPlace { row in
      writer.member(#"{"index":"#, row.index)
      row.withDisplayText { writer.member(#","name":"#, $0) }
      writer.member(#","level1":"#, row.level1)
      writer.member(#","level2":"#, row.level2)
      writer.member(#","weight":"#, item.pointee.weight)
      writer.member(#","target":"#, row.targetText)
      writer.member(#","actual":"#, row.actualText)
    }
    // The percentages rounded first: when each is absent or rounds (nearly always), the members after the
    // row's texts are stored after one room check for the longest they can be (`verdictRoom`), not one a
    // member with the cursor stored back before each rational's call.
    let completion = item.pointee.completion?.hundredths(scaledBy: 10_000)
    let claimedCompletion = item.pointee.claimedCompletion?.hundredths(scaledBy: 10_000)
    if (completion == nil) == (item.pointee.completion == nil),
      (claimedCompletion == nil) == (item.pointee.claimedCompletion == nil)
    {
      var text = writer.cursor(reserving: verdictRoom)
      text.put(#","rule":"#)
      text.put(item.pointee.rule?.jsonText ?? "null")
      text.put(#","completion":"#)
      text.put(quoted: completion, suffix: UInt8(ascii: "%"))
      text.put(#","claimedCompletion":"#)
      text.put(quoted: claimedCompletion, suffix: UInt8(ascii: "%"))
      text.put(#","score":"#)
      text.put(quoted: item.pointee.score)
      text.put(#","claimedScore":"#)
      text.put(quoted: item.pointee.claimedScore)
      text.put(#","band":"#)
      text.put(item.pointee.band?.jsonText ?? "null")
      text.put(#","whatIfScore":"#)
      text.put(quoted: item.pointee.whatIfScore)
      text.put(#","verified":"#)
      text.put(item.pointee.verified ? "true" : "false")
      writer.take(text, within: verdictRoom)
    } else {
      writer.member(#","rule":"#, literal: item.pointee.rule?.jsonText)
      writer.member(#","completion":"#, percent: item.pointee.completion)
      writer.member(#","claimedCompletion":"#, percent: item.pointee.claimedCompletion)
      writer.member(#","score":"#, item.pointee.score)
      writer.member(#","claimedScore":"#, item.pointee.claimedScore)
      writer.member(#","band":"#, literal: item.pointee.band?.jsonText)
      writer.member(#","whatIfScore":"#, item.pointee.whatIfScore)
      writer.member(#","verified":"#, item.pointee.verified)
    }
    // Tested in place: passing the optional copied its two strings for every item, reviewed or not.
    if item.pointee.review != nil { writeReview(item.pointee.review, into: &writer) }
    writer.fixed("}")
  }

  /// The longest the members from `rule` to `verified` can be when the percentages round: each name, with
  /// its comma, quotes and colon, and the longest value it can have (`"budget-execution"`, a two-place
  /// decimal of `Hundredths.maximumTextLength` bytes in quotes, with a `%` for a percentage, `"achieved"`,
  /// `false`). `ResultLayoutTests` writes the longest row.
  static var verdictRoom: Int { 253 }

  /// A reviewer's override of the item's score, when there is one (a 复核 workbook read back): the
  /// engine's `score` stays beside it.
  static func writeReview(_ review: ReviewerScore?, into writer: inout FixedOrderWriter) {
    guard let review else { return }
    writer.member(#","review":{"score":"#, review.score)
    writer.member(#","comment":"#, review.comment)
    writer.member(#","cell":"#, review.cell)
    writer.fixed("}")
  }
}

extension FindingCode {
  /// The catalogue's codes as JSON strings, quotes included (`"score.over-claimed"`), at their catalogue
  /// positions: a finding's code is copied from here, not scanned for escapes at every finding (a code
  /// outside the catalogue is written from `rawValue`). Its definition is `rawValue` escaped as any string
  /// (`ResultLayoutTests`).
  static let quotedCatalogue = QuotedTexts(FindingCatalogue.all.map(\.code.rawValue))
}

// The texts of the result's enumerations as JSON strings, quotes included: literals, so that no `String`
// is made for them. Their definition is `rawValue` (`ResultLayoutTests` compares them on every case).

extension Table.Kind {
  /// `"project"`, or `"project-target"` for a target table.
  func jsonText(target: Bool) -> StaticString {
    switch (self, target) {
    case (.project, false): #""project""#
    case (.project, true): #""project-target""#
    case (.unit, false): #""unit""#
    case (.unit, true): #""unit-target""#
    }
  }
}

extension Grade {
  var jsonText: StaticString {
    switch self {
    case .excellent: #""优""#
    case .good: #""良""#
    case .fair: #""中""#
    case .poor: #""差""#
    }
  }
}

extension RuleKind {
  var jsonText: StaticString {
    switch self {
    case .proportional: #""proportional""#
    case .lowerIsBetter: #""lower-is-better""#
    case .equalZero: #""equal-zero""#
    case .passFail: #""pass-fail""#
    case .deadline: #""deadline""#
    case .graded: #""graded""#
    case .satisfaction: #""satisfaction""#
    case .budgetExecution: #""budget-execution""#
    }
  }
}

extension Achievement {
  var jsonText: StaticString {
    switch self {
    case .achieved: #""achieved""#
    case .partlyAchieved: #""partly""#
    case .notAchieved: #""not""#
    }
  }
}

extension Severity {
  var jsonText: StaticString {
    switch self {
    case .error: #""error""#
    case .warning: #""warning""#
    case .info: #""info""#
    }
  }
}
