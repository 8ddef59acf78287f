@testable import CEL

/// A tiny host schema for tests: Person{name, age, email?, friends: list(Person), best: Person?, born: timestamp?}.
final class Person: CELObject, @unchecked Sendable {
  static let type = CELObjectType(
    name: "Person",
    fields: [
      CELField("name", .string), CELField("age", .int), CELField("friends", .list(.object("Person"))),
      CELField("best", .object("Person")), CELField("born", .timestamp), CELField("tags", .map(.string, .string)),
    ])
  var name: String?
  var age: Int64?
  var friends: [Person]?
  var best: Person?
  var born: CELTimestamp?

  init(name: String? = nil, age: Int64? = nil, friends: [Person]? = nil, best: Person? = nil) {
    self.name = name
    self.age = age
    self.friends = friends
    self.best = best
  }

  var celType: CELObjectType { Person.type }

  func field(at index: Int) -> CELValue? {
    switch index {
    case 0: return name.map(CELValue.string)
    case 1: return age.map(CELValue.int)
    case 2: return friends.map { .list($0.map { CELValue.object($0) }) }
    case 3: return best.map { CELValue.object($0) }
    case 4: return born.map(CELValue.timestamp)
    default: return nil
    }
  }
}

func personEnv() -> CELEnvironment {
  var env = CELEnvironment()
  env.declare(Person.type)
  env.declareVariable("person", .object("Person"))
  env.declareVariable("n", .int)
  env.declareVariable("d", .dyn)
  return env
}

/// Compiles and evaluates with no host values; returns the value or the error text.
func eval(_ text: String, _ vars: [CELValue] = [], env: CELEnvironment = CELEnvironment()) -> String {
  do {
    let program = try env.compile(text)
    let v = program.evaluate(vars)
    if case .error(let e) = v { return "error: \(e.message)" }
    return Format.quoted(v)
  } catch {
    return "compile: \(error)"
  }
}

/// The compile errors of an expression as "line:column: message" lines, or "ok".
func compileErrors(_ text: String, env: CELEnvironment = CELEnvironment()) -> String {
  do {
    _ = try env.compile(text)
    return "ok"
  } catch {
    return error.description
  }
}
