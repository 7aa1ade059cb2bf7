import Foundation
import Testing

@testable import Jixiao

/// Every kind of error jixiao prints exists in English and in Chinese: both texts non-empty, the Chinese
/// one Chinese, the location prefix the same in both, and nothing the English text names (a number, a
/// quoted value) missing from the Chinese one, so that a translation cannot drift from its original.
@Suite struct BilingualMessageTests {
  /// Checks one message: `english` and `chinese` begin with `prefix` (the location, same in both).
  static func expectBilingual(
    _ english: String, _ chinese: String, prefix: String = "", sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    #expect(english.hasPrefix(prefix), "\(english)", sourceLocation: sourceLocation)
    #expect(chinese.hasPrefix(prefix), "\(chinese)", sourceLocation: sourceLocation)
    let englishText = english.dropFirst(prefix.count)
    let chineseText = chinese.dropFirst(prefix.count)
    #expect(!englishText.isEmpty && !chineseText.isEmpty, "\(english)", sourceLocation: sourceLocation)
    #expect(englishText != chineseText, "\(english)", sourceLocation: sourceLocation)
    #expect(chineseText.unicodeScalars.contains(where: isHan), "not Chinese: \(chinese)", sourceLocation: sourceLocation)
    for figure in figures(in: String(englishText)) {
      #expect(chineseText.contains(figure), "\(figure) of \(english) missing from \(chinese)", sourceLocation: sourceLocation)
    }
    for quoted in quotations(in: String(englishText)) {
      #expect(chineseText.contains(quoted), "\(quoted) of \(english) missing from \(chinese)", sourceLocation: sourceLocation)
    }
  }

  static func expectBilingual(_ message: Message, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    expectBilingual(message.english, message.chinese, sourceLocation: sourceLocation)
  }

  static func expectBilingual(_ error: InputError, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    expectBilingual(
      error.text(.english), error.text(.chinese), prefix: "\(error.location): ", sourceLocation: sourceLocation)
    #expect(error.description == error.text(.english), sourceLocation: sourceLocation)
  }

  static func isHan(_ scalar: Unicode.Scalar) -> Bool { (0x4E00...0x9FFF).contains(scalar.value) }

