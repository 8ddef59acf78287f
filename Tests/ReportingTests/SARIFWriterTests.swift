import Diagnostics
import Testing

@testable import Reporting

/// `SARIFWriter` must give exactly the bytes of Foundation's JSONEncoder (`StableJSON`), which stays the oracle.
@Suite struct SARIFWriterTests {
  static let hostile = JSONReportWriterTests.hostile

  static func expectSameBytes(_ log: SARIF.SarifLog, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(SARIFWriter.render(log) == StableJSON.encode(log), sourceLocation: sourceLocation)
  }

  @Test func formatterReportsAreByteIdentical() {
    for report in [
      Fixture.report, Fixture.clean, SARIFFormatterTests.unknownRuleReport, SARIFFormatterTests.sourceRootReport,
      FixReportTests.report,
    ] {
      Self.expectSameBytes(SARIFFormatter().log(report))
      Self.expectSameBytes(SARIFFormatter(maxResults: 2).log(report))
    }
  }

  /// Every property of every SARIF type set, to hostile strings; then every optional one left out.
  @Test func everyPropertyAndEscapeIsByteIdentical() {
    let h = Self.hostile
    let region = SARIF.Region(startLine: 1, startColumn: 2, endLine: 3, endColumn: 4, byteOffset: 5, byteLength: 6)
    let artifact = SARIF.ArtifactLocation(uri: h, uriBaseId: h, description: SARIF.Message(text: h))
    let location = SARIF.Location(
      id: 7, physicalLocation: SARIF.PhysicalLocation(artifactLocation: artifact, region: region),
      logicalLocations: [SARIF.LogicalLocation(fullyQualifiedName: h), SARIF.LogicalLocation(fullyQualifiedName: "")],
      message: SARIF.Message(text: h))
    let reference = SARIF.ReportingDescriptorReference(id: h, index: 0)
    let result = SARIF.Result(
      ruleId: h, ruleIndex: 3, kind: h, level: h, message: SARIF.Message(text: h), locations: [location, location],
      relatedLocations: [location], partialFingerprints: [h: h, "orglint/v1": h, "a": ""],
      suppressions: [SARIF.Suppression(kind: h, status: h, justification: h, location: location)],
      baselineState: h,
      fixes: [
        SARIF.Fix(
          description: SARIF.Message(text: h),
          artifactChanges: [
            SARIF.ArtifactChange(
              artifactLocation: artifact,
              replacements: [
                SARIF.Replacement(deletedRegion: region, insertedContent: SARIF.ArtifactContent(text: h)),
                SARIF.Replacement(deletedRegion: SARIF.Region(startLine: 9), insertedContent: nil),
              ])
          ])
      ])
    let notification = SARIF.Notification(
      level: h, message: SARIF.Message(text: h), locations: [location], associatedRule: reference)
    let rule = SARIF.ReportingDescriptor(
      id: h, name: h, shortDescription: SARIF.MultiformatMessageString(text: h, markdown: h),
      fullDescription: SARIF.MultiformatMessageString(text: h), help: SARIF.MultiformatMessageString(text: h),
      helpUri: h, defaultConfiguration: SARIF.ReportingConfiguration(enabled: false, level: h),
      properties: SARIF.PropertyBag(tags: [h, "b"], securitySeverity: h))
    let full = SARIF.SarifLog(
      schema: h, version: h,
      runs: [
        SARIF.Run(
          tool: SARIF.Tool(
            driver: SARIF.ToolComponent(
              name: h, version: h, semanticVersion: h, informationUri: h, rules: [rule, SARIF.ReportingDescriptor(id: "")])),
          invocations: [
            SARIF.Invocation(
              executionSuccessful: false, exitCode: 2,
              ruleConfigurationOverrides: [
                SARIF.ConfigurationOverride(
                  configuration: SARIF.ReportingConfiguration(enabled: true, level: nil), descriptor: reference)
              ],
              toolConfigurationNotifications: [notification], toolExecutionNotifications: [notification, notification])
          ],
          automationDetails: SARIF.RunAutomationDetails(id: h),
          originalUriBaseIds: [h: artifact, "%SRCROOT%": SARIF.ArtifactLocation(), "B": artifact],
          columnKind: h, results: [result, SARIF.Result(
            ruleId: "", ruleIndex: 0, level: "", message: SARIF.Message(text: ""), partialFingerprints: [:])])
      ])
    Self.expectSameBytes(full)
    Self.expectSameBytes(SARIF.SarifLog(runs: []))
    Self.expectSameBytes(
      SARIF.SarifLog(runs: [
        SARIF.Run(
          tool: SARIF.Tool(driver: SARIF.ToolComponent(name: "", rules: [])),
          invocations: [SARIF.Invocation(executionSuccessful: true, exitCode: 0)], originalUriBaseIds: [:],
          results: [])
      ]))
  }

