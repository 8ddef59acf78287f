extension SARIF {
  /// §3.8 propertyBag: a rule's tags and GitHub code scanning's `security-severity` ("9.0").
  struct PropertyBag: Codable, Hashable {
    var tags: [String]?
    var securitySeverity: String?

    enum CodingKeys: String, CodingKey {
      case tags
      case securitySeverity = "security-severity"
    }
  }
}
