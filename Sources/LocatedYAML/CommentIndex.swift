/// The comments of a file by line (libyaml drops comments, so the reader finds them between scalars).
public struct CommentIndex: Sendable {
  /// One `# …` comment: its 1-based line and column and its text after `#`, trimmed.
  public struct Comment: Hashable, Sendable {
    public let line: Int
    public let column: Int
    public let text: String
  }

  /// Comments in file order.
  public internal(set) var comments: [Comment] = []

  public init() {}

  /// The comment on `line`, if any.
  public func comment(onLine line: Int) -> Comment? {
    var lo = 0
    var hi = comments.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if comments[mid].line < line { lo = mid + 1 } else { hi = mid }
    }
    return lo < comments.count && comments[lo].line == line ? comments[lo] : nil
  }
}
