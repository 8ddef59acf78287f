import Foundation
import Testing

@testable import OrgModel

@Suite struct ModelSchemaTests {
  @Test func everyObjectTypeIsDefined() {
    func objects(in type: FieldType) -> [String] {
      switch type {
      case .object(let name): [name]
      case .list(let t): objects(in: t)
      case .map(let k, let v): objects(in: k) + objects(in: v)
      default: []
      }
    }
    let names = Set(ModelSchema.types.map(\.name))
    #expect(names.count == ModelSchema.types.count)
    for type in ModelSchema.types {
      for field in type.fields {
        for name in objects(in: field.type) { #expect(names.contains(name), "\(type.name).\(field.name)") }
      }
    }
    #expect(ModelSchema.type(named: "Account")?.field("sameEmail")?.type == .list(.object("Account")))
    #expect(FieldType.map(.string, .list(.string)).description == "map(string, list(string))")
  }

  /// Every field of Docs/model.md's tables is in the schema, and nothing else.
  @Test func matchesModelDoc() throws {
    let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Docs/model.md")
    let text = try String(contentsOf: docs, encoding: .utf8)
    var documented: [String: Set<String>] = [:]
    var current: String?
    for line in text.split(separator: "\n") {
      if line.hasPrefix("### ") { current = String(line.dropFirst(4)) }
      if line.hasPrefix("## ") { current = nil }
      if let current, line.hasPrefix("| `") {
        let name = line.dropFirst(3).prefix { $0 != "`" }
        documented[current, default: []].insert(String(name))
      }
    }
    #expect(documented.count == 6)
    for (type, fields) in documented {
      let schema = try #require(ModelSchema.type(named: type), "\(type)")
      #expect(Set(schema.fields.map(\.name)) == fields, "\(type)")
    }
  }
}
