/// Writes JSON text with members in a fixed order: results are byte-identical run to run.
/// Builds UTF-8 bytes directly; strings are appended whole unless they need escaping.
struct JSONWriter {
  private let buffer: ByteBuffer
  /// One bit per open container, innermost lowest: whether its next member needs a comma.
  /// The documents written are a few levels deep; 63 is the most this can nest.
  private var needsComma: UInt64 = 0

  init() { buffer = ByteBuffer(capacity: 16 << 10) }

  /// A writer appending to `buffer`.
  init(into buffer: ByteBuffer) { self.buffer = buffer }

  var bytes: [UInt8] { buffer.array }
  var output: String { buffer.text }

  /// The text `build` writes.
  static func text(_ build: (inout JSONWriter) -> Void) -> String {
    var writer = JSONWriter()
    build(&writer)
    return writer.output
  }

  mutating func beginObject(_ key: JSONKey? = nil) { open(key, UInt8(ascii: "{")) }
  mutating func endObject() { close(UInt8(ascii: "}")) }
  mutating func beginArray(_ key: JSONKey? = nil) { open(key, UInt8(ascii: "[")) }
  mutating func endArray() { close(UInt8(ascii: "]")) }

  mutating func string(_ key: JSONKey?, _ value: String?) {
    separate(key)
    if let value { buffer.appendEscaped(value) } else { buffer.append("null") }
  }

  /// A table's text: its bytes copied as they are when they are known to need no escaping
  /// (`TableText.isPlainJSON`), else escaped byte by byte as `string` escapes a `String`.
  mutating func string(_ key: JSONKey?, _ value: TableText?) {
    separate(key)
    guard let value else { return buffer.append("null") }
    buffer.appendQuoted(value)
  }

  mutating func raw(_ key: JSONKey?, _ literal: StaticString) {
    separate(key)
    buffer.append(literal)
  }

  mutating func int(_ key: JSONKey?, _ value: Int?) {
    separate(key)
    guard let value else { return buffer.append("null") }
    buffer.appendInteger(value)
  }

  /// An integer as a JSON string (`"12"`), as `String(value)` would be written.
  mutating func quotedInt(_ key: JSONKey?, _ value: Int) {
    separate(key)
    buffer.append(UInt8(ascii: "\""))
    buffer.appendInteger(value)
    buffer.append(UInt8(ascii: "\""))
  }

  /// A finding's message as a JSON string, assembled in place (`FindingDetail.appendMessage`).
  mutating func message(_ key: JSONKey?, _ detail: FindingDetail) {
    separate(key)
    buffer.appendEscaped { detail.appendMessage(to: $0) }
  }

  /// A JSON value as compact JSON text, members in their order.
  mutating func json(_ key: JSONKey?, _ value: JSONValue) {
    separate(key)
    buffer.append(utf8: value.serialized())
  }

  /// Ends a JSON Lines record.
  mutating func newline() { buffer.append(0x0A) }

  mutating func bool(_ key: JSONKey?, _ value: Bool) { raw(key, value ? "true" : "false") }

  /// A two-place decimal as a JSON string (`"-12.30"`), `suffix` after it.
  mutating func hundredths(_ key: JSONKey?, _ value: Hundredths?, suffix: UInt8? = nil) {
    separate(key)
    guard let value else { return buffer.append("null") }
    buffer.appendQuoted(value, suffix: suffix)
  }

  /// A rational as `pointsText` (`"12.30"`).
  mutating func points(_ key: JSONKey?, _ value: Rational?) {
    guard let value, let rounded = value.hundredths(scaledBy: 100) else { return string(key, value?.pointsText) }
    hundredths(key, rounded)
  }

  /// A rational as `percentText` (`"86.24%"`).
  mutating func percent(_ key: JSONKey?, _ value: Rational?) {
    guard let value, let percent = value.hundredths(scaledBy: 10_000) else { return string(key, value?.percentText) }
    hundredths(key, percent, suffix: UInt8(ascii: "%"))
  }

  private mutating func open(_ key: JSONKey?, _ bracket: UInt8) {
    separate(key)
    buffer.append(bracket)
    precondition(needsComma.leadingZeroBitCount > 1, "JSONWriter nests at most 63 levels")
    needsComma <<= 1
  }

  private mutating func close(_ bracket: UInt8) {
    needsComma >>= 1
    buffer.append(bracket)
  }

