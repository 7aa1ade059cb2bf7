import Foundation

/// Decodes a table straight from the bytes of one JSON record, without building a `JSONValue` tree:
/// the batch's hot path. A JSON syntax error it rejects itself, with the message and column `JSONParser`
/// gives (the record is not parsed a second time); a string value with escapes it reads with the parser's own
/// string reader; anything else it does not read (an escaped member name, a value of another type than the
/// field's, an over-long text) it gives up on, returning `nil`, so that `JSONParser`
/// and `TableDecoder` read that record and give their located error. A record it accepts decodes to exactly
/// the table the general path would build, and a record it rejects is rejected with the general path's error
/// (`DirectTableDecoderTests`: every fixture, every malformed case, every one-byte deletion and substitution
/// of a record; the differential `Fuzz/FuzzReader.swift`).
struct DirectTableDecoder {
  /// The record needs the general path (`syntax` nil), or has the JSON syntax error `syntax` at the byte
  /// `position`, which the general parser would report in the same words at the same column.
  struct GiveUp: Error {
    var syntax: (message: Message, position: Int)?
  }

  private let bytes: UnsafeBufferPointer<UInt8>
  /// The record's one retained copy, which its texts are ranges of (`TableText`).
  private let record: RecordBytes
  private var index = 0
  private var line: Int
  /// Where the current line begins, for columns.
  private var lineStart = 0
  /// A member name outside the schema is not ASCII: `JSONParser` finds repeated names by canonical
  /// equivalence, this decoder by bytes, so such a record is left to the general path at its end.
  private var unsure = false
  private var memberOrder = MemberTable.shared.schemaOrder
  private let memberTable = MemberTable.shared

