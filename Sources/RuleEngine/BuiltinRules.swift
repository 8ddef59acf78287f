import Diagnostics

/// The built-in rules, embedded from `Rules/*.yaml` at build time (see `scripts/embed-rules.py`), so the binary
/// needs no source tree at run time.
///
/// They are embedded twice: as text (`files`, BuiltinRules+Generated.swift: what `rules` commands show and locate
/// in) and as the `Rule` values `RuleFileParser` reads from that text (`values()`, BuiltinRules+Values.swift), so a
/// run does not parse their YAML at start-up. The values are used only while they were read from the current texts
/// (`valuesFingerprint == textsFingerprint`); after a rule is edited and before the values are written again, the
/// texts are parsed.
public enum BuiltinRules {
  /// The built-in rule files as source files, with their repository paths.
  public static var sources: [SourceFile] {
    files.map { SourceFile(path: $0.path, bytes: Array(($0.text + "\n").utf8)) }
  }

  /// The built-in rules, and the problems of their files (none, unless a rule was edited into a broken one).
  static func load(useValues: Bool = valuesFingerprint == textsFingerprint) -> (rules: [Rule], findings: [Finding]) {
    useValues ? (values(), []) : parseTexts()
  }

  /// The built-in rules read from their texts.
  static func parseTexts() -> (rules: [Rule], findings: [Finding]) {
    var rules: [Rule] = []
    var findings: [Finding] = []
    for source in sources {
      let (rule, problems) = RuleFileParser.parse(source, isBuiltin: true)
      findings += problems
      if let rule { rules.append(rule) }
    }
    return (rules, findings)
  }
}
