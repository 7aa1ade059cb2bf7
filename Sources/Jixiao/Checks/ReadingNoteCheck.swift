/// `name.missing`, `column.ignored` and `cell.unparseable` for the values the reader could not take as
/// printed (`ReadingNote`): each is named where it is, with what it costs (docs/rules.md, "Reading tables").
struct ReadingNoteCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  func findings(in context: CheckContext) -> [Finding] {
    let table = context.table
    guard !table.notes.isEmpty else { return [] }
    return table.notes.compactMap { note in
      guard let (location, subject) = context.location(of: note.place, label: note.field?.declaration.label ?? "") else {
        return nil
      }
      switch note.problem {
      case .missingName(let found):
        return Finding(.nameMissing, at: location, missingName(note, found: found, in: context))
      case .ignoredColumn(let header, let column):
        let fields = column.hasPrefix(PrintedFormTable.fundsColumnPrefix) ? "全年预算数、全年执行数" : "目标值、实际值"
        return Finding(
          .columnIgnored, at: location,
          "“\(header)”列（\(column)）不是 jixiao 读取的栏目，本表在此列填写的内容未读入；如它是\(fields)等的另一种写法，请改用 docs/input.md 所列的列名")
      case .ignoredCell(.unplaced, let cell, let text):
        return Finding(
          .cellUnparseable, at: location,
          "\(ReadingNote.StructuralRow.unplaced.rawValue)中 \(cell) 格的“\(text)”未读入（它不在表头、资金、目标、指标或总分任何一部分中）")
      case .ignoredCell(.fundsBlock, let cell, let text):
        return Finding(
          .cellUnparseable, at: location,
          "\(ReadingNote.StructuralRow.fundsBlock.rawValue) \(cell) 格的“\(text)”不在资金块的任何列名下，未读入（资金块只读\(ReadingNote.StructuralRow.fundsBlock.readFor)）"
        )
      case .ignoredCell(let row, let header, let text):
        return Finding(.cellUnparseable, at: location, "\(row.rawValue)“\(header)”栏的“\(text)”未读入（这一行不是指标，只读\(row.readFor)）")
      case .uncertain(let reason):
        return Finding(.cellUncertain, at: location, "\(subject)读取不确定（\(reason)）；\(Self.uncertainty(at: note.place))")
      case .hiddenSheet(let name):
        return Finding(
          .sheetHidden, at: location,
          "本表在隐藏的工作表“\(name)”中（Excel 打开时不显示）：照常复核；请确认它是报送的表，而不是模板、草稿或往年的表")
      case .unreadFundsBlock(let label, let cell):
        return Finding(
          .cellUnparseable, at: location,
          "资金块“\(label)”（\(cell)）的列没有一列是 jixiao 读取的栏目（年初预算数、全年预算数、全年执行数、分值、执行率、得分），未读出任何金额：本表按没有资金块复核，不计预算执行项")
      case .unreadable, .tooLong:
        return Finding(
          .cellUnparseable, at: location,
          "\(subject)\(Self.problem(note.problem, field: note.field))；\(Self.consequence(of: note.field))")
      }
    }
  }

  private func missingName(_ note: ReadingNote, found: ReadingNote.Problem?, in context: CheckContext) -> String {
    let why = found.map { "（\(Self.problem($0, field: note.field, inBrackets: true))）" } ?? ""
    guard case .indicator(let position) = note.place else {
      return "项目名称未填\(why)：报告中记为“\(Table.unnamed)”"
    }
    guard !context.table.isTargetTable else { return "三级指标未填\(why)" }
    let claim = context.table.indicators[position - 1].claimedScore.map { "，保留自评得分 \($0.pointsText) 分" } ?? ""
    return "三级指标未填\(why)：无法确认是哪一项指标，该行未核实\(claim)"
  }

  /// What was wrong with the value, after the field's name.
  static func problem(_ problem: ReadingNote.Problem, field: TableField?, inBrackets: Bool = false) -> String {
    switch problem {
    case .tooLong(let characters): return "长 \(characters) 字，超过 \(Limits.maximumCellLength) 字的上限"
    case .unreadable(let text):
      let expected =
        switch field {
        case .year: "四位年份，如 2023 或 2023年度"
        case .claimedGrade: "优、良、中 或 差"
        case .kind: "project、unit、project-target 或 unit-target"
        default: "文字或数"
        }
      return inBrackets ? "“\(text)”不可读，应为\(expected)" : "“\(text)”不可读（应为\(expected)）"
    default: return ""
    }
  }

  /// What a value read without certainty costs: its row keeps its claim, unverified.
  static func uncertainty(at place: UnreadableNumber.Place) -> String {
    switch place {
    case .indicator: "该项未核实，保留自评得分；请用 jixiao extract 核对原文后复核"
    case .funds: "预算执行项未核实，保留自评得分；请用 jixiao extract 核对原文后复核"
    case .source, .table: "请用 jixiao extract 核对原文"
    }
  }

  /// What the table loses: the field is read as not printed.
  static func consequence(of field: TableField?) -> String {
    switch field {
    case .kind: "按项目支出表处理"
    case .claimedGrade: "按未填处理，自评等级由自评总分推出"
    default: "按未填处理"
    }
  }
}
