/// One problem orglint reports: which rule, how serious, what is wrong, and where.
///
/// Findings are values; the layer that detects a problem builds the message (next to its rule), and the reporters only
/// format it. `fingerprint` is the finding's identity across edits (rule id + entity path, never a line number).
public struct Finding: Hashable, Sendable {
  public var ruleId: String
  public var ruleName: String
  public var severity: Severity
  public var message: String
  /// The file, as shown to users; nil for a finding about the set as a whole.
  public var path: String?
  /// Where in `path`; nil when not known.
  public var range: SourceRange?
  /// Entity-based identity, e.g. `ROOT001:account/333333333333/root.password`; nil until the engine sets one.
  public var fingerprint: String?
  /// The entity the finding is about, e.g. `organization/o-abc/account/333333333333/root/password`.
  public var logicalLocation: String?
  /// Other places that explain the finding (the task record that opened recovery, the SCP that lacks an exemption).
  public var related: [RelatedLocation]
  /// Set when a suppression applies; the finding stays visible in machine formats, marked.
  public var suppression: Suppression?
  /// Set when a baseline was given.
  public var baselineState: BaselineState?
  /// Safe repairs of the finding, edits of `path` (see `Fix`); alternatives, the first preferred (`lint --fix` applies
  /// it). Empty when there is none.
  public var fixes: [Fix]

  public init(
    ruleId: String, ruleName: String, severity: Severity, message: String, path: String?, range: SourceRange?,
    fingerprint: String? = nil, logicalLocation: String? = nil, related: [RelatedLocation] = [],
    suppression: Suppression? = nil, baselineState: BaselineState? = nil, fixes: [Fix] = []
  ) {
    self.ruleId = ruleId
    self.ruleName = ruleName
    self.severity = severity
    self.message = message
    self.path = path
    self.range = range
    self.fingerprint = fingerprint
    self.logicalLocation = logicalLocation
    self.related = related
    self.suppression = suppression
    self.baselineState = baselineState
    self.fixes = fixes
  }

  /// A finding of a rule described by `rule`, at its default severity.
  public init(_ rule: RuleDescriptor, _ message: String, path: String?, range: SourceRange?, fixes: [Fix] = []) {
    self.init(
      ruleId: rule.id, ruleName: rule.name, severity: rule.severity, message: message, path: path, range: range,
      fixes: fixes)
  }

  /// True when the finding counts towards the exit code and the summary (not suppressed, not in the baseline).
  public var isActive: Bool { suppression == nil && baselineState != .unchanged }

  /// The order reports use: by path, then position, then rule id, then message.
  public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
    let pa = a.path ?? ""
    let pb = b.path ?? ""
    if pa != pb { return pa < pb }
    let la = a.range?.start ?? SourceLocation(line: 0, column: 0, offset: 0)
    let lb = b.range?.start ?? SourceLocation(line: 0, column: 0, offset: 0)
    if la != lb { return la < lb }
    if a.ruleId != b.ruleId { return a.ruleId < b.ruleId }
    return a.message < b.message
  }
}

/// A secondary place that explains a finding.
public struct RelatedLocation: Hashable, Sendable {
  public var path: String
  public var range: SourceRange?
  public var message: String

  public init(path: String, range: SourceRange?, message: String) {
    self.path = path
    self.range = range
    self.message = message
  }
}

/// Why a finding is suppressed: where the suppression lives and the reason its author gave.
public struct Suppression: Hashable, Sendable {
  /// `inSource` for `# orglint-disable…` comments, `external` for the config file's central list (SARIF's kinds).
  public enum Kind: String, Hashable, Sendable, Codable {
    case inSource
    case external
  }
  public var kind: Kind
  public var justification: String
  /// Where the suppression is written.
  public var path: String?
  public var line: Int?

  public init(kind: Kind, justification: String, path: String? = nil, line: Int? = nil) {
    self.kind = kind
    self.justification = justification
    self.path = path
    self.line = line
  }
}

/// How a finding compares with a baseline (SARIF's `baselineState`).
public enum BaselineState: String, Hashable, Sendable, Codable {
  case new
  case unchanged
  case absent
}