  // Inlined: every member passes here, and at a call site the key is a constant whose case folds away.
  @inline(__always) private mutating func separate(_ key: JSONKey?) {
    let comma = needsComma & 1 != 0
    needsComma |= 1
    if case .literal(let name) = key?.storage { return buffer.appendMemberName(name, afterComma: comma) }
    if comma { buffer.append(UInt8(ascii: ",")) }
    switch key?.storage {
    case .literal: break
    case .text(let name):
      buffer.appendEscaped(name)
      buffer.append(UInt8(ascii: ":"))
    case nil: break
    }
  }
}

/// Writes an object whose members come in a fixed order (a result line) straight into a `ByteBuffer`'s
/// storage, through a cursor of its own: each piece first makes room for the longest text it can write
/// (one comparison of the cursor with the end of the storage, both held here, not in the buffer), then
/// stores its bytes without a check. Text whose bytes need escaping, and a finding's message, are written
/// by the buffer's own appends (`ByteBuffer.appendEscaped`, `FindingDetail.appendMessage`): the cursor is
/// handed to the buffer and taken back after. `finish` hands the bytes written to the buffer.
///
/// A result line writes the same members in the same order for every table: the text before each value
/// (the comma or brace, the quoted name and the colon: `,"weight":`) is one literal, copied whole, and runs
/// of fixed text are one literal (`},"claimedTotal":`). Such an object is written from its first `{` to its
/// last `}` with these methods alone: they do not track commas. A member is inlined, so that its literal's
/// length is a constant where it is copied; a text or a rational is then written by a call of its own
/// (inlined whole, they made an indicator's writer too large for the optimizer to inline the rest into).
/// Their definition is the keyed `JSONWriter` (`ResultLayoutTests`).
struct FixedOrderWriter {
  private let buffer: ByteBuffer
  /// Where the next byte goes, and the end of the buffer's storage: bytes before `cursor` are written but
  /// not yet counted by the buffer. Its stores are `ByteCursor`'s, made after `makeRoom`.
  private var cursor: ByteCursor
  private var end: UnsafeMutablePointer<UInt8>

  /// A writer appending to `buffer`, which is not used otherwise until `finish`.
  init(appendingTo buffer: ByteBuffer) {
    self.buffer = buffer
    let (start, end) = buffer.unwritten
    cursor = ByteCursor(position: start)
    self.end = end
  }

  /// Hands the bytes written to the buffer.
  mutating func finish() { buffer.advance(to: cursor.position) }

  /// Fixed text, as it is: the end of an object, or a member whose value never changes.
  @inline(__always) mutating func fixed(_ text: StaticString) {
    makeRoom(text.utf8CodeUnitCount)
    cursor.put(text)
  }

  /// `prefix`, then `value` as a JSON string (`null` when absent): its bytes copied when they are known to
  /// need no escaping (`TableText.isPlainJSON`), else escaped byte by byte by the buffer.
  @inline(__always) mutating func member(_ prefix: StaticString, _ value: TableText?) {
    fixed(prefix)
    // A `switch` lends the text to the call; `if let` bound a copy of it, a retain and a release around the
    // call for every text of every row.
    switch value {
    case .some(let text): putQuoted(text)
    case .none: putNull()
    }
  }

  /// `prefix`, then `value` as a JSON string (`null` when absent), escaped as `ByteBuffer.appendEscaped`
  /// escapes it: copied when no byte needs escaping.
  @inline(__always) mutating func member(_ prefix: StaticString, _ value: String?) {
    fixed(prefix)
    // Lent by a `switch`, as a table's text is.
    switch value {
    case .some(let text): putQuoted(text)
    case .none: putNull()
    }
  }

  /// `prefix`, then a literal that is a whole JSON value (`"proportional"`, quotes included: an enumeration's
  /// text, `jsonText`), or `null`.
  @inline(__always) mutating func member(_ prefix: StaticString, literal value: StaticString?) {
    let value = value ?? "null"
    makeRoom(prefix.utf8CodeUnitCount + value.utf8CodeUnitCount)
    cursor.put(prefix)
    cursor.put(value)
  }

  /// `prefix`, then bytes that are a whole JSON value as they are (a catalogued finding code in quotes,
  /// `FindingCode.quotedCatalogue`).
  @inline(__always) mutating func member(_ prefix: StaticString, json value: UnsafeBufferPointer<UInt8>) {
    makeRoom(prefix.utf8CodeUnitCount + value.count)
    cursor.put(prefix)
    cursor.put(value)
  }

  @inline(__always) mutating func member(_ prefix: StaticString, _ value: Int?) {
    guard let value else { return member(prefix, literal: nil) }
    makeRoom(prefix.utf8CodeUnitCount + ByteBuffer.maximumIntegerLength)
    cursor.put(prefix)
    cursor.put(integer: value)
  }

