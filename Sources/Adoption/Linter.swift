import CEL
import Diagnostics
import LocatedYAML
import OrgModel
import RuleEngine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `orglint lint` asks for.
public struct LintRequest: Sendable {
  public var paths: [String]
  /// User rule folders (`--rules`); the config file's `rulePaths` come first.
  public var ruleDirectories: [String]
  public var now: CELTimestamp
  /// Ids or names: when set, only these rules run.
  public var only: [String]
  /// Ids or names of rules that do not run.
  public var disable: [String]
  /// `--config`; nil discovers `.orglint.yaml` upward from the first path.
  public var configPath: String?
  /// `--baseline`; nil uses the config file's `baseline`.
  public var baselinePath: String?
  /// The folder relative paths are resolved against.
  public var cwd: String
  /// True when the run records a new baseline (`--write-baseline`): `LintResult.baselineText` is filled, and the
  /// old baseline is neither read nor required.
  public var recordsBaseline = false
  /// `--min-coverage`; nil uses the config file's `minCoverage`.
  public var minCoverage: Double?
  /// Set files read from memory instead of the disk, by absolute path (an editor's unsaved buffers).
  public var overrides: [String: [UInt8]] = [:]

  public init(
    paths: [String], ruleDirectories: [String] = [], now: CELTimestamp, only: [String] = [], disable: [String] = [],
    configPath: String? = nil, baselinePath: String? = nil, cwd: String = FilePath.currentDirectory()
  ) {
    self.paths = paths
    self.ruleDirectories = ruleDirectories
    self.now = now
    self.only = only
    self.disable = disable
    self.configPath = configPath
    self.baselinePath = baselinePath
    self.cwd = cwd
  }
}

/// What a lint run found.
public struct LintResult: Sendable {
  /// Findings of the loader, the rules and the suppressions, for the reported files; suppressed and baselined ones
  /// included (marked), and stale baseline entries as notes.
  public var findings: [Finding] = []
  /// Every rule that can report: the rules in force and the loader's and adoption checks.
  public var rules: [RuleDescriptor] = []
  /// Problems that stop the run (config file, rule files, unknown rule ids, unreadable paths): exit code 2.
  public var problems: [Finding] = []
  /// The files read, by display path (for snippets).
  public var sources: [String: SourceFile] = [:]
  public var filesScanned = 0
  /// The loaded set, when the run got that far.
  public var set: LoadedSet?
  /// The config file in force, if any.
  public var config: OrglintConfig?
  /// Rules the config file turns off or gives another severity (SARIF `ruleConfigurationOverrides`).
  public var overrides: [RuleConfiguration] = []
  /// The findings as a baseline records them, when the request `recordsBaseline`.
  public var baselineText = ""
  /// Every file the run read (config file, user rule files, the set's files, the baseline) by identity, with the
  /// path it was read by: an output must never overwrite one of them.
  public var inputFiles: [FileIdentity: String] = [:]
  /// Checks of the reported files that read an unknown fact, in report order (see `RuleEvaluator`).
  public var notJudged: [NotJudged] = []
  /// Checks of the reported files (rule × item with `when` not false), judged or not.
  public var checks = 0
  /// Messages for the person running orglint that are not findings (a configured baseline not written yet);
  /// the CLI prints them on standard error.
  public var notices: [String] = []

  /// The rules in force and the loader's ids, by id or name, with how each may be suppressed.
  public var ruleLookup: RuleLookup?

  /// The percentage of checks judged (100 when there is none).
  public var coverage: Double { checks == 0 ? 100 : Double(checks - notJudged.count) * 100 / Double(checks) }

  /// True when the run reports COVERAGE001: coverage under the threshold, which makes the exit code 1.
  public var isUnderMinCoverage: Bool { findings.contains { $0.ruleId == AdoptionRules.coverage.id } }
}

extension LintResult {
  /// Records the file at `absolutePath` (shown as `shown`) as read by the run, when it exists.
  mutating func noteInput(_ absolutePath: String, shown: String) {
    if let identity = FileIdentity(path: absolutePath) { inputFiles[identity] = shown }
  }
}

/// The lint pipeline: config file → rules (a bad rule stops the run before any input is read) → the set → rule
/// evaluation → suppressions → baseline.
public enum Linter {
  /// The checks of the layers below the rules, which report with their own ids.
  public static let loaderRules: [RuleDescriptor] = (YAMLRules.all + ModelRules.all + [
    RuleFileRules.evaluationError, RuleFileRules.costBudgetExceeded,
  ]).map { $0.documented(at: .diagnostics) }

