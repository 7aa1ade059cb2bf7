/// The result of a re-score as JSON (evaluation-format.md): decimals as strings with 2 places,
/// completion as a percent string (`"2.00%"`).
public enum ResultJSON {
  public static func encode(_ result: TableResult) -> String {
    JSONWriter.text { write(result, into: &$0) }
  }

  /// One JSON Lines record: the result and its newline, as UTF-8.
  public static func line(_ result: TableResult) -> [UInt8] {
    var writer = JSONWriter()
    write(result, into: &writer)
    writer.newline()
    return writer.bytes
  }

  static func write(_ result: TableResult, into writer: inout JSONWriter) {
    writer.beginObject()
    writer.string("id", result.id)
    writer.string("name", result.name)
    writer.string("department", result.department)
    writer.int("year", result.year)
    writer.string("kind", result.kind.rawValue + (result.isTargetTable ? "-target" : ""))
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
    for item in result.indicators {
      writer.beginObject()
      writer.int("index", item.index)
      writer.string("name", item.name)
      writer.string("level1", item.level1)
      writer.string("level2", item.level2)
      writer.hundredths("weight", item.weight)
      writer.string("target", item.target)
      writer.string("actual", item.actual)
      writer.string("rule", item.rule?.rawValue)
      writer.percent("completion", item.completion)
      writer.percent("claimedCompletion", item.claimedCompletion)
      writer.hundredths("score", item.score)
      writer.hundredths("claimedScore", item.claimedScore)
      writer.string("band", item.band?.rawValue)
      writer.hundredths("whatIfScore", item.whatIfScore)
      writer.bool("verified", item.verified)
      writeReview(item.review, into: &writer)
      writer.endObject()
    }
    writer.endArray()
    writer.beginArray("findings")
    for finding in result.findings {
      writer.beginObject()
      writer.string("code", finding.code.rawValue)
      writer.string("severity", finding.severity.rawValue)
      writer.string("where", finding.location.key ?? "table")
      if case .indicator(_, let name) = finding.location {
        writer.string("indicator", name)
      } else {
        writer.raw("indicator", "null")
      }
      writer.string("message", finding.message)
      writer.endObject()
    }
    writer.endArray()
    writer.string("source", result.location.description)
    if result.sourceEncoding.wasTranscoded { writer.string("sourceEncoding", result.sourceEncoding.rawValue) }
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
