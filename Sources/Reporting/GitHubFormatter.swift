import Diagnostics

/// GitHub Actions workflow commands, one per active finding, which the runner turns into annotations:
/// `::error file=org/a.yaml,line=6,col=3,endLine=6,endColumn=17,title=ROOT001 member-root-password-removed::message`.
///
/// Severities map to `error`, `warning` and `notice`; ends are exclusive, as in every orglint format.
public struct GitHubFormatter: ReportFormatter {
  public init() {}

  public func render(_ report: Report) -> String {
    report.diagnostics.filter(\.isActive).map(command).joined()
  }

  func command(_ finding: Finding) -> String {
    let name: String
    switch finding.severity {
    case .error: name = "error"
    case .warning: name = "warning"
    case .note: name = "notice"
    }
    var properties: [(String, String)] = []
    if let path = finding.path {
      properties.append(("file", path))
      if let range = finding.range, range.start.line >= 1 {
        properties.append(("line", "\(range.start.line)"))
        properties.append(("col", "\(range.start.column)"))
        if range.end > range.start {
          properties.append(("endLine", "\(range.end.line)"))
          properties.append(("endColumn", "\(range.end.column)"))
        }
      }
    }
    properties.append(("title", "\(finding.ruleId) \(finding.ruleName)"))
    let list = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
    return "::\(name) \(list)::\(Self.escapeData(finding.message))\n"
  }

  /// The runner's escaping of a command's message: `%`, CR and LF; other control characters are shown as control
  /// pictures so that a hostile config cannot drive the log viewer's terminal emulation.
  static func escapeData(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "%": out += "%25"
      case "\r": out += "%0D"
      case "\n": out += "%0A"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return TerminalText.safe(out)
  }

  /// The runner's escaping of a property value: that of data, plus `:` and `,`.
  static func escapeProperty(_ text: String) -> String {
    var out = ""
    for scalar in escapeData(text).unicodeScalars {
      switch scalar {
      case ":": out += "%3A"
      case ",": out += "%2C"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
