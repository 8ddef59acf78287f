import Diagnostics

/// A declared organization (an LZA folder or an org-formation template) and observed documents (orglint/v1, as
/// `orglint import aws` writes them) in one set: one model keyed by account id (by root email where the declared
/// side has no id). The observed account is kept, with the facts an audit has; where the two disagree, or an
/// account is on one side only, a DRIFT finding says so. The observed Organization, when there is one, is the set's.
/// Docs/dialects.md, "Declared and observed".
struct DeclaredObserved {
  let declared: [Account]
  let observed: [Account]
  let observedOrg: Organization?
  private(set) var findings: [Finding] = []

  init(declared: [Account], observed: [Account], observedOrg: Organization?) {
    self.declared = declared
    self.observed = observed
    self.observedOrg = observedOrg
  }

  /// The accounts of the combined set: every observed account, and the declared accounts nothing observed matches.
  mutating func combine() -> [Account] {
    var byId: [String: Account] = [:]
    var byEmail: [String: Account] = [:]
    for account in observed {
      if !account.id.isEmpty, byId[account.id] == nil { byId[account.id] = account }
      let email = lowercasedASCII(account.email)
      if !email.isEmpty, byEmail[email] == nil { byEmail[email] = account }
    }
    var matched = Set<ObjectIdentifier>()
    var out = observed
    let accountListKnown = !(observedOrg?.unknown.contains("accounts") ?? false)
    for account in declared {
      let match =
        account.id.isEmpty ? byEmail[lowercasedASCII(account.email)].flatMap { $0.id.isEmpty ? nil : $0 } : byId[account.id]
      guard let match else {
        out.append(account)
        // Without an id and a known email nothing could match it: not a finding, the account stays as declared.
        let matchable = !account.id.isEmpty || !account.email.isEmpty
        if accountListKnown && matchable {
          report(
            ModelRules.declaredNotObserved,
            "account \(label(account)) is declared here but not in the observed documents"
              + (observedOrg.map { " (the organization at \($0.origin.location))" } ?? ""),
            at: account.location(of: ["id"]))
        }
        continue
      }
      matched.insert(ObjectIdentifier(match))
      let want = account.organizationalUnit ?? "Root"
      let have = match.organizationalUnit ?? "Root"
      if !account.unknown.contains("organizationalUnit"), !match.unknown.contains("organizationalUnit"), want != have {
        report(
          ModelRules.ouDrift,
          "account \(label(account)) is declared in OU '\(want)' but observed in '\(have)' "
            + "(\(match.location(of: ["organizationalUnit"])))", at: account.location(of: ["organizationalUnit"]))
      }
    }
    for account in observed where !matched.contains(ObjectIdentifier(account)) {
      report(
        ModelRules.observedNotDeclared,
        "account \(label(account)) is observed but not declared in the organization's configuration",
        at: account.location(of: ["id"]))
    }
    return out
  }

  private func label(_ a: Account) -> String {
    let name = a.name.isEmpty ? a.email : a.name
    return a.id.isEmpty ? name : "\(name) (\(a.id))"
  }

  private mutating func report(_ rule: RuleDescriptor, _ message: String, at location: ModelLocation) {
    findings.append(Finding(rule, message, path: location.path, range: location.range))
  }
}

/// ASCII letters lower-cased (emails compare case-insensitively, as the linker's `emailHash` does).
func lowercasedASCII(_ s: String) -> String {
  String(decoding: s.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
}
