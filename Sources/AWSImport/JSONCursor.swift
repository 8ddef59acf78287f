import Diagnostics

/// A JSON value together with the file and JSON path it was read from, with typed accessors.
///
/// Every accessor that finds the wrong type throws a `MalformedExport` naming the file and the JSON path
/// (`accounts/123456789012/list-access-keys.json: $.AccessKeyMetadata[0].Status: expected a string, found a number`).
struct JSONCursor {
  let value: JSONValue
  let path: String
  let file: SourceFile

  init(value: JSONValue, path: String, file: SourceFile) {
    self.value = value
    self.path = path
    self.file = file
  }

  func error(_ message: String) -> MalformedExport {
    MalformedExport(
      file: file.path, jsonPath: path, message: message, location: file.location(atByteOffset: value.offset))
  }

  private func expected(_ what: String) -> MalformedExport {
    error("expected \(what), found \(value.typeDescription)")
  }

  private func childPath(_ key: String) -> String {
    let simple = key.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
    return simple && !key.isEmpty ? "\(path).\(key)" : "\(path)[\(JSONText.quoted(key))]"
  }

  /// The member `key`, or nil when absent or JSON null. Throws when this value is not an object.
  func optional(_ key: String) throws(MalformedExport) -> JSONCursor? {
    guard case .object = value.kind else { throw expected("an object") }
    guard let child = value[key] else { return nil }
    if case .null = child.kind { return nil }
    return JSONCursor(value: child, path: childPath(key), file: file)
  }

  /// The member `key`; its absence is an error.
  func required(_ key: String) throws(MalformedExport) -> JSONCursor {
    guard let child = try optional(key) else { throw error("missing required member '\(key)'") }
    return child
  }

  var string: String {
    get throws(MalformedExport) {
      guard case .string(let text) = value.kind else { throw expected("a string") }
      return text
    }
  }

  var bool: Bool {
    get throws(MalformedExport) {
      guard case .bool(let flag) = value.kind else { throw expected("a boolean") }
      return flag
    }
  }

  /// An integer number (written without fraction or exponent).
  var int: Int {
    get throws(MalformedExport) {
      guard case .number(let text) = value.kind, let number = Int(text) else { throw expected("an integer") }
      return number
    }
  }

  /// An integer number within `range`. A fraction, an exponent, or a value outside the range (however many digits)
  /// is an error that names the range, so a number from an export never overflows arithmetic done with it.
  func int(in range: ClosedRange<Int>) throws(MalformedExport) -> Int {
    guard case .number(let text) = value.kind else { throw expected("an integer") }
    guard let number = Int(text), range.contains(number) else {
      let shown = text.count > 40 ? String(text.prefix(40)) + "... (\(text.count) characters)" : text
      throw error("expected an integer from \(range.lowerBound) to \(range.upperBound), found \(shown)")
    }
    return number
  }

  var items: [JSONCursor] {
    get throws(MalformedExport) {
      guard case .array(let values) = value.kind else { throw expected("an array") }
      return values.enumerated().map { JSONCursor(value: $1, path: "\(path)[\($0)]", file: file) }
    }
  }

  var members: [(key: String, value: JSONCursor)] {
    get throws(MalformedExport) {
      guard case .object(let members) = value.kind else { throw expected("an object") }
      return members.map { ($0.key, JSONCursor(value: $0.value, path: childPath($0.key), file: file)) }
    }
  }

  func string(_ key: String) throws(MalformedExport) -> String { try required(key).string }
  func optionalString(_ key: String) throws(MalformedExport) -> String? { try optional(key)?.string }
  func optionalBool(_ key: String) throws(MalformedExport) -> Bool? { try optional(key)?.bool }
  /// The array `key`; an absent member is an empty list (the CLI omits empty lists in some outputs).
  func list(_ key: String) throws(MalformedExport) -> [JSONCursor] { try optional(key)?.items ?? [] }

  /// A timestamp member, normalised to RFC 3339 UTC; nil when absent.
  func optionalTimestamp(_ key: String) throws(MalformedExport) -> Timestamp? {
    guard let child = try optional(key) else { return nil }
    guard let stamp = Timestamp(parsing: try child.string) else {
      throw child.error("expected an ISO 8601 timestamp, found '\(try child.string)'")
    }
    return stamp
  }
}

/// A malformed export file: the file, the JSON path and what is wrong. `orglint import aws` exits 2 on it.
public struct MalformedExport: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file, relative to the export folder.
  public var file: String
  /// `$` for a syntax error, else the path of the offending value, e.g. `$.Accounts[2].Id`.
  public var jsonPath: String
  public var message: String
  public var location: SourceLocation

  public var description: String { "\(file):\(location.line):\(location.column): \(jsonPath): \(message)" }
}


