/// An indicator's level 1 and level 2 as compared (`FoldedKey(level:folding:)`; empty when not printed),
/// folded once per distinct name a batch worker meets (`keys(of:memo:)`): the folding is the profile's. Two are
/// equal when both keys are, byte for byte (`FoldedKey`).
struct LevelKeys: Equatable {
  var level1: FoldedKey
  var level2: FoldedKey

  /// The keys of every indicator, by definition `LevelKeys(indicator, folding:)` of each (`LevelKeysTests`),
  /// found in the worker's memo: a year's tables print the same few level names on every row.
  static func keys(of indicators: [Indicator], memo: TextMemo<FoldedKey>) -> [LevelKeys] {
    var keys: [LevelKeys] = []
    keys.reserveCapacity(indicators.count)
    indicators.withUnsafeBufferPointer { rows in
      for position in rows.indices {
        keys.append(
          LevelKeys(level1: memo.reading(of: rows[position].level1), level2: memo.reading(of: rows[position].level2)))
      }
    }
    return keys
  }

  /// Both keys held in the same bytes as `other`'s (`FoldedKey.isIdentical`): then equal. False says nothing.
  func isIdentical(to other: LevelKeys) -> Bool {
    level1.isIdentical(to: other.level1) && level2.isIdentical(to: other.level2)
  }

  init(level1: FoldedKey, level2: FoldedKey) {
    self.level1 = level1
    self.level2 = level2
  }

  init(_ indicator: Indicator, folding: LevelNameFolding) {
    self.init(level1: indicator.level1, level2: indicator.level2, folding: folding)
  }

  init(level1: TableText?, level2: TableText?, folding: LevelNameFolding) {
    // Only the folding is passed: a `profile.levelName` closure would copy the whole profile.
    self.level1 = Self.key(level1, folding: folding)
    self.level2 = Self.key(level2, folding: folding)
  }

  /// A level name's key; `.empty` when none is printed.
  private static func key(_ printed: TableText?, folding: LevelNameFolding) -> FoldedKey {
    printed.map { FoldedKey(level: $0, folding: folding) } ?? .empty
  }
}

/// A level name's folding: spaces and a trailing 指标 trimmed, traditional forms mapped to simplified ones
/// (the map is the profile's). Checks compare `FoldedKey(level:folding:)`, this folding in normal form C.
public struct LevelName: Sendable, Hashable, CustomStringConvertible {
  public let key: String

  public init(_ printed: String, traditionalForms: [Character: Character] = [:]) {
    self.init(printed, folding: LevelNameFolding(traditionalForms))
  }

  public init(_ printed: String, folding: LevelNameFolding) {
    key = folding.fastKey(printed) ?? Self.foldedByCharacters(printed, folding: folding)
  }

  /// The definition, on characters: whitespace dropped, traditional forms mapped, a trailing 指标 dropped.
  static func foldedByCharacters(_ printed: String, folding: LevelNameFolding) -> String {
    var text = String(
      printed.compactMap { character -> Character? in
        character.isWhitespace ? nil : (folding.traditionalForms[character] ?? character)
      })
    if text.hasSuffix("指标"), text.count > 2 { text.removeLast(2) }
    return text
  }

  public var description: String { key }
}

/// The profile's traditional → simplified map, with a bitmap over the CJK block so that a name
/// without any traditional form (nearly all of them) is keyed without a dictionary lookup.
public struct LevelNameFolding: Sendable, Hashable, CustomReflectable {
  public let traditionalForms: [Character: Character]
  private let mapped: [UInt32: [UInt8]]
  private let bitmap: [UInt64]
  /// Every pair of the map is one ideograph of `cjkRange` for another: a name's bytes are folded by
  /// `fastFolding`. A map with any other pair (a full-width form, a character of several scalars) leaves
  /// every name to the definition.
  private let foldsOnBytes: Bool

  private static let cjkRange: ClosedRange<UInt32> = 0x4000...0x9FFF
  /// The bytes of 指标 in UTF-8, E6 8C 87 E6 A0 87: compared as constants, not loaded from an array.
  private static let suffixCount = 6

  public init(_ traditionalForms: [Character: Character]) {
    self.traditionalForms = traditionalForms
    var mapped: [UInt32: [UInt8]] = [:]
    var bitmap = [UInt64](repeating: 0, count: (Self.cjkRange.count + 63) / 64)
    var foldsOnBytes = true
    for (traditional, simplified) in traditionalForms {
      if Self.ideograph(traditional) == nil || Self.ideograph(simplified) == nil { foldsOnBytes = false }
      let scalars = traditional.unicodeScalars
      guard scalars.count == 1, let scalar = scalars.first, Self.cjkRange.contains(scalar.value) else { continue }
      let offset = Int(scalar.value - Self.cjkRange.lowerBound)
      bitmap[offset / 64] |= 1 << UInt64(offset % 64)
      mapped[scalar.value] = Array(String(simplified).utf8)
    }
    self.mapped = mapped
    self.bitmap = bitmap
    self.foldsOnBytes = foldsOnBytes
  }

  /// A profile's identity and content hash (`CanonicalText`) reflect a folding as its map and the tables
  /// first stored with it; `foldsOnBytes`, which the map decides, is left out so that the hashes results
  /// already name stay the same.
  public var customMirror: Mirror {
    Mirror(self, children: ["traditionalForms": traditionalForms, "mapped": mapped, "bitmap": bitmap])
  }

