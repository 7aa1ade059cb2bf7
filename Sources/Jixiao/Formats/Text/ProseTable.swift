/// A table a document tells in sentences instead of printing it (seed 001, lines 219–337), read by a small
/// grammar of the phrasings such passages use (docs/extract.md, "A table told in prose"):
///
/// - the budget's execution: `全年预算金额为412.49 万元，执行金额为407.98 万元，执行率为98.91%，得 9.89分。`
///   (年初预算 and 权重 where the sentence gives them);
/// - each indicator: its name before a colon (`（一）指标一：项目支出预算执行率：`), then `该指标预期指标值等于100%`
///   (the target: 等于, 大于等于, 小于等于, ≥ … as the cell grammar reads them, written `=100%`, `>=8%`), the
///   year's actual (`本次评价…为 100%`; a figure of 年中监控 is the mid-year one, never the year's), `该指标
///   完成率为 100%`, `偏差原因：…改进措施：…`, `该指标权重分值为 8分`, `自评得分 8分`;
/// - the conclusion: `综合得分 99.89分，评价结果为“优”`.
///
/// What it reads becomes a grid laid out as the printed form would be (title, year, 单位名称, funds block,
/// indicator header and rows, total row), every cell with the page and line its first character is printed
/// on, so the same locator and builder make the table as from every other reader. The labels and headers
/// of that grid are the reader's words for what each sentence gives; the values are the text's. A value the
/// grammar reads but cannot be sure of carries its doubt (`GridCell.doubt`).
struct ProseTable {
  let prose: ProseText

  /// What keeps a passage from being read: the message says why, at a line.
  struct Unreadable: Error {
    var line: Int
    var reason: Message
  }

  /// A value as the sentence gives it: the characters it is read from, its text for the cell, a doubt.
  struct Value {
    var start: Int
    var text: String
    var doubt: String?
  }

  struct IndicatorSentences {
    var name: Value
    /// The levels a heading before the name states (`一、产出指标`, `（一）数量指标`), on the first indicator
    /// under it: the form reader fills them down, as it reads a merged cell.
    var level1: Value?
    var level2: Value?
    var target: Value
    var actual: Value?
    var completion: Value?
    var weight: Value?
    var score: Value?
    var explanation: Value?
  }

  struct FundsSentence {
    var start: Int
    var unit: String
    var initialBudget: Value?
    var annualBudget: Value?
    var executed: Value?
    var weight: Value?
    var rate: Value?
    var score: Value?
  }

  // MARK: Words

  static let targetWords = ["预期指标值", "预期目标值", "年度指标值", "年度目标值", "指标值", "目标值"].map(\.proseWord)
  /// Words after which a target's value follows (`预期指标值为 ≥95%`).
  static let copulas: Set<Unicode.Scalar> = ["为", "是", "：", ":"]
  static let evaluationWord = "本次评价".proseWord
  static let midYearWords = ["年中", "监控", "半年"].map(\.proseWord)
  static let actualWords = ["实际完成值", "实际完成", "完成值", "实际值"].map(\.proseWord)
  static let completionWords = ["该指标完成率", "指标完成率", "完成率"].map(\.proseWord)
  static let weightWords = ["权重分值", "权重", "分值"].map(\.proseWord)
  static let scoreWords = ["自评得分", "得分", "得"].map(\.proseWord)
  static let explanationWords = ["偏差原因", "未完成原因", "原因分析", "改进措施"].map(\.proseWord)
  static let totalWords = ["综合得分", "自评总分", "总得分", "综合评分", "总分"].map(\.proseWord)
  static let gradeWords = ["评价结果为", "评价等级为", "自评等级为", "等级为", "结果为", "评定为", "评为"].map(\.proseWord)
  static let thisIndicator = "该指标".proseWord
  static let unitWords = ["整体", "部门绩效", "单位绩效"].map(\.proseWord)

  // MARK: Reading

