extension SARIF {
  /// §3.33 logicalLocation: the model entity a finding is about (`organization/o-…/account/…/root/password`).
  struct LogicalLocation: Codable, Hashable {
    var fullyQualifiedName: String
  }
}
