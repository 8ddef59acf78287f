import LocatedYAML

/// A member (or the management) account: one `kind: Account` document or one item of an Organization's
/// `accounts:` list.
///
/// Optional properties are nil when the field is absent from the YAML (CEL's `has()` is false); Docs/model.md gives
/// the default rules see then. Required fields that are missing are reported (SCHEMA003) and read as `""`.
/// Free-text fields (`name`, `email`, `organizationalUnit`, `tags`) are read from the YAML when asked, so that a
/// large set costs little memory. A class because other entities link to it; immutable once the set is loaded
/// (linking sets the links once). The links it holds (`ou`, `policies`, `tasks`) stay valid however long it is
/// kept; `sameEmail` is read through the set (`LoadedSet.sameEmail(of:)`).
public final class Account: @unchecked Sendable {
  /// The account's mapping in its YAML document.
  public let origin: NodeRef
  /// 12 digits.
  public internal(set) var id = ""
  var nameNode: YAMLNodeID?
  var emailNode: YAMLNodeID?
  var organizationalUnitNode: YAMLNodeID?
  var tagsNode: YAMLNodeID?
  /// Hashes of the email (ASCII letters lower-cased) and of the OU path, for linking without making Strings.
  var emailHash: UInt64 = 0
  var ouHash: UInt64 = 0
  public internal(set) var state: AccountState?
  public internal(set) var alternateContacts: AlternateContacts?
  /// nil when no `root:` block is recorded (no audit of the root user).
  public internal(set) var root: RootUser?
  /// The last root-user audit; nil when none is recorded.
  public internal(set) var audit: Audit?
  /// The fields the document says it does not know (`unknown:`).
  public internal(set) var unknown = UnknownFields()

  // Linked.
  /// True when `id` is the Organization's `managementAccount`.
  public internal(set) var isManagement = false
  /// True when the account is the IAM (`iam.amazonaws.com`) delegated administrator.
  public internal(set) var isDelegatedAdmin = false
  /// The OU node named by `organizationalUnit`.
  public internal(set) var ou: OrganizationalUnit?
  /// SCPs in effect through Root, the OU chain and the account itself; empty for the management account.
  public internal(set) var policies: [Policy] = []
  /// The privileged tasks that target this account, by `startedAt`.
  public internal(set) var tasks: [PrivilegedTask] = []
  /// Where the account is in its set's `accounts`, and where the other accounts whose `email` is the same
  /// (compared case-insensitively) are: read them with `LoadedSet.sameEmail(of:)`. Positions, not references, so
  /// that accounts never hold each other (no cycle; nothing to break when the set goes).
  var position = -1
  var sameEmailPositions: [Int] = []

  public init(origin: NodeRef) { self.origin = origin }

  public var name: String { origin.document.text(nameNode) ?? "" }
  /// The root user's email.
  public var email: String { origin.document.text(emailNode) ?? "" }
  /// The OU path as written, e.g. `Workloads/Prod`.
  public var organizationalUnit: String? { origin.document.text(organizationalUnitNode) }
  /// The tags in the YAML's order (values that are not strings were reported and are left out).
  public var tags: [Tag]? { tagsNode.map { origin.document.tags($0) } }

  /// `account/<id>`: the entity's identity for fingerprints.
  public var logicalPath: String { "account/\(id)" }

  /// Where a model path below the account (`["root", "passwordRecovery"]`) is written; see `NodeRef.location(of:)`.
  public func location(of path: [String] = []) -> ModelLocation { origin.location(of: path) }
}

/// One tag of an account (`tags:` is a string-to-string map; the order is the YAML's).
public struct Tag: Hashable, Sendable {
  public var key: String
  public var value: String

  public init(key: String, value: String) {
    self.key = key
    self.value = value
  }
}

extension Array where Element == Tag {
  /// The value of the tag `key`, if any.
  public subscript(tag key: String) -> String? { first { $0.key == key }?.value }
}

/// An account's alternate contacts; each is nil when not set.
public struct AlternateContacts: Hashable, Sendable {
  public var security: Contact?
  public var operations: Contact?
  public var billing: Contact?
  /// The contacts the document says it does not know (`unknown:`).
  public var unknown = UnknownFields()

  public init(security: Contact? = nil, operations: Contact? = nil, billing: Contact? = nil) {
    self.security = security
    self.operations = operations
    self.billing = billing
  }
}

/// One alternate contact; its fields are read from the YAML when asked (nil when absent).
public struct Contact: Hashable, Sendable {
  let document: ModelDocument
  var nameNode: YAMLNodeID?
  var emailNode: YAMLNodeID?
  var phoneNode: YAMLNodeID?
  var titleNode: YAMLNodeID?

  init(document: ModelDocument) { self.document = document }

  public var name: String? { document.text(nameNode) }
  public var email: String? { document.text(emailNode) }
  public var phone: String? { document.text(phoneNode) }
  public var title: String? { document.text(titleNode) }

  public static func == (a: Contact, b: Contact) -> Bool {
    a.name == b.name && a.email == b.email && a.phone == b.phone && a.title == b.title
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(name)
    hasher.combine(email)
    hasher.combine(phone)
    hasher.combine(title)
  }
}
