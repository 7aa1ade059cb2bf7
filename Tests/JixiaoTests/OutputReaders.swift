import Foundation

/// Readers for jixiao's outputs, written here from the formats' own rules (not from jixiao's writers),
/// so that the escaping tests read back what a browser, a spreadsheet, a Markdown renderer or a person
/// at a terminal would. Each is strict: it refuses what jixiao should never write, and returns nil (or
/// throws) instead of guessing.

/// The inverse of `TerminalText.visible`, from its documented rule: `\u{HEX}` is the scalar HEX; in a run
/// of backslashes before `u{`, an even run is that many halved followed by a literal `u{`, an odd run
/// the halved rest followed by an escape. Nil for an escape of a scalar that is not escaped, or a
/// malformed one, or a raw scalar that should have been.
enum VisibleTextReader {
  static func isEscapedClass(_ value: UInt32) -> Bool {
    value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x061C || value == 0x200E || value == 0x200F
      || (0x2028...0x202E).contains(value) || (0x2066...0x2069).contains(value)
  }

  static func decode(_ text: String) -> String? {
    let scalars = Array(text.unicodeScalars)
    var result = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if isEscapedClass(scalar.value) { return nil }
      guard scalar == "\\" else {
        result.append(scalar)
        index += 1
        continue
      }
      var end = index
      while end < scalars.count, scalars[end] == "\\" { end += 1 }
      let run = end - index
      let beforeBrace = end + 1 < scalars.count && scalars[end] == "u" && scalars[end + 1] == "{"
      guard beforeBrace else {
        result.append(contentsOf: repeatElement("\\", count: run))
        index = end
        continue
      }
      result.append(contentsOf: repeatElement("\\", count: run / 2))
      index = end
      guard run % 2 == 1 else { continue }
      var hex = ""
      var cursor = end + 2
      while cursor < scalars.count, scalars[cursor] != "}" {
        hex.unicodeScalars.append(scalars[cursor])
        cursor += 1
      }
      guard cursor < scalars.count, !hex.isEmpty, hex.count <= 6, hex == hex.uppercased(), !hex.hasPrefix("0") || hex == "0",
        let value = UInt32(hex, radix: 16), isEscapedClass(value), let decoded = Unicode.Scalar(value)
      else { return nil }
      result.append(decoded)
      index = cursor + 1
    }
    return String(result)
  }
}

/// An HTML tokenizer strict enough to see injection: a `<` in text must open a well-formed tag, comment
/// or doctype; a raw `>` in text, an unquoted or single-quoted attribute value, a `<` in a value, or an
/// `&` that is not one of the references jixiao writes is an error. `script` and `style` are raw text.
/// Reads UTF-8 bytes: all of HTML's syntax is ASCII, and an ASCII byte is never part of another scalar.
enum StrictHTML {
  struct Attribute: Equatable {
    var name: String
    var value: String
  }

  enum Token: Equatable {
    case start(String, [Attribute])
    case end(String)
    /// Text with its references decoded.
    case text(String)
    case comment
    case doctype
  }

  struct Malformed: Error, CustomStringConvertible {
    var description: String
  }