  /// The runs of digits in a text.
  static func figures(in text: String) -> [String] {
    text.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).map(String.init)
  }

  /// What a text sets in straight quotes, "…" or '…' (ASCII apostrophes in words such as Excel's are not
  /// quotes: a quotation starts after a space or an opening bracket, or at the start).
  static func quotations(in text: String) -> [String] {
    var found: [String] = []
    let characters = Array(text)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      let opens = index == 0 || " ([{".contains(characters[index - 1])
      if opens, character == "\"" || character == "'",
        let close = characters[(index + 1)...].firstIndex(of: character)
      {
        found.append(String(characters[index...close]))
        index = close + 1
      } else {
        index += 1
      }
    }
    return found
  }

  /// Every rejection of the malformed corpus and of crafted workbooks, documents, PDFs and files.
  @Test func everyRejectionOfTheMalformedCorpusIsBilingual() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: MalformedInputTests.directory.path).sorted()
      .filter { $0 != "MANIFEST.jsonl" && !$0.hasSuffix(".py") && !$0.hasSuffix(".md") }
    var rejections: [InputError] = []
    for file in files {
      let path = MalformedInputTests.directory.appendingPathComponent(file).path
      _ = BatchRunner(scorer: Scorer(profile: defaultProfile), jobs: 1).run(inputs: [path]) { outcome in
        if case .rejected(let error, _) = outcome { rejections.append(error) }
      }
    }
    #expect(rejections.count >= 20, "the corpus rejects many files")
    for error in rejections { Self.expectBilingual(error) }
  }

  @Test func rejectionsOfCraftedFilesAreBilingual() throws {
    let scratch = try ScratchFolder()
    let inputs: [(String, [UInt8])] = [
      ("not-a-zip.xlsx", Array("PK\u{3}\u{4} this is no archive".utf8)),
      ("short.docx", [0x50, 0x4B]),
      ("legacy.xlsx", DocumentErrorTests.compoundFile("Root Entry", "Workbook")),
      ("legacy.docx", DocumentErrorTests.compoundFile("Root Entry", "WordDocument")),
      ("page.docx", Array("<html><body>web page</body></html>".utf8)),
      ("not.pdf", Array("this is not a PDF".utf8)),
      ("gbk.txt", [0x20, 0x20, 0xD7, 0xD4, 0xC6, 0xC0, 0xB1, 0xED, 0x0A]),
    ]
    var paths: [String] = []
    for (name, bytes) in inputs {
      let path = scratch.file(name)
      #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
      paths.append(path)
    }
    paths += [scratch.path, scratch.file("missing.json")]
    var rejections: [InputError] = []
    _ = BatchRunner(scorer: Scorer(profile: defaultProfile), jobs: 1).run(inputs: paths) { outcome in
      if case .rejected(let error, _) = outcome { rejections.append(error) }
    }
    #expect(rejections.count == paths.count, "\(rejections)")
    for error in rejections { Self.expectBilingual(error) }
  }

  @Test func xmlErrorsAreBilingualAndKeepTheirLineAndColumn() {
    let documents = [
      "", "<a>", "<a></b>", "<a x='1' x='2'/>", "<a>&nope;</a>", "<a>&#0;</a>", "<!DOCTYPE a><a/>", "<a/><b/>",
      "<a x=1/>", "<a><!-- open</a>", "<a b:c='1'/>", "text<a/>", "<a>]]></a>", "<a\u{1}/>",
    ]
    for document in documents {
      var reader = XMLReader(bytes: Array(document.utf8), file: "book.xlsx", entry: "xl/test.xml")
      do {
        while try reader.next() != nil {}
        Issue.record("\(document) was read")
      } catch {
        Self.expectBilingual(error)
        #expect(error.message.english.hasPrefix("line "), "\(error)")
        #expect(error.message.chinese.hasPrefix("第 "), "\(error)")
      }
    }
  }

  @Test func jsonSyntaxErrorsAreBilingualInBothDecoders() {
    let documents = [
      "", "{", "{\"a\" 1}", "{\"a\": tru}", "[1,]", "{\"a\": 01}", "{\"a\": \"\\q\"}", "{\"a\": 1, \"a\": 2}", "{} x",
      "{\"a\": \"\u{1}\"}", "{\"a\": \"\\ud800\"}", "{\"a\": -}", "{\"a\": 1.}", "{\"a\": 1e}",
    ]
    for document in documents {
      do {
        _ = try JSONParser.parse(Array(document.utf8))
        Issue.record("\(document) was parsed")
      } catch {
        Self.expectBilingual(error.message)
      }
      let record = TableReader.decodeLine(
        ArraySlice(document.utf8), at: Jixiao.SourceLocation(file: "a.jsonl", line: 1), defaultID: "a")
      if case .rejected(let error) = record {
        Self.expectBilingual(error)
      } else {
        Issue.record("\(document) was read as a table")
      }
    }
  }

  @Test func everyInflateErrorIsBilingual() {
    let reasons: [InflateError.Reason] = [
      .truncated, .reservedBlockType, .storedLengthMismatch, .tooManyCodes, .invalidCodeLengths(table: "literal/length"),
      .repeatWithoutPrevious, .codeLengthsOverrun, .missingEndOfBlock, .invalidSymbol, .distanceTooFarBack,
      .outputLimitExceeded(limit: 1024),
    ]
    for reason in reasons {
      let error = InflateError(reason, offset: 17)
      Self.expectBilingual(error.message)
      #expect(error.description == error.message.english)
    }
  }

  @Test func zipWriterFailuresAreBilingual() throws {
    var writer = ZipWriter()
    try writer.add("a.xml", [1])
    for name in ["a.xml", "../escape.xml"] {
      do {
        try writer.add(name, [2])
        Issue.record("\(name) was added")
      } catch {
        Self.expectBilingual(error.text(.english), error.text(.chinese), prefix: "\(name): ")
      }
    }
  }

  @Test func everyOutputErrorAndRefusalIsBilingual() throws {
    let actions: [OutputError.Action] = [
      .write, .open, .createTemporaryFileBeside, .createTemporaryFileIn, .moveOutputInto, .readBack,
    ]
    for action in actions {
      for code in [ENOSPC, EPIPE, EFBIG, EACCES, ENOTSOCK] {
        for destination in [Message.standardOutput, .path("/tmp/复核.csv")] {
          let error = OutputError(action, destination, code: code)
          Self.expectBilingual(error.message)
          #expect(error.message.english.hasSuffix(String(cString: strerror(code))))
          #expect(error.message.chinese.contains(String(cString: strerror(code))))
        }
      }
    }
    let scratch = try ScratchFolder()
    let input = scratch.file("in.json")
    #expect(FileManager.default.createFile(atPath: input, contents: Data("{}".utf8)))
    try FileManager.default.createSymbolicLink(atPath: scratch.file("dangling"), withDestinationPath: "nowhere.txt")
    for path in [scratch.path, scratch.file("no/out.txt"), input, scratch.file("dangling")] {
      do {
        _ = try OutputTarget.resolve(path, inputs: [input])
        Issue.record("\(path) was accepted")
      } catch {
        Self.expectBilingual(error.message)
        Self.expectBilingual(error.hint)
      }
    }
  }

  @Test func everyPdftotextFailureIsBilingual() {
    let failures: [ChildProcess.Failure] = [
      .notFound("pdftotext"), .couldNotStart("/usr/bin/pdftotext: permission denied"), .timedOut(seconds: 60),
      .outputTooLarge(limit: 256 << 20),
    ]
    for failure in failures { Self.expectBilingual(PDFReader.message(for: failure)) }
  }

  @Test func profileErrorsAreBilingual() {
    let profiles = ["[]", "{\"extends\": 3}", "{\"schema\": \"2\"}", "{", "{\"extends\": \"national-default\"}"]
    for profile in profiles {
      do {
        _ = try Profile.parse(Array(profile.utf8), file: "/tmp/mine.json")
        Issue.record("\(profile) was read")
      } catch {
        Self.expectBilingual(error)
      }
    }
    do {
      _ = try Profile.load("no-such-profile")
      Issue.record("a missing profile was read")
    } catch {
      Self.expectBilingual(error)
    }
  }

  @Test func theDriftCheckSeesAMissingFigureOrQuote() {
    #expect(Self.figures(in: "the row has 4 cells, the header has 10") == ["4", "10"])
    #expect(Self.quotations(in: "unknown grade \"甲\"; Excel's x in ('y')") == ["\"甲\"", "'y'"])
  }

  @Test func messagesJoinPerLanguage() {
    let joined = Message.joined(
      [Message(en: "a", zh: "甲"), Message(en: "b", zh: "乙")], separator: Message(en: "; ", zh: "；"))
    #expect(joined == Message(en: "a; b", zh: "甲；乙"))
    #expect((Message(en: "x", zh: "十") + Message(verbatim: "!")).text(.chinese) == "十!")
  }
}
