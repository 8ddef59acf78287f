import Diagnostics
import LocatedYAML

/// Reads rule files (the format of Docs/writing-rules.md) into `Rule`s, with a located finding for every problem. Expressions are
/// only read here; `RuleCompiler` parses and type-checks them.
public enum RuleFileParser {
  static let fields = [
    "id", "name", "title", "severity", "securitySeverity", "tags", "references", "scope", "when", "assert", "related",
    "params", "message", "location", "description", "remediation", "suppressible", "examples",
  ]

  /// Parses one rule file's text. A file holds exactly one rule.
  public static func parse(_ source: SourceFile, isBuiltin: Bool) -> (rule: Rule?, findings: [Finding]) {
    let yaml = YAMLReader.read(source)
    var findings = yaml.findings
    guard findings.isEmpty else { return (nil, findings) }
    guard yaml.documents.count == 1, let doc = yaml.documents.first, let root = doc.root,
      doc.kind(root) == .mapping
    else {
      let at = SourceRange(at: source.location(atByteOffset: 0))
      findings.append(
        Finding(RuleFileRules.invalidValue, "a rule file holds one YAML mapping (one rule)", path: source.path, range: at))
      return (nil, findings)
    }
    let m = MappingReader(doc, root, known: fields, context: "a rule", into: &findings)
    let rule = decode(m, isBuiltin: isBuiltin, &findings)
    return (findings.isEmpty ? rule : nil, findings)
  }

  private static func decode(_ m: MappingReader, isBuiltin: Bool, _ findings: inout [Finding]) -> Rule? {
    let id = m.string("id", required: true, &findings) ?? ""
    if m.has("id"), !isIdentifier(id) {
      findings.append(
        m.finding(RuleFileRules.invalidValue, "rule id '\(id)' must be letters and digits, starting with a letter",
          at: m.value("id")!))
    }
    let name = m.string("name", required: true, &findings) ?? ""
    if m.has("name"), !isKebabCase(name) {
      findings.append(
        m.finding(RuleFileRules.invalidValue, "rule name '\(name)' must be kebab-case (lowercase words joined by -)",
          at: m.value("name")!))
    }
    let title = m.string("title", required: true, &findings) ?? ""
    let severity = enumValue("severity", Severity.self, m, required: true, &findings) ?? .error
    let scope = enumValue("scope", RuleScope.self, m, required: true, &findings) ?? .account
    let suppressible = enumValue("suppressible", Suppressibility.self, m, required: false, &findings) ?? .true
    var securitySeverity: Double?
    if let text = m.string("securitySeverity", &findings) {
      if let value = Double(text), (0...10).contains(value) {
        securitySeverity = value
      } else {
        findings.append(
          m.finding(RuleFileRules.invalidValue, "securitySeverity must be a number from 0.0 to 10.0",
            at: m.value("securitySeverity")!))
      }
    }
    let when = expression("when", m, &findings)
    let assert = expression("assert", m, required: true, &findings)
    let related = expression("related", m, &findings)
    let message = m.string("message", required: true, &findings).map { template($0, m) }
    var location: [String] = []
    if let text = m.string("location", &findings) {
      let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
      if parts.first != scope.variable || parts.contains(where: \.isEmpty) {
        findings.append(
          m.finding(RuleFileRules.badLocation,
            "location '\(text)' must be a model path starting with '\(scope.variable)' (the scope's variable)",
            at: m.value("location")!))
      } else {
        location = Array(parts.dropFirst())
      }
    }
    let params = ParamsParser.parse(m, &findings)
    let examples = ExamplesParser.parse(m, &findings)
    let descriptor = RuleDescriptor(
      id: id, name: name, title: title, severity: severity, securitySeverity: securitySeverity,
      tags: m.strings("tags", &findings), references: m.strings("references", &findings),
      description: m.string("description", &findings) ?? "", remediation: m.string("remediation", &findings) ?? "")
    guard let assert, let message else { return nil }
    return Rule(
      descriptor: descriptor, scope: scope, when: when, assert: assert, related: related, params: params, message: message,
      location: location, locationAt: m.value("location").map { m.doc.range($0) }, suppressible: suppressible, examples: examples, path: m.doc.file.path, isBuiltin: isBuiltin)
  }

  private static func enumValue<E: RawRepresentable & CaseIterableOrKnown>(
    _ field: String, _ type: E.Type, _ m: MappingReader, required: Bool, _ findings: inout [Finding]
  ) -> E? where E.RawValue == String {
    guard let text = m.string(field, required: required, &findings) else { return nil }
    if let value = E(rawValue: text) { return value }
    let allowed = E.knownValues
    findings.append(
      m.finding(RuleFileRules.invalidValue,
        "\(field) '\(text)' is not one of \(allowed.joined(separator: ", "))\(DidYouMean.hint(for: text, among: allowed))",
        at: m.value(field)!))
    return nil
  }

  private static func expression(_ field: String, _ m: MappingReader, required: Bool = false,
    _ findings: inout [Finding]) -> RuleExpression?
  {
    guard let text = m.string(field, required: required, &findings) else { return nil }
    return RuleExpression(text: text, path: m.doc.file.path, lineStarts: m.lineStarts(of: m.value(field)!))
  }

  /// Splits `text` into literal text and `{{ CEL }}` parts, each expression located in the file.
  static func template(_ text: String, _ m: MappingReader) -> MessageTemplate {
    let whole = RuleExpression(text: text, path: m.doc.file.path, lineStarts: m.lineStarts(of: m.value("message")!))
    var parts: [MessageTemplate.Part] = []
    var rest = Substring(text)
    while let open = rest.firstRange(of: "{{") {
      if open.lowerBound > rest.startIndex { parts.append(.text(String(rest[..<open.lowerBound]))) }
      guard let close = rest[open.upperBound...].firstRange(of: "}}") else {
        rest = rest[open.lowerBound...]
        break
      }
      let inner = rest[open.upperBound..<close.lowerBound]
      let before = text[..<inner.startIndex]
      let line = before.count(where: { $0 == "\n" }) + 1
      let column = before.distance(from: before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex,
        to: before.endIndex) + 1
      let start = whole.fileLocation(line: line, column: column)
      parts.append(.expression(RuleExpression(text: String(inner), path: whole.path, lineStarts: [start])))
      rest = rest[close.upperBound...]
    }
    if !rest.isEmpty { parts.append(.text(String(rest))) }
    return MessageTemplate(parts: parts, text: text)
  }

  /// Letters and digits, starting with an ASCII letter.
  static func isIdentifier(_ s: String) -> Bool {
    guard let first = s.utf8.first, isLetter(first) else { return false }
    return s.utf8.allSatisfy { isLetter($0) || (0x30...0x39).contains($0) }
  }

  private static func isLetter(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }

  static func isKebabCase(_ s: String) -> Bool {
    !s.isEmpty && !s.hasPrefix("-") && !s.hasSuffix("-") && !s.contains("--")
      && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
  }
}

/// Enumerations whose allowed raw values can be listed in a message.
protocol CaseIterableOrKnown {
  static var knownValues: [String] { get }
}

extension Severity: CaseIterableOrKnown {
  static var knownValues: [String] { ["error", "warning", "note"] }
}
extension RuleScope: CaseIterableOrKnown {
  static var knownValues: [String] { allCases.map(\.rawValue) }
}
extension Suppressibility: CaseIterableOrKnown {
  static var knownValues: [String] { ["true", "false", "central"] }
}
