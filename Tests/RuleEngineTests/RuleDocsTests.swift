import Diagnostics
import Foundation
import LocatedYAML
import Testing

@testable import RuleEngine

@Suite struct RuleDocsTests {
  @Test func docsPagesAreUpToDateWithRules() throws {
    let folder = repositoryRoot.appendingPathComponent("Docs/rules")
    // The rule files as they are on disk (not the embedded copies), so the test follows Rules/ directly.
    let rulesFolder = repositoryRoot.appendingPathComponent("Rules")
    var rules: [Rule] = []
    for name in try FileManager.default.contentsOfDirectory(atPath: rulesFolder.path) where name.hasSuffix(".yaml") {
      let bytes = try Array(Data(contentsOf: rulesFolder.appendingPathComponent(name)))
      let (rule, problems) = RuleFileParser.parse(SourceFile(path: "Rules/" + name, bytes: bytes), isBuiltin: true)
      #expect(problems.isEmpty, "Rules/\(name)")
      if let rule { rules.append(rule) }
    }
    let pages = RuleDocs.pages(for: rules)
    var stale: [String] = []
    for page in pages {
      let file = folder.appendingPathComponent(page.fileName)
      let text = try? String(contentsOf: file, encoding: .utf8)
      if text != page.text { stale.append(page.fileName) }
    }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    let extra = names.filter { $0.hasSuffix(".md") && !pages.map(\.fileName).contains($0) }.sorted()
    #expect(
      stale.isEmpty && extra.isEmpty,
      "Docs/rules is out of date (changed: \(stale), not generated: \(extra)): run \(RuleDocs.regenerateCommand)")
  }

  @Test func pageHasEverySection() {
    let page = RuleDocs.page(for: builtinRule("TASK001"))
    for part in [
      "# TASK001: Root password recovery is closed after the privileged task\n",
      "| id | `TASK001` |", "| name | `recovery-closed-after-task` |", "| severity | error |",
      "| security severity | 7.5 |", "| scope | account |", "| suppressible | central |",
      "## Description\n", "## Remediation\n", "| `gracePeriod` | duration | `1d` |", "## How it checks\n",
      "location: account.root.passwordRecovery\n", "### 3. recovery opened a month ago, never closed\n",
      "- at `14:3`: “was opened and never closed: IAMCreateRootUserPassword at 2026-10-25T10:00:00Z”\n",
      "Passes: no finding.\n", "## References\n",
      "- <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user-privileged-task.html>\n",
    ] {
      #expect(page.contains(part), "missing: \(part)")
    }
    #expect(page.hasSuffix("\n") && !page.hasSuffix("\n\n"))
  }

  @Test func catalogLinksEveryRule() {
    let catalog = RuleDocs.catalog(builtinRules)
    #expect(catalog.contains("| [ROOT002](ROOT002.md) | `no-root-access-keys` | error | account |"))
    #expect(catalog.split(separator: "\n").filter { $0.hasPrefix("| [") }.count == 22)
  }

  @Test func explainShowsParametersAndExamples() {
    let text = RuleDocs.explain(builtinRule("ROOT008"))
    #expect(text.hasPrefix("ROOT008 root-not-used-recently: Root user credentials were not used recently\n"))
    #expect(text.contains("severity: warning (security severity 5.5)\n"))
    #expect(text.contains("\nParameters:\n  window (duration) = 90d\n"))
    #expect(text.contains("  3. password sign-in last month (now = 2026-11-25T00:00:00Z)\n"))
    #expect(text.contains("     | kind: Account\n"))
    #expect(text.contains("       - at 6:1: \"password sign-in at 2026-10-30T08:15:00Z\"\n"))
  }
}

/// The "How it checks" block of every rule page is YAML that reads back as the rule's own texts (issue 16: quotes
/// were dropped, so `assert: !account…` was a YAML tag).
@Suite struct RuleDefinitionYAMLTests {
  @Test func everyDefinitionReadsBackAsTheRulesTexts() throws {
    let (rules, problems) = RuleLoader.load(userRuleDirectories: [])
    #expect(problems.isEmpty)
    for rule in rules {
      let text = RuleDocs.definition(rule)
      let file = YAMLReader.read(SourceFile(path: "\(rule.id).md", bytes: Array(text.utf8), identity: nil))
      #expect(file.findings.isEmpty, "\(rule.id): \(file.findings.map(\.message))")
      let doc = try #require(file.documents.first)
      let root = try #require(doc.root)
      var fields: [String: String] = [:]
      for i in 0..<doc.count(root) {
        fields[doc.scalar(doc.key(root, i))] = doc.scalar(doc.value(root, i))
          .trimmingCharacters(in: .whitespacesAndNewlines)
      }
      #expect(fields["assert"] == rule.assert.text.trimmingCharacters(in: .whitespacesAndNewlines), "\(rule.id)")
      #expect(fields["message"] == rule.message.text.trimmingCharacters(in: .whitespacesAndNewlines), "\(rule.id)")
      if let when = rule.when {
        #expect(fields["when"] == when.text.trimmingCharacters(in: .whitespacesAndNewlines), "\(rule.id)")
      }
    }
  }

  @Test func unsafeSingleLinesAreFolded() {
    #expect(RuleDocs.yamlField("assert", "!account.root.password.enabled") == "assert: >-\n  !account.root.password.enabled\n")
    #expect(RuleDocs.yamlField("assert", "a ? b : c") == "assert: >-\n  a ? b : c\n")
    #expect(RuleDocs.yamlField("scope", "account.id == '1'") == "scope: account.id == '1'\n")
  }
}
