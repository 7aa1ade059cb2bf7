/// The quantitative rules share one preparation: read the actual as a number in the target's unit.
enum QuantityPreparation {
  /// The actual's value in the target's unit, or an unverified evaluation explaining why not.
  static func actualValue(
    target: borrowing Quantity, context: RuleContext, findings: inout [Finding]
  ) -> Result<Rational, UnverifiedItem> {
    // The quantity is lent where it is, in the row's cell: a switch that binds it copies the whole cell
    // first, and a copy of the quantity retains its unit's text, on every quantitative row.
    context.indicator.actual.readQuantityInPlace { actual in
      actualValue(actual, target: target, context: context, findings: &findings)
    } ?? .failure(notAQuantity(context))
  }

  private static func actualValue(
    _ actual: borrowing Quantity, target: borrowing Quantity, context: RuleContext, findings: inout [Finding]
  ) -> Result<Rational, UnverifiedItem> {
    if let comparison = actual.comparison, comparison != .equal {
      findings.append(
        context.finding(.actualRestatesTarget(actual: context.actualText, comparison: comparison, value: actual.value)))
    }
    switch target.unit.relation(ofActual: actual.unit) {
    case .same:
      return .success(actual.value)
    case .converted(let factor):
      guard let converted = try? actual.value * factor else {
        return .failure(UnverifiedItem(context.finding(.actualConversionOutOfRange(actual: context.actualText))))
      }
      findings.append(
        context.finding(
          .unitScaleConverted(actual: context.actualText, unit: target.unit, converted: converted, target: context.targetText)))
      return .success(converted)
    case .incompatible:
      return .failure(
        UnverifiedItem(
          context.finding(
            .unitIncompatible(
              target: context.targetText, targetUnit: target.unit, actual: context.actualText, actualUnit: actual.unit))))
    }
  }

  /// Why an actual that is not a quantity leaves the item unverified.
  private static func notAQuantity(_ context: RuleContext) -> UnverifiedItem {
    switch context.indicator.actual {
    case .empty:
      UnverifiedItem(context.finding(.actualEmpty(target: context.targetText)))
    case .unreadable(let reason):
      UnverifiedItem(context.finding(.actualUnreadable(actual: context.actualText, reason: reason)))
    case .text, .deadline:
      UnverifiedItem(context.finding(.actualNotNumber(target: context.targetText, actual: context.actualText)))
    case .quantity:
      preconditionFailure("a quantity is read by actualValue")
    }
  }
}

struct UnverifiedItem: Error {
  let finding: Finding
  init(_ finding: Finding) { self.finding = finding }
}

extension String {
  /// `12.500000` → `12.5`, `3.000000` → `3`.
  var trimmedZeros: String {
    guard contains(".") else { return self }
    var text = self
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }
}
