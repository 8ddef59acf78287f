/// The formats of `orglint lint --format`.
public enum OutputFormat: String, CaseIterable, Sendable {
  /// clang-style diagnostics with source snippets (the default).
  case text
  /// orglint's own stable JSON shape (Docs/output-formats.md).
  case json
  /// SARIF 2.1.0, for code scanning and editors.
  case sarif
  /// GitHub Actions workflow commands (annotations).
  case github
  /// JUnit XML, for CI test tabs.
  case junit
  /// GitLab Code Quality JSON.
  case gitlab
  /// One self-contained HTML page: the organization drawn, counts, timeline and every finding.
  case html

  /// The formatter of this format; `color` only affects `text`.
  public func formatter(color: Bool = false) -> any ReportFormatter {
    switch self {
    case .text: TextFormatter(color: color)
    case .json: JSONFormatter()
    case .sarif: SARIFFormatter()
    case .github: GitHubFormatter()
    case .junit: JUnitFormatter()
    case .gitlab: GitLabFormatter()
    case .html: HTMLFormatter()
    }
  }

  /// Renders `report` in this format.
  public func render(_ report: Report, color: Bool = false) -> String {
    formatter(color: color).render(report)
  }

  /// Writes `report` in this format to `output`, a chunk at a time where the format allows (see
  /// `ReportFormatter.write(_:to:)`).
  public func write(_ report: Report, color: Bool = false, to output: (UnsafeRawBufferPointer) -> Void) {
    formatter(color: color).write(report, to: output)
  }
}
