/// Hover, definition, references, document symbols and completion. Each capability is declared in `initialize` only
/// once it is implemented.
enum Navigation {
  static func declare(in capabilities: inout InitializeResult.Capabilities) {}
}
