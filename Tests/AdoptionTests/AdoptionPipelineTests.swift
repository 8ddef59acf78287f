import CEL
import Diagnostics
import OrgModel
import RuleEngine
import Testing

@testable import Adoption

/// The whole adoption order on real built-in rules: config → rules → lint → suppress → baseline.
@Suite struct AdoptionPipelineTests {
  static let now = CELTimestamp.parse("2026-11-25T00:00:00Z")!

  static func account(_ id: String, ou: String, cert: String) -> String {
    """
    apiVersion: orglint/v1
    kind: Account
    id: "\(id)"
    name: acct-\(id)
    email: aws+\(id)@example.com
    organizationalUnit: \(ou)
    root:
      password: false
      signingCertificates:
        - { id: \(cert), active: false }
    """
  }

  /// ROOT003 findings (and the suppressions' own) of linting `files` under `configText`.
  static func run(_ files: [(String, String)], config configText: String) throws
    -> (findings: [Finding], problems: [Finding])
  {
    let (config, configFindings) = ConfigLoader.parse(source("/repo/.orglint.yaml", configText), cwd: "/repo")
    #expect(configFindings.map(described) == [])
    let (rules, ruleProblems) = RuleLoader.load(userRuleDirectories: config?.rulePaths ?? [])
    #expect(ruleProblems.isEmpty)
    let (configurations, resolveFindings) = try #require(config).resolve(against: rules)
    #expect(resolveFindings.map(described) == [])
    let (compiled, compileProblems) = Linter.compileRules(directories: [])
    #expect(compileProblems.isEmpty)
    let running = RuleConfiguration.apply(configurations, to: compiled)
    let set = OrgSetLoader.load(sources: files.map { source($0.0, $0.1) })
    let findings = RuleEvaluator(set: set, now: now).evaluate(running).filter { $0.ruleId == "ROOT003" }
    let all = Suppressor.suppress(
      findings, in: set, config: config, rules: rules, otherRules: Linter.loaderRules,
      ranRuleIds: Set(running.map(\.rule.id)), today: CivilTime(secondsSinceEpoch: now.seconds).date, cwd: "/repo")
    return (Array(all.prefix(findings.count)), Array(all.dropFirst(findings.count)))
  }

  @Test func configSuppressionsAndBaselineTogether() throws {
    let suppressed = Self.account("333333333333", ou: "Workloads/Prod", cert: "CERTA").replacingOccurrences(
      of: "  signingCertificates:", with: "  # orglint-disable-next-line ROOT003 -- migrating\n  signingCertificates:")
    let accounts = """
      \(suppressed)
      ---
      \(Self.account("444444444444", ou: "Sandbox", cert: "CERTB"))
      ---
      \(Self.account("555555555555", ou: "Workloads/Dev", cert: "CERTC"))
      """
    let config = """
      rules:
        ROOT008: { params: { window: 30d } }
        ROOT002: off
      suppressions:
        - rules: [no-root-signing-certificates]
          reason: sandbox accounts are throwaway
          ou: Sandbox
        - rules: [ROOT002]
          reason: not run, so never unused
          account: "555555555555"
      """
    let (findings, problems) = try Self.run([("org/accounts.yaml", accounts)], config: config)
    #expect(findings.map { "\($0.range!.start) \($0.suppression?.kind.rawValue ?? "-")" } == [
      "10:3 inSource", "21:3 external", "32:3 -",
    ])
    #expect(problems.map(described) == [])
    // Baseline the rest; the unsuppressed finding becomes unchanged on the next run.
    let baseline = try Baseline.parse(Baseline.render(findings), path: ".orglint-baseline.json")
    #expect(baseline.entries.map(\.fingerprint) == ["ROOT003:account/555555555555/root.signingCertificates"])
    let (again, stale) = baseline.apply(to: findings)
    #expect(again.map(\.baselineState) == [.new, .new, .unchanged])
    #expect(again.filter(\.isActive).count == 0)
    #expect(stale.isEmpty)
  }

  @Test func fingerprintsSurviveReformattingReorderingAndMoving() throws {
    let before = [
      ("org/accounts.yaml", Self.account("333333333333", ou: "Workloads/Prod", cert: "CERTA") + "\n---\n"
        + Self.account("444444444444", ou: "Sandbox", cert: "CERTB")),
    ]
    let reformatted = Self.account("444444444444", ou: "Sandbox", cert: "CERTB")
      .replacingOccurrences(of: "root:\n  password: false\n  signingCertificates:\n    - { id: CERTB, active: false }",
        with: "# reformatted, flow style, reordered\nroot: {signingCertificates: [{active: false, id: CERTB}], "
          + "password: false}")
    let after = [
      ("org/prod/333333333333.yaml", "\n\n" + Self.account("333333333333", ou: "Workloads/Prod", cert: "CERTA")),
      ("org/accounts.yaml", reformatted),
    ]
    let (first, _) = try Self.run(before, config: "")
    let (second, _) = try Self.run(after, config: "")
    #expect(first.count == 2)
    #expect(Set(first.map(\.path)) != Set(second.map(\.path)) || first.map(\.range) != second.map(\.range))
    let baseline = Baseline(recording: first)
    let (applied, stale) = baseline.apply(to: second)
    #expect(applied.map(\.baselineState) == [.unchanged, .unchanged])
    #expect(stale.isEmpty)
    #expect(Baseline.render(second) == Baseline.render(first))
  }
}

@Suite struct RuleConfigurationApplyTests {
  @Test func disabledRulesAreDroppedAndOverridesApplied() throws {
    let (compiled, problems) = Linter.compileRules(directories: [])
    #expect(problems.isEmpty)
    let configurations = [
      "ROOT002": RuleConfiguration(ruleId: "ROOT002", enabled: false),
      "ROOT008": RuleConfiguration(
        ruleId: "ROOT008", severity: .note, params: ["window": .duration(86_400_000_000_000)]),
    ]
    let running = RuleConfiguration.apply(configurations, to: compiled)
    #expect(running.count == compiled.count - 1)
    #expect(!running.contains { $0.rule.id == "ROOT002" })
    let root008 = try #require(running.first { $0.rule.id == "ROOT008" })
    #expect(root008.severity == .note)
    #expect(root008.descriptor.severity == .note)
    #expect(root008.paramValues == [.duration(86_400_000_000_000)])
    let untouched = try #require(running.first { $0.rule.id == "ROOT001" })
    #expect(untouched.severity == .error)
    #expect(configurations.values.filter(\.isReportedOverride).count == 2)
    #expect(!RuleConfiguration(ruleId: "X", params: ["a": .int(1)]).isReportedOverride)
  }
}
