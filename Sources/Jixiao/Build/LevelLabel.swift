/// A level name as forms print it in a merged cell: the name, and sometimes the level's points in brackets,
/// `产出指标（50分）`, `效益指标(30分)`, `满意度指标（10）`. The points are read by the points grammar of
/// `PrintedNumber`; brackets holding anything else (`成本指标（万元）`, `得分（20分*执行率）`) are part of the name.
/// A printed form's level and funds labels are split by it too (`PointsLabel`).
enum LevelLabel {
  /// The name without its points, and the points; nil when the text carries none. Its definition is
  /// `splitByCharacters`.
  static func split(_ printed: String) -> (name: String, points: Rational)? {
    if printed.utf8.withContiguousStorageIfAvailable(endsInNoBracket) == true { return nil }
    // A bracketed label (`预算执行情况（20分）`) is read on its bytes where they are only ASCII, CJK and
    // brackets, and by characters otherwise.
    var split: (name: String, points: Rational)?
    let told = printed.utf8.withContiguousStorageIfAvailable { bytes in
      switch splitOnBytes(bytes) {
      case .notSplit: return true
      case .split(let name, let points):
        split = (String(decoding: UnsafeBufferPointer(rebasing: bytes[name]), as: UTF8.self), points)
        return true
      case .unknown: return false
      }
    }
    return told == true ? split : splitByCharacters(printed)
  }

  /// Whether a text ends in a CJK ideograph (lead byte E4…E9) or in printable ASCII other than `)` and the
  /// space: its last character, trimmed, is then no closing bracket. Nearly every level name ends in a CJK
  /// ideograph, told by its last bytes. False says nothing: any other last character may be whitespace
  /// (U+0085, U+2028, U+3000, …) or a bracket.
  static func endsInNoBracket(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let last = bytes.last else { return false }
    if last < 0x80 { return last > 0x20 && last < 0x7F && last != UInt8(ascii: ")") }
    return bytes.count >= 3 && bytes[bytes.count - 3] >= 0xE4 && bytes[bytes.count - 3] <= 0xE9
  }

  /// `split`'s definition: the text trimmed, its last character a closing bracket, the brackets' contents
  /// the points grammar's value and the name before them, trimmed, not empty.
  static func splitByCharacters(_ printed: String) -> (name: String, points: Rational)? {
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

  /// What `splitOnBytes` tells: no points, the name's byte range and the points, or that the bytes hold
  /// something only characters can tell.
  enum ByteSplit: Equatable {
    case notSplit
    case split(name: Range<Int>, points: Rational)
    case unknown
  }

  /// `splitByCharacters` on the bytes of a text made only of printable ASCII, ASCII whitespace (tab, line
  /// breaks), CJK ideographs (lead bytes E4…E9) and full-width brackets (EF BC 88, EF BC 89): each of those
  /// is a character of its own but CR LF, which is whitespace as its bytes are (none joins a neighbour,
  /// none is canonically equivalent to a bracket), and the only whitespace among them is ASCII's: trimmed
  /// by bytes as by characters. Any other byte is `unknown`.
  static func splitOnBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> ByteSplit {
    let fullWidthOpen: UInt8 = 0x88
    let fullWidthClose: UInt8 = 0x89
    // The start of each character that is a bracket, checked with the alphabet in one pass.
    var lastOpen = -1
    var lastClose = -1
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if (byte >= 0x20 && byte < 0x7F) || isSpace(byte) {
        if byte == UInt8(ascii: "(") { lastOpen = index }
        if byte == UInt8(ascii: ")") { lastClose = index }
        index += 1
      } else if byte >= 0xE4 && byte <= 0xE9, index + 2 < bytes.count, bytes[index + 1] & 0xC0 == 0x80,
        bytes[index + 2] & 0xC0 == 0x80
      {
        index += 3
      } else if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBC,
        bytes[index + 2] == fullWidthOpen || bytes[index + 2] == fullWidthClose
      {
        if bytes[index + 2] == fullWidthOpen { lastOpen = index } else { lastClose = index }
        index += 3
      } else {
        return .unknown
      }
    }
    var end = bytes.count
    while end > 0, isSpace(bytes[end - 1]) { end -= 1 }
    // The last character, trimmed, is the closing bracket; the opening one is the last before it.
    guard lastClose >= 0, lastClose == end - (bytes[lastClose] == 0xEF ? 3 : 1), lastOpen >= 0 else { return .notSplit }
    var start = 0
    while start < end, isSpace(bytes[start]) { start += 1 }
    guard lastOpen >= start else { return .notSplit }
    var nameEnd = lastOpen
    while nameEnd > start, isSpace(bytes[nameEnd - 1]) { nameEnd -= 1 }
    let insideStart = lastOpen + (bytes[lastOpen] == 0xEF ? 3 : 1)
    let inside = UnsafeBufferPointer(rebasing: bytes[insideStart..<lastClose])
    guard nameEnd > start, !holdsNoDigit(inside),
      case .value(let points) = PrintedNumber.read(String(decoding: inside, as: UTF8.self), as: .points)
    else { return .notSplit }
    return .split(name: start..<nameEnd, points: points)
  }

  /// An ASCII whitespace byte: space, tab, line feed, vertical tab, form feed, carriage return.
  @inline(__always) private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
  }

  /// Whether a text is only ASCII other than digits and CJK ideographs (UTF-8 lead bytes E4…E9, which no
  /// normalisation turns into a digit), so holds no number of any kind: `万元` in a funds label
  /// `项目资金（万元）` is told without normalising it for the number grammar. False says nothing.
  static func holdsNoDigit(_ text: Substring) -> Bool { holdsNoDigit(text.utf8) }

  /// `holdsNoDigit` of a text's UTF-8 bytes.
  static func holdsNoDigit(_ utf8: some Sequence<UInt8>) -> Bool {
    var bytes = utf8.makeIterator()
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
    if printed.withUTF8(endsInNoBracket) { return nil }
    switch printed.withUTF8(splitOnBytes) {
    case .notSplit: return nil
    case .split(let name, let points):
      // The name is the text's first bytes unless spaces lead it: then it is a copy.
      let text =
        name.lowerBound == 0
        ? printed.prefix(utf8Count: name.count)
        : TableText(
          printed.withUTF8 {
            String(decoding: UnsafeBufferPointer(rebasing: $0[name]), as: UTF8.self)
          })
      return (text, points)
    case .unknown: return split(printed.string).map { (TableText($0.name), $0.points) }
    }
  }
}
