import Foundation
import LocatedYAML
import Testing

@testable import OrgModel

@Suite struct ModelRulesTests {
  @Test func everyLoaderRuleIsDescribedOnce() {
    let ids = ModelRules.loaderRules.map(\.id)
    #expect(Set(ids).count == ids.count)
    #expect(ModelRules.loaderRules.count == YAMLRules.all.count + 22)
    for rule in ModelRules.loaderRules {
      #expect(!rule.title.isEmpty && !rule.description.isEmpty && !rule.remediation.isEmpty, "\(rule.id)")
      #expect(rule.name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(rule.id)")
    }
  }

  /// Docs/diagnostics.md documents every id the loader can emit, with an example.
  @Test func diagnosticsPageCoversEveryId() throws {
    let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Docs/diagnostics.md")
    let text = try String(contentsOf: docs, encoding: .utf8)
    for rule in ModelRules.loaderRules {
      #expect(text.contains("## \(rule.id) \(rule.name)"), "\(rule.id) has no section")
    }
  }
}
