extension SARIF {
  /// §3.19 toolComponent: orglint itself, with every rule in force.
  struct ToolComponent: Codable, Hashable {
    var name: String
    var version: String?
    var semanticVersion: String?
    var informationUri: String?
    var rules: [ReportingDescriptor]
  }
}
