/// `name.missing`, `column.ignored` and `cell.unparseable` for the values the reader could not take as
/// printed (`ReadingNote`): each is named where it is, with what it costs (docs/rules.md, "Reading tables").
struct ReadingNoteCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  func check(_ context: CheckContext, into findings: inout [Finding]) {
    let table = context.table
    guard !table.notes.isEmpty else { return }
    for note in table.notes {
      if let finding = self.finding(note, in: context) { findings.append(finding) }
    }
  }

  private func finding(_ note: ReadingNote, in context: CheckContext) -> Finding? {
    guard let (location, subject) = context.location(of: note.place, label: note.field?.declaration.label ?? "") else {
      return nil
    }
    switch note.problem {
    case .missingName(let found):
      return Finding(missingName(note, found: found, in: context), at: location)
    case .ignoredColumn(let header, let column):
      return Finding(
        .columnIgnored(header: header, column: column, inFundsBlock: column.hasPrefix(PrintedFormTable.fundsColumnPrefix)),
        at: location)
    case .ignoredCell(.unplaced, let cell, let text):
      return Finding(.unplacedCellIgnored(cell: cell, text: text), at: location)
    case .ignoredCell(.fundsBlock, let cell, let text):
      return Finding(.fundsBlockCellIgnored(cell: cell, text: text), at: location)
    case .ignoredCell(let row, let header, let text):
      return Finding(.structuralCellIgnored(row: row, header: header, text: text), at: location)
    case .uncertain(let reason):
      return Finding(.cellUncertain(subject: subject, reason: reason, place: note.place), at: location)
    case .hiddenSheet(let name):
      return Finding(.sheetHidden(name: name), at: location)
    case .sheetWithoutForm(let name, let cell, let text):
      return Finding(.sheetWithoutForm(name: name, cell: cell, text: text), at: location)
    case .unreadFundsBlock(let label, let cell):
      return Finding(.fundsBlockUnread(label: label, cell: cell), at: location)
    case .unreadable, .tooLong:
      guard let problem = FindingDetail.UnreadText(note.problem, field: note.field) else { return nil }
      return Finding(.unreadableText(problem, subject: subject, field: note.field), at: location)
    }
  }

  private func missingName(_ note: ReadingNote, found: ReadingNote.Problem?, in context: CheckContext) -> FindingDetail {
    let why = found.flatMap { FindingDetail.UnreadText($0, field: note.field) }
    guard case .indicator(let position) = note.place else { return .tableNameMissing(found: why) }
    guard !context.table.isTargetTable else { return .targetIndicatorNameMissing(found: why) }
    return .indicatorNameMissing(found: why, keptClaim: context.table.indicators[position - 1].claimedScore)
  }
}
