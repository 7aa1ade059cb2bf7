import Foundation

/// A name as reviewers compare it, folded once when its indicator is made: two keys are equal exactly when
/// their UTF-8 bytes are, and a key hashes its bytes. Checks compare keys, never names.
///
/// What folding means (`init(name:)`), the one definition every comparison of indicator names uses:
/// the full-width digits and `．，％－` that converted PDFs print become ASCII (`CellGrammar.normalize`), every
/// whitespace character is dropped (ASCII spaces, tabs and line ends, U+3000, no-break and other Unicode
/// spaces), and the result is in Unicode normal form C, so that texts equal as Swift strings (canonically
/// equivalent) have equal keys. A name that folds to itself (nearly all) is kept as it is: the key shares
/// its storage.
///
/// Names made only of printable ASCII, CJK ideographs, the full-width ASCII forms and the usual Chinese and
/// general punctuation are folded on bytes (`foldedOnBytes`); any other name (another script, a combining
/// mark, a control character) by the general definition (`foldedByCharacters`), which the byte walk agrees
/// with wherever it applies (`FoldedKeyTests`).
public struct FoldedKey: Sendable, Hashable, CustomStringConvertible {
  /// The folded text; only its bytes count. A name that folds to itself shares the name's storage.
  public let key: TableText

  /// The folded text as a `String`, for a message or a profile's lists.
  public var text: String { key.string }

  /// A level name's key: `LevelName`'s folding (whitespace dropped, the profile's traditional forms mapped to
  /// simplified ones, a trailing 指标 dropped) in normal form C (`byDefinition`). Names of printable ASCII, CJK
  /// ideographs and punctuation and the full-width forms (nearly all) are folded on bytes
  /// (`LevelNameFolding.fastFolding`) and are their own normal form: the key shares the name's bytes, or
  /// is written once when a space or a traditional form is folded (`LevelKeysTests`).
  public init(level printed: TableText, folding: LevelNameFolding) {
    let fast = printed.withUTF8 { folding.fastFolding($0) }
    switch fast {
    case .unchanged: key = printed
    case .prefix(let count): key = printed.prefix(utf8Count: count)
    case .folded:
      key = printed.withUTF8 { bytes in
        TableText(capacity: bytes.count) { folding.writeFolded(bytes, into: $0) }
      }
    case nil: self = Self(levelByDefinition: printed.string, folding: folding)
    }
  }

  /// The definition of a level name's key: `LevelName.foldedByCharacters`, then normal form C.
  init(levelByDefinition printed: String, folding: LevelNameFolding) {
    key = TableText(LevelName.foldedByCharacters(printed, folding: folding).precomposedStringWithCanonicalMapping)
  }

  public init(level printed: String, folding: LevelNameFolding) {
    self.init(level: TableText(printed), folding: folding)
  }

  /// A text already folded: the profile's level names, folded when it is loaded.
  init(folded text: String) {
    key = TableText(text)
  }

  /// A text already folded, sharing its bytes: a worker's one copy of a level name's key (`Scorer.Memo`).
  init(folded text: TableText) {
    key = text
  }

  /// No name printed.
  static let empty = FoldedKey(folded: "")

  /// Held in the same bytes as `other`: then equal. A worker's memo hands out one copy of each level name's
  /// key, however the name is printed (`Scorer.Memo`), so that the keys of a table's rows are told apart
  /// without comparing bytes. False says nothing: equal keys may be held apart.
  func isIdentical(to other: FoldedKey) -> Bool { key.isIdentical(to: other.key) }

  /// Equal to a text already folded (the profile's level names), byte for byte.
  func matches(_ folded: String) -> Bool { key.hasSameBytes(as: folded) }

  var isEmpty: Bool { key.isEmpty }

