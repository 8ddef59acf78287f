/// `file://` URIs to and from absolute paths (RFC 8089), and the percent-encoding of paths in URIs: every byte
/// outside RFC 3986's unreserved characters, sub-delimiters, `@` and `/` is encoded (a `:` too, so that a relative
/// path is never read as a scheme). The one home of file URIs: SARIF's artifact locations and `orglint server`.
public enum FileURI {
  /// The absolute path a `file:` URI names; nil for other schemes and for a host other than empty or localhost.
  public static func path(of uri: String) -> String? {
    guard uri.lowercased().hasPrefix("file://") else { return nil }
    var rest = Substring(uri.dropFirst(7))
    if let slash = rest.firstIndex(of: "/") {
      let host = rest[..<slash].lowercased()
      guard host.isEmpty || host == "localhost" else { return nil }
      rest = rest[slash...]
    } else {
      return nil
    }
    if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<cut] }
    var bytes: [UInt8] = []
    var utf8 = Array(rest.utf8)[...]
    while let b = utf8.first {
      utf8 = utf8.dropFirst()
      if b == UInt8(ascii: "%"), utf8.count >= 2, let hi = hex(utf8[utf8.startIndex]),
        let lo = hex(utf8[utf8.startIndex + 1])
      {
        bytes.append(hi << 4 | lo)
        utf8 = utf8.dropFirst(2)
      } else {
        bytes.append(b)
      }
    }
    let path = String(decoding: bytes, as: UTF8.self)
    return path.isEmpty ? nil : path
  }

  /// The `file://` URI of an absolute path.
  public static func uri(ofPath path: String) -> String { "file://" + percentEncoded(path) }

  /// `path` with every byte outside the characters a URI path keeps as they are percent-encoded.
  public static func percentEncoded(_ path: String) -> String {
    var out = ""
    for byte in path.utf8 {
      if allowed.contains(byte) {
        out.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        out += "%" + String(hexDigits[Int(byte >> 4)]) + String(hexDigits[Int(byte & 0xF)])
      }
    }
    return out
  }

  private static func hex(_ b: UInt8) -> UInt8? {
    switch b {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
    default: nil
    }
  }

  private static let hexDigits = Array("0123456789ABCDEF")
  private static let allowed: Set<UInt8> = Set(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=@/".utf8)
}
