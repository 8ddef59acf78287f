import Diagnostics
import LocatedYAML

/// Decodes the orglint documents of one YAML document into model entities, with a finding for every schema problem.
///
/// Entities are decoded from (document, node) alone, so an inline account or task can be decoded in isolation
/// (`decodeAccount(at:)`). Keys are matched on their bytes; Strings are made only for the values kept.
public struct ModelDecoder {
  public let document: ModelDocument
  let doc: YAMLDocument
  /// Schema findings, in document order.
  public internal(set) var findings: [Finding] = []
  /// Organization documents, in order (a set keeps the first).
  public internal(set) var organizations: [Organization] = []
  /// Account documents and the Organization's inline accounts, in order.
  public internal(set) var accounts: [Account] = []
  /// PrivilegedTask documents and the Organization's inline tasks, in order.
  public internal(set) var tasks: [PrivilegedTask] = []

  public init(document: ModelDocument) {
    self.document = document
    self.doc = document.yaml
  }

  var path: String { doc.file.path }

  // MARK: Findings

  mutating func report(_ rule: RuleDescriptor, _ message: String, at node: YAMLNodeID) {
    findings.append(Finding(rule, message, path: path, range: doc.range(node)))
  }

  /// A finding on a field: from its key to the end of its value.
  mutating func report(_ rule: RuleDescriptor, _ message: String, key: YAMLNodeID, value: YAMLNodeID) {
    let range = SourceRange(start: doc.start(key), end: doc.file.location(atByteOffset: doc.endOffset(value)))
    findings.append(Finding(rule, message, path: path, range: range))
  }

  /// A finding at an entity's start (its first key, or the opening brace of an empty mapping).
  mutating func reportAtStart(_ rule: RuleDescriptor, _ message: String, of mapping: YAMLNodeID) {
    let node = doc.kind(mapping) == .mapping && doc.count(mapping) > 0 ? doc.key(mapping, 0) : mapping
    findings.append(Finding(rule, message, path: path, range: SourceRange(at: doc.start(node))))
  }

  // MARK: Nodes

  /// Follows an alias; nil for null, for an alias that names nothing, and for `!include` (reported).
  mutating func resolve(_ node: YAMLNodeID) -> YAMLNodeID? {
    guard let r = doc.resolve(node), !doc.isNull(r) else { return nil }
    if let tag = doc.tag(r), tag == "!include" {
      report(
        ModelRules.unsupportedInclude,
        "'!include' is not supported: orglint reads every document under the set's root, so put the included "
          + "content in a document of its own", at: r)
      return nil
    }
    return r
  }

  /// `a mapping`, `a sequence`, `a string`, `a number`, `a boolean` or `null`, for messages.
  func describe(_ node: YAMLNodeID) -> String {
    guard let r = doc.resolve(node) else { return "null" }
    switch doc.kind(r) {
    case .mapping: return "a mapping"
    case .sequence: return "a sequence"
    case .alias: return "null"
    case .scalar:
      if doc.isNull(r) { return "null" }
      guard isPlain(r) else { return "a string" }
      if yaml12Bool(r) != nil || yaml11Bool(r) != nil { return "a boolean" }
      return doc.withScalarBytes(r) { looksNumeric($0) } ? "a number" : "a string"
    }
  }

  /// A plain scalar without a tag: the only kind YAML resolves to numbers, booleans and null.
  func isPlain(_ node: YAMLNodeID) -> Bool { doc.style(node) == .plain && doc.tag(node) == nil }

