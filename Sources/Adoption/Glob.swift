/// A path glob, as `.orglint.yaml`'s `include`, `exclude` and central `path:` targets write them: `*` (any
/// characters but `/`), `**` (any characters, `/` included; `**/` also matches no folder at all), `?` (one character
/// but `/`), `[abc]`, `[a-z]`, `[!a-z]` / `[^a-z]`; `\` escapes the next character.
///
/// Paths are relative to the config file's folder, `/`-separated. A glob that matches a folder matches everything
/// under it (`org/archive` excludes `org/archive/x.yaml`). Matching simulates the pattern as an automaton: time is
/// O(pattern × path), never exponential.
public struct Glob: Hashable, Sendable, CustomStringConvertible {
  enum Token: Hashable, Sendable {
    case literal(Unicode.Scalar)
    case any
    /// `*`: any run of characters other than `/`.
    case star
    /// `**`: any run of characters.
    case globstar
    /// `**/`: nothing, or any run of characters ending with `/`.
    case folders
    case set([ClosedRange<Unicode.Scalar>], negated: Bool)
  }

  public let pattern: String
  let tokens: [Token]

  /// Compiles `pattern`; fails when a `[` is never closed.
  public static func compile(_ pattern: String) -> Result<Glob, GlobError> {
    var text = Substring(pattern)
    while text.hasPrefix("./") { text = text.dropFirst(2) }
    let s = Array(text.unicodeScalars)
    var tokens: [Token] = []
    var i = 0
    while i < s.count {
      switch s[i] {
      case "*":
        if i + 1 < s.count, s[i + 1] == "*" {
          var j = i + 2
          while j < s.count, s[j] == "*" { j += 1 }
          let wholeSegment = (i == 0 || s[i - 1] == "/") && j < s.count && s[j] == "/"
          if wholeSegment {
            tokens.append(.folders)
            i = j + 1
          } else {
            tokens.append(.globstar)
            i = j
          }
        } else {
          tokens.append(.star)
          i += 1
        }
      case "?":
        tokens.append(.any)
        i += 1
      case "[":
        guard let (token, next) = parseSet(s, from: i) else {
          return .failure(GlobError(pattern: pattern, reason: "'[' at character \(i + 1) is never closed with ']'"))
        }
        tokens.append(token)
        i = next
      case "\\" where i + 1 < s.count:
        tokens.append(.literal(s[i + 1]))
        i += 2
      default:
        tokens.append(.literal(s[i]))
        i += 1
      }
    }
    if text.hasSuffix("/") { tokens.append(.globstar) }
    return .success(Glob(pattern: pattern, tokens: tokens))
  }

  /// A set `[...]` starting at `s[start]`: the token and the index after `]`, or nil when it is not closed.
  private static func parseSet(_ s: [Unicode.Scalar], from start: Int) -> (Token, Int)? {
    var i = start + 1
    var negated = false
    if i < s.count, s[i] == "!" || s[i] == "^" {
      negated = true
      i += 1
    }
    var ranges: [ClosedRange<Unicode.Scalar>] = []
    var first = true
    while i < s.count {
      if s[i] == "]", !first { return (.set(ranges, negated: negated), i + 1) }
      first = false
      var lo = s[i]
      if lo == "\\", i + 1 < s.count {
        i += 1
        lo = s[i]
      }
      if i + 2 < s.count, s[i + 1] == "-", s[i + 2] != "]" {
        let hi = s[i + 2]
        ranges.append(lo <= hi ? lo...hi : hi...lo)
        i += 3
      } else {
        ranges.append(lo...lo)
        i += 1
      }
    }
    return nil
  }

  public var description: String { pattern }

  /// True when the glob matches `path` or one of the folders it is in.
  public func matches(_ path: String) -> Bool {
    var p = Substring(path)
    while p.hasPrefix("./") { p = p.dropFirst(2) }
    let s = Array(p.unicodeScalars)
    if matchesWhole(s[...]) { return true }
    for (i, c) in s.enumerated() where c == "/" && i > 0 {
      if matchesWhole(s[..<i]) { return true }
    }
    return false
  }

  /// Runs the automaton over `s`: the set of pattern positions reachable after each character.
  func matchesWhole(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
    var current = [Bool](repeating: false, count: tokens.count + 1)
    var next = current
    current[0] = true
    close(&current)
    for c in s {
      for k in next.indices { next[k] = false }
      var any = false
      for k in 0..<tokens.count where current[k] {
        switch tokens[k] {
        case .literal(let l):
          if l == c { next[k + 1] = true }
        case .any:
          if c != "/" { next[k + 1] = true }
        case .star:
          if c != "/" { next[k] = true }
        case .globstar:
          next[k] = true
        case .folders:
          next[k] = true
          if c == "/" { next[k + 1] = true }
        case .set(let ranges, let negated):
          if c != "/", ranges.contains(where: { $0.contains(c) }) != negated { next[k + 1] = true }
        }
      }
      close(&next)
      for k in next.indices where next[k] { any = true }
      if !any { return false }
      swap(&current, &next)
    }
    return current[tokens.count]
  }

  /// Adds the positions reachable without consuming a character (past `*`, `**` and `**/`).
  private func close(_ states: inout [Bool]) {
    for k in 0..<tokens.count where states[k] {
      switch tokens[k] {
      case .star, .globstar, .folders: states[k + 1] = true
      default: break
      }
    }
  }
}

/// A glob that cannot be compiled.
public struct GlobError: Error, Hashable, Sendable {
  public let pattern: String
  public let reason: String
}
