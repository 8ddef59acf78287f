import Diagnostics
import LocatedYAML

enum OrganizationField: String, CaseIterable, Sendable {
  case apiVersion, kind, id, managementAccount, featureSet, trustedAccess, delegatedAdministrators, rootAccess
  case organizationalUnits, policies, accounts, privilegedTasks, unknown
}
enum DelegatedAdministratorField: String, CaseIterable, Sendable { case service, account }
enum RootAccessField: String, CaseIterable, Sendable { case rootCredentialsManagement, rootSessions, unknown }

extension OrganizationField: UnknownListable {
  static var unknownField: Self { .unknown }
  static var notListable: [Self] { [.apiVersion, .kind, .id, .unknown] }
}
extension RootAccessField: UnknownListable {
  static var unknownField: Self { .unknown }
  static var notListable: [Self] { [.unknown] }
}
enum OUField: String, CaseIterable, Sendable { case name, policies, children }

extension ModelDecoder {
  static let organizationTable = FieldTable<OrganizationField>()
  static let delegatedTable = FieldTable<DelegatedAdministratorField>()
  static let rootAccessTable = FieldTable<RootAccessField>()
  static let ouTable = FieldTable<OUField>()

  /// Decodes an Organization document; its inline `accounts:` and `privilegedTasks:` go to `accounts` and `tasks`.
  public func decodeOrganization(at mapping: YAMLNodeID) -> Organization {
    let org = Organization(origin: NodeRef(document: document, node: mapping))
    var hasId = false
    var hasManagement = false
    var unknown: (key: YAMLNodeID, value: YAMLNodeID)?
    for i in 0..<doc.count(mapping) {
      guard
        let (field, key, value) = field(
          mapping, i, Self.organizationTable, in: "Organization", required: { $0 == .id || $0 == .managementAccount })
      else { continue }
      if field == .id { hasId = true }
      if field == .managementAccount { hasManagement = true }
      guard let v = value else { continue }
      switch field {
      case .apiVersion, .kind: break
      case .id:
        guard let s = string(v, key: key) else { break }
        org.id = s
        if !isOrganizationId(s) {
          report(
            ModelRules.malformedValue,
            "Organization id '\(s)' must be 'o-' and 10 to 32 lowercase letters or digits", key: key, value: v)
        }
      case .managementAccount:
        org.managementAccount = accountId(v, key: key) ?? ""
      case .featureSet: org.featureSet = enumValue(v, key: key, EnumTables.featureSet)
      case .trustedAccess: org.trustedAccess = stringList(v, key: key)
      case .delegatedAdministrators:
        org.delegatedAdministrators = items(v, key: key) { d, item, _ in d.delegatedAdministrator(item) }
      case .rootAccess: org.rootAccess = rootAccess(v, key: key)
      case .organizationalUnits:
        org.organizationalUnits = items(v, key: key) { d, item, _ in d.organizationalUnit(item, parent: nil) }
      case .policies: org.policies = items(v, key: key) { d, item, _ in d.policy(item) }
      case .accounts:
        if let list = parallelItems(v, key: key, { d, item in d.decodeAccount(at: item, inline: true) }) {
          sink.accounts.append(contentsOf: list)
        }
      case .privilegedTasks:
        if let list = parallelItems(v, key: key, { d, item in d.decodeTask(at: item, inline: true) }) {
          sink.tasks.append(contentsOf: list)
        }
      case .unknown: unknown = (key, v)
      }
    }
    if let unknown {
      org.unknown = unknownFields(
        unknown.value, key: unknown.key, of: mapping, Self.organizationTable, in: "Organization")
    }
    if !hasId { missing("id", in: "Organization", mapping) }
    if !hasManagement && !org.unknown.contains("managementAccount") {
      missing("managementAccount", in: "Organization", mapping)
    }
    return org
  }

  func delegatedAdministrator(_ m: YAMLNodeID) -> DelegatedAdministrator {
    let out = DelegatedAdministrator(origin: NodeRef(document: document, node: m))
    var hasService = false
    var hasAccount = false
    for i in 0..<doc.count(m) {
      guard
        let (field, key, value) = field(
          m, i, Self.delegatedTable, in: "a delegated administrator", required: { _ in true })
      else { continue }
      switch field {
      case .service:
        hasService = true
        if let v = value { out.service = string(v, key: key) ?? "" }
      case .account:
        hasAccount = true
        if let v = value { out.account = accountId(v, key: key) ?? "" }
      }
    }
    if !hasService { missing("service", in: "a delegated administrator", m) }
    if !hasAccount { missing("account", in: "a delegated administrator", m) }
    return out
  }

  func rootAccess(_ m: YAMLNodeID, key: YAMLNodeID) -> RootAccess? {
    guard expect(.mapping, m, key: key) else { return nil }
    var out = RootAccess()
    for i in 0..<doc.count(m) {
      guard let (field, key, v) = field(m, i, Self.rootAccessTable, in: "rootAccess"), let v else { continue }
      switch field {
      case .rootCredentialsManagement: out.rootCredentialsManagement = bool(v, key: key)
      case .rootSessions: out.rootSessions = bool(v, key: key)
      case .unknown: out.unknown = unknownFields(v, key: key, of: m, Self.rootAccessTable, in: "rootAccess")
      }
    }
    return out
  }

  /// An OU and its subtree; `path` is the parent's path and the name.
  func organizationalUnit(_ m: YAMLNodeID, parent: OrganizationalUnit?) -> OrganizationalUnit {
    let ou = OrganizationalUnit(origin: NodeRef(document: document, node: m))
    var childrenNode: (YAMLNodeID, YAMLNodeID)?
    var hasName = false
    for i in 0..<doc.count(m) {
      guard
        let (field, key, value) = field(m, i, Self.ouTable, in: "an organizational unit", required: { $0 == .name })
      else { continue }
      if field == .name { hasName = true }
      guard let v = value else { continue }
      switch field {
      case .name:
        ou.name = string(v, key: key) ?? ""
      case .policies: ou.policies = stringList(v, key: key)
      case .children: childrenNode = (key, v)
      }
    }
    if !hasName { missing("name", in: "an organizational unit", m) }
    ou.path = parent.map { $0.path + "/" + ou.name } ?? ou.name
    // Children after the name, whatever the key order, so that their paths are complete.
    if let (key, v) = childrenNode {
      ou.children = items(v, key: key) { d, item, _ in d.organizationalUnit(item, parent: ou) }
    }
    return ou
  }
}

/// `o-` followed by 10 to 32 lowercase letters or digits.
func isOrganizationId(_ s: String) -> Bool {
  let b = Array(s.utf8)
  guard b.count >= 12, b.count <= 34, b[0] == 0x6F, b[1] == 0x2D else { return false }
  return b[2...].allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
}
