import ArgumentParser
import CEL
import Diagnostics
import OrgModel
import Reporting
import RuleEngine

/// `orglint eval`: the rule author's REPL. Evaluates a CEL expression in the environment of rules and prints JSON.
struct Eval: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",  // set, not derived: deriving it reflects on the type (~2 ms a run)
    abstract: "Evaluate a CEL expression against a organization set, as a rule would see it, and print JSON.",
    discussion: """
      The variables are those of rules (Docs/model.md): org, accounts, tasks, policies, now, and with --scope the \
      item (account, task or policy; org for organization); there are no params. Without PATH the set is empty \
      (orglint eval "1 + 2" prints 3). Without --scope the value is printed once; with it, one line per item: \
      {"item":"account/333333333333","value":true}. Timestamps print as RFC 3339 strings, durations as "86400s", \
      entities as {"type":"Account","path":"account/…"}. Exit codes: 0 evaluated; 1 the expression failed for \
      some item (printed as {"error": …}); 2 the expression does not compile, or a path or rule file is invalid.
      """)

  @Argument(help: "The CEL expression, e.g. \"account.root.mfaDevices.size() > 0\".")
  var expression: String

  @Argument(help: "Files or folders of orglint documents (default: none, an empty set).")
  var paths: [String] = []

  @Option(help: "Evaluate once per item of this scope: organization, account, task or policy.")
  var scope: RuleScope?

  @Option(help: "The time `now` holds (RFC 3339); default: the clock.")
  var now: String?

  @Option(
    name: .customLong("rules"),
    help: "A folder of user rules, loaded and checked as `lint` does (invalid rule files exit with 2).")
  var ruleDirectories: [String] = []

  func run() throws {
    let clock = try LintClock.resolve(now)
    if !ruleDirectories.isEmpty { _ = try loadRules(ruleDirectories) }
    let evaluator: ExpressionEvaluator
    do {
      evaluator = try ExpressionEvaluator(expression, scope: scope)
    } catch {
      standardError(Self.describe(error, in: expression))
      throw ExitCode(2)
    }
    let set = paths.isEmpty ? OrgSetLoader.load(sources: []) : OrgSetLoader.load(paths: paths)
    if !set.unreadable.isEmpty {
      for e in set.unreadable { standardError("orglint: error: \(e.path): cannot read: \(e.reason)") }
      throw ExitCode(2)
    }
    if let note = Self.loaderNote(set.findings, paths: paths) { standardError(note) }
    let results = evaluator.evaluate(set, now: clock)
    try StandardOutput.write(results.map { $0.line + "\n" }.joined())
    if results.contains(where: \.isError) { throw ExitCode(1) }
  }

  /// One line about the set's loader findings, if any: eval is called again and again while a rule is written, so
  /// it says that the model may be incomplete and where to see why, not every finding each time.
  static func loaderNote(_ findings: [Finding], paths: [String]) -> String? {
    guard !findings.isEmpty else { return nil }
    let files = Set(findings.compactMap(\.path)).count
    var counts: [String] = []
    for severity in [Severity.error, .warning, .note] {
      let n = findings.filter { $0.severity == severity }.count
      if n > 0 { counts.append("\(n) \(severity.rawValue)\(n == 1 ? "" : "s")") }
    }
    return "orglint: note: the set has \(counts.joined(separator: ", ")) from loading \(files) file"
      + "\(files == 1 ? "" : "s"), so the model may be incomplete; 'orglint lint \(paths.joined(separator: " "))' "
      + "shows them"
  }

  /// Every compile error: `orglint: error: line:column: message`, the expression's line and a caret under the column.
  static func describe(_ errors: CELCompileErrors, in expression: String) -> String {
    let lines = expression.split(separator: "\n", omittingEmptySubsequences: false)
    return errors.errors.map { e in
      let line = max(1, e.line)
      let text = line <= lines.count ? String(lines[line - 1]) : ""
      let pad = text.unicodeScalars.prefix(max(0, e.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
      return "orglint: error: \(line):\(max(1, e.column)): \(e.message)\n  \(text)\n  \(pad)^"
    }.joined(separator: "\n")
  }
}

extension RuleScope: NamedArgumentValue {}
