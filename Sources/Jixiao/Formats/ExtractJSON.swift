/// Writes extracted tables (`ExtractedTable`) as JSON in the input schema (evaluation-format.md): each
/// value as its input gave it (a printed cell's text, a JSON string as a string, a JSON number as its
/// literal), which read again gives the same field, so the JSON, corrected or not, is input for
/// `jixiao rescore`. Where each value came from is in one more member per table,
/// `source`, which the table reader ignores as it ignores every member the schema does not declare:
///
///     "source": {"file": "表.xlsx", "at": "自评表1!A1", "values": 58, "unreadable": 1, "uncertain": 0,
///                "cells": {"name": "自评表1!B3", "indicators[2].weight": "自评表1!G13", …},
///                "uncertainCells": {"indicators[3].actual": "a wrapped piece placed by position", …},
///                "ignored": ["总分行“I20”栏的“备注”", …, "表头“联系电话”的“0908-4221234”（自评表1!E4）", …]}
///
/// A path in `cells` names the member as the reader's messages do, indicators and sources counted from 1.
public enum ExtractJSON {
  /// Every table, one JSON array: the input `jixiao rescore` reads as a document of tables.
  public static func document(_ tables: [ExtractedTable]) -> [UInt8] {
    var writer = JSONWriter()
    writer.beginArray()
    for extracted in tables {
      writer.newline()
      write(extracted, into: &writer)
    }
    writer.newline()
    writer.endArray()
    writer.newline()
    return writer.bytes
  }

  static func write(_ extracted: ExtractedTable, into writer: inout JSONWriter) {
    let table = extracted.table
    /// The last value set for each field of each part: the builder keeps the last one too.
    var last: [UnreadableNumber.Place: [TableField: TableBuilder.Provenance]] = [:]
    for value in extracted.values { last[value.place, default: [:]][value.field] = value }
    var cells: [(path: String, place: String)] = []
    let doubts = extracted.doubts
    var uncertain: [(path: String, reason: String)] = []

    func members(_ place: UnreadableNumber.Place, _ fieldPlace: FieldPlace, path: String) {
      let values = last[place] ?? [:]
      for declaration in TableSchema.declarations where declaration.place == fieldPlace && declaration.field != .id {
        guard let value = values[declaration.field] else { continue }
        let key = JSONKey(text: declaration.member)
        switch value.value {
        case .text(let text): writer.string(key, text)
        case .number(let literal), .other(let literal):
          // A reader of JSON hands a number or a value of another type over as its JSON text.
          if let written = try? JSONParser.parse(Array(literal.utf8)) {
            writer.json(key, written)
          } else {
            writer.string(key, literal)
          }
        case .null: writer.raw(key, "null")
        }
        cells.append((path + declaration.member, Self.place(value.location)))
        if let reason = doubts[place]?[declaration.field] { uncertain.append((path + declaration.member, reason)) }
      }
    }

    writer.beginObject()
    writer.string("id", table.id)
    if let id = last[.table]?[.id] { cells.append(("id", Self.place(id.location))) }
    members(.table, .table, path: "")
    if let funds = table.funds {
      writer.beginObject("funds")
      members(.funds, .funds, path: "funds.")
      writer.beginArray("sources")
      for number in funds.sources.indices.map({ $0 + 1 }) {
        writer.beginObject()
        members(.source(number), .source, path: "funds.sources[\(number)].")
        writer.endObject()
      }
      writer.endArray()
      writer.endObject()
    }
    if table.goals != nil {
      writer.beginObject("goals")
      members(.table, .goals, path: "goals.")
      writer.endObject()
    }
    writer.beginArray("indicators")
    for indicator in table.indicators {
      writer.newline()
      writer.beginObject()
      let before = cells.count
      members(.indicator(indicator.index), .indicator, path: "indicators[\(indicator.index)].")
      // A column the table prints, blank on this row: null keeps the column the table's.
      let given = Set(cells[before...].map(\.path))
      for column in Indicator.OptionalColumn.allCases where table.columns.contains(column) {
        guard !given.contains("indicators[\(indicator.index)].\(column.rawValue)") else { continue }
        writer.raw(JSONKey(text: column.rawValue), "null")
      }
      writer.endObject()
    }
    writer.endArray()

    writer.newline()
    writer.beginObject("source")
    writer.string("file", table.location.file)
    writer.string("at", place(table.location))
    writer.int("values", extracted.values.count)
    writer.int("unreadable", extracted.unreadableCount)
    writer.int("uncertain", extracted.uncertainCount)
    writer.beginObject("cells")
    for cell in cells { writer.string(JSONKey(text: cell.path), cell.place) }
    writer.endObject()
    writer.beginObject("uncertainCells")
    for value in uncertain { writer.string(JSONKey(text: value.path), value.reason) }
    writer.endObject()
    writer.beginArray("ignored")
    for note in extracted.ignoredNotes { writer.string(nil, Self.ignored(note)) }
    for unread in extracted.unreadTexts { writer.string(nil, "\(unread.part)的“\(unread.text)”（\(place(unread.location))）") }
    writer.endArray()
    writer.endObject()
    writer.endObject()
  }

  /// A value's place in its file, as its reader named it: the sheet and cell (`自评表1!G13`), a form CSV's
  /// cell (`D4`), a JSON member's line and column, a flat CSV's line and column with its header.
  static func place(_ location: SourceLocation) -> String {
    location.field ?? location.line.map { "line \($0)" } ?? ""
  }

  /// What an ignored note says the form prints, for the evaluator to read.
  static func ignored(_ note: ReadingNote) -> String {
    switch note.problem {
    case .ignoredColumn(let header, let column): "“\(header)”列（\(column)）"
    case .ignoredCell(let row, let header, let text): "\(row.rawValue)“\(header)”栏的“\(text)”"
    case .unreadFundsBlock(let label, let cell): "资金块“\(label)”（\(cell)），未读出任何金额"
    case .hiddenSheet(let name): "工作表“\(name)”是隐藏的（Excel 打开时不显示）"
    case .sheetWithoutForm(let name, let cell, let text): "工作表“\(name)”中没有自评表或绩效目标表，未读入（\(name)!\(cell)：“\(text)”）"
    default: ""
    }
  }
}
