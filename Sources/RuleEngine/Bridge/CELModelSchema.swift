import CEL
import OrgModel

/// The model as rules see it (Docs/model.md): one table per CEL type, each field with its reader. The one description
/// of that view: the checker declares these types (`allTypes`), the bridge reads the model with them, and a test holds
/// Docs/model.md's tables to them.
enum CELModelSchema {
  static let organization = BridgeType<Organization>(
    "Organization", unknown: { $0.unknown },
    [
      .init("id", .string) { o, _ in .string(o.id) },
      .init("managementAccount", .string) { o, _ in .string(o.managementAccount) },
      .init("featureSet", .string) { o, _ in .string((o.featureSet ?? .all).rawValue) },
      .init("trustedAccess", .list(.string)) { o, _ in o.trustedAccess.map(strings) },
      .init("delegatedAdministrators", .list(.object("DelegatedAdministrator"))) { o, b in
        o.delegatedAdministrators.map { .list($0.map { delegatedAdministrator.record($0, b) }) }
      },
      .init("rootAccess", .object("RootAccess")) { o, b in
        rootAccess.record(o.rootAccess ?? RootAccess(), b, prefix: "rootAccess.")
      },
      .init("organizationalUnits", .list(.object("OrganizationalUnit"))) { o, b in
        o.organizationalUnits.map { .list($0.map { b.value(of: $0) }) }
      },
      .init("policies", .list(.object("Policy"))) { o, b in o.policies.map { .list($0.map { b.value(of: $0) }) } },
      .init("management", .object("Account")) { o, b in o.management.map { b.value(of: $0) } },
    ])

  static let delegatedAdministrator = BridgeType<DelegatedAdministrator>(
    "DelegatedAdministrator",
    [
      .init("service", .string) { d, _ in .string(d.service) },
      .init("account", .string) { d, _ in .string(d.account) },
      .init("target", .object("Account")) { d, b in d.target.map { b.value(of: $0) } },
    ])

  static let rootAccess = BridgeType<RootAccess>(
    "RootAccess", unknown: { $0.unknown },
    [
      .init("rootCredentialsManagement", .bool) { r, _ in r.rootCredentialsManagement.map { .bool($0) } },
      .init("rootSessions", .bool) { r, _ in r.rootSessions.map { .bool($0) } },
    ])

  static let organizationalUnit = BridgeType<OrganizationalUnit>(
    "OrganizationalUnit",
    [
      .init("name", .string) { u, _ in .string(u.name) },
      .init("path", .string) { u, _ in .string(u.path) },
      .init("policies", .list(.string)) { u, _ in u.policies.map(strings) },
      .init("children", .list(.object("OrganizationalUnit"))) { u, b in u.children.map { .list($0.map { b.value(of: $0) }) } },
    ])

  static let policy = BridgeType<Policy>(
    "Policy",
    [
      .init("name", .string) { p, _ in .string(p.name) },
      .init("attachedTo", .list(.string)) { p, _ in p.attachedTo.map(strings) },
      .init("document", .dyn) { p, _ in p.document.map(dynamic) },
      .init("statements", .list(.object("Statement"))) { p, b in .list(p.statements.map { statement.record($0, b) }) },
    ])

  static let statement = BridgeType<Statement>(
    "Statement",
    [
      .init("sid", .string) { s, _ in s.sid.map { .string($0) } },
      .init("effect", .string) { s, _ in s.effect.map { .string($0.rawValue) } },
      .init("actions", .list(.string)) { s, _ in s.actions.map(strings) },
      .init("notActions", .list(.string)) { s, _ in s.notActions.map(strings) },
      .init("resources", .list(.string)) { s, _ in s.resources.map(strings) },
      .init("notResources", .list(.string)) { s, _ in s.notResources.map(strings) },
      .init("conditions", .map(.string, .map(.string, .list(.string)))) { s, _ in
        s.conditions.map { ops in
          var outer = CELMap()
          for (op, keys) in ops.sorted(by: { $0.key < $1.key }) {
            var inner = CELMap()
            for (key, values) in keys.sorted(by: { $0.key < $1.key }) { inner.insert(.string(key), strings(values)) }
            outer.insert(.string(op), .map(inner))
          }
          return .map(outer)
        }
      },
    ])

