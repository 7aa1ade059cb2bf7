/// `structure.duplicate-indicator`: the same 三级指标 again, reported where it repeats.
struct DuplicateIndicatorCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  func findings(in context: CheckContext) -> [Finding] {
    let names = context.table.indicators.map(\.name)
    // Names of printable ASCII and CJK ideographs are their own keys and equal only byte for byte:
    // they are compared as bytes, which is much cheaper than hashing Unicode text.
    let allPlain = names.allSatisfy { name in name.utf8.withContiguousStorageIfAvailable(PlainCell.isPlain) ?? false }
    var firstIndex: [String: Int] = [:]
    var firstPlain: [PlainKey: Int] = [:]
    var findings: [Finding] = []
    for indicator in context.table.indicators {
      let first: Int?
      if allPlain {
        first = firstPlain[PlainKey(indicator.name)]
        if first == nil { firstPlain[PlainKey(indicator.name)] = indicator.index }
      } else {
        let key = CellGrammar.normalize(indicator.name).filter { !$0.isWhitespace }
        first = firstIndex[key]
        if first == nil { firstIndex[key] = indicator.index }
      }
      if let first {
        findings.append(
          Finding(.duplicateIndicator, at: context.location(indicator), "与第 \(first) 项指标同名，复核只应计一次"))
      }
    }
    return findings
  }
}

/// A plain name (`PlainCell.isPlain`), hashed and compared on its bytes.
private struct PlainKey: Hashable {
  let text: String

  init(_ text: String) { self.text = text }

  static func == (lhs: PlainKey, rhs: PlainKey) -> Bool { lhs.text.utf8.elementsEqual(rhs.text.utf8) }

  func hash(into hasher: inout Hasher) {
    var text = text
    text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}
