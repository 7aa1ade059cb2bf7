/// Why a DEFLATE stream (RFC 1951) could not be decoded, and the byte of the compressed input where
/// that was found.
public struct InflateError: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Reason: Sendable, Hashable {
    /// The input ended inside a block (or before the final block).
    case truncated
    /// Block type 3, which RFC 1951 reserves.
    case reservedBlockType
    /// A stored block whose length and its complement disagree.
    case storedLengthMismatch
    /// More than 286 literal/length or 30 distance codes declared.
    case tooManyCodes
    /// A Huffman code that assigns more codes than its lengths allow, or leaves some unassigned where
    /// RFC 1951 does not allow it; `table` names which of the three.
    case invalidCodeLengths(table: String)
    /// Code-length symbol 16 (repeat the previous length) as the first length.
    case repeatWithoutPrevious
    /// Code-length repeats that run past the declared number of codes.
    case codeLengthsOverrun
    /// A literal/length code without the end-of-block symbol 256.
    case missingEndOfBlock
    /// Bits that match no code, or the reserved symbols 286, 287 (lengths) and 30, 31 (distances).
    case invalidSymbol
    /// A back-reference to before the start of the output.
    case distanceTooFarBack
    /// The output would exceed the limit the caller set.
    case outputLimitExceeded(limit: Int)
  }

  public var reason: Reason
  /// Offset in the compressed input (bytes from its start) where the error was found.
  public var offset: Int

  public init(_ reason: Reason, offset: Int) {
    self.reason = reason
    self.offset = offset
  }

  public var message: Message {
    let what: Message
    switch reason {
    case .truncated: what = Message(en: "the compressed data ends before its last block", zh: "压缩数据在最后一个块之前结束")
    case .reservedBlockType: what = Message(en: "a block has the reserved type 3", zh: "有块使用了保留类型 3")
    case .storedLengthMismatch:
      what = Message(en: "a stored block's length does not match its complement", zh: "未压缩块的长度与其补码不符")
    case .tooManyCodes:
      what = Message(
        en: "a block declares more than 286 length or 30 distance codes", zh: "有块声明的长度码超过 286 个或距离码超过 30 个")
    case .invalidCodeLengths(let table):
      what = Message(
        en: "the \(table) code lengths do not form a valid Huffman code", zh: "\(table) 码长不构成有效的霍夫曼编码")
    case .repeatWithoutPrevious: what = Message(en: "a code-length repeat has no previous length", zh: "码长重复之前没有码长")
    case .codeLengthsOverrun:
      what = Message(en: "the code lengths run past the number of codes declared", zh: "码长超出了所声明的码数")
    case .missingEndOfBlock: what = Message(en: "a block has no end-of-block code", zh: "有块没有块结束码")
    case .invalidSymbol: what = Message(en: "the data holds a code that is not defined", zh: "数据中有未定义的编码")
    case .distanceTooFarBack:
      what = Message(en: "a back-reference points before the start of the data", zh: "有回溯引用指向数据开头之前")
    case .outputLimitExceeded(let limit):
      what = Message(en: "the data inflates to more than \(limit) bytes", zh: "数据解压后超过 \(limit) 字节")
    }
    return what + Message(en: " (compressed byte \(offset))", zh: "（压缩数据第 \(offset) 字节）")
  }

  public var description: String { message.english }

}
