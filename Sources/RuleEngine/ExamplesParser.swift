import Diagnostics
import LocatedYAML

/// Reads a rule's `examples`: each with a `config` (orglint documents) and `expect` (`pass`, or the findings of
/// the rule: `at` a `line:column` in the config or a model path, and a `message` substring).
enum ExamplesParser {
  static func parse(_ m: MappingReader, _ findings: inout [Finding]) -> [RuleExample] {
    guard let node = m.value("examples") else { return [] }
    let doc = m.doc
    guard doc.kind(node) == .sequence else {
      findings.append(m.finding(RuleFileRules.badExample, "'examples' must be a list", at: node))
      return []
    }
    var examples: [RuleExample] = []
    for (i, itemNode) in doc.items(node).enumerated() {
      let item = doc.resolve(itemNode) ?? itemNode
      guard doc.kind(item) == .mapping else {
        findings.append(m.finding(RuleFileRules.badExample, "an example must be a mapping", at: itemNode))
        continue
      }
      let e = MappingReader(doc, item, known: ["name", "now", "config", "expect"], context: "an example", into: &findings)
      let name = e.string("name", &findings) ?? "example \(i + 1)"
      let now = e.string("now", &findings)
      if let now, !ParamsParser.isTimestamp(now) {
        findings.append(e.finding(RuleFileRules.badExample, "'now' must be an RFC 3339 timestamp", at: e.value("now")!))
      }
      guard let config = e.string("config", required: true, &findings) else { continue }
      guard let expectNode = e.value("expect") else {
        findings.append(
          e.finding(RuleFileRules.badExample, "example '\(name)' needs 'expect': pass, or a list of findings", at: item))
        continue
      }
      var expectations: [RuleExample.Expectation] = []
      if doc.kind(expectNode) == .scalar, doc.scalar(expectNode) == "pass" {
        // No findings expected.
      } else if doc.kind(expectNode) == .sequence, doc.count(expectNode) > 0 {
        for f in doc.items(expectNode) {
          let fr = doc.resolve(f) ?? f
          guard doc.kind(fr) == .mapping else {
            findings.append(e.finding(RuleFileRules.badExample, "an expected finding needs 'at' and 'message'", at: f))
            continue
          }
          let x = MappingReader(doc, fr, known: ["at", "message"], context: "an expected finding", into: &findings)
          guard let at = x.string("at", required: true, &findings),
            let message = x.string("message", required: true, &findings)
          else { continue }
          guard let position = position(at) else {
            findings.append(
              x.finding(RuleFileRules.badExample, "'at' must be line:column or a model path such as account/333333333333",
                at: x.value("at")!))
            continue
          }
          expectations.append(.init(at: position, message: message))
        }
      } else {
        findings.append(
          e.finding(RuleFileRules.badExample, "'expect' must be 'pass' or a non-empty list of findings", at: expectNode))
        continue
      }
      examples.append(
        RuleExample(name: name, now: now, config: config, expect: expectations, location: doc.start(item)))
    }
    return examples
  }

  static func position(_ text: String) -> RuleExample.Position? {
    let parts = text.split(separator: ":")
    if parts.count == 2, let l = Int(parts[0]), let c = Int(parts[1]), l > 0, c > 0 { return .lineColumn(l, c) }
    if text.contains("/"), !text.contains(" ") { return .modelPath(text) }
    return nil
  }
}