  static func tokens(_ html: String) throws -> [Token] {
    let bytes = Array(html.utf8)
    var tokens: [Token] = []
    var index = 0
    var text: [UInt8] = []
    // Takes the position: `index` may be borrowed inout by the caller.
    func fail(_ why: String, at position: Int) -> Malformed {
      let context = String(decoding: bytes[max(0, position - 40)..<min(bytes.count, position + 40)], as: UTF8.self)
      return Malformed(description: "\(why) at byte \(position): …\(context)…")
    }
    func flush() {
      if !text.isEmpty { tokens.append(.text(String(decoding: text, as: UTF8.self))) }
      text = []
    }
    func has(_ literal: StaticString, at position: Int) -> Bool {
      let count = literal.utf8CodeUnitCount
      guard position + count <= bytes.count else { return false }
      var offset = 0
      while offset < count {
        guard bytes[position + offset] == literal.utf8Start[offset] else { return false }
        offset += 1
      }
      return true
    }
    func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    func isNamePart(_ byte: UInt8) -> Bool {
      isLetter(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
    }
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A }
    func reference(at position: inout Int) throws -> [UInt8] {
      let references: [(StaticString, UInt8)] = [
        ("&amp;", UInt8(ascii: "&")), ("&lt;", UInt8(ascii: "<")), ("&gt;", UInt8(ascii: ">")), ("&quot;", UInt8(ascii: "\"")),
        ("&#39;", UInt8(ascii: "'")),
      ]
      guard let (name, decoded) = references.first(where: { has($0.0, at: position) }) else {
        throw fail("an & that is not one of jixiao's references", at: position)
      }
      position += name.utf8CodeUnitCount
      return [decoded]
    }
    func name(at position: inout Int) throws -> String {
      guard position < bytes.count, isLetter(bytes[position]) else { throw fail("a name expected", at: position) }
      let start = position
      while position < bytes.count, isNamePart(bytes[position]) { position += 1 }
      return String(decoding: bytes[start..<position], as: UTF8.self)
    }
    func find(_ literal: StaticString, from position: Int) -> Int? {
      (position..<bytes.count).first { has(literal, at: $0) }
    }

    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "&"): text += try reference(at: &index)
      case UInt8(ascii: ">"): throw fail("a raw > in text", at: index)
      case UInt8(ascii: "<"):
        flush()
        if has("<!--", at: index) {
          guard let close = find("-->", from: index) else { throw fail("an open comment", at: index) }
          tokens.append(.comment)
          index = close + 3
        } else if has("<!DOCTYPE html>", at: index) {
          tokens.append(.doctype)
          index += 15
        } else if has("</", at: index) {
          index += 2
          let tag = try name(at: &index)
          guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { throw fail("an end tag without >", at: index) }
          index += 1
          tokens.append(.end(tag))
        } else {
          index += 1
          let tag = try name(at: &index)
          var attributes: [Attribute] = []
          while true {
            let spaced = index < bytes.count && isSpace(bytes[index])
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else { throw fail("an open tag", at: index) }
            if bytes[index] == UInt8(ascii: ">") {
              index += 1
              break
            }
            if has("/>", at: index) {
              index += 2
              break
            }
            guard spaced else { throw fail("a space expected between attributes", at: index) }
            let attribute = try name(at: &index)
            guard has("=\"", at: index) else {
              attributes.append(Attribute(name: attribute, value: ""))
              continue
            }
            index += 2
            var value: [UInt8] = []
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
              switch bytes[index] {
              case UInt8(ascii: "&"): value += try reference(at: &index)
              case UInt8(ascii: "<"), UInt8(ascii: ">"): throw fail("a raw < or > in an attribute value", at: index)
              default:
                value.append(bytes[index])
                index += 1
              }
            }
            guard index < bytes.count else { throw fail("an open attribute value", at: index) }
            index += 1
            attributes.append(Attribute(name: attribute, value: String(decoding: value, as: UTF8.self)))
          }
          guard Set(attributes.map(\.name)).count == attributes.count else { throw fail("an attribute twice", at: index) }
          tokens.append(.start(tag, attributes))
          if tag == "script" || tag == "style" {
            guard let close = find(tag == "script" ? "</script>" : "</style>", from: index) else {
              throw fail("an open \(tag)", at: index)
            }
            tokens.append(.text(String(decoding: bytes[index..<close], as: UTF8.self)))
            tokens.append(.end(tag))
            index = close + tag.utf8.count + 3
          }
        }
      default:
        var end = index + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: "&"), bytes[end] != UInt8(ascii: "<"), bytes[end] != UInt8(ascii: ">")
        {
          end += 1
        }
        text += bytes[index..<end]
        index = end
      }
    }
    flush()
    return tokens
  }
}

