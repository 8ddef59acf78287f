import Diagnostics

@testable import Reporting

/// The fixed report every golden test renders: two source files, findings of every kind (active, suppressed,
/// baselined, related, non-ASCII columns, no range, no path, no fingerprint), a configuration problem and overrides.
enum Fixture {
  static let accounts = SourceFile(
    path: "org/accounts.yaml",
    bytes: Array(
      """
      apiVersion: orglint/v1
      kind: Account
      id: "333333333333"
      name: Prod café
      root:
        password: true
        accessKeys: [{id: AKIA1, active: true}]

      """.utf8))

  static let organization = SourceFile(
    path: "org/organization.yaml",
    bytes: Array(
      """
      apiVersion: orglint/v1
      kind: Organization
      id: o-abc
      rootAccess:
        rootCredentialsManagement: true

      """.utf8))

  /// A range on one line, columns in code points (offsets are not used by the formatters).
  static func range(_ line: Int, _ column: Int, _ endColumn: Int) -> SourceRange {
    SourceRange(
      start: SourceLocation(line: line, column: column, offset: 0),
      end: SourceLocation(line: line, column: endColumn, offset: 0))
  }

  static let rules: [RuleDescriptor] = [
    RuleDescriptor(
      id: "ROOT001", name: "member-root-password-removed", title: "Member accounts have no root password",
      severity: .error, tags: ["centralized-root-access"],
      references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html"],
      description: "A root password is a standing credential.\n", remediation: "Delete it with `aws iam ...`.\n"),
    RuleDescriptor(
      id: "ROOT002", name: "no-root-access-keys", title: "The root user has no access keys", severity: .error,
      securitySeverity: 9.0, tags: ["cis-aws-1.3", "security"], description: "Root keys cannot be scoped."),
    RuleDescriptor(
      id: "ROOT007", name: "root-mfa-redundancy", title: "The management root has two MFA devices", severity: .note),
    RuleDescriptor(
      id: "ROOT008", name: "root-not-used-recently", title: "The root user is not used", severity: .warning,
      securitySeverity: 7.25),
    RuleDescriptor(
      id: "ORG002", name: "root-sessions-enabled", title: "RootSessions is on", severity: .warning),
    RuleDescriptor(
      id: "ORG004", name: "iam-delegated-administrator", title: "IAM has a delegated administrator",
      severity: .note),
    RuleDescriptor(id: "YAML001", name: "yaml-syntax", title: "Files are valid YAML", severity: .error),
    RuleDescriptor(
      id: "CONFIG003", name: "deprecated-config", title: "The config uses current keys", severity: .warning),
  ]

  static let findings: [Finding] = [
    Finding(
      ruleId: "ROOT001", ruleName: "member-root-password-removed", severity: .error,
      message: "account Prod café (333333333333) still has a root password", path: "org/accounts.yaml",
      range: range(6, 3, 17), fingerprint: "ROOT001:account/333333333333/root.password",
      logicalLocation: "organization/o-abc/account/333333333333/root/password",
      related: [
        RelatedLocation(
          path: "org/organization.yaml", range: range(5, 3, 34), message: "RootCredentialsManagement is on here")
      ]),
    Finding(
      ruleId: "ROOT002", ruleName: "no-root-access-keys", severity: .error,
      message: "root user of account 333333333333 has an access key", path: "org/accounts.yaml",
      range: range(7, 3, 42), fingerprint: "ROOT002:account/333333333333/root.accessKeys",
      suppression: Suppression(
        kind: .inSource, justification: "break-glass key, rotated by SEC-42", path: "org/accounts.yaml", line: 6)),
    Finding(
      ruleId: "ROOT007", ruleName: "root-mfa-redundancy", severity: .note,
      message: "the management root has only one MFA device", path: "org/accounts.yaml", range: range(5, 1, 5),
      fingerprint: "ROOT007:account/333333333333/root.mfaDevices", baselineState: .unchanged),
    Finding(
      ruleId: "ROOT008", ruleName: "root-not-used-recently", severity: .warning,
      message: "root of \"Prod café\" was used 3 days ago, 100% <too> recent", path: "org/accounts.yaml",
      range: range(4, 7, 16)),
    Finding(
      ruleId: "ORG002", ruleName: "root-sessions-enabled", severity: .warning,
      message: "RootSessions is off, so the management account cannot run privileged tasks",
      path: "org/organization.yaml", range: range(4, 1, 11), fingerprint: "ORG002:organization/o-abc",
      baselineState: .new),
    Finding(
      ruleId: "ORG004", ruleName: "iam-delegated-administrator", severity: .note,
      message: "no IAM delegated administrator is registered", path: nil, range: nil,
      fingerprint: "ORG004:organization/o-abc", logicalLocation: "organization/o-abc"),
    Finding(
      ruleId: "YAML001", ruleName: "yaml-syntax", severity: .error, message: "the file is empty",
      path: "org/with space#1.yaml", range: nil),
  ]

  static let configurationProblems: [Finding] = [
    Finding(
      ruleId: "CONFIG003", ruleName: "deprecated-config", severity: .warning,
      message: "'failOn: warnings' is deprecated; use 'failOn: warning'", path: ".orglint.yaml", range: range(3, 9, 17)
    )
  ]

  static let report = Report(
    findings: findings.reversed(), rules: rules.reversed(),
    sources: [accounts.path: accounts, organization.path: organization],
    configurationProblems: configurationProblems,
    ruleOverrides: [
      RuleOverride(ruleId: "ROOT008", enabled: false), RuleOverride(ruleId: "ROOT007", severity: .warning),
    ],
    exitCode: 1, toolVersion: "0.1.0", filesScanned: 3, automationId: "orglint/prod",
    helpBaseURI: "https://example.com/orglint/Docs/rules/")

  /// A report with nothing to say.
  static let clean = Report(findings: [], rules: rules, exitCode: 0, toolVersion: "0.1.0", filesScanned: 1)
}
