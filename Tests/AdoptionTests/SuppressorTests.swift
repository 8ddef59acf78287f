import Diagnostics
import Testing

@testable import Adoption

/// Account 333… is in Workloads/Prod, 444… in Sandbox; the entity is the finding's fingerprint after the rule id.
private let suppressor = Suppressor(
  lookup: RuleLookup(rules: testRules), today: CivilDate(fullDate: "2026-11-25")!,
  subject: { f in
    let entity = f.fingerprint?.split(separator: ":").last.map(String.init) ?? ""
    if entity.hasPrefix("account/333333333333") { return ("333333333333", "Workloads/Prod") }
    if entity.hasPrefix("account/444444444444") { return ("444444444444", "Sandbox") }
    return (nil, nil)
  },
  relativePath: { $0.hasPrefix("repo/") ? String($0.dropFirst(5)) : nil })

private let at = SourceRange(at: SourceLocation(line: 2, column: 1, offset: 0))

private func inline(_ rules: [String], lines: ClosedRange<Int>, reason: String = "because", expires: String? = nil,
  path: String = "org/accounts.yaml") -> SuppressionDirective
{
  SuppressionDirective(
    rules: rules, reason: reason, expires: expires.flatMap(CivilDate.init(fullDate:)), target: .lines(path: path, lines),
    path: path, range: SourceRange(at: SourceLocation(line: lines.lowerBound - 1, column: 1, offset: 0)))
}

private func central(_ rules: [String], _ target: SuppressionDirective.Target, reason: String = "accepted risk",
  expires: String? = nil, line: Int = 2) -> SuppressionDirective
{
  SuppressionDirective(
    rules: rules, reason: reason, expires: expires.flatMap(CivilDate.init(fullDate:)), target: target, path: ".orglint.yaml",
    range: SourceRange(at: SourceLocation(line: line, column: 5, offset: 0)))
}

/// `ruleId@line suppressed-by-kind:line` per finding, "-" when not suppressed.
private func states(_ findings: [Finding]) -> [String] {
  findings.map { f in
    "\(f.ruleId)@\(f.range!.start.line) " + (f.suppression.map { "\($0.kind.rawValue):\($0.line ?? 0)" } ?? "-")
  }
}

@Suite struct SuppressorTests {
  @Test func inlineNextLineAndDocumentScopes() {
    let findings = [
      finding("ROOT001", line: 5, entity: "account/333333333333/root.password"),
      finding("ROOT001", line: 9, entity: "account/444444444444/root.password"),
      finding("ROOT001", path: "org/other.yaml", line: 5, entity: "account/555555555555/root.password"),
      finding("ROOT001", line: 30, entity: "account/666666666666/root.password"),
    ]
    let (out, problems) = suppressor.apply(
      findings, inline: [inline(["ROOT001"], lines: 5...5), inline(["member-root-password-removed"], lines: 8...20)],
      central: [])
    #expect(states(out) == ["ROOT001@5 inSource:4", "ROOT001@9 inSource:7", "ROOT001@5 -", "ROOT001@30 -"])
    #expect(out[0].suppression?.justification == "because")
    #expect(out[0].suppression?.path == "org/accounts.yaml")
    #expect(problems.isEmpty)
  }

