import Adoption
import ArgumentParser
import CEL
import Diagnostics
import Reporting
import RuleEngine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `orglint lint`: the main job.
struct Lint: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",  // set, not derived: deriving it reflects on the type (~2 ms a run)
    abstract: "Lint the organization set under PATH (default: the current folder).",
    discussion: """
      Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it, or coverage under --min-coverage; \
      2 orglint could not do its job (bad arguments, unreadable path, invalid rule file, a file --fix could not \
      write). With --fix --diff: 1 when there is something to fix.
      """)

  @Argument(help: ArgumentHelp(
    "Files or folders of orglint documents. Named files are linted in the context of their whole set.",
    valueName: "path"))
  var paths: [String] = []

  @Option(name: .customLong("rules"), help: ArgumentHelp("A folder of user rules (repeatable).", valueName: "dir"))
  var ruleDirectories: [String] = []

  @Option(help: "Output format: text, json, sarif, github, junit, gitlab or html.")
  var format: OutputFormat = .text

  @Option(help: ArgumentHelp(
    "Write the report to FILE (atomically; - is standard output) instead of standard output.", valueName: "file"))
  var output: String?

  @Option(help: "Lowest severity that fails the run: error, warning, note or never (default: the config's failOn, else error).")
  var failOn: FailOn?

  @Option(
    help: ArgumentHelp(
      "Fail (COVERAGE001, exit 1) when fewer than PERCENT of the checks are judged; the others read facts the set "
        + "lists as unknown (default: the config's minCoverage).", valueName: "percent"))
  var minCoverage: String?

  @Option(help: ArgumentHelp("The config file (default: the nearest .orglint.yaml upward from the first PATH).", valueName: "file"))
  var config: String?

  @Option(help: ArgumentHelp("Report only findings that are not in this baseline file (default: the config's baseline).", valueName: "file"))
  var baseline: String?

  @Option(help: ArgumentHelp("Record today's findings in FILE (atomically), so that later runs with --baseline report only new ones.", valueName: "file"))
  var writeBaseline: String?

  @Option(help: ArgumentHelp("The time rules see as `now` (RFC 3339); default: the clock.", valueName: "time"))
  var now: String?

  @Option(help: ArgumentHelp("Comma-separated rule ids or names to skip.", valueName: "ids"))
  var disable: [String] = []

  @Option(help: ArgumentHelp("Comma-separated rule ids or names: run only these.", valueName: "ids"))
  var only: [String] = []

  @Option(help: "Colour in text output: auto (a terminal, and NO_COLOR unset), always or never.")
  var color: ColorMode = .auto

  @Flag(help: "Print nothing when there is no finding.")
  var quiet = false

  @Flag(help: "Print a count of findings per rule: after a text report, on standard error beside other formats.")
  var statistics = false

  @Option(help: ArgumentHelp("SARIF automationDetails.id: the code-scanning category of this run.", valueName: "id"))
  var category: String?

  @Flag(help: "Apply the findings' safe fixes to the linted files (atomically, file by file), then report what remains.")
  var fix = false

  @Flag(help: "With --fix: print the fixes as a unified diff and change nothing (exit 1 when there is one).")
  var diff = false

  /// Checks `--now` while parsing, so a bad value is reported with this command's usage.
  func validate() throws {
    _ = try LintClock.resolve(now)
    if !only.isEmpty, only.flatMap(splitList).isEmpty {
      throw ValidationError("--only needs at least one rule id or name; '\(only.joined(separator: ","))' has none")
    }
    if diff, !fix { throw ValidationError("--diff shows what --fix would change: use --fix --diff") }
    if let minCoverage, MinCoverage.parse(minCoverage) == nil {
      throw ValidationError("--min-coverage '\(minCoverage)' is not a percentage from 0 to 100, such as 90")
    }
  }

  func run() throws {
    let clock = try LintClock.resolve(now)
    var request = LintRequest(
      paths: paths.isEmpty ? ["."] : paths, ruleDirectories: ruleDirectories, now: clock,
      only: only.flatMap(splitList), disable: disable.flatMap(splitList), configPath: config, baselinePath: baseline)
    request.recordsBaseline = writeBaseline != nil
    request.minCoverage = minCoverage.flatMap(MinCoverage.parse)
    var outputs = OutputPlan()  // a folder or a socket as output is refused before the work
    try outputs.add(writeBaseline, option: "--write-baseline")
    try outputs.add(output, option: "--output")
    var result = Linter.lint(request)
    try outputs.check(against: result.inputFiles)
    var fixFailed = false
    if fix, result.problems.isEmpty {
      let fixes = FixRun(result, recordingBaseline: writeBaseline != nil)
      fixes.reportConflicts()
      if diff {
        let (count, files) = fixes.counts
        try emit(fixes.diff, to: output)
        standardError(count == 0 ? "orglint: nothing to fix" : "orglint: would fix \(FixRun.summary(findings: count, files: files))")
        if count > 0 { throw ExitCode(1) }
        return
      }
      let written = fixes.write()
      fixFailed = written.failed
      if written.files > 0 {
        standardError("orglint: fixed \(FixRun.summary(findings: written.findings, files: written.files))")
      } else if !written.failed {
        standardError("orglint: nothing to fix")
      }
      if written.files > 0 { result = Linter.lint(request) }  // the report is the run after the fixes
    }
    let overrides = result.overrides.map { RuleOverride(ruleId: $0.ruleId, severity: $0.severity, enabled: $0.enabled) }
    if !result.problems.isEmpty {
      let report = Report(
        findings: [], rules: result.rules, sources: result.sources, configurationProblems: result.problems,
        ruleOverrides: overrides, exitCode: 2, toolVersion: OrglintVersion.current, filesScanned: result.filesScanned,
        sourceRootURI: Report.directoryURI(FilePath.currentDirectory()))
      standardError(OutputFormat.text.render(report, color: false))
      if format != .text { try emit(format.render(report), to: output) }
      throw ExitCode(2)
    }
    for notice in result.notices { standardError("orglint: note: \(notice)\n") }
    if let writeBaseline { try emit(result.baselineText, to: writeBaseline) }
    let threshold = (failOn ?? result.config?.failOn ?? .error).threshold
    let failing =
      result.isUnderMinCoverage
      || result.findings.contains { f in f.isActive && threshold.map { f.severity >= $0 } ?? false }
    let code: Int32 = failing ? 1 : 0
    var report = Report(
      findings: result.findings, rules: result.rules, sources: result.sources, ruleOverrides: overrides,
      exitCode: Int(code), toolVersion: OrglintVersion.current, filesScanned: result.filesScanned,
      notJudged: result.notJudged, checks: result.checks, automationId: category,
      sourceRootURI: Report.directoryURI(FilePath.currentDirectory()),
      anchorPath: result.set?.organization?.origin.document.path ?? result.config?.path)
    if format == .html {
      report.organization = result.set.map(OrganizationOutline.init)
      report.now = clock.seconds
    }
    let colored = color.isEnabled(outputIsTerminal: (output ?? "-") == "-" && isatty(1) != 0, environment: environment())
    // Statistics follow a text report; beside a machine-readable one (JSON, SARIF, ...) they go to standard error,
    // so that the report stays a valid document.
    if statistics, format != .text { standardError(StatisticsFormatter.render(report)) }
    let silent = quiet && format == .text && result.findings.allSatisfy { !$0.isActive }
    // Written a chunk at a time as it is rendered: a 50,000-account report is tens of megabytes.
    try emit(to: output) { write in
      if silent { return }
      format.write(report, color: colored, to: write)
      if statistics, format == .text {
        var text = StatisticsFormatter.render(report)
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
      }
    }
    if fixFailed { throw ExitCode(2) }
    if code != 0 { throw ExitCode(code) }
  }
}

