/// Makes a `Table` from one printed form as the locator found it (`PrintedForm`), by a `TableBuilder`: each
/// column and label goes to the field whose headers (`TableSchema.headers(of:)`) name it, each value with the
/// place it is printed at. What the form prints that no field holds is reported, never dropped: a column an
/// indicator fills (`column.ignored`), a cell of the total row, a row the locator could not place.
struct PrintedFormTable {
  let form: PrintedForm
  /// The table's number in its file (1 is the first), for its default id.
  let number: Int
  /// The locator's words, by which the funds block's total is told from its sources.
  var vocabulary = FormVocabulary.standard
  /// The encoding the file was read in (a form CSV saved as GB18030), which a report mentions.
  var sourceEncoding = SourceEncoding.utf8
  /// The sheets of the workbook, not blank, that hold no form, said on this table (`sheet.no-form`).
  var sheetsWithoutForm: [FormCollector.SheetWithoutForm] = []

  static let headerFields = HeaderLookup(TableSchema.headers(of: [TableField.name, .department, .implementer]))
  static let fundsFields = HeaderLookup(
    TableSchema.headers(of: [
      TableField.fundsInitialBudget, .fundsAnnualBudget, .fundsExecuted, .fundsWeight, .fundsClaimedRate, .fundsClaimedScore,
    ]))
  static let sourceFields = HeaderLookup(
    TableSchema.headers(of: [
      TableField.sourceName, .sourceInitialBudget, .sourceAnnualBudget, .sourceExecuted,
    ]))
  static let goalsFields = HeaderLookup(TableSchema.headers(of: [TableField.goalsExpected, .goalsActual]))
  static let indicatorFields = HeaderLookup(TableSchema.headers(of: TableField.allCases.filter { $0.place == .indicator }))
  /// The columns of a target printed in parts (L2, L3): 指标性质 (≥, ≤, ＝) · 指标值 · 度量单位, joined in
  /// column order into the target's text (`≥` `735` `人次` → `≥735人次`).
  static let targetPartKeys = HeaderLookup(["指标性质": true, "度量单位": true, "计量单位": true, "单位": true])
  /// How an ignored column of the funds block is named (`资金块第 E 列`), told from the indicator block's.
  static let fundsColumnPrefix = "资金块"

  var defaultID: String {
    let base = TableReader.baseName(form.file)
    return number == 1 ? base : "\(base)#\(number)"
  }

  func build() -> Result<Table, InputError> {
    var builder = makeBuilder()
    fill(&builder)
    return builder.build()
  }

  /// The builder the table is made by; with `recordingProvenance`, it keeps where each value is printed.
  func makeBuilder(recordingProvenance: Bool = false) -> TableBuilder {
    // A table read from a document's text starts where its title is printed (page and line), which its
    // grid's first reference does not say.
    let start = form.title?.cell?.origin ?? form.location(of: CellReference(row: form.rows.lowerBound, column: 0))
    return TableBuilder(
      location: start, defaultID: defaultID, sourceEncoding: sourceEncoding, recordingProvenance: recordingProvenance)
  }

  /// Sets every value the form prints, part by part.
  func fill(_ builder: inout TableBuilder) {
    if form.sheetIsHidden { builder.noteHiddenSheet(form.sheet) }
    for sheet in sheetsWithoutForm { builder.noteSheetWithoutForm(sheet.name, cell: sheet.cell, text: sheet.text) }
    readTitle(into: &builder)
    let unitSource = amountUnitSource
    if builder.recordsProvenance {
      for paragraph in form.paragraphsAbove where paragraph != unitSource {
        builder.keepUnread("表上方段落", paragraph.text, at: form.location(of: paragraph))
      }
    }
    for cell in form.corner where cell.reference != unitSource?.cell?.reference { keepUnread("表角", cell, into: &builder) }
    for pair in form.header {
      guard let field = Self.headerFields[pair.label.labelKey], !builder.hasValue(field) else {
        keepUnread(pair, in: "表头", into: &builder)
        continue
      }
      guard !pair.value.isEmpty else { continue }
      set(field, from: pair.value, into: &builder)
    }
    if let funds = form.funds { readFunds(funds, unitSource: unitSource, into: &builder) }
    if let goals = form.goals { readGoals(goals, into: &builder) }
    if let block = form.indicators {
      builder.indicatorsLocation = form.location(of: block.columns[block.nameColumn].header.reference)
      readIndicators(block, into: &builder)
    }
    for pair in form.notes { keepUnread(pair, in: "备注", into: &builder) }
    if let total = form.total { readTotal(total, into: &builder) }
    for pair in form.signOff { keepUnread(pair, in: "表尾", into: &builder) }
    for row in form.unplacedRows {
      for cell in row.cells {
        builder.ignoreCell(row: .unplaced, header: "\(cell.reference)", text: cell.text)
      }
    }
  }

