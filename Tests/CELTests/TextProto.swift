/// A minimal protobuf text-format reader, enough for the CEL conformance files: nested messages, scalar fields
/// (strings with C escapes, numbers, identifiers), `[type.url]` extension names, `#` comments.
final class TPMessage {
  enum Field {
    case scalar(String, isString: Bool, bytes: [UInt8])
    case message(TPMessage)
  }
  var fields: [(name: String, value: Field)] = []

  func all(_ name: String) -> [Field] { fields.filter { $0.name == name }.map(\.value) }
  func message(_ name: String) -> TPMessage? {
    for case .message(let m) in all(name) { return m }
    return nil
  }
  func messages(_ name: String) -> [TPMessage] {
    all(name).compactMap { if case .message(let m) = $0 { return m } else { return nil } }
  }
  func scalar(_ name: String) -> String? {
    for case .scalar(let s, _, _) in all(name) { return s }
    return nil
  }
  func bytes(_ name: String) -> [UInt8]? {
    for case .scalar(_, _, let b) in all(name) { return b }
    return nil
  }
  var firstName: String? { fields.first?.name }
}

struct TextProtoError: Error, CustomStringConvertible {
  var description: String
}

struct TextProtoReader {
  private let u: [UInt8]
  private var i = 0

  static func parse(_ text: String) throws -> TPMessage {
    var r = TextProtoReader(u: Array(text.utf8))
    let m = try r.body(closing: nil)
    return m
  }

  private init(u: [UInt8]) { self.u = u }

  private mutating func skip() {
    while i < u.count {
      let c = u[i]
      if c == 35 {  // '#'
        while i < u.count, u[i] != 10 { i += 1 }
      } else if c == 32 || c == 9 || c == 10 || c == 13 || c == 44 || c == 59 {
        i += 1
      } else {
        return
      }
    }
  }

  private func fail(_ m: String) -> TextProtoError {
    let line = u[..<min(i, u.count)].filter { $0 == 10 }.count + 1
    return TextProtoError(description: "textproto line \(line): \(m)")
  }

  private mutating func body(closing: UInt8?) throws -> TPMessage {
    let m = TPMessage()
    while true {
      skip()
      if i >= u.count {
        if closing == nil { return m }
        throw fail("unexpected end")
      }
      if let closing, u[i] == closing {
        i += 1
        return m
      }
      let name = try fieldName()
      skip()
      var sawColon = false
      if i < u.count, u[i] == 58 {
        i += 1
        sawColon = true
        skip()
      }
      guard i < u.count else { throw fail("missing value") }
      if u[i] == 123 || u[i] == 60 {  // { or <
        let close: UInt8 = u[i] == 123 ? 125 : 62
        i += 1
        m.fields.append((name, .message(try body(closing: close))))
      } else if u[i] == 91 && sawColon {  // [a, b] list of values
        i += 1
        while true {
          skip()
          if i < u.count, u[i] == 93 {
            i += 1
            break
          }
          if u[i] == 123 {
            i += 1
            m.fields.append((name, .message(try body(closing: 125))))
          } else {
            m.fields.append((name, try scalar()))
          }
        }
      } else {
        m.fields.append((name, try scalar()))
      }
    }
  }

  private mutating func fieldName() throws -> String {
    if u[i] == 91 {  // [type.googleapis.com/x.y]
      let start = i
      while i < u.count, u[i] != 93 { i += 1 }
      i += 1
      return String(decoding: u[start..<i], as: UTF8.self)
    }
    let start = i
    while i < u.count, isWord(u[i]) { i += 1 }
    if start == i { throw fail("expected a field name") }
    return String(decoding: u[start..<i], as: UTF8.self)
  }

  private func isWord(_ c: UInt8) -> Bool {
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 || c == 46 || c == 45 || c == 43
  }

  private mutating func scalar() throws -> TPMessage.Field {
    if u[i] == 34 || u[i] == 39 {
      var bytes: [UInt8] = []
      while i < u.count, u[i] == 34 || u[i] == 39 {
        bytes += try quoted()
        skip()
      }
      return .scalar(String(decoding: bytes, as: UTF8.self), isString: true, bytes: bytes)
    }
    let start = i
    while i < u.count, isWord(u[i]) { i += 1 }
    if start == i { throw fail("expected a value") }
    let s = String(decoding: u[start..<i], as: UTF8.self)
    return .scalar(s, isString: false, bytes: Array(s.utf8))
  }

  private mutating func quoted() throws -> [UInt8] {
    let q = u[i]
    i += 1
    var out: [UInt8] = []
    while true {
      guard i < u.count else { throw fail("unterminated string") }
      let c = u[i]
      i += 1
      if c == q { return out }
      if c != 92 {
        out.append(c)
        continue
      }
      let e = u[i]
      i += 1
      switch e {
      case 110: out.append(10)
      case 116: out.append(9)
      case 114: out.append(13)
      case 97: out.append(7)
      case 98: out.append(8)
      case 102: out.append(12)
      case 118: out.append(11)
      case 120:  // \xHH
        var v = 0
        var n = 0
        while n < 2, i < u.count, let d = hex(u[i]) {
          v = v * 16 + d
          i += 1
          n += 1
        }
        out.append(UInt8(v))
      case 48...55:  // octal
        var v = Int(e - 48)
        var n = 1
        while n < 3, i < u.count, u[i] >= 48, u[i] <= 55 {
          v = v * 8 + Int(u[i] - 48)
          i += 1
          n += 1
        }
        out.append(UInt8(v & 0xFF))
      case 117, 85:  // \uHHHH, \UHHHHHHHH
        let len = e == 117 ? 4 : 8
        var v = 0
        for _ in 0..<len {
          guard i < u.count, let d = hex(u[i]) else { throw fail("bad unicode escape") }
          v = v * 16 + d
          i += 1
        }
        out += Array(String(Unicode.Scalar(UInt32(v)) ?? "?").utf8)
      default: out.append(e)
      }
    }
  }

  private func hex(_ c: UInt8) -> Int? {
    switch c {
    case 48...57: return Int(c - 48)
    case 97...102: return Int(c - 87)
    case 65...70: return Int(c - 55)
    default: return nil
    }
  }
}
