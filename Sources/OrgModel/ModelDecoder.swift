import Diagnostics
import LocatedYAML

/// Decodes the orglint documents of one YAML document into model entities, with a finding for every schema problem.
///
/// Entities are decoded from (document, node) alone, so an inline account or task can be decoded in isolation
/// (`decodeAccount(at:)`). Keys are matched on their bytes; Strings are made only for the values kept, and free text
/// of the bulk entities (names, emails, contacts, reasons) is kept as its node and read when asked.
public struct ModelDecoder {
  public let document: ModelDocument
  let doc: YAMLDocument
  /// The file's bytes, for a look at the first byte of a node.
  let bytes: [UInt8]
  /// Where findings and entities go. A class, so that the decoding methods need no `mutating` (a mutating method
  /// of a struct with several references may copy them at each access).
  let sink = Output()

  final class Output {
    var findings: [Finding] = []
    var organizations: [Organization] = []
    var accounts: [Account] = []
    var tasks: [PrivilegedTask] = []
  }

  /// Schema findings, in document order.
  public var findings: [Finding] { sink.findings }
  /// Organization documents, in order (a set keeps the first).
  public var organizations: [Organization] { sink.organizations }
  /// Account documents and the Organization's inline accounts, in order.
  public var accounts: [Account] { sink.accounts }
  /// PrivilegedTask documents and the Organization's inline tasks, in order.
  public var tasks: [PrivilegedTask] { sink.tasks }

  public init(document: ModelDocument) {
    self.document = document
    self.doc = document.yaml
    self.bytes = document.yaml.file.bytes
  }

  var path: String { doc.file.path }

  // MARK: Findings

  func report(_ rule: RuleDescriptor, _ message: String, at node: YAMLNodeID) {
    sink.findings.append(Finding(rule, message, path: path, range: doc.range(node)))
  }

  /// A finding on a field: from its key to the end of its value; with the fix given, if any.
  func report(_ rule: RuleDescriptor, _ message: String, key: YAMLNodeID, value: YAMLNodeID, fix: Fix? = nil) {
    let range = SourceRange(start: doc.start(key), end: doc.file.location(atByteOffset: doc.endOffset(value)))
    sink.findings.append(Finding(rule, message, path: path, range: range, fixes: fix.map { [$0] } ?? []))
  }

  /// A finding at an entity's start (its first key, or the opening brace of an empty mapping).
  func reportAtStart(_ rule: RuleDescriptor, _ message: String, of mapping: YAMLNodeID, fix: Fix? = nil) {
    let node = doc.kind(mapping) == .mapping && doc.count(mapping) > 0 ? doc.key(mapping, 0) : mapping
    sink.findings.append(
      Finding(rule, message, path: path, range: SourceRange(at: doc.start(node)), fixes: fix.map { [$0] } ?? []))
  }

  // MARK: Fixes

  /// A fix that replaces a plain scalar with `text`, when the scalar's bytes in the file are exactly its value (no
  /// tag, no anchor, on one line); nil otherwise, as the edit could then change more than the value.
  func fix(_ description: String, replacing node: YAMLNodeID, with text: String) -> Fix? {
    guard isUTF8File, doc.kind(node) == .scalar, doc.style(node) == .plain else { return nil }
    let lo = doc.startOffset(node)
    let hi = doc.endOffset(node)
    guard lo < hi, hi <= bytes.count, withText(node, { $0.elementsEqual(bytes[lo..<hi]) }) else { return nil }
    let range = SourceRange(start: doc.file.location(atByteOffset: lo), end: doc.file.location(atByteOffset: hi))
    return Fix(description, replacing: range, with: text)
  }

