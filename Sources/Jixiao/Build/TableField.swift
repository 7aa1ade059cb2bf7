/// A field of a table: what a reader hands a `TableBuilder`, value by value. Each one is declared once,
/// in `TableSchema`: its JSON member, its printed headers, its kind of value and where it lives.
public enum TableField: Int, CaseIterable, Sendable, Hashable {
  // The table (表头: 项目名称, 主管部门, 实施单位; the total row).
  case id, kind, year, name, department, implementer, claimedTotal, claimedGrade
  // The funds block (项目资金).
  case fundsInitialBudget, fundsAnnualBudget, fundsExecuted, fundsWeight, fundsClaimedRate, fundsClaimedScore, fundsUnit
  // A 资金来源 row of the funds block.
  case sourceName, sourceInitialBudget, sourceAnnualBudget, sourceExecuted
  // The goals block (年度总体目标): what was expected, what was achieved.
  case goalsExpected, goalsActual
  // An indicator (a 三级指标 row).
  case level1, level2, indicatorName, weight, target, actual, claimedCompletion, claimedScore, rule, basis, lastYear
  case evidence, explanation

  /// Where the field lives.
  public var place: FieldPlace { TableSchema.places[rawValue] }

  /// The kind of value it holds, which decides the rule that reads it.
  public var value: FieldValue { TableSchema.values[rawValue] }

  /// Its declaration: member, label, headers.
  public var declaration: FieldDeclaration { TableSchema.declarations[rawValue] }
}

/// The part of a table a field belongs to.
public enum FieldPlace: Int, CaseIterable, Sendable, Hashable {
  case table, funds, source, indicator, goals
}

/// What a field holds, as its rule reads it (`TableBuilder`).
public enum FieldValue: Sendable, Hashable {
  /// Text kept as printed (a department, a rule, evidence).
  case text
  /// The name of the table or of an indicator: text that must not be blank (`name.missing`).
  case name
  /// A 一级/二级指标: text that may carry the level's points, `产出指标（50分）` (`LevelLabel`).
  case level
  /// A target or actual: text the cell grammar reads (`Cell`).
  case cell
  /// A weight, score, total, rate or amount (`PrintedNumber`).
  case number(NumberKind)
  /// A four-digit year, `2023` or `2023年度`.
  case year
  /// 优, 良, 中 or 差.
  case grade
  /// `project`, `unit`, `project-target` or `unit-target`.
  case tableKind
}

/// One field as the schema declares it.
public struct FieldDeclaration: Sendable, Hashable {
  public let field: TableField
  public let place: FieldPlace
  /// The member of the JSON input (inside the object of its place).
  public let member: String
  /// How a message names the field.
  public let label: String
  /// The column headers that mean the field, as forms print them (forms.md lists the synonyms) and as
  /// the flat CSV accepts them; matched by `TableSchema.headerKey`.
  public let headers: [String]
  public let value: FieldValue
}
