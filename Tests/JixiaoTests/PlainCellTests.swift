import Foundation
import Testing

@testable import Jixiao

/// The byte-level fast path of the cell grammar must read every cell it accepts exactly as the
/// general grammar does.
@Suite struct PlainCellTests {
  static func agrees(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    if let plain = PlainCell.parse(text) ?? nil {
      #expect(plain == CellGrammar.parseGeneral(text), "\(text)", sourceLocation: sourceLocation)
    }
  }

  @Test(arguments: [">=20次/年", "=100%", "≥98%", "≤203.5万元", "有效促进", "5.00", "-", "/", "", "600多亿", "30余家", "5家以上", "-0.5"])
  func commonCellsTakeTheFastPath(_ text: String) {
    #expect(PlainCell.parse(text) ?? nil != nil, "\(text)")
    Self.agrees(text)
  }

  @Test func everyFixtureCellAgrees() throws {
    let corpus = try Data(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/corpus.jsonl"))
    var cells = 0
    for record in TableReader.read(Array(corpus), file: "corpus.jsonl") {
      guard case .table(let table) = record else { continue }
      for indicator in table.indicators {
        for text in [indicator.targetText, indicator.actualText, indicator.lastYear].compactMap({ $0 }) {
          Self.agrees(text.string)
          // The decoded text, a range of its record, reads as its string does.
          #expect(text.cell == CellGrammar.parseGeneral(text.string), "\(text)")
          cells += 1
        }
      }
    }
    #expect(cells > 500)
  }

  /// Every string of the malformed corpus (Tests/Malformed), read as a cell: broken numbers, dates and
  /// operators of real defects.
  @Test func everyMalformedCorpusStringAgrees() throws {
    let folder = repositoryRoot.appendingPathComponent("Tests/Malformed")
    let strings = try Regex(#""([^"\\]*)""#)
    var cells = 0
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
      guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)), let text = String(data: data, encoding: .utf8)
      else { continue }
      for match in text.matches(of: strings) {
        Self.agrees(String(text[match.range].dropFirst().dropLast()))
        cells += 1
      }
    }
    #expect(cells > 1_000)
  }

  /// The common units table gives `Unit(plain:)` of each of its texts, found by their bytes, and nothing for
  /// another text; a cell printing each unit reads as the general grammar reads it.
  @Test func commonUnitsAreTheUnitsOfTheirTexts() {
    for text in CommonUnits.texts {
      var bytes = text
      let found = bytes.withUTF8 { Unit.common($0) }
      #expect(found == Unit(plain: text), "\(text)")
      #expect(found?.text == text, "\(text)")
      for cell in ["5" + text, ">=12.5" + text, "≤3" + text + "以内", "30余" + text] { Self.agrees(cell) }
    }
    for other in [
      "次/周", "个个", "%%", "万", "亿", "一二三四五六七八九", "平方米/年/人/次/户", "次-年", "人/月", "万元/月", "平方公里",
      "万元/年年", "一二三四五", "abcdefghijklmnop", "abcdefghijklmnopq", "a", "ab", "abc",
    ] {
      var bytes = other
      #expect(bytes.withUTF8 { Unit.common($0) } == nil, "\(other)")
      Self.agrees("7" + other)
    }
  }

  /// The common units table finds a text by all its bytes: each text with any one byte changed, or one
  /// byte more or fewer, is found only when it is itself a common text.
  @Test func commonUnitsTellEveryByte() {
    let texts = Set(CommonUnits.texts.map { Array($0.utf8) })
    func expectFound(_ bytes: [UInt8]) {
      let found = bytes.withUnsafeBufferPointer { Unit.common($0) }
      let expected = texts.contains(bytes) ? Unit(plain: String(decoding: bytes, as: UTF8.self)) : nil
      #expect(found == expected, "\(bytes)")
    }
    for text in texts {
      for index in text.indices {
        for change: UInt8 in [1, 0x20, 0x80] {
          var changed = text
          changed[index] ^= change
          expectFound(changed)
        }
        var shorter = text
        shorter.remove(at: index)
        expectFound(shorter)
      }
      expectFound(text + [0x41])
      expectFound([0x41] + text)
    }
  }

  /// The characters the plain reader compares as constants are the grammar's words.
  @Test func packedCharactersAreTheGrammars() {
    func packed(_ text: String) -> UInt32 { PlainCell.packed(Array(text.utf8), at: 0) }
    #expect(PlainCell.Packed.approximate == (packed("多"), packed("余")))
    #expect(PlainCell.Packed.trailingLead == packed("以"))
    let trailing = PlainCell.Packed.trailing
    let words = CellGrammar.trailingOperators
    #expect(words.count == 3)
    for (index, (second, comparison)) in [trailing.0, trailing.1, trailing.2].enumerated() {
      #expect(words[index].0 == "以" + String(decoding: Array("\(words[index].0)".utf8.suffix(3)), as: UTF8.self))
      #expect(second == PlainCell.packed(Array(words[index].0.utf8), at: 3) && comparison == words[index].1)
    }
    // The word operators' first characters are the leads, and no other three-byte character is.
    let leads = Set(CellGrammar.wordOperators.map { packed($0.0) })
    for character in UInt32(0x4000)...0x9FFF {
      let text = String(UnicodeScalar(character)!)
      #expect(PlainCell.Packed.isWordOperatorLead(packed(text)) == leads.contains(packed(text)), "\(text)")
    }
  }

  /// The plain reader reads in one pass, deciding whether the text is plain (`PlainCell.isPlain`, its
  /// alphabet) only after the operator and the number: text that is not plain anywhere is never read, and plain
  /// text reads as the general grammar reads it. Random strings mix the grammar's words with characters
  /// outside the alphabet (spaces, full-width forms, other E2 signs, Latin, four-byte scalars, controls).
  @Test func onlyPlainTextIsReadPlainly() {
    let plainParts = [
      ">=", "≥", "≤", "不少于", "控制在", "12", "0.5", "-3", ",", ".", "%", "次/年", "万元", "多", "以上", "月", "日", "年", "2024",
    ]
    let otherParts = [" ", "\u{3000}", "％", "＞", "≠", "…", "é", "😀", "\t", "Ａ", "\u{7F}", "\u{2264}\u{0338}", "ﾟ"]
    var generator = SplitMix(seed: 4242)
    var readPlainly = 0
    for _ in 0..<20_000 {
      let count = 1 + Int(generator.next() % 5)
      var text = ""
      for _ in 0..<count {
        let parts = generator.next() % 4 == 0 ? otherParts : plainParts
        text += parts[Int(generator.next() % UInt64(parts.count))]
      }
      var bytes = text
      let isPlain = bytes.withUTF8 { PlainCell.isPlain($0) }
      let plain = PlainCell.parse(text) ?? nil
      if !isPlain { #expect(plain == nil, "\(text.debugDescription) is not plain") }
      if plain != nil { readPlainly += 1 }
      Self.agrees(text)
    }
    #expect(readPlainly > 5_000)
  }

  /// The word operators the plain reader takes without scanning them are plain text.
  @Test func wordOperatorsArePlain() {
    for (word, _) in CellGrammar.wordOperators {
      var bytes = word
      #expect(bytes.withUTF8 { PlainCell.isPlain($0) }, "\(word)")
    }
  }

  /// Operators, numbers, marks and units in every order, and random strings over the grammar's alphabet.
  @Test func generatedCellsAgree() {
    let heads = ["", ">=", ">", "<=", "<", "=", "==", "≥", "≤", "不少于", "大于", "达到", "控制在", "-", "+", "月"]
    let numbers = ["", "20", "0", "-3", "1.5", "1.2.3", ".5", "5.", "1,000", "1,00", "007", "1234567890123456789", "2024年10"]
    let tails = ["", "次", "%", "次/年", "万元", "亿", "亿/年", "多", "余家", "家以上", "以内", "以下", "米以上", "个3", "一二三四五六七八九"]
    for head in heads {
      for number in numbers {
        for tail in tails { Self.agrees(head + number + tail) }
      }
    }
    let alphabet = Array(">=<≥≤0123456789.,-+%/次万元亿多余以上下内月日年有效 ") as [Character]
    var generator = SplitMix(seed: 29)
    for _ in 0..<20_000 {
      let length = Int(generator.next() % 9)
      Self.agrees(String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }))
    }
  }
}

@Suite struct LevelNameTests {
  /// The specification of a level key, on characters: spaces dropped, traditional forms mapped, a
  /// trailing 指标 trimmed from a longer name.
  static func reference(_ printed: String, _ forms: [Character: Character]) -> String {
    var text = String(printed.compactMap { $0.isWhitespace ? nil : (forms[$0] ?? $0) })
    if text.hasSuffix("指标"), text.count > 2 { text.removeLast(2) }
    return text
  }

  @Test func fastKeysAgreeWithTheCharacterDefinition() {
    let forms = defaultProfile.traditionalForms
    let folding = LevelNameFolding(forms)
    let alphabet = Array("产出指标標數量 a\u{3000}满意度") as [Character]
    var generator = SplitMix(seed: 31)
    for _ in 0..<20_000 {
      let length = Int(generator.next() % 7)
      let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
      #expect(LevelName(text, folding: folding).key == Self.reference(text, forms), "\(text)")
    }
    #expect(LevelName("產出指標", folding: folding).key == "产出")
    #expect(LevelName("指标", folding: folding).key == "指标")
  }
}
