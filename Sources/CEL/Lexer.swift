/// Splits CEL source text into tokens. Offsets are in Unicode code points from the start of the text.
struct Lexer {
  let s: [Unicode.Scalar]
  var i = 0

  init(_ text: String) { s = Array(text.unicodeScalars) }

  private func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }

  /// All tokens up to and including `.end`, or the first lexical error.
  mutating func tokenize() throws(CELCompileError) -> [Token] {
    var out: [Token] = []
    while true {
      let t = try next()
      out.append(t)
      if t.kind == .end { return out }
    }
  }

  private mutating func skipSpaceAndComments() {
    while let c = peek() {
      if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" {
        i += 1
      } else if c == "/", peek(1) == "/" {
        while let d = peek(), d != "\n" { i += 1 }
      } else {
        return
      }
    }
  }

  private mutating func next() throws(CELCompileError) -> Token {
    skipSpaceAndComments()
    let start = i
    guard let c = peek() else { return Token(kind: .end, offset: i) }
    if isIdentStart(c) {
      var name = ""
      while let d = peek(), isIdentStart(d) || isDigit(d) {
        name.unicodeScalars.append(d)
        i += 1
      }
      // String and bytes prefixes: r"", b"", rb"", br"" (any case).
      let lower = name.lowercased()
      if let q = peek(), q == "\"" || q == "'", ["r", "b", "rb", "br"].contains(lower) {
        return try quoted(start: start, raw: lower.contains("r"), bytes: lower.contains("b"))
      }
      return Token(kind: .ident(name), offset: start)
    }
    if isDigit(c) || (c == "." && peek(1).map(isDigit) == true) { return try number(start: start) }
    if c == "\"" || c == "'" { return try quoted(start: start, raw: false, bytes: false) }
    if c == "`" {
      i += 1
      var name = ""
      while let d = peek(), d != "`" {
        guard isIdentStart(d) || isDigit(d) || d == "." || d == "-" || d == "/" || d == " " else {
          throw CELCompileError("invalid character '\(d)' in a quoted field name", at: i)
        }
        name.unicodeScalars.append(d)
        i += 1
      }
      guard peek() == "`", !name.isEmpty else { throw CELCompileError("unterminated quoted field name", at: start) }
      i += 1
      return Token(kind: .quotedIdent(name), offset: start)
    }
    for p in ["==", "!=", "<=", ">=", "&&", "||"] where matches(p) {
      i += 2
      return Token(kind: .punct(p), offset: start)
    }
    if "+-*/%<>!?:.,()[]{}".unicodeScalars.contains(c) {
      i += 1
      return Token(kind: .punct(String(c)), offset: start)
    }
    throw CELCompileError("unexpected character '\(c)'", at: start)
  }

  private func matches(_ p: String) -> Bool {
    var k = 0
    for u in p.unicodeScalars {
      if peek(k) != u { return false }
      k += 1
    }
    return true
  }

  private func isIdentStart(_ c: Unicode.Scalar) -> Bool {
    (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
  }
  private func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
  private func isHex(_ c: Unicode.Scalar) -> Bool {
    isDigit(c) || (c >= "a" && c <= "f") || (c >= "A" && c <= "F")
  }

  private mutating func number(start: Int) throws(CELCompileError) -> Token {
    if peek() == "0", let x = peek(1), x == "x" || x == "X" {
      i += 2
      var digits = ""
      while let d = peek(), isHex(d) {
        digits.unicodeScalars.append(d)
        i += 1
      }
      if digits.isEmpty { throw CELCompileError("malformed hexadecimal literal", at: start) }
      return try intSuffix(UInt64(digits, radix: 16), start: start)
    }
    var text = ""
    var isDouble = false
    while let d = peek(), isDigit(d) {
      text.unicodeScalars.append(d)
      i += 1
    }
    if peek() == ".", let d = peek(1), isDigit(d) {
      isDouble = true
      text.append(".")
      i += 1
      while let d = peek(), isDigit(d) {
        text.unicodeScalars.append(d)
        i += 1
      }
    }
    if let e = peek(), e == "e" || e == "E" {
      var k = 1
      if let sign = peek(1), sign == "+" || sign == "-" { k = 2 }
      if let d = peek(k), isDigit(d) {
        isDouble = true
        for _ in 0..<k {
          text.unicodeScalars.append(peek()!)
          i += 1
        }
        while let d = peek(), isDigit(d) {
          text.unicodeScalars.append(d)
          i += 1
        }
      }
    }
    if isDouble {
      guard let v = Double(text.hasPrefix(".") ? "0" + text : text) else {
        throw CELCompileError("malformed floating-point literal", at: start)
      }
      return Token(kind: .double(v), offset: start)
    }
    return try intSuffix(UInt64(text), start: start)
  }

  private mutating func intSuffix(_ v: UInt64?, start: Int) throws(CELCompileError) -> Token {
    if let u = peek(), u == "u" || u == "U" {
      i += 1
      guard let v else { throw CELCompileError("unsigned integer literal out of range", at: start) }
      return Token(kind: .int(v, unsigned: true), offset: start)
    }
    return Token(kind: .int(v, unsigned: false), offset: start)
  }

  /// A quoted string or bytes literal starting at the quote (prefixes already consumed).
  private mutating func quoted(start: Int, raw: Bool, bytes: Bool) throws(CELCompileError) -> Token {
    let q = peek()!
    let triple = peek(1) == q && peek(2) == q
    i += triple ? 3 : 1
    var out: [UInt8] = []
    func put(_ u: Unicode.Scalar) { out.append(contentsOf: Array(String(u).utf8)) }
    while true {
      guard let c = peek() else { throw CELCompileError("unterminated string literal", at: start) }
      if c == q && (!triple || (peek(1) == q && peek(2) == q)) {
        i += triple ? 3 : 1
        break
      }
      if (c == "\n" || c == "\r") && !triple {
        throw CELCompileError("unterminated string literal", at: start)
      }
      if c == "\\" && !raw {
        out.append(contentsOf: try escape(bytes: bytes))
        continue
      }
      put(c)
      i += 1
    }
    if bytes { return Token(kind: .bytes(out), offset: start) }
    guard let text = String(validating: out, as: UTF8.self) else {
      throw CELCompileError("invalid UTF-8 in string literal", at: start)
    }
    return Token(kind: .string(text), offset: start)
  }

  /// The bytes one escape sequence stands for (code points as UTF-8; octets in bytes literals).
  private mutating func escape(bytes: Bool) throws(CELCompileError) -> [UInt8] {
    func utf8(_ u: Unicode.Scalar) -> [UInt8] { Array(String(u).utf8) }
    let at = i
    i += 1
    guard let e = peek() else { throw CELCompileError("unterminated string literal", at: at) }
    i += 1
    let simple: [Unicode.Scalar: Unicode.Scalar] = [
      "a": "\u{07}", "b": "\u{08}", "f": "\u{0C}", "n": "\n", "r": "\r", "t": "\t", "v": "\u{0B}",
      "\\": "\\", "'": "'", "\"": "\"", "`": "`", "?": "?",
    ]
    if let m = simple[e] { return utf8(m) }
    func digits(_ n: Int, radix: Int) throws(CELCompileError) -> UInt32 {
      var v: UInt32 = 0
      for _ in 0..<n {
        guard let d = peek(), let x = UInt32(String(d), radix: radix) else {
          throw CELCompileError("invalid escape sequence", at: at)
        }
        v = v * UInt32(radix) + x
        i += 1
      }
      return v
    }
    var code: UInt32
    var isByte = false
    switch e {
    case "x", "X":
      code = try digits(2, radix: 16)
      isByte = true
    case "u": code = try digits(4, radix: 16)
    case "U": code = try digits(8, radix: 16)
    case "0"..."3":
      i -= 1
      code = try digits(3, radix: 8)
      isByte = true
    default: throw CELCompileError("invalid escape sequence '\\\(e)'", at: at)
    }
    if bytes && isByte { return [UInt8(code)] }
    if bytes && e == "U" { throw CELCompileError("\\U escape in bytes literal", at: at) }
    guard let u = Unicode.Scalar(code) else { throw CELCompileError("invalid code point in escape", at: at) }
    return utf8(u)
  }
}
