/// Makes a `Table` from values as a reader finds them: printed text or JSON scalars, field by field
/// (`TableSchema`). Every reader feeds one: JSON (`TableDecoder`, and `DirectTableDecoder` on the batch's
/// hot path), the flat CSV (`FlatCSVTable`), and any reader of printed forms, which maps header cells to
/// fields by their synonyms.
///
/// Each field is read by the one rule of its kind of value: numbers by `PrintedNumber`, years, grades and
/// kinds here, names and levels (`LevelLabel`) here, targets and actuals by the cell grammar (`Cell`), and
/// every text within `Limits.maximumCellLength`. A value a rule cannot take costs its cell, never the table:
/// the field is absent and a note (`UnreadableNumber`, `ReadingNote`) becomes a finding on its row. Only a
/// table without any indicator, or one beyond the limits, is refused (`build`).
///
/// A reader begins the part a value belongs to (`beginIndicator`, `beginFunds`, `beginSource`) and sets
/// values in the order it reads them; an indicator field goes to the indicator begun last.
public struct TableBuilder {
  /// A value as the reader found it.
  public enum Value: Sendable, Hashable {
    /// Printed text: a CSV or sheet cell, a JSON string.
    case text(String)
    /// A JSON number literal, as written (`12.87`, `1e3`).
    case number(String)
    /// A JSON `null`: the member is there (its column is printed), its value absent.
    case null
    /// A JSON value of another type, as a finding shows it: `true`, `[…]`, `{…}`.
    case other(String)
  }

  /// Where a value came from (file and line, or sheet and cell), kept when the builder is asked to.
  public struct Provenance: Sendable, Hashable {
    public var field: TableField
    public var place: UnreadableNumber.Place
    public var location: SourceLocation
    /// The value as the reader handed it over (a cell's text), which read again gives the same field.
    public var value: Value
  }

  private let schema = TableSchema.Lookup.shared
  private let location: SourceLocation
  private let defaultID: String
  private let sourceEncoding: SourceEncoding
  /// Where the indicators are, for the refusal of a table without any.
  public var indicatorsLocation: SourceLocation
  /// Every value's provenance, in reading order, when the builder was made to record it.
  public private(set) var provenance: [Provenance]?

  /// Text a printed form shows that no field holds and no score depends on — a 联系电话, the goals, a
  /// remark, a form number in the corner — with where it is: no finding, but kept (when provenance is
  /// recorded) for `jixiao extract` to list, so an evaluator sees everything the form says.
  public struct UnreadText: Sendable, Hashable {
    /// The part of the form it is printed in, as the list names it: `表头“联系电话”`, `年度总体目标“预期目标”`.
    public var part: String
    public var text: String
    public var location: SourceLocation
  }

  /// The unread texts, in reading order; empty unless provenance is recorded.
  public private(set) var unreadTexts: [UnreadText] = []

  /// Whether values' provenance is kept: a reader makes a location for each value only then.
  public var recordsProvenance: Bool { provenance != nil }

  private var id: String?
  private var kind = Table.Kind.project
  private var isTargetTable = false
  private var year: Int?
  private var name: TableText?
  private var nameFound: ReadingNote.Problem?
  private var department: TableText?
  private var implementer: TableText?
  private var claimedTotal: Rational?
  private var claimedGrade: Grade?
  /// The funds block's values, kept in place (a `Funds?` would be copied whole for each value set) and boxed
  /// once by `build`; `hasFunds` says whether the table has one.
  private var funds = Funds.Fields()
  private var hasFunds = false
  /// The amounts printed with their own money unit (`50万元`, `500000元`), which the number grammar reads in 万元:
  /// `build` rescales them into the unit the table says (`funds.unit`). `source` is the source row's index, -1
  /// for the funds block's own amounts.
  private var amountsWithOwnUnit: [(field: TableField, source: Int)] = []
  private var goals = Goals()
  private var hasGoals = false
  private var indicators: [Indicator] = []
  /// The indicator being read (open once a row began); a value before any row begins opens one.
  private var draft: IndicatorCells
  /// The draft is a row not yet finished (the first one is open before any row begins).
  private var rowOpen = true
  private var columns: UInt8 = 0
  private var unreadableNumbers: [UnreadableNumber] = []
  private var notes: [ReadingNote] = []
  private var levelWeights: [LevelWeight] = []
  private var refusal: InputError?
  /// By field, a value other than null or blank was set (table and funds fields).
  private var given: UInt64 = 0

