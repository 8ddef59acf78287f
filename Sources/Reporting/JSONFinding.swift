import Diagnostics

/// One finding in orglint's JSON output (shape documented in Docs/output-formats.md); unknown values are omitted.
public struct JSONFinding: Codable, Hashable, Sendable {
  /// A related location of a finding.
  public struct Related: Codable, Hashable, Sendable {
    public var path: String
    public var line: Int?
    public var column: Int?
    public var message: String
  }
  /// Why a finding is suppressed.
  public struct SuppressionInfo: Codable, Hashable, Sendable {
    public var kind: String
    public var justification: String
  }

  /// A safe repair: its edits of the finding's file.
  public struct FixInfo: Codable, Hashable, Sendable {
    public var description: String
    public var edits: [Edit]
  }
  /// Bytes `byteOffset ..< byteOffset + byteLength` of the file (the span `line:column`–`endLine:endColumn`)
  /// replaced by `replacement`.
  public struct Edit: Codable, Hashable, Sendable {
    public var byteOffset: Int
    public var byteLength: Int
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    public var replacement: String
  }

  public var ruleId: String
  public var ruleName: String
  public var severity: String
  public var message: String
  public var path: String?
  public var line: Int?
  public var column: Int?
  public var endLine: Int?
  public var endColumn: Int?
  public var fingerprint: String
  public var logicalLocation: String?
  public var related: [Related]?
  public var suppressed: Bool
  public var suppression: SuppressionInfo?
  public var baselineState: String?
  public var fixes: [FixInfo]?

  public init(_ finding: Finding) {
    ruleId = finding.ruleId
    ruleName = finding.ruleName
    severity = finding.severity.rawValue
    message = finding.message
    path = finding.path
    line = finding.range?.start.line
    column = finding.range?.start.column
    endLine = finding.range?.end.line
    endColumn = finding.range?.end.column
    fingerprint = finding.stableFingerprint
    logicalLocation = finding.logicalLocation
    let related = finding.related.map {
      Related(path: $0.path, line: $0.range?.start.line, column: $0.range?.start.column, message: $0.message)
    }
    self.related = related.isEmpty ? nil : related
    suppressed = finding.suppression != nil
    suppression = finding.suppression.map { SuppressionInfo(kind: $0.kind.rawValue, justification: $0.justification) }
    baselineState = finding.baselineState?.rawValue
    let fixes = finding.fixes.map { fix in
      FixInfo(
        description: fix.description,
        edits: fix.edits.map { e in
          Edit(
            byteOffset: e.range.start.offset, byteLength: e.byteRange.count, line: e.range.start.line,
            column: e.range.start.column, endLine: e.range.end.line, endColumn: e.range.end.column,
            replacement: e.replacement)
        })
    }
    self.fixes = fixes.isEmpty ? nil : fixes
  }
}