  /// The pair `i` of a mapping as a known field, with its value resolved (nil for null). nil for a duplicate key
  /// (already YAML002) and for an unknown field (reported, with a did-you-mean).
  mutating func field<F>(
    _ mapping: YAMLNodeID, _ i: Int, _ table: FieldTable<F>, in entity: String
  ) -> (field: F, key: YAMLNodeID, value: YAMLNodeID?)? {
    let key = doc.key(mapping, i)
    if doc.isDuplicateKey(key) { return nil }
    guard doc.kind(key) == .scalar else {
      report(ModelRules.wrongType, "a field name of \(entity) must be a string, found \(describe(key))", at: key)
      return nil
    }
    guard let field = doc.withScalarBytes(key, { table.lookup($0) }) else {
      let name = doc.scalar(key)
      report(
        ModelRules.unknownField,
        "unknown field '\(name)' in \(entity)" + DidYouMean.hint(for: name, among: table.names),
        key: key, value: doc.value(mapping, i))
      return nil
    }
    return (field, key, resolve(doc.value(mapping, i)))
  }

  /// A field that an inline item may not have (`apiVersion`, `kind`).
  mutating func notInline(_ key: YAMLNodeID, _ value: YAMLNodeID, _ entity: String) {
    report(
      ModelRules.unknownField,
      "unknown field '\(doc.scalar(key))' in \(entity): an inline item takes the \(entity) fields only",
      key: key, value: value)
  }

  /// The key's name for messages.
  func name(_ key: YAMLNodeID) -> String { doc.scalar(key) }

  // MARK: Typed values

  /// True when `value` is of `kind`; else reports "'key' expects a mapping\(or), found a sequence".
  mutating func expect(_ kind: YAMLNodeKind, _ value: YAMLNodeID, key: YAMLNodeID, or: StaticString = "") -> Bool {
    if doc.kind(value) == kind { return true }
    let want = kind == .mapping ? "a mapping" : kind == .sequence ? "a sequence" : "a string"
    report(
      ModelRules.wrongType, "'\(name(key))' expects \(want)\(or), found \(describe(value))", key: key, value: value)
    return false
  }

  mutating func string(_ value: YAMLNodeID, key: YAMLNodeID) -> String? {
    guard expect(.scalar, value, key: key) else { return nil }
    return doc.scalar(value)
  }

  mutating func bool(_ value: YAMLNodeID, key: YAMLNodeID) -> Bool? {
    if doc.kind(value) == .scalar, isPlain(value) {
      if let b = yaml12Bool(value) { return b }
      if let b = yaml11Bool(value) {
        report(
          ModelRules.yaml11Boolean,
          "'\(name(key)): \(doc.scalar(value))' is a YAML 1.1 boolean that YAML 1.2 tools read as a string; "
            + "write \(b) instead", key: key, value: value)
        return b
      }
    }
    report(
      ModelRules.wrongType, "'\(name(key))' expects a boolean (true or false), found \(describe(value))", key: key,
      value: value)
    return nil
  }

  mutating func timestamp(_ value: YAMLNodeID, key: YAMLNodeID) -> Timestamp? {
    guard expect(.scalar, value, key: key) else { return nil }
    if let t = doc.withScalarBytes(value, { Timestamp.parse($0) }) { return t }
    report(
      ModelRules.malformedValue,
      "'\(name(key))' is not an RFC 3339 timestamp such as 2026-10-01T10:00:00Z: '\(doc.scalar(value))'",
      key: key, value: value)
    return nil
  }

