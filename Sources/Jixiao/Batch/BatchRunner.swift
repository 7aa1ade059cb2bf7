import Dispatch

/// Re-scores inputs record by record: reads a chunk, decodes, scores and renders it on all cores,
/// hands the outcomes back in input order, and keeps only the summary. Memory is bounded by the chunk,
/// never by the batch.
public struct BatchRunner: Sendable {
  public enum Outcome: Sendable {
    /// `rendered` is the outcome's output as UTF-8: results stay bytes from the writer to the file.
    case result(TableResult, rendered: [UInt8])
    case rejected(InputError, rendered: [UInt8])
  }

  /// An outcome as `stream` hands it over: the result was destroyed on the worker that made it, and only
  /// its rendered output and what the summary and `--fail-on` need of it (`BatchSummary.Entry`) crossed.
  public enum RenderedOutcome: Sendable {
    case result(BatchSummary.Entry, rendered: [UInt8])
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

  /// Runs the whole batch; `handle` receives every outcome in input order, with its result, `progress` the
  /// running count. For output alone, `stream` does less on the caller's thread.
  public func run(
    inputs: [String], format: InputFormat? = nil, handle: (Outcome) -> Void, progress: ((Int) -> Void)? = nil
  ) -> BatchSummary {
    let scoring = Scoring(self) { result, rendered in
      KeptOutcome.result(result, BatchSummary.Entry(result), rendered: rendered)
    } rejected: { error, rendered in
      KeptOutcome.rejected(error, rendered: rendered)
    }
    return score(inputs: inputs, format: format, scoring: scoring, progress: progress) { summary, kept in
      switch kept {
      case .result(let result, let entry, let rendered):
        summary.add(entry)
        handle(.result(result, rendered: rendered))
      case .rejected(let error, let rendered):
        summary.add(error)
        handle(.rejected(error, rendered: rendered))
      }
    }
  }

  /// Runs the whole batch as `run` does, but each result is destroyed on the worker that scored it (the
  /// thread that allocated most of it): `handle` receives the rendered outputs in input order, each with the
  /// summary's entry for a table. What stays serial is reading, the summary and writing.
  public func stream(
    inputs: [String], format: InputFormat? = nil, handle: (RenderedOutcome) -> Void, progress: ((Int) -> Void)? = nil
  ) -> BatchSummary {
    // The workers make the outcome `handle` takes: nothing is converted (copied) on the caller's thread.
    let scoring = Scoring(self) { result, rendered in
      RenderedOutcome.result(BatchSummary.Entry(result), rendered: rendered)
    } rejected: { error, rendered in
      RenderedOutcome.rejected(error, rendered: rendered)
    }
    return score(inputs: inputs, format: format, scoring: scoring, progress: progress) { summary, outcome in
      switch outcome {
      case .result(let entry, _): summary.add(entry)
      case .rejected(let error, _): summary.add(error)
      }
      handle(outcome)
    }
  }

  /// A result as `run` hands it over, with the summary's entry its worker took from it.
  private enum KeptOutcome: Sendable {
    case result(TableResult, BatchSummary.Entry, rendered: [UInt8])
    case rejected(InputError, rendered: [UInt8])
  }

  /// What a worker makes of a record: it scores a table and renders its result or the rejection, and makes the
  /// outcome the caller takes (`Scored`). One reference for the workers' closure to hold: the scorer is lent
  /// to each table from here, not copied into a closure's context a record.
  private final class Scoring<Scored: Sendable>: Sendable {
    let scorer: Scorer
    let renderResult: @Sendable (TableResult) -> [UInt8]
    let renderRejection: @Sendable (InputError) -> [UInt8]
    let result: @Sendable (TableResult, consuming [UInt8]) -> Scored
    let rejected: @Sendable (InputError, consuming [UInt8]) -> Scored

    init(
      _ runner: BatchRunner, result: @escaping @Sendable (TableResult, consuming [UInt8]) -> Scored,
      rejected: @escaping @Sendable (InputError, consuming [UInt8]) -> Scored
    ) {
      scorer = runner.scorer
      renderResult = runner.renderResult
      renderRejection = runner.renderRejection
      self.result = result
      self.rejected = rejected
    }

    func outcome(_ record: consuming TableReader.Record) -> Scored {
      switch consume record {
      case .table(let table):
        let scored = scorer.score(consume table)
        return result(scored, renderResult(scored))
      case .rejected(let error):
        return rejected(error, renderRejection(error))
      }
    }
  }

