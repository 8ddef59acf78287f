/// The static types of CEL values. Host object types are named (`object("Account")`) and resolved through the
/// `CELEnvironment` that declares them, so types may refer to each other recursively.
public indirect enum CELType: Hashable, Sendable, CustomStringConvertible {
  case int, uint, double, bool, string, bytes, null, timestamp, duration
  case list(CELType)
  case map(CELType, CELType)
  case object(String)
  /// The type of type values (`type(1)` is `int`, `type(int)` is `type`).
  case type
  /// Statically unknown: checked at run time.
  case dyn
  /// The type of an expression that already failed to check (suppresses cascading errors).
  case error

  /// The CEL name, as `type()` values print it.
  public var description: String {
    switch self {
    case .int: return "int"
    case .uint: return "uint"
    case .double: return "double"
    case .bool: return "bool"
    case .string: return "string"
    case .bytes: return "bytes"
    case .null: return "null_type"
    case .timestamp: return "google.protobuf.Timestamp"
    case .duration: return "google.protobuf.Duration"
    case .list(let e): return "list(\(e))"
    case .map(let k, let v): return "map(\(k), \(v))"
    case .object(let n): return n
    case .type: return "type"
    case .dyn: return "dyn"
    case .error: return "*error*"
    }
  }

  /// The unparameterized run-time type (`list(int)` → `list`), which type values compare by.
  var runtimeName: String {
    switch self {
    case .list: return "list"
    case .map: return "map"
    default: return description
    }
  }

  var isDynOrError: Bool { self == .dyn || self == .error }

  /// Whether null is a value of this type (host objects and timestamps may be null, per the model).
  var isNullable: Bool {
    switch self {
    case .null, .object, .timestamp, .dyn, .error: return true
    default: return false
    }
  }
}
