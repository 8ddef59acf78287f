import Diagnostics

/// GitLab Code Quality JSON (a list of Code Climate issues) for merge-request widgets, one issue per active finding.
///
/// Severities: note → `info`, warning → `minor`, error → `major`, or `critical` for a rule whose security
/// severity is 9.0 or more. The fingerprint is the first 128 bits of the SHA-256 of the finding's fingerprint, in
/// hex (unique within a report). A finding about the whole set points at line 1 of `Report.resolvedAnchorPath`
/// (`.` when the report knows no file).
public struct GitLabFormatter: ReportFormatter {
  public init() {}

  public func render(_ report: Report) -> String {
    var securitySeverity: [String: Double] = [:]
    for rule in report.rules { securitySeverity[rule.id] = securitySeverity[rule.id] ?? rule.securitySeverity }
    let anchor = report.resolvedAnchorPath ?? "."
    var seen: [String: Int] = [:]
    let issues = report.diagnostics.filter(\.isActive).map { finding -> GitLabIssue in
      let identity = finding.stableFingerprint
      let occurrence = seen[identity, default: 0]
      seen[identity] = occurrence + 1
      let key = occurrence == 0 ? identity : identity + "\u{0}\(occurrence)"
      return GitLabIssue(
        checkName: finding.ruleId,
        description: "\(finding.message) [\(finding.ruleId) \(finding.ruleName)]",
        categories: ["Security"],
        fingerprint: String(SHA256.hex("orglint/v1\u{0}" + key).prefix(32)),
        severity: Self.severity(finding.severity, securitySeverity: securitySeverity[finding.ruleId]),
        location: GitLabIssue.Location(
          path: finding.path ?? anchor,
          lines: GitLabIssue.Location.Lines(begin: max(1, finding.range?.start.line ?? 1))))
    }
    return StableJSON.encode(issues)
  }

  static func severity(_ severity: Severity, securitySeverity: Double?) -> String {
    switch severity {
    case .note: "info"
    case .warning: "minor"
    case .error: (securitySeverity ?? 0) >= 9 ? "critical" : "major"
    }
  }
}
