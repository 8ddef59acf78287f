import Diagnostics
import LocatedYAML

/// Reads the config's `rules:` mapping: `ID: off`, `ID: warning`, or `ID: {severity:, params:, off: true}`.
enum RuleSettingsParser {
  static let settingKeys = ["severity", "params", "off"]
  static let shortValues = ["off", "error", "warning", "note"]

  static func parse(_ m: ConfigReader, _ findings: inout [Finding]) -> [RuleSetting] {
    guard let node = m.value("rules") else { return [] }
    let doc = m.doc
    guard doc.kind(node) == .mapping else {
      m.report(AdoptionRules.invalidValue, "'rules' must be a mapping of rule ids or names to settings", at: node,
        &findings)
      return []
    }
    var settings: [RuleSetting] = []
    for i in 0..<doc.count(node) {
      let key = doc.key(node, i)
      if doc.isDuplicateKey(key) { continue }
      let value = doc.resolve(doc.value(node, i)) ?? doc.value(node, i)
      var setting = RuleSetting(
        rule: doc.scalar(key), enabled: true, severity: nil, params: [], path: doc.file.path, range: doc.range(key))
      if doc.kind(value) == .mapping {
        guard long(value, into: &setting, m, &findings) else { continue }
      } else if doc.kind(value) == .scalar, !doc.isNull(value) {
        let text = doc.scalar(value)
        if text == "off" {
          setting.enabled = false
        } else if let severity = Severity(rawValue: text) {
          setting.severity = severity
        } else {
          m.report(AdoptionRules.invalidValue, "rule setting '\(text)' is not one of off, error, warning, note"
            + DidYouMean.hint(for: text, among: shortValues), at: value, &findings)
          continue
        }
      } else {
        m.report(AdoptionRules.invalidValue, "the setting of '\(setting.rule)' must be off, a severity, or a mapping "
          + "with severity, params, off", at: value, &findings)
        continue
      }
      settings.append(setting)
    }
    return settings
  }

  /// `{severity:, params:, off:}`; false when a problem makes the entry unusable.
  private static func long(
    _ node: YAMLNodeID, into setting: inout RuleSetting, _ parent: ConfigReader, _ findings: inout [Finding]
  ) -> Bool {
    let before = findings.count
    let m = ConfigReader(parent.doc, node, known: settingKeys, context: "a rule setting", &findings)
    let doc = m.doc
    if let text = m.string("severity", &findings) {
      setting.severity = Severity(rawValue: text)
      if setting.severity == nil {
        m.report(AdoptionRules.invalidValue, "severity '\(text)' is not one of error, warning, note"
          + DidYouMean.hint(for: text, among: ["error", "warning", "note"]), at: m.value("severity")!, &findings)
      }
    }
    if let text = m.string("off", &findings) {
      if text == "true" || text == "false" {
        setting.enabled = text == "false"
      } else {
        m.report(AdoptionRules.invalidValue, "'off' must be true or false", at: m.value("off")!, &findings)
      }
    }
    if let params = m.value("params") {
      if doc.kind(params) == .mapping {
        for i in 0..<doc.count(params) where !doc.isDuplicateKey(doc.key(params, i)) {
          let key = doc.key(params, i)
          let value = doc.resolve(doc.value(params, i)) ?? doc.value(params, i)
          setting.params.append(ParamSetting(name: doc.scalar(key), doc: doc, key: key, value: value))
        }
      } else {
        m.report(AdoptionRules.invalidValue, "'params' must be a mapping of parameter names to values", at: params,
          &findings)
      }
    }
    return findings.count == before
  }
}
