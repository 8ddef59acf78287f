import Dispatch
import Synchronization

/// A bounded hand-off of event batches from the parsing thread to the building thread.
final class BatchChannel: Sendable {
  /// Batches sent and not yet received (at most 16), oldest first. A received batch leaves the queue at once, so
  /// that its events are freed as soon as the builder has consumed them.
  private let queue = Mutex<(batches: [EventBatch], closed: Bool)>(([], false))
  private let available = DispatchSemaphore(value: 0)
  private let slots = DispatchSemaphore(value: 16)

  /// Blocks while 16 batches wait unread.
  func send(_ batch: EventBatch) {
    slots.wait()
    queue.withLock { $0.batches.append(batch) }
    available.signal()
  }

  func close() {
    queue.withLock { $0.closed = true }
    available.signal()
  }

  /// The next batch, or nil once the sender has closed and everything was read.
  func receive() -> EventBatch? {
    available.wait()
    let batch: EventBatch? = queue.withLock { q in q.batches.isEmpty ? nil : q.batches.removeFirst() }
    if batch != nil { slots.signal() }
    return batch
  }
}

/// The file's bytes, read by the parsing thread while the calling thread waits for it to finish.
struct SendableBuffer: @unchecked Sendable {
  let buffer: UnsafeBufferPointer<UInt8>
}
