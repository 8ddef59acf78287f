import Diagnostics
import LocatedYAML

/// Reads the fields of one YAML mapping by name, reporting unknown fields (with a did-you-mean), wrong types and
/// missing required fields as findings of the given rules.
package struct MappingReader {
  package let doc: YAMLDocument
  package let node: YAMLNodeID
  let known: [String]
  private(set) var values: [String: (key: YAMLNodeID, value: YAMLNodeID)] = [:]

  /// Collects the fields of `node`; `findings` receives one per unknown field.
  package init(_ doc: YAMLDocument, _ node: YAMLNodeID, known: [String], context: String, into findings: inout [Finding]) {
    self.doc = doc
    self.node = node
    self.known = known
    for i in 0..<doc.count(node) {
      let key = doc.key(node, i)
      if doc.isDuplicateKey(key) { continue }
      let name = doc.scalar(key)
      if known.contains(name) {
        values[name] = (key, doc.resolve(doc.value(node, i)) ?? doc.value(node, i))
      } else {
        findings.append(
          finding(
            RuleFileRules.unknownField,
            "unknown field '\(name)' in \(context)\(DidYouMean.hint(for: name, among: known))", at: key))
      }
    }
  }

  func finding(_ rule: RuleDescriptor, _ message: String, at node: YAMLNodeID) -> Finding {
    Finding(rule, message, path: doc.file.path, range: doc.range(node))
  }

  package func has(_ name: String) -> Bool { values[name] != nil }

  /// The value node of a field.
  package func value(_ name: String) -> YAMLNodeID? { values[name]?.value }

  /// The key node of a field, else the mapping itself: where a finding about the field points.
  package func anchor(_ name: String) -> YAMLNodeID { values[name]?.key ?? node }

  /// A scalar field's text; reports a wrong type, and a missing field when `required`.
  package func string(_ name: String, required: Bool = false, _ findings: inout [Finding]) -> String? {
    guard let v = value(name) else {
      if required {
        findings.append(finding(RuleFileRules.missingField, "missing required field '\(name)'", at: node))
      }
      return nil
    }
    guard doc.kind(v) == .scalar, !doc.isNull(v) else {
      findings.append(finding(RuleFileRules.invalidValue, "'\(name)' must be a string", at: v))
      return nil
    }
    return doc.scalar(v)
  }

  /// A list of strings (a single scalar is not accepted).
  package func strings(_ name: String, _ findings: inout [Finding]) -> [String] {
    guard let v = value(name) else { return [] }
    guard doc.kind(v) == .sequence else {
      findings.append(finding(RuleFileRules.invalidValue, "'\(name)' must be a list of strings", at: v))
      return []
    }
    var out: [String] = []
    for item in doc.items(v) {
      let r = doc.resolve(item) ?? item
      if doc.kind(r) == .scalar { out.append(doc.scalar(r)) } else {
        findings.append(finding(RuleFileRules.invalidValue, "'\(name)' must be a list of strings", at: item))
      }
    }
    return out
  }

  /// The file positions of the lines of a scalar's value, so that errors inside an expression can be located.
  func lineStarts(of v: YAMLNodeID) -> [SourceLocation] {
    let file = doc.file
    let start = doc.start(v)
    switch doc.style(v) {
    case .literal, .folded:
      // Content starts on the line after the indicator, at the indentation of its first non-blank line.
      var line = start.line + 1
      while line <= file.lineCount, file.lineText(line).allSatisfy({ $0 == " " }) { line += 1 }
      let indent = file.lineText(min(line, file.lineCount)).prefix { $0 == " " }.count
      let count = max(1, doc.scalar(v).split(separator: "\n", omittingEmptySubsequences: false).count)
      if doc.style(v) == .folded { return [loc(start.line + 1, indent + 1)] }
      return (0..<count).map { loc(start.line + 1 + $0, indent + 1) }
    case .singleQuoted, .doubleQuoted:
      return [SourceLocation(line: start.line, column: start.column + 1, offset: start.offset + 1)]
    default:
      return [start]
    }
  }

  private func loc(_ line: Int, _ column: Int) -> SourceLocation {
    let l = min(line, doc.file.lineCount)
    return SourceLocation(line: l, column: column, offset: doc.file.byteOffset(line: l, column: column))
  }
}
