/// A level name as forms print it in a merged cell: the name, and sometimes the level's points in brackets,
/// `产出指标（50分）`, `效益指标(30分)`, `满意度指标（10）`. The points are read by the points grammar of
/// `PrintedNumber`; brackets holding anything else (`成本指标（万元）`, `得分（20分*执行率）`) are part of the name.
/// A printed form's level and funds labels are split by it too (`PointsLabel`).
enum LevelLabel {
  /// The name without its points, and the points; nil when the text carries none.
  static func split(_ printed: String) -> (name: String, points: Rational)? {
    // Nearly every level name ends in a CJK character: one byte says there are no brackets to read.
    // The last byte of `)`, of `）` (EF BC 89), or of a space after them (ASCII, or U+3000 ending in 80).
    switch printed.utf8.withContiguousStorageIfAvailable({ $0.last }) ?? printed.utf8.last {
    case 0x29, 0x89, 0x20, 0x09, 0x0A, 0x0D, 0x80: break
    default: return nil
    }
    let text = printed.trimmingSpaces()
    guard let close = text.last, close == ")" || close == "）",
      let open = text.lastIndex(where: { $0 == "(" || $0 == "（" })
    else { return nil }
    let name = text[..<open].trimmingSpaces()
    let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
    guard !name.isEmpty, !holdsNoDigit(inside), case .value(let points) = PrintedNumber.read(String(inside), as: .points)
    else { return nil }
    return (name, points)
  }

  /// Whether a text is only ASCII other than digits and CJK ideographs (UTF-8 lead bytes E4…E9, which no
  /// normalisation turns into a digit), so holds no number of any kind: `万元` in a funds label
  /// `项目资金（万元）` is told without normalising it for the number grammar. False says nothing.
  static func holdsNoDigit(_ text: Substring) -> Bool {
    var bytes = text.utf8.makeIterator()
    while let byte = bytes.next() {
      if byte < 0x80 {
        if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { return false }
      } else if byte >= 0xE4 && byte <= 0xE9 {
        guard bytes.next() != nil, bytes.next() != nil else { return false }
      } else {
        return false
      }
    }
    return true
  }

  /// `split` of a table's text: the usual level name, without brackets, is told on its last byte, without
  /// making a string.
  static func split(_ printed: TableText) -> (name: TableText, points: Rational)? {
    switch printed.withUTF8({ $0.last }) {
    case 0x29, 0x89, 0x20, 0x09, 0x0A, 0x0D, 0x80: break
    default: return nil
    }
    return split(printed.string).map { (TableText($0.name), $0.points) }
  }
}
