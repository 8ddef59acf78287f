import CEL
import Foundation
import Testing

@testable import RuleEngine

/// `CELModelSchema` is the one description of the model as rules see it (names, CEL types and readers in one table
/// per type); the checker's types are derived from it, and Docs/model.md's tables must say the same.
@Suite struct CELModelSchemaTests {
  static func objects(in type: CELType) -> [String] {
    switch type {
    case .object(let name): [name]
    case .list(let t): objects(in: t)
    case .map(let k, let v): objects(in: k) + objects(in: v)
    default: []
    }
  }

  @Test func everyObjectTypeIsDeclared() {
    let names = Set(CELModelSchema.allTypes.map(\.name))
    #expect(names.count == CELModelSchema.allTypes.count)
    for type in CELModelSchema.allTypes {
      for field in type.fields {
        for name in Self.objects(in: field.type) { #expect(names.contains(name), "\(type.name).\(field.name)") }
      }
    }
  }

  /// The type as Docs/model.md writes it: `timestamp`, `list(Account)`, without `or null`.
  static func documented(_ type: CELType) -> String {
    type.description.replacingOccurrences(of: "google.protobuf.Timestamp", with: "timestamp")
  }

  /// Every field of Docs/model.md's type tables is in the schema with the documented type, and nothing else.
  @Test func matchesModelDoc() throws {
    let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Docs/model.md")
    let text = try String(contentsOf: docs, encoding: .utf8)
    var documented: [String: [String: String]] = [:]
    var current: String?
    for line in text.split(separator: "\n") {
      if line.hasPrefix("### ") { current = String(line.dropFirst(4)) }
      if line.hasPrefix("## ") { current = nil }
      if let current, line.hasPrefix("| `") {
        let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
          $0.trimmingCharacters(in: .whitespaces)
        }
        let name = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
        let type = cells[2].replacingOccurrences(of: " or null", with: "")
        documented[current, default: [:]][name] = type
      }
    }
    #expect(documented.count == 6)
    let schema = Dictionary(uniqueKeysWithValues: CELModelSchema.allTypes.map { ($0.name, $0) })
    for (typeName, fields) in documented {
      let type = try #require(schema[typeName], "\(typeName)")
      #expect(Set(type.fields.map(\.name)) == Set(fields.keys), "\(typeName)")
      for field in type.fields {
        guard let doc = fields[field.name] else { continue }
        #expect(doc == Self.documented(field.type), "\(typeName).\(field.name)")
      }
    }
  }
}
