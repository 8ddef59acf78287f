import CEL
import Diagnostics
import LocatedYAML
import OrgModel

/// What `orglint lint` asks for.
public struct LintRequest: Sendable {
  public var paths: [String]
  /// User rule folders (`--rules`, the config's `rulePaths`).
  public var ruleDirectories: [String]
  public var now: CELTimestamp
  /// Ids or names: when set, only these rules run.
  public var only: [String]
  /// Ids or names of rules that do not run.
  public var disable: [String]

  public init(
    paths: [String], ruleDirectories: [String] = [], now: CELTimestamp, only: [String] = [], disable: [String] = []
  ) {
    self.paths = paths
    self.ruleDirectories = ruleDirectories
    self.now = now
    self.only = only
    self.disable = disable
  }
}

/// What a lint run found.
public struct LintResult: Sendable {
  /// Findings of the loader and the rules, for the reported files.
  public var findings: [Finding]
  /// Every rule that can report: the rules in force and the loader's checks.
  public var rules: [RuleDescriptor]
  /// Problems that stop the run (rule files, unknown rule ids, unreadable paths): exit code 2.
  public var problems: [Finding]
  /// The files read, by display path (for snippets).
  public var sources: [String: SourceFile]
  public var filesScanned: Int
  /// The loaded set, when the run got that far.
  public var set: LoadedSet?
}

/// The lint pipeline: rules are loaded and compiled first (a bad rule stops the run before any input is read),
/// then the set is loaded, the rules evaluated and the findings of the reported files kept.
public enum Linter {
  /// The checks of the layers below the rules, which report with their own ids.
  public static let loaderRules: [RuleDescriptor] = YAMLRules.all + ModelRules.all + [RuleFileRules.evaluationError]

  public static func lint(_ request: LintRequest) -> LintResult {
    let (rules, ruleProblems) = compileRules(
      directories: request.ruleDirectories, only: request.only, disable: request.disable)
    let descriptors = rules.map(\.descriptor) + loaderRules
    guard ruleProblems.isEmpty else {
      return LintResult(findings: [], rules: descriptors, problems: ruleProblems, sources: [:], filesScanned: 0)
    }
    let set = ConfigSetLoader.load(paths: request.paths)
    let problems = set.unreadable.map(RuleLoader.ioFinding)
    var findings = set.reportedFindings
    findings += RuleEvaluator(set: set, now: request.now).evaluate(rules).filter { set.isReported($0.path) }
    var sources: [String: SourceFile] = [:]
    for file in set.files { sources[file.source.path] = file.source }
    return LintResult(
      findings: findings, rules: descriptors, problems: problems, sources: sources,
      filesScanned: set.reportedPaths?.count ?? set.files.count, set: set)
  }

  /// Loads, selects and compiles the built-in and user rules.
  public static func compileRules(directories: [String], only: [String] = [], disable: [String] = []) -> (
    [CompiledRule], [Finding]
  ) {
    let (rules, loadProblems) = RuleLoader.load(userRuleDirectories: directories)
    var problems = loadProblems
    let selected = select(rules, only: only, disable: disable, &problems)
    var compiled: [CompiledRule] = []
    for rule in selected {
      let (c, p) = RuleCompiler.compile(rule)
      problems += p
      if let c { compiled.append(c) }
    }
    return (compiled, problems)
  }

  /// The rules left by `--only` and `--disable`; unknown ids or names are problems with a did-you-mean.
  static func select(_ rules: [Rule], only: [String], disable: [String], _ problems: inout [Finding]) -> [Rule] {
    let known = rules.flatMap { [$0.id, $0.name] }
    func resolve(_ names: [String], _ option: String) -> Set<String> {
      var ids = Set<String>()
      for name in names {
        if let rule = rules.first(where: { $0.id.caseInsensitiveEquals(name) || $0.name == name }) {
          ids.insert(rule.id)
        } else {
          problems.append(
            Finding(
              ruleId: "CLI001", ruleName: "unknown-rule", severity: .error,
              message: "\(option): no rule '\(name)'\(DidYouMean.hint(for: name, among: known))", path: nil, range: nil))
        }
      }
      return ids
    }
    let onlyIds = resolve(only, "--only")
    let disabled = resolve(disable, "--disable")
    return rules.filter { (onlyIds.isEmpty || onlyIds.contains($0.id)) && !disabled.contains($0.id) }
  }
}

extension String {
  func caseInsensitiveEquals(_ other: String) -> Bool { lowercased() == other.lowercased() }
}