/// RFC 4180 as a spreadsheet reads it: records end in CRLF; a field is either plain (no quote, comma,
/// CR or LF in it) or quoted (a quote opens it, `""` is a quote, a quote closes it and is followed by a
/// comma or the record's end). Nil for anything else.
enum RFC4180 {
  static func records(_ text: String) -> [[String]]? {
    let bytes = Array(text.utf8)
    var records: [[String]] = []
    var fields: [String] = []
    var index = 0
    while index < bytes.count {
      var field: [UInt8] = []
      if bytes[index] == UInt8(ascii: "\"") {
        index += 1
        while true {
          guard index < bytes.count else { return nil }
          if bytes[index] == UInt8(ascii: "\"") {
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
              field.append(UInt8(ascii: "\""))
              index += 2
              continue
            }
            index += 1
            break
          }
          field.append(bytes[index])
          index += 1
        }
      } else {
        while index < bytes.count, bytes[index] != UInt8(ascii: ","), bytes[index] != 0x0D {
          guard bytes[index] != UInt8(ascii: "\""), bytes[index] != 0x0A else { return nil }
          field.append(bytes[index])
          index += 1
        }
      }
      fields.append(String(decoding: field, as: UTF8.self))
      guard index < bytes.count else { return nil }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard index + 1 < bytes.count, bytes[index] == 0x0D, bytes[index + 1] == 0x0A else { return nil }
      index += 2
      records.append(fields)
      fields = []
    }
    return fields.isEmpty ? records : nil
  }
}

/// One row of a GitHub-flavoured Markdown table, as cmark-gfm reads it: cells split at every `|` not
/// preceded by a backslash, a backslash before a pipe removed, the cell's outer spaces trimmed; then
/// the cell's inline content.
enum GFMRow {
  /// Lines split at LF only, scalar by scalar.
  static func lines(_ text: String) -> [String] {
    text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
  }

  static func cells(_ line: String) -> [String]? {
    let scalars = Array(line.unicodeScalars)
    guard scalars.first == "|", scalars.last == "|" else { return nil }
    var cells: [String] = []
    var cell = String.UnicodeScalarView()
    for (offset, scalar) in scalars.enumerated().dropFirst() {
      if scalar == "|", scalars[offset - 1] != "\\" {
        cells.append(String(cell))
        cell = String.UnicodeScalarView()
      } else if scalar == "\\", offset + 1 < scalars.count, scalars[offset + 1] == "|" {
        continue
      } else {
        cell.append(scalar)
      }
    }
    return cells.map(trimmed)
  }

  /// Without spaces at either end, as a table cell is read.
  static func trimmed(_ text: String) -> String {
    let scalars = text.unicodeScalars
    let start = scalars.firstIndex { $0 != " " } ?? scalars.endIndex
    let end = scalars.lastIndex { $0 != " " }.map(scalars.index(after:)) ?? start
    return String(scalars[start..<max(start, end)])
  }

  static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII && (scalar.properties.generalCategory.isPunctuationOrSymbol)
  }

  /// A text cell's literal text (after `cells`), or nil when any ASCII punctuation in it but a pipe is
  /// not backslash-escaped (it could then start emphasis, a link, raw HTML, an entity, a code span, …).
  static func literal(_ cell: String) -> String? {
    let scalars = Array(cell.unicodeScalars)
    var result = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\\" {
        guard index + 1 < scalars.count, isASCIIPunctuation(scalars[index + 1]) else { return nil }
        result.append(scalars[index + 1])
        index += 2
        continue
      }
      // A pipe's backslash was the table's (removed by `cells`); any other punctuation must be escaped.
      if isASCIIPunctuation(scalar), scalar != "|" { return nil }
      result.append(scalar)
      index += 1
    }
    return String(result)
  }

  /// A code span written as jixiao writes one (a single backtick each side, none inside): its content;
  /// else the cell as `literal` text.
  static func codeOrLiteral(_ cell: String) -> String? {
    let scalars = Array(cell.unicodeScalars)
    if scalars.count >= 2, scalars.first == "`", scalars.last == "`" {
      let inner = scalars.dropFirst().dropLast()
      guard !inner.contains("`"), inner.first != " " || inner.last != " " else { return nil }
      return String(String.UnicodeScalarView(inner))
    }
    return literal(cell)
  }
}

extension Unicode.GeneralCategory {
  fileprivate var isPunctuationOrSymbol: Bool {
    switch self {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
      .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
      true
    default: false
    }
  }
}
