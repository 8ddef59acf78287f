/// Suggests the closest of some candidates for a misspelled name ("did you mean 'email'?").
public enum DidYouMean {
  /// The candidate nearest to `word` by edit distance (case-insensitive), if it is close enough to be a likely typo.
  public static func suggestion<S: Sequence>(for word: String, among candidates: S) -> String?
  where S.Element == String {
    let target = Array(word.lowercased().unicodeScalars)
    var best: (String, Int)?
    for candidate in candidates {
      let c = Array(candidate.lowercased().unicodeScalars)
      let d = distance(target, c)
      let limit = max(1, min(3, max(target.count, c.count) / 3))
      if d <= limit, best == nil || d < best!.1 || (d == best!.1 && candidate < best!.0) {
        best = (candidate, d)
      }
    }
    return best?.0
  }

  /// The suggestion when no other candidate is as near: the one name a fix may safely rename `word` to.
  public static func onlySuggestion<S: Sequence>(for word: String, among candidates: S) -> String?
  where S.Element == String {
    guard let best = suggestion(for: word, among: candidates) else { return nil }
    let target = Array(word.lowercased().unicodeScalars)
    let d = distance(target, Array(best.lowercased().unicodeScalars))
    let rivals = candidates.filter { $0 != best && distance(target, Array($0.lowercased().unicodeScalars)) == d }
    return rivals.isEmpty ? best : nil
  }

  /// `"; did you mean 'x'?"` (to append to a message), or an empty string when nothing is close.
  public static func hint<S: Sequence>(for word: String, among candidates: S) -> String where S.Element == String {
    suggestion(for: word, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
  }

  /// Damerau–Levenshtein distance (optimal string alignment) between two scalar arrays.
  static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev2 = [Int](repeating: 0, count: b.count + 1)
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      cur[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          cur[j] = min(cur[j], prev2[j - 2] + 1)
        }
      }
      (prev2, prev, cur) = (prev, cur, prev2)
    }
    return prev[b.count]
  }
}
