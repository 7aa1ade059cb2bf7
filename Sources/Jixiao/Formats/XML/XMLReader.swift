import Foundation

/// A pull reader for the XML that Office documents are made of (XML 1.0 with namespaces, UTF-8): start
/// and end tags with their attributes, character data with the five predefined entities, numeric
/// character references and CDATA sections; comments and processing instructions are skipped.
///
/// Document type declarations are refused, so no entity can be declared: nothing is fetched, nothing
/// expands (no XXE, no "billion laughs"). Depth, names and attribute values are bounded (`Limits`).
/// Errors name the file, the entry, the line and column, and what was expected.
public struct XMLReader {
  public struct Limits: Sendable, Hashable {
    /// Open elements at once (a worksheet nests about 6 deep).
    public var maximumDepth = 256
    /// Bytes in an element or attribute name.
    public var maximumNameBytes = 1_024
    /// Bytes in one attribute value.
    public var maximumAttributeBytes = 1 << 20
    /// Attributes on one element.
    public var maximumAttributes = 256

    public init() {}

    public static let standard = Limits()
  }

  /// An open element, as offsets: no string or array, so that opening and closing one (every tag of a
  /// part) copies and frees nothing.
  private struct Open {
    /// The name as written (`x:row`): a range of the part's bytes.
    var qualifiedName: Range<Int>
    /// Where the local part of the name starts (past the colon of a prefixed name).
    var localStart: Int
    /// The binding (an index into `bindings`) the name resolved to; -1 for no namespace. Bindings made
    /// after it are dropped before it closes, so the index holds while it is open.
    var namespace: Int
    /// Namespace bindings in force before this element.
    var bindingsBefore: Int
    var preservesSpace: Bool
  }

  public let file: String
  public let entry: String
  public let limits: Limits
  private let bytes: [UInt8]
  /// The offset of the next byte to read (tests compare where two paths end).
  private(set) var position = 0
  private var stack: [Open] = []
  private var bindings: [(prefix: String, namespace: String)] = [("xml", XMLName.xmlNamespace)]
  /// The namespace of unprefixed element names where the reader is.
  private(set) var defaultNamespace = "" {
    didSet { defaultNamespaceChanges &+= 1 }
  }
  /// Counts changes of `defaultNamespace`, so that a caller can tell it is the one it checked.
  private(set) var defaultNamespaceChanges = 0
  /// The binding (an index into `bindings`) `defaultNamespace` comes from; -1 for none.
  private var defaultBinding = -1
  private var scratch: [RawAttribute] = []
  /// Counts changes of `bindings`, so that a tag read with prefixes in force can tell they still are.
  private var bindingsChanges = 0
  /// Start tags read the plain way lately, as patterns: a tag equal to one of them but for the value of
  /// the attribute asked for is read without scanning it again (a producer writes every row alike).
  private var plainTagPatterns: [PlainTagPattern] = []
  /// Run properties of shared strings read the plain way lately (`<rPr>…</rPr>`, as byte ranges).
  private var knownRunProperties: [Range<Int>] = []
  private var text: [UInt8] = []
  /// Whether the text gathered holds anything but white space.
  private var textIsBlank = true
  /// Whether the innermost open element was an empty-element tag, whose end is the next event.
  private var pendingEnd = false
  private var sawRoot = false
  private var finished = false
  private var readProlog = false

  /// Whether attribute values, and the letters of plain start tags' names (`letterRunEnd`), are scanned eight
  /// bytes at a time where they can be; off only to test that against the byte-by-byte scan.
  var usesWordScans = true
  /// Whether a declaration of a well-known namespace takes its string instead of making one
  /// (`XMLName.wellKnownNamespace`); off only to test that against the strings made from the bytes.
  var usesWellKnownNamespaces = true

  /// `entry` names the part inside the file (`xl/worksheets/sheet1.xml`) for error messages.
  public init(bytes: [UInt8], file: String, entry: String, limits: Limits = .standard) {
    self.bytes = bytes
    self.file = file
    self.entry = entry
    self.limits = limits
  }

  /// Open elements, the one just started included.
  public var depth: Int { stack.count }

  /// Whether `xml:space="preserve"` is in force on the innermost open element.
  public var preservesSpace: Bool { stack.last?.preservesSpace ?? false }

  /// The next event, or nil after the root element has ended (and only white space, comments and
  /// processing instructions follow it).
  public mutating func next() throws(InputError) -> XMLEvent? {
    if pendingEnd {
      pendingEnd = false
      let name = name(of: stack[stack.count - 1])
      close()
      return .end(name)
    }
    guard !finished else { return nil }
    let bytes = self.bytes
    return try bytes.withUnsafeBufferPointer { buffer throws(InputError) in try step(buffer) }
  }

  /// After a start event: skips to its end, nested elements and text included.
  public mutating func skipElement() throws(InputError) {
    let target = stack.count - 1
    while let event = try next() {
      if case .end = event, stack.count == target { return }
    }
  }

  /// After a start event: the character data inside the element, nested elements' included, up to
  /// its end.
  public mutating func elementText() throws(InputError) -> String {
    let target = stack.count - 1
    var result = ""
    while let event = try next() {
      switch event {
      case .text(let piece): result += piece
      case .end where stack.count == target: return result
      default: break
      }
    }
    return result
  }

  // MARK: - Errors

  /// An error about what was just read: `failure(_:at:)` at the current position.
  func failure(_ message: Message) -> InputError { failure(message, at: position) }

  /// An error at a byte offset: the line and column (in characters) are counted only now.
  func failure(_ message: Message, at offset: Int) -> InputError {
    var line = 1
    var lineStart = 0
    let end = min(offset, bytes.count)
    for index in 0..<end where bytes[index] == 0x0A {
      line += 1
      lineStart = index + 1
    }
    let column = 1 + bytes[lineStart..<end].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    return InputError(
      SourceLocation(file: file, field: entry),
      Message(en: "line \(line), column \(column): ", zh: "第 \(line) 行第 \(column) 列：") + message)
  }

  // MARK: - Scanning

