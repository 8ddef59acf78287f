import CEL
import Diagnostics
import OrgModel

/// How an example's `config` is turned into file bytes. The test suite replays every example with CR LF line breaks
/// and with a UTF-8 byte order mark: the findings' positions must not change.
public enum ExampleEncoding: String, CaseIterable, Sendable {
  /// The text as written in the rule file (LF line breaks).
  case asWritten
  /// Every LF becomes CR LF.
  case crlf
  /// A UTF-8 byte order mark before the text.
  case bom

  func bytes(_ text: String) -> [UInt8] {
    switch self {
    case .asWritten: Array(text.utf8)
    case .bom: [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    case .crlf:
      text.utf8.reduce(into: [UInt8]()) { out, b in
        if b == 0x0A { out.append(0x0D) }
        out.append(b)
      }
    }
  }
}

/// The outcome of one example of a rule.
public struct ExampleOutcome: Sendable {
  public var ruleId: String
  /// 1-based, in the rule file's order.
  public var index: Int
  public var name: String
  /// The in-memory file the example was loaded as: `<rule file>#example-<index>.yaml`.
  public var path: String
  /// Where the example starts in the rule file.
  public var location: SourceLocation
  /// Why the example failed, one line each (expected vs got, with positions); empty when it passed.
  public var failures: [String]
  /// Every finding of the example's run: loader findings, the rule's findings and evaluation errors.
  public var findings: [Finding]

  public var passed: Bool { failures.isEmpty }

  /// `ID example N 'name' (file:line:col)`, then the failures indented.
  public var explanation: String {
    var text = "\(ruleId) example \(index) '\(name)' (\(path.split(separator: "#").first ?? ""):\(location.line)"
      + ":\(location.column))"
    text += passed ? ": passed" : ":\n" + failures.map { "  " + $0 }.joined(separator: "\n")
    return text
  }
}

/// The outcomes of all examples of one rule, or why the rule could not run (it does not compile).
public struct RuleTestResult: Sendable {
  public var rule: Rule
  /// Problems of the rule file (RULE005...): when present, no example ran.
  public var problems: [Finding]
  public var outcomes: [ExampleOutcome]

  public var passed: Bool { problems.isEmpty && outcomes.allSatisfy(\.passed) }
}

/// Runs the `examples` of rule files: each example's `config` is loaded as an in-memory file, only the rule under test
/// is evaluated (with its default parameters, and `now` = the example's `now`, else `defaultNow`), and its findings
/// must match the example's `expect` one to one.
///
/// An expected finding matches a finding of the rule when its message contains `message` and its `at` is either the
/// finding's start `line:column` in the config, or a model path naming the finding's entity (`account/333333333333`),
/// optionally followed by a leading part of the rule's `location` (`account/333333333333/root`,
/// `account/333333333333/root/password` or `.../root.password`), optionally with the organization prefix of the
/// finding's logical location. An example also fails when its config has loader findings (YAML or schema errors) or
/// the rule fails to evaluate on it.
public enum ExampleRunner {
  /// The `now` of examples that do not set one: 2026-11-25T00:00:00Z, a fixed time, so examples never depend on
  /// the clock.
  public static let defaultNowText = "2026-11-25T00:00:00Z"
  public static let defaultNow = CELTimestamp.parse(defaultNowText)!

  /// Compiles the rule and runs all its examples.
  public static func run(_ rule: Rule, encoding: ExampleEncoding = .asWritten) -> RuleTestResult {
    let (compiled, problems) = RuleCompiler.compile(rule)
    guard let compiled else { return RuleTestResult(rule: rule, problems: problems, outcomes: []) }
    let outcomes = rule.examples.indices.map { run(compiled, exampleAt: $0, encoding: encoding) }
    return RuleTestResult(rule: rule, problems: [], outcomes: outcomes)
  }

  /// Runs one example (0-based `index` into `rule.examples`) of a compiled rule.
  public static func run(_ compiled: CompiledRule, exampleAt index: Int, encoding: ExampleEncoding = .asWritten)
    -> ExampleOutcome
  {
    let rule = compiled.rule
    let example = rule.examples[index]
    let path = "\(rule.path)#example-\(index + 1).yaml"
    var outcome = ExampleOutcome(
      ruleId: rule.id, index: index + 1, name: example.name, path: path, location: example.location, failures: [],
      findings: [])
    let source = SourceFile(path: path, bytes: encoding.bytes(example.config))
    let set = OrgSetLoader.load(sources: [source])
    let now = example.now.flatMap(CELTimestamp.parse) ?? defaultNow
    let ruleFindings = RuleEvaluator(set: set, now: now).evaluate([compiled]).sorted(by: Finding.reportOrder)
    outcome.findings = set.findings + ruleFindings
    for f in set.findings.sorted(by: Finding.reportOrder) {
      outcome.failures.append("the config is not valid: \(f.ruleId) at \(position(f)): \(f.message)")
    }
    var own: [Finding] = []
    for f in ruleFindings {
      if f.ruleId == rule.id {
        own.append(f)
      } else {
        outcome.failures.append("\(f.ruleId) at \(position(f)): \(f.message)")
      }
    }
    outcome.failures += compare(own, example.expect, rule: rule)
    return outcome
  }

