import Diagnostics

/// A check (one rule on one scope item) that could not be judged: its `when` or its `assert` read a fact the set
/// says is unknown (`unknown:`), so the rule neither passes nor fails there. It gives no finding; reports count it.
public struct NotJudged: Hashable, Sendable {
  public var ruleId: String
  public var ruleName: String
  /// The scope item's logical path: `account/333333333333`.
  public var entity: String
  /// The scope item's file as shown to users, and its range there.
  public var path: String
  public var range: SourceRange
  /// Why: the causes of the unknown, `"account/333333333333 root.password: iam get-login-profile: AccessDenied"`.
  public var causes: [String]

  public init(ruleId: String, ruleName: String, entity: String, path: String, range: SourceRange, causes: [String]) {
    self.ruleId = ruleId
    self.ruleName = ruleName
    self.entity = entity
    self.path = path
    self.range = range
    self.causes = causes
  }

  /// Report order: by file, position, then rule.
  public static func reportOrder(_ a: NotJudged, _ b: NotJudged) -> Bool {
    if a.path != b.path { return a.path < b.path }
    if a.range.start.line != b.range.start.line { return a.range.start.line < b.range.start.line }
    if a.range.start.column != b.range.start.column { return a.range.start.column < b.range.start.column }
    return a.ruleId < b.ruleId
  }
}

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