  // MARK: Parts

  /// The next indicator row; the values set from now on until the next row are its.
  public mutating func beginIndicator(at location: consuming SourceLocation) {
    finishIndicator()
    if indicators.count >= Limits.maximumIndicators, refusal == nil {
      refusal = InputError(
        indicatorsLocation,
        Message(
          en:
            "more than \(Limits.maximumIndicators) indicators in one table; at most \(Limits.maximumIndicators) are read (split the table)",
          zh: "一张表的指标超过 \(Limits.maximumIndicators) 个；最多读取 \(Limits.maximumIndicators) 个（请拆分该表）"))
    }
    draft.reset(at: consume location)
    rowOpen = true
  }

  /// The funds block (项目资金); a second call goes on with the same block.
  public mutating func beginFunds() {
    hasFunds = true
  }

  /// The goals block (年度总体目标); a second call goes on with the same block.
  public mutating func beginGoals() {
    hasGoals = true
  }

  /// The next 资金来源 row of the funds block; named 资金来源N until a name is set.
  public mutating func beginSource() {
    beginFunds()
    // Room for the rows a table usually has, made with the first: grown one by one, the array was allocated twice.
    if funds.sources.isEmpty { funds.sources.reserveCapacity(4) }
    funds.sources.append(
      Funds.Source(name: Self.defaultSourceName(funds.sources.count), initialBudget: nil, annualBudget: nil, executed: nil))
  }

  /// `sourceName(offset)` as a text: made once for the rows a table usually has (a text is immutable and shares
  /// its storage), else made.
  static func defaultSourceName(_ offset: Int) -> TableText {
    offset < defaultSourceNames.count ? defaultSourceNames[offset] : TableText(sourceName(offset))
  }

  private static let defaultSourceNames = (0..<8).map { TableText(sourceName($0)) }

  /// A column the reader does not know, which this table fills: reported once (`column.ignored`).
  public mutating func ignoreColumn(header: String, column: String) {
    notes.append(ReadingNote(place: .table, field: nil, problem: .ignoredColumn(header: header, column: column)))
  }

  /// A cell of a structural row (the total row, the funds row of a flat CSV) that is not read.
  public mutating func ignoreCell(row: ReadingNote.StructuralRow, header: String, text: String) {
    notes.append(ReadingNote(place: .table, field: nil, problem: .ignoredCell(row: row, header: header, text: Self.quoted(text))))
  }

  /// The value just set for `field` was read from a cell the reader is not sure of (`GridCell.doubt`): it
  /// is kept, and its row is unverified with the reason (`cell.uncertain`).
  public mutating func markUncertain(_ field: TableField, reason: String) {
    notes.append(ReadingNote(place: place(of: field), field: field, problem: .uncertain(reason: reason)))
  }

  /// Keeps a text no field holds and no score depends on (`UnreadText`), when provenance is recorded.
  public mutating func keepUnread(_ part: String, _ text: String, at location: SourceLocation) {
    guard provenance != nil else { return }
    unreadTexts.append(UnreadText(part: part, text: text, location: location))
  }

  /// The table is on a hidden sheet (`ReadingNote.Problem.hiddenSheet`).
  public mutating func noteHiddenSheet(_ name: String) {
    notes.append(ReadingNote(place: .table, field: nil, problem: .hiddenSheet(name: Self.quoted(name))))
  }

  /// Another sheet of the workbook holds no form (`ReadingNote.Problem.sheetWithoutForm`).
  public mutating func noteSheetWithoutForm(_ name: String, cell: String, text: String) {
    notes.append(
      ReadingNote(
        place: .table, field: nil, problem: .sheetWithoutForm(name: Self.quoted(name), cell: cell, text: Self.quoted(text))))
  }

