/// How one field of a mapping type appears in the JSON Schema: its value's schema, its description, and whether the
/// decoder requires it (reports SCHEMA003 when it is absent or null).
struct JSONFieldSchema: Sendable {
  /// Where the field may appear.
  enum Role: Sendable {
    /// An ordinary field.
    case field
    /// `apiVersion`: on a document's top-level mapping only, not on an inline item.
    case apiVersion
    /// `kind`: on a document's top-level mapping only, not on an inline item.
    case kind
    /// `unknown`: the fields of the same mapping that are unknown, with the names it may list.
    case unknown([String])
  }

  var value: SchemaJSON
  var description: String
  var required = false
  var role = Role.field

  /// An optional field: absent and null mean the same to the decoder (its default).
  static func optional(_ value: SchemaJSON, _ description: String) -> JSONFieldSchema {
    JSONFieldSchema(value: value, description: description)
  }

  /// A required field: the decoder reports SCHEMA003 when it is absent or null.
  static func required(_ value: SchemaJSON, _ description: String) -> JSONFieldSchema {
    JSONFieldSchema(value: value, description: description, required: true)
  }

  static let apiVersion = JSONFieldSchema(
    value: .null, description: "The format version: always `orglint/v1`.", required: true, role: .apiVersion)
  static let kind = JSONFieldSchema(
    value: .null, description: "The kind of document.", required: true, role: .kind)

  /// `unknown:`: field name (one of `listable`) → the reason it is unknown (Docs/format.md).
  static func unknown(_ listable: [String]) -> JSONFieldSchema {
    .init(
      value: [
        "type": "object", "propertyNames": ["enum": .array(listable.map { .string($0) })],
        "additionalProperties": Schemas.ref("UnknownReason"),
      ],
      description: "The fields of this mapping that are unknown, each with the reason (the source that was missing "
        + "or denied). A listed field must not also be given; a listed required field counts as present.",
      role: .unknown(listable))
  }

  /// The field's property schema: the description first, then the value's schema; optional fields also take null
  /// (`type: [T, "null"]`, a null choice in `oneOf`, else `anyOf` the value and null).
  var property: SchemaJSON {
    let described: SchemaJSON = ["description": .string(description)]
    guard !required else { return described.adding(value.pairs) }
    if case .string(let type)? = value["type"], value["$ref"] == nil, value["oneOf"] == nil {
      var nullable = value.adding([("type", [.string(type), "null"])])
      if case .array(let values)? = value["enum"] { nullable = nullable.adding([("enum", .array(values + [.null]))]) }
      return described.adding(nullable.pairs)
    }
    if case .array(let choices)? = value["oneOf"] {
      return described.adding(value.adding([("oneOf", .array(choices + [["type": "null"]]))]).pairs)
    }
    return described.adding([("anyOf", [value, ["type": "null"]])])
  }
}

extension SchemaJSON {
  /// An object's pairs (none for other values).
  var pairs: [(String, SchemaJSON)] {
    if case .object(let p) = self { return p }
    return []
  }
}

/// A field enum of the decoder (`AccountField`, ...) whose cases each describe themselves for the JSON Schema.
///
/// The decoder's key tables are built from the same enums' cases (`FieldTable<F>()` names a field by its raw value,
/// the case name), and each conformance answers `schema` with an exhaustive `switch self`: a field
/// added to an enum for the decoder fails to compile until the schema describes it, so the decoder and the schema
/// cannot drift. (A new mapping type needs a conformance and a `$defs` entry in `OrgSetSchema`; the tests compare
/// every `$defs` entry with its decoder table.)
protocol SchemaDescribedField: CaseIterable, Sendable where AllCases == [Self] {
  /// The field's type and description in the JSON Schema.
  var schema: JSONFieldSchema { get }
}

/// The values a schema is built from.
enum Schemas {
  static let string: SchemaJSON = ["type": "string"]
  static let boolean: SchemaJSON = ["type": "boolean"]
  static let stringList: SchemaJSON = ["type": "array", "items": ["type": "string"]]

  /// A reference to a definition of the schema's `$defs`.
  static func ref(_ name: String) -> SchemaJSON { ["$ref": .string("#/$defs/\(name)")] }

  /// A sequence of `items`.
  static func list(_ items: SchemaJSON) -> SchemaJSON { ["type": "array", "items": items] }

  /// A string enum's values, read from the enum the decoder matches them with.
  static func values<E: CaseIterable & RawRepresentable>(of type: E.Type) -> SchemaJSON where E.RawValue == String {
    ["type": "string", "enum": .array(E.allCases.map { .string($0.rawValue) })]
  }

  /// The mapping type whose fields are `F`'s cases (named as the decoder's `FieldTable` names them), with no other
  /// field. `kind`, when given, makes it a document's top-level mapping: `apiVersion` and `kind` are then fields of
  /// it; without it the mapping is an inline item, where they are unknown fields.
  static func object<F: SchemaDescribedField>(
    _ fields: F.Type, _ description: String, document kind: DocumentKind? = nil
  ) -> SchemaJSON {
    var properties: [(String, SchemaJSON)] = []
    var required: [SchemaJSON] = []
    var listable: [String] = []
    for field in F.allCases {
      let name = String(describing: field)
      var schema = field.schema
      switch schema.role {
      case .field: break
      case .apiVersion:
        guard kind != nil else { continue }
        schema.value = ["const": .string(ModelDecoder.apiVersion)]
      case .kind:
        guard let kind else { continue }
        schema.value = ["const": .string(kind.rawValue)]
      case .unknown(let names): listable = names
      }
      properties.append((name, schema.property))
      if schema.required { required.append(.string(name)) }
    }
    // A required field listed under `unknown:` counts as present; a listed field must be absent or null.
    let listed = { (name: String) -> SchemaJSON in
      ["required": ["unknown"], "properties": ["unknown": ["type": "object", "required": [.string(name)]]]]
    }
    var clauses: [SchemaJSON] = []
    for name in listable where required.contains(where: { $0 == .string(name) }) {
      required.removeAll { $0 == .string(name) }
      clauses.append(["anyOf": [["required": [.string(name)]], listed(name)]])
    }
    for name in listable {
      let null: SchemaJSON = ["type": "null"]
      clauses.append(["if": listed(name), "then": ["properties": .object([(name, null)])]])
    }
    var out: SchemaJSON = ["description": .string(description), "type": "object"]
    if !required.isEmpty { out = out.adding([("required", .array(required))]) }
    out = out.adding([("properties", .object(properties)), ("additionalProperties", false)])
    return clauses.isEmpty ? out : out.adding([("allOf", .array(clauses))])
  }
}
