extension SARIF {
  /// §3.29 physicalLocation: a file and a region of it.
  struct PhysicalLocation: Codable, Hashable {
    var artifactLocation: ArtifactLocation
    var region: Region?
  }
}
