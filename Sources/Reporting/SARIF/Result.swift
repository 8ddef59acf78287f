extension SARIF {
  /// §3.27 result: one finding, or (`kind: "open"`, `level: "none"`) one check that could not be judged.
  struct Result: Codable, Hashable {
    var ruleId: String
    var ruleIndex: Int
    /// §3.27.9: nil means `fail`; `open` for a check not judged.
    var kind: String?
    var level: String
    var message: Message
    var locations: [Location]?
    var relatedLocations: [Location]?
    var partialFingerprints: [String: String]
    var suppressions: [Suppression]?
    var baselineState: String?
  }
}
