/// The grid of a table told in prose, laid out as the printed form would be, so the form locator and the
/// table builder read it as any other: title, year, name, funds block, indicator header and rows, total
/// row. A label or header is the reader's word for what a sentence gives, placed where that sentence is
/// printed; every value is the text's, at the line its first character is printed on.
extension ProseTable {
  func assemble(
    name: String, indicators: [IndicatorSentences], funds: FundsSentence?, heading: Int?, conclusion: Range<Int>
  ) -> Grid {
    var rows = GridRows(text: prose.text, name: name)
    let firstValue = indicators[0].name.start
    let isUnit = tellsAUnit(heading: heading, funds: funds, conclusion: conclusion)
    // The title says which form the sentences fill: the heading that opens them names a 整体 (unit) one.
    rows.add([cell(isUnit ? "部门整体支出绩效自评表" : "项目支出绩效自评表", at: heading ?? firstValue)])
    if let year = year(in: [funds.map { $0.start..<firstValue }, conclusion, heading.map { $0..<firstValue }]) {
      rows.add([cell(year.text, at: year.start)])
    }
    if let unitName = Self.unitName(in: prose.text, before: prose.lineStarts.first?.line ?? 0, isUnit: isUnit) {
      rows.add([
        GridCell(kind: .text, text: unitName.label, reference: .init(row: 0, column: 0), origin: unitName.origin),
        GridCell(kind: .text, text: unitName.name, reference: .init(row: 0, column: 1), origin: unitName.origin),
      ])
    }
    if let funds { addFunds(funds, isUnit: isUnit, to: &rows) }
    addIndicators(indicators, to: &rows)
    addTotal(in: conclusion, scoreColumn: indicatorColumns(indicators).firstIndex { $0.header == "得分" }!, to: &rows)
    return rows.grid
  }

  private func cell(_ text: String, at index: Int, doubt: String? = nil) -> GridCell {
    GridCell(kind: .text, text: text, reference: .init(row: 0, column: 0), origin: prose.location(at: index), doubt: doubt)
  }

  private func cell(_ value: Value) -> GridCell {
    cell(value.text, at: value.start, doubt: value.doubt)
  }

  /// A 整体 (unit) table when the heading, the budget's sentence or the conclusion says so.
  private func tellsAUnit(heading: Int?, funds: FundsSentence?, conclusion: Range<Int>) -> Bool {
    var ranges = [conclusion]
    if let heading {
      ranges.append(heading..<(prose.lineStarts.first { $0.start > heading }?.start ?? prose.count))
    }
    if let funds { ranges.append(prose.sentences(in: funds.start..<prose.count).first ?? funds.start..<funds.start) }
    return ranges.contains { prose.contains(any: Self.unitWords, in: $0) }
  }

  /// The first year printed in the ranges, in order (`2023 年`), as printed.
  private func year(in ranges: [Range<Int>?]) -> Value? {
    for range in ranges.compactMap({ $0 }) {
      let range = prose.clamped(range)
      var index = range.lowerBound
      while index + 4 <= range.upperBound {
        defer { index += 1 }
        let digits = index..<(index + 4)
        guard digits.allSatisfy({ ("0"..."9").contains(prose.scalars[$0]) }),
          index == range.lowerBound || !ProseText.isDigit(prose.scalars[index - 1])
        else { continue }
        var after = index + 4
        while after < range.upperBound, FormText.isWhitespace(prose.scalars[after]) { after += 1 }
        guard after < range.upperBound, prose.scalars[after] == "年" else { continue }
        let printed = prose.string(index..<(after + 1))
        if FormText.year(ofYearCell: printed) != nil { return Value(start: index, text: printed) }
      }
    }
    return nil
  }

  /// The unit or project the document is about, as it names itself before the prose: a label
  /// (`单位名称：高新区商务局`), or the opening words of a paragraph that says what the unit is
  /// (`高新区（新市区）商务局，属于财政全额拨款行政单位`).
  static func unitName(in text: DocumentText, before end: Int, isUnit: Bool) -> (
    label: String, name: String, origin: SourceLocation
  )? {
    let labels = isUnit ? ["单位名称", "部门名称", "部门（单位）名称"] : ["项目名称"]
    for line in text.lines[..<min(end, text.lines.count)] where !line.isBlank && !line.isPageNumber {
      let printed = line.text.trimmingSpaces()
      for label in labels where printed.hasPrefix(label) {
        var rest = printed.dropFirst(label.count)
        for seal in ["（盖章）", "(盖章)"] where rest.hasPrefix(seal) { rest = rest.dropFirst(seal.count) }
        rest = rest.drop { "：: ".contains($0) }
        let name = rest.prefix { !"，,。；; ".contains($0) }
        if !name.isEmpty, name.count <= 60 { return (label, String(name), text.location(of: line)) }
      }
      guard isUnit, let comma = printed.firstIndex(of: "，") else { continue }
      let name = printed[..<comma]
      let after = printed[printed.index(after: comma)...]
      let says = ["属于", "是", "系", "为"].contains { after.hasPrefix($0) }
      let sentence = after.prefix { $0 != "。" }
      guard says, sentence.contains("单位"), (2...40).contains(name.count), !name.hasPrefix("我"),
        !name.contains(where: { "，,。；;：:、 ".contains($0) }),
        unitSuffixes.contains(where: { name.hasSuffix($0) })
      else { continue }
      return ("单位名称", String(name), text.location(of: line))
    }
    return nil
  }

