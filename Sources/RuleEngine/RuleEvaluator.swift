import CEL
import Diagnostics
import Dispatch
import OrgModel

/// Evaluates compiled rules over a loaded set: once per item of each rule's scope, with the variables of RULES.md.
/// Items are split between the cores; findings come back in a deterministic order.
///
/// Each rule × item whose `when` is not false is a check. A check whose `when` or `assert` is unknown (it read a
/// fact listed under `unknown:`) is not judged: no finding, a `NotJudged` record instead.
public struct RuleEvaluator: Sendable {
  let set: LoadedSet
  let bridge: ModelBridge
  let now: CELTimestamp
  /// The CEL steps one rule may spend over all its items in a run (the per-item limit is `CELProgram.costLimit`);
  /// a rule that goes over stops there with a RULE010 finding.
  public var runCostLimit = RuleEvaluator.defaultRunCostLimit
  /// 500 steps for each of 20,000 items (a few seconds); built-in rules spend tens of steps per item.
  public static let defaultRunCostLimit = 10_000_000

  public init(set: LoadedSet, now: CELTimestamp) {
    self.set = set
    self.bridge = ModelBridge(set)
    self.now = now
  }

  /// The findings of every rule, for the whole set (the caller filters to the reported files).
  public func evaluate(_ rules: [CompiledRule]) -> [Finding] { run(rules).findings }

