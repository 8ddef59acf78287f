import CEL
import OrgModel
import Testing

@testable import RuleEngine

/// The CEL bridge (names, types and readers in one table per type) and OrgModel's description of Docs/model.md
/// must describe the same model: same types, same fields, same field types.
@Suite struct CELModelSchemaTests {
  static func celType(_ t: FieldType) -> CELType {
    switch t {
    case .string: .string
    case .bool: .bool
    case .timestamp: .timestamp
    case .dyn: .dyn
    case .list(let e): .list(celType(e))
    case .map(let k, let v): .map(celType(k), celType(v))
    case .object(let n): .object(n)
    }
  }

  @Test func bridgeMatchesTheModelDescription() {
    let bridge = Dictionary(uniqueKeysWithValues: CELModelSchema.allTypes.map { ($0.name, $0) })
    #expect(Set(bridge.keys) == Set(ModelSchema.types.map(\.name)))
    for type in ModelSchema.types {
      guard let b = bridge[type.name] else { continue }
      #expect(b.fields.map(\.name) == type.fields.map(\.name), "fields of \(type.name)")
      for field in type.fields {
        guard let i = b.index(of: field.name) else { continue }
        #expect(b.fields[i].type == Self.celType(field.type), "\(type.name).\(field.name)")
      }
    }
  }
}
