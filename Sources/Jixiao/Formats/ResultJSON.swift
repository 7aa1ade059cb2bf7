/// The result of a re-score as JSON (evaluation-format.md): decimals as strings with 2 places,
/// completion as a percent string (`"2.00%"`).
public enum ResultJSON {
  public static func encode(_ result: TableResult) -> String {
    JSONWriter.text { write(result, into: &$0) }
  }

  /// One JSON Lines record: the result and its newline, as UTF-8, written in the array returned.
  public static func line(_ result: TableResult) -> [UInt8] {
    ByteBuffer.array(capacity: estimatedLength(result)) { buffer in
      var writer = JSONWriter(into: buffer)
      write(result, into: &writer)
      writer.newline()
    }
  }

  /// A line's bytes, guessed from the counts of its parts: over the length of the lines of a year of
  /// tables (by about half), so that a line is written where it is handed out; a longer one is copied once.
  static func estimatedLength(_ result: TableResult) -> Int {
    1_024 + 512 * result.indicators.count + 256 * result.findings.count
  }

  static func write(_ result: TableResult, into writer: inout JSONWriter) {
    writer.beginObject()
    writer.string("id", result.id)
    writer.string("name", result.name)
    writer.string("department", result.department)
    writer.int("year", result.year)
    writer.string("kind", result.isTargetTable ? result.kind.rawValue + "-target" : result.kind.rawValue)
    writer.beginObject("profile")
    writer.string("name", result.profileName)
    writer.string("hash", result.profileHash)
    writer.endObject()
    writer.hundredths("claimedTotal", result.claimedTotal)
    writer.hundredths("recomputedTotal", result.recomputedTotal)
    writer.hundredths("overClaimed", result.overClaimed)
    writer.hundredths("unverifiedPoints", result.unverifiedPoints)
    writer.string("claimedGrade", result.claimedGrade?.rawValue)
    writer.string("recomputedGrade", result.recomputedGrade?.rawValue)
    if let weights = result.weightsOffScale { writer.points("weightsOffScale", weights) }
    if let engineTotal = result.engineTotal {
      writer.hundredths("engineTotal", engineTotal)
      writer.string("engineGrade", result.engineGrade?.rawValue)
    }
    if let funds = result.funds {
      writer.beginObject("funds")
      writer.hundredths("weight", funds.weight)
      writer.points("annualBudget", funds.annualBudget)
      writer.points("executed", funds.executed)
      writer.percent("rate", funds.rate)
      writer.percent("claimedRate", funds.claimedRate)
      writer.hundredths("score", funds.score)
      writer.hundredths("claimedScore", funds.claimedScore)
      writer.bool("verified", funds.verified)
      writeReview(funds.review, into: &writer)
      writer.endObject()
    } else {
      writer.raw("funds", "null")
    }
    writer.beginArray("indicators")
    // Read in place through a pointer: a loop over the array, or an element passed as an argument, copied
    // each result (a dozen strings retained and released).
    result.indicators.withUnsafeBufferPointer { items in
      guard let first = items.baseAddress else { return }
      for position in items.indices { writeIndicator(first + position, into: &writer) }
    }
    writer.endArray()
    writer.beginArray("findings")
    // In place, as the indicators: a loop over the array copied each finding's location and detail.
    result.findings.withUnsafeBufferPointer { items in
      guard let first = items.baseAddress else { return }
      for position in items.indices { writeFinding(first + position, into: &writer) }
    }
    writer.endArray()
    writer.string("source", result.location.description)
    if result.sourceEncoding.wasTranscoded { writer.string("sourceEncoding", result.sourceEncoding.rawValue) }
    writer.endObject()
  }

  static func writeFinding(_ finding: UnsafePointer<Finding>, into writer: inout JSONWriter) {
    writer.beginObject()
    writer.string("code", finding.pointee.code.rawValue)
    writer.string("severity", finding.pointee.severity.rawValue)
    switch finding.pointee.location {
    case .table:
      writer.raw("where", #""table""#)
      writer.raw("indicator", "null")
    case .funds:
      writer.raw("where", #""funds""#)
      writer.raw("indicator", "null")
    case .indicator(let index, let name):
      // `location.key`, the index as a string, without making one.
      writer.quotedInt("where", index)
      writer.string("indicator", name)
    }
    writer.message("message", finding.pointee.detail)
    writer.endObject()
  }

  static func writeIndicator(_ item: UnsafePointer<IndicatorResult>, into writer: inout JSONWriter) {
    writer.beginObject()
    writer.int("index", item.pointee.index)
    writer.string("name", item.pointee.name)
    writer.string("level1", item.pointee.level1)
    writer.string("level2", item.pointee.level2)
    writer.hundredths("weight", item.pointee.weight)
    writer.string("target", item.pointee.target)
    writer.string("actual", item.pointee.actual)
    writer.string("rule", item.pointee.rule?.rawValue)
    writer.percent("completion", item.pointee.completion)
    writer.percent("claimedCompletion", item.pointee.claimedCompletion)
    writer.hundredths("score", item.pointee.score)
    writer.hundredths("claimedScore", item.pointee.claimedScore)
    writer.string("band", item.pointee.band?.rawValue)
    writer.hundredths("whatIfScore", item.pointee.whatIfScore)
    writer.bool("verified", item.pointee.verified)
    // Tested in place: passing the optional copied its two strings for every item, reviewed or not.
    if item.pointee.review != nil { writeReview(item.pointee.review, into: &writer) }
    writer.endObject()
  }

  /// A reviewer's override of the item's score, when there is one (a 复核 workbook read back): the
  /// engine's `score` stays beside it.
  static func writeReview(_ review: ReviewerScore?, into writer: inout JSONWriter) {
    guard let review else { return }
    writer.beginObject("review")
    writer.hundredths("score", review.score)
    writer.string("comment", review.comment)
    writer.string("cell", review.cell)
    writer.endObject()
  }
}