  /// Sets a field from a cell: its text (or `text`, the cell's as the field reads it), where it is
  /// printed, and the reader's doubt about it, if any.
  private func set(_ field: TableField, from cell: GridCell, text: String? = nil, into builder: inout TableBuilder) {
    // A value's place is kept only for `extract`: making it (`自评表12!F14`) for every value of every table
    // cost a workbook's rescore 6 % of its instructions.
    if text == nil, !builder.recordsProvenance, builder.isIndicatorText(field) {
      // A shared string's cell gives its text as the string's one `TableText`: the table shares its bytes.
      builder.set(field, indicatorText: cell.tableText)
    } else if builder.recordsProvenance {
      builder.set(field, .text(text ?? cell.text), at: form.location(of: cell))
    } else {
      builder.set(field, printed: text ?? cell.text)
    }
    if let doubt = cell.doubt { builder.markUncertain(field, reason: doubt) }
  }

  // MARK: What no field holds

  /// A cell no field holds, for `jixiao extract` to list: no score depends on it.
  private func keepUnread(_ part: String, _ cell: GridCell, into builder: inout TableBuilder) {
    guard builder.recordsProvenance, !cell.isEmpty else { return }
    builder.keepUnread(part, cell.text, at: form.location(of: cell))
  }

  /// A label and its value no field holds (联系电话 | 0908-…): the value under its label's name; a label
  /// printed with its value (`填报人：张三`) or alone, as the label cell.
  private func keepUnread(_ pair: LabeledCell, in part: String, into builder: inout TableBuilder) {
    if pair.value.isEmpty {
      // A label left blank (`联系电话：`) says nothing; one holding its value (`填报人：张三`) is kept.
      let key = pair.label.labelKey
      if key.contains(":") || key.contains("：") { keepUnread(part, pair.label, into: &builder) }
    } else {
      keepUnread("\(part)“\(FormText.oneLine(pair.label.text))”", pair.value, into: &builder)
    }
  }

  // MARK: Title and year

  /// The kind by the title: a 部门（单位）整体 form is a unit's, a 目标表 states targets only.
  private func readTitle(into builder: inout TableBuilder) {
    if let title = form.title {
      let kind = Self.kind(ofTitleKey: title.cell?.key ?? FormText.key(title.text))
      builder.set(.kind, .text(kind), at: builder.recordsProvenance ? form.location(of: title) : nil)
    }
    if let year = form.year {
      builder.set(.year, .text(String(year.year)), at: builder.recordsProvenance ? form.location(of: year.printed) : nil)
    }
  }

  /// The table's kind by its title's key: `unit` for a 整体 form, `project` else, `-target` added for a 目标表.
  static func kind(ofTitleKey key: String) -> String {
    // Searched on bytes first: no character is canonically equivalent to one of these words' without
    // their bytes, and most titles hold neither.
    let unit = key.containsText("整体") && key.contains("整体")
    let target = key.containsText("目标表") && key.contains("目标表")
    return (unit ? "unit" : "project") + (target ? "-target" : "")
  }

  // MARK: Funds block

  /// The corner cell that says the unit of the amounts (`金额单位：元`), or else a Word table's paragraph above
  /// it that does, when the form has a funds block.
  var amountUnitSource: PrintedText? {
    guard form.funds != nil else { return nil }
    if let cell = form.corner.first(where: { TableBuilder.amountUnit($0.text) != nil }) { return .cell(cell) }
    return form.paragraphsAbove.first { TableBuilder.amountUnit($0.text) != nil }
  }

