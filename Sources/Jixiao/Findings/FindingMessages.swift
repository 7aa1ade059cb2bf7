/// The one place a finding's Chinese message is made: the writers ask for `finding.message`, the checks
/// only ever build a `FindingDetail`. Numbers are formatted here from their exact values.
extension FindingDetail {
  /// Chinese, with the numbers: `目标 ≥5%，实际 0.1%，完成率 2.00%，按比例应得 0.50 分，自评 25.00 分，多报 24.50 分`.
  public var message: String {
    switch self {
    case .indicatorClaim, .fundsClaim, .totalOverClaimed, .gradeInflated, .explanationMissing, .evidenceMissing,
      .deadlineMissed, .unitScaleConverted, .qualitativeUnclassified, .duplicateIndicator, .targetEmpty,
      .targetUnreadable, .actualEmpty, .actualEmptyForDeadline, .actualEmptyForQualitative, .actualUnreadable,
      .actualNotNumber, .actualNotDate, .actualRestatesTarget:
      let text = ByteBuffer(capacity: 192)
      appendAssembled(to: text)
      return text.text

    case .totalArithmetic(let claimed, let itemSum, let difference):
      return "自评总分 \(claimed.pointsText)，各项自评得分之和为 \(itemSum.pointsText)，相差 \(difference.pointsText) 分"
    case .gradeMismatch(let claimedTotal, let expected, let printed):
      return "自评总分 \(claimedTotal) 应评“\(expected.rawValue)”，表上填“\(printed.rawValue)”"

    case .weightMissing(let claimedScore):
      return "缺少权重，无法复核\(Self.keeping(claimedScore))"
    case .weightZero:
      return "权重为 0，该指标不计分"
    case .weightNegative(let weight):
      return "权重为负数 \(weight.pointsText)，按未核实处理"
    case .targetTableWeightsSum(let sum, let fundsWeight):
      return "指标权重合计 \(sum.pointsText)，应为 100（或另加预算执行 \(fundsWeight.pointsText) 分后为 100）"
    case .weightsSum(let indicators, let funds, let sum):
      let parts = funds.map { "指标 \(indicators.pointsText) + 预算执行 \($0.pointsText)" } ?? "指标"
      return "权重合计 \(parts) = \(sum.pointsText)，应为 100；总分不按百分制评等级，不与自评总分比较"
    case .levelWeightsSum(let level1, let level2, let points, let indicators, let sum):
      return "\(Self.level(level1, level2))标 \(points.pointsText) 分，其下 \(indicators) 项指标权重合计 \(sum.pointsText) 分"

    case .missingLevel1(let levels):
      return "项目表缺少一级指标：" + levels.map { "\($0)指标" }.joined(separator: "、")
    case .misplacedLevel2(let level1, let level2, let allowed):
      return "二级指标“\(level2)”不属于一级指标“\(level1)”（应为：\(allowed.sorted().map { "\($0)指标" }.joined(separator: "、"))）"

    case .costTargetRaises(let target, let comparison):
      return "成本指标的目标 \(target) 用了 \(comparison.symbol)：成本应当越低越好，目标方向可能写反"
    case .quantityTargetLowers(let target, let comparison):
      return "数量指标的目标 \(target) 用了 \(comparison.symbol)：数量通常越多越好，目标方向可能写反"
    case .targetTooLow(let target, let actual, let completion, let threshold, let whatIfScore, let deducted):
      return
        "目标 \(target)，实际 \(actual)，完成率 \(completion.percentText)，超过超额阈值 \(threshold.percentText)，目标可能定得过低；按偏离度扣分应得 \(whatIfScore.pointsText) 分"
        + (deducted ? "（本方案据此计分）" : "（本方案不扣分）")
    case .strictBoundary(let target, let actual, let bound):
      return "目标 \(target) 要求严格\(bound == .above ? "大于" : "小于")，实际 \(actual) 恰好相等：严格说未达成"
    case .completionMismatch(let claimed, let target, let actual, let computed):
      return "表上完成率 \(claimed.percentText)，按目标 \(target ?? "—")、实际 \(actual ?? "—") 计算为 \(computed.percentText)"
    case .proportionalRuleOnQualitative(let rule, let target):
      return "赋分规则“\(rule)”按比例计分，但目标“\(target)”是定性的；按评判等级复核"
    case .gradedRuleOnQuantity(let rule, let target):
      return "赋分规则“\(rule)”按评判等级计分，但目标 \(target) 是数值；按完成比例复核"
    case .unitIncompatible(let target, let targetUnit, let actual, let actualUnit):
      return "目标 \(target) 的单位“\(targetUnit)”与实际值 \(actual) 的单位“\(actualUnit)”无法比较，该项未核实"

    case .deadlineWithoutYear:
      return "时限与实际日期都没有年份，表也未填年度，无法比较"
    case .actualConversionOutOfRange(let actual):
      return "实际值“\(actual)”换算后超出可精确计算的范围"

    case .unreadableNumber(let cell, let subject, let keptClaim):
      let problem =
        switch cell.refusal {
        case .form: "不是可读的数（应如 \(Self.examples(cell.field.kind))）"
        case .outOfRange:
          "超出可精确计算的范围（绝对值至多 \(Self.printedLimit)，有效数字至多 \(Rational.maximumSignificantDigits) 位）"
        }
      return "\(subject.text)“\(cell.text)”\(problem)；\(Self.consequence(of: cell, keptClaim: keptClaim))"
    case .unreadableText(let problem, let subject, let field):
      return "\(subject.text)\(problem.text(inBrackets: false))；\(Self.consequence(of: field))"
    case .tableNameMissing(let found):
      return "项目名称未填\(Self.why(found))：报告中记为“\(Table.unnamed)”"
    case .indicatorNameMissing(let found, let keptClaim):
      return "三级指标未填\(Self.why(found))：无法确认是哪一项指标，该行未核实\(Self.keeping(keptClaim))"
    case .targetIndicatorNameMissing(let found):
      return "三级指标未填\(Self.why(found))"
    case .columnIgnored(let header, let column, let inFundsBlock):
      let fields = inFundsBlock ? "全年预算数、全年执行数" : "目标值、实际值"
      return "“\(header)”列（\(column)）不是 jixiao 读取的栏目，本表在此列填写的内容未读入；如它是\(fields)等的另一种写法，请改用 docs/input.md 所列的列名"
    case .unplacedCellIgnored(let cell, let text):
      return "\(ReadingNote.StructuralRow.unplaced.rawValue)中 \(cell) 格的“\(text)”未读入（它不在表头、资金、目标、指标或总分任何一部分中）"
    case .fundsBlockCellIgnored(let cell, let text):
      let row = ReadingNote.StructuralRow.fundsBlock
      return "\(row.rawValue) \(cell) 格的“\(text)”不在资金块的任何列名下，未读入（资金块只读\(row.readFor)）"
    case .structuralCellIgnored(let row, let header, let text):
      return "\(row.rawValue)“\(header)”栏的“\(text)”未读入（这一行不是指标，只读\(row.readFor)）"
    case .fundsBlockUnread(let label, let cell):
      return "资金块“\(label)”（\(cell)）的列没有一列是 jixiao 读取的栏目（年初预算数、全年预算数、全年执行数、分值、执行率、得分），未读出任何金额：本表按没有资金块复核，不计预算执行项"
    case .cellUncertain(let subject, let reason, let place):
      return "\(subject.text)读取不确定（\(reason)）；\(Self.uncertainty(at: place))"
    case .sheetHidden(let name):
      return "本表在隐藏的工作表“\(name)”中（Excel 打开时不显示）：照常复核；请确认它是报送的表，而不是模板、草稿或往年的表"
    case .sheetWithoutForm(let name, let cell, let text):
      return "同一工作簿的工作表“\(name)”中没有找到自评表或绩效目标表（\(cell) 格为“\(text)”），未读入；若它是要复核的表，请按打印的样子排版（标题、项目名称、指标表头三级指标），或写成 JSON"

    case .indicatorOutOfRange:
      return "数值超出可精确计算的范围，该项未核实"
    case .fundsAmountsOutOfRange:
      return "预算金额超出可精确计算的范围，预算执行项未核实"
    case .notComputable(let figure):
      return "\(figure.name)超出可精确计算的范围（数值过大或小数位过多），\(figure.skipped)"

    case .fundsNoBudget(let annualBudget):
      let printed = annualBudget.map { "为 \($0.pointsText)" } ?? "缺失"
      return "全年预算数\(printed)，无法计算执行率；预算执行项未核实，保留自评得分"
    case .executedMissing:
      return "全年执行数为空，无法计算执行率；预算执行项未核实"
    case .fundsOverExecuted(let executed, let annualBudget, let rate):
      return "全年执行数 \(executed.pointsText) 超过全年预算数 \(annualBudget.pointsText)（执行率 \(rate.percentText)），得分按 100% 封顶"
    case .fundsRateMismatch(let claimed, let executed, let annualBudget, let rate):
      return "表上执行率 \(claimed.percentText)，执行数 \(executed.pointsText) ÷ 预算数 \(annualBudget.pointsText) = \(rate.percentText)"
    case .fundsSourcesMismatch(let columns):
      let problems = columns.map { "\($0.field.label)：来源合计 \($0.sum.pointsText)，总额 \($0.total.pointsText)" }
      return "资金来源相加与总额不符（" + problems.joined(separator: "；") + "）"
    case .spendingGap(let rate, let share, let claimed, let weights):
      return "预算执行率仅 \(rate.percentText)，指标自评得分却达权重合计的 \(share.percentText)（\(claimed.pointsText)/\(weights.pointsText)）"

    case .qualitativeShare(let qualitative, let total, let share, let maximum, let names):
      return "定性目标占权重 \(qualitative.pointsText)/\(total.pointsText) = \(share.percentText)，超过 \(maximum.percentText)："
        + names.joined(separator: "、")
    case .targetWithoutUnit(let target):
      return "数值目标 \(target) 没有单位（次、家、%、万元……），无法判断衡量什么"
    case .costOverBudget(let costs, let sum, let budget, let excess, let unit):
      return "\(costs) 项成本目标合计 \(sum.pointsText)\(unit)，超过全年预算 \(budget.pointsText)\(unit) \(excess.pointsText)\(unit)"
    case .belowLastYear(let target, let lastYear):
      return "目标 \(target) 不高于上年完成情况 \(lastYear)：目标缺乏挑战性"
    case .reviewOverride(let engineScore, let score, let cell, let comment):
      return "复核调整：jixiao 复核 \(engineScore) 分，复核人员调整为 \(score) 分（\(cell)）；复核意见：\(comment)"
    case .reviewOverrideInvalid(let scoreText, let cell, nil, _):
      return "复核调整得分“\(scoreText)”（\(cell)）不予采用：该项没有可读的权重，无法核对 0 至权重的范围"
    case .reviewOverrideInvalid(let scoreText, let cell, let weight?, let isNumber):
      let what = isNumber ? "不在 0 至权重 \(weight) 分之间" : "不是数字"
      return "复核调整得分“\(scoreText)”（\(cell)）\(what)，不予采用；填写 0 至 \(weight) 之间的分数"
    case .reviewOverrideNoReason(let score, let cell):
      return "复核调整得分 \(score)（\(cell)）没有填写复核意见，不予采用；在同一行的“复核意见”中写明调整理由"
    case .reviewOverrideMisplaced(let scoreText, let cell, let row):
      let reason =
        switch row {
        case .noScoredFunds: "这一行不是可评分的项目"
        case .targetTable: "绩效目标表不评分"
        case .noIndicator: "这一行不是可评分的指标"
        case .fundsSource: "资金来源行不评分；请调整预算执行行的得分"
        case .total: "总分由各项得分相加，不能直接调整；请调整各项得分"
        }
      return "复核调整得分“\(scoreText)”（\(cell)）不予采用：\(reason)"
    }
  }

