import Diagnostics

/// Resolves the references of a decoded set once, with hash lookups, so that rules stay linear in its size.
///
/// Sets the linked fields of Docs/model.md (`account.isManagement`, `.ou`, `.policies`, `.tasks`,
/// `organization.management`, `delegatedAdministrator.target`; `sameEmail` as positions in the set, read through
/// `LoadedSet.sameEmail(of:)`) and reports duplicate ids (MODEL…) and references to things the set lacks (REF…) at
/// the referring node. No link points back (see `LoadedSet`), so the entities form no reference cycle.
struct Linker {
  private(set) var findings: [Finding] = []
  private(set) var accounts: [Account] = []
  /// Positions in `accounts` by account id.
  private(set) var accountsById = AccountIndex<Int>()
  private var ouByPath: [String: OrganizationalUnit] = [:]
  /// OUs by `fnv1a` of their path, and the hashes whose account-side text was checked to equal the path.
  private var ouByHash: [UInt64: OrganizationalUnit] = [:]
  private var verifiedOUHashes = Set<UInt64>()
  private var policyByName: [String: Policy] = [:]
  /// Policies attached directly, by OU identity / account id; Root's.
  private var attachedToOU: [ObjectIdentifier: [Policy]] = [:]
  private var attachedToAccount: [String: [Policy]] = [:]
  private var rootPolicies: [Policy] = []
  private var suggestions: [String: String] = [:]

  mutating func link(organization org: Organization?, accounts decoded: [Account], tasks: [PrivilegedTask]) {
    indexAccounts(decoded)
    if let org { linkOrganization(org) }
    linkAccounts(org)
    linkTasks(tasks)
    linkEmails()
  }

  // MARK: Accounts

  private mutating func indexAccounts(_ decoded: [Account]) {
    accounts.reserveCapacity(decoded.count)
    accountsById.reserveCapacity(decoded.count)
    for account in decoded {
      if account.id.isEmpty {
        account.position = accounts.count
        accounts.append(account)
        continue
      }
      if let first = accountsById[account.id] {
        let firstAt = accounts[first].location(of: ["id"])
        report(
          ModelRules.duplicateAccount,
          "duplicate account id '\(account.id)'; it is first defined at \(firstAt.path):\(firstAt.range.start.line)"
            + "; this description is left out", at: account.location(of: ["id"]))
        continue
      }
      account.position = accounts.count
      accountsById[account.id] = account.position
      accounts.append(account)
    }
  }

  private mutating func linkAccounts(_ org: Organization?) {
    var iamAdmins = AccountIndex<Bool>()
    for admin in org?.delegatedAdministrators ?? [] where admin.service == "iam.amazonaws.com" {
      iamAdmins[admin.account] = true
    }
    let checkAdmins = !iamAdmins.isEmpty
    let checkOwn = !attachedToAccount.isEmpty
    for account in accounts {
      guard let org else { continue }
      account.isManagement = !account.id.isEmpty && account.id == org.managementAccount
      account.isDelegatedAdmin = checkAdmins && iamAdmins[account.id] != nil
      var inherited = rootPolicies
      if account.organizationalUnitNode != nil {
        if let ou = ou(of: account) {
          account.ou = ou
          inherited = ou.effectivePolicies ?? rootPolicies
        } else if let path = account.organizationalUnit, path != "Root",
          !org.unknown.contains("organizationalUnits")
        {  // an unknown OU tree may hold the path (Docs/format.md "Unknown facts")
          report(
            ModelRules.unknownOU,
            "organizationalUnit '\(path)' is not an OU of the Organization" + suggestion(forOU: path),
            at: account.location(of: ["organizationalUnit"]))
        }
      }
      if account.isManagement { continue }
      if checkOwn, let own = attachedToAccount[account.id] {
        account.policies = merged(inherited, own)
      } else {
        account.policies = inherited
      }
    }
  }

  private mutating func linkTasks(_ tasks: [PrivilegedTask]) {
    var touched: [Account] = []
    for task in tasks {
      guard let position = accountsById[task.account] else { continue }
      let target = accounts[position]
      if target.tasks.isEmpty { touched.append(target) }
      target.tasks.append(task)
    }
    for account in touched where account.tasks.count > 1 && !isSorted(account.tasks) {
      // Stable: records with the same start keep the set's order; records without a start come first.
      account.tasks = account.tasks.enumerated().sorted { a, b in
        let x = a.element.startedAt ?? Timestamp(seconds: .min)
        let y = b.element.startedAt ?? Timestamp(seconds: .min)
        return x != y ? x < y : a.offset < b.offset
      }.map(\.element)
    }
  }

  /// The OU an account names: found by the path's hash, the text compared once per distinct hash.
  private mutating func ou(of account: Account) -> OrganizationalUnit? {
    guard let ou = ouByHash[account.ouHash] else { return nil }
    if verifiedOUHashes.contains(account.ouHash) { return ou }
    guard account.organizationalUnit == ou.path else { return nil }
    verifiedOUHashes.insert(account.ouHash)
    return ou
  }

