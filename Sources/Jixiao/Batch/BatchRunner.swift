/// Re-scores inputs record by record: reads a chunk, decodes, scores and renders it on all cores,
/// hands the outcomes back in input order, and keeps only the summary. Memory is bounded by the chunk,
/// never by the batch.
public struct BatchRunner: Sendable {
  public enum Outcome: Sendable {
    /// `rendered` is the outcome's output as UTF-8: results stay bytes from the writer to the file.
    case result(TableResult, rendered: [UInt8])
    case rejected(InputError, rendered: [UInt8])
  }

  public let scorer: Scorer
  public let jobs: Int
  public let chunkSize: Int
  private let renderResult: @Sendable (TableResult) -> [UInt8]
  private let renderRejection: @Sendable (InputError) -> [UInt8]

  /// `render…` turn an outcome into its output text; they run on the workers.
  public init(
    scorer: Scorer, jobs: Int, chunkSize: Int = 256,
    renderResult: @escaping @Sendable (TableResult) -> [UInt8] = { _ in [] },
    renderRejection: @escaping @Sendable (InputError) -> [UInt8] = { _ in [] }
  ) {
    self.scorer = scorer
    self.jobs = max(1, jobs)
    self.chunkSize = max(1, chunkSize)
    self.renderResult = renderResult
    self.renderRejection = renderRejection
  }

  /// Runs the whole batch; `handle` receives every outcome in input order, `progress` the running count.
  public func run(
    inputs: [String], format: InputFormat? = nil, handle: (Outcome) -> Void, progress: ((Int) -> Void)? = nil
  ) -> BatchSummary {
    var summary = BatchSummary()
    var chunk: [RawRecord] = []
    chunk.reserveCapacity(chunkSize)
    func drain() {
      guard !chunk.isEmpty else { return }
      let scorer = self.scorer
      let renderResult = self.renderResult
      let renderRejection = self.renderRejection
      let outcomes = OrderedParallelMap.map(chunk, jobs: jobs) { record -> [Outcome] in
        record.decode().map { decoded in
          switch decoded {
          case .table(let table):
            let result = scorer.score(table)
            return .result(result, rendered: renderResult(result))
          case .rejected(let error):
            return .rejected(error, rendered: renderRejection(error))
          }
        }
      }
      chunk.removeAll(keepingCapacity: true)
      for group in outcomes {
        for outcome in group {
          switch outcome {
          case .result(let result, _): summary.add(result)
          case .rejected(let error, _): summary.add(error)
          }
          handle(outcome)
        }
      }
      progress?(summary.tablesRead)
    }
    for input in inputs {
      let reader = RecordReader(path: input, format: format)
      summary.bytesRead += reader.read { record in
        chunk.append(record)
        if chunk.count >= chunkSize { drain() }
      }
    }
    drain()
    return summary
  }

  /// The decode-only floor a benchmark compares with: the same reading and decoding, on the same
  /// workers, without scoring or rendering. Returns the tables decoded, the records rejected, and bytes read.
  public static func decodeOnly(inputs: [String], format: InputFormat? = nil, jobs: Int, chunkSize: Int = 256)
    -> (tables: Int, rejected: Int, bytes: Int)
  {
    var tables = 0
    var rejected = 0
    var bytes = 0
    var chunk: [RawRecord] = []
    func drain() {
      let counts = OrderedParallelMap.map(chunk, jobs: jobs) { record -> (Int, Int) in
        record.decode().reduce(into: (0, 0)) { counts, decoded in
          if case .table = decoded { counts.0 += 1 } else { counts.1 += 1 }
        }
      }
      for (decoded, failed) in counts {
        tables += decoded
        rejected += failed
      }
      chunk.removeAll(keepingCapacity: true)
    }
    for input in inputs {
      bytes += RecordReader(path: input, format: format).read { record in
        chunk.append(record)
        if chunk.count >= chunkSize { drain() }
      }
    }
    drain()
    return (tables, rejected, bytes)
  }
}
