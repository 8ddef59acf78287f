internal import CYAML
import Diagnostics

/// A file read as YAML: its complete documents, the findings met on the way, and its comments.
public struct YAMLFile: Sendable {
  public let source: SourceFile
  /// Documents in order; a document cut short by an error or a limit is left out.
  public let documents: [YAMLDocument]
  public let findings: [Finding]
  public let comments: CommentIndex
}

/// Limits that keep hostile input cheap.
public struct YAMLLimits: Sendable {
  /// Deepest nesting of collections; reading stops past it (libyaml's cost grows quadratically with depth).
  public var maxDepth = 512
  /// Most nodes that aliases may add to a document when expanded, at least; grows to 4× the document's own nodes.
  public var maxAliasExpansion = 1_000_000
  /// Largest file read.
  public var maxFileBytes = 1 << 30

  public init() {}
}

/// Reads YAML with libyaml's event parser into located documents. The only user of libyaml.
public enum YAMLReader {
  /// Reads every document of `source`. Never throws and never traps: every problem is a finding.
  public static func read(_ source: SourceFile, limits: YAMLLimits = YAMLLimits()) -> YAMLFile {
    if source.bytes.count > limits.maxFileBytes {
      let finding = Finding(
        YAMLRules.fileTooLarge,
        "file is \(source.bytes.count >> 20) MiB, more than the \(limits.maxFileBytes >> 20) MiB orglint reads",
        path: source.path, range: SourceRange(at: source.location(atByteOffset: 0)))
      return YAMLFile(source: source, documents: [], findings: [finding], comments: CommentIndex())
    }
    var builder = DocumentBuilder(source: source, limits: limits)
    source.bytes.withUnsafeBufferPointer { builder.run($0) }
    return YAMLFile(
      source: source, documents: builder.documents, findings: builder.findings, comments: builder.comments)
  }
}

/// Owns one `yaml_parser_t` for the duration of a read and turns its events into arena nodes.
/// A struct, so that its hot state is accessed without the runtime exclusivity checks a class's properties need.
struct DocumentBuilder {
  private struct Frame {
    var node: Int
    var pendingStart: Int
    var expanded: UInt64 = 1
    var anchor: String?
  }

  private struct Anchor {
    var node: UInt32
    var expanded: UInt64
    var open: Bool
  }

  let source: SourceFile
  let limits: YAMLLimits
  private(set) var documents: [YAMLDocument] = []
  private(set) var findings: [Finding] = []
  private(set) var comments = CommentIndex()

  private var doc: YAMLDocument?
  private var stack: [Frame] = []
  private var pending: [UInt32] = []
  private var anchors: [String: Anchor] = [:]
  private var tagIndex: [String: UInt16] = [:]
  private var aliasExpansion: UInt64 = 0
  private var aliasLimitReported = false
  private var offsets: OffsetMapper
  private var scannedUpTo = 0

  init(source: SourceFile, limits: YAMLLimits) {
    self.source = source
    self.limits = limits
    self.offsets = OffsetMapper(source: source)
  }

  mutating func run(_ input: UnsafeBufferPointer<UInt8>) {
    let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    defer { parser.deallocate() }
    guard yaml_parser_initialize(parser) == 1 else {
      report(YAMLRules.syntaxError, "libyaml could not start (out of memory)", at: 0)
      return
    }
    defer { yaml_parser_delete(parser) }
    if let base = input.baseAddress, !input.isEmpty {
      yaml_parser_set_input_string(parser, base, input.count)
    } else {
      var empty: UInt8 = 0
      yaml_parser_set_input_string(parser, &empty, 0)
    }
    var event = yaml_event_t()
    while true {
      guard yaml_parser_parse(parser, &event) == 1 else {
        reportParserError(parser.pointee)
        break
      }
      let done = event.type == YAML_STREAM_END_EVENT
      let keepGoing = handle(&event, input)
      yaml_event_delete(&event)
      if done || !keepGoing { break }
    }
    scanComments(upTo: input.count, input)
  }

  // MARK: Events

