import CEL
import Diagnostics
import OrgModel

/// One CEL expression compiled in the environment of rules (the variables `org`, `accounts`, `tasks`, `policies`,
/// `now` and, with a scope, `account` / `task` / `policy`; no `params`), evaluated over a loaded set: once, or once
/// per item of the scope. The engine of `orglint eval`, the rule author's REPL.
public struct ExpressionEvaluator: Sendable {
  /// The expression as given.
  public let text: String
  /// The scope whose items the expression is evaluated for; nil evaluates it once.
  public let scope: RuleScope?
  let program: CELProgram

  /// Parses and type-checks the expression; throws its errors, located in `text`.
  public init(_ text: String, scope: RuleScope? = nil) throws(CELCompileErrors) {
    var env = CELEnvironment()
    for t in CELModelSchema.allTypes { env.declare(t) }
    for (name, type) in RuleCompiler.commonVariables { env.declareVariable(name, type) }
    if let scope, scope != .organization { env.declareVariable(scope.variable, RuleCompiler.type(of: scope)) }
    self.text = text
    self.scope = scope
    program = try env.compile(text)
  }

  /// The static type of the expression's result.
  public var resultType: CELType { program.resultType }

  /// One evaluation: the scope item's logical path (nil without a scope) and the value.
  public struct Result: Sendable {
    public var item: String?
    public var value: CELValue
    /// The value as JSON (see `CELJSON`); errors as `{"error": "..."}`, unknowns as `{"unknown": [causes]}`.
    public var json: String
    /// The line `orglint eval` prints: the value's JSON without a scope, else `{"item":…,"value":…}`.
    public var line: String {
      guard let item else { return json }
      if case .error(let e) = value {
        return "{\"item\":\(JSONText.quoted(item)),\"error\":\(JSONText.quoted(e.message))}"
      }
      return "{\"item\":\(JSONText.quoted(item)),\"value\":\(json)}"
    }
    public var isError: Bool {
      if case .error = value { return true }
      return false
    }
  }

  /// Evaluates over `set` (an empty set for constant expressions): once, or for each item of the scope in the
  /// set's order.
  public func evaluate(_ set: LoadedSet, now: CELTimestamp) -> [Result] {
    let bridge = ModelBridge(set)
    var variables: [CELValue] = [
      bridge.org, bridge.accountsVariable, bridge.tasksVariable, bridge.policiesVariable, .timestamp(now),
    ]
    func result(_ item: String?) -> Result {
      let v = program.evaluate(variables)
      return Result(item: item, value: v, json: CELJSON.render(v) { Self.logicalPath($0, bridge) })
    }
    guard let scope else { return [result(nil)] }
    let items: [(AnyObject, String)]
    switch scope {
    case .organization: items = set.organization.map { [($0, $0.logicalPath)] } ?? []
    case .account: items = set.accounts.map { ($0, $0.logicalPath) }
    case .task: items = set.tasks.map { ($0, $0.logicalPath) }
    case .policy: items = set.policies.map { ($0, $0.logicalPath) }
    }
    if scope != .organization { variables.append(.null) }
    return items.map { object, path in
      if scope != .organization { variables[variables.count - 1] = bridge.value(of: object) }
      return result(path)
    }
  }

  /// The logical path of an entity's record (organization, OU, account, task, policy), for JSON.
  static func logicalPath(_ record: any CELObject, _ bridge: ModelBridge) -> String? {
    switch bridge.entity(of: record) {
    case let o as Organization: o.logicalPath
    case let u as OrganizationalUnit: u.logicalPath
    case let a as Account: a.logicalPath
    case let t as PrivilegedTask: t.logicalPath
    case let p as Policy: p.logicalPath
    default: nil
    }
  }
}

/// CEL values as JSON: strings, numbers, booleans, null, lists and maps as they are; timestamps as RFC 3339 strings,
/// durations as CEL writes them (`"86400s"`), bytes as base64, NaN and infinities as strings; an entity of the model
/// (organization, OU, account, task, policy) as `{"type":"Account","path":"account/333333333333"}`; any other object
/// (a RootUser, an MFADevice...) as a map of its fields that are set.
public enum CELJSON {
  /// `path`: the logical path of an object that is an entity of the model, nil for other objects.
  public static func render(_ v: CELValue, path: (any CELObject) -> String? = { _ in nil }) -> String {
    var out = ""
    write(v, path, &out)
    return out
  }

  static func write(_ v: CELValue, _ paths: (any CELObject) -> String?, _ out: inout String) {
    switch v {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += "\(i)"
    case .uint(let u): out += "\(u)"
    case .double(let d): out += d.isFinite ? "\(d)" : JSONText.quoted("\(d)")
    case .string(let s): out += JSONText.quoted(s)
    case .bytes(let b): out += JSONText.quoted(base64(b))
    case .timestamp(let t): out += JSONText.quoted("\(t)")
    case .duration(let d): out += JSONText.quoted("\(d)")
    case .type(let t): out += JSONText.quoted("\(t)")
    case .error(let e): out += "{\"error\":" + JSONText.quoted(e.message) + "}"
    case .unknown(let u): out += "{\"unknown\":[" + u.causes.map(JSONText.quoted).joined(separator: ",") + "]}"
    case .list(let l):
      out += "["
      for (i, e) in l.enumerated() {
        if i > 0 { out += "," }
        write(e, paths, &out)
      }
      out += "]"
    case .map(let m):
      out += "{"
      for (i, k) in m.keys.enumerated() {
        if i > 0 { out += "," }
        switch k {
        case .string(let s): out += JSONText.quoted(s)
        case .int(let n): out += JSONText.quoted("\(n)")
        case .uint(let n): out += JSONText.quoted("\(n)")
        case .bool(let b): out += JSONText.quoted("\(b)")
        }
        out += ":"
        write(m[k] ?? .null, paths, &out)
      }
      out += "}"
    case .object(let o):
      if let path = paths(o) {
        out += "{\"type\":" + JSONText.quoted(o.celType.name) + ",\"path\":" + JSONText.quoted(path) + "}"
        return
      }
      out += "{"
      var first = true
      for (i, f) in o.celType.fields.enumerated() {
        guard let value = o.field(at: i) else { continue }
        out += (first ? "" : ",") + JSONText.quoted(f.name) + ":"
        first = false
        write(value, paths, &out)
      }
      out += "}"
    }
  }


  static func base64(_ bytes: [UInt8]) -> String {
    let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    var out = ""
    var i = 0
    while i < bytes.count {
      let n = min(3, bytes.count - i)
      let b0 = Int(bytes[i])
      let b1 = n > 1 ? Int(bytes[i + 1]) : 0
      let b2 = n > 2 ? Int(bytes[i + 2]) : 0
      out.append(table[b0 >> 2])
      out.append(table[(b0 & 3) << 4 | b1 >> 4])
      out.append(n > 1 ? table[(b1 & 15) << 2 | b2 >> 6] : "=")
      out.append(n > 2 ? table[b2 & 63] : "=")
      i += 3
    }
    return out
  }
}
