/// Chooses and applies the rule for one weighted indicator.
enum IndicatorRules {
  static func evaluate(_ context: RuleContext) -> Evaluation {
    do {
      return try dispatch(context)
    } catch {
      return .unverified(nil, context.finding(.indicatorOutOfRange))
    }
  }

  private static func dispatch(_ context: RuleContext) throws(ArithmeticOverflow) -> Evaluation {
    let indicator = context.indicator
    let printed = context.choice.printed
    let rule = context.choice.rule

    switch indicator.target {
    case .empty:
      return .unverified(rule, context.finding(.targetEmpty))
    case .unreadable(let reason):
      return .unverified(rule, context.finding(.targetUnreadable(target: context.targetText, reason: reason)))
    case .deadline(let deadline):
      return try DeadlineRule.evaluate(deadline: deadline, context: context)
    case .text:
      var mismatch: [Finding] = []
      if printed == .proportional {
        mismatch.append(
          context.finding(.proportionalRuleOnQualitative(rule: indicator.ruleText?.string ?? "", target: context.targetText)))
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
      if !mismatch.isEmpty { evaluation.findings.insert(contentsOf: mismatch, at: 0) }
      return evaluation
    case .quantity(let target):
      var findings: [Finding] = []
      if printed == .graded {
        findings.append(
          context.finding(.gradedRuleOnQuantity(rule: indicator.ruleText?.string ?? "", target: context.targetText)))
      }
      let actual: Rational
      switch QuantityPreparation.actualValue(target: target, context: context, findings: &findings) {
      case .failure(let unverified):
        var evaluation = Evaluation.unverified(rule, unverified.finding)
        if !findings.isEmpty { evaluation.findings.insert(contentsOf: findings, at: 0) }
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
      if !findings.isEmpty { evaluation.findings.insert(contentsOf: findings, at: 0) }
      return evaluation
    }
  }
}
