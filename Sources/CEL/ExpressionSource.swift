import Diagnostics

/// An expression's text and where each of its lines starts in the file it came from, to turn positions inside
/// the expression (`CELCompileError.line`/`column`) into file locations. Assumes each expression line appears
/// verbatim in the file from its start (true for plain scalars, block scalars and escape-free quoted scalars).
public struct ExpressionSource: Sendable {
  public let text: String
  /// For each line of `text` (split at "\n"), the file location of its first character.
  public let lineStarts: [SourceLocation]
  private let lines: [[Unicode.Scalar]]

  public init(text: String, lineStarts: [SourceLocation]) {
    self.text = text
    self.lineStarts = lineStarts
    lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
  }

  /// A one-line expression whose first character is at `start` (e.g. a plain or quoted scalar's content).
  public init(text: String, start: SourceLocation) {
    self.init(text: text, lineStarts: [start])
  }

  /// A block scalar (`|` or `>`): expression line k is file line `firstLine + k`, starting after `indent` columns.
  public init(blockScalar text: String, in file: SourceFile, firstLine: Int, indent: Int) {
    let count = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).count
    let starts = (0..<count).map { k in
      SourceLocation(
        line: firstLine + k, column: indent + 1, offset: file.byteOffset(line: firstLine + k, column: indent + 1))
    }
    self.init(text: text, lineStarts: starts)
  }

  /// The file location of a 1-based expression `line`:`column` (code points).
  public func fileLocation(line: Int, column: Int) -> SourceLocation {
    guard !lineStarts.isEmpty else { return SourceLocation(line: line, column: column, offset: 0) }
    let k = min(max(line, 1), lineStarts.count) - 1
    let base = lineStarts[k]
    let scalars = k < lines.count ? lines[k] : []
    let n = min(max(column - 1, 0), scalars.count)
    var bytes = 0
    for u in scalars[..<n] { bytes += UTF8.width(u) }
    return SourceLocation(line: base.line, column: base.column + (column - 1), offset: base.offset + bytes)
  }

  /// Where a compile error points in the file.
  public func fileLocation(of error: CELCompileError) -> SourceLocation {
    fileLocation(line: error.line, column: error.column)
  }
}
