import Foundation
import Testing

@testable import Jixiao

/// A table's texts are byte ranges of one retained copy of the record, or a `String` (issue 19 items 1 and 5).
/// These tests hold `TableText` to its documented equality (by bytes, whatever the storage) and each of its
/// byte-level queries to the `String` definition it stands for, on texts from every fixture and on generated
/// ones; and they show that a decoded record's texts share its copy and are written back byte for byte.
@Suite struct TableTextTests {
  /// Pieces texts are made of: what the byte paths read, and what sends them to the general definition.
  static let pieces = [
    "a", "Z", "5", ".", "%", "-", "/", "—", "——", "–", " ", "\u{3000}", "\t", "\n", "\u{A0}", "\u{2003}", "满意度", "指标",
    "（", "）", "(", ")", "≥", "≤", ">=", "万元", "１２", "．", "％", "e\u{301}", "é", "\"", "\\", "\u{1}", "\u{7F}",
    "\u{2028}", "😀", "Ω", "分",
  ]

  static func generated(count: Int, seed: UInt64) -> [String] {
    var random = SplitMix(seed: seed)
    return (0..<count).map { _ in
      (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }
  }

  /// Every text of every fixture table, as the readers hand them over.
  static func fixtureTexts() throws -> [String] {
    let corpus = try Data(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/corpus.jsonl"))
    var texts: [String] = []
    for record in TableReader.read(Array(corpus), file: "corpus.jsonl") {
      guard case .table(let table) = record else { continue }
      for indicator in table.indicators {
        let fields = [
          indicator.level1, indicator.level2, indicator.name, indicator.targetText, indicator.actualText, indicator.ruleText,
          indicator.basis, indicator.lastYear, indicator.evidence, indicator.explanation,
        ]
        texts += fields.compactMap { $0?.string }
      }
    }
    return texts
  }

  /// The text as a range in the middle of a record's copy, as the JSON Lines decoder makes it.
  static func inRecord(_ text: String, plain: Bool = false) -> TableText {
    let bytes = Array("{\"x\":\"".utf8) + Array(text.utf8) + Array("\"}".utf8)
    let record = bytes.withUnsafeBufferPointer { RecordBytes.copying($0) }
    return TableText(record, 6..<6 + text.utf8.count, plain: plain)
  }

  static func allTexts() throws -> [String] {
    try fixtureTexts() + generated(count: 3000, seed: 19)
  }

  @Test func equalityAndHashAreByBytesWhateverTheStorage() throws {
    let texts = try Self.allTexts()
    for text in texts {
      let owned = TableText(text)
      let ranged = Self.inRecord(text)
      #expect(owned == ranged && ranged == owned, "\(text.debugDescription)")
      #expect(owned.hashValue == ranged.hashValue, "\(text.debugDescription)")
      #expect(ranged.string.utf8.elementsEqual(text.utf8) && ranged.utf8Count == text.utf8.count)
      #expect(ranged.hasSameBytes(as: text) && owned.hasSameBytes(as: text))
      #expect(owned.isPlainJSON == !text.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
    }
    for (left, right) in zip(texts, texts.dropFirst()) {
      #expect((Self.inRecord(left) == TableText(right)) == left.utf8.elementsEqual(right.utf8))
    }
    // Documented: canonically equivalent texts with other bytes are equal strings but different texts.
    #expect("e\u{301}" == "é")
    #expect(TableText("e\u{301}") != TableText("é"))
  }

  /// Identity says equal, and only for the same bytes of the same storage: not for a copy, a prefix, or
  /// another range of the same record.
  @Test func identityIsTheSameBytesOfTheSameStorage() throws {
    for text in try Self.allTexts().prefix(500) where text.utf8.count > 1 {
      let ranged = Self.inRecord(text)
      let same = ranged
      #expect(same.isIdentical(to: ranged) && same == ranged)
      #expect(!ranged.copied().isIdentical(to: ranged) && ranged.copied() == ranged)
      let head = ranged.withUTF8 { bytes in (1..<bytes.count).first { bytes[$0] & 0xC0 != 0x80 } } ?? 1
      #expect(!ranged.prefix(utf8Count: head).isIdentical(to: ranged))
      let shifted = TableText(ranged.storage, Int(ranged.start) - 1..<Int(ranged.start) - 1 + ranged.utf8Count, plain: false)
      #expect(!shifted.isIdentical(to: ranged))
    }
  }

  @Test func byteQueriesAgreeWithTheirStringDefinitions() throws {
    for text in try Self.allTexts() {
      for table in [TableText(text), Self.inRecord(text)] {
        let shown = text.debugDescription
        #expect(table.isBlank == text.trimmingSpaces().isEmpty, "\(shown)")
        #expect(table.isBlank == TableText.stringIsBlank(text), "\(shown)")
        #expect(table.isBlankOrMark == CellGrammar.isEmptyMark(CellGrammar.normalize(text)), "\(shown)")
        #expect(table.trimmingSpaces().string == text.trimmingSpaces(), "\(shown)")
        #expect(table.cell == Cell(parsing: text), "\(shown)")
        #expect(table.isEmpty == text.isEmpty)
        for limit in [0, 2, 5] {
          #expect(table.isLonger(thanCharacters: limit) == (text.count > limit), "\(shown)")
        }
        for needle in ["成本", "满意", "%", " "] {
          #expect(table.contains(needle) == text.containsText(needle), "\(shown) \(needle)")
        }
        #expect(FoldedKey(name: table) == FoldedKey(name: text), "\(shown)")
        #expect(FoldedKey(name: table).text.utf8.elementsEqual(FoldedKey(name: text).text.utf8), "\(shown)")
        let folding = LevelNameFolding(["滿": "满"])
        #expect(
          FoldedKey(level: table, folding: folding).text.utf8.elementsEqual(
            FoldedKey(level: text, folding: folding).text.utf8), "\(shown)")
        if let split = LevelLabel.split(text) {
          let tableSplit = try #require(LevelLabel.split(table), "\(shown)")
          #expect(tableSplit.name.string == split.name && tableSplit.points == split.points)
        } else {
          #expect(LevelLabel.split(table) == nil, "\(shown)")
        }
      }
    }
  }

  @Test func aNameThatFoldsToItselfSharesItsStorage() throws {
    let name = Self.inRecord("满意度指标")
    let key = FoldedKey(name: name)
    #expect(key.key.storage === name.storage)
    // A level key drops the trailing 指标 as a shorter range of the same copy.
    let level = FoldedKey(level: name, folding: LevelNameFolding([:]))
    #expect(level.key.storage === name.storage && level.key.utf8Count == "满意度".utf8.count && level.key == "满意度")
  }

  @Test func aDecodedRecordsTextsShareOneCopyOfTheLine() throws {
    let line = try fixtureLine()
    let table = try #require(
      line.withUnsafeBufferPointer { DirectTableDecoder.decode($0, at: SourceLocation(file: "t.jsonl", line: 1), defaultID: "t") }
    )
    var records: [ObjectIdentifier] = []
    var texts = 0
    for indicator in table.indicators {
      for text in [
        indicator.level1, indicator.level2, indicator.name, indicator.targetText, indicator.actualText, indicator.evidence,
      ] {
        guard let text else { continue }
        texts += 1
        #expect(text.isPlainJSON, "a string without escapes is plain JSON")
        records.append(ObjectIdentifier(text.storage))
      }
    }
    #expect(texts > 20)
    #expect(Set(records).count == 1, "one retained copy of the record for all its texts")
    #expect(table.name.storage === table.indicators[0].name.storage)
  }

  /// A record's texts are copied to the result line as they are; an escaped one is written as the `String`
  /// of the same text would be.
  @Test func writersCopyPlainTextsAndEscapeTheRest() throws {
    var texts = try Self.allTexts()
    texts += ["a\"b", "back\\slash", "line\nend", "\u{1}", "tab\there"]
    for text in texts {
      var fromString = JSONWriter()
      fromString.string(nil, text)
      var fromOwned = JSONWriter()
      fromOwned.string(nil, TableText(text))
      var fromRecord = JSONWriter()
      let plain = !text.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
      fromRecord.string(nil, Self.inRecord(text, plain: plain))
      #expect(fromOwned.bytes == fromString.bytes, "\(text.debugDescription)")
      #expect(fromRecord.bytes == fromString.bytes, "\(text.debugDescription)")
    }
  }

  /// A fixture table as one JSON Lines record.
  func fixtureLine() throws -> [UInt8] {
    let corpus = try Data(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/corpus.jsonl"))
    let line = try #require(corpus.split(separator: 0x0A).first)
    return Array(line)
  }
}
