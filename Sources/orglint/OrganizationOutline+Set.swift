import OrgModel
import Reporting

extension OrganizationOutline {
  /// The outline of a loaded set, for `--format html`: its OU tree, accounts, policy attachments (an OU's
  /// `policies:` and each policy's `attachedTo`) and privileged tasks.
  init(_ set: LoadedSet) {
    let org = set.organization
    var attached: [String: [String]] = [:]  // Root, an OU path or an account id → policy names
    for policy in org?.policies ?? [] {
      for target in policy.attachedTo ?? [] where !(attached[target] ?? []).contains(policy.name) {
        attached[target, default: []].append(policy.name)
      }
    }
    func unit(_ ou: OrganizationalUnit) -> Unit {
      var policies = ou.policies ?? []
      for name in attached[ou.path] ?? [] where !policies.contains(name) { policies.append(name) }
      return Unit(name: ou.name, path: ou.path, policies: policies, children: (ou.children ?? []).map(unit))
    }
    let accounts = set.accounts.map { a in
      let place = a.origin.location
      return Account(
        id: a.id, name: a.name, unit: a.ou?.path ?? a.organizationalUnit, isManagement: a.isManagement,
        isDelegatedAdmin: a.isDelegatedAdmin, policies: attached[a.id] ?? [], path: place.path,
        lines: place.range.start.line...max(place.range.start.line, place.range.end.line))
    }
    let tasks = set.tasks.map { t in
      Task(
        account: t.account, kind: t.task?.rawValue ?? "", startedAt: t.startedAt?.seconds,
        completedAt: t.completedAt?.seconds, principal: t.principal, path: t.origin.location.path,
        line: t.origin.location.range.start.line)
    }
    self.init(
      id: org?.id ?? "", rootPolicies: attached["Root"] ?? [], units: (org?.organizationalUnits ?? []).map(unit),
      accounts: accounts, tasks: tasks)
  }
}
