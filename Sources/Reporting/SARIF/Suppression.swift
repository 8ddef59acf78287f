extension SARIF {
  /// §3.35 suppression: why a result is not counted (an in-source comment or the config's central list).
  struct Suppression: Codable, Hashable {
    var kind: String
    var status = "accepted"
    var justification: String?
    var location: Location?
  }
}
