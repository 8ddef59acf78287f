/// The declarations expressions are checked against: host object types and variables (each bound to a slot,
/// in declaration order). Declare once, compile many expressions, evaluate each with the variables' values.
///
/// ```swift
/// var env = CELEnvironment()
/// env.declare(CELObjectType(
///   name: "Person", fields: [CELField("name", .string), CELField("friends", .list(.object("Person")))]))
/// let person = env.declareVariable("person", .object("Person"))   // slot 0
/// let program = try env.compile("person.friends.exists(f, f.name == 'Ann')")
/// let result = program.evaluate([.object(somePerson)])
/// ```
public struct CELEnvironment: Sendable {
  public private(set) var objectTypes: [String: CELObjectType] = [:]
  public private(set) var variables: [(name: String, type: CELType)] = []
  var variableSlots: [String: Int] = [:]

  public init() {}

  /// Declares a host object type (types may name each other before all are declared).
  public mutating func declare(_ type: CELObjectType) {
    objectTypes[type.name] = type
  }

  /// Declares a variable and returns its slot: the index of its value in the array passed to `evaluate`.
  /// Re-declaring a name changes its type and keeps its slot.
  @discardableResult
  public mutating func declareVariable(_ name: String, _ type: CELType) -> Int {
    if let slot = variableSlots[name] {
      variables[slot].type = type
      return slot
    }
    variables.append((name, type))
    variableSlots[name] = variables.count - 1
    return variables.count - 1
  }

  /// Object type names that some declaration refers to but nobody declared (a schema mistake of the host).
  public func undeclaredObjectTypes() -> [String] {
    var missing = Set<String>()
    func visit(_ t: CELType) {
      switch t {
      case .object(let n) where objectTypes[n] == nil: missing.insert(n)
      case .list(let e): visit(e)
      case .map(let k, let v):
        visit(k)
        visit(v)
      default: break
      }
    }
    for v in variables { visit(v.type) }
    for o in objectTypes.values { for f in o.fields { visit(f.type) } }
    return missing.sorted()
  }

  /// Parses and type-checks an expression and compiles it for evaluation. Throws every error found, located
  /// within the expression text.
  public func compile(_ text: String) throws(CELCompileErrors) -> CELProgram {
    try compile(text, checked: true)
  }

  /// `checked: false` leaves calls with mismatched types to fail at run time (conformance `disable_check`).
  func compile(_ text: String, checked: Bool) throws(CELCompileErrors) -> CELProgram {
    // Only a failed compile needs the scalars (to turn offsets into lines and columns).
    func located(_ errors: [CELCompileError]) -> CELCompileErrors {
      let scalars = Array(text.unicodeScalars)
      return CELCompileErrors(errors: errors.map { e in
        var e = e
        e.locate(in: scalars)
        return e
      })
    }
    let ast: Expr
    do {
      ast = try Parser.parse(text)
    } catch {
      throw located([error])
    }
    var checker = Checker(env: self)
    checker.checkOverloads = checked
    let (node, type) = checker.check(ast)
    if !checker.errors.isEmpty { throw located(checker.errors) }
    return CELProgram(
      root: Compiler.compile(node), slotCount: checker.maxSlot, variableCount: variables.count,
      resultType: type)
  }
}

/// All errors of one expression, in source order.
public struct CELCompileErrors: Error, Sendable, CustomStringConvertible {
  public var errors: [CELCompileError]
  public var description: String { errors.map(\.description).joined(separator: "\n") }
}
