import Foundation

/// Decodes a table straight from the bytes of one JSON record, without building a `JSONValue` tree:
/// the batch's hot path. It reads only what is plainly well-formed (no escapes, no error of any
/// kind) and gives up on anything else, returning `nil`, so that `JSONParser` and `TableDecoder`
/// read that record and give their located error. A record it accepts decodes to exactly the
/// table the general path would build (`DirectTableDecoderTests`: every fixture, every malformed
/// case, every one-byte deletion and substitution of a record; the differential `Fuzz/FuzzReader.swift`).
struct DirectTableDecoder {
  /// The record needs the general path.
  struct GiveUp: Error {}

  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  private var line: Int
  private var memberOrder = MemberOrder()

  private init(bytes: UnsafeBufferPointer<UInt8>, firstLine: Int) {
    self.bytes = bytes
    self.line = firstLine
  }

  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at location: SourceLocation, defaultID: String) -> Table? {
    var decoder = DirectTableDecoder(bytes: bytes, firstLine: location.line ?? 1)
    return try? decoder.table(at: location, defaultID: defaultID)
  }

  // MARK: The table

  private mutating func table(at location: SourceLocation, defaultID: String) throws(GiveUp) -> Table {
    skipWhitespace()
    var id: String?
    var kind: (Table.Kind, Bool) = (.project, false)
    var year: Int?
    var name: String?
    var department: String?
    var implementer: String?
    var funds: Funds?
    var indicators: [Indicator]?
    var columns = Set<Indicator.OptionalColumn>()
    var claimedTotal: Rational?
    var claimedGrade: Grade?
    try members { (field, decoder) throws(GiveUp) in
      switch field {
      case .id: id = try decoder.text()
      case .kind:
        if let text = try decoder.text() {
          guard let known = TableDecoder.kinds[text.trimmingSpaces()] else { throw GiveUp() }
          kind = known
        }
      case .year:
        if let text = try decoder.text() {
          guard let value = TableDecoder.year(text) else { throw GiveUp() }
          year = value
        }
      case .name: name = try decoder.text()
      case .department: department = try decoder.text()
      case .implementer: implementer = try decoder.text()
      case .funds: funds = try decoder.funds()
      case .indicators: indicators = try decoder.indicators(location: location, columns: &columns)
      case .claimedTotal: claimedTotal = try decoder.number(.points)
      case .claimedGrade:
        if let printed = try decoder.text() {
          guard let grade = TableDecoder.claimedGrade(printed) else { throw GiveUp() }
          claimedGrade = grade
        }
      default: try decoder.skipValue(depth: 1)
      }
    }
    skipWhitespace()
    guard index == bytes.count, let name, !name.trimmingSpaces().isEmpty, let indicators else { throw GiveUp() }
    return Table(
      id: id ?? defaultID, kind: kind.0, isTargetTable: kind.1, year: year, name: name, department: department,
      implementer: implementer, funds: funds, indicators: indicators, claimedTotal: claimedTotal,
      claimedGrade: claimedGrade, columns: columns, location: location)
  }

  private mutating func funds() throws(GiveUp) -> Funds? {
    if try null() { return nil }
    var result = Funds(annualBudget: nil, executed: nil)
    try members { (field, decoder) throws(GiveUp) in
      switch field {
      case .initialBudget: result.initialBudget = try decoder.number(.amount)
      case .annualBudget: result.annualBudget = try decoder.number(.amount)
      case .executed: result.executed = try decoder.number(.amount)
      case .weight: result.weight = try decoder.number(.points)
      case .claimedRate: result.claimedRate = try decoder.number(.rate)
      case .claimedScore: result.claimedScore = try decoder.number(.points)
      case .sources: result.sources = try decoder.sources()
      default: try decoder.skipValue(depth: 2)
      }
    }
    return result
  }

  private mutating func sources() throws(GiveUp) -> [Funds.Source] {
    var sources: [Funds.Source] = []
    try elements { (decoder) throws(GiveUp) in
      var name: String?
      var source = Funds.Source(name: "", initialBudget: nil, annualBudget: nil, executed: nil)
      try decoder.members { (field, decoder) throws(GiveUp) in
        switch field {
        case .name: name = try decoder.text()
        case .initialBudget: source.initialBudget = try decoder.number(.amount)
        case .annualBudget: source.annualBudget = try decoder.number(.amount)
        case .executed: source.executed = try decoder.number(.amount)
        default: try decoder.skipValue(depth: 4)
        }
      }
      source.name = name ?? TableDecoder.sourceName(sources.count)
      sources.append(source)
    }
    return sources
  }

  private mutating func indicators(location: SourceLocation, columns: inout Set<Indicator.OptionalColumn>) throws(GiveUp)
    -> [Indicator]
  {
    var indicators: [Indicator] = []
    indicators.reserveCapacity(24)
    var present: UInt64 = 0
    var repeated = RepeatedText()
    defer {
      for column in Indicator.OptionalColumn.allCases where present & Field(column).bit != 0 { columns.insert(column) }
    }
    try elements { (decoder) throws(GiveUp) in
      guard indicators.count < Limits.maximumIndicators else { throw GiveUp() }
      var itemLocation = location.field(Self.indicatorPath(indicators.count + 1))
      itemLocation.line = decoder.line
      var level1: String?
      var level2: String?
      var name: String?
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
      try decoder.members { (field, decoder) throws(GiveUp) in
        present |= field.bit
        switch field {
        case .level1: level1 = try decoder.text(field, reusing: &repeated)
        case .level2: level2 = try decoder.text(field, reusing: &repeated)
        case .name: name = try decoder.text()
        case .weight: weight = try decoder.number(.points)
        case .target: target = try decoder.text()
        case .actual: actual = try decoder.text()
        case .claimedCompletion: claimedCompletion = try decoder.number(.rate)
        case .claimedScore: claimedScore = try decoder.number(.points)
        case .rule: rule = try decoder.text(field, reusing: &repeated)
        case .basis: basis = try decoder.text(field, reusing: &repeated)
        case .lastYear: lastYear = try decoder.text(field, reusing: &repeated)
        case .evidence: evidence = try decoder.text(field, reusing: &repeated)
        case .explanation: explanation = try decoder.text(field, reusing: &repeated)
        default: try decoder.skipValue(depth: 3)
        }
      }
      guard let name, !name.trimmingSpaces().isEmpty else { throw GiveUp() }
      indicators.append(
        Indicator(
          index: indicators.count + 1, level1: level1, level2: level2, name: name, weight: weight, target: target,
          actual: actual, claimedCompletion: claimedCompletion, claimedScore: claimedScore, ruleText: rule, basis: basis,
          lastYear: lastYear, evidence: evidence, explanation: explanation, location: itemLocation))
    }
    return indicators
  }

  /// `indicators[n]`, made once for the usual positions.
  private static let indicatorPaths = (0...64).map { "indicators[\($0)]" }

  private static func indicatorPath(_ position: Int) -> String {
    position < indicatorPaths.count ? indicatorPaths[position] : "indicators[\(position)]"
  }

  // MARK: Members and elements

  /// The member names the decoder knows, in every object it reads; any other member is skipped.
  enum Field: Int, CaseIterable {
    case id, kind, year, name, department, implementer, funds, indicators, claimedTotal, claimedGrade
    case initialBudget, annualBudget, executed, weight, claimedRate, claimedScore, sources
    case level1, level2, target, actual, claimedCompletion, rule, basis, lastYear, evidence, explanation
    case unknown

    /// The member that holds an optional column.
    init(_ column: Indicator.OptionalColumn) {
      self =
        switch column {
        case .evidence: .evidence
        case .explanation: .explanation
        case .claimedCompletion: .claimedCompletion
        case .rule: .rule
        case .basis: .basis
        case .lastYear: .lastYear
        }
    }

    var bit: UInt64 { 1 << UInt64(rawValue) }

    /// Every known name as bytes, by field.
    private static let names: [[UInt8]] = allCases.map { $0 == .unknown ? [] : Array("\($0)".utf8) }

    /// Every known name as it opens a member, `"name":`, by field.
    static let quotedNames: [[UInt8]] = names.map { $0.isEmpty ? [] : [UInt8(ascii: "\"")] + $0 + Array("\":".utf8) }

    /// The one candidate a key's length and first byte leave, confirmed byte for byte: member names
    /// are read for every cell, and this is a switch and one comparison. A case added to `Field`
    /// must be added here too (`memberNamesAreReadExactly` fails until it is).
    init(_ key: Slice<UnsafeBufferPointer<UInt8>>) {
      guard let first = key.first else {
        self = .unknown
        return
      }
      let candidate: Field
      switch (key.count, first) {
      case (2, UInt8(ascii: "i")): candidate = .id
      case (4, UInt8(ascii: "k")): candidate = .kind
      case (4, UInt8(ascii: "y")): candidate = .year
      case (4, UInt8(ascii: "n")): candidate = .name
      case (4, UInt8(ascii: "r")): candidate = .rule
      case (5, UInt8(ascii: "f")): candidate = .funds
      case (5, UInt8(ascii: "b")): candidate = .basis
      case (6, UInt8(ascii: "w")): candidate = .weight
      case (6, UInt8(ascii: "t")): candidate = .target
      case (6, UInt8(ascii: "a")): candidate = .actual
      case (6, UInt8(ascii: "l")): candidate = key.last == UInt8(ascii: "1") ? .level1 : .level2
      case (7, UInt8(ascii: "s")): candidate = .sources
      case (8, UInt8(ascii: "e")): candidate = key.dropFirst().first == UInt8(ascii: "x") ? .executed : .evidence
      case (8, UInt8(ascii: "l")): candidate = .lastYear
      case (10, UInt8(ascii: "d")): candidate = .department
      case (10, UInt8(ascii: "i")): candidate = .indicators
      case (11, UInt8(ascii: "i")): candidate = .implementer
      case (11, UInt8(ascii: "e")): candidate = .explanation
      case (11, UInt8(ascii: "c")): candidate = .claimedRate
      case (12, UInt8(ascii: "a")): candidate = .annualBudget
      case (12, UInt8(ascii: "c")):
        // claimedTotal, claimedGrade, claimedScore: the eighth byte tells them apart.
        switch key[key.startIndex + 7] {
        case UInt8(ascii: "T"): candidate = .claimedTotal
        case UInt8(ascii: "G"): candidate = .claimedGrade
        default: candidate = .claimedScore
        }
      case (13, UInt8(ascii: "i")): candidate = .initialBudget
      case (17, UInt8(ascii: "c")): candidate = .claimedCompletion
      default: candidate = .unknown
      }
      guard candidate != .unknown else {
        self = .unknown
        return
      }
      let name = Self.names[candidate.rawValue]
      self = name.count == key.count && UnsafeBufferPointer(rebasing: key).hasBytes(name, at: 0) ? candidate : .unknown
    }
  }

  /// The order members came in: a record's indicators print theirs in the same order row after row,
  /// so the member that followed this one last time is tried first, as the bytes `"name":`.
  struct MemberOrder {
    /// By previous field (`Field.allCases.count` at the start of an object), the field that came next.
    private var next = [Field](repeating: .unknown, count: start + 1)

    static let start = Field.allCases.count

    func predicted(after previous: Int) -> Field { next[previous] }

    mutating func record(_ field: Field, after previous: Int) { next[previous] = field }
  }

  /// Reads an object, handing each member's field to `body` with the cursor on its value.
  /// A repeated member gives up (the general path names it).
  private mutating func members(_ body: (Field, inout DirectTableDecoder) throws(GiveUp) -> Void) throws(GiveUp) {
    try expect(UInt8(ascii: "{"))
    var seen: UInt64 = 0
    var unknownKeys: [Slice<UnsafeBufferPointer<UInt8>>] = []
    var previous = MemberOrder.start
    skipWhitespace()
    if try consume(UInt8(ascii: "}")) { return }
    while true {
      skipWhitespace()
      let field: Field
      let predicted = memberOrder.predicted(after: previous)
      if predicted != .unknown, bytes.hasBytes(Field.quotedNames[predicted.rawValue], at: index) {
        // `"name":` is exactly what reading the key, then the colon, would have accepted.
        field = predicted
        index += Field.quotedNames[predicted.rawValue].count
      } else {
        let key = try rawString()
        field = Field(key)
        if field == .unknown {
          guard UTF8Validation.isValid(UnsafeBufferPointer(rebasing: key)),
            !unknownKeys.contains(where: { $0.elementsEqual(key) })
          else { throw GiveUp() }
          unknownKeys.append(key)
        }
        memberOrder.record(field, after: previous)
        skipWhitespace()
        try expect(UInt8(ascii: ":"))
      }
      if field != .unknown {
        guard seen & field.bit == 0 else { throw GiveUp() }
        seen |= field.bit
      }
      previous = field.rawValue
      skipWhitespace()
      try body(field, &self)
      skipWhitespace()
      if try consume(UInt8(ascii: ",")) { continue }
      try expect(UInt8(ascii: "}"))
      return
    }
  }

  /// Reads an array (or `null`, as none), handing each element to `body`.
  private mutating func elements(_ body: (inout DirectTableDecoder) throws(GiveUp) -> Void) throws(GiveUp) {
    if try null() { return }
    try expect(UInt8(ascii: "["))
    skipWhitespace()
    if try consume(UInt8(ascii: "]")) { return }
    while true {
      skipWhitespace()
      try body(&self)
      skipWhitespace()
      if try consume(UInt8(ascii: ",")) { continue }
      try expect(UInt8(ascii: "]"))
      return
    }
  }

  // MARK: Values

  /// The last text read for each field of an indicator: a table repeats its level names, rules and
  /// evidence row after row, and a repeat is then one comparison instead of a new string.
  struct RepeatedText {
    private var last: [(raw: Slice<UnsafeBufferPointer<UInt8>>, text: String)?] = Array(
      repeating: nil, count: Field.allCases.count)

    mutating func text(_ raw: Slice<UnsafeBufferPointer<UInt8>>, for field: Field) throws(GiveUp) -> String {
      if let previous = last[field.rawValue], previous.raw.count == raw.count,
        raw.isEmpty
          || memcmp(previous.raw.base.baseAddress! + previous.raw.startIndex, raw.base.baseAddress! + raw.startIndex, raw.count)
            == 0
      {
        return previous.text
      }
      let text = try DirectTableDecoder.string(raw)
      last[field.rawValue] = (raw, text)
      return text
    }
  }

  /// A string's bytes as text. Longer text is counted in characters by the general path, which refuses
  /// or keeps it.
  static func string(_ raw: Slice<UnsafeBufferPointer<UInt8>>) throws(GiveUp) -> String {
    guard raw.count <= Limits.maximumCellLength, let text = UTF8Validation.string(UnsafeBufferPointer(rebasing: raw)) else {
      throw GiveUp()
    }
    return text
  }

  /// A text field: a string as it is, a number as its literal, `null` as absent.
  private mutating func text() throws(GiveUp) -> String? {
    try text { raw throws(GiveUp) in try Self.string(raw) }
  }

  /// A text field that often repeats the same field of the previous indicator.
  private mutating func text(_ field: Field, reusing repeated: inout RepeatedText) throws(GiveUp) -> String? {
    try text { raw throws(GiveUp) in try repeated.text(raw, for: field) }
  }

  private mutating func text(_ string: (Slice<UnsafeBufferPointer<UInt8>>) throws(GiveUp) -> String) throws(GiveUp) -> String? {
    guard index < bytes.count else { throw GiveUp() }
    switch bytes[index] {
    case UInt8(ascii: "\""): return try string(try rawString())
    case UInt8(ascii: "n"):
      try literal("null")
      return nil
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return String(decoding: try numberLiteral(), as: UTF8.self)
    default: throw GiveUp()
    }
  }

  /// A number field: a JSON number, or a printed number (`"10.00分"`, `"100%"`), `null` as absent. A
  /// number the grammar refuses gives up: the general path keeps it as an `UnreadableNumber`.
  private mutating func number(_ kind: NumberKind) throws(GiveUp) -> Rational? {
    guard index < bytes.count else { throw GiveUp() }
    let reading: NumberReading
    switch bytes[index] {
    case UInt8(ascii: "\""):
      let start = index
      let raw = try rawString()
      if let value = PrintedNumber.plainDecimal(UnsafeBufferPointer(rebasing: raw), as: kind) { return value }
      index = start
      guard let printed = try text() else { return nil }
      reading = PrintedNumber.read(printed, as: kind)
    case UInt8(ascii: "n"):
      try literal("null")
      return nil
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      let literal = try numberLiteral()
      // Without an exponent a JSON number is a plain decimal.
      if kind != .rate, !literal.contains(where: { $0 | 0x20 == UInt8(ascii: "e") }), let value = Rational(decimalBytes: literal),
        PrintedNumber.isInRange(value)
      {
        return value
      }
      reading = PrintedNumber.read(jsonNumber: String(decoding: literal, as: UTF8.self), as: kind)
    default: throw GiveUp()
    }
    switch reading {
    case .absent: return nil
    case .value(let value): return value
    case .refused: throw GiveUp()
    }
  }

  private mutating func null() throws(GiveUp) -> Bool {
    guard index < bytes.count, bytes[index] == UInt8(ascii: "n") else { return false }
    try literal("null")
    return true
  }

  /// Validates and skips a value the table does not read (`source`, `goals`).
  private mutating func skipValue(depth: Int) throws(GiveUp) {
    guard index < bytes.count, depth < JSONParser.maximumDepth else { throw GiveUp() }
    switch bytes[index] {
    case UInt8(ascii: "\""):
      guard UTF8Validation.isValid(UnsafeBufferPointer(rebasing: try rawString())) else { throw GiveUp() }
    case UInt8(ascii: "{"): try members { (_, decoder) throws(GiveUp) in try decoder.skipValue(depth: depth + 1) }
    case UInt8(ascii: "["): try elements { (decoder) throws(GiveUp) in try decoder.skipValue(depth: depth + 1) }
    case UInt8(ascii: "t"): try literal("true")
    case UInt8(ascii: "f"): try literal("false")
    case UInt8(ascii: "n"): try literal("null")
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try numberLiteral()
    default: throw GiveUp()
    }
  }

  // MARK: Bytes

  /// The bytes between a string's quotes; an escape or a control character gives up.
  private mutating func rawString() throws(GiveUp) -> Slice<UnsafeBufferPointer<UInt8>> {
    try expect(UInt8(ascii: "\""))
    let start = index
    // A local cursor and base address keep the scan in registers.
    guard let base = bytes.baseAddress else { throw GiveUp() }
    let count = bytes.count
    var cursor = start
    while cursor < count {
      let byte = base[cursor]
      if byte == UInt8(ascii: "\"") {
        index = cursor + 1
        return bytes[start..<cursor]
      }
      guard byte != UInt8(ascii: "\\"), byte >= 0x20 else { throw GiveUp() }
      cursor += 1
    }
    throw GiveUp()
  }

  /// A number as RFC 8259 writes it (the parser's own scan).
  private mutating func numberLiteral() throws(GiveUp) -> Slice<UnsafeBufferPointer<UInt8>> {
    let start = index
    guard JSONParser.scanNumber(bytes, &index) == nil else { throw GiveUp() }
    return bytes[start..<index]
  }

  private mutating func literal(_ word: StaticString) throws(GiveUp) {
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count else { throw GiveUp() }
    for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw GiveUp() }
    index += count
  }

  private mutating func skipWhitespace() {
    var lineStart = 0
    JSONParser.skipWhitespace(bytes, &index, line: &line, lineStart: &lineStart)
  }

  private mutating func expect(_ byte: UInt8) throws(GiveUp) {
    guard index < bytes.count, bytes[index] == byte else { throw GiveUp() }
    index += 1
  }

  private mutating func consume(_ byte: UInt8) throws(GiveUp) -> Bool {
    guard index < bytes.count, bytes[index] == byte else { return false }
    index += 1
    return true
  }
}
