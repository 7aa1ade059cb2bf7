/// Reads the tables of a published document's text (a 决算 or 预算 printed by pdftotext, `.txt`): the
/// segmenter finds each 自评表 and 绩效目标表 by its title, and each becomes a grid (tab-separated text cell
/// by cell, `TabbedCells`; text of several cells to a line through the column grammar, `FlowingCells`),
/// which the form locator reads as it reads a sheet. Every cell knows its page and line (`GridCell.origin`);
/// a cell placed by guess says so (`GridCell.doubt`).
///
/// A table a document tells in sentences ("该指标预期指标值等于100%…权重分值为8分，自评得分8分") has no cells to
/// read: it is reported as a table in prose, never skipped silently.
public enum DocumentTextReader {
  public struct Reading: Sendable {
    /// One grid per table, in the document's order.
    public var grids: [Grid]
    /// Tables the document holds that are not read: each told in prose, with its lines.
    public var unread: [InputError]
  }

  public static func read(bytes: [UInt8], file: String, vocabulary: FormVocabulary = .standard) throws(InputError) -> Reading {
    let text = try DocumentText(bytes: bytes, file: file)
    // pdftotext -layout output (cells aligned in columns by spaces) is read by character columns, as a PDF's
    // words are by position.
    guard !isLayoutText(text) else { return Reading(grids: LayoutTextReader.grids(bytes: bytes, file: file), unread: []) }
    return readDefault(text, vocabulary: vocabulary)
  }

  /// pdftotext's default output: tables found by title, each read as tab-separated text or through the
  /// column grammar.
  static func readDefault(_ text: DocumentText, vocabulary: FormVocabulary) -> Reading {
    let segments = TableSegmenter(text, vocabulary: vocabulary).segments()
    var grids: [Grid] = []
    for segment in segments {
      let name = "表\(grids.count + 1)"
      grids.append(
        segment.isTabbed
          ? TabbedCells.grid(segment, of: text, name: name, vocabulary: vocabulary)
          : FlowingCells(text: text, segment: segment, vocabulary: vocabulary).grid(name: name))
    }
    return Reading(grids: grids, unread: ProseTables.find(in: text, outside: segments))
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

/// Tables a document tells in sentences instead of printing them (seed 001 lines 225–331): passages that
/// give an indicator's target (指标值), its weight (权重) and its score (得分) within a few lines.
enum ProseTables {
  /// How many lines holding something one indicator's sentences may span.
  static let passageLines = 8

  static func find(in text: DocumentText, outside segments: [TableSegmenter.Segment]) -> [InputError] {
    let lines = text.lines
    var covered = Array(repeating: false, count: lines.count)
    for segment in segments { for index in segment.lines { covered[index] = true } }
    let candidates = lines.indices.filter { !covered[$0] && !lines[$0].isBlank }
    // Passages: a line with 指标值 whose next few lines give 权重 and 得分.
    var passages: [ClosedRange<Int>] = []
    var position = 0
    while position < candidates.count {
      let first = candidates[position]
      guard lines[first].text.contains("指标值") else {
        position += 1
        continue
      }
      // A passage ends before the next indicator's target.
      var windowEnd = position + 1
      while windowEnd < min(candidates.count, position + passageLines), !lines[candidates[windowEnd]].text.contains("指标值") {
        windowEnd += 1
      }
      let window = candidates[position..<windowEnd]
      let joined = window.map { lines[$0].text }.joined()
      if joined.contains("权重"), joined.contains("得分"), let end = window.last(where: { lines[$0].text.contains("得分") }) {
        passages.append(lines[first].number...lines[end].number)
        position += window.count
      } else {
        position += 1
      }
    }
    // Passages close together describe one table; a single passage may be a remark.
    var groups: [[ClosedRange<Int>]] = []
    for passage in passages {
      if let last = groups.last?.last, passage.lowerBound - last.upperBound <= 40 {
        groups[groups.count - 1].append(passage)
      } else {
        groups.append([passage])
      }
    }
    return groups.filter { $0.count >= 2 }.map { group in
      let range = group[0].lowerBound...group.last!.upperBound
      let targets = lines.filter { range.contains($0.number) && $0.text.contains("指标值") }.count
      return InputError(
        SourceLocation(file: text.file, line: range.lowerBound),
        Message(
          en:
            "a table in prose, not read: lines \(range.lowerBound)–\(range.upperBound) give \(targets) indicators in sentences (指标值 … 权重 … 得分), not as a table; transcribe them as JSON (docs/input.md) and rescore that",
          zh:
            "以文字叙述的表格，未读取：第 \(range.lowerBound)–\(range.upperBound) 行以句子（指标值 … 权重 … 得分）而非表格给出 \(targets) 个指标；请将其转录为 JSON（docs/input.md）再复核"
        ))

    }
  }
}