  /// The grid of the table the stream tells, or why it cannot be read. `passages` are the lines (indexes
  /// into the document's lines) each of which the finder saw give one indicator: each must be read.
  func grid(name: String, passages: [ClosedRange<Int>]) throws(Unreadable) -> Grid {
    let anchors = targetAnchors()
    for passage in passages where !anchors.contains(where: { passage.contains(prose.lineIndex(at: $0.start)) }) {
      throw Unreadable(
        line: prose.text.lines[passage.lowerBound].number,
        reason: Message(en: "its 指标值 is followed by no target the grammar reads", zh: "其指标值之后没有可读取的目标值"))
    }
    guard anchors.count >= 2 else {
      throw Unreadable(
        line: prose.text.lines[passages[0].lowerBound].number,
        reason: Message(en: "fewer than two indicators give a target", zh: "给出目标值的指标不足两个"))
    }
    // Each indicator's sentences run from its target to where the next one's name starts; the last one's
    // to the next heading or the conclusion.
    let nameStarts = anchors.indices.map { nameStart(before: anchors[$0].start, after: $0 == 0 ? 0 : anchors[$0 - 1].end) }
    var indicators: [IndicatorSentences] = []
    for (position, anchor) in anchors.enumerated() {
      let levels = statedLevels(in: nameStarts[position]..<anchor.start)
      let nameRange = (levels.last.map { $0.end } ?? nameStarts[position])..<anchor.start
      guard let name = indicatorName(in: nameRange) else {
        throw Unreadable(
          line: prose.line(at: anchor.start).number,
          reason: Message(
            en: "the indicator whose target is printed there is named nowhere before it",
            zh: "该处给出目标值的指标在其前面没有名称"))
      }
      let end = position + 1 < anchors.count ? nameStarts[position + 1] : lastIndicatorEnd(after: anchor.end)
      var sentences = indicator(name: name, anchor: anchor, sentences: anchor.start..<max(anchor.end, end))
      for level in levels {
        if PartReader.level1Names.contains(level.value.text) {
          sentences.level1 = level.value
          sentences.level2 = nil
        } else {
          sentences.level2 = level.value
        }
      }
      indicators.append(sentences)
    }
    let before = 0..<nameStarts[0]
    let after = lastIndicatorEnd(after: anchors.last!.end)..<prose.count
    return assemble(
      name: name, indicators: indicators, funds: funds(in: before), heading: heading(before: nameStarts[0]),
      conclusion: after)
  }

  // MARK: Targets

  /// Where each indicator's target is stated (`该指标预期指标值等于100%`): a target word said of the
  /// indicator (after 该指标, or opening a clause), followed by a value (an operator or a digit).
  func targetAnchors() -> [(start: Int, end: Int, value: Int)] {
    var anchors: [(start: Int, end: Int, value: Int)] = []
    var index = 0
    while index < prose.count {
      guard let word = prose.longestWord(Self.targetWords, at: index, before: prose.count) else {
        index += 1
        continue
      }
      defer { index += word.count }
      guard saidOfTheIndicator(before: index), let value = valueStart(after: index + word.count) else { continue }
      anchors.append((index, index + word.count, value))
    }
    return anchors
  }

  /// Whether the words before `index` make it the indicator's own: 该指标 (该指标的), or a clause's start.
  private func saidOfTheIndicator(before index: Int) -> Bool {
    var position = index
    if position > 0, prose.scalars[position - 1] == "的" { position -= 1 }
    while position > 0, FormText.isWhitespace(prose.scalars[position - 1]) { position -= 1 }
    if prose.hasWord(Self.thisIndicator, at: position - Self.thisIndicator.count) { return true }
    return position == 0 || "：:，,。；;".unicodeScalars.contains(prose.scalars[position - 1])
  }

  /// Where a target's value starts after its word: past spaces and 为 (是, a colon), at an operator or a digit.
  private func valueStart(after index: Int) -> Int? {
    var position = skipSpaces(from: index)
    if position < prose.count, Self.copulas.contains(prose.scalars[position]) { position = skipSpaces(from: position + 1) }
    guard position < prose.count else { return nil }
    if ProseText.isDigit(prose.scalars[position]) { return position }
    let rest = Substring(prose.string(position..<min(prose.count, position + 8)))
    var probe = rest
    return CellGrammar.takeOperator(&probe) != nil ? position : nil
  }

  private func skipSpaces(from index: Int) -> Int {
    var position = index
    while position < prose.count, FormText.isWhitespace(prose.scalars[position]) { position += 1 }
    return position
  }

