/// The unit printed after a number, normalised (`％` → `%`, `／` → `/`, spaces dropped).
/// Money units carry their scale so that 万元 and 亿元 compare (spec §2).
public struct Unit: Sendable, Hashable, CustomStringConvertible {
  public let text: String

  public static let none = Unit("")
  static let percent = Unit(plain: "%")

  public init(_ printed: some StringProtocol) {
    var normalized = ""
    for character in printed where !character.isWhitespace {
      switch character {
      case "％": normalized.append("%")
      case "／": normalized.append("/")
      default: normalized.append(character)
      }
    }
    self.init(plain: normalized)
  }

  /// A unit with nothing to fold (no space, no full-width form).
  init(plain: String) {
    // 亿 alone is 亿元 (spec §2); 亿人次 is not money and stays as printed.
    let startsWithHundredMillion =
      plain.utf8.withContiguousStorageIfAvailable { $0.hasBytes(Self.hundredMillion, at: 0) }
      ?? plain.utf8.starts(with: Self.hundredMillion)
    guard startsWithHundredMillion, plain == "亿" || plain.hasPrefix("亿/") else {
      text = plain
      return
    }
    var normalized = plain
    normalized.replaceSubrange(normalized.startIndex..<normalized.index(after: normalized.startIndex), with: "亿元")
    text = normalized
  }

  private static let hundredMillion = Array("亿".utf8)

  /// A unit whose text is `Unit(plain:)`'s reading of itself already.
  private init(verbatim text: String) { self.text = text }

  /// The unit these bytes print when it is one of the units tables print most (`CommonUnits`), made
  /// once: `Unit(plain:)` of their text, found without making a string.
  static func common(_ bytes: UnsafeBufferPointer<UInt8>) -> Unit? {
    // A percent and no unit at all are most cells' units: told without the table.
    // Made here, equal to `none` and `percent`: a stored static is reached through a one-time
    // initialisation check at every use.
    if bytes.isEmpty { return Unit(verbatim: "") }
    if bytes.count == 1, bytes[0] == UInt8(ascii: "%") { return Unit(verbatim: "%") }
    return CommonUnits.shared.unit(bytes)
  }

  public var isEmpty: Bool { text.isEmpty }
  public var description: String { text }

  /// A money unit: its power of ten in 元 and what follows it (`/家` in `万元/家`).
  public var money: (exponent: Int, suffix: Substring)? {
    for (prefix, exponent) in Self.moneyPrefixes where text.hasPrefix(prefix) {
      return (exponent, text.dropFirst(prefix.count))
    }
    return nil
  }

  fileprivate static let moneyPrefixes: [(String, Int)] = [("亿元", 8), ("万元", 4), ("千元", 3), ("元", 0)]
}

/// How two units relate when an actual is compared with a target.
public enum UnitRelation: Sendable, Equatable {
  /// The same unit, or one side printed none.
  case same
  /// Money at another scale: multiply the actual by `factor` to express it in the target's unit.
  case converted(factor: Rational)
  case incompatible
}

extension Unit {
  /// Inlined: the usual pair, the same unit or one side without any, is told where the units are, by the
  /// definition's first test (`relationByCharacters`). Out of line, the two units were retained around the call
  /// on every quantitative row.
  @inline(__always)
  public func relation(ofActual actual: Unit) -> UnitRelation {
    if text == actual.text || text.isEmpty || actual.text.isEmpty { return .same }
    return relationOfOthers(actual)
  }

  /// `relation(ofActual:)` of two units that differ, neither empty: on their bytes, else by the definition.
  private func relationOfOthers(_ actual: Unit) -> UnitRelation {
    var target = text
    var other = actual.text
    let onBytes = target.withUTF8 { target in other.withUTF8 { Self.relation(ofTarget: target, actual: $0) } }
    return onBytes ?? relationByCharacters(ofActual: actual)
  }

  /// The definition of `relation(ofActual:)`, on characters: the byte reading (`relation(ofTarget:actual:)`)
  /// agrees with it wherever it answers (`UnitRelationTests`).
  func relationByCharacters(ofActual actual: Unit) -> UnitRelation {
    if self == actual || isEmpty || actual.isEmpty { return .same }
    if let target = money, let other = actual.money, target.suffix == other.suffix {
      return .converted(factor: Self.powerOfTen(other.exponent - target.exponent))
    }
    return .incompatible
  }

