import Diagnostics

/// A rule's documentation, generated from its rule file: the Markdown pages of `Docs/rules/` (one per rule and a
/// catalog) and the text of `orglint rules explain`.
public enum RuleDocs {
  /// The command that regenerates `Docs/rules/`.
  public static let regenerateCommand = "swift run orglint rules docs Docs/rules"

  /// Every page of the folder: `<ID>.md` per rule, and `README.md` (the catalog), sorted by file name.
  public static func pages(for rules: [Rule]) -> [(fileName: String, text: String)] {
    let sorted = rules.sorted { $0.id < $1.id }
    return sorted.map { ("\($0.id).md", page(for: $0)) } + [("README.md", catalog(sorted))]
  }

  /// The catalog: one table row per rule, linking to its page.
  public static func catalog(_ rules: [Rule]) -> String {
    var out = header("Rules/*.yaml")
    out += "# Built-in rules\n\n"
    out += "orglint's \(rules.count) built-in rules, one YAML file each in `Rules/` (see "
      + "[writing rules](../writing-rules.md)). `orglint rules list --format markdown` prints these rows, without links, "
      + "with a `source` column and your own rules; `orglint rules list` also lists orglint's own ids "
      + "([diagnostics](../diagnostics.md)).\n\n"
    out += "| id | name | severity | scope | title |\n|---|---|---|---|---|\n"
    for r in rules {
      out += "| [\(r.id)](\(r.id).md) | `\(r.name)` | \(r.descriptor.severity.rawValue) | \(r.scope.rawValue) | "
        + "\(cell(r.descriptor.title)) |\n"
    }
    return out
  }

  /// One rule's page.
  public static func page(for rule: Rule) -> String {
    let d = rule.descriptor
    var out = header(rule.path)
    out += "# \(d.id): \(d.title)\n\n"
    out += "| | |\n|---|---|\n"
    out += "| id | `\(d.id)` |\n| name | `\(d.name)` |\n| severity | \(d.severity.rawValue) |\n"
    if let s = d.securitySeverity { out += "| security severity | \(formatScore(s)) |\n" }
    out += "| scope | \(rule.scope.rawValue) |\n"
    if !d.tags.isEmpty { out += "| tags | " + d.tags.map { "`\($0)`" }.joined(separator: ", ") + " |\n" }
    out += "| suppressible | \(rule.suppressible.rawValue) |\n"
    out += "| source | [\(rule.path)](../../\(rule.path)) |\n\n"
    if !d.description.isEmpty { out += "## Description\n\n\(block(d.description))\n" }
    if !d.remediation.isEmpty { out += "## Remediation\n\n\(block(d.remediation))\n" }
    if !rule.params.isEmpty {
      out += "## Parameters\n\nDefaults; override them per rule in `.orglint.yaml` (`rules: { \(d.id): { params: "
        + "{ … } } }`).\n\n| name | type | default | description |\n|---|---|---|---|\n"
      for p in rule.params {
        out += "| `\(p.name)` | \(p.kind.rawValue) | `\(p.defaultValue)` | \(cell(p.description)) |\n"
      }
      out += "\n"
    }
    out += "## How it checks\n\n```yaml\n" + definition(rule) + "```\n\n"
    if !rule.examples.isEmpty {
      out += "## Examples\n\nRun by `orglint rules test` and the test suite"
        + " (`now` is \(ExampleRunner.defaultNowText) unless an example sets it).\n\n"
      for (i, e) in rule.examples.enumerated() {
        out += "### \(i + 1). \(e.name)\n\n"
        if let now = e.now { out += "At `now` = \(now):\n\n" }
        out += "```yaml\n" + block(e.config) + "```\n\n"
        if e.expect.isEmpty {
          out += "Passes: no finding.\n\n"
        } else {
          out += "Findings:\n\n"
          for x in e.expect { out += "- at `\(x.at)`: “\(x.message)”\n" }
          out += "\n"
        }
      }
    }
    if !d.references.isEmpty {
      out += "## References\n\n" + d.references.map { "- <\($0)>\n" }.joined() + "\n"
    }
    out.removeLast()
    return out
  }

  /// `scope`, `when`, `assert`, `params`, `message` and `location` as a YAML excerpt of the rule file.
  static func definition(_ rule: Rule) -> String {
    var out = "scope: \(rule.scope.rawValue)\n"
    if let when = rule.when { out += yamlField("when", when.text) }
    out += yamlField("assert", rule.assert.text)
    out += yamlField("message", rule.message.text)
    if !rule.location.isEmpty {
      out += "location: \(rule.scope.variable).\(rule.location.joined(separator: "."))\n"
    }
    return out
  }

