import Dispatch
import Foundation

/// Runs lints on a thread of its own, one at a time, so the reader never waits for one. Requests coalesce: a lint
/// asked for while one runs makes exactly one more run afterwards, on the newest text. An idle worker starts at
/// once, so a single edit is linted without delay and a burst of typing costs one lint per lint's duration.
final class LintWorker: @unchecked Sendable {
  private let lock = NSLock()
  private var running = false
  private var pending = false
  private let queue = DispatchQueue(label: "orglint.server.lint")
  private let work: @Sendable () -> Void

  /// `work` takes its own snapshot of the documents when it starts.
  init(work: @escaping @Sendable () -> Void) { self.work = work }

  func request() {
    let start: Bool = lock.withLock {
      pending = true
      if running { return false }
      running = true
      return true
    }
    if start { queue.async { self.loop() } }
  }

  private func loop() {
    while true {
      let go: Bool = lock.withLock {
        if !pending {
          running = false
          return false
        }
        pending = false
        return true
      }
      if !go { return }
      work()
    }
  }
}
