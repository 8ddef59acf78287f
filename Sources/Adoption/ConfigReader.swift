import Diagnostics
import LocatedYAML
import RuleEngine

/// `MappingReader` for the config file: the same field reading, with its findings reported as CONFIG001 (unknown
/// key) and CONFIG002 (wrong type, missing field) instead of the rule-file ids.
struct ConfigReader {
  let base: MappingReader

  init(_ doc: YAMLDocument, _ node: YAMLNodeID, known: [String], context: String, _ findings: inout [Finding]) {
    var raw: [Finding] = []
    base = MappingReader(doc, node, known: known, context: context, into: &raw)
    findings += raw.map(Self.remap)
  }

  var doc: YAMLDocument { base.doc }
  var node: YAMLNodeID { base.node }
  /// True when the key is given with a value (an empty value, `key:`, counts as not given).
  func has(_ name: String) -> Bool { value(name) != nil }
  func value(_ name: String) -> YAMLNodeID? { base.value(name).flatMap { doc.isNull($0) ? nil : $0 } }
  func anchor(_ name: String) -> YAMLNodeID { base.anchor(name) }

  func string(_ name: String, required: Bool = false, _ findings: inout [Finding]) -> String? {
    if base.has(name), value(name) == nil, !required { return nil }
    var raw: [Finding] = []
    defer { findings += raw.map(Self.remap) }
    return base.string(name, required: required, &raw)
  }

  func strings(_ name: String, _ findings: inout [Finding]) -> [String] {
    guard value(name) != nil else { return [] }
    var raw: [Finding] = []
    defer { findings += raw.map(Self.remap) }
    return base.strings(name, &raw)
  }

  /// A list of globs; a glob that does not compile is reported at its item.
  func globs(_ name: String, _ findings: inout [Finding]) -> [Glob] {
    guard let v = value(name) else { return [] }
    let items = doc.kind(v) == .sequence ? doc.items(v) : []
    let texts = strings(name, &findings)
    guard texts.count == items.count else { return [] }
    var out: [Glob] = []
    for (text, item) in zip(texts, items) {
      switch Glob.compile(text) {
      case .success(let glob): out.append(glob)
      case .failure(let error):
        report(
          AdoptionRules.invalidValue, "glob '\(text)' in '\(name)' is invalid: \(error.reason)", at: item, &findings)
      }
    }
    return out
  }

  func report(_ rule: RuleDescriptor, _ message: String, at node: YAMLNodeID, _ findings: inout [Finding]) {
    findings.append(Finding(rule, message, path: doc.file.path, range: doc.range(node)))
  }

  /// A rule-file finding as the config file's: RULE001 → CONFIG001 (`unknown key`), anything else → CONFIG002.
  static func remap(_ f: Finding) -> Finding {
    if f.ruleId == RuleFileRules.unknownField.id {
      let message = f.message.hasPrefix("unknown field") ? "unknown key" + f.message.dropFirst(13) : f.message
      return Finding(AdoptionRules.unknownKey, message, path: f.path, range: f.range)
    }
    let message = f.message.hasPrefix("missing required field")
      ? "missing required key" + f.message.dropFirst(22) : f.message
    return Finding(AdoptionRules.invalidValue, message, path: f.path, range: f.range)
  }
}