  /// The findings of every rule for the whole set (the caller filters them), and the checks and not-judged checks
  /// of the scope items in the files `isReported` accepts (by their file's display path).
  public func run(_ rules: [CompiledRule], isReported: @escaping @Sendable (String) -> Bool = { _ in true }) -> RuleRun
  {
    var planned: [(CompiledRule, Range<Int>, CELCostBudget)] = []
    for rule in rules {
      let n = itemCount(rule.rule.scope)
      let chunk = max(256, n / 8)
      let budget = CELCostBudget(limit: runCostLimit)
      var lo = 0
      while lo < n {
        planned.append((rule, lo..<min(n, lo + chunk), budget))
        lo += chunk
      }
    }
    let jobs = planned
    let results = UnsafeResults(count: jobs.count)
    DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
      results.store(i, evaluate(jobs[i].0, items: jobs[i].1, budget: jobs[i].2, isReported: isReported))
    }
    // The findings gathered into one array of the exact size, each job's part released once merged: merging into a
    // growing array while every part was still held was the run's peak of memory (two or three copies of the
    // findings, ~50 MB at 50,000 accounts).
    var parts = results.takeAll()
    var out = RuleRun()
    out.findings.reserveCapacity(parts.reduce(0) { $0 + $1.findings.count })
    for i in parts.indices {
      out.findings += parts[i].findings
      out.notJudged += parts[i].notJudged
      out.checks += parts[i].checks
      parts[i] = RuleRun()
    }
    out.notJudged.sort(by: NotJudged.reportOrder)
    return out
  }

  private func itemCount(_ scope: RuleScope) -> Int {
    switch scope {
    case .organization: set.organization == nil ? 0 : 1
    case .account: set.accounts.count
    case .task: set.tasks.count
    case .policy: set.policies.count
    }
  }

  private func evaluate(
    _ rule: CompiledRule, items: Range<Int>, budget: CELCostBudget, isReported: @escaping @Sendable (String) -> Bool
  ) -> RuleRun {
    var variables: [CELValue] = [
      bridge.org, bridge.accountsVariable, bridge.tasksVariable, bridge.policiesVariable, .timestamp(now), rule.params,
    ]
    if rule.rule.scope != .organization { variables.append(.null) }
    var out = RuleRun()
    var reported = ReportedFilter(test: isReported)
    // Why a related location is shown: the rule's own `related:` when it is short, said once per rule.
    let relatedText = rule.rule.related.map { $0.text.split(separator: "\n").joined(separator: " ") } ?? ""
    let why = relatedText.count <= 60 && !relatedText.contains("[") ? "related: \(relatedText)" : "related expression"
    let shape = FindingShape(rule, organization: set.organization)
    for i in items {
      if budget.isExhausted {
        if budget.claimOverrunReport() { out.findings.append(costBudgetFinding(rule, budget)) }
        break
      }
      let entity = self.entity(rule.rule.scope, i)
      if rule.rule.scope != .organization { variables[RuleCompiler.scopeSlot] = bridge.value(of: entity.object) }
      if let when = rule.when {
        let value = when.evaluate(variables, charging: budget)
        if budget.isExhausted { continue }  // this item's cost error is the overrun, reported once above
        switch value {
        case .bool(true): break
        case .bool(false): continue
        case .unknown(let u):
          notJudged(rule, entity, u, &reported, &out)
          continue
        case let other:
          if reported(entity.document) { out.checks += 1 }
          out.findings.append(evaluationError(rule, "when", other, entity))
          continue
        }
      }
      let value = rule.assert.evaluate(variables, charging: budget)
      if budget.isExhausted { continue }
      switch value {
      case .bool(true):
        if reported(entity.document) { out.checks += 1 }
      case .bool(false):
        if reported(entity.document) { out.checks += 1 }
        let (rendered, renderNotes) = finding(rule, shape, entity, variables)
        var f = rendered
        out.findings += renderNotes
        if let related = rule.related {
          f.related = relatedLocations(related.evaluate(variables), why: why)
        }
        out.findings.append(f)
      case .unknown(let u):
        notJudged(rule, entity, u, &reported, &out)
      case let other:
        if reported(entity.document) { out.checks += 1 }
        out.findings.append(evaluationError(rule, "assert", other, entity))
      }
    }
    return out
  }

  /// Records a check that an unknown kept from being judged (only for items of the reported files).
  private func notJudged(
    _ rule: CompiledRule, _ entity: Entity, _ unknown: CELUnknown, _ reported: inout ReportedFilter,
    _ out: inout RuleRun
  ) {
    guard reported(entity.document) else { return }
    out.checks += 1
    let location = entity.locate([])
    out.notJudged.append(
      NotJudged(
        ruleId: rule.rule.id, ruleName: rule.rule.name, entity: entity.logicalPath, path: location.path,
        range: location.range, causes: unknown.causes))
  }

  /// `isReported` of an item's file, asked once per run of items from the same document (a large set's inline
  /// accounts share one), not once per check.
  struct ReportedFilter {
    let test: (String) -> Bool
    var last: ObjectIdentifier?
    var answer = true

    init(test: @escaping (String) -> Bool) { self.test = test }

    mutating func callAsFunction(_ document: ModelDocument) -> Bool {
      let id = ObjectIdentifier(document)
      if id != last {
        last = id
        answer = test(document.path)
      }
      return answer
    }
  }

  /// A scope item: the model entity, its logical path and its location lookup. The path is built only when a finding
  /// or a not-judged record needs it (a task's path formats its timestamp: too dear for every check).
  struct Entity {
    let object: AnyObject
    private let path: () -> String
    var logicalPath: String { path() }
    /// The item's YAML document (its file decides whether its checks are counted).
    let document: ModelDocument
    let locate: ([String]) -> ModelLocation

    init(
      object: AnyObject, logicalPath: @escaping () -> String, document: ModelDocument,
      locate: @escaping ([String]) -> ModelLocation
    ) {
      self.object = object
      self.path = logicalPath
      self.document = document
      self.locate = locate
    }
  }

  private func entity(_ scope: RuleScope, _ i: Int) -> Entity {
    switch scope {
    case .organization:
      let o = set.organization!
      return Entity(object: o, logicalPath: { o.logicalPath }, document: o.origin.document, locate: o.location(of:))
    case .account:
      let a = set.accounts[i]
      return Entity(object: a, logicalPath: { a.logicalPath }, document: a.origin.document, locate: a.location(of:))
    case .task:
      let t = set.tasks[i]
      return Entity(object: t, logicalPath: { t.logicalPath }, document: t.origin.document, locate: t.location(of:))
    case .policy:
      let p = set.policies[i]
      return Entity(object: p, logicalPath: { p.logicalPath }, document: p.origin.document, locate: p.location(of:))
    }
  }

  /// What a rule's findings share, worked out once per run of items rather than once per finding: the rule's
  /// `location` property as a fingerprint suffix (`/root.password`) and as a logical path suffix (`/root/password`),
  /// and the organization's logical path that prefixes the logical location of every item but the organization.
  struct FindingShape {
    let organization: Organization?
    let organizationPrefix: String
    let fingerprintSuffix: String
    let logicalSuffix: String

    init(_ rule: CompiledRule, organization: Organization?) {
      self.organization = organization
      organizationPrefix = organization.map { $0.logicalPath + "/" } ?? ""
      let location = rule.rule.location
      fingerprintSuffix = location.isEmpty ? "" : "/" + location.joined(separator: ".")
      logicalSuffix = location.isEmpty ? "" : "/" + location.joined(separator: "/")
    }
  }

  /// The rule's finding for `entity`, and a RULE009 note for each `{{ }}` part of its message that failed: the part
  /// reads `[value unavailable]` in the message, never CEL's internals.
  private func finding(
    _ rule: CompiledRule, _ shape: FindingShape, _ entity: Entity, _ variables: [CELValue]
  ) -> (Finding, [Finding]) {
    var text = ""
    var notes: [Finding] = []
    var placeholder = 0
    for part in rule.message {
      switch part {
      case .text(let t): text += t
      case .program(let p):
        placeholder += 1
        let value = p.evaluate(variables)
        if case .error(let e) = value {
          text += Self.unavailable
          let at = entity.locate([])
          var note = Finding(
            RuleFileRules.evaluationError,
            "rule \(rule.rule.id) (\(rule.rule.name)) could not render {{ }} number \(placeholder) of its message for "
              + "\(entity.logicalPath): \(e.message); the finding shows \(Self.unavailable) there",
            path: at.path, range: at.range)
          note.severity = .note
          notes.append(note)
        } else {
          text += Self.display(value)
        }
      }
    }
    let location = entity.locate(rule.rule.location)
    let logicalPath = entity.logicalPath
    let orgPrefix = shape.organization.map { entity.object === $0 ? "" : shape.organizationPrefix } ?? ""
    let finding = Finding(
      ruleId: rule.rule.id, ruleName: rule.rule.name, severity: rule.severity,
      message: text.trimmingTrailingSpaces, path: location.path, range: location.range,
      fingerprint: rule.rule.id + ":" + logicalPath + shape.fingerprintSuffix,
      logicalLocation: orgPrefix + logicalPath + shape.logicalSuffix)
    return (finding, notes)
  }

  /// The locations of the entities a `related` expression names (others are ignored), each saying why it is shown:
  /// `account/888888888888, named by this rule's related: account.sameEmail`.
  private func relatedLocations(_ value: CELValue, why: String) -> [RelatedLocation] {
    var out: [RelatedLocation] = []
    func visit(_ v: CELValue) {
      switch v {
      case .list(let items): items.forEach(visit)
      case .object(let o):
        guard let e = bridge.entity(of: o) else { return }
        let (path, location): (String, ModelLocation)
        switch e {
        case let a as Account: (path, location) = (a.logicalPath, a.location())
        case let t as PrivilegedTask: (path, location) = (t.logicalPath, t.location())
        case let p as Policy: (path, location) = (p.logicalPath, p.location())
        case let o as Organization: (path, location) = (o.logicalPath, o.location())
        case let u as OrganizationalUnit: (path, location) = (u.logicalPath, u.origin.location)
        default: return
        }
        out.append(
          RelatedLocation(
            path: location.path, range: location.range, message: "\(path), named by this rule's \(why)"))
      default: break
      }
    }
    visit(value)
    return out
  }

  /// RULE010: the rule spent its budget for the run; items after that point were not evaluated.
  private func costBudgetFinding(_ rule: CompiledRule, _ budget: CELCostBudget) -> Finding {
    Finding(
      RuleFileRules.costBudgetExceeded,
      "rule \(rule.rule.id) (\(rule.rule.name)\(rule.rule.isBuiltin ? "" : ", \(rule.rule.path)")) spent its evaluation "
        + "budget for the whole run (\(budget.limit) steps) and was stopped: its results are incomplete; make it "
        + "cheaper (look an account up with a map or a `when` filter instead of scanning every account for every item)",
      path: nil, range: nil)
  }

  private func evaluationError(_ rule: CompiledRule, _ field: String, _ value: CELValue, _ entity: Entity) -> Finding {
    let reason: String
    if case .error(let e) = value { reason = e.message } else { reason = "it gave \(Self.display(value)), not a boolean" }
    let location = entity.locate([])
    return Finding(
      RuleFileRules.evaluationError,
      "rule \(rule.rule.id) (\(rule.rule.name)) could not evaluate '\(field)' for \(entity.logicalPath): \(reason)",
      path: location.path, range: location.range)
  }

  /// What a message part that failed to evaluate reads as.
  static let unavailable = "[value unavailable]"

  /// How a value reads inside a message: strings as they are, lists joined with ", ", the rest in CEL's notation.
  static func display(_ v: CELValue) -> String {
    switch v {
    case .null: "null"
    case .bool(let b): "\(b)"
    case .int(let i): "\(i)"
    case .uint(let u): "\(u)"
    case .double(let d): d.isFinite ? "\(d)" : CELValue.text(ofDouble: d)
    case .string(let s): s
    case .bytes(let b): String(decoding: b, as: UTF8.self)
    case .timestamp(let t): "\(t)"
    case .duration(let d): "\(d)"
    case .list(let l): l.map(display).joined(separator: ", ")
    case .map(let m): "{" + m.keys.map { "\(display(m[$0]!))" }.joined(separator: ", ") + "}"
    case .object(let o): o.celType.name
    case .type(let t): "\(t)"
    case .error(let e): "<error: \(e.message)>"
    case .unknown: "[unknown]"
    }
  }
}

/// Results written by concurrent jobs, each into its own slot.
final class UnsafeResults: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<RuleRun>
  init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: RuleRun())
  }
  deinit {
    slots.deinitialize()
    slots.deallocate()
  }
  /// Each job writes only its own slot, so no two threads touch the same memory.
  func store(_ i: Int, _ value: RuleRun) { slots[i] = value }
  /// Every slot's results, in order, leaving the slots empty (so that the caller holds the only copy).
  func takeAll() -> [RuleRun] {
    defer { slots.update(repeating: RuleRun()) }
    return Array(slots)
  }
}

extension String {
  var trimmingTrailingSpaces: String {
    guard let last = utf8.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\n") else { return self }
    var s = Substring(self)
    while let l = s.last, l == " " || l == "\n" { s.removeLast() }
    return String(s)
  }
}
