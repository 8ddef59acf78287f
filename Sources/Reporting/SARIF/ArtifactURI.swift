extension SARIF {
  /// Turns display paths into SARIF artifact URIs: forward slashes, no leading `./`, RFC 3986 percent-encoding.
  enum ArtifactURI {
    /// The artifact location of `path`: relative to `%SRCROOT%`, or a `file://` URI when the path is absolute.
    static func location(of path: String) -> ArtifactLocation {
      var p = path.replacingAll("\\", with: "/")
      while p.hasPrefix("./") { p.removeFirst(2) }
      if p.hasPrefix("/") { return ArtifactLocation(uri: "file://" + encode(p)) }
      return ArtifactLocation(uri: encode(p), uriBaseId: SARIF.sourceRootId)
    }

    /// Percent-encodes every byte outside RFC 3986's unreserved characters, sub-delimiters, `@` and `/` (a `:` is
    /// encoded too, so a relative path is never read as a scheme).
    static func encode(_ path: String) -> String {
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

    private static let hexDigits = Array("0123456789ABCDEF")
    private static let allowed: Set<UInt8> = Set(
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=@/".utf8)
  }
}

extension String {
  /// `self` with every occurrence of `target` replaced (Foundation-free).
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for c in self { if c == target { out += replacement } else { out.append(c) } }
    return out
  }
}