  /// A 12-digit account id. The text is kept even when malformed, so that references still link where they can.
  mutating func accountId(_ value: YAMLNodeID, key: YAMLNodeID) -> String? {
    guard expect(.scalar, value, key: key) else { return nil }
    let (digits, count) = doc.withScalarBytes(value) { b in (b.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }, b.count) }
    let text = doc.scalar(value)
    if digits, count > 0, isPlain(value) {
      report(
        ModelRules.malformedValue,
        "account id \(text) is an unquoted number; quote it: YAML reads unquoted numbers as integers and drops "
          + "leading zeros", key: key, value: value)
    } else if !digits || count != 12 {
      report(
        ModelRules.malformedValue, "'\(name(key))' must be a 12-digit account id, found '\(text)'", key: key,
        value: value)
    }
    return text
  }

  mutating func enumValue<E: CaseIterable & RawRepresentable>(_ value: YAMLNodeID, key: YAMLNodeID) -> E?
  where E.RawValue == String {
    guard expect(.scalar, value, key: key) else { return nil }
    let found = doc.withScalarBytes(value) { b in
      E.allCases.first { e in
        var raw = e.rawValue
        return raw.withUTF8 { equal($0, b) }
      }
    }
    if let found { return found }
    let text = doc.scalar(value)
    let allowed = E.allCases.map(\.rawValue)
    report(
      ModelRules.badEnumValue,
      "'\(name(key))' is '\(text)', not one of \(allowed.joined(separator: ", "))"
        + DidYouMean.hint(for: text, among: allowed), key: key, value: value)
    return nil
  }

  /// A sequence of strings; items that are not scalars are reported and skipped, null items skipped.
  mutating func stringList(_ value: YAMLNodeID, key: YAMLNodeID) -> [String]? {
    guard expect(.sequence, value, key: key) else { return nil }
    return strings(of: value, key: key)
  }

  /// A string or a sequence of strings, as a list (`Action: "*"` → `["*"]`).
  mutating func stringOrList(_ value: YAMLNodeID, key: YAMLNodeID) -> [String]? {
    switch doc.kind(value) {
    case .scalar: return [doc.scalar(value)]
    case .sequence: return strings(of: value, key: key)
    default:
      report(
        ModelRules.wrongType, "'\(name(key))' expects a string or a sequence of strings, found \(describe(value))",
        key: key, value: value)
      return nil
    }
  }

  private mutating func strings(of list: YAMLNodeID, key: YAMLNodeID) -> [String] {
    let n = doc.count(list)
    var out: [String] = []
    out.reserveCapacity(n)
    for i in 0..<n {
      guard let item = resolve(doc.item(list, i)) else { continue }
      if doc.kind(item) == .scalar {
        out.append(doc.scalar(item))
      } else {
        report(
          ModelRules.wrongType, "an item of '\(name(key))' expects a string, found \(describe(item))", at: item)
      }
    }
    return out
  }

  /// Reports a missing required field at the entity's start.
  mutating func missing(_ field: String, in entity: String, _ mapping: YAMLNodeID) {
    reportAtStart(ModelRules.missingField, "\(entity) is missing the required field '\(field)'", of: mapping)
  }

  // MARK: Scalar resolution

  func yaml12Bool(_ node: YAMLNodeID) -> Bool? {
    doc.withScalarBytes(node) { b in
      switch b.count {
      case 4 where equalFold(b, "true"): return true
      case 5 where equalFold(b, "false"): return false
      default: return nil
      }
    }
  }

  func yaml11Bool(_ node: YAMLNodeID) -> Bool? {
    doc.withScalarBytes(node) { b in
      for word in ["y", "yes", "on"] where equalFold(b, word) { return true }
      for word in ["n", "no", "off"] where equalFold(b, word) { return false }
      return nil
    }
  }
}

/// Lower-, title- or upper-case match of an ASCII word (`true`, `True`, `TRUE`), as YAML's schemas accept.
func equalFold(_ b: UnsafeBufferPointer<UInt8>, _ word: String) -> Bool {
  let w = Array(word.utf8)
  guard b.count == w.count, !w.isEmpty else { return false }
  let lower = b.elementsEqual(w)
  let upper = b.elementsEqual(w.map { $0 & ~0x20 })
  let title = b[0] == w[0] & ~0x20 && b.dropFirst().elementsEqual(w.dropFirst())
  return lower || upper || title
}

/// True for text YAML 1.1 or 1.2 would read as a number (digits with an optional sign, point or exponent).
func looksNumeric(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
  var sawDigit = false
  for (i, c) in b.enumerated() {
    switch c {
    case 0x30...0x39: sawDigit = true
    case 0x2B, 0x2D: if i != 0 && b[i - 1] | 0x20 != 0x65 { return false }
    case 0x2E, 0x5F, 0x65, 0x45: continue
    default: return false
    }
  }
  return sawDigit
}
