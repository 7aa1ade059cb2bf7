/// `cell.unparseable` and `number.out-of-range` for the number cells the reader refused (a weight, score,
/// completion, total or amount): each is named with its text and what it costs (docs/rules.md).
struct UnreadableNumberCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  func findings(in context: CheckContext) -> [Finding] {
    let table = context.table
    guard !table.unreadableNumbers.isEmpty else { return [] }
    return table.currentUnreadableNumbers.compactMap { cell in
      guard let (location, subject) = context.location(of: cell.place, label: cell.field.label) else { return nil }
      let problem =
        switch cell.refusal {
        case .form: "不是可读的数（应如 \(Self.examples(cell.field.kind))）"
        case .outOfRange:
          "超出可精确计算的范围（绝对值至多 \(Self.printedLimit)，有效数字至多 \(Rational.maximumSignificantDigits) 位）"
        }
      let code: FindingCode = cell.refusal == .form ? .cellUnparseable : .numberOutOfRange
      return Finding(code, at: location, "\(subject)“\(cell.text)”\(problem)；\(consequence(of: cell, in: table))")
    }
  }

  /// `1,000,000,000,000`.
  static let printedLimit: String = {
    let digits = Array(String(Limits.maximumMagnitude))
    return stride(from: 0, to: digits.count, by: 3).map { end in
      String(digits[max(0, digits.count - end - 3)..<(digits.count - end)])
    }.reversed().joined(separator: ",")
  }()

  static func examples(_ kind: NumberKind) -> String {
    switch kind {
    case .points: "10、10.5 或 10.00分"
    case .amount: "265、1,782.65 或 265.00万元"
    case .rate: "86.24%、100"
    case .decimal: "0.5"
    }
  }

  /// What the table loses: the item unverified, or a comparison not made.
  private func consequence(of cell: UnreadableNumber, in table: Table) -> String {
    switch (cell.place, cell.field) {
    case (.indicator(let position), .weight):
      let claim = table.indicators[position - 1].claimedScore.map { "，保留自评得分 \($0.pointsText) 分" } ?? ""
      return "该指标未核实\(claim)"
    case (.funds, .weight), (.funds, .annualBudget), (.funds, .executed):
      let claim = table.funds?.claimedScore.map { "，保留自评得分 \($0.pointsText) 分" } ?? ""
      return "预算执行项未核实\(claim)"
    case (_, .claimedScore): return "按未填自评得分处理，不与复核得分比较"
    case (_, .claimedCompletion), (_, .claimedRate): return "不核对\(cell.field.label)"
    case (_, .claimedTotal): return "自评总分按未填处理，不比较总分"
    default: return "不核对资金来源的\(cell.field.label)合计"
    }
  }
}
