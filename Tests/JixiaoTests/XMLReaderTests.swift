import Testing

@testable import Jixiao

@Suite struct XMLReaderTests {
  private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  private static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

  private func events(_ text: String, limits: XMLReader.Limits = .standard) throws(InputError) -> [XMLEvent] {
    var reader = XMLReader(bytes: Array(text.utf8), file: "book.xlsx", entry: "xl/test.xml", limits: limits)
    var events: [XMLEvent] = []
    while let event = try reader.next() { events.append(event) }
    return events
  }

  private func error(_ text: String, limits: XMLReader.Limits = .standard) -> InputError? {
    error(Array(text.utf8), limits: limits)
  }

  private func error(_ bytes: [UInt8], limits: XMLReader.Limits = .standard) -> InputError? {
    var reader = XMLReader(bytes: bytes, file: "book.xlsx", entry: "xl/test.xml", limits: limits)
    do {
      while try reader.next() != nil {}
      return nil
    } catch {
      return error
    }
  }

  private func start(_ namespace: String, _ local: String, _ attributes: [(XMLName, String)] = []) -> XMLEvent {
    .start(XMLStartTag(name: XMLName(namespace, local), attributes: attributes.map { XMLAttribute(name: $0.0, value: $0.1) }))
  }

  @Test func elementsAttributesAndText() throws {
    let document = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <!-- a comment before the root -->
      <worksheet xmlns="\(Self.main)" xmlns:r="\(Self.relationships)">
        <sheetData><row r="1"><c r="A1" t='s'><v>12</v></c><c r="B1" r:id="rId3"/></row></sheetData>
      </worksheet>
      """
    let all = try events(document)
    let withoutSpace = all.filter { if case .text(let text) = $0 { !text.allSatisfy(\.isWhitespace) } else { true } }
    #expect(
      withoutSpace == [
        start(Self.main, "worksheet"),
        start(Self.main, "sheetData"),
        start(Self.main, "row", [(XMLName("", "r"), "1")]),
        start(Self.main, "c", [(XMLName("", "r"), "A1"), (XMLName("", "t"), "s")]),
        start(Self.main, "v"),
        .text("12"),
        .end(XMLName(Self.main, "v")),
        .end(XMLName(Self.main, "c")),
        start(Self.main, "c", [(XMLName("", "r"), "B1"), (XMLName(Self.relationships, "id"), "rId3")]),
        .end(XMLName(Self.main, "c")),
        .end(XMLName(Self.main, "row")),
        .end(XMLName(Self.main, "sheetData")),
        .end(XMLName(Self.main, "worksheet")),
      ])
  }

  @Test func prefixesAreSpellingNotMeaning() throws {
    let prefixed = try events(#"<x:sst xmlns:x="\#(Self.main)"><x:si><x:t>a</x:t></x:si></x:sst>"#)
    let plain = try events(#"<sst xmlns="\#(Self.main)"><si><t>a</t></si></sst>"#)
    #expect(prefixed == plain)
    // An inner default namespace, undeclared again with xmlns="".
    let nested = try events(#"<a xmlns="urn:one"><b xmlns="urn:two"><c xmlns=""/></b><d/></a>"#)
    #expect(nested[1] == start("urn:two", "b"))
    #expect(nested[2] == start("", "c"))
    #expect(nested[5] == start("urn:one", "d"))
  }

  @Test func referencesCDATAAndLineEnds() throws {
    let document =
      "<t a=\"x&amp;y &#x4E2D;&#25991;\tz\r\nw\">&lt;&gt;&amp;&quot;&apos; &#x1F600;<![CDATA[<b>&amp;</b>]]>\r\nline\rend</t>"
    let all = try events(document)
    #expect(all[0] == start("", "t", [(XMLName("", "a"), "x&y 中文 z w")]))
    #expect(all[1] == .text("<>&\"' 😀<b>&amp;</b>\nline\nend"))
    // Comments and processing instructions inside text do not split it.
    #expect(try events("<t>a<!-- c -->b<?pi x?>c</t>")[1] == .text("abc"))
  }

  @Test func spacePreservationIsTracked() throws {
    var reader = XMLReader(
      bytes: Array(#"<r><t xml:space="preserve"> a <i/></t><u/></r>"#.utf8), file: "f", entry: "e")
    _ = try reader.next()
    #expect(!reader.preservesSpace)
    _ = try reader.next()
    #expect(reader.preservesSpace)
    #expect(try reader.next() == .text(" a "))
    _ = try reader.next()
    #expect(reader.preservesSpace, "inherited by <i>")
    _ = try reader.next()  // </i>
    _ = try reader.next()  // </t>
    #expect(try reader.next() == start("", "u"))
    #expect(!reader.preservesSpace, "not by the sibling <u>")
  }

  @Test func elementTextAndSkipping() throws {
    var reader = XMLReader(bytes: Array("<si><r><t>产出</t></r><r><t>指标</t></r><x>y</x></si>".utf8), file: "f", entry: "e")
    _ = try reader.next()
    #expect(try reader.elementText() == "产出指标y")
    #expect(try reader.next() == nil)
    var skipping = XMLReader(bytes: Array("<a><b><c>x</c></b><d/></a>".utf8), file: "f", entry: "e")
    _ = try skipping.next()
    _ = try skipping.next()
    try skipping.skipElement()
    #expect(try skipping.next() == start("", "d"))
  }

  @Test func errorsNameTheLineAndColumnAndWhatWasExpected() throws {
    let mismatched = try #require(error("<a>\n  <b>产出</c>\n</a>"))
    #expect(mismatched.location.file == "book.xlsx")
    #expect(mismatched.location.field == "xl/test.xml")
    #expect(mismatched.message.english == "line 2, column 8: </c> where </b> was expected")
    #expect(error("<a><b></b>")?.message.english.contains("ends inside <a>") == true)
  }

  @Test(arguments: [
    ("", "holds no XML element"),
    ("   ", "holds no XML element"),
    ("<a></a><b/>", "a second root element"),
    ("x<a/>", "text before the root"),
    ("<a/>x", "text after the root"),
    ("<a>&nbsp;</a>", "the entity &nbsp; is not defined"),
    ("<a>& b</a>", "write &amp;"),
    ("<a>&#0;</a>", "is not a character XML allows"),
    ("<a>&#xD800;</a>", "is not a character XML allows"),
    ("<a>&#x110000;</a>", "is not a character XML allows"),
    ("<a>&#x;</a>", "is not a character XML allows"),
    ("<a>&#-5;</a>", "is not a character XML allows"),
    ("<a>\u{01}</a>", "control character (U+0001)"),
    ("<a b=\"\u{02}\"/>", "control character (U+0002)"),
    ("<a>]]></a>", "]]> may not appear"),
    ("<a b=\"<\"/>", "< is not allowed in an attribute value"),
    ("<a b=\"1\" b=\"2\"/>", "the attribute b appears twice"),
    ("<a xmlns:p=\"u\" xmlns:q=\"u\" p:b=\"1\" q:b=\"2\"/>", "appears twice in <a> (by namespace)"),
    ("<p:a/>", "the prefix p in p:a is not declared"),
    ("<a p:b=\"1\"/>", "the prefix p in p:b is not declared"),
    ("<a xmlns:p=\"\"/>", "bound to an empty namespace"),
    ("<a b=1/>", "expected a quoted value"),
    ("<a b/>", "expected = after the attribute b"),
    ("<a b=\"1\"c=\"2\"/>", "expected a space before the attribute"),
    ("<a", "is not closed"),
    ("<a b=\"1", "is not closed"),
    ("<1a/>", "expected an element name"),
    ("<a></ b>", "expected an element name after </"),
    ("</a>", "closes no element"),
    ("<a><!-- x </a>", "comment is not closed"),
    ("<a><![CDATA[x</a>", "CDATA section is not closed"),
    ("<a><!ELEMENT a ANY></a>", "neither a comment nor a CDATA"),
    ("<?xml version=\"1.0\" encoding=\"GBK\"?><a/>", "declares the encoding GBK"),
    ("<?xml version=\"1.0\"<a/>", "XML declaration is not closed"),
  ])
  func malformedDocumentsAreRefused(document: String, phrase: String) {
    let failure = error(document)
    #expect(failure?.message.english.contains(phrase) == true, "\(String(describing: failure))")
  }

  @Test func entityDeclarationsAreRefused() {
    // "Billion laughs" and an external entity: refused at the DOCTYPE, before any entity exists.
    let laughs = """
      <?xml version="1.0"?>
      <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
      <lolz>&lol2;</lolz>
      """
    #expect(error(laughs)?.message.english.contains("line 2, column 1: the part has a document type declaration") == true)
    let external = #"<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>"#
    #expect(error(external)?.message.english.contains("document type declaration") == true)
  }

  /// The encoding an XML declaration names, as the reader first read it (on characters, with Foundation's
  /// search): the definition of the byte-level reading of ASCII declarations.
  static func referenceEncoding(_ declaration: String) -> Substring? {
    guard let range = declaration.range(of: "encoding") else { return nil }
    let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
    return rest.prefix { $0 != "\"" && $0 != "'" && $0 != " " }
  }

  @Test func declaredEncodingsReadAsDefined() {
    var random = SplitMix(seed: 71)
    let pieces = [
      "encoding", "=", " ", "\"", "'", "UTF-8", "utf8", "GBK", "Utf-8", "x", "version=\"1.0\"", "\r\n", "é", "utf-88", "UTF8",
      "uTF-8", "UTF-7", "utf-", "\u{212A}",
    ]
    let declarations =
      [
        #"<?xml version="1.0" encoding="UTF-8"?>"#, #"<?xml version="1.0" encoding='utf8' standalone="yes"?>"#,
        #"<?xml version="1.0"?>"#, #"<?xml version="1.0" encoding = "GBK" ?>"#, #"<?xml encoding="UTF-16"?>"#,
      ]
      + (0..<2_000).map { _ in
        "<?xml " + (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined() + "?>"
      }
    for declaration in declarations {
      let document = declaration + "<a/>"
      let failure = error(document)?.message
      let encoding = Self.referenceEncoding(String(declaration.dropFirst(6).dropLast(2)))
      if let encoding, encoding.lowercased() != "utf-8" && encoding.lowercased() != "utf8" {
        #expect(failure?.english.contains("declares the encoding \(encoding);") == true, "\(declaration)")
      } else {
        #expect(failure == nil, "\(declaration)")
      }
    }
  }

  @Test func encodingsOtherThanUTF8AreRefused() {
    #expect(error([0xFF, 0xFE, 0x3C, 0x00, 0x61, 0x00])?.message.english.contains("UTF-16") == true)
    #expect(error([0xEF, 0xBB, 0xBF] + Array("<a/>".utf8)) == nil, "a UTF-8 byte-order mark is skipped")
    #expect(error(Array("<a>".utf8) + [0xC3, 0x28] + Array("</a>".utf8))?.message.english.contains("not valid UTF-8") == true)
    #expect(
      error(Array("<a b=\"".utf8) + [0xED, 0xA0, 0x80] + Array("\"/>".utf8))?.message.english.contains("not valid UTF-8") == true)
    #expect(error(Array("<a".utf8) + [0xFF] + Array("/>".utf8))?.message.english.contains("name that is not valid UTF-8") == true)
    #expect(
      error(Array("<a><![CDATA[".utf8) + [0xC0, 0xAF] + Array("]]></a>".utf8))?.message.english.contains("not valid UTF-8")
        == true)
  }

  @Test func limitsAreEnforced() {
    var limits = XMLReader.Limits()
    limits.maximumDepth = 3
    #expect(error("<a><b><c/></b></a>", limits: limits) == nil)
    #expect(error("<a><b><c><d/></c></b></a>", limits: limits)?.message.english.contains("nested more than 3 deep") == true)
    limits = XMLReader.Limits()
    limits.maximumNameBytes = 4
    #expect(error("<abcde/>", limits: limits)?.message.english.contains("a name of 5 bytes") == true)
    limits = XMLReader.Limits()
    limits.maximumAttributeBytes = 4
    #expect(error("<a b=\"12345\"/>", limits: limits)?.message.english.contains("longer than 4 bytes") == true)
    limits = XMLReader.Limits()
    limits.maximumAttributes = 2
    #expect(error("<a b=\"1\" c=\"2\" d=\"3\"/>", limits: limits)?.message.english.contains("more than 2 attributes") == true)
    // The default depth: 100,000 nested elements are refused at 257, without recursion.
    let deep = String(repeating: "<a>", count: 100_000)
    #expect(error(deep)?.message.english.contains("nested more than 256 deep") == true)
  }

  @Test func aDocumentLargerThanTenMegabytesIsRead() throws {
    // FoundationXML's XMLParser(data:) gives up around 10 MB; a large sheet must not.
    let row = #"<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1"><v>2.5</v></c></row>"#
    let document = "<sheetData>" + String(repeating: row, count: 180_000) + "</sheetData>"
    #expect(document.utf8.count > 11_000_000)
    var reader = XMLReader(bytes: Array(document.utf8), file: "f", entry: "e")
    var values = 0
    while let event = try reader.next() {
      if case .text = event { values += 1 }
    }
    #expect(values == 360_000)
  }

  @Test func everyCutAndByteChangeEndsInAnEventOrALocatedError() {
    let document = Array(
      #"<?xml version="1.0"?><x:a xmlns:x="urn:x" b="&amp;1"><x:c>产出&#x4E2D;<![CDATA[<d>]]></x:c><!-- c --><e/></x:a>"#.utf8)
    for length in 0..<document.count {
      let failure = error(Array(document[..<length]))
      #expect(failure?.location.field == "xl/test.xml", "cut at \(length)")
    }
    for position in 0..<document.count {
      for replacement: UInt8 in [0x00, 0x26, 0x3C, 0x3E, 0x22, 0xFF, 0x0D] {
        var changed = document
        changed[position] = replacement
        if let failure = error(changed) { #expect(failure.message.english.hasPrefix("line ")) }
      }
    }
  }

  /// An end event names its element as the start event did: an open element keeps its name as offsets and
  /// its namespace as an index into the bindings, which must still be the one it resolved to when it closes.
  @Test(arguments: [
    #"<a xmlns="urn:1" xmlns:p="urn:2"><p:b xmlns:p="urn:3"><c xmlns=""/><p:d/><c/></p:b><b/><p:e/></a>"#,
    #"<p:a xmlns:p="urn:1"><b xmlns="urn:2"><b xmlns="urn:3"><p:c xmlns:p="urn:4"/></b><b/></b><p:c/></p:a>"#,
    #"<a><b xmlns="urn:2" xml:space="preserve"><c/>t<d xmlns=""><e/></d></b><f/></a>"#,
    #"<a xmlns="urn:1"><b/><b></b><b xmlns:q="urn:q"><q:c/></b></a>"#,
  ])
  func endEventsNameTheirElementsAsTheStartsDid(_ document: String) throws {
    var open: [XMLName] = []
    var ends = 0
    for event in try events(document) {
      switch event {
      case .start(let tag): open.append(tag.name)
      case .end(let name):
        #expect(name == open.removeLast(), "\(document)")
        ends += 1
      case .text: break
      }
    }
    #expect(open.isEmpty && ends > 4)
  }

  /// The structs read and kept for every tag hold no string or array: copying and dropping them costs no
  /// reference counting.
  @Test func perTagStructsAreTrivial() {
    #expect(XMLReader.perTagStructsAreTrivial)
    #expect(_isPOD(XMLReader.PlainStartTag.self) && _isPOD(XMLReader.CompactCell.self) && _isPOD(XMLReader.PlainCell.self))
  }

  /// A declaration of a well-known namespace takes the list's string: the same events and default namespace
  /// as the string made from its bytes (the definition), for each namespace of the list and values near
  /// one (a byte changed, one short, one more, a reference, a prefix's and the default declaration's).
  @Test func wellKnownNamespacesReadAsMadeFromBytes() {
    var values: [String] = []
    for namespace in XMLName.wellKnownNamespaces {
      values += [namespace, String(namespace.dropLast()), namespace + "x", namespace.uppercased(), "x" + namespace.dropFirst()]
      values.append(namespace.replacingOccurrences(of: "/", with: "&#x2F;"))
    }
    for value in values {
      for root in ["<r xmlns=\"\(value)\" xmlns:p=\"urn:p\">", "<r xmlns:p=\"\(value)\">"] {
        let bytes = Array((root + "<p:a p:b=\"1\"/><c/></r>").utf8)
        // Each event, with the default namespace after it.
        func read(_ wellKnown: Bool) -> Result<[[String]], InputError> {
          var reader = XMLReader(bytes: bytes, file: "book.xlsx", entry: "xl/test.xml")
          reader.usesWellKnownNamespaces = wellKnown
          return Result { () throws(InputError) in
            var events: [[String]] = []
            while let event = try reader.next() { events.append(["\(event)", reader.defaultNamespace]) }
            return events
          }
        }
        #expect(read(true) == read(false), "\(root)")
      }
      let found = Array(value.utf8).withUnsafeBufferPointer { XMLName.wellKnownNamespace($0) }
      #expect(found == (XMLName.wellKnownNamespaces.contains(value) ? value : nil), "\(value)")
    }
  }

  /// Attribute values scanned eight bytes at a time read as scanned byte by byte (the definition): the same
  /// events, or the same located error, whatever the value holds and wherever its special bytes fall.
  @Test func attributeValuesScannedByWordsReadAsByBytes() {
    var random = SplitMix(seed: 37)
    let pieces = ["a", "bc", "一", "é", "\"", "'", "&amp;", "&#x4E2D;", "&", "<", ">", "\t", "\n", "\r\n", "\u{1}", "\u{7F}", " "]
    for _ in 0..<3_000 {
      let value = (0..<Int.random(in: 0...24, using: &random)).map { _ in
        Int.random(in: 0..<4, using: &random) == 0 ? pieces.randomElement(using: &random)! : "abcdefgh"
      }.joined()
      let quote = Bool.random(using: &random) ? "\"" : "'"
      var bytes = Array("<a xmlns=\"urn:\(value.count)\" b=\(quote)\(value)\(quote) c=\"1\"/>".utf8)
      if Int.random(in: 0..<8, using: &random) == 0 { bytes[Int.random(in: 0..<bytes.count, using: &random)] = 0xFF }
      func read(_ words: Bool) -> Result<[XMLEvent], InputError> {
        var reader = XMLReader(bytes: bytes, file: "book.xlsx", entry: "xl/test.xml")
        reader.usesWordScans = words
        return Result { () throws(InputError) in
          var events: [XMLEvent] = []
          while let event = try reader.next() { events.append(event) }
          return events
        }
      }
      #expect(read(true) == read(false), "\(String(decoding: bytes, as: UTF8.self))")
    }
  }

  /// A run of letters found eight bytes at a time ends where the byte-by-byte definition ends it, from any
  /// start, whatever bytes follow (digits, `_`, `:`, brackets either side of the letters' case bit, UTF-8).
  @Test func letterRunsByWordsEndAsByBytes() {
    var random = SplitMix(seed: 41)
    let alphabet: [UInt8] = Array("azAZmM@[`{_-.:09 =\"".utf8) + [0x00, 0x7F, 0x80, 0xC3, 0xE4, 0xFA, 0xFB, 0xFF]
    for _ in 0..<2_000 {
      let bytes = (0..<Int.random(in: 0...40, using: &random)).map { _ in
        Int.random(in: 0..<3, using: &random) == 0
          ? alphabet.randomElement(using: &random)! : UInt8.random(in: UInt8(ascii: "a")...UInt8(ascii: "z"), using: &random)
      }
      bytes.withUnsafeBufferPointer { buffer in
        for start in 0...buffer.count {
          var end = start
          while end < buffer.count, (buffer[end] | 0x20) &- UInt8(ascii: "a") < 26 { end += 1 }
          #expect(XMLReader.letterRunEnd(buffer, from: start) == end, "\(bytes) from \(start)")
        }
      }
    }
  }

  /// Plain start tags whose names are read eight letters at a time read as with names read byte by byte: the
  /// same tag taken (or refused) and the same events after it, for names of any length and bytes.
  @Test func plainTagNamesScannedByWordsReadAsByBytes() {
    var random = SplitMix(seed: 43)
    let pieces = ["a", "customHeight", "outlineLevel", "x14ac", "r:id", "xmlns", "xml:space", "_b", "c-d", "e.f", "長", "9", "A"]
    for _ in 0..<2_000 {
      let names = (0..<Int.random(in: 1...4, using: &random)).map { _ in
        (0..<Int.random(in: 1...3, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
      }
      let element = names[0]
      let attributes = names.dropFirst().map { " \($0)=\"v\"" }.joined()
      let bytes = Array(
        "<root xmlns=\"urn:m\" xmlns:r=\"urn:r\"><\(element)\(attributes)/><\(element)\(attributes)></\(element)></root>".utf8)
      func read(_ words: Bool) -> (taken: [Bool], events: Result<[XMLEvent], InputError>) {
        var reader = XMLReader(bytes: bytes, file: "book.xlsx", entry: "xl/test.xml")
        reader.usesWordScans = words
        var taken: [Bool] = []
        let events = Result { () throws(InputError) in
          var events: [XMLEvent] = []
          while true {
            if !events.isEmpty {
              let plain = reader.plainStartTag(notNamed: [])
              taken.append(plain)
              if plain { continue }
            }
            guard let event = try reader.next() else { break }
            events.append(event)
          }
          return events
        }
        return (taken, events)
      }
      let (byWords, byBytes) = (read(true), read(false))
      #expect(byWords.taken == byBytes.taken && byWords.events == byBytes.events, "\(String(decoding: bytes, as: UTF8.self))")
    }
  }
}
