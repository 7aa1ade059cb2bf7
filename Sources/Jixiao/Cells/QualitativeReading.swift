/// How a text actual reads against its target (spec §3, graded): the engine cannot measure prose,
/// so it only decides which band of the weight the claim must stay inside.
public enum Achievement: String, Sendable, Hashable, CaseIterable, Codable {
  case achieved
  case partlyAchieved = "partly"
  case notAchieved = "not"

  public var label: String {
    switch self {
    case .achieved: "达成"
    case .partlyAchieved: "部分达成"
    case .notAchieved: "未达成"
    }
  }

  // By case, as an enum without raw values: a `String` raw value would otherwise be hashed (the profile's
  // bands are looked up by achievement for every graded row).
  public func hash(into hasher: inout Hasher) {
    switch self {
    case .achieved: hasher.combine(0 as UInt8)
    case .partlyAchieved: hasher.combine(1 as UInt8)
    case .notAchieved: hasher.combine(2 as UInt8)
    }
  }
}

/// The word lists come from the profile so that a region can extend them without a patch.
public struct QualitativeVocabulary: Sendable, Hashable, Codable {
  public var achieved: [String]
  public var partly: [String]
  public var negations: [String]
  /// Phrases that contain a negation word but are not negations (不断提高).
  public var notNegations: [String]

  public init(achieved: [String], partly: [String], negations: [String], notNegations: [String]) {
    self.achieved = achieved
    self.partly = partly
    self.negations = negations
    self.notNegations = notNegations
  }

  /// `nil` when the actual reads as none of the three bands. The definition: texts normalized
  /// (`CellGrammar.normalize`), compared as strings, searched by bytes (`containsText`).
  public func read(actual: String, target: String?) -> Achievement? {
    let actualText = CellGrammar.normalize(actual)
    let targetText = target.map(CellGrammar.normalize) ?? ""
    if !targetText.isEmpty, actualText == targetText { return .achieved }
    var scrubbed = actualText
    for phrase in notNegations where scrubbed.containsText(phrase) { scrubbed = scrubbed.replacing(phrase, with: "") }
    if negations.contains(where: { scrubbed.containsText($0) }) { return .notAchieved }
    if partly.contains(where: { actualText.containsText($0) }) { return .partlyAchieved }
    if achieved.contains(where: { actualText.containsText($0) }) { return .achieved }
    if !targetText.isEmpty, actualText.containsText(targetText) || targetText.containsText(actualText) { return .achieved }
    return nil
  }
}

/// A vocabulary's words as bytes, each with its first character's bit (`QualitativeText.Scalars`), made
/// once for a scorer: a row's text is then searched only for the words whose first character it holds,
/// without a `String` touched. Reads as `QualitativeVocabulary.read(actual:target:)`, its definition
/// (`QualitativeReadingTests`).
struct QualitativePhrases: Sendable {
  let vocabulary: QualitativeVocabulary
  /// Every word's bytes, one after another.
  private let bytes: [UInt8]
  /// Each word's place in `bytes` and its first character's bit, list after list.
  private let phrases: [Phrase]
  private let achieved: Range<Int>
  private let partly: Range<Int>
  private let negations: Range<Int>
  private let notNegations: Range<Int>

  private struct Phrase {
    let start: Int
    let count: Int
    let firstBit: UInt64
  }

  init(_ vocabulary: QualitativeVocabulary) {
    self.vocabulary = vocabulary
    var bytes: [UInt8] = []
    var phrases: [Phrase] = []
    func add(_ list: [String]) -> Range<Int> {
      let first = phrases.count
      for word in list {
        let utf8 = Array(word.utf8)
        let firstBit = utf8.withUnsafeBufferPointer { QualitativeText.Scalars.firstBit(of: $0) }
        phrases.append(Phrase(start: bytes.count, count: utf8.count, firstBit: firstBit))
        bytes.append(contentsOf: utf8)
      }
      return first..<phrases.count
    }
    achieved = add(vocabulary.achieved)
    partly = add(vocabulary.partly)
    negations = add(vocabulary.negations)
    notNegations = add(vocabulary.notNegations)
    self.bytes = bytes
    self.phrases = phrases
  }

  /// `vocabulary.read(actual:target:)` of a row's printed texts (nil: none printed), without making a
  /// `String`: texts of plain scalars (`QualitativeText`), nearly all, are read on their bytes, where
  /// comparing and replacing characters is comparing and replacing bytes; any other by the definition.
  func read(actual: TableText?, target: TableText?) -> Achievement? {
    // nil: a text is not plain; .some(reading): read on bytes.
    let plain = QualitativeText.withNormalized(actual) { actualBytes in
      QualitativeText.withNormalized(target) { readPlain(actual: actualBytes, target: $0) }
    }
    if case .some(.some(let reading)) = plain { return reading }
    return vocabulary.read(actual: actual?.trimmingSpaces().string ?? "", target: target?.trimmingSpaces().string ?? "")
  }

