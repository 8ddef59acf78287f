extension SARIF {
  /// §3.12 multiformatMessageString: text with an optional Markdown rendering (rule descriptions and help).
  struct MultiformatMessageString: Codable, Hashable {
    var text: String
    var markdown: String?
  }
}
