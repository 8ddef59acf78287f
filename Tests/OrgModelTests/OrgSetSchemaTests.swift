import Diagnostics
import Foundation
import OrglintTestSupport
import Testing

@testable import OrgModel

/// The JSON Schema of the config format: committed and current, a valid draft 2020-12 schema, generated from the
/// decoder's field tables, accepting the examples, and agreeing with the loader on valid and invalid documents.
@Suite struct OrgSetSchemaTests {
  @Test func committedSchemaIsUpToDate() throws {
    let committed = try String(contentsOfFile: SchemaValidator.schemaPath, encoding: .utf8)
    let generated = OrgSetSchema.json()
    #expect(
      committed == generated,
      "Docs/orglint-v1.schema.json is out of date: run `swift run orglint schema --output Docs/orglint-v1.schema.json`")
  }

  @Test func outputIsDeterministicJSON() throws {
    let text = OrgSetSchema.json()
    #expect(text == OrgSetSchema.json())
    #expect(text.hasSuffix("}\n"))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(object["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    #expect(object["$id"] as? String == OrgSetSchema.id)
    #expect(OrgSetSchema.modeline == "# yaml-language-server: $schema=" + OrgSetSchema.id)
    // The key order is the order the schema is built in: `$schema` first, `$defs` last.
    #expect(text.hasPrefix("{\n  \"$schema\": "))
    #expect(text.range(of: "\n  \"$defs\": ")!.lowerBound > text.range(of: "\n  \"allOf\": ")!.lowerBound)
  }

  @Test(.requires(SchemaValidator.tools, for: "the schema checked by python3 jsonschema"))
  func isADraft202012Schema() throws {
    #expect(try SchemaValidator.python(SchemaValidator.checkSchemaScript, [SchemaValidator.schemaPath]) == "ok\n")
    // The check can fail: a schema whose `type` is a number is not a valid schema.
    let bad = FileManager.default.temporaryDirectory.appendingPathComponent("orglint-bad-\(getpid()).schema.json")
    try Data(#"{"type": 12}"#.utf8).write(to: bad)
    defer { try? FileManager.default.removeItem(at: bad) }
    #expect(throws: SchemaValidator.Failure.self) {
      try SchemaValidator.python(SchemaValidator.checkSchemaScript, [bad.path])
    }
  }

  /// Every mapping type's properties are exactly the field names the decoder matches keys with.
  @Test func propertiesAreTheDecodersFields() throws {
    let defs = try #require(OrgSetSchema.schema["$defs"])
    let header = ["apiVersion", "kind"]
    let expected: [(String, [String])] = [
      ("Organization", ModelDecoder.organizationTable.names),
      ("AccountDocument", Tables.account.names),
      ("Account", Tables.account.names.filter { !header.contains($0) }),
      ("PrivilegedTaskDocument", ModelDecoder.taskTable.names),
      ("PrivilegedTask", ModelDecoder.taskTable.names.filter { !header.contains($0) }),
      ("DelegatedAdministrator", ModelDecoder.delegatedTable.names),
      ("RootAccess", ModelDecoder.rootAccessTable.names),
      ("OrganizationalUnit", ModelDecoder.ouTable.names),
      ("Policy", ModelDecoder.policyTable.names),
      ("PolicyDocument", ModelDecoder.policyDocumentTable.names),
      ("Statement", ModelDecoder.statementTable.names),
      ("AlternateContacts", Tables.contacts.names),
      ("Contact", Tables.contact.names),
      ("RootUser", Tables.rootUser.names),
      ("Password", Tables.password.names),
      ("AccessKey", Tables.accessKey.names),
      ("SigningCertificate", Tables.certificate.names),
      ("MFADevice", Tables.mfaDevice.names),
      ("Audit", Tables.audit.names),
      ("AuditError", Tables.auditError.names),
    ]
    for (name, fields) in expected {
      let properties = defs[name]?["properties"]?.pairs.map(\.0)
      #expect(properties == fields, "$defs/\(name)")
      #expect(defs[name]?["additionalProperties"] == false, "$defs/\(name)")
      for (field, schema) in defs[name]?["properties"]?.pairs ?? [] {
        #expect(schema["description"] != nil, "$defs/\(name)/properties/\(field) has no description")
      }
    }
    // Identity fields are required outright; other required fields may instead be listed under `unknown:`.
    func requiredOrUnknown(_ name: String) -> [String] {
      guard case .array(let clauses)? = defs[name]?["allOf"] else { return [] }
      return clauses.compactMap { c -> String? in
        guard case .array(let choices)? = c["anyOf"], case .array(let r)? = choices.first?["required"],
          case .string(let field)? = r.first
        else { return nil }
        return field
      }
    }
    #expect(defs["Account"]?["required"] == ["id"])
    #expect(requiredOrUnknown("Account") == ["name", "email"])
    #expect(defs["AccountDocument"]?["required"] == ["apiVersion", "kind", "id"])
    #expect(requiredOrUnknown("AccountDocument") == ["name", "email"])
    #expect(defs["PrivilegedTask"]?["required"] == ["account"])
    #expect(requiredOrUnknown("PrivilegedTask") == ["task", "principal", "startedAt"])
    #expect(defs["Organization"]?["required"] == ["apiVersion", "kind", "id"])
    #expect(requiredOrUnknown("Organization") == ["managementAccount"])
    #expect(defs["Audit"]?["required"] == nil)
    #expect(requiredOrUnknown("Audit") == ["at", "status"])
  }

  /// The orglint documents under Examples/ validate, except the two of broken.yaml, which are broken on purpose.
  @Test(.requires(SchemaValidator.tools, for: "Examples/ validated against the schema by python3 jsonschema"))
  func examplesValidate() throws {
    let examples = SchemaValidator.packageRoot.appendingPathComponent("Examples")
    let walker = try #require(FileManager.default.enumerator(atPath: examples.path))
    var sources: [(name: String, text: String)] = []
    for case let path as String in walker where path.hasSuffix(".yaml") {
      let text = try String(contentsOf: examples.appendingPathComponent(path), encoding: .utf8)
      sources.append(("Examples/" + path, text))
    }
    sources.sort { $0.name < $1.name }
    let results = try SchemaValidator.validate(sources)
    #expect(results.count >= 30, "orglint documents found under Examples/: \(results.count)")
    #expect(Set(results.map(\.name)).contains("Examples/large-org/organization.yaml"))
    let failing = results.filter { !$0.errors.isEmpty }
    let broken = "Examples/insecure-org/accounts/broken.yaml"
    #expect(
      failing == [
        SchemaValidator.Result(
          name: broken, index: 0,
          errors: [
            ": 'email' is a required property", ": Additional properties are not allowed ('emial' was unexpected)",
          ]),
        SchemaValidator.Result(
          name: broken, index: 1,
          errors: [
            "id: 1402433619 is not of type 'string'", "root/passwordRecovery: 'yes' is not of type 'boolean', 'null'",
          ]),
      ])
  }

  /// The loader and the schema give the same verdict on each document of `AgreementCases`.
  @Test(.requires(SchemaValidator.tools, for: "loader and schema compared through python3 jsonschema"))
  func loaderAndSchemaAgree() throws {
    let cases = AgreementCases.all
    let results = try SchemaValidator.validate(cases.map { ($0.name, $0.yaml) })
    #expect(results.map(\.name) == cases.map(\.name), "one orglint document per case")
    for (c, result) in zip(cases, results) {
      let set = OrgSetLoader.load(sources: [SourceFile(path: "case.yaml", bytes: Array(c.yaml.utf8))])
      let findings = set.findings.filter { $0.ruleId.hasPrefix("SCHEMA") }
      let loaderValid = findings.isEmpty
      let schemaValid = result.errors.isEmpty
      let detail = "loader: \(findings.map { "\($0.ruleId) \($0.message)" }); schema: \(result.errors)"
      #expect(loaderValid == c.valid, "\(c.name): the loader's verdict; \(detail)")
      if let why = c.knownDifference {
        #expect(schemaValid == !c.valid, "\(c.name): the known difference (\(why)) is gone; \(detail)")
      } else {
        #expect(schemaValid == c.valid, "\(c.name): the schema's verdict; \(detail)")
      }
    }
  }
}
