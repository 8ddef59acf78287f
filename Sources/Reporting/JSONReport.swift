import Diagnostics

/// The top-level object of `--format json`:
/// `{"findings": [...], "invocation": {...}, "notJudged": [...], "summary": {...}, "version": 1}`.
///
/// `findings` is the first top-level list (keys are sorted), so tools may take the first list value as the findings.
public struct JSONReport: Codable, Hashable, Sendable {
  /// How the run went.
  public struct Invocation: Codable, Hashable, Sendable {
    public var configurationProblems: [JSONFinding]
    public var exitCode: Int
    public var toolVersion: String
  }

  /// A check that read an unknown fact and was not judged.
  public struct NotJudgedCheck: Codable, Hashable, Sendable {
    /// The rule's id.
    public var rule: String
    /// The scope item's logical path: `account/333333333333`.
    public var entity: String
    public var path: String
    public var line: Int
    public var column: Int
    /// Why: `"account/333333333333 root.password: iam get-login-profile: AccessDenied (...)"`.
    public var causes: [String]

    init(_ check: NotJudged) {
      rule = check.ruleId
      entity = check.entity
      path = check.path
      line = check.range.start.line
      column = check.range.start.column
      causes = check.causes
    }
  }

  /// The shape's version; bumped only on incompatible changes.
  public var version: Int
  public var findings: [JSONFinding]
  public var invocation: Invocation
  /// Checks not judged, in report order.
  public var notJudged: [NotJudgedCheck]
  public var summary: ReportSummary

  public init(_ report: Report) { self.init(report, findings: true) }

  /// The report; without its findings (`findings` empty) unless `findings` is true.
  init(_ report: Report, findings withFindings: Bool) {
    version = 1
    findings = withFindings ? report.sortedFindings.map(JSONFinding.init) : []
    invocation = Invocation(
      configurationProblems: report.configurationProblems.sorted(by: Finding.reportOrder).map(JSONFinding.init),
      exitCode: report.exitCode, toolVersion: report.toolVersion)
    notJudged = report.sortedNotJudged.map(NotJudgedCheck.init)
    summary = ReportSummary(report)
  }
}
