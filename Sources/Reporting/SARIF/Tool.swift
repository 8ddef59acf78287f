extension SARIF {
  /// §3.18 tool: the analysis tool, described by its driver component.
  struct Tool: Codable, Hashable {
    var driver: ToolComponent
  }
}