  /// Whether `message` is known to need no JSON escaping (no `"`, `\\` or control character), so that a
  /// writer copies it without looking: a message assembled from literals and numbers alone, or quoting only
  /// table texts that are plain (`TableText.isPlainJSON`; trimmed, still plain). False when not known (a
  /// writer then looks); `FindingMessageTests` holds it to the message's bytes.
  var messageIsPlainJSON: Bool {
    switch self {
    case .indicatorClaim(let target, let actual, _, _, _, _, _, _):
      (target?.isPlainJSON ?? true) && (actual?.isPlainJSON ?? true)
    case .fundsClaim, .totalOverClaimed, .gradeInflated, .explanationMissing, .evidenceMissing, .duplicateIndicator,
      .deadlineMissed, .targetEmpty:
      true
    default: false
    }
  }

  /// The whole message of a finding whose message has no figures or texts (`explanation.missing`, the most
  /// frequent finding), which needs no JSON escaping: a writer copies it as it is. Nil for any other finding.
  var fixedMessage: StaticString? {
    switch self {
    case .explanationMissing(let overAchieved):
      overAchieved ? "指标超过超额阈值，偏差原因分析及改进措施为空" : "指标未完全达成，偏差原因分析及改进措施为空"
    case .targetEmpty: "目标值为空，该项未核实"
    default: nil
    }
  }

