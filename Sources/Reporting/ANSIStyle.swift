/// The terminal styles of text output; `apply` is the identity when colour is off.
struct ANSIStyle: Sendable {
  let enabled: Bool

  static let bold = "1"
  static let red = "1;31"
  static let magenta = "1;35"
  static let cyan = "1;36"
  static let green = "1;32"

  /// `text` wrapped in the SGR escape `code` and a reset.
  func apply(_ code: String, _ text: String) -> String {
    enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