  /// A funds block of which no column is read (`ReadingNote.Problem.unreadFundsBlock`): the table has none.
  public mutating func ignoreFundsBlock(label: String, cell: String) {
    notes.append(ReadingNote(place: .table, field: nil, problem: .unreadFundsBlock(label: Self.quoted(label), cell: cell)))
  }

  /// The places whose fields are given once a table (`hasValue`): the table's own, the funds and goals blocks.
  @inline(__always) private static func recordsGiven(_ place: FieldPlace) -> Bool {
    place == .table || place == .funds || place == .goals
  }

  /// Whether a field of the table, the funds or the goals block has been given a value, read or refused (a reader
  /// that finds the field on several rows takes the first).
  public func hasValue(_ field: TableField) -> Bool {
    given & (1 << UInt64(field.rawValue)) != 0
  }

  // MARK: Values

  /// Reads `value` by the rule of `field` into the part it belongs to.
  public mutating func set(_ field: TableField, _ value: consuming Value, at location: SourceLocation? = nil) {
    if let location, provenance != nil {
      let given = Provenance(field: field, place: place(of: field), location: location, value: copy value)
      provenance?.append(given)
    }
    if case .text(let printed) = value { return set(field, printed: printed) }
    markColumn(field)
    if Self.recordsGiven(schema.place(field)), !Self.isBlank(value) { given |= 1 << UInt64(field.rawValue) }
    switch schema.value(field) {
    case .number(let kind):
      let reading: NumberReading
      switch value {
      case .text(let printed): reading = PrintedNumber.read(printed, as: kind)
      case .number(let literal): reading = PrintedNumber.read(jsonNumber: literal, as: kind)
      case .null: reading = .absent
      case .other(let shown): reading = .refused(.form, text: shown)
      }
      store(field, reading)
    case .text, .name, .level, .cell, .year, .grade, .tableKind:
      switch consume value {
      case .text(let printed): setText(field, printed)
      case .number(let literal): setText(field, literal)
      case .null: break
      case .other(let shown): refuseText(field, .unreadable(text: shown))
      }
    }
  }

  /// `set(field, .text(printed))`, the value a reader most often has: a cell, a JSON string.
  mutating func set(_ field: TableField, printed: consuming String) {
    markColumn(field)
    let place = schema.place(field)
    if Self.recordsGiven(place), !Self.isBlank(printed) { given |= 1 << UInt64(field.rawValue) }
    if case .number(let kind) = schema.value(field) {
      let (reading, hasSuffix) = PrintedNumber.reading(printed, as: kind)
      store(field, reading)
      if kind == .amount { noteAmountUnit(field, printedWithUnit: hasSuffix) }
    } else {
      setText(field, printed)
    }
  }

  /// A number field from the bytes of a JSON record (the direct decoder's path, which makes no string for
  /// a plain number): a number literal, read as `set` reads it.
  mutating func setNumber(_ field: TableField, literal bytes: UnsafeBufferPointer<UInt8>) {
    guard case .number(let kind) = schema.value(field) else { return }
    if Self.recordsGiven(schema.place(field)) { given |= 1 << UInt64(field.rawValue) }
    store(field, PrintedNumber.read(jsonNumber: bytes, as: kind))
  }

  /// A number field printed as a plain decimal with at most its suffix (`12.87`, `100%`, `5.00分`), from a
  /// string's bytes: taken as `set` takes its text, without making the string. False when the bytes are
  /// anything else: the caller then sets the text.
  mutating func setPlainNumber(_ field: TableField, utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard case .number(let kind) = schema.value(field), let value = PrintedNumber.plainDecimal(bytes, as: kind) else {
      return false
    }
    if Self.recordsGiven(schema.place(field)) { given |= 1 << UInt64(field.rawValue) }
    store(field, .value(value))
    if kind == .amount { noteAmountUnit(field, printedWithUnit: PrintedNumber.hasFastSuffix(bytes, of: kind)) }
    return true
  }

  /// An indicator's number field as a JSON number literal (the direct decoder's): `setNumber(field, literal:)`,
  /// a literal without an exponent read on its bytes (`PrintedNumber.jsonDecimal`) and stored in the row at once.
  @inline(__always) mutating func setIndicatorNumber(_ field: TableField, literal bytes: UnsafeBufferPointer<UInt8>) {
    if case .number(let kind) = schema.value(field), let value = PrintedNumber.jsonDecimal(bytes, as: kind) {
      return draft.setNumber(field, value)
    }
    setNumber(field, literal: bytes)
  }

