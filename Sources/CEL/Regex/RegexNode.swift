/// A zero-width assertion: a condition on the scalars before and after the current position.
enum RegexAssertion: Int32, Sendable {
  /// `\A`, or `^` without `(?m)`.
  case beginText
  /// `\z`, or `$` without `(?m)`.
  case endText
  /// `^` with `(?m)`: at the start of the text or after a newline.
  case beginLine
  /// `$` with `(?m)`: at the end of the text or before a newline.
  case endLine
  /// `\b`: between an ASCII word character and a non-word character (or an end of the text).
  case wordBoundary
  /// `\B`: not at a word boundary.
  case notWordBoundary

  /// Whether the assertion holds between `previous` and `next` (-1 stands for an end of the text).
  @inline(__always)
  func holds(previous: Int32, next: Int32) -> Bool {
    switch self {
    case .beginText: return previous < 0
    case .endText: return next < 0
    case .beginLine: return previous < 0 || previous == 0x0A
    case .endLine: return next < 0 || next == 0x0A
    case .wordBoundary: return Self.isWord(previous) != Self.isWord(next)
    case .notWordBoundary: return Self.isWord(previous) == Self.isWord(next)
    }
  }

  /// Whether `scalar` is an ASCII word character `[0-9A-Za-z_]` (RE2's `\b` is ASCII-only).
  @inline(__always)
  static func isWord(_ scalar: Int32) -> Bool {
    (scalar >= 0x30 && scalar <= 0x39) || (scalar >= 0x41 && scalar <= 0x5A) || (scalar >= 0x61 && scalar <= 0x7A)
      || scalar == 0x5F
  }
}

/// The parsed form of a pattern; groups have been dissolved since only a boolean match is needed.
indirect enum RegexNode: Sendable {
  /// Matches the empty string.
  case empty
  /// One Unicode scalar.
  case scalar(UInt32)
  /// One scalar of a class, by index in the parser's class table.
  case set(Int)
  /// `.` with `(?s)`, or `\C`.
  case anyScalar
  /// `.` without `(?s)`.
  case anyButNewline
  /// A zero-width assertion.
  case assertion(RegexAssertion)
  /// The parts in sequence.
  case concat([RegexNode])
  /// Any one of the branches.
  case alternate([RegexNode])
  /// `min` to `max` (nil: unbounded) repetitions; `offset` is where the repeated expression starts in the pattern.
  case repetition(RegexNode, min: Int, max: Int?, offset: Int)
}