extension FailOn: NamedArgumentValue {}

extension OutputFormat: NamedArgumentValue {}
extension ColorMode: NamedArgumentValue {}

/// An option's value type whose values are named by their raw values (`--fail-on warning`).
///
/// ArgumentParser's default implementations describe values by interpolating a generic value, whose dynamic casts
/// (a scan of the runtime's conformance records per type and protocol) cost ~3 M instructions at every start-up;
/// these give the same strings directly: a value's description is its raw value, so there are no separate
/// descriptions.
protocol NamedArgumentValue: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension NamedArgumentValue {
  public var defaultValueDescription: String { rawValue }
  public static var allValueStrings: [String] { allCases.map(\.rawValue) }
  public static var allValueDescriptions: [String: String] { [:] }
}

/// `--now`, or the clock.
enum LintClock {
  static func resolve(_ text: String?) throws -> CELTimestamp {
    guard let text else {
      var ts = timespec()
      clock_gettime(CLOCK_REALTIME, &ts)
      return CELTimestamp(seconds: Int64(ts.tv_sec), nanos: Int32(ts.tv_nsec))!
    }
    guard let t = CELTimestamp.parse(text) else {
      if text.utf8.count >= 19, text.dropFirst(17).hasPrefix("60") {
        throw ValidationError(
          "--now '\(text)' has second 60, a leap second, which rule time cannot represent; use :59 or the next minute")
      }
      throw ValidationError("--now '\(text)' is not an RFC 3339 timestamp such as 2026-11-25T00:00:00Z")
    }
    return t
  }
}

/// Splits `a,b` option values.
func splitList(_ text: String) -> [String] {
  text.split(separator: ",").map { String($0).trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
}

/// The process environment.
func environment() -> [String: String] {
  var result: [String: String] = [:]
  var p = environ
  while let entry = p.pointee {
    let s = String(cString: entry)
    if let eq = s.firstIndex(of: "=") { result[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
    p += 1
  }
  return result
}

extension String {
  func trimmingCharacters(in set: Character) -> String {
    var s = Substring(self)
    while s.first == set { s.removeFirst() }
    while s.last == set { s.removeLast() }
    return String(s)
  }
}
