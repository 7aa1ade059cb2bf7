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

  /// Its kind of value, as the schema declares it.
  public var kind: NumberKind { Self.declared[self]!.kind }

  /// The column as messages name it, as the schema declares it.
  public var label: String { Self.declared[self]!.label }

  /// By member, its first declaration: a member of several places (the funds block's `weight` and an
  /// indicator's) has one kind and one label in all of them (`TableSchemaTests`).
  private static let declared: [NumberField: (kind: NumberKind, label: String)] = {
    var result: [NumberField: (kind: NumberKind, label: String)] = [:]
    for declaration in TableSchema.declarations {
      guard case .number(let kind) = declaration.value, let field = NumberField(rawValue: declaration.member),
        result[field] == nil
      else { continue }
      result[field] = (kind, declaration.label)
    }
    return result
  }()
}
