/// A compiled RE2-syntax regular expression matched in time linear in the input (no backtracking).
///
/// The pattern is parsed with RE2's syntax and rules (see `RegexParser`), compiled to a small Thompson NFA
/// (`RegexProgram`) and run by a Pike VM without captures (`PikeVM`): matching costs O(program size × input length)
/// whatever the pattern, so no input can make it hang. Matching works on the Unicode scalars of the text.
public final class RE2Regex: Sendable {
  /// The pattern as written.
  public let pattern: String
  let program: RegexProgram

  /// Parses and compiles `pattern`; throws `RE2Error` where RE2 would reject the pattern.
  public init(_ pattern: String) throws {
    self.pattern = pattern
    var parser = RegexParser(pattern)
    let node = try parser.parse()
    program = try RegexCompiler.compile(node, classes: parser.classes)
  }

  /// Whether the pattern matches somewhere in `text` (an unanchored search, like `RE2::PartialMatch`).
  public func containsMatch(in text: String) -> Bool {
    PikeVM.containsMatch(program, in: text)
  }
}

/// Why a pattern is not a valid RE2 regular expression, and where.
public struct RE2Error: Error, CustomStringConvertible, Sendable, Equatable {
  /// What is wrong, in RE2's words with the offending fragment, e.g. "invalid escape sequence: \1".
  public let message: String
  /// The 0-based offset, in Unicode code points, of the offending construct in the pattern.
  public let offset: Int

  /// Creates an error for the construct at code-point `offset`.
  public init(_ message: String, offset: Int) {
    self.message = message
    self.offset = offset
  }

  /// The message with its offset, e.g. "invalid escape sequence: \1 (at offset 3)".
  public var description: String { "\(message) (at offset \(offset))" }
}
