import Diagnostics

/// The top-level object of `--format json`:
/// `{"findings": [...], "invocation": {...}, "summary": {...}, "version": 1}`.
///
/// `findings` is the only top-level list, so tools may take the first list value as the findings.
public struct JSONReport: Codable, Hashable, Sendable {
  /// How the run went.
  public struct Invocation: Codable, Hashable, Sendable {
    public var configurationProblems: [JSONFinding]
    public var exitCode: Int
    public var toolVersion: String
  }

  /// The shape's version; bumped only on incompatible changes.
  public var version: Int
  public var findings: [JSONFinding]
  public var invocation: Invocation
  public var summary: ReportSummary

  public init(_ report: Report) {
    version = 1
    findings = report.sortedFindings.map(JSONFinding.init)
    invocation = Invocation(
      configurationProblems: report.configurationProblems.sorted(by: Finding.reportOrder).map(JSONFinding.init),
      exitCode: report.exitCode, toolVersion: report.toolVersion)
    summary = ReportSummary(report)
  }
}
