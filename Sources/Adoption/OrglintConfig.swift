import Diagnostics
import LocatedYAML
import OrgModel
import RuleEngine

/// The contents of `.orglint.yaml` (Docs/configuration.md): which files form the organization set, how rules are
/// configured, where user rules and the baseline live, when to fail, and the central suppression list.
///
/// Paths (`rulePaths`, `baseline`) are already resolved against the config file's folder; globs match paths relative
/// to that folder (see `relativePath(of:cwd:)`). Rule settings are checked against the rules in force by
/// `resolve(against:)`, once the rules (built-ins plus `rulePaths`) are loaded.
public struct OrglintConfig: Sendable {
  /// The config file, as given.
  public var path: String
  /// The config file's folder, absolute and normalized.
  public var directory: String
  public var include: [Glob] = []
  public var exclude: [Glob] = []
  /// Per-rule settings, in file order.
  public var rules: [RuleSetting] = []
  public var rulePaths: [String] = []
  public var failOn: FailOn?
  /// `minCoverage:`: the lowest share of checks that must be judged (see `MinCoverage`).
  public var minCoverage: MinCoverage?
  public var baseline: String?
  public var suppressions: [SuppressionDirective] = []
  /// `dialect:`: which organization documents the set is read as (Docs/dialects.md); nil is `auto`.
  public var dialect: DialectChoice?

  public init(path: String, directory: String) {
    self.path = path
    self.directory = directory
  }

  /// True when a file (relative to the config's folder) belongs to the organization set: it matches an `include` glob
  /// (any file when there is none) and no `exclude` glob.
  public func isIncluded(_ relativePath: String) -> Bool {
    (include.isEmpty || include.contains { $0.matches(relativePath) })
      && !exclude.contains { $0.matches(relativePath) }
  }

  /// `path` (absolute, or relative to `cwd`) relative to the config file's folder; nil when it lies outside it.
  public func relativePath(of path: String, cwd: String) -> String? {
    let absolute = FilePath.absolute(path, cwd: cwd)
    if absolute == directory { return "" }
    let prefix = directory == "/" ? "/" : directory + "/"
    return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : nil
  }
}

/// The lowest severity that makes `orglint lint` exit 1, or `never`.
public enum FailOn: String, CaseIterable, Sendable {
  case error, warning, note, never

  /// The threshold severity; nil for `never`.
  public var threshold: Severity? { Severity(rawValue: rawValue) }
}

/// One entry under `rules:` as written: the rule (id or name), whether it is on, a severity and parameter overrides.
public struct RuleSetting: Sendable {
  /// The id or name as written.
  public var rule: String
  public var enabled: Bool
  public var severity: Severity?
  public var params: [ParamSetting]
  /// Where the entry's key is.
  public var path: String
  public var range: SourceRange
}

/// One parameter override as written; its value is typed against the rule's declared parameter by `resolve`.
public struct ParamSetting: Sendable {
  public var name: String
  let doc: YAMLDocument
  let key: YAMLNodeID
  let value: YAMLNodeID
}

/// A rule's effective configuration after the config file: on or off, its severity, its parameter values.
public struct RuleConfiguration: Hashable, Sendable {
  public var ruleId: String
  public var enabled: Bool
  /// The severity set by the config file; nil keeps the rule's own.
  public var severity: Severity?
  /// Parameter overrides, typed; parameters not listed keep their defaults.
  public var params: [String: ParamValue]

  public init(ruleId: String, enabled: Bool = true, severity: Severity? = nil, params: [String: ParamValue] = [:]) {
    self.ruleId = ruleId
    self.enabled = enabled
    self.severity = severity
    self.params = params
  }
}

/// The coverage threshold (`--min-coverage PERCENT`, `minCoverage: PERCENT`): when fewer checks than this are judged
/// (the others read unknown facts), the run reports COVERAGE001 and exits 1.
public struct MinCoverage: Hashable, Sendable {
  /// 0 to 100.
  public var percent: Double
  /// Where it is set: the config file and the `minCoverage:` key; nil for the command line.
  public var path: String?
  public var range: SourceRange?

  public init(percent: Double, path: String? = nil, range: SourceRange? = nil) {
    self.percent = percent
    self.path = path
    self.range = range
  }

  /// `90`, `87.5` or `90%`: a number from 0 to 100; nil otherwise.
  public static func parse(_ text: String) -> Double? {
    let number = text.hasSuffix("%") ? String(text.dropLast()) : text
    guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
      let value = Double(number), value >= 0, value <= 100
    else { return nil }
    return value
  }

  /// A percentage for messages: `90%`, `87.5%`, `66.7%` (one decimal at most).
  public static func text(_ percent: Double) -> String {
    let tenths = (percent * 10).rounded(.down) / 10
    return tenths == tenths.rounded() ? "\(Int(tenths))%" : "\(tenths)%"
  }
}