  /// `relationByCharacters` read on the units' bytes, when both are printable ASCII and CJK ideographs only
  /// (`FoldedKey.endOfKeptRun` reads them whole: nearly every unit). There each character is one scalar that
  /// no neighbour joins or composes, so that equal units are equal bytes and a money prefix of characters is
  /// one of bytes. Nil for any other unit.
  private static func relation(ofTarget target: UnsafeBufferPointer<UInt8>, actual: UnsafeBufferPointer<UInt8>)
    -> UnitRelation?
  {
    // Equal bytes are equal texts whatever the script: the usual pair, told before the bytes are walked.
    if target.isEmpty || actual.isEmpty || target.hasSameBytes(as: actual) { return .same }
    guard FoldedKey.endOfKeptRun(target, from: 0) == target.count, FoldedKey.endOfKeptRun(actual, from: 0) == actual.count
    else { return nil }
    guard let targetMoney = moneyPrefix(target), let otherMoney = moneyPrefix(actual),
      UnsafeBufferPointer(rebasing: target[targetMoney.count...])
        .hasSameBytes(as: UnsafeBufferPointer(rebasing: actual[otherMoney.count...]))
    else { return .incompatible }
    return .converted(factor: powerOfTen(otherMoney.exponent - targetMoney.exponent))
  }

  /// The money prefix (`moneyPrefixes`) a unit's bytes start with: its power of ten and its byte count.
  private static func moneyPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> (exponent: Int, count: Int)? {
    for (prefix, exponent) in moneyPrefixBytes where bytes.hasBytes(prefix, at: 0) { return (exponent, prefix.count) }
    return nil
  }

  private static let moneyPrefixBytes = moneyPrefixes.map { (Array($0.utf8), $1) }

  /// 10^`exponent` as an exact ratio, the exponent negative or not.
  private static func powerOfTen(_ exponent: Int) -> Rational {
    let power = Rational.powerOfTen(abs(exponent))
    return exponent >= 0 ? Rational(Int(power)) : try! Rational(1, over: power)
  }
}

/// The units tables print most, each `Unit(plain:)` of its text, in a small open-addressed table keyed by
/// the text's bytes (at most 16, read into two words): the byte-level cell reader finds a unit here in
/// a few instructions instead of making a string and a unit for every cell.
struct CommonUnits: Sendable {
  static let texts = [
    "", "%", "万元", "元", "亿元", "千元", "场", "个", "次/年", "辆", "篇", "次", "批次", "家", "人次", "人", "套", "项", "天",
    "户", "份", "所", "台", "件", "分", "座", "名", "期", "月", "年", "吨", "亩", "公里", "平方米", "小时", "万人次", "个/年",
    "人/年", "元/人", "万元/年", "次/月", "份/年", "处", "条", "本", "张", "棵", "株", "头", "只", "间", "栋", "所/年", "家/年",
  ]

  private struct Key: Equatable {
    var low: UInt64 = 0
    var high: UInt64 = 0
    var count: Int = -1

    /// In a few loads, not byte by byte: the first and the last bytes, overlapping, which with the count
    /// are all the bytes (a key is equal only for equal bytes, `commonUnitsAreTheUnitsOfTheirTexts`).
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
      let count = bytes.count
      guard count <= 16 else { return nil }
      self.count = count
      guard let base = bytes.baseAddress, count > 0 else { return }
      let raw = UnsafeRawPointer(base)
      switch count {
      case 1...3: low = UInt64(bytes[0]) | UInt64(bytes[count / 2]) << 8 | UInt64(bytes[count - 1]) << 16
      case 4...8:
        low =
          UInt64(raw.loadUnaligned(as: UInt32.self))
          | UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)) << 32
      default:
        low = raw.loadUnaligned(as: UInt64.self)
        high = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
      }
    }

    init() {}

    var slot: Int {
      Int(truncatingIfNeeded: (low &* 0x9E37_79B9_7F4A_7C15 ^ high &* 0xC2B2_AE3D_27D4_EB4F &+ UInt64(count)) >> 57)
    }
  }

  /// 128 slots, linear probing; an empty slot's key has count -1.
  private var keys = [Key](repeating: Key(), count: 128)
  private var units = [Unit](repeating: .none, count: 128)

  static let shared = CommonUnits()

  private init() {
    for text in Self.texts {
      var copy = text
      copy.withUTF8 { bytes in
        var slot = Key(bytes)!.slot
        while keys[slot].count >= 0 { slot = (slot + 1) & 127 }
        keys[slot] = Key(bytes)!
        units[slot] = Unit(plain: text)
      }
    }
  }

  func unit(_ bytes: UnsafeBufferPointer<UInt8>) -> Unit? {
    guard let key = Key(bytes) else { return nil }
    var slot = key.slot
    while keys[slot].count >= 0 {
      if keys[slot] == key { return units[slot] }
      slot = (slot + 1) & 127
    }
    return nil
  }
}
