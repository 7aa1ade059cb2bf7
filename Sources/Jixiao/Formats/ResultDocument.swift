/// The pieces of the `--format json` document and of JSON Lines output that are not a result: the
/// records that could not be read.
public enum ResultDocument {
  /// One rejected record as a JSON Lines line, `{"rejected": {...}}` and its newline, in UTF-8.
  public static func rejectionLine(_ error: InputError) -> [UInt8] {
    var writer = JSONWriter()
    writer.beginObject()
    writer.beginObject("rejected")
    writeFields(error, into: &writer)
    writer.endObject()
    writer.endObject()
    writer.newline()
    return writer.bytes
  }

  /// One rejected record as a JSON object.
  public static func rejectionObject(_ error: InputError) -> String {
    JSONWriter.text { writeRejection(error, into: &$0) }
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
    writer.string("message", error.message.english)
  }
}
