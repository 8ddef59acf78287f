import CEL
import Diagnostics

/// A rule whose expressions are parsed, type-checked against the model and compiled: ready to evaluate.
public struct CompiledRule: Sendable {
  public let rule: Rule
  let when: CELProgram?
  let assert: CELProgram
  let related: CELProgram?
  /// The message's parts: literal text, or a program whose value is spliced in.
  let message: [MessagePart]
  let paramsType: CELObjectType
  /// The parameter values after config overrides, in `rule.params` order.
  package var paramValues: [ParamValue]
  /// The severity in force (the rule's, or the config's override).
  public var severity: Severity

  enum MessagePart: Sendable {
    case text(String)
    case program(CELProgram)
  }

  public var descriptor: RuleDescriptor {
    var d = rule.descriptor
    d.severity = severity
    return d
  }

  /// The `params` variable's value.
  var params: CELValue {
    let record = CELRecord(paramsType)
    record.values = paramValues.map { Self.celValue($0) }
    return .object(record)
  }

  static func celValue(_ p: ParamValue) -> CELValue {
    switch p {
    case .bool(let b): .bool(b)
    case .int(let i): .int(i)
    case .double(let d): .double(d)
    case .string(let s): .string(s)
    case .duration(let ns): .duration(CELDuration(nanoseconds: ns))
    case .timestamp(let t): CELTimestamp.parse(t).map { .timestamp($0) } ?? .null
    case .stringList(let l): .list(l.map { .string($0) })
    }
  }

  static func celType(_ kind: RuleParam.Kind) -> CELType {
    switch kind {
    case .bool: .bool
    case .int: .int
    case .double: .double
    case .string: .string
    case .duration: .duration
    case .timestamp: .timestamp
    case .stringList: .list(.string)
    }
  }
}
