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

  public static var header: String { byteOrderMark + row(columns.map { Cell.text($0) }) }

  /// One cell, typed so that each writer shows it its way (the CSV as text, the workbook as a number
  /// with a number format): text (from the table, or jixiao's words), which the CSV may neutralise, or a
  /// number jixiao formats itself, which never is. A number that is absent is an empty cell.
  enum Cell: Sendable, Hashable {
    case text(String)
    case points(Hundredths?)
    /// An amount (万元), shown with 2 decimals in the CSV and kept exact in the workbook.
    case amount(Rational?)
    /// A ratio, shown as a percent (`85.23%`).
    case rate(Rational?)
    case year(Int?)

    /// The text the CSV writes.
    var csvText: String {
      switch self {
      case .text(let text): text
      case .points(let value): value?.description ?? ""
      case .amount(let value): value?.pointsText ?? ""
      case .rate(let value): value?.percentText ?? ""
      case .year(let value): value.map(String.init) ?? ""
      }
    }
  }

  /// What a row of the worksheet is.
  enum RowKind: Sendable, Hashable {
    case funds
    /// A 资金来源 row of the funds block (the workbook's only; the CSV worksheet has none).
    case source
    case indicator(position: Int)
    case total
  }

  /// One row of the worksheet: its cells in `columns` order, and whether the row over-claims.
  struct Row: Sendable {
    var kind: RowKind
    var cells: [Cell]
    var overClaimed: Bool
  }

  /// The rows of one table, each ending in CRLF (RFC 4180).
  public static func rows(_ result: TableResult) -> String {
    tableRows(result).map { row($0.cells) }.joined()
  }

  /// The label of the funds row's 一级指标 and 三级指标, and of the total row.
  static let fundsLevel1 = "预算执行率"
  static let fundsName = "预算执行"
  static let totalLabel = "总分"
  static let unverified = "未核实"

  /// The rows of one table: the funds row, the indicators, the total row.
  static func tableRows(_ result: TableResult) -> [Row] {
    var rows: [Row] = []
    let table: [Cell] = [.text(result.id), .year(result.year), .text(result.name.string), .text(result.department?.string ?? "")]
    func notes(_ location: FindingLocation) -> String {
      result.findings.filter { $0.location == location }.map { "[\($0.code.rawValue)] \($0.message)" }.joined(separator: "；")
    }
    if let funds = result.funds {
      let over = difference(funds.claimedScore, funds.finalScore, funds.verified || funds.review != nil)
      rows.append(
        Row(
          kind: .funds,
          cells: table + [
            .text(fundsLevel1), .text(""), .text(fundsName), .points(funds.weight), .amount(funds.annualBudget),
            .amount(funds.executed), .points(funds.claimedScore), .rate(funds.rate),
            funds.verified ? .points(funds.score) : .text(unverified), .points(over), .text(notes(.funds)),
          ], overClaimed: over.map { $0 > .zero } ?? false))
    }
    for item in result.indicators {
      let over = difference(item.claimedScore, item.finalScore, item.verified || item.review != nil)
      rows.append(
        Row(
          kind: .indicator(position: item.index),
          cells: table + [
            .text(item.level1?.string ?? ""), .text(item.level2?.string ?? ""), .text(item.name.string), .points(item.weight),
            .text(item.target?.string ?? ""), .text(item.actual?.string ?? ""), .points(item.claimedScore),
            item.completion.map { .rate($0) } ?? .text(item.band?.label ?? ""),
            item.verified ? .points(item.score) : .text(unverified), .points(over),
            .text(notes(.indicator(index: item.index, name: item.name))),
          ], overClaimed: over.map { $0 > .zero } ?? false))
    }
    var remarks = [result.claimedGrade.map { "自评等级 \($0.rawValue)" }, result.recomputedGrade.map { "复核等级 \($0.rawValue)" }]
      .compactMap { $0 }
    if let note = TextReport.overrideNote(result) { remarks.append(note) }
    let over = difference(result.claimedTotal, result.recomputedTotal, true)
    rows.append(
      Row(
        kind: .total,
        cells: table + [
          .text(totalLabel), .text(""), .text(""), .text(""), .text(""), .text(""), .points(result.claimedTotal), .text(""),
          .points(result.recomputedTotal), .points(over),
          .text((remarks + [notes(.table)].filter { !$0.isEmpty }).joined(separator: "；")),
        ], overClaimed: over.map { $0 > .zero } ?? false))
    return rows
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
      default: quoted(cell.csvText)
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
