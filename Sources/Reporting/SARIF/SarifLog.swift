extension SARIF {
  /// §3.13 sarifLog: the top-level object.
  struct SarifLog: Codable, Hashable {
    var schema = SARIF.schemaURI
    var version = SARIF.version
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
      case schema = "$schema"
      case version, runs
    }
  }
}
