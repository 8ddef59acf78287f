import AWSImport
import Adoption
import ArgumentParser
import Diagnostics
import Reporting
import RuleEngine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `orglint rules`: list, explain, test and document the rules.
struct Rules: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules",  // set, not derived: deriving it reflects on the type (~2 ms a run)
    abstract: "List, explain, test and document rules.",
    subcommands: [List.self, Explain.self, Test.self, Docs.self])

  /// `orglint rules list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",  // set, not derived: deriving it reflects on the type (~2 ms a run)
      abstract: "List every rule in force (the built-in rules and the user rules of --rules), then the ids orglint's "
        + "loader and run report (diagnostic: YAML…, SCHEMA…, CONFIG…, SUP…, IO001, …).")

    @Option(help: "Output format: text, json or markdown.")
    var format: ListFormat = .text

    @Option(name: .customLong("rules"), help: "A folder of user rules (repeatable).")
    var ruleDirectories: [String] = []

    func run() throws {
      let rules = try loadRules(ruleDirectories)
      try StandardOutput.write(format.render(rules, diagnostics: allDiagnostics))
    }
  }

  /// `orglint rules explain`.
  struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "explain",  // set, not derived: deriving it reflects on the type (~2 ms a run)
      abstract: "Explain a rule: severity, scope, description, remediation, parameters, references, examples.")

    @Argument(help: "A rule id (ROOT001) or name (member-root-password-removed).")
    var rule: String

    @Option(name: .customLong("rules"), help: "A folder of user rules (repeatable).")
    var ruleDirectories: [String] = []

    func run() throws {
      let rules = try loadRules(ruleDirectories)
      if let r = rules.first(where: { $0.id.lowercased() == rule.lowercased() || $0.name == rule }) {
        try StandardOutput.write(RuleDocs.explain(r))
        return
      }
      let others = allDiagnostics
      if let d = others.first(where: { $0.id.lowercased() == rule.lowercased() || $0.name == rule }) {
        try StandardOutput.write(RuleDocs.explain(d))
        return
      }
      let known = rules.flatMap { [$0.id, $0.name] } + others.flatMap { [$0.id, $0.name] }
      standardError("orglint: error: no rule '\(rule)'\(DidYouMean.hint(for: rule, among: known))")
      throw ExitCode(2)
    }
  }

  /// `orglint rules test`.
  struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "test",  // set, not derived: deriving it reflects on the type (~2 ms a run)
      abstract: "Run the examples of rule files and report pass or fail for each.",
      discussion: """
        With no PATH, tests the built-in rules (and those of --rules). Each example's config is loaded on its own \
        and only its rule is evaluated, with `now` = the example's `now`, else \(ExampleRunner.defaultNowText). \
        Exit codes: 0 every example passed; 1 some failed; 2 a rule file is invalid.
        """)

    @Argument(help: "Rule files or folders of rule files (default: the built-in rules).")
    var paths: [String] = []

    @Option(name: .customLong("rules"), help: "A folder of user rules to test too (repeatable).")
    var ruleDirectories: [String] = []

    func run() throws {
      let (rules, loadProblems) = RuleLoader.load(
        userRuleDirectories: paths + ruleDirectories, includeBuiltins: paths.isEmpty)
      var problems = withoutNotes(loadProblems)
      var passed = 0
      var failed = 0
      for rule in rules {
        let result = ExampleRunner.run(rule)
        problems += result.problems
        if result.problems.isEmpty, rule.examples.isEmpty {
          try StandardOutput.line("skip  \(rule.id) \(rule.name): no examples")
        }
        for o in result.outcomes {
          let title = "\(rule.id) \(rule.name) #\(o.index) \(o.name)"
          if o.passed {
            passed += 1
            try StandardOutput.line("pass  \(title)")
          } else {
            failed += 1
            try StandardOutput.line("FAIL  \(title)\n      at \(rule.path):\(o.location.line):\(o.location.column)")
            for line in o.failures { try StandardOutput.line("      \(line)") }
          }
        }
      }
      try StandardOutput.line("\(passed) passed, \(failed) failed")
      if !problems.isEmpty { try reportProblems(problems) }
      if failed > 0 { throw ExitCode(1) }
    }
  }

  /// `orglint rules docs`.
  struct Docs: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "docs",  // set, not derived: deriving it reflects on the type (~2 ms a run)
      abstract: "Write the built-in rules' Markdown pages (<ID>.md and README.md) into DIR.",
      discussion: "The repository's pages are regenerated with `\(RuleDocs.regenerateCommand)`.")

    @Argument(help: "The folder to write, e.g. Docs/rules (created if missing).")
    var directory: String

    func run() throws {
      let rules = try loadRules([])
      let pages = RuleDocs.pages(for: rules)
      if mkdir(directory, 0o755) != 0, errno != EEXIST {
        standardError("orglint: error: cannot create \(directory): \(String(cString: strerror(errno)))")
        throw ExitCode(2)
      }
      let dir = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
      for page in pages { try emit(page.text, to: "\(dir)/\(page.fileName)") }
      // Pages of rules that no longer exist.
      let current = Set(pages.map(\.fileName))
      for name in markdownFiles(in: dir) where !current.contains(name) && isRulePageName(name) {
        unlink("\(dir)/\(name)")
        try StandardOutput.line("removed \(dir)/\(name)")
      }
      try StandardOutput.line("wrote \(pages.count) pages to \(dir)")
    }
  }
}

/// `orglint rules list --format`.
enum ListFormat: String, NamedArgumentValue {
  case text, json, markdown

