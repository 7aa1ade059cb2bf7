/// The number format of each cell style (`xl/styles.xml`): a cell's `s` attribute indexes `cellXfs`,
/// whose `numFmtId` is a built-in format or one of the workbook's own `numFmts`.
struct CellStyles: Sendable {
  private(set) var formats: [NumberFormat] = []

  init() {}

  init(bytes: [UInt8], file: String, entry: String) throws(InputError) {
    var reader = XMLReader(bytes: bytes, file: file, entry: entry)
    var custom: [Int: String] = [:]
    var formatIDs: [Int] = []
    var inCellFormats = false
    while let event = try reader.next() {
      switch event {
      case .start(let tag) where SpreadsheetML.isMain(tag.name, "numFmt"):
        if let id = tag["numFmtId"].flatMap({ Int($0) }), let code = tag["formatCode"] { custom[id] = code }
      case .start(let tag) where SpreadsheetML.isMain(tag.name, "cellXfs"):
        inCellFormats = true
      case .end(let name) where SpreadsheetML.isMain(name, "cellXfs"):
        inCellFormats = false
      case .start(let tag) where inCellFormats && SpreadsheetML.isMain(tag.name, "xf"):
        formatIDs.append(tag["numFmtId"].flatMap { Int($0) } ?? 0)
        try reader.skipElement()
      default:
        break
      }
    }
    var parsed: [Int: NumberFormat] = [:]
    formats = formatIDs.map { id in
      if let format = parsed[id] { return format }
      // An id neither built in nor defined prints as General, as Excel does.
      let format = NumberFormat(code: custom[id] ?? NumberFormat.builtIn(id) ?? "General")
      parsed[id] = format
      return format
    }
  }

  /// The format of style `index`; General for a cell without a style or with one that does not exist.
  func format(_ index: Int?) -> NumberFormat {
    guard let index, formats.indices.contains(index) else { return .general }
    return formats[index]
  }

  /// Whether style `index` prints numbers as General: `format(index).isGeneral` without copying the format.
  func isGeneral(_ index: Int?) -> Bool {
    guard let index, formats.indices.contains(index) else { return true }
    return formats[index].isGeneral
  }
}
