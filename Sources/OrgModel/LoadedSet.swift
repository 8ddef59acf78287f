import Diagnostics
import LocatedYAML

/// A organization set, loaded: its files, the decoded and linked entities, and the loader's findings.
///
/// Links point one way only, so the entities form no reference cycle and an entity kept after its set keeps its
/// links: an account holds its `ou`, `policies` and `tasks`; the links that would point back (a task's target, an
/// account's `sameEmail`, an OU's parent) are read here, with the set (`target(of:)`, `sameEmail(of:)`,
/// `parent(of:)`). Immutable after loading.
public final class LoadedSet: @unchecked Sendable {
  /// The folder whose files make up the set (absolute), when the set was loaded from paths.
  public let root: String?
  /// Every YAML file read, in path order (their documents stay alive for locations and suppressions).
  public let files: [YAMLFile]
  /// The set's Organization (the first, in path order), or nil.
  public let organization: Organization?
  /// Account documents and inline accounts, in path and document order, without duplicates (MODEL001).
  public let accounts: [Account]
  /// Every privileged-task record, in path and document order.
  public let tasks: [PrivilegedTask]
  /// Every finding of the YAML reader and of the loader, in path order (all files, reported or not).
  public let findings: [Finding]
  /// Paths that could not be read (the CLI exits with 2).
  public let unreadable: [SourceFileError]
  /// Display paths of the files findings are reported for; nil when every file is.
  public let reportedPaths: Set<String>?
  /// The dialect the set was read in besides orglint/v1 documents (`lza`), nil for orglint/v1 only.
  public let dialect: String?
  /// How many organization documents were decoded: orglint/v1 documents, plus one for a dialect's folder. Zero
  /// with YAML files read means none of them is one orglint reads (the CLI says so instead of "no problems").
  public let organizationDocuments: Int
  /// Positions in `accounts` by account id.
  private let byId: AccountIndex<Int>

  init(
    root: String?, files: [YAMLFile], dialect: String? = nil, organizationDocuments: Int = 0, organization: Organization?, accounts: [Account], byId: AccountIndex<Int>,
    tasks: [PrivilegedTask], findings: [Finding], unreadable: [SourceFileError], reportedPaths: Set<String>?
  ) {
    self.root = root
    self.files = files
    self.dialect = dialect
    self.organizationDocuments = organizationDocuments
    self.organization = organization
    self.accounts = accounts
    self.byId = byId
    self.tasks = tasks
    self.findings = findings
    self.unreadable = unreadable
    self.reportedPaths = reportedPaths
  }

  /// The Organization's service control policies.
  public var policies: [Policy] { organization?.policies ?? [] }

  /// The account with this id, if the set describes it.
  public func account(id: String) -> Account? { byId[id].map { accounts[$0] } }

  /// The Account a task's `account` names, when the set has it (`task.target`).
  public func target(of task: PrivilegedTask) -> Account? { account(id: task.account) }

  /// The other accounts of the set whose `email` is the same as the account's, compared case-insensitively
  /// (`account.sameEmail`), in the set's order. The account must be one of this set's.
  public func sameEmail(of account: Account) -> [Account] {
    if account.sameEmailPositions.isEmpty { return [] }
    precondition(accounts.indices.contains(account.position) && accounts[account.position] === account,
      "sameEmail(of:) asks the set the account belongs to")
    return account.sameEmailPositions.map { accounts[$0] }
  }

  /// The unit whose `children` holds `unit`, nil at the top (or for a unit not in the set's tree).
  /// It walks the tree (a few units): no rule or reporter reads parents on a hot path.
  public func parent(of unit: OrganizationalUnit) -> OrganizationalUnit? {
    var stack = organization?.organizationalUnits ?? []
    while let candidate = stack.popLast() {
      let children = candidate.children ?? []
      if children.contains(where: { $0 === unit }) { return candidate }
      stack.append(contentsOf: children)
    }
    return nil
  }

  /// True when findings for `path` (a display path) are to be reported: every file when whole folders were
  /// given, only the named files when files were.
  public func isReported(_ path: String?) -> Bool {
    guard let reportedPaths, let path else { return true }
    return reportedPaths.contains(path)
  }

  /// The findings of the reported files.
  public var reportedFindings: [Finding] { findings.filter { isReported($0.path) } }

  /// The YAML file with this display path.
  public func file(path: String) -> YAMLFile? { files.first { $0.source.path == path } }
}