  static let account = BridgeType<Account>(
    "Account", unknown: { $0.unknown },
    [
      .init("id", .string) { a, _ in .string(a.id) },
      .init("name", .string) { a, _ in .string(a.name) },
      .init("email", .string) { a, _ in .string(a.email) },
      .init("organizationalUnit", .string) { a, _ in a.organizationalUnit.map { .string($0) } },
      .init("state", .string) { a, _ in .string((a.state ?? .active).rawValue) },
      .init("alternateContacts", .object("AlternateContacts")) { a, b in
        alternateContacts.record(a.alternateContacts ?? AlternateContacts(), b, prefix: "alternateContacts.")
      },
      .init("tags", .map(.string, .string)) { a, _ in
        a.tags.map { tags in
          var m = CELMap()
          for t in tags { m.insert(.string(t.key), .string(t.value)) }
          return .map(m)
        }
      },
      .init("root", .object("RootUser")) { a, b in a.root.map { rootUser.record($0, b, prefix: "root.") } },
      .init("audit", .object("Audit")) { a, b in a.audit.map { audit.record($0, b, prefix: "audit.") } },
      .init("isManagement", .bool) { a, _ in .bool(a.isManagement) },
      .init("isDelegatedAdmin", .bool) { a, _ in .bool(a.isDelegatedAdmin) },
      .init("ou", .object("OrganizationalUnit")) { a, b in a.ou.map { b.value(of: $0) } },
      .init("policies", .list(.object("Policy"))) { a, b in .list(a.policies.map { b.value(of: $0) }) },
      .init("tasks", .list(.object("PrivilegedTask"))) { a, b in .list(a.tasks.map { b.value(of: $0) }) },
      .init("sameEmail", .list(.object("Account"))) { a, b in .list(b.set.sameEmail(of: a).map { b.value(of: $0) }) },
    ])

  static let alternateContacts = BridgeType<AlternateContacts>(
    "AlternateContacts", unknown: { $0.unknown },
    [
      .init("security", .object("Contact")) { c, b in c.security.map { contact.record($0, b) } },
      .init("operations", .object("Contact")) { c, b in c.operations.map { contact.record($0, b) } },
      .init("billing", .object("Contact")) { c, b in c.billing.map { contact.record($0, b) } },
    ])

  static let contact = BridgeType<Contact>(
    "Contact",
    [
      .init("name", .string) { c, _ in c.name.map { .string($0) } },
      .init("email", .string) { c, _ in c.email.map { .string($0) } },
      .init("phone", .string) { c, _ in c.phone.map { .string($0) } },
      .init("title", .string) { c, _ in c.title.map { .string($0) } },
    ])

  static let rootUser = BridgeType<RootUser>(
    "RootUser", unknown: { $0.unknown },
    [
      .init("password", .object("Password")) { r, b in
        password.record(r.password ?? Password(), b, prefix: "root.password.")
      },
      .init("accessKeys", .list(.object("AccessKey"))) { r, b in r.accessKeys.map { .list($0.map { accessKey.record($0, b) }) } },
      .init("signingCertificates", .list(.object("SigningCertificate"))) { r, b in
        r.signingCertificates.map { .list($0.map { signingCertificate.record($0, b) }) }
      },
      .init("mfaDevices", .list(.object("MFADevice"))) { r, b in r.mfaDevices.map { .list($0.map { mfaDevice.record($0, b) }) } },
      .init("passwordRecovery", .bool) { r, _ in r.passwordRecovery.map { .bool($0) } },
    ])

