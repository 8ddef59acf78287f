import Diagnostics
import Foundation
import LocatedYAML
import RuleEngine
import Testing

@testable import Adoption

/// The snippets of Docs/configuration.md and Docs/adoption.md are what users copy: every config snippet loads
/// without a finding against the built-in rules, and the suppressed account of adoption.md is really suppressed.
@Suite struct AdoptionDocsTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The bodies of the ```yaml blocks of a Markdown file.
  static func yamlBlocks(_ relativePath: String) throws -> [String] {
    let text = try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    var blocks: [String] = []
    var current: [Substring]?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if let body = current {
        if line.hasPrefix("```") {
          blocks.append(body.joined(separator: "\n") + "\n")
          current = nil
        } else {
          current = body + [line]
        }
      } else if line == "```yaml" {
        current = []
      }
    }
    return blocks
  }

  static func configProblems(_ block: String) -> [String] {
    let (config, findings) = ConfigLoader.parse(source(".orglint.yaml", block), cwd: "/repo")
    guard let config else { return findings.map(described) }
    let (rules, _) = RuleLoader.load(userRuleDirectories: [])
    return (findings + config.validate(against: rules)).map(described)
  }

  @Test func configurationSnippetsLoad() throws {
    let blocks = try Self.yamlBlocks("Docs/configuration.md")
    #expect(blocks.count == 10)
    for block in blocks {
      #expect(Self.configProblems(block) == [], "\(block)")
    }
    // The check can fail.
    #expect(Self.configProblems("rules: {ROOT0001: off}\n") == [
      "CONFIG003 1:9 unknown rule 'ROOT0001'; did you mean 'ROOT001'?"
    ])
  }

  @Test func adoptionSnippetsWork() throws {
    let blocks = try Self.yamlBlocks("Docs/adoption.md")
    let configs = blocks.filter { !$0.contains("apiVersion:") }
    let accounts = blocks.filter { $0.contains("apiVersion:") }
    #expect(configs.count == 2)
    for block in configs {
      #expect(Self.configProblems(block) == [], "\(block)")
    }
    #expect(accounts.count == 1)
    let (findings, problems) = try AdoptionPipelineTests.run(
      [("org/accounts/break-glass.yaml", accounts[0])], config: "")
    #expect(findings.map { "\($0.ruleId) \($0.range!.start) \($0.suppression?.justification ?? "-")" } == [
      "ROOT003 10:3 certificate used by the HSM vendor until 2027 (SEC-88)"
    ])
    #expect(problems.map(described) == [])
  }
}
