import Diagnostics
import LocatedYAML

enum AccountField: String, CaseIterable, Sendable {
  case apiVersion, kind, id, name, email, organizationalUnit, state, alternateContacts, tags, root, audit, unknown
}
enum ContactsField: String, CaseIterable, Sendable { case security, operations, billing, unknown }
enum ContactField: String, CaseIterable, Sendable { case name, email, phone, title }
enum RootUserField: String, CaseIterable, Sendable {
  case password, accessKeys, signingCertificates, mfaDevices, passwordRecovery, unknown
}
enum PasswordField: String, CaseIterable, Sendable { case enabled, lastUsed, unknown }
enum AccessKeyField: String, CaseIterable, Sendable { case id, active, lastUsed }
enum CertificateField: String, CaseIterable, Sendable { case id, active }
enum MFADeviceField: String, CaseIterable, Sendable { case type, serial, enabledAt }
enum AuditField: String, CaseIterable, Sendable { case at, status, errors, unknown }
enum AuditErrorField: String, CaseIterable, Sendable { case call, error, source }

extension AccountField: UnknownListable {
  static var unknownField: Self { .unknown }
  static var notListable: [Self] { [.apiVersion, .kind, .id, .unknown] }
}
extension ContactsField: UnknownListable {
  static var unknownField: Self { .unknown }
  static var notListable: [Self] { [.unknown] }
}
extension RootUserField: UnknownListable {
  static var unknownField: Self { .unknown }
  static var notListable: [Self] { [.unknown] }
}
extension PasswordField: UnknownListable {
  static var unknownField: Self { .unknown }
  static var notListable: [Self] { [.unknown] }
}
extension AuditField: UnknownListable {
  static var unknownField: Self { .unknown }
  static var notListable: [Self] { [.unknown] }
}

enum Tables {
  static let account = FieldTable<AccountField>()
  static let contacts = FieldTable<ContactsField>()
  static let contact = FieldTable<ContactField>()
  static let rootUser = FieldTable<RootUserField>()
  static let password = FieldTable<PasswordField>()
  static let accessKey = FieldTable<AccessKeyField>()
  static let certificate = FieldTable<CertificateField>()
  static let mfaDevice = FieldTable<MFADeviceField>()
  static let audit = FieldTable<AuditField>()
  static let auditError = FieldTable<AuditErrorField>()
}

extension ModelDecoder {
  /// Decodes an Account from its mapping: a document's root (`inline: false`) or an item of `accounts:`.
  public func decodeAccount(at mapping: YAMLNodeID, inline: Bool = true) -> Account {
    let account = Account(origin: NodeRef(document: document, node: mapping))
    let table = Tables.account
    var hasId = false
    var hasName = false
    var hasEmail = false
    var unknown: (key: YAMLNodeID, value: YAMLNodeID)?
    for i in 0..<doc.count(mapping) {
      guard let (field, key, v) = field(mapping, i, table, in: "Account", required: Self.requiredAccountField)
      else { continue }
      switch field {
      case .apiVersion, .kind:
        if inline { notInline(key, doc.value(mapping, i), "Account") }
        continue
      case .id: hasId = true
      case .name: hasName = true
      case .email: hasEmail = true
      default: break
      }
      guard let v else { continue }
      switch field {
      case .apiVersion, .kind: break
      case .id:
        account.id = accountId(v, key: key) ?? ""
      case .name:
        account.nameNode = stringNode(v, key: key)
      case .email:
        account.emailNode = stringNode(v, key: key)
        if account.emailNode != nil { account.emailHash = withText(v) { emailHash($0) } }
      case .organizationalUnit:
        account.organizationalUnitNode = stringNode(v, key: key)
        if account.organizationalUnitNode != nil { account.ouHash = withText(v) { fnv1a($0) } }
      case .state: account.state = enumValue(v, key: key, EnumTables.accountState)
      case .alternateContacts: account.alternateContacts = alternateContacts(v, key: key)
      case .tags: account.tagsNode = checkTags(v, key: key)
      case .root: account.root = rootUser(v, key: key)
      case .audit: account.audit = audit(v, key: key)
      case .unknown: unknown = (key, v)
      }
    }
    if let unknown {
      account.unknown = unknownFields(unknown.value, key: unknown.key, of: mapping, table, in: "Account")
    }
    if !hasId { missing("id", in: "Account", mapping) }
    if !hasName && !account.unknown.contains("name") { missing("name", in: "Account", mapping) }
    if !hasEmail && !account.unknown.contains("email") { missing("email", in: "Account", mapping) }
    return account
  }

  static func requiredAccountField(_ f: AccountField) -> Bool { f == .id || f == .name || f == .email }

