import Diagnostics

/// One suppression, inline (`# orglint-disable…` comment) or central (an item of the config's `suppressions:`):
/// the rules it names, why, until when, and which findings it covers.
public struct SuppressionDirective: Hashable, Sendable {
  /// Which findings a suppression covers.
  public enum Target: Hashable, Sendable {
    /// Inline: findings in `path` whose range starts on one of `lines`.
    case lines(path: String, ClosedRange<Int>)
    /// Central: findings about the account with this id.
    case account(String)
    /// Central: findings about accounts in this OU or below it (`Workloads/Prod`).
    case ou(String)
    /// Central: findings in files matching the glob (relative to the config file's folder).
    case files(Glob)
  }

  /// Rule ids or names, as written.
  public var rules: [String]
  /// Empty when the author gave none (SUP001).
  public var reason: String
  public var expires: CivilDate?
  public var target: Target
  /// Where the suppression is written.
  public var path: String
  public var range: SourceRange

  public init(
    rules: [String], reason: String, expires: CivilDate?, target: Target, path: String, range: SourceRange
  ) {
    self.rules = rules
    self.reason = reason
    self.expires = expires
    self.target = target
    self.path = path
    self.range = range
  }

  /// SARIF's kind: `inSource` for comments, `external` for the config file's list.
  public var kind: Suppression.Kind {
    if case .lines = target { return .inSource }
    return .external
  }

  /// What the target is, for messages (`line 12`, `account 333333333333`, ...).
  var targetText: String {
    switch target {
    case .lines(_, let lines):
      lines.count == 1 ? "line \(lines.lowerBound)" : "lines \(lines.lowerBound)-\(lines.upperBound)"
    case .account(let id): "account \(id)"
    case .ou(let ou): "OU \(ou)"
    case .files(let glob): "files \(glob.pattern)"
    }
  }
}