  static let password = BridgeType<Password>(
    "Password", unknown: { $0.unknown },
    [
      .init("enabled", .bool) { p, _ in p.enabled.map { .bool($0) } },
      .init("lastUsed", .timestamp) { p, _ in p.lastUsed.map(timestamp) },
    ])

  static let accessKey = BridgeType<AccessKey>(
    "AccessKey",
    [
      .init("id", .string) { k, _ in k.id.map { .string($0) } },
      .init("active", .bool) { k, _ in .bool(k.active ?? true) },
      .init("lastUsed", .timestamp) { k, _ in k.lastUsed.map(timestamp) },
    ])

  static let signingCertificate = BridgeType<SigningCertificate>(
    "SigningCertificate",
    [
      .init("id", .string) { c, _ in c.id.map { .string($0) } },
      .init("active", .bool) { c, _ in .bool(c.active ?? true) },
    ])

  static let mfaDevice = BridgeType<MFADevice>(
    "MFADevice",
    [
      .init("type", .string) { d, _ in d.type.map { .string($0.rawValue) } },
      .init("serial", .string) { d, _ in d.serial.map { .string($0) } },
      .init("enabledAt", .timestamp) { d, _ in d.enabledAt.map(timestamp) },
    ])

  static let audit = BridgeType<Audit>(
    "Audit", unknown: { $0.unknown },
    [
      .init("at", .timestamp) { a, _ in a.at.map(timestamp) },
      .init("status", .string) { a, _ in a.status.map { .string($0.rawValue) } },
      .init("errors", .list(.object("AuditError"))) { a, b in a.errors.map { .list($0.map { auditError.record($0, b) }) } },
    ])

  static let auditError = BridgeType<AuditError>(
    "AuditError",
    [
      .init("call", .string) { e, _ in e.call.map { .string($0) } },
      .init("error", .string) { e, _ in e.error.map { .string($0) } },
      .init("source", .string) { e, _ in e.source.map { .string($0) } },
    ])

  static let task = BridgeType<PrivilegedTask>(
    "PrivilegedTask", unknown: { $0.unknown },
    [
      .init("account", .string) { t, _ in .string(t.account) },
      .init("task", .string) { t, _ in t.task.map { .string($0.rawValue) } },
      .init("principal", .string) { t, _ in .string(t.principal) },
      .init("startedAt", .timestamp) { t, _ in t.startedAt.map(timestamp) },
      .init("completedAt", .timestamp) { t, _ in t.completedAt.map(timestamp) },
      .init("reason", .string) { t, _ in t.reason.map { .string($0) } },
      .init("target", .object("Account")) { t, b in b.set.target(of: t).map { b.value(of: $0) } },
      .init("callerAccount", .string) { t, _ in .string(t.callerAccount) },
    ])

  /// Every type, for declaring them in a CEL environment.
  static let allTypes: [CELObjectType] = [
    organization.celType, delegatedAdministrator.celType, rootAccess.celType, organizationalUnit.celType,
    policy.celType, statement.celType, account.celType, alternateContacts.celType, contact.celType,
    rootUser.celType, password.celType, accessKey.celType, signingCertificate.celType, mfaDevice.celType,
    audit.celType, auditError.celType, task.celType,
  ]

  static func strings(_ list: [String]) -> CELValue { .list(list.map { .string($0) }) }

  static func timestamp(_ t: Timestamp) -> CELValue {
    CELTimestamp(seconds: t.seconds, nanos: t.nanos).map { .timestamp($0) } ?? .null
  }

  static func dynamic(_ v: DynamicValue) -> CELValue {
    switch v {
    case .null: return .null
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .double(let d): return .double(d)
    case .string(let s): return .string(s)
    case .list(let l): return .list(l.map(dynamic))
    case .map(let pairs):
      var m = CELMap()
      for p in pairs { m.insert(.string(p.key), dynamic(p.value)) }
      return .map(m)
    }
  }
}