  /// The target as a cell prints it: the operator as a symbol, then the value (`等于 100%` is `=100%`,
  /// `小于等于 214.76 万元` is `<=214.76万元`).
  private func target(at start: Int) -> Value {
    let clause = clauseEnd(from: start)
    var rest = Substring(prose.string(start..<clause))
    let comparison = CellGrammar.takeOperator(&rest)
    let valueStart = start + (prose.string(start..<clause).unicodeScalars.count - rest.unicodeScalars.count)
    let value = quantity(from: skipCopula(from: valueStart), to: clause)
    return Value(start: start, text: (comparison?.rawValue ?? "") + value.text, doubt: value.doubt)
  }

  private func skipCopula(from index: Int) -> Int {
    let position = skipSpaces(from: index)
    guard position < prose.count, Self.copulas.contains(prose.scalars[position]) else { return position }
    return skipSpaces(from: position + 1)
  }

  /// Where the clause holding `index` ends (its comma, semicolon or full stop, or the stream's end).
  private func clauseEnd(from index: Int) -> Int {
    (index..<prose.count).first { prose.endsClause(at: $0) } ?? prose.count
  }

  /// A value from `start` to its clause's end: a number and its unit, spaces dropped (`214.76 万元` is
  /// `214.76万元`: a sentence's spaces around a number are typesetting), or a text as printed. A number
  /// followed by more than a unit's worth of text is kept whole, with doubt.
  private func quantity(from start: Int, to end: Int) -> Value {
    let range = prose.trimmed(start..<end)
    let text = prose.string(range)
    guard let first = range.first, ProseText.isDigit(prose.scalars[first]) || prose.scalars[first] == "-",
      let number = prose.number(from: first, in: range)
    else { return Value(start: range.first ?? start, text: text) }
    let unit = prose.string(number.upperBound..<range.upperBound).unicodeScalars.filter { !FormText.isWhitespace($0) }
    let compact = prose.string(number) + String(String.UnicodeScalarView(unit))
    guard unit.count <= CellGrammar.maximumUnitLength else {
      return Value(start: first, text: text, doubt: "数值后的文字不像单位，这一格可能不只是这个值")
    }
    return Value(start: first, text: compact)
  }

  // MARK: Names

  /// Where the name before a target starts: after the last sentence's end (or, with none since the last
  /// indicator, its last clause's end) between `floor` and the target.
  private func nameStart(before target: Int, after floor: Int) -> Int {
    let region = floor..<target
    if let end = region.last(where: { ProseText.sentenceEnds.contains(prose.scalars[$0]) }) { return end + 1 }
    if floor > 0, let end = region.last(where: { prose.endsClause(at: $0) }) { return end + 1 }
    return floor
  }

  /// The level names a heading states before an indicator's name (`一、产出指标`, `（一）数量指标：`): a name of
  /// the national template's (`PartReader.levelNames`) followed by a colon, an opening bracket, a number
  /// or the line's end. One that runs on into words (`服务对象满意度调查覆盖率`) or is all there is before
  /// the target (`产出指标：该指标…`) is a name, not a level.
  func statedLevels(in region: Range<Int>) -> [(value: Value, end: Int)] {
    var levels: [(value: Value, end: Int)] = []
    var index = region.lowerBound
    while index < region.upperBound {
      guard let word = prose.longestWord(Self.levelWords, at: index, before: region.upperBound) else {
        index += 1
        continue
      }
      let end = index + word.count
      defer { index = end }
      let next = skipSpaces(from: end)
      let closes =
        prose.lineStartIndexes.contains(end) || (next < region.upperBound && Self.levelEnds.contains(prose.scalars[next]))
        || (next < region.upperBound && ProseText.isDigit(prose.scalars[next]))
      guard closes, indicatorName(in: end..<region.upperBound) != nil else { continue }
      levels.append((Value(start: index, text: String(String.UnicodeScalarView(word))), end))
    }
    return levels
  }

  static let levelWords = PartReader.levelNames.map(\.proseWord)
  static let levelEnds: Set<Unicode.Scalar> = Set("：:（(、".unicodeScalars).union(numerals)