  /// `setIndicatorNumber(field, literal:)` of a whole number's literal without a sign, a fraction or an
  /// exponent (`6`, `10`), given as its value; false, nothing set, for a rate (a percent: the literal is read).
  @inline(__always) mutating func setIndicatorNumber(_ field: TableField, whole value: Int) -> Bool {
    guard case .number(let kind) = schema.value(field), kind != .rate else { return false }
    draft.setNumber(field, Rational(value))
    return true
  }

  /// An indicator's cell as the direct decoder and the flat CSV find it: the bytes `range` of `record`, valid
  /// UTF-8 within a cell's length in bytes (so in characters too), and plain JSON when `plain` says so (`bytes`
  /// are they). `set(field, printed:)` of their text without making it, and without the look-ups and checks
  /// `set(field, indicatorText:)` repeats: a text is kept as a range of the record, a number field's plain
  /// decimal is read on the bytes and stored in the row at once (an indicator's number is no amount: it has no
  /// unit to note). Its column is marked by the caller (`markColumns`). Inlined: called for nearly every cell,
  /// its call cost more than its work (4.5 K instructions a table of the bench's CSV).
  @inline(__always) mutating func setIndicatorCell(
    _ field: TableField, _ record: RecordBytes, _ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>, plain: Bool
  ) {
    guard case .number(let kind) = schema.value(field) else {
      return setIndicatorText(field, TableText(record, range, plain: plain))
    }
    if let value = PrintedNumber.plainDecimal(bytes, as: kind) { return draft.setNumber(field, value) }
    set(field, printed: String(decoding: bytes, as: UTF8.self))
  }

  /// Keeps whether the amount just stored printed its own unit; a later value of the same cell replaces it.
  private mutating func noteAmountUnit(_ field: TableField, printedWithUnit: Bool) {
    let source = schema.place(field) == .source ? funds.sources.count - 1 : -1
    if !amountsWithOwnUnit.isEmpty { amountsWithOwnUnit.removeAll { $0.field == field && $0.source == source } }
    if printedWithUnit { amountsWithOwnUnit.append((field, source)) }
  }

  private static let tenThousandYuan = Unit("万元")

  /// The amounts printed with their own unit, rescaled from 万元 into the table's unit (`50万元` in a table in 元
  /// is 500000). Magnitudes are at most `Limits.maximumMagnitude` (10^12) and the factor at most 10^4, so the
  /// product stays within 64 bits and cannot overflow.
  private mutating func rescaleAmountsWithOwnUnit() {
    guard hasFunds, !amountsWithOwnUnit.isEmpty, let unit = funds.unit,
      case .converted(let factor) = unit.relation(ofActual: Self.tenThousandYuan)
    else { return }
    func scaled(_ value: inout Rational?) {
      if let amount = value, let converted = try? amount * factor { value = converted }
    }
    for (field, source) in amountsWithOwnUnit {
      let hasSource = funds.sources.indices.contains(source)
      switch field {
      case .fundsInitialBudget: scaled(&funds.initialBudget)
      case .fundsAnnualBudget: scaled(&funds.annualBudget)
      case .fundsExecuted: scaled(&funds.executed)
      case .sourceInitialBudget where hasSource: scaled(&funds.sources[source].initialBudget)
      case .sourceAnnualBudget where hasSource: scaled(&funds.sources[source].annualBudget)
      case .sourceExecuted where hasSource: scaled(&funds.sources[source].executed)
      default: break
      }
    }
  }

  @inline(__always) private mutating func markColumn(_ field: TableField) {
    if let column = Indicator.OptionalColumn(field) { columns |= column.bit }
  }

  /// The optional columns (`Indicator.OptionalColumn.bit`) a reader found, as `setIndicatorText`,
  /// `setNumber` and `setPlainNumber` leave them to it: a record's are gathered once.
  mutating func markColumns(_ bits: UInt8) { columns |= bits }