  /// `prefix`, then an integer as a JSON string (`"12"`, as `String(value)` would be written).
  @inline(__always) mutating func member(_ prefix: StaticString, quoted value: Int) {
    makeRoom(prefix.utf8CodeUnitCount + ByteBuffer.maximumIntegerLength + 2)
    cursor.put(prefix)
    cursor.put(UInt8(ascii: "\""))
    cursor.put(integer: value)
    cursor.put(UInt8(ascii: "\""))
  }

  @inline(__always) mutating func member(_ prefix: StaticString, _ value: Bool) {
    member(prefix, literal: value ? "true" : "false")
  }

  /// `prefix`, then a two-place decimal as a JSON string (`"-12.30"`).
  @inline(__always) mutating func member(_ prefix: StaticString, _ value: Hundredths?) {
    guard let value else { return member(prefix, literal: nil) }
    makeRoom(prefix.utf8CodeUnitCount + Hundredths.maximumTextLength + 2)
    cursor.put(prefix)
    cursor.put(quoted: value)
  }

  /// `prefix`, then a rational as its `pointsText` in a JSON string (`"12.30"`).
  @inline(__always) mutating func member(_ prefix: StaticString, points value: Rational?) {
    fixed(prefix)
    if let value { putRational(value, scaledBy: 100) } else { putNull() }
  }

  /// `prefix`, then a rational as its `percentText` in a JSON string (`"86.24%"`).
  @inline(__always) mutating func member(_ prefix: StaticString, percent value: Rational?) {
    fixed(prefix)
    if let value { putRational(value, scaledBy: 10_000) } else { putNull() }
  }

  /// A cursor where the next byte goes, after making room for `length` bytes, which its stores must not pass:
  /// members whose longest text is known (an indicator's verdict) are then stored after one room check for
  /// all of them. `take(_:within:)` takes it back, before anything else is written here. (Not a closure, as
  /// `ByteBuffer.write(reserving:_:)` is: an indicator's verdict in one was not inlined, a call a row with
  /// every register saved.)
  @inline(__always) mutating func cursor(reserving length: Int) -> ByteCursor {
    makeRoom(length)
    return cursor
  }

  /// Takes back the cursor handed out by `cursor(reserving: length)`, after its stores.
  @inline(__always) mutating func take(_ text: ByteCursor, within length: Int) {
    precondition(text.position >= cursor.position && text.position - cursor.position <= length, "wrote past the room made")
    cursor = text
  }

  /// `prefix`, then a finding's message as a JSON string, assembled in place by the buffer
  /// (`FindingDetail.appendMessage`) and escaped there when it is not known to need no escaping. Read in
  /// place through a pointer: passed as a value, the detail was copied (its texts retained and released).
  @inline(__always) mutating func member(_ prefix: StaticString, messageOf finding: UnsafePointer<Finding>) {
    fixed(prefix)
    putMessage(of: finding)
  }

  /// `prefix`, then `location.description` as a JSON string, assembled in place by the buffer.
  mutating func member(_ prefix: StaticString, _ location: SourceLocation) {
    fixed(prefix)
    handOver().appendEscaped { text in
      text.append(utf8: location.file)
      if let line = location.line {
        text.append(UInt8(ascii: ":"))
        text.appendInteger(line)
      }
      if let field = location.field {
        text.append(": ")
        text.append(utf8: field)
      }
    }
    takeBack()
  }

  // MARK: Values

  @inline(__always) private mutating func putNull() { fixed("null") }

  @inline(never) private mutating func putMessage(of finding: UnsafePointer<Finding>) {
    // A message without figures or texts is copied whole (`FindingDetail.fixedMessage`: it needs no escaping).
    if let fixed = finding.pointee.detail.fixedMessage {
      makeRoom(fixed.utf8CodeUnitCount + 2)
      cursor.put(UInt8(ascii: "\""))
      cursor.put(fixed)
      cursor.put(UInt8(ascii: "\""))
      return
    }
    let buffer = handOver()
    let start = buffer.openString()
    finding.pointee.detail.appendMessage(to: buffer)
    if finding.pointee.detail.messageIsPlainJSON {
      buffer.append(UInt8(ascii: "\""))
    } else {
      buffer.closeString(writtenFrom: start)
    }
    takeBack()
  }

  /// A table's text in double quotes. A short plain text with room for it (nearly every text of a row) is
  /// copied here by words, with no call, so that no register is saved; any other goes to `putQuotedSlowly`.
  @inline(never) private mutating func putQuoted(_ value: TableText) {
    let length = value.utf8Count
    guard value.isPlainJSON, length <= 64, end - cursor.position >= length + 2 else { return putQuotedSlowly(value) }
    cursor.put(UInt8(ascii: "\""))
    ByteBuffer.copyShort(from: value.utf8Start, to: cursor.position, count: length)
    cursor.position += length
    cursor.put(UInt8(ascii: "\""))
  }

