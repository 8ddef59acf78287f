/// A parse or type-check error of a CEL expression, located by code-point `offset` into the expression text and by
/// 1-based `line`:`column` (code points) within it.
public struct CELCompileError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String
  public var offset: Int
  /// 1-based line within the expression (0 until `locate(in:)` fills it).
  public var line = 0
  /// 1-based column within the expression, in code points (0 until `locate(in:)` fills it).
  public var column = 0

  public init(_ message: String, at offset: Int) {
    self.message = message
    self.offset = offset
  }

  /// Fills `line` and `column` from the expression text.
  mutating func locate(in scalars: [Unicode.Scalar]) {
    var line = 1
    var column = 1
    for k in 0..<min(offset, scalars.count) {
      if scalars[k] == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    self.line = line
    self.column = column
  }

  /// `line:column: message`.
  public var description: String { "\(line):\(column): \(message)" }
}
