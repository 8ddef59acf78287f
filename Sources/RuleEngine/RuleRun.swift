import Diagnostics

/// What evaluating the rules over a set gave: findings, the checks not judged, and how many checks there were.
public struct RuleRun: Sendable {
  public var findings: [Finding] = []
  /// Checks whose `when` or `assert` was unknown, in report order.
  public var notJudged: [NotJudged] = []
  /// Rule × scope item pairs whose `when` was not false: the judged ones and the not judged.
  public var checks = 0

  public init(findings: [Finding] = [], notJudged: [NotJudged] = [], checks: Int = 0) {
    self.findings = findings
    self.notJudged = notJudged
    self.checks = checks
  }

  /// `checks - notJudged.count`.
  public var judged: Int { checks - notJudged.count }
}
