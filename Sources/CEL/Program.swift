/// A compiled expression, ready to evaluate many times (thread-safe: each evaluation has its own frame).
public struct CELProgram: Sendable {
  typealias Code = @Sendable (Frame) -> CELValue
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
    let frame = Frame(variables: variables, slotCount: slotCount, costLimit: costLimit)
    return root(frame)
  }

  /// Evaluates and separates the error case.
  public func result(_ variables: [CELValue]) -> Result<CELValue, CELError> {
    let v = evaluate(variables)
    if case .error(let e) = v { return .failure(e) }
    return .success(v)
  }
}
