/// `--format csv`: the 复核 worksheet a reviewer fills in, one row per indicator plus the funds and total
/// rows of each table. UTF-8 with a byte-order mark so that Excel shows the Chinese; every cell that a
/// spreadsheet would evaluate (starting with = + - @, a tab or a carriage return) is neutralised.
public enum Worksheet {
  public static let columns = [
    "项目名称", "主管部门", "一级指标", "二级指标", "三级指标", "权重", "目标值", "自评完成值", "自评得分", "复核完成率", "复核得分", "偏离度", "备注",
  ]

  public static let byteOrderMark = "\u{FEFF}"

  public static var header: String { byteOrderMark + row(columns) }

  /// The rows of one table, each ending in CRLF (RFC 4180).
  public static func rows(_ result: TableResult) -> String {
    var text = ""
    let name = result.name
    let department = result.department ?? ""
    func notes(_ location: FindingLocation) -> String {
      result.findings.filter { $0.location == location }.map { "[\($0.code.rawValue)] \($0.message)" }.joined(separator: "；")
    }
    if let funds = result.funds {
      text += row([
        name, department, "预算执行率", "", "预算执行", funds.weight?.description ?? "", funds.annualBudget?.pointsText ?? "",
        funds.executed?.pointsText ?? "", funds.claimedScore?.description ?? "", funds.rate?.percentText ?? "",
        funds.verified ? funds.score.description : "未核实", deviation(funds.claimedScore, funds.score, funds.verified),
        notes(.funds),
      ])
    }
    for item in result.indicators {
      text += row([
        name, department, item.level1 ?? "", item.level2 ?? "", item.name, item.weight?.description ?? "", item.target ?? "",
        item.actual ?? "", item.claimedScore?.description ?? "", item.completion?.percentText ?? item.band?.label ?? "",
        item.verified ? item.score.description : "未核实", deviation(item.claimedScore, item.score, item.verified),
        notes(.indicator(index: item.index, name: item.name)),
      ])
    }
    text += row([
      name, department, "总分", "", "", "", "", "", result.claimedTotal?.description ?? "", "", result.recomputedTotal.description,
      deviation(result.claimedTotal, result.recomputedTotal, true),
      ([result.claimedGrade.map { "自评等级 \($0.rawValue)" }, result.recomputedGrade.map { "复核等级 \($0.rawValue)" }].compactMap { $0 }
        + [notes(.table)].filter { !$0.isEmpty }).joined(separator: "；"),
    ])
    return text
  }

  /// Claimed minus recomputed: positive is over-claimed.
  static func deviation(_ claimed: Hundredths?, _ recomputed: Hundredths, _ verified: Bool) -> String {
    guard verified, let claimed else { return "" }
    return (claimed - recomputed).description
  }

  static func row(_ cells: [String]) -> String {
    cells.map(field).joined(separator: ",") + "\r\n"
  }

  /// Quotes when needed, and neutralises formula starts with a leading apostrophe (OWASP's advice).
  static func field(_ cell: String) -> String {
    var text = cell
    if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"].contains(first) {
      text = "'" + text
    }
    if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
      return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
    return text
  }
}
