extension SARIF {
  /// §3.49 reportingDescriptor: one rule's metadata.
  struct ReportingDescriptor: Codable, Hashable {
    var id: String
    var name: String?
    var shortDescription: MultiformatMessageString?
    var fullDescription: MultiformatMessageString?
    var help: MultiformatMessageString?
    var helpUri: String?
    var defaultConfiguration: ReportingConfiguration?
    var properties: PropertyBag?
  }
}