  private func place(of field: TableField) -> UnreadableNumber.Place {
    switch schema.place(field) {
    case .table, .goals: .table
    case .funds: .funds
    case .source: .source(funds.sources.count)
    case .indicator: .indicator(indicators.count + 1)
    }
  }

  @inline(__always) private mutating func store(_ field: TableField, _ reading: NumberReading) {
    if case .refused = reading {
      _ = take(field, reading)
      if schema.place(field) == .indicator { draft.printed = true }
      return
    }
    let value = take(field, reading)
    switch field {
    case .claimedTotal: claimedTotal = value
    case .fundsInitialBudget: (funds.initialBudget, hasFunds) = (value, true)
    case .fundsAnnualBudget: (funds.annualBudget, hasFunds) = (value, true)
    case .fundsExecuted: (funds.executed, hasFunds) = (value, true)
    case .fundsWeight: (funds.weight, hasFunds) = (value, true)
    case .fundsClaimedRate: (funds.claimedRate, hasFunds) = (value, true)
    case .fundsClaimedScore: (funds.claimedScore, hasFunds) = (value, true)
    case .sourceInitialBudget: updateSource { $0.initialBudget = value }
    case .sourceAnnualBudget: updateSource { $0.annualBudget = value }
    case .sourceExecuted: updateSource { $0.executed = value }
    case .weight, .claimedCompletion, .claimedScore: draft.setNumber(field, value)
    default: break
    }
  }

  private mutating func setText(_ field: TableField, _ printed: consuming String) {
    guard !Self.isOverLimit(printed) else { return refuseText(field, .tooLong(characters: printed.count)) }
    if schema.place(field) == .indicator { return setIndicatorText(field, TableText(printed)) }
    switch field {
    case .id: id = printed
    case .kind:
      guard !Self.isBlank(printed) else { return }
      guard let known = Self.kind(printed.trimmingSpaces()) else { return refuseText(field, .unreadable(text: printed)) }
      (kind, isTargetTable) = known
    case .year:
      guard !Self.isBlank(printed) else { return }
      guard let value = Self.year(printed) else { return refuseText(field, .unreadable(text: printed)) }
      year = value
    case .claimedGrade:
      guard let grade = Self.claimedGrade(printed) else { return refuseText(field, .unreadable(text: printed)) }
      claimedGrade = grade
    case .name, .department, .implementer, .sourceName, .goalsExpected, .goalsActual: keepText(field, TableText(printed))
    case .fundsUnit:
      guard !Self.isBlank(printed) else { return }
      guard let unit = Self.amountUnit(printed) else { return refuseText(field, .unreadable(text: printed)) }
      funds.unit = unit
    default: break
    }
  }

  /// Whether `field` is a text of an indicator's row, which `set(_:indicatorText:)` takes.
  @inline(__always) func isIndicatorText(_ field: TableField) -> Bool {
    schema.place(field) == .indicator && !schema.isNumber(field)
  }

  /// `set(field, printed: text.string)` for an indicator's text field (`isIndicatorText`) whose text the reader
  /// holds as a `TableText` (a workbook's shared string, made once for every cell that shows it): kept as it
  /// is, without a string made or its bytes copied.
  mutating func set(_ field: TableField, indicatorText text: consuming TableText) {
    guard isIndicatorText(field) else { return set(field, printed: text.string) }
    markColumn(field)
    if Self.recordsGiven(.indicator), !text.isBlank { given |= 1 << UInt64(field.rawValue) }
    guard !text.isLonger(thanCharacters: Limits.maximumCellLength) else {
      return refuseText(field, .tooLong(characters: text.string.count))
    }
    setIndicatorText(field, text)
  }

  /// A text field the table keeps as printed (`keptAsPrinted`), from a table text: `set(field, printed:)`
  /// without making a string (the direct decoder's ranges of its record). Any other field is set from
  /// the text's string.
  mutating func set(_ field: TableField, text: consuming TableText) {
    guard Self.keptAsPrinted(field) else { return set(field, printed: text.string) }
    if Self.recordsGiven(schema.place(field)), !text.isBlank { given |= 1 << UInt64(field.rawValue) }
    guard !text.isLonger(thanCharacters: Limits.maximumCellLength) else {
      return refuseText(field, .tooLong(characters: text.string.count))
    }
    keepText(field, text)
  }

