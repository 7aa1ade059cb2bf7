/// An RFC 4180 parser that takes its input in blocks: quoted fields, doubled quotes, embedded newlines,
/// a UTF-8 byte-order mark. A line ends at CRLF, LF or a lone CR (old Mac files), mixed as they come;
/// inside a quoted field they stay text but still count as lines, so each row knows the line it starts on
/// whatever the convention.
///
/// A row is handed over as its fields' bytes (`Fields`), which the flat CSV reader copies into its table's
/// one record (`CSVTableAssembler`); `Row` is the same row with a `String` a field (the grid of a form CSV,
/// the tests).
struct CSVParser {
  enum Row {
    case fields([String], line: Int)
    /// The fields as far as they could be read, to tell which table the row belongs to.
    case malformed([String], line: Int, reason: Message)

  }

  /// A row's fields as bytes, valid only during the call that hands them over: each field's text (a field
  /// that is not valid in the file's encoding is empty, and the row is malformed), one after the other, each
  /// but the last followed by a comma, so that the bytes of the row are well-formed UTF-8 exactly when each
  /// field is.
  struct Fields {
    /// The fields' bytes, each but the last followed by a comma.
    let bytes: UnsafeBufferPointer<UInt8>
    /// By field, where it ends in `bytes` (at its comma, or at the end): field `n` is
    /// `ends[n - 1] + 1 ..< ends[n]`.
    let ends: UnsafeBufferPointer<Int>
    /// The line the row starts on.
    let line: Int
    /// Why the row cannot be read (a quote problem, a NUL, a cell not valid in the file's encoding); its
    /// fields are then those read, to tell which table it belongs to.
    let error: Message?
    /// No byte of the row's fields is `"`, `\` or a control character: each field is plain JSON text
    /// (`TableText.isPlainJSON`).
    let isPlainJSON: Bool

    var count: Int { ends.count }

    func range(_ field: Int) -> Range<Int> { (field == 0 ? 0 : ends[field - 1] + 1)..<ends[field] }

    subscript(_ field: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[range(field)]) }

    func string(_ field: Int) -> String { String(decoding: self[field], as: UTF8.self) }

