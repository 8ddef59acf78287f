import Diagnostics

/// What one evaluation of a rule is about.
public enum RuleScope: String, CaseIterable, Sendable {
  case organization
  case account
  case task
  case policy

  /// The CEL variable that holds the item (`org` for the organization).
  public var variable: String { self == .organization ? "org" : rawValue }
}

/// Which suppressions may silence a rule's findings.
public enum Suppressibility: String, Sendable {
  /// Inline comments and the config file's central list.
  case `true`
  /// None: the finding always counts.
  case `false`
  /// Only the config file's central list (owned by the security team).
  case central
}

/// A CEL expression as written in a rule file, with the file positions of its lines for located errors.
public struct RuleExpression: Sendable {
  public var text: String
  public var path: String
  /// The file line and column of the first character of each line of `text`.
  public var lineStarts: [SourceLocation]

  public init(text: String, path: String, lineStarts: [SourceLocation]) {
    self.text = text
    self.path = path
    self.lineStarts = lineStarts
  }

  /// The file location of a 1-based line and column inside the expression.
  public func fileLocation(line: Int, column: Int) -> SourceLocation {
    guard !lineStarts.isEmpty else { return SourceLocation(line: 1, column: 1, offset: 0) }
    let start = lineStarts[max(0, min(line - 1, lineStarts.count - 1))]
    return SourceLocation(line: start.line, column: start.column + max(0, column - 1), offset: start.offset)
  }
}

/// One parameter of a rule: its name, CEL type and default (overridable from the config file).
public struct RuleParam: Sendable {
  public enum Kind: String, Sendable {
    case bool, int, double, string, duration, timestamp, stringList = "list(string)"
  }
  public var name: String
  public var kind: Kind
  public var defaultValue: ParamValue
  public var description: String
}

/// A parameter value, typed.
public enum ParamValue: Sendable, Hashable, CustomStringConvertible {
  case bool(Bool)
  case int(Int64)
  case double(Double)
  case string(String)
  /// Nanoseconds.
  case duration(Int64)
  /// Seconds and nanoseconds since the epoch, with the text as written.
  case timestamp(String)
  case stringList([String])

  public var description: String {
    switch self {
    case .bool(let b): "\(b)"
    case .int(let i): "\(i)"
    case .double(let d): "\(d)"
    case .string(let s): "'\(s)'"
    case .duration(let ns): GoDuration.shortText(ns)
    case .timestamp(let t): t
    case .stringList(let l): "[" + l.map { "'\($0)'" }.joined(separator: ", ") + "]"
    }
  }
}

/// A `message` with `{{ CEL }}` parts.
public struct MessageTemplate: Sendable {
  public enum Part: Sendable {
    case text(String)
    case expression(RuleExpression)
  }
  public var parts: [Part]
  public var text: String
}

/// One example of a rule: a config, and the findings of this rule it must produce (none for `pass`).
public struct RuleExample: Sendable {
  /// Where a finding is expected: a `line:column` inside `config`, or a model path such as `account/333333333333/root`.
  public enum Position: Sendable, Hashable, CustomStringConvertible {
    case lineColumn(Int, Int)
    case modelPath(String)
    public var description: String {
      switch self {
      case .lineColumn(let l, let c): "\(l):\(c)"
      case .modelPath(let p): p
      }
    }
  }
  public struct Expectation: Sendable, Hashable {
    public var at: Position
    public var message: String
  }
  public var name: String
  public var now: String?
  public var config: String
  /// Empty means the example must pass.
  public var expect: [Expectation]
  /// Where the example starts in the rule file, for reporting failures.
  public var location: SourceLocation
}

/// A rule as its YAML file declares it: documentation, scope, expressions, parameters, location and examples.
public struct Rule: Sendable {
  public var descriptor: RuleDescriptor
  public var scope: RuleScope
  public var when: RuleExpression?
  public var assert: RuleExpression
  /// Entities that explain a finding (the task that opened recovery, the SCP without an exemption): evaluated only
  /// when `assert` fails, giving an entity or a list of entities; they become the finding's related locations.
  public var related: RuleExpression?
  public var params: [RuleParam]
  public var message: MessageTemplate
  /// The model path the finding points at, after the scope variable (`["root", "passwordRecovery"]`).
  public var location: [String]
  /// Where `location` is written in the rule file.
  public var locationAt: SourceRange?
  public var suppressible: Suppressibility
  public var examples: [RuleExample]
  /// The rule file, as shown to users (`Rules/ROOT001-….yaml` for built-ins).
  public var path: String
  public var isBuiltin: Bool

  public var id: String { descriptor.id }
  public var name: String { descriptor.name }
}
