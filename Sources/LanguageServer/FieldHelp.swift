import Diagnostics
import LocatedYAML
import OrgModel

/// Help on the fields of orglint/v1 documents: hover on a key gives the field's type, values and description, and
/// completion on a new key proposes the fields missing at that place, both read from `FieldDocs` (the JSON Schema the
/// decoder's field enums generate). The YAML path under the cursor is found with LocatedYAML in the current text.
/// Documents without `apiVersion: orglint/v1` (LZA, org-formation, any other YAML) get nothing.
enum FieldHelp {
  /// The field whose key is at `offset`, with the key's byte range.
  static func field(at offset: Int, in bytes: [UInt8]) -> (FieldDocs.Field, Range<Int>)? {
    let file = YAMLReader.read(SourceFile(path: "<buffer>", bytes: onlyTheDocument(at: offset, of: bytes)))
    guard let (doc, root, kind) = orglintDocument(before: offset, in: file) else { return nil }
    func holds(_ node: YAMLNodeID) -> Bool { doc.startOffset(node) <= offset && offset <= doc.endOffset(node) }
    var path: [FieldDocs.Step] = []
    var node = root
    while true {
      var next: YAMLNodeID?
      switch doc.kind(node) {
      case .mapping:
        for i in 0..<doc.count(node) {
          let key = doc.key(node, i)
          guard doc.kind(key) == .scalar else { continue }
          if holds(key) {
            let range = doc.startOffset(key)..<doc.endOffset(key)
            return FieldDocs.field(doc.scalar(key), kind: kind, at: path).map { ($0, range) }
          }
          let value = doc.value(node, i)
          if holds(value) {
            path.append(.key(doc.scalar(key)))
            next = value
            break
          }
        }
      case .sequence:
        next = doc.items(node).first(where: holds)
        path.append(.item)
      case .scalar, .alias:
        return nil
      }
      guard let next else { return nil }
      node = next
    }
  }

  /// The hover text of a field: its name, type, whether it is required, its values and its description (Markdown).
  static func hoverText(_ field: FieldDocs.Field) -> String {
    var text = "**\(field.name)**: \(field.type)" + (field.required ? " (required)" : "")
    if !field.values.isEmpty { text += "\n\nValues: " + field.values.map { "`\($0)`" }.joined(separator: ", ") }
    if !field.description.isEmpty { text += "\n\n" + field.description }
    return text
  }

  /// The fields that may be written as a new key at `offset` (a line holding only indentation, an optional `- ` and
  /// the start of a key before the cursor), without those the mapping already has; nil when the cursor is not at
  /// such a place of an orglint/v1 document.
  static func missingFields(at offset: Int, line: Range<Int>, in bytes: [UInt8]) -> [FieldDocs.Field]? {
    // The text before the cursor: spaces, an optional `- ` (a new sequence item), the key's first letters.
    var i = line.lowerBound
    while i < offset, bytes[i] == UInt8(ascii: " ") { i += 1 }
    var dash: Int?
    if i + 1 < offset, bytes[i] == UInt8(ascii: "-"), bytes[i + 1] == UInt8(ascii: " ") {
      dash = i - line.lowerBound
      i += 1
      while i < offset, bytes[i] == UInt8(ascii: " ") { i += 1 }
    }
    let column = i - line.lowerBound
    guard bytes[i..<offset].allSatisfy(Navigation.isWordByte) else { return nil }

    // Read the document without the cursor's line (a half-typed key is not YAML yet).
    var text = onlyTheDocument(at: offset, of: bytes)
    var end = line.lowerBound
    while end < text.count, text[end] != UInt8(ascii: "\n") {
      if text[end] != UInt8(ascii: "\r") { text[end] = UInt8(ascii: " ") }
      end += 1
    }
    let file = YAMLReader.read(SourceFile(path: "<buffer>", bytes: text))
    guard let (doc, root, kind) = orglintDocument(before: offset, in: file) else { return nil }
    func indent(_ node: YAMLNodeID) -> Int {
      var start = doc.startOffset(node)
      while start > 0, text[start - 1] != UInt8(ascii: "\n") { start -= 1 }
      return doc.startOffset(node) - start
    }
    func isAbove(_ node: YAMLNodeID) -> Bool { doc.startOffset(node) < line.lowerBound }

    var path: [FieldDocs.Step] = []
    var node = root
    var present: [String] = []
    descent: while true {
      switch doc.kind(node) {
      case .mapping where doc.style(node) != .flow:
        let own = indent(node)
        if column == own, dash == nil {
          present = (0..<doc.count(node)).map { doc.scalar(doc.key(node, $0)) }
          break descent
        }
        guard column > own, let last = (0..<doc.count(node)).last(where: { isAbove(doc.key(node, $0)) }) else {
          return nil
        }
        path.append(.key(doc.scalar(doc.key(node, last))))
        let value = doc.value(node, last)
        if doc.isNull(value), dash == nil { break descent }  // `root:` with nothing under it yet
        if doc.isNull(value), dash != nil {
          path.append(.item)
          break descent
        }
        node = value
      case .sequence where doc.style(node) != .flow:
        if let dash, dash == indent(node) {
          path.append(.item)  // a new item
          break descent
        }
        guard let last = doc.items(node).last(where: isAbove) else { return nil }
        path.append(.item)
        node = last
      default:
        return nil
      }
    }
    guard let fields = FieldDocs.fields(kind: kind, at: path) else { return nil }
    return fields.filter { !present.contains($0.name) }
  }

