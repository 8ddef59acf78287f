import Testing

@testable import OrgModel

/// The field help editors get (`FieldDocs`), read from the generated JSON Schema by YAML path.
@Suite struct FieldDocsTests {
  @Test func fieldsByPathThroughListsRefsAndShorthands() throws {
    // An OU's children are OUs, through two lists.
    let ou = try #require(
      FieldDocs.fields(
        kind: .organization, at: [.key("organizationalUnits"), .item, .key("children"), .item]))
    #expect(ou.map(\.name) == ["name", "policies", "children"])
    #expect(ou[0] == .init(
      name: "name", type: "string", values: [], description:
        "The unit's name; its path is its parents' names and its own, joined by `/`.", required: true))
    // `password:` is `true`/`false` or a mapping: its mapping's fields.
    #expect(
      FieldDocs.fields(kind: .account, at: [.key("root"), .key("password")])?.map(\.name)
        == ["enabled", "lastUsed", "unknown"])
    let lastUsed = FieldDocs.field("lastUsed", kind: .account, at: [.key("root"), .key("password")])
    #expect(lastUsed?.type == "Timestamp (string)")
    // An enum's values, null left out; a document's `kind` is its constant.
    #expect(FieldDocs.field("state", kind: .account, at: [])?.values.first == "PENDING_ACTIVATION")
    #expect(FieldDocs.field("state", kind: .account, at: [])?.values.contains("") == false)
    #expect(FieldDocs.field("kind", kind: .privilegedTask, at: [])?.values == ["PrivilegedTask"])
  }

  @Test func nothingWhereTheFormatHasNoMapping() {
    #expect(FieldDocs.fields(kind: .account, at: [.key("tags")]) == nil)  // free-form
    #expect(FieldDocs.fields(kind: .account, at: [.key("name")]) == nil)  // a scalar
    #expect(FieldDocs.fields(kind: .account, at: [.key("emial")]) == nil)  // not a field
    #expect(FieldDocs.fields(kind: .account, at: [.key("unknown")]) == nil)  // field name → reason
    #expect(FieldDocs.field("emial", kind: .account, at: []) == nil)
  }
}
