import Adoption
import CEL
import Diagnostics
import OrgModel
import Reporting
import RuleEngine

/// What the server lints with: `orglint lint`'s options, from `initializationOptions`.
public struct LintSettings: Sendable {
  /// The config file; nil discovers `.orglint.yaml` upward from the documents, as `orglint lint` does.
  public var configPath: String?
  public var ruleDirectories: [String] = []
  /// Fixed `now`; nil reads the clock at each lint.
  public var now: CELTimestamp?

  public init(configPath: String? = nil, ruleDirectories: [String] = [], now: CELTimestamp? = nil) {
    self.configPath = configPath
    self.ruleDirectories = ruleDirectories
    self.now = now
  }
}

/// One open document as a lint saw it: its version, text, findings (active ones, in report order) and their LSP
/// diagnostics (same order; the configuration problems that stopped the lint come first).
public struct DocumentLint: Sendable {
  public var uri: String
  public var path: String
  public var version: Int
  public var index: LineIndex
  public var findings: [Finding]
  public var diagnostics: [LSPDiagnostic]
  /// How each rule id may be suppressed, from the lint's rules.
  public var lookup: RuleLookup?
  /// The loaded set, for navigation (nil when the lint stopped on a configuration problem).
  public var set: LoadedSet?
  /// Rule descriptors by id, for hover.
  public var rules: [String: RuleDescriptor]
}

/// Lints the open documents, each in the context of its whole organization set, with unsaved buffers read in place
/// of the files: one `Linter.lint` per set root, the open documents of that set named (so only they are reported).
public struct WorkspaceLinter: Sendable {
  public var settings: LintSettings
  public var encoding: PositionEncoding
  /// The folder relative paths are resolved against (the process's current folder).
  public var cwd: String

  public init(settings: LintSettings, encoding: PositionEncoding, cwd: String = FilePath.currentDirectory()) {
    self.settings = settings
    self.encoding = encoding
    self.cwd = cwd
  }

  /// Help pages, as SARIF's `helpUri`.
  private static let helpReport = Report(findings: [], rules: [], exitCode: 0, toolVersion: "", filesScanned: 0)

  /// True for documents that are not organization documents: the config file (read from disk by the lint).
  static func isConfigFile(_ path: String) -> Bool {
    path.hasSuffix("/" + Discovery.configFileName) || path == Discovery.configFileName
  }

  public func lint(_ documents: [TextDocument], now clock: () -> CELTimestamp) -> [DocumentLint] {
    let lintable = documents.filter { !Self.isConfigFile($0.path) }
    var groups: [String: [TextDocument]] = [:]
    for document in lintable {
      let root = Discovery.setRoot(startingAt: FilePath.parent(of: document.path)) ?? document.path
      groups[root, default: []].append(document)
    }
    var overrides: [String: [UInt8]] = [:]
    for document in lintable { overrides[document.path] = document.bytes }
    var out: [DocumentLint] = []
    let now = settings.now ?? clock()
    for (_, members) in groups.sorted(by: { $0.key < $1.key }) {
      var request = LintRequest(
        paths: members.map(\.path), ruleDirectories: settings.ruleDirectories, now: now,
        configPath: settings.configPath, cwd: cwd)
      request.overrides = overrides
      let result = Linter.lint(request)
      out += documentLints(members, result, configFiles: documents.filter { Self.isConfigFile($0.path) })
    }
    // The config file's own problems go to it when it is open.
    let covered = Set(out.map(\.uri))
    for document in documents where !covered.contains(document.uri) {
      out.append(
        DocumentLint(
          uri: document.uri, path: document.path, version: document.version, index: document.index, findings: [],
          diagnostics: [], lookup: nil, set: nil, rules: [:]))
    }
    return out
  }