  /// The definition's steps on normalized texts of plain scalars.
  private func readPlain(actual: UnsafeBufferPointer<UInt8>, target: UnsafeBufferPointer<UInt8>) -> Achievement? {
    if !target.isEmpty, QualitativeText.equal(actual, target) { return .achieved }
    return bytes.withUnsafeBufferPointer { bytes in
      phrases.withUnsafeBufferPointer { phrases -> Achievement? in
        func word(_ index: Int) -> UnsafeBufferPointer<UInt8> {
          UnsafeBufferPointer(rebasing: bytes[phrases[index].start..<phrases[index].start + phrases[index].count])
        }
        func occurs(_ index: Int, in text: UnsafeBufferPointer<UInt8>, _ scalars: QualitativeText.Scalars) -> Bool {
          scalars.has(phrases[index].firstBit) && text.containsSequence(word(index))
        }
        let scalars = QualitativeText.Scalars(actual)
        var scrubbed: [UInt8]? = nil
        var scrubbedScalars = scalars
        for index in notNegations {
          let removed = QualitativeText.withBytes(scrubbed, or: actual) { text in
            occurs(index, in: text, scrubbedScalars) ? QualitativeText.removingAll(word(index), from: text) : nil
          }
          if let removed {
            scrubbed = removed
            scrubbedScalars = removed.withUnsafeBufferPointer { QualitativeText.Scalars($0) }
          }
        }
        let negated = QualitativeText.withBytes(scrubbed, or: actual) { text in
          negations.contains { occurs($0, in: text, scrubbedScalars) }
        }
        if negated { return .notAchieved }
        if partly.contains(where: { occurs($0, in: actual, scalars) }) { return .partlyAchieved }
        if achieved.contains(where: { occurs($0, in: actual, scalars) }) { return .achieved }
        if !target.isEmpty, actual.containsSequence(target) || target.containsSequence(actual) { return .achieved }
        return nil
      }
    }
  }
}

/// A cell's text as the qualitative reading sees it, on bytes: normalized as `CellGrammar.normalize` does
/// (full-width digits and `．，％－` made ASCII, tabs, line ends, U+3000 and no-break spaces made spaces,
/// spaces trimmed), for texts of plain scalars only: printable ASCII, CJK ideographs (U+4000…9FFF), the
/// CJK punctuation U+3000…3029 and U+3030…303F, and the full-width forms U+FF01…FF5E. Each of those is a
/// character of its own, has no canonical decomposition and joins no neighbour, so that such texts are
/// equal as strings exactly when their bytes are, and a phrase found in one is found at character
/// boundaries. Any other text is for the definition on `String` (`withNormalized` gives nil).
enum QualitativeText {
  /// Calls `body` with the normalized bytes of `text` (empty when nil); nil when the text is not plain.
  static func withNormalized<Result>(
    _ text: TableText?, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result? {
    guard let text else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
    return text.withUTF8 { bytes -> Result? in
      switch scan(bytes) {
      case nil: return nil
      case .unchanged(let range)?: return body(UnsafeBufferPointer(rebasing: bytes[range]))
      case .folded?:
        guard let folded = folded(bytes) else { return nil }
        return folded.withUnsafeBufferPointer { body($0) }
      }
    }
  }

  enum Scan {
    /// Only the bytes in the range are kept (spaces trimmed from the ends), unchanged.
    case unchanged(Range<Int>)
    /// Some scalar is folded: `folded` makes the text.
    case folded
  }

  /// Whether the bytes are plain, and whether normalizing keeps them but for spaces at the ends.
  static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Scan? {
    var index = 0
    var folds = false
    while index < bytes.count {
      guard let (length, fold) = scalar(bytes, at: index) else { return nil }
      if fold != nil, !(fold == 0x20 && length == 1 && bytes[index] == 0x20) { folds = true }
      index += length
    }
    if folds { return .folded }
    var start = 0
    var end = bytes.count
    while start < end, bytes[start] == 0x20 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 { end -= 1 }
    return .unchanged(start..<end)
  }

  /// The normalized bytes of plain bytes; nil when they are not plain.
  static func folded(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      guard let (length, fold) = scalar(bytes, at: index) else { return nil }
      if let fold {
        output.append(fold)
      } else {
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
      }
      index += length
    }
    let start = output.firstIndex { $0 != 0x20 } ?? output.count
    let end = (output.lastIndex { $0 != 0x20 } ?? -1) + 1
    return start < end ? Array(output[start..<end]) : []
  }

