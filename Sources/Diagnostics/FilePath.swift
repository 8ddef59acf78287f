#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// File names as the file system has them: bytes, usually UTF-8 but not always. A name that is not valid UTF-8 is
/// held in a `String` without loss: each byte of an invalid sequence becomes the code point U+10FF00 + byte (in a
/// private-use plane no file name uses), and `withSystemPath` turns it back into the original bytes, so such a file
/// can still be opened. `displayed` shows those bytes as `\xE9` for messages.
public enum FilePath {
  private static let escapeBase: UInt32 = 0x10_FF00

  /// The process's current folder (any length, bytes kept as `string(fromSystemBytes:)` keeps them), or `.` when
  /// `getcwd` fails (the folder was removed, or a parent is not readable). The one reader of the current folder.
  public static func currentDirectory() -> String {
    guard let p = getcwd(nil, 0) else { return "." }
    defer { free(p) }
    return string(fromSystemBytes: UnsafeRawBufferPointer(start: p, count: strlen(p)))
  }

  /// The name whose bytes are `bytes`: valid UTF-8 is decoded, every byte of an invalid sequence is escaped.
  public static func string(fromSystemBytes bytes: some Collection<UInt8>) -> String {
    let bytes = Array(bytes)
    if let valid = String(validating: bytes, as: UTF8.self) { return valid }
    var scalars = String.UnicodeScalarView()
    var i = 0
    while i < bytes.count {
      let lead = bytes[i]
      let length: Int
      switch lead {
      case 0x00..<0x80: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: length = 0
      }
      if length > 0, i + length <= bytes.count,
        let decoded = String(validating: bytes[i..<(i + length)], as: UTF8.self)
      {
        scalars.append(contentsOf: decoded.unicodeScalars)
        i += length
      } else {
        scalars.append(Unicode.Scalar(escapeBase + UInt32(lead))!)
        i += 1
      }
    }
    return String(scalars)
  }

  /// The bytes the file system knows `path` by (escaped bytes restored).
  public static func systemBytes(_ path: String) -> [UInt8] {
    guard hasEscapedBytes(path) else { return Array(path.utf8) }
    var out: [UInt8] = []
    for scalar in path.unicodeScalars {
      if scalar.value > escapeBase + 0x7F, scalar.value <= escapeBase + 0xFF {
        out.append(UInt8(scalar.value - escapeBase))
      } else {
        out.append(contentsOf: String(scalar).utf8)
      }
    }
    return out
  }

  /// Calls `body` with `path` as a NUL-terminated C string of its file-system bytes.
  public static func withSystemPath<R>(_ path: String, _ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
    guard hasEscapedBytes(path) else { return try path.withCString(body) }
    let bytes = systemBytes(path).map { CChar(bitPattern: $0) } + [0]
    return try bytes.withUnsafeBufferPointer { try body($0.baseAddress!) }
  }

  /// True when `path` holds bytes that are not UTF-8 (escaped by `string(fromSystemBytes:)`).
  public static func hasEscapedBytes(_ path: String) -> Bool {
    // Escapes are 4-byte sequences F4 8F BE/BF xx; a quick scan for F4 rules most paths out.
    guard path.utf8.contains(0xF4) else { return false }
    return path.unicodeScalars.contains { $0.value > escapeBase + 0x7F && $0.value <= escapeBase + 0xFF }
  }

  /// `path` for messages: escaped bytes shown as `\xE9`.
  public static func displayed(_ path: String) -> String {
    guard hasEscapedBytes(path) else { return path }
    var out = ""
    for scalar in path.unicodeScalars {
      if scalar.value > escapeBase + 0x7F, scalar.value <= escapeBase + 0xFF {
        let byte = UInt8(scalar.value - escapeBase)
        let hex = Array("0123456789ABCDEF")
        out += "\\x" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

/// Path arithmetic on `/`-separated text: no file system access.
extension FilePath {
  /// `path` made absolute against `cwd`, with `.`, `..` and repeated `/` removed.
  public static func absolute(_ path: String, cwd: String) -> String {
    let joined = path.hasPrefix("/") ? path : cwd + "/" + path
    var parts: [Substring] = []
    for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == ".." {
        if !parts.isEmpty { parts.removeLast() }
        continue
      }
      parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
  }

  /// The folder holding the absolute `path`: `/` for a top-level entry and for `/` itself.
  public static func parent(of path: String) -> String {
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
    let up = String(path[..<slash])
    return up.isEmpty ? "/" : up
  }

  /// `path` as seen from the folder `base` (both absolute and normalized): `a/b.yaml`, `../x`, or `""` for `base`
  /// itself.
  public static func relative(_ path: String, from base: String) -> String {
    let p = path.split(separator: "/")
    let b = base.split(separator: "/")
    var common = 0
    while common < p.count, common < b.count, p[common] == b[common] { common += 1 }
    let ups = Array(repeating: "..", count: b.count - common)
    return (ups + p[common...].map(String.init)).joined(separator: "/")
  }

  /// `child`, written relative to the folder of the file `sibling`, as a path usable from where `sibling` was given
  /// (`sub/.orglint.yaml` + `policy/rules` → `sub/policy/rules`); an absolute `child` is kept.
  public static func beside(_ sibling: String, _ child: String) -> String {
    if child.hasPrefix("/") { return child }
    var folder = sibling.lastIndex(of: "/").map { String(sibling[...$0]) } ?? ""
    while folder.hasPrefix("./") { folder.removeFirst(2) }
    var rest = Substring(child)
    while rest.hasPrefix("./") { rest = rest.dropFirst(2) }
    return folder + rest
  }
}
