/// An indicator's level 1 and level 2 as compared (`FoldedKey(level:folding:)`; empty when not printed),
/// computed once per distinct pair of a table when it is scored: the folding is the profile's. Two are
/// equal when both keys are, byte for byte (`FoldedKey`).
struct LevelKeys: Equatable {
  var level1: FoldedKey
  var level2: FoldedKey

  /// The keys of every indicator, by definition `LevelKeys(indicator, folding:)` of each (`LevelKeysTests`).
  /// A table prints a few level names on many rows: the keys of the first few distinct names are kept
  /// and found again by their printed bytes.
  static func keys(of indicators: [Indicator], folding: LevelNameFolding) -> [LevelKeys] {
    var level1 = RememberedReadings<TableText?, FoldedKey>()
    var level2 = RememberedReadings<TableText?, FoldedKey>()
    return indicators.map { indicator in
      LevelKeys(
        level1: level1.reading(of: indicator.level1) { key($0, folding: folding) },
        level2: level2.reading(of: indicator.level2) { key($0, folding: folding) })
    }
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
public struct LevelNameFolding: Sendable, Hashable {
  public let traditionalForms: [Character: Character]
  private let mapped: [UInt32: [UInt8]]
  private let bitmap: [UInt64]

  private static let cjkRange: ClosedRange<UInt32> = 0x4000...0x9FFF
  private static let suffix: [UInt8] = Array("指标".utf8)

  public init(_ traditionalForms: [Character: Character]) {
    self.traditionalForms = traditionalForms
    var mapped: [UInt32: [UInt8]] = [:]
    var bitmap = [UInt64](repeating: 0, count: (Self.cjkRange.count + 63) / 64)
    for (traditional, simplified) in traditionalForms {
      let scalars = traditional.unicodeScalars
      guard scalars.count == 1, let scalar = scalars.first, Self.cjkRange.contains(scalar.value) else { continue }
      let offset = Int(scalar.value - Self.cjkRange.lowerBound)
      bitmap[offset / 64] |= 1 << UInt64(offset % 64)
      mapped[scalar.value] = Array(String(simplified).utf8)
    }
    self.mapped = mapped
    self.bitmap = bitmap
  }

  /// The key of a name made only of printable ASCII and CJK ideographs (where a scalar is a
  /// character and none is a space other than U+0020); `nil` for anything else.
  func fastKey(_ printed: String) -> String? {
    printed.utf8.withContiguousStorageIfAvailable { bytes -> String? in
      switch fastFolding(bytes) {
      case nil: nil
      case .unchanged: printed
      case .prefix(let count): String(decoding: UnsafeBufferPointer(rebasing: bytes[..<count]), as: UTF8.self)
      case .folded(let key): key
      }
    } ?? nil
  }

  /// What `fastKey` does to a name's bytes: nothing, keeps their first `prefix` bytes (a trailing 指标
  /// dropped), or makes another key; nil when the name is for the general definition.
  enum BytesFolding {
    case unchanged
    case prefix(Int)
    case folded(String)
  }

  func fastFolding(_ bytes: UnsafeBufferPointer<UInt8>) -> BytesFolding? {
    var characters = 0
    var untouched = true
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      if lead < 0x80 {
        guard lead >= 0x20, lead < 0x7F else { return nil }
        if lead == 0x20 { untouched = false } else { characters += 1 }
        index += 1
        continue
      }
      // E4…E9 lead the three-byte forms of U+4000…U+9FFF.
      guard lead >= 0xE4, lead <= 0xE9 else { return nil }
      if isTraditional(Self.scalar(bytes, at: index)) { untouched = false }
      characters += 1
      index += 3
    }
    // Nearly every name: nothing to drop or map.
    if untouched {
      if characters > 2, Self.endsWithSuffix(bytes) {
        return .prefix(bytes.count - Self.suffix.count)
      }
      return .unchanged
    }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    index = 0
    while index < bytes.count {
      let lead = bytes[index]
      if lead < 0x80 {
        if lead != 0x20 { output.append(lead) }
        index += 1
        continue
      }
      let scalar = Self.scalar(bytes, at: index)
      if isTraditional(scalar), let simplified = mapped[scalar] {
        output.append(contentsOf: simplified)
      } else {
        output.append(contentsOf: bytes[index..<index + 3])
      }
      index += 3
    }
    return output.withUnsafeBufferPointer { folded in
      let end = characters > 2 && Self.endsWithSuffix(folded) ? folded.count - Self.suffix.count : folded.count
      return .folded(String(decoding: UnsafeBufferPointer(rebasing: folded[..<end]), as: UTF8.self))
    }
  }

  private static func endsWithSuffix(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.hasBytes(suffix, at: bytes.count - suffix.count)
  }

  private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
    UInt32(bytes[index] & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
  }

  private func isTraditional(_ scalar: UInt32) -> Bool {
    let offset = Int(scalar - Self.cjkRange.lowerBound)
    return bitmap[offset / 64] & (1 << UInt64(offset % 64)) != 0
  }
}