    /// The row as `Row` gives it.
    var row: Row {
      let strings = (0..<count).map(string)
      if let error { return .malformed(strings, line: line, reason: error) }
      return .fields(strings, line: line)
    }
  }

  private enum State {
    case fieldStart, unquoted, quoted, quoteInQuoted
  }

  private var state = State.fieldStart
  /// The row's fields read so far, each followed by a comma, and the field being read (from `fieldStart`).
  private var row: [UInt8] = []
  private var fieldStart = 0
  /// By field read, the offset of the comma after it in `row`.
  private var ends: [Int] = []
  private var rowBytes = 0
  private var line = 1
  private var rowLine = 1
  /// The line the open quoted field began on: where an unclosed quote is reported.
  private var quoteLine = 1
  private var lineEnds = LineEnds()
  /// How many bytes of a byte-order mark the input has begun with, while that is still open; nil once
  /// decided. The mark may arrive split across blocks (a pipe's first read can be short).
  private var orderMarkBytes: Int? = 0
  private static let orderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
  private var rowError: Message? {
    didSet { rowErrorField = ends.count }
  }
  /// The field being read when `rowError` was set: a cell not valid in the file's encoding before it is
  /// the row's error instead, as it was found first.
  private var rowErrorField = 0

  /// What the file was saved in: a cell that is not text is reported in its terms.
  var sourceEncoding = SourceEncoding.utf8

  /// Off only in tests, which hold the run shortcut to the byte-at-a-time definition.
  var readsRuns = true

  /// Reads a block, handing each row it ends to `body` with a `String` a field.
  mutating func feed(_ block: [UInt8], _ body: (Row) -> Void) {
    feedFields(block) { body($0.row) }
  }

  /// At the end of the input: the last row, with a `String` a field.
  mutating func finish(_ body: (Row) -> Void) {
    finishFields { body($0.row) }
  }

  /// Reads a block, handing each row it ends to `body` as bytes.
  mutating func feedFields(_ block: [UInt8], _ body: (Fields) -> Void) {
    block.withUnsafeBufferPointer { buffer in
      var index = 0
      // The last row of this block found plain text, whose leading bytes the next rows mostly repeat.
      var plainRow: UnsafeBufferPointer<UInt8>?
      while let matched = orderMarkBytes, index < buffer.count {
        if buffer[index] == Self.orderMark[matched] {
          index += 1
          orderMarkBytes = matched + 1 < Self.orderMark.count ? matched + 1 : nil
        } else {
          // Not a mark after all: the bytes taken for one are text.
          orderMarkBytes = nil
          for byte in Self.orderMark[..<matched] { step(byte, body) }
        }
      }
      while index < buffer.count {
        if readsRuns, state == .fieldStart, ends.isEmpty, let next = wholeRow(buffer, from: index, after: &plainRow, body) {
          index = next
        } else if readsRuns, let end = runEnd(buffer, from: index) {
          appendRun(UnsafeBufferPointer(rebasing: buffer[index..<end]))
          index = end
        } else {
          step(buffer[index], body)
          index += 1
        }
      }
    }
  }

  /// A row that lies whole in the block from `start`, up to its line end, with no quoted field and no NUL
  /// (nearly every row): its bytes are its fields, each but the last followed by its comma, so they are
  /// handed to `body` as they lie in the block. Returns where the next row starts; nil, having read nothing,
  /// for any other row, which `step` and the runs read. `plainRow`, a row of the block found plain text, is
  /// the row's if it is.
  private mutating func wholeRow(
    _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, after plainRow: inout UnsafeBufferPointer<UInt8>?,
    _ body: (Fields) -> Void
  ) -> Int? {
    // A blank line, the LF of a CRLF cut by the block's end, and a quoted first field are `step`'s.
    guard let base = buffer.baseAddress, start < buffer.count, buffer[start] != UInt8(ascii: "\""), buffer[start] != 0x0A,
      buffer[start] != 0x0D
    else {
      return nil
    }
    let count = min(buffer.count, start + Limits.maximumRecordBytes)
    // The fields' ends go to the stack; a row of more fields than it holds spills them to `ends` a batch at a
    // time. An append a comma would check the array's uniqueness and capacity once a field.
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: Self.endsBatch) { batch -> Int? in
      var batched = 0
      func addEnd(_ end: Int) {
        if batched == batch.count {
          ends.append(contentsOf: batch)
          batched = 0
        }
        batch[batched] = end
        batched += 1
      }
      var index = start
      var lineEnd: Int?
      scanning: while true {
        // To the next byte below `-` (0x2D), eight bytes at a time: every byte the row stops on is one (`,`,
        // CR, LF, NUL), and the lowest byte a word flags is exactly the first such byte.
        while index + 8 <= count {
          let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
          let below = (word &- 0x2D2D_2D2D_2D2D_2D2D) & ~word & 0x8080_8080_8080_8080
          if below != 0 {
            index += below.trailingZeroBitCount >> 3
            break
          }
          index += 8
        }
        guard index < count else { break }
        // (`index < count <= buffer.count`.)
        switch base[index] {
        case UInt8(ascii: ","):
          addEnd(index - start)
          if index + 1 < count, base[index + 1] == UInt8(ascii: "\"") { break scanning }
        case 0x0A, 0x0D:
          lineEnd = index
          break scanning
        case 0: break scanning
        default: break
        }
        index += 1
      }
      // The row's bytes with its line end are at most `Limits.maximumRecordBytes`, as `step` counts them.
      guard let lineEnd, lineEnd - start < Limits.maximumRecordBytes else {
        if !ends.isEmpty { ends.removeAll(keepingCapacity: true) }
        return nil
      }
      addEnd(lineEnd - start)
      lineEnds.sawText()
      var next = lineEnd + 1
      _ = lineEnds.isLineEnd(base[lineEnd])
      if base[lineEnd] == 0x0D, next < buffer.count, base[next] == 0x0A {
        // The LF of a CRLF, which ends no line of its own.
        _ = lineEnds.isLineEnd(0x0A)
        next += 1
      }
      let fields = UnsafeBufferPointer(rebasing: buffer[start..<lineEnd])
      // The bytes the row shares with the plain row before are plain text already; only the rest is scanned.
      let unknown = plainRow.map { Self.unknownBytes(of: fields, besides: $0) } ?? 0..<fields.count
      // Inlined, as the JSON decoder's is: the call's frame cost 0.4 K instructions a table.
      let beforeTail = UnsafeBufferPointer(rebasing: fields[..<unknown.upperBound])
      let scan = JSONStringScan.inlinedScan(beforeTail, from: unknown.lowerBound)
      if scan.stop == .end, scan.isValidUTF8 { plainRow = fields }
      if scan.stop == .end, scan.isValidUTF8, ends.isEmpty {
        // Text, and plain JSON: handed over as it lies, with its ends as they lie on the stack.
        body(
          Fields(
            bytes: fields, ends: UnsafeBufferPointer(rebasing: batch[..<batched]), line: rowLine, error: nil, isPlainJSON: true
          ))
      } else {
        ends.append(contentsOf: UnsafeBufferPointer(rebasing: batch[..<batched]))
        if scan.stop == .end, scan.isValidUTF8 {
          ends.withUnsafeBufferPointer { ends in
            body(Fields(bytes: fields, ends: ends, line: rowLine, error: nil, isPlainJSON: true))
          }
        } else {
          row.append(contentsOf: fields)
          row.append(UInt8(ascii: ","))
          hand(body, line: rowLine, error: nil)
        }
      }
      reset()
      line += 1
      rowLine = line
      return next
    }
  }

  /// The bytes of `row` not known to be plain text by `plainRow`, plain text (no `"`, `\` or control
  /// character, well-formed UTF-8): all but the head and the tail the two share, each cut to where a character
  /// of `plainRow` starts, so that the head, the rest and the tail are each well-formed exactly when the row
  /// is (the rest starts a character of its own, and the tail starts one).
  static func unknownBytes(of row: UnsafeBufferPointer<UInt8>, besides plainRow: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    guard let rowBase = row.baseAddress, let plainBase = plainRow.baseAddress else { return 0..<row.count }
    // (Offsets within the buffers: their sums and differences do not overflow.)
    let count = min(row.count, plainRow.count)
    // The head, eight bytes at a time to the first that differs (the lowest byte a word flags).
    var head = 0
    while head &+ 8 <= count {
      let difference =
        UnsafeRawPointer(rowBase + head).loadUnaligned(as: UInt64.self)
        ^ UnsafeRawPointer(plainBase + head).loadUnaligned(as: UInt64.self)
      if difference != 0 {
        head &+= difference.trailingZeroBitCount &>> 3
        break
      }
      head &+= 8
    }
    while head < count, rowBase[head] == plainBase[head] { head &+= 1 }
    while head > 0, head < plainRow.count, plainBase[head] & 0xC0 == 0x80 { head &-= 1 }
    // The tail, back to the last byte that differs (the highest byte a word flags), clear of the head.
    let rowEnd = rowBase + row.count
    let plainEnd = plainBase + plainRow.count
    let tailLimit = min(row.count &- head, plainRow.count)
    var tail = 0
    while tail &+ 8 <= tailLimit {
      let difference =
        UnsafeRawPointer(rowEnd - (tail &+ 8)).loadUnaligned(as: UInt64.self)
        ^ UnsafeRawPointer(plainEnd - (tail &+ 8)).loadUnaligned(as: UInt64.self)
      if difference != 0 {
        tail &+= difference.leadingZeroBitCount &>> 3
        break
      }
      tail &+= 8
    }
    while tail < tailLimit, rowEnd[-1 &- tail] == plainEnd[-1 &- tail] { tail &+= 1 }
    while tail > 0, plainEnd[-tail] & 0xC0 == 0x80 { tail &-= 1 }
    return head..<row.count &- tail
  }

  /// How many field ends `wholeRow` gathers on the stack before it appends them to `ends`.
  static var endsBatch: Int { 64 }

  /// Where a run of bytes that `step` would only append ends: text of an unquoted field up to a comma or
  /// line end, or of a quoted field up to its next quote; a NUL ends either. nil where `step` must read
  /// the byte itself.
  private func runEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var end = start
    switch state {
    case .quoted:
      // Every byte the loops stop on is at most `,` (0x2C): one comparison passes the rest.
      while end < buffer.count {
        let byte = buffer[end]
        if byte <= UInt8(ascii: "\""), byte == UInt8(ascii: "\"") || byte == 0 { break }
        end += 1
      }
    case .fieldStart, .unquoted:
      // A quote opens a quoted field only as a field's first byte.
      if state == .fieldStart, buffer[start] == UInt8(ascii: "\"") { return nil }
      while end < buffer.count {
        let byte = buffer[end]
        if byte <= UInt8(ascii: ","), byte == UInt8(ascii: ",") || byte == 0x0A || byte == 0x0D || byte == 0 { break }
        end += 1
      }
    case .quoteInQuoted:
      return nil
    }
    return end > start ? end : nil
  }

  /// What `step` does for each byte of such a run, at once.
  private mutating func appendRun(_ run: UnsafeBufferPointer<UInt8>) {
    countRowBytes(run.count)
    if state == .quoted {
      for byte in run where lineEnds.isLineEnd(byte) { line += 1 }
    } else {
      state = .unquoted
      lineEnds.sawText()
    }
    let room = max(0, Limits.maximumRecordBytes - (row.count - fieldStart))
    row.append(contentsOf: UnsafeBufferPointer(rebasing: run.prefix(room)))
  }

  @inline(__always)
  private mutating func countRowBytes(_ count: Int) {
    rowBytes += count
    if rowBytes > Limits.maximumRecordBytes, rowError == nil {
      rowError = Message(
        en: "the row is longer than \(Limits.maximumRecordBytes) bytes (a quote left open?)",
        zh: "该行超过 \(Limits.maximumRecordBytes) 字节（是否有引号未闭合？）")
    }
  }

  static let nulMessage = Message(
    en:
      "the row holds a NUL byte (0x00), which is not text (a file full of them is UTF-16 without its byte-order mark); save the file as CSV UTF-8",
    zh: "该行有 NUL 字节（0x00），这不是文字（满是 NUL 的文件是没有字节顺序标记的 UTF-16）；请将文件存为 CSV UTF-8")

  /// The definition: one byte of RFC 4180.
  private mutating func step(_ byte: UInt8, _ body: (Fields) -> Void) {
    countRowBytes(1)
    if byte == 0, rowError == nil { rowError = Self.nulMessage }
    let endsLine = lineEnds.isLineEnd(byte)
    if state == .quoted {
      if byte == UInt8(ascii: "\"") {
        state = .quoteInQuoted
      } else {
        if endsLine { line += 1 }
        append(byte)
      }
      return
    }
    switch (state, byte) {
    case (.quoteInQuoted, UInt8(ascii: "\"")):
      append(byte)
      state = .quoted
    case (.fieldStart, UInt8(ascii: "\"")):
      state = .quoted
      quoteLine = line
    case (_, UInt8(ascii: ",")):
      endField()
    case (_, 0x0A), (_, 0x0D):
      // Not a line end only as the LF of a CRLF, whose CR ended the row.
      guard endsLine else { return }
      endField()
      endRow(body)
      line += 1
    case (.quoteInQuoted, _):
      if rowError == nil {
        rowError = Message(
          en: "text after a closing quote; a quote inside a quoted field is written \"\"",
          zh: "闭合引号之后还有文字；带引号的字段中的引号应写作 \"\"")
      }
      append(byte)
      state = .unquoted
    default:
      // An unquoted field, where a quote is ordinary text.
      state = .unquoted
      append(byte)
    }
  }

  /// At the end of the input: the last row, as bytes.
  mutating func finishFields(_ body: (Fields) -> Void) {
    if let matched = orderMarkBytes {
      orderMarkBytes = nil
      for byte in Self.orderMark[..<matched] { step(byte, body) }
    }
    if state == .quoted {
      // The open field is the rest of the file, not a cell: the row is the cells before it.
      row.removeSubrange(fieldStart...)
      hand(
        body, line: quoteLine,
        error: Message(
          en:
            "a quoted field opened on this line is never closed, so the rest of the file is one cell and is not read; check the quotes",
          zh: "本行开始的带引号字段没有闭合，文件其余部分成了一个单元格，未读取；请检查引号"))
      reset()
      return
    }
    if state != .fieldStart || row.count > fieldStart || !ends.isEmpty {
      endField()
      endRow(body)
    }
  }

  private mutating func append(_ byte: UInt8) {
    if row.count - fieldStart < Limits.maximumRecordBytes { row.append(byte) }
  }

  private mutating func endField() {
    ends.append(row.count)
    row.append(UInt8(ascii: ","))
    fieldStart = row.count
    state = .fieldStart
  }

  private mutating func endRow(_ body: (Fields) -> Void) {
    // A row of one empty field is a blank line: no row.
    if rowError != nil || ends.count != 1 || ends[0] != 0 { hand(body, line: rowLine, error: rowError) }
    reset()
  }

  /// Hands the row read to `body`: its fields checked as text, each field that is not emptied.
  private mutating func hand(_ body: (Fields) -> Void, line: Int, error: Message?) {
    var error = error
    // Whether the row is text and plain JSON, in one pass for a plain row (`JSONStringScan` stops at a quote,
    // a backslash or a control character).
    let (isValid, isPlainJSON) = row.withUnsafeBufferPointer { row in
      let bytes = UnsafeBufferPointer(rebasing: row.dropLast())
      let scan = JSONStringScan.scan(bytes, from: 0)
      return scan.stop == .end ? (scan.isValidUTF8, true) : (UTF8Validation.isValid(bytes), false)
    }
    if !isValid, let invalid = emptyInvalidFields() {
      // An error found in a later field than the first invalid one came after it.
      if error == nil || (error == rowError && invalid < rowErrorField) {
        error = Message(
          en: "a cell is not valid \(sourceEncoding.rawValue); save the file as CSV UTF-8",
          zh: "有单元格不是有效的 \(sourceEncoding.rawValue)；请将文件存为 CSV UTF-8")
      }
    }
    row.withUnsafeBufferPointer { row in
      ends.withUnsafeBufferPointer { ends in
        let bytes = UnsafeBufferPointer(rebasing: row.dropLast())
        body(Fields(bytes: bytes, ends: ends, line: line, error: error, isPlainJSON: isPlainJSON))
      }
    }
  }

  /// Each field that is not well-formed UTF-8 made empty (rare: the row is refused); the first such field.
  private mutating func emptyInvalidFields() -> Int? {
    var kept: [UInt8] = []
    var start = 0
    var first: Int?
    for (field, end) in ends.enumerated() {
      if row[start..<end].withUnsafeBufferPointer(UTF8Validation.isValid) {
        kept += row[start..<end]
      } else if first == nil {
        first = field
      }
      ends[field] = kept.count
      kept.append(UInt8(ascii: ","))
      start = end + 1
    }
    row = kept
    return first
  }

  private mutating func reset() {
    // `removeAll(keepingCapacity:)` takes the generic path even on an empty array (a whole row leaves both so,
    // nearly always).
    if !row.isEmpty { row.removeAll(keepingCapacity: true) }
    if !ends.isEmpty { ends.removeAll(keepingCapacity: true) }
    fieldStart = 0
    rowBytes = 0
    rowError = nil
    state = .fieldStart
    rowLine = line + 1
  }
}

/// Line ends as CSV files write them: CRLF, LF or a lone CR (old Mac), mixed as they come.
struct LineEnds {
  /// The byte before was a CR: an LF right after it belongs to the same line end.
  private var afterCR = false

  /// Whether `byte`, the next byte of the input, ends a line: a CR, or an LF that does not follow one.
  mutating func isLineEnd(_ byte: UInt8) -> Bool {
    defer { afterCR = byte == 0x0D }
    return byte == 0x0D || (byte == 0x0A && !afterCR)
  }

  /// The next bytes were neither CR nor LF.
  mutating func sawText() { afterCR = false }
}
