/// The result of a re-score as JSON (evaluation-format.md): decimals as strings with 2 places,
/// completion as a percent string (`"2.00%"`).
public enum ResultJSON {
  public static func encode(_ result: TableResult) -> String {
    JSONWriter.text { write(result, into: &$0) }
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
    writer.string("claimedTotal", result.claimedTotal?.description)
    writer.string("recomputedTotal", result.recomputedTotal.description)
    writer.string("overClaimed", result.overClaimed?.description)
    writer.string("unverifiedPoints", result.unverifiedPoints.description)
    writer.string("claimedGrade", result.claimedGrade?.rawValue)
    writer.string("recomputedGrade", result.recomputedGrade?.rawValue)
    if let funds = result.funds {
      writer.beginObject("funds")
      writer.string("weight", funds.weight.description)
      writer.string("annualBudget", funds.annualBudget?.pointsText)
      writer.string("executed", funds.executed?.pointsText)
      writer.string("rate", funds.rate?.percentText)
      writer.string("claimedRate", funds.claimedRate?.percentText)
      writer.string("score", funds.score.description)
      writer.string("claimedScore", funds.claimedScore?.description)
      writer.bool("verified", funds.verified)
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
      writer.string("weight", item.weight?.description)
      writer.string("target", item.target)
      writer.string("actual", item.actual)
      writer.string("rule", item.rule?.rawValue)
      writer.string("completion", item.completion?.percentText)
      writer.string("claimedCompletion", item.claimedCompletion?.percentText)
      writer.string("score", item.score.description)
      writer.string("claimedScore", item.claimedScore?.description)
      writer.string("band", item.band?.rawValue)
      writer.string("whatIfScore", item.whatIfScore?.description)
      writer.bool("verified", item.verified)
      writer.endObject()
    }
    writer.endArray()
    writer.beginArray("findings")
    for finding in result.findings {
      writer.beginObject()
      writer.string("code", finding.code.rawValue)
      writer.string("severity", finding.severity.rawValue)
      writer.string("where", finding.location.key ?? "table")
      writer.string(
        "indicator",
        {
          if case .indicator(_, let name) = finding.location { return name }
          return nil
        }())
      writer.string("message", finding.message)
      writer.endObject()
    }
    writer.endArray()
    writer.string("source", result.location.description)
    writer.endObject()
  }
}
