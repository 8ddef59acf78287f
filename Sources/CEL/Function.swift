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

/// The error for a call whose run-time arguments fit no overload; but when an argument is unknown or an error, that
/// is the result (see `passOn`). Functions reach this for any argument they do not handle, unknowns included.
func noSuchOverload(_ name: String, _ args: [CELValue]) -> CELValue {
  if let v = passOn(args) { return v }
  let shown = args.map { $0.celType.runtimeName }.joined(separator: ", ")
  return .error(CELError("no such overload: \(name)(\(shown))"))
}

/// What a call returns instead of computing when some arguments are unknown or errors: the unknowns merged (an
/// unknown beats an error, as in `&&`/`||`), else the first error; nil when every argument is an ordinary value.
func passOn(_ args: [CELValue]) -> CELValue? {
  var unknown: CELUnknown?
  var error: CELValue?
  for a in args {
    switch a {
    case .unknown(let u):
      if unknown == nil { unknown = u } else { unknown!.merge(u) }
    case .error: if error == nil { error = a }
    default: continue
    }
  }
  if let unknown { return .unknown(unknown) }
  return error
}

/// The unknown elements of a list merged, nil when there are none (for `in` on a list that matched nothing).
func unknownElements(_ items: [CELValue]) -> CELValue? {
  var unknown: CELUnknown?
  for case .unknown(let u) in items {
    if unknown == nil { unknown = u } else { unknown!.merge(u) }
  }
  return unknown.map { .unknown($0) }
}