  /// False for a UTF-16 file (libyaml reads those too, but counts its positions in characters, not bytes): fixes
  /// are byte edits of UTF-8 text.
  var isUTF8File: Bool { !(bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])) }

  /// Renames the unknown key of pair `i` to `name`, unless the mapping has that key already.
  func renameFix(_ mapping: YAMLNodeID, _ i: Int, to name: String) -> Fix? {
    let taken = (0..<doc.count(mapping)).contains { j in
      let key = doc.key(mapping, j)
      return doc.kind(key) == .scalar && doc.scalar(key) == name
    }
    return taken ? nil : fix("Rename the field to '\(name)'", replacing: doc.key(mapping, i), with: name)
  }

  // MARK: Scalars

  /// Calls `body` with a scalar's value bytes (empty for other nodes).
  @inline(__always)
  func withText<R>(_ node: YAMLNodeID, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    doc.withScalarBytes(node, body)
  }

  /// A scalar's value as a String.
  func text(_ node: YAMLNodeID) -> String { doc.scalar(node) }

  /// A plain scalar without a tag: the only kind YAML resolves to numbers, booleans and null.
  func isPlain(_ node: YAMLNodeID) -> Bool { doc.style(node) == .plain && doc.tag(node) == nil }

  // MARK: Nodes

  /// Follows an alias; nil for null, for an alias that names nothing, and for `!include` (reported).
  @inline(__always)
  func resolve(_ node: YAMLNodeID) -> YAMLNodeID? {
    var n = node
    var kind = doc.kind(n)
    if kind == .alias {
      guard let r = doc.resolve(n) else { return nil }
      n = r
      kind = doc.kind(n)
    }
    guard kind == .scalar else { return n }
    // The first byte of the node tells most values apart without reading them: a tag or an anchor (`!`, `&`)
    // takes the slow path; a null is empty, `~`, or a `null` word; no other plain scalar starts like those.
    let lo = doc.startOffset(n)
    let first: UInt8 = lo < bytes.count ? bytes[lo] : 0x0A
    if first == 0x21 || first == 0x26 {
      if let tag = doc.tag(n), tag == "!include" {
        report(
          ModelRules.unsupportedInclude,
          "'!include' is not supported: orglint reads every document under the set's root, so put the included "
            + "content in a document of its own", at: n)
        return nil
      }
      return doc.isNull(n) ? nil : n
    }
    switch first {
    case 0x7E, 0x6E, 0x4E, 0x0A, 0x0D, 0x20, 0x09, 0x2C, 0x5D, 0x7D, 0x23:
      guard doc.style(n) == .plain else { return n }
      let isNull = doc.withScalarBytes(n) { t in t.isEmpty || (t.count == 1 && t[0] == 0x7E) || matches(t, "null") }
      return isNull ? nil : n
    default:
      return n
    }
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
      return withText(r) { looksNumeric($0) } ? "a number" : "a string"
    }
  }

  /// The pair `i` of a mapping as a known field, with its value resolved (nil for null). nil for a duplicate key
  /// (already YAML002) and for an unknown field (reported, with a did-you-mean).
  @inline(__always)
  /// A null value of a `required` field is reported here (SCHEMA003, at the key).
  func field<F>(
    _ mapping: YAMLNodeID, _ i: Int, _ table: FieldTable<F>, in entity: String, required: (F) -> Bool = { _ in false }
  ) -> (field: F, key: YAMLNodeID, value: YAMLNodeID?)? {
    let key = doc.key(mapping, i)
    if doc.isDuplicateKey(key) { return nil }
    guard doc.kind(key) == .scalar else {
      report(ModelRules.wrongType, "a field name of \(entity) must be a string, found \(describe(key))", at: key)
      return nil
    }
    let found = doc.withScalarBytes(key) { table.lookup($0) }
    guard let field = found else {
      let name = text(key)
      let rename = DidYouMean.onlySuggestion(for: name, among: table.names).flatMap { renameFix(mapping, i, to: $0) }
      report(
        ModelRules.unknownField,
        "unknown field '\(name)' in \(entity)" + DidYouMean.hint(for: name, among: table.names),
        key: key, value: doc.value(mapping, i), fix: rename)
      return nil
    }
    let raw = doc.value(mapping, i)
    let value = resolve(raw)
    if value == nil, required(field), doc.tag(raw) != "!include" {
      report(
        ModelRules.missingField, "the required field '\(text(key))' of \(entity) has no value", key: key, value: raw)
    }
    return (field, key, value)
  }

  /// A field that an inline item may not have (`apiVersion`, `kind`).
  func notInline(_ key: YAMLNodeID, _ value: YAMLNodeID, _ entity: String) {
    report(
      ModelRules.unknownField,
      "unknown field '\(text(key))' in \(entity): an inline item takes the \(entity) fields only",
      key: key, value: value)
  }

  /// The key's name for messages.
  func name(_ key: YAMLNodeID) -> String { text(key) }

  // MARK: Typed values

  /// True when `value` is of `kind`; else reports "'key' expects a mapping\(or), found a sequence".
  func expect(_ kind: YAMLNodeKind, _ value: YAMLNodeID, key: YAMLNodeID, or: StaticString = "") -> Bool {
    if doc.kind(value) == kind { return true }
    let want = kind == .mapping ? "a mapping" : kind == .sequence ? "a sequence" : "a string"
    report(
      ModelRules.wrongType, "'\(name(key))' expects \(want)\(or), found \(describe(value))", key: key, value: value)
    return false
  }

  func string(_ value: YAMLNodeID, key: YAMLNodeID) -> String? {
    guard expect(.scalar, value, key: key) else { return nil }
    return text(value)
  }

  /// A string value kept as its node, read when asked (see `ModelDocument.text`).
  func stringNode(_ value: YAMLNodeID, key: YAMLNodeID) -> YAMLNodeID? {
    expect(.scalar, value, key: key) ? value : nil
  }

  func bool(_ value: YAMLNodeID, key: YAMLNodeID) -> Bool? {
    if doc.kind(value) == .scalar, isPlain(value) {
      if let b = yaml12Bool(value) { return b }
      if let b = yaml11Bool(value) {
        report(
          ModelRules.yaml11Boolean,
          "'\(name(key)): \(text(value))' is a YAML 1.1 boolean that YAML 1.2 tools read as a string; "
            + "write \(b) instead", key: key, value: value, fix: fix("Write \(b)", replacing: value, with: "\(b)"))
        return b
      }
    }
    report(
      ModelRules.wrongType, "'\(name(key))' expects a boolean (true or false), found \(describe(value))", key: key,
      value: value)
    return nil
  }

  func timestamp(_ value: YAMLNodeID, key: YAMLNodeID) -> Timestamp? {
    guard expect(.scalar, value, key: key) else { return nil }
    if let t = withText(value, { Timestamp.parse($0) }) { return t }
    report(
      ModelRules.malformedValue,
      "'\(name(key))' is not an RFC 3339 timestamp such as 2026-10-01T10:00:00Z: '\(text(value))'",
      key: key, value: value)
    return nil
  }

  /// A 12-digit account id. The text is kept even when malformed, so that references still link where they can.
  func accountId(_ value: YAMLNodeID, key: YAMLNodeID) -> String? {
    guard expect(.scalar, value, key: key) else { return nil }
    let (digits, count) = withText(value) { b in (b.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }, b.count) }
    let text = text(value)
    if digits, count > 0, isPlain(value) {
      report(
        ModelRules.malformedValue,
        "account id \(text) is an unquoted number; quote it: YAML reads unquoted numbers as integers and drops "
          + "leading zeros", key: key, value: value,
        fix: fix("Quote the account id", replacing: value, with: "\"\(text)\""))
    } else if !digits || count != 12 {
      report(
        ModelRules.malformedValue, "'\(name(key))' must be a 12-digit account id, found '\(text)'", key: key,
        value: value)
    }
    return text
  }

  func enumValue<E: CaseIterable & RawRepresentable & Sendable>(
    _ value: YAMLNodeID, key: YAMLNodeID, _ table: NameTable<E>
  ) -> E? where E.RawValue == String {
    guard expect(.scalar, value, key: key) else { return nil }
    if let found = withText(value, { table.lookup($0) }) { return found }
    let text = text(value)
    report(
      ModelRules.badEnumValue,
      "'\(name(key))' is '\(text)', not one of \(table.names.joined(separator: ", "))"
        + DidYouMean.hint(for: text, among: table.names), key: key, value: value)
    return nil
  }

  /// A sequence of strings; items that are not scalars are reported and skipped, null items skipped.
  func stringList(_ value: YAMLNodeID, key: YAMLNodeID) -> [String]? {
    guard expect(.sequence, value, key: key) else { return nil }
    return strings(of: value, key: key)
  }

  /// A string or a sequence of strings, as a list (`Action: "*"` → `["*"]`).
  func stringOrList(_ value: YAMLNodeID, key: YAMLNodeID) -> [String]? {
    switch doc.kind(value) {
    case .scalar: return [text(value)]
    case .sequence: return strings(of: value, key: key)
    default:
      report(
        ModelRules.wrongType, "'\(name(key))' expects a string or a sequence of strings, found \(describe(value))",
        key: key, value: value)
      return nil
    }
  }

  private func strings(of list: YAMLNodeID, key: YAMLNodeID) -> [String] {
    let n = doc.count(list)
    var out: [String] = []
    out.reserveCapacity(n)
    for i in 0..<n {
      guard let item = resolve(doc.item(list, i)) else {
        reportNullItem(doc.item(list, i), of: key)
        continue
      }
      if doc.kind(item) == .scalar {
        out.append(text(item))
      } else {
        report(
          ModelRules.wrongType, "an item of '\(name(key))' expects a string, found \(describe(item))", at: item)
      }
    }
    return out
  }

  /// Reports a list item that is null (`- ` with nothing after it, `~`): it would otherwise vanish without a word.
  /// Items that are unresolved aliases or `!include` were reported already.
  func reportNullItem(_ item: YAMLNodeID, of key: YAMLNodeID) {
    guard doc.kind(item) == .scalar, doc.isNull(item) else { return }
    report(ModelRules.wrongType, "an item of '\(name(key))' is null; remove it or give it a value", at: item)
  }

  /// Reports a missing required field at the entity's start.
  func missing(_ field: String, in entity: String, _ mapping: YAMLNodeID) {
    reportAtStart(ModelRules.missingField, "\(entity) is missing the required field '\(field)'", of: mapping)
  }

  // MARK: Scalar resolution

  /// `true`/`True`/`TRUE` and `false`/`False`/`FALSE` (YAML 1.2's core schema).
  func yaml12Bool(_ node: YAMLNodeID) -> Bool? {
    withText(node) { b in
      if matches(b, "true") { return true }
      if matches(b, "false") { return false }
      return nil
    }
  }

  /// The other booleans of YAML 1.1: y, yes, on, n, no, off in the same three casings.
  func yaml11Bool(_ node: YAMLNodeID) -> Bool? {
    withText(node) { b in
      if matches(b, "y") || matches(b, "yes") || matches(b, "on") { return true }
      if matches(b, "n") || matches(b, "no") || matches(b, "off") { return false }
      return nil
    }
  }
}

/// True when `b` is `word` in lower, title or upper case (YAML's schemas accept these three for their words).
/// `word` is lower-case ASCII.
@inline(__always)
func matches(_ b: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
  let n = word.utf8CodeUnitCount
  guard b.count == n, n > 0 else { return false }
  let w = word.utf8Start
  var lower = true
  var upper = true
  for i in 0..<n {
    lower = lower && b[i] == w[i]
    upper = upper && b[i] == w[i] & ~0x20
  }
  let title = b[0] == w[0] & ~0x20 && (1..<n).allSatisfy { b[$0] == w[$0] }
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
