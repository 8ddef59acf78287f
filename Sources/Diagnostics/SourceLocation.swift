/// A position in a source file: 1-based line, 1-based column counted in Unicode code points (as libyaml and
/// SARIF's `unicodeCodePoints` count them), and the 0-based byte offset into the file's bytes.
public struct SourceLocation: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  public var line: Int
  public var column: Int
  public var offset: Int

  public init(line: Int, column: Int, offset: Int) {
    self.line = line
    self.column = column
    self.offset = offset
  }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.line, lhs.column, lhs.offset) < (rhs.line, rhs.column, rhs.offset)
  }

  /// `line:column`, the form findings and rule examples use.
  public var description: String { "\(line):\(column)" }
}

/// A span of a source file from `start` (inclusive) to `end` (exclusive).
public struct SourceRange: Hashable, Sendable, Codable {
  public var start: SourceLocation
  public var end: SourceLocation

  public init(start: SourceLocation, end: SourceLocation) {
    self.start = start
    self.end = end
  }

  /// An empty range at one location.
  public init(at location: SourceLocation) {
    self.init(start: location, end: location)
  }
}
