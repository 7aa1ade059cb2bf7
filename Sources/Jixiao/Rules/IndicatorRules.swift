/// Chooses and applies the rule for one weighted indicator.
enum IndicatorRules {
  static func evaluate(_ context: RuleContext) -> Evaluation {
    do {
      return try dispatch(context)
    } catch {
      return .unverified(nil, context.finding(.numberOutOfRange, "数值超出可精确计算的范围，该项未核实"))
    }
  }

  private static func dispatch(_ context: RuleContext) throws(ArithmeticOverflow) -> Evaluation {
    let indicator = context.indicator
    let printed = context.choice.printed
    let rule = context.choice.rule

    switch indicator.target {
    case .empty:
      return .unverified(rule, context.finding(.cellUnparseable, "目标值为空，该项未核实"))
    case .unreadable(let reason):
      return .unverified(rule, context.finding(.cellUnparseable, "目标值“\(context.targetText)”无法读出：\(reason)，该项未核实"))
    case .deadline(let deadline):
      return try DeadlineRule.evaluate(deadline: deadline, context: context)
    case .text:
      var mismatch: [Finding] = []
      if printed == .proportional {
        mismatch.append(
          context.finding(.ruleMismatch, "赋分规则“\(indicator.ruleText ?? "")”按比例计分，但目标“\(context.targetText)”是定性的；按评判等级复核"))
      }
      var evaluation: Evaluation
      if rule == .passFail {
        switch GradedRule.read(context: context) {
        case .failure(let unverified): evaluation = .unverified(.passFail, unverified.finding)
        case .success(let achievement): evaluation = PassFailRule.evaluate(met: achievement == .achieved, context: context)
        }
      } else {
        evaluation = try GradedRule.evaluate(context: context)
      }
      evaluation.findings.insert(contentsOf: mismatch, at: 0)
      return evaluation
    case .quantity(let target):
      var findings: [Finding] = []
      if printed == .graded {
        findings.append(
          context.finding(.ruleMismatch, "赋分规则“\(indicator.ruleText ?? "")”按评判等级计分，但目标 \(context.targetText) 是数值；按完成比例复核"))
      }
      let actual: Rational
      switch QuantityPreparation.actualValue(target: target, context: context, findings: &findings) {
      case .failure(let unverified):
        var evaluation = Evaluation.unverified(rule, unverified.finding)
        evaluation.findings.insert(contentsOf: findings, at: 0)
        return evaluation
      case .success(let value): actual = value
      }
      let comparison = target.comparison ?? .equal
      var evaluation: Evaluation
      if rule == .passFail {
        evaluation = PassFailRule.evaluate(
          met: comparison.isMet(actual: actual, target: target.value), context: context)
      } else if comparison.isLowerBetter {
        evaluation = try LowerIsBetterRule.evaluate(
          target: target, actual: actual, comparison: comparison, context: context)
      } else if comparison == .equal, target.value.isZero {
        evaluation = EqualZeroRule.evaluate(actual: actual, context: context)
      } else {
        let effective: RuleKind = rule == .satisfaction ? .satisfaction : .proportional
        evaluation = try HigherIsBetterRule.evaluate(
          target: target, actual: actual, comparison: comparison, rule: effective, context: context)
      }
      evaluation.findings.insert(contentsOf: findings, at: 0)
      return evaluation
    }
  }
}
