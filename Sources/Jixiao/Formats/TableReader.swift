/// Reads tables from bytes: one JSON object (or an array of them) per file, or JSON Lines.
/// Every record ends as a table or as a located error; one bad record never hides the others.
public enum InputFormat: String, Sendable, CaseIterable {
  case json, jsonl, csv
}

public enum TableReader {

  public enum Record: Sendable {
    case table(Table)
    case rejected(InputError)
  }

  /// The format a file name implies (`.jsonl`/`.ndjson` → JSON Lines, `.csv`); nil when it does not say.
  public static func format(forPath path: String) -> InputFormat? {
    let lower = path.lowercased()
    if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonl }
    if lower.hasSuffix(".json") { return .json }
    if lower.hasSuffix(".csv") { return .csv }
    return nil
  }

  /// Reads every record of an input held in memory (a batch streams instead: `BatchRunner`).
  public static func read(_ bytes: [UInt8], file: String, format: InputFormat? = nil) -> [Record] {
    switch format ?? Self.format(forPath: file) ?? sniff(bytes) {
    case .json: readDocument(bytes, file: file)
    case .jsonl: readLines(bytes, file: file)
    case .csv: readCSV(bytes, file: file)
    }
  }

  /// Several lines each starting with `{` are JSON Lines; anything else is one document.
  static func sniff(_ bytes: some Collection<UInt8>) -> InputFormat {
    var objectLines = 0
    var atLineStart = true
    for byte in bytes {
      if atLineStart, byte == UInt8(ascii: "{") { objectLines += 1 }
      if byte == UInt8(ascii: "\n") {
        atLineStart = true
      } else if byte != UInt8(ascii: " "), byte != UInt8(ascii: "\t"), byte != UInt8(ascii: "\r") {
        atLineStart = false
      }
      if objectLines > 1 { return .jsonl }
    }
    return .json
  }

  static func baseName(_ path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    for suffix in [".jsonl", ".ndjson", ".json"] where name.lowercased().hasSuffix(suffix) {
      return String(name.dropLast(suffix.count))
    }
    return name
  }

  private static func readDocument(_ bytes: [UInt8], file: String) -> [Record] {
    let root: JSONValue
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      return [.rejected(InputError(SourceLocation(file: file, line: error.line), "\(error.message) (column \(error.column))"))]
    }
    switch root {
    case .object(let object):
      return [record(object, at: SourceLocation(file: file, line: object.line), defaultID: baseName(file))]
    case .array(let elements):
      return elements.enumerated().map { offset, element in
        let location = SourceLocation(file: file, field: "[\(offset + 1)]")
        guard case .object(let object) = element else {
          return .rejected(InputError(location, "expected a table object, found \(element.typeName)"))
        }
        return record(object, at: location.line(object.line), defaultID: "\(baseName(file))#\(offset + 1)")
      }
    default:
      return [.rejected(InputError(SourceLocation(file: file, line: 1), "expected a table object, found \(root.typeName)"))]
    }
  }

  private static func readLines(_ bytes: [UInt8], file: String) -> [Record] {
    var records: [Record] = []
    var splitter = LineSplitter()
    func decode(_ line: LineSplitter.Line) {
      switch line {
      case .complete(let bytes, let number):
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
        records.append(decodeLine(bytes, at: SourceLocation(file: file, line: number), defaultID: "\(baseName(file)):\(number)"))
      case .oversized(let number):
        records.append(.rejected(InputError(SourceLocation(file: file, line: number), LineSplitter.oversizedMessage)))
      }
    }
    splitter.feed(bytes, decode)
    splitter.feed(nil, decode)
    return records
  }

  private static func readCSV(_ bytes: [UInt8], file: String) -> [Record] {
    var records: [Record] = []
    var parser = CSVParser()
    var assembler = CSVTableAssembler(file: file)
    func collect(_ output: CSVTableAssembler.Output) {
      records.append(contentsOf: RawRecord(output).decode())
    }
    parser.feed(bytes) { assembler.add($0, collect) }
    parser.finish { assembler.add($0, collect) }
    assembler.finish(collect)
    return records
  }

  /// One JSON Lines record.
  static func decodeLine(_ line: ArraySlice<UInt8>, at location: SourceLocation, defaultID: String) -> Record {
    do {
      let value = try JSONParser.parse(line, firstLine: location.line ?? 1)
      guard case .object(let object) = value else {
        return .rejected(InputError(location, "expected one table object on this line, found \(value.typeName)"))
      }
      return record(object, at: location, defaultID: defaultID)
    } catch {
      return .rejected(InputError(location, "\(error.message) (column \(error.column))"))
    }
  }

  private static func record(_ object: JSONObject, at location: SourceLocation, defaultID: String) -> Record {
    do {
      return .table(try TableDecoder.decode(object, at: location, defaultID: defaultID))
    } catch {
      return .rejected(error)
    }
  }
}
