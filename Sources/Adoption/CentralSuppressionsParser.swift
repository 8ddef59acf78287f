import Diagnostics
import LocatedYAML

/// Reads the config's `suppressions:` list: `{rules: [ID...], reason:, expires:, account: | ou: | path:}`.
enum CentralSuppressionsParser {
  static let keys = ["rules", "reason", "expires", "account", "ou", "path"]
  static let targets = ["account", "ou", "path"]

  static func parse(_ m: ConfigReader, _ findings: inout [Finding]) -> [SuppressionDirective] {
    guard let node = m.value("suppressions") else { return [] }
    let doc = m.doc
    guard doc.kind(node) == .sequence else {
      m.report(AdoptionRules.invalidValue, "'suppressions' must be a list of suppressions", at: node, &findings)
      return []
    }
    var out: [SuppressionDirective] = []
    for raw in doc.items(node) {
      let item = doc.resolve(raw) ?? raw
      guard doc.kind(item) == .mapping else {
        m.report(AdoptionRules.invalidValue, "a suppression must be a mapping with rules, reason and a target "
          + "(account, ou or path)", at: item, &findings)
        continue
      }
      if let directive = one(item, m, &findings) { out.append(directive) }
    }
    return out
  }

  private static func one(_ node: YAMLNodeID, _ parent: ConfigReader, _ findings: inout [Finding])
    -> SuppressionDirective?
  {
    let before = findings.count
    let m = ConfigReader(parent.doc, node, known: keys, context: "a suppression", &findings)
    let doc = m.doc
    var rules: [String] = []
    if let v = m.value("rules") {
      if doc.kind(v) == .scalar, !doc.isNull(v) {
        rules = InlineSuppressions.ruleList(Substring(doc.scalar(v)))
      } else {
        rules = m.strings("rules", &findings)
      }
      if rules.isEmpty, findings.count == before {
        m.report(AdoptionRules.invalidValue, "'rules' names no rule", at: v, &findings)
      }
    } else {
      m.report(AdoptionRules.invalidValue, "missing required key 'rules'", at: node, &findings)
    }
    let reason = m.string("reason", &findings) ?? ""
    var expires: CivilDate?
    if let text = m.string("expires", &findings) {
      expires = CivilDate(fullDate: text)
      if expires == nil {
        m.report(AdoptionRules.invalidValue, "expires '\(text)' is not a date (YYYY-MM-DD)", at: m.value("expires")!,
          &findings)
      }
    }
    let given = targets.filter { m.has($0) }
    guard given.count == 1 else {
      let message = given.isEmpty
        ? "a suppression needs a target: account, ou or path"
        : "a suppression has one target, not \(given.joined(separator: " and "))"
      m.report(AdoptionRules.invalidValue, message, at: given.isEmpty ? node : m.anchor(given[1]), &findings)
      return nil
    }
    guard let text = m.string(given[0], &findings) else { return nil }
    let at = m.value(given[0])!
    var target: SuppressionDirective.Target
    switch given[0] {
    case "account":
      guard text.utf8.count == 12, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
        m.report(AdoptionRules.invalidValue, "account '\(text)' is not a 12-digit account id", at: at, &findings)
        return nil
      }
      target = .account(text)
    case "ou":
      let ou = OUPath.normalize(text)
      guard !ou.isEmpty else {
        m.report(AdoptionRules.invalidValue, "ou must be an OU path such as Workloads/Prod", at: at, &findings)
        return nil
      }
      target = .ou(ou)
    default:
      switch Glob.compile(text) {
      case .success(let glob): target = .files(glob)
      case .failure(let error):
        m.report(AdoptionRules.invalidValue, "glob '\(text)' in 'path' is invalid: \(error.reason)", at: at, &findings)
        return nil
      }
    }
    guard findings.count == before else { return nil }
    return SuppressionDirective(
      rules: rules, reason: reason, expires: expires, target: target, path: doc.file.path,
      range: SourceRange(at: doc.start(node)))
  }
}

/// OU paths as the config and the model write them: `Workloads/Prod`, compared without surrounding `/`.
enum OUPath {
  static func normalize(_ text: String) -> String {
    text.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
  }

  /// True when `ou` is `ancestor` or lies below it.
  static func isWithin(_ ou: String, _ ancestor: String) -> Bool {
    let o = normalize(ou)
    return o == ancestor || o.hasPrefix(ancestor + "/")
  }
}
