import Diagnostics

/// The pretty printer of the direct JSON writers (`JSONReportWriter`, `SARIFWriter`): byte for byte what `StableJSON`
/// (Foundation's JSONEncoder: pretty-printed, sorted keys, unescaped slashes) gives, without its intermediate tree.
///
/// `{`, members each on its own line at two more spaces, `"key" : value`, `}`; an empty object or array is the
/// bracket, an empty line, and the closing bracket at the outer indentation. Callers write keys in sorted order.
///
/// With an `output`, the bytes are handed on a chunk (`chunkSize`) at a time as they are written, so that a large
/// report is never held whole; without one, they stay in `bytes`.
struct PrettyJSONWriter {
  /// Bytes are handed on once this many have gathered (at the start of a member).
  static let chunkSize = 1 << 16

  private(set) var bytes: [UInt8] = []
  private var indent = 0
  /// Whether the current object or array already has a member (a comma goes before the next one).
  private var hasMember: [Bool] = []
  private let output: ((UnsafeRawBufferPointer) -> Void)?

  /// A writer that keeps its bytes (`bytes`).
  init(capacity: Int = 0) {
    output = nil
    bytes.reserveCapacity(capacity)
  }

  /// A writer that hands its bytes to `output` a chunk at a time; `finish()` hands on the last one.
  init(output: @escaping (UnsafeRawBufferPointer) -> Void) {
    self.output = output
    bytes.reserveCapacity(Self.chunkSize + 4096)
  }

  /// Ends the document with the final newline `StableJSON` adds, and hands on what is left.
  mutating func finish() {
    bytes.append(UInt8(ascii: "\n"))
    flush()
  }

  private mutating func flush() {
    guard let output, !bytes.isEmpty else { return }
    bytes.withUnsafeBytes { output($0) }
    bytes.removeAll(keepingCapacity: true)
  }

  mutating func object(_ members: (inout PrettyJSONWriter) -> Void) {
    open(UInt8(ascii: "{"))
    members(&self)
    close(UInt8(ascii: "}"))
  }

  mutating func array<T>(_ items: some Sequence<T>, _ element: (inout PrettyJSONWriter, T) -> Void) {
    open(UInt8(ascii: "["))
    for item in items {
      member()
      element(&self, item)
    }
    close(UInt8(ascii: "]"))
  }

  /// A member `"name" : value`.
  mutating func key(_ name: StaticString, _ value: (inout PrettyJSONWriter) -> Void) {
    member()
    bytes.append(UInt8(ascii: "\""))
    name.withUTF8Buffer { bytes.append(contentsOf: $0) }
    bytes.append(UInt8(ascii: "\""))
    separator()
    value(&self)
  }

  /// A member whose name is data (a dictionary's key), escaped as a string.
  mutating func key(_ name: String, _ value: (inout PrettyJSONWriter) -> Void) {
    member()
    string(name)
    separator()
    value(&self)
  }

  /// ` : ` between a key and its value.
  private mutating func separator() {
    bytes.append(0x20)
    bytes.append(UInt8(ascii: ":"))
    bytes.append(0x20)
  }

  private mutating func open(_ bracket: UInt8) {
    bytes.append(bracket)
    indent += 2
    hasMember.append(false)
  }

  private mutating func close(_ bracket: UInt8) {
    indent -= 2
    if hasMember.removeLast() == false { bytes.append(UInt8(ascii: "\n")) }
    newline()
    bytes.append(bracket)
  }

  /// Starts a member: a comma after the previous one, then a new line at the current indentation.
  private mutating func member() {
    if bytes.count >= Self.chunkSize { flush() }
    if hasMember[hasMember.count - 1] { bytes.append(UInt8(ascii: ",")) } else { hasMember[hasMember.count - 1] = true }
    newline()
  }

  private mutating func newline() {
    bytes.append(UInt8(ascii: "\n"))
    bytes.append(contentsOf: repeatElement(0x20, count: indent))
  }

  mutating func int(_ v: Int) { bytes.append(contentsOf: String(v).utf8) }

  mutating func bool(_ v: Bool) { bytes.append(contentsOf: (v ? "true" : "false").utf8) }

  /// As JSONEncoder writes a finite Double: its `description` without a trailing `.0`.
  mutating func double(_ v: Double) {
    var text = v.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    bytes.append(contentsOf: text.utf8)
  }

  mutating func string(_ s: String) { JSONText.appendEncoderQuoted(s, to: &bytes) }
}