  /// Why the findings do not match the expectations one to one; empty when they do.
  static func compare(_ findings: [Finding], _ expected: [RuleExample.Expectation], rule: Rule) -> [String] {
    if expected.isEmpty {
      guard !findings.isEmpty else { return [] }
      let n = findings.count
      return ["expected pass, got \(n) finding\(n == 1 ? "" : "s"):"]
        + findings.map { "  got at \(position($0)): \(quoted($0.message))" }
    }
    let fits = expected.map { e in findings.map { matches($0, e, rule: rule) } }
    let pairing = maximumMatching(fits, findingCount: findings.count)
    var failures: [String] = []
    let unmatched = findings.indices.filter { !pairing.contains($0) }
    for (i, e) in expected.enumerated() where pairing[i] == nil {
      var line = "missing: expected a finding at \(e.at) with a message containing \(quoted(e.message))"
      let samePlace = unmatched.filter { positionMatches(findings[$0], e.at, rule: rule) }
      let sameText = unmatched.filter { findings[$0].message.contains(e.message) }
      if let k = samePlace.first {
        line += "; got at \(position(findings[k])): \(quoted(findings[k].message))"
      } else if let k = sameText.first {
        line += "; the message was found at \(position(findings[k])) instead"
      } else if let k = findings.indices.first(where: { fits[i][$0] }),
        let other = pairing.firstIndex(where: { $0 == k })
      {
        line += "; the finding at \(position(findings[k])) that fits is already matched by expected finding"
          + " \(other + 1)"
      } else {
        line += findings.isEmpty ? "; the rule found nothing" : "; no finding there"
      }
      failures.append(line)
    }
    for k in unmatched {
      failures.append("unexpected finding at \(position(findings[k])): \(quoted(findings[k].message))")
    }
    return failures
  }

  /// For each expectation, the index of its finding (or nil): Kuhn's augmenting paths, tiny sizes.
  static func maximumMatching(_ fits: [[Bool]], findingCount: Int) -> [Int?] {
    var owner = [Int?](repeating: nil, count: findingCount)
    func augment(_ e: Int, _ seen: inout [Bool]) -> Bool {
      for f in 0..<findingCount where fits[e][f] && !seen[f] {
        seen[f] = true
        if owner[f] == nil || augment(owner[f]!, &seen) {
          owner[f] = e
          return true
        }
      }
      return false
    }
    for e in fits.indices {
      var seen = [Bool](repeating: false, count: findingCount)
      _ = augment(e, &seen)
    }
    var result = [Int?](repeating: nil, count: fits.count)
    for (f, e) in owner.enumerated() { if let e { result[e] = f } }
    return result
  }

  static func matches(_ f: Finding, _ e: RuleExample.Expectation, rule: Rule) -> Bool {
    positionMatches(f, e.at, rule: rule) && f.message.contains(e.message)
  }

  static func positionMatches(_ f: Finding, _ at: RuleExample.Position, rule: Rule) -> Bool {
    switch at {
    case .lineColumn(let line, let column):
      guard let start = f.range?.start else { return false }
      return start.line == line && start.column == column
    case .modelPath(let path):
      return modelPaths(of: f, rule: rule).contains(path)
    }
  }

  /// The model paths that name a finding: its entity, then the entity with each leading part of the rule's
  /// location (slash- and dot-separated), each also with the organization prefix of the logical location.
  static func modelPaths(of f: Finding, rule: Rule) -> Set<String> {
    guard let fingerprint = f.fingerprint, fingerprint.hasPrefix(rule.id + ":") else { return [] }
    var entity = String(fingerprint.dropFirst(rule.id.count + 1))
    let property = rule.location.joined(separator: ".")
    if !property.isEmpty, entity.hasSuffix("/" + property) { entity.removeLast(property.count + 1) }
    var paths: Set<String> = [entity]
    for n in rule.location.indices {
      let parts = rule.location.prefix(n + 1)
      paths.insert(entity + "/" + parts.joined(separator: "/"))
      paths.insert(entity + "/" + parts.joined(separator: "."))
    }
    let slashForm = entity + (rule.location.isEmpty ? "" : "/" + rule.location.joined(separator: "/"))
    if let logical = f.logicalLocation, logical.hasSuffix(slashForm), logical.count > slashForm.count {
      let prefix = String(logical.dropLast(slashForm.count))
      for p in paths { paths.insert(prefix + p) }
    }
    return paths
  }

  static func position(_ f: Finding) -> String {
    guard let start = f.range?.start else { return f.path == nil ? "<the set>" : "<no position>" }
    return "\(start.line):\(start.column)"
  }

  static func quoted(_ s: String) -> String { "\"" + s + "\"" }
}
