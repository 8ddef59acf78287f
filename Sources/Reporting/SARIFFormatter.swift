import Diagnostics

/// SARIF 2.1.0 for GitHub code scanning, other SARIF consumers and editors' SARIF viewers.
///
/// One run; `tool.driver.rules` holds every rule in force (and any rule a finding names that the report did not
/// describe); results are the findings in report order, suppressed and baselined ones marked, never dropped, up to
/// `maxResults` (GitHub's limit per run), past which a tool execution notification says how many were left out.
/// Checks that read unknown facts follow the findings as results of kind `open` and level `none` (SARIF's "not
/// enough information to decide"), within the same limit.
public struct SARIFFormatter: ReportFormatter {
  /// The most results one run holds (25,000 is what GitHub code scanning accepts).
  public var maxResults: Int

  public init(maxResults: Int = 25_000) {
    self.maxResults = maxResults
  }

  public func render(_ report: Report) -> String {
    SARIFWriter.render(log(report))
  }

  /// Writes the log a chunk at a time, each result made as it is written (never all held at once).
  public func write(_ report: Report, to output: (UnsafeRawBufferPointer) -> Void) {
    let (log, results) = parts(report)
    SARIFWriter.write(log, results: results, to: output)
  }

  /// The SARIF object model of `report`.
  func log(_ report: Report) -> SARIF.SarifLog {
    var (log, results) = parts(report)
    log.runs[0].results = Array(results)
    return log
  }

  /// The SARIF object model of `report` without its results, and the results, made as they are read.
  func parts(_ report: Report) -> (log: SARIF.SarifLog, results: some Sequence<SARIF.Result>) {
    let descriptors = Self.descriptors(report)
    var index: [String: Int] = [:]
    for (i, rule) in descriptors.enumerated() { index[rule.id] = i }
    let driver = SARIF.ToolComponent(
      name: "orglint", version: report.toolVersion, semanticVersion: report.toolVersion,
      informationUri: report.informationURI, rules: descriptors.map { Self.descriptor($0, report) })

    let findings = report.findingsInReportOrder
    let kept = findings.prefix(max(0, maxResults))
    let notJudged = report.sortedNotJudged
    let keptOpen = notJudged.prefix(max(0, maxResults - kept.count))
    var executionNotes: [SARIF.Notification] = []
    let total = findings.count + notJudged.count
    if kept.count + keptOpen.count < total {
      executionNotes.append(
        SARIF.Notification(
          level: "warning",
          message: SARIF.Message(
            text: "\(total - kept.count - keptOpen.count) of \(total) results were left out: a run holds at most "
              + "\(maxResults) results; use --format json for all of them")))
    }
    let anchor = report.resolvedAnchorPath
    let configNotes = report.configurationProblems.sorted(by: Finding.reportOrder).map { problem in
      SARIF.Notification(
        level: problem.severity.rawValue, message: SARIF.Message(text: problem.message),
        locations: Self.location(problem, anchor: nil).map { [$0] },
        associatedRule: SARIF.ReportingDescriptorReference(id: problem.ruleId, index: index[problem.ruleId]))
    }
    let overrides = report.ruleOverrides.sorted { $0.ruleId < $1.ruleId }.map { o in
      SARIF.ConfigurationOverride(
        configuration: SARIF.ReportingConfiguration(enabled: o.enabled ? nil : false, level: o.severity?.rawValue),
        descriptor: SARIF.ReportingDescriptorReference(id: o.ruleId, index: index[o.ruleId]))
    }
    let invocation = SARIF.Invocation(
      executionSuccessful: report.exitCode == 0 || report.exitCode == 1, exitCode: report.exitCode,
      ruleConfigurationOverrides: overrides.isEmpty ? nil : overrides,
      toolConfigurationNotifications: configNotes.isEmpty ? nil : configNotes,
      toolExecutionNotifications: executionNotes.isEmpty ? nil : executionNotes)
    let root = SARIF.ArtifactLocation(
      uri: report.sourceRootURI,
      description: SARIF.Message(text: "The directory orglint was run on; result paths are relative to it."))
    let run = SARIF.Run(
      tool: SARIF.Tool(driver: driver), invocations: [invocation],
      automationDetails: report.automationId.map(SARIF.RunAutomationDetails.init),
      originalUriBaseIds: [SARIF.sourceRootId: root], results: [])
    let results = (0..<(kept.count + keptOpen.count)).lazy.map { i -> SARIF.Result in
      if i < kept.count {
        let finding = kept[i]
        return Self.result(finding, ruleIndex: index[finding.ruleId] ?? 0, anchor: anchor)
      }
      let check = keptOpen[i - kept.count]
      return Self.result(check, ruleIndex: index[check.ruleId] ?? 0)
    }
    return (SARIF.SarifLog(runs: [run]), results)
  }