  /// `sameEmail`: accounts grouped by email, compared case-insensitively. Grouped by the hash taken when decoding;
  /// only accounts whose hashes collide have their emails read and compared.
  private mutating func linkEmails() {
    var first: [UInt64: Int] = [:]
    first.reserveCapacity(accounts.count)
    var candidates: [Int: [Int]] = [:]
    for (i, account) in accounts.enumerated() where account.emailNode != nil {
      if let j = first[account.emailHash] {
        candidates[j, default: [j]].append(i)
      } else {
        first[account.emailHash] = i
      }
    }
    for (_, collided) in candidates.sorted(by: { $0.key < $1.key }) {
      var byEmail: [String: [Int]] = [:]
      for i in collided where !accounts[i].email.isEmpty {
        byEmail[emailKey(accounts[i].email), default: []].append(i)
      }
      for group in byEmail.values where group.count > 1 {
        for i in group { accounts[i].sameEmailPositions = group.filter { $0 != i } }
      }
    }
  }

  // MARK: Organization

  private mutating func linkOrganization(_ org: Organization) {
    if !org.managementAccount.isEmpty { org.management = accountsById[org.managementAccount].map { accounts[$0] } }
    for admin in org.delegatedAdministrators ?? [] where !admin.account.isEmpty {
      admin.target = accountsById[admin.account].map { accounts[$0] }
      // With the account list unknown, an account the set lacks may well exist.
      if admin.target == nil && !org.unknown.contains("accounts") {
        report(
          ModelRules.unknownAccount,
          "delegated administrator account '\(admin.account)' is not described in the set",
          at: admin.origin.location(of: ["account"]))
      }
    }
    for ou in org.organizationalUnits ?? [] { indexOU(ou) }
    for policy in org.policies ?? [] where !policy.name.isEmpty {
      if let first = policyByName[policy.name] {
        let at = first.location(of: ["name"])
        report(
          ModelRules.duplicatePolicy,
          "duplicate policy name '\(policy.name)'; it is first defined at \(at.path):\(at.range.start.line)",
          at: policy.location(of: ["name"]))
      } else {
        policyByName[policy.name] = policy
      }
    }
    for policy in org.policies ?? [] { attach(policy, accountListKnown: !org.unknown.contains("accounts")) }
    for ou in org.organizationalUnits ?? [] { attachNamed(ou) }
    for ou in org.organizationalUnits ?? [] { computeEffective(ou, inherited: rootPolicies) }
  }

  private mutating func indexOU(_ ou: OrganizationalUnit) {
    if let first = ouByPath[ou.path] {
      let at = first.origin.location
      report(
        ModelRules.duplicateOU,
        "duplicate organizational unit '\(ou.path)'; it is first defined at \(at.path):\(at.range.start.line)",
        at: ou.origin.location(of: ["name"]))
    } else {
      ouByPath[ou.path] = ou
      var path = ou.path
      ouByHash[path.withUTF8 { fnv1a($0) }] = ou
    }
    for child in ou.children ?? [] { indexOU(child) }
  }

  /// A policy's `attachedTo`: Root, an account id (12 digits) or an OU path.
  private mutating func attach(_ policy: Policy, accountListKnown: Bool) {
    for (i, target) in (policy.attachedTo ?? []).enumerated() {
      if target == "Root" {
        rootPolicies = merged(rootPolicies, [policy])
      } else if isAccountId(target) {
        if accountsById[target] == nil && accountListKnown {
          report(
            ModelRules.unknownAccount,
            "policy '\(policy.name)' is attached to account '\(target)', which is not "
              + "described in the set", at: policy.location(of: ["attachedTo", String(i)]))
        }
        attachedToAccount[target] = merged(attachedToAccount[target] ?? [], [policy])
      } else if let ou = ouByPath[target] {
        attachedToOU[ObjectIdentifier(ou)] = merged(attachedToOU[ObjectIdentifier(ou)] ?? [], [policy])
      } else {
        report(
          ModelRules.unknownOU,
          "policy '\(policy.name)' is attached to '\(target)', which is not Root, an account id or an OU of the "
            + "Organization" + suggestion(forOU: target), at: policy.location(of: ["attachedTo", String(i)]))
      }
    }
  }

  /// An OU's own `policies:` list, by name.
  private mutating func attachNamed(_ ou: OrganizationalUnit) {
    for (i, name) in (ou.policies ?? []).enumerated() {
      if let policy = policyByName[name] {
        attachedToOU[ObjectIdentifier(ou)] = merged(attachedToOU[ObjectIdentifier(ou)] ?? [], [policy])
      } else {
        let hint = DidYouMean.hint(for: name, among: policyByName.keys.sorted())
        report(
          ModelRules.unknownPolicy,
          "organizational unit '\(ou.path)' names policy '\(name)', which the Organization does not define" + hint,
          at: ou.origin.location(of: ["policies", String(i)]))
      }
    }
    for child in ou.children ?? [] { attachNamed(child) }
  }