  /// The table's fields that hold their text as printed: no rule reads them.
  static func keptAsPrinted(_ field: TableField) -> Bool {
    switch field {
    case .name, .department, .implementer, .sourceName, .goalsExpected, .goalsActual: true
    default: false
    }
  }

  /// Takes `text` (moved into its field, not copied: a retain here and a release of the caller's).
  private mutating func keepText(_ field: TableField, _ text: consuming TableText) {
    switch field {
    case .name: name = text.isBlank ? nil : text
    case .department: department = text
    case .implementer: implementer = text
    case .sourceName: updateSource { $0.name = text }
    case .goalsExpected: (goals.expected, hasGoals) = (text, true)
    case .goalsActual: (goals.actual, hasGoals) = (text, true)
    default: break
    }
  }

  /// A text of the indicator row as printed, within `Limits.maximumCellLength` (`isOverLimit`; the direct
  /// decoder takes only shorter strings, `set` checks), its column marked by the caller (`markColumns`).
  /// The rules of a row's texts (a blank name, a level's points) are applied when the row is finished, once
  /// for each row.
  @inline(__always) mutating func setIndicatorText(_ field: TableField, _ printed: consuming TableText) {
    draft.setText(field, printed)
  }

  /// A number field's reading, its refusal noted: the value, or nil when absent or refused.
  private mutating func take(_ field: TableField, _ reading: NumberReading) -> Rational? {
    switch reading {
    case .absent: return nil
    case .value(let value): return value
    case .refused(let refusal, let text):
      if let numberField = NumberField(field) {
        unreadableNumbers.append(UnreadableNumber(place: place(of: field), field: numberField, text: text, refusal: refusal))
      }
      return nil
    }
  }

  /// Longer than `Limits.maximumCellLength` characters. Characters are never more than bytes: they are
  /// counted only for a long text.
  @inline(__always) static func isOverLimit(_ text: String) -> Bool {
    text.utf8.count > Limits.maximumCellLength && text.count > Limits.maximumCellLength
  }

  /// A text field whose value cannot be taken: it stays absent, and its row says why.
  private mutating func refuseText(_ field: TableField, _ problem: ReadingNote.Problem) {
    let problem: ReadingNote.Problem =
      if case .unreadable(let text) = problem { .unreadable(text: Self.quoted(text)) } else { problem }
    switch field {
    case .name:
      name = nil
      nameFound = problem
    case .indicatorName:
      draft.printed = true
      draft.name = nil
      draft.nameFound = problem
    default:
      if schema.place(field) == .indicator { draft.printed = true }
      notes.append(ReadingNote(place: place(of: field), field: field, problem: problem))
    }
  }

  // MARK: The table

  /// The table, or why there is none: no indicator could be read, or a limit was passed. A builder builds one
  /// table: its values move into it.
  public mutating func build() -> Result<Table, InputError> {
    finishIndicator()
    if let refusal { return .failure(refusal) }
    guard !indicators.isEmpty else {
      return .failure(
        InputError(
          indicatorsLocation,
          Message(
            en:
              "the table has no indicator: a table is scored from its indicators (三级指标 rows), each with at least a name, weight, target or actual; add them, or leave the table out",
            zh: "该表没有指标：表格按其指标（三级指标行）评分，每个指标至少须有名称、权重、目标值或实际值之一；请补上指标，或不要包含该表"
          )))

    }
    if name == nil { notes.append(ReadingNote(place: .table, field: .name, problem: .missingName(found: nameFound))) }
    rescaleAmountsWithOwnUnit()
    // The values move out into the table (a builder builds one): copied, each reference was retained here and
    // released again when the builder went.
    return .success(
      Table(
        id: id.take() ?? defaultID, kind: kind, isTargetTable: isTargetTable, year: year, name: name.take() ?? "",
        department: department.take(), implementer: implementer.take(),
        funds: hasFunds ? Funds(Self.moved(&funds, leaving: Funds.Fields())) : nil, goals: hasGoals ? goals : nil,
        indicators: Self.moved(&indicators, leaving: []),
        claimedTotal: claimedTotal, claimedGrade: claimedGrade,
        columns: Self.columnSets[Int(columns)],
        unreadableNumbers: Self.moved(&unreadableNumbers, leaving: []), notes: Self.moved(&notes, leaving: []),
        levelWeights: Self.moved(&levelWeights, leaving: []), location: location, sourceEncoding: sourceEncoding))
  }