  private mutating func handle(_ event: inout yaml_event_t, _ input: UnsafeBufferPointer<UInt8>) -> Bool {
    switch event.type {
    case YAML_DOCUMENT_START_EVENT:
      doc = YAMLDocument(file: source)
      if documents.isEmpty {
        // The first document is usually most of the file: reserve for it (about one node per 12 bytes) so the
        // arena grows without copies. Untouched capacity costs no memory.
        doc!.nodes.reserveCapacity(source.bytes.count / 10)
        doc!.children.reserveCapacity(source.bytes.count / 10)
      }
      anchors = [:]
      tagIndex = [:]
      aliasExpansion = 0
      aliasLimitReported = false
    case YAML_DOCUMENT_END_EVENT:
      if let d = doc { documents.append(d) }
      doc = nil
    case YAML_SCALAR_EVENT:
      let s = event.data.scalar
      let start = offsets.byteOffset(event.start_mark.index)
      let end = offsets.byteOffset(event.end_mark.index)
      scanComments(upTo: start, input)
      scannedUpTo = max(scannedUpTo, end)
      let style: YAMLStyle
      switch s.style {
      case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
      case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
      case YAML_LITERAL_SCALAR_STYLE: style = .literal
      case YAML_FOLDED_SCALAR_STYLE: style = .folded
      default: style = .plain
      }
      var length = s.length
      if length > NodeRecord.maxCount {
        report(YAMLRules.fileTooLarge, "a scalar longer than 16 MiB is read as empty", at: start)
        length = 0
      }
      var record = NodeRecord(start: start, end: end, a: 0, count: length, kind: .scalar, style: style)
      let candidate = style == .plain ? start : (style == .literal || style == .folded ? -1 : start + 1)
      if candidate >= 0, candidate + length <= end,
        length == 0 || memcmpEqual(input.baseAddress! + candidate, s.value, length)
      {
        record.a = UInt32(candidate)
        record.meta |= NodeRecord.inSource
      } else {
        record.a = UInt32(truncatingIfNeeded: doc!.buffer.count)
        doc!.buffer.append(contentsOf: UnsafeBufferPointer(start: s.value, count: length))
      }
      let node = append(record)
      setTag(s.tag, of: node)
      if let a = s.anchor { anchors[String(cString: a)] = Anchor(node: UInt32(node), expanded: 1, open: false) }
      addChild(node, expanded: 1)
    case YAML_ALIAS_EVENT:
      let name = String(cString: event.data.alias.anchor)
      let start = offsets.byteOffset(event.start_mark.index)
      let end = offsets.byteOffset(event.end_mark.index)
      var record = NodeRecord(start: start, end: end, a: UInt32.max, count: 0, kind: .alias, style: .plain)
      var expanded: UInt64 = 1
      if let anchor = anchors[name] {
        if anchor.open {
          report(YAMLRules.aliasLimit, "alias '*\(name)' refers to the collection that contains it", at: start)
        } else {
          aliasExpansion &+= anchor.expanded
          let limit = UInt64(max(limits.maxAliasExpansion, 4 * doc!.nodes.count))
          if aliasExpansion > limit {
            if !aliasLimitReported {
              report(
                YAMLRules.aliasLimit,
                "aliases expand to more than \(limit) nodes; '*\(name)' and later aliases are read as null", at: start)
              aliasLimitReported = true
            }
          } else {
            record.a = anchor.node
            expanded = anchor.expanded
          }
        }
      } else {
        report(YAMLRules.undefinedAlias, "alias '*\(name)' refers to no anchor defined before it", at: start)
      }
      addChild(append(record), expanded: expanded)
    case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
      let isMapping = event.type == YAML_MAPPING_START_EVENT
      let start = offsets.byteOffset(event.start_mark.index)
      if stack.count >= limits.maxDepth {
        report(
          YAMLRules.nestingTooDeep, "collections are nested deeper than \(limits.maxDepth) levels; reading stops here",
          at: start)
        doc = nil
        return false
      }
      let flow =
        isMapping
        ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
        : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
      let anchorName = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
      let node = append(
        NodeRecord(
          start: start, end: start, a: 0, count: 0, kind: isMapping ? .mapping : .sequence, style: flow ? .flow : .block))
      setTag(isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag, of: node)
      var frame = Frame(node: node, pendingStart: pending.count)
      if let a = anchorName {
        let name = String(cString: a)
        frame.anchor = name
        anchors[name] = Anchor(node: UInt32(node), expanded: 1, open: true)
      }
      stack.append(frame)
    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
      let frame = stack.removeLast()
      let count = pending.count - frame.pendingStart
      let eventEnd = offsets.byteOffset(event.end_mark.index)
      var record = doc!.nodes[frame.node]
      record.a = UInt32(doc!.children.count)
      if count > NodeRecord.maxCount {
        report(YAMLRules.fileTooLarge, "a collection with more than 16 million entries is cut short", at: Int(record.start))
      }
      record.count = count
      doc!.children.append(contentsOf: pending[frame.pendingStart...])
      pending.removeLast(count)
      if record.style == .block, count > 0 {
        record.end = doc!.nodes[Int(doc!.children[Int(record.a) + count - 1])].end
      } else {
        record.end = UInt32(max(eventEnd, Int(record.start)))
      }
      doc!.nodes[frame.node] = record
      if record.kind == .mapping { markDuplicateKeys(frame.node) }
      if let name = frame.anchor { anchors[name] = Anchor(node: UInt32(frame.node), expanded: frame.expanded, open: false) }
      addChild(frame.node, expanded: frame.expanded)
    default:
      break
    }
    return true
  }

  private mutating func append(_ record: NodeRecord) -> Int {
    doc!.nodes.append(record)
    return doc!.nodes.count - 1
  }

  private mutating func addChild(_ node: Int, expanded: UInt64) {
    if stack.isEmpty {
      doc!.root = YAMLNodeID(node)
    } else {
      pending.append(UInt32(node))
      stack[stack.count - 1].expanded &+= expanded
    }
  }

