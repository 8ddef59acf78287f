/// One field of a host object type.
public struct CELField: Sendable, Hashable {
  public var name: String
  public var type: CELType

  public init(_ name: String, _ type: CELType) {
    self.name = name
    self.type = type
  }
}

/// A host object type: a name and its fields. Field types refer to other object types by name
/// (`.object("OrganizationalUnit")`), so recursive schemas are declared simply by naming each other.
/// Compiled expressions address fields by index into `fields`: no name lookup happens during evaluation.
public final class CELObjectType: Sendable, Hashable, CustomStringConvertible {
  public let name: String
  public let fields: [CELField]
  let fieldIndex: [String: Int]
  /// What reading an unset field gives, per field: "", false, 0, [], {}, or null (objects, timestamps, dyn).
  let defaults: [CELValue]

  public init(name: String, fields: [CELField]) {
    self.name = name
    self.fields = fields
    var index: [String: Int] = [:]
    for (k, f) in fields.enumerated() where index[f.name] == nil { index[f.name] = k }
    fieldIndex = index
    defaults = fields.map { CELValue.defaultValue(of: $0.type) }
  }

  /// The index of a field by name (for hosts building their `field(at:)` switch).
  public func index(of field: String) -> Int? { fieldIndex[field] }

  public var description: String { name }

  public static func == (a: CELObjectType, b: CELObjectType) -> Bool { a === b }
  public func hash(into h: inout Hasher) { h.combine(ObjectIdentifier(self)) }
}

/// A host value exposed to CEL. `field(at:)` gets the index of a field in `celType.fields`; it returns nil when the
/// field is not set (then `has()` is false and reading it gives the field type's default).
/// Contract: a value given where an object type is declared (a variable, a field, a list element) is an object of
/// exactly that type, and its field values have the declared field types; compiled code relies on it for speed.
/// An object's field values do not change while a program that read them is in use (a program may remember what a
/// comprehension body gave for an object: `ElementMemo`).
public protocol CELObject: AnyObject, Sendable {
  var celType: CELObjectType { get }
  func field(at index: Int) -> CELValue?
}

extension CELValue {
  /// The value an unset field of type `t` reads as.
  static func defaultValue(of t: CELType) -> CELValue {
    switch t {
    case .int: return .int(0)
    case .uint: return .uint(0)
    case .double: return .double(0)
    case .bool: return .bool(false)
    case .string: return .string("")
    case .bytes: return .bytes([])
    case .duration: return .duration(CELDuration(seconds: 0, nanos: 0))
    case .list: return .list([])
    case .map: return .map(CELMap())
    default: return .null
    }
  }
}