  /// The unit the funds label prints in its brackets (`项目资金（元）`), if it is a money unit.
  static func labelUnit(_ label: String) -> String? {
    if label.utf8.withContiguousStorageIfAvailable(holdsNoMoneyWord) == true { return nil }
    let inner: String
    switch label.utf8.withContiguousStorageIfAvailable(bracketedBytes) {
    case .some(.some(.some(let range))):
      inner = label.utf8.withContiguousStorageIfAvailable {
        String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self)
      }!
    case .some(.some(.none)): return nil
    default:
      guard let open = label.lastIndex(where: { $0 == "（" || $0 == "(" }) else { return nil }
      inner = String(label[label.index(after: open)...].prefix { $0 != "）" && $0 != ")" })
    }
    if commonLabelUnits.contains(inner) { return inner }
    return TableBuilder.amountUnit(inner) != nil ? inner : nil
  }

  /// The bytes `labelUnit` reads in a label made only of printable ASCII, ASCII whitespace, CJK ideographs
  /// (lead bytes E4…E9) and full-width brackets, each a character of its own but CR LF, which holds no
  /// bracket: those after the last opening bracket, up to the first closing one. `.some(nil)` when there is
  /// no opening bracket; nil when the label holds any other byte.
  static func bracketedBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>?? {
    var open = -1
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        guard byte >= 0x20 && byte < 0x7F || (byte >= 0x09 && byte <= 0x0D) else { return nil }
        if byte == UInt8(ascii: "(") { open = index + 1 }
        index += 1
        continue
      }
      guard index + 2 < bytes.count, bytes[index + 1] & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80 else { return nil }
      if byte == 0xEF {
        guard bytes[index + 1] == 0xBC, bytes[index + 2] == 0x88 || bytes[index + 2] == 0x89 else { return nil }
        if bytes[index + 2] == 0x88 { open = index + 3 }
      } else if byte < 0xE4 || byte > 0xE9 {
        return nil
      }
      index += 3
    }
    guard open >= 0 else { return .some(nil) }
    var end = open
    while end < bytes.count, bytes[end] != UInt8(ascii: ")"), !(bytes[end] == 0xEF && bytes[end + 2] == 0x89) {
      end += bytes[end] < 0x80 ? 1 : 3
    }
    return open..<end
  }

  /// Whether a label is made only of printable ASCII, CJK ideographs (lead bytes E4…E9) and full-width
  /// brackets, without the bytes of 元 or 亿: no text in its brackets is then a money unit (`amountUnit`),
  /// as every money unit holds one of them, and no character of such a text is equivalent to either or
  /// folded into one. `预算执行情况（20分）` is told without reading `20分` as a unit. False says nothing.
  static func holdsNoMoneyWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte >= 0x20 && byte < 0x7F {
        index += 1
        continue
      }
      guard index + 2 < bytes.count, bytes[index + 1] & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80 else { return false }
      let (second, third) = (bytes[index + 1], bytes[index + 2])
      switch byte {
      // 元 is E5 85 83, 亿 E4 BA BF.
      case 0xE5 where second == 0x85 && third == 0x83, 0xE4 where second == 0xBA && third == 0xBF: return false
      case 0xE4...0xE9: break
      // （ and ）.
      case 0xEF where second == 0xBC && (third == 0x88 || third == 0x89): break
      default: return false
      }
      index += 3
    }
    return true
  }

  /// The units funds labels print most, each a money unit by `TableBuilder.amountUnit` (asked once here):
  /// a year's forms print the same label in every table, and reading a unit's text costs more than
  /// comparing it.
  static let commonLabelUnits: [String] = ["万元", "元", "亿元", "千元"].filter { TableBuilder.amountUnit($0) != nil }

  private func readFunds(_ funds: FundsBlock, unitSource: PrintedText?, into builder: inout TableBuilder) {
    // 得分（20分*执行率） (L8): the score's header says how it is computed.
    let fields = funds.columns.map { Self.fundsFields[$0.key] ?? ($0.key.hasPrefix("得分") ? .fundsClaimedScore : nil) }
    let sourceFields = funds.columns.map { Self.sourceFields[$0.key] }
    // A column no field holds is reported once, where a row fills it (L7's 资金总额（万元）).
    for (index, column) in funds.columns.enumerated() where fields[index] == nil && sourceFields[index] == nil {
      guard funds.rows.contains(where: { !$0.cells[index].isEmpty }) else { continue }
      builder.ignoreColumn(
        header: FormText.oneLine(column.header.text),
        column: "\(Self.fundsColumnPrefix)第 \(CellReference.columnName(column.column)) 列")
    }
    // A block that gives no amount, weight, rate or score is no funds block of the table: an empty one would
    // count the profile's funds weight and score it zero.
    let readsAmounts =
      !funds.pairs.isEmpty || fields.contains { $0 != nil } || sourceFields.contains { $0 != nil && $0 != .sourceName }
    guard readsAmounts else {
      let cell = form.location(of: funds.label.cell.reference).field ?? "\(funds.label.cell.reference)"
      builder.ignoreFundsBlock(label: FormText.oneLine(funds.label.cell.text), cell: cell)
      if let unitSource, builder.recordsProvenance {
        builder.keepUnread(unitSource.cell == nil ? "表上方段落" : "表角", unitSource.text, at: form.location(of: unitSource))
      }
      return
    }
    builder.beginFunds()
    // The amounts' unit: the corner's (金额单位：元), else the label's (项目资金（元）).
    if let unitSource {
      builder.set(.fundsUnit, .text(unitSource.text), at: builder.recordsProvenance ? form.location(of: unitSource) : nil)
      if let doubt = unitSource.cell?.doubt { builder.markUncertain(.fundsUnit, reason: doubt) }
    } else if let unit = Self.labelUnit(funds.label.cell.text) {
      set(.fundsUnit, from: funds.label.cell, text: unit, into: &builder)
    }
    let totalRow = funds.totalRow ?? funds.rows.first?.row
    for row in funds.rows {
      let labels = row.labels.filter { !$0.isEmpty }
      // Only what extract lists is named by the part (`keepUnread`): made only for it.
      let part =
        builder.recordsProvenance
        ? labels.first.map { "\(Self.fundsColumnPrefix)“\(FormText.oneLine($0.text))”" } ?? Self.fundsColumnPrefix
        : Self.fundsColumnPrefix
      // The first label names the row; the others (上级安排 beside 财政资金) are kept, a number among them
      // (an amount under no header) reported.
      for label in labels.dropFirst() { keepFundsLabel(label, in: part, into: &builder) }
      if row.row == totalRow {
        for (index, cell) in row.cells.enumerated() where !cell.isEmpty {
          guard let field = fields[index] else { continue }
          set(field, from: cell, into: &builder)
        }
        continue
      }
      guard row.cells.contains(where: { !$0.isEmpty }) else {
        if let label = labels.first { keepFundsLabel(label, in: Self.fundsColumnPrefix, into: &builder) }
        continue
      }
      builder.beginSource()
      if let label = labels.first {
        set(.sourceName, from: label, text: Self.sourceName(labelKey: label.labelKey), into: &builder)
      }
      for (index, cell) in row.cells.enumerated() where !cell.isEmpty {
        guard let field = sourceFields[index] else {
          // A source's own 分值, 执行率 or 得分 (mostly a dash): the block's are read from its total row.
          if builder.recordsProvenance, fields[index] != nil, !CellGrammar.isEmptyMark(cell.text.trimmingSpaces()) {
            keepUnread("\(part)“\(FormText.oneLine(funds.columns[index].header.text))”", cell, into: &builder)
          }
          continue
        }
        let text = field == .sourceName ? Self.sourceName(labelKey: cell.labelKey) : cell.text
        set(field, from: cell, text: text, into: &builder)
      }
    }
    // L7, a block on one row: 年度预算总额：| 50.12 | 其中：财政拨款 | 0.00 | 其他资金：| 50.12.
    for pair in funds.pairs where !pair.value.isEmpty {
      if vocabulary.isFundsTotal(pair.label.text) {
        set(.fundsAnnualBudget, from: pair.value, into: &builder)
      } else {
        builder.beginSource()
        set(.sourceName, from: pair.label, text: Self.sourceName(labelKey: pair.label.labelKey), into: &builder)
        set(.sourceAnnualBudget, from: pair.value, into: &builder)
      }
    }
    // L8: the label's points are the block's weight where no 分值 column prints it.
    if let points = funds.label.points, !builder.hasValue(.fundsWeight) {
      set(.fundsWeight, from: funds.label.cell, text: points.description, into: &builder)
    }
  }

  /// A cell of a funds row under no header: a number is an amount not read, reported; a text is a label,
  /// kept.
  private func keepFundsLabel(_ cell: GridCell, in part: String, into builder: inout TableBuilder) {
    if cell.kind == .number || PrintedNumber.plainDecimal(cell.text, as: .amount) != nil {
      builder.ignoreCell(row: .fundsBlock, header: "\(cell.reference)", text: cell.text)
    } else {
      keepUnread(part, cell, into: &builder)
    }
  }

  /// A source's name as a form prints it, from its label's key (`FormText.labelKey`, which a shared
  /// string's cell holds made): `其中：当年财政拨款` is 当年财政拨款, `其他\n资金：` is 其他资金.
  static func sourceName(labelKey: String) -> String {
    var name = labelKey
    for prefix in ["其中：", "其中:"] where FormText.starts(name, with: prefix) {
      name = String(name.dropFirst(prefix.count))
    }
    return name
  }

  // MARK: Goals block

  /// Each text under its header's field (预期目标, 实际完成情况); a text printed beside the label with no
  /// header (L7) is the expected goals. A text under a header no field names, or a second text for a field
  /// already given (L8 prints two blocks), is kept for `extract` to list.
  private func readGoals(_ goals: GoalsBlock, into builder: inout TableBuilder) {
    for entry in goals.entries {
      let field = entry.header.map { Self.goalsFields[$0.key] } ?? .goalsExpected
      guard let field, !entry.text.isEmpty, !builder.hasValue(field) else {
        // Named only for what extract lists (`keepUnread`): made only for it.
        if builder.recordsProvenance {
          let label = FormText.oneLine(goals.label.text)
          keepUnread(entry.header.map { "\(label)“\(FormText.oneLine($0.text))”" } ?? label, entry.text, into: &builder)
        }
        continue
      }
      builder.beginGoals()
      set(field, from: entry.text, into: &builder)
    }
  }

  // MARK: Indicator block

  private func readIndicators(_ block: IndicatorBlock, into builder: inout TableBuilder) {
    // The columns are read by index, not copied one by one.
    var fields: [TableField?] = block.columns.indices.map { Self.indicatorFields[block.columns[$0].key] }
    // A group header that names the target (年度指标值) over its parts: each part is the target's.
    var targetParts: [Int] = []
    for index in block.columns.indices {
      let groupField = block.columns[index].groupKey.flatMap { Self.indicatorFields[$0] }
      if groupField == .target || Self.targetPartKeys[block.columns[index].key] != nil {
        targetParts.append(index)
        fields[index] = nil
      }
    }
    if !targetParts.isEmpty, let target = fields.firstIndex(of: .target) {
      targetParts.append(target)
      targetParts.sort()
      fields[target] = nil
    }
    // Searched on bytes first: a key without the byte holds no `%`.
    let percentWeight =
      block.weightColumn.map { block.columns[$0].key.utf8.contains(UInt8(ascii: "%")) && block.columns[$0].key.contains("%") }
      ?? false
    var filledUnknown = Set<Int>()
    for rowIndex in block.rows.indices where block.rows[rowIndex].kind == .indicator {
      // The row's cells, not the row (its levels' labels too) copied.
      let cells = block.rows[rowIndex].cells
      builder.beginIndicator(at: form.location(of: cells[block.nameColumn]))
      for index in cells.indices {
        guard let field = fields[index] else {
          if !cells[index].isEmpty, !targetParts.contains(index), index != block.projectNameColumn {
            filledUnknown.insert(index)
          }
          continue
        }
        // A blank cell under a column the form prints: the column is the table's, its value absent.
        guard !cells[index].isEmpty else {
          builder.set(field, .null)
          continue
        }
        if field == .weight, percentWeight || FormText.isPercent(cells[index].text) {
          set(field, from: cells[index], text: FormText.droppingPercent(cells[index].text), into: &builder)
        } else {
          set(field, from: cells[index], into: &builder)
        }
      }
      if !targetParts.isEmpty { readTarget(of: cells, parts: targetParts, into: &builder) }
      if let index = block.projectNameColumn, !cells[index].isEmpty, !builder.hasValue(.name) {
        set(.name, from: cells[index], into: &builder)
      }
    }
    for index in filledUnknown.sorted() {
      let column = block.columns[index]
      builder.ignoreColumn(
        header: FormText.oneLine(column.header.text), column: "第 \(CellReference.columnName(column.column)) 列")
    }
    for column in form.unnamedColumns {
      builder.ignoreColumn(header: "（无列名）", column: "第 \(CellReference.columnName(column.column)) 列")
    }
  }

  /// A target printed in parts (指标性质 · 指标值 · 度量单位), joined in column order.
  private func readTarget(of cells: [GridCell], parts targetParts: [Int], into builder: inout TableBuilder) {
    // 指标性质 定性 says the target is a text, which the target's own cell holds.
    let parts = targetParts.map { cells[$0] }.filter { !$0.isEmpty && $0.text.trimmingSpaces() != "定性" }
    if let first = parts.first {
      set(.target, from: first, text: parts.map { $0.text.trimmingSpaces() }.joined(), into: &builder)
      for part in parts.dropFirst() { if let doubt = part.doubt { builder.markUncertain(.target, reason: doubt) } }
    } else {
      builder.set(.target, .null)
    }
  }

  // MARK: Total row

  private func readTotal(_ total: TotalRow, into builder: inout TableBuilder) {
    if let claimed = total.claimedTotal, !claimed.isEmpty {
      set(.claimedTotal, from: claimed, into: &builder)
    }
    if let grade = total.grade {
      set(.claimedGrade, from: grade, into: &builder)
    }
    for cell in total.otherCells {
      builder.ignoreCell(row: .total, header: "\(cell.reference)", text: cell.text)
    }
  }
}