  /// `putQuoted` for a text that needs escaping (escaped by the buffer), is long, or needs the buffer grown.
  @inline(never) private mutating func putQuotedSlowly(_ value: TableText) {
    guard value.isPlainJSON else {
      handOver().appendQuoted(value)
      return takeBack()
    }
    makeRoom(value.utf8Count + 2)
    cursor.position = value.withUTF8 { [position = cursor.position] in Self.quoted(plain: $0, at: position) }
  }

  @inline(never) private mutating func putQuoted(_ value: String) {
    makeRoom(value.utf8.count + 2)
    let plainEnd = value.utf8.withContiguousStorageIfAvailable { [position = cursor.position] bytes in
      ByteBuffer.needsEscaping(bytes) ? nil : Self.quoted(plain: bytes, at: position)
    }
    if let end = plainEnd ?? nil {
      cursor.position = end
    } else {
      handOver().appendEscaped(value)
      takeBack()
    }
  }

  /// `value × scale` in hundredths, in double quotes: `pointsText` (scale 100) or `percentText` (10,000, a
  /// `%` after it). Written from the `String` when it does not round within 64 bits.
  @inline(never) private mutating func putRational(_ value: Rational, scaledBy scale: Int128) {
    let percent = scale == 10_000
    guard let rounded = value.hundredths(scaledBy: scale) else {
      return putQuoted(percent ? value.percentText : value.pointsText)
    }
    makeRoom(Hundredths.maximumTextLength + 3)
    cursor.put(quoted: rounded, suffix: percent ? UInt8(ascii: "%") : nil)
  }

  // MARK: Stores within the room made

  @inline(__always) private mutating func makeRoom(_ length: Int) {
    if end - cursor.position < length { grow(length) }
  }

  @inline(never) private mutating func grow(_ length: Int) {
    buffer.advance(to: cursor.position)
    buffer.reserve(length)
    (cursor.position, end) = buffer.unwritten
  }

  /// The buffer, with the bytes written counted, for an append of its own; `takeBack` after it, before
  /// anything else is written here. (Not a closure: one over the text or detail written retained it.)
  @inline(__always) private mutating func handOver() -> ByteBuffer {
    buffer.advance(to: cursor.position)
    return buffer
  }

  @inline(__always) private mutating func takeBack() {
    (cursor.position, end) = buffer.unwritten
  }

  /// Writes bytes that need no escaping, in double quotes, at `destination`, and returns where they end.
  // Not inlined: inlined, the copy made the closure that calls it too large to be inlined itself, a call with
  // all registers saved for every text; here the texts' writers call it as a leaf.
  @inline(never) private static func quoted(
    plain bytes: UnsafeBufferPointer<UInt8>, at destination: UnsafeMutablePointer<UInt8>
  ) -> UnsafeMutablePointer<UInt8> {
    destination[0] = UInt8(ascii: "\"")
    if let source = bytes.baseAddress { ByteBuffer.copy(from: source, to: destination + 1, count: bytes.count) }
    destination[bytes.count + 1] = UInt8(ascii: "\"")
    return destination + bytes.count + 2
  }
}

/// A growable byte buffer whose appends are a capacity check and a store: the JSON writer's hot path,
/// and where the most frequent finding messages are assembled. Owned by one writer on one thread.
final class ByteBuffer {
  private var pointer: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private var capacity: Int
  /// Whether `pointer` is this buffer's own allocation; else it is an array's storage, lent while the
  /// array is made (`array(capacity:_:)`) and never freed here.
  private var ownsStorage = true

  init(capacity: Int) {
    self.capacity = max(16, capacity)
    pointer = .allocate(capacity: self.capacity)
  }

  private init(lending storage: UnsafeMutableBufferPointer<UInt8>) {
    pointer = storage.baseAddress!
    capacity = storage.count
    ownsStorage = false
  }

  deinit { if ownsStorage { pointer.deallocate() } }

  /// What `build` appends, written straight into the storage of the array returned (`capacity` bytes, a
  /// guess), not copied there afterwards: a result line is handed out as the bytes it was written in. Bytes
  /// that outgrow `capacity` move to storage of the buffer's own and are copied into an array once.
  /// `build` must not keep the buffer.
  static func array(capacity: Int, _ build: (ByteBuffer) -> Void) -> [UInt8] {
    var outgrown: ByteBuffer?
    let array = [UInt8](unsafeUninitializedCapacity: max(16, capacity)) { storage, initialized in
      let buffer = ByteBuffer(lending: storage)
      build(buffer)
      if buffer.ownsStorage {
        outgrown = buffer
        initialized = 0
      } else {
        initialized = buffer.count
      }
    }
    return outgrown?.array ?? array
  }

