/// The set's Organization document (at most one per set).
///
/// Optional properties are nil when absent from the YAML. A class because it links to its management account;
/// immutable once the set is loaded.
public final class Organization: @unchecked Sendable {
  public let origin: NodeRef
  /// `o-` and 10 to 32 lowercase letters or digits.
  public internal(set) var id = ""
  /// The management account's 12-digit id.
  public internal(set) var managementAccount = ""
  /// Default `ALL`.
  public internal(set) var featureSet: FeatureSet?
  /// Service principals with trusted access.
  public internal(set) var trustedAccess: [String]?
  public internal(set) var delegatedAdministrators: [DelegatedAdministrator]?
  /// IAM centralized root access; absent means both features off.
  public internal(set) var rootAccess: RootAccess?
  /// The top-level OUs.
  public internal(set) var organizationalUnits: [OrganizationalUnit]?
  /// Service control policies.
  public internal(set) var policies: [Policy]?
  /// The fields the document says it does not know (`unknown:`): `accounts` means the account list may be
  /// incomplete, `privilegedTasks` the task log, `policies` the SCPs and their attachments.
  public internal(set) var unknown = UnknownFields()

  // Linked.
  /// The management account's Account, when the set has it.
  public internal(set) var management: Account?

  public init(origin: NodeRef) { self.origin = origin }

  /// `organization/<id>`.
  public var logicalPath: String { "organization/\(id)" }

  /// Where a model path below the Organization is written; see `NodeRef.location(of:)`.
  public func location(of path: [String] = []) -> ModelLocation { origin.location(of: path) }
}

/// A delegated administrator registration: a service and the member account that administers it.
public final class DelegatedAdministrator: @unchecked Sendable {
  public let origin: NodeRef
  public internal(set) var service = ""
  public internal(set) var account = ""
  /// Linked: the Account named by `account`, when the set has it.
  public internal(set) var target: Account?

  public init(origin: NodeRef) { self.origin = origin }
}

/// IAM centralized root access, as `ListOrganizationsFeatures` reports it.
public struct RootAccess: Hashable, Sendable {
  /// `RootCredentialsManagement`.
  public var rootCredentialsManagement: Bool?
  /// `RootSessions`: privileged root actions in member accounts.
  public var rootSessions: Bool?
  /// The features the document says it does not know (`unknown:`).
  public var unknown = UnknownFields()

  public init(rootCredentialsManagement: Bool? = nil, rootSessions: Bool? = nil) {
    self.rootCredentialsManagement = rootCredentialsManagement
    self.rootSessions = rootSessions
  }
}

/// A node of the Organization's OU tree. Immutable once the set is loaded. It holds its children, not its parent
/// (read that with `LoadedSet.parent(of:)`), so that the tree has no reference cycle.
public final class OrganizationalUnit: @unchecked Sendable {
  public let origin: NodeRef
  public internal(set) var name = ""
  /// The path from the top: `Workloads/Prod`.
  public internal(set) var path = ""
  /// Names of the SCPs attached here.
  public internal(set) var policies: [String]?
  public internal(set) var children: [OrganizationalUnit]?
  /// The policies in effect here (Root's, the parents', its own), computed once when linking.
  var effectivePolicies: [Policy]?

  public init(origin: NodeRef) { self.origin = origin }

  /// `ou/<path>`.
  public var logicalPath: String { "ou/\(path)" }
}
