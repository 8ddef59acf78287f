import Diagnostics

/// Everything a formatter needs to render one `orglint lint` run: the findings and the context they came from.
///
/// The CLI builds one after linting and hands it to the `ReportFormatter` that `OutputFormat.formatter(color:)` picks
/// (`render(_:)`). Findings may come in any order; every formatter sorts them with `Finding.reportOrder`.
public struct Report: Sendable {
  /// The rules' findings, including suppressed and baselined ones (text hides those; json and sarif mark them).
  public var findings: [Finding]
  /// Every rule in force (built-in, user rules and the loader's own checks such as YAML001).
  public var rules: [RuleDescriptor]
  /// The linted files by display path, for snippets in text output.
  public var sources: [String: SourceFile]
  /// Problems with the config file or rule files (SARIF's `toolConfigurationNotifications`).
  public var configurationProblems: [Finding]
  /// Severity changes and disabled rules from the config file (SARIF's `ruleConfigurationOverrides`).
  public var ruleOverrides: [RuleOverride]
  /// The exit code the CLI will return (0, 1 or 2; see Docs/output-formats.md).
  public var exitCode: Int
  /// orglint's semantic version, e.g. `0.1.0`.
  public var toolVersion: String
  /// How many files were linted.
  public var filesScanned: Int
  /// Checks that read unknown facts and were not judged (text counts them, json lists them, SARIF shows them as
  /// `open` results).
  public var notJudged: [NotJudged]
  /// All checks, judged or not (rule × scope item whose `when` is not false).
  public var checks: Int
  /// SARIF `automationDetails.id` (code scanning's category), when the user gives one.
  public var automationId: String?
  /// Base URI of the rule documentation pages: a rule's help is `<helpBaseURI>/<id>.md`.
  public var helpBaseURI: String
  /// Home page of the tool (SARIF `tool.driver.informationUri`).
  public var informationURI: String
  /// Absolute directory that relative paths are relative to, as a `file://` URI ending in `/`
  /// (SARIF `originalUriBaseIds["%SRCROOT%"]`); nil leaves it to the consumer (code scanning uses the checkout).
  public var sourceRootURI: String?
  /// The file that findings about the set as a whole (no path) point at in formats that need a file: GitHub code
  /// scanning rejects a whole SARIF upload when one result has no file. The CLI passes the Organization document or
  /// the config file; nil means the first source file in path order.
  public var anchorPath: String?
  /// The organization's shape, for the html report's tree and timeline; nil draws no tree.
  public var organization: OrganizationOutline?
  /// The time rules saw as `now`, in seconds since 1970 (the html timeline ends there).
  public var now: Int64?

  public init(
    findings: [Finding], rules: [RuleDescriptor], sources: [String: SourceFile] = [:],
    configurationProblems: [Finding] = [], ruleOverrides: [RuleOverride] = [], exitCode: Int, toolVersion: String,
    filesScanned: Int, notJudged: [NotJudged] = [], checks: Int = 0, automationId: String? = nil,
    helpBaseURI: String = Report.defaultHelpBaseURI, informationURI: String = Report.defaultInformationURI,
    sourceRootURI: String? = nil, anchorPath: String? = nil
  ) {
    self.findings = findings
    self.rules = rules
    self.sources = sources
    self.configurationProblems = configurationProblems
    self.ruleOverrides = ruleOverrides
    self.exitCode = exitCode
    self.toolVersion = toolVersion
    self.filesScanned = filesScanned
    self.notJudged = notJudged
    self.checks = checks
    self.automationId = automationId
    self.helpBaseURI = helpBaseURI
    self.informationURI = informationURI
    self.sourceRootURI = sourceRootURI
    self.anchorPath = anchorPath
  }

  /// The project's home page.
  public static let defaultInformationURI = "https://github.com/orglint/orglint"
  /// The rule pages in the repository's `Docs/rules/` folder.
  public static let defaultHelpBaseURI = "https://github.com/orglint/orglint/blob/main/Docs/rules"

  /// The not-judged checks in report order.
  public var sortedNotJudged: [NotJudged] { notJudged.sorted(by: NotJudged.reportOrder) }

  /// The findings in report order.
  public var sortedFindings: [Finding] { findings.sorted(by: Finding.reportOrder) }

  /// The findings in report order, read in place: their positions are sorted, not copies of them (a finding is a
  /// few hundred bytes, and a large run has tens of thousands).
  var findingsInReportOrder: LazyMapCollection<[Int], Finding> {
    let findings = self.findings
    return findings.indices.sorted { Finding.reportOrder(findings[$0], findings[$1]) }.lazy.map { findings[$0] }
  }

  /// Configuration problems, then findings, each in report order: what the human-facing formats show.
  public var diagnostics: [Finding] {
    configurationProblems.sorted(by: Finding.reportOrder) + sortedFindings
  }

  /// Where a finding without a path is shown in SARIF and GitLab: `anchorPath`, else the first source file, else the
  /// first path of any finding; nil when the report knows no file at all.
  public var resolvedAnchorPath: String? {
    anchorPath ?? sources.keys.min() ?? (configurationProblems + findings).compactMap(\.path).min()
  }

  /// The `file://` URI of the absolute folder `directory`, ending in `/` (for `sourceRootURI`).
  public static func directoryURI(_ directory: String) -> String {
    let uri = FileURI.uri(ofPath: directory)
    return uri.hasSuffix("/") ? uri : uri + "/"
  }

  /// The help page of a rule.
  public func helpURI(forRule id: String) -> String {
    let base = helpBaseURI.hasSuffix("/") ? String(helpBaseURI.dropLast()) : helpBaseURI
    return "\(base)/\(id).md"
  }

  /// Where `rule` is documented: its page beside the others, its section of `diagnostics.md` (one folder up from
  /// the rule pages), or nil for a rule orglint has no page for (a user rule).
  public func helpURI(for rule: RuleDescriptor) -> String? {
    switch rule.helpPage {
    case .rulePage: return helpURI(forRule: rule.id)
    case .none: return nil
    case .diagnostics:
      var base = helpBaseURI.hasSuffix("/") ? String(helpBaseURI.dropLast()) : helpBaseURI
      if let slash = base.lastIndex(of: "/") { base = String(base[..<slash]) }
      return "\(base)/diagnostics.md#\(rule.diagnosticsAnchor)"
    }
  }
}
