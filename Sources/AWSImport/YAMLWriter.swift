import Diagnostics
/// A YAML node to write: the emitter's input. Block style throughout; empty collections as `[]` / `{}`.
public indirect enum YAMLNode: Sendable, Equatable {
  /// A string; quoted when YAML 1.1 or 1.2 would read it as anything but this string.
  case string(String)
  /// Written as is: for values known to be plain-safe and read by type (`true`, `42`, `2026-10-01T10:00:00Z`).
  case raw(String)
  case bool(Bool)
  case sequence([YAMLNode])
  case mapping([YAMLEntry])

  static func timestamp(_ t: Timestamp) -> YAMLNode { .raw(t.description) }
}

/// A `key: value` pair, with optional comment lines (without `# `) written above the key.
public struct YAMLEntry: Sendable, Equatable {
  public var key: String
  public var value: YAMLNode
  public var comments: [String]

  public init(_ key: String, _ value: YAMLNode, comments: [String] = []) {
    self.key = key
    self.value = value
    self.comments = comments
  }

  /// An entry whose comment names the export file it comes from.
  static func from(_ source: String, _ key: String, _ value: YAMLNode) -> YAMLEntry {
    YAMLEntry(key, value, comments: ["source: \(source)"])
  }
}

/// Writes `YAMLNode`s as conventionally formatted YAML: 2-space indentation, sequences of mappings as `- key: v`.
public enum YAMLWriter {
  /// One document: leading comment lines, then the mapping (no `---`).
  public static func document(_ entries: [YAMLEntry], comments: [String] = []) -> String {
    var out = ""
    for line in comments { out += comment(line, indent: 0) }
    writeMapping(entries, indent: 0, into: &out, firstPrefix: nil)
    return out
  }

  private static func comment(_ text: String, indent: Int) -> String {
    // A comment cannot span lines: later lines get their own `#`.
    text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { String(repeating: " ", count: indent) + ($0.isEmpty ? "#" : "# \($0)") + "\n" }.joined()
  }

  /// Writes a mapping's entries at `indent`; when `firstPrefix` is set (`- `), the first key follows it on its line.
  private static func writeMapping(_ entries: [YAMLEntry], indent: Int, into out: inout String, firstPrefix: String?) {
    let pad = String(repeating: " ", count: indent)
    for (i, entry) in entries.enumerated() {
      var linePad = pad
      if i == 0, let prefix = firstPrefix {
        // Comments of the first entry go above the `- ` line.
        for line in entry.comments { out += comment(line, indent: indent - prefix.count) }
        linePad = String(repeating: " ", count: indent - prefix.count) + prefix
      } else {
        for line in entry.comments { out += comment(line, indent: indent) }
      }
      out += linePad + scalar(entry.key) + ":"
      writeValue(entry.value, indent: indent, into: &out)
    }
  }

  /// Writes a value after `key:` (on the same line when it is a scalar or empty collection).
  private static func writeValue(_ value: YAMLNode, indent: Int, into out: inout String) {
    switch value {
    case .sequence(let items) where items.isEmpty: out += " []\n"
    case .mapping(let entries) where entries.isEmpty: out += " {}\n"
    case .sequence(let items):
      out += "\n"
      writeSequence(items, indent: indent + 2, into: &out)
    case .mapping(let entries):
      out += "\n"
      writeMapping(entries, indent: indent + 2, into: &out, firstPrefix: nil)
    default:
      out += " " + inline(value) + "\n"
    }
  }

  /// Sequence items with their `- ` at `indent` (two columns right of the parent key, as Docs/format.md writes them).
  private static func writeSequence(_ items: [YAMLNode], indent: Int, into out: inout String) {
    let pad = String(repeating: " ", count: indent)
    for item in items {
      switch item {
      case .mapping(let entries) where !entries.isEmpty:
        writeMapping(entries, indent: indent + 2, into: &out, firstPrefix: "- ")
      case .sequence(let inner) where !inner.isEmpty:
        out += pad + "-\n"
        writeSequence(inner, indent: indent + 2, into: &out)
      default:
        out += pad + "- " + inline(item) + "\n"
      }
    }
  }

  private static func inline(_ value: YAMLNode) -> String {
    switch value {
    case .string(let s): scalar(s)
    case .raw(let s): s
    case .bool(let b): b ? "true" : "false"
    case .sequence: "[]"
    case .mapping: "{}"
    }
  }

  /// `s` plain when that is unambiguous in YAML 1.1 and 1.2, else double-quoted with JSON-style escapes.
  public static func scalar(_ s: String) -> String {
    isPlainSafe(s) ? s : JSONText.quoted(s)
  }

  /// Words YAML 1.1 reads as booleans or null (compared lowercased).
  private static let specialWords: Set<String> = [
    "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
  ]

  static func isPlainSafe(_ s: String) -> Bool {
    guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return false }
    if specialWords.contains(s.lowercased()) { return false }
    // Digits, signs and dots may start a number, a timestamp, `.inf` or `.nan`: quote them all.
    guard first.properties.isAlphabetic || first == "_" || first == "/" || first == "$" else { return false }
    guard last != ":" && last != " " else { return false }
    var previous: Unicode.Scalar = " "
    for c in s.unicodeScalars {
      switch c {
      case "a"..."z", "A"..."Z", "0"..."9", "_", "-", ".", "/", "@", "+", "=", "(", ")", "$", "*", "<", ">", "^", ";":
        break
      case " ":
        if previous == " " || previous == ":" { return false }
      case ":":
        break  // `: ` is caught when the space comes; a final `:` above.
      default:
        // Letters of other scripts are fine; everything else (controls, NEL, LS, PS, BOM, quotes, `#`, `,`...)
        // is quoted.
        if !(c.value > 0x7F && c.properties.isAlphabetic) { return false }
      }
      previous = c
    }
    return true
  }

}
