/// The fields of an orglint/v1 document, by place, as the JSON Schema (`OrgSetSchema`) describes them: the help an
/// editor shows on a key (hover) and the keys it proposes (completion). Read from the generated schema itself, so it
/// says what `orglint schema` says and nothing else.
public enum FieldDocs {
  /// One step of a YAML path from a document's top-level mapping.
  public enum Step: Equatable, Sendable {
    /// The value of a mapping's key.
    case key(String)
    /// An item of a sequence (every item has the same fields).
    case item
  }

  /// One field of a mapping type.
  public struct Field: Equatable, Sendable {
    /// The key, as written in YAML.
    public let name: String
    /// Its value's type in words: `string`, `boolean`, `Password`, `list of Account`, `boolean or Password`...
    public let type: String
    /// The values it may take when the schema lists them (an enum or a constant); empty otherwise.
    public let values: [String]
    /// The schema's description of the field.
    public let description: String
    /// Whether the decoder requires it.
    public let required: Bool
  }

  /// The fields of the mapping at `path` in a document of `kind`, in the schema's order; nil when nothing there is a
  /// mapping of the format (a scalar field, a free-form mapping such as `tags:`, or a path outside the format).
  public static func fields(kind: DocumentKind, at path: [Step]) -> [Field]? {
    var node = definition(OrgSetSchema.documentDefinition(kind))
    for step in path {
      guard let current = node else { return nil }
      switch step {
      case .key(let name): node = mappingType(current)?["properties"]?[name]
      case .item: node = listItems(current)
      }
    }
    return node.flatMap(mappingType).map(fields(of:))
  }

  /// The field `name` of the mapping at `path` (the path of the mapping holding the key, not of the key).
  public static func field(_ name: String, kind: DocumentKind, at path: [Step]) -> Field? {
    fields(kind: kind, at: path)?.first { $0.name == name }
  }

  // MARK: Reading the schema

  private static let definitions: [String: SchemaJSON] = Dictionary(
    OrgSetSchema.definitions, uniquingKeysWith: { first, _ in first })

  private static func definition(_ name: String) -> SchemaJSON? { definitions[name] }

  /// The definition a `$ref` names, else the value itself.
  private static func resolved(_ value: SchemaJSON) -> SchemaJSON {
    if case .string(let ref)? = value["$ref"], let name = ref.split(separator: "/").last,
      let target = definition(String(name))
    {
      return target
    }
    return value
  }

  /// A value's choices: its `anyOf` / `oneOf` alternatives (null left out), else itself.
  private static func choices(_ value: SchemaJSON) -> [SchemaJSON] {
    for key in ["anyOf", "oneOf"] {
      if case .array(let all)? = value[key] {
        return all.filter { $0 != ["type": "null"] }.flatMap(choices)
      }
    }
    return [value]
  }

  /// The mapping type (an object with `properties`) a value is or may be.
  private static func mappingType(_ value: SchemaJSON) -> SchemaJSON? {
    choices(value).map(resolved).first { $0["properties"] != nil }
  }

  /// The items of the list a value is or may be.
  private static func listItems(_ value: SchemaJSON) -> SchemaJSON? {
    choices(value).map(resolved).compactMap { $0["items"] }.first
  }

  private static func fields(of mapping: SchemaJSON) -> [Field] {
    var required: Set<String> = []
    if case .array(let names)? = mapping["required"] {
      for case .string(let name) in names { required.insert(name) }
    }
    return mapping["properties"].map(\.pairs)?.map { name, value in
      var description = ""
      if case .string(let text)? = value["description"] { description = text }
      return Field(
        name: name, type: typeName(value), values: enumValues(value), description: description,
        required: required.contains(name))
    } ?? []
  }

  /// A value's type in words.
  private static func typeName(_ value: SchemaJSON) -> String {
    let names = choices(value).map { choice -> String in
      if case .string(let ref)? = choice["$ref"], let name = ref.split(separator: "/").last {
        let target = resolved(choice)
        if target["properties"] != nil { return String(name) }
        return "\(name) (\(typeName(target)))"
      }
      if choice["const"] != nil { return "string" }
      func named(_ type: String) -> String {
        switch type {
        case "array": "list of " + (choice["items"].map(typeName) ?? "values")
        case "object": "mapping"
        default: type
        }
      }
      switch choice["type"] {
      case .string(let type)?: return named(type)
      case .array(let types)?:
        return types.compactMap { if case .string(let t) = $0, t != "null" { named(t) } else { nil } }
          .joined(separator: " or ")
      default: return "value"
      }
    }
    var unique: [String] = []
    for name in names where !unique.contains(name) { unique.append(name) }
    return unique.joined(separator: " or ")
  }

  /// The values a field's schema lists (`enum`, `const`), null left out.
  private static func enumValues(_ value: SchemaJSON) -> [String] {
    choices(value).map(resolved).flatMap { choice -> [String] in
      if case .string(let c)? = choice["const"] { return [c] }
      guard case .array(let values)? = choice["enum"] else { return [] }
      return values.compactMap { if case .string(let s) = $0 { s } else { nil } }
    }
  }
}
