/// The quantitative rules share one preparation: read the actual as a number in the target's unit.
enum QuantityPreparation {
  /// The actual's value in the target's unit, or an unverified evaluation explaining why not.
  static func actualValue(
    target: Quantity, context: RuleContext, findings: inout [Finding]
  ) -> Result<Rational, UnverifiedItem> {
    let actual: Quantity
    switch context.indicator.actual {
    case .quantity(let quantity): actual = quantity
    case .empty:
      return .failure(UnverifiedItem(context.finding(.actualEmpty(target: context.targetText))))
    case .unreadable(let reason):
      return .failure(UnverifiedItem(context.finding(.actualUnreadable(actual: context.actualText, reason: reason))))
    case .text, .deadline:
      return .failure(
        UnverifiedItem(context.finding(.actualNotNumber(target: context.targetText, actual: context.actualText))))
    }
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
