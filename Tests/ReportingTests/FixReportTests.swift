import Diagnostics
import Foundation
import OrglintTestSupport
import Testing

@testable import Reporting

/// Fixes in the reports: SARIF `fixes` (validated against the vendored schema), JSON `fixes`, text `[*]`.
@Suite struct FixReportTests {
  static let file = SourceFile(
    path: "org/acct.yaml", bytes: Array("kind: Account\nid: 012345678901\nroot: {passwordRecovery: café}\n".utf8))

  static func range(_ lo: Int, _ hi: Int) -> SourceRange {
    SourceRange(start: file.location(atByteOffset: lo), end: file.location(atByteOffset: hi))
  }

  static let rule = RuleDescriptor(
    id: "SCHEMA005", name: "schema-malformed-value", title: "t", severity: .error, description: "d", remediation: "r")

  static var report: Report {
    let quote = Finding(
      rule, "account id 012345678901 is an unquoted number", path: file.path, range: range(14, 30),
      fixes: [Fix("Quote the account id", replacing: range(18, 30), with: "\"012345678901\"")])
    let insert = Finding(
      rule, "no apiVersion", path: file.path, range: range(0, 0),
      fixes: [Fix("Add apiVersion: orglint/v1", replacing: range(0, 0), with: "apiVersion: orglint/v1\n")])
    // 'café' is 5 bytes and 4 code points: the byte length and the columns differ.
    let rename = Finding(
      rule, "not a boolean", path: file.path, range: range(56, 61),
      fixes: [Fix("Write true", replacing: range(56, 61), with: "true")])
    var suppressed = rename
    suppressed.suppression = Suppression(kind: .inSource, justification: "j")
    return Report(
      findings: [quote, insert, rename, suppressed], rules: [rule], sources: [file.path: file], exitCode: 1,
      toolVersion: "0.1.0", filesScanned: 1)
  }

  @Test func sarifResultsCarryTheirFixes() throws {
    let results = SARIFFormatter().log(Self.report).runs[0].results
    let location = SARIF.ArtifactLocation(uri: "org/acct.yaml", uriBaseId: "%SRCROOT%")
    let byMessage = Dictionary(results.map { ($0.message.text, $0.fixes) }, uniquingKeysWith: { a, _ in a })
    #expect(
      byMessage["account id 012345678901 is an unquoted number"] == [
        SARIF.Fix(
          description: SARIF.Message(text: "Quote the account id"),
          artifactChanges: [
            SARIF.ArtifactChange(
              artifactLocation: location,
              replacements: [
                SARIF.Replacement(
                  deletedRegion: SARIF.Region(
                    startLine: 2, startColumn: 5, endLine: 2, endColumn: 17, byteOffset: 18, byteLength: 12),
                  insertedContent: SARIF.ArtifactContent(text: "\"012345678901\""))
              ])
          ])
      ])
    #expect(
      byMessage["no apiVersion"]??[0].artifactChanges[0].replacements == [
        SARIF.Replacement(
          deletedRegion: SARIF.Region(
            startLine: 1, startColumn: 1, endLine: 1, endColumn: 1, byteOffset: 0, byteLength: 0),
          insertedContent: SARIF.ArtifactContent(text: "apiVersion: orglint/v1\n"))
      ])
    #expect(
      byMessage["not a boolean"]??[0].artifactChanges[0].replacements[0].deletedRegion == SARIF.Region(
        startLine: 3, startColumn: 26, endLine: 3, endColumn: 30, byteOffset: 56, byteLength: 5))
  }

  @Test(.requires(.python("jsonschema"), for: "SARIF 2.1.0 schema validation"))
  func sarifWithFixesValidates() {
    let sarif = SARIFFormatter().render(Self.report)
    #expect(sarif.contains("\"fixes\""))
    #expect(SARIFValidator.schemaErrors(sarif) == [])
  }

  @Test func jsonFindingsCarryTheirFixes() {
    let json = JSONFormatter().render(Self.report)
    #expect(
      json.contains(
        """
              "fixes" : [
                {
                  "description" : "Quote the account id",
                  "edits" : [
                    {
                      "byteLength" : 12,
                      "byteOffset" : 18,
                      "column" : 5,
                      "endColumn" : 17,
                      "endLine" : 2,
                      "line" : 2,
                      "replacement" : "\\"012345678901\\""
                    }
                  ]
                }
              ],
        """))
    let plain = Finding(Self.rule, "m", path: nil, range: nil)
    #expect(JSONFinding(plain).fixes == nil)
    // The fast writer gives the bytes of the Codable encoding, fixes included, and knows every field of a fix.
    #expect(json == StableJSON.encode(JSONReport(Self.report)))
    let fix = JSONFinding(Self.report.findings[0]).fixes![0]
    #expect(Mirror(reflecting: fix).children.count == 2)
    #expect(Mirror(reflecting: fix.edits[0]).children.count == 7)
  }

  @Test func textMarksFixableFindingsAndCountsThem() {
    let text = TextFormatter().render(Self.report)
    #expect(
      text == """
        org/acct.yaml:1:1: error: no apiVersion [SCHEMA005 schema-malformed-value] [*]
        kind: Account
        ^
        org/acct.yaml:2:1: error: account id 012345678901 is an unquoted number [SCHEMA005 schema-malformed-value] [*]
        id: 012345678901
        ^~~~~~~~~~~~~~~~
        org/acct.yaml:3:26: error: not a boolean [SCHEMA005 schema-malformed-value] [*]
        root: {passwordRecovery: café}
                                 ^~~~
        [*] 3 fixable with orglint lint --fix
        3 errors in 1 file (1 suppressed)

        """)
  }
}
