import CEL
import OrgModel

/// A loaded set as CEL values: one record per entity, built once, with the links between entities as references
/// between records (an account's `tasks` and each task's `target` are the very same records).
///
/// Facts listed under `unknown:` read as CEL unknowns, and so do the linked facts that depend on them
/// (Docs/model.md, "Unknown facts"): `account.policies` when the Organization's `policies` or
/// `organizationalUnits` or the account's `organizationalUnit` is unknown, `account.isDelegatedAdmin` when
/// `delegatedAdministrators` is, `task.target` when the target is not in the set and the account list is unknown,
/// `account.tasks` and `tasks` when `privilegedTasks` is, and `policies` / `accounts` when the Organization's are.
final class ModelBridge: @unchecked Sendable {
  /// The set bridged: the links that point back (`task.target`, `account.sameEmail`) are read through it.
  let set: LoadedSet
  private var records: [ObjectIdentifier: CELRecord] = [:]
  private var entities: [ObjectIdentifier: AnyObject] = [:]
  private(set) var org: CELValue = .null
  private(set) var accounts: [CELValue] = []
  private(set) var tasks: [CELValue] = []
  private(set) var policies: [CELValue] = []
  /// The variables `accounts`, `tasks` and `policies`: the lists, or an unknown when the Organization says so.
  private(set) var accountsVariable: CELValue = .list([])
  private(set) var tasksVariable: CELValue = .list([])
  private(set) var policiesVariable: CELValue = .list([])
  /// The logical path of the entity being filled, for the causes of its unknown fields.
  private var owner: () -> String = { "" }

  /// Breaks the cycles between records (an account's `tasks` hold the tasks, each task's `target` the account), so
  /// that a long-running process (`orglint server`) frees each lint's records.
  deinit {
    for record in records.values { record.values = [] }
  }

  init(_ set: LoadedSet) {
    self.set = set
    var units: [OrganizationalUnit] = []
    var stack = set.organization?.organizationalUnits ?? []
    while let unit = stack.popLast() {
      units.append(unit)
      stack.append(contentsOf: unit.children ?? [])
    }
    // First a record per linked entity, so that every link can point at it; then the records' values.
    let u = units.map { make($0, CELModelSchema.organizationalUnit) }
    let p = set.policies.map { make($0, CELModelSchema.policy) }
    let a = set.accounts.map { make($0, CELModelSchema.account) }
    let t = set.tasks.map { make($0, CELModelSchema.task) }
    let o = set.organization.map { make($0, CELModelSchema.organization) }
    for (unit, r) in zip(units, u) { CELModelSchema.organizationalUnit.fill(r, from: unit, self) }
    for (policy, r) in zip(set.policies, p) { CELModelSchema.policy.fill(r, from: policy, self) }
    for (account, r) in zip(set.accounts, a) {
      owner = { account.logicalPath }
      CELModelSchema.account.fill(r, from: account, self)
    }
    for (task, r) in zip(set.tasks, t) {
      owner = { task.logicalPath }
      CELModelSchema.task.fill(r, from: task, self)
    }
    if let o, let organization = set.organization {
      owner = { organization.logicalPath }
      CELModelSchema.organization.fill(o, from: organization, self)
    }
    owner = { "" }
    org = o.map { .object($0) } ?? .null
    accounts = a.map { .object($0) }
    tasks = t.map { .object($0) }
    policies = p.map { .object($0) }
    accountsVariable = .list(accounts)
    tasksVariable = .list(tasks)
    policiesVariable = .list(policies)
    deriveUnknowns(set, accountRecords: a, taskRecords: t)
  }

  /// `"<owner> <fieldPath>: <reason>"`: the cause of an unknown field of the entity being filled.
  func cause(_ fieldPath: String, _ reason: String) -> String { "\(owner()) \(fieldPath): \(reason)" }

  /// The unknowns of linked fields and variables that follow from the Organization's and the accounts' `unknown:`.
  /// Costs nothing for sets without `unknown:`.
  private func deriveUnknowns(_ set: LoadedSet, accountRecords: [CELRecord], taskRecords: [CELRecord]) {
    func unknown(_ field: String) -> CELUnknown? {
      guard let organization = set.organization else { return nil }
      return organization.unknown.reason(field).map {
        CELUnknown(cause: "\(organization.logicalPath) \(field): \($0)")
      }
    }
    let policies = unknown("policies")
    let units = unknown("organizationalUnits")
    let delegated = unknown("delegatedAdministrators")
    let taskLog = unknown("privilegedTasks")
    let accountList = unknown("accounts")
    if let accountList { accountsVariable = .unknown(accountList) }
    if let taskLog { tasksVariable = .unknown(taskLog) }
    if let policies { policiesVariable = .unknown(policies) }

    let schema = CELModelSchema.account
    let (policiesField, delegatedField, tasksField) = (
      schema.index("policies"), schema.index("isDelegatedAdmin"), schema.index("tasks")
    )
    let scp = [policies, units].compactMap { $0 }
    let organizationWide = !scp.isEmpty || delegated != nil || taskLog != nil
    for (account, record) in zip(set.accounts, accountRecords) where organizationWide || !account.unknown.isEmpty {
      var inEffect = scp
      if let reason = account.unknown.reason("organizationalUnit") {
        inEffect.append(CELUnknown(cause: "\(account.logicalPath) organizationalUnit: \(reason)"))
      }
      if var merged = inEffect.first {
        for other in inEffect.dropFirst() { merged.merge(other) }
        record.values[policiesField] = .unknown(merged)
      }
      if let delegated { record.values[delegatedField] = .unknown(delegated) }
      if let taskLog { record.values[tasksField] = .unknown(taskLog) }
    }
    if let accountList {
      let targetField = CELModelSchema.task.index("target")
      for (task, record) in zip(set.tasks, taskRecords) where set.target(of: task) == nil {
        record.values[targetField] = .unknown(accountList)
      }
    }
  }

  private func make<E: AnyObject>(_ entity: E, _ type: BridgeType<E>) -> CELRecord {
    let r = CELRecord(type.celType)
    records[ObjectIdentifier(entity)] = r
    entities[ObjectIdentifier(r)] = entity
    return r
  }

  /// The record of a linked entity (an account, task, OU, policy or the organization).
  func value(of entity: AnyObject) -> CELValue {
    records[ObjectIdentifier(entity)].map { .object($0) } ?? .null
  }

  /// The model entity behind a record (accounts, tasks, OUs, policies, the organization), if it is one.
  func entity(of record: any CELObject) -> AnyObject? { entities[ObjectIdentifier(record)] }
}