  private func documentLints(_ members: [TextDocument], _ result: LintResult, configFiles: [TextDocument])
    -> [DocumentLint]
  {
    let rules = Dictionary(result.rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var indexes: [String: LineIndex] = [:]  // by absolute path, for related locations in other files
    for member in members { indexes[member.path] = member.index }
    func index(_ absolute: String) -> LineIndex? {
      if let known = indexes[absolute] { return known }
      let source = result.sources.first { FilePath.absolute($0.key, cwd: cwd) == absolute }?.value
      guard let bytes = source?.bytes ?? (try? SourceFile.read(path: absolute).bytes) else { return nil }
      let made = LineIndex(bytes)
      indexes[absolute] = made
      return made
    }
    func uri(_ absolute: String) -> String {
      (members + configFiles).first { $0.path == absolute }?.uri ?? FileURI.uri(ofPath: absolute)
    }
    func range(_ r: SourceRange?, in absolute: String) -> LSPRange {
      guard let r, let idx = index(absolute) else { return LSPRange(start: .init(line: 0, character: 0), end: .init(line: 0, character: 0)) }
      return LSPRange(start: idx.position(of: r.start.offset, encoding: encoding), end: idx.position(of: r.end.offset, encoding: encoding))
    }
    func diagnostic(_ f: Finding, in absolute: String?) -> LSPDiagnostic {
      let related = f.related.map { r -> LSPDiagnostic.RelatedInformation in
        let path = FilePath.absolute(r.path, cwd: cwd)
        return .init(location: Location(uri: uri(path), range: range(r.range, in: path)), message: r.message)
      }
      let href = rules[f.ruleId].flatMap { Self.helpReport.helpURI(for: $0) }
      return LSPDiagnostic(
        range: absolute.map { range(f.range, in: $0) } ?? LSPRange(start: .init(line: 0, character: 0), end: .init(line: 0, character: 0)),
        severity: Self.severity(f.severity), code: f.ruleId, codeDescription: href.map { .init(href: $0) },
        source: "orglint", message: f.message, relatedInformation: related.isEmpty ? nil : related)
    }

    // Problems that stopped the lint: on the file they are in when it is open, else on every document of the set.
    var problemDiagnostics: [String: [LSPDiagnostic]] = [:]
    var general: [LSPDiagnostic] = []
    for problem in result.problems.sorted(by: Finding.reportOrder) {
      let absolute = problem.path.map { FilePath.absolute($0, cwd: cwd) }
      if let absolute, (members + configFiles).contains(where: { $0.path == absolute }) {
        problemDiagnostics[absolute, default: []].append(diagnostic(problem, in: absolute))
      } else {
        var d = diagnostic(problem, in: nil)
        if let path = problem.path {
          let at = problem.range.map { ":\($0.start.line):\($0.start.column)" } ?? ""
          d.message = "\(path)\(at): \(problem.message)"
        }
        general.append(d)
      }
    }
    var findingsByPath: [String: [Finding]] = [:]
    for f in result.findings.sorted(by: Finding.reportOrder) where f.isActive {
      guard let path = f.path else { continue }
      findingsByPath[FilePath.absolute(path, cwd: cwd), default: []].append(f)
    }
    var out: [DocumentLint] = []
    for member in members {
      let findings = findingsByPath[member.path] ?? []
      out.append(
        DocumentLint(
          uri: member.uri, path: member.path, version: member.version, index: member.index, findings: findings,
          diagnostics: general + (problemDiagnostics[member.path] ?? []) + findings.map { diagnostic($0, in: member.path) },
          lookup: result.ruleLookup, set: result.set, rules: rules))
    }
    for config in configFiles where problemDiagnostics[config.path] != nil {
      out.append(
        DocumentLint(
          uri: config.uri, path: config.path, version: config.version, index: config.index, findings: [],
          diagnostics: problemDiagnostics[config.path] ?? [], lookup: result.ruleLookup, set: nil, rules: rules))
    }
    return out
  }

  static func severity(_ s: Severity) -> Int {
    switch s {
    case .error: 1
    case .warning: 2
    case .note: 3
    }
  }

}
