extension SARIF {
  /// §3.20 invocation: how the run went (exit code, configuration problems, overrides from the config file).
  struct Invocation: Codable, Hashable {
    var executionSuccessful: Bool
    var exitCode: Int
    var ruleConfigurationOverrides: [ConfigurationOverride]?
    var toolConfigurationNotifications: [Notification]?
    var toolExecutionNotifications: [Notification]?
  }
}
