/// The type of a model field as rules see it (Docs/model.md): what the CEL checker and `orglint schema` read.
public indirect enum FieldType: Hashable, Sendable, CustomStringConvertible {
  case string
  case bool
  case timestamp
  /// A value whose shape the format leaves open (a policy `document`).
  case dyn
  case list(FieldType)
  case map(FieldType, FieldType)
  /// One of the model's object types, by name (`Account`).
  case object(String)

  /// CEL's spelling: `list(Account)`, `map(string, string)`.
  public var description: String {
    switch self {
    case .string: "string"
    case .bool: "bool"
    case .timestamp: "google.protobuf.Timestamp"
    case .dyn: "dyn"
    case .list(let t): "list(\(t))"
    case .map(let k, let v): "map(\(k), \(v))"
    case .object(let name): name
    }
  }
}

/// One field of a model type.
public struct FieldSchema: Hashable, Sendable {
  public let name: String
  public let type: FieldType
  /// True when the field may be null (objects and timestamps that are absent).
  public let nullable: Bool
  /// True for fields that linking computes (not written in YAML).
  public let linked: Bool

  init(_ name: String, _ type: FieldType, nullable: Bool = false, linked: Bool = false) {
    self.name = name
    self.type = type
    self.nullable = nullable
    self.linked = linked
  }
}

/// One object type of the model and its fields.
public struct TypeSchema: Hashable, Sendable {
  public let name: String
  public let fields: [FieldSchema]

  /// The field called `name`.
  public func field(_ name: String) -> FieldSchema? { fields.first { $0.name == name } }
}

/// The model as rules see it: the variables and types of Docs/model.md, for checking expressions when rules load.
public enum ModelSchema {
  /// The variables every rule has (`account` / `task` / `policy` exist only in rules of that scope; `params` is the
  /// rule's own).
  public static let variables: [(name: String, type: FieldType, nullable: Bool)] = [
    ("org", .object("Organization"), true),
    ("accounts", .list(.object("Account")), false),
    ("tasks", .list(.object("PrivilegedTask")), false),
    ("policies", .list(.object("Policy")), false),
    ("now", .timestamp, false),
  ]

  /// The scope variables, by scope name.
  public static let scopes: [(scope: String, variable: String, type: FieldType)] = [
    ("account", "account", .object("Account")),
    ("task", "task", .object("PrivilegedTask")),
    ("policy", "policy", .object("Policy")),
    ("organization", "org", .object("Organization")),
  ]

