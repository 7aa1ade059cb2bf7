/// The `--format json` document: every result and every rejected record of a run.
public enum ResultDocument {
  public static func json(results: [TableResult], rejected: [InputError]) -> String {
    var writer = JSONWriter()
    writer.beginObject()
    writer.beginArray("results")
    for result in results { ResultJSON.write(result, into: &writer) }
    writer.endArray()
    writer.beginArray("rejected")
    for error in rejected { writeRejection(error, into: &writer) }
    writer.endArray()
    writer.endObject()
    return writer.output
  }

  /// One rejected record, as a JSON Lines line: `{"rejected": {...}}`.
  public static func rejectionJSON(_ error: InputError) -> String {
    var writer = JSONWriter()
    writer.beginObject()
    writer.beginObject("rejected")
    writeFields(error, into: &writer)
    writer.endObject()
    writer.endObject()
    return writer.output
  }

  /// One rejected record as a JSON object.
  public static func rejectionObject(_ error: InputError) -> String {
    var writer = JSONWriter()
    writeRejection(error, into: &writer)
    return writer.output
  }

  static func writeRejection(_ error: InputError, into writer: inout JSONWriter) {
    writer.beginObject()
    writeFields(error, into: &writer)
    writer.endObject()
  }

  private static func writeFields(_ error: InputError, into writer: inout JSONWriter) {
    writer.string("file", error.location.file)
    writer.int("line", error.location.line)
    writer.string("field", error.location.field)
    writer.string("message", error.message)
  }
}
