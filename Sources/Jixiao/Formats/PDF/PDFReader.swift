import Foundation

/// A PDF (a published 决算 or 预算, a form printed to PDF) read through poppler's `pdftotext -tsv`: every word
/// with its page and box, assembled into one grid of the whole document (`PositionedTextAssembler`), in
/// which the form locator finds the tables. jixiao reads no PDF itself: without pdftotext a PDF is refused
/// with the package to install.
public enum PDFReader {
  public struct Limits: Sendable, Hashable {
    /// pdftotext's run, after which it is stopped and the file refused.
    public var timeoutSeconds: Double = 120
    /// pdftotext's output (its tsv is about 60 bytes a word: 2,000 pages of dense tables).
    public var maximumOutputBytes = 256 << 20
    /// Words of one document.
    public var maximumWords = 2_000_000

    public static let standard = Limits()
    public init() {}
  }

  /// The program that reads a PDF's text, and where to get it.
  static let program = "pdftotext"
  static let installAdvice = Message(
    en:
      "install poppler-utils (Debian, Ubuntu: apt-get install poppler-utils; Fedora: dnf install poppler-utils; macOS: brew install poppler), or run pdftotext -layout FILE.pdf and read the .txt it writes",
    zh:
      "请安装 poppler-utils（Debian、Ubuntu：apt-get install poppler-utils；Fedora：dnf install poppler-utils；macOS：brew install poppler），或运行 pdftotext -layout FILE.pdf，再读取它写出的 .txt"
  )

  /// Whether bytes are a PDF: `%PDF-` within the first kilobyte (readers allow bytes before it).
  public static func isPDF(_ bytes: some Collection<UInt8>) -> Bool {
    Array(bytes.prefix(1024)).containsSequence(Array("%PDF-".utf8))
  }

  public static func read(bytes: [UInt8], file: String, limits: Limits = .standard) throws(InputError) -> [Grid] {
    let text = try positionedText(bytes: bytes, file: file, limits: limits)
    return PositionedTextAssembler(units: .points).grids(text, file: file, name: TableReader.baseName(file))
  }

