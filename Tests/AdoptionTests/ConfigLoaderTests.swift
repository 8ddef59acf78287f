import Diagnostics
import Foundation
import Testing

@testable import Adoption

private func load(_ text: String, path: String = "/repo/.orglint.yaml") -> (OrglintConfig?, [String]) {
  let (config, findings) = ConfigLoader.parse(source(path, text), cwd: "/repo")
  return (config, findings.map(described))
}

@Suite struct ConfigLoaderTests {
  @Test func readsEveryKey() throws {
    let (config, findings) = load(
      """
      include: ["org/**/*.yaml"]
      exclude: [org/archive]
      rules:
        ROOT007: off
        member-root-password-removed: warning
        ROOT008: { severity: error, params: { window: 30d } }
      rulePaths: [policy/rules]
      failOn: warning
      baseline: .orglint-baseline.json
      suppressions:
        - rules: [ROOT001]
          reason: break-glass account
          expires: 2027-03-01
          account: "333333333333"
        - rules: ROOT001, ROOT008
          reason: sandbox
          ou: /Sandbox/
        - {rules: [ROOT001], reason: legacy, path: "org/legacy/*.yaml"}
      """, path: "sub/.orglint.yaml")
    #expect(findings == [])
    let c = try #require(config)
    #expect(c.directory == "/repo/sub")
    #expect(c.include.map(\.pattern) == ["org/**/*.yaml"])
    #expect(c.exclude.map(\.pattern) == ["org/archive"])
    #expect(c.rules.map(\.rule) == ["ROOT007", "member-root-password-removed", "ROOT008"])
    #expect(c.rules.map(\.enabled) == [false, true, true])
    #expect(c.rules.map(\.severity) == [nil, .warning, .error])
    #expect(c.rules[2].params.map(\.name) == ["window"])
    #expect(c.rulePaths == ["sub/policy/rules"])
    #expect(c.baseline == "sub/.orglint-baseline.json")
    #expect(c.failOn == .warning)
    #expect(c.failOn?.threshold == .warning)
    #expect(c.suppressions.map(\.rules) == [["ROOT001"], ["ROOT001", "ROOT008"], ["ROOT001"]])
    #expect(c.suppressions.map(\.target) == [
      .account("333333333333"), .ou("Sandbox"), .files(try Glob.compile("org/legacy/*.yaml").get()),
    ])
    #expect(c.suppressions[0].expires == CivilDate(fullDate: "2027-03-01"))
    #expect(c.suppressions.map(\.kind) == [.external, .external, .external])
    #expect(c.suppressions.map { $0.range.start.description } == ["11:5", "15:5", "18:5"])
  }

  @Test func emptyFileIsAnEmptyConfig() throws {
    let (config, findings) = load("# nothing yet\n")
    #expect(findings == [])
    let c = try #require(config)
    #expect(c.rules.isEmpty && c.include.isEmpty && c.failOn == nil && c.baseline == nil)
  }

  @Test func emptyValuesMeanNotSet() throws {
    let (config, findings) = load("include:\nexclude: ~\nrules:\nrulePaths:\nfailOn:\nbaseline:\nsuppressions:\n")
    #expect(findings == [])
    let c = try #require(config)
    #expect(c.include.isEmpty && c.rules.isEmpty && c.rulePaths.isEmpty && c.suppressions.isEmpty)
    #expect(c.failOn == nil && c.baseline == nil)
  }

  @Test func unknownKeysWithDidYouMean() {
    let (config, findings) = load(
      """
      includes: ["*.yaml"]
      failOn: error
      rules:
        ROOT001: { severty: note }
      suppressions:
        - rules: [ROOT001]
          reasn: x
          account: "333333333333"
      """)
    #expect(config != nil)
    #expect(findings == [
      "CONFIG001 1:1 unknown key 'includes' in the config file; did you mean 'include'?",
      "CONFIG001 4:14 unknown key 'severty' in a rule setting; did you mean 'severity'?",
      "CONFIG001 7:5 unknown key 'reasn' in a suppression; did you mean 'reason'?",
    ])
  }

  @Test func badValuesAreLocated() {
    let (_, findings) = load(
      """
      include: "*.yaml"
      exclude: ["org/[ab"]
      failOn: warnings
      baseline: [a]
      rules:
        ROOT001: erorr
        ROOT007: { severity: critical }
        ROOT008: { off: maybe }
        member-root-password-removed: [warning]
        root-access-keys-absent: { params: [window] }
      """)
    #expect(findings == [
      "CONFIG002 1:10 'include' must be a list of strings",
      "CONFIG002 2:11 glob 'org/[ab' in 'exclude' is invalid: '[' at character 5 is never closed with ']'",
      "CONFIG002 4:11 'baseline' must be a string",
      "CONFIG002 3:9 failOn 'warnings' is not one of error, warning, note, never; did you mean 'warning'?",
      "CONFIG002 6:12 rule setting 'erorr' is not one of off, error, warning, note; did you mean 'error'?",
      "CONFIG002 7:24 severity 'critical' is not one of error, warning, note",
      "CONFIG002 8:19 'off' must be true or false",
      "CONFIG002 9:33 the setting of 'member-root-password-removed' must be off, a severity, or a mapping with "
        + "severity, params, off",
      "CONFIG002 10:38 'params' must be a mapping of parameter names to values",
    ])
  }

  @Test func centralSuppressionProblems() {
    let (config, findings) = load(
      """
      suppressions:
        - rules: [ROOT001]
          reason: no target
        - rules: [ROOT001]
          account: "333333333333"
          ou: Workloads
        - rules: [ROOT001]
          account: 33333333333
        - rules: [ROOT001]
          expires: 2027-02-30
          ou: Workloads
        - rules: []
          path: "org/*"
        - reason: no rules
          ou: "/"
        - just a string
      """)
    #expect(config?.suppressions.isEmpty == true)
    #expect(findings == [
      "CONFIG002 2:5 a suppression needs a target: account, ou or path",
      "CONFIG002 6:5 a suppression has one target, not account and ou",
      "CONFIG002 8:14 account '33333333333' is not a 12-digit account id",
      "CONFIG002 10:14 expires '2027-02-30' is not a date (YYYY-MM-DD)",
      "CONFIG002 12:12 'rules' names no rule",
      "CONFIG002 14:5 missing required key 'rules'",
      "CONFIG002 15:9 ou must be an OU path such as Workloads/Prod",
      "CONFIG002 16:5 a suppression must be a mapping with rules, reason and a target (account, ou or path)",
    ])
  }

  @Test func notAMappingOrNotYAML() {
    let (list, listFindings) = load("- a\n- b\n")
    #expect(list == nil)
    #expect(listFindings == ["CONFIG002 1:1 the config file must be a mapping of keys (include, rules, failOn, ...)"])
    let (broken, brokenFindings) = load("rules: {ROOT001: off\n")
    #expect(broken == nil)
    #expect(brokenFindings.count == 1)
    #expect(brokenFindings.first?.hasPrefix("CONFIG002 ") == true)
    let (two, twoFindings) = load("failOn: error\n---\nfailOn: note\n")
    #expect(two == nil)
    #expect(twoFindings == ["CONFIG002 1:1 the config file holds one YAML document"])
  }

  @Test func resolveChecksRulesAndParams() {
    let (config, parseFindings) = load(
      """
      rules:
        ROOT01: off
        root-acess-keys-absent: warning
        rot001: note
        ROOT008:
          severity: warning
          params: { window: 30d, exempt: ["333333333333"], strict: "yes", windw: 1d }
        recovery-window: off
        ROOT001: { params: { x: 1 } }
      """)
    #expect(parseFindings == [])
    let (configurations, findings) = config!.resolve(against: testRules)
    #expect(findings.map(described) == [
      "CONFIG003 2:3 unknown rule 'ROOT01'; did you mean 'ROOT001'?",
      "CONFIG003 3:3 unknown rule 'root-acess-keys-absent'; did you mean 'root-access-keys-absent'?",
      "CONFIG003 4:3 unknown rule 'rot001'; did you mean 'ROOT001'?",
      "CONFIG004 7:62 parameter 'strict' of ROOT008 must be a bool, not 'yes'",
      "CONFIG004 7:69 rule ROOT008 has no parameter 'windw'; did you mean 'window'?",
      "CONFIG002 8:3 rule ROOT008 is already configured at line 5 (as 'ROOT008')",
      "CONFIG004 9:24 rule ROOT001 has no parameters",
    ])
    #expect(configurations["ROOT008"] == RuleConfiguration(
      ruleId: "ROOT008", enabled: true, severity: .warning,
      params: ["window": .duration(30 * 86_400_000_000_000), "exempt": .stringList(["333333333333"])]))
    #expect(configurations["ROOT001"] == RuleConfiguration(ruleId: "ROOT001"))
    #expect(configurations.count == 2)
  }

  @Test func columnsCountCodePointsAfterMultiByteText() {
    let (config, parseFindings) = load("rules: {\"Zoë🚀\": off, ROOT01: off}\n")
    #expect(parseFindings == [])
    #expect(config!.validate(against: testRules).map(described) == [
      "CONFIG003 1:9 unknown rule 'Zoë🚀'",
      "CONFIG003 1:22 unknown rule 'ROOT01'; did you mean 'ROOT001'?",
    ])
  }

  @Test func settingsByNameAndAnyCaseId() {
    let (config, _) = load("rules:\n  root007: off\n  member-root-password-removed: {off: true, severity: note}\n")
    let (configurations, findings) = config!.resolve(against: testRules)
    #expect(findings.isEmpty)
    #expect(configurations["ROOT007"] == RuleConfiguration(ruleId: "ROOT007", enabled: false))
    #expect(configurations["ROOT001"] == RuleConfiguration(ruleId: "ROOT001", enabled: false, severity: .note))
  }

  @Test func includeExcludeAndRelativePaths() throws {
    let (config, _) = load("include: [\"org/**/*.yaml\"]\nexclude: [org/archive, \"**/*.draft.yaml\"]\n")
    let c = try #require(config)
    #expect(c.isIncluded("org/accounts.yaml"))
    #expect(c.isIncluded("org/prod/a/b.yaml"))
    #expect(!c.isIncluded("org/archive/old.yaml"))
    #expect(!c.isIncluded("org/x.draft.yaml"))
    #expect(!c.isIncluded("other/a.yaml"))
    #expect(c.relativePath(of: "org/a.yaml", cwd: "/repo") == "org/a.yaml")
    #expect(c.relativePath(of: "./org/../org/a.yaml", cwd: "/repo") == "org/a.yaml")
    #expect(c.relativePath(of: "/repo/org/a.yaml", cwd: "/elsewhere") == "org/a.yaml")
    #expect(c.relativePath(of: "a.yaml", cwd: "/repo/org") == "org/a.yaml")
    #expect(c.relativePath(of: "/other/a.yaml", cwd: "/repo") == nil)
    #expect(c.relativePath(of: "/repository/a.yaml", cwd: "/repo") == nil)
    let (all, _) = load("failOn: never\n")
    #expect(all!.isIncluded("anything/at/all.yaml"))
    #expect(all!.failOn?.threshold == nil)
  }

  @Test func discoverFindsTheNearestConfigUpward() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("orglint-discover-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let deep = root.appendingPathComponent("a/b/c")
    try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
    try Data("x: 1\n".utf8).write(to: deep.appendingPathComponent("file.yaml"))
    #expect(ConfigLoader.discover(from: [deep.path]).map { $0.hasPrefix(root.path) } != true)
    try Data("failOn: note\n".utf8).write(to: root.appendingPathComponent("a/.orglint.yaml"))
    #expect(ConfigLoader.discover(from: [deep.path]) == root.path + "/a/.orglint.yaml")
    #expect(ConfigLoader.discover(from: [deep.path + "/file.yaml"]) == root.path + "/a/.orglint.yaml")
    #expect(ConfigLoader.discover(from: ["c/file.yaml"], cwd: root.path + "/a/b") == root.path + "/a/.orglint.yaml")
    try Data("failOn: error\n".utf8).write(to: root.appendingPathComponent("a/b/.orglint.yaml"))
    #expect(ConfigLoader.discover(from: [deep.path]) == root.path + "/a/b/.orglint.yaml")
    let (config, findings) = ConfigLoader.load(path: root.path + "/a/b/.orglint.yaml")
    #expect(findings.isEmpty)
    #expect(config?.failOn == .error)
    let (missing, missingFindings) = ConfigLoader.load(path: root.path + "/none.yaml")
    #expect(missing == nil)
    #expect(missingFindings.map(\.ruleId) == ["IO001"])
  }
}
