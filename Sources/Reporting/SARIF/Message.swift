extension SARIF {
  /// §3.11 message: plain text shown to the user.
  struct Message: Codable, Hashable {
    var text: String
  }
}
