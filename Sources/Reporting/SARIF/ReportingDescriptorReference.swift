extension SARIF {
  /// §3.52 reportingDescriptorReference: points at a rule of `tool.driver.rules` by id and index.
  struct ReportingDescriptorReference: Codable, Hashable {
    var id: String
    var index: Int?
  }
}
