extension SARIF {
  /// §3.58 notification: a problem with the run itself (a bad config or rule file, truncated results).
  struct Notification: Codable, Hashable {
    var level: String
    var message: Message
    var locations: [Location]?
    var associatedRule: ReportingDescriptorReference?
  }
}