  /// Appends `message`'s UTF-8 bytes to `text`: the most frequent messages of a batch (claims, totals,
  /// explanations) are assembled there, which the JSON writer so writes without making a `String`; any
  /// other's are copied from `message`.
  func appendMessage(to text: ByteBuffer) {
    if !appendAssembled(to: text) { text.append(utf8: message) }
  }

  /// Appends the message of a finding whose message is assembled in bytes (its one definition, which
  /// `message` reads too) and returns true; returns false, appending nothing, for any other finding.
  @discardableResult
  private func appendAssembled(to text: ByteBuffer) -> Bool {
    if let fixed = fixedMessage {
      text.append(fixed)
      return true
    }
    switch self {
    case .indicatorClaim, .fundsClaim: if !appendClaimInPlace(to: text) { appendClaim(to: text) }
    case .totalOverClaimed(let claimed, let recomputed, let difference):
      text.append("自评总分 ")
      text.appendPoints(claimed)
      text.append("，复核总分 ")
      text.append(recomputed)
      text.append("，多报 ")
      text.appendPoints(difference)
      text.append(" 分")
    case .gradeInflated(let claimed, let recomputedTotal, let recomputed):
      text.append("自评等级“")
      text.append(utf8: claimed.rawValue)
      text.append("”，按复核总分 ")
      text.append(recomputedTotal)
      text.append(" 应为“")
      text.append(utf8: recomputed.rawValue)
      text.append("”")
    case .evidenceMissing(let requiredByProfile):
      text.append("佐证资料为空，")
      text.append(requiredByProfile ? "本方案按 0 分计" : "复核人员通常按 0 分计")
    case .duplicateIndicator(let first):
      text.append("与第 ")
      text.appendInteger(first)
      text.append(" 项指标同名，复核只应计一次")
    case .deadlineMissed(let deadline, let actual, let year, let score):
      text.append("时限 ")
      Self.append(deadline, defaultYear: year, to: text)
      text.append("，实际 ")
      Self.append(actual, defaultYear: year, to: text)
      text.append("，逾期 ")
      text.appendInteger(DeadlineRule.daysBetween(deadline, actual, year: year))
      text.append(" 天；按规则应得 ")
      text.appendPoints(score)
      text.append(" 分")
    case .unitScaleConverted(let actual, let unit, let converted, let target):
      Self.append("实际值 ", actual, " 按 ", to: text)
      text.append(utf8: unit.text)
      text.append(" 换算为 ")
      text.appendTrimmingZeros(converted, places: 6)
      text.append(utf8: unit.text)
      text.append(" 后与目标 ")
      text.append(utf8: target)
      text.append(" 比较")
    case .actualRestatesTarget(let actual, let comparison, let value):
      Self.append("实际值“", actual, "”带有比较符 ", to: text)
      text.append(utf8: comparison.symbol)
      text.append("，是在重复目标而非报告实测值；按数值 ")
      text.appendTrimmingZeros(value, places: 2)
      text.append(" 计分")
    case .qualitativeUnclassified(let actual):
      text.append("实际值“")
      text.append(utf8: actual)
      text.append("”读不出达成、部分达成或未达成，该项未核实")
    default: return appendAssembledCell(to: text)
    }
    return true
  }

