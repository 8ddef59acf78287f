import CEL
import Diagnostics
import LocatedYAML

/// Reads a rule's `params`: `name: default` (the type inferred from the default) or
/// `name: {type: duration, default: 24h, description: ...}`.
package enum ParamsParser {
  static func parse(_ m: MappingReader, _ findings: inout [Finding]) -> [RuleParam] {
    guard let node = m.value("params") else { return [] }
    let doc = m.doc
    guard doc.kind(node) == .mapping else {
      findings.append(m.finding(RuleFileRules.invalidValue, "'params' must be a mapping of names to defaults", at: node))
      return []
    }
    var params: [RuleParam] = []
    for i in 0..<doc.count(node) {
      let key = doc.key(node, i)
      if doc.isDuplicateKey(key) { continue }
      let name = doc.scalar(key)
      guard RuleFileParser.isIdentifier(name) || name.contains("_") && name.allSatisfy({ $0 == "_" || $0.isLetter || $0.isNumber }) else {
        findings.append(m.finding(RuleFileRules.invalidValue, "parameter name '\(name)' must be an identifier", at: key))
        continue
      }
      let value = doc.resolve(doc.value(node, i)) ?? doc.value(node, i)
      if doc.kind(value) == .mapping {
        var sub = findings
        let long = MappingReader(doc, value, known: ["type", "default", "description"], context: "a parameter", into: &sub)
        findings = sub
        guard let typeText = long.string("type", required: true, &findings),
          let defaultNode = long.value("default")
        else {
          if long.value("default") == nil, long.has("type") {
            findings.append(m.finding(RuleFileRules.missingField, "parameter '\(name)' needs a 'default'", at: value))
          }
          continue
        }
        guard let kind = RuleParam.Kind(rawValue: typeText) else {
          let allowed = ["bool", "int", "double", "string", "duration", "timestamp", "list(string)"]
          findings.append(
            m.finding(RuleFileRules.invalidValue,
              "parameter type '\(typeText)' is not one of \(allowed.joined(separator: ", "))", at: long.value("type")!))
          continue
        }
        guard let v = typed(defaultNode, as: kind, doc) else {
          findings.append(
            m.finding(RuleFileRules.invalidValue, "the default of '\(name)' is not a \(kind.rawValue)", at: defaultNode))
          continue
        }
        params.append(
          RuleParam(name: name, kind: kind, defaultValue: v, description: long.string("description", &findings) ?? ""))
      } else if let v = inferred(value, doc) {
        params.append(RuleParam(name: name, kind: v.kind, defaultValue: v.value, description: ""))
      } else {
        findings.append(
          m.finding(RuleFileRules.invalidValue,
            "the default of '\(name)' must be a bool, number, string, duration, timestamp or list of strings", at: value))
      }
    }
    return params
  }

  /// The type a bare default implies: plain true/false, integers and decimals; durations (`24h`, `90d`);
  /// RFC 3339 timestamps; lists of strings; other strings.
  static func inferred(_ node: YAMLNodeID, _ doc: YAMLDocument) -> (kind: RuleParam.Kind, value: ParamValue)? {
    if doc.kind(node) == .sequence {
      return typed(node, as: .stringList, doc).map { (.stringList, $0) }
    }
    guard doc.kind(node) == .scalar else { return nil }
    let text = doc.scalar(node)
    if doc.style(node) == .plain {
      if text == "true" || text == "false" { return (.bool, .bool(text == "true")) }
      if let i = Int64(text) { return (.int, .int(i)) }
      if let d = Double(text), text.contains(".") { return (.double, .double(d)) }
    }
    if let ns = GoDuration.nanoseconds(text) { return (.duration, .duration(ns)) }
    if isTimestamp(text) { return (.timestamp, .timestamp(text)) }
    return (.string, .string(text))
  }

  /// `node` read as a value of `kind`, or nil when it is not one.
  package static func typed(_ node: YAMLNodeID, as kind: RuleParam.Kind, _ doc: YAMLDocument) -> ParamValue? {
    if kind == .stringList {
      guard doc.kind(node) == .sequence else { return nil }
      var items: [String] = []
      for item in doc.items(node) {
        guard let r = doc.resolve(item), doc.kind(r) == .scalar else { return nil }
        items.append(doc.scalar(r))
      }
      return .stringList(items)
    }
    guard doc.kind(node) == .scalar else { return nil }
    return typed(doc.scalar(node), as: kind)
  }

  /// Text read as a value of `kind` (the config file's overrides use this too).
  static func typed(_ text: String, as kind: RuleParam.Kind) -> ParamValue? {
    switch kind {
    case .bool: return text == "true" ? .bool(true) : text == "false" ? .bool(false) : nil
    case .int: return Int64(text).map { .int($0) }
    case .double: return Double(text).map { .double($0) }
    case .string: return .string(text)
    case .duration: return GoDuration.nanoseconds(text).map { .duration($0) }
    case .timestamp: return isTimestamp(text) ? .timestamp(text) : nil
    case .stringList: return nil
    }
  }

  /// Whether `text` is a timestamp CEL accepts (RFC 3339 naming a real date), so a value that passes here never
  /// turns into `null` when the rule runs.
  static func isTimestamp(_ text: String) -> Bool { CELTimestamp.parse(text) != nil }
}