  func render(_ rules: [Rule], diagnostics: [RuleDescriptor] = []) -> String {
    switch self {
    case .text:
      let idWidth = (rules.map(\.id.count) + diagnostics.map(\.id.count)).max() ?? 0
      let nameWidth = (rules.map(\.name.count) + diagnostics.map(\.name.count)).max() ?? 0
      return rules.map { r in
        r.id.padded(idWidth) + "  " + r.name.padded(nameWidth) + "  " + r.descriptor.severity.rawValue.padded(7)
          + "  " + r.scope.rawValue.padded(12) + "  " + r.descriptor.title + "\n"
      }.joined()
        + diagnostics.map { d in
          d.id.padded(idWidth) + "  " + d.name.padded(nameWidth) + "  " + d.severity.rawValue.padded(7) + "  "
            + "diagnostic".padded(12) + "  " + d.title + "\n"
        }.joined()
    case .markdown:
      return "| id | name | severity | scope | title | source |\n|---|---|---|---|---|---|\n"
        + rules.map { r in
          "| \(r.id) | `\(r.name)` | \(r.descriptor.severity.rawValue) | \(r.scope.rawValue) | "
            + r.descriptor.title.replacingPipes + " | \(r.isBuiltin ? "built-in" : r.path) |\n"
        }.joined()
    case .json:
      let items = rules.map { r -> String in
        let d = r.descriptor
        var fields = [
          "\"id\":\(JSONText.quoted(d.id))", "\"name\":\(JSONText.quoted(d.name))",
          "\"title\":\(JSONText.quoted(d.title))", "\"severity\":\(JSONText.quoted(d.severity.rawValue))",
        ]
        if let s = d.securitySeverity { fields.append("\"securitySeverity\":\(s)") }
        fields += [
          "\"scope\":\(JSONText.quoted(r.scope.rawValue))",
          "\"tags\":[" + d.tags.map(JSONText.quoted).joined(separator: ",") + "]",
          "\"builtin\":\(r.isBuiltin)", "\"path\":\(JSONText.quoted(r.path))",
        ]
        return "  {" + fields.joined(separator: ",") + "}"
      }
      let diagnosticItems = diagnostics.map { d -> String in
        "  {" + [
          "\"id\":\(JSONText.quoted(d.id))", "\"name\":\(JSONText.quoted(d.name))",
          "\"title\":\(JSONText.quoted(d.title))", "\"severity\":\(JSONText.quoted(d.severity.rawValue))",
          "\"scope\":\"diagnostic\"", "\"tags\":[" + d.tags.map(JSONText.quoted).joined(separator: ",") + "]",
          "\"builtin\":true", "\"path\":\"Docs/diagnostics.md#\(d.diagnosticsAnchor)\"",
        ].joined(separator: ",") + "}"
      }
      let all = items + diagnosticItems
      return "[\n" + all.joined(separator: ",\n") + (all.isEmpty ? "]\n" : "\n]\n")
    }
  }
}

/// Every id orglint reports besides the rules (the loader's, the run's, the importer's), as `rules list` and
/// `rules explain` show them.
let allDiagnostics = Linter.diagnosticRules + ImportRules.all.map { $0.documented(at: .diagnostics) }

/// The built-in rules and those of `directories`, compiled to check them; on any problem, the problems go to
/// standard error and the command exits with 2.
func loadRules(_ directories: [String]) throws -> [Rule] {
  let (rules, loadProblems) = RuleLoader.load(userRuleDirectories: directories)
  let problems = withoutNotes(loadProblems)
  let compileProblems = rules.flatMap { RuleCompiler.compile($0).1 }
  if !problems.isEmpty || !compileProblems.isEmpty { try reportProblems(problems + compileProblems) }
  return rules
}

/// The errors among a rule loader's findings; its notes (IO002: an entry of a rules folder that is not a regular
/// file, skipped) go to standard error.
func withoutNotes(_ findings: [Finding]) -> [Finding] {
  for note in findings where note.severity != .error {
    standardError(
      "orglint: \(note.severity.rawValue): \(note.path ?? ""): \(note.message) [\(note.ruleId) \(note.ruleName)]")
  }
  return findings.filter { $0.severity == .error }
}

/// Prints problems of rule files to standard error as text findings (with snippets) and exits with 2.
func reportProblems(_ problems: [Finding]) throws -> Never {
  var sources: [String: SourceFile] = [:]
  for s in BuiltinRules.sources { sources[s.path] = s }
  for path in Set(problems.compactMap(\.path)) where sources[path] == nil {
    sources[path] = try? SourceFile.read(path: path)
  }
  let report = Report(
    findings: [], rules: RuleFileRules.all, sources: sources, configurationProblems: problems, exitCode: 2,
    toolVersion: OrglintVersion.current, filesScanned: 0)
  standardError(OutputFormat.text.render(report, color: false))
  throw ExitCode(2)
}

/// File names ending in `.md` in a folder.
private func markdownFiles(in dir: String) -> [String] {
  guard let d = opendir(dir) else { return [] }
  defer { closedir(d) }
  var names: [String] = []
  while let entry = readdir(d) {
    let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    if name.hasSuffix(".md") { names.append(name) }
  }
  return names
}

/// `ROOT001.md`: a page `rules docs` writes (so it may remove it when its rule is gone).
private func isRulePageName(_ name: String) -> Bool {
  let stem = name.dropLast(3)
  return !stem.isEmpty && stem.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
    && stem.first!.isLetter
}

extension String {
  fileprivate func padded(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }

  fileprivate var replacingPipes: String {
    var out = ""
    for c in self { out += c == "|" ? "\\|" : String(c) }
    return out
  }
}
