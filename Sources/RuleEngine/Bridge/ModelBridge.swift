import CEL
import OrgModel
import Synchronization

/// A loaded set as CEL values: one object per linked entity (account, task, OU, policy, the organization), made when
/// the set is bridged, whose fields are read from the model when a rule reads them (`ModelObject`). The links
/// between entities are the very same objects each time they are read (an account's `tasks` and the `tasks`
/// variable hold the same task objects).
///
/// Facts listed under `unknown:` read as CEL unknowns, and so do the linked facts that depend on them
/// (Docs/model.md, "Unknown facts"): `account.policies` when the Organization's `policies` or
/// `organizationalUnits` or the account's `organizationalUnit` is unknown, `account.isDelegatedAdmin` when
/// `delegatedAdministrators` is, `task.target` when the target is not in the set and the account list is unknown,
/// `account.tasks` and `tasks` when `privilegedTasks` is, and `policies` / `accounts` when the Organization's are.
final class ModelBridge: @unchecked Sendable {
  /// The set bridged.
  var set: LoadedSet { links.set }
  private let links: BridgeLinks
  private(set) var org: CELValue = .null
  /// The variables `accounts`, `tasks` and `policies`: the lists, or an unknown when the Organization says so.
  private(set) var accountsVariable: CELValue = .list([])
  private(set) var tasksVariable: CELValue = .list([])
  private(set) var policiesVariable: CELValue = .list([])

  /// Breaks the cycle between the objects and the links they read through (each object holds the links, the links
  /// hold every linked object), so that a long-running process (`orglint server`) frees each lint's objects.
  deinit {
    links.objects = [:]
  }

  init(_ set: LoadedSet) {
    links = BridgeLinks(set)
    var units: [OrganizationalUnit] = []
    var stack = set.organization?.organizationalUnits ?? []
    while let unit = stack.popLast() {
      units.append(unit)
      stack.append(contentsOf: unit.children ?? [])
    }
    for unit in units { _ = make(unit, CELModelSchema.organizationalUnit) }
    let policies = set.policies.map { make($0, CELModelSchema.policy) }
    let accounts = set.accounts.map { make($0, CELModelSchema.account) }
    let tasks = set.tasks.map { make($0, CELModelSchema.task) }
    org = set.organization.map { .object(make($0, CELModelSchema.organization)) } ?? .null
    accountsVariable = .list(accounts.map { .object($0) })
    tasksVariable = .list(tasks.map { .object($0) })
    policiesVariable = .list(policies.map { .object($0) })
    deriveUnknowns(set, accountObjects: accounts, taskObjects: tasks)
  }

  private func make<E: BridgedEntity>(_ entity: E, _ type: BridgeType<E>) -> ModelObject<E> {
    let object = ModelObject(type, entity, links, owner: entity, isLinked: true)
    links.objects[ObjectIdentifier(entity)] = object
    return object
  }

  /// The unknowns of linked fields and variables that follow from the Organization's and the accounts' `unknown:`.
  /// Costs nothing for sets without `unknown:`.
  private func deriveUnknowns(
    _ set: LoadedSet, accountObjects: [ModelObject<Account>], taskObjects: [ModelObject<PrivilegedTask>]
  ) {
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
    for (account, object) in zip(set.accounts, accountObjects) where organizationWide || !account.unknown.isEmpty {
      var inEffect = scp
      if let reason = account.unknown.reason("organizationalUnit") {
        inEffect.append(CELUnknown(cause: "\(account.logicalPath) organizationalUnit: \(reason)"))
      }
      if var merged = inEffect.first {
        for other in inEffect.dropFirst() { merged.merge(other) }
        object.setUnknown(policiesField, merged)
      }
      if let delegated { object.setUnknown(delegatedField, delegated) }
      if let taskLog { object.setUnknown(tasksField, taskLog) }
    }
    if let accountList {
      let targetField = CELModelSchema.task.index("target")
      for (task, object) in zip(set.tasks, taskObjects) where set.target(of: task) == nil {
        object.setUnknown(targetField, accountList)
      }
    }
  }

  /// The object of a linked entity (an account, task, OU, policy or the organization).
  func value(of entity: AnyObject) -> CELValue { links.value(of: entity) }

  /// The model entity behind an object (accounts, tasks, OUs, policies, the organization), if it is one.
  func entity(of object: any CELObject) -> AnyObject? {
    guard let o = object as? BridgedObject, o.isLinked else { return nil }
    return o.owner
  }
}

/// What the objects of a bridged set read through: the set, the object of each linked entity, and the lock under
/// which kept fields are built.
final class BridgeLinks: @unchecked Sendable {
  let set: LoadedSet
  /// The object of each linked entity, by the entity's identity. Filled while the set is bridged (on one thread,
  /// before any evaluation) and emptied when the bridge goes; only read in between.
  @exclusivity(unchecked) var objects: [ObjectIdentifier: any CELObject] = [:]
  let lock = Mutex<Void>(())

  init(_ set: LoadedSet) { self.set = set }

  func value(of entity: AnyObject) -> CELValue {
    objects[ObjectIdentifier(entity)].map { .object($0) } ?? .null
  }
}
