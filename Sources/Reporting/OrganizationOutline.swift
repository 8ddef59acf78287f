/// The shape of the linted organization, for the formats that draw it (`html`): the OU tree, the accounts, the
/// policy attachments and the privileged-task log, as plain values.
///
/// Reporting needs only Diagnostics, so it does not see the loaded model; the CLI fills an outline from it
/// (`OrganizationOutline(set)` in the orglint target) and passes it in `Report.organization`.
public struct OrganizationOutline: Sendable, Hashable {
  /// The Organization's id (`o-…`), empty when the set has no Organization document.
  public var id: String
  /// Names of the policies attached to Root.
  public var rootPolicies: [String]
  /// The top-level OUs, in the YAML's order.
  public var units: [Unit]
  /// Every account of the set, in path and document order.
  public var accounts: [Account]
  /// Every privileged-task record, in path and document order.
  public var tasks: [Task]

  public init(id: String, rootPolicies: [String] = [], units: [Unit] = [], accounts: [Account] = [], tasks: [Task] = []) {
    self.id = id
    self.rootPolicies = rootPolicies
    self.units = units
    self.accounts = accounts
    self.tasks = tasks
  }

  /// One organizational unit and the units below it.
  public struct Unit: Sendable, Hashable {
    public var name: String
    /// The path from the top, `Workloads/Prod`: what accounts name in `organizationalUnit`.
    public var path: String
    /// Names of the policies attached here (the OU's `policies:` and the policies whose `attachedTo` names it).
    public var policies: [String]
    public var children: [Unit]

    public init(name: String, path: String, policies: [String] = [], children: [Unit] = []) {
      self.name = name
      self.path = path
      self.policies = policies
      self.children = children
    }
  }

  /// One account: where it hangs in the tree, its roles, and where it is written.
  public struct Account: Sendable, Hashable {
    public var id: String
    public var name: String
    /// The OU path as written; nil or unknown paths hang the account under Root.
    public var unit: String?
    public var isManagement: Bool
    /// True for the IAM (`iam.amazonaws.com`) delegated administrator.
    public var isDelegatedAdmin: Bool
    /// Names of the policies attached to the account itself.
    public var policies: [String]
    /// The file that describes it and the lines its mapping spans, for findings that carry no entity.
    public var path: String?
    public var lines: ClosedRange<Int>?

    public init(
      id: String, name: String, unit: String? = nil, isManagement: Bool = false, isDelegatedAdmin: Bool = false,
      policies: [String] = [], path: String? = nil, lines: ClosedRange<Int>? = nil
    ) {
      self.id = id
      self.name = name
      self.unit = unit
      self.isManagement = isManagement
      self.isDelegatedAdmin = isDelegatedAdmin
      self.policies = policies
      self.path = path
      self.lines = lines
    }
  }

  /// One privileged-task record (an `sts:AssumeRoot` session).
  public struct Task: Sendable, Hashable {
    /// The target account id as written.
    public var account: String
    /// `IAMCreateRootUserPassword`, …; empty when missing or unknown.
    public var kind: String
    /// Seconds since 1970 (UTC); nil when missing or invalid.
    public var startedAt: Int64?
    public var completedAt: Int64?
    public var principal: String
    public var path: String?
    public var line: Int?

    public init(
      account: String, kind: String, startedAt: Int64?, completedAt: Int64? = nil, principal: String = "",
      path: String? = nil, line: Int? = nil
    ) {
      self.account = account
      self.kind = kind
      self.startedAt = startedAt
      self.completedAt = completedAt
      self.principal = principal
      self.path = path
      self.line = line
    }
  }
}
