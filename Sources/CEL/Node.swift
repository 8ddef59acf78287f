/// The checked, resolved form of an expression: variables are slots, host fields are indices, functions are
/// resolved implementations. The compiler turns it into closures.
indirect enum Node {
  case constant(CELValue)
  case slot(Int)
  /// A host object field by index; `presence` for `has()`.
  case field(Node, index: Int, type: CELObjectType, name: String, presence: Bool)
  /// A field or map key selected by name on a map or a `dyn` value.
  case select(Node, name: String, presence: Bool)
  case call(Function, [Node])
  case and(Node, Node)
  case or(Node, Node)
  case conditional(Node, Node, Node)
  case list([Node])
  case map([(Node, Node)], offset: Int)
  case comprehension(MacroKind, range: Node, slot: Int, body: Node, filter: Node?)
}
