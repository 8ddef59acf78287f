import Diagnostics

/// A rule whose configuration the config file changes: a different severity, or `off`.
public struct RuleOverride: Hashable, Sendable {
  public var ruleId: String
  /// The severity the config sets; nil when it only turns the rule off (or changes only params).
  public var severity: Severity?
  /// False when the config turns the rule off.
  public var enabled: Bool

  public init(ruleId: String, severity: Severity? = nil, enabled: Bool = true) {
    self.ruleId = ruleId
    self.severity = severity
    self.enabled = enabled
  }
}