  static let unitSuffixes = ["局", "委", "委员会", "办", "办公室", "厅", "中心", "院", "所", "站", "队", "部", "处", "会", "馆", "校", "府", "司", "社"]

  // MARK: Funds

  private func addFunds(_ funds: FundsSentence, isUnit: Bool, to rows: inout GridRows) {
    let columns: [(header: String, value: Value?)] = [
      ("年初预算数", funds.initialBudget), ("全年预算数", funds.annualBudget), ("全年执行数", funds.executed),
      ("分值权重", funds.weight), ("执行率", funds.rate), ("得分", funds.score),
    ].filter { $0.1 != nil }
    let label = (isUnit ? "部门资金" : "项目资金") + (funds.unit.isEmpty ? "" : "（\(funds.unit)）")
    rows.add([cell(label, at: funds.start)] + columns.map { cell($0.header, at: $0.value!.start) })
    rows.add([GridCell.empty(.init(row: 0, column: 0))] + columns.map { cell($0.value!) })
  }

  // MARK: Indicators

  private func indicatorColumns(_ indicators: [IndicatorSentences]) -> [(header: String, value: (IndicatorSentences) -> Value?)] {
    var columns: [(header: String, value: (IndicatorSentences) -> Value?)] = []
    if indicators.contains(where: { $0.level1 != nil }) { columns.append(("一级指标", { $0.level1 })) }
    if indicators.contains(where: { $0.level2 != nil }) { columns.append(("二级指标", { $0.level2 })) }
    columns += [
      ("三级指标", { $0.name }), ("预期指标值", { $0.target }), ("分值权重", { $0.weight }), ("实际完成指标值", { $0.actual }),
    ]
    if indicators.contains(where: { $0.completion != nil }) { columns.append(("完成率", { $0.completion })) }
    columns.append(("得分", { $0.score }))
    if indicators.contains(where: { $0.explanation != nil }) { columns.append(("偏差原因分析及改进措施", { $0.explanation })) }
    return columns
  }

  private func addIndicators(_ indicators: [IndicatorSentences], to rows: inout GridRows) {
    let columns = indicatorColumns(indicators)
    // Each header stands where the first indicator's sentences give its value.
    let first = indicators[0]
    rows.add(columns.map { cell($0.header, at: ($0.value(first) ?? first.target).start) })
    for indicator in indicators {
      rows.add(columns.map { column in column.value(indicator).map(cell) ?? .empty(.init(row: 0, column: 0)) })
    }
  }

  // MARK: Total

  /// 综合得分 99.89分，评价结果为“优”: the total under the score column, the grade beside it.
  private func addTotal(in conclusion: Range<Int>, scoreColumn: Int, to rows: inout GridRows) {
    let total = prose.clauses(in: conclusion).lazy.compactMap { clause -> Value? in
      guard let word = prose.firstIndex(ofAny: Self.totalWords, in: clause) else { return nil }
      guard let number = prose.number(from: word.index + word.word.count, in: clause) else { return nil }
      let unit = prose.string(number.upperBound..<clause.upperBound).trimmingSpaces()
      return Value(start: number.lowerBound, text: prose.string(number) + (unit.hasPrefix("分") ? "分" : ""))
    }.first
    let grade = self.grade(in: conclusion)
    guard total != nil || grade != nil else { return }
    var cells = Array(repeating: GridCell.empty(.init(row: 0, column: 0)), count: scoreColumn + 2)
    cells[0] = cell("总分", at: (total ?? grade!).start)
    if let total { cells[scoreColumn] = cell(total) }
    if let grade { cells[scoreColumn + 1] = cell(grade) }
    rows.add(cells)
  }

  /// The grade after 评价结果为 (等级为 …), quoted or not: 优, 良, 中 or 差.
  private func grade(in range: Range<Int>) -> Value? {
    var searched = prose.clamped(range)
    while let found = prose.firstIndex(ofAny: Self.gradeWords, in: searched) {
      var index = skipQuote(from: found.index + found.word.count)
      index = skipQuote(from: index)
      searched = (found.index + found.word.count)..<searched.upperBound
      guard index < prose.count, "优良中差".unicodeScalars.contains(prose.scalars[index]) else { continue }
      return Value(start: index, text: String(prose.scalars[index]))
    }
    return nil
  }

  private func skipQuote(from index: Int) -> Int {
    var position = index
    while position < prose.count,
      FormText.isWhitespace(prose.scalars[position]) || "“”\"「『《".unicodeScalars.contains(prose.scalars[position])
    {
      position += 1
    }
    return position
  }
}