  /// A report larger than a chunk is handed on in several, which together are the rendered text; the findings read
  /// in place come in the order of the sorted copy.
  @Test func chunkedWriteIsTheRenderedText() {
    var report = Fixture.report
    report.findings = (0..<1000).map { i in
      Finding(
        ruleId: "ROOT00\(i % 3)", ruleName: "n", severity: .warning, message: "\(i) \(Self.hostile)",
        path: "org/accounts.yaml", range: Fixture.range(3, 1, 5), fingerprint: "f\(i)")
    }
    for format in [OutputFormat.sarif, .json, .text] {
      var chunks: [[UInt8]] = []
      format.write(report) { chunks.append(Array($0)) }
      #expect(chunks.count > 1, "\(format)")
      #expect(chunks.dropLast().allSatisfy { $0.count >= PrettyJSONWriter.chunkSize }, "\(format)")
      #expect(String(decoding: chunks.joined(), as: UTF8.self) == format.render(report), "\(format)")
    }
    report.findings.reverse()
    #expect(Array(report.findingsInReportOrder) == report.sortedFindings)
  }

  /// The writer lists each type's properties by hand: a property added to a SARIF type must be added to the writer
  /// (and to the populated log above, and then here).
  @Test func writerKnowsEveryProperty() {
    func count(_ value: Any) -> Int { Mirror(reflecting: value).children.count }
    let r = SARIF.Region(startLine: 1)
    let a = SARIF.ArtifactLocation()
    let l = SARIF.Location()
    let m = SARIF.Message(text: "")
    #expect(count(SARIF.SarifLog(runs: [])) == 3)
    #expect(
      count(
        SARIF.Run(
          tool: SARIF.Tool(driver: SARIF.ToolComponent(name: "", rules: [])), invocations: [], originalUriBaseIds: [:],
          results: [])) == 6)
    #expect(count(SARIF.Tool(driver: SARIF.ToolComponent(name: "", rules: []))) == 1)
    #expect(count(SARIF.ToolComponent(name: "", rules: [])) == 5)
    #expect(count(SARIF.ReportingDescriptor(id: "")) == 8)
    #expect(count(SARIF.ReportingDescriptorReference(id: "")) == 2)
    #expect(count(SARIF.ReportingConfiguration()) == 2)
    #expect(
      count(SARIF.ConfigurationOverride(configuration: SARIF.ReportingConfiguration(), descriptor: .init(id: ""))) == 2)
    #expect(count(SARIF.MultiformatMessageString(text: "")) == 2)
    #expect(count(m) == 1)
    #expect(count(SARIF.PropertyBag()) == 2)
    #expect(count(SARIF.Invocation(executionSuccessful: true, exitCode: 0)) == 5)
    #expect(count(SARIF.Notification(level: "", message: m)) == 4)
    #expect(count(SARIF.RunAutomationDetails(id: "")) == 1)
    #expect(
      count(SARIF.Result(ruleId: "", ruleIndex: 0, level: "", message: m, partialFingerprints: [:])) == 11)
    #expect(count(SARIF.Fix(description: m, artifactChanges: [])) == 2)
    #expect(count(SARIF.ArtifactChange(artifactLocation: a, replacements: [])) == 2)
    #expect(count(SARIF.Replacement(deletedRegion: r)) == 2)
    #expect(count(SARIF.ArtifactContent(text: "")) == 1)
    #expect(count(SARIF.Suppression(kind: "")) == 4)
    #expect(count(l) == 4)
    #expect(count(SARIF.PhysicalLocation(artifactLocation: a)) == 2)
    #expect(count(a) == 3)
    #expect(count(r) == 6)
    #expect(count(SARIF.LogicalLocation(fullyQualifiedName: "")) == 1)
  }
}