  private mutating func computeEffective(_ ou: OrganizationalUnit, inherited: [Policy]) {
    let mine = attachedToOU[ObjectIdentifier(ou)].map { merged(inherited, $0) } ?? inherited
    ou.effectivePolicies = mine
    for child in ou.children ?? [] { computeEffective(child, inherited: mine) }
  }

  // MARK: Helpers

  private mutating func suggestion(forOU path: String) -> String {
    if let s = suggestions[path] { return s }
    let s = DidYouMean.hint(for: path, among: ouByPath.keys.sorted())
    suggestions[path] = s
    return s
  }

  private mutating func report(_ rule: RuleDescriptor, _ message: String, at location: ModelLocation) {
    findings.append(Finding(rule, message, path: location.path, range: location.range))
  }
}

/// True when the tasks are in `startedAt` order already (logs usually are), so that no sort is needed.
private func isSorted(_ tasks: [PrivilegedTask]) -> Bool {
  var previous = Timestamp(seconds: .min)
  for task in tasks {
    let t = task.startedAt ?? Timestamp(seconds: .min)
    if t < previous { return false }
    previous = t
  }
  return true
}

/// Values by account id: 12-digit ids (nearly all) by their numeric value in an open-addressing table with a
/// multiplicative hash (a few instructions, against SipHash's hundreds), other text in a Dictionary.
struct AccountIndex<Value: Sendable>: Sendable {
  /// `numbers[i]` is the key plus one (0: empty slot).
  private var numbers: [UInt64] = []
  private var values: [Value?] = []
  private var used = 0
  private var byText: [String: Value] = [:]

  var isEmpty: Bool { used == 0 && byText.isEmpty }

  mutating func reserveCapacity(_ n: Int) {
    if numbers.count < 2 * n { rehash(capacity: 2 * n) }
  }

  subscript(id: String) -> Value? {
    get {
      guard let n = accountNumber(id) else { return byText[id] }
      guard !numbers.isEmpty else { return nil }
      let i = slot(of: n)
      return numbers[i] == n &+ 1 ? values[i] : nil
    }
    set {
      guard let n = accountNumber(id) else {
        byText[id] = newValue
        return
      }
      if 2 * (used + 1) > numbers.count { rehash(capacity: max(16, 2 * numbers.count)) }
      let i = slot(of: n)
      if numbers[i] == 0 {
        guard let newValue else { return }
        numbers[i] = n &+ 1
        values[i] = newValue
        used += 1
      } else if let newValue {
        values[i] = newValue
      }
      // Removal is not needed by the linker; a nil for a present key keeps the old value.
    }
  }

  /// The slot holding `n`, or the empty slot where it would go (linear probing).
  private func slot(of n: UInt64) -> Int {
    let mask = numbers.count - 1
    var i = Int(truncatingIfNeeded: ((n &+ 1) &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    while numbers[i] != 0 && numbers[i] != n &+ 1 { i = (i + 1) & mask }
    return i
  }

  private mutating func rehash(capacity: Int) {
    var size = 16
    while size < capacity { size <<= 1 }
    let oldNumbers = numbers
    let oldValues = values
    numbers = Array(repeating: 0, count: size)
    values = Array(repeating: nil, count: size)
    for (k, key) in oldNumbers.enumerated() where key != 0 {
      let i = slot(of: key &- 1)
      numbers[i] = key
      values[i] = oldValues[k]
    }
  }
}

/// The value of a 12-digit account id, nil for other text.
@inline(__always)
func accountNumber(_ id: String) -> UInt64? {
  var n: UInt64 = 0
  var count = 0
  for c in id.utf8 {
    guard c >= 0x30, c <= 0x39 else { return nil }
    n = n &* 10 &+ UInt64(c &- 0x30)
    count += 1
  }
  return count == 12 ? n : nil
}

/// `a` followed by the policies of `b` that `a` does not have (lists are short: a few SCPs).
func merged(_ a: [Policy], _ b: [Policy]) -> [Policy] {
  var out = a
  for p in b where !out.contains(where: { $0 === p }) { out.append(p) }
  return out
}

func isAccountId(_ s: String) -> Bool {
  s.utf8.count == 12 && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
}

/// FNV-1a, 64 bits.
@inline(__always)
func fnv1a(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
  var h: UInt64 = 0xcbf2_9ce4_8422_2325
  for c in b { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
  return h
}

/// FNV-1a of an email as `sameEmail` compares it: ASCII letters lower-cased; with any non-ASCII byte, of the
/// Unicode lower-cased text.
func emailHash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
  var h: UInt64 = 0xcbf2_9ce4_8422_2325
  for c in b {
    if c >= 0x80 {
      var lower = String(decoding: b, as: UTF8.self).lowercased()
      return lower.withUTF8 { fnv1a($0) }
    }
    let folded = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
    h = (h ^ UInt64(folded)) &* 0x100_0000_01b3
  }
  return h
}

/// The email as compared for `sameEmail`: itself when it has no upper-case ASCII letter, else lower-cased.
func emailKey(_ email: String) -> String {
  email.utf8.contains { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x80 } ? email.lowercased() : email
}
