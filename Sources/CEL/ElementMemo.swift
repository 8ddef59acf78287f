import Foundation

/// Remembers the result of a comprehension's body per host object, for bodies that read nothing but their element
/// (and constants) and are dear to evaluate (a nested comprehension, a regular expression). SCP001's
/// `account.policies.exists(p, p.statements.exists(s, ...))` judges the same few policies for every one of 50,000
/// accounts: with the memo each policy is judged once per run.
///
/// Sound because such a body is a pure function of its element, and host objects' fields do not change while a
/// program lives (the `CELObject` contract); each entry keeps its object alive, so an identifier is never reused.
/// Only boolean results are kept, with the cost they took, which a hit charges again: the evaluation costs and cost
/// errors are the same as without the memo.
final class ElementMemo: @unchecked Sendable {
  /// Entries kept at most: beyond that, bodies are evaluated as usual (objects made per item would never hit).
  static let capacity = 4096

  private let lock = NSLock()
  private var entries: [ObjectIdentifier: (object: any CELObject, value: CELValue, cost: Int)] = [:]

  /// True when `body` reads no slot but `slot` and holds a nested comprehension or a `matches`.
  static func worthIt(_ body: Node, slot: Int) -> Bool {
    var free = Set<Int>()
    var dear = false
    visit(body, bound: [], &free, &dear)
    return dear && free.isSubset(of: [slot])
  }

  private static func visit(_ node: Node, bound: Set<Int>, _ free: inout Set<Int>, _ dear: inout Bool) {
    switch node {
    case .constant: break
    case .slot(let k): if !bound.contains(k) { free.insert(k) }
    case .field(let o, _, _, _, _), .select(let o, _, _): visit(o, bound: bound, &free, &dear)
    case .call(let fn, let args):
      if fn.name == "matches" { dear = true }
      for a in args { visit(a, bound: bound, &free, &dear) }
    case .and(let a, let b), .or(let a, let b):
      visit(a, bound: bound, &free, &dear)
      visit(b, bound: bound, &free, &dear)
    case .conditional(let a, let b, let c):
      for n in [a, b, c] { visit(n, bound: bound, &free, &dear) }
    case .list(let items): for n in items { visit(n, bound: bound, &free, &dear) }
    case .map(let entries, _):
      for (k, v) in entries {
        visit(k, bound: bound, &free, &dear)
        visit(v, bound: bound, &free, &dear)
      }
    case .comprehension(_, let range, let slot, let body, let filter):
      dear = true
      visit(range, bound: bound, &free, &dear)
      let inner = bound.union([slot])
      visit(body, bound: inner, &free, &dear)
      if let filter { visit(filter, bound: inner, &free, &dear) }
    }
  }

  /// `body`, remembered per object element in `slot` (other elements are evaluated every time).
  static func wrap(_ body: @escaping CELProgram.Code, slot: Int) -> CELProgram.Code {
    let memo = ElementMemo()
    return { f in
      guard case .object(let object) = f.slots[slot] else { return body(&f) }
      let key = ObjectIdentifier(object)
      memo.lock.lock()
      let hit = memo.entries[key]
      memo.lock.unlock()
      if let hit { return f.charge(hit.cost) ? hit.value : f.costError }
      let before = f.cost
      let value = body(&f)
      guard case .bool = value, f.cost <= f.costLimit else { return value }
      memo.lock.lock()
      if memo.entries.count < capacity { memo.entries[key] = (object, value, f.cost - before) }
      memo.lock.unlock()
      return value
    }
  }
}
