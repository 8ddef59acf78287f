import Foundation

/// Deterministic JSON text: sorted keys, two-space pretty printing, unescaped slashes, and a final newline.
enum StableJSON {
  static func encode<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    } catch {
      // Only non-finite doubles fail to encode, and the report types hold none.
      preconditionFailure("JSON encoding failed: \(error)")
    }
  }
}