  /// A completion proposal for a field.
  static func completionItem(_ field: FieldDocs.Field) -> CompletionItem {
    var documentation = field.description
    if !field.values.isEmpty {
      documentation += "\n\nValues: " + field.values.map { "`\($0)`" }.joined(separator: ", ")
    }
    return CompletionItem(
      label: field.name, kind: 5, detail: field.type + (field.required ? " (required)" : ""),
      documentation: documentation)
  }

  /// The text with every line outside the YAML document holding `offset` made blank (its line breaks kept, so that
  /// offsets do not move): a syntax error in another document of the file does not stop the help in this one.
  /// Documents are split at their `---` lines (a `---` at the start of a line always starts a document in YAML).
  static func onlyTheDocument(at offset: Int, of bytes: [UInt8]) -> [UInt8] {
    var starts: [Int] = []  // line starts of `---` lines
    var lineStart = 0
    while lineStart < bytes.count {
      let rest = bytes.count - lineStart
      if rest >= 3, bytes[lineStart] == UInt8(ascii: "-"), bytes[lineStart + 1] == UInt8(ascii: "-"),
        bytes[lineStart + 2] == UInt8(ascii: "-"),
        rest == 3 || [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")]
          .contains(bytes[lineStart + 3])
      {
        starts.append(lineStart)
      }
      guard let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else { break }
      lineStart = newline + 1
    }
    guard !starts.isEmpty else { return bytes }
    let lower = starts.last { $0 <= offset } ?? 0
    let upper = starts.first { $0 > offset } ?? bytes.count
    var text = bytes
    for i in 0..<text.count where (i < lower || i >= upper) && text[i] != UInt8(ascii: "\n") {
      text[i] = UInt8(ascii: " ")
    }
    return text
  }

  /// The document of `file` the offset is in (the last one starting before it), with its top-level mapping and its
  /// kind, when it is an orglint/v1 document.
  private static func orglintDocument(before offset: Int, in file: YAMLFile)
    -> (YAMLDocument, YAMLNodeID, DocumentKind)?
  {
    let candidates = file.documents.filter { $0.root != nil }
    guard let doc = candidates.last(where: { $0.startOffset($0.root!) <= offset }) ?? candidates.first,
      let root = doc.root, doc.kind(root) == .mapping,
      let version = doc.value(root, forKey: "apiVersion"), doc.scalar(version) == ModelDecoder.apiVersion,
      let kindNode = doc.value(root, forKey: "kind"), let kind = DocumentKind(rawValue: doc.scalar(kindNode))
    else { return nil }
    return (doc, root, kind)
  }
}
