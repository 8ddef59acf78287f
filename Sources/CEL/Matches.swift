import Foundation

/// `matches` over the RE2 engine (Sources/CEL/Regex): constant patterns are compiled once when the expression is
/// compiled; dynamic patterns go through a small shared cache. Matching time is linear in the text.
enum Matches {
  /// Compiled dynamic patterns, dropped wholesale when full (bounded memory, no eviction bookkeeping).
  /// (An NSLock: dynamic patterns are rare, so the lock is not hot.)
  private final class Cache: @unchecked Sendable {
    let lock = NSLock()
    var entries: [String: RE2Regex] = [:]
  }
  private static let cache = Cache()
  private static let cacheLimit = 64

  static func regex(_ pattern: String) -> Result<RE2Regex, CELError> {
    if let r = cache.lock.withLock({ cache.entries[pattern] }) { return .success(r) }
    do {
      let r = try RE2Regex(pattern)
      cache.lock.withLock {
        if cache.entries.count >= cacheLimit { cache.entries.removeAll(keepingCapacity: true) }
        cache.entries[pattern] = r
      }
      return .success(r)
    } catch {
      return .failure(CELError("invalid regular expression '\(pattern)': \(error)"))
    }
  }

  /// The run-time `matches` for any pattern.
  static func dynamic(_ s: CELValue, _ p: CELValue) -> CELValue {
    guard case .string(let text) = s, case .string(let pattern) = p else { return noSuchOverload("matches", [s, p]) }
    switch regex(pattern) {
    case .success(let r): return .bool(r.containsMatch(in: text))
    case .failure(let e): return .error(e)
    }
  }

  /// `matches` with a pattern compiled ahead of time.
  static func constant(_ regex: RE2Regex) -> @Sendable (CELValue) -> CELValue {
    { s in
      guard case .string(let text) = s else { return noSuchOverload("matches", [s, .string(regex.pattern)]) }
      return .bool(regex.containsMatch(in: text))
    }
  }
}
