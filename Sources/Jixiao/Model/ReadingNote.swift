/// Something the reader could not take as it was printed, kept with the table so that the scorer reports
/// it on its row (`ReadingNoteCheck`): a bad cell costs a finding, never the table. Number cells have their
/// own note, `UnreadableNumber`.
public struct ReadingNote: Sendable, Hashable {
  public indirect enum Problem: Sendable, Hashable {
    /// The name of the table or of an indicator is missing or blank (`name.missing`); `found` is why, when
    /// something was there that could not be read as a name (`{…}`, a text too long).
    case missingName(found: Problem?)
    /// A text field holds a value of another type, or text its rule cannot read (a year `明年`, a grade
    /// `甲等`, a kind `programme`): the field is absent (`cell.unparseable`).
    case unreadable(text: String)
    /// A text longer than `Limits.maximumCellLength` characters: the field is absent, never cut
    /// (`cell.unparseable`).
    case tooLong(characters: Int)
    /// A column the reader does not know, which this table fills (`column.ignored`). `column` is where
    /// it is, e.g. `第 H 列`.
    case ignoredColumn(header: String, column: String)
    /// A cell of a structural row that is not read, with its column's header.
    case ignoredCell(row: StructuralRow, header: String, text: String)
    /// A value read from a document's text whose cell the reader is not sure of (`GridCell.doubt`): kept,
    /// and its row unverified (`cell.uncertain`).
    case uncertain(reason: String)
    /// A printed form's funds block none of whose columns is a funds field (`资金来源 | 资金总额（万元）`):
    /// nothing of it is read, and the table has no funds block rather than an empty one that would score
    /// as zero (`cell.unparseable`). `label` is the block's label as printed, `cell` where it is.
    case unreadFundsBlock(label: String, cell: String)
    /// The table is on a hidden sheet of a workbook (Excel's `hidden` or `veryHidden`): read and scored as
    /// any other, and said (`sheet.hidden`), since whoever opens the file does not see it.
    case hiddenSheet(name: String)
    /// Another sheet of the table's workbook is not blank and holds no form (an instructions sheet, notes,
    /// a table of another kind): nothing of it is read, and it is said once (`sheet.no-form`). `text` is its
    /// first filled cell, `cell` where that is.
    case sheetWithoutForm(name: String, cell: String, text: String)
  }

  /// A row of a printed table that is not an indicator.
  public enum StructuralRow: String, Sendable, Hashable {
    /// 总分 (合计): the claimed total and grade.
    case total = "总分行"
    /// The funds row of a flat CSV (一级指标 预算执行率).
    case funds = "预算执行率行"
    /// A row of a printed form the locator could place in none of its parts (`PrintedForm.unplacedRows`).
    case unplaced = "表内无法归入任何部分的行"
    /// A row of a printed form's funds block: a number under none of its headers.
    case fundsBlock = "资金块中的行"

    /// What the row is read for.
    public var readFor: String {
      switch self {
      case .total: "得分（自评总分）与等级"
      case .funds: "预算数、执行数、分值、执行率与得分"
      case .unplaced: "无"
      case .fundsBlock: "列名下的预算数、执行数、分值、执行率与得分"
      }
    }
  }

  public var place: UnreadableNumber.Place
  /// The field the note is about, when it is one of the schema's.
  public var field: TableField?
  public var problem: Problem

  public init(place: UnreadableNumber.Place, field: TableField?, problem: Problem) {
    self.place = place
    self.field = field
    self.problem = problem
  }
}

/// The points a form prints beside a level's name, `产出指标（50分）`: the level's share of the 100, which
/// its indicators' weights should add up to (`weights.level-sum`).
public struct LevelWeight: Sendable, Hashable {
  /// The level 1 as printed, without its points.
  public var level1: String
  /// The level 2 whose points these are; nil when they are the level 1's.
  public var level2: String?
  public var points: Rational

  public init(level1: String, level2: String?, points: Rational) {
    self.level1 = level1
    self.level2 = level2
    self.points = points
  }
}
