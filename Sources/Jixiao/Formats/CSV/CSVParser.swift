/// An RFC 4180 parser that takes its input in blocks: quoted fields, doubled quotes, embedded newlines,
/// CRLF or LF, a UTF-8 byte-order mark. Each row knows the line it starts on.
struct CSVParser {
  enum Row {
    case fields([String], line: Int)
    /// The fields as far as they could be read, to tell which table the row belongs to.
    case malformed([String], line: Int, reason: String)
  }

  private enum State {
    case fieldStart, unquoted, quoted, quoteInQuoted
  }

  private var state = State.fieldStart
  private var field: [UInt8] = []
  private var fields: [String] = []
  private var rowBytes = 0
  private var line = 1
  private var rowLine = 1
  private var sawFirstBytes = false
  private var rowError: String?

  mutating func feed(_ block: [UInt8], _ body: (Row) -> Void) {
    var bytes = block[...]
    if !sawFirstBytes {
      sawFirstBytes = true
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    }
    for byte in bytes {
      rowBytes += 1
      if rowBytes > Limits.maximumRecordBytes, rowError == nil {
        rowError = "the row is longer than \(Limits.maximumRecordBytes) bytes (a quote left open?)"
      }
      switch (state, byte) {
      case (.quoted, UInt8(ascii: "\"")):
        state = .quoteInQuoted
      case (.quoted, _):
        if byte == 0x0A { line += 1 }
        append(byte)
      case (.quoteInQuoted, UInt8(ascii: "\"")):
        append(byte)
        state = .quoted
      case (.fieldStart, UInt8(ascii: "\"")):
        state = .quoted
      case (_, UInt8(ascii: ",")):
        endField()
      case (_, 0x0A):
        endField()
        endRow(body)
        line += 1
      case (_, 0x0D):
        break
      case (.quoteInQuoted, _):
        if rowError == nil { rowError = "text after a closing quote; a quote inside a quoted field is written \"\"" }
        append(byte)
        state = .unquoted
      default:
        // An unquoted field, where a quote is ordinary text.
        state = .unquoted
        append(byte)
      }
    }
  }

  mutating func finish(_ body: (Row) -> Void) {
    if state == .quoted {
      endField()
      body(.malformed(fields, line: rowLine, reason: "a quoted field opened here is never closed; check the quotes"))
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
    if let text = field.withUnsafeBufferPointer(UTF8Validation.string) {
      fields.append(text)
    } else {
      fields.append("")
      if rowError == nil { rowError = "a cell is not valid UTF-8; save the file as UTF-8" }
    }
    field.removeAll(keepingCapacity: true)
    state = .fieldStart
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
    fields.removeAll(keepingCapacity: true)
    field.removeAll(keepingCapacity: true)
    rowBytes = 0
    rowError = nil
    state = .fieldStart
    rowLine = line + 1
  }
}