  /// The words of a PDF with their places, or why there are none.
  public static func positionedText(bytes: [UInt8], file: String, limits: Limits = .standard) throws(InputError)
    -> PositionedText
  {
    let location = SourceLocation(file: file)
    guard isPDF(bytes) else {
      throw InputError(location, Message(en: "not a PDF: it does not start with %PDF-", zh: "不是 PDF：文件不以 %PDF- 开头"))
    }
    // pdftotext reads a file: a private copy, so a name that looks like an option, or standard input,
    // needs no care.
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-\(UUID().uuidString)")
    let copy = directory.appendingPathComponent("input.pdf")
    do {
      try FileManager.default.createDirectory(
        at: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
      guard FileManager.default.createFile(atPath: copy.path, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
      else {
        throw InputError(
          location,
          Message(
            en: "could not write a temporary copy for pdftotext in \(directory.deletingLastPathComponent().path)",
            zh: "无法在 \(directory.deletingLastPathComponent().path) 中为 pdftotext 写入临时副本"))
      }
    } catch let error as InputError {
      throw error
    } catch {
      throw InputError(
        location,
        Message(
          en: "could not write a temporary copy for pdftotext: \(error.localizedDescription)",
          zh: "无法为 pdftotext 写入临时副本：\(error.localizedDescription)"))
    }
    defer { try? FileManager.default.removeItem(at: directory) }
    let child = ChildProcess(
      program: program, arguments: ["-tsv", "-enc", "UTF-8", copy.path, "-"], timeoutSeconds: limits.timeoutSeconds,
      outputLimit: limits.maximumOutputBytes)
    let outcome: ChildProcess.Outcome
    do {
      outcome = try child.run()
    } catch {
      throw InputError(location, message(for: error))
    }
    guard outcome.status == 0 else {
      // pdftotext prints warnings before the error that stopped it.
      let lines = outcome.errorOutput.split(separator: "\n")
      let said = (lines.last { $0.contains("Error") } ?? lines.first).map(String.init)
      let (reason, chineseReason) = (said.map { ": \($0)" } ?? "", said.map { "：\($0)" } ?? "")
      throw InputError(
        location,
        Message(
          en:
            "pdftotext could not read the PDF (exit status \(outcome.status))\(reason); a damaged or password-protected PDF: open it and print it to a new PDF",
          zh: "pdftotext 无法读取该 PDF（退出状态 \(outcome.status)）\(chineseReason)；PDF 已损坏或设有密码：请打开后打印为新的 PDF"))
    }
    let text = try PDFTextTSV.parse(outcome.output, file: file, maximumWords: limits.maximumWords)
    guard text.pageCount > 0 else { throw InputError(location, Message(en: "the PDF has no pages", zh: "该 PDF 没有页面")) }
    guard !text.words.isEmpty else {
      throw InputError(
        location,
        Message(
          en:
            "no text layer: a scanned PDF needs OCR first (\(text.pageCount == 1 ? "its page is an image" : "its \(text.pageCount) pages are images"); for example ocrmypdf FILE.pdf OUT.pdf, then read OUT.pdf)",
          zh:
            "没有文字层：扫描的 PDF 须先做文字识别（OCR）（\(text.pageCount == 1 ? "其页面是图片" : "其 \(text.pageCount) 页都是图片")；例如 ocrmypdf FILE.pdf OUT.pdf，再读取 OUT.pdf）"
        ))
    }
    return text
  }

  static func message(for failure: ChildProcess.Failure) -> Message {
    switch failure {
    case .notFound:
      Message(
        en: "a PDF is read through pdftotext, which is not installed (not found on PATH): ",
        zh: "PDF 要通过 pdftotext 读取，但它没有安装（PATH 中找不到）：") + installAdvice
    case .couldNotStart(let reason):
      Message(en: "pdftotext could not be started (\(reason)): ", zh: "无法启动 pdftotext（\(reason)）：") + installAdvice
    case .timedOut(let seconds):
      Message(
        en:
          "pdftotext took longer than \(Int(seconds)) seconds and was stopped; split the PDF (pdfseparate) or read its text (pdftotext -layout)",
        zh: "pdftotext 运行超过 \(Int(seconds)) 秒，已被停止；请拆分该 PDF（pdfseparate）或读取其文字（pdftotext -layout）")
    case .outputTooLarge(let limit):
      Message(
        en: "pdftotext wrote more than \(limit >> 20) MiB of text and was stopped; split the PDF into smaller files",
        zh: "pdftotext 写出的文字超过 \(limit >> 20) MiB，已被停止；请将该 PDF 拆分为较小的文件")
    }
  }

}

/// pdftotext's `-tsv` output: a header line, then one record a page, block, line and word (`level` 1 to
/// 5); words are level 5, with the page and the box in points.
enum PDFTextTSV {
  static func parse(_ bytes: [UInt8], file: String, maximumWords: Int) throws(InputError) -> PositionedText {
    var words: [PositionedWord] = []
    var pages = Set<Int>()
    var lineNumber = 0
    for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      lineNumber += 1
      guard lineNumber > 1, !line.isEmpty else { continue }
      let fields = line.split(separator: UInt8(ascii: "\t"), maxSplits: 11, omittingEmptySubsequences: false)
      guard fields.count == 12, let level = Int(ascii: fields[0]), let page = Int(ascii: fields[1]) else {
        throw InputError(
          SourceLocation(file: file),
          Message(
            en: "pdftotext's tsv output line \(lineNumber) has not the 12 fields expected (poppler 0.86 or later)",
            zh: "pdftotext 的 tsv 输出第 \(lineNumber) 行不是预期的 12 个字段（需 poppler 0.86 或更新版本）"))
      }
      pages.insert(page)
      guard level == 5 else { continue }
      guard let left = Double(ascii: fields[6]), let top = Double(ascii: fields[7]), let width = Double(ascii: fields[8]),
        let height = Double(ascii: fields[9]), [left, top, width, height].allSatisfy({ $0.isFinite && abs($0) < 1e7 }),
        width >= 0, height > 0
      else { continue }
      var text = String(decoding: fields[11], as: UTF8.self)
      if text.hasSuffix("\r") { text.removeLast() }
      guard !text.isEmpty else { continue }
      words.append(PositionedWord(page: page, left: left, top: top, right: left + width, bottom: top + height, text: text))
      guard words.count <= maximumWords else {
        throw InputError(
          SourceLocation(file: file),
          Message(
            en: "the PDF holds more than \(maximumWords) words; split it into smaller files",
            zh: "该 PDF 超过 \(maximumWords) 个词；请拆分为较小的文件"))

      }
    }
    return PositionedText(words: words, pageCount: pages.count)
  }
}

extension Int {
  fileprivate init?(ascii bytes: ArraySlice<UInt8>) { self.init(String(decoding: bytes, as: UTF8.self)) }
}

extension Double {
  fileprivate init?(ascii bytes: ArraySlice<UInt8>) { self.init(String(decoding: bytes, as: UTF8.self)) }
}