  /// `bytes` are `record`'s, which outlives the decoder.
  private init(bytes: UnsafeBufferPointer<UInt8>, record: RecordBytes, firstLine: Int) {
    self.bytes = bytes
    self.record = record
    self.line = firstLine
  }

  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at location: SourceLocation, defaultID: String) -> Table? {
    guard case .table(let table) = read(bytes, at: location, defaultID: defaultID) else { return nil }
    return table
  }

  /// `read(_:at:defaultID:)` on a copy of `bytes`.
  static func read(
    _ bytes: UnsafeBufferPointer<UInt8>, at location: SourceLocation, defaultID: String
  ) -> TableReader.Record? {
    read(RecordBytes.copying(bytes), at: location, defaultID: defaultID)
  }

  /// The record's table, or its rejection for a JSON syntax error; nil when the general path must read it.
  /// The table's texts are ranges of `record` (the reader's copy of the line: it is not copied again).
  static func read(_ record: RecordBytes, at location: SourceLocation, defaultID: String) -> TableReader.Record? {
    record.withBytes { bytes -> TableReader.Record? in
      var decoder = DirectTableDecoder(bytes: bytes, record: record, firstLine: location.line ?? 1)
      do throws(GiveUp) {
        return .table(try decoder.table(at: location, defaultID: defaultID))
      } catch {
        guard let syntax = error.syntax, !decoder.unsure else { return nil }
        // The error is on the line the decoder stopped on: a string holds no line end.
        let column = syntax.position - decoder.lineStart + 1
        return .rejected(TableReader.syntaxError(syntax.message, column: column, at: location))
      }
    }
  }

  /// A syntax error at `position` (the cursor by default).
  private func syntaxError(_ message: Message, at position: Int? = nil) -> GiveUp {
    GiveUp(syntax: (message, position ?? index))
  }

  /// `unexpected …; expected …` at the cursor, as the general parser words it.
  private func unexpected(expecting expected: Message) -> GiveUp {
    syntaxError(JSONParser.unexpected(bytes, at: index, expecting: expected))
  }

  // MARK: The table

  private mutating func table(at location: SourceLocation, defaultID: String) throws(GiveUp) -> Table {
    skipWhitespace()
    var builder = TableBuilder(location: location, defaultID: defaultID)
    var sawIndicators = false
    var object = try openObject(.table)
    while let member = try nextMember(of: &object) {
      if let field = memberTable.field(member, in: .table) {
        try value(field, into: &builder)
      } else if member == memberTable.funds {
        try funds(into: &builder)
      } else if member == memberTable.goals {
        try goals(into: &builder)
      } else if member == memberTable.indicators {
        sawIndicators = true
        try indicators(into: &builder, location: location)
      } else {
        try skipValue(depth: 1)
      }
    }
    skipWhitespace()
    guard index == bytes.count else {
      throw syntaxError(JSONParser.afterEnd(bytes, at: index))
    }
    guard sawIndicators, !unsure, case .success(let table) = builder.build() else { throw GiveUp() }
    return table
  }

  private mutating func funds(into builder: inout TableBuilder) throws(GiveUp) {
    if try null() { return }
    builder.beginFunds()
    var object = try openObject(.funds)
    while let member = try nextMember(of: &object) {
      if let field = memberTable.field(member, in: .funds) {
        try value(field, into: &builder)
      } else if member == memberTable.sources {
        var list = try openArray()
        while try nextElement(of: &list) {
          builder.beginSource()
          var source = try openObject(.source)
          while let member = try nextMember(of: &source) {
            if let field = memberTable.field(member, in: .source) {
              try value(field, into: &builder)
            } else {
              try skipValue(depth: 4)
            }
          }
        }
      } else {
        try skipValue(depth: 2)
      }
    }
  }

  private mutating func goals(into builder: inout TableBuilder) throws(GiveUp) {
    if try null() { return }
    guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else {
      // Goals that are no object cost the table a note the general path words: its syntax is checked here.
      try skipValue(depth: 1)
      throw GiveUp()
    }
    builder.beginGoals()
    var object = try openObject(.goals)
    while let member = try nextMember(of: &object) {
      if let field = memberTable.field(member, in: .goals) {
        try value(field, into: &builder)
      } else {
        try skipValue(depth: 2)
      }
    }
  }

  private mutating func indicators(into builder: inout TableBuilder, location: SourceLocation) throws(GiveUp) {
    var position = 0
    // The optional columns the rows print, gathered here and handed to the builder once.
    var columns: UInt8 = 0
    defer { builder.markColumns(columns) }
    var list = try openArray()
    while try nextElement(of: &list) {
      position += 1
      var itemLocation = location.field(memberTable.indicatorPath(position))
      itemLocation.line = line
      builder.beginIndicator(at: itemLocation)
      try indicator(into: &builder, columns: &columns)
    }
  }

  /// An indicator's members, each value handed to the builder, the optional columns it prints marked in
  /// `columns`. A string without escapes (nearly every value) is read here and handed over as a range of the
  /// record, `null` and a number too; any other value by `value(_:ofIndicatorInto:)`, which reads every value
  /// the same way. (A function of its own: the optimizer inlines the reading of a member and of its value into
  /// a small loop, not into one that also begins rows.)
  private mutating func indicator(into builder: inout TableBuilder, columns: inout UInt8) throws(GiveUp) {
    var object = try openObject(.indicator)
    while let member = try nextMember(of: &object) {
      let slot = memberTable.indicatorMember(member)
      guard let field = slot.field else {
        try skipValue(depth: 3)
        continue
      }
      columns |= slot.column
      guard index < bytes.count else { throw unexpected(expecting: JSONParser.aValue) }
      switch bytes[index] {
      case UInt8(ascii: "\""):
        // A string without escapes, valid UTF-8 and within a cell's length (nearly every cell), as a range of
        // the record; any other is read (and refused as `text` does) by `value(_:ofIndicatorInto:)`. (Offsets
        // within the record: their sums do not overflow.)
        let start = index &+ 1
        let scan = JSONStringScan.inlinedScan(bytes, from: start)
        guard scan.stop == .quote, scan.isValidUTF8, scan.end &- start <= Limits.maximumCellLength else {
          try value(field, ofIndicatorInto: &builder)
          continue
        }
        index = scan.end &+ 1
        // (A scan ends at or after its start: the range needs no check.)
        let range = Range(uncheckedBounds: (start, scan.end))
        builder.setIndicatorCell(field, record, range, UnsafeBufferPointer(rebasing: bytes[range]), plain: true)
      case UInt8(ascii: "n") where hasNull():
        index &+= 4
      // (`where` binds to one pattern only: the number's first byte is tested as a range.)
      case let first where slot.isNumber && (first == UInt8(ascii: "-") || first &- UInt8(ascii: "0") < 10):
        try number(field, ofIndicatorInto: &builder)
      default:
        try value(field, ofIndicatorInto: &builder)
      }
    }
  }

  /// A number literal of an indicator's number field (its `weight`, nearly always), handed to the builder as
  /// `value(_:ofIndicatorInto:)` hands it. Out of line: a row has one number against ten strings, and the member
  /// loop without the number's reading inlined is the cheaper for its strings (1.4 K instructions a table).
  @inline(never)
  private mutating func number(_ field: TableField, ofIndicatorInto builder: inout TableBuilder) throws(GiveUp) {
    if let (whole, end) = smallWholeNumber(), builder.setIndicatorNumber(field, whole: whole) {
      index = end
      return
    }
    let literal = try numberLiteral()
    builder.setIndicatorNumber(field, literal: UnsafeBufferPointer(rebasing: literal))
  }

  /// A whole number of one or two digits at the cursor (nearly every weight) and where its literal ends: the
  /// literal `numberLiteral` takes there, and the value `PrintedNumber.jsonDecimal` reads in it, told without
  /// either. Nil for any other literal (a sign, a third digit, a fraction, an exponent, `0` before a digit) and
  /// at the record's end. (Mutating: see `noteMember`.)
  private mutating func smallWholeNumber() -> (value: Int, end: Int)? {
    var end = index
    var value = 0
    while end < bytes.count, end - index < 3, bytes[end] &- UInt8(ascii: "0") < 10 {
      value = value &* 10 &+ Int(bytes[end] &- UInt8(ascii: "0"))
      end &+= 1
    }
    guard end > index, end - index < 3, end < bytes.count, bytes[index] != UInt8(ascii: "0") || end - index == 1 else {
      return nil
    }
    switch bytes[end] {
    case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): return nil
    default: return (value, end)
    }
  }

  // MARK: Members and elements

  /// A member name of the schema (a field's, in any place, or a container's), by its position in
  /// `MemberTable.names`; any other name is `unknown`.
  struct Member: Hashable {
    let rawValue: Int

    /// Above every name's position, and a bit of a `UInt64` (`MemberTable` has fewer names).
    static var unknown: Member { Member(rawValue: 63) }

    /// (A masking shift: `rawValue` is below 64.)
    var bit: UInt64 { 1 &<< UInt64(rawValue) }
  }

  /// The schema's member names and what each is in each place, held by each decoder: an array it holds
  /// costs a load, a global a call that checks it was made.
  struct MemberTable: Sendable {
    /// Every name the schema gives a member, once: fields first, in schema order, then the containers.
    let names: [[UInt8]]
    /// Every name as it opens a member, `"name":`.
    let quotedNames: [QuotedName]
    /// By place and member (`place * names.count + member`), the field; nil when it is none there.
    private let fields: [TableField?]
    /// The names that could be a key, by its length and first byte: nearly always one, confirmed byte for
    /// byte. Member names are read for every cell that `MemberOrder` does not predict.
    private let candidates: [[Int]]
    /// The number fields (`FieldValue.number`), a bit each by raw value.
    private let numberFields: UInt64
    let funds: Member
    let sources: Member
    let indicators: Member
    let goals: Member
    /// The schema's order of members (`MemberOrder`), which a record's decoder starts from.
    let schemaOrder: MemberOrder
    /// By member, its field and column in an indicator (`indicatorMember`).
    private let indicatorMembers: [IndicatorMember]
    /// `indicators[n]`, made once for the usual positions.
    private let indicatorPaths = (0...64).map { "indicators[\($0)]" }

    static let shared = MemberTable()

    private init() {
      var names: [[UInt8]] = []
      func position(_ member: String) -> Int {
        let bytes = Array(member.utf8)
        if let known = names.firstIndex(of: bytes) { return known }
        names.append(bytes)
        return names.count - 1
      }
      // By field and by container (raw values), the position of its member's name.
      var fieldMembers = [Int](repeating: 0, count: TableField.allCases.count)
      for declaration in TableSchema.declarations { fieldMembers[declaration.field.rawValue] = position(declaration.member) }
      let containerMembers = TableSchema.Container.allCases.map { position($0.member) }
      precondition(names.count < Member.unknown.rawValue)
      self.names = names
      quotedNames = names.map { QuotedName([UInt8(ascii: "\"")] + $0 + Array("\":".utf8)) }
      // What `TableSchema.field(member:in:)` answers (`memberNamesAreReadExactly`), from the declarations: its
      // dictionaries of `String`s cost more to make and to ask than this whole table.
      var fields = [TableField?](repeating: nil, count: FieldPlace.allCases.count * names.count)
      for declaration in TableSchema.declarations {
        fields[declaration.place.rawValue * names.count + fieldMembers[declaration.field.rawValue]] = declaration.field
      }
      self.fields = fields
      indicatorMembers = (0...Member.unknown.rawValue).map { member in
        let field = member < names.count ? fields[FieldPlace.indicator.rawValue * names.count + member] : nil
        return IndicatorMember(
          field: field, column: field.flatMap(Indicator.OptionalColumn.init)?.bit ?? 0,
          isNumber: field.map { TableSchema.Lookup.shared.isNumber($0) } ?? false)
      }
      var candidates = [[Int]](repeating: [], count: 32 * 128)
      for (position, name) in names.enumerated() { candidates[Self.slot(name.count, name[0])].append(position) }
      self.candidates = candidates
      precondition(TableField.allCases.count <= 64)
      numberFields = TableField.allCases.reduce(0) { bits, field in
        guard case .number = field.value else { return bits }
        return bits | 1 << UInt64(field.rawValue)
      }
      func member(_ container: TableSchema.Container) -> Member { Member(rawValue: containerMembers[container.rawValue]) }
      funds = member(.funds)
      sources = member(.sources)
      indicators = member(.indicators)
      goals = member(.goals)
      func order(_ place: FieldPlace, _ containers: [TableSchema.Container], last: [TableField] = []) -> (FieldPlace, [Member]) {
        let fields = TableField.allCases.filter { TableSchema.places[$0.rawValue] == place && !last.contains($0) }
        let members =
          fields.map { fieldMembers[$0.rawValue] } + containers.map { containerMembers[$0.rawValue] }
          + last.map { fieldMembers[$0.rawValue] }
        return (place, members.map(Member.init(rawValue:)))
      }
      let schema = [
        order(.table, [.funds, .goals, .indicators]), order(.funds, [.sources]), order(.source, []), order(.goals, []),
        order(.indicator, []),
      ]
      // The order of the format's own example (evaluation-format.md), which closes a table with its claimed total
      // and grade, is the alternative where it differs.
      schemaOrder = MemberOrder(
        schema, alternatives: [order(.table, [.funds, .goals, .indicators], last: [.claimedTotal, .claimedGrade])])
    }

    private static func slot(_ count: Int, _ first: UInt8) -> Int { count * 128 + Int(first & 0x7F) }

    func indicatorPath(_ position: Int) -> String {
      position < indicatorPaths.count ? indicatorPaths[position] : "indicators[\(position)]"
    }

    /// The field holds a number (`FieldValue.number`): a string is read as one.
    func isNumber(_ field: TableField) -> Bool { numberFields & 1 << UInt64(field.rawValue) != 0 }

    /// The field `member` is in an object of `place`, nil when it is none there.
    func field(_ member: Member, in place: FieldPlace) -> TableField? {
      member.rawValue < names.count ? fields[place.rawValue * names.count + member.rawValue] : nil
    }

    /// An indicator's member: its field (nil when it is none) and the optional column it prints.
    struct IndicatorMember: Sendable {
      let field: TableField?
      /// `Indicator.OptionalColumn.bit` of the field, 0 when it is no optional column.
      let column: UInt8
      /// The field holds a number (`isNumber`).
      let isNumber: Bool
    }

    /// `field(member, in: .indicator)` and its column, by a load (every member has a slot, `unknown` too).
    @inline(__always) func indicatorMember(_ member: Member) -> IndicatorMember { indicatorMembers[member.rawValue] }

    func member(_ key: Slice<UnsafeBufferPointer<UInt8>>) -> Member {
      guard let first = key.first, key.count < 32, first < 0x80 else { return .unknown }
      let bytes = UnsafeBufferPointer(rebasing: key)
      for candidate in candidates[Self.slot(key.count, first)] where bytes.hasBytes(names[candidate], at: 0) {
        return Member(rawValue: candidate)
      }
      return .unknown
    }
  }

  /// A member's opening, `"name":`, with its bytes as words, compared with a record's at once: whether it
  /// stands at an offset is `hasBytes(bytes, at:)` (`QuotedNameTests` holds the two equal).
  struct QuotedName: Sendable {
    let bytes: [UInt8]
    let count: Int
    /// The bytes a comparison loads: the name's, or one word for a shorter one.
    private let span: Int
    /// The first eight bytes, those past the name masked off (`headMask`) when it is shorter.
    private let head: UInt64
    private let headMask: UInt64
    /// Bytes 8 to 16, compared when the name is longer than 16 bytes.
    private let middle: UInt64
    /// The last eight bytes, compared when the name is longer than 8 bytes.
    private let tail: UInt64

    init(_ bytes: [UInt8]) {
      precondition(bytes.count <= 24, "a member name of the schema is compared as at most three words")
      self.bytes = bytes
      count = bytes.count
      span = Swift.max(bytes.count, 8)
      func word(_ range: Range<Int>) -> UInt64 {
        bytes[range].enumerated().reduce(0) { word, byte in word | UInt64(byte.element) << (8 * UInt64(byte.offset)) }
      }
      head = word(0..<min(8, bytes.count))
      headMask = bytes.count >= 8 ? ~0 : (1 << (8 * UInt64(bytes.count))) - 1
      middle = bytes.count > 16 ? word(8..<16) : 0
      tail = bytes.count > 8 ? word(bytes.count - 8..<bytes.count) : 0
    }

    /// Whether the name stands at `offset` of `record`; false when it would run past its end.
    @inline(__always)
    func stands(in record: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
      // Near the record's end a word would be loaded past it: byte for byte there.
      guard offset >= 0, offset &+ span <= record.count else { return record.hasBytes(bytes, at: offset) }
      // A record of `span` bytes or more has a base address.
      let start = UnsafeRawPointer(record.baseAddress.unsafelyUnwrapped + offset)
      guard start.loadUnaligned(as: UInt64.self) & headMask == head else { return false }
      if count <= 8 { return true }
      if count > 16, start.loadUnaligned(fromByteOffset: 8, as: UInt64.self) != middle { return false }
      return start.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == tail
    }
  }

  /// The order members came in, by place: a record's indicators print theirs in the same order row after
  /// row, so the member that followed this one last time is tried first, as the bytes `"name":`; then the one
  /// that followed it the time before, when that was another (a row that prints an optional member, such as
  /// `claimedCompletion`, among rows that do not). A record's first objects are predicted in the order the
  /// schema declares its members (`TableSchema.declarations`, each place's containers after its fields: the
  /// order `jixiao extract` writes), the alternatives being the member after the next (an optional member left
  /// out: `goals`, `unit`, a row's `claimedCompletion`) or another order's (`init(_:alternatives:)`). A member
  /// neither predicts is looked up by its name (`memberName`), and learnt.
  struct MemberOrder: Sendable {
    /// By slot (`slot(_:in:)`: a place and a member), the member that came next at `2 * slot`, and the one
    /// that came next before it at `2 * slot + 1`, as raw values.
    private var next: [UInt8]

    /// The slot before the first member of an object of `place` (`nil`: an object the schema does not read):
    /// the slot of `unknown` in the place (after a member the schema does not know, the first member is tried).
    /// A place's slots are a block of `stride`, one for each member, found by masking (`slot(_:in:)`).
    static func start(of place: FieldPlace?) -> Int {
      (place.map(\.rawValue) ?? FieldPlace.allCases.count) * stride + Member.unknown.rawValue
    }

    /// 64, a power of two: `Member.unknown` is the last member.
    private static var stride: Int { Member.unknown.rawValue + 1 }

    /// The order `members` give for each place, in turn, the alternatives where they differ from it; failing
    /// that, the member after the next.
    init(_ members: [(FieldPlace, [Member])], alternatives: [(FieldPlace, [Member])] = []) {
      next = [UInt8](repeating: UInt8(Member.unknown.rawValue), count: 2 * (FieldPlace.allCases.count + 1) * Self.stride)
      // Recorded from the least likely: each recording makes the one before it the alternative.
      for (place, order) in members {
        var previous = Self.start(of: place)
        for (position, member) in order.enumerated() {
          if position + 1 < order.count { record(order[position + 1], after: previous) }
          previous = Self.slot(member, in: previous)
        }
      }
      for (place, order) in alternatives + members {
        var previous = Self.start(of: place)
        for member in order {
          record(member, after: previous)
          previous = Self.slot(member, in: previous)
        }
      }
    }

    /// The slot of `member` in the place of `previous` (a slot of that place).
    static func slot(_ member: Member, in previous: Int) -> Int { previous & ~(stride - 1) | member.rawValue }

    func predicted(after previous: Int) -> Member { Member(rawValue: Int(next[2 &* previous])) }

    func alternative(after previous: Int) -> Member { Member(rawValue: Int(next[2 * previous + 1])) }

    mutating func record(_ member: Member, after previous: Int) {
      guard next[2 * previous] != member.rawValue else { return }
      next[2 * previous + 1] = next[2 * previous]
      next[2 * previous] = UInt8(member.rawValue)
    }
  }

  /// An object being read, member by member (`nextMember`): the schema's members it has had, the other
  /// names (a repeated one is the general parser's error), and the last member, which predicts the next.
  /// Read in a loop, not by a closure per member: a closure that captures the decoder is a call and a
  /// context for every value of a record.
  struct ObjectReading {
    fileprivate var seen: UInt64 = 0
    fileprivate var unknownKeys: [Slice<UnsafeBufferPointer<UInt8>>]?
    /// The `MemberOrder` slot of the last member (the place's start before the first).
    fileprivate var previous: Int
    fileprivate var started = false
  }

  /// Opens an object, the cursor on its `{`. Anything but an object gives up (the general path says what
  /// was expected).
  @inline(__always)
  private mutating func openObject(_ place: FieldPlace?) throws(GiveUp) -> ObjectReading {
    guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { throw GiveUp() }
    index += 1
    return ObjectReading(previous: MemberOrder.start(of: place))
  }

  /// The object's next member, the cursor on its value (which the caller reads or skips before asking for
  /// the next), or nil past the object's `}`. A repeated member is the general parser's error.
  /// (`@inline(always)`: with its strings' scan inlined, the indicator loop was left calling it, 8 K instructions a table.)
  @inline(always)
  private mutating func nextMember(of object: inout ObjectReading) throws(GiveUp) -> Member? {
    // The usual member, read inline: its comma (none for the first), then the predicted `"name":`, with no
    // whitespace around them, which is what `separatedMember` accepts there.
    // (Offsets within the record: their sums do not overflow.)
    let predicted = memberOrder.predicted(after: object.previous)
    let nameStart = object.started ? index &+ 1 : index
    if predicted != .unknown, !object.started || (index < bytes.count && bytes[index] == UInt8(ascii: ",")),
      memberTable.quotedNames[predicted.rawValue].stands(in: bytes, at: nameStart)
    {
      object.started = true
      index = nameStart &+ memberTable.quotedNames[predicted.rawValue].count
      try noteMember(predicted, in: &object.seen, keyEnd: index &- 1)
      object.previous = MemberOrder.slot(predicted, in: object.previous)
      skipWhitespace()
      return predicted
    }
    return try separatedMember(of: &object)
  }

  /// `nextMember`'s definition: whitespace, the comma or the brace, whitespace, the member's name (the
  /// predicted one compared at once) and its colon, whitespace.
  @inline(never)
  private mutating func separatedMember(of object: inout ObjectReading) throws(GiveUp) -> Member? {
    skipWhitespace()
    if object.started {
      if !consume(UInt8(ascii: ",")) {
        guard consume(UInt8(ascii: "}")) else { throw unexpected(expecting: JSONParser.commaOrBrace) }
        return nil
      }
      skipWhitespace()
    } else {
      object.started = true
      if consume(UInt8(ascii: "}")) { return nil }
    }
    var field = memberOrder.predicted(after: object.previous)
    if !isStanding(field) {
      field = memberOrder.alternative(after: object.previous)
      if isStanding(field) { memberOrder.record(field, after: object.previous) } else { field = .unknown }
    }
    if field != .unknown {
      // `"name":` is exactly what reading the key, then the colon, would have accepted.
      index += memberTable.quotedNames[field.rawValue].count
      // The general parser finds a repeated name just after its closing quote, before the colon.
      try noteMember(field, in: &object.seen, keyEnd: index - 1)
    } else {
      field = try memberName(of: &object)
    }
    object.previous = MemberOrder.slot(field, in: object.previous)
    skipWhitespace()
    return field
  }

  /// Whether `member`'s `"name":` stands at the cursor (never for `unknown`). (Mutating: see `noteMember`.)
  private mutating func isStanding(_ member: Member) -> Bool {
    member != .unknown && memberTable.quotedNames[member.rawValue].stands(in: bytes, at: index)
  }

  /// A member's name that `MemberOrder` did not predict, and its colon.
  private mutating func memberName(of object: inout ObjectReading) throws(GiveUp) -> Member {
    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
      throw unexpected(expecting: JSONParser.aMemberName)
    }
    // An escaped member name (never seen in practice) is left to the general path.
    guard let raw = try rawString() else { throw GiveUp() }
    let key = raw.bytes
    let field = memberTable.member(key)
    if field == .unknown {
      guard raw.isValidUTF8 else { throw syntaxError(JSONParser.invalidUTF8, at: key.startIndex) }
      if key.contains(where: { $0 >= 0x80 }) { unsure = true }
      guard !(object.unknownKeys ?? []).contains(where: { $0.elementsEqual(key) }) else {
        throw syntaxError(JSONParser.repeatedMember(String(decoding: key, as: UTF8.self)))
      }
      if object.unknownKeys == nil { object.unknownKeys = [] }
      object.unknownKeys?.append(key)
    } else {
      try noteMember(field, in: &object.seen, keyEnd: index)
    }
    memberOrder.record(field, after: object.previous)
    skipWhitespace()
    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
      let name = String(decoding: key, as: UTF8.self)
      throw unexpected(expecting: JSONParser.colon(after: name))
    }
    index += 1
    return field
  }

  /// Marks a schema member seen in this object; a second time is the general parser's error, at the
  /// key's end. (Mutating, as every method called for each member: a method that is not is handed a copy
  /// of the decoder.)
  @inline(__always)
  private mutating func noteMember(_ field: Member, in seen: inout UInt64, keyEnd: Int) throws(GiveUp) {
    guard seen & field.bit == 0 else { throw repeated(field, keyEnd: keyEnd) }
    seen |= field.bit
  }

  /// The general parser's error for a repeated member (kept out of line: the member loops stay small).
  @inline(never)
  private func repeated(_ field: Member, keyEnd: Int) -> GiveUp {
    syntaxError(JSONParser.repeatedMember(String(decoding: memberTable.names[field.rawValue], as: UTF8.self)), at: keyEnd)
  }

  /// An array being read, element by element (`nextElement`).
  struct ArrayReading {
    fileprivate var isOpen: Bool
    fileprivate var started = false
  }

  /// Opens an array (or `null`, as none), the cursor on its `[`. Any other value gives up.
  @inline(__always)
  private mutating func openArray() throws(GiveUp) -> ArrayReading {
    if try null() { return ArrayReading(isOpen: false) }
    guard consume(UInt8(ascii: "[")) else { throw GiveUp() }
    return ArrayReading(isOpen: true)
  }

  /// Whether the array has a next element, the cursor on it (which the caller reads before asking for the
  /// next); false past the array's `]`.
  @inline(__always)
  private mutating func nextElement(of array: inout ArrayReading) throws(GiveUp) -> Bool {
    guard array.isOpen else { return false }
    skipWhitespace()
    if array.started {
      if !consume(UInt8(ascii: ",")) {
        guard consume(UInt8(ascii: "]")) else { throw unexpected(expecting: JSONParser.commaOrBracket) }
        array.isOpen = false
        return false
      }
    } else {
      array.started = true
      if consume(UInt8(ascii: "]")) {
        array.isOpen = false
        return false
      }
    }
    skipWhitespace()
    return true
  }

  // MARK: Values

  /// A string's bytes (between its quotes, without escapes) as a range of the record's copy: valid UTF-8
  /// within a cell's length, as `string` takes them, and plain for a JSON writer (the string has no escape,
  /// and a control character or a quote would have ended or refused it).
  /// (Static, as `string` and `checkCell`: a method called from a mutating one would be handed a copy of the
  /// decoder.)
  @inline(__always)
  private static func text(_ raw: RawString, of record: RecordBytes) throws(GiveUp) -> TableText {
    try checkCell(raw)
    return TableText(record, raw.bytes.startIndex..<raw.bytes.endIndex, plain: true)
  }

  /// A string's bytes as text. Longer text is counted in characters by the general path, which refuses
  /// or keeps it.
  private static func string(_ raw: RawString) throws(GiveUp) -> String {
    try checkCell(raw)
    return String(decoding: raw.bytes, as: UTF8.self)
  }

  /// A string as a cell takes it: within a cell's length (longer text is the general path's), and valid
  /// UTF-8 (else the general parser's error, at the string's start).
  private static func checkCell(_ raw: RawString) throws(GiveUp) {
    guard raw.bytes.count <= Limits.maximumCellLength else { throw GiveUp() }
    guard raw.isValidUTF8 else { throw GiveUp(syntax: (JSONParser.invalidUTF8, raw.bytes.startIndex)) }
  }

  /// An indicator's value, handed to the builder as `value(_:into:)` hands it (its column is marked by
  /// the caller); a text is a range of the record (`text`). The definition of the member loop's reading of a
  /// plain string (`TableBuilder.setIndicatorCell`), `null` and a number, and the reader of every other value.
  @inline(never)
  private mutating func value(
    _ field: TableField, ofIndicatorInto builder: inout TableBuilder
  ) throws(GiveUp) {
    guard index < bytes.count else { throw unexpected(expecting: JSONParser.aValue) }
    switch bytes[index] {
    case UInt8(ascii: "\""):
      guard let raw = try rawString() else {
        let text = try escapedString()
        if memberTable.isNumber(field) {
          builder.set(field, printed: text)
        } else {
          builder.setIndicatorText(field, TableText(text))
        }
        return
      }
      if memberTable.isNumber(field) {
        guard !builder.setPlainNumber(field, utf8: UnsafeBufferPointer(rebasing: raw.bytes)) else { return }
        builder.set(field, printed: try Self.string(raw))
      } else {
        builder.setIndicatorText(field, try Self.text(raw, of: record))
      }
    case UInt8(ascii: "n"):
      try literal("null")
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      let literal = try numberLiteral()
      if memberTable.isNumber(field) {
        builder.setIndicatorNumber(field, literal: UnsafeBufferPointer(rebasing: literal))
      } else {
        builder.setIndicatorText(field, TableText(record, literal.startIndex..<literal.endIndex, plain: true))
      }
    default: throw otherValue()
    }
  }

  /// A value of the table, the funds block or a source row, handed to the builder as the general path
  /// hands it: a string as text, a number as its literal, `null` as null; a number field's plain number
  /// without making a string. Any other value (an object, an array, a boolean) gives up: the general path
  /// shows it in its finding.
  private mutating func value(_ field: TableField, into builder: inout TableBuilder) throws(GiveUp) {
    guard index < bytes.count else { throw unexpected(expecting: JSONParser.aValue) }
    switch bytes[index] {
    case UInt8(ascii: "\""):
      guard let raw = try rawString() else { return builder.set(field, printed: try escapedString()) }
      if memberTable.isNumber(field), builder.setPlainNumber(field, utf8: UnsafeBufferPointer(rebasing: raw.bytes)) { return }
      if TableBuilder.keptAsPrinted(field) { return builder.set(field, text: try Self.text(raw, of: record)) }
      builder.set(field, printed: try Self.string(raw))
    case UInt8(ascii: "n"):
      try literal("null")
      builder.set(field, .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      let literal = try numberLiteral()
      if memberTable.isNumber(field) {
        builder.setNumber(field, literal: UnsafeBufferPointer(rebasing: literal))
      } else {
        builder.set(field, .number(String(decoding: literal, as: UTF8.self)))
      }
    default: throw otherValue()
    }
  }

  /// A value this decoder does not hand to the builder: an object, an array or a boolean is valid JSON for the
  /// general path to name in its finding; any other byte is no value at all.
  private func otherValue() -> GiveUp {
    switch bytes[index] {
    case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "t"), UInt8(ascii: "f"): GiveUp()
    default: unexpected(expecting: JSONParser.aValue)
    }
  }

  /// `null` stands at the cursor (the bytes `literal("null")` takes in one comparison). (Mutating: see
  /// `noteMember`.)
  @inline(__always)
  private mutating func hasNull() -> Bool {
    index + 4 <= bytes.count
      && UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt32.self) == Self.nullWord
  }

  /// The bytes of `null` as a little-endian word.
  private static var nullWord: UInt32 { 0x6C6C_756E }

  private mutating func null() throws(GiveUp) -> Bool {
    guard index < bytes.count, bytes[index] == UInt8(ascii: "n") else { return false }
    try literal("null")
    return true
  }

  /// Validates and skips a value the table does not read (`source`, a member the schema does not know).
  private mutating func skipValue(depth: Int) throws(GiveUp) {
    guard depth < JSONParser.maximumDepth else { throw GiveUp() }
    guard index < bytes.count else { throw unexpected(expecting: JSONParser.aValue) }
    switch bytes[index] {
    case UInt8(ascii: "\""):
      guard let raw = try rawString() else {
        _ = try escapedString()
        return
      }
      guard raw.isValidUTF8 else { throw syntaxError(JSONParser.invalidUTF8, at: raw.bytes.startIndex) }
    case UInt8(ascii: "{"):
      var object = try openObject(nil)
      while try nextMember(of: &object) != nil { try skipValue(depth: depth + 1) }
    case UInt8(ascii: "["):
      var array = try openArray()
      while try nextElement(of: &array) { try skipValue(depth: depth + 1) }
    case UInt8(ascii: "t"): try literal("true")
    case UInt8(ascii: "f"): try literal("false")
    case UInt8(ascii: "n"): try literal("null")
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try numberLiteral()
    default: throw unexpected(expecting: JSONParser.aValue)
    }
  }

  // MARK: Bytes

  /// A string without escapes: its bytes between the quotes, and whether they are well-formed UTF-8.
  struct RawString {
    var bytes: Slice<UnsafeBufferPointer<UInt8>>
    var isValidUTF8: Bool
  }

  /// The bytes between a string's quotes (the cursor is on the opening one) and their validity, found in
  /// one pass (`JSONStringScan`), or nil, the cursor left on the opening quote, when the string has an
  /// escape (`escapedString`); a control character or the end of the record is the general parser's error.
  @inline(__always)
  private mutating func rawString() throws(GiveUp) -> RawString? {
    let start = index &+ 1
    let scan = JSONStringScan.scan(bytes, from: start)
    switch scan.stop {
    case .quote:
      index = scan.end &+ 1
      return RawString(bytes: bytes[start..<scan.end], isValidUTF8: scan.isValidUTF8)
    case .backslash: return nil
    case .control: throw syntaxError(JSONParser.unescapedControl(bytes[scan.end]), at: scan.end)
    case .end: throw syntaxError(JSONParser.endInsideString, at: scan.end)
    }
  }

  /// A string with escapes, read by the general parser's string reader: the same text, or its error where
  /// it would give it. Text longer than a cell is left to the general path, as unescaped text is.
  private mutating func escapedString() throws(GiveUp) -> String {
    let text: String
    do {
      text = try JSONParser.string(bytes, &index)
    } catch {
      throw syntaxError(error.message)
    }
    guard text.utf8.count <= Limits.maximumCellLength else { throw GiveUp() }
    return text
  }

  /// A number as RFC 8259 writes it (the parser's own scan).
  private mutating func numberLiteral() throws(GiveUp) -> Slice<UnsafeBufferPointer<UInt8>> {
    let start = index
    if let problem = JSONParser.scanNumber(bytes, &index) { throw syntaxError(problem) }
    return bytes[start..<index]
  }

  private mutating func literal(_ word: StaticString) throws(GiveUp) {
    // `null` (nearly every literal a table holds) in one comparison; anything else, or an error, as the parser reads it.
    if word.utf8CodeUnitCount == 4, index + 4 <= bytes.count,
      UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt32.self)
        == UnsafeRawPointer(word.utf8Start).loadUnaligned(as: UInt32.self)
    {
      index += 4
      return
    }
    if let problem = JSONParser.wordProblem(bytes, at: index, word) { throw syntaxError(problem) }
    index += word.utf8CodeUnitCount
  }

  @inline(__always)
  private mutating func skipWhitespace() {
    // Whitespace is at most 0x20: a record without any (the usual) costs one test.
    guard index < bytes.count, bytes[index] <= 0x20 else { return }
    JSONParser.skipWhitespace(bytes, &index, line: &line, lineStart: &lineStart)
  }

  private mutating func consume(_ byte: UInt8) -> Bool {
    guard index < bytes.count, bytes[index] == byte else { return false }
    index += 1
    return true
  }
}
