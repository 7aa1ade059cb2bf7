/// `structure.duplicate-indicator`: the same 三级指标 again, reported where it repeats.
struct DuplicateIndicatorCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  func findings(in context: CheckContext) -> [Finding] {
    let indicators = context.table.indicators
    let names = indicators.map(\.name)
    // A table's few names of printable ASCII and CJK ideographs are equal only byte for byte: comparing
    // them pairwise is far cheaper than hashing Unicode text. Long or unusual tables hash the folded names.
    let earlier =
      names.count <= 64 && names.allSatisfy(Self.isPlain) ? Self.pairwiseMatches(names) : Self.hashedMatches(names)
    var findings: [Finding] = []
    for (indicator, match) in zip(indicators, earlier) {
      // Rows without a name (`name.missing`) are not the same indicator.
      guard let match, !indicator.name.isEmpty else { continue }
      findings.append(
        Finding(.duplicateIndicator, at: context.location(indicator), "与第 \(indicators[match].index) 项指标同名，复核只应计一次"))
    }
    return findings
  }

  /// For each name, the position of the first earlier one equal to it.
  private static func pairwiseMatches(_ names: [String]) -> [Int?] {
    names.indices.map { position in
      names[..<position].firstIndex { $0.hasSameBytes(as: names[position]) }
    }
  }

  private static func hashedMatches(_ names: [String]) -> [Int?] {
    var first: [String: Int] = [:]
    return names.indices.map { position in
      let key = CellGrammar.normalize(names[position]).filter { !$0.isWhitespace }
      if let earlier = first[key] { return earlier }
      first[key] = position
      return nil
    }
  }

  private static func isPlain(_ name: String) -> Bool {
    name.utf8.withContiguousStorageIfAvailable(PlainCell.isPlain) ?? false
  }
}
