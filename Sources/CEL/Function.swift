/// A standard function's run-time implementation, by arity (the compiler picks the one matching the call).
/// Receiver calls pass the receiver as the first argument.
struct Function: Sendable {
  typealias F1 = @Sendable (CELValue) -> CELValue
  typealias F2 = @Sendable (CELValue, CELValue) -> CELValue
  typealias FN = @Sendable ([CELValue]) -> CELValue
  let name: String
  var one: F1?
  var two: F2?
  var many: FN?
  /// The argument counts `many` accepts (receiver included).
  var arity: ClosedRange<Int>

  init(_ name: String, one: F1? = nil, two: F2? = nil, many: FN? = nil, arity: ClosedRange<Int> = 0...0) {
    self.name = name
    self.one = one
    self.two = two
    self.many = many
    self.arity = arity
  }
}

/// The error for a call whose run-time arguments fit no overload.
func noSuchOverload(_ name: String, _ args: [CELValue]) -> CELValue {
  for a in args where a.isError { return a }
  let shown = args.map { $0.celType.runtimeName }.joined(separator: ", ")
  return .error(CELError("no such overload: \(name)(\(shown))"))
}
