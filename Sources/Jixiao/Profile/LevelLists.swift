/// A profile's level lists for one kind of table as `StructureCheck` compares them: its `requiredLevel1` and
/// `hierarchy` as the folded keys a table's `LevelKeys` hold, made once when the profile is made, so that a
/// table's check looks up no dictionary and compares no `String`.
///
/// Derived data, kept beside the settings (`Profile.Identified`), never among them: a profile's content
/// hash is the canonical text of every stored setting (`CanonicalText`), and a cache there would change it.
struct LevelLists: Sendable {
  /// A level 1 the profile lists, with the level 2 names it accepts.
  struct Level1: Sendable {
    let key: FoldedKey
    /// The level 2 names as the profile lists them, for a finding's message.
    let listed: Set<String>
    let level2: [FoldedKey]
    /// Each of `level2`'s `TableText.print`: a key is compared with the few whose print is its own.
    let level2Prints: [UInt64]
  }

  /// The level 1 names a table of the kind must print, in the profile's order.
  let required: [FoldedKey]
  /// Each of `required`'s keys' `TableText.print`: a row's level 1 is compared with the few whose print is its own.
  let requiredPrints: [UInt64]
  /// In no particular order: the profile's names are distinct, so at most one matches a row's key.
  let level1: [Level1]
  /// Each of `level1`'s keys' `TableText.print`.
  private let level1Prints: [UInt64]

  /// The profile's names are folded already (`ProfileLoader`): a key holds their bytes as they are.
  init(hierarchy: [String: Set<String>], required: [String]) {
    self.required = required.map(FoldedKey.init(folded:))
    requiredPrints = self.required.map(\.key.print)
    level1 = hierarchy.map { name, listed in
      let level2 = listed.map(FoldedKey.init(folded:))
      return Level1(key: FoldedKey(folded: name), listed: listed, level2: level2, level2Prints: level2.map(\.key.print))
    }
    level1Prints = level1.map(\.key.key.print)
  }

  /// The position in `level1` of a row's level 1; nil when the profile lists no such level 1.
  func position(of level1: FoldedKey) -> Int? {
    let print = level1.key.print
    return level1Prints.indices.first { level1Prints[$0] == print && self.level1[$0].key == level1 }
  }

  /// A level 2 printed and not listed under the level 1 at `position`.
  func isMisplaced(_ level2: FoldedKey, under position: Int) -> Bool {
    guard !level2.isEmpty else { return false }
    let print = level2.key.print
    let listed = level1[position]
    return !listed.level2Prints.indices.contains { listed.level2Prints[$0] == print && listed.level2[$0] == level2 }
  }
}

/// `LevelLists` for each kind of table.
struct LevelListsByKind: Sendable {
  let project: LevelLists
  let unit: LevelLists

  init(hierarchy: [Table.Kind: [String: Set<String>]], required: [Table.Kind: [String]]) {
    project = LevelLists(hierarchy: hierarchy[.project] ?? [:], required: required[.project] ?? [])
    unit = LevelLists(hierarchy: hierarchy[.unit] ?? [:], required: required[.unit] ?? [])
  }

  subscript(kind: Table.Kind) -> LevelLists {
    switch kind {
    case .project: project
    case .unit: unit
    }
  }
}