  /// `appendAssembled` for a target or an actual that could not be read (`cell.unparseable`).
  private func appendAssembledCell(to text: ByteBuffer) -> Bool {
    switch self {
    case .targetUnreadable(let target, let reason):
      text.append("目标值“")
      text.append(utf8: target)
      text.append("”无法读出：")
      text.append(utf8: reason)
      text.append("，该项未核实")
    case .actualEmpty(let target):
      text.append("实际值为空，无法与目标 ")
      text.append(utf8: target)
      text.append(" 比较")
    case .actualEmptyForDeadline(let target):
      text.append("实际值为空，无法与时限 ")
      text.append(utf8: target)
      text.append(" 比较")
    case .actualEmptyForQualitative(let target):
      text.append("实际值为空，无法评判定性目标“")
      text.append(utf8: target)
      text.append("”")
    case .actualUnreadable(let actual, let reason):
      text.append("实际值“")
      text.append(utf8: actual)
      text.append("”无法读出：")
      text.append(utf8: reason)
    case .actualNotNumber(let target, let actual):
      text.append("数值目标 ")
      text.append(utf8: target)
      text.append(" 对应的实际值“")
      text.append(utf8: actual)
      text.append("”不是数值")
    case .actualNotDate(let target, let actual):
      text.append("时限目标 ")
      text.append(utf8: target)
      text.append(" 对应的实际值“")
      text.append(utf8: actual)
      text.append("”不是日期")
    default: return false
    }
    return true
  }