  /// The indicator's name: the text before its target, after the last colon that is not the one ending it
  /// (`（一）指标一：项目支出预算执行率：` names 项目支出预算执行率), its number (`1.`, `（一）`) dropped.
  func indicatorName(in region: Range<Int>) -> Value? {
    var range = prose.trimmed(region)
    // The words that lead into the target: 该指标, the colon ending the name.
    if let last = range.last, prose.scalars[last] == "的" { range = range.lowerBound..<last }
    range = prose.trimmed(range)
    if range.count >= Self.thisIndicator.count, prose.hasWord(Self.thisIndicator, at: range.upperBound - Self.thisIndicator.count)
    {
      range = range.lowerBound..<(range.upperBound - Self.thisIndicator.count)
    }
    while let last = range.last,
      "：:，, ".unicodeScalars.contains(prose.scalars[last]) || FormText.isWhitespace(prose.scalars[last])
    {
      range = range.lowerBound..<last
    }
    if let colon = range.last(where: { "：:".unicodeScalars.contains(prose.scalars[$0]) }) {
      range = (colon + 1)..<range.upperBound
    }
    range = prose.trimmed(withoutOrdinal(range))
    guard !range.isEmpty, range.count <= 80 else { return nil }
    return Value(start: range.lowerBound, text: prose.string(range))
  }

  /// A range without the number that opens it: `（一）`, `(1)`, `1.`, `1、`, `一、`, `指标一`, `第一`.
  private func withoutOrdinal(_ range: Range<Int>) -> Range<Int> {
    var start = prose.trimmed(range).lowerBound
    let end = range.upperBound
    func isNumeral(_ scalar: Unicode.Scalar) -> Bool { ProseText.isDigit(scalar) || Self.numerals.contains(scalar) }
    var changed = true
    while changed, start < end {
      changed = false
      let scalar = prose.scalars[start]
      if "（(".unicodeScalars.contains(scalar) {
        var close = start + 1
        while close < end, isNumeral(prose.scalars[close]) { close += 1 }
        if close > start + 1, close < end, "）)".unicodeScalars.contains(prose.scalars[close]) {
          start = close + 1
          changed = true
        }
      } else if isNumeral(scalar) || scalar == "第" || prose.hasWord("指标".proseWord, at: start) {
        var after = start + (scalar == "第" ? 1 : prose.hasWord("指标".proseWord, at: start) ? 2 : 0)
        let numeralStart = after
        while after < end, isNumeral(prose.scalars[after]) { after += 1 }
        guard after > numeralStart else { break }
        // `1.` numbers a name; `1.5万人次` starts one.
        let decimal =
          after + 1 < end && ".．".unicodeScalars.contains(prose.scalars[after]) && ProseText.isDigit(prose.scalars[after + 1])
        if after < end, !decimal,
          "、.．，,：: ".unicodeScalars.contains(prose.scalars[after]) || FormText.isWhitespace(prose.scalars[after])
        {
          start = after + 1
          changed = true
        } else if after == end {
          start = end
        }
      }
      start = max(start, prose.trimmed(start..<end).lowerBound)
    }
    return start..<end
  }

  static let numerals: Set<Unicode.Scalar> = Set("一二三四五六七八九十百零〇".unicodeScalars)

  // MARK: An indicator's values

  private func indicator(name: Value, anchor: (start: Int, end: Int, value: Int), sentences: Range<Int>) -> IndicatorSentences {
    var result = IndicatorSentences(name: name, target: target(at: anchor.value))
    let clauses = prose.clauses(in: anchor.value..<sentences.upperBound)
    var evaluated: [Value] = []
    var otherActuals: [Value] = []
    var midYear: [Value] = []
    for clause in clauses.dropFirst() {
      if let start = prose.firstIndex(of: Self.evaluationWord, in: clause) {
        let after = skipSpaces(from: start + Self.evaluationWord.count)..<clause.upperBound
        if prose.firstIndex(ofAny: Self.completionWords, in: after)?.index == after.lowerBound {
          // 本次评价该指标完成率为 …: the completion, said of this evaluation.
          if result.completion == nil { result.completion = valueAfterCopula(in: clause) }
        } else if let value = valueAfterCopula(in: clause) {
          evaluated.append(value)
        }
      } else if prose.contains(any: Self.completionWords, in: clause),
        prose.firstIndex(ofAny: Self.completionWords, in: clause)?.index == clause.lowerBound
          || prose.hasWord(Self.thisIndicator, at: clause.lowerBound)
      {
        if result.completion == nil { result.completion = valueAfterCopula(in: clause) }
      } else if prose.contains(any: Self.actualWords, in: clause), let value = valueAfterCopula(in: clause) {
        if prose.contains(any: Self.midYearWords, in: clause) { midYear.append(value) } else { otherActuals.append(value) }
      }
    }
    result.actual = actual(evaluated: evaluated, others: otherActuals, midYear: midYear)
    result.weight = points(after: Self.weightWords, in: clauses, excluding: Self.scoreWords)
    result.score = points(after: Self.scoreWords, in: clauses, excluding: Self.weightWords)
    result.explanation = explanation(in: anchor.value..<sentences.upperBound, clauses: clauses)
    return result
  }

