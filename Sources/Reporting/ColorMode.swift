/// `--color auto|always|never`: whether text output uses ANSI colours.
public enum ColorMode: String, CaseIterable, Sendable {
  /// Colour when standard output is a terminal and `NO_COLOR` is unset or empty (https://no-color.org).
  case auto
  case always
  case never

  /// Whether to colour, given whether the output goes to a terminal and the process environment.
  public func isEnabled(outputIsTerminal: Bool, environment: [String: String]) -> Bool {
    switch self {
    case .always: true
    case .never: false
    case .auto: outputIsTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }
  }
}