  public static let types: [TypeSchema] = [
    TypeSchema(
      name: "Organization",
      fields: [
        FieldSchema("id", .string), FieldSchema("managementAccount", .string), FieldSchema("featureSet", .string),
        FieldSchema("trustedAccess", .list(.string)),
        FieldSchema("delegatedAdministrators", .list(.object("DelegatedAdministrator"))),
        FieldSchema("rootAccess", .object("RootAccess")),
        FieldSchema("organizationalUnits", .list(.object("OrganizationalUnit"))),
        FieldSchema("policies", .list(.object("Policy"))),
        FieldSchema("management", .object("Account"), nullable: true, linked: true),
      ]),
    TypeSchema(
      name: "DelegatedAdministrator",
      fields: [
        FieldSchema("service", .string), FieldSchema("account", .string),
        FieldSchema("target", .object("Account"), nullable: true, linked: true),
      ]),
    TypeSchema(
      name: "RootAccess",
      fields: [FieldSchema("rootCredentialsManagement", .bool), FieldSchema("rootSessions", .bool)]),
    TypeSchema(
      name: "OrganizationalUnit",
      fields: [
        FieldSchema("name", .string), FieldSchema("path", .string, linked: true),
        FieldSchema("policies", .list(.string)), FieldSchema("children", .list(.object("OrganizationalUnit"))),
      ]),
    TypeSchema(
      name: "Policy",
      fields: [
        FieldSchema("name", .string), FieldSchema("attachedTo", .list(.string)), FieldSchema("document", .dyn),
        FieldSchema("statements", .list(.object("Statement")), linked: true),
      ]),
    TypeSchema(
      name: "Statement",
      fields: [
        FieldSchema("sid", .string), FieldSchema("effect", .string), FieldSchema("actions", .list(.string)),
        FieldSchema("notActions", .list(.string)), FieldSchema("resources", .list(.string)),
        FieldSchema("notResources", .list(.string)),
        FieldSchema("conditions", .map(.string, .map(.string, .list(.string)))),
      ]),
    TypeSchema(
      name: "Account",
      fields: [
        FieldSchema("id", .string), FieldSchema("name", .string), FieldSchema("email", .string),
        FieldSchema("organizationalUnit", .string), FieldSchema("state", .string),
        FieldSchema("alternateContacts", .object("AlternateContacts")), FieldSchema("tags", .map(.string, .string)),
        FieldSchema("root", .object("RootUser"), nullable: true),
        FieldSchema("audit", .object("Audit"), nullable: true),
        FieldSchema("isManagement", .bool, linked: true), FieldSchema("isDelegatedAdmin", .bool, linked: true),
        FieldSchema("ou", .object("OrganizationalUnit"), nullable: true, linked: true),
        FieldSchema("policies", .list(.object("Policy")), linked: true),
        FieldSchema("tasks", .list(.object("PrivilegedTask")), linked: true),
        FieldSchema("sameEmail", .list(.object("Account")), linked: true),
      ]),
    TypeSchema(
      name: "AlternateContacts",
      fields: ["security", "operations", "billing"].map { FieldSchema($0, .object("Contact"), nullable: true) }),
    TypeSchema(name: "Contact", fields: ["name", "email", "phone", "title"].map { FieldSchema($0, .string) }),
    TypeSchema(
      name: "RootUser",
      fields: [
        FieldSchema("password", .object("Password")), FieldSchema("accessKeys", .list(.object("AccessKey"))),
        FieldSchema("signingCertificates", .list(.object("SigningCertificate"))),
        FieldSchema("mfaDevices", .list(.object("MFADevice"))), FieldSchema("passwordRecovery", .bool),
      ]),
    TypeSchema(
      name: "Password",
      fields: [FieldSchema("enabled", .bool), FieldSchema("lastUsed", .timestamp, nullable: true)]),
    TypeSchema(
      name: "AccessKey",
      fields: [
        FieldSchema("id", .string), FieldSchema("active", .bool),
        FieldSchema("lastUsed", .timestamp, nullable: true),
      ]),
    TypeSchema(name: "SigningCertificate", fields: [FieldSchema("id", .string), FieldSchema("active", .bool)]),
    TypeSchema(
      name: "MFADevice",
      fields: [
        FieldSchema("type", .string), FieldSchema("serial", .string),
        FieldSchema("enabledAt", .timestamp, nullable: true),
      ]),
    TypeSchema(
      name: "Audit",
      fields: [
        FieldSchema("at", .timestamp), FieldSchema("status", .string),
        FieldSchema("errors", .list(.object("AuditError"))),
      ]),
    TypeSchema(name: "AuditError", fields: ["call", "error", "source"].map { FieldSchema($0, .string) }),
    TypeSchema(
      name: "PrivilegedTask",
      fields: [
        FieldSchema("account", .string), FieldSchema("task", .string), FieldSchema("principal", .string),
        FieldSchema("startedAt", .timestamp), FieldSchema("completedAt", .timestamp, nullable: true),
        FieldSchema("reason", .string), FieldSchema("target", .object("Account"), nullable: true, linked: true),
        FieldSchema("callerAccount", .string, linked: true),
      ]),
  ]

  /// The type called `name`.
  public static func type(named name: String) -> TypeSchema? { types.first { $0.name == name } }
}
