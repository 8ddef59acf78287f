/// What a report needs to know about a rule: identity, default severity and its documentation.
///
/// Built-in and user rules, and the loader's own checks (YAML001, SCHEMA001, ...), all have one, so every report
/// (SARIF's `tool.driver.rules`, `orglint rules list`) describes every id it can emit.
public struct RuleDescriptor: Hashable, Sendable {
  /// Letters and digits, e.g. `ROOT001`.
  public var id: String
  /// Kebab-case alias, e.g. `member-root-password-removed`.
  public var name: String
  /// One sentence: what compliant looks like.
  public var title: String
  public var severity: Severity
  /// 0.0–10.0 for code scanning's security severity, when the rule sets one.
  public var securitySeverity: Double?
  public var tags: [String]
  public var references: [String]
  /// Why it matters (Markdown).
  public var description: String
  /// How to fix it (Markdown).
  public var remediation: String
  /// Where its documentation lives (SARIF `helpUri`).
  public var helpPage: HelpPage = .rulePage

  public init(
    id: String, name: String, title: String, severity: Severity, securitySeverity: Double? = nil,
    tags: [String] = [], references: [String] = [], description: String = "", remediation: String = ""
  ) {
    self.id = id
    self.name = name
    self.title = title
    self.severity = severity
    self.securitySeverity = securitySeverity
    self.tags = tags
    self.references = references
    self.description = description
    self.remediation = remediation
  }
}

/// Where an id is documented: a rule's own page (`Docs/rules/ID.md`), a section of Docs/diagnostics.md for the ids
/// of the loader and of the run (YAML…, SCHEMA…, CONFIG…, SUP…, IO001, …), or nowhere orglint knows (user rules).
public enum HelpPage: Hashable, Sendable {
  case rulePage, diagnostics, none
}

extension RuleDescriptor {
  /// This descriptor documented at `page`.
  public func documented(at page: HelpPage) -> RuleDescriptor {
    var copy = self
    copy.helpPage = page
    return copy
  }

  /// The anchor of its section in Docs/diagnostics.md (`## YAML001 yaml-syntax-error` → `yaml001-yaml-syntax-error`).
  public var diagnosticsAnchor: String { id.lowercased() + "-" + name }
}