  /// The scalar of a character that is one ideograph of `cjkRange`.
  private static func ideograph(_ character: Character) -> UInt32? {
    let scalars = character.unicodeScalars
    guard scalars.count == 1, let scalar = scalars.first, cjkRange.contains(scalar.value) else { return nil }
    return scalar.value
  }

  /// The key of a name `fastFolding` reads; `nil` for anything else.
  func fastKey(_ printed: String) -> String? {
    printed.utf8.withContiguousStorageIfAvailable { bytes -> String? in
      switch fastFolding(bytes) {
      case nil: nil
      case .unchanged: printed
      case .prefix(let count): String(decoding: UnsafeBufferPointer(rebasing: bytes[..<count]), as: UTF8.self)
      case .folded:
        String(unsafeUninitializedCapacity: bytes.count) { writeFolded(bytes, into: $0) }
      }
    } ?? nil
  }

  /// What folding does to a name's bytes: nothing, keeps their first `prefix` bytes (a trailing 指标
  /// dropped), or writes another, no longer text (`writeFolded`).
  enum BytesFolding: Hashable {
    case unchanged
    case prefix(Int)
    case folded
  }

  /// The folding of a name made only of scalars that are each a character, their own normal form C and
  /// joined by no neighbour into another (printable ASCII, CJK ideographs U+4000…U+9FFF, CJK punctuation
  /// U+3000…U+3029 and U+3030…U+303F, the full-width forms U+FF01…U+FF5E), where the only whitespace is
  /// U+0020 and U+3000: for those, dropping a space scalar is dropping its character, mapping a
  /// traditional scalar is mapping its character, and the result is its own normal form. `nil` for any
  /// other name, which is left to the definition (`LevelName.foldedByCharacters`, then normal form C).
  func fastFolding(_ bytes: UnsafeBufferPointer<UInt8>) -> BytesFolding? {
    guard foldsOnBytes else { return nil }
    // The bitmap read through its buffer: every ideograph of a name is looked up in it.
    return bitmap.withUnsafeBufferPointer { bitmap -> BytesFolding? in
      var untouched = true
      var index = 0
      while index < bytes.count {
        let lead = bytes[index]
        if lead < 0x80 {
          guard lead >= 0x20, lead < 0x7F else { return nil }
          if lead == 0x20 { untouched = false }
          index += 1
          continue
        }
        // E4…E9 lead the three-byte forms of U+4000…U+9FFF (`cjkRange`, nearly every scalar of a name): told by
        // the lead, without the switch below.
        if lead >= 0xE4, lead <= 0xE9 {
          if Self.isTraditional(Self.scalar(bytes, at: index), in: bitmap) { untouched = false }
          index += 3
          continue
        }
        // E3 and EF lead those of U+3000…U+3FFF and U+F000…U+FFFF.
        guard lead == 0xE3 || lead == 0xEF else { return nil }
        switch Self.scalar(bytes, at: index) {
        case 0x3000: untouched = false
        case 0x3001...0x3029, 0x3030...0x303F, 0xFF01...0xFF5E: break
        default: return nil
        }
        index += 3
      }
      // Nearly every name: nothing to drop or map.
      guard untouched else { return .folded }
      return Self.endsWithSuffix(bytes) ? .prefix(bytes.count - Self.suffixCount) : .unchanged
    }
  }

  /// Writes the folding of a name `fastFolding` says is `.folded` (never longer than the name: a mapped
  /// ideograph is three bytes for three) and returns the count of its bytes.
  func writeFolded(_ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
    var count = 0
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      if lead < 0x80 {
        if lead != 0x20 {
          output[count] = lead
          count += 1
        }
        index += 1
        continue
      }
      let scalar = Self.scalar(bytes, at: index)
      // A mapped form is an ideograph too (`foldsOnBytes`): three bytes for three.
      let simplified = Self.cjkRange.contains(scalar) && isTraditional(scalar) ? mapped[scalar] : nil
      if scalar != 0x3000 {
        for offset in 0..<3 { output[count + offset] = simplified?[offset] ?? bytes[index + offset] }
        count += 3
      }
      index += 3
    }
    let folded = UnsafeBufferPointer(rebasing: output[..<count])
    return Self.endsWithSuffix(folded) ? count - Self.suffixCount : count
  }

  /// Ends with 指标 after at least one more character (each scalar here is a character).
  private static func endsWithSuffix(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let end = bytes.count
    return end > suffixCount && bytes[end - 6] == 0xE6 && bytes[end - 5] == 0x8C && bytes[end - 4] == 0x87
      && bytes[end - 3] == 0xE6 && bytes[end - 2] == 0xA0 && bytes[end - 1] == 0x87
  }

  private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
    UInt32(bytes[index] & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
  }

  private func isTraditional(_ scalar: UInt32) -> Bool {
    bitmap.withUnsafeBufferPointer { Self.isTraditional(scalar, in: $0) }
  }

  /// Whether an ideograph of `cjkRange` has a simplified form in the map (its bit in `bitmap`).
  @inline(__always)
  private static func isTraditional(_ scalar: UInt32, in bitmap: UnsafeBufferPointer<UInt64>) -> Bool {
    let offset = Int(scalar &- cjkRange.lowerBound)
    return bitmap[offset &>> 6] & (1 &<< UInt64(offset & 63)) != 0
  }
}
