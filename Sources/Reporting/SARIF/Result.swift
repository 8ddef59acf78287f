extension SARIF {
  /// §3.27 result: one finding.
  struct Result: Codable, Hashable {
    var ruleId: String
    var ruleIndex: Int
    var level: String
    var message: Message
    var locations: [Location]?
    var relatedLocations: [Location]?
    var partialFingerprints: [String: String]
    var suppressions: [Suppression]?
    var baselineState: String?
  }
}