  /// The year's actual: what this evaluation (本次评价) found; else a 实际完成值 said of no part of the year;
  /// else the mid-year figure (年中监控), which is not the year's: kept with doubt.
  private func actual(evaluated: [Value], others: [Value], midYear: [Value]) -> Value? {
    if var first = evaluated.first {
      if evaluated.dropFirst().contains(where: { $0.text != first.text }) {
        first.doubt = "文中给出不止一个本次评价的完成值，取了第一个"
      }
      return first
    }
    if var first = others.first {
      if others.dropFirst().contains(where: { $0.text != first.text }) { first.doubt = "文中给出不止一个实际完成值，取了第一个" }
      return first
    }
    guard var first = midYear.first else { return nil }
    first.doubt = "文中只写了年中监控的完成值，没有写本次评价（全年）的实际完成值"
    return first
  }

  /// The value after a clause's last 为 (是, a colon), or, with none, from its first digit.
  private func valueAfterCopula(in clause: Range<Int>) -> Value? {
    if let copula = clause.last(where: { Self.copulas.contains(prose.scalars[$0]) }), copula + 1 < clause.upperBound {
      let value = quantity(from: copula + 1, to: clause.upperBound)
      return value.text.isEmpty ? nil : value
    }
    guard let digit = clause.first(where: { ProseText.isDigit(prose.scalars[$0]) }) else { return nil }
    return quantity(from: digit, to: clause.upperBound)
  }

  /// Points said after one of `words` (`权重分值为 8分`, `自评得分 8分`, `得 9.89分`): the first number after
  /// the word in the first clause that holds it, before any of `excluding` (`权重8分自评得分8分`).
  private func points(after words: [[Unicode.Scalar]], in clauses: [Range<Int>], excluding: [[Unicode.Scalar]]) -> Value? {
    for clause in clauses {
      var searched = clause
      while let found = prose.firstIndex(ofAny: words, in: searched) {
        let afterWord = found.index + found.word.count
        searched = afterWord..<clause.upperBound
        let end = prose.firstIndex(ofAny: excluding, in: afterWord..<clause.upperBound)?.index ?? clause.upperBound
        // 得 alone is the verb of a score (`得 9.89分`) only with its number and 分 right after it
        // (`获得 3 项` is no score).
        if found.word.count == 1 {
          let numberStart = skipSpaces(from: afterWord)
          guard numberStart < end, ProseText.isDigit(prose.scalars[numberStart]),
            let number = prose.number(from: numberStart, in: numberStart..<end),
            skipSpaces(from: number.upperBound) < end, prose.scalars[skipSpaces(from: number.upperBound)] == "分"
          else { continue }
        }
        guard let number = prose.number(from: afterWord, in: afterWord..<end) else { continue }
        return Value(start: number.lowerBound, text: prose.string(number))
      }
    }
    return nil
  }

  /// 偏差原因 (改进措施 …) as the text gives it: from its word to the clause that states the weight or the
  /// score after it, or to the indicator's end.
  private func explanation(in range: Range<Int>, clauses: [Range<Int>]) -> Value? {
    guard let start = prose.firstIndex(ofAny: Self.explanationWords, in: range)?.index else { return nil }
    let stated = clauses.first { clause in
      clause.lowerBound > start
        && (prose.contains(any: Self.weightWords, in: clause)
          || prose.contains(any: [Self.scoreWords[0], Self.scoreWords[1]], in: clause))
    }
    let text = prose.trimmed(start..<(stated?.lowerBound ?? range.upperBound))
    return text.isEmpty ? nil : Value(start: text.lowerBound, text: prose.string(text))
  }

  // MARK: Where the indicators end

  /// The last indicator's sentences end at the next section heading (`四、评价结论`), or at the sentence that
  /// gives the table's total or grade, or at the stream's end.
  private func lastIndicatorEnd(after index: Int) -> Int {
    let heading = prose.lineStarts.first { $0.start > index && Self.isSectionHeading(prose.text.lines[$0.line].text) }?.start
    let limit = heading ?? prose.count
    let conclusion = prose.sentences(in: index..<limit).first { sentence in
      prose.contains(any: Self.totalWords, in: sentence) || prose.contains(any: Self.gradeWords, in: sentence)
    }
    return min(limit, conclusion?.lowerBound ?? limit)
  }

