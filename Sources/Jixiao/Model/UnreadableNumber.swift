/// A weight, score, total or amount that the reader could not take as a number (docs/input.md,
/// "Numbers"). The table keeps it beside the value, which is absent: the scorer reports the cell by
/// field and text, and the item it belongs to is scored as far as it can be without it (docs/rules.md).
public struct UnreadableNumber: Sendable, Hashable {
  /// Whose cell it is.
  public enum Place: Sendable, Hashable {
    case table
    case funds
    /// The n-th (1-based) 资金来源 row of the funds block.
    case source(Int)
    /// The n-th (1-based) indicator.
    case indicator(Int)
  }

  public var place: Place
  public var field: NumberField
  /// The cell as printed, cut to `UnreadableNumber.maximumTextLength` characters; a JSON value of
  /// another type as `true`, `[…]` or `{…}`.
  public var text: String
  public var refusal: NumberRefusal

  /// Characters of the printed text a finding quotes.
  public static let maximumTextLength = 40

  public init(place: Place, field: NumberField, text: String, refusal: NumberRefusal) {
    self.place = place
    self.field = field
    self.text = text.count > Self.maximumTextLength ? String(text.prefix(Self.maximumTextLength)) + "…" : text
    self.refusal = refusal
  }
}

/// The number fields of a table, by their input name.
public enum NumberField: String, Sendable, Hashable, CaseIterable {
  case weight, claimedScore, claimedCompletion, claimedTotal, initialBudget, annualBudget, executed, claimedRate

  public var kind: NumberKind {
    switch self {
    case .weight, .claimedScore, .claimedTotal: .points
    case .initialBudget, .annualBudget, .executed: .amount
    case .claimedCompletion, .claimedRate: .rate
    }
  }

  /// The column as the table prints it.
  public var label: String {
    switch self {
    case .weight: "权重"
    case .claimedScore: "自评得分"
    case .claimedCompletion: "完成率"
    case .claimedTotal: "自评总分"
    case .initialBudget: "年初预算数"
    case .annualBudget: "全年预算数"
    case .executed: "全年执行数"
    case .claimedRate: "执行率"
    }
  }
}
