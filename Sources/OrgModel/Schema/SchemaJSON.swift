import Diagnostics

/// A JSON value whose objects keep their keys in the order they were built, written by a small deterministic
/// writer: the building block of `OrgSetSchema`.
indirect enum SchemaJSON: Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case string(String)
  case array([SchemaJSON])
  case object([(String, SchemaJSON)])

  /// The value of `key` in an object; nil for other values and absent keys.
  subscript(key: String) -> SchemaJSON? {
    guard case .object(let pairs) = self else { return nil }
    return pairs.first { $0.0 == key }?.1
  }

  /// An object with `pairs` added (a key already present is replaced in place).
  func adding(_ pairs: [(String, SchemaJSON)]) -> SchemaJSON {
    guard case .object(var own) = self else { return self }
    for (key, value) in pairs {
      if let i = own.firstIndex(where: { $0.0 == key }) {
        own[i].1 = value
      } else {
        own.append((key, value))
      }
    }
    return .object(own)
  }

  /// Pretty-printed JSON: 2-space indentation, arrays of scalars on one line when they fit, a trailing newline.
  var text: String {
    var out = ""
    write(to: &out, indent: 0)
    out += "\n"
    return out
  }

  private func write(to out: inout String, indent: Int) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .string(let s): out += JSONText.quoted(s)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      if items.allSatisfy(\.isScalar) {
        var line = "["
        for (i, item) in items.enumerated() {
          if i > 0 { line += ", " }
          item.write(to: &line, indent: 0)
        }
        line += "]"
        if indent + line.count < 100 {
          out += line
          return
        }
      }
      out += "[\n"
      for (i, item) in items.enumerated() {
        out += String(repeating: " ", count: indent + 2)
        item.write(to: &out, indent: indent + 2)
        out += i == items.count - 1 ? "\n" : ",\n"
      }
      out += String(repeating: " ", count: indent) + "]"
    case .object(let pairs):
      if pairs.isEmpty {
        out += "{}"
        return
      }
      out += "{\n"
      for (i, (key, value)) in pairs.enumerated() {
        out += String(repeating: " ", count: indent + 2)
        out += JSONText.quoted(key)
        out += ": "
        value.write(to: &out, indent: indent + 2)
        out += i == pairs.count - 1 ? "\n" : ",\n"
      }
      out += String(repeating: " ", count: indent) + "}"
    }
  }

  private var isScalar: Bool {
    switch self {
    case .array, .object: false
    default: true
    }
  }
}

extension SchemaJSON: Equatable {
  static func == (a: SchemaJSON, b: SchemaJSON) -> Bool {
    switch (a, b) {
    case (.null, .null): true
    case (.bool(let x), .bool(let y)): x == y
    case (.int(let x), .int(let y)): x == y
    case (.string(let x), .string(let y)): x == y
    case (.array(let x), .array(let y)): x == y
    case (.object(let x), .object(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: false
    }
  }
}

extension SchemaJSON: ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral,
  ExpressibleByBooleanLiteral
{
  init(booleanLiteral value: Bool) { self = .bool(value) }
  init(stringLiteral value: String) { self = .string(value) }
  init(arrayLiteral elements: SchemaJSON...) { self = .array(elements) }
  /// Keys keep the literal's order.
  init(dictionaryLiteral elements: (String, SchemaJSON)...) { self = .object(elements) }
}