  @Test func centralTargets() {
    let findings = [
      finding("ROOT001", line: 5, entity: "account/333333333333/root.password"),
      finding("ROOT001", line: 9, entity: "account/444444444444/root.password"),
      finding("ROOT001", path: "repo/org/legacy/x.yaml", line: 3, entity: "account/777777777777/root.password"),
      finding("ROOT001", path: "repo/org/x.yaml", line: 3, entity: "account/888888888888/root.password"),
      finding("ROOT008", line: 12, entity: "account/333333333333/root.recovery"),
    ]
    let (out, problems) = suppressor.apply(
      findings, inline: [],
      central: [
        central(["ROOT001"], .account("333333333333"), line: 2),
        central(["ROOT001"], .ou("Sandbox"), line: 5),
        central(["ROOT001"], .files(try! Glob.compile("org/legacy/**").get()), line: 8),
        central(["recovery-window"], .ou("Workloads"), line: 11),
      ])
    #expect(states(out) == [
      "ROOT001@5 external:2", "ROOT001@9 external:5", "ROOT001@3 external:8", "ROOT001@3 -", "ROOT008@12 external:11",
    ])
    #expect(out[0].suppression?.justification == "accepted risk")
    #expect(problems.isEmpty)
  }

  @Test func ouTargetsMatchWholeSegments() {
    let f = finding("ROOT001", line: 5, entity: "account/333333333333/root.password")
    let (work, _) = suppressor.apply([f], inline: [], central: [central(["ROOT001"], .ou("Workloads/Prod"))])
    #expect(work[0].suppression != nil)
    let (partial, problems) = suppressor.apply([f], inline: [], central: [central(["ROOT001"], .ou("Work"))])
    #expect(partial[0].suppression == nil)
    #expect(problems.map(described) == ["SUP003 2:5 suppression of ROOT001 matches no finding on OU Work; remove it"])
  }

  @Test func suppressibleFalseIgnoresEverySuppression() {
    let findings = [finding("ROOT007", line: 5, entity: "account/333333333333/root.accessKeys")]
    let (out, problems) = suppressor.apply(
      findings, inline: [inline(["ROOT007"], lines: 5...5)], central: [central(["ROOT007"], .account("333333333333"))])
    #expect(states(out) == ["ROOT007@5 -"])
    #expect(problems.map(described) == [
      "SUP003 4:1 suppression of ROOT007 has no effect: the rule cannot be suppressed (suppressible: false)",
      "SUP003 2:5 suppression of ROOT007 has no effect: the rule cannot be suppressed (suppressible: false)",
    ])
  }

  @Test func suppressibleCentralIgnoresInlineOnes() {
    let findings = [
      finding("ROOT008", line: 5, entity: "account/333333333333/root.recovery"),
      finding("ROOT008", line: 9, entity: "account/444444444444/root.recovery"),
    ]
    let (out, problems) = suppressor.apply(
      findings, inline: [inline(["ROOT008"], lines: 5...5), inline(["ROOT008"], lines: 9...9)],
      central: [central(["ROOT008"], .account("444444444444"))])
    #expect(states(out) == ["ROOT008@5 -", "ROOT008@9 external:2"])
    #expect(problems.map(described) == [
      "SUP003 4:1 suppression of ROOT008 has no effect: the rule can only be suppressed in the config file's "
        + "'suppressions' list (suppressible: central)",
      "SUP003 8:1 suppression of ROOT008 has no effect: the rule can only be suppressed in the config file's "
        + "'suppressions' list (suppressible: central)",
    ])
  }

  @Test func inlineIsTriedBeforeCentral() {
    let findings = [finding("ROOT001", line: 5, entity: "account/333333333333/root.password")]
    let (out, problems) = suppressor.apply(
      findings, inline: [inline(["ROOT001"], lines: 5...5)], central: [central(["ROOT001"], .account("333333333333"))])
    #expect(states(out) == ["ROOT001@5 inSource:4"])
    #expect(problems.map(described) == [
      "SUP003 2:5 suppression of ROOT001 matches no finding on account 333333333333; remove it",
    ])
  }

  @Test func expiryReasonsAndUnknownRules() {
    let findings = [
      finding("ROOT001", line: 5, entity: "account/333333333333/root.password"),
      finding("ROOT001", line: 9, entity: "account/444444444444/root.password"),
      finding("ROOT001", line: 13, entity: "account/555555555555/root.password"),
    ]
    let (out, problems) = suppressor.apply(
      findings,
      inline: [
        inline(["ROOT001"], lines: 5...5, expires: "2026-11-25"),
        inline(["ROOT001"], lines: 9...9, expires: "2026-11-26"),
        inline(["ROOT001", "ROOT01"], lines: 13...13, reason: ""),
        inline(["no-such-rule"], lines: 20...20),
      ], central: [])
    #expect(states(out) == ["ROOT001@5 -", "ROOT001@9 inSource:8", "ROOT001@13 inSource:12"])
    #expect(out[2].suppression?.justification == "")
    #expect(problems.map(described) == [
      "SUP002 4:1 suppression of ROOT001 expired on 2026-11-25; the findings it covered are reported again",
      "SUP004 12:1 suppression names unknown rule 'ROOT01'; did you mean 'ROOT001'?",
      "SUP001 12:1 suppression of ROOT001 has no reason; write it after '--'",
      "SUP004 19:1 suppression names unknown rule 'no-such-rule'",
    ])
    #expect(problems.map(\.severity) == [.warning, .warning, .warning, .warning])
    #expect(problems[0].fingerprint == "SUP002:org/accounts.yaml:ROOT001")
  }

  @Test func unusedIdsOfAMultiRuleSuppression() {
    let findings = [finding("ROOT001", line: 5, entity: "account/333333333333/root.password")]
    let (out, problems) = suppressor.apply(
      findings, inline: [inline(["ROOT001", "ROOT007", "ROOT001"], lines: 5...6)],
      central: [central(["ROOT001"], .ou("Workloads"), reason: "")])
    #expect(states(out) == ["ROOT001@5 inSource:4"])
    #expect(problems.map(described) == [
      "SUP003 4:1 suppression of ROOT007 has no effect: the rule cannot be suppressed (suppressible: false)",
      "SUP001 2:5 suppression of ROOT001 has no reason; add a 'reason:'",
      "SUP003 2:5 suppression of ROOT001 matches no finding on OU Workloads; remove it",
    ])
    #expect(problems[2].fingerprint == "SUP003:.orglint.yaml:ROOT001:OU Workloads")
  }

  @Test func findingsWithoutLocationOrKnownRuleAreLeftAlone() {
    var loose = finding("ROOT001", line: 1, entity: "organization")
    loose.range = nil
    let other = Finding(
      ruleId: "YAML001", ruleName: "yaml-syntax", severity: .error, message: "bad", path: "org/accounts.yaml",
      range: SourceRange(at: SourceLocation(line: 5, column: 1, offset: 0)))
    let (out, problems) = suppressor.apply(
      [loose, other], inline: [inline(["ROOT001"], lines: 1...40)], central: [])
    #expect(out.map(\.suppression) == [nil, nil])
    #expect(problems.map(\.ruleId) == ["SUP003"])
    // With YAML001 known (the loader's descriptors passed as `others`), it can be suppressed inline.
    var withYAML = suppressor
    withYAML.lookup = RuleLookup(rules: testRules, others: [
      RuleDescriptor(id: "YAML001", name: "yaml-syntax", title: "t", severity: .error)
    ])
    let (out2, problems2) = withYAML.apply([other], inline: [inline(["yaml-syntax"], lines: 5...5)], central: [])
    #expect(out2[0].suppression?.kind == .inSource)
    #expect(problems2.isEmpty)
  }

  @Test func unusedIsNotReportedForRulesThatDidNotRunOrPartialRuns() {
    var partial = suppressor
    partial.notRun = ["ROOT001"]
    let directives = [inline(["ROOT001"], lines: 5...5), inline(["ROOT008"], lines: 9...9)]
    let (_, problems) = partial.apply([], inline: directives, central: [])
    #expect(problems.map(described) == [
      "SUP003 8:1 suppression of ROOT008 has no effect: the rule can only be suppressed in the config file's "
        + "'suppressions' list (suppressible: central)",
    ])
    partial.reportsUnused = false
    #expect(partial.apply([], inline: directives, central: []).problems.isEmpty)
    // Other problems are still reported in a partial run.
    #expect(partial.apply([], inline: [inline(["ROOT001"], lines: 5...5, reason: "")], central: []).problems
      .map(\.ruleId) == ["SUP001"])
  }
}
