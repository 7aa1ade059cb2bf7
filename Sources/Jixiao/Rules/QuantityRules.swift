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
      return .failure(UnverifiedItem(context.finding(.cellUnparseable, "实际值为空，无法与目标 \(context.targetText) 比较")))
    case .unreadable(let reason):
      return .failure(UnverifiedItem(context.finding(.cellUnparseable, "实际值“\(context.actualText)”无法读出：\(reason)")))
    case .text, .deadline:
      return .failure(
        UnverifiedItem(context.finding(.cellUnparseable, "数值目标 \(context.targetText) 对应的实际值“\(context.actualText)”不是数值")))
    }
    if let comparison = actual.comparison, comparison != .equal {
      findings.append(
        context.finding(
          .actualRestatesTarget,
          "实际值“\(context.actualText)”带有比较符 \(comparison.symbol)，是在重复目标而非报告实测值；按数值 \(actual.value.formatted(places: 2).trimmedZeros) 计分"
        ))
    }
    switch target.unit.relation(ofActual: actual.unit) {
    case .same:
      return .success(actual.value)
    case .converted(let factor):
      guard let converted = try? actual.value * factor else {
        return .failure(UnverifiedItem(context.finding(.cellUnparseable, "实际值“\(context.actualText)”换算后超出可精确计算的范围")))
      }
      findings.append(
        context.finding(
          .unitScaleConverted,
          "实际值 \(context.actualText) 按 \(target.unit) 换算为 \(converted.formatted(places: 6).trimmedZeros)\(target.unit) 后与目标 \(context.targetText) 比较"
        ))
      return .success(converted)
    case .incompatible:
      return .failure(
        UnverifiedItem(
          context.finding(
            .unitIncompatible,
            "目标 \(context.targetText) 的单位“\(target.unit)”与实际值 \(context.actualText) 的单位“\(actual.unit)”无法比较，该项未核实")))
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
