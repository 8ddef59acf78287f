/// Static signatures of the standard functions, for the checker. `receiver`: nil allows both `f(x, ...)` and
/// `x.f(...)`; the receiver, when used, is the first parameter.
enum Overloads {
  struct Sig {
    var receiver: Bool?
    var params: [CELType]
    var result: CELType
  }

  private static func sigs(_ receiver: Bool?, _ list: [([CELType], CELType)]) -> [Sig] {
    list.map { Sig(receiver: receiver, params: $0.0, result: $0.1) }
  }

  private static let numeric: [CELType] = [.int, .uint, .double]
  private static let ordered: [CELType] = [.string, .bytes, .bool, .timestamp, .duration]

  static let table: [String: [Sig]] = {
    var t: [String: [Sig]] = [:]
    t["!_"] = sigs(false, [([.bool], .bool)])
    t["-_"] = sigs(false, [([.int], .int), ([.double], .double), ([.duration], .duration)])
    var plus =
      numeric.map { ([$0, $0], $0) } + [([CELType.string, .string], CELType.string), ([.bytes, .bytes], .bytes)]
    plus += [
      ([.timestamp, .duration], .timestamp), ([.duration, .timestamp], .timestamp),
      ([.duration, .duration], .duration),
    ]
    t["_+_"] = sigs(false, plus)
    t["_-_"] = sigs(
      false,
      numeric.map { ([$0, $0], $0) } + [
        ([.timestamp, .timestamp], .duration),
        ([.timestamp, .duration], .timestamp), ([.duration, .duration], .duration),
      ])
    t["_*_"] = sigs(false, numeric.map { ([$0, $0], $0) })
    t["_/_"] = sigs(false, numeric.map { ([$0, $0], $0) })
    t["_%_"] = sigs(false, [([.int, .int], .int), ([.uint, .uint], .uint)])
    var order: [([CELType], CELType)] = []
    for a in numeric { for b in numeric { order.append(([a, b], .bool)) } }
    for a in ordered { order.append(([a, a], .bool)) }
    for op in ["_<_", "_<=_", "_>_", "_>=_"] { t[op] = sigs(false, order) }
    t["contains"] = sigs(true, [([.string, .string], .bool)])
    t["startsWith"] = sigs(true, [([.string, .string], .bool)])
    t["endsWith"] = sigs(true, [([.string, .string], .bool)])
    t["matches"] = sigs(nil, [([.string, .string], .bool)])
    t["int"] = sigs(false, [[.int], [.uint], [.double], [.string], [.timestamp]].map { ($0, .int) })
    t["uint"] = sigs(false, [[.int], [.uint], [.double], [.string]].map { ($0, .uint) })
    t["double"] = sigs(false, [[.int], [.uint], [.double], [.string]].map { ($0, .double) })
    t["string"] = sigs(
      false,
      [[.int], [.uint], [.double], [.string], [.bool], [.bytes], [.timestamp], [.duration]]
        .map { ($0, .string) })
    t["bool"] = sigs(false, [([.bool], .bool), ([.string], .bool)])
    t["bytes"] = sigs(false, [([.bytes], .bytes), ([.string], .bytes)])
    t["timestamp"] = sigs(false, [([.string], .timestamp), ([.int], .timestamp), ([.timestamp], .timestamp)])
    t["duration"] = sigs(false, [([.string], .duration), ([.duration], .duration)])
    for name in ["getFullYear", "getMonth", "getDayOfMonth", "getDate", "getDayOfWeek", "getDayOfYear"] {
      t[name] = sigs(true, [([.timestamp], .int), ([.timestamp, .string], .int)])
    }
    for name in ["getHours", "getMinutes", "getSeconds", "getMilliseconds"] {
      t[name] = sigs(true, [([.timestamp], .int), ([.timestamp, .string], .int), ([.duration], .int)])
    }
    t["lowerAscii"] = sigs(true, [([.string], .string)])
    t["upperAscii"] = sigs(true, [([.string], .string)])
    t["trim"] = sigs(true, [([.string], .string)])
    t["split"] = sigs(true, [([.string, .string], .list(.string)), ([.string, .string, .int], .list(.string))])
    t["replace"] = sigs(
      true, [([.string, .string, .string], .string), ([.string, .string, .string, .int], .string)])
    t["indexOf"] = sigs(true, [([.string, .string], .int), ([.string, .string, .int], .int)])
    t["lastIndexOf"] = sigs(true, [([.string, .string], .int), ([.string, .string, .int], .int)])
    t["substring"] = sigs(true, [([.string, .int], .string), ([.string, .int, .int], .string)])
    t["charAt"] = sigs(true, [([.string, .int], .string)])
    t["join"] = sigs(true, [([.list(.string)], .string), ([.list(.string), .string], .string)])
    t["format"] = sigs(true, [([.string, .list(.dyn)], .string)])
    return t
  }()

  /// Operator names as users write them.
  static func display(_ name: String) -> String {
    if name == "@in" { return "'in'" }
    if name == "_[_]" { return "'[]'" }
    if name.hasPrefix("_") || name.hasSuffix("_") {
      return "'" + name.filter { $0 != "_" } + "'"
    }
    return "'\(name)'"
  }

  static func isNumeric(_ t: CELType) -> Bool { t == .int || t == .uint || t == .double }

  /// Whether values of the two types can be compared for equality.
  static func comparable(_ a: CELType, _ b: CELType) -> Bool {
    if isAssignable(a, to: b) || isAssignable(b, to: a) { return true }
    if isNumeric(a) && isNumeric(b) { return true }
    switch (a, b) {
    case (.list(let x), .list(let y)): return comparable(x, y)
    case (.map(let k1, let v1), .map(let k2, let v2)): return comparable(k1, k2) && comparable(v1, v2)
    default: return false
    }
  }

  /// The result type of a call, or nil when no overload accepts the argument types.
  static func resultType(_ name: String, receiver: Bool, _ args: [CELType]) -> CELType? {
    switch (name, args.count) {
    case ("_==_", 2), ("_!=_", 2):
      return comparable(args[0], args[1]) ? .bool : nil
    case ("_[_]", 2):
      switch args[0] {
      case .list(let e): return isAssignable(args[1], to: .int) || isNumeric(args[1]) ? e : nil
      case .map(let k, let v): return comparable(args[1], k) ? v : nil
      case .dyn: return .dyn
      default: return nil
      }
    case ("@in", 2):
      switch args[1] {
      case .list(let e): return comparable(args[0], e) ? .bool : nil
      case .map(let k, _): return comparable(args[0], k) ? .bool : nil
      case .dyn: return .bool
      default: return nil
      }
    case ("size", 1):
      switch args[0] {
      case .string, .bytes, .list, .map, .dyn: return .int
      default: return nil
      }
    case ("dyn", 1): return receiver ? nil : .dyn
    case ("type", 1): return receiver ? nil : .type
    case ("_+_", 2):
      if case .list(let a) = args[0], case .list(let b) = args[1] { return .list(join(a, b)) }
      if case .list = args[0], args[1] == .dyn { return args[0] }
      if case .list = args[1], args[0] == .dyn { return args[1] }
    default:
      break
    }
    guard let sigs = table[name] else { return nil }
    var result: CELType?
    for sig in sigs where sig.params.count == args.count && (sig.receiver == nil || sig.receiver == receiver) {
      if zip(args, sig.params).allSatisfy({ isAssignable($0, to: $1) }) {
        if let r = result, r != sig.result { return .dyn }
        result = sig.result
      }
    }
    return result
  }
}