  func alternateContacts(_ m: YAMLNodeID, key: YAMLNodeID) -> AlternateContacts? {
    guard expect(.mapping, m, key: key) else { return nil }
    var out = AlternateContacts()
    for i in 0..<doc.count(m) {
      guard let (field, key, v) = field(m, i, Tables.contacts, in: "alternateContacts"), let v else { continue }
      if field == .unknown {
        out.unknown = unknownFields(v, key: key, of: m, Tables.contacts, in: "alternateContacts")
        continue
      }
      let c = contact(v, key: key)
      switch field {
      case .security: out.security = c
      case .operations: out.operations = c
      case .billing: out.billing = c
      case .unknown: break
      }
    }
    return out
  }

  func contact(_ m: YAMLNodeID, key: YAMLNodeID) -> Contact? {
    guard expect(.mapping, m, key: key) else { return nil }
    var out = Contact(document: document)
    for i in 0..<doc.count(m) {
      guard let (field, key, v) = field(m, i, Tables.contact, in: "a contact"), let v else { continue }
      let s = stringNode(v, key: key)
      switch field {
      case .name: out.nameNode = s
      case .email: out.emailNode = s
      case .phone: out.phoneNode = s
      case .title: out.titleNode = s
      }
    }
    return out
  }

  /// Checks `tags:` (a mapping of strings) and returns its node; the tags are read when asked.
  func checkTags(_ m: YAMLNodeID, key: YAMLNodeID) -> YAMLNodeID? {
    guard expect(.mapping, m, key: key) else { return nil }
    for i in 0..<doc.count(m) {
      let k = doc.key(m, i)
      if doc.isDuplicateKey(k) { continue }
      guard doc.kind(k) == .scalar else {
        report(ModelRules.wrongType, "a tag key must be a string, found \(describe(k))", at: k)
        continue
      }
      guard let v = resolve(doc.value(m, i)) else { continue }
      if doc.kind(v) != .scalar {
        report(
          ModelRules.wrongType, "tag '\(text(k))' expects a string, found \(describe(v))", key: k, value: v)
      }
    }
    return m
  }

  func rootUser(_ m: YAMLNodeID, key: YAMLNodeID) -> RootUser? {
    guard expect(.mapping, m, key: key) else { return nil }
    var out = RootUser()
    for i in 0..<doc.count(m) {
      guard let (field, key, v) = field(m, i, Tables.rootUser, in: "root"), let v else { continue }
      switch field {
      case .password: out.password = password(v, key: key)
      case .accessKeys: out.accessKeys = items(v, key: key) { d, item, key in d.accessKey(item, key: key) }
      case .signingCertificates:
        out.signingCertificates = items(v, key: key) { d, item, key in d.certificate(item, key: key) }
      case .mfaDevices: out.mfaDevices = items(v, key: key) { d, item, key in d.mfaDevice(item, key: key) }
      case .passwordRecovery: out.passwordRecovery = bool(v, key: key)
      case .unknown: out.unknown = unknownFields(v, key: key, of: m, Tables.rootUser, in: "root")
      }
    }
    return out
  }

  /// `password: {enabled, lastUsed}`, or the shorthand `password: true|false`.
  func password(_ v: YAMLNodeID, key: YAMLNodeID) -> Password? {
    if doc.kind(v) == .scalar { return bool(v, key: key).map { Password(enabled: $0) } }
    guard expect(.mapping, v, key: key, or: " or true/false") else { return nil }
    var out = Password()
    for i in 0..<doc.count(v) {
      guard let (field, key, value) = field(v, i, Tables.password, in: "password"), let value else { continue }
      switch field {
      case .enabled: out.enabled = bool(value, key: key)
      case .lastUsed: out.lastUsed = timestamp(value, key: key)
      case .unknown: out.unknown = unknownFields(value, key: key, of: v, Tables.password, in: "password")
      }
    }
    return out
  }

  /// The items of a sequence of mappings, each decoded by `body` (non-mapping items reported and skipped).
  func items<T>(
    _ list: YAMLNodeID, key: YAMLNodeID, _ body: (ModelDecoder, YAMLNodeID, YAMLNodeID) -> T?
  ) -> [T]? {
    guard expect(.sequence, list, key: key) else { return nil }
    let n = doc.count(list)
    var out: [T] = []
    out.reserveCapacity(n)
    for i in 0..<n {
      guard let item = resolve(doc.item(list, i)) else {
        reportNullItem(doc.item(list, i), of: key)
        continue
      }
      guard doc.kind(item) == .mapping else {
        report(ModelRules.wrongType, "an item of '\(name(key))' expects a mapping, found \(describe(item))", at: item)
        continue
      }
      if let t = body(self, item, key) { out.append(t) }
    }
    return out
  }