  private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
      UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "."), 0x80...0xFF:
      true
    default: false
    }
  }

  private mutating func step(_ buffer: UnsafeBufferPointer<UInt8>) throws(InputError) -> XMLEvent? {
    if !readProlog {
      readProlog = true
      try readPrologStart(buffer)
    }
    while position < buffer.count {
      if buffer[position] != UInt8(ascii: "<") {
        try readCharacterData(buffer)
        continue
      }
      let next = position + 1 < buffer.count ? buffer[position + 1] : 0
      switch next {
      case UInt8(ascii: "!"):
        try readMarkupDeclaration(buffer)
      case UInt8(ascii: "?"):
        try skipProcessingInstruction(buffer)
      default:
        // A tag: the text before it is an event of its own.
        if let event = takeText() { return event }
        if next == UInt8(ascii: "/") { return try readEndTag(buffer) }
        return try readStartTag(buffer)
      }
    }
    if let open = stack.last {
      let name = Self.string(buffer, open.qualifiedName)
      throw failure(
        Message(en: "the document ends inside <\(name)>: the part is cut short", zh: "文档在 <\(name)> 内部结束：该部件被截断"),
        at: buffer.count)
    }
    guard sawRoot else { throw failure(Message(en: "the part holds no XML element", zh: "该部件没有 XML 元素"), at: buffer.count) }
    finished = true
    return nil
  }

  /// A UTF-8 byte-order mark is skipped; UTF-16 is refused; an XML declaration must say UTF-8 if it
  /// names an encoding.
  private mutating func readPrologStart(_ buffer: UnsafeBufferPointer<UInt8>) throws(InputError) {
    if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
    if buffer.count >= 2, (buffer[0] == 0xFE && buffer[1] == 0xFF) || (buffer[0] == 0xFF && buffer[1] == 0xFE) {
      throw failure(
        Message(
          en: "the part is UTF-16; only UTF-8 is read (save the file again from Excel, WPS or LibreOffice)",
          zh: "该部件为 UTF-16；只读取 UTF-8（请用 Excel、WPS 或 LibreOffice 重新保存文件）"),
        at: 0)
    }
    guard position + 6 <= buffer.count, Self.bytes(buffer, position..<position + 5, equal: "<?xml"),
      Self.isSpace(buffer[position + 5])
    else { return }
    let start = position
    guard let end = find("?>", in: buffer, from: position) else {
      throw failure(Message(en: "the XML declaration is not closed with ?>", zh: "XML 声明没有以 ?> 结束"), at: start)
    }
    let written = UnsafeBufferPointer(rebasing: buffer[start..<end])
    if written.allSatisfy({ $0 < 0x80 }) {
      // The usual declaration, ASCII: the same reading on bytes, without Foundation's search.
      guard let found = find("encoding", in: written, from: 0) else {
        position = end + 2
        return
      }
      func isQuote(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") }
      var index = found + 8
      while index < written.count,
        written[index] == UInt8(ascii: " ") || written[index] == UInt8(ascii: "=") || isQuote(written[index])
      {
        index += 1
      }
      var valueEnd = index
      while valueEnd < written.count, !isQuote(written[valueEnd]), written[valueEnd] != UInt8(ascii: " ") { valueEnd += 1 }
      // ASCII, so lower case by bytes is what `requireUTF8` compares: only a refusal needs the string.
      let declared = UnsafeBufferPointer(rebasing: written[index..<valueEnd])
      func lowercased(is name: StaticString) -> Bool {
        declared.count == name.utf8CodeUnitCount
          && declared.indices.allSatisfy { (declared[$0] | (declared[$0] &- 0x41 < 26 ? 0x20 : 0)) == name.utf8Start[$0] }
      }
      if !lowercased(is: "utf-8") && !lowercased(is: "utf8") {
        try requireUTF8(String(decoding: declared, as: UTF8.self), at: start)
      }
      position = end + 2
      return
    }
    let content = String(decoding: written, as: UTF8.self)
    if let range = content.range(of: "encoding") {
      let rest = content[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
      try requireUTF8(String(rest.prefix { $0 != "\"" && $0 != "'" && $0 != " " }), at: start)
    }
    position = end + 2
  }

  /// The declaration's encoding, however it was read, must be UTF-8: the one refusal of both readings.
  private func requireUTF8(_ declared: String, at start: Int) throws(InputError) {
    guard declared.lowercased() == "utf-8" || declared.lowercased() == "utf8" else {
      throw failure(
        Message(
          en:
            "the part declares the encoding \(declared); only UTF-8 is read (save the file again from Excel, WPS or LibreOffice)",
          zh: "该部件声明的编码为 \(declared)；只读取 UTF-8（请用 Excel、WPS 或 LibreOffice 重新保存文件）"),
        at: start)
    }
  }

  /// Where `needle` (not empty) is first in `buffer` from `start`.
  private func find(_ needle: StaticString, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    let length = needle.utf8CodeUnitCount
    let first = needle.utf8Start[0]
    var index = start
    while index + length <= buffer.count {
      if buffer[index] == first, Self.bytes(buffer, index..<index + length, equal: needle) { return index }
      index += 1
    }
    return nil
  }

  private mutating func takeText() -> XMLEvent? {
    guard !text.isEmpty else { return nil }
    defer {
      text.removeAll(keepingCapacity: true)
      textIsBlank = true
    }
    // White space around the root element is not content.
    guard !stack.isEmpty else { return nil }
    return .text(String(decoding: text, as: UTF8.self))
  }

  /// Text up to the next `<`, with references replaced and line ends normalized.
  private mutating func readCharacterData(_ buffer: UnsafeBufferPointer<UInt8>) throws(InputError) {
    let start = position
    while position < buffer.count {
      let byte = buffer[position]
      if byte == UInt8(ascii: "<") { break }
      if byte == UInt8(ascii: "&") {
        try appendReference(buffer)
        continue
      }
      // A run of plain bytes, checked and copied at once.
      let runStart = position
      var ascii = true
      while position < buffer.count {
        let byte = buffer[position]
        if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") || byte == 0x0D { break }
        if byte < 0x20 && byte != 0x09 && byte != 0x0A {
          throw failure(controlCharacter(byte), at: position)
        }
        if byte >= 0x80 { ascii = false }
        if byte == UInt8(ascii: "]"), position + 2 < buffer.count, buffer[position + 1] == UInt8(ascii: "]"),
          buffer[position + 2] == UInt8(ascii: ">")
        {
          throw failure(
            Message(en: "]]> may not appear in text outside a CDATA section", zh: "CDATA 段之外的文字中不能出现 ]]>"), at: position)
        }
        if textIsBlank && !Self.isSpace(byte) { textIsBlank = false }
        position += 1
      }
      let run = UnsafeBufferPointer(rebasing: buffer[runStart..<position])
      if !ascii && !UTF8Validation.isValid(run) {
        throw failure(Message(en: "the text is not valid UTF-8", zh: "文字不是有效的 UTF-8"), at: runStart)
      }
      text.append(contentsOf: run)
      if position < buffer.count, buffer[position] == 0x0D {
        // CR LF and a lone CR are both one line feed (XML 1.0 §2.11).
        text.append(0x0A)
        position += 1
        if position < buffer.count, buffer[position] == 0x0A { position += 1 }
      }
    }
    if stack.isEmpty && !textIsBlank {
      throw failure(
        sawRoot
          ? Message(en: "text after the root element has ended", zh: "根元素结束后还有文字")
          : Message(en: "text before the root element", zh: "根元素之前有文字"),
        at: start)
    }
  }

  private func controlCharacter(_ byte: UInt8) -> Message {
    Message(
      en: "a control character (U+\(hex(byte))) is not allowed in XML", zh: "XML 中不允许控制字符（U+\(hex(byte))）")
  }

  private func attributeNotUTF8(_ name: String) -> Message {
    Message(en: "the value of the attribute \(name) is not valid UTF-8", zh: "属性 \(name) 的值不是有效的 UTF-8")
  }

  private func attributeTooLong(_ name: String) -> Message {
    Message(
      en: "the value of the attribute \(name) is longer than \(limits.maximumAttributeBytes) bytes",
      zh: "属性 \(name) 的值超过 \(limits.maximumAttributeBytes) 字节")
  }

  private func hex(_ value: some BinaryInteger) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  /// `&name;` or `&#…;` at `position`, appended to `text` as UTF-8.
  private mutating func appendReference(_ buffer: UnsafeBufferPointer<UInt8>) throws(InputError) {
    let scalar = try reference(buffer)
    textIsBlank = false
    UTF8.encode(scalar) { text.append($0) }
  }

  /// Reads a reference at `position` (on the `&`) and returns the character it stands for.
  private mutating func reference(_ buffer: UnsafeBufferPointer<UInt8>) throws(InputError) -> Unicode.Scalar {
    let start = position
    var end = position + 1
    while end < buffer.count, end - start < 12, buffer[end] != UInt8(ascii: ";") { end += 1 }
    guard end < buffer.count, buffer[end] == UInt8(ascii: ";") else {
      throw failure(
        Message(en: "a & that starts no reference: write &amp; for an ampersand", zh: "& 之后不是引用：& 符号应写作 &amp;"),
        at: start)
    }
    let body = String(decoding: UnsafeBufferPointer(rebasing: buffer[start + 1..<end]), as: UTF8.self)
    position = end + 1
    switch body {
    case "lt": return "<"
    case "gt": return ">"
    case "amp": return "&"
    case "quot": return "\""
    case "apos": return "'"
    default: break
    }
    guard body.hasPrefix("#") else {
      throw failure(
        Message(
          en: "the entity &\(body); is not defined (only &lt; &gt; &amp; &quot; &apos; and numeric references are)",
          zh: "实体 &\(body); 未定义（只有 &lt; &gt; &amp; &quot; &apos; 和数字引用有定义）"),
        at: start)
    }
    let digits = body.dropFirst()
    let value: UInt32?
    if digits.hasPrefix("x") {
      let hexDigits = digits.dropFirst()
      value = !hexDigits.isEmpty && hexDigits.allSatisfy(\.isHexDigit) ? UInt32(hexDigits, radix: 16) : nil
    } else {
      value = !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isWholeNumber } ? UInt32(digits, radix: 10) : nil
    }
    guard let value, let scalar = Unicode.Scalar(value), Self.isXMLCharacter(scalar) else {
      throw failure(
        Message(
          en: "the character reference &\(body); is not a character XML allows", zh: "字符引用 &\(body); 不是 XML 允许的字符"),
        at: start)
    }
    return scalar
  }

  private static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
    default: false
    }
  }

  /// `<!--`, `<![CDATA[` or a document type declaration (refused).
  private mutating func readMarkupDeclaration(_ buffer: UnsafeBufferPointer<UInt8>) throws(InputError) {
    let start = position
    let rest = UnsafeBufferPointer(rebasing: buffer[position...])
    if rest.starts(with: "<!--".utf8) {
      guard let end = find("-->", in: buffer, from: position + 4) else {
        throw failure(Message(en: "a comment is not closed with -->", zh: "注释没有以 --> 结束"), at: start)
      }
      position = end + 3
    } else if rest.starts(with: "<![CDATA[".utf8) {
      guard !stack.isEmpty else {
        throw failure(Message(en: "a CDATA section outside the root element", zh: "CDATA 段在根元素之外"), at: start)
      }
      guard let end = find("]]>", in: buffer, from: position + 9) else {
        throw failure(Message(en: "a CDATA section is not closed with ]]>", zh: "CDATA 段没有以 ]]> 结束"), at: start)
      }
      let content = UnsafeBufferPointer(rebasing: buffer[position + 9..<end])
      guard UTF8Validation.isValid(content) else {
        throw failure(Message(en: "the CDATA section is not valid UTF-8", zh: "CDATA 段不是有效的 UTF-8"), at: start)
      }
      var index = 0
      while index < content.count {
        let byte = content[index]
        if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
          throw failure(controlCharacter(byte), at: position + 9 + index)
        }
        if byte == 0x0D {
          text.append(0x0A)
          if index + 1 < content.count, content[index + 1] == 0x0A { index += 1 }
        } else {
          text.append(byte)
        }
        index += 1
      }
      if !content.isEmpty { textIsBlank = false }
      position = end + 3
    } else if rest.starts(with: "<!DOCTYPE".utf8) {
      throw failure(
        Message(
          en:
            "the part has a document type declaration (<!DOCTYPE>), which Office files never have; refused so that no entity can be declared",
          zh: "该部件有文档类型声明（<!DOCTYPE>），Office 文件从不带有它；为防止声明实体而拒绝读取"),
        at: start)
    } else {
      throw failure(Message(en: "<! starts neither a comment nor a CDATA section", zh: "<! 开始的既不是注释也不是 CDATA 段"), at: start)
    }
  }

  private mutating func skipProcessingInstruction(_ buffer: UnsafeBufferPointer<UInt8>) throws(InputError) {
    guard let end = find("?>", in: buffer, from: position + 2) else {
      throw failure(Message(en: "a processing instruction is not closed with ?>", zh: "处理指令没有以 ?> 结束"), at: position)
    }
    position = end + 2
  }

  /// A name at `position`, which must start one: its bytes, and where its first colon is.
  private mutating func readName(_ buffer: UnsafeBufferPointer<UInt8>, what: @autoclosure () -> Message)
    throws(InputError) -> (range: Range<Int>, colon: Int?)
  {
    let start = position
    guard position < buffer.count, Self.isNameByte(buffer[position]),
      !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(buffer[position]),
      buffer[position] != UInt8(ascii: "-"), buffer[position] != UInt8(ascii: ".")
    else {
      throw failure(Message(en: "expected ", zh: "应为") + what(), at: start)
    }
    var ascii = true
    var colon: Int?
    while position < buffer.count, Self.isNameByte(buffer[position]) {
      let byte = buffer[position]
      if byte >= 0x80 { ascii = false }
      if byte == UInt8(ascii: ":") && colon == nil { colon = position }
      position += 1
    }
    guard position - start <= limits.maximumNameBytes else {
      throw failure(
        Message(
          en: "a name of \(position - start) bytes, more than the \(limits.maximumNameBytes) allowed",
          zh: "名称长 \(position - start) 字节，超过允许的 \(limits.maximumNameBytes) 字节"),
        at: start)
    }
    guard ascii || UTF8Validation.isValid(UnsafeBufferPointer(rebasing: buffer[start..<position])) else {
      throw failure(Message(en: "a name that is not valid UTF-8", zh: "名称不是有效的 UTF-8"), at: start)
    }
    return (start..<position, colon)
  }

  private static func string(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
  }

  private static func bytes(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, equal text: StaticString) -> Bool {
    guard range.count == text.utf8CodeUnitCount else { return false }
    return range.isEmpty || memcmp(buffer.baseAddress! + range.lowerBound, text.utf8Start, range.count) == 0
  }

  /// Whether two ranges of `buffer` hold the same bytes.
  private static func bytes(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, equal other: Range<Int>) -> Bool {
    guard range.count == other.count else { return false }
    return range.isEmpty
      || memcmp(buffer.baseAddress! + range.lowerBound, buffer.baseAddress! + other.lowerBound, range.count) == 0
  }

  private mutating func skipSpace(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = position
    while position < buffer.count, Self.isSpace(buffer[position]) { position += 1 }
    return position > start
  }

  /// An attribute as written, before its name is resolved.
  private struct RawAttribute {
    var name: Range<Int>
    var colon: Int?
    var value: String
    var isDeclaration: Bool
  }

  private mutating func readStartTag(_ buffer: UnsafeBufferPointer<UInt8>) throws(InputError) -> XMLEvent {
    let start = position
    if stack.isEmpty && sawRoot { throw failure(Message(en: "a second root element", zh: "出现第二个根元素"), at: start) }
    guard stack.count < limits.maximumDepth else {
      throw failure(
        Message(en: "elements nested more than \(limits.maximumDepth) deep", zh: "元素嵌套超过 \(limits.maximumDepth) 层"), at: start)
    }
    position += 1
    let (nameRange, nameColon) = try readName(buffer, what: Message(en: "an element name after <", zh: " < 之后的元素名"))
    // The attributes' array is kept from tag to tag, so that reading one allocates nothing.
    var raw = scratch
    scratch = []
    defer {
      raw.removeAll(keepingCapacity: true)
      scratch = raw
    }
    var isEmpty = false
    var declares = false
    while true {
      let spaced = skipSpace(buffer)
      guard position < buffer.count else {
        let tag = Self.string(buffer, nameRange)
        throw failure(Message(en: "the tag <\(tag) is not closed", zh: "标签 <\(tag) 没有结束"), at: start)
      }
      if buffer[position] == UInt8(ascii: ">") {
        position += 1
        break
      }
      if buffer[position] == UInt8(ascii: "/") {
        guard position + 1 < buffer.count, buffer[position + 1] == UInt8(ascii: ">") else {
          let tag = Self.string(buffer, nameRange)
          throw failure(Message(en: "expected /> to close <\(tag)", zh: "应为结束 <\(tag) 的 />"), at: position)
        }
        position += 2
        isEmpty = true
        break
      }
      guard spaced else {
        let tag = Self.string(buffer, nameRange)
        throw failure(Message(en: "expected a space before the attribute in <\(tag)", zh: "<\(tag) 中的属性之前应有空格"), at: position)
      }
      let (attributeRange, colon) = try readName(
        buffer,
        what: Message(
          en: "an attribute name or > in <\(Self.string(buffer, nameRange))", zh: " <\(Self.string(buffer, nameRange)) 中的属性名或 >"))
      _ = skipSpace(buffer)
      guard position < buffer.count, buffer[position] == UInt8(ascii: "=") else {
        let attribute = Self.string(buffer, attributeRange)
        throw failure(Message(en: "expected = after the attribute \(attribute)", zh: "属性 \(attribute) 之后应为 ="), at: position)
      }
      position += 1
      _ = skipSpace(buffer)
      let isDeclaration =
        colon.map { Self.bytes(buffer, attributeRange.lowerBound..<$0, equal: "xmlns") }
        ?? Self.bytes(buffer, attributeRange, equal: "xmlns")
      let value = try readAttributeValue(buffer, name: attributeRange, isDeclaration: isDeclaration)
      let attributeBytes = UnsafeBufferPointer(rebasing: buffer[attributeRange])
      guard !raw.contains(where: { UnsafeBufferPointer(rebasing: buffer[$0.name]).elementsEqual(attributeBytes) }) else {
        throw failure(
          Message(
            en: "the attribute \(Self.string(buffer, attributeRange)) appears twice in <\(Self.string(buffer, nameRange))>",
            zh: "属性 \(Self.string(buffer, attributeRange)) 在 <\(Self.string(buffer, nameRange))> 中出现两次"),
          at: attributeRange.lowerBound)
      }
      guard raw.count < limits.maximumAttributes else {
        throw failure(
          Message(
            en: "more than \(limits.maximumAttributes) attributes in <\(Self.string(buffer, nameRange))>",
            zh: "<\(Self.string(buffer, nameRange))> 中的属性超过 \(limits.maximumAttributes) 个"),
          at: attributeRange.lowerBound)
      }
      declares = declares || isDeclaration
      raw.append(RawAttribute(name: attributeRange, colon: colon, value: value, isDeclaration: isDeclaration))
    }

    // Namespace declarations first: they apply to the element's own name and attributes.
    let bindingsBefore = bindings.count
    if declares {
      for attribute in raw where attribute.isDeclaration {
        if let colon = attribute.colon {
          let prefix = Self.string(buffer, colon + 1..<attribute.name.upperBound)
          guard !attribute.value.isEmpty else {
            throw failure(
              Message(en: "the prefix \(prefix) is bound to an empty namespace", zh: "前缀 \(prefix) 绑定到空的命名空间"),
              at: attribute.name.lowerBound)
          }
          bindings.append((prefix, attribute.value))
        } else {
          bindings.append(("", attribute.value))
        }
        bindingsChanges &+= 1
      }
      updateDefaultNamespace()
    }
    let namespace = try binding(buffer, nameRange, colon: nameColon, isElement: true)
    var open = Open(
      qualifiedName: nameRange, localStart: nameColon.map { $0 + 1 } ?? nameRange.lowerBound, namespace: namespace,
      bindingsBefore: bindingsBefore, preservesSpace: stack.last?.preservesSpace ?? false)
    let name = name(of: open, buffer)
    var attributes: [XMLAttribute] = []
    attributes.reserveCapacity(raw.count)
    var preservesSpace = open.preservesSpace
    for attribute in raw where !attribute.isDeclaration {
      let attributeName = try resolve(buffer, attribute.name, colon: attribute.colon, isElement: false)
      if attribute.colon != nil {
        if attributeName.local == "space" && attributeName.namespace == XMLName.xmlNamespace {
          preservesSpace = attribute.value == "preserve"
        }
        // Two prefixes may name one namespace.
        guard !attributes.contains(where: { $0.name == attributeName }) else {
          throw failure(
            Message(
              en:
                "the attribute \(Self.string(buffer, attribute.name)) appears twice in <\(Self.string(buffer, nameRange))> (by namespace)",
              zh: "属性 \(Self.string(buffer, attribute.name)) 在 <\(Self.string(buffer, nameRange))> 中出现两次（按命名空间）"),
            at: attribute.name.lowerBound)
        }
      }
      attributes.append(XMLAttribute(name: attributeName, value: attribute.value))
    }
    sawRoot = true
    open.preservesSpace = preservesSpace
    stack.append(open)
    pendingEnd = isEmpty
    return .start(XMLStartTag(name: name, attributes: attributes))
  }

  /// `defaultNamespace` and `defaultBinding` after `bindings` changed.
  private mutating func updateDefaultNamespace() {
    defaultBinding = bindings.lastIndex { $0.prefix.isEmpty } ?? -1
    defaultNamespace = defaultBinding < 0 ? "" : bindings[defaultBinding].namespace
  }

  /// An open element's name, resolved.
  private func name(of open: Open, _ buffer: UnsafeBufferPointer<UInt8>) -> XMLName {
    XMLName(
      open.namespace < 0 ? "" : bindings[open.namespace].namespace,
      Self.string(buffer, open.localStart..<open.qualifiedName.upperBound))
  }

  private func name(of open: Open) -> XMLName { bytes.withUnsafeBufferPointer { name(of: open, $0) } }

  private func resolve(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, colon: Int?, isElement: Bool)
    throws(InputError) -> XMLName
  {
    let binding = try binding(buffer, range, colon: colon, isElement: isElement)
    return XMLName(
      binding < 0 ? "" : bindings[binding].namespace,
      Self.string(buffer, (colon.map { $0 + 1 } ?? range.lowerBound)..<range.upperBound))
  }

  /// The binding (an index into `bindings`) a name resolves to; -1 for no namespace.
  private func binding(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, colon: Int?, isElement: Bool)
    throws(InputError) -> Int
  {
    guard let colon else {
      // Unprefixed attributes are in no namespace; unprefixed elements in the default one.
      return isElement ? defaultBinding : -1
    }
    let prefix = UnsafeBufferPointer(rebasing: buffer[range.lowerBound..<colon])
    let local = colon + 1..<range.upperBound
    guard !prefix.isEmpty, !local.isEmpty, !buffer[local].contains(UInt8(ascii: ":")) else {
      throw failure(
        Message(
          en: "the name \(Self.string(buffer, range)) is not a valid qualified name",
          zh: "名称 \(Self.string(buffer, range)) 不是有效的限定名"),
        at: range.lowerBound)
    }
    guard let binding = bindings.lastIndex(where: { $0.prefix.utf8.elementsEqual(prefix) }) else {
      throw failure(
        Message(
          en: "the prefix \(String(decoding: prefix, as: UTF8.self)) in \(Self.string(buffer, range)) is not declared",
          zh: "\(Self.string(buffer, range)) 中的前缀 \(String(decoding: prefix, as: UTF8.self)) 未声明"),
        at: range.lowerBound)
    }
    return binding
  }

  /// A namespace declaration's value (`isDeclaration`) that is a well-known namespace is that namespace's
  /// string (`XMLName.wellKnownNamespace`), which a part's every root tag declares again.
  private mutating func readAttributeValue(_ buffer: UnsafeBufferPointer<UInt8>, name: Range<Int>, isDeclaration: Bool = false)
    throws(InputError) -> String
  {
    guard position < buffer.count, buffer[position] == UInt8(ascii: "\"") || buffer[position] == UInt8(ascii: "'") else {
      throw failure(
        Message(
          en: "expected a quoted value for the attribute \(Self.string(buffer, name))",
          zh: "属性 \(Self.string(buffer, name)) 应有带引号的值"),
        at: position)
    }
    let quote = buffer[position]
    let start = position
    position += 1
    // The usual value has nothing to replace or normalize: its bytes are the value.
    var end = position
    var ascii = true
    // Eight bytes at a time while none is the quote, `&`, `<` or a control character (namespace names are long).
    if usesWordScans, let base = buffer.baseAddress {
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      /// Whether a byte of `word` is zero (exactly when one is; the bytes above one that is may be told wrongly).
      func hasZero(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
      while end + 8 <= buffer.count {
        let word = UInt64(littleEndian: UnsafeRawPointer(base + end).loadUnaligned(as: UInt64.self))
        if hasZero(word ^ (ones &* UInt64(quote))) || hasZero(word ^ (ones &* 0x26)) || hasZero(word ^ (ones &* 0x3C))
          || (word &- ones &* 0x20) & ~word & highs != 0
        {
          break
        }
        if word & highs != 0 { ascii = false }
        end += 8
      }
    }
    while end < buffer.count {
      let byte = buffer[end]
      if byte == quote || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte < 0x20 { break }
      if byte >= 0x80 { ascii = false }
      end += 1
    }
    if end < buffer.count, buffer[end] == quote {
      guard end - position <= limits.maximumAttributeBytes else {
        throw failure(
          attributeTooLong(Self.string(buffer, name)),
          at: start)
      }
      let value = UnsafeBufferPointer(rebasing: buffer[position..<end])
      guard ascii || UTF8Validation.isValid(value) else {
        throw failure(attributeNotUTF8(Self.string(buffer, name)), at: start)
      }
      position = end + 1
      if isDeclaration, usesWellKnownNamespaces, let known = XMLName.wellKnownNamespace(value) { return known }
      return String(decoding: value, as: UTF8.self)
    }
    var value: [UInt8] = Array(UnsafeBufferPointer(rebasing: buffer[position..<end]))
    position = end
    while true {
      guard position < buffer.count else {
        throw failure(
          Message(
            en: "the value of the attribute \(Self.string(buffer, name)) is not closed",
            zh: "属性 \(Self.string(buffer, name)) 的值没有结束"),
          at: start)
      }
      let byte = buffer[position]
      if byte == quote { break }
      switch byte {
      case UInt8(ascii: "<"):
        throw failure(Message(en: "< is not allowed in an attribute value: write &lt;", zh: "属性值中不允许 <：请写作 &lt;"), at: position)
      case UInt8(ascii: "&"):
        UTF8.encode(try reference(buffer)) { value.append($0) }
        continue
      case 0x0D:
        value.append(0x20)
        if position + 1 < buffer.count, buffer[position + 1] == 0x0A { position += 1 }
      case 0x09, 0x0A:
        value.append(0x20)
      case 0..<0x20:
        throw failure(controlCharacter(byte), at: position)
      default:
        if byte >= 0x80 { ascii = false }
        value.append(byte)
      }
      position += 1
      guard value.count <= limits.maximumAttributeBytes else {
        throw failure(
          attributeTooLong(Self.string(buffer, name)),
          at: start)
      }
    }
    position += 1
    guard ascii || value.withUnsafeBufferPointer(UTF8Validation.isValid) else {
      throw failure(attributeNotUTF8(Self.string(buffer, name)), at: start)
    }
    return String(decoding: value, as: UTF8.self)
  }

  private mutating func readEndTag(_ buffer: UnsafeBufferPointer<UInt8>) throws(InputError) -> XMLEvent {
    let start = position
    position += 2
    let (range, _) = try readName(buffer, what: Message(en: "an element name after </", zh: " </ 之后的元素名"))

    _ = skipSpace(buffer)
    guard position < buffer.count, buffer[position] == UInt8(ascii: ">") else {
      let tag = Self.string(buffer, range)
      throw failure(Message(en: "expected > to close </\(tag)", zh: "应为结束 </\(tag) 的 >"), at: position)
    }
    position += 1
    guard let open = stack.last else {
      let tag = Self.string(buffer, range)
      throw failure(Message(en: "</\(tag)> closes no element", zh: "</\(tag)> 没有可结束的元素"), at: start)
    }
    guard Self.bytes(buffer, open.qualifiedName, equal: range) else {
      let tag = Self.string(buffer, range)
      let expected = Self.string(buffer, open.qualifiedName)
      throw failure(
        Message(en: "</\(tag)> where </\(expected)> was expected", zh: "此处应为 </\(expected)>，实为 </\(tag)>"), at: start)
    }
    let name = name(of: open, buffer)
    close()
    return .end(name)
  }

  private mutating func close() {
    let open = stack.removeLast()
    if bindings.count > open.bindingsBefore {
      bindings.removeSubrange(open.bindingsBefore...)
      bindingsChanges &+= 1
      updateDefaultNamespace()
    }
  }
}

