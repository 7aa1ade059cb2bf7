import Dispatch
import Synchronization

/// Maps a chunk on `jobs` threads and returns the results in input order: the output of a batch is
/// the same for any number of jobs.
enum OrderedParallelMap {
  static func map<Input: Sendable, Output: Sendable>(
    _ inputs: [Input], jobs: Int, _ transform: @Sendable (Input) -> Output
  ) -> [Output] {
    withoutActuallyEscaping(transform) { transform in map(inputs, jobs: jobs, worker: { transform }) }
  }

  /// `map`, each worker transforming with its own function from `worker` (made once a worker a call), which
  /// may keep state from input to input.
  static func map<Input: Sendable, Output: Sendable>(
    _ inputs: [Input], jobs: Int, worker: @Sendable () -> (Input) -> Output
  ) -> [Output] {
    let count = inputs.count
    guard jobs > 1, count > 1 else { return inputs.map(worker()) }
    let workers = min(jobs, count)
    let next = Counter()
    return inputs.withUnsafeBufferPointer { source in
      let sourceSlots = SendableInput(buffer: source)
      // The workers initialise the result's own storage: no buffer to copy (a retain and a release an output).
      return [Output](unsafeUninitializedCapacity: count) { buffer, initialized in
        let slots = SendableBuffer(buffer: buffer)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
          let transform = worker()
          // Each worker takes the next record: a worker the system pauses (the reader shares the cores)
          // does not hold back a fixed half of the chunk.
          while true {
            let index = next.value.wrappingAdd(1, ordering: .relaxed).oldValue
            guard index < count else { return }
            (slots.buffer.baseAddress! + index).initialize(to: transform(sourceSlots.buffer[index]))
          }
        }
        initialized = count
      }
    }
  }

  private final class Counter: Sendable {
    let value = Atomic<Int>(0)
  }

  /// Each worker writes only its own indices, so sharing the buffer is safe.
  private struct SendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
  }

  private struct SendableInput<Element>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>
  }
}
