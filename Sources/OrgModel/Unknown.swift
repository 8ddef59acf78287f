import Diagnostics
import LocatedYAML

/// The facts an object says it does not know: its `unknown:` mapping, field name → reason (the missing source).
///
/// A field listed here is neither present nor absent: rules that read it see an unknown value and are not judged
/// (Docs/format.md, "Unknown facts"). Empty for objects without `unknown:`, which is nearly all of them.
public struct UnknownFields: Hashable, Sendable {
  /// One listed field and why it is unknown.
  public struct Entry: Hashable, Sendable {
    /// The field's name in the same object (`password`, `security`).
    public let field: String
    /// The reason as written: which source was missing or denied.
    public let reason: String

    public init(field: String, reason: String) {
      self.field = field
      self.reason = reason
    }
  }

  /// The entries in the YAML's order.
  public private(set) var entries: [Entry] = []

  public init(_ entries: [Entry] = []) { self.entries = entries }

  public var isEmpty: Bool { entries.isEmpty }

  /// The reason `field` is unknown, nil when it is not listed.
  public func reason(_ field: String) -> String? {
    for e in entries where e.field == field { return e.reason }
    return nil
  }

  /// True when `field` is listed.
  public func contains(_ field: String) -> Bool { reason(field) != nil }

  mutating func append(_ entry: Entry) { entries.append(entry) }
}

/// A field enum of an object that may carry `unknown:` (Docs/format.md): which of its fields can be listed there.
protocol UnknownListable: CaseIterable, Sendable, Equatable where AllCases == [Self] {
  /// The `unknown` case itself.
  static var unknownField: Self { get }
  /// Fields that cannot be unknown: `apiVersion`, `kind`, the identity field (an account's `id`, ...) and `unknown`.
  static var notListable: [Self] { get }
}

extension UnknownListable {
  /// The names that `unknown:` may list, in the field order.
  static var listableNames: [String] {
    allCases.filter { !notListable.contains($0) }.map { String(describing: $0) }
  }
}

extension ModelDecoder {
  /// Decodes the `unknown:` mapping (`value`, at `key`) of the object `mapping`, whose fields are `F`.
  ///
  /// A name that is not a listable field is SCHEMA001 (with a did-you-mean), a reason that is not a non-empty
  /// string SCHEMA002, and a field that is also given a value SCHEMA010 at the entry (the value is used, the entry
  /// dropped). Called after the object's other fields, and only for objects that have `unknown:`.
  func unknownFields<F: UnknownListable>(
    _ value: YAMLNodeID, key: YAMLNodeID, of mapping: YAMLNodeID, _ table: FieldTable<F>, in entity: String
  ) -> UnknownFields {
    guard expect(.mapping, value, key: key) else { return UnknownFields() }
    var out = UnknownFields()
    for i in 0..<doc.count(value) {
      let k = doc.key(value, i)
      if doc.isDuplicateKey(k) { continue }
      guard doc.kind(k) == .scalar else {
        report(ModelRules.wrongType, "a field name in 'unknown' must be a string, found \(describe(k))", at: k)
        continue
      }
      let raw = doc.value(value, i)
      let name = text(k)
      guard let field = withText(k, { table.lookup($0) }), !F.notListable.contains(field) else {
        let listable = F.listableNames
        let why: String
        if name == "apiVersion" || name == "kind" {
          why = "'\(name)' cannot be unknown: it says what the document is"
        } else if table.names.contains(name) && name != "unknown" {
          why = "'\(name)' of \(entity) cannot be unknown: it is the \(entity)'s identity"
        } else {
          why =
            "'unknown' of \(entity) lists '\(name)', which is not a field of \(entity)"
            + DidYouMean.hint(for: name, among: listable)
        }
        report(ModelRules.unknownField, why, key: k, value: raw)
        continue
      }
      let reason = resolve(raw)
      let found: String? =
        reason == nil ? "null"
        : doc.kind(reason!) != .scalar ? describe(reason!)
        : withText(reason!, { $0.isEmpty }) ? "an empty string" : nil
      if let found {
        report(
          ModelRules.wrongType,
          "the reason why '\(name)' is unknown must be a non-empty string naming the missing source, found \(found)",
          key: k, value: raw)
        continue
      }
      if isGiven(field, in: mapping, table) {
        report(
          ModelRules.givenAndUnknown,
          "field '\(name)' is both given and unknown; the given value is used", key: k, value: raw)
        continue
      }
      out.append(UnknownFields.Entry(field: name, reason: text(reason!)))
    }
    return out
  }

  /// True when `mapping` has the field with a value other than null.
  private func isGiven<F: UnknownListable>(_ field: F, in mapping: YAMLNodeID, _ table: FieldTable<F>) -> Bool {
    for i in 0..<doc.count(mapping) {
      let k = doc.key(mapping, i)
      guard !doc.isDuplicateKey(k), doc.kind(k) == .scalar, withText(k, { table.lookup($0) }) == field else {
        continue
      }
      guard let v = doc.resolve(doc.value(mapping, i)) else { return false }
      return !(doc.kind(v) == .scalar && doc.isNull(v))
    }
    return false
  }
}
