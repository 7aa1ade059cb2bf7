/// `--format csv`: the 复核 worksheet a reviewer fills in, one row per indicator plus the funds and total
/// rows of each table. UTF-8 with a byte-order mark so that Excel shows the Chinese. The numbers jixiao
/// writes (year, weight, amounts, scores, rates, the difference) are plain numbers a spreadsheet can sum,
/// negative ones included; every text cell that a spreadsheet would evaluate (starting with = + - @, a
/// tab or a carriage return) is neutralised with a leading apostrophe (OWASP's advice).
public enum Worksheet {
  /// 差额 is claimed minus recomputed points (positive: over-claimed). Not 偏离度, which in 复核 practice
  /// is how far an actual is from its target.
  public static let columns = [
    "表编号", "年度", "项目名称", "主管部门", "一级指标", "二级指标", "三级指标", "权重", "目标值", "自评完成值", "自评得分", "复核完成率", "复核得分",
    "差额", "备注",
  ]

  public static let byteOrderMark = "\u{FEFF}"

  public static var header: String { byteOrderMark + row(columns.map(Cell.text)) }

  /// One cell: text (from the table, or jixiao's words), which may be neutralised, or a number jixiao
  /// formatted itself, which never is.
  enum Cell {
    case text(String)
    case number(String)

    /// A number, or an empty cell when there is none.
    static func number(_ value: (some CustomStringConvertible)?) -> Cell { .number(value?.description ?? "") }
  }

  /// The rows of one table, each ending in CRLF (RFC 4180).
  public static func rows(_ result: TableResult) -> String {
    var text = ""
    let table: [Cell] = [.text(result.id), .number(result.year), .text(result.name), .text(result.department ?? "")]
    func notes(_ location: FindingLocation) -> String {
      result.findings.filter { $0.location == location }.map { "[\($0.code.rawValue)] \($0.message)" }.joined(separator: "；")
    }
    if let funds = result.funds {
      text += row(
        table + [
          .text("预算执行率"), .text(""), .text("预算执行"), .number(funds.weight), .number(funds.annualBudget?.pointsText),
          .number(funds.executed?.pointsText), .number(funds.claimedScore), .number(funds.rate?.percentText),
          funds.verified ? .number(funds.score) : .text("未核实"),
          .number(difference(funds.claimedScore, funds.score, funds.verified)),
          .text(notes(.funds)),
        ])
    }
    for item in result.indicators {
      text += row(
        table + [
          .text(item.level1 ?? ""), .text(item.level2 ?? ""), .text(item.name), .number(item.weight), .text(item.target ?? ""),
          .text(item.actual ?? ""), .number(item.claimedScore),
          item.completion.map { .number($0.percentText) } ?? .text(item.band?.label ?? ""),
          item.verified ? .number(item.score) : .text("未核实"), .number(difference(item.claimedScore, item.score, item.verified)),
          .text(notes(.indicator(index: item.index, name: item.name))),
        ])
    }
    let grades = [result.claimedGrade.map { "自评等级 \($0.rawValue)" }, result.recomputedGrade.map { "复核等级 \($0.rawValue)" }]
    text += row(
      table + [
        .text("总分"), .text(""), .text(""), .text(""), .text(""), .text(""), .number(result.claimedTotal), .text(""),
        .number(result.recomputedTotal), .number(difference(result.claimedTotal, result.recomputedTotal, true)),
        .text((grades.compactMap { $0 } + [notes(.table)].filter { !$0.isEmpty }).joined(separator: "；")),
      ])
    return text
  }

  /// Claimed minus recomputed: positive is over-claimed.
  static func difference(_ claimed: Hundredths?, _ recomputed: Hundredths, _ verified: Bool) -> Hundredths? {
    guard verified, let claimed else { return nil }
    return claimed - recomputed
  }

  static func row(_ cells: [Cell]) -> String {
    cells.map { cell in
      switch cell {
      case .text(let text): field(text)
      case .number(let text): quoted(text)
      }
    }.joined(separator: ",") + "\r\n"
  }

  /// A text cell: neutralised when its first scalar would start a formula, then quoted when needed.
  static func field(_ text: String) -> String {
    guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return quoted(text) }
    return quoted("'" + text)
  }

  static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"]

  /// In double quotes, inner quotes doubled, when a comma, quote, CR or LF occurs: found byte by byte,
  /// since a `Character` can hide a comma or quote behind a neighbouring mark (U+0600 before `,`).
  static func quoted(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
      return text
    }
    var bytes: [UInt8] = [UInt8(ascii: "\"")]
    bytes.reserveCapacity(text.utf8.count + 8)
    for byte in text.utf8 {
      if byte == UInt8(ascii: "\"") { bytes.append(byte) }
      bytes.append(byte)
    }
    bytes.append(UInt8(ascii: "\""))
    return String(decoding: bytes, as: UTF8.self)
  }
}