  /// A text of the table between two fixed pieces of a message (`实际值“`, the text, `”带有比较符 `), as UTF-8 bytes.
  private static func append(_ before: StaticString, _ quoted: String, _ after: StaticString, to text: ByteBuffer) {
    text.append(before)
    text.append(utf8: quoted)
    text.append(after)
  }

  /// `deadline.formatted(defaultYear:)` (`2024年11月24日`, or `11月24日` without a year), as UTF-8 bytes.
  private static func append(_ deadline: Deadline, defaultYear: Int?, to text: ByteBuffer) {
    if let year = deadline.year ?? defaultYear {
      text.appendInteger(year)
      text.append("年")
    }
    text.appendInteger(deadline.month)
    text.append("月")
    text.appendInteger(deadline.day)
    text.append("日")
  }

  /// `appendClaim` for the usual claim of an indicator, its pieces written after one reservation for the
  /// longest it can be (`ByteBuffer.write(reserving:_:)`): its texts have nothing to trim, it has no band, and
  /// its numbers round within 64 bits. Returns false, with nothing written, for any other claim. Its
  /// definition is `appendClaim` (`FindingMessageTests`).
  func appendClaimInPlace(to text: ByteBuffer) -> Bool {
    // Bound by a `switch`, as `appendClaim` binds them: a pattern that matched `band` against nil copied the
    // case's values.
    switch self {
    case .indicatorClaim(let target, let actual, let completion, let band, let rule, let score, let claimed, let difference):
      guard band == nil, Self.hasNothingToTrim(target), Self.hasNothingToTrim(actual),
        let claimed = claimed.hundredths(scaledBy: 100), let over = difference.magnitude.hundredths(scaledBy: 100)
      else { return false }
      return Self.appendClaim(
        target: target, actual: actual, completion: completion, rule: rule, score: score, claimed: claimed,
        over: over, under: difference.isNegative, to: text)
    default: return false
    }
  }

