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
  /// The folded text; only its bytes count.
  public let text: String

  /// A level name's key: `LevelName`'s folding (whitespace dropped, the profile's traditional forms mapped to
  /// simplified ones, a trailing 指标 dropped) in normal form C. Names of printable ASCII and CJK ideographs
  /// (nearly all) are folded on bytes (`LevelNameFolding.fastKey`), and are their own normal form.
  public init(level printed: String, folding: LevelNameFolding) {
    text =
      folding.fastKey(printed)
      ?? LevelName.foldedByCharacters(printed, folding: folding).precomposedStringWithCanonicalMapping
  }

  /// A text already folded: the profile's level names, folded when it is loaded.
  init(folded text: String) {
    self.text = text
  }

  /// No name printed.
  static let empty = FoldedKey(folded: "")

  /// Equal to a text already folded (the profile's level names), byte for byte.
  func matches(_ folded: String) -> Bool { text.hasSameBytes(as: folded) }

  var isEmpty: Bool { text.utf8.isEmpty }

  /// An indicator name's key.
  public init(name printed: String) {
    let folded = printed.utf8.withContiguousStorageIfAvailable { Self.foldedOnBytes($0, printed) } ?? nil
    text = folded ?? Self.foldedByCharacters(printed)
  }

  public static func == (lhs: FoldedKey, rhs: FoldedKey) -> Bool { lhs.text.hasSameBytes(as: rhs.text) }

  public func hash(into hasher: inout Hasher) {
    let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    if hashed == nil { for byte in text.utf8 { hasher.combine(byte) } }
  }

  public var description: String { text }

  /// The general definition: `CellGrammar.normalize`, whitespace characters dropped, normal form C.
  static func foldedByCharacters(_ printed: String) -> String {
    CellGrammar.normalize(printed).filter { !$0.isWhitespace }.precomposedStringWithCanonicalMapping
  }

  /// The key of a name whose every scalar is one the byte walk knows (see `Scalar`), or `nil`.
  static func foldedOnBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ printed: String) -> String? {
    var index = 0
    // The usual name, printable ASCII and CJK ideographs only, is its own key.
    while index < bytes.count {
      let lead = bytes[index]
      if lead > 0x20, lead < 0x7F {
        index += 1
      } else if lead >= 0xE4, lead <= 0xE9 {
        index += 3
      } else {
        break
      }
    }
    if index >= bytes.count { return printed }
    var untouched = true
    while index < bytes.count {
      guard let scalar = Scalar(bytes, at: index) else { return nil }
      if scalar.fold != .keep { untouched = false }
      index += scalar.length
    }
    if untouched { return printed }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    index = 0
    while index < bytes.count {
      let scalar = Scalar(bytes, at: index)!
      switch scalar.fold {
      case .keep: output.append(contentsOf: bytes[index..<index + scalar.length])
      case .drop: break
      case .ascii(let byte): output.append(byte)
      }
      index += scalar.length
    }
    return String(decoding: output, as: UTF8.self)
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