  private mutating func setTag(_ tag: UnsafeMutablePointer<yaml_char_t>?, of node: Int) {
    guard let tag else { return }
    let name = String(cString: tag)
    var index = tagIndex[name]
    if index == nil, doc!.tags.count < Int(UInt16.max) {
      doc!.tags.append(name)
      index = UInt16(doc!.tags.count - 1)
      tagIndex[name] = index
    }
    guard let index else { return }
    doc!.tagOf[UInt32(node)] = index
    doc!.nodes[node].meta |= NodeRecord.hasTag
  }

  // MARK: Duplicate keys

  private mutating func markDuplicateKeys(_ mapping: Int) {
    let pairs = Self.duplicateKeys(of: YAMLNodeID(mapping), in: doc!)
    for (key, first) in pairs {
      doc!.nodes[Int(key.index)].meta |= NodeRecord.duplicateKey
      let firstLine = source.line(atByteOffset: doc!.startOffset(first))
      report(
        YAMLRules.duplicateKey, "duplicate key '\(doc!.scalar(key))'; it is first defined at line \(firstLine)",
        at: doc!.startOffset(key), end: doc!.endOffset(key))
    }
  }

  /// Each scalar key that repeats an earlier one, with that first key.
  private static func duplicateKeys(of id: YAMLNodeID, in d: YAMLDocument) -> [(YAMLNodeID, YAMLNodeID)] {
    let n = d.count(id)
    guard n > 1 else { return [] }
    var found: [(YAMLNodeID, YAMLNodeID)] = []
    if n <= 16 {
      // Small mappings (nearly all): compare bytes pairwise, allocating nothing.
      for i in 1..<n {
        let key = d.key(id, i)
        guard d.kind(key) == .scalar else { continue }
        for j in 0..<i where d.kind(d.key(id, j)) == .scalar && d.scalarBytesEqual(key, d.key(id, j)) {
          found.append((key, d.key(id, j)))
          break
        }
      }
      return found
    }
    var seen: [String: YAMLNodeID] = [:]
    seen.reserveCapacity(n)
    for i in 0..<n {
      let key = d.key(id, i)
      guard d.kind(key) == .scalar else { continue }
      let text = d.scalar(key)
      if let first = seen[text] { found.append((key, first)) } else { seen[text] = key }
    }
    return found
  }

  // MARK: Comments

  /// Records the `#` comments between the last scalar and byte `limit` (comments never start inside a scalar).
  private mutating func scanComments(upTo limit: Int, _ input: UnsafeBufferPointer<UInt8>) {
    var i = scannedUpTo
    let end = min(limit, input.count)
    while i < end {
      if input[i] == UInt8(ascii: "#"), i == 0 || isSpaceOrBreak(input[i - 1]) {
        var j = i + 1
        while j < input.count, input[j] != 0x0A, input[j] != 0x0D { j += 1 }
        let loc = source.location(atByteOffset: i)
        let text = String(decoding: UnsafeBufferPointer(rebasing: input[(i + 1)..<j]), as: UTF8.self)
        comments.comments.append(.init(line: loc.line, column: loc.column, text: trim(text)))
        i = j
      } else {
        i += 1
      }
    }
    scannedUpTo = max(scannedUpTo, end)
  }

  // MARK: Errors

  private mutating func reportParserError(_ p: yaml_parser_t) {
    let problem = p.problem.map { String(cString: $0) } ?? "unknown error"
    switch p.error {
    case YAML_READER_ERROR:
      var message = problem
      if problem.contains("control characters") {
        message += " (U+\(hex(p.problem_value, width: 4)))"
      } else if p.problem_value >= 0 {
        message += " (byte 0x\(hex(p.problem_value, width: 2)))"
      }
      report(YAMLRules.invalidEncoding, "invalid text: \(message)", at: p.problem_offset)
    case YAML_MEMORY_ERROR:
      report(YAMLRules.syntaxError, "libyaml ran out of memory", at: 0)
    default:
      var message = problem
      if let context = p.context {
        let at = source.location(atByteOffset: offsets.byteOffset(p.context_mark.index))
        message += " (\(String(cString: context)) that starts at line \(at.line), column \(at.column))"
      }
      report(YAMLRules.syntaxError, message, at: offsets.byteOffset(p.problem_mark.index))
    }
    doc = nil
  }

  private mutating func report(_ rule: RuleDescriptor, _ message: String, at offset: Int, end: Int? = nil) {
    let start = source.location(atByteOffset: offset)
    let range = SourceRange(start: start, end: end.map { source.location(atByteOffset: $0) } ?? start)
    findings.append(Finding(rule, message, path: source.path, range: range))
  }
}

@inline(__always)
private func isSpaceOrBreak(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

private func hex(_ value: Int32, width: Int) -> String {
  let digits = String(value, radix: 16, uppercase: true)
  return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

private func trim(_ s: String) -> String {
  var sub = Substring(s)
  while let f = sub.first, f == " " || f == "\t" { sub.removeFirst() }
  while let l = sub.last, l == " " || l == "\t" { sub.removeLast() }
  return String(sub)
}