  /// Every id orglint itself reports, besides the rules: the loader's, the rule files', the adoption layer's and the
  /// run's, each documented in Docs/diagnostics.md (`orglint rules list` shows them as diagnostics).
  public static let diagnosticRules: [RuleDescriptor] = (YAMLRules.all + ModelRules.all + RuleFileRules.all
    + AdoptionRules.all + RunRules.all).map { $0.documented(at: .diagnostics) }

  public static func lint(_ request: LintRequest) -> LintResult {
    var result = LintResult()
    // The config file.
    var config: OrglintConfig?
    // A discovered config file is shown relative to the working folder, like every other input (when the request's
    // folder is the process's, so that the relative path reads the same file).
    let relativeWorks = request.cwd == FilePath.currentDirectory()
    let discovered = ConfigLoader.discover(from: request.paths, cwd: request.cwd).map {
      relativeWorks ? FilePath.relative($0, from: request.cwd) : $0
    }
    if let path = request.configPath ?? discovered {
      let (loaded, findings) = ConfigLoader.load(path: path, cwd: request.cwd)
      result.noteInput(FilePath.absolute(path, cwd: request.cwd), shown: path)
      config = loaded
      result.problems += findings.filter { $0.severity == .error }
      if loaded == nil, findings.isEmpty {
        result.problems.append(RuleLoader.ioFinding(SourceFileError(path: path, reason: "not a config file")))
      }
    }
    result.config = config
    if !request.recordsBaseline, let path = request.baselinePath ?? config?.baseline {
      result.noteInput(FilePath.absolute(path, cwd: request.cwd), shown: path)  // read later, protected now
    }
    // The rules.
    let (rules, loadProblems) = RuleLoader.load(userRuleDirectories: (config?.rulePaths ?? []) + request.ruleDirectories)
    result.problems += loadProblems.filter { $0.severity == .error }
    let ruleFolderNotes = loadProblems.filter { $0.severity != .error }  // IO002: a FIFO in a rules folder
    for path in Set(rules.filter { !$0.isBuiltin }.map(\.path) + loadProblems.compactMap(\.path)) {
      result.noteInput(FilePath.absolute(path, cwd: request.cwd), shown: path)
    }
    let (configurations, configProblems) = config?.resolve(against: rules) ?? ([:], [])
    result.problems += configProblems.filter { $0.severity == .error }
    result.overrides = configurations.values.filter(\.isReportedOverride).sorted { $0.ruleId < $1.ruleId }
    result.ruleLookup = RuleLookup(rules: rules, others: loaderRules)
    let selected = select(rules, only: request.only, disable: request.disable, &result.problems)
    var compiled: [CompiledRule] = []
    for rule in selected {
      let (c, p) = RuleCompiler.compile(rule)
      result.problems += p
      if let c { compiled.append(c) }
    }
    compiled = RuleConfiguration.apply(configurations, to: compiled)
    result.rules =
      compiled.map { $0.rule.isBuiltin ? $0.descriptor : $0.descriptor.documented(at: .none) } + loaderRules
      + (AdoptionRules.all + RunRules.all).map { $0.documented(at: .diagnostics) }
    guard result.problems.isEmpty else { return result }

    // The set.
    var include: (@Sendable (String) -> Bool)?
    if let c = config {
      let cwd = request.cwd
      include = { path in
        guard let relative = c.relativePath(of: path, cwd: cwd) else { return true }
        return c.isIncluded(relative)
      }
    }
    let set = OrgSetLoader.load(
      paths: request.paths, include: include, overrides: request.overrides, dialect: config?.dialect ?? .auto)
    result.set = set
    result.problems += set.unreadable.map(RuleLoader.ioFinding)
    for file in set.files {
      result.sources[file.source.path] = file.source
      if let identity = file.source.identity { result.inputFiles[identity] = file.source.path }
    }
    result.filesScanned = set.reportedPaths?.count ?? set.files.count
    // Folders only: named files (pre-commit passes every changed *.yaml) keep skipping other YAML silently.
    if result.problems.isEmpty, set.reportedPaths == nil, set.organizationDocuments == 0, !set.files.isEmpty,
      set.findings.isEmpty
    {
      let count = set.files.count
      result.problems.append(
        Finding(
          RunRules.noOrganizationDocuments,
          "no organization documents found in \(count) YAML file\(count == 1 ? "" : "s") (orglint/v1 documents, an "
            + "LZA config folder or an org-formation template; see Docs/dialects.md)", path: nil, range: nil))
    }
    guard result.problems.isEmpty else { return result }

    // Rules, suppressions, baseline.
    var findings = ruleFolderNotes + set.reportedFindings
    let run = RuleEvaluator(set: set, now: request.now).run(compiled) { set.isReported($0) }
    findings += run.findings.filter { set.isReported($0.path) }
    result.notJudged = run.notJudged
    result.checks = run.checks
    findings = Suppressor.suppress(
      findings, in: set, config: config, rules: rules, otherRules: loaderRules,
      ranRuleIds: Set(compiled.map(\.rule.id)), today: CivilTime(secondsSinceEpoch: request.now.seconds).date,
      cwd: request.cwd)
    findings = Baseline.fingerprintLoaderFindings(findings, root: config?.directory ?? set.root, cwd: request.cwd)
    if request.recordsBaseline {
      // The run reports as the next one with the baseline just written will: recorded findings are `unchanged`.
      let recorded = Baseline(recording: findings)
      result.baselineText = recorded.rendered
      findings = recorded.apply(to: findings).findings
    }
    if !request.recordsBaseline, let path = request.baselinePath ?? config?.baseline {
      if request.baselinePath == nil, !Baseline.exists(path) {
        // The config names the baseline before the first `--write-baseline` wrote it: every finding is new.
        result.notices.append(
          "baseline \(path) (the config's 'baseline') does not exist yet, so every finding is new; record it with "
            + "'orglint lint --write-baseline \(path)'")
      } else {
        findings = applyBaseline(at: path, to: findings, partialRun: set.reportedPaths != nil, &result)
      }
    }
    if let minimum = request.minCoverage.map({ MinCoverage(percent: $0) }) ?? config?.minCoverage {
      if let finding = coverageFinding(result, minimum) { findings.append(finding) }
    }
    result.findings = findings
    return result
  }

