/// Tables a document tells in sentences instead of printing them (seed 001 lines 219–337): passages that
/// give an indicator's target (指标值), its weight (权重) and its score (得分) within a few lines, several
/// close together. Each is read by the prose grammar (`ProseTable`) with the sentences around it (the
/// budget's execution before, the conclusion after); one the grammar cannot read is reported, naming its
/// lines and why, never skipped.
enum ProseTables {
  /// How many lines holding something one indicator's sentences may span.
  static let passageLines = 8
  /// How many lines holding something before the first passage and after the last are read with them:
  /// the budget's sentence and the heading above, the conclusion below.
  static let contextLines = 12

  struct Reading {
    /// Each table read, with the index of its first line in the document.
    var grids: [(line: Int, grid: Grid)] = []
    var unread: [InputError] = []
  }

  /// With `runningTextOnly`, a line aligned in columns (a run of two spaces inside it) is no prose.
  static func read(in text: DocumentText, outside segments: [TableSegmenter.Segment], runningTextOnly: Bool = false) -> Reading {
    let lines = text.lines
    var covered = Array(repeating: false, count: lines.count)
    for segment in segments { for index in segment.lines { covered[index] = true } }
    if runningTextOnly {
      for index in lines.indices where isAligned(lines[index].text) { covered[index] = true }
    }
    var reading = Reading()
    for group in passageGroups(in: text, covered: covered) {
      let window = context(of: group, in: text, covered: covered)
      let table = ProseTable(prose: ProseText(text, lines: window))
      do {
        let grid = try table.grid(name: "表", passages: group)
        reading.grids.append((window.lowerBound, grid))
      } catch {
        let first = lines[group[0].lowerBound].number
        let last = lines[group.last!.upperBound].number
        let targets = lines[group[0].lowerBound...group.last!.upperBound].filter { $0.text.contains("指标值") }.count
        reading.unread.append(
          InputError(
            SourceLocation(file: text.file, line: first),
            Message(
              en:
                "a table in prose, not read: lines \(first)–\(last) give \(targets) indicators in sentences (指标值 … 权重 … 得分), not as a table, and at line \(error.line) ",
              zh: "以文字叙述的表格，未读取：第 \(first)–\(last) 行以句子（指标值 … 权重 … 得分）而非表格给出 \(targets) 个指标，第 \(error.line) 行：")
              + error.reason
              + Message(
                en: "; transcribe them as JSON (docs/input.md) and rescore that",
                zh: "；请将其转录为 JSON（docs/input.md）再复核")))
      }
    }
    return reading
  }

  /// Whether a line holds a run of two or more spaces after its indentation: cells aligned in columns.
  static func isAligned(_ printed: String) -> Bool {
    var run = 0
    for scalar in printed.unicodeScalars.drop(while: FormText.isWhitespace) {
      if scalar == " " || scalar == "\u{3000}" {
        run += 1
        if run >= 2 { return true }
      } else {
        run = 0
      }
    }
    return false
  }

  /// Passages (indexes of their first and last lines) close together, two or more: each group one table.
  /// A passage is a line with 指标值 whose next few lines give 权重 and 得分.
  static func passageGroups(in text: DocumentText, covered: [Bool]) -> [[ClosedRange<Int>]] {
    let lines = text.lines
    let candidates = lines.indices.filter { !covered[$0] && !lines[$0].isBlank }
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
        passages.append(first...end)
        position += window.count
      } else {
        position += 1
      }
    }
    // Passages close together describe one table; a single passage may be a remark.
    var groups: [[ClosedRange<Int>]] = []
    for passage in passages {
      if let last = groups.last?.last, lines[passage.lowerBound].number - lines[last.upperBound].number <= 40 {
        groups[groups.count - 1].append(passage)
      } else {
        groups.append([passage])
      }
    }
    return groups.filter { $0.count >= 2 }
  }

  /// The lines read with a group: back to the section heading above it (or `contextLines` lines), on to the
  /// next section after the one that follows it (or `contextLines` lines), never into a printed table.
  static func context(of group: [ClosedRange<Int>], in text: DocumentText, covered: [Bool]) -> Range<Int> {
    let lines = text.lines
    var start = group[0].lowerBound
    var seen = 0
    while start > 0, !covered[start - 1], seen < contextLines {
      start -= 1
      guard !lines[start].isBlank else { continue }
      seen += 1
      if ProseTable.isSectionHeading(lines[start].text) { break }
    }
    var end = group.last!.upperBound + 1
    seen = 0
    var headings = 0
    while end < lines.count, !covered[end], seen < contextLines {
      if !lines[end].isBlank {
        seen += 1
        if ProseTable.isSectionHeading(lines[end].text) {
          headings += 1
          if headings > 1 { break }
        }
      }
      end += 1
    }
    return start..<end
  }
}