  /// `appendClaimInPlace` once its claim is known to take it: `claimed` and the difference `over` (or `under`)
  /// rounded.
  private static func appendClaim(
    target: TableText?, actual: TableText?, completion: Rational?, rule: RuleKind?, score: Hundredths,
    claimed: Hundredths, over: Hundredths, under: Bool, to text: ByteBuffer
  ) -> Bool {
    let percent = completion?.hundredths(scaledBy: 10_000)
    guard completion == nil || percent != nil else { return false }
    // The fixed pieces, four numbers (a percent sign after one) and the two texts or their dashes.
    let longest =
      96 + (rule?.labelText.utf8CodeUnitCount ?? 0) + 4 * (Hundredths.maximumTextLength + 1)
      + (target?.utf8Count ?? 3) + (actual?.utf8Count ?? 3)
    text.write(reserving: longest) { message in
      message.put("目标 ")
      Self.put(target, to: &message)
      message.put("，实际 ")
      Self.put(actual, to: &message)
      if let percent {
        message.put("，完成率 ")
        message.put(percent)
        message.put(UInt8(ascii: "%"))
      }
      message.put("，")
      if let rule {
        message.put("按")
        message.put(rule.labelText)
      }
      message.put("应得 ")
      message.put(score)
      message.put(" 分，自评 ")
      message.put(claimed)
      message.put(under ? " 分，少报 " : " 分，多报 ")
      message.put(over)
      message.put(" 分")
    }
    return true
  }

  /// Whether `append(trimmed:)` writes the text as it is: absent, or nothing to trim.
  private static func hasNothingToTrim(_ text: TableText?) -> Bool {
    switch text {
    case .none: true
    case .some(let text): text.withUTF8 { String.hasNothingToTrim($0) }
    }
  }

  /// A text with nothing to trim as `append(trimmed:)` writes it; `—` when absent.
  @inline(__always) private static func put(_ text: TableText?, to message: inout ByteCursor) {
    switch text {
    case .none: message.put("—")
    case .some(let text): text.withUTF8 { message.put($0) }
    }
  }

  /// The definition of a claim's message (`appendClaimInPlace` writes the usual one).
  func appendClaim(to text: ByteBuffer) {
    switch self {
    case .indicatorClaim(let target, let actual, let completion, let band, let rule, let score, let claimed, let difference):
      text.append("目标 ")
      text.append(trimmed: target)
      text.append("，实际 ")
      text.append(trimmed: actual)
      if let completion {
        text.append("，完成率 ")
        text.appendPercent(completion)
      }
      if let band {
        text.append("，评判为“")
        text.append(utf8: band.label)
        text.append("”")
      }
      text.append("，")
      if let rule {
        text.append("按")
        text.append(rule.labelText)
      }
      text.append("应得 ")
      text.append(score)
      text.append(" 分")
      Self.appendClaimed(claimed, difference: difference, to: text)
    case .fundsClaim(let rate, let score, let claimed, let difference):
      text.append("执行率 ")
      if let rate { text.appendPercent(rate) } else { text.append("—") }
      text.append("，应得 ")
      text.append(score)
      text.append(" 分")
      Self.appendClaimed(claimed, difference: difference, to: text)
    default: preconditionFailure("not a claim: \(code)")
    }
  }

  /// What a claim's message says after how the re-score was reached: the claim, and by how much it is
  /// over or under, as UTF-8 bytes. (After, not around the detail: a closure for the detail was a call.)
  private static func appendClaimed(_ claimed: Rational, difference: Rational, to message: ByteBuffer) {
    message.append("，自评 ")
    message.appendPoints(claimed)
    message.append(difference.isNegative ? " 分，少报 " : " 分，多报 ")
    if let rounded = try? difference.magnitude.rounded() {
      message.append(rounded)
    } else {
      message.appendPoints(difference.magnitude)
    }
    message.append(" 分")
  }

  /// `，保留自评得分 40.00 分`, or nothing when there is no claim to keep.
  private static func keeping(_ claim: Rational?) -> String {
    claim.map { "，保留自评得分 \($0.pointsText) 分" } ?? ""
  }

  /// `二级指标“数量指标”` or `一级指标“产出指标”`.
  fileprivate static func level(_ level1: String, _ level2: String?) -> String {
    level2.map { "二级指标“\($0)”" } ?? "一级指标“\(level1)”"
  }

