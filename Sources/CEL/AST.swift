/// A node of a parsed CEL expression. `offset` is the position (in Unicode code points from the start of the
/// expression text) of the token that names the node, used for located diagnostics.
public struct Expr: Sendable {
  public var kind: ExprKind
  public var offset: Int

  public init(_ kind: ExprKind, at offset: Int) {
    self.kind = kind
    self.offset = offset
  }
}

/// The macros CEL expands over lists and maps.
public enum MacroKind: String, Sendable {
  case all, exists
  case existsOne = "exists_one"
  case map, filter
}

/// The shapes of CEL expression nodes.
public indirect enum ExprKind: Sendable {
  case literal(CELValue)
  case ident(String)
  /// `operand.field`; `presence` is true inside `has(...)`.
  case select(Expr, field: String, presence: Bool)
  /// A global call (`size(x)`, operators as `_+_`, `_[_]`, ...) or a receiver call (`x.size()`).
  case call(String, target: Expr?, args: [Expr])
  case list([Expr])
  case map([(key: Expr, value: Expr)])
  /// A macro over `range` binding `variable`: `body` is the predicate (or the map transform),
  /// `filter` the optional 3-argument map filter.
  case comprehension(MacroKind, range: Expr, variable: String, body: Expr, filter: Expr?)
}
