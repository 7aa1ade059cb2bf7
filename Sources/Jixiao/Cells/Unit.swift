/// The unit printed after a number, normalised (`％` → `%`, `／` → `/`, spaces dropped).
/// Money units carry their scale so that 万元 and 亿元 compare (spec §2).
public struct Unit: Sendable, Hashable, CustomStringConvertible {
  public let text: String

  public static let none = Unit("")

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

  public var isEmpty: Bool { text.isEmpty }
  public var description: String { text }

  /// A money unit: its power of ten in 元 and what follows it (`/家` in `万元/家`).
  public var money: (exponent: Int, suffix: Substring)? {
    for (prefix, exponent) in Self.moneyPrefixes where text.hasPrefix(prefix) {
      return (exponent, text.dropFirst(prefix.count))
    }
    return nil
  }

  private static let moneyPrefixes: [(String, Int)] = [("亿元", 8), ("万元", 4), ("千元", 3), ("元", 0)]
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
  public func relation(ofActual actual: Unit) -> UnitRelation {
    if self == actual || isEmpty || actual.isEmpty { return .same }
    if let target = money, let other = actual.money, target.suffix == other.suffix {
      let difference = other.exponent - target.exponent
      let power = Rational.powerOfTen(abs(difference))
      let factor = difference >= 0 ? Rational(Int(power)) : try! Rational(1, over: power)
      return .converted(factor: factor)
    }
    return .incompatible
  }
}
