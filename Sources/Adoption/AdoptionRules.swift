import Diagnostics

/// The findings of the adoption layer: config file problems (CONFIG, exit 2), suppression hygiene (SUP, warnings)
/// and stale baseline entries (BASE, notes). None of them can be suppressed or baselined away.
public enum AdoptionRules {
  public static let unknownKey = RuleDescriptor(
    id: "CONFIG001", name: "config-unknown-key", title: "The config file uses only documented keys", severity: .error,
    tags: ["config"],
    description: "`.orglint.yaml` has a key that orglint does not know; it is probably misspelled, and a misspelled "
      + "key would silently change nothing.",
    remediation: "Use one of the keys listed in Docs/configuration.md (the message suggests the closest one).")
  public static let invalidValue = RuleDescriptor(
    id: "CONFIG002", name: "config-invalid-value", title: "Config values have the documented types and values",
    severity: .error, tags: ["config"],
    description: "A value in `.orglint.yaml` has the wrong type or is not one of the allowed values (a severity that "
      + "is not error, warning, note or off; a `failOn` outside error, warning, note, never; a central suppression "
      + "without a target; a date that is not YYYY-MM-DD; a file that is not YAML).",
    remediation: "Fix the value as the message says; Docs/configuration.md lists every key with an example.")
  public static let unknownRule = RuleDescriptor(
    id: "CONFIG003", name: "config-unknown-rule", title: "The config file configures only rules that exist",
    severity: .error, tags: ["config"],
    description: "An entry under `rules:` names no built-in or user rule, by id or by name.",
    remediation: "Use an id or name from `orglint rules list` (the message suggests the closest one), or add the "
      + "folder of the user rule to `rulePaths`.")
  public static let invalidParam = RuleDescriptor(
    id: "CONFIG004", name: "config-invalid-param", title: "Rule parameter overrides match the rule's parameters",
    severity: .error, tags: ["config"],
    description: "A `params:` override names a parameter the rule does not declare, or gives a value of the wrong "
      + "type (each parameter has a type: bool, int, double, string, duration, timestamp or list(string)).",
    remediation: "See the rule's parameters with `orglint rules explain ID` and use a value of the declared type.")

  public static let missingReason = RuleDescriptor(
    id: "SUP001", name: "suppression-without-reason", title: "Every suppression says why", severity: .warning,
    tags: ["suppression"],
    description: "A suppression has no reason after `--` (inline) or no `reason:` (central list). It still applies, "
      + "but a reviewer cannot tell whether the exception is still justified.",
    remediation: "Write the reason: `# orglint-disable-next-line ROOT001 -- break-glass account, ticket SEC-123`.")
  public static let expired = RuleDescriptor(
    id: "SUP002", name: "suppression-expired", title: "Suppressions are renewed or removed when they expire",
    severity: .warning, tags: ["suppression"],
    description: "A suppression's `expires` date has been reached. It no longer applies: the findings it silenced "
      + "are reported again.",
    remediation: "Fix the findings and delete the suppression, or, if the exception is still needed, have its owner "
      + "renew it with a new date.")
  public static let unused = RuleDescriptor(
    id: "SUP003", name: "suppression-unused", title: "Every suppression silences a finding", severity: .warning,
    tags: ["suppression"],
    description: "A suppression matched no finding: the problem was fixed, the suppression sits on the wrong line "
      + "or targets the wrong account, OU or file, or the rule cannot be suppressed that way "
      + "(`suppressible: false`, or `suppressible: central` for an inline comment).",
    remediation: "Delete the suppression, or move it to the line above the finding (or onto the finding's line).")
  public static let unknownSuppressedRule = RuleDescriptor(
    id: "SUP004", name: "suppression-unknown-rule", title: "Suppressions name rules that exist", severity: .warning,
    tags: ["suppression"],
    description: "A suppression names a rule id or name that no built-in or user rule has.",
    remediation: "Use an id or name from `orglint rules list` (the message suggests the closest one).")
  public static let malformed = RuleDescriptor(
    id: "SUP005", name: "suppression-malformed", title: "Suppression comments follow the documented syntax",
    severity: .warning, tags: ["suppression"],
    description: "A comment starting with `orglint-` is not a valid suppression: an unknown directive, no rule ids, "
      + "or an `expires=` that is not a YYYY-MM-DD date. It does not apply.",
    remediation: "Write `# orglint-disable-next-line ID[,ID] -- reason [expires=YYYY-MM-DD]` or "
      + "`# orglint-disable ID[,ID] -- reason [expires=YYYY-MM-DD]`.")

  public static let staleBaseline = RuleDescriptor(
    id: "BASE001", name: "baseline-entry-stale", title: "Baseline entries match current findings", severity: .note,
    tags: ["baseline"],
    description: "A baseline entry matches no finding any more: the problem was fixed (or its entity was removed). "
      + "The entry only hides future regressions of the same fingerprint.",
    remediation: "Rewrite the baseline with `orglint lint --write-baseline FILE` so that it shrinks.")

  public static let coverage = RuleDescriptor(
    id: "COVERAGE001", name: "coverage-below-minimum", title: "Enough checks are judged", severity: .error,
    tags: ["coverage"],
    description: "Fewer checks were judged than `--min-coverage` or the config's `minCoverage` asks: the others read "
      + "facts that the set lists as unknown (`unknown:`, written by `orglint import` when a call was denied or an "
      + "export file was missing), so the run cannot vouch for them. The run exits 1.",
    remediation: "Give the exporting role the permissions the unknown causes name (the report lists the most "
      + "common), export again, and re-import; or lower the threshold knowingly.")

  /// Every id this layer reports.
  public static let all = [
    unknownKey, invalidValue, unknownRule, invalidParam, missingReason, expired, unused, unknownSuppressedRule,
    malformed, staleBaseline, coverage,
  ]
}
