extension SARIF {
  /// §3.14 run: one invocation of one tool, its rules and its results.
  struct Run: Codable, Hashable {
    var tool: Tool
    var invocations: [Invocation]
    var automationDetails: RunAutomationDetails?
    var originalUriBaseIds: [String: ArtifactLocation]
    /// §3.14.26: columns count Unicode code points, as orglint's locations do.
    var columnKind = "unicodeCodePoints"
    var results: [Result]
  }
}
