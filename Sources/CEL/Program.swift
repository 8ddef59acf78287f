import Foundation
import Synchronization

/// A compiled expression, ready to evaluate many times (thread-safe: each evaluation has its own frame, on
/// the stack).
public struct CELProgram: Sendable {
  typealias Code = @Sendable (inout Frame) -> CELValue
  let root: Code
  let slotCount: Int
  let variableCount: Int
  /// The static type of the expression's result (`dyn` when only known at run time).
  public let resultType: CELType
  /// The most comprehension iterations (plus list elements built) one evaluation may spend.
  public var costLimit = 1_000_000

  init(root: @escaping Code, slotCount: Int, variableCount: Int, resultType: CELType) {
    self.root = root
    self.slotCount = slotCount
    self.variableCount = variableCount
    self.resultType = resultType
  }

  /// Evaluates with the variables' values in slot order (as `CELEnvironment.declareVariable` numbered them).
  /// The result is `.error` when evaluation fails (division by zero, no such key, overflow, cost limit, ...).
  /// Missing trailing variables read as null.
  public func evaluate(_ variables: [CELValue]) -> CELValue {
    Frame.run(root, variables: variables, slotCount: slotCount, costLimit: costLimit).value
  }

  /// Evaluates and separates the error case.
  public func result(_ variables: [CELValue]) -> Result<CELValue, CELError> {
    let v = evaluate(variables)
    if case .error(let e) = v { return .failure(e) }
    return .success(v)
  }
}

/// A cost budget shared by many evaluations — every item one rule is evaluated for in a run — so that a rule whose
/// per-item cost is allowed but whose total is not (`accounts.exists(...)` for each of 20,000 accounts: 400 million
/// steps) stops instead of running for minutes. Safe to share between threads: atomics, not a lock, because every
/// check of every item asks it (a lock there was ~4 million lock pairs on 50,000 accounts).
public final class CELCostBudget: Sendable {
  /// The steps every evaluation together may spend.
  public let limit: Int
  private let spent = Atomic<Int>(0)
  private let reported = Atomic<Bool>(false)

  public init(limit: Int) {
    self.limit = limit
  }

  /// The steps left.
  public var remaining: Int { max(0, limit - spent.load(ordering: .relaxed)) }

  /// True once evaluations together went over the limit.
  public var isExhausted: Bool { spent.load(ordering: .relaxed) > limit }

  /// True the first time it is called on an exhausted budget: whoever gets it reports the overrun, once.
  public func claimOverrunReport() -> Bool {
    guard isExhausted else { return false }
    return reported.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged
  }

  func spend(_ steps: Int) {
    spent.wrappingAdd(steps, ordering: .relaxed)
  }
}

extension CELProgram {
  /// Evaluates as `evaluate(_:)` does, charging the steps to `budget` as well: an evaluation may spend no more than
  /// the budget has left (then it ends with the cost error).
  public func evaluate(_ variables: [CELValue], charging budget: CELCostBudget) -> CELValue {
    let (value, cost) = Frame.run(
      root, variables: variables, slotCount: slotCount, costLimit: min(costLimit, budget.remaining))
    budget.spend(cost)
    return value
  }
}
