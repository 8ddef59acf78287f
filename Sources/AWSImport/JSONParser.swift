import Diagnostics

/// A strict JSON parser (RFC 8259) over bytes that keeps member order and offsets.
///
/// A file may hold several JSON texts one after another (pages of a paginated listing appended to one file);
/// `parseAll` returns them in order. Nesting deeper than `maxDepth` is an error, so hostile input cannot overflow
/// the stack. A key repeated in one object is an error: the AWS CLI never prints one, and readers disagree on which
/// occurrence counts (jq and Python take the last). Time is linear in the input size.
public struct JSONParser {
  /// Why parsing stopped, and where (a byte offset).
  public struct SyntaxError: Error, Sendable, Equatable {
    public var message: String
    public var offset: Int
  }

  public static let maxDepth = 256

  private let bytes: [UInt8]
  private var index = 0

  public init(bytes: [UInt8]) {
    self.bytes = bytes
    // Skip a UTF-8 byte order mark.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
  }

  /// Every JSON text in the input, in order; an input of only whitespace gives `[]`.
  public mutating func parseAll() throws(SyntaxError) -> [JSONValue] {
    var values: [JSONValue] = []
    skipWhitespace()
    while index < bytes.count {
      values.append(try parseValue(depth: 0))
      skipWhitespace()
    }
    return values
  }

  private mutating func skipWhitespace() {
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
  }

  private func fail(_ message: String, at offset: Int? = nil) -> SyntaxError {
    SyntaxError(message: message, offset: offset ?? index)
  }

  private mutating func parseValue(depth: Int) throws(SyntaxError) -> JSONValue {
    guard depth < Self.maxDepth else { throw fail("nesting deeper than \(Self.maxDepth) levels") }
    guard index < bytes.count else { throw fail("unexpected end of file, expected a value") }
    let start = index
    switch bytes[index] {
    case UInt8(ascii: "{"): return JSONValue(.object(try parseObject(depth: depth)), offset: start)
    case UInt8(ascii: "["): return JSONValue(.array(try parseArray(depth: depth)), offset: start)
    case UInt8(ascii: "\""): return JSONValue(.string(try parseString()), offset: start)
    case UInt8(ascii: "t"):
      try literal("true")
      return JSONValue(.bool(true), offset: start)
    case UInt8(ascii: "f"):
      try literal("false")
      return JSONValue(.bool(false), offset: start)
    case UInt8(ascii: "n"):
      try literal("null")
      return JSONValue(.null, offset: start)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return JSONValue(.number(try parseNumber()), offset: start)
    default: throw fail("unexpected character \(describe(bytes[index])), expected a value")
    }
  }

  private func describe(_ byte: UInt8) -> String {
    byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
  }

  private mutating func literal(_ word: StaticString) throws(SyntaxError) {
    let expected = word.withUTF8Buffer { Array($0) }
    guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
      throw fail("invalid literal, expected '\(word)'")
    }
    index += expected.count
  }

  private mutating func parseObject(depth: Int) throws(SyntaxError) -> [JSONMember] {
    index += 1
    var members: [JSONMember] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return members
    }
    var keys: Set<String> = []
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a string key") }
      let keyStart = index
      let key = try parseString()
      guard keys.insert(key).inserted else {
        throw fail("duplicate key \(JSONText.quoted(key)) in an object (which one counts is ambiguous)", at: keyStart)
      }
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':' after key") }
      index += 1
      skipWhitespace()
      members.append(JSONMember(key: key, value: try parseValue(depth: depth + 1)))
      skipWhitespace()
      guard index < bytes.count else { throw fail("unexpected end of file in an object") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "}") {
        index += 1
        return members
      } else {
        throw fail("expected ',' or '}' in an object")
      }
    }
  }

  private mutating func parseArray(depth: Int) throws(SyntaxError) -> [JSONValue] {
    index += 1
    var items: [JSONValue] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return items
    }
    while true {
      skipWhitespace()
      items.append(try parseValue(depth: depth + 1))
      skipWhitespace()
      guard index < bytes.count else { throw fail("unexpected end of file in an array") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "]") {
        index += 1
        return items
      } else {
        throw fail("expected ',' or ']' in an array")
      }
    }
  }

  private mutating func parseNumber() throws(SyntaxError) -> String {
    let start = index
    func digits() -> Int {
      let from = index
      while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
      return index - from
    }
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    let intStart = index
    let intDigits = digits()
    guard intDigits > 0 else { throw fail("invalid number") }
    if intDigits > 1, bytes[intStart] == UInt8(ascii: "0") { throw fail("invalid number: leading zero", at: start) }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard digits() > 0 else { throw fail("invalid number: digits expected after '.'") }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
      guard digits() > 0 else { throw fail("invalid number: digits expected in the exponent") }
    }
    return String(decoding: bytes[start..<index], as: UTF8.self)
  }

  private mutating func parseString() throws(SyntaxError) -> String {
    let start = index
    index += 1
    var scalars = String.UnicodeScalarView()
    var runStart = index
    func flushRun(_ end: Int) {
      if end > runStart {
        scalars.append(contentsOf: String(decoding: bytes[runStart..<end], as: UTF8.self).unicodeScalars)
      }
    }
    while true {
      guard index < bytes.count else { throw fail("unterminated string", at: start) }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        flushRun(index)
        index += 1
        return String(scalars)
      }
      if byte < 0x20 { throw fail("control character in a string (escape it)") }
      if byte != UInt8(ascii: "\\") {
        index += 1
        continue
      }
      flushRun(index)
      index += 1
      guard index < bytes.count else { throw fail("unterminated string", at: start) }
      let escape = bytes[index]
      index += 1
      switch escape {
      case UInt8(ascii: "\""): scalars.append("\"")
      case UInt8(ascii: "\\"): scalars.append("\\")
      case UInt8(ascii: "/"): scalars.append("/")
      case UInt8(ascii: "b"): scalars.append("\u{08}")
      case UInt8(ascii: "f"): scalars.append("\u{0C}")
      case UInt8(ascii: "n"): scalars.append("\n")
      case UInt8(ascii: "r"): scalars.append("\r")
      case UInt8(ascii: "t"): scalars.append("\t")
      case UInt8(ascii: "u"): scalars.append(try parseUnicodeEscape())
      default: throw fail("invalid escape '\\\(Character(Unicode.Scalar(escape)))'", at: index - 2)
      }
      runStart = index
    }
  }

  /// The scalar of `\uXXXX` (the `\u` already read), joining a surrogate pair; a lone surrogate becomes U+FFFD.
  private mutating func parseUnicodeEscape() throws(SyntaxError) -> Unicode.Scalar {
    let high = try hex4()
    if (0xD800..<0xDC00).contains(high), bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"),
      bytes[index + 1] == UInt8(ascii: "u")
    {
      let save = index
      index += 2
      let low = try hex4()
      if (0xDC00..<0xE000).contains(low) {
        return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
      }
      index = save
    }
    return Unicode.Scalar(high) ?? "\u{FFFD}"
  }

  private mutating func hex4() throws(SyntaxError) -> UInt32 {
    guard bytes.count - index >= 4 else { throw fail("invalid \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt32
      switch byte {
      case 0x30...0x39: digit = UInt32(byte - 0x30)
      case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
      case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
      default: throw fail("invalid \\u escape")
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }
}
