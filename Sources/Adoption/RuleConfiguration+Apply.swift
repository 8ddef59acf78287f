import Diagnostics
import RuleEngine

extension RuleConfiguration {
  /// The compiled rules that run under the config file: disabled rules removed (never evaluated), severities and
  /// parameter values overridden. Rules without a configuration are kept as they are.
  public static func apply(_ configurations: [String: RuleConfiguration], to rules: [CompiledRule]) -> [CompiledRule] {
    rules.compactMap { compiled in
      guard let c = configurations[compiled.rule.id] else { return compiled }
      guard c.enabled else { return nil }
      var out = compiled
      if let severity = c.severity { out.severity = severity }
      for (i, param) in compiled.rule.params.enumerated() {
        if let value = c.params[param.name] { out.paramValues[i] = value }
      }
      return out
    }
  }

  /// True when SARIF should list this configuration in `ruleConfigurationOverrides` (off, or another severity).
  public var isReportedOverride: Bool { !enabled || severity != nil }
}
