import Diagnostics
import Testing

@testable import Reporting

/// `JSONReportWriter` must give exactly the bytes of Foundation's JSONEncoder (`StableJSON`), which stays the oracle.
@Suite struct JSONReportWriterTests {
  /// Every control character, quotes, backslashes, slashes, DEL, C1, line separators, non-BMP text.
  static let hostile =
    String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }) + "\"\\/ \u{7F}\u{85}\u{2028}\u{FEFF} café 🦆 end"

  static func expectSameBytes(_ report: Report, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let json = JSONReport(report)
    let fast = JSONReportWriter.render(json)
    #expect(fast == StableJSON.encode(json), sourceLocation: sourceLocation)
  }

  @Test func fixtureReportsAreByteIdentical() {
    Self.expectSameBytes(Fixture.report)
    Self.expectSameBytes(Fixture.clean)
  }

  @Test func everyFieldAndEscapeIsByteIdentical() {
    let range = SourceRange(
      start: Diagnostics.SourceLocation(line: 1, column: 2, offset: 3), end: Diagnostics.SourceLocation(line: 4, column: 5, offset: 6))
    var finding = Finding(
      ruleId: "R\(Self.hostile)", ruleName: Self.hostile, severity: .warning, message: Self.hostile,
      path: "a/\(Self.hostile).yaml", range: range, fingerprint: Self.hostile, logicalLocation: Self.hostile,
      related: [
        RelatedLocation(path: Self.hostile, range: range, message: Self.hostile),
        RelatedLocation(path: "b.yaml", range: nil, message: "no range"),
      ],
      suppression: Suppression(kind: .external, justification: Self.hostile, path: ".orglint.yaml", line: 3),
      baselineState: .new)
    var plain = finding
    plain.related = []
    plain.suppression = nil
    plain.baselineState = nil
    plain.range = nil
    plain.path = nil
    plain.fingerprint = nil
    plain.logicalLocation = nil
    let notJudged = [
      NotJudged(ruleId: "ROOT001", ruleName: "n", entity: Self.hostile, path: "p.yaml", range: range, causes: []),
      NotJudged(ruleId: "ROOT004", ruleName: "n", entity: "e", path: "p.yaml", range: range, causes: ["a", Self.hostile]),
    ]
    for checks in [0, 3, 7, 10_000] {
      Self.expectSameBytes(
        Report(
          findings: [finding, plain], rules: [], configurationProblems: [plain], exitCode: 2,
          toolVersion: Self.hostile, filesScanned: 12, notJudged: checks == 0 ? [] : notJudged, checks: checks))
    }
    finding.baselineState = .unchanged
    Self.expectSameBytes(Report(findings: [finding], rules: [], exitCode: 1, toolVersion: "0.1.0", filesScanned: 1))
  }

  /// The writer lists each type's fields by hand: a field added to a report type must be added to the writer (and
  /// then here).
  @Test func writerKnowsEveryField() {
    let finding = JSONFinding(Fixture.findings[0])
    #expect(Mirror(reflecting: finding).children.map { $0.label ?? "" }.sorted() == [
      "baselineState", "column", "endColumn", "endLine", "fingerprint", "fixes", "line", "logicalLocation", "message",
      "path",
      "related", "ruleId", "ruleName", "severity", "suppressed", "suppression",
    ])
    let report = JSONReport(Fixture.report)
    #expect(Mirror(reflecting: report).children.count == 5)
    #expect(Mirror(reflecting: report.invocation).children.count == 3)
    #expect(Mirror(reflecting: report.summary).children.count == 9)
    #expect(Mirror(reflecting: finding.related![0]).children.count == 4)
  }
}