// MARK: - A fast path for worksheet cells

extension XMLReader {
  /// A `<c>` element as `plainCell()` reads it: its `r`, `s` and `t` attributes and the text of its `<v>`,
  /// texts as ranges of the part's bytes (`type(of:)` and `value(of:)` make them strings), so that a cell
  /// is a plain value, copied without reference counting.
  struct PlainCell {
    /// `r`, read as `CellReference(_:)` reads its text; a text it refuses is left to the general path.
    var reference: CellReference?
    /// `s`, read as `Int(_:)` reads its text when that is plain digits; anything else is left to the
    /// general path.
    var style: Int?
    /// The text of `t`.
    var type: Range<Int>?
    /// The text of `<v>`; nil when there is none.
    var value: Range<Int>?
    /// For a cell of type `s`: the index its `<v>` holds when that is plain digits (no sign, space or
    /// leading zero, at most nine).
    var sharedIndex: Int?

    /// `value`, and `sharedIndex` for a shared string's plain index.
    mutating func setValue(_ buffer: UnsafeBufferPointer<UInt8>, _ text: Range<Int>, isShared: Bool) {
      value = text
      let digits = UnsafeBufferPointer(rebasing: buffer[text])
      if isShared, (1...9).contains(digits.count), digits.count == 1 || digits[0] != UInt8(ascii: "0"),
        digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
      {
        sharedIndex = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
      }
    }
  }

