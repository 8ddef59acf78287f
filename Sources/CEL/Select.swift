/// Field selection by name (maps and `dyn` values) and map literal construction.
enum Select {
  static func byName(_ v: CELValue, _ name: String, presence: Bool) -> CELValue {
    switch v {
    case .map(let m):
      if let x = m[.string(name)] { return presence ? .bool(true) : x }
      return presence ? .bool(false) : .error(CELError("no such key: \(name)"))
    case .object(let obj):
      guard let index = obj.celType.fieldIndex[name] else {
        return .error(CELError("no such field '\(name)' on type '\(obj.celType.name)'"))
      }
      let x = obj.field(at: index)
      return presence ? Self.presence(x) : (x ?? obj.celType.defaults[index])
    case .error, .unknown:
      return v
    case .null:
      return .error(CELError("cannot select field '\(name)' on null"))
    default:
      return .error(CELError("type '\(v.celType.runtimeName)' has no field '\(name)'"))
    }
  }

  /// `has()` of a host object's field: whether it is set; unknown when the host says the field itself is unknown.
  @inline(__always)
  static func presence(_ field: CELValue?) -> CELValue {
    guard let field else { return .bool(false) }
    if case .unknown = field { return field }
    return .bool(true)
  }

  static func mapLiteral(_ entries: [(CELProgram.Code, CELProgram.Code)], _ f: inout Frame) -> CELValue {
    var m = CELMap()
    for (kc, vc) in entries {
      let k = kc(&f)
      if k.isErrorOrUnknown { return k }
      let v = vc(&f)
      if v.isError { return v }
      guard let key = CELMapKey(k) else {
        return .error(CELError("unsupported map key type '\(k.celType.runtimeName)'"))
      }
      if !m.insert(key, v) { return .error(CELError("duplicate map key: \(Format.display(k))")) }
    }
    return .map(m)
  }
}
