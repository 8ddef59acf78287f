extension SARIF {
  /// §3.50 reportingConfiguration: a rule's level and whether it is enabled.
  struct ReportingConfiguration: Codable, Hashable {
    var enabled: Bool?
    var level: String?
  }
}