  /// The report's rules by id (first description of an id wins), plus a minimal one for any other id a finding uses.
  static func descriptors(_ report: Report) -> [RuleDescriptor] {
    var byId: [String: RuleDescriptor] = [:]
    for rule in report.rules where byId[rule.id] == nil { byId[rule.id] = rule }
    for finding in report.diagnostics where byId[finding.ruleId] == nil {
      byId[finding.ruleId] = RuleDescriptor(
        id: finding.ruleId, name: finding.ruleName, title: finding.ruleName, severity: finding.severity)
    }
    for check in report.notJudged where byId[check.ruleId] == nil {
      byId[check.ruleId] = RuleDescriptor(
        id: check.ruleId, name: check.ruleName, title: check.ruleName, severity: .note)
    }
    return byId.values.sorted { $0.id < $1.id }
  }

  /// A rule's metadata; its help is the description, remediation and references, or the title when it has none.
  static func descriptor(_ rule: RuleDescriptor, _ report: Report) -> SARIF.ReportingDescriptor {
    var text: [String] = []
    var markdown: [String] = []
    if !rule.description.isEmpty {
      text.append(rule.description)
      markdown.append(rule.description)
    }
    if !rule.remediation.isEmpty {
      text.append("Remediation:\n" + rule.remediation)
      markdown.append("## Remediation\n\n" + rule.remediation)
    }
    if !rule.references.isEmpty {
      text.append("References:\n" + rule.references.map { "- " + $0 }.joined(separator: "\n"))
      markdown.append("## References\n\n" + rule.references.map { "- <\($0)>" }.joined(separator: "\n"))
    }
    let title = rule.title.isEmpty ? rule.name : rule.title
    // Trailing spaces and line breaks off, looked at from the end (reversing the whole text cost ~1 G instructions
    // over the built-in rules' help).
    let trimmed = { (s: String) -> String in
      var text = Substring(s)
      while let last = text.last, last.isNewline || last == " " { text.removeLast() }
      return String(text)
    }
    let properties = SARIF.PropertyBag(
      tags: rule.tags.isEmpty ? nil : rule.tags,
      securitySeverity: rule.securitySeverity.map { String(format1: $0) })
    return SARIF.ReportingDescriptor(
      id: rule.id, name: rule.name,
      shortDescription: SARIF.MultiformatMessageString(text: title),
      fullDescription: rule.description.isEmpty
        ? nil : SARIF.MultiformatMessageString(text: trimmed(rule.description)),
      help: text.isEmpty
        ? SARIF.MultiformatMessageString(text: title, markdown: title)
        : SARIF.MultiformatMessageString(
          text: trimmed(text.map(trimmed).joined(separator: "\n\n")),
          markdown: trimmed(markdown.map(trimmed).joined(separator: "\n\n"))),
      helpUri: report.helpURI(for: rule),
      defaultConfiguration: SARIF.ReportingConfiguration(level: rule.severity.rawValue),
      properties: properties.tags == nil && properties.securitySeverity == nil ? nil : properties)
  }

  /// A result; a finding without a path is shown at line 1 of `anchor`, as code scanning needs a file for every
  /// result.
  static func result(_ finding: Finding, ruleIndex: Int, anchor: String?) -> SARIF.Result {
    let related = finding.related.enumerated().map { i, r in
      SARIF.Location(
        id: i + 1, physicalLocation: physicalLocation(path: r.path, range: r.range),
        message: SARIF.Message(text: r.message))
    }
    let suppressions = finding.suppression.map { s in
      [
        SARIF.Suppression(
          kind: s.kind.rawValue, justification: s.justification.isEmpty ? nil : s.justification,
          location: s.path.map { path in
            SARIF.Location(
              physicalLocation: physicalLocation(
                path: path,
                range: s.line.map { SourceRange(at: SourceLocation(line: $0, column: 1, offset: 0)) }))
          })
      ]
    }
    return SARIF.Result(
      ruleId: finding.ruleId, ruleIndex: ruleIndex, kind: nil, level: finding.severity.rawValue,
      message: SARIF.Message(text: finding.message), locations: location(finding, anchor: anchor).map { [$0] },
      relatedLocations: related.isEmpty ? nil : related,
      partialFingerprints: ["orglint/v1": finding.stableFingerprint],
      suppressions: suppressions, baselineState: finding.baselineState?.rawValue, fixes: fixes(finding))
  }