  /// A section heading: a short line opening with a numeral and 、 (`三、部门单位整体支出绩效分析`), but not
  /// one that names a level (`一、产出指标`).
  static func isSectionHeading(_ printed: String) -> Bool {
    let scalars = Array(printed.unicodeScalars.drop(while: FormText.isWhitespace))
    guard scalars.count <= 30, !scalars.contains(where: { "。，；".unicodeScalars.contains($0) }) else { return false }
    let count = scalars.prefix { Self.numerals.contains($0) }.count
    guard count > 0, scalars.count > count, scalars[count] == "、" else { return false }
    // `一、产出指标` heads a level of the table, not a section of the document.
    let rest = String(String.UnicodeScalarView(scalars[(count + 1)...]))
    return !PartReader.levelNames.contains { rest.hasPrefix($0) }
  }

  /// The last section heading before the first indicator's name, within the stream.
  private func heading(before index: Int) -> Int? {
    prose.lineStarts.last { $0.start < index && Self.isSectionHeading(prose.text.lines[$0.line].text) }?.start
  }

  // MARK: The budget's execution

  /// The last sentence before the indicators that states the budget and its execution.
  func funds(in range: Range<Int>) -> FundsSentence? {
    let budget = "预算".proseWord
    let sentence = prose.sentences(in: range).last { sentence in
      prose.firstIndex(of: budget, in: sentence) != nil && prose.contains(any: ["执行".proseWord, "得".proseWord], in: sentence)
    }
    guard let sentence else { return nil }
    var funds = FundsSentence(start: sentence.lowerBound, unit: "万元")
    for clause in prose.clauses(in: sentence) {
      let has = { (word: String) in prose.firstIndex(of: word.proseWord, in: clause) != nil }
      if has("年初预算"), funds.initialBudget == nil {
        funds.initialBudget = amount(in: clause)
      } else if has("预算"), !has("执行率"), funds.annualBudget == nil, let value = amount(in: clause) {
        funds.annualBudget = value
        funds.unit = Self.unit(of: clause, in: prose, after: value.start)
      } else if has("执行率"), funds.rate == nil {
        funds.rate = valueAfterCopula(in: clause)
      } else if has("执行") || has("支出金额") || has("实际支出"), funds.executed == nil {
        funds.executed = amount(in: clause)
      }
      if funds.weight == nil, has("权重") || has("分值") {
        funds.weight = points(after: [Self.weightWords[1], Self.weightWords[2]], in: [clause], excluding: Self.scoreWords)
      }
      if funds.score == nil, let score = points(after: [Self.scoreWords[1], Self.scoreWords[2]], in: [clause], excluding: []) {
        funds.score = score
      }
    }
    for index in [\FundsSentence.initialBudget, \.executed] {
      guard let value = funds[keyPath: index] else { continue }
      if Self.unit(of: prose.clauses(in: sentence).first { $0.contains(value.start) } ?? sentence, in: prose, after: value.start)
        != funds.unit
      {
        funds[keyPath: index]?.doubt = "这个金额的单位与全年预算金额的不同"
      }
    }
    guard funds.annualBudget != nil || funds.executed != nil else { return nil }
    return funds
  }

  /// An amount: the clause's first number after 为 (or its first number), without its unit.
  private func amount(in clause: Range<Int>) -> Value? {
    let from = clause.last { Self.copulas.contains(prose.scalars[$0]) }.map { $0 + 1 } ?? clause.lowerBound
    guard let number = prose.number(from: from, in: clause) else { return nil }
    return Value(start: number.lowerBound, text: prose.string(number))
  }

  /// The unit printed after an amount (`万元`, `元`, `亿元`).
  static func unit(of clause: Range<Int>, in prose: ProseText, after start: Int) -> String {
    guard let number = prose.number(from: start, in: clause) else { return "" }
    let rest = prose.string(number.upperBound..<clause.upperBound).unicodeScalars.filter { !FormText.isWhitespace($0) }
    for unit in ["亿元", "万元", "千元", "元"] where String(String.UnicodeScalarView(rest)).hasPrefix(unit) { return unit }
    return ""
  }
}
