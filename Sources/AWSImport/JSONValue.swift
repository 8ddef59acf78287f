/// A parsed JSON value that keeps its members in file order and the byte offset where it starts.
///
/// The AWS CLI prints objects in API order; keeping that order keeps imported policy documents readable, and the offset
/// lets a finding about a value point at its line and column.
public struct JSONValue: Sendable, Equatable {
  /// The value itself.
  public enum Kind: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number exactly as written (JSON numbers have no fixed precision).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])
  }

  public var kind: Kind
  /// Byte offset of the value's first character in its file.
  public var offset: Int

  public init(_ kind: Kind, offset: Int) {
    self.kind = kind
    self.offset = offset
  }

  /// A short name of the value's type for messages: `a string`, `an object`, ...
  public var typeDescription: String {
    switch kind {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }

  /// The member named `key` of an object, else nil (`JSONParser` refuses objects that repeat a key).
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = kind else { return nil }
    return members.first { $0.key == key }?.value
  }
}

/// One `"key": value` member of a JSON object.
public struct JSONMember: Sendable, Equatable {
  public var key: String
  public var value: JSONValue

  public init(key: String, value: JSONValue) {
    self.key = key
    self.value = value
  }
}