  /// `name: text` as YAML that reads back as `text`: plain when that is safe, a folded `>-` scalar for one line that
  /// is not (`!account…`, `{{…}}`, `a ? b : c`), a literal `|` block for several lines.
  static func yamlField(_ name: String, _ text: String) -> String {
    let trimmed = text.trimmingTrailingSpaces
    if !trimmed.contains("\n") {
      return isPlainSafe(trimmed) ? "\(name): \(trimmed)\n" : "\(name): >-\n  \(trimmed)\n"
    }
    return "\(name): |\n" + trimmed.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.isEmpty ? "\n" : "  \($0)\n" }.joined()
  }

  /// True when `text` reads back unchanged as a plain YAML scalar on one line.
  static func isPlainSafe(_ text: String) -> Bool {
    guard let first = text.first, !first.isWhitespace, !"!&*{}[]|>'\"%@`#,?:-".contains(first) else { return false }
    return !text.contains(": ") && !text.contains(" #") && !text.hasSuffix(":") && !text.contains("\t")
  }

  /// `orglint rules explain`: the rule for a terminal.
  public static func explain(_ rule: Rule) -> String {
    let d = rule.descriptor
    var out = "\(d.id) \(d.name): \(d.title)\n\n"
    out += "severity: \(d.severity.rawValue)"
    if let s = d.securitySeverity { out += " (security severity \(formatScore(s)))" }
    out += "\nscope: \(rule.scope.rawValue)\nsuppressible: \(rule.suppressible.rawValue)\n"
    if !d.tags.isEmpty { out += "tags: \(d.tags.joined(separator: ", "))\n" }
    out += "source: \(rule.path)\(rule.isBuiltin ? " (built-in)" : "")\n"
    out += section("Description", d.description) + section("Remediation", d.remediation)
    if !rule.params.isEmpty {
      out += "\nParameters:\n"
      for p in rule.params {
        out += "  \(p.name) (\(p.kind.rawValue)) = \(p.defaultValue)"
        out += p.description.isEmpty ? "\n" : ": \(p.description)\n"
      }
    }
    out += "\nDefinition:\n" + indent(definition(rule), "  ")
    if !d.references.isEmpty { out += "\nReferences:\n" + d.references.map { "  - \($0)\n" }.joined() }
    if !rule.examples.isEmpty {
      out += "\nExamples (orglint rules test):\n"
      for (i, e) in rule.examples.enumerated() {
        out += "\n  \(i + 1). \(e.name)" + (e.now.map { " (now = \($0))" } ?? "") + "\n"
        out += indent(block(e.config), "     | ")
        if e.expect.isEmpty {
          out += "     expect: pass\n"
        } else {
          out += "     expect:\n" + e.expect.map { "       - at \($0.at): \"\($0.message)\"\n" }.joined()
        }
      }
    }
    return out
  }

  /// `orglint rules explain` for an id without a rule file (the loader's YAML001, SCHEMA001, ...).
  public static func explain(_ d: RuleDescriptor) -> String {
    var out = "\(d.id) \(d.name): \(d.title)\n\nseverity: \(d.severity.rawValue)\n"
    out += "source: built into orglint's loader (not a rule file)\n"
    return out + section("Description", d.description) + section("Remediation", d.remediation)
  }

  private static func section(_ title: String, _ text: String) -> String {
    text.isEmpty ? "" : "\n\(title):\n" + indent(block(text), "  ")
  }

  private static func header(_ source: String) -> String {
    "<!-- Generated from \(source) by `\(regenerateCommand)`: do not edit. -->\n\n"
  }

  /// Text ending with exactly one newline.
  static func block(_ text: String) -> String { text.trimmingTrailingSpaces + "\n" }

  static func indent(_ text: String, _ prefix: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
      $0.isEmpty ? prefix.trimmingTrailingSpaces + "\n" : prefix + $0 + "\n"
    }.joined()
  }

  /// A Markdown table cell: no line breaks, no unescaped pipes.
  static func cell(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).joined(separator: " ").replacingPipes
  }

  /// `9.0`, `7.5`.
  static func formatScore(_ s: Double) -> String { "\(s)" }
}

extension String {
  fileprivate var replacingPipes: String {
    var out = ""
    for c in self { out += c == "|" ? "\\|" : String(c) }
    return out
  }
}