  private func score<Scored: Sendable>(
    inputs: [String], format: InputFormat?, scoring: Scoring<Scored>, progress: ((Int) -> Void)?,
    handle: (inout BatchSummary, Scored) -> Void
  ) -> BatchSummary {
    var summary = BatchSummary()
    summary.bytesRead = Self.pipeline(
      inputs: inputs, format: format, jobs: jobs, chunkSize: chunkSize,
      transform: { record in record.decoded { scoring.outcome($0) } },
      consume: { outcomes in
        for outcome in outcomes { outcome.each { handle(&summary, $0) } }
        progress?(summary.tablesRead)
      })
    return summary
  }

  /// The decode-only floor a benchmark compares with: the same reading and decoding, on the same
  /// workers, without scoring or rendering. Returns the tables decoded, the records rejected, and bytes read.
  public static func decodeOnly(inputs: [String], format: InputFormat? = nil, jobs: Int, chunkSize: Int = 256)
    -> (tables: Int, rejected: Int, bytes: Int)
  {
    var tables = 0
    var rejected = 0
    let bytes = pipeline(
      inputs: inputs, format: format, jobs: max(1, jobs), chunkSize: max(1, chunkSize),
      transform: { record in
        record.decoded { decoded -> Bool in
          if case .table = decoded { return true }
          return false
        }
      },
      consume: { outcomes in
        for outcome in outcomes {
          outcome.each { isTable in
            if isTable { tables += 1 } else { rejected += 1 }
          }
        }
      })
    return (tables, rejected, bytes)
  }

  /// Reads records in chunks and maps each chunk on the workers; the caller's thread reads the next
  /// chunk and consumes the previous one (in input order) while the workers map the current one, so
  /// reading and writing do not leave cores idle. With one job everything runs on the caller's thread, each
  /// record transformed as it is read (a chunk of records would copy each one out to transform it), its
  /// outputs consumed a chunk at a time as with more jobs. Returns the bytes read.
  private static func pipeline<Output: Sendable>(
    inputs: [String], format: InputFormat?, jobs: Int, chunkSize: Int,
    transform: @escaping @Sendable (RawRecord) -> RecordOutputs<Output>,
    consume: ([RecordOutputs<Output>]) -> Void
  ) -> Int {
    var bytes = 0
    if jobs == 1 {
      var outputs: [RecordOutputs<Output>] = []
      outputs.reserveCapacity(chunkSize)
      for input in inputs {
        bytes += RecordReader(path: input, format: format, jobs: jobs).read { record in
          outputs.append(transform(record))
          guard outputs.count >= chunkSize else { return }
          consume(outputs)
          outputs.removeAll(keepingCapacity: true)
        }
      }
      if !outputs.isEmpty { consume(outputs) }
      return bytes
    }
    var chunk: [RawRecord] = []
    chunk.reserveCapacity(chunkSize)
    var inFlight: InFlight<RecordOutputs<Output>>?
    func finishInFlight() {
      guard let flight = inFlight else { return }
      inFlight = nil
      consume(flight.wait())
    }
    func drain() {
      guard !chunk.isEmpty else { return }
      let work = chunk
      chunk = []
      chunk.reserveCapacity(chunkSize)
      let next = InFlight(work, jobs: jobs, transform)
      finishInFlight()
      inFlight = next
    }
    for input in inputs {
      bytes += RecordReader(path: input, format: format, jobs: jobs).read { record in
        chunk.append(record)
        if chunk.count >= chunkSize { drain() }
      }
    }
    drain()
    finishInFlight()
    return bytes
  }
}

/// A chunk being mapped on the workers while the caller's thread goes on.
private final class InFlight<Output: Sendable>: @unchecked Sendable {
  private let group = DispatchGroup()
  // Written once by the worker before `leave`, read after `wait`: the group orders the two.
  private var outputs: [Output] = []

  init(_ records: [RawRecord], jobs: Int, _ transform: @escaping @Sendable (RawRecord) -> Output) {
    group.enter()
    DispatchQueue.global().async { [self] in
      outputs = OrderedParallelMap.map(records, jobs: jobs, transform)
      group.leave()
    }
  }

  /// The outputs, handed over: the caller's is their only reference.
  func wait() -> [Output] {
    group.wait()
    defer { outputs = [] }
    return outputs
  }
}