  /// An indicator name's key.
  public init(name printed: TableText) {
    let folded = printed.withUTF8 { Self.foldedOnBytes($0) }
    switch folded {
    case .unchanged?: key = printed
    // Written once, into the key's own bytes: no array, and no string copied again. Folding drops whitespace
    // and makes full-width forms ASCII digits and `.,%-`: a plain JSON name folds to a plain JSON key.
    case .folded(let first)?:
      key = printed.withUTF8 { bytes in
        TableText(capacity: bytes.count, knownPlain: printed.isPlainJSON) {
          Self.writeFolded(bytes, from: first, into: $0)
        }
      }
    case nil: key = TableText(Self.foldedByCharacters(printed.string))
    }
  }

  public init(name printed: String) {
    self.init(name: TableText(printed))
  }

  public static func == (lhs: FoldedKey, rhs: FoldedKey) -> Bool { lhs.key == rhs.key }

  public func hash(into hasher: inout Hasher) { key.hash(into: &hasher) }

  public var description: String { text }

  /// The general definition: `CellGrammar.normalize`, whitespace characters dropped, normal form C.
  static func foldedByCharacters(_ printed: String) -> String {
    CellGrammar.normalize(printed).filter { !$0.isWhitespace }.precomposedStringWithCanonicalMapping
  }