  /// `field`'s value, moved out with `empty` left in its place.
  private static func moved<Value>(_ field: inout Value, leaving empty: Value) -> Value {
    var value = empty
    swap(&value, &field)
    return value
  }

  private mutating func finishIndicator() {
    guard rowOpen else { return }
    rowOpen = false
    // Read in place, not copied: the next row replaces the draft.
    guard draft.printed || draft.hasPrintedText else {
      // A row that is no indicator gives no value: its blanks and nulls are not the next row's.
      provenance?.removeAll { $0.place == .indicator(indicators.count + 1) }
      return
    }
    let index = indicators.count + 1
    // Tested where it is, not bound to a copy (a retain and a release).
    if draft.name?.isBlank == true { draft.name = nil }
    var level1Points: Rational?
    var level2Points: Rational?
    // A level name that ends in no bracket (nearly every one) has no points (`LevelLabel.split`): told in place,
    // its text is not bound to a copy (a retain and a release). A text that may have points is bound to a copy:
    // through `flatMap`, the optional pair was destroyed by the runtime's generic witnesses (+4 K instructions a
    // table).
    if draft.level1?.withUTF8(LevelLabel.endsInNoBracket) == false, let level1 = draft.level1,
      let (name, points) = LevelLabel.split(level1)
    {
      (draft.level1, level1Points) = (name, points)
    }
    if draft.level2?.withUTF8(LevelLabel.endsInNoBracket) == false, let level2 = draft.level2,
      let (name, points) = LevelLabel.split(level2)
    {
      (draft.level2, level2Points) = (name, points)
    }
    if draft.name == nil {
      notes.append(ReadingNote(place: .indicator(index), field: .indicatorName, problem: .missingName(found: draft.nameFound)))
    }
    if let points = level1Points, let level1 = draft.level1 {
      keep(LevelWeight(level1: level1.string, level2: nil, points: points))
    }
    if let points = level2Points, let level2 = draft.level2 {
      keep(LevelWeight(level1: draft.level1?.string ?? "", level2: level2.string, points: points))
    }
    // The texts move out of the draft (`take`), which the next row replaces: no reference is counted twice.
    indicators.append(
      Indicator(
        index: index, level1: draft.level1.take(), level2: draft.level2.take(), name: draft.name.take() ?? Self.noName,
        weight: draft.weight, target: draft.target.take(), actual: draft.actual.take(),
        claimedCompletion: draft.claimedCompletion, claimedScore: draft.claimedScore, ruleText: draft.rule.take(),
        basis: draft.basis.take(), lastYear: draft.lastYear.take(), evidence: draft.evidence.take(),
        explanation: draft.explanation.take(), location: draft.takeLocation()))
  }

  /// The set of optional columns each combination of their bits names (`Indicator.OptionalColumn.bit`, six
  /// bits), made once: a table takes its set from here, shared, instead of hashing its columns into a new one
  /// (an array and a set allocated, 3 K instructions a table).
  static let columnSets: [Set<Indicator.OptionalColumn>] = {
    let columns = Indicator.OptionalColumn.allCases
    return (0..<64).map { bits in Set(columns.filter { Int($0.bit) & bits != 0 }) }
  }()

  /// The name of a row that prints none, made once.
  private static let noName = TableText("")

  /// A level's points, once: a merged cell prints them once, a flat export on every row.
  private mutating func keep(_ weight: LevelWeight) {
    guard !levelWeights.contains(where: { $0.level1 == weight.level1 && $0.level2 == weight.level2 }) else { return }
    levelWeights.append(weight)
  }

  private mutating func updateSource(_ change: (inout Funds.Source) -> Void) {
    if !hasFunds || funds.sources.isEmpty { beginSource() }
    change(&funds.sources[funds.sources.count - 1])
  }

  // MARK: Rules of the table's own fields