  var array: [UInt8] { withBytes { Array($0) } }
  var text: String { withBytes { String(decoding: $0, as: UTF8.self) } }

  func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    body(UnsafeBufferPointer(start: pointer, count: count))
  }

  /// Makes room for `extra` more bytes.
  @inline(__always) func reserve(_ extra: Int) {
    if count + extra > capacity { grow(to: count + extra) }
  }

  /// Where the next byte goes, and the end of the storage: for a writer that stores through a cursor of its
  /// own (`FixedOrderWriter`) and then counts what it wrote (`advance(to:)`). Valid until the next append.
  var unwritten: (UnsafeMutablePointer<UInt8>, UnsafeMutablePointer<UInt8>) { (pointer + count, pointer + capacity) }

  /// Runs `write` with a cursor at the end of the bytes, after making room for `length` bytes, which `write`
  /// must not pass, then counts what it wrote: for a text of many pieces whose longest length is known (a
  /// claim's message), each piece is then stored through a pointer held in a register, without a capacity
  /// check and a count kept here.
  @inline(__always) func write(reserving length: Int, _ write: (inout ByteCursor) -> Void) {
    reserve(length)
    var cursor = ByteCursor(position: pointer + count)
    write(&cursor)
    precondition(cursor.position - (pointer + count) <= length, "wrote past the room made")
    count = cursor.position - pointer
  }

  /// Counts the bytes written from `unwritten`'s start up to `position`.
  func advance(to position: UnsafeMutablePointer<UInt8>) {
    precondition(position >= pointer + count && position <= pointer + capacity, "written outside the buffer")
    count = position - pointer
  }

  private func grow(to needed: Int) {
    let newCapacity = max(needed, capacity * 2)
    let newPointer = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newPointer.update(from: pointer, count: count)
    if ownsStorage { pointer.deallocate() }
    pointer = newPointer
    capacity = newCapacity
    ownsStorage = true
  }

  @inline(__always) func append(_ byte: UInt8) {
    reserve(1)
    pointer[count] = byte
    count += 1
  }

  func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    reserve(bytes.count)
    Self.copy(from: base, to: pointer + count, count: bytes.count)
    count += bytes.count
  }

  /// A table's text as a message quotes it, spaces trimmed; `—` when absent.
  func append(trimmed text: TableText?) {
    // Lent by a `switch` (`FixedOrderWriter.member`); `text.trimmingSpaces()`, without a copy of the text when
    // there is nothing to trim (the usual cell).
    switch text {
    case .none: append("—")
    case .some(let text):
      text.withUTF8 { bytes in
        if String.hasNothingToTrim(bytes) { append(bytes) } else { append(utf8: text.string.trimmingSpaces()) }
      }
    }
  }

  /// A two-place decimal (`-12.30`), written in place.
  func append(_ value: Hundredths) {
    reserve(Hundredths.maximumTextLength)
    count += value.writeText(to: pointer + count)
  }

  /// A two-place decimal in double quotes (`"-12.30"`), `suffix` before the closing quote, after one
  /// capacity check.
  func appendQuoted(_ value: Hundredths, suffix: UInt8?) {
    reserve(Hundredths.maximumTextLength + 3)
    pointer[count] = UInt8(ascii: "\"")
    var end = count + 1 + value.writeText(to: pointer + count + 1)
    if let suffix {
      pointer[end] = suffix
      end += 1
    }
    pointer[end] = UInt8(ascii: "\"")
    count = end + 1
  }

  /// `value.pointsText` (`12.30`), written in place when it rounds to hundredths.
  func appendPoints(_ value: Rational) {
    if let rounded = value.hundredths(scaledBy: 100) { append(rounded) } else { append(utf8: value.pointsText) }
  }

  /// `value.percentText` (`86.24%`), written in place when it rounds to hundredths of a percent.
  func appendPercent(_ value: Rational) {
    guard let percent = value.hundredths(scaledBy: 10_000) else { return append(utf8: value.percentText) }
    append(percent)
    append(UInt8(ascii: "%"))
  }

  /// `value.formatted(places: places).trimmedZeros` (`1.5`, `-0.25`, `2`; `places` 1 to 6), its definition:
  /// written from the value's count of units of the last place, rounded half up as `formatted` rounds, with no
  /// `String` between; copied from that text when the count does not fit in 64 bits.
  func appendTrimmingZeros(_ value: Rational, places: Int) {
    precondition((1...6).contains(places), "1 to 6 places")
    let unit = (0..<places).reduce(UInt64(1)) { power, _ in power * 10 }
    guard let units = value.hundredths(scaledBy: Int128(unit))?.hundredths else {
      return append(utf8: value.formatted(places: places).trimmedZeros)
    }
    if units < 0 { append(UInt8(ascii: "-")) }
    appendInteger(Int(units.magnitude / unit))
    var fraction = units.magnitude % unit
    guard fraction != 0 else { return }
    var digits = places
    while fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    reserve(digits + 1)
    pointer[count] = UInt8(ascii: ".")
    for position in stride(from: digits, to: 0, by: -1) {
      pointer[count + position] = UInt8(ascii: "0") + UInt8(fraction % 10)
      fraction /= 10
    }
    count += digits + 1
  }

  /// Text as its UTF-8 bytes, unescaped: a JSON number literal, or a piece of a message.
  func append(utf8 text: String) {
    if text.utf8.withContiguousStorageIfAvailable(append) == nil {
      for byte in text.utf8 { append(byte) }
    }
  }

  /// A literal (a piece of a message, `null`): a short one copied by words, not by a call to memcpy.
  /// Inlined: the length is then a constant, and the copy a few loads and stores.
  @inline(__always) func append(_ literal: StaticString) {
    let length = literal.utf8CodeUnitCount
    guard length <= 64 else { return append(UnsafeBufferPointer(start: literal.utf8Start, count: length)) }
    reserve(length)
    Self.copyShort(from: literal.utf8Start, to: pointer + count, count: length)
    count += length
  }

  /// `"name":`, after a comma when `afterComma`, for a literal name, after one capacity check.
  func appendMemberName(_ name: StaticString, afterComma: Bool) {
    let length = name.utf8CodeUnitCount
    reserve(length + 4)
    var start = pointer + count
    if afterComma {
      start[0] = UInt8(ascii: ",")
      start += 1
      count += 1
    }
    start[0] = UInt8(ascii: "\"")
    Self.copyShort(from: name.utf8Start, to: start + 1, count: length)
    start[length + 1] = UInt8(ascii: "\"")
    start[length + 2] = UInt8(ascii: ":")
    count += length + 3
  }

  /// Copies `count` bytes: a short run (a member name, most of a table's texts) by `copyShort`, a longer one
  /// by memcpy.
  @inline(__always) static func copy(from source: UnsafePointer<UInt8>, to destination: UnsafeMutablePointer<UInt8>, count: Int) {
    if count <= 64 {
      copyShort(from: source, to: destination, count: count)
    } else {
      destination.update(from: source, count: count)
    }
  }

  /// Copies a few bytes (a member name, a short text) as words, the last two overlapping, not byte by byte
  /// or by a call to memcpy.
  @inline(__always) static func copyShort(
    from source: UnsafePointer<UInt8>, to destination: UnsafeMutablePointer<UInt8>, count: Int
  ) {
    let from = UnsafeRawPointer(source)
    let to = UnsafeMutableRawPointer(destination)
    if count >= 8 {
      var offset = 0
      while offset + 8 < count {
        to.storeBytes(of: from.loadUnaligned(fromByteOffset: offset, as: UInt64.self), toByteOffset: offset, as: UInt64.self)
        offset += 8
      }
      let last = count - 8
      to.storeBytes(of: from.loadUnaligned(fromByteOffset: last, as: UInt64.self), toByteOffset: last, as: UInt64.self)
    } else if count >= 4 {
      let head = from.loadUnaligned(as: UInt32.self)
      let tail = from.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
      to.storeBytes(of: head, as: UInt32.self)
      to.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
    } else {
      for offset in 0..<count { destination[offset] = source[offset] }
    }
  }

  /// An integer in decimal (`-12`), as `String(value)` writes it.
  func appendInteger(_ value: Int) {
    reserve(Self.maximumIntegerLength)
    count += Self.writeInteger(value, to: pointer + count)
  }

  /// The longest integer text: `-9223372036854775808`.
  static let maximumIntegerLength = 20

  /// Writes `value` in decimal (`-12`, as `String(value)` writes it; at most `maximumIntegerLength` bytes)
  /// from `start`, and returns its length.
  static func writeInteger(_ value: Int, to start: UnsafeMutablePointer<UInt8>) -> Int {
    // An indicator's index and a finding's place: one or two digits, placed without counting them first.
    if value >= 0, value < 100 {
      if value < 10 {
        start[0] = UInt8(ascii: "0") + UInt8(value)
        return 1
      }
      start[0] = UInt8(ascii: "0") + UInt8(value / 10)
      start[1] = UInt8(ascii: "0") + UInt8(value % 10)
      return 2
    }
    let sign = value < 0 ? 1 : 0
    if value < 0 { start[0] = UInt8(ascii: "-") }
    var magnitude = value.magnitude
    var digits = 0
    var scratch = magnitude
    repeat {
      digits += 1
      scratch /= 10
    } while scratch != 0
    var index = sign + digits
    repeat {
      index -= 1
      start[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
      magnitude /= 10
    } while magnitude != 0
    return sign + digits
  }

  /// `text` in double quotes, with `"`, `\\` and control characters escaped.
  func appendEscaped(_ text: String) {
    if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) == nil { appendEscapedByByte(text.utf8) }
  }

  /// What `write` appends, in double quotes and escaped as `appendEscaped(_:)` escapes text: written in
  /// place, then escaped only when some byte needs it (moved aside and written again).
  // Inlined: `write` is then inlined too, not called through a context that retains what it captures.
  @inline(__always) func appendEscaped(writing write: (ByteBuffer) -> Void) {
    let start = openString()
    write(self)
    closeString(writtenFrom: start)
  }

  /// Opens a string whose bytes are then written in place, and returns where they start, for `closeString`.
  @inline(__always) func openString() -> Int {
    append(UInt8(ascii: "\""))
    return count
  }

  /// Ends a string whose bytes were written from `start` (`openString`): they are escaped (moved aside and
  /// written again) when some byte needs it.
  func closeString(writtenFrom start: Int) {
    let written = UnsafeBufferPointer(start: pointer + start, count: count - start)
    if !Self.needsEscaping(written) { return append(UInt8(ascii: "\"")) }
    let raw = Array(written)
    count = start - 1
    appendEscapedByByte(raw)
  }

  private static func needsEscaping(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
  }

  /// UTF-8 bytes as `appendEscaped(_: String)` writes their text.
  func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
    if !appendQuotedIfPlain(bytes) { appendEscapedByByte(bytes) }
  }

  /// A table's text in double quotes: its bytes copied as they are when they are known to need no escaping
  /// (`TableText.isPlainJSON`), else escaped byte by byte as `appendEscaped` escapes a `String`. (Here, not
  /// in the writer: a closure there over the text and the buffer retained and released both for every text.)
  func appendQuoted(_ text: TableText) {
    guard text.isPlainJSON else { return text.withUTF8 { appendEscaped($0) } }
    text.withUTF8 { appendQuoted($0) }
  }

  /// Bytes that need no escaping, in double quotes, after one capacity check; a short text (most of a
  /// table's) is copied by words, not by a call to memcpy.
  @inline(__always) func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>) {
    let length = bytes.count
    reserve(length + 2)
    let destination = pointer + count
    destination[0] = UInt8(ascii: "\"")
    if let source = bytes.baseAddress {
      if length <= 64 {
        Self.copyShort(from: source, to: destination + 1, count: length)
      } else {
        (destination + 1).update(from: source, count: length)
      }
    }
    destination[length + 1] = UInt8(ascii: "\"")
    count += length + 2
  }

  /// The plain definition of every escaping writer here, byte by byte: the fast paths (`appendEscaped`,
  /// `appendQuotedIfPlain`, `closeString`) write what it writes (`JSONWriterTests`).
  func appendEscapedByByte<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
    append(UInt8(ascii: "\""))
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "\""): append(#"\""#)
      case UInt8(ascii: "\\"): append(#"\\"#)
      case 0x0A: append(#"\n"#)
      case 0x0D: append(#"\r"#)
      case 0x09: append(#"\t"#)
      case 0..<0x20:
        append(#"\u00"#)
        append(Self.hexDigits[Int(byte >> 4)])
        append(Self.hexDigits[Int(byte & 0x0F)])
      default: append(byte)
      }
    }
    append(UInt8(ascii: "\""))
  }

  /// Copies `bytes` in quotes, eight at a time, when none needs escaping (nearly every string);
  /// false, with nothing appended, otherwise.
  private func appendQuotedIfPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard !Self.needsEscaping(bytes) else { return false }
    appendQuoted(bytes)
    return true
  }

  /// Whether a byte of `bytes` needs escaping (its definition: `TableText.needsJSONEscaping`), eight at a
  /// time, the last word overlapping the one before rather than a tail byte by byte.
  static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress, bytes.count >= 8 else { return bytes.contains(where: needsEscaping) }
    let raw = UnsafeRawPointer(base)
    var offset = 0
    while offset + 8 < bytes.count {
      if mayNeedEscaping(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) { return true }
      offset += 8
    }
    return mayNeedEscaping(raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self))
  }

  /// Whether a byte of `word` is `"`, `\\` or a control character: exact, since a borrow that could raise a
  /// false alarm in a byte starts only at a byte that is one.
  @inline(__always) private static func mayNeedEscaping(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    // A byte's high bit set in each term where it is below 0x20, or zero once `"` or `\\` is taken away; one
    // test for the three.
    func belowOne(_ value: UInt64) -> UInt64 { (value &- ones) & ~value }
    let quote = word ^ (ones &* 0x22)
    let backslash = word ^ (ones &* 0x5C)
    let control = (word &- ones &* 0x20) & ~word
    return (control | belowOne(quote) | belowOne(backslash)) & (ones &* 0x80) != 0
  }

  private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}

