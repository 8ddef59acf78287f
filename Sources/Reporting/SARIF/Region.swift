extension SARIF {
  /// §3.30 region: 1-based lines and code-point columns; `endColumn` is exclusive.
  struct Region: Codable, Hashable {
    var startLine: Int
    var startColumn: Int?
    var endLine: Int?
    var endColumn: Int?
  }
}
