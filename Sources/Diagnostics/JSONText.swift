/// JSON string literals, written by hand where a whole encoder is not wanted (messages, baselines, one-line JSON).
public enum JSONText {
  /// `s` in double quotes, with `\"`, `\\`, `\n`, `\t`, `\r`, and `\uXXXX` for other control characters and for the
  /// characters YAML readers treat specially (DEL, C1 controls, U+2028, U+2029, U+FEFF), so the literal is also a
  /// valid double-quoted YAML scalar.
  public static func quoted(_ s: String) -> String {
    var out = "\""
    for c in s.unicodeScalars {
      switch c {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        let v = c.value
        if v < 0x20 || v == 0x7F || (0x80..<0xA0).contains(v) || v == 0x2028 || v == 0x2029 || v == 0xFEFF {
          let hex = String(v, radix: 16, uppercase: true)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(c)
        }
      }
    }
    return out + "\""
  }
}