  /// The finding's fixes (§3.55), each one change of the finding's file; nil when it has none.
  static func fixes(_ finding: Finding) -> [SARIF.Fix]? {
    guard let path = finding.path, !finding.fixes.isEmpty else { return nil }
    return finding.fixes.map { fix in
      let replacements = fix.edits.map { edit in
        let r = edit.range
        return SARIF.Replacement(
          deletedRegion: SARIF.Region(
            startLine: r.start.line, startColumn: r.start.column, endLine: r.end.line, endColumn: r.end.column,
            byteOffset: r.start.offset, byteLength: edit.byteRange.count),
          insertedContent: edit.replacement.isEmpty ? nil : SARIF.ArtifactContent(text: edit.replacement))
      }
      return SARIF.Fix(
        description: SARIF.Message(text: fix.description),
        artifactChanges: [
          SARIF.ArtifactChange(artifactLocation: SARIF.ArtifactURI.location(of: path), replacements: replacements)
        ])
    }
  }

  /// An `open` result: the rule could not be judged for the item, because the facts it read are unknown.
  static func result(_ check: NotJudged, ruleIndex: Int) -> SARIF.Result {
    let message =
      "\(check.ruleId) (\(check.ruleName)) could not be judged for \(check.entity): it reads unknown facts: "
      + check.causes.joined(separator: "; ")
    return SARIF.Result(
      ruleId: check.ruleId, ruleIndex: ruleIndex, kind: "open", level: "none", message: SARIF.Message(text: message),
      locations: [
        SARIF.Location(
          physicalLocation: physicalLocation(path: check.path, range: check.range),
          logicalLocations: [SARIF.LogicalLocation(fullyQualifiedName: check.entity)])
      ],
      relatedLocations: nil,
      partialFingerprints: ["orglint/v1": "sha256:" + SHA256.hex("open\u{0}\(check.ruleId)\u{0}\(check.entity)")],
      suppressions: nil, baselineState: nil)
  }

  /// The finding's file and region (or line 1 of `anchor` when it has no path) and its logical location; nil when it
  /// has none of them.
  static func location(_ finding: Finding, anchor: String?) -> SARIF.Location? {
    let logical = finding.logicalLocation.map { [SARIF.LogicalLocation(fullyQualifiedName: $0)] }
    let physical =
      finding.path.map { physicalLocation(path: $0, range: finding.range) }
      ?? anchor.map {
        physicalLocation(path: $0, range: SourceRange(at: SourceLocation(line: 1, column: 1, offset: 0)))
      }
    if logical == nil, physical == nil { return nil }
    return SARIF.Location(physicalLocation: physical, logicalLocations: logical)
  }

  static func physicalLocation(path: String, range: SourceRange?) -> SARIF.PhysicalLocation {
    SARIF.PhysicalLocation(artifactLocation: SARIF.ArtifactURI.location(of: path), region: range.flatMap(region))
  }

  /// The region of a range; the end is left out for an empty range, and the whole region when the line is unknown.
  static func region(_ range: SourceRange) -> SARIF.Region? {
    guard range.start.line >= 1 else { return nil }
    let start = SARIF.Region(startLine: range.start.line, startColumn: max(1, range.start.column))
    guard range.end > range.start, range.end.column >= 1 else { return start }
    return SARIF.Region(
      startLine: start.startLine, startColumn: start.startColumn, endLine: range.end.line, endColumn: range.end.column)
  }
}

extension String {
  /// A security severity as code scanning expects it: one decimal at least ("9.0", "7.5").
  init(format1 value: Double) {
    let tenths = (value * 10).rounded()
    if abs(value * 10 - tenths) < 1e-9 {
      let t = Int(tenths)
      self = "\(t / 10).\(abs(t % 10))"
    } else {
      self = "\(value)"
    }
  }
}
