extension SARIF {
  /// §3.17 runAutomationDetails: identifies the run's category (code scanning's `category`).
  struct RunAutomationDetails: Codable, Hashable {
    var id: String
  }
}
