/// An RFC 4180 parser that takes its input in blocks: quoted fields, doubled quotes, embedded newlines,
/// a UTF-8 byte-order mark. A line ends at CRLF, LF or a lone CR (old Mac files), mixed as they come;
/// inside a quoted field they stay text but still count as lines, so each row knows the line it starts on
/// whatever the convention.
struct CSVParser {
  enum Row {
    case fields([String], line: Int)
    /// The fields as far as they could be read, to tell which table the row belongs to.
    case malformed([String], line: Int, reason: Message)

  }

  private enum State {
    case fieldStart, unquoted, quoted, quoteInQuoted
  }

  private var state = State.fieldStart
  private var field: [UInt8] = []
  /// An unquoted field that lies whole in the block being fed, up to its comma or line end: the field's
  /// text is made from the block's bytes when `step` ends it, without copying them into `field` first.
  /// Set only within `feed`, for the step right after it.
  private var wholeField: UnsafeBufferPointer<UInt8>?
  private var fields: [String] = []
  /// The row before's cells: a table's rows repeat its id, name, department, year and level names, and a
  /// cell equal byte for byte to the one above it reuses that string.
  private var previousFields: [String] = []
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
  private var rowError: Message?

  /// What the file was saved in: a cell that is not text is reported in its terms.
  var sourceEncoding = SourceEncoding.utf8

  /// Off only in tests, which hold the run shortcut to the byte-at-a-time definition.
  var readsRuns = true

  mutating func feed(_ block: [UInt8], _ body: (Row) -> Void) {
    block.withUnsafeBufferPointer { buffer in
      var index = 0
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
        if readsRuns, let end = runEnd(buffer, from: index) {
          let run = UnsafeBufferPointer(rebasing: buffer[index..<end])
          if state == .fieldStart, field.isEmpty, end < buffer.count, buffer[end] != 0 {
            // `step` reads the comma or line end at `end` next, in this call, and ends the field with these bytes.
            countRowBytes(run.count)
            state = .unquoted
            lineEnds.sawText()
            wholeField = UnsafeBufferPointer(rebasing: run.prefix(Limits.maximumRecordBytes))
          } else {
            appendRun(run)
          }
          index = end
        } else {
          step(buffer[index], body)
          index += 1
        }
      }
    }
  }

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
    field.append(contentsOf: UnsafeBufferPointer(rebasing: run.prefix(max(0, Limits.maximumRecordBytes - field.count))))
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
  private mutating func step(_ byte: UInt8, _ body: (Row) -> Void) {
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

  mutating func finish(_ body: (Row) -> Void) {
    if let matched = orderMarkBytes {
      orderMarkBytes = nil
      for byte in Self.orderMark[..<matched] { step(byte, body) }
    }
    if state == .quoted {
      // The open field is the rest of the file, not a cell: the row is the cells before it.
      body(
        .malformed(
          fields, line: quoteLine,
          reason: Message(
            en:
              "a quoted field opened on this line is never closed, so the rest of the file is one cell and is not read; check the quotes",
            zh: "本行开始的带引号字段没有闭合，文件其余部分成了一个单元格，未读取；请检查引号")))
      reset()
      return
    }
    if state != .fieldStart || !field.isEmpty || !fields.isEmpty {
      endField()
      endRow(body)
    }
  }

  private mutating func append(_ byte: UInt8) {
    if field.count < Limits.maximumRecordBytes { field.append(byte) }
  }

  private mutating func endField() {
    if let whole = wholeField {
      wholeField = nil
      appendField(whole)
    } else {
      field.withUnsafeBufferPointer { appendField($0) }
      clearField()
    }
    state = .fieldStart
  }

  private mutating func appendField(_ bytes: UnsafeBufferPointer<UInt8>) {
    let column = fields.count
    if column < previousFields.count, previousFields[column].hasSameBytes(as: bytes) {
      fields.append(previousFields[column])
    } else if let text = UTF8Validation.string(bytes) {
      fields.append(text)
    } else {
      fields.append("")
      if rowError == nil {
        rowError = Message(
          en: "a cell is not valid \(sourceEncoding.rawValue); save the file as CSV UTF-8",
          zh: "有单元格不是有效的 \(sourceEncoding.rawValue)；请将文件存为 CSV UTF-8")
      }
    }
  }

  /// `removeAll(keepingCapacity:)` takes the generic path even on an empty array, once a field.
  private mutating func clearField() {
    if !field.isEmpty { field.removeAll(keepingCapacity: true) }
  }

  private mutating func endRow(_ body: (Row) -> Void) {
    if let rowError {
      body(.malformed(fields, line: rowLine, reason: rowError))
    } else if !(fields.count == 1 && fields[0].isEmpty) {
      body(.fields(fields, line: rowLine))
    }
    reset()
  }

  private mutating func reset() {
    swap(&previousFields, &fields)
    fields.removeAll(keepingCapacity: true)
    clearField()
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
