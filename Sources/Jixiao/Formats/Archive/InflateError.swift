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

  public var description: String {
    let what: String
    switch reason {
    case .truncated: what = "the compressed data ends before its last block"
    case .reservedBlockType: what = "a block has the reserved type 3"
    case .storedLengthMismatch: what = "a stored block's length does not match its complement"
    case .tooManyCodes: what = "a block declares more than 286 length or 30 distance codes"
    case .invalidCodeLengths(let table): what = "the \(table) code lengths do not form a valid Huffman code"
    case .repeatWithoutPrevious: what = "a code-length repeat has no previous length"
    case .codeLengthsOverrun: what = "the code lengths run past the number of codes declared"
    case .missingEndOfBlock: what = "a block has no end-of-block code"
    case .invalidSymbol: what = "the data holds a code that is not defined"
    case .distanceTooFarBack: what = "a back-reference points before the start of the data"
    case .outputLimitExceeded(let limit): what = "the data inflates to more than \(limit) bytes"
    }
    return "\(what) (compressed byte \(offset))"
  }
}
