/// A lexical token of CEL, with the code-point offset where it starts.
struct Token: Sendable {
  enum Kind: Sendable, Equatable {
    case ident(String)
    /// A backquoted field name: `` x.`content-type` ``.
    case quotedIdent(String)
    /// An integer literal's magnitude (nil when it does not fit 64 bits) and whether it has the `u` suffix.
    case int(UInt64?, unsigned: Bool)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case punct(String)
    case end
  }
  var kind: Kind
  var offset: Int
}

/// Words CEL reserves: they cannot name variables or functions.
let reservedWords: Set<String> = [
  "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop", "package",
  "namespace", "return", "var", "void", "while",
]