  /// `items(_:key:_:)` for the long lists of a large Organization (inline accounts and tasks): above a few
  /// thousand items, chunks are decoded on all cores, each by a decoder of its own, and merged in item order.
  func parallelItems<T: Sendable>(
    _ list: YAMLNodeID, key: YAMLNodeID, _ body: @Sendable (ModelDecoder, YAMLNodeID) -> T
  ) -> [T]? {
    let n = doc.count(list)
    let chunkSize = 4096
    guard doc.kind(list) == .sequence, n >= 2 * chunkSize else {
      return items(list, key: key) { d, item, _ in body(d, item) }
    }
    let chunks = (n + chunkSize - 1) / chunkSize
    let document = self.document
    let results = parallelMap(Array(0..<chunks)) { c -> ([T], [Finding]) in
      let d = ModelDecoder(document: document)
      var out: [T] = []
      out.reserveCapacity(chunkSize)
      for i in (c * chunkSize)..<min(n, (c + 1) * chunkSize) {
        guard let item = d.resolve(d.doc.item(list, i)) else {
          d.reportNullItem(d.doc.item(list, i), of: key)
          continue
        }
        guard d.doc.kind(item) == .mapping else {
          d.report(
            ModelRules.wrongType, "an item of '\(d.name(key))' expects a mapping, found \(d.describe(item))", at: item)
          continue
        }
        out.append(body(d, item))
      }
      return (out, d.sink.findings)
    }
    var out: [T] = []
    out.reserveCapacity(n)
    for (items, findings) in results {
      out.append(contentsOf: items)
      sink.findings.append(contentsOf: findings)
    }
    return out
  }

  func accessKey(_ m: YAMLNodeID, key: YAMLNodeID) -> AccessKey? {
    var out = AccessKey()
    for i in 0..<doc.count(m) {
      guard let (field, key, v) = field(m, i, Tables.accessKey, in: "an access key"), let v else { continue }
      switch field {
      case .id: out.id = string(v, key: key)
      case .active: out.active = bool(v, key: key)
      case .lastUsed: out.lastUsed = timestamp(v, key: key)
      }
    }
    return out
  }

  func certificate(_ m: YAMLNodeID, key: YAMLNodeID) -> SigningCertificate? {
    var out = SigningCertificate()
    for i in 0..<doc.count(m) {
      guard let (field, key, v) = field(m, i, Tables.certificate, in: "a signing certificate"), let v else {
        continue
      }
      switch field {
      case .id: out.id = string(v, key: key)
      case .active: out.active = bool(v, key: key)
      }
    }
    return out
  }

  func mfaDevice(_ m: YAMLNodeID, key: YAMLNodeID) -> MFADevice? {
    var out = MFADevice()
    for i in 0..<doc.count(m) {
      guard let (field, key, v) = field(m, i, Tables.mfaDevice, in: "an MFA device"), let v else { continue }
      switch field {
      case .type: out.type = enumValue(v, key: key, EnumTables.mfaDeviceType)
      case .serial: out.serial = string(v, key: key)
      case .enabledAt: out.enabledAt = timestamp(v, key: key)
      }
    }
    return out
  }
}

extension ModelDecoder {
  /// `audit: {at, status, errors, unknown}`: the account's last root-user audit.
  func audit(_ m: YAMLNodeID, key: YAMLNodeID) -> Audit? {
    guard expect(.mapping, m, key: key) else { return nil }
    var out = Audit()
    var hasAt = false
    var hasStatus = false
    for i in 0..<doc.count(m) {
      guard
        let (field, key, v) = field(m, i, Tables.audit, in: "audit", required: { $0 == .at || $0 == .status })
      else { continue }
      if field == .at { hasAt = true }
      if field == .status { hasStatus = true }
      guard let v else { continue }
      switch field {
      case .at: out.at = timestamp(v, key: key)
      case .status: out.status = enumValue(v, key: key, EnumTables.auditStatus)
      case .errors: out.errors = items(v, key: key) { d, item, _ in d.auditError(item) }
      case .unknown: out.unknown = unknownFields(v, key: key, of: m, Tables.audit, in: "audit")
      }
    }
    if !hasAt && !out.unknown.contains("at") { missing("at", in: "audit", m) }
    if !hasStatus && !out.unknown.contains("status") { missing("status", in: "audit", m) }
    return out
  }

  /// One item of `audit.errors`: a failed call of the audit.
  func auditError(_ m: YAMLNodeID) -> AuditError {
    var out = AuditError()
    var hasCall = false
    var hasError = false
    for i in 0..<doc.count(m) {
      guard
        let (field, key, v) = field(
          m, i, Tables.auditError, in: "an audit error", required: { $0 == .call || $0 == .error })
      else { continue }
      if field == .call { hasCall = true }
      if field == .error { hasError = true }
      guard let v else { continue }
      switch field {
      case .call: out.call = string(v, key: key)
      case .error: out.error = string(v, key: key)
      case .source: out.source = string(v, key: key)
      }
    }
    if !hasCall { missing("call", in: "an audit error", m) }
    if !hasError { missing("error", in: "an audit error", m) }
    return out
  }
}