  /// Why a name is missing, in brackets, when something unreadable was there.
  private static func why(_ found: UnreadText?) -> String {
    found.map { "（\($0.text(inBrackets: true))）" } ?? ""
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

  /// What the table loses for a number it could not read: the item unverified, or a comparison not made.
  private static func consequence(of cell: UnreadableNumber, keptClaim: Rational?) -> String {
    switch (cell.place, cell.field) {
    case (.indicator, .weight): "该指标未核实\(keeping(keptClaim))"
    case (.funds, .weight), (.funds, .annualBudget), (.funds, .executed): "预算执行项未核实\(keeping(keptClaim))"
    case (_, .claimedScore): "按未填自评得分处理，不与复核得分比较"
    case (_, .claimedCompletion), (_, .claimedRate): "不核对\(cell.field.label)"
    case (_, .claimedTotal): "自评总分按未填处理，不比较总分"
    default: "不核对资金来源的\(cell.field.label)合计"
    }
  }

  /// What a value read without certainty costs: its row keeps its claim, unverified.
  private static func uncertainty(at place: UnreadableNumber.Place) -> String {
    switch place {
    case .indicator: "该项未核实，保留自评得分；请用 jixiao extract 核对原文后复核"
    case .funds: "预算执行项未核实，保留自评得分；请用 jixiao extract 核对原文后复核"
    case .source, .table: "请用 jixiao extract 核对原文"
    }
  }

  /// What the table loses for a text field it could not read: the field is read as not printed.
  private static func consequence(of field: TableField?) -> String {
    switch field {
    case .kind: "按项目支出表处理"
    case .claimedGrade: "按未填处理，自评等级由自评总分推出"
    default: "按未填处理"
    }
  }
}

extension FindingDetail.UnreadText {
  /// What was wrong with the value, after the field's name.
  fileprivate func text(inBrackets: Bool) -> String {
    switch self {
    case .tooLong(let characters): return "长 \(characters) 字，超过 \(Limits.maximumCellLength) 字的上限"
    case .unreadable(let text, let field):
      let expected =
        switch field {
        case .year: "四位年份，如 2023 或 2023年度"
        case .claimedGrade: "优、良、中 或 差"
        case .kind: "project、unit、project-target 或 unit-target"
        default: "文字或数"
        }
      return inBrackets ? "“\(text)”不可读，应为\(expected)" : "“\(text)”不可读（应为\(expected)）"
    }
  }
}

extension FindingDetail.UncomputedFigure {
  /// The figure, as the message names it.
  fileprivate var name: String {
    switch self {
    case .claimedScoreDifference: "自评得分与复核得分之差"
    case .totalDifference: "自评总分与复核总分之差"
    case .claimedItemSum: "各项自评得分之和"
    case .weightsSum(let withFunds): withFunds ? "指标权重与预算执行分值之和" : "指标权重之和"
    case .levelWeightsSum(let level1, let level2): "\(FindingDetail.level(level1, level2))下的指标权重之和"
    case .costTargetConversion(let target, let unit): "成本目标“\(target)”换算为\(unit)"
    case .costTargetSum: "成本目标合计"
    case .sourcesColumn(let field): "资金来源的\(field.label)合计"
    case .spendingGapSums: "指标自评得分与权重之和"
    case .qualitativeShareSums: "指标权重之和"
    case .completionDifference: "表上完成率与计算完成率之差"
    case .fundsRateDifference: "表上执行率与计算执行率之差"
    }
  }

  /// The check not made for want of the figure.
  fileprivate var skipped: String {
    switch self {
    case .claimedScoreDifference: "未比较自评得分"
    case .totalDifference: "未比较总分"
    case .claimedItemSum: "未检查总分算术"
    case .weightsSum: "未检查权重合计"
    case .levelWeightsSum: "未核对该级分值"
    case .costTargetConversion, .costTargetSum: "未检查成本目标是否超过预算"
    case .sourcesColumn: "未核对该列"
    case .spendingGapSums: "未检查“钱没花出去，指标却近乎满分”"
    case .qualitativeShareSums: "未检查定性目标占比"
    case .completionDifference: "未核对完成率"
    case .fundsRateDifference: "未核对执行率"
    }
  }
}

extension FindingSubject {
  /// `全年预算数`, or `资金来源“其他资金”的全年预算数` for a source row's cell.
  fileprivate var text: String {
    source.map { "资金来源“\($0)”的\(label)" } ?? label
  }
}
