import CEL
import OrgModel

/// A loaded set as CEL values: one record per entity, built once, with the links between entities as references
/// between records (an account's `tasks` and each task's `target` are the very same records).
final class ModelBridge: @unchecked Sendable {
  private var records: [ObjectIdentifier: CELRecord] = [:]
  private var entities: [ObjectIdentifier: AnyObject] = [:]
  private(set) var org: CELValue = .null
  private(set) var accounts: [CELValue] = []
  private(set) var tasks: [CELValue] = []
  private(set) var policies: [CELValue] = []

  init(_ set: LoadedSet) {
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
    for (account, r) in zip(set.accounts, a) { CELModelSchema.account.fill(r, from: account, self) }
    for (task, r) in zip(set.tasks, t) { CELModelSchema.task.fill(r, from: task, self) }
    if let o, let organization = set.organization { CELModelSchema.organization.fill(o, from: organization, self) }
    org = o.map { .object($0) } ?? .null
    accounts = a.map { .object($0) }
    tasks = t.map { .object($0) }
    policies = p.map { .object($0) }
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
