/// A strict RFC 8259 parser over UTF-8 bytes. Hand-written because the engine needs exact number text
/// and line numbers, and because a hostile file must give a located error, never a crash.
public struct JSONParser {
  public struct Error: Swift.Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: Message

    public var description: String { "line \(line), column \(column): \(message.english)" }
  }

  /// Deeper nesting than any table needs is refused rather than recursed into.
  public static let maximumDepth = 64

  /// Valid only during `parse`: the parser reads the caller's bytes without copying or retaining them.
  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  private var line = 1
  private var lineStart = 0

  /// Parses one whole document; `firstLine` numbers its lines (for a JSON Lines record).
  public static func parse(_ bytes: some Collection<UInt8>, firstLine: Int = 1) throws(Error) -> JSONValue {
    let result: Result<JSONValue, Error>? = bytes.withContiguousStorageIfAvailable { buffer in
      Result { () throws(Error) in try parse(buffer: buffer, firstLine: firstLine) }
    }
    if let result { return try result.get() }
    let copy = Array(bytes)
    return try copy.withUnsafeBufferPointer { buffer in
      Result { () throws(Error) in try parse(buffer: buffer, firstLine: firstLine) }
    }.get()
  }

  private static func parse(buffer: UnsafeBufferPointer<UInt8>, firstLine: Int) throws(Error) -> JSONValue {
    var parser = JSONParser(bytes: buffer, firstLine: firstLine)
    parser.skipByteOrderMark()
    parser.skipWhitespace()
    guard parser.index < parser.bytes.count else {
      throw parser.error(Message(en: "the document is empty; expected a JSON object", zh: "文档为空；应为一个 JSON 对象"))
    }
    let value = try parser.parseValue(depth: 0)
    parser.skipWhitespace()
    guard parser.index == parser.bytes.count else {
      throw parser.error(afterEnd(parser.bytes, at: parser.index))
    }
    return value
  }

  private init(bytes: UnsafeBufferPointer<UInt8>, firstLine: Int) {
    self.bytes = bytes
    self.line = firstLine
  }

  private func error(_ message: Message) -> Error {
    Error(line: line, column: index - lineStart + 1, message: message)
  }

  private func unexpected(expecting expected: Message) -> Error { error(Self.unexpected(bytes, at: index, expecting: expected)) }

  /// `unexpected X; expected Y` for what stands at `index`. Shared with `DirectTableDecoder`, whose errors
  /// are this parser's, as are the messages below.
  static func unexpected(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, expecting expected: Message) -> Message {
    guard index < bytes.count else {
      return Message(en: "unexpected end of input; expected \(expected.english)", zh: "输入意外结束；应为\(expected.chinese)")
    }
    let found = describe(bytes, at: index)
    return Message(
      en: "unexpected \(found.english); expected \(expected.english)", zh: "意外的\(found.chinese)；应为\(expected.chinese)")
  }

  static func afterEnd(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Message {
    let found = describe(bytes, at: index)
    return Message(
      en: "unexpected \(found.english) after the end of the JSON value", zh: "JSON 值结束后出现意外的\(found.chinese)")
  }

  static let aValue = Message(en: "a value", zh: "一个值")
  static let aMemberName = Message(en: "a member name in double quotes", zh: "用双引号括起的成员名")
  static let commaOrBrace = Message(en: "',' or '}'", zh: " ',' 或 '}'")
  static let commaOrBracket = Message(en: "',' or ']'", zh: " ',' 或 ']'")
  static func colon(after key: String) -> Message { Message(en: "':' after \"\(key)\"", zh: " \"\(key)\" 之后的 ':'") }

  /// What stands at `index`, as an error names it.
  private static func describe(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Message {
    guard index < bytes.count else { return Message(en: "end of input", zh: "输入结尾") }
    let byte = bytes[index]
    if byte >= 0x20 && byte < 0x7F {
      let quoted = "'\(Character(Unicode.Scalar(byte)))'"
      return Message(en: quoted, zh: " \(quoted)")
    }
    let hex = String(byte, radix: 16, uppercase: true)
    return Message(en: "byte 0x\(hex)", zh: "字节 0x\(hex)")
  }

  private mutating func skipByteOrderMark() {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
  }

  private mutating func skipWhitespace() {
    Self.skipWhitespace(bytes, &index, line: &line, lineStart: &lineStart)
  }

  /// Skips JSON whitespace (space, tab, CR, LF) from `index`, counting lines and where the last began.
  /// Shared with `DirectTableDecoder`, which must number lines as this parser does.
  static func skipWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, line: inout Int, lineStart: inout Int) {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0D: index += 1
      case 0x0A:
        index += 1
        line += 1
        lineStart = index
      default: return
      }
    }
  }

  private mutating func parseValue(depth: Int) throws(Error) -> JSONValue {
    guard depth <= Self.maximumDepth else {
      throw error(
        Message(
          en: "nesting deeper than \(Self.maximumDepth) levels; a table needs at most 4",
          zh: "嵌套超过 \(Self.maximumDepth) 层；表格最多需要 4 层"))
    }
    guard index < bytes.count else { throw unexpected(expecting: Self.aValue) }
    switch bytes[index] {
    case UInt8(ascii: "{"): return .object(try parseObject(depth: depth))
    case UInt8(ascii: "["): return try parseArray(depth: depth)
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"):
      try expectWord("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try expectWord("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try expectWord("null")
      return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
    default: throw unexpected(expecting: Self.aValue)
    }
  }

  private mutating func expectWord(_ word: StaticString) throws(Error) {
    if let problem = Self.wordProblem(bytes, at: index, word) { throw error(problem) }
    index += word.utf8CodeUnitCount
  }

  /// Why `word` (`true`, `false`, `null`) is not at `index`, or nil when it is. Shared with `DirectTableDecoder`.
  static func wordProblem(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ word: StaticString) -> Message? {
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count else {
      return Message(en: "unexpected end of input; expected \(word)", zh: "输入意外结束；应为 \(word)")
    }
    for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
      let end = min(bytes.count, index + 12)
      let text = String(decoding: bytes[index..<end], as: UTF8.self).prefix(while: { $0 != "\n" })
      return Message(
        en: "unexpected text '\(text)…'; expected a JSON value (a table is an object: {\"name\": …})",
        zh: "意外的文字 '\(text)…'；应为 JSON 值（表格是一个对象：{\"name\": …}）")
    }
    return nil
  }

  /// The messages of errors in strings, shared with `DirectTableDecoder`.
  static let invalidUTF8 = Message(
    en: "the string is not valid UTF-8; save the file as UTF-8", zh: "字符串不是有效的 UTF-8；请将文件存为 UTF-8")
  static let endInsideString = Message(en: "unexpected end of input inside a string", zh: "字符串内输入意外结束")
  static func unescapedControl(_ byte: UInt8) -> Message {
    Message(
      en: "a control character (0x\(String(byte, radix: 16))) inside a string must be escaped",
      zh: "字符串内的控制字符（0x\(String(byte, radix: 16))）必须转义")
  }
  static func repeatedMember(_ key: String) -> Message {
    Message(
      en: "the member \"\(key)\" appears twice in one object; keep one", zh: "成员 \"\(key)\" 在同一对象中出现两次；请保留一个")
  }

  private mutating func parseObject(depth: Int) throws(Error) -> JSONObject {
    let objectLine = line
    index += 1
    var members: [JSONObject.Member] = []
    var seen = Set<String>()
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return JSONObject(members: members, line: objectLine)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw unexpected(expecting: Self.aMemberName)
      }
      let (keyLine, keyColumn) = (line, index - lineStart + 1)
      let key = try parseString()
      guard seen.insert(key).inserted else {
        throw error(Self.repeatedMember(key))
      }
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw unexpected(expecting: Self.colon(after: key))
      }
      index += 1
      skipWhitespace()
      let value = try parseValue(depth: depth + 1)
      members.append(.init(key: key, value: value, line: keyLine, column: keyColumn))
      skipWhitespace()
      guard index < bytes.count else { throw unexpected(expecting: Self.commaOrBrace) }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "}") {
        index += 1
        return JSONObject(members: members, line: objectLine)
      }
      throw unexpected(expecting: Self.commaOrBrace)
    }
  }

  private mutating func parseArray(depth: Int) throws(Error) -> JSONValue {
    index += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try parseValue(depth: depth + 1))
      skipWhitespace()
      guard index < bytes.count else { throw unexpected(expecting: Self.commaOrBracket) }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(elements)
      }
      throw unexpected(expecting: Self.commaOrBracket)
    }
  }

  private mutating func parseNumber() throws(Error) -> String {
    let start = index
    if let problem = Self.scanNumber(bytes, &index) { throw error(problem) }
    return String(decoding: bytes[start..<index], as: UTF8.self)
  }

  /// Moves `index` past a number as RFC 8259 writes it; on a malformed one, stops where it goes wrong
  /// and says what was expected. Shared with `DirectTableDecoder`.
  static func scanNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Message? {
    func skipDigits() {
      while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
    }
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    let integerStart = index
    skipDigits()
    guard index > integerStart else { return Message(en: "a number needs digits after '-'", zh: "数值的 '-' 之后须有数字") }
    if bytes[integerStart] == 0x30, index - integerStart > 1 {
      return Message(en: "a number cannot start with 0", zh: "数值不能以 0 开头")
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      let fractionStart = index
      skipDigits()
      guard index > fractionStart else { return Message(en: "a number needs digits after '.'", zh: "数值的 '.' 之后须有数字") }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
      let exponentStart = index
      skipDigits()
      guard index > exponentStart else {
        return Message(en: "a number needs digits in its exponent", zh: "数值的指数部分须有数字")
      }
    }
    return nil
  }

  private mutating func parseString() throws(Error) -> String {
    do {
      return try Self.string(bytes, &index)
    } catch {
      throw self.error(error.message)
    }
  }

  /// Why a string cannot be read, at the index `string(_:_:)` leaves.
  struct StringProblem: Swift.Error {
    let message: Message
  }

  /// The text of the string whose opening quote is at `index`, escapes decoded; `index` ends past its
  /// closing quote, or where the problem is. Shared with `DirectTableDecoder`, which reads escaped strings
  /// with it, so that both give the same text and the same errors.
  static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) throws(StringProblem) -> String {
    index += 1
    // Fast path: no escape and no control character before the closing quote.
    var end = index
    while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 {
      end += 1
    }
    if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
      guard let text = String(validating: bytes[index..<end], as: UTF8.self) else {
        throw StringProblem(message: Self.invalidUTF8)
      }
      index = end + 1
      return text
    }
    var utf8: [UInt8] = Array(bytes[index..<end])
    index = end
    while true {
      guard index < bytes.count else { throw StringProblem(message: Self.endInsideString) }
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        guard let text = String(validating: utf8, as: UTF8.self) else {
          throw StringProblem(message: Self.invalidUTF8)
        }
        return text
      case UInt8(ascii: "\\"):
        index += 1
        guard index < bytes.count else {
          throw StringProblem(message: Message(en: "unexpected end of input after '\\'", zh: "'\\' 之后输入意外结束"))
        }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""): utf8.append(0x22)
        case UInt8(ascii: "\\"): utf8.append(0x5C)
        case UInt8(ascii: "/"): utf8.append(0x2F)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"): utf8.append(contentsOf: try unicodeEscape(bytes, &index).utf8)
        default:
          let sequence = "'\\\(Character(Unicode.Scalar(escape)))'"
          throw StringProblem(
            message: Message(en: "unknown escape \(sequence) in a string", zh: "字符串中有未知的转义 \(sequence)"))
        }
      case 0x00..<0x20:
        throw StringProblem(message: Self.unescapedControl(byte))
      default:
        // The run of plain bytes up to the next quote, escape or control character, at once.
        var runEnd = index + 1
        while runEnd < bytes.count, bytes[runEnd] != UInt8(ascii: "\""), bytes[runEnd] != UInt8(ascii: "\\"),
          bytes[runEnd] >= 0x20
        {
          runEnd += 1
        }
        utf8.append(contentsOf: bytes[index..<runEnd])
        index = runEnd
      }
    }
  }

  private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) throws(StringProblem) -> UInt32 {
    guard index + 4 <= bytes.count else {
      throw StringProblem(message: Message(en: "unexpected end of input in a \\u escape", zh: "\\u 转义中输入意外结束"))
    }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt32
      switch byte {
      case 0x30...0x39: digit = UInt32(byte - 0x30)
      case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
      case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
      default: throw StringProblem(message: Message(en: "a \\u escape needs 4 hexadecimal digits", zh: "\\u 转义需要 4 位十六进制数字"))
      }
      value = value * 16 + digit
      index += 1
    }
    return value
  }

  private static func unicodeEscape(
    _ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int
  ) throws(StringProblem) -> Unicode.Scalar {
    var scalarValue = try hex4(bytes, &index)
    if (0xD800...0xDBFF).contains(scalarValue) {
      guard index + 2 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
        throw StringProblem(
          message: Message(
            en: "a high surrogate \\u escape must be followed by a low surrogate", zh: "高代理项 \\u 转义之后须跟低代理项"))
      }
      index += 2
      let low = try hex4(bytes, &index)
      guard (0xDC00...0xDFFF).contains(low) else {
        throw StringProblem(message: Message(en: "invalid low surrogate in a \\u escape", zh: "\\u 转义中的低代理项无效"))
      }
      scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
    }
    guard let scalar = Unicode.Scalar(scalarValue) else {
      throw StringProblem(message: Message(en: "a lone surrogate \\u escape", zh: "孤立的代理项 \\u 转义"))
    }

    return scalar
  }
}