  /// The key of a name whose every scalar is one the byte walk knows (see `Scalar`), or `nil`.
  static func foldedOnBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ printed: String) -> String? {
    switch foldedOnBytes(bytes) {
    case .unchanged?: printed
    case .folded(let first)?: String(unsafeUninitializedCapacity: bytes.count) { writeFolded(bytes, from: first, into: $0) }
    case nil: nil
    }
  }

  /// What folding on bytes does to a name: nothing (nearly always), or makes another text (`writeFolded`)
  /// from the scalar at byte `first` on, the bytes before it kept.
  enum BytesFolding: Equatable {
    case unchanged
    case folded(first: Int)
  }

  static func foldedOnBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> BytesFolding? {
    // The usual name, printable ASCII and CJK ideographs only, is its own key.
    var index = endOfKeptRun(bytes, from: 0)
    if index >= bytes.count { return .unchanged }
    var first = bytes.count
    while index < bytes.count {
      guard let scalar = Scalar(bytes, at: index) else { return nil }
      if scalar.fold != .keep, first == bytes.count { first = index }
      index = endOfKeptRun(bytes, from: index + scalar.length)
    }
    return first == bytes.count ? .unchanged : .folded(first: first)
  }

  /// Writes the key of a name `foldedOnBytes` says is `.folded(first:)` and returns the count of its bytes,
  /// never more than the name's (a scalar is dropped, kept, or becomes one ASCII byte). The kept scalars are
  /// copied a run at a time: each scalar that folds ends a run. The walk starts at `first`, the first scalar
  /// that folds: the bytes before it, walked once already, are copied as they are.
  static func writeFolded(
    _ bytes: UnsafeBufferPointer<UInt8>, from first: Int, into output: UnsafeMutableBufferPointer<UInt8>
  ) -> Int {
    guard let source = bytes.baseAddress, let destination = output.baseAddress else { return 0 }
    var count = 0
    var runStart = 0
    var index = first
    while index < bytes.count {
      let scalar = Scalar(bytes, at: index)!
      if scalar.fold != .keep {
        (destination + count).initialize(from: source + runStart, count: index - runStart)
        count += index - runStart
        if case .ascii(let byte) = scalar.fold {
          destination[count] = byte
          count += 1
        }
        runStart = index + scalar.length
      }
      index = endOfKeptRun(bytes, from: index + scalar.length)
    }
    (destination + count).initialize(from: source + runStart, count: bytes.count - runStart)
    return count + bytes.count - runStart
  }

  /// Where the run from `start` of scalars kept as they are (as `Scalar` says) ends: CJK ideographs and
  /// printable ASCII told by their first byte, and by their first two the full-width forms a Chinese name
  /// prints most (（ ） ； ：, not the digits and `％，－．`, which become ASCII), its CJK punctuation
  /// (、 。 《 》 【 】) and its general punctuation (“ ” — ‰).
  @inline(__always)
  static func endOfKeptRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var index = start
    while index < bytes.count {
      let lead = bytes[index]
      // Ideographs first, nearly every scalar of a Chinese name. The index stays below the count, which
      // is never near `Int.max`: its additions need no overflow check.
      if lead >= 0xE4, lead <= 0xE9 {
        index &+= 3
      } else if lead > 0x20, lead < 0x7F {
        index &+= 1
      } else if index + 2 < bytes.count, isKeptPunctuation(lead, bytes[index + 1], bytes[index + 2]) {
        index &+= 3
      } else {
        break
      }
    }
    return index
  }

  /// Whether the three bytes lead a scalar `Scalar` keeps as it is, of the full-width forms (EF BC 81…BF:
  /// U+FF01…FF3F, all but `％，－．` and the digits), the CJK punctuation (E3 80 81…A9 and B0…BF:
  /// U+3001…3029 and U+3030…303F) or the general punctuation (E2 80 90…A7 and B0…BF: U+2010…2027 and
  /// U+2030…203F).
  @inline(__always)
  private static func isKeptPunctuation(_ lead: UInt8, _ second: UInt8, _ last: UInt8) -> Bool {
    switch (lead, second) {
    case (0xEF, 0xBC):
      switch last {
      case 0x85, 0x8C...0x8E, 0x90...0x99: false
      case 0x81...0xBF: true
      default: false
      }
    case (0xE3, 0x80):
      switch last {
      case 0x81...0xA9, 0xB0...0xBF: true
      default: false
      }
    case (0xE2, 0x80):
      switch last {
      case 0x90...0xA7, 0xB0...0xBF: true
      default: false
      }
    default: false
    }
  }

  /// One scalar of a name read on bytes, with what folding does to it. Only scalars that are their own
  /// normal form C, that no neighbouring scalar joins into one character, and that have no canonical
  /// decomposition are known here: for those, dropping a whitespace scalar is dropping its character.
  struct Scalar {
    enum Fold: Equatable {
      case keep, drop
      case ascii(UInt8)
    }
    let length: Int
    let fold: Fold

    init?(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) {
      let lead = bytes[index]
      switch lead {
      case 0x21..<0x7F: (length, fold) = (1, .keep)
      case 0x09...0x0D, 0x20: (length, fold) = (1, .drop)
      case 0xC2, 0xC3:
        guard index + 1 < bytes.count else { return nil }
        let value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        switch value {
        case 0x85, 0xA0: (length, fold) = (2, .drop)
        // Latin-1 punctuation and precomposed letters (U+00AD is a format character, left to the general path).
        case 0xA1...0xAC, 0xAE...0xFF: (length, fold) = (2, .keep)
        default: return nil
        }
      case 0xE2, 0xE3, 0xE4...0xE9, 0xEF:
        guard index + 2 < bytes.count else { return nil }
        let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
        length = 3
        switch value {
        // CJK Extension A, Yijing hexagrams, CJK unified ideographs.
        case 0x4000...0x9FFF: fold = .keep
        case 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: fold = .drop
        // General punctuation (dashes, quotes, ‰, ※), ≤ ≥, CJK punctuation and brackets (not the tone marks
        // U+302A…302F, which join the character before).
        case 0x2010...0x2027, 0x2030...0x205E, 0x2264, 0x2265, 0x3001...0x3029, 0x3030...0x303F: fold = .keep
        case 0xFF10...0xFF19: fold = .ascii(UInt8(value - 0xFF10) + 0x30)
        case 0xFF0E: fold = .ascii(UInt8(ascii: "."))
        case 0xFF0C: fold = .ascii(UInt8(ascii: ","))
        case 0xFF05: fold = .ascii(UInt8(ascii: "%"))
        case 0xFF0D: fold = .ascii(UInt8(ascii: "-"))
        // The other full-width forms of ASCII: （ ） ： ； ／ and the like.
        case 0xFF01...0xFF5E: fold = .keep
        default: return nil
        }
      default: return nil
      }
    }
  }
}
