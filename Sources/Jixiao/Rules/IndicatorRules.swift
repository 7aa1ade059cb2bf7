/// Chooses and applies the rule for one weighted indicator.
enum IndicatorRules {
  /// The rule's conclusion; what it finds is appended to `findings`. An item whose arithmetic overflows
  /// leaves only `indicator.out-of-range`: what its rule found before is taken back. The context is only read:
  /// it is lent in place (`inout`) because the scorer keeps it in an optional, from which a borrow was a copy
  /// of the whole context at every row.
  static func evaluate(_ context: inout RuleContext, phrases: QualitativePhrases, findings: inout [Finding]) -> Evaluation {
    let found = findings.count
    do {
      return try dispatch(context, phrases: phrases, findings: &findings)
    } catch {
      findings.removeSubrange(found...)
      return .unverified(nil, context.finding(.indicatorOutOfRange), into: &findings)
    }
  }

  // Inlined into `evaluate`, its only caller: called, the rule's evaluation was copied on its way out of
  // each (a hundred and sixty bytes a row).
  @inline(__always)
  private static func dispatch(_ context: RuleContext, phrases: QualitativePhrases, findings: inout [Finding])
    throws(ArithmeticOverflow)
    -> Evaluation
  {
    let printed = context.choice.printed
    let rule = context.choice.rule
    // The row read in place (`Indicator.readInPlace`), its target's cell where it is.
    return try context.indicator.readInPlace { (indicator) throws(ArithmeticOverflow) -> Evaluation in
      switch indicator.target {
      case .empty:
        return .unverified(rule, context.finding(.targetEmpty), into: &findings)
      case .unreadable(let reason):
        return .unverified(
          rule, context.finding(.targetUnreadable(target: context.targetText, reason: reason)), into: &findings)
      case .deadline(let deadline):
        return try DeadlineRule.evaluate(deadline: deadline, context: context, findings: &findings)
      case .text:
        if printed == .proportional {
          findings.append(
            context.finding(.proportionalRuleOnQualitative(rule: indicator.ruleText?.string ?? "", target: context.targetText)))
        }
        guard rule == .passFail else { return try GradedRule.evaluate(context: context, phrases: phrases, findings: &findings) }
        switch GradedRule.read(context: context, phrases: phrases) {
        case .failure(let unverified): return .unverified(.passFail, unverified.finding, into: &findings)
        case .success(let achievement): return PassFailRule.evaluate(met: achievement == .achieved, context: context)
        }
      case .quantity:
        // The target's quantity lent where it is (the case just matched): bound here, it was copied, its
        // unit's text retained.
        return try indicator.target.readQuantityInPlace { (target) throws(ArithmeticOverflow) in
          try evaluateQuantity(target: target, printed: printed, rule: rule, context: context, findings: &findings)
        }!
      }
    }
  }

  /// A quantitative target: the actual read in its unit, then the comparison's rule. Inlined into `evaluate`,
  /// as `dispatch` is, for the same copy of the evaluation.
  @inline(__always)
  private static func evaluateQuantity(
    target: borrowing Quantity, printed: RuleKind?, rule: RuleKind, context: RuleContext, findings: inout [Finding]
  ) throws(ArithmeticOverflow) -> Evaluation {
    if printed == .graded {
      findings.append(
        context.finding(.gradedRuleOnQuantity(rule: context.indicator.ruleText?.string ?? "", target: context.targetText)))
    }
    let actual: Rational
    switch QuantityPreparation.actualValue(target: target, context: context, findings: &findings) {
    case .failure(let unverified): return .unverified(rule, unverified.finding, into: &findings)
    case .success(let value): actual = value
    }
    let comparison = target.comparison ?? .equal
    if rule == .passFail {
      return PassFailRule.evaluate(met: comparison.isMet(actual: actual, target: target.value), context: context)
    } else if comparison.isLowerBetter {
      return try LowerIsBetterRule.evaluate(
        target: target, actual: actual, comparison: comparison, context: context, findings: &findings)
    } else if comparison == .equal, target.value.isZero {
      return EqualZeroRule.evaluate(actual: actual, context: context)
    } else {
      let effective: RuleKind = rule == .satisfaction ? .satisfaction : .proportional
      return try HigherIsBetterRule.evaluate(
        target: target, actual: actual, comparison: comparison, rule: effective, context: context, findings: &findings)
    }
  }
}