  /// `findings` marked against the baseline file at `path`, with its stale entries as BASE001 notes, except on a
  /// partial run (named files), where the other files' findings were not looked at; a file that cannot be read or
  /// parsed is a problem (exit 2).
  static func applyBaseline(
    at path: String, to findings: [Finding], partialRun: Bool, _ result: inout LintResult
  ) -> [Finding] {
    do {
      let source = try SourceFile.read(path: path)
      if let identity = source.identity { result.inputFiles[identity] = path }
      let baseline = try Baseline.parse(String(decoding: source.bytes, as: UTF8.self), path: path)
      let (marked, stale) = baseline.apply(to: findings)
      let reported = partialRun ? [] : stale
      // The baseline is a source (for snippets) only when a finding points into it: it is not a linted file, so
      // reports that list files (JUnit) must not show it as one that passed.
      if !reported.isEmpty { result.sources[path] = source }
      return marked + reported
    } catch let error as SourceFileError {
      result.problems.append(RuleLoader.ioFinding(error))
    } catch {
      result.problems.append(
        Finding(RunRules.invalidBaseline, "\(error)", path: path, range: nil))
    }
    return findings
  }

  /// COVERAGE001 when fewer checks were judged than `minimum` asks; at the config's `minCoverage:` when set there.
  static func coverageFinding(_ result: LintResult, _ minimum: MinCoverage) -> Finding? {
    let coverage = result.coverage
    guard coverage < minimum.percent else { return nil }
    let n = result.notJudged.count
    return Finding(
      AdoptionRules.coverage,
      "coverage \(MinCoverage.text(coverage)) is under the minimum \(MinCoverage.text(minimum.percent)): \(n) of "
        + "\(result.checks) check\(result.checks == 1 ? "" : "s") could not be judged (they read unknown facts)",
      path: minimum.path, range: minimum.range)
  }

  /// Loads, selects and compiles the built-in and user rules (without a config file).
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
        } else if let d = diagnosticRules.first(where: { $0.id.caseInsensitiveEquals(name) || $0.name == name }) {
          // Loader and run ids always report: a broken file or config must never pass because a rule was picked.
          problems.append(
            Finding(
              RunRules.unknownRule,
              "\(option): \(d.id) is a diagnostic of orglint itself, not a rule, and always reports; "
                + (d.severity == .error
                  ? "fix what it reports"
                  : "to accept it, suppress it in the config file's 'suppressions' list"),
              path: nil, range: nil))
        } else {
          problems.append(
            Finding(
              RunRules.unknownRule, "\(option): no rule '\(name)'\(DidYouMean.hint(for: name, among: known))",
              path: nil, range: nil))
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