  /// The plain scalar at `index`: its byte count, and the ASCII byte it folds to (nil: kept as it is);
  /// nil when the scalar is not plain.
  @inline(__always)
  static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (length: Int, fold: UInt8?)? {
    let lead = bytes[index]
    switch lead {
    case 0x20: return (1, 0x20)
    case 0x21..<0x7F: return (1, nil)
    case 0x09, 0x0A, 0x0D: return (1, 0x20)
    case 0xC2:
      guard index + 1 < bytes.count, bytes[index + 1] == 0xA0 else { return nil }
      return (2, 0x20)
    case 0xE3, 0xE4...0xE9, 0xEF:
      guard index + 2 < bytes.count else { return nil }
      let second = bytes[index + 1]
      let third = bytes[index + 2]
      guard second & 0xC0 == 0x80, third & 0xC0 == 0x80 else { return nil }
      let value = UInt32(lead & 0x0F) << 12 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
      switch value {
      case 0x4000...0x9FFF: return (3, nil)
      case 0x3000: return (3, 0x20)
      // Not the tone marks U+302A…302F, which join the character before.
      case 0x3001...0x3029, 0x3030...0x303F: return (3, nil)
      case 0xFF10...0xFF19: return (3, UInt8(value - 0xFF10) + 0x30)
      case 0xFF0E: return (3, UInt8(ascii: "."))
      case 0xFF0C: return (3, UInt8(ascii: ","))
      case 0xFF05: return (3, UInt8(ascii: "%"))
      case 0xFF0D: return (3, UInt8(ascii: "-"))
      case 0xFF01...0xFF5E: return (3, nil)
      default: return nil
      }
    default: return nil
    }
  }

  static func equal(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
    lhs.count == rhs.count && lhs.elementsEqual(rhs)
  }

  /// The scalars a plain text holds, as bits of one word (`bit`): a phrase whose first scalar's bit is
  /// clear does not occur in the text and is not searched for (a graded row's text is searched for some
  /// twenty words, of which one or two occur).
  struct Scalars {
    private var bits: UInt64 = 0

    init(_ text: UnsafeBufferPointer<UInt8>) {
      var index = 0
      while index < text.count {
        let lead = text[index]
        if lead < 0x80 {
          bits |= Self.bit(lead, 0, 0)
          index += 1
        } else if lead & 0xF0 == 0xE0, index + 2 < text.count {
          bits |= Self.bit(lead, text[index + 1], text[index + 2])
          index += 3
        } else {
          // Not a plain text: nothing is ruled out.
          bits = ~0
          return
        }
      }
    }

    /// Whether `phrase` may occur in the text: false only when its first scalar does not.
    func mayContain(_ phrase: UnsafeBufferPointer<UInt8>) -> Bool { has(Self.firstBit(of: phrase)) }

    /// Whether a phrase whose first scalar's bit is `bit` (`firstBit(of:)`) may occur in the text.
    @inline(__always)
    func has(_ bit: UInt64) -> Bool { bit == ~0 || bits & bit != 0 }

    /// The bit of the phrase's first scalar; all ones when it rules nothing out (an empty phrase, a first
    /// scalar of two or four bytes).
    static func firstBit(of phrase: UnsafeBufferPointer<UInt8>) -> UInt64 {
      guard let lead = phrase.first else { return ~0 }
      if lead < 0x80 { return bit(lead, 0, 0) }
      guard lead & 0xF0 == 0xE0, phrase.count >= 3 else { return ~0 }
      return bit(lead, phrase[1], phrase[2])
    }

    @inline(__always)
    private static func bit(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> UInt64 {
      1 << ((UInt64(first) &+ UInt64(second) &* 5 &+ UInt64(third) &* 17) & 63)
    }
  }

  /// `containsText` on bytes; `scalars` are the text's.
  static func contains(_ phrase: String, in text: UnsafeBufferPointer<UInt8>, scalars: Scalars) -> Bool {
    var phrase = phrase
    return phrase.withUTF8 { scalars.mayContain($0) && text.containsSequence($0) }
  }

  /// `text` with every occurrence of `phrase` removed, left to right (`String.replacing(_:with:)` on a plain
  /// text); nil for an empty phrase, which removes nothing. The caller has found one occurrence.
  static func removingAll(_ phrase: UnsafeBufferPointer<UInt8>, from text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    guard !phrase.isEmpty else { return nil }
    var output: [UInt8] = []
    output.reserveCapacity(text.count)
    var index = 0
    while index < text.count {
      if index + phrase.count <= text.count, text[index] == phrase[0],
        UnsafeBufferPointer(rebasing: text[index..<index + phrase.count]).elementsEqual(phrase)
      {
        index += phrase.count
      } else {
        output.append(text[index])
        index += 1
      }
    }
    return output
  }

  /// Calls `body` with the bytes of `scrubbed` when there is one, else with `original`.
  static func withBytes<Result>(
    _ scrubbed: [UInt8]?, or original: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    guard let scrubbed else { return body(original) }
    return scrubbed.withUnsafeBufferPointer(body)
  }
}