  /// The text of a plain cell's `t`; the usual types without making a string.
  func type(of cell: PlainCell) -> String? {
    cell.type.map { range in bytes.withUnsafeBufferPointer { Self.cellType(UnsafeBufferPointer(rebasing: $0[range])) } }
  }

  /// `body` with the bytes of a plain cell's `t`; nil when it has none.
  func withType<Result>(of cell: PlainCell, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
    cell.type.map { range in bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) } }
  }

  /// The bytes of a plain cell's `<v>`, as `value(of:)` decodes them.
  func withValue<Result>(of cell: PlainCell, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
    cell.value.map { range in bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) } }
  }

  /// The text of a plain cell's `<v>`.
  func value(of cell: PlainCell) -> String? {
    cell.value.map { range in bytes.withUnsafeBufferPointer { Self.string($0, range) } }
  }

  /// The next element when it is a worksheet cell written the plain way, read whole: white space, then
  /// `<c` with only the attributes `r` (a cell reference), `s` (digits) and `t` (each at most once, ASCII,
  /// no references), then `/>`,
  /// or `>`, white space, at most one `<v>` holding ASCII text without references, line breaks or `]`
  /// and its `</v>`, white space and `</c>`. Anything else returns nil with nothing read, for `next()`.
  ///
  /// What it returns is what `next()` gives for the same bytes (events for `<c>` and its `<v>`, the
  /// white space between as text), so a caller that reads a cell from either gets the same cell: the
  /// general reader is the definition (`SheetFastPathTests` compares the two). The element name is
  /// unprefixed: it is in `defaultNamespace`, which the caller checks.
  @inline(__always)
  mutating func plainCell() -> PlainCell? {
    guard !pendingEnd, !finished, readProlog, text.isEmpty, !stack.isEmpty,
      stack.count + 2 <= limits.maximumDepth, limits.maximumAttributes >= 3
    else { return nil }
    let start = position
    let maximumValue = min(64, limits.maximumAttributeBytes)
    guard let (cell, end) = bytes.withUnsafeBufferPointer({ Self.scanPlainCell($0, from: start, maximumValue: maximumValue) })
    else { return nil }
    position = end
    return cell
  }

  /// A worksheet cell in one of the three shapes that make up most of LibreOffice's print area, as
  /// `compactCell()` reads it: a styled cell without a value, a shared string by its index, or a number.
  struct CompactCell: Equatable {
    var reference: CellReference
    var style: Int?
    /// The index the cell's `<v>` holds, for a shared string; nil for a cell without one.
    var sharedIndex: Int?
    /// The text of the `<v>` of a number (`t="n"`, or no type), as a range of the part's bytes (`withBytes(of:_:)`); nil
    /// for a cell without one.
    var number: Range<Int>?
  }

  /// The next element when it is a cell of one of three shapes, read in one pass over its bytes without
  /// making a string: white space, `<c r="…"`, optionally ` s="…"`, then either `/>`, ` t="s"><v>…</v></c>`,
  /// ` t="n"><v>…</v></c>` or `><v>…</v></c>` (a number without a type). The reference is one to three upper-case letters, then one to seven digits
  /// not starting with 0, within Excel's last row and column; the style is one to nine digits; the index one
  /// to nine digits, no leading zero; a number's text printable ASCII but `&` and `]`. Anything else returns
  /// nil with nothing read, for `plainCell()`.
  ///
  /// What it returns is what `plainCell()` gives for the same bytes (its reference, style, shared index or
  /// value; no value for `/>`), and it ends where that ends: `plainCell()` and, through it, the general
  /// reader are its definition (`SheetFastPathTests` compares them). The element name is unprefixed: it is
  /// in `defaultNamespace`, which the caller checks.
  @inline(__always)
  mutating func compactCell() -> CompactCell? {
    guard !pendingEnd, !finished, readProlog, text.isEmpty, !stack.isEmpty,
      stack.count + 2 <= limits.maximumDepth, limits.maximumAttributes >= 3, limits.maximumAttributeBytes >= 10
    else { return nil }
    let start = position
    guard let (cell, end) = bytes.withUnsafeBufferPointer({ Self.scanCompactCell($0, from: start) }) else { return nil }
    position = end
    return cell
  }

  /// The eight bytes at `at` as a little-endian word.
  @inline(__always)
  private static func word(_ base: UnsafePointer<UInt8>, _ at: Int) -> UInt64 {
    UInt64(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self))
  }

  /// `compactCell()` on the bytes from `start`: the cell and where it ends, or nil.
  @inline(__always)
  private static func scanCompactCell(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> (CompactCell, Int)? {
    guard let base = buffer.baseAddress else { return nil }
    var at = start
    let count = buffer.count
    while at < count, isSpace(base[at]) { at += 1 }
    // The longest cell read here is under 60 bytes: with that many left, no index below needs a bounds test.
    // Literals are compared eight bytes at a time, as little-endian words of their UTF-8 (`<c r="` here).
    guard count - at >= 64, word(base, at) & 0xFFFF_FFFF_FFFF == 0x22_3D72_2063_3C else { return nil }
    at += 6
    var column = 0
    var letters = 0
    while letters < 3, base[at] &- UInt8(ascii: "A") < 26 {
      column = column * 26 + Int(base[at] &- UInt8(ascii: "A")) + 1
      at += 1
      letters += 1
    }
    guard letters > 0, base[at] &- UInt8(ascii: "1") < 9 else { return nil }
    let row = digits(base, &at, upTo: 7).value
    guard base[at] == UInt8(ascii: "\""), column <= CellReference.columnLimit, row <= CellReference.rowLimit else { return nil }
    at += 1
    var cell = CompactCell(reference: CellReference(row: row - 1, column: column - 1))
    // ` s="`
    if word(base, at) & 0xFFFF_FFFF == 0x223D_7320 {
      at += 4
      let (style, styleDigits) = digits(base, &at, upTo: 9)
      guard styleDigits > 0, base[at] == UInt8(ascii: "\"") else { return nil }
      at += 1
      cell.style = style
    }
    if base[at] == UInt8(ascii: "/"), base[at + 1] == UInt8(ascii: ">") { return (cell, at + 2) }
    /// A number's text from `valueStart`, up to `</v></c>`.
    func number(from valueStart: Int) -> (CompactCell, Int)? {
      var at = valueStart
      while at < count, base[at] &- 0x20 < 0x60, base[at] != UInt8(ascii: "<"), base[at] != UInt8(ascii: "&"),
        base[at] != UInt8(ascii: "]")
      {
        at += 1
      }
      guard count - at >= 8, word(base, at) == 0x3E63_2F3C_3E76_2F3C else { return nil }
      cell.number = valueStart..<at
      return (cell, at + 8)
    }
    let type = word(base, at)
    if base[at + 8] == UInt8(ascii: "v"), base[at + 9] == UInt8(ascii: ">") {
      // ` t="n"><v>`: a number's text, up to `</v></c>`.
      if type == 0x3C3E_226E_223D_7420 { return number(from: at + 10) }
      // ` t="s"><v>`
      guard type == 0x3C3E_2273_223D_7420 else { return nil }
      at += 10
      guard base[at] &- UInt8(ascii: "0") < 10, base[at] != UInt8(ascii: "0") || base[at + 1] == UInt8(ascii: "<") else {
        return nil
      }
      let index = digits(base, &at, upTo: 9).value
      // `</v></c>`
      guard word(base, at) == 0x3E63_2F3C_3E76_2F3C else { return nil }
      cell.sharedIndex = index
      return (cell, at + 8)
    }
    // `><v>`: a number without a type, which is a number as ` t="n"` is (the bench's writer and openpyxl write
    // every number so). Asked after the typed shapes, which begin with a space: LibreOffice's cells are those.
    guard type & 0xFFFF_FFFF == 0x3E76_3C3E else { return nil }
    return number(from: at + 4)
  }

  /// At most `limit` ASCII digits from `at`, stepped over: their value and how many there were.
  @inline(__always)
  private static func digits(_ base: UnsafePointer<UInt8>, _ at: inout Int, upTo limit: Int) -> (value: Int, count: Int) {
    var value = 0
    var count = 0
    while count < limit, base[at] &- UInt8(ascii: "0") < 10 {
      value = value * 10 + Int(base[at] &- UInt8(ascii: "0"))
      at += 1
      count += 1
    }
    return (value, count)
  }

  /// A cell's type as text; the usual ones without making a string.
  private static func cellType(_ value: UnsafeBufferPointer<UInt8>) -> String {
    if value.count == 1 {
      switch value[0] {
      case UInt8(ascii: "s"): return "s"
      case UInt8(ascii: "n"): return "n"
      case UInt8(ascii: "b"): return "b"
      case UInt8(ascii: "e"): return "e"
      default: break
      }
    }
    return bytes(value, 0..<value.count, equal: "str") ? "str" : String(decoding: value, as: UTF8.self)
  }

  /// Whether `literal` is at `at`, stepping over it.
  @inline(__always)
  private static func take(_ literal: StaticString, _ buffer: UnsafeBufferPointer<UInt8>, _ at: inout Int) -> Bool {
    let length = literal.utf8CodeUnitCount
    guard at + length <= buffer.count else { return false }
    for index in 0..<length where buffer[at + index] != literal.utf8Start[index] { return false }
    at += length
    return true
  }

  @inline(__always)
  private static func skipSpace(_ buffer: UnsafeBufferPointer<UInt8>, _ at: inout Int) {
    while at < buffer.count, isSpace(buffer[at]) { at += 1 }
  }

  /// After an attribute's name: white space, `=`, white space and a quoted value of ASCII (or, when
  /// `allowingUTF8`, valid UTF-8) without references, `<` or control characters, at most `maximumBytes` long;
  /// the value's range, `at` past its closing quote. Nil for anything else.
  private static func plainAttributeValue(
    _ buffer: UnsafeBufferPointer<UInt8>, _ at: inout Int, maximumBytes: Int, allowingUTF8: Bool = false
  ) -> Range<Int>? {
    let count = buffer.count
    skipSpace(buffer, &at)
    guard at + 1 < count, buffer[at] == UInt8(ascii: "=") else { return nil }
    at += 1
    skipSpace(buffer, &at)
    guard at < count, buffer[at] == UInt8(ascii: "\"") || buffer[at] == UInt8(ascii: "'") else { return nil }
    let quote = buffer[at]
    at += 1
    let start = at
    var ascii = true
    while at < count, buffer[at] != quote {
      let byte = buffer[at]
      guard byte >= 0x20, byte < 0x80 || allowingUTF8, byte != UInt8(ascii: "&"), byte != UInt8(ascii: "<") else { return nil }
      if byte >= 0x80 { ascii = false }
      at += 1
    }
    guard at < count, at - start <= maximumBytes,
      ascii || UTF8Validation.isValid(UnsafeBufferPointer(rebasing: buffer[start..<at]))
    else { return nil }
    at += 1
    return start..<at - 1
  }

  /// `plainCell()` on the bytes from `start`: the cell and where it ends, or nil.
  private static func scanPlainCell(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, maximumValue: Int) -> (
    PlainCell, Int
  )? {
    let count = buffer.count
    var at = start
    skipSpace(buffer, &at)
    if let canonical = scanCanonicalCell(buffer, from: at, maximumValue: maximumValue) { return canonical }
    guard take("<c", buffer, &at), at < count else { return nil }
    var cell = PlainCell()
    var seen = (reference: false, style: false)
    var isEmpty = false
    while true {
      let spaced = at < count && isSpace(buffer[at])
      skipSpace(buffer, &at)
      guard at < count else { return nil }
      if buffer[at] == UInt8(ascii: ">") {
        at += 1
        break
      }
      if take("/>", buffer, &at) {
        isEmpty = true
        break
      }
      guard spaced, at + 1 < count else { return nil }
      let name = buffer[at]
      at += 1
      guard let valueRange = plainAttributeValue(buffer, &at, maximumBytes: maximumValue) else { return nil }
      let value = UnsafeBufferPointer(rebasing: buffer[valueRange])
      switch name {
      case UInt8(ascii: "r") where !seen.reference:
        guard let reference = CellReference(bytes: value) else { return nil }
        cell.reference = reference
        seen.reference = true
      case UInt8(ascii: "s") where !seen.style:
        guard (1...18).contains(value.count), value.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
          return nil
        }
        cell.style = value.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        seen.style = true
      case UInt8(ascii: "t") where cell.type == nil: cell.type = valueRange
      default: return nil
      }
    }
    if isEmpty { return (cell, at) }
    skipSpace(buffer, &at)
    if take("<v>", buffer, &at) {
      let valueStart = at
      while at < count {
        let byte = buffer[at]
        guard byte != UInt8(ascii: "<") else { break }
        guard byte >= 0x20 || byte == 0x09 || byte == 0x0A, byte < 0x80, byte != UInt8(ascii: "&"),
          byte != UInt8(ascii: "]")
        else { return nil }
        at += 1
      }
      let valueEnd = at
      guard take("</v>", buffer, &at) else { return nil }
      cell.setValue(
        buffer, valueStart..<valueEnd,
        isShared: cell.type.map { $0.count == 1 && buffer[$0.lowerBound] == UInt8(ascii: "s") } ?? false)
      skipSpace(buffer, &at)
    }
    guard take("</c>", buffer, &at) else { return nil }
    return (cell, at)
  }

  /// `scanPlainCell` for a cell written as producers write it, with fewer tests: `<c r="…"`, then
  /// optionally ` s="…"` and ` t="…"` (letters), then `/>`, `></c>` or `><v>…</v></c>`, nothing else between.
  /// The same cell the general scan reads from these bytes; nil for anything else.
  @inline(__always)
  private static func scanCanonicalCell(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, maximumValue: Int) -> (
    PlainCell, Int
  )? {
    let count = buffer.count
    var at = start
    /// Whether the attribute ` name="` is at `at`, stepping over it.
    func attribute(_ name: UInt8) -> Bool {
      guard at + 4 < count, buffer[at] == UInt8(ascii: " "), buffer[at + 1] == name, buffer[at + 2] == UInt8(ascii: "="),
        buffer[at + 3] == UInt8(ascii: "\"")
      else { return false }
      at += 4
      return true
    }
    guard at + 1 < count, buffer[at] == UInt8(ascii: "<"), buffer[at + 1] == UInt8(ascii: "c") else { return nil }
    at += 2
    guard attribute(UInt8(ascii: "r")) else { return nil }
    let referenceStart = at
    // Letters, then digits not starting with 0: read here; anything else as `CellReference(bytes:)` reads it.
    var column = 0
    var row = 0
    while at < count, at - referenceStart < 3, buffer[at] >= UInt8(ascii: "A"), buffer[at] <= UInt8(ascii: "Z") {
      column = column * 26 + Int(buffer[at] - UInt8(ascii: "A")) + 1
      at += 1
    }
    let digitsStart = at
    if at > referenceStart, at < count, buffer[at] >= UInt8(ascii: "1"), buffer[at] <= UInt8(ascii: "9") {
      while at < count, at - digitsStart < 7, buffer[at] >= UInt8(ascii: "0"), buffer[at] <= UInt8(ascii: "9") {
        row = row * 10 + Int(buffer[at] - UInt8(ascii: "0"))
        at += 1
      }
    }
    let reference: CellReference
    if at > digitsStart, at < count, buffer[at] == UInt8(ascii: "\""), at - referenceStart <= maximumValue,
      column <= CellReference.columnLimit, row <= CellReference.rowLimit
    {
      reference = CellReference(row: row - 1, column: column - 1)
    } else {
      while at < count, buffer[at] != UInt8(ascii: "\"") { at += 1 }
      guard at < count, at - referenceStart <= maximumValue,
        let parsed = CellReference(bytes: UnsafeBufferPointer(rebasing: buffer[referenceStart..<at]))
      else { return nil }
      reference = parsed
    }
    at += 1
    var cell = PlainCell()
    cell.reference = reference
    if attribute(UInt8(ascii: "s")) {
      let styleStart = at
      var style = 0
      while at < count, buffer[at] >= UInt8(ascii: "0"), buffer[at] <= UInt8(ascii: "9"), at - styleStart < 18 {
        style = style * 10 + Int(buffer[at] - UInt8(ascii: "0"))
        at += 1
      }
      guard at > styleStart, at - styleStart <= maximumValue, at < count, buffer[at] == UInt8(ascii: "\"") else { return nil }
      at += 1
      cell.style = style
    }
    var isShared = false
    if attribute(UInt8(ascii: "t")) {
      let typeStart = at
      while at < count, at - typeStart < maximumValue, (buffer[at] | 0x20) >= UInt8(ascii: "a"),
        (buffer[at] | 0x20) <= UInt8(ascii: "z")
      {
        at += 1
      }
      guard at < count, buffer[at] == UInt8(ascii: "\"") else { return nil }
      let type = UnsafeBufferPointer(rebasing: buffer[typeStart..<at])
      isShared = type.count == 1 && type[0] == UInt8(ascii: "s")
      cell.type = typeStart..<at
      at += 1
    }
    guard at + 1 < count else { return nil }
    if buffer[at] == UInt8(ascii: "/") {
      guard buffer[at + 1] == UInt8(ascii: ">") else { return nil }
      return (cell, at + 2)
    }
    guard buffer[at] == UInt8(ascii: ">") else { return nil }
    at += 1
    if take("</c>", buffer, &at) { return (cell, at) }
    guard take("<v>", buffer, &at) else { return nil }
    let valueStart = at
    while at < count {
      let byte = buffer[at]
      guard byte != UInt8(ascii: "<") else { break }
      guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "&"), byte != UInt8(ascii: "]") else { return nil }
      at += 1
    }
    let valueEnd = at
    guard take("</v></c>", buffer, &at) else { return nil }
    cell.setValue(buffer, valueStart..<valueEnd, isShared: isShared)
    return (cell, at)
  }

  /// A shared string item read the plain way (`plainStringItem(reusing:)`).
  struct PlainStringItem {
    /// The item's text as the general reader gives it (before `OOXMLText.decode`, which the caller applies).
    var text: String
    /// Whether the text holds an underscore: without one it holds no `_xHHHH_`, and `OOXMLText.decode`
    /// would give it back unchanged.
    var holdsUnderscore: Bool
  }

  /// The next element when it is a shared string item written the plain way, read whole: white space,
  /// `<si>`, then either one text or rich-text runs, then `</si>`. A text is `<t>` or
  /// `<t xml:space="preserve">`, text without character references (the five predefined entities are
  /// replaced as the general reader replaces them), `<`, `]`, carriage returns or control characters (valid
  /// UTF-8), `</t>`. A run (LibreOffice writes one wherever CJK and Latin text meet) is `<r>`, optionally
  /// `<rPr>` holding only known empty elements (`<sz val="11"/>`, known attributes once each, values as
  /// `plainAttributeValue` reads them, of valid UTF-8), `</rPr>`, a text, `</r>`; the runs' texts are
  /// joined, as the general reader joins them. Anything else returns nil with nothing read. The element
  /// names are unprefixed: they are in `defaultNamespace`, which the caller checks.
  ///
  /// The item is read on its bytes first, its texts' ranges kept in `segments` (which a caller reading many
  /// items keeps for all), and its text made at the end as one string written in place.
  mutating func plainStringItem(reusing segments: inout StringItemSegments) -> PlainStringItem? {
    // `<si><r><rPr><sz/>` opens four elements.
    guard !pendingEnd, !finished, readProlog, text.isEmpty, !stack.isEmpty, stack.count + 4 <= limits.maximumDepth
    else { return nil }
    let bytes = self.bytes
    var known: [Range<Int>] = []
    swap(&known, &knownRunProperties)
    defer { swap(&known, &knownRunProperties) }
    segments.count = 0
    return bytes.withUnsafeBufferPointer { buffer -> PlainStringItem? in
      var at = position
      var content = PlainTextContent()
      guard
        let end = Self.scanPlainStringItem(
          buffer, &at, &segments, &content, known: &known, maximumAttributeBytes: limits.maximumAttributeBytes)
      else { return nil }
      position = end
      let text = String(unsafeUninitializedCapacity: content.bytes) { target in
        var written = 0
        for segment in segments.ranges[..<segments.count] where !segment.isEmpty {
          guard content.holdsReferences else {
            (target.baseAddress! + written).update(from: buffer.baseAddress! + segment.lowerBound, count: segment.count)
            written += segment.count
            continue
          }
          var index = segment.lowerBound
          while index < segment.upperBound {
            if buffer[index] == UInt8(ascii: "&"), let (character, length) = Self.predefinedEntity(in: buffer, at: index) {
              target[written] = character
              index += length
            } else {
              target[written] = buffer[index]
              index += 1
            }
            written += 1
          }
        }
        return written
      }
      return PlainStringItem(text: text, holdsUnderscore: content.holdsUnderscore)
    }
  }

  /// A copy of the reader moved on to `offset`, for a caller that will know whether the reader gets there
  /// between elements at the same depth (`isBetweenElements`, `depth`): one reads the items up to an offset
  /// while another reads on from it (`SharedStrings`), and the second is kept only once the first has
  /// reached it so.
  func resumed(at offset: Int) -> XMLReader {
    var copy = self
    copy.position = offset
    return copy
  }

  /// Whether the reader is between elements as `plainStringItem(reusing:)` needs it (inside the root, no end
  /// tag or text pending): at an item's end, it is then where a reader of the items alone would be.
  var isBetweenElements: Bool { !pendingEnd && !finished && readProlog && text.isEmpty && !stack.isEmpty }

  /// The byte ranges of a shared string item's texts, in storage that outlives the item.
  struct StringItemSegments {
    fileprivate var ranges: [Range<Int>] = []
    fileprivate var count = 0

    init() {}

    fileprivate mutating func append(_ range: Range<Int>) {
      if count < ranges.count { ranges[count] = range } else { ranges.append(range) }
      count += 1
    }
  }

  /// What the texts of an item read the plain way hold.
  private struct PlainTextContent {
    /// Their bytes as written (a reference counted whole): at least the bytes of the text they make.
    var bytes = 0
    var holdsReferences = false
    var holdsUnderscore = false
  }

  /// `plainStringItem(reusing:)` on the bytes from `at`: where the item ends, the ranges of its texts in
  /// `segments`, and what they hold in `content`; nil when it is not written the plain way.
  private static func scanPlainStringItem(
    _ buffer: UnsafeBufferPointer<UInt8>, _ at: inout Int, _ segments: inout StringItemSegments,
    _ content: inout PlainTextContent, known: inout [Range<Int>], maximumAttributeBytes: Int
  ) -> Int? {
    skipSpace(buffer, &at)
    guard take("<si>", buffer, &at), at + 1 < buffer.count else { return nil }
    if buffer[at] == UInt8(ascii: "<"), buffer[at + 1] == UInt8(ascii: "t") {
      guard let text = plainStringText(buffer, &at, &content) else { return nil }
      segments.append(text)
    } else {
      while take("<r>", buffer, &at) {
        guard skipPlainRunProperties(buffer, &at, known: &known, maximumAttributeBytes: maximumAttributeBytes),
          let text = plainStringText(buffer, &at, &content), take("</r>", buffer, &at)
        else { return nil }
        segments.append(text)
      }
      guard segments.count > 0 else { return nil }
    }
    guard take("</si>", buffer, &at) else { return nil }
    return at
  }

  /// A `<t>` element written the plain way at `at`: the range of its text as written (references not yet
  /// replaced), `at` past its end tag; nil for anything else. Checks that the text is valid UTF-8 as it
  /// goes: the bytes between two tags are, so the texts of an item's runs are each valid, as the general
  /// reader requires, and not only once joined.
  private static func plainStringText(
    _ buffer: UnsafeBufferPointer<UInt8>, _ at: inout Int, _ content: inout PlainTextContent
  ) -> Range<Int>? {
    let count = buffer.count
    let preserving: StaticString = #"<t xml:space="preserve">"#
    guard let base = buffer.baseAddress else { return nil }
    if !take("<t>", buffer, &at) {
      guard at + preserving.utf8CodeUnitCount <= count,
        memcmp(base + at, preserving.utf8Start, preserving.utf8CodeUnitCount) == 0
      else { return nil }
      at += preserving.utf8CodeUnitCount
    }
    let start = at
    var index = start
    while index < count {
      let byte = buffer[index]
      if byte >= 0x80 {
        // The three-byte forms without a range restriction (CJK, full-width forms) in one test, as
        // `UTF8Validation.isValid` tells them; any other sequence as it does.
        if byte >= 0xE1, byte != 0xED, byte <= 0xEF, index + 2 < count, buffer[index + 1] & 0xC0 == 0x80,
          buffer[index + 2] & 0xC0 == 0x80
        {
          index += 3
          continue
        }
        let length = UTF8Validation.sequenceLength(base + index, available: count - index)
        guard length > 0 else { return nil }
        index += length
        continue
      }
      if byte == UInt8(ascii: "<") { break }
      guard byte >= 0x20 || byte == 0x09 || byte == 0x0A, byte != UInt8(ascii: "]") else { return nil }
      if byte == UInt8(ascii: "&") {
        guard let (_, length) = predefinedEntity(in: buffer, at: index) else { return nil }
        content.holdsReferences = true
        index += length
        continue
      }
      if byte == UInt8(ascii: "_") { content.holdsUnderscore = true }
      index += 1
    }
    at = index
    guard take("</t>", buffer, &at) else { return nil }
    content.bytes += index - start
    return start..<index
  }

  /// A run's properties at `at`, if any: known empty elements only, each with known attributes, each at most
  /// once; `at` past them. A producer writes a few kinds of run properties over and over: the last four
  /// kinds read (`known`) are told by comparing bytes.
  private static func skipPlainRunProperties(
    _ buffer: UnsafeBufferPointer<UInt8>, _ at: inout Int, known: inout [Range<Int>], maximumAttributeBytes: Int
  ) -> Bool {
    let start = at
    let count = buffer.count
    guard take("<rPr>", buffer, &at) else { return true }
    if let base = buffer.baseAddress {
      for range in known
      where start + range.count <= count && memcmp(base + start, base + range.lowerBound, range.count) == 0 {
        at = start + range.count
        return true
      }
    }
    while !take("</rPr>", buffer, &at) {
      guard take("<", buffer, &at), let element = knownName(runPropertyElements, in: buffer, at: at) else { return false }
      at += runPropertyElements[element].count
      var seen: UInt8 = 0
      while at < count, buffer[at] == UInt8(ascii: " ") {
        at += 1
        guard let attribute = knownName(runPropertyAttributes, in: buffer, at: at), seen & (1 << attribute) == 0
        else { return false }
        seen |= 1 << attribute
        at += runPropertyAttributes[attribute].count
        guard plainAttributeValue(buffer, &at, maximumBytes: maximumAttributeBytes, allowingUTF8: true) != nil
        else { return false }
      }
      guard take("/>", buffer, &at) else { return false }
    }
    if known.count == 4 { known.removeLast() }
    known.insert(start..<at, at: 0)
    return true
  }

  /// The elements a run's properties hold (ECMA-376 CT_RPrElt) and their attributes: the only names the
  /// plain path reads there, so that an unknown, prefixed or misspelt name is left to the general reader
  /// and its errors.
  private static let runPropertyElements: [[UInt8]] = [
    "b", "i", "u", "strike", "sz", "color", "rFont", "family", "charset", "scheme", "vertAlign", "outline", "shadow",
    "condense", "extend",
  ].map { Array($0.utf8) }
  private static let runPropertyAttributes: [[UInt8]] = ["val", "rgb", "theme", "tint", "indexed", "auto"].map {
    Array($0.utf8)
  }

  /// The name at `position` if it is one of `names` and is followed by a byte that ends a name.
  private static func knownName(_ names: [[UInt8]], in buffer: UnsafeBufferPointer<UInt8>, at position: Int) -> Int? {
    // The name's length first (the names are at most ten bytes), then the names of that length.
    var end = position
    while end < buffer.count, end - position <= 10 {
      let byte = buffer[end]
      if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=") { break }
      end += 1
    }
    guard end < buffer.count, let base = buffer.baseAddress else { return nil }
    let length = end - position
    for (index, name) in names.enumerated() where name.count == length {
      if name.withUnsafeBufferPointer({ memcmp(base + position, $0.baseAddress!, length) == 0 }) { return index }
    }
    return nil
  }

  /// One of the five predefined entities (`&lt;` `&gt;` `&amp;` `&quot;` `&apos;`) at `index`: the
  /// character it stands for and the entity's length; nil for anything else (a character reference
  /// is left to the general path).
  private static func predefinedEntity(in buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt8, Int)? {
    func matches(_ name: StaticString) -> Bool {
      let length = name.utf8CodeUnitCount
      guard index + length <= buffer.count else { return false }
      for offset in 0..<length where buffer[index + offset] != name.utf8Start[offset] { return false }
      return true
    }
    if matches("&lt;") { return (UInt8(ascii: "<"), 4) }
    if matches("&gt;") { return (UInt8(ascii: ">"), 4) }
    if matches("&amp;") { return (UInt8(ascii: "&"), 5) }
    if matches("&quot;") { return (UInt8(ascii: "\""), 6) }
    if matches("&apos;") { return (UInt8(ascii: "'"), 6) }
    return nil
  }

  /// A start tag as `plainStartTag(named:reading:)` reads it: whether it was an empty-element tag, and where
  /// the value of the one attribute the caller asked for is (a range of the part's bytes, which
  /// `withBytes(of:_:)` reads; nil when the tag has none).
  struct PlainStartTag {
    var isEmpty = false
    var value: Range<Int>?
  }

  /// The part's bytes in `range` (a value `plainStartTag(named:reading:)` gave) as text.
  func text(of range: Range<Int>) -> String { bytes.withUnsafeBufferPointer { Self.string($0, range) } }

  /// The value of the part's bytes in `range` when they are one to `maximumDigits` ASCII digits (at most 18).
  func digits(of range: Range<Int>, maximumDigits: Int) -> Int? {
    guard (1...min(maximumDigits, 18)).contains(range.count) else { return nil }
    return bytes.withUnsafeBufferPointer { buffer in
      var value = 0
      for index in range {
        guard buffer[index] &- UInt8(ascii: "0") < 10 else { return nil }
        value = value * 10 + Int(buffer[index] &- UInt8(ascii: "0"))
      }
      return value
    }
  }

  /// `body` with the part's bytes in `range` (a value `plainStartTag(named:reading:)` gave).
  func withBytes<Result, Failure: Error>(
    of range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
  ) throws(Failure) -> Result {
    try bytes.withUnsafeBufferPointer { buffer throws(Failure) in try body(UnsafeBufferPointer(rebasing: buffer[range])) }
  }

  /// The byte after the `<` of the next tag, past white space, without reading anything: how a caller
  /// picks the plain path to try (`c`, `r`, `m`, or `/` for an end tag); nil when something else is next.
  func nextTagLead() -> UInt8? {
    guard !pendingEnd, !finished, readProlog, text.isEmpty else { return nil }
    return bytes.withUnsafeBufferPointer { buffer in
      var index = position
      Self.skipSpace(buffer, &index)
      guard index + 1 < buffer.count, buffer[index] == UInt8(ascii: "<") else { return nil }
      return buffer[index + 1]
    }
  }

  /// The next start tag when it is `<name` (unprefixed) written the plain way, read as `next()` reads it
  /// (the element is open after it unless it was empty, and then it is closed too), with where the value of
  /// its unprefixed attribute `attribute` is. Written the plain way: white space, `<`, the name, then
  /// attributes, each after white space, whose names are ASCII and either unprefixed (not `xmlns`) or
  /// prefixed by a prefix in force (not `xml` or `xmlns`; no two with one local name), each at most once,
  /// with values `plainAttributeValue` reads (valid UTF-8, no references, `<` or control characters), at
  /// most `Limits.maximumAttributes` and 24 of them; then `>` or `/>`. Such a tag is one the general
  /// reader reads without error, and the attribute's value is the one it gives. Anything else returns nil
  /// with nothing read. The name is in `defaultNamespace`, which the caller checks.
  mutating func plainStartTag(named name: StaticString, reading attribute: StaticString) -> PlainStartTag? {
    readPlainStartTag(reading: attribute) { buffer, element in Self.bytes(buffer, element, equal: name) }
  }

  /// The next start tag when it is written the plain way (as `plainStartTag(named:reading:)` reads it)
  /// and its unprefixed name is none of `handled`: read as `next()` reads it, for a caller that ignores
  /// such elements but their content. False, with nothing read, for anything else. It reads bytes only:
  /// no string is made, nothing is kept.
  mutating func plainStartTag(notNamed handled: [StaticString]) -> Bool {
    readPlainStartTag(reading: nil) { buffer, element in
      !handled.contains { Self.bytes(buffer, element, equal: $0) }
    } != nil
  }

  /// A start tag read the plain way, kept to read the next one like it: its bytes up to and including the
  /// opening quote of the value asked for, and from the closing quote to its end (ranges of the part's
  /// bytes, so that keeping and matching one copies nothing).
  private struct PlainTagPattern {
    var attribute: StaticString
    var prefix: Range<Int>
    var suffix: Range<Int>
    var nameLength: Int
    var isEmpty: Bool
    /// `bindingsChanges` when the tag was read, if a prefix of it had to be in force; nil if none had.
    var bindingsChanges: Int?
  }

  /// The scan of a plain start tag.
  private struct PlainTagScan {
    /// Where the tag starts (its `<`) and ends (past its `>`).
    var start: Int
    var end: Int
    var element: Range<Int>
    var isEmpty: Bool
    /// The value of the attribute asked for, within its quotes.
    var value: Range<Int>?
    var hasPrefixes: Bool
  }

  /// Whether the structs kept or returned for every tag hold no reference (no string or array), so that
  /// copying and dropping them costs no reference counting (a test holds them to it).
  static var perTagStructsAreTrivial: Bool {
    _isPOD(Open.self) && _isPOD(PlainTagPattern.self) && _isPOD(PlainTagScan.self) && _isPOD(PlainStartTag.self)
  }

  /// `plainStartTag`'s reading: `accepts` tells, from the tag's name bytes, whether the caller takes it.
  @inline(__always)
  private mutating func readPlainStartTag(
    reading attribute: StaticString?, accepts: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Bool
  ) -> PlainStartTag? {
    guard !pendingEnd, !finished, readProlog, text.isEmpty, !stack.isEmpty, stack.count < limits.maximumDepth
    else { return nil }
    // The closures below capture no part of `self` (a capture would copy the reader, arrays and all): what
    // they need is read into locals, and the arrays are passed as buffers.
    let start = position
    let limits = self.limits
    let bindingsChanges = self.bindingsChanges
    let wordScans = usesWordScans
    let found = bindings.withUnsafeBufferPointer { bindings in
      plainTagPatterns.withUnsafeBufferPointer { patterns in
        bytes.withUnsafeBufferPointer { buffer -> (scan: PlainTagScan, isNew: Bool)? in
          if let attribute {
            for pattern in patterns {
              guard pattern.attribute.utf8Start == attribute.utf8Start,
                pattern.bindingsChanges == nil || pattern.bindingsChanges == bindingsChanges,
                let scan = Self.matchPlainTag(buffer, from: start, pattern, maximumValue: limits.maximumAttributeBytes)
              else { continue }
              return accepts(buffer, scan.element) ? (scan, false) : nil
            }
          }
          guard
            let scan = Self.scanPlainStartTag(
              buffer, from: start, limits: limits, reading: attribute, wordScans: wordScans,
              isBound: { prefix in bindings.contains { $0.prefix.utf8.elementsEqual(prefix) } }),
            accepts(buffer, scan.element)
          else { return nil }
          return (scan, true)
        }
      }
    }
    guard let (scan, isNew) = found else { return nil }
    position = scan.end
    if isNew, let attribute, let value = scan.value {
      // The newest pattern first; a few are kept (rows, merged areas, and whatever a part repeats).
      if plainTagPatterns.count == 4 { plainTagPatterns.removeLast() }
      plainTagPatterns.insert(
        PlainTagPattern(
          attribute: attribute, prefix: scan.start..<value.lowerBound, suffix: value.upperBound..<scan.end,
          nameLength: scan.element.count, isEmpty: scan.isEmpty, bindingsChanges: scan.hasPrefixes ? bindingsChanges : nil),
        at: 0)
    }
    if !scan.isEmpty {
      stack.append(
        Open(
          qualifiedName: scan.element, localStart: scan.element.lowerBound, namespace: defaultBinding,
          bindingsBefore: bindings.count, preservesSpace: stack[stack.count - 1].preservesSpace))
    }
    return PlainStartTag(isEmpty: scan.isEmpty, value: scan.value)
  }

  /// The tag at `from` (after white space) when it is `pattern`'s but for the value it reads, which must
  /// be one `plainAttributeValue` reads.
  @inline(__always)
  private static func matchPlainTag(
    _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, _ pattern: PlainTagPattern, maximumValue: Int
  ) -> PlainTagScan? {
    let count = buffer.count
    var at = start
    skipSpace(buffer, &at)
    let tagStart = at
    guard let base = buffer.baseAddress, at + pattern.prefix.count <= count,
      equalBytes(base + at, base + pattern.prefix.lowerBound, pattern.prefix.count)
    else { return nil }
    at += pattern.prefix.count
    let quote = buffer[pattern.prefix.upperBound - 1]
    let valueStart = at
    var ascii = true
    while at < count, buffer[at] != quote {
      let byte = buffer[at]
      guard byte >= 0x20, byte != UInt8(ascii: "&"), byte != UInt8(ascii: "<") else { return nil }
      if byte >= 0x80 { ascii = false }
      at += 1
    }
    let value = valueStart..<at
    guard value.count <= maximumValue, ascii || UTF8Validation.isValid(UnsafeBufferPointer(rebasing: buffer[value])),
      at + pattern.suffix.count <= count, equalBytes(base + at, base + pattern.suffix.lowerBound, pattern.suffix.count)
    else { return nil }
    return PlainTagScan(
      start: tagStart, end: at + pattern.suffix.count, element: tagStart + 1..<tagStart + 1 + pattern.nameLength,
      isEmpty: pattern.isEmpty, value: value, hasPrefixes: pattern.bindingsChanges != nil)
  }

  /// Whether `count` bytes at `a` and `b` are equal: eight at a time, without a call for the short runs of a tag.
  @inline(__always)
  private static func equalBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var index = 0
    while index + 8 <= count {
      guard
        UnsafeRawPointer(a + index).loadUnaligned(as: UInt64.self) == UnsafeRawPointer(b + index).loadUnaligned(as: UInt64.self)
      else { return false }
      index += 8
    }
    while index < count {
      guard a[index] == b[index] else { return false }
      index += 1
    }
    return true
  }

  /// Whether `byte` may be in a plain name (`plainStartTag`'s): an ASCII letter, digit, `_`, `-` or `.`.
  @inline(__always)
  private static func isPlainNameByte(_ byte: UInt8) -> Bool {
    // Letters first: most bytes of a name are.
    (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: "_")
      || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
  }

  /// Where the run of ASCII letters at `start` ends: eight bytes at a time while eight are left, then byte by
  /// byte by the definition, `(byte | 0x20) - "a" < 26` (`isPlainNameByte`'s first test). Attribute names are
  /// mostly letters (`customHeight`, `outlineLevel`), and a sheet's tags have many of them.
  @inline(__always)
  static func letterRunEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    guard let base = buffer.baseAddress else { return start }
    var at = start
    while at + 8 <= buffer.count {
      let word = UInt64(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self))
      let lower = word | 0x2020_2020_2020_2020
      // The high bit of each byte that is no letter: past `z` (adding 5 reaches 0x80), below `a` (taking `a`
      // from the byte with its high bit set clears it), or not ASCII. A byte of 0xFB or more carries into the
      // bytes above it, which only the lowest flagged byte, at or below it, is read past.
      let highs: UInt64 = 0x8080_8080_8080_8080
      let notLetter = ((lower &+ 0x0505_0505_0505_0505) | ~((lower | highs) &- 0x6161_6161_6161_6161) | word) & highs
      if notLetter != 0 { return at + notLetter.trailingZeroBitCount >> 3 }
      at += 8
    }
    while at < buffer.count, (buffer[at] | 0x20) &- UInt8(ascii: "a") < 26 { at += 1 }
    return at
  }

  /// The scan of a start tag written the plain way, as `plainStartTag(named:reading:)` describes it; nil
  /// for anything else. `wordScans` reads names' letters eight at a time (`letterRunEnd`).
  @inline(__always)
  private static func scanPlainStartTag(
    _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, limits: Limits, reading attribute: StaticString?,
    wordScans: Bool = true, isBound: (UnsafeBufferPointer<UInt8>) -> Bool
  ) -> PlainTagScan? {
    let count = buffer.count
    var at = start
    skipSpace(buffer, &at)
    let tagStart = at
    guard take("<", buffer, &at) else { return nil }
    /// An ASCII name that starts as a name must (a letter or `_`), without a colon: its end.
    func plainName(from nameStart: Int) -> Int? {
      guard nameStart < count, buffer[nameStart] >= UInt8(ascii: "A"), isPlainNameByte(buffer[nameStart]) else { return nil }
      var end = wordScans ? letterRunEnd(buffer, from: nameStart) : nameStart
      while end < count, isPlainNameByte(buffer[end]) { end += 1 }
      return end - nameStart <= limits.maximumNameBytes ? end : nil
    }
    guard let nameEnd = plainName(from: at), nameEnd < count,
      buffer[nameEnd] < 0x80, buffer[nameEnd] != UInt8(ascii: ":")
    else { return nil }
    var scan = PlainTagScan(start: tagStart, end: 0, element: at..<nameEnd, isEmpty: false, value: nil, hasPrefixes: false)
    at = nameEnd
    let maximumAttributes = min(limits.maximumAttributes, 24)
    return withUnsafeTemporaryAllocation(of: (name: Range<Int>, local: Range<Int>, hash: UInt64).self, capacity: 24) {
      seen -> PlainTagScan? in
      var attributes = 0
      // A bit for each attribute name's hash (modulo 64): most tags' names are told apart by it alone.
      var hashes: UInt64 = 0
      while true {
        let spaced = at < count && isSpace(buffer[at])
        skipSpace(buffer, &at)
        guard at + 1 < count else { return nil }
        if buffer[at] == UInt8(ascii: ">") {
          scan.end = at + 1
          return scan
        }
        if buffer[at] == UInt8(ascii: "/") {
          guard buffer[at + 1] == UInt8(ascii: ">") else { return nil }
          scan.end = at + 2
          scan.isEmpty = true
          return scan
        }
        guard spaced, attributes < maximumAttributes, let firstEnd = plainName(from: at), firstEnd < count,
          buffer[firstEnd] < 0x80
        else { return nil }
        var name = at..<firstEnd
        var local = name
        if buffer[firstEnd] == UInt8(ascii: ":") {
          // A prefixed name: its prefix must be in force, and not one that declares or sets the reader's state.
          guard let localEnd = plainName(from: firstEnd + 1), localEnd < count, buffer[localEnd] < 0x80,
            buffer[localEnd] != UInt8(ascii: ":"), !Self.bytes(buffer, name, equal: "xmlns"),
            !Self.bytes(buffer, name, equal: "xml"),
            isBound(UnsafeBufferPointer(rebasing: buffer[name]))
          else { return nil }
          local = firstEnd + 1..<localEnd
          name = at..<localEnd
          scan.hasPrefixes = true
        } else if Self.bytes(buffer, name, equal: "xmlns") {
          return nil
        }
        guard name.count <= limits.maximumNameBytes else { return nil }
        let prefixed = name != local
        // A name's length and its first and last bytes, mixed: equal names have equal hashes.
        let hash =
          (UInt64(truncatingIfNeeded: name.count) << 16 | UInt64(buffer[name.lowerBound]) << 8
            | UInt64(buffer[name.upperBound - 1]))
          &* 0x9E37_79B9_7F4A_7C15
        let bit: UInt64 = 1 << (hash >> 58)
        if hashes & bit != 0 || prefixed {
          for index in 0..<attributes {
            let other = seen[index]
            // The same name twice, or two prefixes that might name one namespace: the general reader's to judge.
            if other.hash == hash, Self.bytes(buffer, other.name, equal: name) { return nil }
            if prefixed && other.name != other.local && Self.bytes(buffer, other.local, equal: local) {
              return nil
            }
          }
        }
        hashes |= bit
        seen[attributes] = (name, local, hash)
        attributes += 1
        at = name.upperBound
        let range: Range<Int>
        if at + 2 < count, buffer[at] == UInt8(ascii: "="), buffer[at + 1] == UInt8(ascii: "\"") {
          // `="…"`, as producers write a value: `plainAttributeValue`'s reading of it, here without a call.
          let valueStart = at + 2
          var end = valueStart
          var ascii = true
          while end < count, buffer[end] != UInt8(ascii: "\"") {
            let byte = buffer[end]
            guard byte >= 0x20, byte != UInt8(ascii: "&"), byte != UInt8(ascii: "<") else { return nil }
            if byte >= 0x80 { ascii = false }
            end += 1
          }
          guard end < count, end - valueStart <= limits.maximumAttributeBytes,
            ascii || UTF8Validation.isValid(UnsafeBufferPointer(rebasing: buffer[valueStart..<end]))
          else { return nil }
          range = valueStart..<end
          at = end + 1
        } else {
          guard let value = plainAttributeValue(buffer, &at, maximumBytes: limits.maximumAttributeBytes, allowingUTF8: true)
          else { return nil }
          range = value
        }
        if !prefixed, let attribute, Self.bytes(buffer, name, equal: attribute) { scan.value = range }
      }
    }
  }

  /// The next tag when it is the end tag of the innermost open element, not the root (`</name>`, white
  /// space allowed before `>`), after white space: read as `next()` reads it, for a caller that ignores
  /// end events. False, with nothing read, for anything else.
  mutating func plainEndTag() -> Bool {
    guard !pendingEnd, !finished, readProlog, text.isEmpty, stack.count >= 2 else { return false }
    // The open element's name is where its start tag wrote it: the two are compared as bytes.
    let name = stack[stack.count - 1].qualifiedName
    let start = position
    let end = bytes.withUnsafeBufferPointer { buffer -> Int? in
      guard let base = buffer.baseAddress else { return nil }
      var at = start
      Self.skipSpace(buffer, &at)
      guard at + 2 + name.count < buffer.count, base[at] == UInt8(ascii: "<"), base[at + 1] == UInt8(ascii: "/"),
        Self.equalBytes(base + at + 2, base + name.lowerBound, name.count)
      else { return nil }
      at += 2 + name.count
      guard !Self.isNameByte(base[at]) else { return nil }
      Self.skipSpace(buffer, &at)
      guard at < buffer.count, base[at] == UInt8(ascii: ">") else { return nil }
      return at + 1
    }
    guard let end else { return false }
    position = end
    close()
    return true
  }
}

/// A reader is a value of values: a copy may be read on another thread (`SharedStrings` reads a table's
/// parts on the workers).
extension XMLReader: Sendable {}