/// Where the next byte goes in room already made (`ByteBuffer.write(reserving:_:)`): its stores check nothing.
struct ByteCursor {
  fileprivate(set) var position: UnsafeMutablePointer<UInt8>

  @inline(__always) mutating func put(_ literal: StaticString) {
    ByteBuffer.copy(from: literal.utf8Start, to: position, count: literal.utf8CodeUnitCount)
    position += literal.utf8CodeUnitCount
  }

  @inline(__always) mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
    if let source = bytes.baseAddress { ByteBuffer.copy(from: source, to: position, count: bytes.count) }
    position += bytes.count
  }

  /// An integer in decimal (`-12`): at most `ByteBuffer.maximumIntegerLength` bytes.
  @inline(__always) mutating func put(integer value: Int) { position += ByteBuffer.writeInteger(value, to: position) }

  /// A two-place decimal (`-12.30`): at most `Hundredths.maximumTextLength` bytes.
  @inline(__always) mutating func put(_ value: Hundredths) { position += value.writeText(to: position) }

  @inline(__always) mutating func put(_ byte: UInt8) {
    position.pointee = byte
    position += 1
  }

  /// A two-place decimal as a JSON string (`"-12.30"`), `suffix` before the closing quote, or `null`: at most
  /// `Hundredths.maximumTextLength + 3` bytes.
  @inline(__always) mutating func put(quoted value: Hundredths?, suffix: UInt8? = nil) {
    guard let value else { return put("null") }
    put(UInt8(ascii: "\""))
    put(value)
    if let suffix { put(suffix) }
    put(UInt8(ascii: "\""))
  }
}

