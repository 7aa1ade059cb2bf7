/// Reads the tables of a published document's text (a 决算 or 预算 printed by pdftotext, `.txt`): the
/// segmenter finds each 自评表 and 绩效目标表 by its title, and each becomes a grid (tab-separated text cell
/// by cell, `TabbedCells`; text of several cells to a line through the column grammar, `FlowingCells`),
/// which the form locator reads as it reads a sheet. Every cell knows its page and line (`GridCell.origin`);
/// a cell placed by guess says so (`GridCell.doubt`).
///
/// A table a document tells in sentences ("该指标预期指标值等于100%…权重分值为8分，自评得分8分") is read by the
/// prose grammar (`ProseTable`) into a grid like the others; one the grammar cannot read is reported as a
/// table in prose, never skipped silently.
public enum DocumentTextReader {
  public struct Reading: Sendable {
    /// One grid per table, in the document's order.
    public var grids: [Grid]
    /// Tables the document holds that are not read: each told in prose the grammar cannot read, with its
    /// lines and why.
    public var unread: [InputError]
  }

  public static func read(bytes: [UInt8], file: String, vocabulary: FormVocabulary = .standard) throws(InputError) -> Reading {
    let text = try DocumentText(bytes: bytes, file: file)
    // pdftotext -layout output (cells aligned in columns by spaces) is read by character columns, as a PDF's
    // words are by position; a table it tells in prose, by the prose grammar.
    guard !isLayoutText(text) else {
      // Layout text prints a table's header and rows with 指标值, 权重 and 得分 in aligned columns: only lines
      // of running text (no run of two spaces inside) may tell a table in sentences.
      let prose = ProseTables.read(in: text, outside: [], runningTextOnly: true)
      var grids = LayoutTextReader.grids(bytes: bytes, file: file)
      for var table in prose.grids.map(\.grid) {
        table.name = "表\(grids.count + 1)"
        grids.append(table)
      }
      return Reading(grids: grids, unread: prose.unread)
    }
    return readDefault(text, vocabulary: vocabulary)
  }

  /// pdftotext's default output: tables found by title, each read as tab-separated text or through the
  /// column grammar.
  static func readDefault(_ text: DocumentText, vocabulary: FormVocabulary) -> Reading {
    let segments = TableSegmenter(text, vocabulary: vocabulary).segments()
    var grids: [(line: Int, grid: Grid)] = []
    for segment in segments {
      let name = "表\(grids.count + 1)"
      grids.append(
        (
          segment.lines.lowerBound,
          segment.isTabbed
            ? TabbedCells.grid(segment, of: text, name: name, vocabulary: vocabulary)
            : FlowingCells(text: text, segment: segment, vocabulary: vocabulary).grid(name: name)
        ))
    }
    let prose = ProseTables.read(in: text, outside: segments)
    guard !prose.grids.isEmpty else { return Reading(grids: grids.map(\.grid), unread: prose.unread) }
    // Tables in the document's order, numbered in it.
    var ordered = (grids + prose.grids).sorted { $0.line < $1.line }.map(\.grid)
    for index in ordered.indices { ordered[index].name = "表\(index + 1)" }
    return Reading(grids: ordered, unread: prose.unread)
  }

  /// Text pdftotext printed with `-layout`: many lines holding runs of two or more spaces that start at
  /// the same columns on neighbouring lines (cells aligned under their headers). Default output separates
  /// the words of a line by one space and never aligns them.
  public static func isLayoutText(_ text: DocumentText) -> Bool {
    var gapStarts: [Set<Int>] = []
    var aligned = 0
    var withGaps = 0
    for line in text.lines where !line.isBlank {
      let scalars = Array(line.text.unicodeScalars)
      var starts: Set<Int> = []
      var column = 0
      var run = 0
      for scalar in scalars {
        if scalar == " " {
          run += 1
        } else {
          if run >= 2, column - run > 0 { starts.insert(column) }
          run = 0
        }
        column += 1
      }
      if !starts.isEmpty {
        withGaps += 1
        if gapStarts.suffix(3).contains(where: { !$0.isDisjoint(with: starts) }) { aligned += 1 }
      }
      gapStarts.append(starts)
    }
    return withGaps >= 10 && aligned * 2 >= withGaps
  }
}
