/// Escaping for XML 1.0 text and attribute values; characters XML cannot hold become U+FFFD.
enum XMLEscaping {
  /// Character data: `&`, `<`, `>` escaped.
  static func text(_ s: String) -> String { escape(s, attribute: false) }

  /// A double-quoted attribute value: also quotes, and tab/CR/LF as character references so parsers keep them.
  static func attribute(_ s: String) -> String { escape(s, attribute: true) }

  private static func escape(_ s: String, attribute: Bool) -> String {
    var out = ""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"" where attribute: out += "&quot;"
      case "'" where attribute: out += "&apos;"
      case "\t" where attribute: out += "&#9;"
      case "\n" where attribute: out += "&#10;"
      case "\r": out += "&#13;"
      case "\t", "\n": out.unicodeScalars.append(scalar)
      default:
        let v = scalar.value
        let legal = (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000
        out.unicodeScalars.append(legal ? scalar : "\u{FFFD}")
      }
    }
    return out
  }
}
