/// Text made safe to print on a terminal or in a CI log: a hostile config must not be able to move the cursor, erase
/// lines or retitle the window through a finding's message or source line.
enum TerminalText {
  /// Control characters shown as their Unicode control pictures (ESC as ␛, NUL as ␀, DEL as ␡), C1 controls and
  /// bidirectional formatting characters (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069, which can make a line
  /// read differently from what it holds: "Trojan Source") as U+FFFD, one code point each, so columns (and carets)
  /// stay where they were. Tabs stay when `keepTabs`.
  static func safe(_ text: String, keepTabs: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: { isControl($0) && !(keepTabs && $0 == "\t") }) else { return text }
    var out = String.UnicodeScalarView()
    for s in text.unicodeScalars {
      if !isControl(s) || (keepTabs && s == "\t") {
        out.append(s)
      } else if s.value < 0x20 {
        out.append(Unicode.Scalar(0x2400 + s.value)!)
      } else if s.value == 0x7F {
        out.append("\u{2421}")
      } else {
        out.append("\u{FFFD}")
      }
    }
    return String(out)
  }

  private static func isControl(_ s: Unicode.Scalar) -> Bool {
    s.value < 0x20 || s.value == 0x7F || (0x80..<0xA0).contains(s.value) || isBidiControl(s)
  }

  private static func isBidiControl(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }
}