  static let kinds: [(String, (Table.Kind, Bool))] = [
    ("project", (.project, false)), ("unit", (.unit, false)),
    ("project-target", (.project, true)), ("unit-target", (.unit, true)),
  ]

  /// The kind a (trimmed) text names, compared byte for byte with the four names: ASCII, so byte equality is
  /// `String` equality, without hashing the text.
  static func kind(_ text: String) -> (Table.Kind, Bool)? {
    kinds.first { $0.0.hasSameBytes(as: text) }?.1
  }

  /// A printed 自评等级: `.some(nil)` when blank, `nil` when it is no grade.
  static func claimedGrade(_ printed: String) -> Grade?? {
    if CellGrammar.isEmptyMark(printed.trimmingSpaces()) { return .some(nil) }
    return Grade(printed: printed).map { .some($0) }
  }

  /// A printed year (`2023`, `"2023年度"`); `nil` when it has not exactly four digits. The usual year, four
  /// ASCII digits and nothing else (a JSON number), is read on its bytes; any other text by the definition,
  /// `yearByCharacters` (`TableBuilderTests.aYearReadsAsItsDefinition`).
  static func year(_ text: String) -> Int? {
    let plain = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
      guard bytes.count == 4, bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
      return bytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
    return plain.flatMap { $0 } ?? yearByCharacters(text)
  }

  /// `year`'s definition: the ASCII digits of the normalized text, exactly four of them.
  static func yearByCharacters(_ text: String) -> Int? {
    let digits = CellGrammar.normalize(text).filter { $0.isASCII && $0.isNumber }
    guard digits.count == 4 else { return nil }
    return Int(digits)
  }

  /// The money unit a text names (`元`, `万元`, `金额单位：元`, `单位:万元`, `（元）`), or nil when it names none.
  static func amountUnit(_ printed: String) -> Unit? {
    // A year's forms give the same few units in every table: those are read once (`readAmountUnit`).
    if let common = commonAmountUnits.first(where: { $0.text.hasSameBytes(as: printed) }) { return common.unit }
    return readAmountUnit(printed)
  }

  static let commonAmountUnits: [(text: String, unit: Unit?)] = ["万元", "元", "亿元", "千元"].map { ($0, readAmountUnit($0)) }

  /// `amountUnit`, read from the text.
  static func readAmountUnit(_ printed: String) -> Unit? {
    var text = CellGrammar.normalize(printed).filter { !$0.isWhitespace }
    if let colon = text.lastIndex(where: { $0 == ":" || $0 == "：" }) {
      guard text[..<colon].hasSuffix("单位") else { return nil }
      text = String(text[text.index(after: colon)...])
    }
    text = text.trimmingCharacters(in: ["(", ")", "（", "）"])
    let unit = Unit(text)
    guard let money = unit.money, money.suffix.isEmpty else { return nil }
    return unit
  }

  /// The default name of the n-th 资金来源 row that prints none.
  static func sourceName(_ offset: Int) -> String { "资金来源\(offset + 1)" }

  private static func isBlank(_ value: Value) -> Bool {
    switch value {
    case .text(let text): isBlank(text)
    case .null: true
    case .number, .other: false
    }
  }

  @inline(__always) static func isBlank(_ text: String) -> Bool { text.isBlankText }

  /// A text as a finding quotes it: at most `UnreadableNumber.maximumTextLength` characters.
  static func quoted(_ text: String) -> String {
    text.count > UnreadableNumber.maximumTextLength ? String(text.prefix(UnreadableNumber.maximumTextLength)) + "…" : text
  }
}

// The public initializer lives in an extension so that the struct keeps its memberwise one: a builder made
// field by field was built aside, copied whole into place and the original destroyed (1.5 K instructions
// a table); made through the memberwise initializer it is built in place.
extension TableBuilder {
  public init(
    location: SourceLocation, defaultID: String, sourceEncoding: SourceEncoding = .utf8, recordingProvenance: Bool = false
  ) {
    self.init(
      location: location, defaultID: defaultID, sourceEncoding: sourceEncoding, indicatorsLocation: location,
      provenance: recordingProvenance ? [] : nil, draft: IndicatorCells(location: location))
    indicators.reserveCapacity(24)
  }
}
