extension SARIF {
  /// §3.51 configurationOverride: a rule configuration the config file changed for this run.
  struct ConfigurationOverride: Codable, Hashable {
    var configuration: ReportingConfiguration
    var descriptor: ReportingDescriptorReference
  }
}
