/// A service control policy of the Organization. Immutable once the set is loaded.
public final class Policy: @unchecked Sendable {
  public let origin: NodeRef
  public internal(set) var name = ""
  /// `Root`, OU paths or account ids.
  public internal(set) var attachedTo: [String]?
  /// The IAM policy document as written.
  public internal(set) var document: DynamicValue?
  /// `document.Statement`, normalised (a single statement becomes a one-element list).
  public internal(set) var statements: [Statement] = []

  public init(origin: NodeRef) { self.origin = origin }

  /// `policy/<name>`.
  public var logicalPath: String { "policy/\(name)" }

  /// Where a model path below the policy (`["document", "Statement", "0"]`) is written.
  public func location(of path: [String] = []) -> ModelLocation { origin.location(of: path) }
}

/// A policy statement with its string-or-list fields normalised to lists.
public struct Statement: Hashable, Sendable {
  public var sid: String?
  public var effect: Effect?
  public var actions: [String]?
  public var notActions: [String]?
  public var resources: [String]?
  public var notResources: [String]?
  /// Operator → condition key → values (`conditions["ArnLike"]?["aws:PrincipalArn"]`); booleans and numbers as
  /// their text.
  public var conditions: [String: [String: [String]]]?

  public init() {}
}

/// A value as written in YAML, for fields whose shape the format leaves open (a policy `document`).
/// Plain scalars resolve as in YAML 1.2's core schema; quoted ones are strings.
public indirect enum DynamicValue: Hashable, Sendable {
  case null
  case bool(Bool)
  case int(Int64)
  case double(Double)
  case string(String)
  case list([DynamicValue])
  /// Pairs in the YAML's order.
  case map([DynamicPair])

  /// The value of `key` in a map.
  public subscript(key: String) -> DynamicValue? {
    if case .map(let pairs) = self { return pairs.first { $0.key == key }?.value }
    return nil
  }
}

/// One key/value pair of a `DynamicValue.map`.
public struct DynamicPair: Hashable, Sendable {
  public var key: String
  public var value: DynamicValue

  public init(key: String, value: DynamicValue) {
    self.key = key
    self.value = value
  }
}
