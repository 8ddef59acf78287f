extension SARIF {
  /// §3.4 artifactLocation: a file, as a URI (relative ones resolved against `uriBaseId`).
  struct ArtifactLocation: Codable, Hashable {
    var uri: String?
    var uriBaseId: String?
    var description: Message?
  }
}
