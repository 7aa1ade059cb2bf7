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
  }

  /// The level 1 names a table of the kind must print, in the profile's order.
  let required: [FoldedKey]
  /// In no particular order: the profile's names are distinct, so at most one matches a row's key.
  let level1: [Level1]

  /// The profile's names are folded already (`ProfileLoader`): a key holds their bytes as they are.
  init(hierarchy: [String: Set<String>], required: [String]) {
    self.required = required.map(FoldedKey.init(folded:))
    level1 = hierarchy.map { name, listed in
      Level1(key: FoldedKey(folded: name), listed: listed, level2: listed.map(FoldedKey.init(folded:)))
    }
  }

  /// The position in `level1` of a row's level 1; nil when the profile lists no such level 1.
  func position(of level1: FoldedKey) -> Int? {
    self.level1.firstIndex { $0.key == level1 }
  }

  /// A level 2 printed and not listed under the level 1 at `position`.
  func isMisplaced(_ level2: FoldedKey, under position: Int) -> Bool {
    !level2.isEmpty && !level1[position].level2.contains(level2)
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
