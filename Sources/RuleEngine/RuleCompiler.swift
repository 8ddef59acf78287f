import CEL
import Diagnostics

/// Type-checks and compiles rules against the model's CEL view (Docs/model.md). Every problem is a finding located
/// in the rule file, with the checker's did-you-mean.
public enum RuleCompiler {
  /// The variables every rule sees, in slot order; the scope's own variable comes last.
  static let commonVariables: [(String, CELType)] = [
    ("org", .object("Organization")), ("accounts", .list(.object("Account"))),
    ("tasks", .list(.object("PrivilegedTask"))), ("policies", .list(.object("Policy"))), ("now", .timestamp),
  ]
  static let paramsSlot = 5
  static let scopeSlot = 6

  /// The CEL type of a scope's variable.
  static func type(of scope: RuleScope) -> CELType {
    switch scope {
    case .organization: .object("Organization")
    case .account: .object("Account")
    case .task: .object("PrivilegedTask")
    case .policy: .object("Policy")
    }
  }

  /// What every rule's environment starts from: the model's types, the common variables and `params`, built once.
  static let commonEnvironment: CELEnvironment = {
    var env = CELEnvironment()
    for t in CELModelSchema.allTypes { env.declare(t) }
    for (name, type) in commonVariables { env.declareVariable(name, type) }
    env.declareVariable("params", .object("params"))
    return env
  }()

  /// The environment a rule's expressions are checked in.
  static func environment(for rule: Rule, paramsType: CELObjectType) -> CELEnvironment {
    var env = commonEnvironment
    env.declare(paramsType)
    if rule.scope != .organization { env.declareVariable(rule.scope.variable, type(of: rule.scope)) }
    return env
  }

  /// Compiles one rule, or returns why it cannot be.
  public static func compile(_ rule: Rule) -> (CompiledRule?, [Finding]) {
    let paramsType = CELObjectType(
      name: "params", fields: rule.params.map { CELField($0.name, CompiledRule.celType($0.kind)) })
    let env = environment(for: rule, paramsType: paramsType)
    var findings: [Finding] = []
    func program(_ e: RuleExpression, what: String, boolean: Bool) -> CELProgram? {
      do {
        let p = try env.compile(e.text)
        if boolean, p.resultType != .bool, p.resultType != .dyn {
          let at = e.fileLocation(line: 1, column: 1)
          findings.append(
            Finding(
              RuleFileRules.expressionError, "\(what) must be a boolean expression, but its type is \(p.resultType)",
              path: e.path, range: SourceRange(at: at)))
          return nil
        }
        return p
      } catch {
        for err in error.errors {
          let at = e.fileLocation(line: max(1, err.line), column: max(1, err.column))
          findings.append(
            Finding(RuleFileRules.expressionError, "in \(what): \(err.message)", path: e.path, range: SourceRange(at: at)))
        }
        return nil
      }
    }
    let when = rule.when.flatMap { program($0, what: "'when'", boolean: true) }
    let assert = program(rule.assert, what: "'assert'", boolean: true)
    let related = rule.related.flatMap { program($0, what: "'related'", boolean: false) }
    var message: [CompiledRule.MessagePart] = []
    for part in rule.message.parts {
      switch part {
      case .text(let t): message.append(.text(t))
      case .expression(let e): if let p = program(e, what: "the message", boolean: false) { message.append(.program(p)) }
      }
    }
    if let problem = checkLocation(rule, env: env) { findings.append(problem) }
    guard findings.isEmpty, let assert, rule.when == nil || when != nil else { return (nil, findings) }
    return (
      CompiledRule(
        rule: rule, when: when, assert: assert, related: related, message: message, paramsType: paramsType,
        paramValues: rule.params.map(\.defaultValue), severity: rule.descriptor.severity),
      []
    )
  }

  /// A finding when the rule's `location` is not a path of the model below the scope's variable.
  static func checkLocation(_ rule: Rule, env: CELEnvironment) -> Finding? {
    var current = type(of: rule.scope)
    for (i, part) in rule.location.enumerated() {
      if case .list(let element) = current, Int(part) != nil {
        current = element
        continue
      }
      guard case .object(let name) = current, let t = env.objectTypes[name] else {
        return locationFinding(rule, "'\(rule.location[..<i].joined(separator: "."))' has no fields")
      }
      guard let index = t.index(of: part) else {
        let hint = DidYouMean.hint(for: part, among: t.fields.map(\.name))
        return locationFinding(rule, "\(name) has no field '\(part)'\(hint)")
      }
      current = t.fields[index].type
    }
    return nil
  }

  private static func locationFinding(_ rule: Rule, _ message: String) -> Finding {
    Finding(
      RuleFileRules.badLocation, "location \(rule.scope.variable).\(rule.location.joined(separator: ".")): \(message)",
      path: rule.path, range: rule.locationAt)
  }
}