/// Texts as JSON strings, quotes included, laid end to end in one allocation made once and kept for the
/// life of the process (a static's): read without a reference count or a bounds check of an array. Never
/// changed once made, so shared across threads (`@unchecked`: its storage is pointers).
struct QuotedTexts: @unchecked Sendable {
  private let bytes: UnsafeBufferPointer<UInt8>
  /// Where each text starts in `bytes`, and after the last, where the last ends.
  private let starts: UnsafeBufferPointer<Int>

  init(_ texts: [String]) {
    let written = ByteBuffer(capacity: 32 * texts.count)
    var starts = [0]
    for text in texts {
      written.appendEscaped(text)
      starts.append(written.count)
    }
    bytes = UnsafeBufferPointer(written.withBytes(Self.copy))
    self.starts = UnsafeBufferPointer(starts.withUnsafeBufferPointer(Self.copy))
  }

  /// A copy of `source` in storage of its own, never freed.
  private static func copy<Element>(_ source: UnsafeBufferPointer<Element>) -> UnsafeMutableBufferPointer<Element> {
    let storage = UnsafeMutableBufferPointer<Element>.allocate(capacity: source.count)
    _ = storage.initialize(fromContentsOf: source)
    return storage
  }

  var count: Int { starts.count - 1 }

  /// The text at `position` (below `count`), quoted.
  @inline(__always) func text(at position: Int) -> UnsafeBufferPointer<UInt8> {
    precondition(position >= 0 && position < count, "no quoted text at \(position)")
    return UnsafeBufferPointer(rebasing: bytes[starts[position]..<starts[position + 1]])
  }
}

/// A member name: a literal from the code (written as it is: the engine's names need no escaping), or
/// text from the data (a department, a finding code), escaped.
struct JSONKey: ExpressibleByStringLiteral {
  enum Storage {
    case literal(StaticString)
    case text(String)
  }

  let storage: Storage

  init(stringLiteral name: StaticString) { storage = .literal(name) }
  init(text: String) { storage = .text(text) }
}
