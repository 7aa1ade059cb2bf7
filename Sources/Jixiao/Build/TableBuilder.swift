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
  public enum Value: Sendable {
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
  }

  private let location: SourceLocation
  private let defaultID: String
  private let sourceEncoding: SourceEncoding
  /// Where the indicators are, for the refusal of a table without any.
  public var indicatorsLocation: SourceLocation
  /// Every value's provenance, in reading order, when the builder was made to record it.
  public private(set) var provenance: [Provenance]?

  /// Whether values' provenance is kept: a reader makes a location for each value only then.
  public var recordsProvenance: Bool { provenance != nil }

  private var id: String?
  private var kind = Table.Kind.project
  private var isTargetTable = false
  private var year: Int?
  private var name: String?
  private var nameFound: ReadingNote.Problem?
  private var department: String?
  private var implementer: String?
  private var claimedTotal: Rational?
  private var claimedGrade: Grade?
  private var funds: Funds?
  private var indicators: [Indicator] = []
  private var current: IndicatorDraft?
  private var columns: UInt8 = 0
  private var unreadableNumbers: [UnreadableNumber] = []
  private var notes: [ReadingNote] = []
  private var levelWeights: [LevelWeight] = []
  private var refusal: InputError?
  /// By field, a value other than null or blank was set (table and funds fields).
  private var given: UInt64 = 0

  public init(
    location: SourceLocation, defaultID: String, sourceEncoding: SourceEncoding = .utf8, recordingProvenance: Bool = false
  ) {
    self.location = location
    self.defaultID = defaultID
    self.sourceEncoding = sourceEncoding
    self.indicatorsLocation = location
    self.provenance = recordingProvenance ? [] : nil
    indicators.reserveCapacity(24)
  }

  /// One indicator row in the making: its values as read so far.
  private struct IndicatorDraft {
    var location: SourceLocation
    var level1: String?
    var level2: String?
    var level1Points: Rational?
    var level2Points: Rational?
    var name: String?
    var nameFound: ReadingNote.Problem?
    var weight: Rational?
    var target: String?
    var actual: String?
    var claimedCompletion: Rational?
    var claimedScore: Rational?
    var rule: String?
    var basis: String?
    var lastYear: String?
    var evidence: String?
    var explanation: String?
    /// Some value of the row was printed: a row with none (a blank CSV row, `{}`) is no indicator.
    var printed = false
  }

  // MARK: Parts

  /// The next indicator row; the values set from now on until the next row are its.
  public mutating func beginIndicator(at location: SourceLocation) {
    finishIndicator()
    if indicators.count >= Limits.maximumIndicators, refusal == nil {
      refusal = InputError(
        indicatorsLocation,
        "more than \(Limits.maximumIndicators) indicators in one table; at most \(Limits.maximumIndicators) are read (split the table)"
      )
    }
    current = IndicatorDraft(location: location)
  }

  /// The funds block (项目资金); a second call goes on with the same block.
  public mutating func beginFunds() {
    if funds == nil { funds = Funds(annualBudget: nil, executed: nil) }
  }

  /// The next 资金来源 row of the funds block; named 资金来源N until a name is set.
  public mutating func beginSource() {
    beginFunds()
    let name = Self.sourceName(funds?.sources.count ?? 0)
    funds?.sources.append(Funds.Source(name: name, initialBudget: nil, annualBudget: nil, executed: nil))
  }

  /// A column the reader does not know, which this table fills: reported once (`column.ignored`).
  public mutating func ignoreColumn(header: String, column: String) {
    notes.append(ReadingNote(place: .table, field: nil, problem: .ignoredColumn(header: header, column: column)))
  }

  /// A cell of a structural row (the total row, the funds row of a flat CSV) that is not read.
  public mutating func ignoreCell(row: ReadingNote.StructuralRow, header: String, text: String) {
    notes.append(ReadingNote(place: .table, field: nil, problem: .ignoredCell(row: row, header: header, text: Self.quoted(text))))
  }

  /// Whether a field of the table or of the funds block has been given a value, read or refused (a reader
  /// that finds the field on several rows takes the first).
  public func hasValue(_ field: TableField) -> Bool {
    given & (1 << UInt64(field.rawValue)) != 0
  }

  // MARK: Values

  /// Reads `value` by the rule of `field` into the part it belongs to.
  public mutating func set(_ field: TableField, _ value: Value, at location: SourceLocation? = nil) {
    if let location, provenance != nil {
      let value = Provenance(field: field, place: place(of: field), location: location)
      provenance?.append(value)
    }
    markColumn(field)
    if field.place == .table || field.place == .funds, !Self.isBlank(value) { given |= 1 << UInt64(field.rawValue) }
    switch field.value {
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
      switch value {
      case .text(let printed): setText(field, printed)
      case .number(let literal): setText(field, literal)
      case .null: break
      case .other(let shown): refuseText(field, .unreadable(text: shown))
      }
    }
  }

  /// A number field from the bytes of a JSON record (the direct decoder's path, which makes no string for
  /// a plain number): a string's bytes when `quoted`, else a number literal. Read as `set` reads it.
  mutating func setNumber(_ field: TableField, utf8 bytes: UnsafeBufferPointer<UInt8>, quoted: Bool) {
    guard case .number(let kind) = field.value else { return }
    markColumn(field)
    if field.place == .table || field.place == .funds { given |= 1 << UInt64(field.rawValue) }
    if quoted {
      if let value = PrintedNumber.plainDecimal(bytes, as: kind) { return store(field, .value(value)) }
      store(field, PrintedNumber.read(String(decoding: bytes, as: UTF8.self), as: kind))
    } else {
      // Without an exponent a JSON number is a plain decimal.
      if kind != .rate, !bytes.contains(where: { $0 | 0x20 == UInt8(ascii: "e") }),
        let value = Rational(decimalBytes: bytes[...]),
        PrintedNumber.isInRange(value)
      {
        return store(field, .value(value))
      }
      store(field, PrintedNumber.read(jsonNumber: String(decoding: bytes, as: UTF8.self), as: kind))
    }
  }

  private mutating func markColumn(_ field: TableField) {
    if let column = Self.optionalColumns[field.rawValue] { columns |= 1 << column }
  }

  /// Which optional column each field is, as a bit of `columns`.
  private static let optionalColumns: [Int?] = TableField.allCases.map { field in
    Indicator.OptionalColumn.allCases.firstIndex { field.place == .indicator && $0.rawValue == field.declaration.member }
  }

  private func place(of field: TableField) -> UnreadableNumber.Place {
    switch field.place {
    case .table: .table
    case .funds: .funds
    case .source: .source(funds?.sources.count ?? 0)
    case .indicator: .indicator(indicators.count + 1)
    }
  }

  private mutating func store(_ field: TableField, _ reading: NumberReading) {
    let value: Rational?
    switch reading {
    case .absent: value = nil
    case .value(let number): value = number
    case .refused(let refusal, let text):
      if let numberField = NumberField(field) {
        unreadableNumbers.append(UnreadableNumber(place: place(of: field), field: numberField, text: text, refusal: refusal))
      }
      value = nil
      if field.place == .indicator { draft.printed = true }
      return
    }
    if field.place == .indicator, value != nil { draft.printed = true }
    switch field {
    case .claimedTotal: claimedTotal = value
    case .fundsInitialBudget: fundsBlock.initialBudget = value
    case .fundsAnnualBudget: fundsBlock.annualBudget = value
    case .fundsExecuted: fundsBlock.executed = value
    case .fundsWeight: fundsBlock.weight = value
    case .fundsClaimedRate: fundsBlock.claimedRate = value
    case .fundsClaimedScore: fundsBlock.claimedScore = value
    case .sourceInitialBudget: updateSource { $0.initialBudget = value }
    case .sourceAnnualBudget: updateSource { $0.annualBudget = value }
    case .sourceExecuted: updateSource { $0.executed = value }
    case .weight: draft.weight = value
    case .claimedCompletion: draft.claimedCompletion = value
    case .claimedScore: draft.claimedScore = value
    default: break
    }
  }

  private mutating func setText(_ field: TableField, _ printed: String) {
    // Characters are never more than bytes: counting characters is needed only for long texts.
    let bytes = printed.utf8.count
    if bytes > Limits.maximumCellLength {
      let characters = printed.count
      if characters > Limits.maximumCellLength { return refuseText(field, .tooLong(characters: characters)) }
    }
    let blank = Self.isBlank(printed)
    if field.place == .indicator, !blank { draft.printed = true }
    switch field {
    case .id: id = printed
    case .kind:
      guard !blank else { return }
      guard let known = Self.kinds[printed.trimmingSpaces()] else { return refuseText(field, .unreadable(text: printed)) }
      (kind, isTargetTable) = known
    case .year:
      guard !blank else { return }
      guard let value = Self.year(printed) else { return refuseText(field, .unreadable(text: printed)) }
      year = value
    case .claimedGrade:
      guard let grade = Self.claimedGrade(printed) else { return refuseText(field, .unreadable(text: printed)) }
      claimedGrade = grade
    case .name: name = blank ? nil : printed
    case .department: department = printed
    case .implementer: implementer = printed
    case .sourceName: updateSource { $0.name = printed }
    case .level1, .level2:
      var text = printed
      var points: Rational?
      if let split = LevelLabel.split(printed) { (text, points) = split }
      if field == .level1 {
        draft.level1 = text
        draft.level1Points = points
      } else {
        draft.level2 = text
        draft.level2Points = points
      }
    case .indicatorName: draft.name = blank ? nil : printed
    case .target: draft.target = printed
    case .actual: draft.actual = printed
    case .rule: draft.rule = printed
    case .basis: draft.basis = printed
    case .lastYear: draft.lastYear = printed
    case .evidence: draft.evidence = printed
    case .explanation: draft.explanation = printed
    default: break
    }
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
      if field.place == .indicator { draft.printed = true }
      notes.append(ReadingNote(place: place(of: field), field: field, problem: problem))
    }
  }

  // MARK: The table

  /// The table, or why there is none: no indicator could be read, or a limit was passed.
  public mutating func build() -> Result<Table, InputError> {
    finishIndicator()
    if let refusal { return .failure(refusal) }
    guard !indicators.isEmpty else {
      return .failure(
        InputError(
          indicatorsLocation,
          "the table has no indicator; a table is scored from its 三级指标 rows (each with a name, weight, target or actual)"))
    }
    if name == nil { notes.append(ReadingNote(place: .table, field: .name, problem: .missingName(found: nameFound))) }
    return .success(
      Table(
        id: id ?? defaultID, kind: kind, isTargetTable: isTargetTable, year: year, name: name ?? "",
        department: department, implementer: implementer, funds: funds, indicators: indicators,
        claimedTotal: claimedTotal, claimedGrade: claimedGrade,
        columns: Set(Indicator.OptionalColumn.allCases.enumerated().filter { columns & (1 << $0.offset) != 0 }.map(\.element)),
        unreadableNumbers: unreadableNumbers, notes: notes, levelWeights: levelWeights, location: location,
        sourceEncoding: sourceEncoding))
  }

  private mutating func finishIndicator() {
    guard let row = current else { return }
    current = nil
    guard row.printed else { return }
    let index = indicators.count + 1
    if row.name == nil {
      notes.append(ReadingNote(place: .indicator(index), field: .indicatorName, problem: .missingName(found: row.nameFound)))
    }
    indicators.append(
      Indicator(
        index: index, level1: row.level1, level2: row.level2, name: row.name ?? "", weight: row.weight, target: row.target,
        actual: row.actual, claimedCompletion: row.claimedCompletion, claimedScore: row.claimedScore, ruleText: row.rule,
        basis: row.basis, lastYear: row.lastYear, evidence: row.evidence, explanation: row.explanation,
        location: row.location))
    if let points = row.level1Points, let level1 = row.level1 {
      keep(LevelWeight(level1: level1, level2: nil, points: points))
    }
    if let points = row.level2Points, let level2 = row.level2 {
      keep(LevelWeight(level1: row.level1 ?? "", level2: level2, points: points))
    }
  }

  /// A level's points, once: a merged cell prints them once, a flat export on every row.
  private mutating func keep(_ weight: LevelWeight) {
    guard !levelWeights.contains(where: { $0.level1 == weight.level1 && $0.level2 == weight.level2 }) else { return }
    levelWeights.append(weight)
  }

  /// The indicator being read; a value before any row begins one.
  private var draft: IndicatorDraft {
    get { current ?? IndicatorDraft(location: location) }
    _modify {
      if current == nil { current = IndicatorDraft(location: location) }
      yield &current!
    }
  }

  /// The funds block; a value before it begins begins it.
  private var fundsBlock: Funds {
    get { funds ?? Funds(annualBudget: nil, executed: nil) }
    _modify {
      beginFunds()
      yield &funds!
    }
  }

  private mutating func updateSource(_ change: (inout Funds.Source) -> Void) {
    if funds?.sources.isEmpty ?? true { beginSource() }
    let last = funds!.sources.count - 1
    change(&funds!.sources[last])
  }

  // MARK: Rules of the table's own fields

  static let kinds: [String: (Table.Kind, Bool)] = [
    "project": (.project, false), "unit": (.unit, false),
    "project-target": (.project, true), "unit-target": (.unit, true),
  ]

  /// A printed 自评等级: `.some(nil)` when blank, `nil` when it is no grade.
  static func claimedGrade(_ printed: String) -> Grade?? {
    if CellGrammar.isEmptyMark(printed.trimmingSpaces()) { return .some(nil) }
    return Grade(printed: printed).map { .some($0) }
  }

  /// A printed year (`2023`, `"2023年度"`); `nil` when it has not exactly four digits.
  static func year(_ text: String) -> Int? {
    let digits = CellGrammar.normalize(text).filter { $0.isASCII && $0.isNumber }
    guard digits.count == 4 else { return nil }
    return Int(digits)
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

  static func isBlank(_ text: String) -> Bool { text.isBlankText }

  /// A text as a finding quotes it: at most `UnreadableNumber.maximumTextLength` characters.
  static func quoted(_ text: String) -> String {
    text.count > UnreadableNumber.maximumTextLength ? String(text.prefix(UnreadableNumber.maximumTextLength)) + "…" : text
  }
}
